// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "pipeline/dedup.h"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include <algorithm>
#include <utility>

#include "kernels/minhash.h"
#include "kernels/tokenize.h"

namespace neardup {

namespace {

// Per-thread scratch for ComputeSketches: grows to the largest document and is then reused.
struct SketchScratch {
  WordTokenizer tokenizer;
  std::vector<uint64_t> word_hashes;  ///< Word::hash of each word, in text order
  std::vector<uint64_t> shingles;
  std::vector<uint32_t> signature;
  std::vector<TextPiece> pieces;
};

}  // namespace

void ComputeSketches(const std::vector<SketchInput>& inputs, const DedupParams& params,
                     std::vector<DocumentSketch>* sketches, std::vector<uint64_t>* band_keys) {
  const size_t n = inputs.size();
  sketches->assign(n, DocumentSketch());
  band_keys->assign(n * params.bands, 0);
  const MinHashSeeds seeds = MinHashSeeds::Make(params.num_perm, params.seed);
  const KernelTable& kernel = ActiveKernel();
  tbb::enumerable_thread_specific<SketchScratch> scratch;

  tbb::parallel_for(tbb::blocked_range<size_t>(0, n, params.chunk_docs), [&](const tbb::blocked_range<size_t>& r) {
    SketchScratch& s = scratch.local();
    s.signature.resize(params.num_perm);
    for (size_t d = r.begin(); d != r.end(); ++d) {
      s.word_hashes.clear();
      DocumentSketch& sk = (*sketches)[d];
      if (inputs[d].ranges == nullptr) {
        s.tokenizer.TokenizeHashes(inputs[d].text, &s.word_hashes);
        if (params.keep_words) sk.range_word_ends.assign(1, static_cast<uint32_t>(s.word_hashes.size()));
      } else {
        PiecesOf(inputs[d].text, *inputs[d].ranges, &s.pieces);
        if (params.keep_words) sk.range_word_ends.reserve(s.pieces.size());
        for (const TextPiece& p : s.pieces) {
          s.tokenizer.TokenizeHashes(p.bytes, &s.word_hashes);
          if (params.keep_words) sk.range_word_ends.push_back(static_cast<uint32_t>(s.word_hashes.size()));
        }
      }
      sk.words = static_cast<uint32_t>(s.word_hashes.size());
      sk.ngram = static_cast<uint32_t>(params.ngram);
      sk.words32.resize(s.word_hashes.size());
      for (size_t i = 0; i < s.word_hashes.size(); ++i) sk.words32[i] = static_cast<uint32_t>(s.word_hashes[i]);
      if (s.word_hashes.empty()) continue;
      if (s.shingles.size() < s.word_hashes.size()) s.shingles.resize(s.word_hashes.size());
      const size_t count =
          ShingleHashes(s.word_hashes.data(), s.word_hashes.size(), params.ngram, s.shingles.data());
      // A repeated shingle cannot change a minimum, so the signature needs no sorted set.
      kernel.minhash(s.shingles.data(), count, seeds.seeds.data(), params.num_perm, s.signature.data());
      uint64_t* keys = band_keys->data() + d * params.bands;
      for (size_t b = 0; b < params.bands; ++b) keys[b] = BandKey(s.signature.data(), b, params.rows);
    }
  });
}

std::vector<uint64_t> CandidatePairs(const std::vector<uint64_t>& band_keys, size_t bands,
                                     const std::vector<bool>& eligible) {
  const size_t n = eligible.size();
  std::vector<std::vector<uint64_t>> per_band(bands);
  tbb::parallel_for(size_t{0}, bands, [&](size_t b) {
    std::vector<std::pair<uint64_t, uint32_t>> entries;
    entries.reserve(n);
    for (size_t d = 0; d < n; ++d) {
      if (eligible[d]) entries.emplace_back(band_keys[d * bands + b], static_cast<uint32_t>(d));
    }
    std::sort(entries.begin(), entries.end());
    std::vector<uint64_t>& out = per_band[b];
    for (size_t i = 0; i < entries.size();) {
      size_t j = i + 1;
      while (j < entries.size() && entries[j].first == entries[i].first) ++j;
      // Entries of one bucket are sorted by document, so entries[x].second < entries[y].second for x < y.
      for (size_t x = i; x < j; ++x) {
        for (size_t y = x + 1; y < j; ++y) {
          out.push_back(static_cast<uint64_t>(entries[x].second) << 32 | entries[y].second);
        }
      }
      i = j;
    }
  });
  size_t total = 0;
  for (const auto& v : per_band) total += v.size();
  std::vector<uint64_t> all;
  all.reserve(total);
  for (auto& v : per_band) {
    all.insert(all.end(), v.begin(), v.end());
    std::vector<uint64_t>().swap(v);
  }
  tbb::parallel_sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

std::vector<SimilarPair> VerifyPairs(const std::vector<uint64_t>& candidates, std::vector<DocumentSketch>* sketches_ptr,
                                     double threshold, size_t chunk_docs) {
  std::vector<DocumentSketch>& all = *sketches_ptr;
  std::vector<uint8_t> needed(all.size(), 0);
  for (uint64_t c : candidates) {
    needed[c >> 32] = 1;
    needed[c & 0xffffffffu] = 1;
  }
  struct VerifyScratch {
    std::vector<uint64_t> words, shingles, buffer;
  };
  tbb::enumerable_thread_specific<VerifyScratch> scratch;
  tbb::parallel_for(tbb::blocked_range<size_t>(0, all.size(), chunk_docs), [&](const tbb::blocked_range<size_t>& r) {
    VerifyScratch& s = scratch.local();
    for (size_t d = r.begin(); d != r.end(); ++d) {
      DocumentSketch& sk = all[d];
      std::vector<uint64_t>& sh = sk.shingles;
      sh.clear();
      if (!needed[d] || sk.words32.empty()) continue;
      const size_t n = sk.words32.size();
      if (s.words.size() < n) {
        s.words.resize(n);
        s.shingles.resize(n);
        s.buffer.resize(n);
      }
      for (size_t i = 0; i < n; ++i) s.words[i] = sk.words32[i];
      const size_t count = ShingleHashes(s.words.data(), n, sk.ngram, s.shingles.data());
      const size_t distinct = SortUniqueHashes(s.shingles.data(), count, s.buffer.data());
      sh.assign(s.shingles.begin(), s.shingles.begin() + static_cast<std::ptrdiff_t>(distinct));  // one exact allocation
    }
  });
  const std::vector<DocumentSketch>& sketches = all;
  std::vector<double> jaccard(candidates.size());
  tbb::parallel_for(tbb::blocked_range<size_t>(0, candidates.size(), 1024), [&](const tbb::blocked_range<size_t>& r) {
    for (size_t i = r.begin(); i != r.end(); ++i) {
      const DocumentSketch& a = sketches[candidates[i] >> 32];
      const DocumentSketch& b = sketches[candidates[i] & 0xffffffffu];
      jaccard[i] = ExactJaccard(a.shingles.data(), a.shingles.size(), b.shingles.data(), b.shingles.size());
    }
  });
  std::vector<SimilarPair> similar;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (jaccard[i] >= threshold) {
      similar.push_back({static_cast<uint32_t>(candidates[i] >> 32),
                         static_cast<uint32_t>(candidates[i] & 0xffffffffu), jaccard[i]});
    }
  }
  return similar;
}

}  // namespace neardup
