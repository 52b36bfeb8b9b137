// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The near-duplicate stages between reading and clustering: shingle sets and LSH band keys per
// document, candidate pairs from the bands, and exact verification of every candidate.

#ifndef NEARDUP_PIPELINE_DEDUP_H_
#define NEARDUP_PIPELINE_DEDUP_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
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
  /// Also give each document its range_word_ends (DocumentSketch), for the passage stage.
  bool keep_words = false;
};

// What the later stages need of a document.
struct DocumentSketch {
  uint32_t words = 0;  ///< words in the text that takes part (boilerplate removed)
  uint32_t ngram = 0;  ///< words per shingle (DedupParams::ngram), for VerifyPairs
  /// The low 32 bits of each word's hash (Word::hash), in text order: 4 bytes a word is all a document
  /// keeps of its text after ComputeSketches. VerifyPairs shingles them again for the documents it needs,
  /// and the passage stage takes them (PassageInput::words). A view into SketchWords::words.
  std::span<const uint32_t> words32;
  /// For each range of the input (one for the whole text), the number of words in it and the ranges
  /// before it: what PassageInput::range_word_ends takes. Filled with DedupParams::keep_words; a view
  /// into SketchWords::range_ends.
  std::span<const uint32_t> range_word_ends;
};

// Where ComputeSketches stores the documents' words and range ends: one block of each per chunk of
// documents (DedupParams::chunk_docs), of the chunk's exact size, which the chunk's DocumentSketch views
// point into. A block per document would be a hundred thousand heap blocks for 356 MB of text, spread
// over the heap's free blocks; one per chunk is a few hundred, filled front to back.
struct SketchWords {
  std::vector<std::unique_ptr<uint32_t[]>> words;       ///< per chunk: its documents' words32 in turn
  std::vector<std::unique_ptr<uint32_t[]>> range_ends;  ///< per chunk: its documents' range_word_ends

  // Frees the words: every DocumentSketch::words32 into them is left dangling. The range ends stay.
  void ReleaseWords() { std::vector<std::unique_ptr<uint32_t[]>>().swap(words); }
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
// The sketches' words (and range ends) are stored in `store`, replacing what it held: the sketches'
// views are valid for as long as it keeps them.
void ComputeSketches(const std::vector<SketchInput>& inputs, const DedupParams& params,
                     std::vector<DocumentSketch>* sketches, std::vector<uint64_t>* band_keys,
                     SketchWords* store);

// Candidate pairs (a < b, packed as a << 32 | b), sorted and duplicate-free: documents that share the
// key of at least one band. Only documents with eligible[d] take part.
std::vector<uint64_t> CandidatePairs(const std::vector<uint64_t>& band_keys, size_t bands,
                                     const std::vector<bool>& eligible);

// Exact Jaccard of every candidate's shingle sets; returns the pairs at or above the threshold, in
// candidate order. Shingles the words of each document of a candidate pair into a sorted set first (only
// those: most documents of a corpus are in no candidate pair), held until it returns. The shingles are
// those of the 32-bit word hashes, not the 64-bit ones MinHash signed: a set is the same set either way
// unless two different words of the pair share their low 32 bits.
std::vector<SimilarPair> VerifyPairs(const std::vector<uint64_t>& candidates,
                                     const std::vector<DocumentSketch>& sketches, double threshold,
                                     size_t chunk_docs);

}  // namespace neardup

#endif  // NEARDUP_PIPELINE_DEDUP_H_
