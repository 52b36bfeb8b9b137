// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Boilerplate: the site furniture around articles (copyright lines, ad-block notices, comment boxes,
// breadcrumbs, bylines, share bars, newsletter and cookie prompts, related links, attribution lead-ins).
// Found two ways, over the whole input before any signature is made:
//  - rules: a built-in, category-named rule set (users add rules with a file and disable them by name),
//    matched in one linear-time pass per line;
//  - repeats: line (or, in text without line breaks, sentence) templates — the unit normalized so that
//    digits, dates, month/day names and the document's own title are masked — counted per source; a
//    template seen in at least min_repeats documents of a source, with the signs of furniture rather
//    than reused content, is boilerplate there.
// A rule match wins over a repeat count when both apply. Spans are code point offsets into the original
// text, half-open; a span covering a whole line includes its line ending, and spans are chosen so that
// removing them leaves tidy paragraphs (no blank holes).

#ifndef NEARDUP_PIPELINE_BOILERPLATE_BOILERPLATE_H_
#define NEARDUP_PIPELINE_BOILERPLATE_BOILERPLATE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "neardup/status.h"

namespace neardup {

// A template recurring in this many distinct articles of a source may be boilerplate there (RULES.md
// says why 3): two is what one article and its republication or update give.
inline constexpr size_t kDefaultBoilerplateMinRepeats = 3;

struct BoilerplateOptions {
  size_t min_repeats = 0;                   ///< 0 = kDefaultBoilerplateMinRepeats
  std::string rules_file;                   ///< extra rules (--rules FILE); empty = none
  std::vector<std::string> disabled_rules;  ///< --disable-rule NAME (a rule or a whole category)
  size_t chunk_docs = 256;                  ///< documents per parallel task
};

// What the boilerplate finder reads of a document.
struct BoilerplateInput {
  std::string_view text;    ///< the original text
  std::string_view title;   ///< the document's title (masked inside its lines)
  std::string_view source;  ///< the site; documents of one source share learned templates
};

struct BoilerplateSpan {
  uint32_t start;    ///< code point offset, inclusive
  uint32_t end;      ///< code point offset, exclusive
  uint32_t reason;   ///< index into BoilerplateResult::reasons ("rule:copyright", "repeated:12")
  uint32_t pattern;  ///< index into BoilerplateResult::patterns
};

// One line of boilerplate.jsonl.
struct BoilerplatePattern {
  std::string pattern;  ///< as matched after masking (a template), or the rule's name/pattern
  std::string example;  ///< one original line
  std::string reason;   ///< "rule:<category>" or "repeated:<n>" (n: documents of the source, largest)
  uint64_t documents = 0;
  uint64_t sources = 0;
};

struct BoilerplateResult {
  std::vector<std::vector<BoilerplateSpan>> spans;  ///< per document: sorted, non-overlapping
  std::vector<std::string> reasons;                 ///< distinct reason strings
  std::vector<BoilerplatePattern> patterns;         ///< sorted by documents desc, then pattern
  uint64_t span_count = 0;
  uint64_t chars_removed = 0;  ///< code points
};

// A compiled rule set. Thread-safe for concurrent matching once built.
class BoilerplateRules;

// Finds boilerplate in every document (parallel, deterministic for any thread count). InvalidArgument
// names the offending part of a bad rule file.
Status FindBoilerplate(const std::vector<BoilerplateInput>& docs, const BoilerplateOptions& options,
                       BoilerplateResult* result);

// The rules in force for `options` ("neardup rules"): name, category, pattern, one line each.
Status ListRules(const BoilerplateOptions& options, std::string* listing);

// The original text minus the spans (sorted, non-overlapping, code point offsets), as UTF-8.
std::string RemoveSpans(std::string_view text, const std::vector<BoilerplateSpan>& spans);

}  // namespace neardup

#endif  // NEARDUP_PIPELINE_BOILERPLATE_BOILERPLATE_H_
