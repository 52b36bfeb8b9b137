// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// JSON token checks of the input layer. UnescapeJsonString and AppendJsonString are declared in
// reader.h.

#ifndef NEARDUP_PIPELINE_IO_JSON_STRING_H_
#define NEARDUP_PIPELINE_IO_JSON_STRING_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pipeline/io/reader.h"

namespace neardup {

// Bytes DecodeJsonString may write past the end of the decoded text (it copies ahead in blocks).
constexpr size_t kDecodeSlack = 16;

// Decodes the body of a JSON string token — the `size` bytes at `in` between its quotes — into `out`,
// which must have room for size + kDecodeSlack bytes (the decoded text is never longer than the body).
// Returns the decoded size, or SIZE_MAX when the body is not that of a valid JSON string (see
// UnescapeJsonString). Escaped lone surrogates become U+FFFD and are counted in *replacements.
// *escaping, when not null, is set to the style that gives back exactly the token from the decoded
// text: kMinimal when AppendJsonString does, else kAscii when AppendJsonStringAscii does, else kOther.
size_t DecodeJsonString(const char* in, size_t size, char* out, uint32_t* replacements, JsonEscaping* escaping);

// True when `token` (with its quotes) is a JSON string per RFC 8259: no raw control character, only
// the escapes \" \\ \/ \b \f \n \r \t \uXXXX. Escaped lone surrogates are accepted, as JSON's grammar
// does. The bytes between the escapes are not checked for UTF-8 (the reader repairs lines first).
bool IsJsonString(std::string_view token);

// True when `token` matches RFC 8259's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool IsJsonNumber(std::string_view token);

// True when `token` is a JSON number without fraction or exponent (any number of digits).
bool IsJsonInteger(std::string_view token);

// `token` without trailing JSON whitespace (space, \t, \n, \r).
std::string_view TrimJsonWhitespace(std::string_view token);

}  // namespace neardup

#endif  // NEARDUP_PIPELINE_IO_JSON_STRING_H_
