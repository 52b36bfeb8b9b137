// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The units boilerplate is decided on, and the masked templates they are counted by.
//
// A unit is a line, or, in a text without line breaks, a sentence. Every byte of a text belongs to
// exactly one unit's region, so spans built from whole units cover line endings and the space between
// sentences, and removing them leaves no stray separators.
//
// A unit's template is its words, case-folded, with what varies between two copies of one piece of
// site furniture masked: every number (years, dates, times, counters), month and day names, the units
// and clock words that follow a number ("3 hours ago", "10:45 am"), and the document's own title.
// Punctuation and spacing are ignored. So "© 2024 The Harbor Ledger." and "(c) 2025 the Harbor Ledger"
// give one template, and so do "Home » News » <any title>" for every article of a site.

#ifndef NEARDUP_PIPELINE_BOILERPLATE_TEMPLATES_H_
#define NEARDUP_PIPELINE_BOILERPLATE_TEMPLATES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace neardup::boilerplate_internal {

// One unit of a text, in bytes.
struct Unit {
  uint32_t region_begin;  ///< the bytes the unit owns: its line with the line ending, or its sentence
  uint32_t region_end;    ///<   with the whitespace after it (the first unit also owns leading space)
  uint32_t text_begin;    ///< the unit's text without surrounding whitespace (empty for a blank line)
  uint32_t text_end;
  bool blank() const { return text_begin == text_end; }
};

// Splits `text` into units. Lines end at "\n", "\r\n" or "\r". A text whose only line breaks are at its
// end is split into sentences instead (*sentence_mode = true): a sentence ends after '.', '!', '?' or
// '…' (and any closing quotes or brackets) followed by whitespace and a character that is not a
// lower-case letter. `text` must be valid UTF-8 and shorter than 4 GiB.
std::vector<Unit> SplitUnits(std::string_view text, bool* sentence_mode);

// Splits one line into sentences (same rule as above); offsets relative to `line`.
std::vector<Unit> SplitSentences(std::string_view line);

// The title as the masker looks for it: the token sequences of the whole title and, when the title is
// made of segments ("Headline | Site", "Section » Headline"), of its longest segment. Sequences shorter
// than kMinTitleTokens are not used (a one-word title would mask that word everywhere).
class TitleMask {
 public:
  static constexpr size_t kMinTitleTokens = 3;

  TitleMask() = default;
  explicit TitleMask(std::string_view title);

  const std::vector<std::vector<uint64_t>>& variants() const { return variants_; }

 private:
  std::vector<std::vector<uint64_t>> variants_;
};

// A unit's template.
struct Template {
  uint64_t key = 0;         ///< hash of the masked token sequence; equal templates have equal keys
  uint32_t tokens = 0;      ///< tokens after masking (a run of masked tokens counts as one)
  uint32_t words = 0;       ///< tokens that are words (not masks, not symbols)
  bool has_title = false;   ///< the title was masked in it
  bool pure_title = false;  ///< nothing but the title (and masks or symbols): a headline, never furniture
};

// Computes the template of `unit` (UTF-8). When `display` is not null it receives the masked form,
// tokens joined by spaces, masks written "<n>" and "<title>" (the `pattern` of boilerplate.jsonl).
Template MaskUnit(std::string_view unit, const TitleMask& title, std::string* display = nullptr);

}  // namespace neardup::boilerplate_internal

#endif  // NEARDUP_PIPELINE_BOILERPLATE_TEMPLATES_H_
