// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "pipeline/dedup.h"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <span>
#include <utility>

#include "kernels/minhash.h"
#include "kernels/tokenize.h"
#include "pipeline/io/memory.h"

namespace neardup {

namespace {

// Per-thread scratch for ComputeSketches: grows to the largest chunk of documents and is then reused.
struct SketchScratch {
  WordTokenizer tokenizer;
  std::vector<uint64_t> word_hashes;   ///< Word::hash of each word of the chunk, document after document
  std::vector<size_t> doc_starts;      ///< document k: word_hashes[doc_starts[k], doc_starts[k + 1])
  std::vector<uint32_t> range_ends;    ///< range_word_ends of every document of the chunk, one after another
  std::vector<size_t> range_starts;    ///< document k: range_ends[range_starts[k], range_starts[k + 1])
  std::vector<uint64_t> shingles;
  std::vector<uint32_t> signature;
  std::vector<TextPiece> pieces;
};

// Copies `values` (the low 32 bits of each) into one new block of their exact size and points the view
// `field` of the chunk's documents first, first + 1, ... at their part of it: document k's is
// [starts[k], starts[k + 1]). No block for no values.
template <typename T>
std::unique_ptr<uint32_t[]> StoreBlock(const std::vector<T>& values, const std::vector<size_t>& starts,
                                       DocumentSketch* first, size_t count,
                                       std::span<const uint32_t> DocumentSketch::*field) {
  if (values.empty()) return nullptr;
  auto block = std::make_unique_for_overwrite<uint32_t[]>(values.size());
  std::copy(values.begin(), values.end(), block.get());
  for (size_t k = 0; k < count; ++k) {
    first[k].*field = std::span<const uint32_t>(block.get() + starts[k], starts[k + 1] - starts[k]);
  }
  return block;
}

// Stores the words (and range ends) of the documents of chunk `c`, which begins at document `first`, in
// one block each of their exact total, and points the documents' views into them.
void StoreChunkWords(const SketchScratch& s, size_t c, size_t first, size_t count, bool keep_words,
                     SketchWords* store, std::vector<DocumentSketch>* sketches) {
  DocumentSketch* const docs = sketches->data() + first;
  store->words[c] = StoreBlock(s.word_hashes, s.doc_starts, docs, count, &DocumentSketch::words32);
  if (keep_words) {
    store->range_ends[c] =
        StoreBlock(s.range_ends, s.range_starts, docs, count, &DocumentSketch::range_word_ends);
  }
}

}  // namespace

void ComputeSketches(const std::vector<SketchInput>& inputs, const DedupParams& params,
                     std::vector<DocumentSketch>* sketches, std::vector<uint64_t>* band_keys,
                     SketchWords* store) {
  const size_t n = inputs.size();
  sketches->assign(n, DocumentSketch());
  band_keys->assign(n * params.bands, 0);
  const size_t chunk = std::max<size_t>(1, params.chunk_docs);
  const size_t n_chunks = (n + chunk - 1) / chunk;
  store->words.clear();
  store->words.resize(n_chunks);
  store->range_ends.clear();
  store->range_ends.resize(n_chunks);
  const MinHashSeeds seeds = MinHashSeeds::Make(params.num_perm, params.seed);
  const KernelTable& kernel = ActiveKernel();
  tbb::enumerable_thread_specific<SketchScratch> scratch;

  tbb::parallel_for(size_t{0}, n_chunks, [&](size_t c) {
    const size_t first = c * chunk, last = std::min(n, first + chunk);
    SketchScratch& s = scratch.local();
    s.signature.resize(params.num_perm);
    // First the words of every document of the chunk, so that they can be stored in one block.
    s.word_hashes.clear();
    s.doc_starts.assign(1, 0);
    s.range_ends.clear();
    s.range_starts.assign(1, 0);
    for (size_t d = first; d != last; ++d) {
      const size_t doc_begin = s.word_hashes.size();
      if (inputs[d].ranges == nullptr) {
        s.tokenizer.TokenizeHashes(inputs[d].text, &s.word_hashes);
        if (params.keep_words)
          s.range_ends.push_back(static_cast<uint32_t>(s.word_hashes.size() - doc_begin));
      } else {
        PiecesOf(inputs[d].text, *inputs[d].ranges, &s.pieces);
        for (const TextPiece& p : s.pieces) {
          s.tokenizer.TokenizeHashes(p.bytes, &s.word_hashes);
          if (params.keep_words)
            s.range_ends.push_back(static_cast<uint32_t>(s.word_hashes.size() - doc_begin));
        }
      }
      s.doc_starts.push_back(s.word_hashes.size());
      s.range_starts.push_back(s.range_ends.size());
    }
    StoreChunkWords(s, c, first, last - first, params.keep_words, store, sketches);
    for (size_t d = first; d != last; ++d) {
      const size_t k = d - first;
      const size_t begin = s.doc_starts[k];
      const size_t words = s.doc_starts[k + 1] - begin;
      DocumentSketch& sk = (*sketches)[d];
      sk.words = static_cast<uint32_t>(words);
      sk.ngram = static_cast<uint32_t>(params.ngram);
      if (words == 0) continue;
      if (s.shingles.size() < words) s.shingles.resize(words);
      const size_t count =
          ShingleHashes(s.word_hashes.data() + begin, words, params.ngram, s.shingles.data());
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

std::vector<SimilarPair> VerifyPairs(const std::vector<uint64_t>& candidates,
                                     const std::vector<DocumentSketch>& all, double threshold,
                                     size_t chunk_docs) {
  const size_t docs = all.size();
  std::vector<uint8_t> needed(docs, 0);
  for (uint64_t c : candidates) {
    needed[c >> 32] = 1;
    needed[c & 0xffffffffu] = 1;
  }
  // Every needed document's set in one table, at an offset with room for one shingle per word (a set
  // has at most that many): one mapping with huge pages requested instead of an allocation per
  // document, and one unmapping when verification ends.
  std::vector<uint64_t> start(docs + 1, 0);
  for (size_t d = 0; d < docs; ++d) start[d + 1] = start[d] + (needed[d] ? all[d].words32.size() : 0);
  ByteBlock table(std::max<uint64_t>(start[docs], 1) * sizeof(uint64_t));
  uint64_t* const sets = reinterpret_cast<uint64_t*>(table.data());
  std::vector<uint32_t> set_size(docs, 0);
  struct VerifyScratch {
    std::vector<uint64_t> words, buffer;
  };
  tbb::enumerable_thread_specific<VerifyScratch> scratch;
  tbb::parallel_for(tbb::blocked_range<size_t>(0, docs, chunk_docs),
                    [&](const tbb::blocked_range<size_t>& r) {
                      VerifyScratch& s = scratch.local();
                      for (size_t d = r.begin(); d != r.end(); ++d) {
                        const std::span<const uint32_t> words32 = all[d].words32;
                        if (!needed[d] || words32.empty()) continue;
                        const size_t n = words32.size();
                        if (s.words.size() < n) {
                          s.words.resize(n);
                          s.buffer.resize(n);
                        }
                        for (size_t i = 0; i < n; ++i) s.words[i] = words32[i];
                        uint64_t* const set = sets + start[d];
                        const size_t count = ShingleHashes(s.words.data(), n, all[d].ngram, set);
                        set_size[d] = static_cast<uint32_t>(SortUniqueHashes(set, count, s.buffer.data()));
                      }
                    });
  std::vector<double> jaccard(candidates.size());
  tbb::parallel_for(tbb::blocked_range<size_t>(0, candidates.size(), 1024), [&](const tbb::blocked_range<size_t>& r) {
    for (size_t i = r.begin(); i != r.end(); ++i) {
      const size_t a = candidates[i] >> 32, b = candidates[i] & 0xffffffffu;
      jaccard[i] = ExactJaccard(sets + start[a], set_size[a], sets + start[b], set_size[b]);
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
