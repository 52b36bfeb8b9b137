// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// AppendJsonEscaped and AppendJsonString, which escape 16 bytes at a time into a window on the stack,
// against a byte-at-a-time escaper: random UTF-8 with every control character, quotes, backslashes,
// DEL and U+2028/U+2029 (which stay raw), at every alignment to the 16-byte blocks and across the
// window's edges, where escapes expand the text up to six times.

#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "pipeline/io/reader.h"

namespace neardup {
namespace {

// The reference: one byte at a time, as RFC 8259 and Python's json.dumps(ensure_ascii=False) write it.
std::string ReferenceEscaped(const std::string& s) {
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(ch);
        }
    }
  }
  return out;
}

// Pieces the random texts are made of: every byte that must be escaped, and plain UTF-8.
std::vector<std::string> Pieces() {
  std::vector<std::string> pieces;
  for (int c = 0; c < 0x20; ++c) pieces.emplace_back(1, static_cast<char>(c));
  for (const char* p : {"\"", "\\", "/", "\x7f", "a", "Z", " ", "0", "\xC3\xA9", "\xE2\x82\xAC",
                        "\xF0\x9F\x98\x80", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBF\xBD"}) {
    pieces.emplace_back(p);
  }
  return pieces;
}

void ExpectSameAsReference(const std::string& s) {
  std::string escaped = "prefix";
  AppendJsonEscaped(s, &escaped);
  ASSERT_EQ(escaped, "prefix" + ReferenceEscaped(s)) << "size " << s.size();
  std::string quoted = "prefix";
  AppendJsonString(s, &quoted);
  ASSERT_EQ(quoted, "prefix\"" + ReferenceEscaped(s) + "\"") << "size " << s.size();
}

TEST(IoJsonEscapeTest, RandomTextsMatchTheReference) {
  const std::vector<std::string> pieces = Pieces();
  std::mt19937_64 rng(14);
  for (int round = 0; round < 3000; ++round) {
    // Mostly plain text with escapes now and then, as in corpora; some texts dense with escapes.
    const int plain_run = static_cast<int>(rng() % 4 == 0 ? 0 : rng() % 200);
    const size_t target = rng() % (round % 10 == 0 ? 20000 : 600);
    std::string s;
    while (s.size() < target) {
      for (int k = static_cast<int>(rng() % (plain_run + 1)); k > 0; --k)
        s.push_back(static_cast<char>('a' + rng() % 26));
      s += pieces[rng() % pieces.size()];
    }
    ExpectSameAsReference(s);
  }
}

TEST(IoJsonEscapeTest, EveryAlignmentAndWindowEdge) {
  const std::vector<std::string> pieces = Pieces();
  // One escape at every offset of texts of every length up to a few blocks.
  for (size_t size = 0; size <= 70; ++size) {
    for (size_t at = 0; at < size; ++at) {
      for (const char* special : {"\"", "\\", "\n", "\x01", "\x1f"}) {
        std::string s(size, 'x');
        s[at] = special[0];
        ExpectSameAsReference(s);
      }
    }
  }
  // Around the 4096-byte window: plain runs that end just before, on and after its edge, followed by
  // escapes of both sizes, and texts made only of escapes (six bytes out per byte in).
  for (size_t size = 4000; size <= 4200; ++size) {
    for (const char* tail : {"\n", "\x01", "\"\x02\\", ""})
      ExpectSameAsReference(std::string(size, 'y') + tail);
  }
  for (const size_t size :
       {1u, 15u, 16u, 17u, 682u, 683u, 684u, 2047u, 2048u, 2049u, 4095u, 4096u, 4097u, 10000u}) {
    ExpectSameAsReference(std::string(size, '\x01'));
    ExpectSameAsReference(std::string(size, '\n'));
    std::string mixed;
    for (size_t i = 0; i < size; ++i) mixed += pieces[i % pieces.size()];
    ExpectSameAsReference(mixed);
  }
}

TEST(IoJsonEscapeTest, AppendsToWhatIsThere) {
  std::string out(5000, 'p');
  AppendJsonString(std::string(9000, '\t'), &out);
  EXPECT_EQ(out, std::string(5000, 'p') + "\"" + ReferenceEscaped(std::string(9000, '\t')) + "\"");
  std::string empty;
  AppendJsonString("", &empty);
  EXPECT_EQ(empty, "\"\"");
  AppendJsonEscaped("", &empty);
  EXPECT_EQ(empty, "\"\"");
}

}  // namespace
}  // namespace neardup
