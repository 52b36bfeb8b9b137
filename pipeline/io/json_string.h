// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// JSON token checks of the input layer. UnescapeJsonString and AppendJsonString are declared in
// reader.h.

#ifndef NEARDUP_PIPELINE_IO_JSON_STRING_H_
#define NEARDUP_PIPELINE_IO_JSON_STRING_H_

#include <string_view>

namespace neardup {

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
