// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Pieces of the passage stage changed for speed (bench/README-passages.md, round 5), each against a
// plain reference.

#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "pipeline/passages/passages.h"
#include "pipeline/passages/passages_internal.h"

namespace neardup {
namespace {

uint64_t Next(uint64_t* state) {
  *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
  return *state >> 17;
}

// Gives `doc` `n_ranges` ranges of one code point each over a text of spaces (the stage takes its words
// as given, and reads the text only for offsets); the caller appends each range's words and end.
void OneCodePointRanges(size_t n_ranges, std::string* text, PassageInput* doc) {
  text->assign(n_ranges, ' ');
  doc->text = *text;
  for (size_t r = 0; r < n_ranges; ++r) {
    doc->ranges.push_back({static_cast<uint32_t>(r), static_cast<uint32_t>(r + 1)});
  }
}

// The chunk counter's table against one increment per word. Chunks of up to 200,000 words from
// vocabularies of 1 to 300,000 words (the table grows from 4,096 slots many times within a chunk, with
// counts already in it, and is flushed after some chunks and not others), words equal but for the common
// bit (the same word), 0 and UINT32_MAX, one counter for every chunk of a trial.
TEST(PassagesSpeed5Test, ChunkWordCountsMatchOneIncrementPerWord) {
  uint64_t state = 11;
  for (int trial = 0; trial < 16; ++trial) {
    std::vector<std::vector<uint32_t>> chunks(1 + Next(&state) % 6);
    for (auto& chunk : chunks) {
      const uint64_t vocabulary = 1 + Next(&state) % (trial % 3 == 0 ? 50 : 300000);
      const uint32_t base = static_cast<uint32_t>(Next(&state));
      chunk.resize(Next(&state) % 200001);
      for (uint32_t& w : chunk) {
        const uint64_t r = Next(&state);
        if (r % 97 == 0) {
          w = r % 2 ? 0u : UINT32_MAX;
        } else {
          // Frequent words near the start of the vocabulary, some with the common bit set.
          const uint64_t rank = (Next(&state) % vocabulary) * (Next(&state) % vocabulary) / vocabulary;
          w = (base + static_cast<uint32_t>(rank) * 2654435761u) ^ (r % 3 == 0 ? 0x80000000u : 0u);
        }
      }
    }
    std::vector<uint32_t> want(passages_internal::CountWordsForTest({}).size(), 0);
    for (const auto& chunk : chunks) {
      for (const uint32_t w : chunk) ++want[passages_internal::WordSlotForTest(w)];
    }
    const std::vector<uint32_t> got = passages_internal::CountWordsForTest(chunks);
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < want.size(); ++i) ASSERT_EQ(got[i], want[i]) << trial << " slot " << i;
  }
}

// The fingerprint pass writes every shingle's posting and keeps the sampled ones by moving its end; its
// table of a chunk's postings grows within a chunk; the words step flushes each thread's word counts
// after some chunks and at its end. The common words and the fingerprints the stage finds (stats:
// distinct fingerprints) against the definitions: a word is common when its count slot holds at least
// 500 words (these inputs have fewer than 10,000 documents), and a fingerprint is a four-word window
// of one range holding a word that is not common, its words marked, sampled by the low bit of its hash.
// A dozen frequent words make a third of the words; documents of up to 5,000 words in chunks of 1-9
// documents, ranges empty or not, words with the top bit set (the stage drops it).
TEST(PassagesSpeed5Test, FingerprintsAreTheSampledShinglesOfEveryRange) {
  uint64_t state = 5;
  for (int trial = 0; trial < 6; ++trial) {
    const size_t n_docs = 20 + Next(&state) % 60;
    std::vector<PassageInput> docs(n_docs);
    std::vector<std::string> texts(n_docs);
    std::vector<std::vector<uint32_t>> doc_words(n_docs), doc_ends(n_docs);  // what the views show
    std::vector<uint32_t> counts(passages_internal::CountWordsForTest({}).size(), 0);
    for (size_t d = 0; d < n_docs; ++d) {
      PassageInput& doc = docs[d];
      const size_t n_ranges = 1 + Next(&state) % 4;
      OneCodePointRanges(n_ranges, &texts[d], &doc);
      for (size_t r = 0; r < n_ranges; ++r) {
        const size_t n = Next(&state) % 7 == 0 ? 0 : Next(&state) % (Next(&state) % 4 == 0 ? 5000 : 300);
        for (size_t i = 0; i < n; ++i) {
          const uint64_t rank = Next(&state) % 3 == 0 ? Next(&state) % 12 : 12 + Next(&state) % 50000;
          const uint32_t w = static_cast<uint32_t>(rank) * 2654435761u;
          doc_words[d].push_back(w ^ (Next(&state) % 2 ? 0x80000000u : 0u));
          ++counts[passages_internal::WordSlotForTest(w)];
        }
        doc_ends[d].push_back(static_cast<uint32_t>(doc_words[d].size()));
      }
      doc.words = doc_words[d];
      doc.range_word_ends = doc_ends[d];
    }
    uint64_t common = 0;
    for (const uint32_t c : counts) common += c >= 500;
    std::set<uint64_t> want;
    for (const PassageInput& doc : docs) {
      uint32_t begin = 0;
      for (const uint32_t end : doc.range_word_ends) {
        std::vector<uint32_t> marked;
        for (uint32_t i = begin; i < end; ++i) {
          const uint32_t w = doc.words[i] & 0x7FFFFFFFu;
          marked.push_back(w | (counts[passages_internal::WordSlotForTest(w)] >= 500 ? 0x80000000u : 0u));
        }
        for (size_t i = 0; i + 4 <= marked.size(); ++i) {
          bool rare = false;
          for (size_t k = i; k < i + 4; ++k) rare |= (marked[k] & 0x80000000u) == 0;
          const uint64_t h = passages_internal::ShingleHashForTest(marked.data() + i);
          if (rare && (h & 1) == 0) want.insert(h);
        }
        begin = end;
      }
    }
    PassageOptions options;
    options.chunk_docs = 1 + Next(&state) % 9;
    std::vector<PassagePair> pairs;
    PassageStats stats;
    ASSERT_TRUE(FindPassages(docs, options, &pairs, &stats).ok()) << trial;
    EXPECT_EQ(stats.common_words, common) << trial;
    EXPECT_EQ(stats.fingerprints, want.size()) << trial;
  }
}

// Step 3b keeps only a document's entries of indexed fingerprints, which gathering the seeds reads.
// The pairs aligned (stats.candidate_pairs) against the pairs of documents sharing a fingerprint: no
// fingerprint is in more documents than the cap (at most 60 documents) and none is common; documents
// quote windows of 4-12 words of a shared pool of word sequences among random words of their own.
TEST(PassagesSpeed5Test, CandidatePairsAreThePairsSharingAFingerprint) {
  uint64_t state = 8;
  for (int trial = 0; trial < 30; ++trial) {
    const size_t n_docs = 2 + Next(&state) % 59;
    std::vector<std::vector<uint32_t>> pool(1 + Next(&state) % 20);
    for (auto& sequence : pool) {
      for (size_t i = 0; i < 40; ++i) sequence.push_back(static_cast<uint32_t>(Next(&state)));
    }
    std::vector<PassageInput> docs(n_docs);
    std::vector<std::string> texts(n_docs);
    std::vector<std::vector<uint32_t>> doc_words(n_docs), doc_ends(n_docs);  // what the views show
    std::map<uint64_t, std::set<size_t>> docs_of;
    for (size_t d = 0; d < n_docs; ++d) {
      PassageInput& doc = docs[d];
      const size_t n_ranges = 1 + Next(&state) % 3;
      OneCodePointRanges(n_ranges, &texts[d], &doc);
      for (size_t r = 0; r < n_ranges; ++r) {
        std::vector<uint32_t> words;
        for (size_t piece = Next(&state) % 6; piece-- > 0;) {
          for (size_t i = Next(&state) % 12; i-- > 0;) words.push_back(static_cast<uint32_t>(Next(&state)));
          const auto& sequence = pool[Next(&state) % pool.size()];
          const size_t length = 4 + Next(&state) % 9, from = Next(&state) % (sequence.size() - length);
          words.insert(words.end(), sequence.begin() + from, sequence.begin() + from + length);
        }
        for (uint32_t& w : words) w &= 0x7FFFFFFFu;
        doc_words[d].insert(doc_words[d].end(), words.begin(), words.end());
        doc_ends[d].push_back(static_cast<uint32_t>(doc_words[d].size()));
        for (size_t i = 0; i + 4 <= words.size(); ++i) {
          const uint64_t h = passages_internal::ShingleHashForTest(words.data() + i);
          if ((h & 1) == 0) docs_of[h].insert(d);
        }
      }
      doc.words = doc_words[d];
      doc.range_word_ends = doc_ends[d];
    }
    std::set<std::pair<size_t, size_t>> want;
    for (const auto& [hash, in] : docs_of) {
      for (auto a = in.begin(); a != in.end(); ++a) {
        for (auto b = std::next(a); b != in.end(); ++b) want.insert({*a, *b});
      }
    }
    PassageOptions options;
    options.chunk_docs = 1 + Next(&state) % 9;
    std::vector<PassagePair> pairs;
    PassageStats stats;
    ASSERT_TRUE(FindPassages(docs, options, &pairs, &stats).ok()) << trial;
    EXPECT_EQ(stats.capped_fingerprints, 0u) << trial;
    EXPECT_EQ(stats.candidate_pairs, want.size()) << trial;
  }
}

}  // namespace
}  // namespace neardup
