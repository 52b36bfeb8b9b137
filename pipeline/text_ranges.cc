// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "pipeline/text_ranges.h"

namespace neardup {

void PiecesOf(std::string_view text, const std::vector<CodePointRange>& ranges, std::vector<TextPiece>* pieces) {
  pieces->clear();
  Utf8Position at;
  for (const CodePointRange& r : ranges) {
    AdvanceToCodePoint(text, r.first, &at);
    const size_t begin = at.byte;
    AdvanceToCodePoint(text, r.second, &at);
    pieces->push_back({text.substr(begin, at.byte - begin), r.first});
  }
}

}  // namespace neardup
