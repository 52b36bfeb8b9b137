// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "pipeline/boilerplate/templates.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>

#include "pipeline/io/utf8.h"

namespace neardup::boilerplate_internal {
namespace {

// Decodes the code point at s[i] (valid UTF-8) and its length in bytes.
inline char32_t Decode(std::string_view s, size_t i, size_t* len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    *len = 1;
    return b0;
  }
  if (b0 < 0xE0) {
    *len = 2;
    return ((b0 & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
  }
  if (b0 < 0xF0) {
    *len = 3;
    return ((b0 & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
  }
  *len = 4;
  return ((b0 & 0x07u) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 12) |
         ((static_cast<unsigned char>(s[i + 2]) & 0x3Fu) << 6) |
         (static_cast<unsigned char>(s[i + 3]) & 0x3Fu);
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Whitespace between sentences: the set Python's str.isspace() accepts (as TrimSpace does).
inline bool IsSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

inline bool IsSentenceEnd(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }

// Closing quotes and brackets that may follow the end of a sentence.
inline bool IsCloser(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x2019 || c == 0x201D || c == 0xBB ||
         c == 0x203A;
}

// The unit's text: `region` of `s` without surrounding whitespace.
Unit MakeUnit(std::string_view s, size_t begin, size_t end, size_t base) {
  const std::string_view trimmed = TrimSpace(s.substr(begin, end - begin));
  Unit u;
  u.region_begin = static_cast<uint32_t>(base + begin);
  u.region_end = static_cast<uint32_t>(base + end);
  if (trimmed.empty()) {
    u.text_begin = u.text_end = u.region_begin;
  } else {
    u.text_begin = static_cast<uint32_t>(base + (trimmed.data() - s.data()));
    u.text_end = static_cast<uint32_t>(u.text_begin + trimmed.size());
  }
  return u;
}

void AppendSentences(std::string_view s, size_t base, std::vector<Unit>* out) {
  size_t region = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t len;
    const char32_t c = Decode(s, i, &len);
    i += len;
    if (!IsSentenceEnd(c)) continue;
    size_t j = i;
    while (j < s.size()) {  // more terminators and closing quotes belong to this sentence
      const char32_t d = Decode(s, j, &len);
      if (!IsSentenceEnd(d) && !IsCloser(d)) break;
      j += len;
    }
    size_t k = j;
    while (k < s.size()) {
      const char32_t d = Decode(s, k, &len);
      if (!IsSpace(d)) break;
      k += len;
    }
    if (k == j || k == s.size()) {
      i = j;
      continue;
    }
    // A lower-case letter after the space means an abbreviation ("e.g. the"), not a new sentence.
    if (u_islower(static_cast<UChar32>(Decode(s, k, &len)))) {
      i = k;
      continue;
    }
    out->push_back(MakeUnit(s, region, k, base));
    region = k;
    i = k;
  }
  if (region < s.size() || out->empty()) out->push_back(MakeUnit(s, region, s.size(), base));
}

// ---------------------------------------------------------------- masking

constexpr uint64_t kNumberMask = 0x6e756d6265724d4bULL;  // "<n>"
constexpr uint64_t kTitleMark = 0x7469746c654d4b21ULL;   // "<title>"

inline uint64_t Mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

uint64_t HashWord(std::string_view folded) {
  uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a
  for (const char ch : folded) h = (h ^ static_cast<unsigned char>(ch)) * 0x100000001b3ULL;
  return Mix64(h);
}

enum class TokKind : uint8_t {
  kWord,
  kNumber,     // contains a digit
  kSymbol,     // a symbol code point (©, ®, €): kept, but not a word
  kDateWord,   // a full month or day name: always masked
  kDateAbbr,   // "nov", "tue", "may": masked only next to a number
  kClockUnit,  // "am", "ago", "hours": dropped right after a mask
  kMask,       // after masking
  kTitle,      // after title masking
};

struct Tok {
  uint64_t hash;
  TokKind kind;
  uint32_t begin, end;  // folded display text in the scratch string
};

struct WordLists {
  std::array<uint64_t, 19> date_words;
  std::array<uint64_t, 23> date_abbrs;
  std::array<uint64_t, 42> clock_units;
};

const WordLists& Lists() {
  static const WordLists lists = [] {
    WordLists w{};
    const char* date_words[] = {"january",  "february", "march",     "april",     "june",
                                "july",     "august",   "september", "october",   "november",
                                "december", "monday",   "tuesday",   "wednesday", "thursday",
                                "friday",   "saturday", "sunday",    "today"};
    const char* date_abbrs[] = {"jan", "feb",  "mar",  "apr",   "may", "jun", "jul", "aug",
                                "sep", "sept", "oct",  "nov",   "dec", "mon", "tue", "tues",
                                "wed", "thu",  "thur", "thurs", "fri", "sat", "sun"};
    const char* clock_units[] = {
        "am",    "pm",     "a",       "p",    "m",     "gmt", "utc",    "est",     "edt", "cst",  "cdt",
        "pst",   "pdt",    "cet",     "cest", "bst",   "ist", "st",     "nd",      "rd",  "th",   "min",
        "mins",  "minute", "minutes", "h",    "hr",    "hrs", "hour",   "hours",   "day", "days", "week",
        "weeks", "month",  "months",  "year", "years", "sec", "second", "seconds", "ago"};
    for (size_t i = 0; i < w.date_words.size(); ++i) w.date_words[i] = HashWord(date_words[i]);
    for (size_t i = 0; i < w.date_abbrs.size(); ++i) w.date_abbrs[i] = HashWord(date_abbrs[i]);
    for (size_t i = 0; i < w.clock_units.size(); ++i) w.clock_units[i] = HashWord(clock_units[i]);
    return w;
  }();
  return lists;
}

// The longest word of the lists below ("september"): longer tokens are never looked up.
constexpr uint32_t kLongestListedWord = 9;

template <size_t N>
bool Contains(const std::array<uint64_t, N>& a, uint64_t h) {
  return std::find(a.begin(), a.end(), h) != a.end();
}

// The general category mask of `c`; ASCII without a call into ICU (most text is ASCII).
inline uint32_t CategoryMask(char32_t c) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return U_GC_L_MASK;
    if (c >= '0' && c <= '9') return U_GC_ND_MASK;
    if (c == '$') return U_GC_SC_MASK;
    if (c == '+' || c == '<' || c == '=' || c == '>' || c == '|' || c == '~') return U_GC_SM_MASK;
    if (c == '^' || c == '`') return U_GC_SK_MASK;
    return U_GC_PO_MASK;  // punctuation, spaces and controls: separators here
  }
  return U_GET_GC_MASK(static_cast<UChar32>(c));
}

// Words, numbers and symbols of `s`, case-folded; `scratch` receives their folded text.
void Tokenize(std::string_view s, std::string* scratch, std::vector<Tok>* toks) {
  const WordLists& lists = Lists();
  size_t i = 0;
  while (i < s.size()) {
    size_t len;
    const char32_t c = Decode(s, i, &len);
    const uint32_t gc = CategoryMask(c);
    if (gc & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) {
      const uint32_t begin = static_cast<uint32_t>(scratch->size());
      bool digit = false;
      while (i < s.size()) {
        const char32_t d = Decode(s, i, &len);
        const uint32_t dgc = CategoryMask(d);
        if (!(dgc & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK))) break;
        if (dgc & U_GC_N_MASK) digit = true;
        if (d < 0x80) {
          scratch->push_back(static_cast<char>(d >= 'A' && d <= 'Z' ? d + ('a' - 'A') : d));
        } else {
          AppendUtf8(static_cast<char32_t>(u_foldCase(static_cast<UChar32>(d), U_FOLD_CASE_DEFAULT)),
                     scratch);
        }
        i += len;
      }
      const uint32_t end = static_cast<uint32_t>(scratch->size());
      const uint64_t h = HashWord(std::string_view(*scratch).substr(begin, end - begin));
      TokKind kind = TokKind::kWord;
      if (digit) {
        kind = TokKind::kNumber;
      } else if (end - begin > kLongestListedWord) {
        // Not in any list.
      } else if (Contains(lists.date_words, h)) {
        kind = TokKind::kDateWord;
      } else if (Contains(lists.date_abbrs, h)) {
        kind = TokKind::kDateAbbr;
      } else if (Contains(lists.clock_units, h)) {
        kind = TokKind::kClockUnit;
      }
      toks->push_back({h, kind, begin, end});
      continue;
    }
    if (gc & (U_GC_SO_MASK | U_GC_SC_MASK)) {
      const uint32_t begin = static_cast<uint32_t>(scratch->size());
      AppendUtf8(c, scratch);
      const uint32_t end = static_cast<uint32_t>(scratch->size());
      toks->push_back(
          {HashWord(std::string_view(*scratch).substr(begin, end - begin)), TokKind::kSymbol, begin, end});
    }
    i += len;
  }
}

// Masks numbers and dates: every number and full month/day name becomes a mask, an abbreviated one
// ("Nov", "May") only next to a number, clock words and units right after a mask are dropped, and a run
// of masks becomes one.
void MaskDates(std::vector<Tok>* toks) {
  // In place: the output is never longer than the input.
  std::vector<Tok>& t = *toks;
  size_t w = 0;
  bool previous_number = false;  // the input token before t[k] was a number
  for (size_t k = 0; k < t.size(); ++k) {
    Tok tok = t[k];
    const bool number = tok.kind == TokKind::kNumber;
    const bool next_number = k + 1 < t.size() && t[k + 1].kind == TokKind::kNumber;
    bool mask = number || tok.kind == TokKind::kDateWord;
    if (tok.kind == TokKind::kDateAbbr && (previous_number || next_number)) mask = true;
    previous_number = number;
    const bool after_mask = w > 0 && t[w - 1].kind == TokKind::kMask;
    if (mask) {
      if (after_mask) continue;
      tok.kind = TokKind::kMask;
      tok.hash = kNumberMask;
    } else if (tok.kind == TokKind::kClockUnit && after_mask) {
      continue;
    }
    t[w++] = tok;
  }
  t.resize(w);
}

// Replaces each occurrence of a title variant (longest first, left to right) with one title token.
void MaskTitle(const TitleMask& title, std::vector<Tok>* toks) {
  if (title.variants().empty()) return;
  // In place: the output is never longer than the input, and matching reads only unwritten tokens.
  std::vector<Tok>& t = *toks;
  size_t w = 0, k = 0;
  while (k < t.size()) {
    size_t matched = 0;
    for (const std::vector<uint64_t>& v : title.variants()) {
      if (v.size() > t.size() - k) continue;
      size_t m = 0;
      while (m < v.size() && t[k + m].hash == v[m]) ++m;
      if (m == v.size()) {
        matched = m;
        break;
      }
    }
    if (matched > 0) {
      t[w++] = {kTitleMark, TokKind::kTitle, 0, 0};
      k += matched;
    } else {
      t[w++] = t[k++];
    }
  }
  t.resize(w);
}

std::vector<uint64_t> TitleTokens(std::string_view text) {
  std::string scratch;
  std::vector<Tok> toks;
  Tokenize(text, &scratch, &toks);
  MaskDates(&toks);
  std::vector<uint64_t> hashes;
  hashes.reserve(toks.size());
  for (const Tok& t : toks) hashes.push_back(t.hash);
  return hashes;
}

}  // namespace

std::vector<Unit> SplitSentences(std::string_view line) {
  std::vector<Unit> units;
  AppendSentences(line, 0, &units);
  return units;
}

std::vector<Unit> SplitUnits(std::string_view text, bool* sentence_mode) {
  std::vector<Unit> units;
  const std::string_view trimmed = TrimSpace(text);
  const size_t inner_begin = trimmed.data() - text.data();
  const size_t first_break = text.find_first_of("\r\n", inner_begin);
  *sentence_mode = first_break == std::string_view::npos || first_break >= inner_begin + trimmed.size();
  if (text.empty()) return units;
  if (*sentence_mode) {
    AppendSentences(text, 0, &units);
    return units;
  }
  size_t start = 0;
  while (start < text.size()) {
    size_t eol = text.find_first_of("\r\n", start);
    size_t next;
    if (eol == std::string_view::npos) {
      eol = next = text.size();
    } else {
      next = eol + 1;
      if (text[eol] == '\r' && next < text.size() && text[next] == '\n') ++next;
    }
    units.push_back(MakeUnit(text, start, next, 0));
    start = next;
  }
  return units;
}

TitleMask::TitleMask(std::string_view title) {
  title = TrimSpace(title);
  if (title.empty()) return;
  std::vector<uint64_t> whole = TitleTokens(title);
  // Segments of "Headline | Site" or "Section » Headline": the longest one is the headline.
  static constexpr std::string_view kSeparators[] = {
      "|", "\xC2\xBB", "\xE2\x80\xBA", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", "::", " / "};
  std::vector<uint64_t> longest;
  size_t pos = 0;
  while (pos <= title.size()) {
    size_t cut = title.size(), cut_len = 0;
    for (std::string_view sep : kSeparators) {
      const size_t at = title.find(sep, pos);
      if (at != std::string_view::npos && at < cut) {
        cut = at;
        cut_len = sep.size();
      }
    }
    std::vector<uint64_t> seg = TitleTokens(title.substr(pos, cut - pos));
    if (seg.size() > longest.size()) longest.swap(seg);
    if (cut == title.size()) break;
    pos = cut + cut_len;
  }
  if (whole.size() >= kMinTitleTokens) variants_.push_back(whole);
  if (longest.size() >= kMinTitleTokens && longest != whole) variants_.push_back(longest);
}

Template MaskUnit(std::string_view unit, const TitleMask& title, std::string* display) {
  // Reused per thread: this runs once per line of the corpus.
  thread_local std::string scratch;
  thread_local std::vector<Tok> toks;
  scratch.clear();
  toks.clear();
  Tokenize(unit, &scratch, &toks);
  MaskDates(&toks);
  MaskTitle(title, &toks);
  Template t;
  uint64_t key = 0x243F6A8885A308D3ULL;
  for (const Tok& tok : toks) {
    key = Mix64(key * 0x9E3779B97F4A7C15ULL + tok.hash);
    ++t.tokens;
    if (tok.kind == TokKind::kTitle) t.has_title = true;
    if (tok.kind != TokKind::kMask && tok.kind != TokKind::kTitle && tok.kind != TokKind::kSymbol) ++t.words;
  }
  t.key = key;
  t.pure_title = t.has_title && t.words == 0;
  if (display != nullptr) {
    display->clear();
    for (const Tok& tok : toks) {
      if (!display->empty()) display->push_back(' ');
      if (tok.kind == TokKind::kMask) {
        display->append("<n>");
      } else if (tok.kind == TokKind::kTitle) {
        display->append("<title>");
      } else {
        display->append(scratch, tok.begin, tok.end - tok.begin);
      }
    }
  }
  return t;
}

}  // namespace neardup::boilerplate_internal
