// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Pieces of the passage stage changed for speed (bench/README-passages.md, round 5), each against a
// plain reference.

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "pipeline/passages/passages_internal.h"

namespace neardup {
namespace {

uint64_t Next(uint64_t* state) {
  *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
  return *state >> 17;
}

// The chunk counter's table against one increment per word. Chunks of up to 200,000 words from
// vocabularies of 1 to 300,000 words (the table grows from 4,096 slots many times within a chunk, with
// counts already in it), words equal but for the common bit (the same word), 0 and UINT32_MAX, one
// counter for every chunk of a trial (flushed after each).
TEST(PassagesSpeed5Test, ChunkWordCountsMatchOneIncrementPerWord) {
  uint64_t state = 11;
  for (int trial = 0; trial < 12; ++trial) {
    std::vector<std::vector<uint32_t>> chunks(1 + Next(&state) % 5);
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

}  // namespace
}  // namespace neardup
