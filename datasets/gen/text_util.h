// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Small UTF-8 helpers for the generator: case mapping for the scripts the generator writes, the word
// key the generator steers Jaccard with, and JSON string escaping in the styles real exporters use.

#ifndef NEARDUP_DATASETS_GEN_TEXT_UTIL_H_
#define NEARDUP_DATASETS_GEN_TEXT_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/io/utf8.h"

namespace neardup::datagen {

using ::neardup::AppendUtf8;  // the project's own, pipeline/io/utf8.h

// Decodes the code point starting at s[*i] and advances *i past it. `s` must be valid UTF-8 (all
// generator text is).
char32_t NextCodePoint(std::string_view s, size_t* i);

size_t CountCodePoints(std::string_view s);

// Simple (one-to-one) case mapping for ASCII, Latin-1, Latin Extended-A and basic Cyrillic; other code
// points map to themselves. The generator's vocabulary only uses letters whose Unicode full case
// folding equals this lowercase mapping (no ß, ſ, µ, İ, ı), so these keys agree with neardup's
// NFKC + case-folding normalization.
char32_t LowerCodePoint(char32_t cp);
char32_t UpperCodePoint(char32_t cp);

void AppendLower(std::string_view s, std::string* out);
void AppendUpper(std::string_view s, std::string* out);
// Appends `s` with its first code point upper-cased.
void AppendCapitalized(std::string_view s, std::string* out);

// The generator's word key: the word lower-cased, with the curly apostrophe U+2019 folded to U+0027,
// hashed to 64 bits. Two renderings of one word (any case, either apostrophe) share a key, as they
// share a normalized form in neardup. Never returns 0 (0 marks "not a word").
uint64_t WordKey(std::string_view word);

// How JSON strings are escaped. Real corpora come from different exporters: raw UTF-8 (Go, Rust,
// simdjson), \uXXXX for everything outside ASCII (Python's json.dumps default), and the same plus "\/"
// (PHP's json_encode default). Readers must give the same text for all three.
enum class JsonEscape : uint8_t {
  kUtf8,
  kAscii,
  kAsciiSlash,
};

// Appends `s` (valid UTF-8) as a quoted JSON string.
void AppendJsonString(std::string_view s, JsonEscape escape, std::string* out);

// Appends the decimal digits of v.
void AppendUint(uint64_t v, std::string* out);
// Appends v zero-padded to `width` digits.
void AppendPadded(uint64_t v, int width, std::string* out);
// Appends a ratio in [0, 1] rounded half-up to 4 decimals, e.g. "0.8125" or "1.0". Computed from
// integers, so it is the same on every machine.
void AppendFixed4(double v, std::string* out);

}  // namespace neardup::datagen

#endif  // NEARDUP_DATASETS_GEN_TEXT_UTIL_H_
