// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Tests of ComputeSketches (pipeline/dedup.h) against a reference that sketches one document at a time
// with the documented steps: the words of each range (WordTokenizer::TokenizeHashes), their shingles
// (ShingleHashes), the scalar MinHash and BandKey. The stage tokenizes a whole chunk of documents
// before it stores their words in one block per chunk (SketchWords), so the tests vary the chunk size,
// the ranges and keep_words, give chunks of more than 64 KB of words, and check where the views point.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "kernels/minhash.h"
#include "kernels/tokenize.h"
#include "pipeline/dedup.h"

namespace neardup {
namespace {

struct Reference {
  uint32_t words = 0, ngram = 0;
  std::vector<uint32_t> words32, range_word_ends;
  std::vector<uint64_t> band_keys;
};

std::vector<uint32_t> Copy(std::span<const uint32_t> view) { return {view.begin(), view.end()}; }

Reference SketchOne(const SketchInput& in, const DedupParams& params) {
  WordTokenizer tokenizer;
  Reference ref;
  std::vector<uint64_t> hashes;
  if (in.ranges == nullptr) {
    tokenizer.TokenizeHashes(in.text, &hashes);
    ref.range_word_ends.push_back(static_cast<uint32_t>(hashes.size()));
  } else {
    // Code point offsets of each byte, to cut the ranges without the pipeline's own helpers.
    std::vector<size_t> byte_of_cp;
    for (size_t i = 0; i < in.text.size(); ++i) {
      if ((static_cast<unsigned char>(in.text[i]) & 0xC0) != 0x80) byte_of_cp.push_back(i);
    }
    byte_of_cp.push_back(in.text.size());
    for (const CodePointRange& r : *in.ranges) {
      const size_t begin = byte_of_cp[r.first], end = byte_of_cp[r.second];
      tokenizer.TokenizeHashes(in.text.substr(begin, end - begin), &hashes);
      ref.range_word_ends.push_back(static_cast<uint32_t>(hashes.size()));
    }
  }
  if (!params.keep_words) ref.range_word_ends.clear();
  ref.words = static_cast<uint32_t>(hashes.size());
  ref.ngram = static_cast<uint32_t>(params.ngram);
  for (uint64_t h : hashes) ref.words32.push_back(static_cast<uint32_t>(h));
  if (hashes.empty()) return ref;
  std::vector<uint64_t> shingles(hashes.size());
  const size_t count = ShingleHashes(hashes.data(), hashes.size(), params.ngram, shingles.data());
  const MinHashSeeds seeds = MinHashSeeds::Make(params.num_perm, params.seed);
  std::vector<uint32_t> sig(params.num_perm);
  MinHashScalar(shingles.data(), count, seeds.seeds.data(), params.num_perm, sig.data());
  for (size_t b = 0; b < params.bands; ++b) ref.band_keys.push_back(BandKey(sig.data(), b, params.rows));
  return ref;
}

// Words from a small vocabulary with some non-ASCII ones (the fast path's table and ICU), punctuation
// and line breaks; `words` of them.
std::string RandomText(std::mt19937_64* rng, size_t words) {
  static const char* const kVocabulary[] = {"the",  "News",   "café", "don’t", "report", "Zürich", "42",
                                            "3.14", "Москва", "said", "—",     "a",      "naïve",  "x_y",
                                            "東京", "B2B",    "it's", "Home",  "›",      "2026"};
  std::string text;
  for (size_t i = 0; i < words; ++i) {
    text += kVocabulary[(*rng)() % std::size(kVocabulary)];
    const uint64_t r = (*rng)() % 16;
    text += r == 0 ? ".\n" : r == 1 ? ", " : " ";
  }
  return text;
}

// Ranges of code points between random cuts (some empty ranges left out, some documents with none).
std::vector<CodePointRange> RandomRanges(std::mt19937_64* rng, const std::string& text) {
  uint32_t length = 0;
  for (char c : text) length += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  std::vector<CodePointRange> ranges;
  uint32_t at = 0;
  while (at < length) {
    const uint32_t keep = static_cast<uint32_t>((*rng)() % 200);
    const uint32_t end = std::min(length, at + keep);
    if (end > at) ranges.emplace_back(at, end);
    at = end + static_cast<uint32_t>((*rng)() % 60);
  }
  return ranges;
}

// Each chunk's documents' views follow each other in the chunk's block, from its start; a chunk without
// words (or without range ends) has no block.
void ExpectViewsInStore(const std::vector<DocumentSketch>& sketches, const SketchWords& store,
                        size_t chunk_docs, bool keep_words) {
  const size_t chunks = (sketches.size() + chunk_docs - 1) / chunk_docs;
  ASSERT_EQ(store.words.size(), chunks);
  ASSERT_EQ(store.range_ends.size(), chunks);
  for (size_t c = 0; c < chunks; ++c) {
    SCOPED_TRACE("chunk " + std::to_string(c));
    const uint32_t* words = store.words[c].get();
    const uint32_t* ends = store.range_ends[c].get();
    size_t n_words = 0, n_ends = 0;
    for (size_t d = c * chunk_docs; d < std::min(sketches.size(), (c + 1) * chunk_docs); ++d) {
      const DocumentSketch& sk = sketches[d];
      ASSERT_EQ(sk.words32.size(), sk.words);
      if (!sk.words32.empty()) {
        ASSERT_EQ(sk.words32.data(), words + n_words) << d;
      }
      if (!sk.range_word_ends.empty()) {
        ASSERT_EQ(sk.range_word_ends.data(), ends + n_ends) << d;
      }
      n_words += sk.words32.size();
      n_ends += sk.range_word_ends.size();
    }
    EXPECT_EQ(words != nullptr, n_words > 0);
    EXPECT_EQ(ends != nullptr, n_ends > 0);
    if (!keep_words) {
      EXPECT_EQ(n_ends, 0u);
    }
  }
}

void ExpectSameAsReference(size_t docs, size_t max_words, size_t chunk_docs, bool keep_words, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::string> texts(docs);
  std::vector<std::vector<CodePointRange>> ranges(docs);
  std::vector<SketchInput> inputs(docs);
  for (size_t d = 0; d < docs; ++d) {
    const uint64_t kind = rng() % 8;
    texts[d] = kind == 0 ? std::string() : RandomText(&rng, kind == 1 ? rng() % 5 : rng() % (max_words + 1));
    inputs[d].text = texts[d];
    if (rng() % 2 == 0) {
      ranges[d] = RandomRanges(&rng, texts[d]);
      inputs[d].ranges = &ranges[d];
    }
  }
  DedupParams params;
  params.chunk_docs = chunk_docs;
  params.keep_words = keep_words;
  std::vector<DocumentSketch> sketches;
  std::vector<uint64_t> band_keys;
  SketchWords store;
  ComputeSketches(inputs, params, &sketches, &band_keys, &store);
  ASSERT_EQ(sketches.size(), docs);
  ASSERT_EQ(band_keys.size(), docs * params.bands);
  ASSERT_NO_FATAL_FAILURE(ExpectViewsInStore(sketches, store, chunk_docs, keep_words));
  for (size_t d = 0; d < docs; ++d) {
    const Reference ref = SketchOne(inputs[d], params);
    SCOPED_TRACE("document " + std::to_string(d));
    EXPECT_EQ(sketches[d].words, ref.words);
    EXPECT_EQ(sketches[d].ngram, ref.ngram);
    EXPECT_EQ(Copy(sketches[d].words32), ref.words32);
    EXPECT_EQ(Copy(sketches[d].range_word_ends), ref.range_word_ends);
    if (ref.words > 0) {
      const std::vector<uint64_t> keys(band_keys.begin() + static_cast<ptrdiff_t>(d * params.bands),
                                       band_keys.begin() + static_cast<ptrdiff_t>((d + 1) * params.bands));
      EXPECT_EQ(keys, ref.band_keys);
    }
  }
}

TEST(ComputeSketches, SmallChunksMatchReference) {
  for (size_t chunk : {1, 2, 7}) {
    SCOPED_TRACE("chunk " + std::to_string(chunk));
    ExpectSameAsReference(60, 120, chunk, true, 1 + chunk);
    ExpectSameAsReference(60, 120, chunk, false, 11 + chunk);
  }
}

// Chunks with far more than 64 KB of words, which the stage faults in ahead of storing them.
TEST(ComputeSketches, LargeChunksMatchReference) {
  ExpectSameAsReference(300, 2000, 256, true, 21);
  ExpectSameAsReference(300, 2000, 64, false, 22);
}

TEST(ComputeSketches, NoDocuments) {
  std::vector<DocumentSketch> sketches(3);
  std::vector<uint64_t> band_keys(5, 1);
  SketchWords store;
  store.words.resize(2);
  ComputeSketches({}, DedupParams(), &sketches, &band_keys, &store);
  EXPECT_TRUE(sketches.empty());
  EXPECT_TRUE(band_keys.empty());
  EXPECT_TRUE(store.words.empty());
  EXPECT_TRUE(store.range_ends.empty());
}

// Documents without words among others, and a chunk of them alone: empty views, no block for that chunk.
TEST(ComputeSketches, EmptyDocuments) {
  const std::vector<std::string> texts = {"", " ,, ", "one two three four five six", "", "...", "", "—"};
  std::vector<SketchInput> inputs(texts.size());
  for (size_t d = 0; d < texts.size(); ++d) inputs[d].text = texts[d];
  DedupParams params;
  params.chunk_docs = 2;
  params.keep_words = true;
  std::vector<DocumentSketch> sketches;
  std::vector<uint64_t> band_keys;
  SketchWords store;
  ComputeSketches(inputs, params, &sketches, &band_keys, &store);
  ASSERT_NO_FATAL_FAILURE(ExpectViewsInStore(sketches, store, params.chunk_docs, true));
  for (size_t d = 0; d < texts.size(); ++d) {
    EXPECT_EQ(sketches[d].words32.size(), d == 2 ? 6u : 0u) << d;
    EXPECT_EQ(Copy(sketches[d].range_word_ends), std::vector<uint32_t>{d == 2 ? 6u : 0u}) << d;
  }
  EXPECT_EQ(store.words[0], nullptr);
  EXPECT_NE(store.words[1], nullptr);
  EXPECT_EQ(store.words[2], nullptr);
  EXPECT_EQ(store.words[3], nullptr);
}

// Releasing the words keeps the range ends (the passage stage reads them to its end), and a second run
// replaces the store's blocks.
TEST(ComputeSketches, ReleaseWordsKeepsRangeEnds) {
  std::mt19937_64 rng(5);
  std::vector<std::string> texts(40);
  std::vector<SketchInput> inputs(texts.size());
  for (size_t d = 0; d < texts.size(); ++d) {
    texts[d] = RandomText(&rng, 50 + d);
    inputs[d].text = texts[d];
  }
  DedupParams params;
  params.chunk_docs = 16;
  params.keep_words = true;
  std::vector<DocumentSketch> sketches;
  std::vector<uint64_t> band_keys;
  SketchWords store;
  ComputeSketches(inputs, params, &sketches, &band_keys, &store);
  const std::vector<uint32_t> ends = Copy(sketches[17].range_word_ends);
  store.ReleaseWords();
  EXPECT_TRUE(store.words.empty());
  ASSERT_EQ(store.range_ends.size(), 3u);
  EXPECT_EQ(Copy(sketches[17].range_word_ends), ends);
  inputs.resize(10);
  ComputeSketches(inputs, params, &sketches, &band_keys, &store);
  EXPECT_EQ(store.words.size(), 1u);
  EXPECT_EQ(store.range_ends.size(), 1u);
  ASSERT_NO_FATAL_FAILURE(ExpectViewsInStore(sketches, store, params.chunk_docs, true));
}

}  // namespace
}  // namespace neardup
