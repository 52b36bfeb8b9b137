// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "pipeline/boilerplate/templates.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "kernels/tokenize.h"  // CountCodePoints
#include "pipeline/boilerplate/ascii_scan.h"
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
// TrimSpace, with the ASCII whitespace around a line (its line ending) stripped inline: TrimSpace is only
// called when a non-ASCII byte is left at either end (a code point that may be whitespace), and trimming
// that remainder gives what trimming the whole would.
inline std::string_view TrimLine(std::string_view s) {
  auto ascii_space = [](unsigned char c) { return c == 0x20 || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F); };
  size_t b = 0, e = s.size();
  while (b < e && ascii_space(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && ascii_space(static_cast<unsigned char>(s[e - 1]))) --e;
  s = s.substr(b, e - b);
  if (!s.empty() && (static_cast<unsigned char>(s.front()) >= 0x80 || static_cast<unsigned char>(s.back()) >= 0x80)) {
    return TrimSpace(s);
  }
  return s;
}

// Inlined: called out of line, the unit came back through memory, written field by field, and the caller
// read it with a 16-byte load, which cannot take its bytes from several stores and waited for them to be
// written (a sixth of SplitUnits' samples sat on that load).
[[gnu::always_inline]] inline Unit MakeUnit(std::string_view s, size_t begin, size_t end, size_t base) {
  const std::string_view trimmed = TrimLine(s.substr(begin, end - begin));
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

// The first byte at or after `i` that is '.', '!', '?' or not ASCII (s.size() if none). The ASCII bytes
// before it are code points of one byte each that end no sentence, which AppendSentences' loop would
// decode one at a time to the same place, whatever the bytes after them.
inline size_t SkipToSentenceEnd(std::string_view s, size_t i) {
#if defined(__SSE2__)
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i ends = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')), _mm_cmpeq_epi8(v, _mm_set1_epi8('!'))),
        _mm_cmpeq_epi8(v, _mm_set1_epi8('?')));
    const auto bits =
        static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(ends, v)));  // v's top bit: >= 0x80
    if (bits != 0) return i + static_cast<size_t>(__builtin_ctz(bits));
  }
#endif
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80 || c == '.' || c == '!' || c == '?') break;
  }
  return i;
}

void AppendSentences(std::string_view s, size_t base, std::vector<Unit>* out) {
  size_t region = 0;
  size_t i = 0;
  while (i < s.size()) {
    i = SkipToSentenceEnd(s, i);
    if (i == s.size()) break;
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

// ---------------------------------------------------------------- soft line breaks

// Wrap widths beyond this are not wrapping: such "lines" are paragraphs.
constexpr uint32_t kMaxWrapWidth = 300;
// Evidence that a text is wrapped at a width: this many adjacent-line pairs agree on it, at least half
// of all pairs, and a quarter of those continue with a lower-case word (a stack of furniture lines or
// link titles does not).
constexpr uint32_t kMinWrapPairs = 4;
// Wrapping at a width below this is a list or a column, not re-wrapped prose; a line shorter than
// this was not wrapped.
constexpr uint32_t kMinWrapWidth = 30;

// The last code point of non-empty `s`.
char32_t LastCodePoint(std::string_view s) {
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  size_t len;
  return Decode(s, i, &len);
}

// A line that ends like a sentence (or a quotation, or a parenthesis): the break after it is hard.
// Not ' and ’, which are apostrophes as often as closing quotes.
bool EndsSentence(std::string_view trimmed) {
  const char32_t c = LastCodePoint(trimmed);
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ')' || c == '"' || c == 0x2026 || c == 0x201D ||
         c == 0xBB || c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
}

// The line starts with a lower-case letter, after any opening quotes or brackets.
bool StartsLower(std::string_view trimmed) {
  size_t i = 0;
  while (i < trimmed.size()) {
    size_t len;
    const char32_t c = Decode(trimmed, i, &len);
    if (c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C || c == 0x2018 || c == 0xAB) {
      i += len;
      continue;
    }
    if (c < 0x80) return c >= 'a' && c <= 'z';
    return u_islower(static_cast<UChar32>(c));
  }
  return false;
}

// Code points of the first word of a trimmed line.
uint32_t FirstWordLength(std::string_view trimmed) {
  uint32_t n = 0;
  size_t i = 0;
  while (i < trimmed.size()) {
    size_t len;
    if (IsSpace(Decode(trimmed, i, &len))) break;
    i += len;
    ++n;
  }
  return n;
}

// Joins the lines of `units` (the lines of `text`, in order) that are separated by soft line breaks.
void JoinSoftBreaks(std::string_view text, std::vector<Unit>* units) {
  std::vector<Unit>& u = *units;
  const size_t n = u.size();
  if (n < 2) return;
  struct Pair {
    uint32_t line;       // the line above is u[line]
    uint32_t length;     // code points of the line above, leading space included
    uint32_t next_word;  // code points of the first word below
    bool ends_sentence;  // the line above
    bool lower;          // the line below starts with a lower-case letter
  };
  // Most texts separate their lines by blank ones: nothing to do without adjacent non-blank lines.
  thread_local std::vector<Pair> pairs;
  pairs.clear();
  for (size_t i = 0; i + 1 < n; ++i) {
    if (!u[i].blank() && !u[i + 1].blank()) pairs.push_back({static_cast<uint32_t>(i), 0, 0, false, false});
  }
  if (pairs.empty()) return;
  // Code points of a line with its leading space; a line that could not be a wrapped one counts as
  // longer than any wrap.
  auto length = [&](const Unit& line) {
    const size_t bytes = line.text_end - line.region_begin;
    return bytes > 4 * kMaxWrapWidth
               ? kMaxWrapWidth + 1
               : static_cast<uint32_t>(CountCodePoints(text.substr(line.region_begin, bytes)));
  };
  bool any_lower = false;
  for (Pair& p : pairs) {
    const Unit& above = u[p.line];
    const Unit& below = u[p.line + 1];
    p.length = length(above);
    p.next_word = FirstWordLength(text.substr(below.text_begin, below.text_end - below.text_begin));
    p.ends_sentence = EndsSentence(text.substr(above.text_begin, above.text_end - above.text_begin));
    p.lower = StartsLower(text.substr(below.text_begin, below.text_end - below.text_begin));
    any_lower |= p.lower && !p.ends_sentence;
  }
  // The wrap width: the W that most pairs agree with (the line fits, length <= W, and the next word did
  // not, length + 1 + next word > W), the largest one on ties.
  uint32_t width = 0, best = 0, best_lower = 0;
  if (pairs.size() >= kMinWrapPairs) {
    thread_local std::array<int32_t, kMaxWrapWidth + 2> cover{}, lower_cover{};
    uint32_t lo = kMaxWrapWidth + 1, hi = 0;
    for (const Pair& p : pairs) {
      if (p.length > kMaxWrapWidth) continue;
      const uint32_t top = std::min<uint32_t>(kMaxWrapWidth, p.length + p.next_word);
      ++cover[p.length];
      --cover[top + 1];
      if (p.lower) {
        ++lower_cover[p.length];
        --lower_cover[top + 1];
      }
      lo = std::min(lo, p.length);
      hi = std::max(hi, top + 1);
    }
    int32_t run = 0, run_lower = 0;
    for (uint32_t w = lo; w <= hi && w <= kMaxWrapWidth; ++w) {
      run += cover[w];
      run_lower += lower_cover[w];
      if (run > 0 && static_cast<uint32_t>(run) >= best) {
        best = static_cast<uint32_t>(run);
        best_lower = static_cast<uint32_t>(run_lower);
        width = w;
      }
    }
    for (uint32_t w = lo; w <= hi && w <= kMaxWrapWidth + 1; ++w) cover[w] = lower_cover[w] = 0;
  }
  const bool wrapped =
      best >= kMinWrapPairs && 2 * best >= pairs.size() && 4 * best_lower >= best && width >= kMinWrapWidth;
  if (!wrapped && !any_lower) return;
  // Only a lower-case continuation needs the longest line.
  uint32_t longest = 0;
  if (any_lower) {
    for (const Unit& line : u) {
      // A line has at most as many code points as bytes: only one with more bytes than the longest so far
      // can be longer, and only that one is counted.
      if (!line.blank() && line.text_end - line.region_begin > longest)
        longest = std::max(longest, length(line));
    }
  }
  thread_local std::vector<uint8_t> soft;
  soft.assign(n, 0);  // soft[i]: the break after u[i] is soft
  bool joined = false;
  for (const Pair& p : pairs) {
    if (p.ends_sentence) continue;
    const bool full = wrapped && p.length <= width && p.length + 1 + p.next_word > width;
    // A lower-case continuation joins even where no width is known (a short text, a ragged wrap),
    // but only below a line that is about as long as the text's longest one: a wrapped line is.
    // "ADVERTISEMENT" above a paragraph that starts in lower case, or a site's tip line above "by
    // <Name>", is still a line of its own.
    const bool continues = p.lower && p.length + 1 + p.next_word > std::max(kMinWrapWidth, longest * 4 / 5);
    if (full || continues) soft[p.line] = joined = 1;
  }
  if (!joined) return;
  size_t w = 0;
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && soft[i - 1]) {
      Unit& last = u[w - 1];
      last.region_end = u[i].region_end;
      last.text_end = u[i].text_end;
      last.joined = true;
    } else {
      u[w++] = u[i];
    }
  }
  u.resize(w);
}

// ---------------------------------------------------------------- masking

constexpr uint64_t kNumberMask = 0x6e756d6265724d4bULL;  // "<n>"
constexpr uint64_t kTitleMark = 0x7469746c654d4b21ULL;   // "<title>"
constexpr uint64_t kNameMask = 0x6e616d654d61736bULL;    // "<name>" (cross-site templates)

inline uint64_t Mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// HashBytes of up to 8 bytes (most words): the bytes, zero-padded, times an odd constant, folded. Both
// steps are bijections and the padding is unambiguous (no word holds a NUL), so no two such words
// share a hash, and the word costs one multiplication.
inline uint64_t HashShort(uint64_t lo) {
  const uint64_t h = lo * 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 32);
}

// Longer: 16 bytes (zero-padded) at a time, two multiplications side by side and one to combine.
inline uint64_t HashStep(uint64_t h, uint64_t lo, uint64_t hi) {
  const uint64_t b = hi * 0xC2B2AE3D27D4EB4FULL;
  return (h ^ (lo * 0x9E3779B97F4A7C15ULL) ^ ((b << 29) | (b >> 35))) * 0xFF51AFD7ED558CCDULL;
}
inline uint64_t HashSeed(size_t len) { return 0x243F6A8885A308D3ULL ^ (len * 0x9E3779B97F4A7C15ULL); }
inline uint64_t HashFinish(uint64_t h) { return h ^ (h >> 32); }

// The low `len` bytes of a word set, for len 0..8: a load, where the shift and the case of 8 took five
// instructions for every word.
constexpr std::array<uint64_t, 9> kLowBytes = [] {
  std::array<uint64_t, 9> m{};
  for (size_t len = 0; len < 8; ++len) m[len] = (uint64_t{1} << (8 * len)) - 1;
  m[8] = ~uint64_t{0};
  return m;
}();

// HashLowerRun of a run longer than 8 bytes. Apart: inlined, its loop took registers from the
// tokenizer's ASCII loop for every word, where most words are short.
[[gnu::noinline]] uint64_t HashLongLowerRun(const char* p, size_t len) {
  uint64_t h = HashSeed(len);
  size_t i = 0;
  do {
    uint64_t lo, hi;
    LowerKey(p + i, std::min<size_t>(16, len - i), &lo, &hi);
    h = HashStep(h, lo, hi);
    i += 16;
  } while (i < len);
  return HashFinish(h);
}

// HashBytes of the lower-cased ASCII alphanumeric run at `p` (readable for 16 bytes past its end).
inline uint64_t HashLowerRun(const char* p, size_t len) {
  constexpr uint64_t kCase = 0x2020202020202020ULL;
  if (len <= 8) {
    uint64_t lo;
    std::memcpy(&lo, p, 8);
    return HashShort((lo | kCase) & kLowBytes[len]);
  }
  return HashLongLowerRun(p, len);
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
  uint32_t begin, end;  // the folded text in the scratch string (reference tokenizer) or the unit
  bool cap = false;     // its first character is an upper-case (or title-case) letter
};

// A number, a month or day name: the tokens MaskDates may mask (one bit test rather than three compares).
inline bool OpensDate(TokKind kind) {
  constexpr uint32_t kOpens = (1u << static_cast<unsigned>(TokKind::kNumber)) |
                              (1u << static_cast<unsigned>(TokKind::kDateWord)) |
                              (1u << static_cast<unsigned>(TokKind::kDateAbbr));
  return ((kOpens >> static_cast<unsigned>(kind)) & 1u) != 0;
}

// An upper- or title-case letter (the start of a name, or of a sentence).
inline bool IsCapital(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

// The month, day, clock and unit words of the masker, by hash: a direct-mapped table of 1024 slots
// indexed by bits 45..54 of the hash, so that a lookup is a shift, a mask, one load and a compare,
// without a branch on the (unpredictable) answer. No two of these 84 words share those ten bits
// (HashBytes is fixed; of the ten-bit fields, those at bits 42 and 45 have no clash); the constructor
// checks it, and a word added to the lists that clashed would stop the process at start-up (every test
// would fail). A multiplier chosen at start-up could spread any list, but cost a load and a
// multiplication per token; and the table is small (9 KB), for it is read at random once per word.
class DateWords {
 public:
  DateWords() {
    static const char* const kDateWords[] = {"january",  "february", "march",     "april",     "june",
                                             "july",     "august",   "september", "october",   "november",
                                             "december", "monday",   "tuesday",   "wednesday", "thursday",
                                             "friday",   "saturday", "sunday",    "today"};
    static const char* const kDateAbbrs[] = {"jan", "feb",  "mar",  "apr",   "may", "jun", "jul", "aug",
                                             "sep", "sept", "oct",  "nov",   "dec", "mon", "tue", "tues",
                                             "wed", "thu",  "thur", "thurs", "fri", "sat", "sun"};
    static const char* const kClockUnits[] = {
        "am",    "pm",     "a",       "p",    "m",     "gmt", "utc",    "est",     "edt", "cst",  "cdt",
        "pst",   "pdt",    "cet",     "cest", "bst",   "ist", "st",     "nd",      "rd",  "th",   "min",
        "mins",  "minute", "minutes", "h",    "hr",    "hrs", "hour",   "hours",   "day", "days", "week",
        "weeks", "month",  "months",  "year", "years", "sec", "second", "seconds", "ago"};
    std::vector<std::pair<uint64_t, TokKind>> words;
    for (const char* w : kDateWords) words.emplace_back(HashBytes(w), TokKind::kDateWord);
    for (const char* w : kDateAbbrs) words.emplace_back(HashBytes(w), TokKind::kDateAbbr);
    for (const char* w : kClockUnits) words.emplace_back(HashBytes(w), TokKind::kClockUnit);
    for (const auto& [h, kind] : words) {
      const size_t at = Slot(h);
      if (kinds_[at] != TokKind::kWord) {
        std::fprintf(stderr, "neardup: two date words share a slot of the date table\n");
        std::abort();
      }
      hashes_[at] = h;
      kinds_[at] = kind;
    }
  }
  TokKind Kind(uint64_t h) const {
    const size_t at = Slot(h);
    // Without a branch: the answer is unpredictable ("a" is a clock word), and kWord is 0.
    const auto keep = static_cast<uint8_t>(-static_cast<uint8_t>(hashes_[at] == h));
    return static_cast<TokKind>(static_cast<uint8_t>(kinds_[at]) & keep);
  }

 private:
  static constexpr int kSlotBits = 10;
  static constexpr int kSlotShift = 45;
  static constexpr size_t kSlots = size_t{1} << kSlotBits;
  static size_t Slot(uint64_t h) { return static_cast<size_t>(h >> kSlotShift) & (kSlots - 1); }
  std::array<uint64_t, kSlots> hashes_{};
  std::array<TokKind, kSlots> kinds_{};
};

// Built at start-up (it depends on nothing but HashBytes), so that the tokenizer's lookups pay no guard.
const DateWords kDates;
inline const DateWords& Dates() { return kDates; }

// A token with a digit is a number; else a listed word's kind, or a plain word. Long words are looked
// up too (the lookup compares whole hashes and finds none): no branch on the length or on the digit,
// which the predictor would miss.
inline TokKind WordKind(uint64_t hash, bool digit) {
  const TokKind listed = Dates().Kind(hash);
  return digit ? TokKind::kNumber : listed;
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

constexpr uint32_t kTokenMask = U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK;

// Words, numbers and symbols of `s`, case-folded; `scratch` receives their folded text. The reference
// tokenizer, one code point at a time: it gives the display form, and the tests hold the fast one to it.
void Tokenize(std::string_view s, std::string* scratch, std::vector<Tok>* toks) {
  size_t i = 0;
  while (i < s.size()) {
    size_t len;
    const char32_t c = Decode(s, i, &len);
    const uint32_t gc = CategoryMask(c);
    if (gc & kTokenMask) {
      const uint32_t begin = static_cast<uint32_t>(scratch->size());
      bool digit = false;
      while (i < s.size()) {
        const char32_t d = Decode(s, i, &len);
        const uint32_t dgc = CategoryMask(d);
        if (!(dgc & kTokenMask)) break;
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
      const uint64_t h = HashBytes(std::string_view(*scratch).substr(begin, end - begin));
      toks->push_back({h, WordKind(h, digit), begin, end, IsCapital(c)});
      continue;
    }
    if (gc & (U_GC_SO_MASK | U_GC_SC_MASK)) {
      const uint32_t begin = static_cast<uint32_t>(scratch->size());
      AppendUtf8(c, scratch);
      const uint32_t end = static_cast<uint32_t>(scratch->size());
      toks->push_back(
          {HashBytes(std::string_view(*scratch).substr(begin, end - begin)), TokKind::kSymbol, begin, end});
    }
    i += len;
  }
}

// The number of set bits. __builtin_popcountll is a call into libgcc on the x86-64 baseline (no POPCNT
// instruction without -mpopcnt); this is a dozen inline instructions.
inline uint32_t PopCount(uint64_t x) {
  x -= (x >> 1) & 0x5555555555555555ULL;
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return static_cast<uint32_t>((x * 0x0101010101010101ULL) >> 56);
}

inline bool AsciiLetter(char c) {
  return static_cast<unsigned char>((static_cast<unsigned char>(c) | 0x20) - 'a') < 26;
}

// Writes the hashes of the ASCII-letter words of the bytes [begin, end) of `p` at `out` (for tokens that
// are not plain letters: with digits, non-ASCII letters or marks); returns the end of what it wrote.
// `p` is readable for 16 bytes past `end`. A token of up to 16 bytes (most numbers) has its letters found
// by one compare and its runs by their bits. Not inlined: in the tokenizer's ASCII loop its code took
// registers from every word.
[[gnu::noinline]] uint64_t* AddLetterRuns(const char* p, size_t begin, size_t end, uint64_t* out) {
#if defined(__SSE2__)
  if (end - begin <= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + begin));
    const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
    const __m128i shifted = _mm_sub_epi8(lower, _mm_set1_epi8(static_cast<char>('a' + 128)));
    const __m128i letter = _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(-128 + 26)));
    uint32_t letters = static_cast<uint32_t>(_mm_movemask_epi8(letter)) & ((1u << (end - begin)) - 1);
    while (letters != 0) {
      const auto at = static_cast<unsigned>(__builtin_ctz(letters));
      const auto len = static_cast<unsigned>(__builtin_ctz(~(letters >> at)));  // bits 16..31 are clear
      *out++ = HashLowerRun(p + begin + at, len);
      letters &= ~0u << (at + len);  // at + len <= 16
    }
    return out;
  }
#endif
  size_t i = begin;
  while (i < end) {
    if (!AsciiLetter(p[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < end && AsciiLetter(p[j])) ++j;
    *out++ = HashLowerRun(p + i, j - i);
    i = j;
  }
  return out;
}

// The length of the code point at `q` (of the `left` bytes of the text from `q` on) when it is one that
// ends a token and makes none, without a flag of UnitWords (the code-point path would only step over it):
// U+2010..U+2027 (dashes, quotation marks, the bullet, the ellipsis: punctuation, E2 80 90..A7) and U+00A0
// (no-break space, C2 A0); else 0. These are most of the non-ASCII bytes of English news (’ in "don’t"),
// which the tokenizer's ASCII loop passes over without leaving it.
inline size_t PlainPunctuation(const char* q, size_t left) {
  const auto b1 = static_cast<unsigned char>(q[1]);
  if (q[0] == '\xE2') {
    return left >= 3 && b1 == 0x80 &&
                   static_cast<unsigned char>(static_cast<unsigned char>(q[2]) - 0x90) < 0x18
               ? 3
               : 0;
  }
  return q[0] == '\xC2' && b1 == 0xA0 && left >= 2 ? 2 : 0;
}

// Latin1Token's longest folded token (its buffer has two bytes more: a letter may pass the bound).
constexpr size_t kLatin1MaxLen = 48;

// The token at `pos` of the `n` bytes at `p` when it is made of ASCII letters and digits and of the
// letters U+00C0..U+00FF (C3 80..BF but × and ÷, C3 97 and B7) only, and ends where a byte no token goes
// on with follows (ASCII that is not alphanumeric, × or ÷, PlainPunctuation, the text's end): its end,
// its case-folded bytes in `folded` (`*folded_len` of them: the fold of U+00C0..U+00DE is the byte
// after C3 plus 0x20, the other letters fold to themselves), whether it has a digit and whether its
// first letter is a capital. Else (another byte beyond ASCII, kLatin1MaxLen folded bytes or more, no
// such letter or digit at `pos`) 0, and the code-point path decodes it. Words with accented letters of
// Western European languages are most of what reaches the code-point path; this folds them without ICU.
inline size_t Latin1Token(const char* p, size_t n, size_t pos, char (&folded)[kLatin1MaxLen + 2],
                          size_t* folded_len, bool* digit, bool* cap) {
  size_t i = pos, k = 0;
  bool has_digit = false;
  while (i < n && k < kLatin1MaxLen) {
    const auto c = static_cast<unsigned char>(p[i]);
    if (c < 0x80) {
      if (c >= '0' && c <= '9') {
        has_digit = true;
      } else if (static_cast<unsigned char>((c | 0x20) - 'a') >= 26) {
        break;
      }
      folded[k++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
      ++i;
      continue;
    }
    if (c != 0xC3) break;
    const auto b = static_cast<unsigned char>(p[i + 1]);  // valid UTF-8: 80..BF
    if (b == 0x97 || b == 0xB7) break;                    // × and ÷: math symbols, no token's
    folded[k++] = '\xC3';
    folded[k++] = static_cast<char>(b <= 0x9E ? b + 0x20 : b);
    i += 2;
  }
  if (k == 0 || k >= kLatin1MaxLen) return 0;
  if (i < n && static_cast<unsigned char>(p[i]) >= 0x80) {
    const bool sign = p[i] == '\xC3';  // × or ÷ (the loop stopped at one)
    if (!sign && PlainPunctuation(p + i, n - i) == 0) return 0;
  }
  const auto c0 = static_cast<unsigned char>(p[pos]);
  const auto b0 = static_cast<unsigned char>(p[pos + 1]);
  *cap = (c0 >= 'A' && c0 <= 'Z') || (c0 == 0xC3 && b0 <= 0x9E);
  *digit = has_digit;
  *folded_len = k;
  return i;
}

// Where the tokenizer's cursor and outputs stand after CodePointPath.
struct CodePointStep {
  size_t pos;
  Tok* out;
  Tok* first;
  uint64_t* word_out;
};

// TokenizeFast's code-point path, from the code point at `pos` of the `n` bytes at `p`: a token that
// holds a byte beyond ASCII (or a symbol, or a separator), decoded a code point at a time. Apart and not
// inlined: it calls into ICU, and inlined in the tokenizer's loop it left the compiler short of registers
// for the whole loop, the ASCII words (most text) too: the function's instructions that load from or store
// to the stack went from 243 to 85 (objdump of TokenizeFast<true>). The values go in and come back by
// value, so that their addresses are never taken. A word of ASCII and Latin-1 letters is folded by its
// bytes first (Latin1Token).
template <bool kTokens>
[[gnu::noinline]] CodePointStep CodePointPath(const char* p, size_t n, size_t pos, Tok* out, Tok* first,
                                              uint64_t* word_out, UnitWords* words) {
  {
    char folded_bytes[kLatin1MaxLen + 2];
    size_t folded_len;
    bool digit, cap;
    if (const size_t end = Latin1Token(p, n, pos, folded_bytes, &folded_len, &digit, &cap); end != 0) {
      const uint64_t h = HashBytes(std::string_view(folded_bytes, folded_len));
      if constexpr (kTokens) {
        const TokKind kind = WordKind(h, digit);
        if (first == nullptr && OpensDate(kind)) first = out;
        *out++ = {h, kind, static_cast<uint32_t>(pos), static_cast<uint32_t>(end), cap};
      }
      word_out = AddLetterRuns(p, pos, end, word_out);
      return {end, out, first, word_out};
    }
  }
  thread_local std::string folded;
  size_t len;
  const std::string_view text(p, n);
  const char32_t cp = Decode(text, pos, &len);
  const uint32_t gc = CategoryMask(cp);
  if (gc & kTokenMask) {
    const size_t begin = pos;
    folded.clear();
    bool digit = false;
    while (pos < n) {
      const char32_t d = Decode(text, pos, &len);
      const uint32_t dgc = CategoryMask(d);
      if (!(dgc & kTokenMask)) break;
      if (dgc & U_GC_N_MASK) digit = true;
      if (d < 0x80) {
        folded.push_back(static_cast<char>(d >= 'A' && d <= 'Z' ? d + ('a' - 'A') : d));
      } else {
        if (d == 0x17F || d == 0x212A) words->fold_sensitive = true;
        AppendUtf8(static_cast<char32_t>(u_foldCase(static_cast<UChar32>(d), U_FOLD_CASE_DEFAULT)), &folded);
      }
      pos += len;
    }
    const uint64_t h = HashBytes(folded);
    if constexpr (kTokens) {
      const TokKind kind = WordKind(h, digit);
      if (first == nullptr && OpensDate(kind)) first = out;
      *out++ = {h, kind, static_cast<uint32_t>(begin), static_cast<uint32_t>(pos), IsCapital(cp)};
    }
    word_out = AddLetterRuns(p, begin, pos, word_out);
    return {pos, out, first, word_out};
  }
  if (gc & (U_GC_SO_MASK | U_GC_SC_MASK)) {
    if (cp == 0xA9) words->copyright = true;
    if constexpr (kTokens) {
      *out++ = {HashBytes(text.substr(pos, len)), TokKind::kSymbol, static_cast<uint32_t>(pos),
                static_cast<uint32_t>(pos + len)};
    }
  } else if (cp == 0xBB || cp == 0x203A) {
    words->chevron = true;
  }
  return {pos + len, out, first, word_out};
}

// What the tokenizer's loop needs of a block of 64 bytes, bit i for byte i.
struct BlockBits {
  uint64_t alnum;        // ASCII alphanumerics (before the text's end)
  uint64_t digit;        // ASCII digits
  uint64_t interesting;  // bytes that start something: alphanumerics, non-ASCII, '$'
};

// The bits of the `n` bytes at `p` (readable to the end of the last block), a block at a time, into
// `bits`; and the unit's runs between whitespace and whether it holds '>', which need every block.
inline void ScanBlocks(const char* p, size_t n, BlockBits* bits, UnitWords* words) {
  constexpr size_t kLocal = 8;
  ScanMasks local[kLocal];
  const size_t blocks = (n + 63) / 64;
  const ScanMasks* const masks = ScanMasksOf(p, blocks, local, kLocal);
  uint64_t space_carry = 1;  // the byte before the block is whitespace (or the text's start)
  uint32_t chunks = 0;
  uint64_t gt = 0;
  for (size_t b = 0; b < blocks; ++b) {
    const ScanMasks& m = masks[b];
    const uint64_t valid = ValidBits(64 * b, n);
    const uint64_t space = m.space | ~valid;
    chunks += PopCount(~space & ((space << 1) | space_carry));
    space_carry = space >> 63;
    gt |= m.gt & valid;
    const uint64_t alnum = m.letter | m.digit;
    bits[b] = {alnum & valid, m.digit, (alnum | m.high | m.dollar) & valid};
  }
  words->chunks = chunks;
  words->gt = gt != 0;
}

// The tokenizer's state between its ASCII loop (AsciiSteps) and the code-point path.
struct Cursor {
  const char* p;
  size_t n;
  const BlockBits* bits;  // of every block of the text
  size_t pos;
  Tok* out;
  Tok* first;  // the first token that opens a date, once written
  uint64_t* word_out;
};

// The tokenizer's loop over ASCII words and numbers, from c->pos on, up to the text's end or to a byte
// the code-point path must take (a non-ASCII byte other than PlainPunctuation, a run that goes on with
// one, '$'), where it stops with c->pos there. Apart and not inlined, with the blocks' bits computed
// before (ScanBlocks), and with calls only on its rarer paths (a number's letter runs, a word over 8
// bytes): with the code-point path's call in the loop, or the block's scan or the long hash's loop
// inlined in it, the compiler kept the loop's values (cursor, masks, outputs) on the stack, a fifth of a
// plain word's instructions. Here only the text's length is; the cursor and the outputs live in
// registers, read from and written back to `c` once per visit (once per text, and once per code-point
// step), and the masks are read where they lie.
template <bool kTokens>
[[gnu::noinline]] void AsciiSteps(Cursor* c) {
  const char* const p = c->p;
  const size_t n = c->n;
  const BlockBits* const bits = c->bits;
  size_t pos = c->pos;
  Tok* out = c->out;
  uint64_t* word_out = c->word_out;
  // Where the loop stops: at the text's end, or at a byte for the code-point path.
  auto stop = [&] {
    c->pos = pos;
    c->out = out;
    c->word_out = word_out;
  };
  // The token of the bytes [begin, end), an ASCII alphanumeric run.
  auto emit = [&](size_t begin, size_t end, bool digit) {
    const uint64_t h = HashLowerRun(p + begin, end - begin);
    if constexpr (kTokens) {
      const TokKind kind = WordKind(h, digit);
      // The first token that opens a date stays in `c`: most tokens do not open one.
      if (OpensDate(kind) && c->first == nullptr) c->first = out;
      const auto lead = static_cast<unsigned char>(p[begin]);
      *out++ = {h, kind, static_cast<uint32_t>(begin), static_cast<uint32_t>(end),
                lead >= 'A' && lead <= 'Z'};
    }
    if (digit) {
      word_out = AddLetterRuns(p, begin, end, word_out);
    } else {
      *word_out++ = h;
    }
  };
  while (pos < n) {
    const BlockBits& b = bits[pos / 64];
    const size_t base = pos & ~size_t{63};
    uint64_t ahead = b.interesting & (~uint64_t{0} << (pos % 64));
    // The tokens that start in this block, in turn; `ahead` keeps the bytes after the last one.
    for (;;) {
      if (ahead == 0) {
        pos = base + 64;
        break;
      }
      const size_t bit = static_cast<size_t>(__builtin_ctzll(ahead));
      pos = base + bit;
      // The alphanumerics from the token's first byte on, by the bitmap (not by the byte: '$' and
      // non-ASCII are the other bytes that start something).
      const uint64_t run = b.alnum >> bit;
      if ((run & 1) == 0) {
        // '$' or a non-ASCII byte: punctuation that makes no token is stepped over here, the rest is the
        // code-point path's.
        const size_t skip =
            static_cast<unsigned char>(p[pos]) >= 0x80 ? PlainPunctuation(p + pos, n - pos) : 0;
        if (skip == 0) return stop();
        pos += skip;
        break;
      }
      // An ASCII alphanumeric run; the bitmap gives its end within the block (at the text's end at the
      // latest: the bitmaps stop there).
      const uint64_t rest = ~run;
      const uint64_t run_bits = (rest - 1) & ~rest;  // the run's bits (all when rest is 0)
      bool digit = ((b.digit >> bit) & run_bits) != 0;
      if (rest == 0 || bit + static_cast<size_t>(__builtin_ctzll(rest)) == 64) {
        // It runs to the block's end, and maybe on past it: the bytes after, one at a time.
        size_t end = base + 64;
        while (end < n) {
          const auto d = static_cast<unsigned char>(p[end]);
          if (d >= '0' && d <= '9') {
            digit = true;
          } else if (static_cast<unsigned char>((d | 0x20) - 'a') >= 26) {
            break;
          }
          ++end;
        }
        if (end < n && static_cast<unsigned char>(p[end]) >= 0x80 &&
            PlainPunctuation(p + end, n - end) == 0) {
          return stop();
        }
        emit(pos, end, digit);
        pos = end;
        break;
      }
      const size_t end_bit = bit + static_cast<size_t>(__builtin_ctzll(rest));
      const size_t end = base + end_bit;
      // A non-ASCII byte after the run: the run ends there if it is punctuation; else it may go on (a
      // letter or mark), and the code-point path takes it from its start. (p[n] is readable: padding.)
      if (static_cast<unsigned char>(p[end]) >= 0x80 && end < n && PlainPunctuation(p + end, n - end) == 0) {
        return stop();
      }
      emit(pos, end, digit);
      ahead &= ~uint64_t{0} << end_bit;
    }
  }
  stop();
}

// The tokenizer of the pipeline: the same tokens as Tokenize (hashes of the folded text, kinds), without
// the folded text, and the unit's words for the rule prefilter. Plain ASCII words (most of the text)
// are found with byte-class bitmaps and hashed sixteen bytes at a time (AsciiSteps); everything around a
// non-ASCII byte that is not plain punctuation goes through the code-point path of Tokenize. The tokens
// are written to `toks`, which has room for s.size() of them (a token has a byte at least), and their
// number returned; without kTokens, `toks` is null and only the words are gathered (a copy of its own,
// so that the per-token path does not test for it). `*first_date` (when not null) receives the index of
// the first number, month or day name (MaskDates starts there), or the number of tokens when there is
// none. With `padded`, `s` is followed by kScanPadding readable bytes (of any value).
template <bool kTokens>
size_t TokenizeFast(std::string_view s, bool padded, Tok* toks, UnitWords* words,
                    size_t* first_date = nullptr) {
  const size_t n = s.size();
  words->Clear();
  if (first_date != nullptr) *first_date = 0;
  if (n == 0) return 0;
  const char* p = s.data();
  constexpr size_t kStack = 448;
  char stack[kStack + kScanPadding];
  thread_local std::string heap;
  if (!padded) {
    if (n <= kStack) {
      std::memcpy(stack, p, n);
      std::memset(stack + n, ' ', kScanPadding);
      p = stack;
    } else {
      heap.assign(p, n);
      heap.append(kScanPadding, ' ');
      p = heap.data();
    }
  }
  const size_t blocks = (n + 63) / 64;
  constexpr size_t kStackBlocks = kStack / 64;
  BlockBits stack_bits[kStackBlocks];
  thread_local std::vector<BlockBits> heap_bits;
  BlockBits* bits = stack_bits;
  if (blocks > kStackBlocks) {
    if (heap_bits.size() < blocks) heap_bits.resize(blocks);
    bits = heap_bits.data();
  }
  ScanBlocks(p, n, bits, words);
  const auto lead = static_cast<unsigned char>(p[0]);
  words->lead_digit = lead >= '0' && lead <= '9';
  words->lead_number = words->lead_digit || lead == '.' || lead == ',';
  // A word and the byte that ends it take two bytes at least: room for every word, written through a
  // pointer (no capacity test per word), and the vector cut to their number at the end.
  words->words.resize(n / 2 + 1);
  uint64_t* const word_base = words->words.data();
  Cursor c{p, n, bits, 0, toks, nullptr, word_base};
  for (;;) {
    AsciiSteps<kTokens>(&c);
    if (c.pos >= n) break;
    const CodePointStep step = CodePointPath<kTokens>(p, n, c.pos, c.out, c.first, c.word_out, words);
    c.pos = step.pos;
    c.out = step.out;
    c.first = step.first;
    c.word_out = step.word_out;
  }
  uint64_t* const word_out = c.word_out;
  words->words.resize(static_cast<size_t>(word_out - word_base));
  // The words are the text's maximal runs of ASCII letters, in order: the first one is the run at the
  // text's first ASCII letter (found here rather than tested for at every word).
  // By the blocks' bits: the first block with a letter, the run's end by its bits unless it reaches the
  // block's end.
  if (word_out != word_base) {
    const BlockBits* b = bits;
    uint64_t letters;
    while ((letters = b->alnum & ~b->digit) == 0) ++b;
    const auto bit = static_cast<size_t>(__builtin_ctzll(letters));
    const size_t at = 64 * static_cast<size_t>(b - bits) + bit;
    const uint64_t rest = ~(letters >> bit);
    size_t end = at + (rest != 0 ? static_cast<size_t>(__builtin_ctzll(rest)) : 64);
    if (end % 64 == 0) {
      while (end < n && AsciiLetter(p[end])) ++end;
    }
    words->SetFirst(p + at, end - at);
  }
  if (first_date != nullptr) *first_date = static_cast<size_t>((c.first != nullptr ? c.first : c.out) - toks);
  return static_cast<size_t>(c.out - toks);
}

// The index of the first token that opens a date (a number, a month or day name), or `n`.
size_t FirstDate(const Tok* t, size_t n) {
  size_t first = 0;
  while (first < n && !OpensDate(t[first].kind)) ++first;
  return first;
}

// Room for the tokens of a text of `n` bytes in `store` (kept per thread: it grows, never shrinks).
Tok* TokRoom(std::vector<Tok>* store, size_t n) {
  if (store->size() < n) store->resize(std::max(n, 2 * store->size()));
  return store->data();
}

// Masks numbers and dates: every number and full month/day name becomes a mask, an abbreviated one
// ("Nov", "May") only next to a number, clock words and units right after a mask are dropped, and a run
// of masks becomes one.
// In place on the `n` tokens at `t`, of which t[first] is the first that opens a date (FirstDate);
// returns how many are left.
size_t MaskDates(Tok* t, size_t n, size_t first) {
  // In place: the output is never longer than the input.
  // The tokens before the first number, month or day name stay as they are (nothing before them is
  // masked, so no clock word among them follows a mask): start there, rather than copy each onto itself.
  size_t w = first;
  bool previous_number = false;  // the input token before t[k] was a number
  bool after_mask = false;       // the last token written (t[w - 1]) is a mask
  for (size_t k = first; k < n; ++k) {
    const TokKind kind = t[k].kind;
    const bool number = kind == TokKind::kNumber;
    const bool next_number = k + 1 < n && t[k + 1].kind == TokKind::kNumber;
    const bool mask = number || kind == TokKind::kDateWord ||
                      (kind == TokKind::kDateAbbr && (previous_number || next_number));
    previous_number = number;
    if (mask) {
      if (after_mask) continue;
      t[w] = t[k];
      t[w].kind = TokKind::kMask;
      t[w].hash = kNumberMask;
      ++w;
      after_mask = true;
      continue;
    }
    if (kind == TokKind::kClockUnit && after_mask) continue;
    // Until a token is dropped, every token is in its place already.
    if (w != k) t[w] = t[k];
    ++w;
    after_mask = false;
    // The tokens up to the next one that opens a date stay as they are: none is masked, none follows a
    // mask, and none is a number (previous_number stays false). Moved down in one loop, without the
    // tests above.
    size_t e = k + 1;
    while (e < n && !OpensDate(t[e].kind)) ++e;
    if (w == k + 1) {
      w = e;
    } else {
      for (size_t j = k + 1; j < e; ++j) t[w++] = t[j];
    }
    k = e - 1;
  }
  return w;
}

// The first of the `n` tokens at `t` from `k` on whose hash is `a` or `b` (n if none). Four tokens a step:
// the loop ran for every token of every unit (1.6% of the stage's instructions), and most titles have one
// variant (a == b), whose tokens take one compare each.
inline size_t FindOpening(const Tok* t, size_t k, size_t n, uint64_t a, uint64_t b) {
  if (a == b) {
    for (; k + 4 <= n; k += 4) {
      if (t[k].hash == a || t[k + 1].hash == a || t[k + 2].hash == a || t[k + 3].hash == a) break;
    }
  } else {
    for (; k + 4 <= n; k += 4) {
      const uint64_t h0 = t[k].hash, h1 = t[k + 1].hash, h2 = t[k + 2].hash, h3 = t[k + 3].hash;
      if (h0 == a || h0 == b || h1 == a || h1 == b || h2 == a || h2 == b || h3 == a || h3 == b) break;
    }
  }
  while (k < n && t[k].hash != a && t[k].hash != b) ++k;
  return k;
}

// FindOpening a token at a time: the reference paths' (the tests hold the fast one to it through them).
inline size_t PlainFindOpening(const Tok* t, size_t k, size_t n, uint64_t a, uint64_t b) {
  while (k < n && t[k].hash != a && t[k].hash != b) ++k;
  return k;
}

// Replaces each occurrence of a title variant (longest first, left to right) with one title token.
// In place on the `n` tokens at `t`; returns how many are left.
size_t MaskTitle(const TitleMask& title, Tok* t, size_t n) {
  if (title.variants().empty()) return n;
  // In place: the output is never longer than the input, and matching reads only unwritten tokens.
  // Most units hold no title: nothing to rewrite before the first token that opens one.
  // A TitleMask has one or two variants: their first hashes, loaded once.
  const std::vector<std::vector<uint64_t>>& variants = title.variants();
  const uint64_t first0 = variants[0][0];
  const uint64_t first1 = variants.size() > 1 ? variants[1][0] : first0;
  const bool plain = ReferencePathsForTesting();
  size_t k = 0, w = 0;
  while (true) {
    // On to the next token that opens a variant (no other can start a match), the tokens before it moved
    // down once a title was masked (only then w < k).
    if (w == k) {
      k = plain ? PlainFindOpening(t, k, n, first0, first1) : FindOpening(t, k, n, first0, first1);
      w = k;
    } else {
      while (k < n && t[k].hash != first0 && t[k].hash != first1) t[w++] = t[k++];
    }
    if (k == n) break;
    size_t matched = 0;
    for (const std::vector<uint64_t>& v : variants) {
      if (v.size() > n - k) continue;
      size_t m = 0;
      while (m < v.size() && t[k + m].hash == v[m]) ++m;
      if (m == v.size()) {
        matched = m;
        break;
      }
    }
    if (matched > 0) {
      t[w++] = {kTitleMark, TokKind::kTitle, t[k].begin, t[k + matched - 1].end};
      k += matched;
    } else {
      t[w++] = t[k++];
    }
  }
  return w;
}

// The title's tokens, dates masked. A title is made for every document (and its segments tokenized
// too): the fast tokenizer, which gives the reference one's hashes and kinds (the tests hold it to that),
// with per-thread buffers, costs a fraction of the reference's decoding and allocations.
std::vector<uint64_t> TitleTokens(std::string_view text) {
  thread_local std::vector<Tok> store;
  Tok* toks;
  size_t count, first;
  if (ReferencePathsForTesting()) {
    thread_local std::string scratch;
    thread_local std::vector<Tok> plain;
    scratch.clear();
    plain.clear();
    Tokenize(text, &scratch, &plain);
    toks = plain.data();
    count = plain.size();
    first = FirstDate(toks, count);
  } else {
    thread_local UnitWords unused;
    toks = TokRoom(&store, text.size());
    count = TokenizeFast<true>(text, false, toks, &unused, &first);
  }
  count = MaskDates(toks, count, first);
  std::vector<uint64_t> hashes(count);
  for (size_t k = 0; k < count; ++k) hashes[k] = toks[k].hash;
  return hashes;
}

}  // namespace

char32_t DecodeUtf8(std::string_view s, size_t i, size_t* len) { return Decode(s, i, len); }

std::vector<Unit> SplitSentences(std::string_view line) {
  std::vector<Unit> units;
  AppendSentences(line, 0, &units);
  return units;
}

namespace {

// The end of the line starting at `start` (the offset of its '\n' or '\r', or the text's size), with
// memchr; when the text has a '\r' (`has_cr`), a second one looks for it before the '\n' (a byte loop
// over every line of such a text cost more than both).
inline size_t LineEnd(std::string_view text, size_t start, bool has_cr) {
  const void* nl = std::memchr(text.data() + start, '\n', text.size() - start);
  const size_t end = nl == nullptr ? text.size() : static_cast<const char*>(nl) - text.data();
  if (!has_cr) return end;
  const void* cr = std::memchr(text.data() + start, '\r', end - start);
  return cr == nullptr ? end : static_cast<const char*>(cr) - text.data();
}

}  // namespace

void SplitUnits(std::string_view text, bool* sentence_mode, std::vector<Unit>* units) {
  units->clear();
  const std::string_view trimmed = TrimSpace(text);
  const size_t inner_begin = trimmed.data() - text.data();
  const bool has_cr = std::memchr(text.data(), '\r', text.size()) != nullptr;
  const size_t first_break = LineEnd(text, inner_begin, has_cr);
  *sentence_mode = first_break >= inner_begin + trimmed.size();
  if (text.empty()) return;
  if (*sentence_mode) {
    AppendSentences(text, 0, units);
    return;
  }
  size_t start = 0;
  while (start < text.size()) {
    const size_t eol = LineEnd(text, start, has_cr);
    size_t next = eol;
    if (eol < text.size()) {
      next = eol + 1;
      if (text[eol] == '\r' && next < text.size() && text[next] == '\n') ++next;
    }
    units->push_back(MakeUnit(text, start, next, 0));
    start = next;
  }
  JoinSoftBreaks(text, units);
}

std::vector<Unit> SplitUnits(std::string_view text, bool* sentence_mode) {
  std::vector<Unit> units;
  SplitUnits(text, sentence_mode, &units);
  return units;
}

std::string_view FirstLine(std::string_view text) {
  const bool has_cr = std::memchr(text.data(), '\r', text.size()) != nullptr;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t eol = LineEnd(text, pos, has_cr);
    const std::string_view line = TrimSpace(text.substr(pos, eol - pos));
    if (!line.empty()) return line;
    pos = eol + 1;
  }
  return {};
}

void JoinLines(std::string_view unit, std::string* joined,
               std::vector<std::pair<uint32_t, uint32_t>>* pieces) {
  joined->clear();
  pieces->clear();
  const bool has_cr = std::memchr(unit.data(), '\r', unit.size()) != nullptr;
  size_t start = 0;
  while (start < unit.size()) {
    const size_t eol = LineEnd(unit, start, has_cr);
    const std::string_view line = TrimSpace(unit.substr(start, eol - start));
    if (!line.empty()) {
      if (!joined->empty()) joined->push_back(' ');
      pieces->emplace_back(static_cast<uint32_t>(joined->size()),
                           static_cast<uint32_t>(line.data() - unit.data()));
      joined->append(line);
    }
    start = eol + 1;
  }
}

uint32_t RawOffset(const std::vector<std::pair<uint32_t, uint32_t>>& pieces, uint32_t joined_offset) {
  // The last piece starting at or before the offset. An offset on a joining space is the end of the
  // line before it; one just after it is the start of the next line (the break and its whitespace
  // included).
  size_t k = 0;
  while (k + 1 < pieces.size() && pieces[k + 1].first <= joined_offset) ++k;
  return pieces[k].second + (joined_offset - pieces[k].first);
}

TitleMask::TitleMask(std::string_view title) {
  title = TrimSpace(title);
  if (title.empty()) return;
  std::vector<uint64_t> whole = TitleTokens(title);
  // Segments of "Headline | Site" or "Section » Headline": the longest one is the headline.
  // » and › only with spaces around them: next to a word they are quotation marks ("«Name»").
  static constexpr std::string_view kSeparators[] = {
      "|", " \xC2\xBB ", " \xE2\x80\xBA ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", "::", " / "};
  std::vector<uint64_t> longest;
  // The next separator: the first position where one starts (the first listed on a tie), found in one
  // pass (every separator starts with '|', ' ' or ':') rather than a search for each separator from
  // every segment on.
  auto next_separator = [&](size_t from, size_t* len) {
    for (size_t at = from; at < title.size(); ++at) {
      const char c = title[at];
      if (c != '|' && c != ' ' && c != ':') continue;
      for (std::string_view sep : kSeparators) {
        if (title.substr(at, sep.size()) == sep) {
          *len = sep.size();
          return at;
        }
      }
    }
    *len = 0;
    return title.size();
  };
  size_t pos = 0;
  while (pos <= title.size()) {
    size_t cut_len = 0;
    const size_t cut = next_separator(pos, &cut_len);
    // A title without a separator is its own only segment: its tokens are the whole title's (most
    // titles; tokenizing it again was half of this constructor's work).
    if (pos == 0 && cut == title.size()) break;
    std::vector<uint64_t> seg = TitleTokens(title.substr(pos, cut - pos));
    if (seg.size() > longest.size()) longest.swap(seg);
    if (cut == title.size()) break;
    pos = cut + cut_len;
  }
  if (whole.size() >= kMinTitleTokens) variants_.push_back(whole);
  if (longest.size() >= kMinTitleTokens && longest != whole) variants_.push_back(longest);
}

namespace {
const std::array<uint64_t, 10> kNoNameWords = [] {
  std::array<uint64_t, 10> v{};
  size_t i = 0;
  for (const std::string_view w : {"by", "from", "for", "with", "at", "in", "on", "to", "via", "per"}) v[i++] = HashBytes(w);
  return v;
}();
}  // namespace

bool OpensNoName(uint64_t hash) {
  for (const uint64_t w : kNoNameWords) {
    if (w == hash) return true;
  }
  return false;
}

uint64_t HashBytes(std::string_view bytes) {
  if (bytes.size() <= 8) {
    uint64_t lo = 0;
    std::memcpy(&lo, bytes.data(), bytes.size());
    return HashShort(lo);
  }
  uint64_t h = HashSeed(bytes.size());
  size_t i = 0;
  do {
    char buf[16] = {};
    std::memcpy(buf, bytes.data() + i, std::min<size_t>(16, bytes.size() - i));
    uint64_t lo, hi;
    std::memcpy(&lo, buf, 8);
    std::memcpy(&hi, buf + 8, 8);
    h = HashStep(h, lo, hi);
    i += 16;
  } while (i < bytes.size());
  return HashFinish(h);
}

void UnitWords::Clear() {
  auto keep = std::move(words);  // keeps its capacity
  keep.clear();
  *this = UnitWords();
  words = std::move(keep);
}

void ScanWords(std::string_view text, UnitWords* words) { TokenizeFast<false>(text, false, nullptr, words); }

size_t CountLetterRuns(std::string_view text, size_t begin, size_t end) {
  size_t runs = 0;
  bool previous = begin > 0 && AsciiLetter(text[begin - 1]);
  for (size_t k = begin; k < end; ++k) {
    const bool letter = AsciiLetter(text[k]);
    runs += letter && !previous;
    previous = letter;
  }
  return runs;
}

bool PieceWords(std::string_view text, const UnitWords& whole, size_t first, size_t begin, size_t end,
                UnitWords* out) {
  out->Clear();
  if (begin >= end) return true;
  if ((begin > 0 && AsciiLetter(text[begin - 1])) || (end < text.size() && AsciiLetter(text[end])))
    return false;
  // The byte-class bitmaps of the tokenizer, over a copy padded with spaces (the piece may end its text):
  // the starts of letter runs, the runs between whitespace, '>', and the bytes that are not ASCII.
  const size_t n = end - begin;
  constexpr size_t kStack = 448;
  char stack[kStack + 64];
  thread_local std::string heap;
  const char* p = stack;
  if (n <= kStack) {
    std::memcpy(stack, text.data() + begin, n);
    std::memset(stack + n, ' ', 64);
  } else {
    heap.assign(text.data() + begin, n);
    heap.append(64, ' ');
    p = heap.data();
  }
  size_t runs = 0, first_begin = 0;
  uint64_t letter_carry = 0, space_carry = 1;  // the byte before the block is a letter / whitespace
  constexpr size_t kStackBlocks = (kStack + 63) / 64;
  ScanMasks local[kStackBlocks];
  const ScanMasks* const masks = ScanMasksOf(p, (n + 63) / 64, local, kStackBlocks);
  for (size_t base = 0; base < n; base += 64) {
    const ScanMasks& m = masks[base / 64];
    const uint64_t valid = ValidBits(base, n);
    // The flags of the code points the tokenizer notes wherever they are (© and the chevrons between
    // tokens, ſ and K in them), by their bytes: a lead byte never occurs inside another character.
    for (uint64_t high = m.high & valid; high != 0; high &= high - 1) {
      const char* c = p + base + static_cast<size_t>(__builtin_ctzll(high));
      if (c[0] == '\xC2') {
        out->copyright |= c[1] == '\xA9';  // ©
        out->chevron |= c[1] == '\xBB';    // »
      } else if (c[0] == '\xC5') {
        out->fold_sensitive |= c[1] == '\xBF';  // ſ
      } else if (c[0] == '\xE2') {
        out->chevron |= c[1] == '\x80' && c[2] == '\xBA';         // ›
        out->fold_sensitive |= c[1] == '\x84' && c[2] == '\xAA';  // K
      }
    }
    const uint64_t letter = m.letter & valid;
    const uint64_t starts = letter & ~((letter << 1) | letter_carry);
    if (runs == 0 && starts != 0) first_begin = base + static_cast<size_t>(__builtin_ctzll(starts));
    runs += PopCount(starts);
    letter_carry = letter >> 63;
    const uint64_t space = m.space | ~valid;
    out->chunks += PopCount(~space & ((space << 1) | space_carry));
    space_carry = space >> 63;
    out->gt |= (m.gt & valid) != 0;
  }
  if (first + runs > whole.words.size()) return false;
  if (runs > 0) {
    size_t first_end = first_begin;
    while (first_end < n && AsciiLetter(p[first_end])) ++first_end;
    out->Add(p + first_begin, first_end - first_begin, whole.words[first]);  // 16 bytes readable: the padding
  }
  out->words.assign(whole.words.begin() + static_cast<std::ptrdiff_t>(first),
                    whole.words.begin() + static_cast<std::ptrdiff_t>(first + runs));
  const auto lead = static_cast<unsigned char>(p[0]);
  out->lead_digit = lead >= '0' && lead <= '9';
  out->lead_number = out->lead_digit || lead == '.' || lead == ',';
  return true;
}

namespace {
std::atomic<bool> reference_paths{false};
}  // namespace

void SetReferencePathsForTesting(bool on) { reference_paths.store(on); }
bool ReferencePathsForTesting() { return reference_paths.load(std::memory_order_relaxed); }

Template MaskUnit(std::string_view unit, const TitleMask& title, std::string* display,
                  std::vector<uint64_t>* hashes, UnitWords* words, bool padded) {
  // Reused per thread: this runs once per line of the corpus.
  thread_local std::string scratch;
  thread_local std::vector<Tok> store;  // the tokens, written through a pointer (room for every byte)
  thread_local UnitWords unused;
  Tok* toks;
  size_t count, first;
  if (display != nullptr || ReferencePathsForTesting()) {
    thread_local std::vector<Tok> plain;  // the reference tokenizer's (apart: `store` keeps its size)
    scratch.clear();
    plain.clear();
    Tokenize(unit, &scratch, &plain);
    toks = plain.data();
    count = plain.size();
    if (words != nullptr) ScanWords(unit, words);
    first = FirstDate(toks, count);
  } else {
    toks = TokRoom(&store, unit.size());
    count = TokenizeFast<true>(unit, padded, toks, words != nullptr ? words : &unused, &first);
  }
  // MaskDates starts at the first number or date word (the tokenizer says which), and changes nothing in
  // a unit without one (an abbreviated month or day name with no number next to it stays).
  count = MaskDates(toks, count, first);
  count = MaskTitle(title, toks, count);
  Template t;
  uint64_t key = 0x243F6A8885A308D3ULL;
  if (hashes != nullptr) hashes->resize(count);
  uint64_t* out = hashes != nullptr ? hashes->data() : nullptr;
  // The kinds that count as words, as bits (one test per token rather than three compares).
  constexpr uint32_t kWordKinds =
      ~((1u << static_cast<unsigned>(TokKind::kMask)) | (1u << static_cast<unsigned>(TokKind::kTitle)) |
        (1u << static_cast<unsigned>(TokKind::kSymbol)));
  // Both counts in one shift a token: bit `kind` of kCounts says whether the kind counts as a word, bit
  // 32 + kind whether it is the title, and the token's two bits are added to the halves of `counts`
  // (which never carry: a unit has fewer than 2^32 tokens). Every kind fits in the low byte.
  static_assert(static_cast<unsigned>(TokKind::kTitle) < 8, "a kind past the low byte drops out of kCounts");
  constexpr uint64_t kCounts =
      uint64_t{kWordKinds & 0xFFu} | (uint64_t{1} << (32 + static_cast<unsigned>(TokKind::kTitle)));
  constexpr uint64_t kCountBits = (uint64_t{1} << 32) | 1u;
  uint64_t counts = 0;
  // With names masked too (Template::cross_key): a run of capitalized words is one mask; the first word
  // only when the second is capitalized too. Folded in the same pass as the key.
  auto wordlike = [](const Tok& tok) {
    return tok.kind == TokKind::kWord || tok.kind == TokKind::kDateAbbr || tok.kind == TokKind::kClockUnit;
  };
  constexpr uint32_t kWordlikeKinds = (1u << static_cast<unsigned>(TokKind::kWord)) |
                                      (1u << static_cast<unsigned>(TokKind::kDateAbbr)) |
                                      (1u << static_cast<unsigned>(TokKind::kClockUnit));
  if (count <= kMaxCrossTokens) {
    // In a unit this short the counts fit in 16 bits, so the word-like bit goes in the same shift as the
    // two counts, at bit 16 + kind, and is counted at bits 16..31. Names are counted apart: a name is a
    // word-like token, so the words left unmasked are the word-like tokens less the names.
    constexpr uint64_t kCrossCounts = kCounts | (uint64_t{kWordlikeKinds} << 16);
    constexpr uint64_t kCrossCountBits = kCountBits | (uint64_t{1} << 16);
    uint64_t cross = 0x452821E638D01377ULL;
    uint32_t names = 0;
    // A preposition opening the unit is no name (the words are at most four letters long); the first
    // word is a name only when the second is a capitalized word too. The first token goes on its own, so
    // that the loop tests no index: every word-like capitalized token after it is a name.
    const bool first_name = count > 1 && wordlike(toks[1]) && toks[1].cap &&
                            !(toks[0].cap && toks[0].end - toks[0].begin <= 4 && OpensNoName(toks[0].hash));
    // Without branches on the token (whether a capitalized word is a name is a coin toss for the
    // predictor, and GCC makes a branch of a conditional expression here): the fold is computed for
    // every token and kept by a mask.
    uint64_t in_name_mask = 0;
    auto step = [&](const Tok& tok, uint64_t may_name) {
      key = (key ^ tok.hash) * 0x9E3779B97F4A7C15ULL;  // the token hashes are mixed already
      const uint64_t bits = kCrossCounts >> static_cast<unsigned>(tok.kind);
      counts += bits & kCrossCountBits;
      const uint64_t name = (bits >> 16) & tok.cap & may_name;  // 0 or 1
      names += static_cast<uint32_t>(name);
      const uint64_t as_name = -name;
      const uint64_t folded =
          (cross ^ (tok.hash ^ ((tok.hash ^ kNameMask) & as_name))) * 0x9E3779B97F4A7C15ULL;
      const uint64_t skip = as_name & in_name_mask;
      cross = folded ^ ((folded ^ cross) & skip);
      in_name_mask = as_name;
    };
    if (count > 0) {
      step(toks[0], first_name ? 1 : 0);
      if (out != nullptr) out[0] = toks[0].hash;
    }
    if (out != nullptr) {
      for (size_t k = 1; k < count; ++k) {
        step(toks[k], 1);
        out[k] = toks[k].hash;
      }
    } else {
      for (size_t k = 1; k < count; ++k) step(toks[k], 1);
    }
    const uint32_t plain = static_cast<uint32_t>((counts >> 16) & 0xFFFF) - names;
    counts &= ~(uint64_t{0xFFFF} << 16);
    t.has_title = (counts >> 32) > 0;
    // A line with the title in it keeps its shape even when every other word is a name ("Home »
    // Politics » <title>", "<title> | The Harbor Ledger").
    t.cross_key = plain > 0 || t.has_title ? Mix64(cross) | 1 : 0;
    t.cross_words = plain;
  } else {
    for (size_t k = 0; k < count; ++k) {
      const Tok& tok = toks[k];
      key = (key ^ tok.hash) * 0x9E3779B97F4A7C15ULL;
      counts += (kCounts >> static_cast<unsigned>(tok.kind)) & kCountBits;
      if (out != nullptr) out[k] = tok.hash;
    }
    t.has_title = (counts >> 32) > 0;
  }
  t.words = static_cast<uint32_t>(counts);
  t.tokens = static_cast<uint32_t>(count);
  t.key = Mix64(key);
  t.pure_title = t.has_title && t.words == 0;
  if (display != nullptr) {
    display->clear();
    for (size_t k = 0; k < count; ++k) {
      const Tok& tok = toks[k];
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

void MaskTokens(std::string_view unit, const TitleMask& title, std::vector<MaskedToken>* out) {
  thread_local std::vector<Tok> store;
  thread_local UnitWords unused;
  out->clear();
  Tok* toks = TokRoom(&store, unit.size());
  size_t first;
  size_t count = TokenizeFast<true>(unit, false, toks, &unused, &first);
  count = MaskDates(toks, count, first);
  count = MaskTitle(title, toks, count);
  for (size_t k = 0; k < count; ++k) {
    const Tok& tok = toks[k];
    const bool word = tok.kind == TokKind::kWord || tok.kind == TokKind::kDateAbbr || tok.kind == TokKind::kClockUnit;
    out->push_back({tok.hash, tok.begin, tok.end, tok.cap, word, tok.kind == TokKind::kTitle});
  }
}

uint64_t MaskedTokens::Key(uint64_t fold) { return Mix64(fold); }
uint64_t MaskedTokens::CrossKey(uint64_t fold) { return Mix64(fold) | 1; }
uint64_t MaskedTokens::NameMask() { return kNameMask; }

}  // namespace neardup::boilerplate_internal
