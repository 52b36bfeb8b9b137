// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The fast path beyond ASCII (Latin letters, curly quotes, dashes, NBSP... from the FastPathTable) is
// checked against ICU (Mode::kIcuOnly): every table code point exhaustively in short strings with
// representatives of every ASCII class, random mixes with every table code point and with near misses
// (code points just outside the table, combining marks after table letters, format characters), news
// phrases with typographic punctuation, and 1 MB of text. The table itself is checked against ICU's
// properties and normalizer.

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "kernels/byte_classes.h"
#include "kernels/minhash.h"
#include "kernels/tokenize.h"
#include "kernels/tokenize_ascii.h"

namespace neardup {
namespace {

using Mode = WordTokenizer::Mode;
using internal::FastPathTable;

std::string Utf8(uint32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
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

std::vector<Word> Tokens(WordTokenizer& tokenizer, std::string_view text) {
  std::vector<Word> words;
  tokenizer.Tokenize(text, 0, &words);
  return words;
}

std::string Describe(const std::vector<Word>& words) {
  std::string out;
  for (const Word& w : words) {
    out += '[';
    out += std::to_string(w.start);
    out += ',';
    out += std::to_string(w.end);
    out += ") ";
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

// The code points of the table, in order.
std::vector<uint32_t> TableCodePoints() {
  const FastPathTable* table = internal::SharedFastPathTable();
  std::vector<uint32_t> cps;
  if (table == nullptr) return cps;
  for (uint32_t cp = 0x80; cp < 0x10000; ++cp) {
    if (table->Find(cp) != nullptr) cps.push_back(cp);
  }
  return cps;
}

class TokenizeFastPathTest : public ::testing::Test {
 protected:
  void ExpectModesAgree(std::string_view text) {
    ++cases_;
    const std::vector<Word> fast = Tokens(auto_, text);
    const std::vector<Word> reference = Tokens(icu_, text);
    if (SameWords(fast, reference)) return;
    if (++mismatches_ > 5) return;
    ADD_FAILURE() << "text '" << Escape(text.substr(0, 300)) << "'\n  kAuto:    " << Describe(fast)
                  << "\n  kIcuOnly: " << Describe(reference);
  }

  void TearDown() override { EXPECT_EQ(mismatches_, 0u) << "of " << cases_ << " cases"; }

  WordTokenizer auto_{Mode::kAuto};
  WordTokenizer icu_{Mode::kIcuOnly};
  size_t cases_ = 0;
  size_t mismatches_ = 0;
};

TEST(TokenizeFastPathTableTest, HoldsTheCharactersOfEnglishNews) {
  const FastPathTable* table = internal::SharedFastPathTable();
  ASSERT_NE(table, nullptr);
  const auto class_of = [table](uint32_t cp) -> int {
    const FastPathTable::Entry* e = table->Find(cp);
    return e == nullptr ? -1 : (e->fast_class & ~internal::kNotAscii);
  };
  for (uint32_t cp : {0xE9u, 0xF6u, 0xF1u, 0x142u, 0x10Du, 0xDFu, 0x130u, 0xC5u, 0x1EC7u, 0xAAu, 0xB5u}) {
    EXPECT_EQ(class_of(cp), internal::kLetter) << std::hex << cp;
  }
  for (uint32_t cp : {0x2018u, 0x2019u, 0x2024u}) EXPECT_EQ(class_of(cp), internal::kMidLetterOrNumber) << cp;
  for (uint32_t cp : {0xB7u, 0x2027u}) EXPECT_EQ(class_of(cp), internal::kMidLetter) << cp;
  EXPECT_EQ(class_of(0x2044), internal::kMidNumber);  // fraction slash
  EXPECT_EQ(class_of(0x202F), internal::kExtender);   // narrow no-break space is ExtendNumLet
  for (uint32_t cp :
       {0xA0u, 0x201Cu, 0x201Du, 0x2013u, 0x2014u, 0x2026u, 0xD7u, 0xABu, 0xBBu, 0x20ACu, 0x2009u}) {
    EXPECT_EQ(class_of(cp), internal::kOther) << std::hex << cp;
  }
  // Not for the fast path: combining marks, soft hyphen, zero-width characters, line separator, a
  // Greek letter, 4-byte code points.
  for (uint32_t cp : {0x300u, 0x301u, 0x36Fu, 0xADu, 0x200Bu, 0x200Cu, 0x200Du, 0x2028u, 0x2060u, 0x3B1u,
                      0x20D0u, 0x1F600u}) {
    EXPECT_EQ(class_of(cp), -1) << std::hex << cp;
  }
}

// Every entry: its class is the one the UCD gives, its form is what the tokenizer's own Normalize
// gives, and NFKC_Casefold has a boundary before it (the condition for normalizing code point by code
// point), as it does before every ASCII character.
TEST(TokenizeFastPathTableTest, EntriesAgreeWithIcu) {
  const FastPathTable* table = internal::SharedFastPathTable();
  ASSERT_NE(table, nullptr);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  for (UChar32 c = 0; c < 0x80; ++c) EXPECT_TRUE(nfkc_casefold->hasBoundaryBefore(c)) << c;
  WordTokenizer t;
  const std::vector<uint32_t> cps = TableCodePoints();
  EXPECT_GT(cps.size(), 700u);
  for (uint32_t cp : cps) {
    const FastPathTable::Entry* e = table->Find(cp);
    EXPECT_TRUE(nfkc_casefold->hasBoundaryBefore(static_cast<UChar32>(cp))) << std::hex << cp;
    EXPECT_EQ(std::string_view(e->normalized, e->length), t.Normalize(Utf8(cp))) << std::hex << cp;
    const int wb = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_WORD_BREAK);
    const int cls = e->fast_class & ~internal::kNotAscii;
    switch (cls) {
      case internal::kLetter:
        EXPECT_EQ(wb, U_WB_ALETTER) << std::hex << cp;
        break;
      case internal::kDigit:
        EXPECT_EQ(wb, U_WB_NUMERIC) << std::hex << cp;
        break;
      case internal::kExtender:
        EXPECT_EQ(wb, U_WB_EXTENDNUMLET) << std::hex << cp;
        break;
      case internal::kMidLetterOrNumber:
        EXPECT_EQ(wb, U_WB_MIDNUMLET) << std::hex << cp;
        break;
      case internal::kMidNumber:
        EXPECT_EQ(wb, U_WB_MIDNUM) << std::hex << cp;
        break;
      case internal::kMidLetter:
        EXPECT_EQ(wb, U_WB_MIDLETTER) << std::hex << cp;
        break;
      case internal::kOther:
        EXPECT_TRUE(wb == U_WB_OTHER || wb == U_WB_WSEGSPACE) << std::hex << cp;
        break;
      default:
        ADD_FAILURE() << "class " << cls << " for " << std::hex << cp;
    }
  }
  // Sample forms, as the issue describes them.
  EXPECT_EQ(t.Normalize("\xC3\x9F"), "ss");         // ß
  EXPECT_EQ(t.Normalize("\xC4\xB0"), "i\xCC\x87");  // İ -> i + combining dot above
  EXPECT_EQ(t.Normalize("\xC5\x89"), "'n");         // ŉ -> ʼn -> 'n
  EXPECT_EQ(t.Normalize("\xE2\x80\x99"), "'");      // ’
}

// Every table code point in every string of up to four characters over itself and representatives of
// the ASCII classes (about four million cases, a few seconds).
TEST_F(TokenizeFastPathTest, EveryTableCodePointInShortStringsMatchesIcu) {
  static constexpr std::string_view kAscii[] = {"a", "Z", "7", ".", "'", ",", "_", " ", "-"};
  const std::vector<uint32_t> cps = TableCodePoints();
  ASSERT_FALSE(cps.empty());
  std::vector<std::string> alphabet(std::begin(kAscii), std::end(kAscii));
  alphabet.emplace_back();
  const size_t k = alphabet.size();
  const size_t c = k - 1;  // index of the table code point
  std::string s;
  for (uint32_t cp : cps) {
    alphabet[c] = Utf8(cp);
    for (size_t length = 1; length <= 4; ++length) {
      size_t combos = 1;
      for (size_t i = 0; i < length; ++i) combos *= k;
      for (size_t x = 0; x < combos; ++x) {
        s.clear();
        bool has_cp = false;
        for (size_t i = 0, y = x; i < length; ++i, y /= k) {
          s += alphabet[y % k];
          has_cp |= y % k == c;
        }
        if (has_cp) ExpectModesAgree(s);
      }
    }
  }
}

// Table code points next to each other: letters after mid characters after letters and so on.
TEST_F(TokenizeFastPathTest, PairsOfTableClassesMatchIcu) {
  // One or two representatives of each class in the table, and ASCII ones.
  static constexpr uint32_t kReps[] = {'a',    '1',   '_',    '.',    ',',    ':',    0xE9, 0x142,  0xDF,
                                       0x130,  0x149, 0x1EC7, 0x2019, 0x2018, 0x2024, 0xB7, 0x2027, 0x2044,
                                       0x202F, 0xA0,  0x2013, 0x201C, 0x2026, 0x2009, 0xAA, 0x2C6};
  std::vector<std::string> reps;
  for (uint32_t cp : kReps) reps.push_back(Utf8(cp));
  const size_t k = reps.size();
  for (size_t x = 0; x < k * k * k * k; ++x) {
    ExpectModesAgree(reps[x % k] + reps[x / k % k] + reps[x / k / k % k] + reps[x / k / k / k]);
  }
}

// Code points just outside the table and characters that change their neighbours' segmentation.
constexpr uint32_t kNearMisses[] = {0x7F,   0x80,   0x9F,   0x300,  0x301,  0x308,  0x327,   0x36F,  0x370,
                                    0x3B1,  0x410,  0xAD,   0x1DFF, 0x1F00, 0x1FFF, 0x200B,  0x200C, 0x200D,
                                    0x200E, 0x2028, 0x2029, 0x2060, 0x2066, 0x20D0, 0x20DD,  0x2100, 0x2122,
                                    0xFE0F, 0xFF07, 0xFF0E, 0x3000, 0x4E2D, 0x5D0,  0x1F600, 0x1F3FD};

std::string RandomTableMix(std::mt19937_64& rng, const std::vector<uint32_t>& cps) {
  static constexpr std::string_view kAscii = "aZq@7.,;:'_ \t\n-\"()/";
  std::string s;
  const size_t length = rng() % 24;
  for (size_t i = 0; i < length; ++i) {
    const uint64_t r = rng() % 100;
    if (r < 40) {
      s += kAscii[rng() % kAscii.size()];
    } else if (r < 60) {
      s += static_cast<char>("abcxyzABCXYZ0123"[rng() % 16]);
    } else if (r < 92) {
      s += Utf8(cps[rng() % cps.size()]);
    } else {
      s += Utf8(kNearMisses[rng() % std::size(kNearMisses)]);
    }
  }
  return s;
}

TEST_F(TokenizeFastPathTest, RandomMixesWithTableCodePointsMatchIcu) {
  const std::vector<uint32_t> cps = TableCodePoints();
  ASSERT_FALSE(cps.empty());
  for (uint64_t seed : {21u, 22u, 23u, 24u}) {
    std::mt19937_64 rng(seed);
    for (int i = 0; i < 10000; ++i) ExpectModesAgree(RandomTableMix(rng, cps));
  }
}

// A combining mark after a table letter belongs to the letter: the piece must go to ICU, whatever
// surrounds it.
TEST_F(TokenizeFastPathTest, CombiningMarksAfterTableCharactersMatchIcu) {
  const std::vector<uint32_t> cps = TableCodePoints();
  for (uint32_t mark : {0x300u, 0x301u, 0x308u, 0x327u, 0x36Fu, 0x200Du, 0xADu, 0xFE0Fu, 0x20DDu}) {
    for (uint32_t cp : cps) {
      const std::string c = Utf8(cp);
      const std::string m = Utf8(mark);
      ExpectModesAgree("x" + c + m + "y");
      ExpectModesAgree(c + m + " ab" + c);
      ExpectModesAgree("1" + c + m + "2 a");
    }
  }
}

TEST_F(TokenizeFastPathTest, NewsPhrasesMatchIcu) {
  const std::string_view phrases[] = {
      "don\xE2\x80\x99t",  // don’t
      "\xE2\x80\x99"
      "90s",  // ’90s
      "the \xE2\x80\x98"
      "90s\xE2\x80\x99 were",                 // the ‘90s’ were
      "rock \xE2\x80\x99n\xE2\x80\x99 roll",  // rock ’n’ roll
      "rock\xE2\x80\x99n\xE2\x80\x99roll",
      "\xE2\x80\x9CHello,\xE2\x80\x9D she said",  // “Hello,” she said
      "\xE2\x80\x9C"
      "a\xE2\x80\x9D\xE2\x80\x9C"
      "b\xE2\x80\x9D",
      "2019\xE2\x80\x93"
      "20",  // 2019–20
      "a\xE2\x80\x94"
      "b \xE2\x80\x94 c\xE2\x80\x94"
      "1",  // a—b — c—1
      "10\xC2\xA0km and\xC2\xA0"
      "more",  // NBSP
      "\xC2\xA0"
      "a\xC2\xA0\xC2\xA0"
      "b\xC2\xA0",
      "wait\xE2\x80\xA6 what\xE2\x80\xA6"
      "1",  // ellipsis
      "Jos\xC3\xA9 M\xC3\xBCller, Zo\xC3\xAB and \xC5\x81\xC3\xB3"
      "d\xC5\xBA",
      "Dvo\xC5\x99\xC3\xA1k\xE2\x80\x99s",  // Dvořák’s
      "Nguy\xE1\xBB\x85n Th\xE1\xBB\x8B",   // Nguyễn Thị
      "STRA\xC3\x9F"
      "E \xC4\xB0stanbul \xC5\x89",  // STRAßE İstanbul ŉ
      "l\xC2\xB7l pel\xC2\xB7"
      "l\xC3\xAD"
      "cula 1\xC2\xB7"
      "2",  // l·l pel·lícula 1·2
      "1\xE2\x81\x84"
      "2 a\xE2\x81\x84"
      "b",  // 1⁄2 a⁄b
      "5\xE2\x80\xAF"
      "000 a\xE2\x80\xAF"
      "b \xE2\x80\xAF",  // narrow NBSP
      "it\xE2\x80\x99s a \xE2\x80\x98quote\xE2\x80\x99.",
      "caf\xC3\xA9\xCC\x81 x",  // é + combining acute
      "e\xCC\x81t\xC3\xA9 d\xC3\xA9j\xC3\xA0",
      "\xC2\xA9 2024 \xC2\xAE \xE2\x84\xA2 \xE2\x82\xAC"
      "5 5\xE2\x82\xAC",
      "\xC2\xBD \xC2\xB2 x\xC2\xB3 \xC2\xB5m \xC2\xAA",
      "a\xE2\x80\x99\xE2\x80\x99"
      "b a\xE2\x80\x99.b a.\xE2\x80\x99"
      "b _\xE2\x80\x99"
      "a",
      "O\xE2\x80\x99Neil\xE2\x80\x99s co\xE2\x80\x91op",  // non-breaking hyphen U+2011
  };
  for (std::string_view p : phrases) {
    ExpectModesAgree(p);
    for (std::string_view ws : {" ", "\n", "\r\n"}) {
      const std::string w(ws);
      ExpectModesAgree(w + std::string(p) + w);
      ExpectModesAgree(std::string(p) + w + "\xE5\x8C\x97" + w + std::string(p));
    }
  }
}

TEST(TokenizeFastPathWordsTest, TypographicPunctuationGivesTheSameWordsAsAscii) {
  for (Mode mode : {Mode::kAuto, Mode::kIcuOnly}) {
    WordTokenizer t(mode);
    const auto texts = [&t](std::string_view text) {
      std::vector<std::string> out;
      std::vector<size_t> starts;
      for (size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
      }
      starts.push_back(text.size());
      for (const Word& w : Tokens(t, text))
        out.emplace_back(text.substr(starts[w.start], starts[w.end] - starts[w.start]));
      return out;
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(texts("don\xE2\x80\x99t \xE2\x80\x99"
                    "90s"),
              (V{"don\xE2\x80\x99t", "90s"}));
    EXPECT_EQ(texts("rock \xE2\x80\x99n\xE2\x80\x99 roll"), (V{"rock", "n", "roll"}));
    EXPECT_EQ(texts("a\xC2\xB7"
                    "b 1\xC2\xB7"
                    "2"),
              (V{"a\xC2\xB7"
                 "b",
                 "1", "2"}));  // MidLetter: letters only
    EXPECT_EQ(texts("1\xE2\x81\x84"
                    "2 a\xE2\x81\x84"
                    "b"),
              (V{"1\xE2\x81\x84"
                 "2",
                 "a", "b"}));  // MidNum
    EXPECT_EQ(texts("2019\xE2\x80\x93"
                    "20 10\xC2\xA0km"),
              (V{"2019", "20", "10", "km"}));
    EXPECT_EQ(Tokens(t, "Dvo\xC5\x99\xC3\xA1k\xE2\x80\x99s")[0].hash,
              Tokens(t, "dvo\xC5\x99\xC3\xA1k's")[0].hash);
    EXPECT_EQ(Tokens(t,
                     "STRA\xC3\x9F"
                     "E")[0]
                  .hash,
              Tokens(t, "strasse")[0].hash);
  }
}

std::string NewsLikeText(size_t bytes, uint64_t seed, const std::vector<uint32_t>& cps) {
  static constexpr std::string_view kWords[] = {"the",
                                                "of",
                                                "Council",
                                                "said",
                                                "2024",
                                                "3.5%",
                                                "it's",
                                                "U.S.",
                                                "e.g.",
                                                "$1,200",
                                                "don\xE2\x80\x99t",
                                                "\xE2\x80\x9C"
                                                "fair\xE2\x80\x9D",
                                                "\xE2\x80\x94",
                                                "Jos\xC3\xA9",
                                                "M\xC3\xBCller",
                                                "2019\xE2\x80\x93"
                                                "20",
                                                "10\xC2\xA0km",
                                                "wait\xE2\x80\xA6",
                                                "\xE2\x80\x98"
                                                "90s\xE2\x80\x99",
                                                "caf\xC3\xA9\xCC\x81",
                                                "\xE5\x8C\x97\xE4\xBA\xAC",
                                                "\xD0\x9C\xD0\xB8\xD1\x80"};
  static constexpr std::string_view kSeparators[] = {" ", " ", " ", ", ", ". ", "\n", "\xC2\xA0"};
  std::mt19937_64 rng(seed);
  std::string text;
  while (text.size() < bytes) {
    if (rng() % 10 == 0) {
      text += "x";
      text += Utf8(cps[rng() % cps.size()]);
      text += "y";
    } else {
      text += kWords[rng() % std::size(kWords)];
    }
    text += kSeparators[rng() % std::size(kSeparators)];
  }
  return text;
}

TEST_F(TokenizeFastPathTest, OneMegabyteOfNewsLikeTextMatchesIcu) {
  const std::vector<uint32_t> cps = TableCodePoints();
  ASSERT_FALSE(cps.empty());
  ExpectModesAgree(NewsLikeText(1 << 20, 31, cps));
}

// Short strings inside longer text, after and before ordinary words and a long word, and words and
// joiners at every offset: a vectorized scanner (which would treat the last bytes of a text
// differently) must give the same words as ICU everywhere.
TEST_F(TokenizeFastPathTest, ShortStringsInsideLongTextMatchIcu) {
  static constexpr std::string_view kAlphabet = "aZ@7.',;:_ -";
  static constexpr std::string_view kNonAscii[] = {"\xC3\xA9", "\xE2\x80\x99", "\xC2\xB7", "\xC2\xA0",
                                                   "\xCC\x81"};
  std::vector<std::string> alphabet;
  for (char c : kAlphabet) alphabet.emplace_back(1, c);
  for (std::string_view s : kNonAscii) alphabet.emplace_back(s);
  const size_t k = alphabet.size();
  const std::string pads[] = {std::string(17, ' '), "The quick Brown fox jumped over ", "x"};
  const std::string tail = " and then some more words to fill sixteen bytes";
  std::string s;
  for (size_t length = 1; length <= 4; ++length) {
    size_t combos = 1;
    for (size_t i = 0; i < length; ++i) combos *= k;
    for (size_t x = 0; x < combos; ++x) {
      s.clear();
      for (size_t i = 0, y = x; i < length; ++i, y /= k) s += alphabet[y % k];
      for (const std::string& pad : pads) {
        ExpectModesAgree(pad + s + tail);
        ExpectModesAgree(pad + s + s + "longword_with_more_than_16 " + s + tail);
      }
    }
  }
  // Words and joiners at every offset relative to the 16-byte windows.
  const std::string_view words[] = {"a",
                                    "Ab",
                                    "a.b",
                                    "1,2",
                                    "don't",
                                    "a_",
                                    "__",
                                    "_",
                                    "x@y.z",
                                    "e.g.",
                                    "abcdefghijklmno",
                                    "abcdefghijklmnop",
                                    "ABCDEFGHIJKLMNOPQ",
                                    "caf\xC3\xA9",
                                    "don\xE2\x80\x99t",
                                    "a.\xC3\xA9",
                                    "1.",
                                    "a'"};
  std::mt19937_64 rng(41);
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    while (text.size() < 80) {
      text += words[rng() % std::size(words)];
      text += " .,'\n"[rng() % 5];
    }
    ExpectModesAgree(text);
  }
}


// ---------------------------------------------------------------- byte-class kernels
// The vectorized fast path (TokenizeFastWith) with each classifier this CPU can run, against the scalar
// classifier and the scalar loop (TokenizeFastScalar), which the tests above tie to ICU. Named Kernel*
// so that scripts/test.sh also runs them once per NEARDUP_FORCE_KERNEL value.

std::vector<const KernelTable*> Kernels() { return AvailableKernels(); }

bool SameMasks(const ByteClassMasks& a, const ByteClassMasks& b) {
  return a.letter == b.letter && a.digit == b.digit && a.extender == b.extender &&
         a.mid_letter_number == b.mid_letter_number && a.mid_number == b.mid_number && a.upper == b.upper &&
         a.high == b.high && a.space == b.space;
}

TEST(KernelByteClasses, EveryVariantMatchesTheScalarReferenceOnEveryByteAndSize) {
  std::mt19937_64 rng(41);
  std::string all;  // every byte value at every position of a block, then random bytes
  for (int shift = 0; shift < 64; ++shift) {
    for (int c = 0; c < 256; ++c) all += static_cast<char>((c + shift) & 0xFF);
  }
  for (int i = 0; i < 4096; ++i) all += static_cast<char>(rng());
  for (const KernelTable* kernel : Kernels()) {
    for (size_t size : {size_t{0}, size_t{1}, size_t{31}, size_t{32}, size_t{33}, size_t{63}, size_t{64},
                        size_t{65}, size_t{127}, size_t{128}, size_t{129}, size_t{1000}, all.size()}) {
      for (size_t offset : {size_t{0}, size_t{1}, size_t{7}}) {
        if (offset + size > all.size()) continue;
        // The input is copied to its exact size so that reading past it is caught by ASan.
        const std::vector<unsigned char> in(all.begin() + offset, all.begin() + offset + size);
        const size_t blocks = (size + 63) / 64;
        std::vector<ByteClassMasks> want(blocks + 1), got(blocks + 1);
        ClassifyBytesScalar(in.data(), size, want.data());
        kernel->classify_bytes(in.data(), size, got.data());
        for (size_t b = 0; b < blocks; ++b) {
          ASSERT_TRUE(SameMasks(want[b], got[b])) << kernel->name << " size " << size << " block " << b;
        }
      }
    }
  }
}

TEST(KernelByteClasses, ScalarReferenceFollowsTheAsciiTable) {
  std::string text = "aZ@9_.',;\t \r\x80-:";
  ByteClassMasks m;
  ClassifyBytesScalar(reinterpret_cast<const unsigned char*>(text.data()), text.size(), &m);
  EXPECT_EQ(m.letter, 0b111u);
  EXPECT_EQ(m.upper, 0b10u);
  EXPECT_EQ(m.digit, 0b1000u);
  EXPECT_EQ(m.extender, 0b10000u);
  EXPECT_EQ(m.mid_letter_number, 0b1100000u);
  EXPECT_EQ(m.mid_number, 0b110000000u);
  EXPECT_EQ(m.space, 0b111000000000u);
  EXPECT_EQ(m.high, 0b1000000000000u);
}

class KernelTokenizeScan : public ::testing::Test {
 protected:
  // Every classifier's TokenizeFastWith gives the words of TokenizeFastScalar, at cp_base 5.
  void ExpectSameAsScalar(std::string_view text) {
    ++cases_;
    std::vector<Word> want;
    internal::TokenizeFastScalar(text, 5, table_, &scratch_, &want);
    for (const KernelTable* kernel : Kernels()) {
      std::vector<Word> got;
      internal::TokenizeFastWith(kernel->classify_bytes, text, 5, table_, &scratch_, &got);
      if (SameWords(want, got)) continue;
      if (++mismatches_ > 5) return;
      size_t k = 0;
      while (k < want.size() && k < got.size() && SameWords({want[k]}, {got[k]})) ++k;
      ADD_FAILURE() << kernel->name << ": " << text.size() << " bytes, " << want.size() << " vs " << got.size()
                    << " words, first difference at word " << k << " near '"
                    << Escape(text.substr(k < want.size() ? want[k].start > 25 ? want[k].start - 25 : 0 : 0, 60))
                    << "'";
    }
  }

  void TearDown() override { EXPECT_EQ(mismatches_, 0u) << "of " << cases_ << " cases"; }

  const FastPathTable* table_ = internal::SharedFastPathTable();
  std::string scratch_;
  size_t cases_ = 0;
  size_t mismatches_ = 0;
};

// Random text over an alphabet of every ASCII class and of table code points of every class (letters,
// the curly apostrophe, curly quotes and dashes, NBSP, the middle dot), at every size up to 300 bytes
// and at sizes around the 4 KB chunk the classifier works on.
TEST_F(KernelTokenizeScan, RandomTextAtEdgeSizesMatchesTheScalarLoop) {
  ASSERT_NE(table_, nullptr);
  static constexpr std::string_view kAlphabet[] = {
      "a", "b", "Z", "1", "9", "_", ".", "'", ",", ";", " ", "\n", "-", "@", ":", "x", "Q", "0", "\t",
      "\xC3\xA9", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x94", "\xC2\xA0", "\xC2\xB7", "\xE2\x80\xA6",
      "\xE2\x81\x84", "\xE2\x80\xAF"};
  std::mt19937_64 rng(43);
  std::string text;
  const auto fill = [&](size_t size, size_t ascii_bias) {
    text.clear();
    while (text.size() < size) {
      const size_t pick = rng() % (std::size(kAlphabet) + ascii_bias);
      text += pick < std::size(kAlphabet) ? kAlphabet[pick] : std::string_view("e");
    }
  };
  for (size_t size = 0; size <= 300; ++size) {
    for (int k = 0; k < 20; ++k) {
      fill(size, k % 2 ? 0 : 40);
      ExpectSameAsScalar(text);
    }
  }
  for (size_t size : {4000, 4094, 4095, 4096, 4097, 4098, 4100, 8190, 8192, 8194, 20000}) {
    for (int k = 0; k < 20; ++k) {
      fill(size, k % 2 ? 0 : 40);
      ExpectSameAsScalar(text);
    }
  }
}

// A word, a mid character or a table code point at every offset around the block and chunk edges, and
// words longer than a block.
TEST_F(KernelTokenizeScan, WordsAcrossBlockAndChunkEdgesMatchTheScalarLoop) {
  ASSERT_NE(table_, nullptr);
  static constexpr std::string_view kProbes[] = {"ab",   "a.b",         "3,5",          "x_",          "__",
                                                 "_",    "don\xE2\x80\x99t", "\xE2\x80\x9Cq\xE2\x80\x9D", "Jos\xC3\xA9",
                                                 "a\xC2\xB7"
                                                 "b",
                                                 "e.g.", "\xE2\x80\x94", "\xC3\xA9"};
  const std::string long_word(150, 'W');
  for (std::string_view probe : kProbes) {
    for (size_t at : {size_t{0}, size_t{1}, size_t{60}, size_t{61}, size_t{62}, size_t{63}, size_t{64}, size_t{65},
                      size_t{126}, size_t{127}, size_t{4091}, size_t{4092}, size_t{4093}, size_t{4094},
                      size_t{4095}, size_t{4096}, size_t{4097}}) {
      for (char filler : {' ', 'a', '.'}) {
        std::string text(at, filler);
        if (at > 0) text[at - 1] = ' ';
        text += probe;
        text += filler == 'a' ? " tail" : "";
        ExpectSameAsScalar(text);
        ExpectSameAsScalar(text + " " + long_word + "\xC3\xA9" + long_word + " end");
      }
    }
  }
}

// Where the fast path must stop on `text`: the start of the whitespace-delimited piece holding the first
// code point outside the table (just after the whitespace, or 0), or text.size().
size_t ExpectedStop(std::string_view text, const FastPathTable& table) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t i = 0; i < text.size(); ++i) {
    size_t length;
    if (p[i] < 0xC0 || internal::FindEncoded(table, p + i, text.size() - i, &length) != nullptr) continue;
    while (i > 0 && p[i - 1] != ' ' && !(p[i - 1] >= '\t' && p[i - 1] <= '\r')) --i;
    return i;
  }
  return text.size();
}

// Code points outside the table (Cyrillic, a combining mark, Han, an emoji, Arabic) at every offset
// around block and chunk edges and past the first chunk: every kernel stops at the piece holding the
// first of them, with the words of the scalar loop on the text before it, and the hashes-only variants
// give the same hashes.
TEST_F(KernelTokenizeScan, StopsBeforeThePieceOfTheFirstCodePointOutsideTheTable) {
  ASSERT_NE(table_, nullptr);
  static constexpr std::string_view kUnknown[] = {"\xD0\xB4", "e\xCC\x81", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80",
                                                  "\xD8\xB9", "\xD9\xA3"};
  static constexpr std::string_view kAlphabet[] = {"a", "Z", "1", ".", "'", ",", " ", " ", "\n", "-",
                                                   "\xC3\xA9", "\xE2\x80\x99", "\xE2\x80\x9C", "\xC2\xA0"};
  std::mt19937_64 rng(53);
  for (size_t at : {size_t{0}, size_t{1}, size_t{5}, size_t{23}, size_t{24}, size_t{63}, size_t{64}, size_t{65},
                    size_t{200}, size_t{4090}, size_t{4094}, size_t{4095}, size_t{4096}, size_t{4097}, size_t{4100},
                    size_t{5000}, size_t{9000}}) {
    for (std::string_view unknown : kUnknown) {
      for (int k = 0; k < 6; ++k) {
        std::string text;
        while (text.size() < at) text += kAlphabet[rng() % std::size(kAlphabet)];
        if (k == 1) text += ' ';
        if (k == 2) text += "abc,,";
        if (k == 5) text += std::string(5000, 'x');  // a piece longer than a chunk
        text += unknown;
        for (size_t i = 0, tail = k == 3 ? 0 : 300; i < tail; ++i) text += kAlphabet[rng() % std::size(kAlphabet)];
        if (k == 4) text += kUnknown[0];
        const size_t stop = ExpectedStop(text, *table_);
        std::vector<Word> want;
        internal::TokenizeFastScalar(std::string_view(text).substr(0, stop), 5, table_, &scratch_, &want);
        std::vector<uint64_t> want_hashes;
        for (const Word& w : want) want_hashes.push_back(w.hash);
        const std::string where = "unknown '" + Escape(unknown) + "' at " + std::to_string(at) + ", case " +
                                  std::to_string(k);
        for (const KernelTable* kernel : Kernels()) {
          std::vector<Word> got;
          EXPECT_EQ(internal::TokenizeFastWith(kernel->classify_bytes, text, 5, table_, &scratch_, &got), stop)
              << kernel->name << ", " << where;
          EXPECT_TRUE(SameWords(want, got)) << kernel->name << ", " << where;
          std::vector<uint64_t> hashes;
          EXPECT_EQ(internal::TokenizeFastWith(kernel->classify_bytes, text, table_, &scratch_, &hashes), stop)
              << kernel->name << ", " << where;
          EXPECT_EQ(hashes, want_hashes) << kernel->name << ", " << where;
        }
        std::vector<Word> got;
        EXPECT_EQ(internal::TokenizeFast(text, 5, table_, &scratch_, &got), stop) << where;
        EXPECT_TRUE(SameWords(want, got)) << where;
      }
    }
  }
  // Short texts take the scalar loop, with the same stop.
  for (std::string_view text : {"ab \xD0\xB4", "\xD0\xB4 ab", "a\xC3\xA9 b\xD0\xB4" "c d", "x.y z"}) {
    std::vector<uint64_t> hashes;
    EXPECT_EQ(internal::TokenizeFast(text, table_, &scratch_, &hashes), ExpectedStop(text, *table_)) << Escape(text);
  }
}

// The whole tokenizer (ICU runs included) gives the same words whichever kernel is active; this is
// what makes signatures identical across NEARDUP_FORCE_KERNEL values.
TEST(KernelTokenizeScanSignatures, NewsLikeTextGivesTheSameWordsWithEveryClassifier) {
  const std::vector<uint32_t> cps = TableCodePoints();
  ASSERT_FALSE(cps.empty());
  const std::string news = NewsLikeText(1 << 18, 47, cps);
  const FastPathTable* table = internal::SharedFastPathTable();
  std::string scratch;
  // Only what the fast path may see: code points outside the table become spaces.
  std::string fast;
  for (size_t i = 0; i < news.size();) {
    size_t length = 1;
    if (static_cast<unsigned char>(news[i]) < 0x80 ||
        internal::FindEncoded(*table, reinterpret_cast<const unsigned char*>(news.data()) + i, news.size() - i,
                              &length) != nullptr) {
      fast.append(news, i, length);
    } else {
      while (i + length < news.size() && (static_cast<unsigned char>(news[i + length]) & 0xC0) == 0x80) ++length;
      fast += ' ';
    }
    i += length;
  }
  std::vector<Word> want;
  internal::TokenizeFastScalar(fast, 0, table, &scratch, &want);
  ASSERT_GT(want.size(), 10000u);
  for (const KernelTable* kernel : Kernels()) {
    std::vector<Word> got;
    internal::TokenizeFastWith(kernel->classify_bytes, fast, 0, table, &scratch, &got);
    EXPECT_TRUE(SameWords(want, got)) << kernel->name;
  }
}

}  // namespace
}  // namespace neardup
