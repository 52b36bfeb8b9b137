// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "kernels/code_points.h"

#include <cstring>

namespace neardup {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;
constexpr uint64_t kOnes = 0x0101010101010101ULL;

inline bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// One per byte lane of the eight bytes at `p` that is a continuation byte (10xxxxxx), zero elsewhere.
inline uint64_t Continuations(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof(v));
  return (v & ~(v << 1) & kHighBits) >> 7;
}

}  // namespace

void AdvanceToCodePoint(std::string_view text, uint32_t target, Utf8Position* pos) {
  const char* const data = text.data();
  const size_t size = text.size();
  size_t byte = pos->byte;
  uint64_t cp = pos->cp;  // 64 bits: cp + 32 cannot wrap
  if (cp >= target) return;
  // Whole blocks while every code point that starts in them lies before the target. `cp` counts the
  // bytes of [pos->byte, byte) that start a code point, so `byte` may land inside a code point; the
  // byte loop below steps over the continuation bytes it finds there.
  while (byte + 32 <= size) {
    const uint64_t lanes = Continuations(data + byte) + Continuations(data + byte + 8) +
                           Continuations(data + byte + 16) + Continuations(data + byte + 24);
    const uint64_t starts = 32 - ((lanes * kOnes) >> 56);  // each lane is at most 4: the sum fits a byte
    if (cp + starts > target) break;
    cp += starts;
    byte += 32;
  }
  while (byte + 8 <= size) {
    const uint64_t starts = 8 - ((Continuations(data + byte) * kOnes) >> 56);
    if (cp + starts > target) break;
    cp += starts;
    byte += 8;
  }
  while (byte < size && (cp < target || IsContinuation(data[byte]))) cp += !IsContinuation(data[byte++]);
  pos->byte = byte;
  pos->cp = static_cast<uint32_t>(cp);
}

namespace internal {

void AdvanceToCodePointScalar(std::string_view text, uint32_t target, Utf8Position* pos) {
  while (pos->cp < target && pos->byte < text.size()) {
    ++pos->byte;
    while (pos->byte < text.size() && IsContinuation(text[pos->byte])) ++pos->byte;
    ++pos->cp;
  }
}

}  // namespace internal
}  // namespace neardup
