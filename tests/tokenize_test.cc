// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The ASCII fast path (Mode::kAuto) is checked against ICU (Mode::kIcuOnly) exhaustively on short
// strings, on random ASCII, on random mixes of ASCII and non-ASCII pieces and on 1 MB of text; the
// claim the piece splitting rests on (ASCII whitespace always starts a fresh ICU segment) is checked
// directly. The remaining tests pin the public behaviour: normalization, code point offsets,
// dictionary segmentation and the ICU 72 quirks the fast path reproduces.

#include "kernels/tokenize.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "kernels/tokenize_ascii.h"

namespace neardup {
namespace {

using Mode = WordTokenizer::Mode;

std::vector<Word> Tokens(WordTokenizer& tokenizer, std::string_view text, uint32_t cp_base = 0) {
  std::vector<Word> words;
  tokenizer.Tokenize(text, cp_base, &words);
  return words;
}

std::string Escape(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      out += static_cast<char>(c);
    } else {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// Byte offset of every code point of valid UTF-8, plus text.size() at the end.
std::vector<size_t> CodePointStarts(std::string_view text) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(text.size());
  return starts;
}

std::vector<std::string> WordTexts(std::string_view text, const std::vector<Word>& words) {
  const std::vector<size_t> starts = CodePointStarts(text);
  std::vector<std::string> out;
  for (const Word& w : words) {
    if (w.end >= starts.size() || w.start > w.end) {
      out.emplace_back("<offsets out of range>");
    } else {
      out.emplace_back(text.substr(starts[w.start], starts[w.end] - starts[w.start]));
    }
  }
  return out;
}

// Words [from, to) with their offsets and text.
std::string Describe(std::string_view text, const std::vector<Word>& words, size_t from = 0,
                     size_t to = SIZE_MAX) {
  std::string out;
  const std::vector<std::string> texts = WordTexts(text, words);
  for (size_t i = from; i < std::min(to, words.size()); ++i) {
    // Appended piece by piece: g++ 12 flags `"literal" + std::string` chains with a bogus -Wrestrict.
    out += '[';
    out += std::to_string(words[i].start);
    out += ',';
    out += std::to_string(words[i].end);
    out += ")'";
    out += Escape(texts[i]);
    out += "' ";
  }
  return out;
}

bool SameWords(const std::vector<Word>& a, const std::vector<Word>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].hash != b[i].hash || a[i].start != b[i].start || a[i].end != b[i].end) return false;
  }
  return true;
}

class TokenizeTest : public ::testing::Test {
 protected:
  // Counts a mismatch between the modes and reports the first few in full.
  void ExpectModesAgree(std::string_view text) {
    ++cases_;
    const std::vector<Word> fast = Tokens(auto_, text);
    const std::vector<Word> reference = Tokens(icu_, text);
    // TokenizeHashes gives the hashes of the same words, in both modes.
    std::vector<uint64_t> want_hashes, auto_hashes, icu_hashes;
    for (const Word& w : reference) want_hashes.push_back(w.hash);
    auto_.TokenizeHashes(text, &auto_hashes);
    icu_.TokenizeHashes(text, &icu_hashes);
    if (auto_hashes != want_hashes || icu_hashes != want_hashes) {
      if (++mismatches_ <= 5) {
        ADD_FAILURE() << "TokenizeHashes differs from the words of kIcuOnly on '" << Escape(text.substr(0, 200))
                      << "'";
      }
      return;
    }
    if (SameWords(fast, reference)) return;
    if (++mismatches_ > 5) return;
    // Report the neighbourhood of the first difference, so that a failure on 1 MB stays readable.
    size_t first = 0;
    while (first < fast.size() && first < reference.size() && fast[first].hash == reference[first].hash &&
           fast[first].start == reference[first].start && fast[first].end == reference[first].end) {
      ++first;
    }
    const size_t from = first < 2 ? 0 : first - 2;
    std::string_view context = text;
    if (text.size() > 400) {
      const uint32_t cp =
          first < reference.size() ? reference[first].start : (first < fast.size() ? fast[first].start : 0);
      const std::vector<size_t> starts = CodePointStarts(text);
      const size_t at = starts[std::min<size_t>(cp, starts.size() - 1)];
      const size_t begin = at < 100 ? 0 : at - 100;
      context = text.substr(begin, 200);
    }
    ADD_FAILURE() << "first difference at word " << first << " of text '" << Escape(context)
                  << "'\n  kAuto:    " << Describe(text, fast, from, first + 3)
                  << "\n  kIcuOnly: " << Describe(text, reference, from, first + 3);
  }

  void TearDown() override { EXPECT_EQ(mismatches_, 0u) << "of " << cases_ << " cases"; }

  WordTokenizer auto_{Mode::kAuto};
  WordTokenizer icu_{Mode::kIcuOnly};
  size_t cases_ = 0;
  size_t mismatches_ = 0;
};

// Characters that matter to the word rules come up far more often than their share of ASCII.
std::string RandomAscii(std::mt19937_64& rng, size_t length) {
  static constexpr std::string_view kTricky = "aZq@7.,;:'_ \t\r\n\v\f-\"()/";
  std::string s;
  for (size_t i = 0; i < length; ++i) {
    const uint64_t r = rng() % 100;
    if (r < 35) {
      s += kTricky[rng() % kTricky.size()];
    } else if (r < 60) {
      s += static_cast<char>("abcxyzABCXYZ"[rng() % 12]);
    } else if (r < 75) {
      s += static_cast<char>('0' + rng() % 10);
    } else if (r < 95) {
      s += static_cast<char>(0x20 + rng() % 95);  // any printable
    } else {
      s += static_cast<char>(rng() % 0x80);  // controls included
    }
  }
  return s;
}

TEST(TokenizeSetupTest, IcuIsAvailable) {
  EXPECT_TRUE(WordTokenizer(Mode::kAuto).ok());
  EXPECT_TRUE(WordTokenizer(Mode::kIcuOnly).ok());
}

TEST_F(TokenizeTest, AsciiExhaustiveShortStringsMatchIcu) {
  // One or two representatives of every class the rules distinguish, all strings up to length 5.
  static constexpr std::string_view kAlphabet = "aZ@7.',;:_ \t\r\n\v-";
  std::string s;
  for (size_t length = 0; length <= 5; ++length) {
    s.assign(length, ' ');
    size_t combos = 1;
    for (size_t i = 0; i < length; ++i) combos *= kAlphabet.size();
    for (size_t c = 0; c < combos; ++c) {
      size_t x = c;
      for (size_t i = 0; i < length; ++i, x /= kAlphabet.size()) s[i] = kAlphabet[x % kAlphabet.size()];
      ExpectModesAgree(s);
    }
  }
  // Every ASCII byte, all strings up to length 3.
  for (size_t length = 1; length <= 3; ++length) {
    s.assign(length, ' ');
    for (size_t c = 0; c < (size_t{1} << (7 * length)); ++c) {
      for (size_t i = 0; i < length; ++i) s[i] = static_cast<char>((c >> (7 * i)) & 0x7f);
      ExpectModesAgree(s);
    }
  }
}

TEST_F(TokenizeTest, AsciiRandomStringsMatchIcu) {
  for (uint64_t seed : {1u, 2u, 3u, 42u}) {
    std::mt19937_64 rng(seed);
    for (int i = 0; i < 5000; ++i) ExpectModesAgree(RandomAscii(rng, rng() % 201));
  }
}

TEST_F(TokenizeTest, AsciiLongWordsMatchIcu) {
  std::string word;
  for (int i = 0; i < 1000; ++i) word += static_cast<char>((i % 3 == 0 ? 'A' : 'a') + i % 26);
  ExpectModesAgree(word);
  ExpectModesAgree("x " + word + "." + word + " 12,345,678.90 " + std::string(300, '_'));
  ExpectModesAgree(std::string(70, '7') + ";" + std::string(70, '8'));
}

// Non-ASCII pieces chosen for how they interact with the rules: apostrophes and quotes, spaces that
// are not ASCII, marks and format characters that attach to what precedes them, scripts with
// dictionary segmentation, right-to-left text, emoji with modifiers and ZWJ sequences.
constexpr std::string_view kNonAsciiPieces[] = {
    "\xC3\xA9",      // é
    "\xE2\x80\x99",  // ’
    "\xE2\x80\x98",  // ‘
    "\xE2\x80\x9C",  // “
    "\xE2\x80\x9D",  // ”
    "\xE2\x80\x94",  // —
    "\xC2\xA0",      // NBSP
    "\xCC\x81",      // combining acute
    "\xE2\x80\x8D",  // ZWJ
    "\xC2\xAD",      // soft hyphen
    "\xE2\x81\xA0",  // word joiner
    "\xEF\xB8\x8F",  // variation selector 16
    "\xE3\x80\x80",  // ideographic space
    "\xCA\xBC",      // modifier letter apostrophe
    "na\xC3\xAFve",  // naïve
    "Stra\xC3\x9F"
    "e",                                             // Straße
    "\xEF\xBC\xA1\xEF\xBC\xA2",                      // ＡＢ
    "\xEF\xBC\x93",                                  // ３ (full-width digit)
    "\xD9\xA3",                                      // Arabic-Indic digit three
    "\xE5\x8C\x97\xE4\xBA\xAC",                      // 北京
    "\xE6\x88\x91\xE4\xBB\xAC\xE5\x8E\xBB",          // 我们去
    "\xE3\x82\xAB\xE3\x82\xBF",                      // カタ
    "\xD0\x9C\xD0\xB8\xD1\x80",                      // Мир
    "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85",              // سلام
    "\xCE\xBB\xCF\x8C\xCE\xB3\xCE\xBF\xCF\x82",      // λόγος
    "\xE0\xB8\x81\xE0\xB8\xB4\xE0\xB8\x99",          // กิน
    "\xF0\x9F\x98\x80",                              // 😀
    "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",              // 👍🏽
    "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB",  // 👩‍💻
};

std::string RandomMix(std::mt19937_64& rng) {
  std::string s;
  const size_t pieces = rng() % 16;
  for (size_t i = 0; i < pieces; ++i) {
    const uint64_t r = rng() % 10;
    if (r < 4) {
      s += kNonAsciiPieces[rng() % std::size(kNonAsciiPieces)];
    } else if (r < 7) {
      s += RandomAscii(rng, rng() % 9);
    } else {
      s += " \t\n\r\v\f"[rng() % 6];
    }
  }
  return s;
}

TEST_F(TokenizeTest, MixedRandomTextMatchesIcu) {
  for (uint64_t seed : {7u, 8u, 9u}) {
    std::mt19937_64 rng(seed);
    for (int i = 0; i < 5000; ++i) ExpectModesAgree(RandomMix(rng));
  }
}

TEST_F(TokenizeTest, MixedAdversarialTextMatchesIcu) {
  for (std::string_view ws : {" ", "\t", "\n", "\r", "\r\n", "\v", "\f", "  "}) {
    for (std::string_view piece : kNonAsciiPieces) {
      const std::string p(piece);
      const std::string w(ws);
      for (std::string_view ascii : {"a", "A1", "x.y", "3,000", "_", "__", "'", ".", "@", "a'"}) {
        const std::string a(ascii);
        ExpectModesAgree(a + w + p);
        ExpectModesAgree(p + w + a);
        ExpectModesAgree(a + w + p + a);
        ExpectModesAgree(a + p + w + a);
        ExpectModesAgree(a + w + p + w + a + w + p);
        ExpectModesAgree(w + p + a + w);
      }
    }
  }
}

// The dispatch cuts text in front of ASCII whitespace. That is exact only if ICU segments A + B as A
// and B separately (B shifted) whenever B starts with ASCII whitespace, whatever follows the
// whitespace: combining marks, ZWJ and format characters included.
TEST(TokenizeWhitespaceTest, AsciiWhitespaceAlwaysStartsAFreshSegment) {
  WordTokenizer icu(Mode::kIcuOnly);
  std::mt19937_64 rng(11);
  size_t failures = 0;
  for (int i = 0; i < 20000 && failures < 5; ++i) {
    const std::string a = RandomMix(rng);
    std::string b(1, " \t\n\r\v\f"[rng() % 6]);
    if (rng() % 2) b += kNonAsciiPieces[7 + rng() % 6];  // mark, ZWJ, SHY, WJ, VS16 or U+3000
    b += RandomMix(rng);
    const std::vector<Word> whole = Tokens(icu, a + b);
    std::vector<Word> split = Tokens(icu, a);
    icu.Tokenize(b, static_cast<uint32_t>(CountCodePoints(a)), &split);
    if (!SameWords(whole, split)) {
      ++failures;
      ADD_FAILURE() << "a '" << Escape(a) << "' b '" << Escape(b) << "'\n  whole: " << Describe(a + b, whole)
                    << "\n  split: " << Describe(a + b, split);
    }
  }
}

TEST(TokenizeWhitespaceTest, MarksAndFormatCharactersAfterWhitespace) {
  WordTokenizer icu(Mode::kIcuOnly);
  const std::string_view befores[] = {"",
                                      "a",
                                      "7",
                                      "a.",
                                      "1,",
                                      "_",
                                      "\xC3\xA9",
                                      "\xE5\x8C\x97",
                                      "\xE2\x80\x99",
                                      "\xF0\x9F\x98\x80",
                                      "\xE2\x80\x8D",
                                      "\r",
                                      " "};
  const std::string_view afters[] = {
      "",  "a", "7", ".a", "_x", "\xC3\xA9", "\xE5\x8C\x97", "\xF0\x9F\x98\x80", "\xE0\xB8\x81\xE0\xB8\xB4",
      " ", "\n"};
  for (std::string_view ws : {" ", "\t", "\n", "\r", "\v", "\f"}) {
    for (size_t m = 7; m <= 13; ++m) {  // combining acute, ZWJ, SHY, WJ, VS16, U+3000, U+02BC
      for (std::string_view before : befores) {
        for (std::string_view after : afters) {
          const std::string a(before);
          const std::string b = std::string(ws) + std::string(kNonAsciiPieces[m]) + std::string(after);
          const std::vector<Word> whole = Tokens(icu, a + b);
          std::vector<Word> split = Tokens(icu, a);
          icu.Tokenize(b, static_cast<uint32_t>(CountCodePoints(a)), &split);
          EXPECT_TRUE(SameWords(whole, split))
              << "'" << Escape(a) << "' + '" << Escape(b) << "'\n  whole: " << Describe(a + b, whole)
              << "\n  split: " << Describe(a + b, split);
        }
      }
    }
  }
}

TEST(TokenizeWhitespaceTest, NoWordContainsAsciiWhitespace) {
  WordTokenizer icu(Mode::kIcuOnly);
  std::mt19937_64 rng(12);
  for (int i = 0; i < 5000; ++i) {
    const std::string text = RandomMix(rng);
    for (const std::string& word : WordTexts(text, Tokens(icu, text))) {
      EXPECT_EQ(word.find_first_of(" \t\n\r\v\f"), std::string::npos) << Escape(text);
    }
  }
}

std::vector<uint64_t> Hashes(WordTokenizer& tokenizer, std::string_view text) {
  std::vector<uint64_t> hashes;
  for (const Word& w : Tokens(tokenizer, text)) hashes.push_back(w.hash);
  return hashes;
}

TEST(TokenizeNormalizationTest, EquivalentSpellingsGiveTheSameWords) {
  for (Mode mode : {Mode::kAuto, Mode::kIcuOnly}) {
    WordTokenizer t(mode);
    EXPECT_EQ(Hashes(t, "Don\xE2\x80\x99t"), Hashes(t, "don't"));
    EXPECT_EQ(Hashes(t, "don\xCA\xBCt"), Hashes(t, "don't"));
    EXPECT_EQ(Hashes(t, "don\xE2\x80\x98t"), Hashes(t, "DON'T"));
    EXPECT_EQ(Hashes(t, "\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3"), Hashes(t, "abc"));  // ＡＢＣ
    EXPECT_EQ(Hashes(t, "\xEF\xBC\x91\xEF\xBC\x92"), Hashes(t, "12"));               // １２
    EXPECT_EQ(Hashes(t,
                     "Stra\xC3\x9F"
                     "e"),
              Hashes(t, "strasse"));
    EXPECT_EQ(Hashes(t, "caf\xC3\xA9"), Hashes(t, "cafe\xCC\x81"));  // precomposed vs combining
    EXPECT_EQ(Hashes(t, "\xCE\xA3\xCE\xBF\xCF\x86\xCE\xAF\xCE\xB1"),
              Hashes(t, "\xCF\x83\xCE\xBF\xCF\x86\xCE\xAF\xCE\xB1"));
    EXPECT_NE(Hashes(t, "cafe"), Hashes(t, "caf\xC3\xA9"));  // accents are kept

    const std::string straight = "\"Hello,\" she said. 'Don't go' - it's 5 o'clock.";
    const std::string curly =
        "\xE2\x80\x9CHello,\xE2\x80\x9D she said. \xE2\x80\x98"
        "Don\xE2\x80\x99t go\xE2\x80\x99 - "
        "it\xE2\x80\x99s 5 o\xE2\x80\x99"
        "clock.";
    const std::vector<Word> a = Tokens(t, straight);
    const std::vector<Word> b = Tokens(t, curly);
    EXPECT_TRUE(SameWords(a, b)) << Describe(straight, a) << "\n" << Describe(curly, b);
    EXPECT_EQ(a.size(), 8u) << Describe(straight, a);

    const std::string spaced = "hello world and more";
    const std::string nbsp =
        "hello\xC2\xA0world\xC2\xA0"
        "and more";
    EXPECT_TRUE(SameWords(Tokens(t, spaced), Tokens(t, nbsp)));
  }
}

TEST(TokenizeNormalizationTest, NormalizeGivesTheHashedForm) {
  WordTokenizer t;
  EXPECT_EQ(t.Normalize("Don\xE2\x80\x99t"), "don't");
  EXPECT_EQ(t.Normalize("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3"), "abc");
  EXPECT_EQ(t.Normalize("Stra\xC3\x9F"
                        "e"),
            "strasse");
  EXPECT_EQ(t.Normalize("x\xE2\x80\x9By\xE2\x80\xB2z\xEF\xBC\x87w"), "x'y'z'w");  // ‛ ′ ＇
  EXPECT_EQ(t.Normalize(""), "");
  // The fast path hashes ASCII lowercase: that must be what NFKC_Casefold does to every ASCII
  // character that can be part of a word.
  for (int c = 0x20; c < 0x7f; ++c) {
    const std::string s(1, static_cast<char>(c));
    const std::string lower(1, static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    EXPECT_EQ(t.Normalize(s), lower) << c;
  }
  // The hash is XXH3 of Normalize(): equal normalized forms, equal hashes, across scripts.
  EXPECT_EQ(Hashes(t, "\xD0\x9C\xD0\x98\xD0\xA0"), Hashes(t, "\xD0\xBC\xD0\xB8\xD1\x80"));  // МИР мир
}

TEST(TokenizeOffsetsTest, OffsetsAreCodePoints) {
  for (Mode mode : {Mode::kAuto, Mode::kIcuOnly}) {
    WordTokenizer t(mode);
    const std::vector<Word> words = Tokens(t, "h\xC3\xA9llo w\xC3\xB6rld");
    ASSERT_EQ(words.size(), 2u);
    EXPECT_EQ(words[0].start, 0u);
    EXPECT_EQ(words[0].end, 5u);
    EXPECT_EQ(words[1].start, 6u);
    EXPECT_EQ(words[1].end, 11u);

    const std::vector<Word> based = Tokens(t, "h\xC3\xA9llo w\xC3\xB6rld", 1000);
    ASSERT_EQ(based.size(), 2u);
    EXPECT_EQ(based[0].start, 1000u);
    EXPECT_EQ(based[0].end, 1005u);
    EXPECT_EQ(based[1].start, 1006u);
    EXPECT_EQ(based[1].end, 1011u);
    EXPECT_EQ(based[0].hash, words[0].hash);

    // ASCII after non-ASCII: the fast-path run must start at the right code point.
    const std::vector<Word> mixed = Tokens(t,
                                           "\xF0\x9F\x98\x80 \xE2\x80\x9C"
                                           "caf\xC3\xA9\xE2\x80\x9D and tea",
                                           7);
    ASSERT_EQ(mixed.size(), 3u);
    EXPECT_EQ(mixed[0].start, 10u);
    EXPECT_EQ(mixed[0].end, 14u);
    EXPECT_EQ(mixed[1].start, 16u);
    EXPECT_EQ(mixed[1].end, 19u);
    EXPECT_EQ(mixed[2].start, 20u);
    EXPECT_EQ(mixed[2].end, 23u);
  }
}

TEST(TokenizeOffsetsTest, PiecewiseTokenizationAtWhitespaceMatchesWhole) {
  WordTokenizer t;
  const std::string text =
      "Caf\xC3\xA9 au lait, \xE2\x80\x9Cs\xC3\xBCr\xE2\x80\x9D la table; 3,000 \xE5\x8C\x97\xE4\xBA\xAC.";
  const std::vector<Word> whole = Tokens(t, text);
  for (size_t cut = 0; cut <= text.size(); ++cut) {
    if (cut < text.size() && text[cut] != ' ') continue;
    std::vector<Word> pieces = Tokens(t, std::string_view(text).substr(0, cut));
    t.Tokenize(std::string_view(text).substr(cut),
               static_cast<uint32_t>(CountCodePoints(text.substr(0, cut))), &pieces);
    EXPECT_TRUE(SameWords(whole, pieces)) << cut;
  }
}

TEST(TokenizeOffsetsTest, AppendsWithoutClearing) {
  WordTokenizer t;
  std::vector<Word> words = {Word{1, 2, 3}};
  t.Tokenize("one two", 0, &words);
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[0].hash, 1u);
}

TEST(TokenizeScriptsTest, DictionaryScriptsGiveRealWords) {
  const std::string_view texts[] = {
      "\xE6\x88\x91\xE4\xBB\xAC\xE4\xBB\x8A\xE5\xA4\xA9\xE5\x8E\xBB\xE5\x8C\x97\xE4\xBA\xAC\xE5\xA4\xA7\xE5"
      "\xAD\xA6",  // 我们今天去北京大学
      "\xE0\xB8\x89\xE0\xB8\xB1\xE0\xB8\x99\xE0\xB8\x8A\xE0\xB8\xAD\xE0\xB8\x9A\xE0\xB8\x81\xE0\xB8\xB4\xE0"
      "\xB8\x99"
      "\xE0\xB8\x82\xE0\xB9\x89\xE0\xB8\xB2\xE0\xB8\xA7\xE0\xB8\x9C\xE0\xB8\xB1\xE0\xB8\x94",  // ฉันชอบกินข้าวผัด
      "\xE7\xA7\x81\xE3\x81\xAF\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAE\xE5\xA4\xA7\xE5\xAD\xA6\xE3\x81\xA7\xE5"
      "\x8B\x89"
      "\xE5\xBC\xB7\xE3\x81\x97\xE3\x81\xBE\xE3\x81\x99",  // 私は東京の大学で勉強します
  };
  for (Mode mode : {Mode::kAuto, Mode::kIcuOnly}) {
    WordTokenizer t(mode);
    for (std::string_view text : texts) {
      const std::vector<Word> words = Tokens(t, text);
      const uint32_t length = static_cast<uint32_t>(CountCodePoints(text));
      EXPECT_GE(words.size(), 4u) << Describe(text, words);
      uint32_t covered = 0;
      for (const Word& w : words) {
        EXPECT_LT(w.end - w.start, length) << Describe(text, words);
        covered += w.end - w.start;
      }
      EXPECT_EQ(covered, length) << Describe(text, words);  // no punctuation: every character is in a word
    }
  }
}

TEST(TokenizeScriptsTest, AlphabeticScriptsSplitAtSpacesAndPunctuation) {
  WordTokenizer t;
  EXPECT_EQ(Tokens(t, "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82, \xD0\xBC\xD0\xB8\xD1\x80!").size(),
            2u);  // Привет, мир!
  EXPECT_EQ(
      Tokens(
          t,
          "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85")
          .size(),
      2u);  // مرحبا بالعالم
  EXPECT_EQ(Tokens(t,
                   "\xCE\x9A\xCE\xB1\xCE\xBB\xCE\xB7\xCE\xBC\xCE\xAD\xCF\x81\xCE\xB1 "
                   "\xCE\xBA\xCF\x8C\xCF\x83\xCE\xBC\xCE\xB5.")
                .size(),
            2u);  // Καλημέρα κόσμε.
}

TEST(TokenizeEdgeTest, PunctuationAndEmptyGiveNoWords) {
  for (Mode mode : {Mode::kAuto, Mode::kIcuOnly}) {
    WordTokenizer t(mode);
    for (std::string_view text :
         {"", " ", "\r\n\t", "!!! ... --- ???", "_", "_ _ _", "\"'()[]{}<>", "- / \\ | : ;",
          "\xE2\x80\x9C\xE2\x80\x94\xE2\x80\x9D", "\xF0\x9F\x98\x80 \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",
          "\xC2\xA0\xC2\xAD\xE2\x80\x8D"}) {
      EXPECT_TRUE(Tokens(t, text).empty()) << Escape(text);
    }
  }
}

// What ICU 72's root rules do with ASCII, which the fast path reproduces.
TEST(TokenizeEdgeTest, IcuQuirksOnAscii) {
  for (Mode mode : {Mode::kAuto, Mode::kIcuOnly}) {
    WordTokenizer t(mode);
    const auto texts = [&t](std::string_view text) { return WordTexts(text, Tokens(t, text)); };
    using V = std::vector<std::string>;
    EXPECT_EQ(texts("a_b __ _ x_"), (V{"a_b", "__", "x_"}));  // a lone '_' is not a word
    EXPECT_EQ(texts("a:b"), (V{"a", "b"}));                   // ':' is not MidLetter in root
    EXPECT_EQ(texts("mail x@y.com @ now"), (V{"mail", "x@y.com", "@", "now"}));  // '@' is a letter
    EXPECT_EQ(texts("3,000.50 1;2 3.14abc e.g. U.S.A."), (V{"3,000.50", "1;2", "3.14abc", "e.g", "U.S.A"}));
    EXPECT_EQ(texts("a..b 1.a a.1 a,b don't 'tis"),
              (V{"a", "b", "1", "a", "a", "1", "a", "b", "don't", "tis"}));
    EXPECT_EQ(texts("state-of-the-art"), (V{"state", "of", "the", "art"}));
  }
}

// Without ICU data the tokenizer applies the ASCII rules with every non-ASCII character a breaker.
TEST(TokenizeEdgeTest, FallbackWithoutIcu) {
  std::string scratch;
  const auto fallback = [&scratch](std::string_view text, uint32_t cp_base = 0) {
    std::vector<Word> words;
    internal::TokenizeAsciiIgnoringOthers(text, cp_base, &scratch, &words);
    return words;
  };
  WordTokenizer t;
  std::mt19937_64 rng(14);
  for (int i = 0; i < 2000; ++i) {
    const std::string text = RandomAscii(rng, rng() % 100);
    EXPECT_TRUE(SameWords(fallback(text, 3), Tokens(t, text, 3))) << Escape(text);
  }
  const std::string text = "h\xC3\xA9llo, w\xC3\xB6rld \xE5\x8C\x97 A.b\xE2\x80\x99s";
  const std::vector<Word> words = fallback(text, 10);
  using V = std::vector<std::string>;
  EXPECT_EQ(WordTexts(text, fallback(text)), (V{"h", "llo", "w", "rld", "A.b", "s"}));
  ASSERT_EQ(words.size(), 6u);
  EXPECT_EQ(words[1].start, 12u);
  EXPECT_EQ(words[1].end, 15u);
  EXPECT_EQ(words[5].start, 29u);
  EXPECT_EQ(words[5].end, 30u);
  EXPECT_EQ(words[4].hash, Tokens(t, "a.B")[0].hash);
}

TEST(TokenizeEdgeTest, CountCodePoints) {
  EXPECT_EQ(CountCodePoints(""), 0u);
  EXPECT_EQ(CountCodePoints("abc"), 3u);
  EXPECT_EQ(CountCodePoints("h\xC3\xA9llo w\xC3\xB6rld"), 11u);
  EXPECT_EQ(CountCodePoints("\xE4\xB8\xAD\xF0\x9F\x98\x80\xE2\x80\x99 long enough to use the wide loop"),
            36u);
  std::mt19937_64 rng(13);
  for (int i = 0; i < 2000; ++i) {
    const std::string text = RandomMix(rng);
    size_t expected = 0;
    for (unsigned char c : text) expected += (c & 0xC0) != 0x80;
    EXPECT_EQ(CountCodePoints(text), expected) << Escape(text);
  }
  // Long texts, past the 255 rounds of eight bytes after which the byte-wide counters are summed, with
  // every byte a continuation byte at worst.
  EXPECT_EQ(CountCodePoints(std::string(5000, '\x80')), 0u);
  EXPECT_EQ(CountCodePoints(std::string(4093, '\xBF') + "ab"), 2u);
  for (int i = 0; i < 200; ++i) {
    std::string text;
    const size_t length = rng() % 9000;
    const unsigned continuation_share = static_cast<unsigned>(rng() % 101);
    for (size_t k = 0; k < length; ++k) {
      text.push_back(rng() % 100 < continuation_share ? static_cast<char>(0x80 | (rng() & 0x3F))
                                                       : static_cast<char>(rng() & 0xFF));
    }
    size_t expected = 0;
    for (unsigned char c : text) expected += (c & 0xC0) != 0x80;
    EXPECT_EQ(CountCodePoints(text), expected) << length;
  }
}

std::string EnglishLikeText(size_t bytes, uint64_t seed) {
  static constexpr std::string_view kWords[] = {"the",
                                                "of",
                                                "river",
                                                "Boat",
                                                "measured",
                                                "quietly",
                                                "don't",
                                                "it's",
                                                "e.g.",
                                                "U.S.",
                                                "3,250",
                                                "12.5%",
                                                "1999",
                                                "v2.0.1",
                                                "snake_case",
                                                "__init__",
                                                "x@mail.example",
                                                "(see",
                                                "below)",
                                                "ratio:",
                                                "1;2",
                                                "a.b.c",
                                                "--",
                                                "\"quoted\"",
                                                "'single'",
                                                "HTTP://Host.Example/Path?q=1",
                                                "O'Neil",
                                                "co-op",
                                                "ID_42",
                                                "_",
                                                "well...",
                                                "end.",
                                                "Q&A",
                                                "#tag",
                                                "$5.00"};
  static constexpr std::string_view kSeparators[] = {" ",  " ",  " ",    " ",  ", ",
                                                     ". ", "\n", "\r\n", "\t", "  "};
  std::mt19937_64 rng(seed);
  std::string text;
  while (text.size() < bytes) {
    text += kWords[rng() % std::size(kWords)];
    text += kSeparators[rng() % std::size(kSeparators)];
  }
  return text;
}

TEST_F(TokenizeTest, OneMegabyteOfAsciiMatchesIcu) {
  const std::string text = EnglishLikeText(1 << 20, 5);
  ExpectModesAgree(text);
  EXPECT_GT(Tokens(auto_, text).size(), 100000u);
}

TEST_F(TokenizeTest, OneMegabyteOfMixedTextMatchesIcu) {
  std::string text = EnglishLikeText(1 << 20, 6);
  // Replace every 20th space-separated token's end with a non-ASCII piece.
  std::mt19937_64 rng(6);
  for (size_t i = 0, spaces = 0; i < text.size(); ++i) {
    if (text[i] == ' ' && ++spaces % 20 == 0) {
      const std::string_view piece = kNonAsciiPieces[rng() % std::size(kNonAsciiPieces)];
      text.insert(i, piece);
      i += piece.size();
    }
  }
  ExpectModesAgree(text);
}

}  // namespace
}  // namespace neardup
