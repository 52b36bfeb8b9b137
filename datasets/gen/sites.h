// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The invented news sites documents come from. A site fixes how its documents look: URL scheme, title
// format, whether the headline and a dateline open the text, quote and dash style, paragraph layout,
// JSON escaping of its exporter and date format. Hosts use the reserved .example top-level domain.
//
// Later presets add per-site furniture (navigation, bylines, footers, "read more" lines) for the
// boilerplate benchmark; that belongs here, next to the style it goes with.

#ifndef NEARDUP_DATASETS_GEN_SITES_H_
#define NEARDUP_DATASETS_GEN_SITES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "datasets/gen/render.h"
#include "datasets/gen/rng.h"
#include "datasets/gen/text_util.h"

namespace neardup::datagen {

enum class UrlStyle : uint8_t {
  kDated,   // https://host/section/2025/03/04/slug
  kSlugId,  // https://host/section/slug-1234567
  kHtml,    // https://host/news/2025/03/04/1234567.html
  kQuery,   // https://host/article.php?id=1234567
};

enum class DateStyle : uint8_t {
  kIsoUtc,     // 2025-03-04T10:22:00Z
  kIsoOffset,  // 2025-03-04T12:22:00+02:00
  kDateOnly,   // 2025-03-04
};

struct Site {
  std::string_view host;
  std::string_view name;
  std::string_view lang;  ///< language code of its articles
  uint32_t weight;        ///< relative share of articles
  UrlStyle url;
  DateStyle date;
  bool headline_in_text;
  bool dateline;
  QuoteStyle quotes;
  DashStyle dash;
  bool blank_line;
  uint16_t wrap;
  bool crlf;
  bool title_case;
  std::string_view title_suffix;  ///< appended to titles, e.g. " | The Harbor Ledger"
  JsonEscape escape;
};

const std::vector<Site>& AllSites();

// Index into AllSites() of a random site writing `lang`, by weight. `lang` must have a site.
size_t PickSite(std::string_view lang, Rng* rng);

// A random site of `lang` other than `not_this` (the same one when it is the only site).
size_t PickOtherSite(std::string_view lang, size_t not_this, Rng* rng);

// The site's base rendering style (no edits, no noise).
TextStyle SiteStyle(const Site& site);

}  // namespace neardup::datagen

#endif  // NEARDUP_DATASETS_GEN_SITES_H_
