// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The code points DecodeJsonString counts while it decodes (continuation bytes tallied per byte lane in
// its 16-byte blocks, the others one at a time) against a byte-at-a-time count of what it decoded: raw
// UTF-8 of every length, every escape, surrogate pairs and lone surrogates, at every alignment, and
// runs longer than 255 blocks, where the lanes must be summed before they overflow.

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "pipeline/io/json_string.h"

namespace neardup {
namespace {

// The reference: every byte that is not 10xxxxxx starts a code point.
uint32_t ReferenceCount(const std::string& utf8) {
  uint32_t n = 0;
  for (const char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Decodes `body` (a JSON string token without its quotes) and checks the count and the bytes.
void ExpectCounted(const std::string& body) {
  std::string out(body.size() + kDecodeSlack, '\0');
  uint32_t code_points = 12345;
  const size_t n = DecodeJsonString(body.data(), body.size(), out.data(), nullptr, nullptr, &code_points);
  ASSERT_NE(n, SIZE_MAX) << body;
  out.resize(n);
  ASSERT_EQ(code_points, ReferenceCount(out)) << "body of " << body.size() << " bytes";
  std::string again(body.size() + kDecodeSlack, '\0');
  ASSERT_EQ(DecodeJsonString(body.data(), body.size(), again.data(), nullptr, nullptr), n);
  ASSERT_EQ(again.substr(0, n), out);
}

// Pieces of token bodies: raw characters of 1 to 4 bytes and escapes of each kind.
std::vector<std::string> Pieces() {
  return {"a",
          "Z",
          " ",
          "\xC3\xA9",
          "\xE2\x82\xAC",
          "\xF0\x9F\x98\x80",
          "\xEF\xBF\xBD",
          "\\n",
          "\\t",
          "\\\"",
          "\\\\",
          "\\/",
          "\\b",
          "\\u0041",
          "\\u00e9",
          "\\u20AC",
          "\\u0001",
          "\\ud83d\\ude00",
          "\\ud800",
          "\\udc00x",
          "\\ud800\\ud800\\udc00"};
}

TEST(IoDecodeCountTest, RandomBodiesMatchTheReference) {
  const std::vector<std::string> pieces = Pieces();
  std::mt19937_64 rng(16);
  for (int round = 0; round < 3000; ++round) {
    const int plain_run = static_cast<int>(rng() % 4 == 0 ? 0 : rng() % 60);
    const size_t size = rng() % (round % 10 == 0 ? 20000 : 400);
    std::string body;
    while (body.size() < size) {
      for (int k = static_cast<int>(rng() % (plain_run + 1)); k > 0; --k) {
        body += rng() % 3 == 0 ? pieces[3 + rng() % 3] : std::string(1, static_cast<char>('a' + rng() % 26));
      }
      body += pieces[rng() % pieces.size()];
    }
    ExpectCounted(body);
  }
}

TEST(IoDecodeCountTest, EveryAlignmentAndLongRuns) {
  for (size_t size = 0; size <= 40; ++size) {
    for (size_t at = 0; at <= size; ++at) {
      for (const char* inner : {"\\n", "\\u00e9", "\xC3\xA9", "\xF0\x9F\x98\x80"}) {
        ExpectCounted(std::string(at, 'x') + inner + std::string(size - at, 'y'));
        ExpectCounted(std::string(at, 'x') + inner + "\xE2\x82\xAC" + std::string(size - at, 'y'));
      }
    }
  }
  // Raw multi-byte characters only, far beyond 255 blocks, then with an escape now and then.
  for (const char* character : {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"}) {
    std::string many;
    for (int i = 0; i < 5000; ++i) many += character;
    ExpectCounted(many);
    ExpectCounted(many + "\\n" + many);
    std::string spaced;
    for (int i = 0; i < 5000; ++i) spaced += i % 97 == 0 ? std::string("\\t") : std::string(character);
    ExpectCounted(spaced);
  }
}

}  // namespace
}  // namespace neardup
