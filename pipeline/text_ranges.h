// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The parts of a text that take part in signatures and passages: the code point ranges between
// boilerplate spans, and their byte offsets for tokenizing them piece by piece.

#ifndef NEARDUP_PIPELINE_TEXT_RANGES_H_
#define NEARDUP_PIPELINE_TEXT_RANGES_H_

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "kernels/code_points.h"

namespace neardup {

using CodePointRange = std::pair<uint32_t, uint32_t>;  ///< [start, end) in code points

// The complement of `removed` (sorted, non-overlapping) within [0, length), empty ranges left out.
template <typename Span>
std::vector<CodePointRange> KeptRanges(uint32_t length, const std::vector<Span>& removed) {
  std::vector<CodePointRange> kept;
  uint32_t at = 0;
  for (const Span& s : removed) {
    if (s.start > at) kept.emplace_back(at, s.start);
    if (s.end > at) at = s.end;
  }
  if (at < length) kept.emplace_back(at, length);
  return kept;
}

// A piece of a valid UTF-8 text: its bytes and the code point offset where it starts.
struct TextPiece {
  std::string_view bytes;
  uint32_t cp_start;
};

// Calls fn(std::string_view) with each piece of valid UTF-8 `text` outside the code point spans `removed`
// (sorted, non-overlapping), in order, in one pass over the text; a piece may be empty.
template <typename Span, typename Fn>
void ForEachKeptPiece(std::string_view text, const std::vector<Span>& removed, Fn fn) {
  Utf8Position at;
  size_t kept_from = 0;
  for (const Span& s : removed) {
    AdvanceToCodePoint(text, s.start, &at);
    fn(text.substr(kept_from, at.byte - kept_from));
    AdvanceToCodePoint(text, s.end, &at);
    kept_from = at.byte;
  }
  fn(text.substr(kept_from));
}

// The pieces of `text` covered by `ranges` (code points, sorted), found in one pass over the text.
void PiecesOf(std::string_view text, const std::vector<CodePointRange>& ranges, std::vector<TextPiece>* pieces);

}  // namespace neardup

#endif  // NEARDUP_PIPELINE_TEXT_RANGES_H_
