// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "pipeline/io/json_string.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/io/reader.h"

namespace neardup {
namespace {

#define FFFD "\xEF\xBF\xBD"  // U+FFFD

std::string Unescape(const std::string& token, uint32_t* replacements = nullptr) {
  std::string out;
  uint32_t count = 0;
  EXPECT_TRUE(UnescapeJsonString(token, &out, &count)) << token;
  if (replacements != nullptr) *replacements = count;
  return out;
}

TEST(JsonStringTest, UnescapesSimpleEscapes) {
  EXPECT_EQ(Unescape(R"("")"), "");
  EXPECT_EQ(Unescape(R"("plain text")"), "plain text");
  EXPECT_EQ(Unescape(R"("a\"b\\c\/d\be\ff\ng\rh\ti")"), "a\"b\\c/d\be\ff\ng\rh\ti");
  EXPECT_EQ(Unescape(R"("\u0041\u00e9\u00E9\u20ac")"), "A\xC3\xA9\xC3\xA9\xE2\x82\xAC");
  EXPECT_EQ(Unescape(R"("\u0000")"), std::string(1, '\0'));
  EXPECT_EQ(Unescape("\"raw \xC3\xA9 \xF0\x9F\x98\x80\""), "raw \xC3\xA9 \xF0\x9F\x98\x80");
  // Long runs go through the eight-bytes-at-a-time scan; escapes at every alignment.
  for (size_t pad = 0; pad < 20; ++pad) {
    const std::string a(pad, 'x');
    EXPECT_EQ(Unescape("\"" + a + "\\n" + a + "\""), a + "\n" + a);
  }
}

TEST(JsonStringTest, SurrogatePairsAndLoneSurrogates) {
  uint32_t n = 0;
  EXPECT_EQ(Unescape(R"("\ud83d\ude00")", &n), "\xF0\x9F\x98\x80");
  EXPECT_EQ(n, 0u);
  EXPECT_EQ(Unescape(R"("\ud800x")", &n), FFFD "x");
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(Unescape(R"("\udc00\ud800")", &n), FFFD FFFD);  // reversed pair: two lone surrogates
  EXPECT_EQ(n, 2u);
  EXPECT_EQ(Unescape(R"("\ud800\ud800\udc00")", &n), FFFD "\xF0\x90\x80\x80");  // the pair after survives
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(Unescape(R"("\ud800")", &n), FFFD);
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(Unescape(R"("\ud800\u0041")", &n), FFFD "A");
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(Unescape(R"("\uDBFF\uDFFF")", &n), "\xF4\x8F\xBF\xBF");
  EXPECT_EQ(n, 0u);
}

TEST(JsonStringTest, CountsAccumulate) {
  std::string out;
  uint32_t count = 5;
  ASSERT_TRUE(UnescapeJsonString(R"("\udfff")", &out, &count));
  EXPECT_EQ(count, 6u);
  ASSERT_TRUE(UnescapeJsonString(R"("\udfff")", &out, nullptr));
}

TEST(JsonStringTest, RejectsInvalidTokens) {
  std::string out;
  for (const std::string& token :
       std::vector<std::string>{R"(abc)", R"(")", R"("abc)", R"(abc")", R"("a\qb")", R"("a\")", R"("\u12")",
                                R"("\u12g4")", R"("\ud800\u12")", R"("a"b")", "\"tab\there\"", "\"nl\nx\"",
                                std::string("\"nul\0x\"", 7), R"("\x41")", R"("\U0041")"}) {
    EXPECT_FALSE(UnescapeJsonString(token, &out, nullptr)) << ::testing::PrintToString(token);
    EXPECT_FALSE(IsJsonString(token)) << ::testing::PrintToString(token);
  }
  EXPECT_TRUE(IsJsonString(R"("\ud800 lone surrogates are valid JSON")"));
}

std::string Append(const std::string& s) {
  std::string out = "prefix:";
  AppendJsonString(s, &out);
  return out;
}

TEST(JsonStringTest, AppendEscapesOnlyWhatJsonRequires) {
  EXPECT_EQ(Append(""), R"(prefix:"")");
  EXPECT_EQ(Append("a\"b\\c"), R"(prefix:"a\"b\\c")");
  EXPECT_EQ(Append("\n\r\t\b\f"), R"(prefix:"\n\r\t\b\f")");
  EXPECT_EQ(Append(std::string("\x00\x01\x1f", 3)), R"(prefix:"\u0000\u0001\u001f")");
  EXPECT_EQ(Append("/ \x7f"), "prefix:\"/ \x7f\"");
  // U+2028 and U+2029 are valid raw in JSON and stay raw; so does everything else non-ASCII.
  EXPECT_EQ(Append("\xE2\x80\xA8\xE2\x80\xA9 \xC3\xA9 \xF0\x9F\x98\x80"),
            "prefix:\"\xE2\x80\xA8\xE2\x80\xA9 \xC3\xA9 \xF0\x9F\x98\x80\"");
}

TEST(JsonStringTest, AppendThenUnescapeRoundTrips) {
  std::string all;
  for (int c = 1; c < 128; ++c) all.push_back(static_cast<char>(c));
  all += "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
  for (size_t start = 0; start < all.size(); start += 7) {
    const std::string s = all.substr(start) + all.substr(0, start);
    std::string token;
    AppendJsonString(s, &token);
    EXPECT_TRUE(IsJsonString(token));
    EXPECT_EQ(Unescape(token), s);
  }
}

TEST(JsonStringTest, AppendAsciiEscapesLikePythonJsonDumps) {
  std::string out;
  // Python: json.dumps('a"b\\c/\n\x01\x7f\xe9\u20ac\U0001f600')
  AppendJsonStringAscii("a\"b\\c/\n\x01\x7f\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", &out);
  EXPECT_EQ(out, R"("a\"b\\c/\n\u0001\u007f\u00e9\u20ac\ud83d\ude00")");
}

// Decodes `token` and returns the escaping style it reports.
JsonEscaping StyleOf(const std::string& token, std::string* text) {
  std::string out(token.size() + kDecodeSlack, '\0');
  JsonEscaping style = JsonEscaping::kOther;
  const size_t n = DecodeJsonString(token.data() + 1, token.size() - 2, out.data(), nullptr, &style);
  EXPECT_NE(n, SIZE_MAX) << token;
  *text = out.substr(0, n == SIZE_MAX ? 0 : n);
  return style;
}

// A reported style must rebuild the token byte for byte; that is what clean.jsonl relies on.
void ExpectStyleRebuildsToken(const std::string& token) {
  std::string text;
  const JsonEscaping style = StyleOf(token, &text);
  std::string rebuilt;
  if (style == JsonEscaping::kMinimal) AppendJsonString(text, &rebuilt);
  if (style == JsonEscaping::kAscii) AppendJsonStringAscii(text, &rebuilt);
  if (style != JsonEscaping::kOther) {
    EXPECT_EQ(rebuilt, token) << "style " << static_cast<int>(style);
  }
}

TEST(JsonStringTest, EscapingStyles) {
  std::string text;
  EXPECT_EQ(StyleOf(R"("plain")", &text), JsonEscaping::kMinimal);
  EXPECT_EQ(StyleOf(R"("a\nb\"c\\d\u0001 \u001f")", &text), JsonEscaping::kMinimal);
  EXPECT_EQ(StyleOf("\"caf\xC3\xA9 \x7f\"", &text), JsonEscaping::kMinimal);
  EXPECT_EQ(StyleOf(R"("caf\u00e9 \u007f \ud83d\ude00\n")", &text), JsonEscaping::kAscii);
  EXPECT_EQ(text, "caf\xC3\xA9 \x7f \xF0\x9F\x98\x80\n");
  EXPECT_EQ(StyleOf(R"("caf\u00E9")", &text), JsonEscaping::kOther);              // uppercase hex
  EXPECT_EQ(StyleOf(R"("a\/b")", &text), JsonEscaping::kOther);                   // escaped slash
  EXPECT_EQ(StyleOf(R"("\u0041")", &text), JsonEscaping::kOther);                 // printable ASCII escaped
  EXPECT_EQ(StyleOf(R"("\u000a")", &text), JsonEscaping::kOther);                 // \n has a short escape
  EXPECT_EQ(StyleOf(R"("\ud800")", &text), JsonEscaping::kOther);                 // lone surrogate
  EXPECT_EQ(StyleOf("\"\\u00e9 \xC3\xA9\"", &text), JsonEscaping::kOther);       // escaped and raw
  EXPECT_EQ(StyleOf(R"("\ud83d\uDE00")", &text), JsonEscaping::kOther);          // uppercase in a pair
}

TEST(JsonStringTest, ReportedStyleAlwaysRebuildsTheToken) {
  // Tokens built from random pieces, valid JSON but in any mix of styles.
  const std::vector<std::string> pieces = {
      "a",      " ",        "/",        "\\/",      "\\n",          "\\u000a",       "\\u0001",     "\\u001F",
      "\\u0041", "\\u007f",  "\\u00e9",   "\\u00E9",  "\xC3\xA9",       "\x7f",          "\\ud83d\\ude00",
      "\\ud800", "\\udc00",  "\\\"",    "\\\\",     "\xF0\x9F\x98\x80", "\\u20ac",       "\\b",         "\\u0008"};
  uint64_t x = 99;
  for (int round = 0; round < 20000; ++round) {
    std::string token = "\"";
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    const int n = static_cast<int>((x >> 33) % 12);
    for (int i = 0; i < n; ++i) {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      token += pieces[(x >> 33) % pieces.size()];
    }
    token += "\"";
    ExpectStyleRebuildsToken(token);
  }
  // Every string written either way reads back with a style that rebuilds it.
  std::string all;
  for (int c = 0; c < 128; ++c) all.push_back(static_cast<char>(c));
  all += "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xEF\xBF\xBD";
  for (size_t start = 0; start < all.size(); start += 5) {
    while ((static_cast<unsigned char>(all[start]) & 0xC0) == 0x80) ++start;  // rotate at a character
    const std::string s = all.substr(start) + all.substr(0, start);
    std::string minimal, ascii, text;
    AppendJsonString(s, &minimal);
    AppendJsonStringAscii(s, &ascii);
    EXPECT_EQ(StyleOf(minimal, &text), JsonEscaping::kMinimal);
    EXPECT_EQ(text, s);
    EXPECT_EQ(StyleOf(ascii, &text), JsonEscaping::kAscii);
    EXPECT_EQ(text, s);
    ExpectStyleRebuildsToken(ascii);
  }
}

TEST(JsonStringTest, DecodeWritesAtMostTheSlackPastTheText) {
  // Every length and escape position: the decoder copies ahead in blocks, never past size + slack.
  for (size_t length = 0; length < 70; ++length) {
    for (size_t escape_at = 0; escape_at <= length; escape_at += 3) {
      std::string body(length, 'x');
      body.insert(escape_at, "\\n");
      std::string out(body.size() + kDecodeSlack + 16, '#');
      const size_t n = DecodeJsonString(body.data(), body.size(), out.data(), nullptr, nullptr);
      ASSERT_EQ(n, length + 1);
      EXPECT_EQ(out.substr(0, n), std::string(escape_at, 'x') + "\n" + std::string(length - escape_at, 'x'));
      EXPECT_EQ(out.substr(body.size() + kDecodeSlack), std::string(16, '#'));
    }
  }
}

TEST(JsonStringTest, NumberGrammar) {
  for (const char* ok :
       {"0", "-0", "7", "-12", "123456789012345678901234567890", "1.5", "-0.0", "1e5", "1E+5", "2.5e-3"}) {
    EXPECT_TRUE(IsJsonNumber(ok)) << ok;
  }
  for (const char* bad :
       {"", "-", "01", "1.", ".5", "+1", "1e", "1e+", "0x10", "NaN", "Infinity", "1 ", "--1"}) {
    EXPECT_FALSE(IsJsonNumber(bad)) << bad;
  }
  EXPECT_TRUE(IsJsonInteger("-12"));
  EXPECT_TRUE(IsJsonInteger("123456789012345678901234567890"));
  EXPECT_FALSE(IsJsonInteger("1.0"));
  EXPECT_FALSE(IsJsonInteger("1e3"));
}

#undef FFFD

}  // namespace
}  // namespace neardup
