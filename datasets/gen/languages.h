// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The languages the generator writes. English carries the corpus; Spanish, French, Russian and Chinese
// appear in a small share of stories, as in a scraped English-language news crawl; Arabic is written on
// request (--lang ar). Every vocabulary is this project's own: small word lists and sentence templates,
// with invented people, places and organizations.
//
// Lists a language must define: BODY (sentence templates), HEADLINE, QUOTE, ROLE and ORG (per topic or
// general), FIGURE, AGENCY, SAYM/SAYF (speech verbs by the speaker's gender, for {SAYP}); optional:
// DATELINE, SHORT, SPELLED. Plain word lists for names: FIRST_F, FIRST_M (and *_GEN genitives in
// Russian), SN_ROOT + SN_END (surnames by composition), SURNAME (whole surnames), CITY_PRE, CITY_ROOT,
// CITY_END, COUNTRY.

#ifndef NEARDUP_DATASETS_GEN_LANGUAGES_H_
#define NEARDUP_DATASETS_GEN_LANGUAGES_H_

#include <memory>
#include <string_view>
#include <vector>

#include "datasets/gen/lexicon.h"

namespace neardup::datagen {

std::unique_ptr<Language> BuildEnglish();
std::unique_ptr<Language> BuildSpanish();
std::unique_ptr<Language> BuildFrench();
std::unique_ptr<Language> BuildRussian();
std::unique_ptr<Language> BuildChinese();
std::unique_ptr<Language> BuildArabic();

// All languages, English first, built on first use (thread-safe) and alive until exit.
const std::vector<const Language*>& AllLanguages();

// The languages of the mixed-language draw (--non-english): English first, then Spanish, French, Russian
// and Chinese. Arabic is written only with --lang ar, so that corpora generated before it was added
// stay byte-identical for the same seed.
const std::vector<const Language*>& MixedLanguages();

// The language with ISO 639-1 code `code`; nullptr if the generator does not write it.
const Language* FindLanguage(std::string_view code);

}  // namespace neardup::datagen

#endif  // NEARDUP_DATASETS_GEN_LANGUAGES_H_
