// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// ConcatenateWords (rules.h): the prefilter's words of a run of sentences, made from the words of each
// sentence, must be what ScanWords finds in the run's text, field by field: Classify gates its runs of
// sentences with them. Sentences joined by every kind of whitespace a sentence splitter accepts,
// including non-ASCII spaces that the chunk count does not take for whitespace, and the lines of the
// benchmark's corpus.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bench/boilerplate_corpus.h"
#include "pipeline/boilerplate/rules.h"
#include "pipeline/boilerplate/templates.h"
#include "tests/boilerplate_paths_util.h"

namespace neardup {
namespace {

using boilerplate_internal::ScanWords;
using boilerplate_internal::SplitSentences;
using boilerplate_internal::Unit;
using boilerplate_internal::UnitWords;
using boilerplate_testing::ExpectSameWords;

// Every run of one to three sentences of `text`: composed against scanned. Returns the runs compared.
size_t CompareRuns(const std::string& text) {
  const std::vector<Unit> sentences = SplitSentences(text);
  std::vector<UnitWords> parts(sentences.size());
  for (size_t k = 0; k < sentences.size(); ++k) {
    ScanWords(std::string_view(text).substr(sentences[k].text_begin,
                                            sentences[k].text_end - sentences[k].text_begin),
              &parts[k]);
  }
  size_t compared = 0;
  for (size_t i = 0; i < sentences.size(); ++i) {
    for (size_t len = 2; len <= 3 && i + len <= sentences.size(); ++len) {
      const size_t b = sentences[i].text_begin, e = sentences[i + len - 1].text_end;
      UnitWords scanned, composed;
      ScanWords(std::string_view(text).substr(b, e - b), &scanned);
      composed.Clear();
      ConcatenateWords(parts.data() + i, len, text, sentences.data() + i, &composed);
      ExpectSameWords(composed, scanned, text.substr(b, e - b));
      ++compared;
    }
  }
  return compared;
}

TEST(BoilerplateConcatWordsTest, SentencesJoinedByAnyWhitespace) {
  const std::vector<std::string> sentences = {"Leave a comment.",
                                              "Comments are closed.",
                                              "\xC2\xA9 2026 The Harbor Ledger.",
                                              "2 min read.",
                                              "Home > News > Ferry resumes!",
                                              "Share on Facebook.",
                                              "\xC2\xBB Read more.",
                                              "\xC5\xBFhare this?",
                                              "By Lena Okafor.",
                                              "It was 3.5 km long.",
                                              "Shares: 1.2k."};
  const std::vector<std::string> gaps = {" ",
                                         "  \t ",
                                         "\n",
                                         "\xC2\xA0",
                                         " \xC2\xA0 ",
                                         "\xC2\xA0 ",
                                         " \xC2\xA0",
                                         "\xE2\x80\x83",
                                         "\x0B",
                                         " \xE2\x80\x83 \xC2\xA0 ",
                                         "\xC2\xA0\xC2\xA0"};
  size_t compared = 0;
  for (size_t a = 0; a < sentences.size(); ++a) {
    for (const std::string& gap : gaps) {
      for (const std::string& gap2 : {std::string(" "), gap}) {
        const std::string text = sentences[a] + gap + sentences[(a + 1) % sentences.size()] + gap2 +
                                 sentences[(a + 5) % sentences.size()];
        compared += CompareRuns(text);
      }
    }
  }
  EXPECT_GT(compared, 200u);
}

TEST(BoilerplateConcatWordsTest, CorpusLines) {
  bench::BoilerplateCorpusOptions options;
  options.sites = 40;
  options.wrapped = 0.25;
  size_t compared = 0;
  for (const bench::LabelledDoc& d : bench::MakeBoilerplateCorpus(options)) {
    size_t pos = 0;
    while (pos < d.text.size()) {
      size_t eol = d.text.find('\n', pos);
      if (eol == std::string::npos) eol = d.text.size();
      compared += CompareRuns(d.text.substr(pos, eol - pos));
      pos = eol + 1;
    }
  }
  EXPECT_GT(compared, 1000u);
}

}  // namespace
}  // namespace neardup
