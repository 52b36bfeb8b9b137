// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "pipeline/io/utf8.h"

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/io/reader.h"

namespace neardup {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";

// Appends the repair of `in` to `*out` and returns the number of U+FFFD written. This is the
// "maximal subpart" practice of Unicode §3.9 (also WHATWG's decoder and CPython's): a lead byte plus
// the continuation bytes that can still belong to a well-formed sequence are replaced together, and
// decoding restarts at the first byte that cannot, so a stray byte never swallows a valid character.
size_t AppendRepaired(std::string_view in, std::string* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const size_t n = in.size();
  size_t count = 0;
  size_t run_start = 0;  // start of the pending run of valid bytes, copied in one append
  size_t i = 0;
  while (i < n) {
    const unsigned char b = p[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    size_t need = 0;
    unsigned char lo = 0x80;  // allowed range of the first continuation byte
    unsigned char hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
    } else if (b == 0xE0) {
      need = 2;
      lo = 0xA0;  // excludes overlongs
    } else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
      need = 2;
    } else if (b == 0xED) {
      need = 2;
      hi = 0x9F;  // excludes UTF-16 surrogates
    } else if (b == 0xF0) {
      need = 3;
      lo = 0x90;  // excludes overlongs
    } else if (b >= 0xF1 && b <= 0xF3) {
      need = 3;
    } else if (b == 0xF4) {
      need = 3;
      hi = 0x8F;  // excludes code points above U+10FFFF
    }
    size_t j = i + 1;
    if (need > 0) {
      size_t k = 0;
      while (k < need && j < n) {
        const unsigned char c = p[j];
        if (c < (k == 0 ? lo : 0x80) || c > (k == 0 ? hi : 0xBF)) break;
        ++j;
        ++k;
      }
      if (k == need) {
        i = j;
        continue;
      }
    }
    out->append(in.data() + run_start, i - run_start);
    out->append(kReplacement, 3);
    ++count;
    i = j;
    run_start = i;
  }
  out->append(in.data() + run_start, n - run_start);
  return count;
}

// Decodes the code point starting at s[i] of valid UTF-8; sets *len to its byte length.
char32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char b = p[i];
  if (b < 0x80) {
    *len = 1;
    return b;
  }
  if (b < 0xE0) {
    *len = 2;
    return (char32_t{b & 0x1Fu} << 6) | (p[i + 1] & 0x3Fu);
  }
  if (b < 0xF0) {
    *len = 3;
    return (char32_t{b & 0x0Fu} << 12) | (char32_t{p[i + 1] & 0x3Fu} << 6) | (p[i + 2] & 0x3Fu);
  }
  *len = 4;
  return (char32_t{b & 0x07u} << 18) | (char32_t{p[i + 1] & 0x3Fu} << 12) |
         (char32_t{p[i + 2] & 0x3Fu} << 6) | (p[i + 3] & 0x3Fu);
}

bool IsSpace(char32_t c) {
  if (c <= 0x20) return c == 0x20 || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
  if (c < 0x85) return false;
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

}  // namespace

size_t RepairUtf8(std::string_view in, std::string* out) {
  out->clear();
  if (IsValidUtf8(in)) {
    out->assign(in.data(), in.size());
    return 0;
  }
  out->reserve(in.size() + in.size() / 4);
  return AppendRepaired(in, out);
}

bool IsValidUtf8(std::string_view s) { return simdjson::validate_utf8(s.data(), s.size()); }

size_t RepairUtf8InPlace(std::string* s, size_t min_slack) {
  if (!IsValidUtf8(*s)) {
    std::string repaired;
    repaired.reserve(s->size() + s->size() / 4 + min_slack);
    const size_t count = AppendRepaired(*s, &repaired);
    if (repaired.capacity() < repaired.size() + min_slack) repaired.reserve(repaired.size() + min_slack);
    s->swap(repaired);
    return count;
  }
  if (s->capacity() < s->size() + min_slack) s->reserve(s->size() + min_slack);
  return 0;
}

std::string_view TrimSpace(std::string_view s) {
  size_t begin = 0;
  while (begin < s.size()) {
    size_t len = 0;
    if (!IsSpace(DecodeAt(s, begin, &len))) break;
    begin += len;
  }
  size_t end = s.size();
  while (end > begin) {
    size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    size_t len = 0;
    if (!IsSpace(DecodeAt(s, start, &len))) break;
    end = start;
  }
  return s.substr(begin, end - begin);
}

std::string_view FirstNonEmptyLine(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find_first_of("\r\n", pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string_view line = TrimSpace(text.substr(pos, eol - pos));
    if (!line.empty()) return line;
    pos = eol + 1;
  }
  return {};
}

}  // namespace neardup
