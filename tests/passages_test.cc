// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Passages shared by two documents (pipeline/passages). Every fixture is invented text: words built from
// made-up syllables, so that nothing is shared by chance and each test controls what two documents share.

#include "pipeline/passages/passages.h"

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <algorithm>
#include <climits>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "kernels/tokenize.h"
#include "pipeline/passages/passages_internal.h"

namespace neardup {
namespace {

uint64_t Next(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// One invented word of two to four syllables.
std::string InventedWord(uint64_t* state) {
  static const char* kSyllables[] = {"bra", "vo",  "kel", "tum", "sir", "da",  "mon", "pek", "ul",  "zan",
                                     "fo",  "rit", "ga",  "hes", "lin", "qua", "mor", "te",  "wix", "yal",
                                     "nep", "cro", "di",  "sul", "ob",  "har", "ve",  "ji",  "lox", "pra"};
  std::string w;
  const int n = 2 + static_cast<int>(Next(state) % 3);
  for (int i = 0; i < n; ++i) w += kSyllables[Next(state) % 30];
  return w;
}

// `n` invented words as sentences: a capital letter after each full stop, a comma now and then.
std::vector<std::string> Words(uint64_t seed, size_t n) {
  uint64_t state = seed * 0x2545f4914f6cdd1dULL + 17;
  std::vector<std::string> words;
  for (size_t i = 0; i < n; ++i) words.push_back(InventedWord(&state));
  return words;
}

std::string Join(const std::vector<std::string>& words) {
  std::string text;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) text += (i % 11 == 0) ? ". " : (i % 7 == 0 ? ", " : " ");
    text += words[i];
  }
  return text;
}

std::string Prose(uint64_t seed, size_t n) { return Join(Words(seed, n)) + "."; }

// `words` with every `every`-th word (counting from `offset`) replaced by a fresh invented word.
std::vector<std::string> Edit(std::vector<std::string> words, size_t every, size_t offset, uint64_t seed) {
  uint64_t state = seed * 31 + 5;
  for (size_t i = offset; i < words.size(); i += every) words[i] = "x" + InventedWord(&state);
  return words;
}

size_t CodePoints(std::string_view s) { return CountCodePoints(s); }

// Code point offset of byte offset `byte` in `text`.
uint32_t Cp(const std::string& text, size_t byte) {
  return static_cast<uint32_t>(CodePoints(std::string_view(text).substr(0, byte)));
}

// text[cp_start, cp_end) by code points, as Python slices it.
std::string Slice(const std::string& text, uint32_t cp_start, uint32_t cp_end) {
  size_t byte = 0, cp = 0, start = std::string::npos;
  while (true) {
    if (cp == cp_start) start = byte;
    if (cp == cp_end || byte >= text.size()) break;
    ++byte;
    while (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80) ++byte;
    ++cp;
  }
  return start == std::string::npos ? std::string() : text.substr(start, byte - start);
}

PassageInput Doc(const std::string& text, int32_t cluster = -1, bool participates = true) {
  PassageInput in;
  in.text = text;
  in.ranges = {{0, static_cast<uint32_t>(CodePoints(text))}};
  in.cluster = cluster;
  in.participates = participates;
  return in;
}

std::vector<PassagePair> Find(const std::vector<PassageInput>& docs, PassageOptions options = {},
                              PassageStats* stats_out = nullptr) {
  std::vector<PassagePair> pairs;
  PassageStats stats;
  const Status status = FindPassages(docs, options, &pairs, &stats);
  EXPECT_TRUE(status.ok()) << status.ToString();
  if (stats_out != nullptr) *stats_out = stats;
  return pairs;
}

// The span [start, end) (code points) covers at least `fraction` of [want_start, want_end).
bool Covers(uint32_t start, uint32_t end, uint32_t want_start, uint32_t want_end, double fraction) {
  const uint32_t lo = std::max(start, want_start), hi = std::min(end, want_end);
  return hi > lo && (hi - lo) >= fraction * (want_end - want_start);
}

struct Planted {
  std::string text;
  uint32_t start, end;  // code points of the planted passage
};

// before + passage + after, remembering where the passage is.
Planted Plant(const std::string& before, const std::string& passage, const std::string& after) {
  Planted p;
  p.text = before + passage + after;
  p.start = Cp(p.text, before.size());
  p.end = p.start + static_cast<uint32_t>(CodePoints(passage));
  return p;
}

TEST(PassagesTest, ExactSharedPassage) {
  const std::string passage = Join(Words(100, 40));
  const Planted a = Plant(Prose(1, 60) + "\n\n", passage, ".\n\n" + Prose(2, 50));
  const Planted b = Plant(Prose(3, 80) + " ", passage, ". " + Prose(4, 30));
  const std::string unrelated = Prose(5, 100);
  const std::vector<PassageInput> docs = {Doc(a.text), Doc(unrelated), Doc(b.text)};
  const auto pairs = Find(docs);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].a, 0u);
  EXPECT_EQ(pairs[0].b, 2u);
  ASSERT_EQ(pairs[0].spans.size(), 1u);
  const PassageSpan& s = pairs[0].spans[0];
  EXPECT_EQ(Slice(a.text, s.a_start, s.a_end), passage);
  EXPECT_EQ(Slice(b.text, s.b_start, s.b_end), passage);
  EXPECT_DOUBLE_EQ(s.similarity, 1.0);
}

TEST(PassagesTest, EditEveryTenWordsIsOnePassage) {
  const std::vector<std::string> words = Words(200, 60);
  const std::string original = Join(words);
  const std::string edited = Join(Edit(words, 10, 4, 7));
  const Planted a = Plant(Prose(11, 50) + "\n", original, "\n" + Prose(12, 50));
  const Planted b = Plant(Prose(13, 30) + "\n", edited, "\n" + Prose(14, 70));
  const auto pairs = Find({Doc(a.text), Doc(b.text)});
  ASSERT_EQ(pairs.size(), 1u);
  ASSERT_EQ(pairs[0].spans.size(), 1u);
  const PassageSpan& s = pairs[0].spans[0];
  EXPECT_EQ(s.a_start, a.start);
  EXPECT_EQ(s.a_end, a.end);
  EXPECT_EQ(s.b_start, b.start);
  EXPECT_EQ(s.b_end, b.end);
  EXPECT_NEAR(s.similarity, 54.0 / 60.0, 1e-9);  // six of sixty words changed
}

TEST(PassagesTest, PunctuationAndQuotesDoNotMatter) {
  const std::vector<std::string> w = Words(300, 30);
  // One side quotes with straight quotes and commas, the other with curly quotes, dashes and semicolons.
  std::string plain = "\"", fancy = "\xE2\x80\x9C";  // U+201C
  for (size_t i = 0; i < w.size(); ++i) {
    if (i > 0) {
      plain += (i % 6 == 0) ? ", " : " ";
      fancy += (i % 6 == 0) ? " \xE2\x80\x94 " : (i % 9 == 0 ? "; " : " ");  // U+2014
    }
    plain += w[i];
    fancy += (i == 12) ? "\xC2\xAB" + w[i] + "\xC2\xBB" : w[i];  // guillemets around one word
  }
  plain += ".\"";
  fancy += "!\xE2\x80\x9D";  // U+201D
  const Planted a = Plant(Prose(21, 40) + " ", plain, " " + Prose(22, 40));
  const Planted b = Plant(Prose(23, 40) + " ", fancy, " " + Prose(24, 40));
  const auto pairs = Find({Doc(a.text), Doc(b.text)});
  ASSERT_EQ(pairs.size(), 1u);
  ASSERT_EQ(pairs[0].spans.size(), 1u);
  const PassageSpan& s = pairs[0].spans[0];
  // The spans run from the first word to the last word: quotes and final punctuation stay outside.
  EXPECT_EQ(Slice(a.text, s.a_start, s.a_end), plain.substr(1, plain.size() - 3));
  EXPECT_EQ(s.b_start, b.start + 1);
  EXPECT_EQ(s.b_end, b.end - 2);
  EXPECT_DOUBLE_EQ(s.similarity, 1.0);
}

TEST(PassagesTest, MergedParagraphIsOnePassage) {
  const std::string p1 = Join(Words(400, 25)) + ".", p2 = Join(Words(401, 25)) + ".";
  const Planted a = Plant(Prose(31, 40) + "\n\n", p1 + "\n\n" + p2, "\n\n" + Prose(32, 40));
  const Planted b = Plant(Prose(33, 40) + "\n\n", p1 + " " + p2, "\n\n" + Prose(34, 40));
  const auto pairs = Find({Doc(a.text), Doc(b.text)});
  ASSERT_EQ(pairs.size(), 1u);
  ASSERT_EQ(pairs[0].spans.size(), 1u);
  const PassageSpan& s = pairs[0].spans[0];
  EXPECT_EQ(s.a_start, a.start);
  EXPECT_EQ(s.a_end, a.end - 1);  // the final full stop is not a word
  EXPECT_EQ(s.b_start, b.start);
  EXPECT_EQ(s.b_end, b.end - 1);
}

TEST(PassagesTest, LongEditedPassageIsOneMaximalSpanPair) {
  // 150 words with a changed word every 9 words, two inserted words, one dropped word and a sentence
  // split differently: still one span pair covering the whole passage on both sides.
  std::vector<std::string> words = Words(500, 150);
  const std::string original = Join(words);
  words = Edit(words, 9, 3, 8);
  words.insert(words.begin() + 50, {"insertedone", "insertedtwo"});
  words.erase(words.begin() + 100);
  const std::string edited = Join(words);
  const Planted a = Plant(Prose(41, 40) + "\n", original, "\n" + Prose(42, 40));
  const Planted b = Plant(Prose(43, 40) + "\n", edited, "\n" + Prose(44, 40));
  const auto pairs = Find({Doc(a.text), Doc(b.text)});
  ASSERT_EQ(pairs.size(), 1u);
  ASSERT_EQ(pairs[0].spans.size(), 1u) << "fragments instead of one passage";
  const PassageSpan& s = pairs[0].spans[0];
  EXPECT_TRUE(Covers(s.a_start, s.a_end, a.start, a.end, 0.97));
  EXPECT_TRUE(Covers(s.b_start, s.b_end, b.start, b.end, 0.97));
  EXPECT_GT(s.similarity, 0.85);
  EXPECT_LT(s.similarity, 0.95);
}

TEST(PassagesTest, OffsetsAreCodePointsAfterNonAsciiText) {
  const std::string passage = Join(Words(600, 35));
  // Two-, three- and four-byte code points before the passage, in both documents.
  const std::string before_a =
      "Øresund kryß ĳ \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80 naïveté " + Prose(51, 20) + "\n";
  const std::string before_b = "\xF0\x90\x8D\x88\xF0\x90\x8D\x88 Ελλάδα " + Prose(52, 10) + " — ";
  const Planted a = Plant(before_a, passage, " \xE2\x80\xA6 " + Prose(53, 10));
  const Planted b = Plant(before_b, passage, "\n");
  ASSERT_NE(a.start, before_a.size());  // the offsets really differ from byte offsets
  const auto pairs = Find({Doc(a.text), Doc(b.text)});
  ASSERT_EQ(pairs.size(), 1u);
  ASSERT_EQ(pairs[0].spans.size(), 1u);
  const PassageSpan& s = pairs[0].spans[0];
  EXPECT_EQ(s.a_start, a.start);
  EXPECT_EQ(s.b_start, b.start);
  EXPECT_EQ(Slice(a.text, s.a_start, s.a_end), passage);
  EXPECT_EQ(Slice(b.text, s.b_start, s.b_end), passage);
}

// `phrases` in every one of `n` documents, rotated, with `gap` words of each document's own between them.
std::vector<std::string> StockPhraseDocuments(const std::vector<std::string>& phrases, int n, size_t gap) {
  std::vector<std::string> texts;
  for (int d = 0; d < n; ++d) {
    std::string t = Prose(1000 + d, 20);
    for (size_t p = 0; p < phrases.size(); ++p) {
      t += " " + phrases[(p + d) % phrases.size()] + " " + Prose(2000 + 10 * d + p, gap);
    }
    texts.push_back(t);
  }
  return texts;
}

TEST(PassagesTest, CommonShortPhrasesLinkNothing) {
  // Six-word stock phrases in 200 otherwise unrelated documents: over the cap, and far too short to be
  // passages. With a cap high enough they do propose pairs, which alignment rejects.
  const std::vector<std::string> phrases = {
      "according to qualmor report by sirdapek", "the wexlor council said on tuesday",
      "in a statement released by brantok", "did not respond to a request"};
  const std::vector<std::string> texts = StockPhraseDocuments(phrases, 200, 30);
  std::vector<PassageInput> docs;
  for (const auto& t : texts) docs.push_back(Doc(t));
  PassageStats stats;
  EXPECT_TRUE(Find(docs, {}, &stats).empty());
  EXPECT_GT(stats.capped_fingerprints, 0u);
  EXPECT_EQ(stats.widely_shared_fingerprints, 0u);  // each phrase alone is far from a long run

  PassageOptions high_cap;
  high_cap.max_doc_frequency = 1000;
  EXPECT_TRUE(Find(docs, high_cap, &stats).empty());
  EXPECT_EQ(stats.capped_fingerprints, 0u);
  EXPECT_GT(stats.candidate_pairs, 0u);

  // Packed a few words apart, the phrases do make runs of frequent fingerprints, so documents are
  // aligned in pairs through them; but they share no passage, and none is reported.
  const std::vector<std::string> packed = StockPhraseDocuments(phrases, 200, 8);
  docs.clear();
  for (const auto& t : packed) docs.push_back(Doc(t));
  EXPECT_TRUE(Find(docs, {}, &stats).empty());
  EXPECT_GT(stats.widely_shared_fingerprints, 0u);
}

// A paragraph quoted by 60 documents, each of them editing it lightly in its own way (two thirds change
// one word in ten), among their own text. Every two of the 60 share the paragraph.
struct Syndicated {
  std::vector<std::string> texts;
  std::vector<Planted> planted;
};

Syndicated MakeSyndicated(size_t n_docs) {
  Syndicated s;
  const std::vector<std::string> paragraph = Words(700, 45);
  for (size_t d = 0; d < n_docs; ++d) {
    const auto words = d % 3 == 0 ? paragraph : Edit(paragraph, 10, d % 10, 900 + d);
    s.planted.push_back(Plant(Prose(3000 + d, 40) + "\n\n", Join(words), ".\n\n" + Prose(4000 + d, 40)));
    s.texts.push_back(s.planted.back().text);
  }
  return s;
}

// Every two documents share one span pair covering most of the paragraph in both. Not always all of it:
// where the two copies changed different words near an end (say words 1 and 3 of 45), the best alignment
// leaves words 0 to 3 out, because two more matches do not pay for two mismatches.
void ExpectAllPairs(const Syndicated& s, const std::vector<PassagePair>& pairs) {
  const size_t n = s.texts.size();
  ASSERT_EQ(pairs.size(), n * (n - 1) / 2);
  for (const PassagePair& p : pairs) {
    ASSERT_EQ(p.spans.size(), 1u) << p.a << " " << p.b;
    const PassageSpan& span = p.spans[0];
    const Planted &a = s.planted[p.a], &b = s.planted[p.b];
    EXPECT_TRUE(Covers(span.a_start, span.a_end, a.start, a.end, 0.75)) << p.a << " " << p.b;
    EXPECT_TRUE(Covers(span.b_start, span.b_end, b.start, b.end, 0.75)) << p.a << " " << p.b;
    EXPECT_GE(span.a_start, a.start);
    EXPECT_LE(span.a_end, a.end);
  }
}

TEST(PassagesTest, ParagraphQuotedBySixtyDocumentsFoundForEveryPair) {
  const Syndicated s = MakeSyndicated(60);
  std::vector<PassageInput> docs;
  for (const auto& t : s.texts) docs.push_back(Doc(t));
  // Under the default cap, and with a cap of 10 so that every fingerprint of the paragraph is capped and
  // only the long-run rule can link the documents.
  for (size_t cap : {size_t{0}, size_t{10}}) {
    SCOPED_TRACE(cap);
    PassageOptions options;
    options.max_doc_frequency = cap;
    PassageStats stats;
    const auto pairs = Find(docs, options, &stats);
    ExpectAllPairs(s, pairs);
    if (cap == 10) {
      EXPECT_GT(stats.capped_fingerprints, 0u);
      EXPECT_GT(stats.widely_shared_fingerprints, 0u);
      EXPECT_EQ(stats.too_common_fingerprints, 0u);
    }
  }
}

TEST(PassagesTest, ParagraphOverTheCeilingIsCountedNotSilentlyDropped) {
  const Syndicated s = MakeSyndicated(60);
  std::vector<PassageInput> docs;
  for (const auto& t : s.texts) docs.push_back(Doc(t));
  PassageOptions options;
  options.max_doc_frequency = 10;
  options.max_shared_docs = 20;
  PassageStats stats;
  const auto pairs = Find(docs, options, &stats);
  EXPECT_GT(stats.too_common_fingerprints, 0u);
  EXPECT_LT(pairs.size(), 60u * 59u / 2u);
}

TEST(PassagesTest, ParagraphReusedInOneSitesFollowUpStoriesIsAPassage) {
  // Five follow-up stories of one site repeat its background paragraph, the later ones trimming a
  // sentence off its end: every two of them share it.
  const std::vector<std::string> background = Words(1200, 40);
  std::vector<std::string> texts;
  for (int d = 0; d < 5; ++d) {
    const std::vector<std::string> kept(background.begin(), background.end() - 4 * (d % 2));
    texts.push_back(Prose(1300 + d, 50) + "\n\n" + Join(kept) + ".\n\n" + Prose(1400 + d, 30));
  }
  std::vector<PassageInput> docs;
  for (const auto& t : texts) docs.push_back(Doc(t));
  const auto pairs = Find(docs);
  ASSERT_EQ(pairs.size(), 10u);
  for (const PassagePair& p : pairs) {
    ASSERT_EQ(p.spans.size(), 1u);
    EXPECT_GE(p.spans[0].similarity, 0.9);
  }
}

TEST(PassagesTest, MinimumSimilarityDecides) {
  // Two adjacent words in every eight changed: similarity 0.75, reported at 0.7 and not at 0.8.
  const std::vector<std::string> words = Words(1500, 40);
  const std::string a = Prose(1501, 30) + "\n" + Join(words) + "\n" + Prose(1502, 30);
  const std::string b =
      Prose(1503, 30) + "\n" + Join(Edit(Edit(words, 8, 1, 9), 8, 2, 10)) + "\n" + Prose(1504, 30);
  const auto pairs = Find({Doc(a), Doc(b)});
  ASSERT_EQ(pairs.size(), 1u);
  ASSERT_EQ(pairs[0].spans.size(), 1u);
  EXPECT_GT(pairs[0].spans[0].similarity, 0.7);  // 0.78: the span starts after the first changed pair
  EXPECT_LT(pairs[0].spans[0].similarity, 0.8);
  PassageOptions strict;
  strict.min_similarity = 0.8;
  EXPECT_TRUE(Find({Doc(a), Doc(b)}, strict).empty());
}

TEST(PassagesTest, SameClusterNeverPaired) {
  const std::string passage = Join(Words(800, 30));
  const std::string t0 = Prose(61, 30) + " " + passage + " " + Prose(62, 30);
  const std::string t1 = Prose(63, 30) + " " + passage + " " + Prose(64, 30);
  const std::string t2 = Prose(65, 30) + " " + passage + " " + Prose(66, 30);
  const auto pairs = Find({Doc(t0, 4), Doc(t1, 4), Doc(t2, 7)});
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].a, 0u);
  EXPECT_EQ(pairs[0].b, 2u);
  EXPECT_EQ(pairs[1].a, 1u);
  EXPECT_EQ(pairs[1].b, 2u);
  // Unclustered documents (-1) are all different clusters.
  EXPECT_EQ(Find({Doc(t0), Doc(t1), Doc(t2)}).size(), 3u);
}

TEST(PassagesTest, NonParticipatingDocumentsNeverPaired) {
  const std::string passage = Join(Words(900, 30));
  const std::string t0 = Prose(71, 30) + " " + passage;
  const std::string t1 = passage + " " + Prose(72, 30);
  const std::string t2 = Prose(73, 10) + " " + passage + " " + Prose(74, 10);
  const auto pairs = Find({Doc(t0), Doc(t1, -1, false), Doc(t2)});
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].a, 0u);
  EXPECT_EQ(pairs[0].b, 2u);
}

TEST(PassagesTest, RepeatedPassageGivesOneSpanPairPerCopy) {
  const std::string passage = Join(Words(950, 25));
  const std::string t0 = Prose(75, 30) + " " + passage + ". " + Prose(76, 30);
  const std::string t1 = passage + ". " + Prose(77, 40) + "\n" + passage + ".";
  const auto pairs = Find({Doc(t0), Doc(t1)});
  ASSERT_EQ(pairs.size(), 1u);
  ASSERT_EQ(pairs[0].spans.size(), 2u);
  EXPECT_EQ(pairs[0].spans[0].a_start, pairs[0].spans[1].a_start);
  EXPECT_LT(pairs[0].spans[0].b_start, pairs[0].spans[1].b_start);
}

TEST(PassagesTest, PassageNeverCrossesARemovedRange) {
  // Document b holds the whole passage, but the middle of it (plus a line of its own) is boilerplate:
  // the ranges around it are separate, so two span pairs come out, each inside one range.
  const std::vector<std::string> words = Words(1000, 50);
  const std::string first = Join({words.begin(), words.begin() + 25});
  const std::string second = Join({words.begin() + 25, words.end()});
  const std::string a = Prose(81, 30) + "\n" + first + " " + second + "\n" + Prose(82, 30);
  const std::string head = Prose(83, 20) + "\n" + first, line = "\nSubscribe to wexlor daily mornpak\n";
  const std::string b = head + line + second + "\n" + Prose(84, 20);
  PassageInput db = Doc(b);
  const uint32_t cut0 = Cp(b, head.size()), cut1 = Cp(b, head.size() + line.size());
  db.ranges = {{0, cut0}, {cut1, static_cast<uint32_t>(CodePoints(b))}};
  const auto pairs = Find({Doc(a), db});
  ASSERT_EQ(pairs.size(), 1u);
  ASSERT_EQ(pairs[0].spans.size(), 2u);
  for (const PassageSpan& s : pairs[0].spans) EXPECT_TRUE(s.b_end <= cut0 || s.b_start >= cut1);
  EXPECT_EQ(Slice(b, pairs[0].spans[0].b_start, pairs[0].spans[0].b_end), first);
  EXPECT_EQ(Slice(b, pairs[0].spans[1].b_start, pairs[0].spans[1].b_end), second);

  // Removing a few words in the middle of a shared passage in one document splits it the same way, and
  // a part shorter than min_words is no passage.
  const std::string c = Prose(85, 30) + "\n" + first + " " + second + "\n";
  PassageInput dc = Doc(c);
  const size_t mid = c.find(second);
  dc.ranges = {{0, Cp(c, mid - 8)}, {Cp(c, mid + 8), static_cast<uint32_t>(CodePoints(c))}};
  const auto split = Find({Doc(a), dc});
  ASSERT_EQ(split.size(), 1u);
  ASSERT_EQ(split[0].spans.size(), 2u);
  for (const PassageSpan& s : split[0].spans) {
    EXPECT_TRUE(s.b_end <= dc.ranges[0].second || s.b_start >= dc.ranges[1].first);
  }
}

// Pair by pair, span by span: `got` is exactly `expected`.
void ExpectSamePairs(const std::vector<PassagePair>& got, const std::vector<PassagePair>& expected) {
  ASSERT_EQ(got.size(), expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    ASSERT_EQ(got[i].a, expected[i].a);
    ASSERT_EQ(got[i].b, expected[i].b);
    ASSERT_EQ(got[i].spans.size(), expected[i].spans.size());
    for (size_t k = 0; k < got[i].spans.size(); ++k) {
      EXPECT_EQ(got[i].spans[k].a_start, expected[i].spans[k].a_start);
      EXPECT_EQ(got[i].spans[k].a_end, expected[i].spans[k].a_end);
      EXPECT_EQ(got[i].spans[k].b_start, expected[i].spans[k].b_start);
      EXPECT_EQ(got[i].spans[k].b_end, expected[i].spans[k].b_end);
      EXPECT_EQ(got[i].spans[k].similarity, expected[i].spans[k].similarity);
    }
  }
}

// Paragraphs quoted whole by many documents, some quoting two of them, one twice, or none, some in
// clusters: every fingerprint of a paragraph lies in a long run of frequent ones in every copy, so under a
// cap of 10 every pair goes through the heavy occurrences (each heavy entry's occurrences in later
// documents, resolved once in step 4), and with no cap through the index's groups, with the same seeds
// (the documents' own words are shared by none): the same pairs, to the last span. Documents in chunks of
// 1, 5 and 1000, so that a group's occurrences start in earlier sweeps, the same sweep, or one alone.
TEST(PassagesTest, HeavyOccurrencesGiveTheSeedsOfTheIndex) {
  const std::vector<std::vector<std::string>> paragraphs = {Words(2100, 30), Words(2101, 45),
                                                            Words(2102, 24)};
  std::vector<std::string> texts;
  uint64_t state = 7;
  for (size_t d = 0; d < 90; ++d) {
    std::string t = Prose(2200 + d, 10 + Next(&state) % 30);
    const uint64_t kind = Next(&state) % 6;
    if (kind != 5) t += "\n" + Join(paragraphs[kind % 3]) + ".\n" + Prose(2400 + d, 5 + Next(&state) % 20);
    if (kind == 3) t += "\n" + Join(paragraphs[(kind + 1) % 3]) + ".\n" + Prose(2600 + d, 10);
    if (kind == 4) t += "\n" + Join(paragraphs[kind % 3]) + ".\n" + Prose(2800 + d, 10);
    texts.push_back(t);
  }
  std::vector<PassageInput> docs;
  for (size_t d = 0; d < texts.size(); ++d) {
    docs.push_back(Doc(texts[d], d % 9 == 0 ? static_cast<int32_t>(d / 27) : -1));
  }
  for (size_t chunk_docs : {size_t{1}, size_t{5}, size_t{1000}}) {
    SCOPED_TRACE(chunk_docs);
    PassageOptions index, heavy;
    index.max_doc_frequency = 1000;
    heavy.max_doc_frequency = 10;
    index.chunk_docs = heavy.chunk_docs = chunk_docs;
    PassageStats index_stats, heavy_stats;
    const auto expected = Find(docs, index, &index_stats);
    const auto got = Find(docs, heavy, &heavy_stats);
    ASSERT_GT(expected.size(), 1000u);
    EXPECT_EQ(index_stats.capped_fingerprints, 0u);
    EXPECT_GT(heavy_stats.widely_shared_fingerprints, 50u);
    EXPECT_EQ(heavy_stats.candidate_pairs, index_stats.candidate_pairs);
    ASSERT_NO_FATAL_FAILURE(ExpectSamePairs(got, expected));
  }
}

// A corpus with passages of every kind between random documents.
std::vector<std::string> MixedCorpus(size_t n) {
  std::vector<std::string> texts;
  uint64_t state = 42;
  for (size_t d = 0; d < n; ++d) {
    std::string t = Prose(5000 + d, 30 + Next(&state) % 50);
    if (d > 0 && Next(&state) % 2 == 0) {
      const size_t src = Next(&state) % d;
      const std::vector<std::string> quoted = Words(5000 + src, 30 + Next(&state) % 40);
      t += "\n" + Join(Edit(quoted, 8 + Next(&state) % 5, Next(&state) % 8, d)) + "\n";
    }
    if (Next(&state) % 5 == 0) t += " " + Join(Words(77, 40)) + " ";  // widely shared
    t += Prose(6000 + d, 20 + Next(&state) % 40);
    texts.push_back(t);
  }
  return texts;
}

TEST(PassagesTest, SameOutputForAnyThreadCount) {
  const std::vector<std::string> texts = MixedCorpus(400);
  std::vector<PassageInput> docs;
  for (size_t d = 0; d < texts.size(); ++d)
    docs.push_back(Doc(texts[d], d % 7 == 0 ? static_cast<int32_t>(d / 14) : -1));
  PassageOptions options;
  options.chunk_docs = 7;
  options.max_doc_frequency = 20;  // the paragraph in a fifth of the documents goes through the capped path
  std::vector<std::vector<PassagePair>> runs;
  for (int threads : {1, 2, 8}) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    runs.push_back(Find(docs, options));
  }
  ASSERT_GT(runs[0].size(), 100u);
  for (size_t r = 1; r < runs.size(); ++r) ASSERT_NO_FATAL_FAILURE(ExpectSamePairs(runs[r], runs[0]));
  // The output is sorted by (a, b) and spans by a_start.
  for (size_t i = 0; i < runs[0].size(); ++i) {
    const PassagePair& p = runs[0][i];
    EXPECT_LT(p.a, p.b);
    if (i > 0) {
      EXPECT_LT(std::make_pair(runs[0][i - 1].a, runs[0][i - 1].b), std::make_pair(p.a, p.b));
    }
    for (size_t k = 1; k < p.spans.size(); ++k) EXPECT_LE(p.spans[k - 1].a_start, p.spans[k].a_start);
  }
}

// What a caller that has already tokenized a document holds of it: PassageInput's views show these.
struct GivenWords {
  std::vector<uint32_t> words, range_word_ends;
};

// The words of every range of `doc`, as a caller that has already tokenized them gives them, held in
// `given`.
void GiveWords(PassageInput* doc, GivenWords* given) {
  WordTokenizer tokenizer;
  std::vector<Word> words;
  const std::string text(doc->text);
  given->words.clear();
  given->range_word_ends.clear();
  for (const auto& [start, end] : doc->ranges) {
    tokenizer.Tokenize(Slice(text, start, end), start, &words);
    given->range_word_ends.push_back(static_cast<uint32_t>(words.size()));
  }
  for (const Word& w : words) given->words.push_back(static_cast<uint32_t>(w.hash));
  doc->words = given->words;
  doc->range_word_ends = given->range_word_ends;
}

TEST(PassagesTest, WordsGivenByTheCallerGiveTheSameOutput) {
  const std::vector<std::string> texts = MixedCorpus(300);
  std::vector<PassageInput> docs;
  for (size_t d = 0; d < texts.size(); ++d) {
    docs.push_back(Doc(texts[d], d % 7 == 0 ? static_cast<int32_t>(d / 14) : -1, d % 11 != 3));
    if (d % 3 == 0) {  // two ranges with a hole, and an empty range
      const uint32_t n = docs.back().ranges[0].second;
      docs.back().ranges = {{0, n / 3}, {n / 3 + 5, n / 3 + 5}, {n / 3 + 9, n}};
    }
  }
  // Every document's words given, and one document in two (the stage reads the two kinds from
  // different places in the same chunk).
  std::vector<PassageInput> given = docs, mixed = docs;
  std::vector<GivenWords> given_words(docs.size()), mixed_words(docs.size());
  for (size_t d = 0; d < given.size(); ++d) GiveWords(&given[d], &given_words[d]);
  for (size_t d = 0; d < mixed.size(); d += 2) GiveWords(&mixed[d], &mixed_words[d]);
  PassageOptions options;
  options.max_doc_frequency = 20;
  options.chunk_docs = 16;
  PassageStats stats;
  const std::vector<PassagePair> expected = Find(docs, options, &stats);
  ASSERT_GT(expected.size(), 50u);
  for (const std::vector<PassageInput>* input : {&given, &mixed}) {
    PassageStats given_stats;
    const std::vector<PassagePair> got = Find(*input, options, &given_stats);
    EXPECT_EQ(given_stats.candidate_pairs, stats.candidate_pairs);
    ASSERT_NO_FATAL_FAILURE(ExpectSamePairs(got, expected));
  }
}

TEST(PassagesTest, ReleasingTheGivenWordsGivesTheSameOutput) {
  const std::vector<std::string> texts = MixedCorpus(200);
  std::vector<PassageInput> docs;
  for (size_t d = 0; d < texts.size(); ++d) docs.push_back(Doc(texts[d], -1, d % 9 != 4));
  std::vector<GivenWords> given(docs.size());
  for (size_t d = 0; d < docs.size(); d += 3) GiveWords(&docs[d], &given[d]);
  PassageOptions options;
  options.max_doc_frequency = 20;
  PassageStats stats, released_stats;
  const std::vector<PassagePair> expected = Find(docs, options, &stats);
  ASSERT_GT(expected.size(), 20u);
  std::vector<PassagePair> got;
  // Released words are overwritten, so that the output would change if the stage read them afterwards.
  int releases = 0;
  const auto release = [&] {
    ++releases;
    for (GivenWords& g : given) std::fill(g.words.begin(), g.words.end(), 0x5EED5EEDu);
  };
  ASSERT_TRUE(FindPassagesReleasingWords(&docs, release, options, &got, &released_stats).ok());
  EXPECT_EQ(releases, 1);
  for (size_t d = 0; d < docs.size(); ++d) {
    EXPECT_TRUE(docs[d].words.empty()) << d;
    EXPECT_EQ(docs[d].range_word_ends.empty(), d % 3 != 0) << d;  // kept: they say the words were given
  }
  EXPECT_EQ(released_stats.span_pairs, stats.span_pairs);
  ASSERT_NO_FATAL_FAILURE(ExpectSamePairs(got, expected));
}

TEST(PassagesTest, RejectsBadArguments) {
  std::vector<PassagePair> pairs;
  PassageStats stats;
  PassageOptions options;
  options.min_words = 3;  // below the words of one fingerprint
  EXPECT_EQ(FindPassages({Doc("one two three")}, options, &pairs, &stats).code(),
            Status::Code::kInvalidArgument);
  const std::string text = "a short text";
  PassageInput past_end = Doc(text);
  past_end.ranges = {{0, 50}};
  EXPECT_EQ(FindPassages({past_end}, {}, &pairs, &stats).code(), Status::Code::kInvalidArgument);
  PassageInput overlapping = Doc(text);
  overlapping.ranges = {{0, 6}, {4, 8}};
  EXPECT_EQ(FindPassages({overlapping}, {}, &pairs, &stats).code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(FindPassages({}, {}, &pairs, &stats).ok());
  EXPECT_TRUE(pairs.empty());
  // Words given with counts that do not fit the ranges.
  PassageInput given = Doc("one two three four five six");
  const std::vector<uint32_t> words = {1, 2, 3, 4, 5, 6}, five = {5}, decreasing = {4, 3, 6},
                              good = {2, 3, 6};
  given.words = words;
  given.range_word_ends = five;  // not the number of words
  EXPECT_EQ(FindPassages({given}, {}, &pairs, &stats).code(), Status::Code::kInvalidArgument);
  given.ranges = {{0, 7}, {8, 27}};
  given.range_word_ends = decreasing;  // one count too many
  EXPECT_EQ(FindPassages({given}, {}, &pairs, &stats).code(), Status::Code::kInvalidArgument);
  given.ranges = {{0, 7}, {8, 13}, {14, 27}};
  given.range_word_ends = decreasing;  // decreasing
  EXPECT_EQ(FindPassages({given}, {}, &pairs, &stats).code(), Status::Code::kInvalidArgument);
  given.range_word_ends = good;
  EXPECT_TRUE(FindPassages({given}, {}, &pairs, &stats).ok());
}

// ------------------------------------------------------------------------------------ the seed articles

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The sentence around the first "third sticking point" of `text`, in code points: from the start of its
// line or the previous full stop to the end of its last word (the end of the line or a full stop followed
// by a space and a capital letter).
bool FindStickingPointSentence(const std::string& text, uint32_t* start, uint32_t* end) {
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  const size_t hit = lower.find("third sticking point");
  if (hit == std::string::npos) return false;
  size_t line_start = text.rfind('\n', hit);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  const size_t stop = text.rfind(". ", hit);
  const size_t s = (stop != std::string::npos && stop >= line_start) ? stop + 2 : line_start;
  size_t e = text.find('\n', hit);
  if (e == std::string::npos) e = text.size();
  for (size_t i = hit; i + 2 < e; ++i) {
    if (text[i] == '.' && text[i + 1] == ' ' && std::isupper(static_cast<unsigned char>(text[i + 2]))) {
      e = i;
      break;
    }
  }
  WordTokenizer tokenizer;
  std::vector<Word> words;
  tokenizer.Tokenize(std::string_view(text).substr(s, e - s), Cp(text, s), &words);
  if (words.size() < 10) return false;
  *start = words.front().start;
  *end = words.back().end;
  return true;
}

// The normalized words of text[start, end) (code points).
std::vector<uint64_t> WordHashes(const std::string& text, uint32_t start, uint32_t end) {
  WordTokenizer tokenizer;
  std::vector<Word> words;
  tokenizer.Tokenize(Slice(text, start, end), 0, &words);
  std::vector<uint64_t> hashes;
  for (const Word& w : words) hashes.push_back(w.hash);
  return hashes;
}

TEST(PassagesTest, SeedArticlesShareTheStickingPointSentence) {
  const std::string dir = std::string(NEARDUP_SOURCE_DIR) + "/../shared/seeds";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << dir << " not found";
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  ASSERT_EQ(paths.size(), 5u);
  std::vector<std::string> texts;
  for (const auto& p : paths) texts.push_back(ReadAll(p));
  std::vector<PassageInput> docs;
  for (const auto& t : texts) docs.push_back(Doc(t));
  const auto pairs = Find(docs);

  // The pairs of articles whose "third sticking point" sentences have the same words.
  struct Sentence {
    bool found;
    uint32_t start, end;
  };
  std::vector<Sentence> sentences;
  for (const auto& t : texts) {
    Sentence s{};
    s.found = FindStickingPointSentence(t, &s.start, &s.end);
    sentences.push_back(s);
  }
  int sharing_pairs = 0;
  for (uint32_t x = 0; x < texts.size(); ++x) {
    for (uint32_t y = x + 1; y < texts.size(); ++y) {
      if (!sentences[x].found || !sentences[y].found) continue;
      if (WordHashes(texts[x], sentences[x].start, sentences[x].end) !=
          WordHashes(texts[y], sentences[y].start, sentences[y].end)) {
        continue;
      }
      ++sharing_pairs;
      SCOPED_TRACE(paths[x] + " / " + paths[y]);
      const auto it = std::find_if(pairs.begin(), pairs.end(),
                                   [&](const PassagePair& p) { return p.a == x && p.b == y; });
      ASSERT_NE(it, pairs.end()) << "no passage between the two articles";
      const bool covered = std::any_of(it->spans.begin(), it->spans.end(), [&](const PassageSpan& s) {
        return s.a_start <= sentences[x].start && s.a_end >= sentences[x].end &&
               s.b_start <= sentences[y].start && s.b_end >= sentences[y].end;
      });
      EXPECT_TRUE(covered) << "no span pair covers the sentence in both articles";
    }
  }
  EXPECT_GE(sharing_pairs, 1) << "no two seed articles share the sentence";
}

// ------------------------------------------------------------------------------------------ internals

using passages_internal::BucketPosting;
using passages_internal::Extension;
using passages_internal::kBand;
using passages_internal::kXDrop;

// Reference for the extension: the cell-by-cell X-drop alignment with explicit dead cells and live
// bounds that passages.cc used before its branch-free form.
Extension ReferenceExtendBanded(const uint32_t* a, long ia, size_t na, const uint32_t* b, long ib, size_t nb,
                                int dir) {
  if (na == 0 || nb == 0) return Extension();
  constexpr int kWidth = 2 * kBand + 1;
  constexpr int kDead = INT_MIN / 4;
  // Slot d of row x holds prefix lengths (x, x + d - kBand); slot kWidth stays dead (the band's edge).
  std::array<int, kWidth + 1> rows[2], matches[2];
  rows[0].fill(kDead);
  rows[1].fill(kDead);
  matches[0].fill(0);
  matches[1].fill(0);
  int* prev = rows[0].data();
  int* cur = rows[1].data();
  int* prev_m = matches[0].data();
  int* cur_m = matches[1].data();
  const long nbl = static_cast<long>(nb);
  int best = 0;
  Extension out;
  int lo = kBand, hi = kBand;  // live slots of the previous row
  for (int d = kBand; d < kWidth && d - kBand <= nbl && d - kBand <= kXDrop; ++d) {
    prev[d] = -(d - kBand);  // row 0: words of b left out
    hi = d;
  }
  for (size_t x = 1; x <= na; ++x) {
    const long base = static_cast<long>(x) - kBand;  // y of slot 0
    const int from = static_cast<int>(std::max<long>({0L, lo - 1L, -base}));
    const int last = static_cast<int>(std::min<long>(kWidth - 1, nbl - base));
    std::fill(cur, cur + kWidth + 1, kDead);
    const uint32_t word_a = a[ia + (static_cast<long>(x) - 1) * dir];
    int new_lo = kWidth, new_hi = -1;
    for (int d = from; d <= last; ++d) {
      const long y = base + d;
      int v = kDead, m = 0;
      if (y >= 1 && prev[d] > kDead) {
        const bool match = word_a == b[ib + (y - 1) * dir];
        v = prev[d] + (match ? 1 : -1);
        m = prev_m[d] + match;
      }
      if (prev[d + 1] > kDead && (prev[d + 1] - 1 > v || (prev[d + 1] - 1 == v && prev_m[d + 1] > m))) {
        v = prev[d + 1] - 1;  // from (x - 1, y): a word of a left out
        m = prev_m[d + 1];
      }
      if (d > 0 && cur[d - 1] > kDead && (cur[d - 1] - 1 > v || (cur[d - 1] - 1 == v && cur_m[d - 1] > m))) {
        v = cur[d - 1] - 1;  // from (x, y - 1): a word of b left out
        m = cur_m[d - 1];
      }
      if (v < best - kXDrop) v = kDead;
      if (v == kDead) {
        if (d > hi) break;  // past the previous row's live cells only this row's own cells feed: all dead
        continue;
      }
      cur[d] = v;
      cur_m[d] = m;
      new_lo = std::min(new_lo, d);
      new_hi = d;
      if (v > best) {
        best = v;
        out = {static_cast<uint32_t>(x), static_cast<uint32_t>(y), static_cast<uint32_t>(m)};
      }
    }
    if (new_hi < 0) break;
    std::swap(prev, cur);
    std::swap(prev_m, cur_m);
    lo = new_lo;
    hi = new_hi;
  }
  return out;
}

// Both directions of the banded extension over a[1..na] and b[1..nb] (forward from the first words,
// backward from the last) are the reference's; *empty counts those that end empty.
void ExpectExtensionsMatchTheReference(const std::vector<uint32_t>& a, size_t na,
                                       const std::vector<uint32_t>& b, size_t nb, int trial, size_t* empty) {
  for (int dir : {1, -1}) {
    const long ia = dir > 0 ? 1 : static_cast<long>(na);
    const long ib = dir > 0 ? 1 : static_cast<long>(nb);
    const Extension want = ReferenceExtendBanded(a.data(), ia, na, b.data(), ib, nb, dir);
    const Extension got = passages_internal::ExtendBandedForTest(a.data(), ia, na, b.data(), ib, nb, dir);
    ASSERT_EQ(got.da, want.da) << "trial " << trial << " dir " << dir;
    ASSERT_EQ(got.db, want.db) << "trial " << trial << " dir " << dir;
    ASSERT_EQ(got.matches, want.matches) << "trial " << trial << " dir " << dir;
    *empty += want.da == 0;
  }
}

TEST(PassagesInternalsTest, ExtendBandedMatchesTheReference) {
  uint64_t state = 7;
  std::vector<uint32_t> a, b;
  for (int trial = 0; trial < 20000; ++trial) {
    const uint32_t alphabet = 2 + static_cast<uint32_t>(Next(&state) % 6);
    const size_t na = Next(&state) % 48, nb = Next(&state) % 48;
    a.resize(na + 2);
    b.resize(nb + 2);
    // b is a copy of a with edits, so that extensions run long, or unrelated.
    const bool copy = Next(&state) % 4 != 0;
    for (auto& w : a) w = static_cast<uint32_t>(Next(&state) % alphabet);
    for (size_t j = 0; j < b.size(); ++j) {
      b[j] = copy && j < a.size() && Next(&state) % 6 != 0 ? a[j]
                                                           : static_cast<uint32_t>(Next(&state) % alphabet);
    }
    size_t empty = 0;
    ASSERT_NO_FATAL_FAILURE(ExpectExtensionsMatchTheReference(a, na, b, nb, trial, &empty));
  }
}

// Reference: the cell-by-cell banded alignment passages.cc used before the bit-parallel one. Longest common
// subsequence of a[0, na) and b[0, nb) over alignments whose diagonal (j - i) stays in [lo, hi], where lo <=
// 0 <= hi and lo <= nb - na <= hi.
uint32_t ReferenceBandedLcs(const uint32_t* a, size_t na, const uint32_t* b, size_t nb, long lo, long hi) {
  const size_t width = static_cast<size_t>(hi - lo + 1);
  struct {
    std::vector<int> lcs_prev, lcs_cur;
  } scratch, *s = &scratch;
  s->lcs_prev.assign(width + 2, 0);
  s->lcs_cur.assign(width + 2, 0);
  // Slot d + 1 of row x is prefix lengths (x, x + lo + d); slots 0 and width + 1 stay 0 (outside).
  for (size_t x = 1; x <= na; ++x) {
    for (size_t d = 0; d < width; ++d) {
      const long y = static_cast<long>(x) + lo + static_cast<long>(d);
      int v = 0;
      if (y >= 1 && y <= static_cast<long>(nb)) {
        v = std::max(s->lcs_prev[d + 2], s->lcs_cur[d]);  // (x - 1, y) and (x, y - 1)
        v = std::max(v, s->lcs_prev[d + 1] + (a[x - 1] == b[y - 1] ? 1 : 0));
      }
      s->lcs_cur[d + 1] = v;
    }
    std::swap(s->lcs_prev, s->lcs_cur);
  }
  const long d_end = static_cast<long>(nb) - static_cast<long>(na) - lo;
  return static_cast<uint32_t>(s->lcs_prev[static_cast<size_t>(d_end) + 1]);
}

TEST(PassagesInternalsTest, BandedLcsMatchesTheReference) {
  uint64_t state = 5;
  std::vector<uint32_t> a, b;
  for (int trial = 0; trial < 20000; ++trial) {
    const uint32_t alphabet = 2 + static_cast<uint32_t>(Next(&state) % 8);
    // Long enough sometimes for several 64-bit words, with shifts past the band's usual width.
    const size_t na = Next(&state) % (trial % 10 == 0 ? 300 : 70);
    const long shift = static_cast<long>(Next(&state) % 41) - 20;
    const size_t nb = static_cast<size_t>(std::max(0L, static_cast<long>(na) + shift));
    // a is followed by random words (BandedLcs reads a few past its end): often equal to b's.
    a.resize(na + passages_internal::kWordPad);
    b.resize(nb);
    for (auto& w : a) w = static_cast<uint32_t>(Next(&state) % alphabet);
    for (size_t j = 0; j < nb; ++j) {
      b[j] = j < na && Next(&state) % 5 != 0 ? a[j] : static_cast<uint32_t>(Next(&state) % alphabet);
    }
    const long d = static_cast<long>(nb) - static_cast<long>(na);
    const long margin = static_cast<long>(Next(&state) % 12);
    const long lo = std::min(0L, d) - margin, hi = std::max(0L, d) + margin;
    ASSERT_EQ(passages_internal::BandedLcsForTest(a.data(), na, b.data(), nb, lo, hi),
              ReferenceBandedLcs(a.data(), na, b.data(), nb, lo, hi))
        << "trial " << trial << " na " << na << " nb " << nb << " lo " << lo << " hi " << hi;
  }
}

TEST(PassagesInternalsTest, SortBucketByHashIsAStableSortByHash) {
  uint64_t state = 11;
  std::vector<BucketPosting> tmp;
  for (int trial = 0; trial < 300; ++trial) {
    const size_t n = Next(&state) % 3000;
    // Few distinct hashes (long runs of equal ones), or many hashes sharing the 8 bits the counting
    // sort uses (parts longer than the insertion sort takes).
    const uint64_t distinct = 1 + Next(&state) % 200;
    const bool same_part = trial % 3 == 0;
    std::vector<uint64_t> pool(distinct);
    // All in one bucket (the same top kBucketBits bits), as the index sorts them.
    constexpr int kBelowBucket = 64 - passages_internal::kBucketBits;
    const uint64_t bucket = Next(&state) >> kBelowBucket << kBelowBucket;
    for (auto& h : pool) {
      h = bucket | (Next(&state) & ((uint64_t{1} << kBelowBucket) - 1));
      if (same_part) h &= ~(uint64_t{0xFF} << (kBelowBucket - 8));
    }
    std::vector<BucketPosting> v(n);
    for (size_t i = 0; i < n; ++i)
      v[i] = {pool[Next(&state) % distinct], static_cast<uint32_t>(i / 3), static_cast<uint32_t>(i)};
    std::vector<BucketPosting> want = v;
    std::stable_sort(want.begin(), want.end(),
                     [](const BucketPosting& x, const BucketPosting& y) { return x.hash < y.hash; });
    passages_internal::SortBucketByHash(v.data(), v.data() + n, &tmp);
    for (size_t i = 0; i < n; ++i) {
      ASSERT_EQ(v[i].hash, want[i].hash) << trial;
      ASSERT_EQ(v[i].origin, want[i].origin) << trial;
    }
  }
}

TEST(PassagesInternalsTest, BuildIndexMatchesAReference) {
  using passages_internal::BumpArray;
  using passages_internal::Index;
  using passages_internal::Posting;
  uint64_t state = 3;
  for (int trial = 0; trial < 42; ++trial) {
    // The last two trials: one document only, and documents without fingerprints only.
    const size_t n_docs = trial == 40 ? 1 : 1 + Next(&state) % 300, chunk = 1 + Next(&state) % 40;
    const size_t n_chunks = (n_docs + chunk - 1) / chunk;
    const size_t cap = 2 + Next(&state) % 20, frequent = 2 + Next(&state) % (cap - 1);
    // A pool of fingerprints, some in the top bucket bits only (many per bucket), some in the upper half
    // of the buckets only (BuildIndex's second wave), some in the buckets either side of the halves'
    // boundary; documents draw from it, sometimes the same one many times (more than
    // kMaxPositionsPerDoc occurrences). Words start high in some trials: an entry's word shares its
    // slot with the posting's fingerprint.
    std::vector<uint64_t> pool(1 + Next(&state) % 400);
    for (auto& h : pool) {
      switch (trial % 4) {
        case 0:
          h = Next(&state) % 7 << 60 | Next(&state) % 16;
          break;
        case 1:
          h = Next(&state);
          break;
        case 2:
          h = Next(&state) | uint64_t{1} << 63;
          break;
        default:
          h = (Next(&state) % 2 ? 0x7FF0000000000000ULL : 0x8000000000000000ULL) | Next(&state) % 64;
          break;
      }
    }
    const uint32_t first_pos = trial % 3 == 2 ? 0xF0000000u : 0;
    struct Occurrence {
      uint64_t hash;
      uint32_t doc, pos;
    };
    std::vector<std::vector<Occurrence>> chunks(n_chunks);
    for (size_t d = 0; d < n_docs; ++d) {
      uint32_t pos = first_pos;
      const size_t count = trial == 41 ? 0 : Next(&state) % 60;
      const uint64_t favourite = pool[Next(&state) % pool.size()];
      for (size_t i = 0; i < count; ++i) {
        pos += 1 + static_cast<uint32_t>(Next(&state) % 3);
        const uint64_t h = Next(&state) % 5 == 0 ? favourite : pool[Next(&state) % pool.size()];
        chunks[d / chunk].push_back({h, static_cast<uint32_t>(d), pos});
      }
    }
    // Chunks' postings stored in reverse chunk order, so that storage order is not document order.
    size_t total = 0;
    for (const auto& c : chunks) total += c.size();
    BumpArray<passages_internal::PostingSlot> postings(std::max<size_t>(1, total));
    std::vector<uint64_t> doc_begin(n_docs, 0), doc_end(n_docs, 0);
    std::vector<size_t> origin_base(n_chunks);
    for (size_t c = n_chunks; c-- > 0;) {
      const size_t offset = postings.Take(chunks[c].size());
      for (size_t i = 0; i < chunks[c].size(); ++i) {
        const Occurrence& o = chunks[c][i];
        postings.data()[offset + i].posting = Posting::Make(o.hash, o.pos);
        if (doc_end[o.doc] == 0) doc_begin[o.doc] = offset + i;
        doc_end[o.doc] = offset + i + 1;
      }
      origin_base[c] = offset;
    }
    Index index;
    PassageStats stats;
    passages_internal::BuildIndex(postings.data(), doc_begin.data(), doc_end.data(), n_docs, cap, frequent,
                                  &index, &stats);
    const passages_internal::Entries entries(postings.data(), total);

    // Reference: every fingerprint's occurrences (document, word, origin) in that order.
    struct Placed {
      uint32_t doc, pos;
      size_t origin;
    };
    std::map<uint64_t, std::vector<Placed>> by_hash;
    for (size_t c = 0; c < n_chunks; ++c) {
      for (size_t i = 0; i < chunks[c].size(); ++i) {
        by_hash[chunks[c][i].hash].push_back({chunks[c][i].doc, chunks[c][i].pos, origin_base[c] + i});
      }
    }
    // An entry's fields, plainly: its group (kNoGroup: not indexed), whether it is capped or frequent,
    // the group's postings of later documents and the group's end.
    struct WantEntry {
      uint32_t pos, group;
      bool capped, frequent;
      uint32_t later, end;
    };
    std::vector<WantEntry> want_entries(total);
    for (size_t c = 0; c < n_chunks; ++c) {
      for (size_t i = 0; i < chunks[c].size(); ++i) {
        want_entries[origin_base[c] + i] = {
            chunks[c][i].pos, passages_internal::kNoGroup, false, false, 0, 0};
      }
    }
    uint64_t group = 0, at = 0, capped = 0;
    for (auto& [hash, occurrences] : by_hash) {
      std::stable_sort(occurrences.begin(), occurrences.end(), [](const Placed& x, const Placed& y) {
        return x.doc != y.doc ? x.doc < y.doc : x.pos < y.pos;
      });
      std::vector<Placed> kept;
      uint32_t distinct = 0;
      for (size_t i = 0; i < occurrences.size(); ++i) {
        const bool first = i == 0 || occurrences[i].doc != occurrences[i - 1].doc;
        distinct += first;
        size_t run = 0;
        for (size_t k = i; k > 0 && occurrences[k - 1].doc == occurrences[i].doc; --k) ++run;
        if (run < passages_internal::kMaxPositionsPerDoc) kept.push_back(occurrences[i]);
      }
      if (distinct < 2) continue;
      ASSERT_LT(group, index.n_groups);
      capped += distinct > cap;
      for (size_t k = 0; k < kept.size(); ++k) {
        EXPECT_EQ(index.postings[at + k].doc, kept[k].doc);
        EXPECT_EQ(index.postings[at + k].pos, kept[k].pos);
        size_t later = k + 1;
        while (later < kept.size() && kept[later].doc == kept[k].doc) ++later;
        WantEntry& e = want_entries[kept[k].origin];
        e.group = static_cast<uint32_t>(group);
        e.capped = distinct > cap;
        e.frequent = distinct >= frequent;
        e.later = static_cast<uint32_t>(at + later);
        e.end = static_cast<uint32_t>(at + kept.size());
      }
      at += kept.size();
      ++group;
    }
    ASSERT_EQ(index.n_groups, group) << trial;
    EXPECT_EQ(index.postings.size(), at);
    EXPECT_EQ(stats.fingerprints, by_hash.size());
    EXPECT_EQ(stats.capped_fingerprints, capped);
    for (size_t i = 0; i < total; ++i) {
      ASSERT_EQ(entries[i].pos, want_entries[i].pos) << trial << " " << i;
      const WantEntry& want = want_entries[i];
      if (want.group == passages_internal::kNoGroup) {
        ASSERT_EQ(entries[i].later, passages_internal::kNoGroup) << trial << " " << i;
      } else if (want.capped) {
        ASSERT_EQ(entries[i].later, passages_internal::kCapped) << trial << " " << i;
        ASSERT_EQ(entries[i].end, want.group) << trial << " " << i;
      } else {
        ASSERT_EQ(entries[i].later, want.later) << trial << " " << i;
        ASSERT_EQ(entries[i].end, want.end | (want.frequent ? passages_internal::kFrequentBit : 0))
            << trial << " " << i;
      }
    }
  }
}

// The alignment takes the pairs of several chunks of documents at once, in the order of their second
// document, and puts them back in (a, b) order: the output must not depend on how documents are chunked
// (one document per chunk, every document in one chunk, and sizes that split the capped paragraph's
// documents across chunks).
TEST(PassagesTest, SameOutputForAnyChunkSize) {
  const std::vector<std::string> texts = MixedCorpus(400);
  std::vector<PassageInput> docs;
  for (size_t d = 0; d < texts.size(); ++d)
    docs.push_back(Doc(texts[d], d % 7 == 0 ? static_cast<int32_t>(d / 14) : -1));
  PassageOptions options;
  options.max_doc_frequency = 20;  // the paragraph in a fifth of the documents goes through the capped path
  std::vector<std::vector<PassagePair>> runs;
  for (size_t chunk_docs : {size_t{1}, size_t{3}, size_t{37}, size_t{1000}}) {
    options.chunk_docs = chunk_docs;
    runs.push_back(Find(docs, options));
  }
  ASSERT_GT(runs[0].size(), 100u);
  for (size_t r = 1; r < runs.size(); ++r) {
    ASSERT_EQ(runs[r].size(), runs[0].size()) << r;
    for (size_t i = 0; i < runs[0].size(); ++i) {
      const PassagePair &x = runs[0][i], &y = runs[r][i];
      ASSERT_EQ(x.a, y.a) << r << " " << i;
      ASSERT_EQ(x.b, y.b) << r << " " << i;
      ASSERT_EQ(x.spans.size(), y.spans.size()) << r << " " << i;
      for (size_t k = 0; k < x.spans.size(); ++k) {
        EXPECT_EQ(x.spans[k].a_start, y.spans[k].a_start);
        EXPECT_EQ(x.spans[k].a_end, y.spans[k].a_end);
        EXPECT_EQ(x.spans[k].b_start, y.spans[k].b_start);
        EXPECT_EQ(x.spans[k].b_end, y.spans[k].b_end);
        EXPECT_EQ(x.spans[k].similarity, y.spans[k].similarity);
      }
    }
  }
}

// ExtendBanded returns early when the first kXDrop + 1 words of both sides hold no match: with a large
// alphabet most starts have none, some have a match at the window's edge (word kXDrop of either side), or
// only outside the band.
TEST(PassagesInternalsTest, ExtendBandedWithoutAnEarlyMatchMatchesTheReference) {
  uint64_t state = 11;
  std::vector<uint32_t> a, b;
  size_t empty = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    const size_t na = Next(&state) % 24, nb = Next(&state) % 24;
    a.resize(na + 2);
    b.resize(nb + 2);
    for (auto& w : a) w = static_cast<uint32_t>(1000 + Next(&state) % 100000);
    for (auto& w : b) w = static_cast<uint32_t>(200000 + Next(&state) % 100000);
    // A few matches planted anywhere near the start, and sometimes a copied run after them.
    const int planted = static_cast<int>(Next(&state) % 4);
    for (int k = 0; k < planted; ++k) {
      const size_t i = Next(&state) % (kXDrop + 3), j = Next(&state) % (kXDrop + 3);
      if (i < a.size() && j < b.size()) b[j] = a[i];
    }
    if (Next(&state) % 2 == 0) {
      const size_t i = Next(&state) % (kXDrop + 3), j = Next(&state) % (kXDrop + 3);
      for (size_t t = 0; i + t < a.size() && j + t < b.size() && t < 8; ++t) b[j + t] = a[i + t];
    }
    ASSERT_NO_FATAL_FAILURE(ExpectExtensionsMatchTheReference(a, na, b, nb, trial, &empty));
  }
  EXPECT_GT(empty, 4000u);  // both kinds are common
  EXPECT_LT(empty, 36000u);
}

// The seeds' radix sort by document against std::stable_sort, over spreads of 0 to 32 bits (one to three
// passes, digits of every width) and sizes on both sides of the insertion sort's.
TEST(PassagesInternalsTest, SortSeedsByDocumentIsAStableSortByDocument) {
  uint64_t state = 29;
  for (int trial = 0; trial < 400; ++trial) {
    const size_t n = trial % 4 == 0 ? Next(&state) % 40 : Next(&state) % 5000;
    const int bits = static_cast<int>(Next(&state) % 33);
    const uint32_t base = bits == 32 ? 0 : static_cast<uint32_t>(Next(&state) % 1000);
    // Few distinct documents sometimes, so that stability shows.
    const uint64_t distinct = Next(&state) % 2 == 0 ? 7 : UINT64_MAX;
    std::vector<uint32_t> b(n);
    for (auto& v : b) {
      const uint64_t r = Next(&state) % distinct * 0x9E3779B97F4A7C15ULL;
      v = base + static_cast<uint32_t>(bits == 0 ? 0 : r >> (64 - bits));
    }
    std::vector<uint32_t> want(n);
    for (size_t i = 0; i < n; ++i) want[i] = static_cast<uint32_t>(i);
    std::stable_sort(want.begin(), want.end(), [&](uint32_t x, uint32_t y) { return b[x] < b[y]; });
    ASSERT_EQ(passages_internal::SortSeedsByDocumentForTest(b, base), want)
        << "trial " << trial << " n " << n << " bits " << bits;
  }
}

// The near-diagonal check by its definition (passages_internal.h), one word and one shift at a time.
long ReferenceNearDiagonalMatches(const uint32_t* a, long pa, long ra0, long ra1, const uint32_t* b, long pb,
                                  long rb0, long rb1, long window) {
  long count = 0;
  auto row = [&](long x, long y_lo, long y_hi) {
    for (long y = std::max(y_lo, pb + (x - pa) - 2); y <= std::min(y_hi - 1, pb + (x - pa) + 2); ++y) {
      if (a[x] == b[y]) return 1L;
    }
    return 0L;
  };
  for (long x = std::max(ra0, pa - window); x < pa; ++x) count += row(x, rb0, pb);
  for (long x = pa + 4; x < std::min(ra1, pa + 4 + window); ++x) count += row(x, pb + 4, rb1);
  return count;
}

// The check counts four rows at a time where b's range holds every word it compares, reading a few words
// past the ranges: the padding around the words is random and often equal to the words, so that a word
// read outside a range or a shift taken across the seed's shingle changes the count.
TEST(PassagesInternalsTest, NearDiagonalMatchesMatchesTheReference) {
  constexpr long kPad = static_cast<long>(passages_internal::kWordPad);
  uint64_t state = 23;
  std::vector<uint32_t> a, b;
  size_t nonzero = 0, clipped = 0;
  for (int trial = 0; trial < 100000; ++trial) {
    const long na = 4 + static_cast<long>(Next(&state) % 60), nb = 4 + static_cast<long>(Next(&state) % 60);
    const uint32_t alphabet = 2 + static_cast<uint32_t>(Next(&state) % 6);
    a.resize(static_cast<size_t>(na + 2 * kPad));
    b.resize(static_cast<size_t>(nb + 2 * kPad));
    for (auto& w : a) w = static_cast<uint32_t>(Next(&state) % alphabet);
    for (auto& w : b) w = static_cast<uint32_t>(Next(&state) % alphabet);
    // Ranges holding the seed's shingle, often the whole document.
    auto range = [&](long n, long* r0, long* r1) {
      *r0 = Next(&state) % 3 == 0 ? 0 : static_cast<long>(Next(&state) % static_cast<uint64_t>(n - 3));
      *r1 = Next(&state) % 3 == 0
                ? n
                : *r0 + 4 + static_cast<long>(Next(&state) % static_cast<uint64_t>(n - *r0 - 3));
    };
    long ra0, ra1, rb0, rb1;
    range(na, &ra0, &ra1);
    range(nb, &rb0, &rb1);
    const long pa = ra0 + static_cast<long>(Next(&state) % static_cast<uint64_t>(ra1 - ra0 - 3));
    const long pb = rb0 + static_cast<long>(Next(&state) % static_cast<uint64_t>(rb1 - rb0 - 3));
    for (long t = 0; t < 4 && Next(&state) % 2 == 0; ++t) b[kPad + pb + t] = a[kPad + pa + t];
    const long window = Next(&state) % 2 == 0 ? 15 : 1 + static_cast<long>(Next(&state) % 40);
    const uint32_t* pa_words = a.data() + kPad;
    const uint32_t* pb_words = b.data() + kPad;
    const long want = ReferenceNearDiagonalMatches(pa_words, pa, ra0, ra1, pb_words, pb, rb0, rb1, window);
    const long got = passages_internal::NearDiagonalMatchesForTest(
        pa_words, static_cast<uint32_t>(pa), static_cast<uint32_t>(ra0), static_cast<uint32_t>(ra1), pb_words,
        static_cast<uint32_t>(pb), static_cast<uint32_t>(rb0), static_cast<uint32_t>(rb1),
        static_cast<uint32_t>(window));
    ASSERT_EQ(got, want) << "trial " << trial << " a " << pa << " in [" << ra0 << ", " << ra1 << ") b " << pb
                         << " in [" << rb0 << ", " << rb1 << ") window " << window;
    nonzero += want > 0;
    clipped += rb1 - pb - 4 < std::min(window, ra1 - pa - 4) + 2 || rb0 > pb - std::min(window, pa - ra0) - 2;
  }
  EXPECT_GT(nonzero, 50000u);  // both ways of counting are common
  EXPECT_GT(clipped, 20000u);
  EXPECT_LT(clipped, 80000u);
}

// Extend in passages.cc: the run of exact matches, then the banded extension from the first difference.
Extension ReferenceExtend(const uint32_t* a, long ia, size_t na, const uint32_t* b, long ib, size_t nb,
                          int dir) {
  size_t run = 0;
  while (run < std::min(na, nb) &&
         a[ia + static_cast<long>(run) * dir] == b[ib + static_cast<long>(run) * dir])
    ++run;
  const long step = static_cast<long>(run) * dir;
  const Extension rest = ReferenceExtendBanded(a, ia + step, na - run, b, ib + step, nb - run, dir);
  return {static_cast<uint32_t>(run) + rest.da, static_cast<uint32_t>(run) + rest.db,
          static_cast<uint32_t>(run) + rest.matches};
}

// The extension ends at a length the bound lists, with at most the matches it allows there.
void ExpectExtensionWithinReach(const std::vector<uint32_t>& a, long ia, size_t na,
                                const std::vector<uint32_t>& b, long ib, size_t nb, int dir, int trial,
                                passages_internal::Reach* reach) {
  const Extension e = ReferenceExtend(a.data(), ia, na, b.data(), ib, nb, dir);
  passages_internal::BoundReachForTest(a.data(), ia, na, b.data(), ib, nb, dir, reach);
  ASSERT_GE(reach->n, 1u);
  ASSERT_EQ(reach->length[0], 0u);
  for (uint32_t k = 1; k < reach->n; ++k) ASSERT_GT(reach->length[k], reach->length[k - 1]);
  if (!reach->complete) {
    ASSERT_GT(na, passages_internal::kReachRows) << "trial " << trial;
    return;
  }
  const uint8_t* end = reach->length + reach->n;
  const uint8_t* at = std::find(static_cast<const uint8_t*>(reach->length), end, e.da);
  ASSERT_NE(at, end) << "trial " << trial << " dir " << dir << ": the extension ends at " << e.da
                     << " words, not listed";
  ASSERT_LE(e.matches, reach->hits[at - reach->length]) << "trial " << trial << " dir " << dir;
}

// Words for the bound's tests: a copy with edits (substitutions, insertions, deletions), or a sentence
// template's frame between unrelated fillers, from a small alphabet of frequent words and a large one.
void TemplatedPair(uint64_t* state, std::vector<uint32_t>* a, std::vector<uint32_t>* b) {
  const size_t n = 4 + Next(state) % 90;
  a->resize(n);
  auto word = [&]() {
    return Next(state) % 4 == 0 ? static_cast<uint32_t>(Next(state) % 6)
                                : static_cast<uint32_t>(100 + Next(state) % 5000);
  };
  for (auto& w : *a) w = word();
  b->clear();
  const int kind = static_cast<int>(Next(state) % 3);
  const size_t frame0 = Next(state) % n, frame1 = frame0 + Next(state) % (n - frame0 + 1);
  for (size_t i = 0; i < n; ++i) {
    const uint64_t r = Next(state) % 100;
    if (kind == 0) {  // an edited copy
      if (r < 3) continue;
      if (r < 6) b->push_back(word());
      b->push_back(r < 15 ? word() : (*a)[i]);
    } else if (kind == 1) {  // a frame shared, fillers apart
      b->push_back(i >= frame0 && i < frame1 ? (*a)[i] : word());
    } else {  // unrelated
      b->push_back(word());
    }
  }
}

TEST(PassagesInternalsTest, ExtensionStaysWithinItsBoundedReach) {
  uint64_t state = 13;
  std::vector<uint32_t> a, b;
  passages_internal::Reach reach;
  size_t incomplete = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    if (trial % 2 == 0) {
      TemplatedPair(&state, &a, &b);
    } else {  // small alphabets, as ExtendBandedMatchesTheReference
      const uint32_t alphabet = 2 + static_cast<uint32_t>(Next(&state) % 6);
      a.resize(Next(&state) % 100);
      b.resize(Next(&state) % 100);
      for (auto& w : a) w = static_cast<uint32_t>(Next(&state) % alphabet);
      for (size_t j = 0; j < b.size(); ++j) {
        b[j] = j < a.size() && Next(&state) % 6 != 0 ? a[j] : static_cast<uint32_t>(Next(&state) % alphabet);
      }
    }
    // Each way from a seed's shingle (four words, which the bound reads in b) inside both.
    if (a.size() < 4 || b.size() < 4) continue;
    const size_t pa = Next(&state) % (a.size() - 3), pb = Next(&state) % (b.size() - 3);
    const size_t ea = pa + 4, eb = pb + 4;
    ASSERT_NO_FATAL_FAILURE(ExpectExtensionWithinReach(
        a, static_cast<long>(ea), a.size() - ea, b, static_cast<long>(eb), b.size() - eb, 1, trial, &reach));
    incomplete += !reach.complete;
    ASSERT_NO_FATAL_FAILURE(ExpectExtensionWithinReach(a, static_cast<long>(pa) - 1, pa, b,
                                                       static_cast<long>(pb) - 1, pb, -1, trial, &reach));
  }
  EXPECT_GT(incomplete, 0u);  // past kReachRows rows nothing is claimed
}

// A seed at pa, pb of two word sequences that share its kShingleWords (4) words: the region AlignPair
// makes of it alone is no passage whenever CannotMakeAPassage says so.
TEST(PassagesInternalsTest, CannotMakeAPassageOnlyForRegionsThatAreNone) {
  uint64_t state = 17;
  std::vector<uint32_t> a, b;
  passages_internal::Reach left, right;
  size_t rejected = 0, passages = 0;
  for (int trial = 0; trial < 40000; ++trial) {
    TemplatedPair(&state, &a, &b);
    if (b.size() < 4) continue;
    const size_t pa = Next(&state) % (a.size() - 3), pb = Next(&state) % (b.size() - 3);
    for (size_t k = 0; k < 4; ++k) b[pb + k] = a[pa + k];
    const size_t ea = pa + 4, eb = pb + 4;
    const size_t min_words = 10 + Next(&state) % 12;
    const double min_similarity = 0.5 + 0.05 * static_cast<double>(Next(&state) % 10);
    passages_internal::BoundReachForTest(a.data(), static_cast<long>(ea), a.size() - ea, b.data(),
                                         static_cast<long>(eb), b.size() - eb, 1, &right);
    passages_internal::BoundReachForTest(a.data(), static_cast<long>(pa) - 1, pa, b.data(),
                                         static_cast<long>(pb) - 1, pb, -1, &left);
    const Extension r = ReferenceExtend(a.data(), static_cast<long>(ea), a.size() - ea, b.data(),
                                        static_cast<long>(eb), b.size() - eb, 1);
    const Extension l =
        ReferenceExtend(a.data(), static_cast<long>(pa) - 1, pa, b.data(), static_cast<long>(pb) - 1, pb, -1);
    const uint32_t la = 4 + l.da + r.da, lb = 4 + l.db + r.db, matches = 4 + l.matches + r.matches;
    const bool passage = la >= min_words && lb >= min_words && !(matches < min_similarity * std::max(la, lb));
    const bool cannot = passages_internal::CannotMakeAPassage(left, right, min_words, min_similarity);
    ASSERT_FALSE(cannot && passage) << "trial " << trial << ": la " << la << " lb " << lb << " matches "
                                    << matches;
    rejected += cannot;
    passages += passage;
  }
  // Both outcomes are common, so that the test can fail either way.
  EXPECT_GT(rejected, 4000u);
  EXPECT_GT(passages, 1000u);
}

// A later seed on a seed's diagonal that starts within the seed's shingle or the run of exact matches
// after it (SeedRunEnd, InsideSeedRun) lies inside the region AlignPair makes of the seed, with the
// extensions as AlignPair runs them and with the full banded extension, the seed's ranges ending
// anywhere after its shingle.
TEST(PassagesInternalsTest, SeedsInsideTheRunAfterASeedAreInsideItsRegion) {
  uint64_t state = 19;
  std::vector<uint32_t> a, b;
  size_t inside = 0, first_outside = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    TemplatedPair(&state, &a, &b);
    if (b.size() < 4) continue;
    const uint32_t pa = static_cast<uint32_t>(Next(&state) % (a.size() - 3));
    const uint32_t pb = static_cast<uint32_t>(Next(&state) % (b.size() - 3));
    for (size_t k = 0; k < 4; ++k) b[pb + k] = a[pa + k];
    const uint32_t a_end = pa + 4 + static_cast<uint32_t>(Next(&state) % (a.size() - pa - 3));
    const uint32_t b_end = pb + 4 + static_cast<uint32_t>(Next(&state) % (b.size() - pb - 3));
    const uint32_t run_end = passages_internal::SeedRunEnd(a.data(), pa, a_end, b.data(), pb, b_end);
    ASSERT_GE(run_end, pa + 4);
    ASSERT_LE(run_end, a_end);
    // Extend as AlignPair runs it, its reference, and the banded extension with no run taken first.
    for (int kind = 0; kind < 3; ++kind) {
      auto extend = kind == 0   ? passages_internal::ExtendForTest
                    : kind == 1 ? ReferenceExtend
                                : ReferenceExtendBanded;
      const Extension r = extend(a.data(), pa + 4, a_end - pa - 4, b.data(), pb + 4, b_end - pb - 4, 1);
      const Extension l =
          extend(a.data(), static_cast<long>(pa) - 1, pa, b.data(), static_cast<long>(pb) - 1, pb, -1);
      const uint32_t a0 = pa - l.da, a1 = pa + 4 + r.da, b0 = pb - l.db, b1 = pb + 4 + r.db;
      // Every seed of a at or after pa: on the seed's diagonal, and on a diagonal drawn at random.
      for (uint32_t qa = pa; qa + 4 <= a.size(); ++qa) {
        const uint32_t other = static_cast<uint32_t>(Next(&state) % (b.size() - 3));
        for (const uint32_t qb : {qa + pb - pa, other}) {
          if (qb + 4 > b.size()) continue;
          const bool in_region = qa >= a0 && qa < a1 && qb >= b0 && qb < b1;
          if (passages_internal::InsideSeedRun(pa, pb, run_end, qa, qb)) {
            ASSERT_TRUE(in_region) << "trial " << trial << " kind " << kind << " seed " << qa << ", " << qb;
            ++inside;
          } else if (qa == run_end && qb - qa == pb - pa && !in_region) {
            ++first_outside;  // the first seed past the run can lie outside: the claim is as tight as can be
          }
        }
      }
    }
  }
  EXPECT_GT(inside, 10000u);
  EXPECT_GT(first_outside, 1000u);
}

}  // namespace
}  // namespace neardup

namespace neardup {
namespace {

// Random text for RangeWords: ASCII words, digits, punctuation that joins or splits words, every ASCII
// whitespace character, and code points the tokenizer's fast path does not take (a combining mark that
// may follow a whitespace, CJK, Thai, emoji with ZWJ, Greek), so that blocks end inside ICU runs too.
std::string RangeWordsText(uint64_t* state, size_t pieces) {
  static const char* kPieces[] = {
      "alpha",
      "Beta",
      "x",
      "42",
      "3.5",
      "1,000",
      "don't",
      "e.g.",
      "a_b",
      "__",
      "_",
      ".",
      ",",
      ";",
      ":",
      "-",
      "naïve",
      "Øre",
      "\xE2\x80\x99s",
      "\xC2\xA0",
      "\xCC\x81",
      "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD",
      "\xE0\xB8\xA0\xE0\xB8\xB2\xE0\xB8\xA9\xE0\xB8\xB2\xE0\xB9\x84\xE0\xB8\x97\xE0\xB8\xA2",
      "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x92\xBB",
      "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1",
      "@",
      "x@y.com"};
  static const char* kSpaces[] = {" ", " ", " ", "  ", "\n", "\t", "\r\n", "\v", "\f", ""};
  std::string text;
  for (size_t i = 0; i < pieces; ++i) {
    text += kPieces[Next(state) % (sizeof(kPieces) / sizeof(kPieces[0]))];
    text += kSpaces[Next(state) % (sizeof(kSpaces) / sizeof(kSpaces[0]))];
  }
  return text;
}

// RangeWords, asked for random word indices in turn from blocks of random size, holds exactly the first
// words Tokenize gives on the whole range (same offsets), as many as asked or all of them. The range
// lies in a longer text, between random text that does not begin or end with whitespace, so that a
// block which runs to the next ASCII whitespace would cross the range's end if the range were not cut
// there; where it stops is a code point boundary within the range, with its code point.
void ExpectRangeWordsMatchTokenize(const std::string& text, uint32_t cp_start, uint64_t* state) {
  WordTokenizer tokenizer;
  std::vector<Word> expected;
  tokenizer.Tokenize(text, cp_start, &expected);
  std::vector<size_t> indices;
  size_t index = 0;
  while (index < expected.size() + 3) {
    indices.push_back(index);
    index += Next(state) % 40;
  }
  const size_t block = 1 + Next(state) % 300;
  const std::string before =
      Next(state) % 2 ? "" : "x\xC3\xA9" + RangeWordsText(state, Next(state) % 20) + "y";
  const std::string after =
      Next(state) % 2 ? "" : "z\xC3\xA9" + RangeWordsText(state, Next(state) % 20) + "w";
  const std::string whole = before + text + after;
  const uint32_t cp_end = cp_start + static_cast<uint32_t>(CodePoints(text));
  std::vector<bool> reached;
  Utf8Position stop;
  const std::vector<WordBounds> got = passages_internal::RangeWordsForTest(
      whole, before.size(), cp_start, cp_end, block, indices, &reached, &stop);
  const size_t last = indices.back();
  ASSERT_LE(got.size(), expected.size()) << "block " << block;
  ASSERT_GE(got.size(), std::min(last + 1, expected.size())) << "block " << block;
  for (size_t i = 0; i < got.size(); ++i) {
    ASSERT_EQ(got[i].start, expected[i].start) << "word " << i << ", block " << block;
    ASSERT_EQ(got[i].end, expected[i].end) << "word " << i << ", block " << block;
  }
  for (size_t k = 0; k < indices.size(); ++k)
    EXPECT_EQ(reached[k], indices[k] < expected.size()) << indices[k];
  ASSERT_GE(stop.byte, before.size());
  ASSERT_LE(stop.byte, before.size() + text.size());
  const std::string_view walked = std::string_view(whole).substr(before.size(), stop.byte - before.size());
  ASSERT_TRUE(stop.byte == whole.size() || (static_cast<unsigned char>(whole[stop.byte]) & 0xC0) != 0x80);
  EXPECT_EQ(stop.cp, cp_start + CodePoints(std::string(walked))) << "block " << block;
  if (!reached.back()) {
    EXPECT_EQ(stop.byte, before.size() + text.size()) << "block " << block;
  }
}

TEST(PassagesInternalsTest, RangeWordsGivesTheWordsOfTheWholeRange) {
  uint64_t state = 77;
  for (int round = 0; round < 400; ++round) {
    const std::string text = RangeWordsText(&state, 1 + Next(&state) % 400);
    ASSERT_NO_FATAL_FAILURE(
        ExpectRangeWordsMatchTokenize(text, static_cast<uint32_t>(Next(&state) % 1000), &state));
  }
  // Real text: the seed articles, whole and from a random code point on.
  const std::string dir = std::string(NEARDUP_SOURCE_DIR) + "/../shared/seeds";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << dir << " not found";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    const std::string text = ReadAll(entry.path().string());
    for (int round = 0; round < 20; ++round) {
      const uint32_t from = static_cast<uint32_t>(Next(&state) % (CodePoints(text) / 2));
      const std::string part = Slice(text, from, static_cast<uint32_t>(CodePoints(text)));
      ASSERT_NO_FATAL_FAILURE(
          ExpectRangeWordsMatchTokenize(round == 0 ? text : part, round == 0 ? 0 : from, &state));
    }
  }
}

// Spans far into long documents of several ranges (past the first blocks the offsets step tokenizes),
// with the words given or not: their offsets are those of the planted passages.
TEST(PassagesTest, OffsetsOfPassagesLateInLongRangesAreExact) {
  const std::string passage = Join(Words(700, 40));
  const std::string filler_a = Prose(71, 400) + "\n\xE6\x9D\xB1\xE4\xBA\xAC naïve ";
  const std::string filler_b = Prose(72, 900) + " — ";
  const Planted a = Plant(filler_a + Prose(73, 300) + " ", passage, " " + Prose(74, 200));
  const Planted b = Plant(filler_b, passage, "\n" + Prose(75, 50));
  for (const bool given : {false, true}) {
    PassageInput da = Doc(a.text), db = Doc(b.text);
    // a: a first range of filler, a hole, the passage's range, a hole, a last range; b: one range.
    const uint32_t cut = static_cast<uint32_t>(CodePoints(filler_a));
    da.ranges = {{0, cut - 3}, {cut, a.end + 40}, {a.end + 45, static_cast<uint32_t>(CodePoints(a.text))}};
    GivenWords words_a, words_b;
    if (given) {
      GiveWords(&da, &words_a);
      GiveWords(&db, &words_b);
    }
    const auto pairs = Find({da, db});
    ASSERT_EQ(pairs.size(), 1u) << given;
    ASSERT_EQ(pairs[0].spans.size(), 1u) << given;
    const PassageSpan& s = pairs[0].spans[0];
    EXPECT_EQ(s.a_start, a.start) << given;
    EXPECT_EQ(s.a_end, a.end) << given;
    EXPECT_EQ(s.b_start, b.start) << given;
    EXPECT_EQ(s.b_end, b.end) << given;
  }
}

}  // namespace
}  // namespace neardup
