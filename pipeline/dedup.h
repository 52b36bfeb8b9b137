// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The near-duplicate stages between reading and clustering: shingle sets and LSH band keys per
// document, candidate pairs from the bands, and exact verification of every candidate.

#ifndef NEARDUP_PIPELINE_DEDUP_H_
#define NEARDUP_PIPELINE_DEDUP_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "pipeline/cluster.h"
#include "pipeline/text_ranges.h"

namespace neardup {

struct DedupParams {
  size_t ngram = 5;
  size_t num_perm = 128;
  size_t bands = 16;
  size_t rows = 8;
  uint64_t seed = 1;
  double threshold = 0.8;
  size_t chunk_docs = 256;  ///< documents per parallel task
  /// Keep each document's words (DocumentSketch::words32 and range_word_ends) for the passage stage.
  bool keep_words = false;
};

// What the later stages need of a document.
struct DocumentSketch {
  uint32_t words = 0;               ///< words in the text that takes part (boilerplate removed)
  /// Shingle hashes. In text order (duplicates possible) after ComputeSketches; sorted and duplicate-free
  /// for the documents VerifyPairs needs, and released for the others.
  std::vector<uint64_t> shingles;
  /// With DedupParams::keep_words: the low 32 bits of each word's hash (Word::hash), in text order, and
  /// for each range of the input (one for the whole text) the number of words in it and the ranges
  /// before it: what PassageInput::words and range_word_ends take.
  std::vector<uint32_t> words32;
  std::vector<uint32_t> range_word_ends;
};

// The text of a document that takes part: the whole text, or only the given ranges (the text between
// boilerplate spans). Words of consecutive ranges follow each other in shingles, as in the cleaned text,
// but no word is ever made of characters from two ranges.
struct SketchInput {
  std::string_view text;
  const std::vector<CodePointRange>* ranges = nullptr;  ///< null: the whole text
};

// Tokenizes, shingles and signs every text in parallel. band_keys receives bands keys per document
// (document-major); documents without words get no meaningful keys and must be left out by the caller.
void ComputeSketches(const std::vector<SketchInput>& inputs, const DedupParams& params,
                     std::vector<DocumentSketch>* sketches, std::vector<uint64_t>* band_keys);

// Candidate pairs (a < b, packed as a << 32 | b), sorted and duplicate-free: documents that share the
// key of at least one band. Only documents with eligible[d] take part.
std::vector<uint64_t> CandidatePairs(const std::vector<uint64_t>& band_keys, size_t bands,
                                     const std::vector<bool>& eligible);

// Exact Jaccard of every candidate; returns those at or above the threshold, in candidate order.
// Turns the shingles of every document in a candidate pair into a sorted set first (only those: sorting
// is the costliest step of a sketch, and most documents of a corpus are in no candidate pair) and
// releases the shingles of the others.
std::vector<SimilarPair> VerifyPairs(const std::vector<uint64_t>& candidates, std::vector<DocumentSketch>* sketches,
                                     double threshold, size_t chunk_docs);

}  // namespace neardup

#endif  // NEARDUP_PIPELINE_DEDUP_H_
