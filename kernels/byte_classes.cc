// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The scalar references of the byte classifier and of the boilerplate stage's scanner
// (kernels/byte_classes.h).

#include "kernels/byte_classes.h"

#include <array>
#include <cstring>

namespace neardup {
namespace {

enum Bit : uint8_t {
  kLetterBit = 1,
  kDigitBit = 2,
  kExtenderBit = 4,
  kMidLetterNumberBit = 8,
  kMidNumberBit = 16,
  kUpperBit = 32,
  kHighBit = 64,
  kSpaceBit = 128,
};

constexpr std::array<uint8_t, 256> MakeTable() {
  std::array<uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetterBit;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetterBit | kUpperBit;
  t['@'] = kLetterBit;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigitBit;
  t['_'] = kExtenderBit;
  t['.'] = t['\''] = kMidLetterNumberBit;
  t[','] = t[';'] = kMidNumberBit;
  for (int c = 0x80; c <= 0xFF; ++c) t[c] = kHighBit;
  for (int c : {' ', '\t', '\n', '\v', '\f', '\r'}) t[c] = kSpaceBit;
  return t;
}
constexpr std::array<uint8_t, 256> kTable = MakeTable();

}  // namespace

void ClassifyBytesScalar(const unsigned char* text, size_t size, ByteClassMasks* masks) {
  const size_t blocks = (size + 63) / 64;
  for (size_t b = 0; b < blocks; ++b) {
    ByteClassMasks m{};
    const size_t end = size - b * 64 < 64 ? size - b * 64 : 64;
    for (size_t i = 0; i < end; ++i) {
      const uint8_t c = kTable[text[b * 64 + i]];
      const uint64_t bit = uint64_t{1} << i;
      if (c & kLetterBit) m.letter |= bit;
      if (c & kDigitBit) m.digit |= bit;
      if (c & kExtenderBit) m.extender |= bit;
      if (c & kMidLetterNumberBit) m.mid_letter_number |= bit;
      if (c & kMidNumberBit) m.mid_number |= bit;
      if (c & kUpperBit) m.upper |= bit;
      if (c & kHighBit) m.high |= bit;
      if (c & kSpaceBit) m.space |= bit;
    }
    masks[b] = m;
  }
}

void ScanBytesScalar(const unsigned char* text, size_t blocks, ScanMasks* masks) {
  for (size_t b = 0; b < blocks; ++b) {
    ScanMasks m{};
    for (size_t i = 0; i < 64; ++i) {
      const unsigned char c = text[b * 64 + i];
      const uint64_t bit = uint64_t{1} << i;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) m.letter |= bit;
      if (c >= '0' && c <= '9') m.digit |= bit;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r') m.space |= bit;
      if (c >= 0x80) m.high |= bit;
      if (c == '>') m.gt |= bit;
      if (c == '$') m.dollar |= bit;
    }
    masks[b] = m;
  }
}

}  // namespace neardup
