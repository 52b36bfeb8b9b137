// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "pipeline/text_ranges.h"

namespace neardup {

void PiecesOf(std::string_view text, const std::vector<CodePointRange>& ranges, std::vector<TextPiece>* pieces) {
  pieces->clear();
  size_t byte = 0;
  uint32_t cp = 0;
  // Advances (byte, cp) to code point `target`: skips lead bytes and their continuation bytes.
  auto advance_to = [&](uint32_t target) {
    while (cp < target && byte < text.size()) {
      ++byte;
      while (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80) ++byte;
      ++cp;
    }
  };
  for (const CodePointRange& r : ranges) {
    advance_to(r.first);
    const size_t begin = byte;
    advance_to(r.second);
    pieces->push_back({text.substr(begin, byte - begin), r.first});
  }
}

}  // namespace neardup
