// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The boilerplate stage's byte scanner (kernels/byte_classes.h, ScanBytes*): every variant this CPU can
// run against the scalar reference, and the reference against its definition. Named Kernel* so that the
// forced-kernel runs (tests/run_kernel_tests.sh) take them too.

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "kernels/byte_classes.h"
#include "kernels/minhash.h"

namespace neardup {
namespace {

bool SameMasks(const ScanMasks& a, const ScanMasks& b) {
  return a.letter == b.letter && a.digit == b.digit && a.space == b.space && a.high == b.high &&
         a.gt == b.gt && a.dollar == b.dollar;
}

TEST(KernelScanBytes, EveryVariantMatchesTheScalarReferenceOnEveryByteAndSize) {
  std::mt19937_64 rng(43);
  std::string all;  // every byte value at every position of a block, then random bytes
  for (int shift = 0; shift < 64; ++shift) {
    for (int c = 0; c < 256; ++c) all += static_cast<char>((c + shift) & 0xFF);
  }
  for (int i = 0; i < 4096; ++i) all += static_cast<char>(rng());
  for (const KernelTable* kernel : AvailableKernels()) {
    for (size_t blocks :
         {size_t{0}, size_t{1}, size_t{2}, size_t{3}, size_t{7}, size_t{8}, all.size() / 64}) {
      for (size_t offset : {size_t{0}, size_t{1}, size_t{31}}) {
        if (offset + 64 * blocks > all.size()) continue;
        // Exactly the blocks' bytes, so that AddressSanitizer catches a read past them.
        const std::vector<unsigned char> in(all.begin() + offset, all.begin() + offset + 64 * blocks);
        std::vector<ScanMasks> want(blocks + 1), got(blocks + 1);
        ScanBytesScalar(in.data(), blocks, want.data());
        kernel->scan_bytes(in.data(), blocks, got.data());
        for (size_t b = 0; b < blocks; ++b) {
          ASSERT_TRUE(SameMasks(want[b], got[b])) << kernel->name << " blocks " << blocks << " block " << b;
        }
      }
    }
  }
}

TEST(KernelScanBytes, ScalarReferenceFollowsItsDefinition) {
  // A-Z a-z are letters ('@', '_' and the bytes either side of each range are not); RE2's \s is
  // \t \n \f \r and space, not \v; every byte >= 0x80 is high.
  std::string text = "aZ09 \t\n\f\r\v>$@_[`{/:\x80\xFF";
  text.resize(64, '-');
  ScanMasks m;
  ScanBytesScalar(reinterpret_cast<const unsigned char*>(text.data()), 1, &m);
  EXPECT_EQ(m.letter, 0b11u);
  EXPECT_EQ(m.digit, 0b1100u);
  EXPECT_EQ(m.space, 0b111110000u);
  EXPECT_EQ(m.gt, uint64_t{1} << 10);
  EXPECT_EQ(m.dollar, uint64_t{1} << 11);
  EXPECT_EQ(m.high, uint64_t{0b11} << 19);
  // Every byte value against the definition, one at a time.
  for (int c = 0; c < 256; ++c) {
    std::string one(64, '-');
    one[37] = static_cast<char>(c);
    ScanBytesScalar(reinterpret_cast<const unsigned char*>(one.data()), 1, &m);
    const uint64_t bit = uint64_t{1} << 37;
    EXPECT_EQ((m.letter & bit) != 0, (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) << c;
    EXPECT_EQ((m.digit & bit) != 0, c >= '0' && c <= '9') << c;
    EXPECT_EQ((m.space & bit) != 0, c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r') << c;
    EXPECT_EQ((m.high & bit) != 0, c >= 0x80) << c;
    EXPECT_EQ((m.gt & bit) != 0, c == '>') << c;
    EXPECT_EQ((m.dollar & bit) != 0, c == '$') << c;
  }
}

}  // namespace
}  // namespace neardup
