// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "datasets/gen/text_util.h"

#include <cmath>

#include "datasets/gen/rng.h"

namespace neardup::datagen {

char32_t NextCodePoint(std::string_view s, size_t* i) {
  const unsigned char c = static_cast<unsigned char>(s[*i]);
  if (c < 0x80) {
    *i += 1;
    return c;
  }
  int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (int k = 1; k < len && *i + k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  }
  *i += len;
  return cp;
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

char32_t LowerCodePoint(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp >= 0x100 && cp <= 0x17F) {
    // Latin Extended-A pairs: upper case on even code points, except in 0139–0148 and 0179–017E where
    // the pairs start on odd ones. 0130/0131 (dotted/dotless i), 0138 and 0149 have no simple pair.
    if (cp == 0x130 || cp == 0x131 || cp == 0x138 || cp == 0x149 || cp == 0x17F) return cp;
    const bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    const bool is_upper = odd_upper ? (cp & 1) : !(cp & 1);
    if (cp == 0x178) return 0xFF;
    return is_upper ? cp + 1 : cp;
  }
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  return cp;
}

char32_t UpperCodePoint(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
  if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) return cp - 0x20;
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x130 || cp == 0x131 || cp == 0x138 || cp == 0x149 || cp == 0x17F) return cp;
    const bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    const bool is_upper = odd_upper ? (cp & 1) : !(cp & 1);
    if (cp == 0x178) return cp;
    return is_upper ? cp : cp - 1;
  }
  if (cp >= 0x430 && cp <= 0x44F) return cp - 0x20;
  if (cp >= 0x450 && cp <= 0x45F) return cp - 0x50;
  return cp;
}

void AppendLower(std::string_view s, std::string* out) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      ++i;
    } else {
      AppendUtf8(LowerCodePoint(NextCodePoint(s, &i)), out);
    }
  }
}

void AppendUpper(std::string_view s, std::string* out) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out->push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
      ++i;
    } else {
      AppendUtf8(UpperCodePoint(NextCodePoint(s, &i)), out);
    }
  }
}

void AppendCapitalized(std::string_view s, std::string* out) {
  if (s.empty()) return;
  size_t i = 0;
  AppendUtf8(UpperCodePoint(NextCodePoint(s, &i)), out);
  out->append(s.substr(i));
}

uint64_t WordKey(std::string_view word) {
  // FNV-1a over the folded bytes, then a strong finalizer.
  uint64_t h = 0xCBF29CE484222325ULL;
  auto feed = [&h](unsigned char b) {
    h ^= b;
    h *= 0x100000001B3ULL;
  };
  for (size_t i = 0; i < word.size();) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      feed(c >= 'A' && c <= 'Z' ? c + 32 : c);
      ++i;
      continue;
    }
    char32_t cp = NextCodePoint(word, &i);
    cp = cp == 0x2019 ? U'\'' : LowerCodePoint(cp);
    std::string tmp;
    AppendUtf8(cp, &tmp);
    for (char b : tmp) feed(static_cast<unsigned char>(b));
  }
  const uint64_t key = Mix64(h);
  return key == 0 ? 1 : key;
}

namespace {

constexpr char kHex[] = "0123456789abcdef";

void AppendU16Escape(uint32_t unit, std::string* out) {
  out->append("\\u");
  out->push_back(kHex[(unit >> 12) & 0xF]);
  out->push_back(kHex[(unit >> 8) & 0xF]);
  out->push_back(kHex[(unit >> 4) & 0xF]);
  out->push_back(kHex[unit & 0xF]);
}

}  // namespace

void AppendJsonString(std::string_view s, JsonEscape escape, std::string* out) {
  out->push_back('"');
  size_t run = 0;  // start of the pending run of bytes that need no escaping
  const bool ascii_only = escape != JsonEscape::kUtf8;
  const bool slash = escape == JsonEscape::kAsciiSlash;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const bool plain =
        c >= 0x20 && c != '"' && c != '\\' && !(slash && c == '/') && !(ascii_only && c >= 0x80);
    if (plain) {
      ++i;
      continue;
    }
    out->append(s.data() + run, i - run);
    if (c >= 0x80) {
      const char32_t cp = NextCodePoint(s, &i);
      if (cp >= 0x10000) {
        const uint32_t v = cp - 0x10000;
        AppendU16Escape(0xD800 + (v >> 10), out);
        AppendU16Escape(0xDC00 + (v & 0x3FF), out);
      } else {
        AppendU16Escape(cp, out);
      }
      run = i;
      continue;
    }
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '/':
        out->append("\\/");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default:
        AppendU16Escape(c, out);
    }
    ++i;
    run = i;
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

void AppendUint(uint64_t v, std::string* out) {
  char buf[24];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n > 0) out->push_back(buf[--n]);
}

void AppendPadded(uint64_t v, int width, std::string* out) {
  char buf[24];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  for (int k = n; k < width; ++k) out->push_back('0');
  while (n > 0) out->push_back(buf[--n]);
}

void AppendFixed4(double v, std::string* out) {
  if (!(v > 0)) v = 0;
  if (v > 1) v = 1;
  // v * 10000 + 0.5 is exact enough: the inputs are ratios of integers below 2^32, and floor is exact.
  const uint64_t scaled = static_cast<uint64_t>(std::floor(v * 10000.0 + 0.5));
  AppendUint(scaled / 10000, out);
  out->push_back('.');
  uint64_t frac = scaled % 10000;
  if (frac == 0) {
    out->push_back('0');
    return;
  }
  int width = 4;
  while (frac % 10 == 0) {
    frac /= 10;
    --width;
  }
  AppendPadded(frac, width, out);
}

}  // namespace neardup::datagen
