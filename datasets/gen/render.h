// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Rendering an Article to the text of a JSONL record. The renderer decides everything that changes the
// characters but not the words: quote and apostrophe glyphs, dash style, spacing, non-breaking spaces,
// hard line wrapping, paragraph separators, CRLF, and case. Contract: the words a UAX #29 segmenter
// finds in the rendered text are exactly AppendWordKeys(article, style.headline_in_text,
// style.dateline), in order (up to case and apostrophe folding).

#ifndef NEARDUP_DATASETS_GEN_RENDER_H_
#define NEARDUP_DATASETS_GEN_RENDER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "datasets/gen/lexicon.h"
#include "datasets/gen/story.h"

namespace neardup::datagen {

enum class QuoteStyle : uint8_t {
  kCurly,             // “ ” ‘ ’
  kStraight,          // " '
  kGuillemets,        // « » (Spanish, Russian)
  kGuillemetsSpaced,  // « » with U+00A0 inside (French typography)
};

enum class DashStyle : uint8_t {
  kEmSpaced,      // "a — b"
  kEmTight,       // "a—b"
  kEnSpaced,      // "a – b"
  kDoubleHyphen,  // "a -- b"
};

enum class CaseEdit : uint8_t {
  kNone,
  kHeadlineUpper,  // the headline (title and headline line) in capitals
  kLedeUpper,      // the first sentence in capitals, as some wires print it
  kAllLower,       // the whole text lower-cased, as some scrapers store it
};

const char* QuoteStyleName(QuoteStyle q);
const char* CaseEditName(CaseEdit c);

struct TextStyle {
  QuoteStyle quotes = QuoteStyle::kCurly;
  bool curly_apostrophes = true;  ///< ’ inside words (it’s) instead of '
  DashStyle dash = DashStyle::kEmSpaced;
  bool blank_line = true;         ///< paragraphs separated by an empty line ("\n\n"), else by "\n"
  uint16_t wrap = 0;              ///< hard-wrap lines at this many code points; 0: one line per paragraph
  bool crlf = false;              ///< "\r\n" line endings
  bool headline_in_text = false;  ///< the text starts with the headline line
  bool dateline = false;          ///< the first paragraph starts with the dateline
  CaseEdit case_edit = CaseEdit::kNone;
  uint16_t double_space_per_mille = 0;  ///< separators written as two spaces
  uint16_t nbsp_per_mille = 0;          ///< separators written as U+00A0
  bool trailing_spaces = false;         ///< some lines end in spaces or a tab
  bool leading_whitespace = false;      ///< the text starts with a newline or spaces
  uint64_t noise_seed = 0;              ///< seeds the choice of which separators are noisy
};

// Appends the text of `article` rendered in `style` to *out.
void RenderText(const Article& article, const Language& lang, const TextStyle& style, std::string* out);

// Appends the title: the headline in title case (English, when `title_case`) or as written, upper-cased
// when `upper`, followed by `suffix` (e.g. " | The Harbor Ledger").
void RenderTitle(const Article& article, const Language& lang, bool title_case, bool upper, QuoteStyle quotes,
                 std::string_view suffix, std::string* out);

// Appends a URL slug made from the headline: ASCII letters and digits of its words (accents folded),
// joined by '-', at most nine words; "article" when nothing is left (Cyrillic, Han).
void AppendSlug(const Article& article, std::string* out);

}  // namespace neardup::datagen

#endif  // NEARDUP_DATASETS_GEN_RENDER_H_
