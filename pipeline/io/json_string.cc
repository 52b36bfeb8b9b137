// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "pipeline/io/json_string.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "pipeline/io/reader.h"
#include "pipeline/io/utf8.h"

namespace neardup {
namespace {

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighs = 0x8080808080808080ULL;

// Nonzero when one of the 8 bytes of `w` is '"', '\\' or below 0x20. Each test is the classic
// "has a zero byte" / "has a byte less than n" bit trick, exact about whether any byte matches.
inline uint64_t SpecialBytes(uint64_t w) {
  const uint64_t quote = w ^ (kOnes * '"');
  const uint64_t backslash = w ^ (kOnes * '\\');
  return (((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash) | ((w - kOnes * 0x20) & ~w)) &
         kHighs;
}

inline bool IsSpecial(unsigned char c) { return c == '"' || c == '\\' || c < 0x20; }

// The first byte in [p, end) that is '"', '\\' or a control character, or end. Strings in corpora are
// long runs of plain text, so they are skipped 16 bytes at a time with SSE2 (part of the x86-64
// baseline), else 8 at a time with the bit tricks above.
#if defined(__SSE2__)
// Bit i set when byte i of `v` is '"', '\\' or a control character (IsSpecial).
inline int SpecialMask(__m128i v) {
  const __m128i max_control = _mm_set1_epi8(0x1F);
  // Unsigned v <= 0x1F exactly when max(v, 0x1F) == 0x1F.
  const __m128i hits = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
      _mm_cmpeq_epi8(_mm_max_epu8(v, max_control), max_control));
  return _mm_movemask_epi8(hits);
}
#endif

const char* FindSpecial(const char* p, const char* end) {
#if defined(__SSE2__)
  while (end - p >= 16) {
    const int mask = SpecialMask(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
    if (mask != 0) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  while (end - p >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    if (SpecialBytes(w) != 0) break;
    p += 8;
  }
  while (p < end && !IsSpecial(static_cast<unsigned char>(*p))) ++p;
  return p;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Parses the 4 hex digits at p (p + 4 <= end is checked by the caller); -1 if they are not hex.
int32_t Hex4(const char* p) {
  int32_t v = 0;
  for (int i = 0; i < 4; ++i) {
    const int h = HexValue(p[i]);
    if (h < 0) return -1;
    v = (v << 4) | h;
  }
  return v;
}

// Validates a string token without decoding it; accepts exactly what DecodeJsonString accepts.
bool ScanString(std::string_view token) {
  if (token.size() < 2 || token.front() != '"' || token.back() != '"') return false;
  const char* p = token.data() + 1;
  const char* const end = token.data() + token.size() - 1;
  while (p < end) {
    const char* q = FindSpecial(p, end);
    if (q == end) break;
    if (*q != '\\') return false;   // an unescaped '"' or a raw control character inside
    if (end - q < 2) return false;  // the closing quote is escaped
    p = q + 2;
    switch (q[1]) {
      case '"':
      case '\\':
      case '/':
      case 'b':
      case 'f':
      case 'n':
      case 'r':
      case 't':
        continue;
      case 'u':
        // Any four hex digits: a lone surrogate is valid JSON (it decodes to U+FFFD).
        if (end - p < 4 || Hex4(p) < 0) return false;
        p += 4;
        continue;
      default:
        return false;
    }
  }
  return true;
}

// Writes code point `c` (at most U+10FFFF, not a surrogate) as UTF-8 at `out`; returns its length.
inline size_t PutUtf8(char32_t c, char* out) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

bool HasUppercaseHex(const char* p) {
  for (int i = 0; i < 4; ++i) {
    if (p[i] >= 'A' && p[i] <= 'F') return true;
  }
  return false;
}

// Which styles can have written the escape \u + the 4 hex digits at p, of code unit `unit` (not part of
// a surrogate pair): clears *minimal unless AppendJsonString writes it so, *ascii unless
// AppendJsonStringAscii does.
inline void CheckUnicodeEscape(const char* p, int32_t unit, bool* minimal, bool* ascii) {
  if (HasUppercaseHex(p) || unit == '\b' || unit == '\t' || unit == '\n' || unit == '\f' || unit == '\r' ||
      (unit >= 0x20 && unit < 0x7F) || (unit >= 0xD800 && unit <= 0xDFFF)) {
    *minimal = *ascii = false;  // a short escape exists, the character is printable ASCII, or lone surrogate
  } else if (unit >= 0x7F) {
    *minimal = false;  // AppendJsonString writes the character itself
  }
}

// The first byte in [p, end) that AppendJsonStringAscii escapes ('"', '\\', control, DEL, non-ASCII).
const char* FindSpecialOrNonAscii(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i max_control = _mm_set1_epi8(0x1F);
  const __m128i del = _mm_set1_epi8(0x7F);
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hits = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
        _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, max_control), max_control),
                     _mm_cmpeq_epi8(_mm_max_epu8(v, del), v)));
    const int mask = _mm_movemask_epi8(hits);
    if (mask != 0) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  while (p < end && !IsSpecial(static_cast<unsigned char>(*p)) && static_cast<unsigned char>(*p) < 0x7F) ++p;
  return p;
}

// Whether a byte of [p, end) is DEL or beyond ASCII.
bool HasRawNonAscii(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i del = _mm_set1_epi8(0x7F);
  __m128i found = _mm_setzero_si128();
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    found = _mm_or_si128(found, _mm_cmpeq_epi8(_mm_max_epu8(v, del), v));
    p += 16;
  }
  if (_mm_movemask_epi8(found) != 0) return true;
#endif
  for (; p < end; ++p) {
    if (static_cast<unsigned char>(*p) >= 0x7F) return true;
  }
  return false;
}

void AppendUnicodeEscape(uint32_t unit, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  const char escaped[6] = {'\\', 'u', kHex[(unit >> 12) & 0xF], kHex[(unit >> 8) & 0xF], kHex[(unit >> 4) & 0xF],
                           kHex[unit & 0xF]};
  out->append(escaped, 6);
}

// What AppendJsonString writes for the ASCII bytes it escapes ('"', '\\', control characters): the
// escape's bytes, padded so that six can always be copied, and its length.
struct ShortEscape {
  char bytes[6];
  uint8_t size;
};

constexpr ShortEscape MakeShortEscape(unsigned char c) {
  constexpr char kHex[] = "0123456789abcdef";
  switch (c) {
    case '"':
      return {{'\\', '"'}, 2};
    case '\\':
      return {{'\\', '\\'}, 2};
    case '\n':
      return {{'\\', 'n'}, 2};
    case '\r':
      return {{'\\', 'r'}, 2};
    case '\t':
      return {{'\\', 't'}, 2};
    case '\b':
      return {{'\\', 'b'}, 2};
    case '\f':
      return {{'\\', 'f'}, 2};
    default:
      return {{'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]}, 6};
  }
}

// Indexed by the byte for control characters; '"' and '\\' take the two entries after them.
struct ShortEscapeTable {
  ShortEscape entries[0x22];
  constexpr ShortEscapeTable() : entries() {
    for (unsigned c = 0; c < 0x20; ++c) entries[c] = MakeShortEscape(static_cast<unsigned char>(c));
    entries[0x20] = MakeShortEscape('"');
    entries[0x21] = MakeShortEscape('\\');
  }
};
constexpr ShortEscapeTable kShortEscapes;

// Writes the escape of `c` ('"', '\\' or a control character) at `o`, which has room for 6 bytes.
inline char* PutShortEscape(unsigned char c, char* o) {
  const ShortEscape& e = kShortEscapes.entries[c < 0x20 ? c : c == '"' ? 0x20 : 0x21];
  std::memcpy(o, e.bytes, sizeof(e.bytes));
  return o + e.size;
}

// Appends the escape of ASCII byte c ('"', '\\' or a control character) as AppendJsonString writes it.
void AppendShortEscape(unsigned char c, std::string* out) {
  char escaped[6];
  out->append(escaped, static_cast<size_t>(PutShortEscape(c, escaped) - escaped));
}

// AppendJsonEscaped, with the quotes around it when `quotes`. The escaped text is built in a window on
// the stack and appended to *out a window at a time: plain bytes are copied into it 16 at a time
// whatever follows them (as DecodeJsonString does), an escape overwrites what was copied past the
// plain ones, and *out grows once per window instead of twice per escape. Texts have an escape every
// line (about every 80 bytes of the corpora), where the two appends per escape cost more than the
// scan.
void EscapeJson(std::string_view s, bool quotes, std::string* out) {
  constexpr size_t kWindow = 4096;
  // A step of the loop below writes at most 21 bytes (a block of 16, or up to 15 plain bytes and an
  // escape of 6), so a step starts only with that much room.
  constexpr size_t kStep = 21;
  char window[kWindow];
  char* o = window;
  char* const limit = window + kWindow - kStep;
  const char* p = s.data();
  const char* const end = p + s.size();
  if (quotes) *o++ = '"';
  while (p < end) {
    if (o > limit) {
      out->append(window, static_cast<size_t>(o - window));
      o = window;
    }
#if defined(__SSE2__)
    if (end - p >= 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(o), v);
      const int mask = SpecialMask(v);
      if (mask == 0) {
        p += 16;
        o += 16;
        continue;
      }
      const int k = __builtin_ctz(static_cast<unsigned>(mask));
      o = PutShortEscape(static_cast<unsigned char>(p[k]), o + k);
      p += k + 1;
      continue;
    }
#endif
    const auto c = static_cast<unsigned char>(*p++);
    if (IsSpecial(c)) {
      o = PutShortEscape(c, o);
    } else {
      *o++ = static_cast<char>(c);
    }
  }
  if (quotes) {
    if (o == window + kWindow) {
      out->append(window, kWindow);
      o = window;
    }
    *o++ = '"';
  }
  out->append(window, static_cast<size_t>(o - window));
}

}  // namespace

size_t DecodeJsonString(const char* in, size_t size, char* out, uint32_t* replacements, JsonEscaping* escaping) {
  constexpr size_t kInvalid = SIZE_MAX;
  const char* p = in;
  const char* const end = in + size;
  char* o = out;
  bool minimal = true;  // escaped as AppendJsonString does
  bool ascii = true;    // escaped as AppendJsonStringAscii does, as far as the escapes tell
  uint32_t lone = 0;
  while (true) {
    // Plain bytes are copied ahead a block at a time, whatever follows them; `o` then advances only
    // over the plain ones, and an escape overwrites the rest.
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i max_control = _mm_set1_epi8(0x1F);
    while (end - p >= 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(o), v);
      const __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                        _mm_cmpeq_epi8(_mm_max_epu8(v, max_control), max_control));
      const int mask = _mm_movemask_epi8(hits);
      if (mask != 0) {
        const int k = __builtin_ctz(static_cast<unsigned>(mask));
        p += k;
        o += k;
        break;
      }
      p += 16;
      o += 16;
    }
#endif
    while (p < end && !IsSpecial(static_cast<unsigned char>(*p))) *o++ = *p++;
    if (p == end) break;
    if (*p != '\\') return kInvalid;  // an unescaped '"' or a raw control character inside
    if (end - p < 2) return kInvalid;  // the closing quote is escaped
    const char e = p[1];
    p += 2;
    char simple = 0;
    switch (e) {
      case '"':
        simple = '"';
        break;
      case '\\':
        simple = '\\';
        break;
      case '/':
        simple = '/';
        minimal = ascii = false;
        break;
      case 'b':
        simple = '\b';
        break;
      case 'f':
        simple = '\f';
        break;
      case 'n':
        simple = '\n';
        break;
      case 'r':
        simple = '\r';
        break;
      case 't':
        simple = '\t';
        break;
      case 'u':
        break;
      default:
        return kInvalid;
    }
    if (simple != 0) {
      *o++ = simple;
      continue;
    }
    if (end - p < 4) return kInvalid;
    const int32_t unit = Hex4(p);
    if (unit < 0) return kInvalid;
    const char* const digits = p;
    p += 4;
    char32_t code_point = static_cast<char32_t>(unit);
    if (unit >= 0xD800 && unit <= 0xDFFF) {
      // Only a high surrogate directly followed by an escaped low one is a character; anything else
      // is a lone surrogate, which has no UTF-8 form and becomes U+FFFD. The unit after a lone high
      // surrogate is left for the next round, so "\ud800\ud800\udc00" keeps its valid pair.
      int32_t low = -1;
      if (unit <= 0xDBFF && end - p >= 6 && p[0] == '\\' && p[1] == 'u') low = Hex4(p + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        code_point = 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) + (low - 0xDC00);
        minimal = false;
        if (HasUppercaseHex(digits) || HasUppercaseHex(p + 2)) ascii = false;
        p += 6;
      } else {
        code_point = 0xFFFD;
        ++lone;
        minimal = ascii = false;
      }
    } else {
      CheckUnicodeEscape(digits, unit, &minimal, &ascii);
    }
    o += PutUtf8(code_point, o);
  }
  if (replacements != nullptr) *replacements += lone;
  if (escaping != nullptr) {
    // In the ASCII style, DEL and everything beyond ASCII is escaped: none may be in the token as is.
    if (!minimal && ascii) ascii = !HasRawNonAscii(in, end);
    *escaping = minimal ? JsonEscaping::kMinimal : ascii ? JsonEscaping::kAscii : JsonEscaping::kOther;
  }
  return static_cast<size_t>(o - out);
}

bool UnescapeJsonString(std::string_view token, std::string* out, uint32_t* replacements) {
  out->clear();
  if (token.size() < 2 || token.front() != '"' || token.back() != '"') return false;
  out->resize(token.size() + kDecodeSlack);
  const size_t n = DecodeJsonString(token.data() + 1, token.size() - 2, out->data(), replacements, nullptr);
  if (n == SIZE_MAX) {
    out->clear();
    return false;
  }
  out->resize(n);
  return true;
}
bool IsJsonString(std::string_view token) { return ScanString(token); }

void AppendJsonEscaped(std::string_view s, std::string* out) { EscapeJson(s, false, out); }

void AppendJsonString(std::string_view s, std::string* out) { EscapeJson(s, true, out); }

void AppendJsonStringAscii(std::string_view s, std::string* out) {
  out->reserve(out->size() + s.size() + 2);
  out->push_back('"');
  const char* p = s.data();
  const char* const end = s.data() + s.size();
  while (p < end) {
    const char* q = FindSpecialOrNonAscii(p, end);
    out->append(p, q - p);
    if (q == end) break;
    const auto c = static_cast<unsigned char>(*q);
    if (c < 0x7F) {
      AppendShortEscape(c, out);
      p = q + 1;
      continue;
    }
    size_t len = 1;
    uint32_t code_point = c;
    if (c >= 0xF0) {
      len = 4;
      code_point = ((c & 0x07u) << 18) | ((q[1] & 0x3Fu) << 12) | ((q[2] & 0x3Fu) << 6) | (q[3] & 0x3Fu);
    } else if (c >= 0xE0) {
      len = 3;
      code_point = ((c & 0x0Fu) << 12) | ((q[1] & 0x3Fu) << 6) | (q[2] & 0x3Fu);
    } else if (c >= 0xC0) {
      len = 2;
      code_point = ((c & 0x1Fu) << 6) | (q[1] & 0x3Fu);
    }
    if (code_point >= 0x10000) {
      code_point -= 0x10000;
      AppendUnicodeEscape(0xD800 + (code_point >> 10), out);
      AppendUnicodeEscape(0xDC00 + (code_point & 0x3FF), out);
    } else {
      AppendUnicodeEscape(code_point, out);
    }
    p = q + len;
  }
  out->push_back('"');
}

bool IsJsonNumber(std::string_view t) {
  size_t i = 0;
  const size_t n = t.size();
  auto digit = [&](size_t k) { return k < n && t[k] >= '0' && t[k] <= '9'; };
  if (i < n && t[i] == '-') ++i;
  if (!digit(i)) return false;
  if (t[i] == '0') {
    ++i;
  } else {
    while (digit(i)) ++i;
  }
  if (i < n && t[i] == '.') {
    ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  if (i < n && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < n && (t[i] == '+' || t[i] == '-')) ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  return i == n;
}

bool IsJsonInteger(std::string_view t) {
  return IsJsonNumber(t) && t.find_first_of(".eE") == std::string_view::npos;
}

std::string_view TrimJsonWhitespace(std::string_view token) {
  size_t n = token.size();
  while (n > 0 &&
         (token[n - 1] == ' ' || token[n - 1] == '\t' || token[n - 1] == '\n' || token[n - 1] == '\r')) {
    --n;
  }
  return token.substr(0, n);
}

}  // namespace neardup
