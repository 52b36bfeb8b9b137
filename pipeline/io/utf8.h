// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// UTF-8 helpers of the input layer. RepairUtf8 itself is declared in reader.h.

#ifndef NEARDUP_PIPELINE_IO_UTF8_H_
#define NEARDUP_PIPELINE_IO_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace neardup {

// Appends code point `c` (at most U+10FFFF, not a surrogate) as UTF-8.
inline void AppendUtf8(char32_t c, std::string* out) {
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

// True when `s` is well-formed UTF-8 (no surrogates, no overlongs, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Repairs `*s` in place like RepairUtf8 and returns the number of U+FFFD inserted. When the string
// is already valid it is left untouched (no copy). Afterwards the string's capacity is at least
// size() + `min_slack`, so that callers needing parser padding keep it across a repair.
size_t RepairUtf8InPlace(std::string* s, size_t min_slack);

// Whitespace as Python's str.isspace() sees it: ASCII \t \n \v \f \r, U+001C..U+001F, space, and
// U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
// Returns `s` without leading and trailing whitespace. `s` must be valid UTF-8.
std::string_view TrimSpace(std::string_view s);

// The first line of `text` (lines end at '\n' or '\r') that is not empty after TrimSpace, trimmed;
// empty if there is none. `text` must be valid UTF-8.
std::string_view FirstNonEmptyLine(std::string_view text);

}  // namespace neardup

#endif  // NEARDUP_PIPELINE_IO_UTF8_H_
