// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "datasets/gen/sites.h"

namespace neardup::datagen {

namespace {

using Q = QuoteStyle;
using D = DashStyle;
using U = UrlStyle;
using T = DateStyle;
using J = JsonEscape;

// clang-format off
// host, name, lang, weight, url, date, headline_in_text, dateline, quotes, dash, blank_line, wrap, crlf,
// title_case, title_suffix, escape
const std::vector<Site> kSites = {
  {"www.harborledger.example", "The Harbor Ledger", "en", 5, U::kDated, T::kIsoUtc, false, false, Q::kCurly, D::kEmSpaced, true, 0, false, true, " | The Harbor Ledger", J::kUtf8},
  {"northfieldcourier.example", "Northfield Courier", "en", 3, U::kSlugId, T::kIsoOffset, true, false, Q::kCurly, D::kEmSpaced, true, 0, false, true, "", J::kUtf8},
  {"news.greystonedaily.example", "Greystone Daily", "en", 4, U::kDated, T::kIsoUtc, false, true, Q::kStraight, D::kDoubleHyphen, true, 0, false, false, " - Greystone Daily", J::kAscii},
  {"lanternpost.example", "The Lantern Post", "en", 3, U::kHtml, T::kIsoUtc, false, false, Q::kCurly, D::kEmTight, false, 0, false, true, "", J::kUtf8},
  {"meridianwire.example", "Meridian Wire", "en", 5, U::kSlugId, T::kIsoUtc, false, true, Q::kStraight, D::kEmSpaced, true, 0, false, false, "", J::kUtf8},
  {"copperline.example", "Copperline News", "en", 2, U::kQuery, T::kDateOnly, true, false, Q::kCurly, D::kEmSpaced, false, 0, true, true, " :: Copperline News", J::kAsciiSlash},
  {"www.valleysentinel.example", "Valley Sentinel", "en", 3, U::kDated, T::kIsoOffset, false, false, Q::kCurly, D::kEnSpaced, true, 72, false, true, " - Valley Sentinel", J::kUtf8},
  {"quillstonetimes.example", "The Quillstone Times", "en", 4, U::kDated, T::kIsoUtc, false, false, Q::kCurly, D::kEmTight, true, 0, false, true, "", J::kUtf8},
  {"bluewaterherald.example", "Bluewater Herald", "en", 2, U::kSlugId, T::kIsoUtc, true, false, Q::kStraight, D::kEmSpaced, true, 0, false, false, "", J::kAscii},
  {"tidewatergazette.example", "Tidewater Gazette", "en", 2, U::kHtml, T::kDateOnly, false, true, Q::kCurly, D::kEmSpaced, true, 80, false, true, " | Tidewater Gazette", J::kUtf8},
  {"www.ironbridgeobserver.example", "Ironbridge Observer", "en", 3, U::kDated, T::kIsoUtc, false, false, Q::kCurly, D::kEmSpaced, true, 0, false, true, "", J::kUtf8},
  {"thepinecrestreview.example", "The Pinecrest Review", "en", 1, U::kSlugId, T::kIsoOffset, true, false, Q::kCurly, D::kEmTight, false, 0, false, false, "", J::kUtf8},
  {"saltmarshchronicle.example", "Saltmarsh Chronicle", "en", 2, U::kDated, T::kIsoUtc, false, false, Q::kStraight, D::kDoubleHyphen, true, 70, false, true, " - Saltmarsh Chronicle", J::kUtf8},
  {"www.eastgatetribune.example", "Eastgate Tribune", "en", 3, U::kDated, T::kIsoUtc, false, true, Q::kCurly, D::kEmSpaced, true, 0, false, true, "", J::kUtf8},
  {"signalandnoise.example", "Signal & Noise", "en", 1, U::kSlugId, T::kIsoUtc, true, false, Q::kCurly, D::kEmTight, true, 0, false, false, " — Signal & Noise", J::kUtf8},
  {"kestrelreport.example", "The Kestrel Report", "en", 2, U::kQuery, T::kIsoUtc, false, false, Q::kCurly, D::kEmSpaced, false, 0, false, true, "", J::kAscii},
  {"www.redfernbulletin.example", "Redfern Bulletin", "en", 2, U::kDated, T::kDateOnly, false, false, Q::kStraight, D::kEmSpaced, true, 0, true, true, "", J::kUtf8},
  {"morningcompass.example", "Morning Compass", "en", 3, U::kSlugId, T::kIsoUtc, false, false, Q::kCurly, D::kEmSpaced, true, 0, false, true, " | Morning Compass", J::kUtf8},
  {"stillwaterdispatch.example", "Stillwater Dispatch", "en", 2, U::kDated, T::kIsoOffset, false, true, Q::kCurly, D::kEnSpaced, true, 0, false, true, "", J::kUtf8},
  {"www.highlandmonitor.example", "Highland Monitor", "en", 2, U::kHtml, T::kIsoUtc, true, false, Q::kCurly, D::kEmSpaced, true, 76, false, true, "", J::kUtf8},
  {"cobaltcitynews.example", "Cobalt City News", "en", 2, U::kDated, T::kIsoUtc, false, false, Q::kStraight, D::kEmTight, false, 0, false, false, "", J::kUtf8},
  {"thefieldnotes.example", "Field Notes", "en", 1, U::kSlugId, T::kIsoUtc, false, false, Q::kCurly, D::kEmSpaced, true, 0, false, false, "", J::kAsciiSlash},
  {"www.granitestar.example", "The Granite Star", "en", 3, U::kDated, T::kIsoUtc, false, true, Q::kCurly, D::kEmSpaced, true, 0, false, true, " | The Granite Star", J::kUtf8},
  {"brightwaterjournal.example", "Brightwater Journal", "en", 2, U::kHtml, T::kIsoOffset, false, false, Q::kCurly, D::kEmTight, true, 0, false, true, "", J::kUtf8},
  {"www.ashcombeexpress.example", "Ashcombe Express", "en", 2, U::kDated, T::kIsoUtc, true, false, Q::kStraight, D::kEmSpaced, true, 0, false, true, " - Ashcombe Express", J::kUtf8},
  {"urbanbeacon.example", "Urban Beacon", "en", 1, U::kSlugId, T::kIsoUtc, false, false, Q::kCurly, D::kEmSpaced, false, 0, false, false, "", J::kUtf8},
  {"www.westmarchpress.example", "Westmarch Press", "en", 3, U::kDated, T::kIsoUtc, false, true, Q::kStraight, D::kEmSpaced, true, 0, false, false, "", J::kUtf8},
  {"clearwaterpioneer.example", "Clearwater Pioneer", "en", 1, U::kQuery, T::kDateOnly, false, false, Q::kCurly, D::kDoubleHyphen, true, 64, true, true, "", J::kAscii},
  {"theweeklyanvil.example", "The Weekly Anvil", "en", 1, U::kSlugId, T::kIsoUtc, true, false, Q::kCurly, D::kEmSpaced, true, 0, false, true, " | The Weekly Anvil", J::kUtf8},
  {"www.summitledger.example", "Summit Ledger", "en", 2, U::kDated, T::kIsoOffset, false, false, Q::kCurly, D::kEmSpaced, true, 0, false, true, "", J::kUtf8},
  {"riverbendvoice.example", "Riverbend Voice", "en", 1, U::kHtml, T::kIsoUtc, false, false, Q::kStraight, D::kEmTight, false, 0, false, false, "", J::kUtf8},
  {"www.fairhavenpost.example", "Fairhaven Post", "en", 2, U::kDated, T::kIsoUtc, false, false, Q::kCurly, D::kEmSpaced, true, 0, false, true, " - Fairhaven Post", J::kUtf8},
  {"www.diariodelvalle.example", "Diario del Valle", "es", 2, U::kDated, T::kIsoOffset, false, true, Q::kGuillemets, D::kEmSpaced, true, 0, false, false, " | Diario del Valle", J::kUtf8},
  {"lavozaustral.example", "La Voz Austral", "es", 1, U::kSlugId, T::kIsoUtc, true, false, Q::kCurly, D::kEmSpaced, true, 0, false, false, "", J::kAscii},
  {"www.leveilleur.example", "Le Veilleur", "fr", 2, U::kDated, T::kIsoOffset, false, false, Q::kGuillemetsSpaced, D::kEmSpaced, true, 0, false, false, " - Le Veilleur", J::kUtf8},
  {"courrierdulittoral.example", "Courrier du Littoral", "fr", 1, U::kHtml, T::kIsoUtc, false, true, Q::kGuillemetsSpaced, D::kEnSpaced, true, 0, false, false, "", J::kUtf8},
  {"vestnik-severa.example", "Вестник Севера", "ru", 2, U::kSlugId, T::kIsoOffset, false, true, Q::kGuillemets, D::kEmSpaced, true, 0, false, false, "", J::kUtf8},
  {"www.gorodskie-novosti.example", "Городские новости", "ru", 1, U::kQuery, T::kIsoUtc, true, false, Q::kGuillemets, D::kEmSpaced, false, 0, false, false, " | Городские новости", J::kAscii},
  {"dongfang-kuaixun.example", "东方快讯", "zh", 2, U::kHtml, T::kIsoOffset, false, false, Q::kCurly, D::kEmTight, false, 0, false, false, "", J::kUtf8},
  {"www.chengshi-ribao.example", "城市日报", "zh", 1, U::kQuery, T::kIsoUtc, true, false, Q::kCurly, D::kEmTight, true, 0, false, false, "_城市日报", J::kAscii},
  {"sada-alsahil.example", "صدى الساحل", "ar", 2, U::kSlugId, T::kIsoOffset, false, true, Q::kGuillemets, D::kEmSpaced, true, 0, false, false, "", J::kUtf8},
  {"www.akhbar-almadina.example", "أخبار المدينة", "ar", 1, U::kQuery, T::kIsoUtc, true, false, Q::kCurly, D::kEmSpaced, false, 0, false, false, " | أخبار المدينة", J::kAscii},
};
// clang-format on

}  // namespace

const std::vector<Site>& AllSites() { return kSites; }

size_t PickSite(std::string_view lang, Rng* rng) {
  uint64_t total = 0;
  for (const Site& s : kSites) total += s.lang == lang ? s.weight : 0;
  uint64_t r = rng->Below(total);
  for (size_t i = 0; i < kSites.size(); ++i) {
    if (kSites[i].lang != lang) continue;
    if (r < kSites[i].weight) return i;
    r -= kSites[i].weight;
  }
  return 0;
}

size_t PickOtherSite(std::string_view lang, size_t not_this, Rng* rng) {
  for (int attempt = 0; attempt < 16; ++attempt) {
    const size_t i = PickSite(lang, rng);
    if (i != not_this) return i;
  }
  return not_this;
}

TextStyle SiteStyle(const Site& site) {
  TextStyle s;
  s.quotes = site.quotes;
  s.curly_apostrophes = site.quotes != QuoteStyle::kStraight;
  s.dash = site.dash;
  s.blank_line = site.blank_line;
  s.wrap = site.wrap;
  s.crlf = site.crlf;
  s.headline_in_text = site.headline_in_text;
  s.dateline = site.dateline;
  return s;
}

}  // namespace neardup::datagen
