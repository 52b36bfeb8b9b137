// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The passage stage's tables narrowed for fewer fresh pages (bench/README-passages.md, round 12), each
// against a plain reference. BuildIndex reading the postings document by document (a posting no longer
// holds its document) and writing each group's end is checked by BuildIndexMatchesAReference
// (passages_test.cc: words from 0xF0000000, fingerprints either side of the waves' boundary, one
// document, documents without fingerprints; every kind of entry: not indexed, capped, frequent or
// not), and the heavy occurrences' postings appended to the index's by
// HeavyOccurrencesGiveTheSeedsOfTheIndex (every pair through them gives the index's seeds).

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>

#include "pipeline/passages/passages_internal.h"

namespace neardup {
namespace {

using passages_internal::Entry;
using passages_internal::Posting;
using passages_internal::PostingSlot;

// A posting keeps its whole fingerprint and its word, at the edges of both.
TEST(PassagesMem12Test, PostingKeepsTheFingerprintAndTheWord) {
  static_assert(sizeof(PostingSlot) == 12 && alignof(PostingSlot) == 4);
  const uint64_t hashes[] = {0,
                             1,
                             0xFFFFFFFFULL,
                             0x100000000ULL,
                             0x7FFFFFFFFFFFFFFFULL,
                             0x8000000000000000ULL,
                             0xFFFFFFFFFFFFFFFFULL,
                             0x0123456789ABCDEFULL};
  for (uint64_t h : hashes) {
    for (uint32_t pos : {0u, 1u, 0x7FFFFFFFu, 0xFFFFFFFEu, 0xFFFFFFFFu}) {
      PostingSlot slot;
      slot.posting = Posting::Make(h, pos);
      EXPECT_EQ(slot.posting.hash(), h);
      EXPECT_EQ(slot.posting.pos, pos);
    }
  }
}

// BuildIndex's second wave tells a first-wave entry from a posting by the top bit of the fingerprint
// it would read there: an entry's `later` must lie under the fingerprint's high half, so that every
// value the first wave writes there (a posting's place, kCapped, 2^31 - 1 for an entry not yet indexed)
// reads as a fingerprint of the first wave, and kNoGroup (which the first wave never writes) as one of
// the second.
TEST(PassagesMem12Test, AnEntrysLaterLiesUnderTheFingerprintsHighHalf) {
  static_assert(passages_internal::kCapped < 0x80000000u && passages_internal::kNoGroup >= 0x80000000u);
  for (uint32_t later : {0u, 1u, 0x12345678u, passages_internal::kCapped, 0x7FFFFFFFu, 0x80000000u,
                         passages_internal::kNoGroup}) {
    PostingSlot slot;
    slot.entry = Entry{0xFFFFFFFFu, later, 0xFFFFFFFFu};
    Posting read;
    std::memcpy(&read, &slot, sizeof read);
    EXPECT_EQ(read.hash() >> 32, later) << later;
  }
}

// An array shrunk and regrown keeps the items it had, up to the size it was made with.
TEST(PassagesMem12Test, RegrowKeepsTheItemsBeforeTheShrink) {
  for (size_t n : {size_t{10}, size_t{1} << 20}) {
    passages_internal::BigArray<uint64_t> array(n);
    for (size_t i = 0; i < n; ++i) array[i] = i * 3 + 1;
    array.Shrink(n / 2);
    EXPECT_EQ(array.size(), n / 2);
    array.Regrow(n);
    EXPECT_EQ(array.size(), n);
    size_t changed = 0;
    for (size_t i = 0; i < n; ++i) changed += array[i] != i * 3 + 1;
    EXPECT_EQ(changed, 0u) << n;
  }
}

}  // namespace
}  // namespace neardup
