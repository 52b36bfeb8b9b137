// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// How a run finds boilerplate:
//  1. Per document (in parallel): split into units (lines, re-wrapped lines joined, or sentences),
//     compute each unit's masked template and the shingles of its long units in one tokenizer pass,
//     match the rules (behind their prefilter, on the words that pass gathered).
//  2. Per source (in parallel over sources; each source's documents in input order): find the copies of
//     one article (shared long units, or shared shingles), count in how many documents, and in how many
//     distinct articles, each template occurs; decide which recurring templates are furniture (see
//     IsFurniture).
//  3. Per document (in parallel): mark furniture units, extend a "related" box over its links, find
//     lead-ins, turn the marked units into tidy spans, and their offsets into code points.
//  4. Serially, in input order: patterns, reasons and totals.
// Every step's output depends only on the input, never on scheduling, so results are identical for any
// thread count. The per-thread caches (rule matches by text) only ever return what a match would.

#include "pipeline/boilerplate/boilerplate.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <limits>
#include <memory>
#include <numeric>
#include <span>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "kernels/tokenize.h"  // CountCodePoints
#include "pipeline/boilerplate/ascii_scan.h"
#include "pipeline/boilerplate/number_sources.h"
#include "pipeline/boilerplate/rules.h"
#include "pipeline/boilerplate/shingles.h"
#include "pipeline/boilerplate/sort_keys.h"
#include "pipeline/boilerplate/templates.h"
#include "pipeline/io/utf8.h"  // TrimSpace
#include "pipeline/text_ranges.h"

namespace neardup {
namespace {

using boilerplate_internal::JoinLines;
using boilerplate_internal::MaskUnit;
using boilerplate_internal::RawOffset;
using boilerplate_internal::SplitUnits;
using boilerplate_internal::Template;
using boilerplate_internal::TitleMask;
using boilerplate_internal::Unit;

// A template of at most this many tokens is "short": furniture lines are ("Leave a comment", "© <n> Site.
// All rights reserved."), article paragraphs are not. A longer recurring unit needs stronger evidence.
constexpr uint32_t kShortTokens = 16;
// Units that identify an article (to tell several copies of one article from several articles).
constexpr uint32_t kFingerprintTokens = 12;
constexpr size_t kFingerprintsPerDoc = 32;
// A long unit (or a shingle) in more documents of a source than this is not an article's own text.
constexpr size_t kMaxCopies = 64;
// Copies of one article are also found by shingles of their long units (kShingleTokens tokens after
// masking), a 1 in kShingleSampling sample of them chosen by hash so that every document keeps the same
// ones: two documents are copies when they share at least kMinSharedShingles of them and at least two
// thirds of the smaller sample. That survives what defeats whole-line fingerprints: re-wrapped
// paragraphs, sentences dropped, added or reworded, changed quotes and spacing. Two thirds is what two
// texts of one size with a Jaccard of 0.5 share; distinct articles of a site share stock phrases, but
// fewer (below 0.2 in the sample corpus; up to 0.65 in the benchmark's generator, whose prose comes from
// a few sentence templates). The sample is large (one shingle in two) because its noise, not the
// measure, is what blurs that line on short articles. Which shingles are sampled depends on the token
// hash (templates.cc): changing it moves a few borderline pairs.
constexpr size_t kShingleTokens = 5;
constexpr uint64_t kShingleSampling = 2;
constexpr size_t kMinSharedShingles = 4;
// Lead-ins are looked for at the start of the first few content units only: they open the article.
constexpr size_t kLeadInUnits = 3;
// Learned lead-ins ("As <Site> was told by <Agency>, ..."): the opening of a unit up to one of its first
// kLeadInCommas commas, at most kMaxLeadInBytes in and kMaxLeadInTokens tokens long, with at least
// kMinLeadInRest bytes of the unit after it, in the first kLeadInScanUnits units with words (up to the
// first long one, the article's first paragraph). Counted by its template with names masked.
constexpr size_t kLeadInScanUnits = 6;
constexpr size_t kLeadInCommas = 3;
constexpr size_t kMaxLeadInBytes = 120;
constexpr uint32_t kMaxLeadInTokens = 14;
constexpr size_t kMinLeadInRest = 24;
// A link line of a "related" box: a short line that does not end like a sentence.
constexpr uint32_t kLinkLineTokens = 14;
// In a text without line breaks, a piece of a sentence that does not end like one and has at most this
// many tokens (a related box's few headlines run together) is treated as furniture's neighbour: see
// MarkBetweenFurniture.
constexpr uint32_t kMaxBetweenTokens = 3 * kLinkLineTokens;
// The rule index of a span made for a unit between two units of furniture (MarkSandwiched); -1 is a
// learned template's.
constexpr int32_t kAdjacentRule = -2;
// Its reason: "rule:adjacent", and its pattern in boilerplate.jsonl.
constexpr std::string_view kAdjacentCategory = "adjacent";

enum UnitFlag : uint8_t {
  kBlank = 1,      // whitespace only
  kCountable = 2,  // has words: its template is counted
  kPureTitle = 4,  // the document's title and nothing else: the headline (see AnalyzeDoc)
  kLinkLike = 8,   // short, does not end like a sentence
  kNameable = 16,  // a line (not a sentence or a piece of one) that is kLinkLike: see NameCounted
  kSentence = 32,  // in a text without line breaks, a unit that ends like a sentence (see IsFurniture)
  kHasTitle = 64,  // its template masks the document's title (Template::has_title)
  kJoined = 128,   // several lines joined at soft line breaks (Unit::joined)
};

// A unit's bytes: its Unit without `joined`, which is the flag kJoined.
struct UnitBytes {
  uint32_t region_begin, region_end;
  uint32_t text_begin, text_end;
};

// One per unit of every document, all held until the spans are made: the members are ordered so that
// none needs padding, and the unit's two booleans are flags, for 48 bytes (56 with them as members,
// where phase 2's passes, which wait on memory, read 17% more of it).
struct UnitInfo {
  UnitBytes unit;  // 16 bytes
  uint64_t key = 0;
  uint64_t cross = 0;       // the template with names masked (Template::cross_key; 0: none)
  uint32_t name_tmpl = 0;   // the template with names masked: its index in its source's model
                            // (NameCounted units, set by phase 2)
  uint32_t tmpl = 0;        // the template's index in its source's model (countable units, set by phase 2)
  int32_t rule = -1;        // whole-unit rule, or -1
  uint16_t tokens = 0;
  uint8_t cross_words = 0;  // words left unmasked in it (at most 255)
  uint8_t flags = 0;        // UnitFlag

  bool has_title() const { return (flags & kHasTitle) != 0; }
  bool joined() const { return (flags & kJoined) != 0; }
};
static_assert(sizeof(UnitInfo) <= 48, "UnitInfo grew: reorder its members");

// Whether `s` holds a quotation mark (" “ ” „ « »).
bool HasQuote(std::string_view s) {
  for (const std::string_view q : {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E", "\xC2\xAB", "\xC2\xBB"}) {
    if (s.find(q) != std::string_view::npos) return true;
  }
  return false;
}

// A candidate lead-in: the first `bytes` of a unit's text (up to and including ", ").
struct LeadIn {
  uint32_t unit;
  uint32_t bytes;
  uint64_t key;  // its template with names masked
};

// A place where a head lead-in of a text without line breaks could end (see HeadBounds): before token
// `token` of the first content unit, a capitalized word.
struct HeadBound {
  uint64_t key;    // the template, names masked, of the tokens before it
  uint64_t next;   // the word that follows (its token hash), or the headline's hash at the unit's end
  uint64_t exact;  // the template of the tokens before it (names not masked): glued furniture of the source?
  uint32_t bytes;  // where it ends, from the start of the unit
  uint16_t token;
  uint8_t prev;    // the token before it: kHeadPrevMask, kHeadPrevCap, kHeadPrevLower
  uint8_t lower;   // the longest run of words in lower case since the bound before it (at most 255)
  uint8_t plain;   // words left unmasked before it, names masked (at most 255)
  uint8_t slot;    // the candidate unit it is in (DocInfo::head_units)
  bool ok;         // a lead-in may end here: not after a word in lower case (else only glued furniture may)
  bool rest;       // with enough of the unit after it (kMinHeadRest), or at its end before the headline
};
enum : uint8_t { kHeadPrevMask = 1, kHeadPrevCap = 2, kHeadPrevLower = 3 };

struct DocInfo {
  std::vector<UnitInfo> units;
  std::vector<LeadIn> leads;       // candidate lead-ins of the first units
  std::vector<HeadBound> head;     // in a text without line breaks, where a lead-in of a first unit may end
  uint32_t head_units[3] = {0, 0, 0};  // the first units with words that no rule took (head_slots of them)
  uint8_t head_slots = 0;
  uint32_t head_unit = std::numeric_limits<uint32_t>::max();  // the one the lead-in cut is in
  uint32_t head_cut = 0;           // bytes of head_unit its source's head lead-in takes (LearnHeadLeadIns)
  uint32_t head_docs = 0;          // documents of the source with that lead-in
  uint64_t head_key = 0;
  uint32_t group = 0;              // its copy group in its source (BuildSourceModel)
  std::vector<std::pair<uint32_t, uint64_t>> openings;  // (unit, key): short lines "<opening>: <rest>"
  std::vector<uint32_t> shingles;  // sampled shingles of the long units (repeats possible)
  // (unit, documents): units whose template with the furniture vocabulary kept is furniture across
  // sources (LearnVocabularyLines; MarkCrossSite takes them where furniture is)
  std::vector<std::pair<uint32_t, uint32_t>> vocabulary_lines;
  bool sentence_mode = false;
};

struct KeyStats {
  uint32_t docs = 0;    // documents of the source with the template
  uint32_t groups = 0;  // distinct articles (copy groups) among them
  uint32_t edge = 0;    // documents where it sits in the head or tail furniture zone
  uint32_t last_doc = std::numeric_limits<uint32_t>::max();
  uint32_t last_group = std::numeric_limits<uint32_t>::max();
  uint32_t last_edge = std::numeric_limits<uint32_t>::max();
  uint16_t tokens = 0;
  bool has_title = false;
  bool line = false;  // a line of its own, short, that does not end like a sentence (kNameable)
  bool sentence = false;  // a sentence of a text without line breaks (kSentence)
  bool furniture = false;
};

struct SourceModel {
  std::vector<KeyStats> stats;       // by template index (UnitInfo::tmpl)
  std::vector<KeyStats> name_stats;  // templates with names masked, by UnitInfo::name_tmpl (NameCounted)
  std::vector<std::pair<uint64_t, uint32_t>> leads;  // learned lead-ins (key, documents), by key
  std::vector<std::pair<uint64_t, uint32_t>> openings;  // learned line openings (key, documents), by key
  // Furniture templates (key, documents), by key: only for a source with text without line breaks,
  // where they are looked for inside sentences (MarkGlued).
  std::vector<std::pair<uint64_t, uint32_t>> furniture_keys;
  uint32_t groups = 0;
};

// Template keys to dense indices: open addressing, the table at most half full.
class KeyIndex {
 public:
  explicit KeyIndex(size_t expected) {
    size_t size = 64;
    while (size < 2 * expected) size *= 2;
    slots_.assign(size, {0, kEmpty});
  }
  // The index of `key`, the next free one when new.
  uint32_t Insert(uint64_t key) {
    size_t mask = slots_.size() - 1;
    for (size_t at = Mix(key) & mask;; at = (at + 1) & mask) {
      if (slots_[at].second == kEmpty) {
        slots_[at] = {key, count_};
        if (2 * ++count_ > slots_.size()) Grow();
        return count_ - 1;
      }
      if (slots_[at].first == key) return slots_[at].second;
    }
  }
  uint32_t size() const { return count_; }
  // Asks for the cache line of `key`'s first slot, ahead of its Insert.
  void Prefetch(uint64_t key) const { __builtin_prefetch(&slots_[Mix(key) & (slots_.size() - 1)]); }

 private:
  static constexpr uint32_t kEmpty = ~uint32_t{0};
  static uint64_t Mix(uint64_t k) { return (k ^ (k >> 32)) * 0x9E3779B97F4A7C15ULL >> 20; }
  void Grow() {
    std::vector<std::pair<uint64_t, uint32_t>> old(2 * slots_.size(), {0, kEmpty});
    old.swap(slots_);
    const size_t mask = slots_.size() - 1;
    for (const auto& [key, id] : old) {
      if (id == kEmpty) continue;
      size_t at = Mix(key) & mask;
      while (slots_[at].second != kEmpty) at = (at + 1) & mask;
      slots_[at] = {key, id};
    }
  }
  std::vector<std::pair<uint64_t, uint32_t>> slots_;
  uint32_t count_ = 0;
};

// A span of one document, in bytes and code points.
struct RawSpan {
  uint32_t begin, end;                // bytes
  uint32_t cp_begin = 0, cp_end = 0;  // code points (set last)
  int32_t rule;                       // >= 0: the rule; -1: a learned template
  uint64_t key;                       // the template (rule < 0)
  uint32_t repeats;                   // documents of the source with the template (rule < 0)
  uint32_t unit;                      // the unit it was made for (its example text)
};

bool EndsLikeSentence(std::string_view s) {
  while (!s.empty()) {
    const unsigned char c = static_cast<unsigned char>(s.back());
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && static_cast<unsigned char>(s[s.size() - 3]) == 0xE2 &&
               static_cast<unsigned char>(s[s.size() - 2]) == 0x80 && (c == 0x9D || c == 0x99)) {  // ” ’
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  if (s.empty()) return false;
  const char c = s.back();
  return c == '.' || c == '!' || c == ';' || c == ',' || c == ':';
}

// A "related" box at the end of a page: the link lines under its header (short lines that do not end
// like a sentence) are furniture too. Only in the tail stretch of the text (furniture, blank and
// link-like lines to the end), so that a section heading after an inline "Related: ..." line is never
// taken. `repeats` marks learned furniture (may be empty: rules only).
void AbsorbRelatedLinks(const std::vector<UnitInfo>& units, const BoilerplateRules& rules,
                        const std::vector<uint32_t>& repeats, std::vector<int32_t>* rule) {
  const size_t n = units.size();
  auto learned = [&](size_t i) { return !repeats.empty() && repeats[i] > 0; };
  size_t k = n;
  while (k > 0 && ((units[k - 1].flags & (kBlank | kLinkLike)) || (*rule)[k - 1] >= 0 || learned(k - 1))) --k;
  int32_t header = -1;
  for (size_t i = k; i < n; ++i) {
    if ((*rule)[i] >= 0 && rules.rule((*rule)[i]).category == "related") {
      header = (*rule)[i];
    } else if (header >= 0 && (*rule)[i] < 0 && !learned(i) && (units[i].flags & kLinkLike) &&
               !(units[i].flags & kPureTitle)) {
      (*rule)[i] = header;
    }
  }
}

// The text rules see: a unit joined from re-wrapped lines is matched as one line.
std::string_view RuleText(std::string_view text, bool lines_joined, std::string* joined,
                          std::vector<std::pair<uint32_t, uint32_t>>* pieces) {
  if (!lines_joined) return text;
  JoinLines(text, joined, pieces);
  return *joined;
}

// ---------------------------------------------------------------- furniture glued into sentences
//
// In a text without line breaks, furniture that does not end like a sentence runs into the sentence
// after it ("Home » News » <title> <Site> — news for the coast by <Name>, Senior Editor The council
// said ..."), and a sentence unit then mixes furniture and article. Such units are cut into pieces: at
// the document's title (a headline is never part of a sentence), and, in the first and last few units,
// around the stretches that a whole-unit rule matches. A cut is made only before a word that does not
// start in lower case, where a piece of furniture or a sentence may start.

// Units at each end of a text that are examined for glued furniture: the page's header and footer.
constexpr size_t kGluedUnits = 3;
// Longer units are not examined (cost), nor stretches longer than kMaxGluedPiece tried against rules.
constexpr size_t kMaxGluedUnit = 1500;
constexpr size_t kMaxGluedPiece = 160;
constexpr size_t kMaxGluedCuts = 64;
constexpr size_t kMaxGluedPrefix = 64;

// The byte offsets in [begin, end) of `text` where furniture glued to what precedes it may start: a
// word after whitespace that does not start with a lower-case letter, or the "by" of a byline before a
// capitalized word.
void CapitalStarts(std::string_view text, uint32_t begin, uint32_t end, std::vector<uint32_t>* out) {
  out->clear();
  for (uint32_t i = begin + 1; i < end && out->size() < kMaxGluedCuts; ++i) {
    const auto prev = static_cast<unsigned char>(text[i - 1]);
    const auto c = static_cast<unsigned char>(text[i]);
    if (!(prev == ' ' || prev == '\t') || c == ' ' || c == '\t') continue;
    if (c >= 'a' && c <= 'z') {
      if (!(c == 'b' && i + 3 < end && text[i + 1] == 'y' && text[i + 2] == ' ' && text[i + 3] >= 'A' &&
            text[i + 3] <= 'Z')) {
        continue;
      }
    } else if (c >= 0x80) {
      size_t len = 0;
      const char32_t cp = boilerplate_internal::DecodeUtf8(text, i, &len);
      if (u_islower(static_cast<UChar32>(cp))) continue;
    }
    out->push_back(i);
  }
}

bool IsByStart(std::string_view text, uint32_t at) { return text[at] == 'b'; }

// Whether the word at `at` is one that opens sentences and never continues a name ("The", "A", "In"), or
// the sentence opens with no word at all ('"We were...', "2,000 people..."): then the capitalized word
// before it ends the furniture, not a name that opens the sentence.
bool OpensSentence(std::string_view text, uint32_t at) {
  static constexpr std::string_view kOpeners[] = {
      "The", "A",   "An",   "This",  "That", "These", "Those", "It",    "In",   "On",    "At",  "For", "But",
      "And", "He",  "She",  "They",  "We",   "I",     "His",   "Her",   "Their", "Our",  "After", "When",
      "While", "As", "According"};
  // A sentence that opens with a quotation mark, a digit or a bracket: no name runs on into it.
  const auto c = static_cast<unsigned char>(text[at]);
  if (c < 0x80 && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return true;
  for (const std::string_view quote : {"\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB", "\xE2\x80\x9E"}) {
    if (text.substr(at).starts_with(quote)) return true;
  }
  size_t end = at;
  while (end < text.size() && ((text[end] | 0x20) >= 'a' && (text[end] | 0x20) <= 'z')) ++end;
  const std::string_view word = text.substr(at, end - at);
  for (const std::string_view o : kOpeners) {
    if (word == o) return true;
  }
  return false;
}

// Whether text[begin, end), trimmed, ends with a word in title case that ends in a letter (a name; not
// "Editor:", "2026." or "ADVERTISEMENT").
bool EndsWithCapitalized(std::string_view text, uint32_t begin, uint32_t end) {
  const std::string_view piece = TrimSpace(text.substr(begin, end - begin));
  if (piece.empty()) return false;
  const auto last = static_cast<unsigned char>(piece.back());
  if (!((last | 0x20) >= 'a' && (last | 0x20) <= 'z')) return false;
  const size_t space = piece.find_last_of(" \t");
  const size_t at = space == std::string_view::npos ? 0 : space + 1;
  const auto first = static_cast<unsigned char>(piece[at]);
  const auto second = at + 1 < piece.size() ? static_cast<unsigned char>(piece[at + 1]) : 0;
  return first >= 'A' && first <= 'Z' && second >= 'a' && second <= 'z';  // "Varga", not "ADVERTISEMENT"
}

// Whether the text before `at` (after trimming) ends with a separator of a breadcrumb or a title
// ("Home » News »", "Section |"): then what follows belongs to it.
bool AfterSeparator(std::string_view text, uint32_t begin, uint32_t at) {
  std::string_view before = TrimSpace(text.substr(begin, at - begin));
  if (before.empty()) return false;
  const char c = before.back();
  if (c == '>' || c == '|' || c == '/' || c == '\\' || c == ':' || c == '-') return true;
  for (std::string_view sep : {"\xC2\xBB", "\xE2\x80\xBA", "\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7"}) {
    if (before.ends_with(sep)) return true;
  }
  return false;
}

// Rules whose pattern ends in an open trail ("Home / <anything>", "Read more: <any headline>"): in a
// sentence that furniture runs into, they would match the article's words too, so only their shortest
// match is taken there.
bool OpenTrail(const BoilerplateRules& rules, int rule) { return rules.OpenTrail(static_cast<size_t>(rule)); }

// Rules whose match may end in a person's name (bylines): a capitalized word at the end of their match
// may as well be the first word of a name that opens the sentence after it ("by <Name> | Lena Okafor
// said"). Other furniture ends in its own fixed words ("Sponsored Content", "Share on Facebook").
bool NamesRule(const BoilerplateRules& rules, int rule) { return rules.rule(rule).category == "byline"; }

// Whether a comma comes right before `at` (across spaces).
bool AfterComma(std::string_view text, uint32_t at) {
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
  return at > 0 && text[at - 1] == ',';
}

// Whether the word before `at` (across spaces) is in lower case, ASCII letters only ("on", "until"):
// `at` is then inside a sentence.
bool AfterLowerWord(std::string_view text, uint32_t at) {
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
  const uint32_t end = at;
  while (at > 0 && text[at - 1] >= 'a' && text[at - 1] <= 'z') --at;
  return at < end && (at == 0 || text[at - 1] == ' ' || text[at - 1] == '\t');
}

// Whether the word at `at` is a job title's noun ("Editor", "Writer"): a byline ends with it, and no name
// opens with it.
bool JobNoun(std::string_view text, uint32_t at) {
  static constexpr std::string_view kNouns[] = {
      "editor", "editors", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents",
      "journalist", "journalists", "columnist", "contributor", "producer", "analyst", "desk", "team",
      "staff", "bureau", "intern", "critic", "photographer", "anchor", "host", "newsroom", "blogger",
      "commentator", "specialist", "author"};
  size_t end = at;
  while (end < text.size() && ((text[end] | 0x20) >= 'a' && (text[end] | 0x20) <= 'z')) ++end;
  if (end == at || end - at > 16) return false;
  char lower[16];
  for (size_t k = at; k < end; ++k) lower[k - at] = static_cast<char>(text[k] | 0x20);
  const std::string_view word(lower, end - at);
  for (const std::string_view n : kNouns) {
    if (word == n) return true;
  }
  return false;
}

// Whether the title is in sentence case: a word of three letters or more after its first one starts in
// lower case ("Harbor council delays bridge plan", not "Harbor Council Delays Bridge Plan"). A site's
// related links are its own headlines, written alike.
bool SentenceCaseTitle(std::string_view title) {
  for (size_t i = title.find(' '); i != std::string_view::npos && i + 3 < title.size(); i = title.find(' ', i + 1)) {
    size_t k = i + 1;
    while (k < title.size() && title[k] >= 'a' && title[k] <= 'z') ++k;
    if (k - (i + 1) >= 3 && (k == title.size() || title[k] == ' ' || title[k] == ',')) return true;
  }
  return false;
}

// Where a related link's headline that runs into the sentence after it ends ("Related: Harbor council
// backs bridge plan Officials said ..."), in a document whose titles are in sentence case: at the first
// word after `from` (at most kMaxGluedPiece bytes after `begin`) that does not start in lower case and
// follows a word in lower case, when the headline so delimited has at most kLinkLineTokens words and
// something follows. 0: none. A headline with a name after a word in lower case ("Council backs Harbor
// plan") ends too early, which leaves its last words as article text; a cut later than the headline's
// end would need a sentence that opens in lower case.
uint32_t HeadlineEnd(std::string_view text, uint32_t begin, uint32_t from, uint32_t end) {
  uint32_t words = 0;
  const uint32_t limit = std::min<uint32_t>(end, static_cast<uint32_t>(begin + kMaxGluedPiece));
  for (uint32_t k = from; k < limit; ++k) {
    if (k == from || ((text[k - 1] == ' ' || text[k - 1] == '\t') && text[k] != ' ' && text[k] != '\t')) {
      if (k > from) {
        const auto c = static_cast<unsigned char>(text[k]);
        size_t len = 0;
        const bool lower = (c >= 'a' && c <= 'z') ||
                           (c >= 0x80 && u_islower(static_cast<UChar32>(boilerplate_internal::DecodeUtf8(text, k, &len))));
        if (!lower && AfterLowerWord(text, k)) return words >= 2 && words <= kLinkLineTokens ? k : 0;
      }
      ++words;
    }
  }
  return 0;
}

// Replaces units[i] by its pieces between `cuts` (sorted byte offsets strictly inside its text). Each
// piece's region runs to the start of the next, so the regions still cover every byte.
void CutUnit(std::string_view text, size_t i, const std::vector<uint32_t>& cuts, std::vector<Unit>* units) {
  const Unit u = (*units)[i];
  std::vector<Unit> pieces;
  pieces.reserve(cuts.size() + 1);
  uint32_t begin = u.region_begin;
  for (size_t k = 0; k <= cuts.size(); ++k) {
    const uint32_t end = k < cuts.size() ? cuts[k] : u.region_end;
    if (end <= begin) continue;
    const std::string_view piece = text.substr(begin, end - begin);
    const std::string_view trimmed = TrimSpace(piece);
    Unit p;
    p.region_begin = begin;
    p.region_end = end;
    p.text_begin = trimmed.empty() ? begin : static_cast<uint32_t>(trimmed.data() - text.data());
    p.text_end = static_cast<uint32_t>(p.text_begin + trimmed.size());
    pieces.push_back(p);
    begin = end;
  }
  units->erase(units->begin() + static_cast<long>(i));
  units->insert(units->begin() + static_cast<long>(i), pieces.begin(), pieces.end());
}

// Whether the word at `at` is a domain name in lower case ("harborledger.net"): letters, digits and
// hyphens, a dot, two to six letters, then a space or a comma.
bool DomainWord(std::string_view text, uint32_t at) {
  size_t k = at, dot = 0;
  for (; k < text.size(); ++k) {
    const char c = text[k];
    if (c == '.' && dot == 0 && k > at) {
      dot = k;
    } else if (!((c >= 'a' && c <= 'z') || (dot == 0 && ((c >= '0' && c <= '9') || c == '-')))) {
      break;
    }
  }
  return dot > 0 && k - dot - 1 >= 2 && k - dot - 1 <= 6 && k < text.size() &&
         (text[k] == ' ' || text[k] == ',');
}

// Lead-ins glued after furniture in unit `u` of a text without line breaks ("... coast <site>.net informs,
// citing <Agency>, A public meeting ..."): the byte offsets, after the unit's start, of the capitalized
// words (`starts`) and the domain names in lower case where an attribution rule's lead-in matches, unless
// it follows a word in lower case and the text after it goes on in lower case too, as an article sentence
// does ("... disputed what <site>.net reports, citing <Agency>, about the sale"); after furniture, the
// article's first sentence opens in upper case, or the lead-in follows a name, a number or a sign. Sorted.
void GluedLeadIns(std::string_view text, const Unit& u, const BoilerplateRules& rules,
                  const std::vector<uint32_t>& starts, std::vector<uint32_t>* out) {
  constexpr size_t kLeadInReach = 200;
  thread_local std::vector<uint32_t> candidates;
  candidates.assign(starts.begin(), starts.end());
  for (uint32_t i = u.text_begin + 1; i < u.text_end; ++i) {
    if ((text[i - 1] == ' ' || text[i - 1] == '\t') && text[i] >= 'a' && text[i] <= 'z' &&
        DomainWord(text, i)) {
      candidates.push_back(i);
    }
  }
  candidates.push_back(u.text_begin);
  std::sort(candidates.begin(), candidates.end());
  // A lead-in's outlet may be several capitalized words, and the rule matches from each: the first one
  // found covers the others ("The <Site> Tribune reports, ...", at the unit's start or not).
  uint32_t covered = 0;
  for (const uint32_t at : candidates) {
    if (at < u.text_begin || at < covered) continue;
    const std::string_view rest = text.substr(at, std::min<size_t>(u.text_end - at, kLeadInReach));
    size_t len = 0;
    if (rules.MatchLeadIn(rest, &len) < 0 || len == 0 || at + len >= u.text_end) continue;
    covered = static_cast<uint32_t>(at + len);
    if (at == u.text_begin) continue;
    const auto next = static_cast<unsigned char>(text[at + len]);
    size_t n = 0;
    const bool lower_after =
        (next >= 'a' && next <= 'z') ||
        (next >= 0x80 &&
         u_islower(static_cast<UChar32>(boilerplate_internal::DecodeUtf8(text, at + len, &n))));
    if (lower_after && AfterLowerWord(text, at)) continue;
    out->push_back(at);
  }
}

// Whether `piece` has fewer than kFingerprintTokens words (pieces between spaces): no article paragraph.
bool ShortPiece(std::string_view piece) {
  size_t words = 0;
  bool in_word = false;
  for (const char c : piece) {
    const bool space = c == ' ' || c == '\t';
    words += !space && !in_word;
    in_word = !space;
    if (words >= kFingerprintTokens) return false;
  }
  return true;
}

void CutGluedFurniture(std::string_view text, std::string_view title, const BoilerplateRules& rules,
                       std::vector<Unit>* units) {
  thread_local std::vector<uint32_t> cuts, starts, leads;
  // At the title: before it (unless a breadcrumb or a section leads to it) and after it.
  title = TrimSpace(title);
  const bool title_cuts = title.size() >= 12 && title.find(' ') != std::string_view::npos;
  const bool sentence_case = SentenceCaseTitle(title);
  if (title_cuts) {
    // The title's occurrences, found in one pass over the text, then the units that hold them.
    thread_local std::vector<uint32_t> found;
    found.clear();
    for (size_t at = text.find(title); at != std::string_view::npos; at = text.find(title, at + title.size())) {
      found.push_back(static_cast<uint32_t>(at));
    }
    size_t next = 0;
    for (size_t i = 0; i < units->size() && next < found.size(); ++i) {
      const Unit u = (*units)[i];
      cuts.clear();
      while (next < found.size() && found[next] < u.text_begin) ++next;
      for (; next < found.size() && found[next] + title.size() <= u.text_end; ++next) {
        const uint32_t a = found[next], b = static_cast<uint32_t>(a + title.size());
        if (a > u.text_begin && (text[a - 1] == ' ' || text[a - 1] == '\t') && !AfterSeparator(text, u.text_begin, a))
          cuts.push_back(a);
        if (b < u.text_end && (text[b] == ' ' || text[b] == '\t')) cuts.push_back(b);
      }
      if (cuts.empty()) continue;
      CutUnit(text, i, cuts, units);
      i += cuts.size();
    }
  }
  // The page's header and footer: up to the kGluedUnits-th unit from each end that is not furniture a
  // rule matches whole (a footer is often many sentences of furniture, and the one that furniture the
  // rules do not know ran into may lie beyond the last three).
  auto furniture = [&](const Unit& u) {
    if (u.blank()) return true;
    if (u.text_end - u.text_begin > kMaxGluedUnit) return false;
    const std::string_view unit_text = text.substr(u.text_begin, u.text_end - u.text_begin);
    const int whole = rules.MatchWhole(unit_text);
    return whole >= 0 && (!OpenTrail(rules, whole) || (title_cuts && unit_text.ends_with(title)));
  };
  uint32_t head_end = 0, tail_begin = static_cast<uint32_t>(text.size());
  {
    const size_t n = units->size();
    size_t seen = 0;
    for (size_t i = 0; i < n && seen < kGluedUnits; ++i) {
      seen += !furniture((*units)[i]);
      head_end = (*units)[i].region_end;
    }
    // In the footer, a short unit (fewer than kFingerprintTokens words) no rule knows does not count: a
    // copyright or notice line cut into short sentences ("All rights reserved.", "Do not reproduce
    // without permission.") would end the window above the related box that ran into a slogan.
    seen = 0;
    for (size_t i = n; i > 0 && seen < kGluedUnits; --i) {
      const Unit& u = (*units)[i - 1];
      seen += !furniture(u) && !ShortPiece(text.substr(u.text_begin, u.text_end - u.text_begin));
      tail_begin = u.region_begin;
    }
  }
  // Around rule-matched stretches, in the first and last units.
  for (size_t i = 0; i < units->size(); ++i) {
    const Unit u = (*units)[i];
    // Between the first and last units, only a short piece at the start of a unit is looked for: a
    // line of furniture ("Advertisement") that ran into the sentence after it.
    const bool middle = u.region_begin >= head_end && u.region_begin < tail_begin;
    if (u.blank() || u.text_end - u.text_begin > kMaxGluedUnit) continue;
    const std::string_view unit_text = text.substr(u.text_begin, u.text_end - u.text_begin);
    // Most sentences in the middle open with nothing a rule could match.
    if (middle && !rules.MayMatchPrefix(unit_text.substr(0, std::min<size_t>(unit_text.size(), kMaxGluedPrefix))))
      continue;
    const int whole = rules.MatchWhole(unit_text);
    // An open trail that ends at the title is a breadcrumb to the page ("Home » News » <title>").
    if (whole >= 0 && (!OpenTrail(rules, whole) || (title_cuts && unit_text.ends_with(title)))) continue;
    CapitalStarts(text, u.text_begin,
                  middle ? std::min<uint32_t>(u.text_end, u.text_begin + kMaxGluedPrefix + 1) : u.text_end, &starts);
    // In the head, a lead-in run on after furniture ("... coast by <Name> Senior News Editor
    // <site>.net informs, citing <Agency>, A public meeting ..."): a piece starts there.
    leads.clear();
    if (u.region_begin < head_end) GluedLeadIns(text, u, rules, starts, &leads);
    if (!leads.empty()) {
      starts.insert(starts.end(), leads.begin(), leads.end());
      std::sort(starts.begin(), starts.end());
      starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    }
    if (starts.empty()) continue;
    starts.insert(starts.begin(), u.text_begin);
    starts.push_back(u.text_end);
    cuts.clear();
    // Left to right, from each start the shortest stretch a rule matches, extended over the words that
    // follow while they are capitalized and the rule still matches ("by <Name> Senior Editor"): a rule
    // with an open trail ("Home / <anything>") must not run on into the sentence after it, which
    // starts with a capital and goes on in lower case. Unmatched words stay together.
    int rule = -1;
    auto matches = [&](size_t a, size_t b) {
      if (starts[b] - starts[a] > kMaxGluedPiece) return false;
      rule = rules.MatchWhole(TrimSpace(text.substr(starts[a], starts[b] - starts[a])));
      return rule >= 0;
    };
    auto capitalized = [&](size_t a) {  // the words from starts[a] to starts[a + 1] all start in upper case
      for (uint32_t k = starts[a]; k + 1 < starts[a + 1]; ++k) {
        const auto c = static_cast<unsigned char>(text[k + 1]);
        if ((text[k] == ' ' || text[k] == '\t') && c >= 'a' && c <= 'z') return false;
      }
      return true;
    };
    // A related link's rule (one with an open trail: "Read more: <headline>") matches text[a, b) (bytes).
    auto matches_link = [&](uint32_t a, uint32_t b) {
      const int r = rules.MatchWhole(TrimSpace(text.substr(a, b - a)));
      return r >= 0 && OpenTrail(rules, r) && rules.rule(r).category == "related";
    };
    const size_t reach = middle ? kMaxGluedPrefix : kMaxGluedPiece;
    for (size_t s = 0; s + 1 < starts.size();) {
      if (s > 0 && (cuts.empty() || cuts.back() != starts[s]) &&
          std::binary_search(leads.begin(), leads.end(), starts[s])) {
        cuts.push_back(starts[s]);
      }
      // In the middle, only from the unit's start, and on from there while pieces of furniture follow one
      // another ("ADVERTISEMENT Read more: <headline> <sentence>").
      if (middle && s > 0 && (cuts.empty() || cuts.back() != starts[s])) break;
      // One pass of the rules' gates over the longest stretch from here says whether any is worth trying.
      size_t last = s + 1;
      while (last + 1 < starts.size() && starts[last + 1] - starts[s] <= reach) ++last;
      if (!rules.MayMatchPrefix(TrimSpace(text.substr(starts[s], starts[last] - starts[s])))) {
        ++s;
        continue;
      }
      size_t best = 0;
      int best_rule = -1;
      for (size_t e = s + 1; e < starts.size() && starts[e] - starts[s] <= reach; ++e) {
        // A stretch never ends at a "by": "Comments by <Name> were withdrawn" is a sentence.
        if (e + 1 < starts.size() && IsByStart(text, starts[e])) continue;
        // Nor, for a rule that ends in a name, inside a name that a sentence opens with ("by <Name> |
        // Varga said").
        const bool in_name = e + 1 < starts.size() && !capitalized(e) && !OpensSentence(text, starts[e]) &&
                             EndsWithCapitalized(text, starts[s], starts[e]);
        if (matches(s, e)) {
          if (in_name && NamesRule(rules, rule)) continue;
          // A date or a time right after a word in lower case that ends the unit ends the sentence it is
          // in ("... would end on Friday."), it is no post's time stamp; a byline proper opens with "by",
          // and does not end like a sentence ("... flow through the pipes by July." is the article's).
          if (NamesRule(rules, rule) && s > 0 && e + 1 == starts.size() && AfterLowerWord(text, starts[s]) &&
              (!(text.substr(starts[s], 3) == "by " || text.substr(starts[s], 3) == "By ") ||
               EndsLikeSentence(unit_text))) {
            continue;
          }
          // Nor is one right after a comma that follows text kept so far: that is a dateline's date
          // ("Port Calder, 3 March — The council ..."), where a post's stamp follows furniture ("by
          // <Name>, 3 March").
          if (NamesRule(rules, rule) && s > 0 && AfterComma(text, starts[s]) &&
              (cuts.empty() || cuts.back() != starts[s]) &&
              !(text.substr(starts[s], 3) == "by " || text.substr(starts[s], 3) == "By ")) {
            continue;
          }
          best = e;
          best_rule = rule;
          break;
        }
      }
      if (best == 0) {
        ++s;
        continue;
      }
      if (!OpenTrail(rules, best_rule)) {
        // The longest such stretch: over pieces the rule does not match on their own ("Share this:
        // Facebook |" before "Share this: Facebook | X").
        size_t extended = best;
        int extended_rule = best_rule;
        for (size_t e = best + 1; e < starts.size() && capitalized(e - 1) && !IsByStart(text, starts[e]) &&
                                  starts[e] - starts[s] <= kMaxGluedPiece;
             ++e) {
          if (matches(s, e)) {
            extended = e;
            extended_rule = rule;
          }
        }
        // For a rule that ends in a name, the last capitalized word before a word in lower case may open
        // the sentence that follows ("by <Name> Lena Okafor said"): leave it to that sentence, unless it
        // is a job title's noun ("Senior News Editor").
        if (extended > best && extended + 1 < starts.size() && !capitalized(extended) &&
            !OpensSentence(text, starts[extended]) && NamesRule(rules, extended_rule) &&
            !JobNoun(text, starts[extended - 1]) && EndsWithCapitalized(text, starts[s], starts[extended])) {
          --extended;
        }
        best = extended;
        best_rule = extended_rule;
      }
      if (sentence_case && best + 1 < starts.size() && rules.rule(best_rule).category == "related") {
        // A related link's headline, run into the sentence after it: up to where that sentence starts.
        const uint32_t h = HeadlineEnd(text, starts[s], starts[best], u.text_end);
        if (h > starts[best] && matches_link(starts[s], h)) {
          if (s > 0 && (cuts.empty() || cuts.back() != starts[s])) cuts.push_back(starts[s]);
          cuts.push_back(h);
          while (s + 1 < starts.size() && starts[s] < h) ++s;
          continue;
        }
      }
      if (s > 0 && (cuts.empty() || cuts.back() != starts[s])) cuts.push_back(starts[s]);
      if (best + 1 < starts.size()) cuts.push_back(starts[best]);
      s = best;
    }
    if (cuts.empty()) continue;
    CutUnit(text, i, cuts, units);
    i += cuts.size();
  }
}

// Line openings: a short line of its own that does not end like a sentence, made of a label of one to
// three words without digits, a colon, and a rest of at least two words ("Read also: <headline>",
// "Watch: <video title>"). Sites open such lines with their own fixed label and vary the rest, so no
// template of the whole line recurs. The opening is counted per source (in how many distinct articles),
// and one that opens such lines in at least min_repeats articles is furniture there, wherever the line
// sits; one learned so on kMinCrossSources sources is furniture on every source. Returns the opening's
// template key, or 0.
constexpr size_t kMaxOpeningBytes = 32;

uint64_t LineOpening(std::string_view text) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > kMaxOpeningBytes || colon + 1 >= text.size() ||
      text[colon + 1] != ' ') {
    return 0;
  }
  const std::string_view opening = text.substr(0, colon);
  size_t spaces = 0;
  for (const char c : opening) {
    if (c >= '0' && c <= '9') return 0;
    spaces += c == ' ';
  }
  if (spaces > 2 || opening.back() == ' ') return 0;
  const std::string_view rest = TrimSpace(text.substr(colon + 1));
  if (rest.find(' ') == std::string_view::npos) return 0;
  const Template t = MaskUnit(opening, TitleMask());
  return t.words > 0 ? t.key | 1 : 0;
}

// Head lead-ins: in a text without line breaks, furniture at the head of the page that no rule knows
// ("Edition <n> · <day> by <Name> Senior News Editor") runs into the article's first sentence, and never
// stands alone on the site's pages, so no template of it exists. Its tokens, with numbers, dates, the
// title and names masked, are the same on the site's pages, and what follows differs from page to page.
// HeadBounds lists, for the first content unit, every place such a lead-in could end: before a capitalized
// word (the article's first sentence starts with one), at most kMaxHeadTokens tokens in, after a token
// that is not a word in lower case (a sentence's words are: "The council said on Monday that Ostrand"),
// with no run of more than kMaxHeadLowerWords words in lower case after any furniture the site's pages
// taught that opens the unit ("The <Site> newsroom tip line: <n>", which MarkGlued cuts; "The council
// said on <day>" is prose), and at least one word left unmasked before it. When the unit is no sentence
// and the headline follows it or ends it (CutGluedFurniture cut the unit at the title: "Home > <Section>
// > <title>"), its end is a bound too, followed by the article's own headline (`end_next`, 0 when the
// unit is a sentence). Which one, if any, is the source's lead-in is decided once every source has
// learned its furniture and the cross-source model is built (LearnHeadLeadIns).
constexpr size_t kMaxHeadTokens = 24;
constexpr size_t kMaxHeadBytes = 240;
constexpr uint32_t kMaxHeadLowerWords = 2;
constexpr size_t kMinHeadRest = 24;

// The keys of a run of masked tokens, grown a token at a time: exact (every token), and with names
// masked (a run of capitalized words is one mask; the run's first word only when a capitalized word that
// may continue a name follows it), and how many of its words are plain (no name).
struct GrowingKeys {
  uint64_t exact = boilerplate_internal::MaskedTokens::kSeed;
  uint64_t names = boilerplate_internal::MaskedTokens::kCrossSeed;
  uint32_t plain = 0;
  bool in_name = false;

  // Adds toks[e] to the run that starts at toks[start].
  void Add(const std::vector<boilerplate_internal::MaskedToken>& toks, size_t start, size_t e) {
    using boilerplate_internal::MaskedTokens;
    const auto& tok = toks[e];
    exact = (exact ^ tok.hash) * MaskedTokens::kStep;
    const bool name = tok.word && tok.cap &&
                      (e > start || (e + 1 < toks.size() && toks[e + 1].word && toks[e + 1].cap &&
                                     !boilerplate_internal::OpensNoName(tok.hash)));
    if (!(name && in_name)) names = (names ^ (name ? MaskedTokens::NameMask() : tok.hash)) * MaskedTokens::kStep;
    in_name = name;
    plain += !name && tok.word;
  }
};

void HeadBounds(std::string_view text, const boilerplate_internal::TitleMask& title, uint64_t end_next,
                bool next_is_title, uint8_t slot, std::vector<HeadBound>* out) {
  using boilerplate_internal::MaskedTokens;
  thread_local std::vector<boilerplate_internal::MaskedToken> toks;
  if (text.size() > kMaxHeadBytes) {
    // Whole words only: the last one read must not be cut.
    const size_t space = text.rfind(' ', kMaxHeadBytes);
    if (space == std::string_view::npos) return;
    text = text.substr(0, space);
    end_next = 0;
  }
  boilerplate_internal::MaskTokens(text, title, &toks);
  if (toks.size() > kMaxHeadTokens || (!next_is_title && (toks.empty() || !toks.back().title))) end_next = 0;
  const size_t t = std::min(toks.size(), kMaxHeadTokens + 1);
  GrowingKeys keys;
  uint32_t run = 0, longest = 0;  // words in lower case in a row: now, and the most since the last bound
  for (size_t e = 0; e <= t; ++e) {
    const bool at_end = e == t;
    if (at_end && end_next == 0) break;
    // A unit that ends with the title or before it may have no word left ("Home > <Section> > <title>":
    // one name).
    if (e >= 2 && (keys.plain > 0 || at_end) && (at_end || (toks[e].word && toks[e].cap))) {
      const auto& prev = toks[e - 1];
      const uint8_t kind = !prev.word ? kHeadPrevMask : prev.cap ? kHeadPrevCap : kHeadPrevLower;
      // With what opens the word ('"We were ...'): a quotation mark is the sentence's.
      uint32_t bytes = at_end ? static_cast<uint32_t>(text.size()) : toks[e].begin;
      while (!at_end && bytes > prev.end && text[bytes - 1] != ' ' && text[bytes - 1] != '\t') --bytes;
      out->push_back({MaskedTokens::CrossKey(keys.names), at_end ? end_next : toks[e].hash, MaskedTokens::Key(keys.exact), bytes,
                      static_cast<uint16_t>(e), kind, static_cast<uint8_t>(std::min<uint32_t>(std::max(longest, run), 255)),
                      static_cast<uint8_t>(std::min<uint32_t>(keys.plain, 255)), slot,
                      kind != kHeadPrevLower, at_end || text.size() - bytes >= kMinHeadRest});
      longest = 0;
    }
    if (at_end || (e + 1 == t && t == kMaxHeadTokens + 1)) break;
    keys.Add(toks, 0, e);
    const auto& tok = toks[e];
    if (tok.word && !tok.cap) {
      ++run;
    } else {
      longest = std::max(longest, run);
      run = 0;
    }
  }
}

void AnalyzeDoc(const BoilerplateInput& in, const BoilerplateRules& rules, DocInfo* doc) {
  thread_local std::vector<Unit> units;
  SplitUnits(in.text, &doc->sentence_mode, &units);
  if (doc->sentence_mode) CutGluedFurniture(in.text, in.title, rules, &units);
  // The tokenizer reads a little past each unit (bytes of any value): the text itself holds them for
  // every unit but those within kScanPadding of its end, which the tokenizer copies (a padded copy of the
  // whole text was a copy of every byte of the corpus).
  const auto readable_after = [&](size_t end) {
    return end + boilerplate_internal::kScanPadding <= in.text.size();
  };
  const TitleMask title(in.title);
  // A title that is only the text's first line (no title field) says nothing about that line; one that
  // came from elsewhere and is a line of the text makes that line the headline.
  const bool title_from_text = TrimSpace(in.title) == boilerplate_internal::FirstLine(in.text);
  thread_local std::string joined;
  thread_local std::vector<std::pair<uint32_t, uint32_t>> pieces;
  thread_local std::vector<uint64_t> hashes;
  thread_local boilerplate_internal::UnitWords words;
  // The shingles are gathered in a per-thread buffer and stored once at their exact size: growing each
  // document's vector unit by unit cost a reallocation per doubling, and left up to half of it unused
  // (fresh heap pages, which this stage pays for in page faults, for all the documents at once).
  thread_local std::vector<uint32_t> shingles;
  shingles.clear();
  doc->openings.clear();
  doc->units.resize(units.size());
  for (size_t i = 0; i < units.size(); ++i) {
    UnitInfo& info = doc->units[i];
    info.unit = {units[i].region_begin, units[i].region_end, units[i].text_begin, units[i].text_end};
    info.flags = units[i].joined ? kJoined : 0;
    if (units[i].blank()) {
      info.flags |= kBlank;
      continue;
    }
    const std::string_view text =
        in.text.substr(units[i].text_begin, units[i].text_end - units[i].text_begin);
    Template t = MaskUnit(text, title, nullptr, &hashes, &words, readable_after(units[i].text_end));
    const std::string_view rule_text = RuleText(text, units[i].joined, &joined, &pieces);
    info.rule = doc->sentence_mode ? rules.MatchWhole(rule_text, &words) : rules.Classify(rule_text, &words);
    if (t.pure_title) {
      info.flags |= kPureTitle;
      // The headline repeated in the text is never counted as a template. Only when the title was taken
      // from the first line itself is that line counted, by its own words: a real headline differs from
      // article to article, but a first line that every page of a site shares ("Skip to main content")
      // is that site's furniture.
      if (!title_from_text) continue;
      t = MaskUnit(text, TitleMask());
    }
    info.key = t.key;
    info.cross = t.cross_key;
    info.cross_words = static_cast<uint8_t>(std::min<uint32_t>(t.cross_words, 255));
    info.tokens = static_cast<uint16_t>(std::min<uint32_t>(t.tokens, std::numeric_limits<uint16_t>::max()));
    if (t.has_title) info.flags |= kHasTitle;
    if (t.words > 0) info.flags |= kCountable;
    if (t.tokens > 0 && t.tokens <= kLinkLineTokens && !EndsLikeSentence(text)) {
      info.flags |= kLinkLike;
      if (!doc->sentence_mode) info.flags |= kNameable;
    }
    if (doc->sentence_mode && EndsLikeSentence(text)) info.flags |= kSentence;
    if ((info.flags & kNameable) && info.rule < 0 && !t.has_title) {
      const uint64_t opening = LineOpening(text);
      if (opening != 0) doc->openings.emplace_back(static_cast<uint32_t>(i), opening);
    }
    if ((info.flags & kCountable) && !(info.flags & kPureTitle) && info.rule < 0 &&
        t.tokens >= kFingerprintTokens) {
      boilerplate_internal::AddShingles(hashes, &shingles);
    }
  }
  doc->shingles.assign(shingles.begin(), shingles.end());
  // Candidate lead-ins at the start of the first units (LearnLeadIns decides).
  doc->leads.clear();
  size_t scanned = 0;
  for (size_t i = 0; i < units.size() && scanned < kLeadInScanUnits; ++i) {
    const UnitInfo& info = doc->units[i];
    if (!(info.flags & kCountable) || (info.flags & kPureTitle) || info.rule >= 0) continue;
    ++scanned;
    const std::string_view text =
        in.text.substr(units[i].text_begin, units[i].text_end - units[i].text_begin);
    size_t from = 0;
    for (size_t c = 0; c < kLeadInCommas; ++c) {
      const size_t at = text.find(", ", from);
      if (at == std::string_view::npos || at + 2 > kMaxLeadInBytes) break;
      from = at + 2;
      if (text.size() - from < kMinLeadInRest) break;
      // Quoted speech is the article's own ("\"We were never told,\" said <Name>, ..."), never a lead-in.
      if (HasQuote(text.substr(0, at))) break;
      // The rest of the text follows the prefix: readable, so no copy (but near the text's end).
      const Template t = MaskUnit(text.substr(0, at), title, nullptr, nullptr, nullptr,
                                  readable_after(units[i].text_begin + at));
      if (t.tokens < 2 || t.tokens > kMaxLeadInTokens || t.has_title ||
          t.cross_words < boilerplate_internal::kMinCrossWords) {
        continue;
      }
      // A lead-in names who tells ("<Outlet> informs, citing <Agency>, "): one without a name is the
      // sentence's own clause ("The council said on Monday, "), however many articles open with it.
      if (t.cross_words >= t.words) continue;
      // Keyed with its number of commas too: names masked run across commas, so "X reports, citing
      // <Agency>, " and "X reports, citing <Agency>, <Name>, " (the first sentence's subject with it)
      // would share a template, and the longer one would take the article's words.
      doc->leads.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(from), t.cross_key ^ (uint64_t{c + 1} << 56)});
    }
    // The first long unit is the article's first paragraph: what follows cannot open the article.
    if (info.tokens >= kFingerprintTokens) break;
  }
  doc->head.clear();
  doc->head_unit = std::numeric_limits<uint32_t>::max();
  doc->head_cut = 0;
  if (!doc->sentence_mode) {
    // Links of a related box are furniture by rule already, so that learning sees through the box.
    thread_local std::vector<int32_t> rule;
    rule.resize(units.size());
    for (size_t i = 0; i < units.size(); ++i) rule[i] = doc->units[i].rule;
    AbsorbRelatedLinks(doc->units, rules, {}, &rule);
    for (size_t i = 0; i < units.size(); ++i) doc->units[i].rule = rule[i];
    return;
  }
  // Furniture split into sentences ("We use cookies. If you continue, we assume you agree."): the
  // sentences after one that a rule matches alone are furniture too when, together with it, up to three
  // make a run one rule matches whole. The run must start at a matched sentence, and the sentences it
  // adds must be ones no rule matches alone: a pattern that allows any sentence before its prompt must not
  // pull an article sentence in, whether from before the run or between two pieces of furniture ("Share
  // on Facebook <article sentence>. Please turn off your ad blocker.").
  for (size_t i = 0; i < units.size(); ++i) {
    if (doc->units[i].rule < 0) continue;
    for (size_t len = std::min<size_t>(3, units.size() - i); len >= 2; --len) {
      const uint32_t b = units[i].text_begin, e = units[i + len - 1].text_end;
      if (e - b > BoilerplateRules::kMaxCoverBytes) continue;  // furniture is short (as in Classify)
      bool added_unmatched = true;
      for (size_t k = i + 1; k < i + len; ++k) added_unmatched &= doc->units[k].rule < 0;
      if (!added_unmatched) continue;
      const int r = rules.MatchWhole(in.text.substr(b, e - b));
      // A rule with an open trail would take any sentence after its match ("Home / News" + an article
      // sentence).
      if (r < 0 || OpenTrail(rules, r)) continue;
      for (size_t k = i; k < i + len; ++k) {
        if (doc->units[k].rule < 0) doc->units[k].rule = r;
      }
      break;
    }
  }
  // Where a head lead-in could end in the first content unit (LearnHeadLeadIns decides which unit that
  // is: the first of these that its source did not learn as furniture, "<Site> Sheet" before a number a
  // rule took).
  doc->head_slots = 0;
  for (size_t i = 0; i < units.size() && doc->head_slots < 3; ++i) {
    const UnitInfo& info = doc->units[i];
    if (!(info.flags & kCountable) || (info.flags & kPureTitle) || info.rule >= 0) continue;
    const uint8_t slot = doc->head_slots++;
    doc->head_units[slot] = static_cast<uint32_t>(i);
    const std::string_view text = in.text.substr(units[i].text_begin, units[i].text_end - units[i].text_begin);
    // Followed by the headline: the unit's end is where the page's words diverge.
    size_t next = i + 1;
    while (next < units.size() && (doc->units[next].flags & kBlank)) ++next;
    const bool next_is_title = next < units.size() && (doc->units[next].flags & kPureTitle);
    const uint64_t end_next = !EndsLikeSentence(text) ? boilerplate_internal::HashBytes(TrimSpace(in.title)) | 1 : 0;
    HeadBounds(text, title, end_next, next_is_title, slot, &doc->head);
    // A sentence is the article's: no unit after it opens the page.
    if (EndsLikeSentence(text)) break;
  }
}

// A unit whose template with names masked is counted in its source: a short line that does not end like
// a sentence (a byline, a desk or edition line whose names vary from page to page), not the headline, not
// taken by a rule. Sentences, and the pieces of sentences in a text without line breaks, are left out:
// article prose with other names in it ("<Name> told reporters ...") must not become one template.
inline bool NameCounted(const UnitInfo& u) {
  return u.cross != 0 && u.rule < 0 && (u.flags & kCountable) && (u.flags & kNameable) && !(u.flags & kPureTitle);
}

// The unit is furniture by what its own source learned: its template, or its template with names masked.
inline bool LearnedInSource(const UnitInfo& u, const SourceModel& model) {
  return ((u.flags & kCountable) && model.stats[u.tmpl].furniture) ||
         (NameCounted(u) && model.name_stats[u.name_tmpl].furniture);
}

// Union-find over the documents of one source.
uint32_t Find(std::vector<uint32_t>* parent, uint32_t x) {
  while ((*parent)[x] != x) {
    (*parent)[x] = (*parent)[(*parent)[x]];
    x = (*parent)[x];
  }
  return x;
}

// The furniture-versus-content decision for one template of one source (RULES.md explains it).
//  - It must recur in at least min_repeats distinct articles: copies of one article (published twice,
//    or updated) count once, so an article's own lines never reach the threshold by being copied.
//  - A template with the title masked in it ("Home » News » <title>", "<title> - Site") is furniture.
//  - A short template is furniture when it sits in the head or tail furniture zone in at least half of
//    its documents, or recurs in most of the site's articles.
//  - A long one needs both: at the edge, and in most of the site's articles (a site with at least
//    2 * min_repeats articles, so that "most" means something). A background paragraph a site reuses in
//    a few follow-up stories fails this and stays content: that is reuse, for the passages to report.
//  - A short line of its own that is not a sentence ("Advertisement", "Our reporting, your support")
//    is furniture wherever it sits: an article's subheadings and captions are its own, and do not
//    recur word for word in min_repeats different articles; its sentences do, and end like sentences.
bool IsFurniture(const KeyStats& s, uint32_t site_groups, size_t min_repeats) {
  if (s.groups < min_repeats) return false;
  if (s.has_title || s.line) return true;
  const bool edge = 2 * static_cast<uint64_t>(s.edge) >= s.docs;
  const bool most = 2 * static_cast<uint64_t>(s.groups) > site_groups && site_groups >= 2 * min_repeats;
  if (s.tokens <= kShortTokens && !s.sentence) return edge || most;
  return edge && most;
}

// The source's head lead-in in each document of a text without line breaks (DocInfo::head_cut), once
// every source has learned its furniture and the cross-source model is built: in the first of the
// document's candidate units that the source did not learn as furniture, the longest run of its first
// tokens, with names masked, after no run of more than kMaxHeadLowerWords words in lower case since
// furniture the source or other sources learned glued at its start, that
//  - opens at least min_repeats of the source's articles (copy groups) and a third of them (as learned
//    lead-ins: furniture is on most pages), followed by at least min_repeats distinct words: the pages'
//    continuations diverge there (a syndicated article's first sentence, on several pages or sources, is
//    one article's words, followed by the same word everywhere);
//  - is followed in this document by a word that at most half of those articles have there (a name or a
//    job title the byline repeats is not where it ends: "by <Name> Senior News Editor");
//  - ends after a mask or a symbol, or after a capitalized word that most of those articles have there:
//    a run of capitalized words is masked as one name ("<Name> Senior News Editor Home prices ..."), and
//    the cut goes where the words shared by the pages end, never inside the article's first sentence.
class CrossModel;
uint32_t CrossFurnitureDocs(const CrossModel& cross, uint64_t key);

// The first of a document's candidate head units (DocInfo::head_units) that its source did not learn as
// furniture: its slot, or -1 (none, or not a text without line breaks).
int HeadSlot(const DocInfo& d, const SourceModel& model) {
  if (!d.sentence_mode || d.head.empty()) return -1;
  for (uint8_t k = 0; k < d.head_slots; ++k) {
    if (!LearnedInSource(d.units[d.head_units[k]], model)) return k;
  }
  return -1;
}

// Bound j of document d may end a lead-in: after furniture of the source glued at the unit's start (as
// GluedTemplatePrefix finds it: the longest such piece from the start), few words in lower case.
bool HeadMayEnd(const DocInfo& d, size_t j, const SourceModel& model, const CrossModel& cross) {
  const HeadBound& b = d.head[j];
  if (!b.ok) return false;
  uint32_t longest = b.lower;
  for (size_t k = j; k > 0 && d.head[k - 1].slot == b.slot; --k) {
    const HeadBound& g = d.head[k - 1];
    if (std::binary_search(model.furniture_keys.begin(), model.furniture_keys.end(),
                           std::make_pair(g.exact, uint32_t{0}),
                           [](const auto& x, const auto& y) { return x.first < y.first; }) ||
        (g.plain >= boilerplate_internal::kMinCrossWords && CrossFurnitureDocs(cross, g.key) > 0)) {
      break;
    }
    longest = std::max<uint32_t>(longest, g.lower);
  }
  return longest <= kMaxHeadLowerWords;
}

void LearnHeadLeadIns(std::vector<DocInfo>* all_docs, const std::vector<uint32_t>& members, size_t min_repeats,
                      const SourceModel& model, const CrossModel& cross) {
  std::vector<DocInfo>& docs = *all_docs;
  const uint32_t n = static_cast<uint32_t>(members.size());
  if (!std::any_of(members.begin(), members.end(), [&](uint32_t d) { return docs[d].sentence_mode; })) return;
  std::vector<uint32_t> group(n);
  for (uint32_t m = 0; m < n; ++m) group[m] = docs[members[m]].group;
  // Each document's first candidate unit that the source did not learn as furniture (its slot, or -1).
  std::vector<int> slot(n, -1);
  for (uint32_t m = 0; m < n; ++m) slot[m] = HeadSlot(docs[members[m]], model);
  auto usable = [&](uint32_t m) { return slot[m] >= 0; };
  auto may_end = [&](const DocInfo& d, size_t j) { return HeadMayEnd(d, j, model, cross); };
  // (key, group) and (key, next, group), one per document and bound.
  std::vector<std::pair<uint64_t, uint32_t>> keys;
  std::vector<std::tuple<uint64_t, uint64_t, uint32_t>> nexts;
  for (uint32_t m = 0; m < n; ++m) {
    const DocInfo& d = docs[members[m]];
    if (!usable(m)) continue;
    for (size_t j = 0; j < d.head.size(); ++j) {
      if (d.head[j].slot != slot[m] || !may_end(d, j)) continue;
      const HeadBound& b = d.head[j];
      keys.emplace_back(b.key, group[m]);
      nexts.emplace_back(b.key, b.next, group[m]);
    }
  }
  if (keys.empty()) return;
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::sort(nexts.begin(), nexts.end());
  nexts.erase(std::unique(nexts.begin(), nexts.end()), nexts.end());
  // Per key: articles, distinct next words; per (key, next): articles.
  struct KeyCount {
    uint64_t key;
    uint32_t groups = 0, distinct = 0;
  };
  std::vector<KeyCount> key_counts;
  for (size_t k = 0; k < keys.size(); ++k) {
    if (key_counts.empty() || key_counts.back().key != keys[k].first) key_counts.push_back({keys[k].first});
    ++key_counts.back().groups;
  }
  std::vector<std::pair<std::pair<uint64_t, uint64_t>, uint32_t>> next_counts;
  for (const auto& [key, next, g] : nexts) {
    if (next_counts.empty() || next_counts.back().first != std::make_pair(key, next)) {
      next_counts.push_back({{key, next}, 0});
      auto it = std::lower_bound(key_counts.begin(), key_counts.end(), key,
                                 [](const KeyCount& c, uint64_t k) { return c.key < k; });
      ++it->distinct;
    }
    ++next_counts.back().second;
  }
  auto key_count = [&](uint64_t key) {
    return &*std::lower_bound(key_counts.begin(), key_counts.end(), key,
                              [](const KeyCount& c, uint64_t k) { return c.key < k; });
  };
  auto next_count = [&](uint64_t key, uint64_t next) {
    return std::lower_bound(next_counts.begin(), next_counts.end(), std::make_pair(std::make_pair(key, next), uint32_t{0}))
        ->second;
  };
  for (uint32_t m = 0; m < n; ++m) {
    DocInfo& d = docs[members[m]];
    if (!usable(m)) continue;
    for (size_t j = d.head.size(); j > 0; --j) {
      if (d.head[j - 1].slot != slot[m] || !may_end(d, j - 1)) continue;
      const HeadBound& b = d.head[j - 1];
      if (!b.rest) continue;
      const KeyCount* c = key_count(b.key);
      if (c->groups < min_repeats || 3 * static_cast<uint64_t>(c->groups) < model.groups || c->distinct < min_repeats) {
        continue;
      }
      if (2 * static_cast<uint64_t>(next_count(b.key, b.next)) > c->groups) continue;
      if (b.prev == kHeadPrevCap) {
        // The word before: a bound of its own, with the same key (one name run) and shared by most.
        if (j < 2 || d.head[j - 2].slot != b.slot || !may_end(d, j - 2) || d.head[j - 2].token + 1 != b.token ||
            d.head[j - 2].key != b.key ||
            2 * static_cast<uint64_t>(next_count(b.key, d.head[j - 2].next)) <= c->groups) {
          continue;
        }
      }
      d.head_unit = d.head_units[b.slot];
      d.head_cut = b.bytes;
      d.head_docs = c->groups;
      d.head_key = b.key;
      break;
    }
  }
}

// Asks for the cache lines of a document's units ahead of a pass over them. BuildSourceModel's passes go
// from document to document of a source, whose units are spread over more memory than the cache holds;
// the hardware's prefetch follows one document's units once started, not the jump to the next one's.
template <typename T>
inline void PrefetchItems(const std::vector<T>& items) {
  const char* p = reinterpret_cast<const char*>(items.data());
  const char* end = p + items.size() * sizeof(T);
  for (; p < end; p += 64) __builtin_prefetch(p);
}
inline void PrefetchUnits(const DocInfo& d) { PrefetchItems(d.units); }
// The next document's units, for a pass over the documents of `members` at position `i`.
inline void PrefetchNextUnits(const std::vector<DocInfo>& docs, const std::vector<uint32_t>& members,
                              size_t i) {
  if (i + 1 < members.size()) PrefetchUnits(docs[members[i + 1]]);
}
// How many units ahead a unit's slot in a table of templates (KeyIndex, SourceModel::stats) is asked for.
constexpr size_t kIndexAhead = 4;

void BuildSourceModel(std::vector<DocInfo>* all_docs, const std::vector<uint32_t>& members,
                      size_t min_repeats, SourceModel* model) {
  std::vector<DocInfo>& docs = *all_docs;
  const uint32_t n = static_cast<uint32_t>(members.size());
  // Templates to dense indices, and in how many documents each occurs.
  size_t units = 0;
  for (uint32_t m = 0; m < n; ++m) units += docs[members[m]].units.size();
  KeyIndex index(units / 2);
  std::vector<KeyStats>& stats = model->stats;
  // Copy groups: two documents that share most of their long units (lines of the article itself:
  // rule-matched units are skipped; the longest kFingerprintsPerDoc) are copies of one article, even
  // after light edits. Sharing one or two is what a reused background paragraph, or the long lines of a
  // template, do. Each document's long units are taken in the same pass as its templates' indices: the
  // source's units are more than the cache holds, and each pass over them waits on memory.
  std::vector<std::pair<uint32_t, uint32_t>> prints;  // (template, document), each document's distinct ones
  std::vector<uint32_t> print_count(n, 0);
  {
    std::vector<const UnitInfo*> longest;
    std::vector<uint32_t> mine;
    for (uint32_t m = 0; m < n; ++m) {
      PrefetchNextUnits(docs, members, m);
      longest.clear();
      std::vector<UnitInfo>& units_of = docs[members[m]].units;
      for (size_t i = 0; i < units_of.size(); ++i) {
        UnitInfo& u = units_of[i];
        // The table is larger than the cache: the slot of a unit a few ahead is asked for now.
        if (i + kIndexAhead < units_of.size()) index.Prefetch(units_of[i + kIndexAhead].key);
        if (!(u.flags & kCountable)) continue;
        u.tmpl = index.Insert(u.key);
        if (u.tmpl == stats.size()) stats.emplace_back();
        if (u.rule < 0 && u.tokens >= kFingerprintTokens) longest.push_back(&u);
        KeyStats& s = stats[u.tmpl];
        if (s.last_doc == m) continue;
        s.last_doc = m;
        ++s.docs;
        s.tokens = u.tokens;
        s.has_title = u.has_title();
        s.line = (u.flags & kNameable) != 0;
        s.sentence = (u.flags & kSentence) != 0;
      }
      const size_t keep = std::min(kFingerprintsPerDoc, longest.size());
      // Which ones are the longest matters only when some are left out: the templates kept are sorted
      // below.
      if (keep < longest.size()) {
        std::partial_sort(
            longest.begin(), longest.begin() + keep, longest.end(), [](const UnitInfo* a, const UnitInfo* b) {
              return a->tokens != b->tokens ? a->tokens > b->tokens : a->unit.text_begin < b->unit.text_begin;
            });
      }
      mine.clear();
      for (size_t k = 0; k < keep; ++k) mine.push_back(longest[k]->tmpl);
      std::sort(mine.begin(), mine.end());
      mine.erase(std::unique(mine.begin(), mine.end()), mine.end());
      print_count[m] = static_cast<uint32_t>(mine.size());
      for (const uint32_t t : mine) prints.emplace_back(t, m);
    }
  }

  std::vector<uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0u);
  auto unite = [&](uint32_t x, uint32_t y) {
    const uint32_t a = Find(&parent, x), b = Find(&parent, y);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  };
  std::vector<uint32_t> common(n, 0), last_run(n, 0), touched;

  {
    // Holders of each template, in document order: a counting sort by template.
    std::vector<uint32_t> start(stats.size() + 1, 0);
    for (const auto& e : prints) ++start[e.first + 1];
    for (size_t t = 0; t < stats.size(); ++t) start[t + 1] += start[t];
    std::vector<uint32_t> holders(prints.size()), by_doc_pos(prints.size());
    {
      std::vector<uint32_t> next(start.begin(), start.end() - 1);
      for (uint32_t i = 0; i < prints.size(); ++i) {
        by_doc_pos[i] = next[prints[i].first];
        holders[next[prints[i].first]++] = prints[i].second;
      }
    }
    size_t i = 0;
    for (uint32_t m = 0; m < n; ++m) {
      for (const size_t end = i + print_count[m]; i < end; ++i) {
        const uint32_t t = prints[i].first;
        const uint32_t run = start[t + 1] - start[t];
        if (run > kMaxCopies) continue;  // in that many documents it is template, not article
        for (uint32_t j = start[t]; j < by_doc_pos[i]; ++j) {
          const uint32_t other = holders[j];
          if (common[other]++ == 0) touched.push_back(other);
          last_run[other] = run;
        }
      }
      for (const uint32_t other : touched) {
        const size_t fewer = std::min(print_count[m], print_count[other]);
        // More than half of the long units of the shorter one, and at least two; a document with a
        // single long unit is a copy when it shares it with few others.
        bool copy = common[other] >= std::max<size_t>(2, fewer / 2 + 1);
        if (fewer == 1) copy = last_run[other] <= std::max<size_t>(2, n / 3);
        if (copy) unite(m, other);
        common[other] = 0;
      }
      touched.clear();
    }
  }

  // Copies by shingles: the (shingle, document) keys sorted, so that the holders of a shingle are one
  // run, in document order, and those before a document are the earlier ones.
  {
    // Packed into one integer (shingle << 32 | document): the sort, and the runs and repeats after it,
    // compare one word rather than a pair.
    // At its final size at once (grown by doubling, the copies of its reallocations were a tenth of this
    // function's time on the benchmark corpus), and not zeroed first: every key is written.
    size_t total = 0;
    for (uint32_t m = 0; m < n; ++m) total += docs[members[m]].shingles.size();
    const std::unique_ptr<uint64_t[]> key_store = std::make_unique_for_overwrite<uint64_t[]>(total);
    const std::span<uint64_t> keys(key_store.get(), total);
    {
      uint64_t* out = keys.data();
      for (uint32_t m = 0; m < n; ++m) {
        if (m + 1 < n) PrefetchItems(docs[members[m + 1]].shingles);
        for (const uint32_t sh : docs[members[m]].shingles) *out++ = uint64_t{sh} << 32 | m;
      }
    }
    boilerplate_internal::SortKeys(keys.data(), keys.size());
    // One pass over the runs: the distinct shingles of each document (a shingle may repeat in one), and
    // the runs of shingles shared by a few documents (most shingles are a single document's), each
    // entry with the start of its run.
    std::vector<uint32_t> sample(n, 0);
    std::vector<std::pair<uint32_t, uint32_t>> shared;  // (document, start of its run in `shared`)
    for (size_t k = 0; k < keys.size();) {
      const uint64_t shingle = keys[k] >> 32;
      size_t end = k + 1;
      while (end < keys.size() && keys[end] >> 32 == shingle) ++end;
      size_t holders = 0;
      for (size_t j = k; j < end; ++j) {
        if (j > k && keys[j] == keys[j - 1]) continue;
        ++sample[static_cast<uint32_t>(keys[j])];
        ++holders;
      }
      if (holders >= 2 && holders <= kMaxCopies) {  // more: template text, not an article's
        const auto begin = static_cast<uint32_t>(shared.size());
        for (size_t j = k; j < end; ++j) {
          if (j == k || keys[j] != keys[j - 1]) shared.emplace_back(static_cast<uint32_t>(keys[j]), begin);
        }
      }
      k = end;
    }
    std::vector<uint32_t> first_entry(n + 1, 0), by_member(shared.size());
    for (const auto& e : shared) ++first_entry[e.first + 1];
    for (uint32_t m = 0; m < n; ++m) first_entry[m + 1] += first_entry[m];
    {
      std::vector<uint32_t> next(first_entry.begin(), first_entry.end() - 1);
      for (uint32_t k = 0; k < shared.size(); ++k) by_member[next[shared[k].first]++] = k;
    }
    // A document's entries are spread over `shared` (in shingle order): each is asked for a few entries
    // ahead, as the next document's units are in the passes above.
    constexpr uint32_t kAhead = 16;
    const auto entries = static_cast<uint32_t>(shared.size());
    for (uint32_t m = 0; m < n; ++m) {
      for (uint32_t k = first_entry[m]; k < first_entry[m + 1]; ++k) {
        if (k + kAhead < entries) __builtin_prefetch(&shared[by_member[k + kAhead]]);
        const uint32_t e = by_member[k];
        for (uint32_t j = shared[e].second; j < e; ++j) {
          const uint32_t other = shared[j].first;
          if (common[other]++ == 0) touched.push_back(other);
        }
      }
      for (const uint32_t other : touched) {
        const size_t fewer = std::min(sample[m], sample[other]);
        if (common[other] >= kMinSharedShingles && 3 * static_cast<size_t>(common[other]) >= 2 * fewer) {
          unite(m, other);
        }
        common[other] = 0;
      }
      touched.clear();
    }
  }

  std::vector<uint32_t> group(n);
  for (uint32_t m = 0; m < n; ++m) {
    group[m] = Find(&parent, m);
    if (group[m] == m) ++model->groups;
  }
  // Distinct groups per template: visit the documents group by group (a group is named by its first
  // document, so a counting sort by group keeps input order within each).
  {
    std::vector<uint32_t> start(n + 1, 0), order(n);
    for (uint32_t m = 0; m < n; ++m) ++start[group[m] + 1];
    for (uint32_t g = 0; g < n; ++g) start[g + 1] += start[g];
    for (uint32_t m = 0; m < n; ++m) order[start[group[m]]++] = m;
    // The same for the templates with names masked, documents and groups, in the same pass.
    KeyIndex names(units / 8);
    std::vector<KeyStats>& name_stats = model->name_stats;
    for (uint32_t i = 0; i < n; ++i) {
      const uint32_t m = order[i];
      if (i + 1 < n) PrefetchUnits(docs[members[order[i + 1]]]);
      for (UnitInfo& u : docs[members[m]].units) {
        if (!(u.flags & kCountable)) continue;
        KeyStats& t = stats[u.tmpl];
        if (t.last_group != group[m]) {
          t.last_group = group[m];
          ++t.groups;
        }
        if (!NameCounted(u)) continue;
        u.name_tmpl = names.Insert(u.cross);
        if (u.name_tmpl == name_stats.size()) name_stats.emplace_back();
        KeyStats& s = name_stats[u.name_tmpl];
        s.tokens = u.tokens;
        if (s.last_doc != m) {
          s.last_doc = m;
          ++s.docs;
        }
        if (s.last_group != group[m]) {
          s.last_group = group[m];
          ++s.groups;
        }
      }
    }
  }

  // The furniture zones: from each end of a document, the units that are blank, rule-matched, only the
  // title, without words, or recurring templates; a template counts as "at the edge" in a document
  // when it is inside one of them.
  // In a text without line breaks, a short piece that is no sentence (a related box's headlines run
  // together, a slogan) does not end the zone either: the article's sentences end like sentences.
  const auto piece = [&](const DocInfo& d, const UnitInfo& u) {
    return d.sentence_mode && !(u.flags & kSentence) && u.tokens <= kMaxBetweenTokens;
  };
  auto candidate = [&](const UnitInfo& u) {
    if (!(u.flags & kCountable) || (u.flags & kPureTitle) || u.rule >= 0) return true;
    return stats[u.tmpl].groups >= min_repeats ||
           (NameCounted(u) && model->name_stats[u.name_tmpl].groups >= min_repeats);
  };
  for (uint32_t m = 0; m < n; ++m) {
    const std::vector<UnitInfo>& units_of = docs[members[m]].units;
    auto mark = [&](const UnitInfo& u) {
      if (!(u.flags & kCountable)) return;
      if (NameCounted(u)) {
        KeyStats& s = model->name_stats[u.name_tmpl];
        if (s.last_edge != m) {
          s.last_edge = m;
          ++s.edge;
        }
      }
      KeyStats& s = stats[u.tmpl];
      if (s.last_edge == m) return;
      s.last_edge = m;
      ++s.edge;
    };
    const DocInfo& d = docs[members[m]];
    size_t head = 0;
    while (head < units_of.size() && (candidate(units_of[head]) || piece(d, units_of[head]))) mark(units_of[head++]);
    size_t tail = units_of.size();
    while (tail > head && (candidate(units_of[tail - 1]) || piece(d, units_of[tail - 1]))) mark(units_of[--tail]);
  }
  for (KeyStats& s : stats) s.furniture = IsFurniture(s, model->groups, min_repeats);
  // With names masked, only what sits in the furniture zone in at least half of its documents: "most of
  // the site's articles" is no evidence for a shape that article lines may share.
  for (KeyStats& s : model->name_stats) s.furniture = s.groups >= min_repeats && 2 * static_cast<uint64_t>(s.edge) >= s.docs;

  // Lead-ins: the opening of each document's first content unit (the first with words that is neither
  // the headline nor furniture), up to a comma, names masked. One that opens at least a third of the
  // site's articles (and at least min_repeats) is the site's lead-in, not the way its articles happen to
  // start: article openings vary ("According to <Name>, ..." opens a few articles, not a third). A third,
  // not half: a site puts its lead-in on most articles, not all (those it did not take from an agency),
  // and a copy-edited or reworded opening is missed.
  std::vector<std::pair<uint64_t, uint32_t>> opened;  // (lead-in, group), one per document
  for (uint32_t m = 0; m < n; ++m) {
    const DocInfo& doc = docs[members[m]];
    if (doc.leads.empty()) continue;
    for (uint32_t i = 0; i < doc.units.size(); ++i) {
      const UnitInfo& u = doc.units[i];
      if (!(u.flags & kCountable) || (u.flags & kPureTitle) || u.rule >= 0 || LearnedInSource(u, *model)) continue;
      for (const LeadIn& l : doc.leads) {
        if (l.unit == i) opened.emplace_back(l.key, group[m]);
      }
      break;
    }
  }
  if (std::any_of(members.begin(), members.end(), [&](uint32_t d) { return docs[d].sentence_mode; })) {
    for (uint32_t m = 0; m < n; ++m) {
      PrefetchNextUnits(docs, members, m);
      for (const UnitInfo& u : docs[members[m]].units) {
        if ((u.flags & kCountable) && stats[u.tmpl].furniture) model->furniture_keys.emplace_back(u.key, stats[u.tmpl].docs);
      }
    }
    std::sort(model->furniture_keys.begin(), model->furniture_keys.end());
    model->furniture_keys.erase(std::unique(model->furniture_keys.begin(), model->furniture_keys.end()),
                                model->furniture_keys.end());
  }
  {
    std::vector<std::pair<uint64_t, uint32_t>> lines;  // (opening, group)
    for (uint32_t m = 0; m < n; ++m) {
      for (const auto& [unit, key] : docs[members[m]].openings) lines.emplace_back(key, group[m]);
    }
    std::sort(lines.begin(), lines.end());
    for (size_t k = 0; k < lines.size();) {
      size_t end = k + 1;
      uint32_t groups = 1;
      for (; end < lines.size() && lines[end].first == lines[k].first; ++end) groups += lines[end].second != lines[end - 1].second;
      if (groups >= min_repeats) model->openings.emplace_back(lines[k].first, static_cast<uint32_t>(end - k));
      k = end;
    }
  }
  std::sort(opened.begin(), opened.end());
  for (size_t k = 0; k < opened.size();) {
    size_t end = k + 1;
    uint32_t groups = 1;
    for (; end < opened.size() && opened[end].first == opened[k].first; ++end) groups += opened[end].second != opened[end - 1].second;
    if (groups >= min_repeats && 3 * static_cast<uint64_t>(groups) >= model->groups) {
      model->leads.emplace_back(opened[k].first, static_cast<uint32_t>(end - k));
    }
    k = end;
  }
  for (uint32_t m = 0; m < n; ++m) docs[members[m]].group = group[m];
}

// ---------------------------------------------------------------- across sources
//
// A site with one or two articles learns nothing from its own pages, and a line a site shows on only
// some pages may recur in fewer than min_repeats of its articles. But sites share furniture wordings
// (a comment prompt, a cookie notice, a slogan line of one shape with another site's name in it), and
// what other sources learned can be recognised there: a template with names masked
// (Template::cross_key) that is learned furniture on at least kMinCrossSources sources, and in at least
// half of all the documents (of any source) where it occurs outside a rule match. The second condition
// keeps what sources share as content: a syndicated article's lines and the stock sentences of news
// writing occur in many documents, and are learned as furniture in few or none of them. Even then, a
// unit is furniture by this only where furniture is: in the head or tail furniture zone of its
// document, or next to a unit that a rule or its own source's learning marked (MarkDoc).
constexpr uint32_t kMinCrossSources = 3;

class CrossModel {
 public:
  struct Entry {
    uint64_t key = 0;
    uint32_t sources = 0;         // sources where the template is learned furniture
    uint32_t furniture_docs = 0;  // documents where it is learned furniture
    uint32_t docs = 0;            // documents where it occurs outside a rule match
    bool furniture = false;
  };

  // Documents across sources where the unit's cross-site template is learned furniture, when that
  // template is furniture across sources; else 0.
  uint32_t FurnitureDocs(uint64_t key) const {
    const Entry* e = Lookup(key);
    return e != nullptr && e->furniture ? e->furniture_docs : 0;
  }

  void Build(const std::vector<DocInfo>& docs, const std::vector<std::vector<uint32_t>>& members,
             const std::vector<SourceModel>& models);
  bool any() const { return !entries_.empty(); }

  // Documents across sources opened by the lead-in `key` (names masked) when at least kMinCrossSources
  // sources learned it (SourceModel::leads); else 0.
  uint32_t LeadDocs(uint64_t key) const {
    const auto it = std::lower_bound(leads_.begin(), leads_.end(), std::make_pair(key, uint32_t{0}));
    return it != leads_.end() && it->first == key ? it->second : 0;
  }
  bool any_leads() const { return !leads_.empty(); }

  // Documents across sources where the label `key` (a plain template: see Label) is learned furniture,
  // when at least kMinCrossSources sources learned it; else 0.
  uint32_t LabelDocs(uint64_t key) const {
    const auto it = std::lower_bound(labels_.begin(), labels_.end(), std::make_pair(key, uint32_t{0}));
    return it != labels_.end() && it->first == key ? it->second : 0;
  }
  bool any_labels() const { return !labels_.empty(); }

  // Documents across sources where the short line `key` (a plain template: see LearnedLine) is learned
  // furniture, when at least kMinCrossSources sources learned it; else 0.
  uint32_t LineDocs(uint64_t key) const {
    const auto it = std::lower_bound(lines_.begin(), lines_.end(), std::make_pair(key, uint32_t{0}));
    return it != lines_.end() && it->first == key ? it->second : 0;
  }

  // Documents across sources with lines opened by `key` (LineOpening) when at least kMinCrossSources
  // sources learned it; else 0.
  uint32_t OpeningDocs(uint64_t key) const {
    const auto it = std::lower_bound(openings_.begin(), openings_.end(), std::make_pair(key, uint32_t{0}));
    return it != openings_.end() && it->first == key ? it->second : 0;
  }

 private:
  // The entry of `key`, or null. Most keys looked up are not there: a bitmap of the entries' keys turns
  // them away before the search.
  const Entry* Lookup(uint64_t key) const {
    if (key == 0 || !((filter_[(key >> 7) & (kFilterBits / 64 - 1)] >> (key & 63)) & 1)) return nullptr;
    const auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                                     [](const Entry& e, uint64_t k) { return e.key < k; });
    return it != entries_.end() && it->key == key ? &*it : nullptr;
  }

  static constexpr size_t kFilterBits = 1 << 16;
  std::vector<Entry> entries_;  // by key
  std::vector<std::pair<uint64_t, uint32_t>> leads_;  // lead-ins learned on several sources (key, documents)
  std::vector<std::pair<uint64_t, uint32_t>> labels_;  // labels learned on several sources (key, documents)
  std::vector<std::pair<uint64_t, uint32_t>> lines_;   // short lines learned on several sources (plain key)
  std::vector<std::pair<uint64_t, uint32_t>> openings_;  // line openings learned on several sources
  std::vector<uint64_t> filter_ = std::vector<uint64_t>(kFilterBits / 64, 0);
};

uint32_t CrossFurnitureDocs(const CrossModel& cross, uint64_t key) { return cross.FurnitureDocs(key); }

// A unit whose cross-site template is counted: it has words, is not the headline, and no rule took it.
// Its template must keep kMinCrossWords words; a line of its own that does not end like a sentence
// (kNameable) may keep one, with a number or a name masked beside it ("Edition <n> · <day>"), or none
// beside the title ("Home » Politics » <title>": a breadcrumb whose section varies).
inline bool CrossCounted(const UnitInfo& u) {
  const bool words = u.cross_words >= boilerplate_internal::kMinCrossWords ||
                     (u.cross_words == 1 && (u.flags & kNameable) && u.tokens >= 2) ||
                     (u.has_title() && (u.flags & kNameable) && u.tokens >= 2);
  return u.cross != 0 && words && u.rule < 0 && (u.flags & kCountable) && !(u.flags & kPureTitle);
}


// Labels: a line of its own of at most kMaxLabelTokens words that sites put in the middle of their
// articles ("Advertisement", "Sponsored content", "- AD -"). A source learns one as a short line of its
// own that recurs in min_repeats of its articles (IsFurniture); it is a label when it sits outside the
// head and tail furniture zone in most of its documents (a section name or a slogan sits in the zone).
// Learned by its plain template (words case-folded, numbers masked): a label is the same words on every
// site, and names masking would take title-case ones ("Sponsored Content") for a name. On
// kMinCrossSources sources, it is furniture on every source, wherever it sits: a line of its own of
// that template, or, in a text without line breaks, the same words opening a sentence before a
// capitalized word ("ADVERTISEMENT Residents said ..."), where a site with one or two articles, or a
// page without line breaks, could learn nothing of its own.
constexpr uint32_t kMaxLabelTokens = 3;

// A unit that may be a label: a short piece of its own with words, that does not end like a sentence,
// not the headline, not taken by a rule.
inline bool LabelLike(const UnitInfo& u) {
  return u.rule < 0 && (u.flags & kCountable) && (u.flags & kLinkLike) &&
         !(u.flags & (kPureTitle | kSentence)) && u.tokens <= kMaxLabelTokens && !u.has_title();
}

// The source learned the unit's template as a label.
inline bool LearnedLabel(const UnitInfo& u, const SourceModel& model) {
  if (!(u.flags & kNameable) || !LabelLike(u)) return false;
  const KeyStats& s = model.stats[u.tmpl];
  return s.furniture && s.line && 2 * static_cast<uint64_t>(s.edge) < s.docs;
}

// A unit that may be a short line of fixed wording: a piece of its own of at most kLinkLineTokens tokens
// with words, that does not end like a sentence, not the headline, not taken by a rule.
inline bool LineLike(const UnitInfo& u) {
  return u.rule < 0 && (u.flags & kCountable) && (u.flags & kLinkLike) &&
         !(u.flags & (kPureTitle | kSentence)) && !u.has_title();
}

// The source learned the unit, a line of its own, as furniture by its plain template. Across sources,
// names masking takes a line of fixed title-case wording for a name ("Facebook Twitter LinkedIn Email",
// "Leave a Comment" keeps one word): its plain template is what sites share. Used as the templates
// with names masked are, only where furniture is (MarkCrossSite).
inline bool LearnedLine(const UnitInfo& u, const SourceModel& model) {
  if (!(u.flags & kNameable) || !LineLike(u)) return false;
  const KeyStats& s = model.stats[u.tmpl];
  return s.furniture && s.line;
}

// (key, document) pairs, sorted here, to (key, distinct documents), by key.
void CountDocuments(std::vector<std::pair<uint64_t, uint32_t>>* pairs,
                    std::vector<std::pair<uint64_t, uint32_t>>* out) {
  std::sort(pairs->begin(), pairs->end());
  pairs->erase(std::unique(pairs->begin(), pairs->end()), pairs->end());
  for (size_t k = 0; k < pairs->size();) {
    size_t end = k + 1;
    while (end < pairs->size() && (*pairs)[end].first == (*pairs)[k].first) ++end;
    out->emplace_back((*pairs)[k].first, static_cast<uint32_t>(end - k));
    k = end;
  }
}

// Across `lists` per-source lists of (key, count) (get(i) is the i-th; a list's keys are distinct):
// keep(key, sources, total count) for each key on at least kMinCrossSources of them, by key.
template <typename Get, typename Keep>
void ForKeysOnManySources(size_t lists, Get get, Keep keep) {
  std::vector<std::pair<uint64_t, uint32_t>> all;
  for (size_t i = 0; i < lists; ++i) {
    const std::vector<std::pair<uint64_t, uint32_t>>& list = get(i);
    all.insert(all.end(), list.begin(), list.end());
  }
  std::sort(all.begin(), all.end());
  for (size_t k = 0; k < all.size();) {
    size_t end = k + 1;
    uint32_t total = all[k].second;
    while (end < all.size() && all[end].first == all[k].first) total += all[end++].second;
    if (end - k >= kMinCrossSources) keep(all[k].first, static_cast<uint32_t>(end - k), total);
    k = end;
  }
}

// A key that at least kMinCrossSources sources learned, with its furniture documents on them; `docs`
// and `last_doc` count, for the caller, the documents of any source where the key occurs.
struct CrossLearned {
  uint64_t key;
  uint32_t furniture_docs;
  uint32_t docs = 0;
  uint32_t last_doc = std::numeric_limits<uint32_t>::max();
};

// The keys of per-source (key, documents) lists that at least kMinCrossSources of them hold, by key.
std::vector<CrossLearned> LearnedOnManySources(
    const std::vector<std::vector<std::pair<uint64_t, uint32_t>>>& lists) {
  std::vector<CrossLearned> keys;
  ForKeysOnManySources(
      lists.size(), [&](size_t s) -> const std::vector<std::pair<uint64_t, uint32_t>>& { return lists[s]; },
      [&](uint64_t key, uint32_t, uint32_t with) {
        keys.push_back({key, with});
      });
  return keys;
}

// The entry of `key` in `keys` (by key), or null.
CrossLearned* FindLearned(std::vector<CrossLearned>* keys, uint64_t key) {
  const auto it = std::lower_bound(keys->begin(), keys->end(), key,
                                   [](const CrossLearned& l, uint64_t k) { return l.key < k; });
  return it != keys->end() && it->key == key ? &*it : nullptr;
}

void CrossModel::Build(const std::vector<DocInfo>& docs, const std::vector<std::vector<uint32_t>>& members,
                       const std::vector<SourceModel>& models) {
  using KeyCounts = std::vector<std::pair<uint64_t, uint32_t>>;
  // Line openings learned on at least kMinCrossSources sources.
  ForKeysOnManySources(
      models.size(), [&](size_t s) -> const KeyCounts& { return models[s].openings; },
      [&](uint64_t key, uint32_t, uint32_t with) { openings_.emplace_back(key, with); });
  // Labels learned on at least kMinCrossSources sources.
  {
    // Per source (in parallel): (key, documents) of its labels, and of its learned short lines.
    std::vector<KeyCounts> per_source(members.size()), per_source_lines(members.size());
    tbb::parallel_for(tbb::blocked_range<size_t>(0, members.size(), 1), [&](const tbb::blocked_range<size_t>& r) {
      KeyCounts pairs, line_pairs;  // (key, document)
      for (size_t s = r.begin(); s != r.end(); ++s) {
        pairs.clear();
        line_pairs.clear();
        for (size_t i = 0; i < members[s].size(); ++i) {
          PrefetchNextUnits(docs, members[s], i);
          const uint32_t d = members[s][i];
          for (const UnitInfo& u : docs[d].units) {
            if (!LearnedLine(u, models[s])) continue;
            line_pairs.emplace_back(u.key, d);
            if (LearnedLabel(u, models[s])) pairs.emplace_back(u.key, d);
          }
        }
        CountDocuments(&pairs, &per_source[s]);
        CountDocuments(&line_pairs, &per_source_lines[s]);
      }
    });
    ForKeysOnManySources(
        per_source.size(), [&](size_t s) -> const KeyCounts& { return per_source[s]; },
        [&](uint64_t key, uint32_t, uint32_t with) { labels_.emplace_back(key, with); });
    ForKeysOnManySources(
        per_source_lines.size(), [&](size_t s) -> const KeyCounts& { return per_source_lines[s]; },
        [&](uint64_t key, uint32_t, uint32_t with) { lines_.emplace_back(key, with); });
  }
  // Lead-ins learned on at least kMinCrossSources sources ("<Outlet> reports, citing <Agency>, " in one
  // shape on each): a site with one or two articles, which learns none, may open with one too.
  ForKeysOnManySources(
      models.size(), [&](size_t s) -> const KeyCounts& { return models[s].leads; },
      [&](uint64_t key, uint32_t, uint32_t opened) { leads_.emplace_back(key, opened); });
  // Per source (in parallel): each furniture template with names masked, and in how many of the
  // source's documents it is furniture.
  std::vector<KeyCounts> learned(members.size());
  tbb::parallel_for(tbb::blocked_range<size_t>(0, members.size(), 1), [&](const tbb::blocked_range<size_t>& r) {
    KeyCounts pairs;  // (cross key, document)
    for (size_t s = r.begin(); s != r.end(); ++s) {
      pairs.clear();
      for (size_t i = 0; i < members[s].size(); ++i) {
        PrefetchNextUnits(docs, members[s], i);
        const uint32_t d = members[s][i];
        for (const UnitInfo& u : docs[d].units) {
          if (CrossCounted(u) && LearnedInSource(u, models[s])) pairs.emplace_back(u.cross, d);
        }
      }
      CountDocuments(&pairs, &learned[s]);
    }
  });
  ForKeysOnManySources(
      learned.size(), [&](size_t s) -> const KeyCounts& { return learned[s]; },
      [&](uint64_t key, uint32_t sources, uint32_t furniture_docs) {
        Entry e;
        e.key = key;
        e.sources = sources;
        e.furniture_docs = furniture_docs;
        entries_.push_back(e);
      });
  if (entries_.empty()) return;
  for (const Entry& e : entries_) filter_[(e.key >> 7) & (kFilterBits / 64 - 1)] |= uint64_t{1} << (e.key & 63);
  // In how many documents each occurs, furniture or not: per chunk of documents (in parallel), then
  // summed.
  constexpr size_t kChunk = 1024;
  const size_t chunks = (docs.size() + kChunk - 1) / kChunk;
  std::vector<std::vector<uint32_t>> counts(chunks);
  tbb::parallel_for(tbb::blocked_range<size_t>(0, chunks, 1), [&](const tbb::blocked_range<size_t>& r) {
    for (size_t c = r.begin(); c != r.end(); ++c) {
      std::vector<uint32_t>& count = counts[c];
      count.assign(entries_.size(), 0);
      std::vector<uint32_t> last(entries_.size(), std::numeric_limits<uint32_t>::max());
      for (size_t d = c * kChunk; d < std::min(docs.size(), (c + 1) * kChunk); ++d) {
        if (d + 1 < docs.size()) PrefetchUnits(docs[d + 1]);
        for (const UnitInfo& u : docs[d].units) {
          if (!CrossCounted(u)) continue;
          const Entry* e = Lookup(u.cross);
          if (e == nullptr) continue;
          const size_t at = static_cast<size_t>(e - entries_.data());
          if (last[at] == d) continue;
          last[at] = static_cast<uint32_t>(d);
          ++count[at];
        }
      }
    }
  });
  for (size_t k = 0; k < entries_.size(); ++k) {
    for (const std::vector<uint32_t>& count : counts) entries_[k].docs += count[k];
    entries_[k].furniture = 2 * static_cast<uint64_t>(entries_[k].furniture_docs) >= entries_[k].docs;
  }
}

// Head lead-ins across sources: a site with one or two articles learns no head lead-in of its own
// (LearnHeadLeadIns needs min_repeats articles), but its pages may open with furniture of a shape other
// sites taught ("<Section> :: <Desk> :: <title> <first sentence>", names only, before the headline). A
// head lead-in's cross key is its template with names masked, for one that ends after a mask or a
// symbol. One that ends after a capitalized word ends inside a run of them that names masking takes for
// one name ("<Name> Harbour Correspondent Tamsin Vey aboard ..."): the template alone does not say
// which of the run's words ends the furniture, and the longest bound with it would cut inside a name
// that opens the sentence ("Tamsin | Vey aboard"). Its cross key is the template and the word before
// the cut: a word that the lead-ins of several sources end with is a fixed word of furniture (a job
// title's end), never a name, which differs from source to source; a page cut there keeps the name
// that opens its sentence whole, and a page whose run holds no such word is not cut. The word is the
// previous bound's next word (0: no bound before it in the same run).
uint64_t CrossHeadKey(const DocInfo& d, size_t j) {
  const HeadBound& b = d.head[j];
  if (b.prev != kHeadPrevCap) return b.key;
  if (j == 0) return 0;
  const HeadBound& w = d.head[j - 1];
  if (w.slot != b.slot || w.token + 1 != b.token || w.key != b.key) return 0;
  return ((b.key ^ w.next) * boilerplate_internal::MaskedTokens::kStep) | 1;
}

// Learned across sources, a head lead-in is furniture on a source that found none of its own for the
// document, where
//  - at least kMinCrossSources sources learned it (LearnHeadLeadIns, each with its guards: it opens a
//    third of their articles, and the words after it differ from page to page);
//  - in at least half of the documents, of any source, where a candidate bound of the first content unit
//    has that key (with the same guards of shape: HeadMayEnd), it is the learned lead-in: words that
//    open more pages as their article's own (a syndicated review that opens with the book's name before
//    its headline) are not carried.
// It is cut where the document's longest such bound ends, as the source's own would be.
void LearnCrossHeadLeadIns(std::vector<DocInfo>* all_docs, const std::vector<std::vector<uint32_t>>& members,
                           const std::vector<SourceModel>& models, const CrossModel& cross) {
  std::vector<DocInfo>& docs = *all_docs;
  using KeyCounts = std::vector<std::pair<uint64_t, uint32_t>>;
  // Per source: (key, documents) of the head lead-ins it learned.
  std::vector<KeyCounts> learned(members.size());
  bool any = false;
  for (size_t s = 0; s < members.size(); ++s) {
    KeyCounts pairs;
    for (const uint32_t d : members[s]) {
      const DocInfo& doc = docs[d];
      if (doc.head_cut == 0) continue;
      for (size_t j = 0; j < doc.head.size(); ++j) {
        if (doc.head_units[doc.head[j].slot] != doc.head_unit || doc.head[j].bytes != doc.head_cut) continue;
        if (const uint64_t key = CrossHeadKey(doc, j)) pairs.emplace_back(key, d);
        break;
      }
    }
    CountDocuments(&pairs, &learned[s]);
    any |= !learned[s].empty();
  }
  if (!any) return;
  // With `docs`: the documents with a candidate bound of that key.
  std::vector<CrossLearned> keys = LearnedOnManySources(learned);
  if (keys.empty()) return;
  // The bounds of each document that may end a lead-in of a learned key (bound, key), by document.
  std::vector<std::pair<uint32_t, uint32_t>> first(docs.size(), {0, 0});  // [begin, end) in `bounds`
  std::vector<std::pair<uint32_t, CrossLearned*>> bounds;
  for (size_t s = 0; s < members.size(); ++s) {
    for (const uint32_t d : members[s]) {
      const DocInfo& doc = docs[d];
      const int slot = HeadSlot(doc, models[s]);
      if (slot < 0) continue;
      first[d].first = static_cast<uint32_t>(bounds.size());
      for (size_t j = 0; j < doc.head.size(); ++j) {
        const HeadBound& b = doc.head[j];
        if (b.slot != slot || !b.rest) continue;
        const uint64_t key = CrossHeadKey(doc, j);
        CrossLearned* l = key != 0 ? FindLearned(&keys, key) : nullptr;
        if (l != nullptr && !HeadMayEnd(doc, j, models[s], cross)) l = nullptr;
        if (l == nullptr) continue;
        const bool seen = std::any_of(bounds.begin() + first[d].first, bounds.end(),
                                      [&](const auto& x) { return x.second == l; });
        if (!seen) ++l->docs;
        bounds.emplace_back(static_cast<uint32_t>(j), l);
      }
      first[d].second = static_cast<uint32_t>(bounds.size());
    }
  }
  for (size_t d = 0; d < docs.size(); ++d) {
    DocInfo& doc = docs[d];
    if (doc.head_cut > 0) continue;
    for (uint32_t k = first[d].second; k > first[d].first; --k) {
      const auto& [j, l] = bounds[k - 1];
      if (2 * static_cast<uint64_t>(l->furniture_docs) < l->docs) continue;
      const HeadBound& b = doc.head[j];
      doc.head_unit = doc.head_units[b.slot];
      doc.head_cut = b.bytes;
      doc.head_docs = l->furniture_docs;
      doc.head_key = b.key;
      break;
    }
  }
}

// Lines of fixed title-case wording with a name in them ("Copyright © <n> The <Site> Media. All Rights
// Reserved."): names masking takes the fixed words for part of the name, so the line keeps too few words
// to be carried across sources (CrossCounted), and its plain template holds the site's name. What sites
// share there is a vocabulary: a capitalized word in furniture that at least kMinVocabularySources
// sources learned (plain templates, short units) is no name. A unit's vocabulary template masks the
// other runs of capitalized words as names and keeps those words; learned on at least kMinCrossSources
// sources, and furniture in at least half of the documents where it occurs (as CrossModel), it is
// furniture on every source, used as the templates with names masked are: in the head or tail furniture
// zone, or next to furniture (MarkCrossSite). Only short units with at least kMinCrossWords words kept
// and a name masked, whose template with names masked is one a learned line has, or that have none
// (every word a name), are tokenized again.
constexpr uint32_t kMinVocabularySources = 5;

// The vocabulary template of a unit's tokens (0: fewer than kMinCrossWords words kept, or no name
// masked: the plain and cross-site templates already say what this one would).
uint64_t VocabularyKey(const std::vector<boilerplate_internal::MaskedToken>& toks,
                       const std::vector<uint64_t>& vocabulary) {
  using boilerplate_internal::MaskedTokens;
  uint64_t fold = MaskedTokens::kCrossSeed ^ 0x5D1E0C3A9B7F2468ULL;
  uint32_t kept = 0, names = 0;
  bool in_name = false;
  for (size_t e = 0; e < toks.size(); ++e) {
    const auto& tok = toks[e];
    const bool known = std::binary_search(vocabulary.begin(), vocabulary.end(), tok.hash);
    const bool name = tok.word && tok.cap && !known &&
                      (e > 0 || (e + 1 < toks.size() && toks[e + 1].word && toks[e + 1].cap &&
                                 !boilerplate_internal::OpensNoName(tok.hash)));
    if (!(name && in_name))
      fold = (fold ^ (name ? MaskedTokens::NameMask() : tok.hash)) * MaskedTokens::kStep;
    in_name = name;
    names += name;
    kept += !name && tok.word;
  }
  return kept >= boilerplate_internal::kMinCrossWords && names > 0 ? MaskedTokens::CrossKey(fold) : 0;
}

// A short unit whose vocabulary template may be counted: words, not the headline, no rule, at most
// kShortTokens tokens.
inline bool VocabularyCandidate(const UnitInfo& u) {
  return u.rule < 0 && (u.flags & kCountable) && !(u.flags & kPureTitle) && u.tokens <= kShortTokens;
}

// Documents per chunk of the parallel loops below: a fixed size, so that the chunks, and what is
// gathered from them in chunk order, do not depend on the thread count.
constexpr size_t kVocabularyChunk = 1024;

// The chunks of kVocabularyChunk items that [0, n) makes.
size_t VocabularyChunks(size_t n) { return (n + kVocabularyChunk - 1) / kVocabularyChunk; }

// Runs body(chunk, begin, end) over [0, n) in chunks of kVocabularyChunk, in parallel.
template <typename Body>
void ForChunks(size_t n, Body body) {
  tbb::parallel_for(tbb::blocked_range<size_t>(0, VocabularyChunks(n), 1),
                    [&](const tbb::blocked_range<size_t>& r) {
                      for (size_t c = r.begin(); c != r.end(); ++c) {
                        body(c, c * kVocabularyChunk, std::min(n, (c + 1) * kVocabularyChunk));
                      }
                    });
}

// The per-chunk vectors, one after the other.
template <typename T>
std::vector<T> Concatenate(std::vector<std::vector<T>>* parts) {
  size_t size = 0;
  for (const std::vector<T>& part : *parts) size += part.size();
  std::vector<T> all;
  all.reserve(size);
  for (std::vector<T>& part : *parts) {
    all.insert(all.end(), part.begin(), part.end());
    std::vector<T>().swap(part);
  }
  return all;
}

// Every loop over the documents or the learned units runs in parallel, per source or per fixed chunk,
// and what they gather is put together in source, document and unit order, as a serial loop would.
void LearnVocabularyLines(const std::vector<BoilerplateInput>& in, std::vector<DocInfo>* all_docs,
                          const std::vector<std::vector<uint32_t>>& members,
                          const std::vector<SourceModel>& models, const CrossModel& cross) {
  std::vector<DocInfo>& docs = *all_docs;
  using boilerplate_internal::MaskedToken;
  using KeyCounts = std::vector<std::pair<uint64_t, uint32_t>>;
  using LearnedUnit = std::tuple<uint32_t, uint32_t, uint32_t>;
  // Learned furniture that the cross-site model does not carry: (source, document, unit).
  std::vector<LearnedUnit> learned_units;
  {
    std::vector<std::vector<LearnedUnit>> per_source(members.size());
    tbb::parallel_for(
        tbb::blocked_range<size_t>(0, members.size(), 1), [&](const tbb::blocked_range<size_t>& r) {
          for (size_t s = r.begin(); s != r.end(); ++s) {
            for (size_t k = 0; k < members[s].size(); ++k) {
              PrefetchNextUnits(docs, members[s], k);
              const uint32_t d = members[s][k];
              for (size_t i = 0; i < docs[d].units.size(); ++i) {
                const UnitInfo& u = docs[d].units[i];
                if (!VocabularyCandidate(u) || !models[s].stats[u.tmpl].furniture) continue;
                if (CrossCounted(u) && cross.FurnitureDocs(u.cross) > 0) continue;
                per_source[s].emplace_back(static_cast<uint32_t>(s), d, static_cast<uint32_t>(i));
              }
            }
          }
        });
    learned_units = Concatenate(&per_source);
  }
  if (learned_units.empty()) return;
  // The unit's tokens, in a buffer of the calling thread.
  auto tokens = [&](uint32_t d, uint32_t i) -> const std::vector<MaskedToken>& {
    thread_local std::vector<MaskedToken> toks;
    const UnitBytes& unit = docs[d].units[i].unit;
    boilerplate_internal::MaskTokens(in[d].text.substr(unit.text_begin, unit.text_end - unit.text_begin),
                                     TitleMask(in[d].title), &toks);
    return toks;
  };
  // The vocabulary: capitalized words of those units, on kMinVocabularySources sources, not counting a
  // source whose name holds the word (a site's own name in its domain: "The Fennick Bulletin" on
  // fennickbulletin.net; the same outlet and place words recur in other sites' names). Gathered per
  // chunk of units, then sorted: the order they were found in does not matter.
  std::vector<std::pair<uint64_t, uint32_t>> word_sources;  // (word, source)
  {
    std::vector<std::vector<std::pair<uint64_t, uint32_t>>> per_chunk(VocabularyChunks(learned_units.size()));
    ForChunks(learned_units.size(), [&](size_t c, size_t begin, size_t end) {
      std::string source_name, word;
      uint32_t named = std::numeric_limits<uint32_t>::max();  // the source source_name holds
      for (size_t k = begin; k < end; ++k) {
        const auto [s, d, i] = learned_units[k];
        if (s != named) {
          named = s;
          source_name.assign(in[d].source);
          for (char& ch : source_name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        }
        const UnitBytes& unit = docs[d].units[i].unit;
        for (const MaskedToken& tok : tokens(d, i)) {
          if (!tok.word || !tok.cap) continue;
          word.assign(in[d].text.substr(unit.text_begin + tok.begin, tok.end - tok.begin));
          for (char& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
          if (source_name.find(word) == std::string::npos) per_chunk[c].emplace_back(tok.hash, s);
        }
      }
      std::sort(per_chunk[c].begin(), per_chunk[c].end());
      per_chunk[c].erase(std::unique(per_chunk[c].begin(), per_chunk[c].end()), per_chunk[c].end());
    });
    word_sources = Concatenate(&per_chunk);
  }
  std::sort(word_sources.begin(), word_sources.end());
  word_sources.erase(std::unique(word_sources.begin(), word_sources.end()), word_sources.end());
  std::vector<uint64_t> vocabulary;
  for (size_t k = 0; k < word_sources.size();) {
    size_t end = k + 1;
    while (end < word_sources.size() && word_sources[end].first == word_sources[k].first) ++end;
    if (end - k >= kMinVocabularySources) vocabulary.push_back(word_sources[k].first);
    k = end;
  }
  if (vocabulary.empty()) return;
  // Per source: (vocabulary key, documents) of its learned units; the cross-site keys they have. The
  // keys are made in parallel, then gathered in order.
  std::vector<KeyCounts> per_source(members.size());
  std::vector<uint64_t> cross_keys;
  {
    std::vector<uint64_t> unit_keys(learned_units.size());
    ForChunks(learned_units.size(), [&](size_t, size_t begin, size_t end) {
      for (size_t k = begin; k < end; ++k) {
        const auto [s, d, i] = learned_units[k];
        unit_keys[k] = VocabularyKey(tokens(d, i), vocabulary);
      }
    });
    KeyCounts pairs;
    uint32_t source = std::numeric_limits<uint32_t>::max();
    auto flush = [&]() {
      if (source != std::numeric_limits<uint32_t>::max()) CountDocuments(&pairs, &per_source[source]);
      pairs.clear();
    };
    for (size_t k = 0; k < learned_units.size(); ++k) {
      const auto [s, d, i] = learned_units[k];
      if (s != source) {
        flush();
        source = s;
      }
      if (const uint64_t key = unit_keys[k]) {
        pairs.emplace_back(key, d);
        cross_keys.push_back(docs[d].units[i].cross);
      }
    }
    flush();
  }
  std::vector<CrossLearned> keys = LearnedOnManySources(per_source);
  if (keys.empty()) return;
  std::sort(cross_keys.begin(), cross_keys.end());
  cross_keys.erase(std::unique(cross_keys.begin(), cross_keys.end()), cross_keys.end());
  // Every candidate unit of every document: its vocabulary key, when learned. Found per chunk of
  // documents in parallel; the documents of each key counted after, in document order.
  using Hit = std::tuple<uint32_t, uint32_t, CrossLearned*>;  // (document, unit, key)
  std::vector<Hit> hits;
  {
    std::vector<std::vector<Hit>> per_chunk(VocabularyChunks(docs.size()));
    ForChunks(docs.size(), [&](size_t c, size_t begin, size_t end) {
      for (uint32_t d = static_cast<uint32_t>(begin); d < end; ++d) {
        for (uint32_t i = 0; i < docs[d].units.size(); ++i) {
          const UnitInfo& u = docs[d].units[i];
          if (!VocabularyCandidate(u)) continue;
          if (u.cross != 0 && !std::binary_search(cross_keys.begin(), cross_keys.end(), u.cross)) continue;
          const uint64_t key = VocabularyKey(tokens(d, i), vocabulary);
          if (key == 0) continue;
          CrossLearned* l = FindLearned(&keys, key);
          if (l != nullptr) per_chunk[c].emplace_back(d, i, l);
        }
      }
    });
    hits = Concatenate(&per_chunk);
  }
  for (const auto& [d, i, l] : hits) {
    if (l->last_doc != d) {
      l->last_doc = d;
      ++l->docs;
    }
  }
  for (const auto& [d, i, l] : hits) {
    if (2 * static_cast<uint64_t>(l->furniture_docs) >= l->docs)
      docs[d].vocabulary_lines.emplace_back(i, l->furniture_docs);
  }
}

// Turns the marked units of a document into spans that leave tidy paragraphs. `rule` and `repeats`
// describe each unit's mark (rule >= 0, or repeats > 0 for a template; neither: not boilerplate).
void MakeLineSpans(const DocInfo& doc, const std::vector<int32_t>& rule, const std::vector<uint32_t>& repeats,
                   std::vector<RawSpan>* spans) {
  const std::vector<UnitInfo>& u = doc.units;
  const size_t n = u.size();
  auto marked = [&](size_t i) { return rule[i] != -1 || repeats[i] > 0; };
  auto push = [&](size_t i, uint32_t begin, uint32_t end) {
    if (begin < end)
      spans->push_back({begin, end, 0, 0, rule[i], u[i].key, repeats[i], static_cast<uint32_t>(i)});
  };
  size_t i = 0;
  while (i < n) {
    if (!marked(i) && !(u[i].flags & kBlank)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n && (marked(j) || (u[j].flags & kBlank))) ++j;
    size_t first = j, last = j;
    for (size_t k = i; k < j; ++k) {
      if (!marked(k)) continue;
      if (first == j) first = k;
      last = k;
    }
    if (first == j) {
      i = j;
      continue;
    }
    uint32_t r0, r1;
    const bool content_before = i > 0, content_after = j < n;
    if (!content_before || !content_after) {
      // At the start or the end of the text: the blank lines go too, so the text neither starts nor
      // ends with a hole.
      r0 = u[i].unit.region_begin;
      r1 = u[j - 1].unit.region_end;
    } else if (first > i) {
      // Between paragraphs: keep the blank lines before the furniture as the paragraph break.
      r0 = u[first].unit.region_begin;
      r1 = u[j - 1].unit.region_end;
    } else {
      // No blank line before it: keep the blank lines after it.
      r0 = u[first].unit.region_begin;
      r1 = u[last].unit.region_end;
    }
    // One span per marked unit; blank lines between two marked units go with the first.
    size_t k = first;
    uint32_t begin = r0;
    while (k <= last) {
      size_t next = k + 1;
      while (next <= last && !marked(next)) ++next;
      const uint32_t end = next <= last ? u[next].unit.region_begin : r1;
      push(k, begin, end);
      begin = end;
      k = next;
    }
    i = j;
  }
}

void MakeSentenceSpans(const DocInfo& doc, const std::vector<int32_t>& rule,
                       const std::vector<uint32_t>& repeats, std::vector<RawSpan>* spans) {
  const std::vector<UnitInfo>& u = doc.units;
  const size_t n = u.size();
  auto marked = [&](size_t i) { return rule[i] != -1 || repeats[i] > 0; };
  size_t tail = n;  // the trailing run of marked sentences
  while (tail > 0 && marked(tail - 1)) --tail;
  for (size_t i = 0; i < n; ++i) {
    if (!marked(i)) continue;
    uint32_t begin = u[i].unit.region_begin, end = u[i].unit.region_end;
    if (i >= tail && tail > 0) {
      // Closing sentences: take the space before each instead of after, so the text ends where the
      // last kept sentence ends.
      begin = u[i - 1].unit.text_end;
      end = u[i].unit.text_end;
    }
    if (begin < end)
      spans->push_back({begin, end, 0, 0, rule[i], u[i].key, repeats[i], static_cast<uint32_t>(i)});
  }
}

// Marks the units recognised by furniture learned on other sources (CrossModel): those in the head or
// tail furniture zone (now counting such units as furniture too), and those next to a unit a rule or the
// source's own learning marked. `repeats` receives the documents across sources where the template is
// learned furniture.
void MarkCrossSite(const DocInfo& doc, const SourceModel& model, const CrossModel& cross,
                   const std::vector<int32_t>& rule, std::vector<uint32_t>* repeats) {
  const std::vector<UnitInfo>& u = doc.units;
  const size_t n = u.size();
  thread_local std::vector<uint32_t> found;
  found.assign(n, 0);
  bool any = false;
  for (size_t i = 0; i < n; ++i) {
    if (rule[i] >= 0 || (*repeats)[i] > 0) continue;
    if (NameCounted(u[i]) && model.name_stats[u[i].name_tmpl].furniture) {
      found[i] = model.name_stats[u[i].name_tmpl].docs;
    } else if (CrossCounted(u[i])) {
      found[i] = cross.FurnitureDocs(u[i].cross);
    }
    if (found[i] == 0 && LineLike(u[i])) found[i] = cross.LineDocs(u[i].key);
    any |= found[i] > 0;
  }
  for (const auto& [i, with] : doc.vocabulary_lines) {
    if (rule[i] >= 0 || (*repeats)[i] > 0 || found[i] > 0) continue;
    found[i] = with;
    any = true;
  }
  if (!any) return;
  auto marked = [&](size_t i) { return rule[i] >= 0 || (*repeats)[i] > 0; };
  auto zone = [&](size_t i) {
    return (u[i].flags & (kBlank | kPureTitle)) || !(u[i].flags & kCountable) || marked(i) || found[i] > 0;
  };
  thread_local std::vector<uint8_t> take;
  take.assign(n, 0);
  for (size_t i = 0; i < n && zone(i); ++i) take[i] = found[i] > 0;
  // The tail zone also runs through short lines that do not end like a sentence (a box's links, which
  // MarkSandwiched takes once the box's header is furniture).
  for (size_t i = n; i > 0 && (zone(i - 1) || (u[i - 1].flags & kLinkLike)); --i) take[i - 1] = found[i - 1] > 0;
  for (size_t i = 0; i < n; ++i) {
    if (found[i] == 0 || take[i]) continue;
    size_t before = i, after = i + 1;
    while (before > 0 && (u[before - 1].flags & kBlank)) --before;
    while (after < n && (u[after].flags & kBlank)) ++after;
    take[i] = (before > 0 && marked(before - 1)) || (after < n && marked(after));
  }
  for (size_t i = 0; i < n; ++i) {
    if (take[i]) (*repeats)[i] = found[i];
  }
}

// Marks (rule[i] = kAdjacentRule) a short unit that does not end like a sentence and sits in the head or
// tail furniture zone right between two units of furniture (marked by a rule, by its source's learning,
// or across sources): a line of the page's furniture that no rule knows and nothing learned (a site's
// own slogan on a site with one article, a byline of an unknown shape). The start or the end of the text
// is not furniture, and one such unit at a time: two unknown lines in a row end the zone. Above the
// headline, the headline may stand for the furniture below the unit; after it, a dek or a subheading
// between the headline and a byline is the article's.
constexpr size_t kMaxTailGapRun = 4;

void MarkSandwiched(const DocInfo& doc, std::vector<int32_t>* rule, const std::vector<uint32_t>& repeats) {
  const std::vector<UnitInfo>& u = doc.units;
  const size_t n = u.size();
  auto real = [&](size_t i) { return (*rule)[i] >= 0 || repeats[i] > 0; };
  auto skip = [&](size_t i) { return (u[i].flags & kBlank) || !(u[i].flags & kCountable); };
  auto gap = [&](size_t i) {
    return (*rule)[i] == -1 && repeats[i] == 0 && (u[i].flags & kLinkLike) && !(u[i].flags & kPureTitle);
  };
  bool after_real = false, past_title = false;  // the unit before (not blank) is furniture; the headline was seen
  size_t head_end = 0;
  for (size_t i = 0; i < n; ++i) {
    head_end = i;
    if (skip(i)) continue;
    if (real(i)) {
      after_real = true;
      continue;
    }
    if (u[i].flags & kPureTitle) {
      past_title = true;
      after_real = false;
      continue;
    }
    if (!gap(i) || !after_real) break;
    size_t next = i + 1;
    while (next < n && skip(next)) ++next;
    if (next == n || !(real(next) || (!past_title && (u[next].flags & kPureTitle)))) break;
    (*rule)[i] = kAdjacentRule;
    after_real = false;
  }
  bool before_real = false;  // the unit after (not blank) is furniture
  bool end_seen = false;     // a unit with words was seen below
  for (size_t i = n; i > head_end + 1;) {
    --i;
    if (skip(i)) continue;
    if (real(i)) {
      before_real = true;
      end_seen = true;
      continue;
    }
    // At the very end, a run of at least two such lines under a piece of furniture (a box's links close
    // the page).
    const bool at_end = !before_real && !end_seen;
    end_seen = true;
    if (!gap(i) || !(before_real || at_end)) break;
    // In the tail, a run of up to kMaxTailGapRun such lines (the links of a box whose header the site's
    // pages taught, not a rule) between two pieces of furniture.
    size_t top = i, count = 1, above = i;
    bool framed = false;
    for (;;) {
      while (above > 0 && skip(above - 1)) --above;
      if (above == 0) break;
      if (real(above - 1)) {
        framed = true;
        break;
      }
      if (!gap(above - 1) || count == kMaxTailGapRun || above - 1 <= head_end) break;
      top = --above;
      ++count;
    }
    if (!framed || (at_end && count < 2)) break;
    for (size_t k = top; k <= i; ++k) {
      if (!skip(k)) (*rule)[k] = kAdjacentRule;
    }
    i = top;
    before_real = false;
  }
}

// In text without line breaks, a piece of a sentence that is no sentence itself (it does not end like
// one), right between two pieces of furniture (marked by a rule or by learning), is furniture too: the
// headlines of a related box, run together between the box's header and the next piece of furniture, or
// a site's own line between a byline and a time stamp. So is such a piece after a related box's header
// at the end of the text. An article's sentences end like sentences; the headline (the title) is never
// taken, nor a piece right after it or after a breadcrumb that ends with it (a dek). Pieces of at most
// kMaxBetweenTokens tokens: a box of a few links.
void MarkBetweenFurniture(const BoilerplateInput& in, const DocInfo& doc, const BoilerplateRules& rules,
                          std::vector<int32_t>* rule, const std::vector<uint32_t>& repeats) {
  const std::vector<UnitInfo>& u = doc.units;
  const size_t n = u.size();
  auto real = [&](size_t i) { return (*rule)[i] >= 0 || repeats[i] > 0; };
  for (size_t i = 1; i < n; ++i) {
    if (real(i) || (*rule)[i] != -1 || (u[i].flags & (kBlank | kPureTitle)) || !(u[i].flags & kCountable) ||
        u[i].tokens > kMaxBetweenTokens || !real(i - 1)) {
      continue;
    }
    const std::string_view text = in.text.substr(u[i].unit.text_begin, u[i].unit.text_end - u[i].unit.text_begin);
    if (EndsLikeSentence(text)) continue;
    // After the headline (or a breadcrumb that ends with it), a piece is the article's dek.
    if (u[i - 1].has_title()) continue;
    const bool box = (*rule)[i - 1] >= 0 && rules.rule((*rule)[i - 1]).category == "related" &&
                     !OpenTrail(rules, (*rule)[i - 1]);
    if (i + 1 < n ? !real(i + 1) : !box) continue;
    (*rule)[i] = box ? (*rule)[i - 1] : kAdjacentRule;
  }
}

// ---------------------------------------------------------------- learned furniture inside sentences
//
// In text without line breaks, furniture that no rule knows runs into the sentence after it, and the
// unit is then neither a learned template nor content ("<Site> — news for the <Place> coast Residents
// said ..."). A learned template — the source's own, or furniture across sources (names masked) — is
// looked for at the start of such units: the longest run of the unit's first tokens whose template is
// furniture, ending before a capitalized word (where the next sentence starts), with something left
// after it; then again after it. Only in the units where glued furniture is: the first and the last
// kGluedUnits units that stay, and those right after a unit of furniture.
constexpr uint32_t kMaxGluedTokens = 40;

// In how many documents the template of a run of tokens is furniture: as the source's own template (a
// run with a plain word), else with names masked, as learned across sources (a run with kMinCrossWords
// plain words); 0 when neither. *key gets the key it was looked up by last.
uint32_t FurnitureDocsOfRun(const GrowingKeys& keys, const SourceModel& model, const CrossModel& cross,
                            uint64_t* key) {
  using boilerplate_internal::MaskedTokens;
  uint32_t found = 0;
  *key = MaskedTokens::Key(keys.exact);
  const auto it = std::lower_bound(model.furniture_keys.begin(), model.furniture_keys.end(),
                                   std::make_pair(*key, uint32_t{0}));
  if (keys.plain > 0 && it != model.furniture_keys.end() && it->first == *key) found = it->second;
  if (found == 0 && keys.plain >= boilerplate_internal::kMinCrossWords) {
    *key = MaskedTokens::CrossKey(keys.names);
    found = cross.FurnitureDocs(*key);
  }
  return found;
}

// The bytes, from the start of unit `i`, that learned furniture glued into it takes (0: none), and the
// documents its template was seen in.
uint32_t GluedTemplatePrefix(const BoilerplateInput& in, const UnitInfo& u, const boilerplate_internal::TitleMask& title,
                             const SourceModel& model, const CrossModel& cross, uint32_t* repeats,
                             uint64_t* pattern) {
  using boilerplate_internal::MaskedTokens;
  thread_local std::vector<boilerplate_internal::MaskedToken> toks;
  const std::string_view text = in.text.substr(u.unit.text_begin, u.unit.text_end - u.unit.text_begin);
  boilerplate_internal::MaskTokens(text, title, &toks);
  const size_t t = toks.size();
  uint32_t taken = 0;
  size_t start = 0;
  while (start + 2 < t) {
    GrowingKeys keys;
    size_t best = 0;
    uint32_t best_repeats = 0;
    for (size_t e = start; e < t && e - start < kMaxGluedTokens; ++e) {
      keys.Add(toks, start, e);
      // A piece of at least two tokens, ending where a capitalized word starts the rest.
      if (e + 1 >= t || e < start + 1 || !toks[e + 1].cap || !toks[e + 1].word) continue;
      uint64_t key;
      const uint32_t found = FurnitureDocsOfRun(keys, model, cross, &key);
      if (found > 0) {
        best = e + 1;
        best_repeats = found;
        if (taken == 0) *pattern = key;
      }
    }
    if (best == 0) break;
    taken = toks[best].begin;
    // With what opens the next word ('"We were ...'): a quotation mark is the sentence's.
    while (taken > toks[best - 1].end && text[taken - 1] != ' ' && text[taken - 1] != '\t') --taken;
    *repeats = std::max(*repeats, best_repeats);
    start = best;
  }
  return taken;
}

// A run of a number or a date followed by names only ("© <n> The <Site> Observer.": the sign is no token)
// has no plain word, so FurnitureDocsOfRun does not look up its template: a run of capitalized words
// alone would be a name in an article sentence ("... wrote to The <Site> Observer."). Opened by a mask,
// with at least two words after it, it is the source's own closing line when its exact template (names
// kept) is the source's furniture: in how many documents, and its key; 0 when it is not.
uint32_t OwnFurnitureDocsOfNamedRun(const GrowingKeys& keys,
                                    const std::vector<boilerplate_internal::MaskedToken>& toks, size_t start,
                                    const SourceModel& model, uint64_t* key) {
  if (keys.plain > 0 || toks[start].word) return 0;
  size_t words = 0;
  for (size_t e = start + 1; e < toks.size(); ++e) words += toks[e].word;
  if (words < 2) return 0;
  const uint64_t exact = boilerplate_internal::MaskedTokens::Key(keys.exact);
  const auto it = std::lower_bound(model.furniture_keys.begin(), model.furniture_keys.end(),
                                   std::make_pair(exact, uint32_t{0}));
  if (it == model.furniture_keys.end() || it->first != exact) return 0;
  *key = exact;
  return it->second;
}

// The byte, from the start of unit `u`, where learned furniture that closes it begins (0: none), and the
// documents its template was seen in: the longest run of the unit's last tokens (at least two, at most
// kMaxGluedTokens), from a word that does not start in lower case or a number, whose template is furniture
// of the source, or across sources with names masked. Furniture that no rule knows, run on after text
// that does not end like a sentence (a related box's headlines: "<headline> <headline> © <n> <Site>.").
uint32_t GluedTemplateSuffix(const BoilerplateInput& in, const UnitInfo& u, const boilerplate_internal::TitleMask& title,
                             const SourceModel& model, const CrossModel& cross, uint32_t* repeats,
                             uint64_t* pattern, uint32_t* tokens_before) {
  using boilerplate_internal::MaskedTokens;
  thread_local std::vector<boilerplate_internal::MaskedToken> toks;
  const std::string_view text = in.text.substr(u.unit.text_begin, u.unit.text_end - u.unit.text_begin);
  boilerplate_internal::MaskTokens(text, title, &toks);
  const size_t t = toks.size();
  for (size_t st = t > kMaxGluedTokens ? t - kMaxGluedTokens : 1; st + 2 <= t; ++st) {
    if (toks[st].word && !toks[st].cap) continue;
    if (toks[st].title) continue;
    GrowingKeys keys;
    for (size_t e = st; e < t; ++e) keys.Add(toks, st, e);
    uint64_t key;
    uint32_t found = FurnitureDocsOfRun(keys, model, cross, &key);
    if (found == 0 && !toks[st].word) found = OwnFurnitureDocsOfNamedRun(keys, toks, st, model, &key);
    if (found == 0) continue;
    // From the start of the word the token is in ("© 2026 ...": the sign goes with the year).
    uint32_t from = toks[st].begin;
    while (from > toks[st - 1].end && text[from - 1] != ' ' && text[from - 1] != '\t') --from;
    *repeats = found;
    *pattern = key;
    *tokens_before = static_cast<uint32_t>(st);
    return from;
  }
  return 0;
}

// A unit that stays as far as rules and repeats go: no rule took it, no repeat count marked it, and it
// holds words that count (it is not blank, nor the headline).
inline bool UnitStays(const UnitInfo& u, int32_t rule, uint32_t repeats) {
  return rule == -1 && repeats == 0 && !(u.flags & (kBlank | kPureTitle)) && (u.flags & kCountable);
}

// In the last kGluedUnits units that stay of a text without line breaks, learned furniture that closes a
// unit (GluedTemplateSuffix) is furniture; so is the rest of the unit before it when that is no sentence
// (it does not end like one), of at most kMaxBetweenTokens tokens, right after a related box's header or
// learned furniture (MarkBetweenFurniture: a box's headlines between its header and a piece of furniture).
// The whole unit is then marked in `repeats`; else the suffix's bytes go to `suffix`.
void MarkGluedSuffixes(const BoilerplateInput& in, const DocInfo& doc, const SourceModel& model,
                       const CrossModel& cross, const BoilerplateRules& rules, const std::vector<int32_t>& rule,
                       std::vector<uint32_t>* repeats,
                       std::vector<uint32_t>* suffix) {
  const std::vector<UnitInfo>& u = doc.units;
  const size_t n = u.size();
  suffix->assign(n, 0);
  if (model.furniture_keys.empty() && !cross.any()) return;
  auto stays = [&](size_t i) {
    return UnitStays(u[i], rule[i], (*repeats)[i]);
  };
  const boilerplate_internal::TitleMask title(in.title);
  size_t seen = 0;
  for (size_t i = n; i > 0 && seen < kGluedUnits; --i) {
    if (!stays(i - 1)) continue;
    ++seen;
    const UnitInfo& unit = u[i - 1];
    if (unit.unit.text_end - unit.unit.text_begin > kMaxGluedUnit) continue;
    uint32_t n_docs = 0, tokens_before = 0;
    uint64_t key = 0;
    const uint32_t from = GluedTemplateSuffix(in, unit, title, model, cross, &n_docs, &key, &tokens_before);
    if (from == 0) continue;
    const std::string_view before = TrimSpace(in.text.substr(unit.unit.text_begin, from));
    size_t prev = i - 1;
    while (prev > 0 && (u[prev - 1].flags & kBlank)) --prev;
    // After a related box's header, or furniture the site's pages taught (not a piece a rule cut out of
    // a sentence: "... will be back by July." is no byline, and what follows it is the article's).
    const bool after_box = prev > 0 && !u[prev - 1].has_title() &&
                           ((rule[prev - 1] >= 0 && rules.rule(rule[prev - 1]).category == "related" &&
                             !OpenTrail(rules, rule[prev - 1])) ||
                            (rule[prev - 1] == -1 && (*repeats)[prev - 1] > 0));
    if (after_box && !EndsLikeSentence(before) && tokens_before <= kMaxBetweenTokens) {
      (*repeats)[i - 1] = n_docs;
    } else {
      (*suffix)[i - 1] = from;
    }
  }
}

void MarkGlued(const BoilerplateInput& in, const DocInfo& doc, const SourceModel& model, const CrossModel& cross,
               const std::vector<int32_t>& rule, const std::vector<uint32_t>& repeats, std::vector<uint32_t>* glued,
               std::vector<RawSpan>* spans) {
  const std::vector<UnitInfo>& u = doc.units;
  const size_t n = u.size();
  glued->assign(n, 0);
  if (model.furniture_keys.empty() && !cross.any()) return;
  auto stays = [&](size_t i) {
    return UnitStays(u[i], rule[i], repeats[i]);
  };
  size_t staying = 0;
  for (size_t i = 0; i < n; ++i) staying += stays(i);
  const boilerplate_internal::TitleMask title(in.title);
  size_t rank = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!stays(i)) continue;
    ++rank;
    const bool after_furniture = i > 0 && (rule[i - 1] != -1 || repeats[i - 1] > 0);
    if (!(rank <= kGluedUnits || rank + kGluedUnits > staying || after_furniture)) continue;
    uint32_t n_docs = 0;
    uint64_t key = 0;
    const uint32_t bytes = GluedTemplatePrefix(in, u[i], title, model, cross, &n_docs, &key);
    if (bytes == 0) continue;
    (*glued)[i] = bytes;
    spans->push_back({u[i].unit.text_begin, u[i].unit.text_begin + bytes, 0, 0, -1, key, n_docs, static_cast<uint32_t>(i)});
  }
}

// In text without line breaks, a label learned across sources (CrossModel::LabelDocs) that opens a unit
// which stays, before a capitalized word ("ADVERTISEMENT Residents of ..."), anywhere in the text: its
// bytes go to `glued` and a span to `spans`. Only the unit's first kMaxGluedPrefix bytes are read.
void MarkLabelPrefixes(const BoilerplateInput& in, const DocInfo& doc, const CrossModel& cross,
                       const std::vector<int32_t>& rule, const std::vector<uint32_t>& repeats,
                       std::vector<uint32_t>* glued, std::vector<RawSpan>* spans) {
  using boilerplate_internal::MaskedTokens;
  thread_local std::vector<boilerplate_internal::MaskedToken> toks;
  const std::vector<UnitInfo>& u = doc.units;
  for (size_t i = 0; i < u.size(); ++i) {
    if (rule[i] != -1 || repeats[i] > 0 || (*glued)[i] > 0 || (u[i].flags & (kBlank | kPureTitle)) ||
        !(u[i].flags & kCountable)) {
      continue;
    }
    const std::string_view text =
        in.text.substr(u[i].unit.text_begin, std::min<uint32_t>(u[i].unit.text_end - u[i].unit.text_begin,
                                                                static_cast<uint32_t>(kMaxGluedPrefix)));
    boilerplate_internal::MaskTokens(text, boilerplate_internal::TitleMask(), &toks);
    uint64_t fold = MaskedTokens::kSeed;
    size_t best = 0;
    uint32_t docs = 0;
    uint64_t key = 0;
    for (size_t e = 0; e + 1 < toks.size() && e < kMaxLabelTokens; ++e) {
      fold = (fold ^ toks[e].hash) * MaskedTokens::kStep;
      if (!toks[e + 1].cap || !toks[e + 1].word) continue;
      const uint64_t k = MaskedTokens::Key(fold);
      if (const uint32_t d = cross.LabelDocs(k)) best = e + 1, docs = d, key = k;
    }
    if (best == 0) continue;
    // Up to the start of the next word with what opens it ('"We were ...').
    uint32_t bytes = toks[best].begin;
    while (bytes > toks[best - 1].end && text[bytes - 1] != ' ' && text[bytes - 1] != '\t') --bytes;
    (*glued)[i] = bytes;
    spans->push_back({u[i].unit.text_begin, u[i].unit.text_begin + bytes, 0, 0, -1, key, docs,
                      static_cast<uint32_t>(i)});
  }
}

void MarkDoc(const BoilerplateInput& in, const DocInfo& doc, const SourceModel& model, const CrossModel& cross,
             const BoilerplateRules& rules, std::vector<RawSpan>* spans) {
  const size_t n = doc.units.size();
  thread_local std::vector<int32_t> rule;
  thread_local std::vector<uint32_t> repeats;
  rule.assign(n, -1);
  repeats.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    // The source's template statistics are larger than the cache: a unit's a few ahead are asked for.
    if (i + kIndexAhead < n) __builtin_prefetch(model.stats.data() + doc.units[i + kIndexAhead].tmpl);
    const UnitInfo& u = doc.units[i];
    if (u.rule >= 0) {
      rule[i] = u.rule;  // a rule wins over a repeat count
    } else if (u.flags & kCountable) {
      const KeyStats& s = model.stats[u.tmpl];
      if (s.furniture) repeats[i] = s.docs;
    }
  }
  if (!doc.sentence_mode) AbsorbRelatedLinks(doc.units, rules, repeats, &rule);
  MarkCrossSite(doc, model, cross, rule, &repeats);
  if (cross.any_labels()) {
    // Labels learned across sources, as units of their own, wherever they sit.
    for (size_t i = 0; i < n; ++i) {
      if (rule[i] != -1 || repeats[i] > 0 || !LabelLike(doc.units[i])) continue;
      if (const uint32_t d = cross.LabelDocs(doc.units[i].key)) repeats[i] = d;
    }
  }
  // Lines opened by a label the source, or several other sources, learned ("Read also: <headline>").
  for (const auto& [i, key] : doc.openings) {
    if (rule[i] != -1 || repeats[i] > 0) continue;
    const auto it = std::lower_bound(model.openings.begin(), model.openings.end(), std::make_pair(key, uint32_t{0}));
    const uint32_t with = it != model.openings.end() && it->first == key ? it->second : cross.OpeningDocs(key);
    if (with > 0) repeats[i] = with;
  }
  if (doc.sentence_mode) MarkBetweenFurniture(in, doc, rules, &rule, repeats);
  MarkSandwiched(doc, &rule, repeats);
  thread_local std::vector<uint32_t> glued;  // bytes of learned furniture at the start of each unit
  glued.assign(n, 0);
  if (doc.sentence_mode) {
    thread_local std::vector<uint32_t> suffix;  // bytes from the start of each unit where furniture closing it begins
    MarkGluedSuffixes(in, doc, model, cross, rules, rule, &repeats, &suffix);
    MakeSentenceSpans(doc, rule, repeats, spans);
    MarkGlued(in, doc, model, cross, rule, repeats, &glued, spans);
    if (cross.any_labels()) MarkLabelPrefixes(in, doc, cross, rule, repeats, &glued, spans);
    // The source's head lead-in (LearnHeadLeadIns), after any learned furniture glued before it.
    if (doc.head_cut > 0 && rule[doc.head_unit] == -1 && repeats[doc.head_unit] == 0 && doc.head_cut > glued[doc.head_unit]) {
      const uint32_t i = doc.head_unit;
      const UnitBytes& unit = doc.units[i].unit;
      const uint32_t begin = unit.text_begin;
      // The whole unit (it ended before the headline): with the space after it, as a unit's span.
      const uint32_t end = begin + doc.head_cut >= unit.text_end ? unit.region_end : begin + doc.head_cut;
      spans->push_back({begin + glued[i], end, 0, 0, -1, doc.head_key, doc.head_docs, i});
      glued[i] = doc.head_cut;
      // Taken whole, it is furniture: the lead-ins below look at the units after it.
      if (end == unit.region_end) repeats[i] = doc.head_docs;
    }
    for (size_t i = 0; i < n; ++i) {
      if (suffix[i] == 0 || suffix[i] <= glued[i]) continue;
      const UnitInfo& u = doc.units[i];
      uint32_t begin = u.unit.text_begin + suffix[i];
      while (begin > u.unit.text_begin + glued[i] && (in.text[begin - 1] == ' ' || in.text[begin - 1] == '\t')) --begin;
      // The key and documents are looked up again: the template's, for boilerplate.jsonl.
      uint32_t n_docs = 0, tokens_before = 0;
      uint64_t key = 0;
      GluedTemplateSuffix(in, u, boilerplate_internal::TitleMask(in.title), model, cross, &n_docs, &key, &tokens_before);
      spans->push_back({begin, u.unit.text_end, 0, 0, -1, key, n_docs, static_cast<uint32_t>(i)});
    }
  } else {
    MakeLineSpans(doc, rule, repeats, spans);
  }
  // Lead-ins open the article: look at the start of the first few units that stay (after any learned
  // furniture glued to it).
  size_t seen = 0;
  thread_local std::string joined;
  thread_local std::vector<std::pair<uint32_t, uint32_t>> pieces;
  for (size_t i = 0; i < n && seen < kLeadInUnits; ++i) {
    const UnitInfo& u = doc.units[i];
    if ((u.flags & kBlank) || rule[i] != -1 || repeats[i] > 0) continue;
    ++seen;
    size_t len = 0;
    const uint32_t begin = u.unit.text_begin + glued[i];
    const std::string_view text = in.text.substr(begin, u.unit.text_end - begin);
    const int r = rules.MatchLeadIn(RuleText(text, u.joined(), &joined, &pieces), &len);
    if (r >= 0) {
      if (u.joined()) len = RawOffset(pieces, static_cast<uint32_t>(len));
      spans->push_back({begin, static_cast<uint32_t>(begin + len), 0, 0, r, 0, 0, static_cast<uint32_t>(i)});
    }
  }
  // A lead-in the source learned, or several other sources did, at the start of the first content unit
  // (when no rule found one there).
  if ((!model.leads.empty() || cross.any_leads()) && !doc.leads.empty()) {
    for (size_t i = 0; i < n; ++i) {
      const UnitInfo& u = doc.units[i];
      if (!(u.flags & kCountable) || (u.flags & kPureTitle) || rule[i] != -1 || repeats[i] > 0) continue;
      const bool ruled = std::any_of(spans->begin(), spans->end(), [&](const RawSpan& s) {
        return s.begin == u.unit.text_begin && s.unit == i;
      });
      const LeadIn* best = nullptr;
      uint32_t docs_with = 0;
      for (const LeadIn& l : doc.leads) {
        if (l.unit != i || (best != nullptr && l.bytes <= best->bytes)) continue;
        const auto it = std::lower_bound(model.leads.begin(), model.leads.end(), std::make_pair(l.key, uint32_t{0}));
        const uint32_t with = it != model.leads.end() && it->first == l.key ? it->second : cross.LeadDocs(l.key);
        if (with == 0) continue;
        best = &l;
        docs_with = with;
      }
      if (best != nullptr && !ruled) {
        spans->push_back({u.unit.text_begin, u.unit.text_begin + best->bytes, 0, 0, -1, best->key, docs_with,
                          static_cast<uint32_t>(i)});
      }
      break;
    }
  }
  std::sort(spans->begin(), spans->end(),
            [](const RawSpan& a, const RawSpan& b) { return a.begin < b.begin; });
  // Code points, in one pass over the text up to the last span (here, in parallel, rather than in the
  // serial step that gathers the patterns).
  size_t byte = 0;
  uint32_t cp = 0;
  auto advance = [&](uint32_t to) {
    if (to > byte) {
      cp += static_cast<uint32_t>(CountCodePoints(in.text.substr(byte, to - byte)));
      byte = to;
    }
    return cp;
  };
  for (RawSpan& s : *spans) s.cp_begin = advance(s.begin), s.cp_end = advance(s.end);
}

}  // namespace

Status FindBoilerplate(const std::vector<BoilerplateInput>& docs, const BoilerplateOptions& options,
                       BoilerplateResult* result) {
  *result = BoilerplateResult();
  std::unique_ptr<BoilerplateRules> rules;
  NEARDUP_RETURN_IF_ERROR(BoilerplateRules::Build(options, &rules));
  const size_t min_repeats = options.min_repeats > 0 ? options.min_repeats : kDefaultBoilerplateMinRepeats;
  const size_t grain = std::max<size_t>(1, options.chunk_docs);
  const size_t n = docs.size();

  // 1. Units, templates, rules.
  std::vector<DocInfo> info(n);
  tbb::parallel_for(tbb::blocked_range<size_t>(0, n, grain), [&](const tbb::blocked_range<size_t>& r) {
    for (size_t d = r.begin(); d != r.end(); ++d) AnalyzeDoc(docs[d], *rules, &info[d]);
  });

  // 2. Sources, numbered in order of first appearance, and what each learned.
  std::vector<uint32_t> doc_source;
  std::vector<std::vector<uint32_t>> members;
  boilerplate_internal::NumberSources(docs, &doc_source, &members);
  std::vector<SourceModel> models(members.size());
  tbb::parallel_for(tbb::blocked_range<size_t>(0, members.size(), 1),
                    [&](const tbb::blocked_range<size_t>& r) {
                      for (size_t s = r.begin(); s != r.end(); ++s)
                        BuildSourceModel(&info, members[s], min_repeats, &models[s]);
                    });

  // What sources learned, for the others.
  CrossModel cross;
  cross.Build(info, members, models);
  // Head lead-ins, after furniture glued before them that the source or other sources learned.
  tbb::parallel_for(tbb::blocked_range<size_t>(0, members.size(), 1), [&](const tbb::blocked_range<size_t>& r) {
    for (size_t s = r.begin(); s != r.end(); ++s) LearnHeadLeadIns(&info, members[s], min_repeats, models[s], cross);
  });
  LearnCrossHeadLeadIns(&info, members, models, cross);
  LearnVocabularyLines(docs, &info, members, models, cross);

  // 3. Spans.
  std::vector<std::vector<RawSpan>> raw(n);
  tbb::parallel_for(tbb::blocked_range<size_t>(0, n, grain), [&](const tbb::blocked_range<size_t>& r) {
    // Made in a per-thread buffer, kept at their exact size (one allocation per document, not one per
    // doubling).
    thread_local std::vector<RawSpan> made;
    for (size_t d = r.begin(); d != r.end(); ++d) {
      if (d + 1 < r.end()) PrefetchUnits(info[d + 1]);
      made.clear();
      MarkDoc(docs[d], info[d], models[doc_source[d]], cross, *rules, &made);
      raw[d].assign(made.begin(), made.end());
    }
  });

  // 4. Patterns (rules by index, templates by key across sources), reasons, code points.
  struct Slot {
    BoilerplatePattern pattern;
    uint32_t last_doc = std::numeric_limits<uint32_t>::max();
    std::vector<uint32_t> sources;
    uint32_t max_repeats = 0;
  };
  std::vector<Slot> slots;
  std::unordered_map<int32_t, uint32_t> rule_slot;
  std::unordered_map<uint64_t, uint32_t> key_slot;
  std::unordered_map<std::string, uint32_t> reason_index;
  auto reason_of = [&](const std::string& reason) {
    const auto [it, inserted] = reason_index.emplace(reason, static_cast<uint32_t>(result->reasons.size()));
    if (inserted) result->reasons.push_back(reason);
    return it->second;
  };
  // Reason ids by rule and by repeat count, so that a span costs no string.
  std::unordered_map<int64_t, uint32_t> reason_ids;
  result->spans.resize(n);
  for (size_t d = 0; d < n; ++d) {
    const std::string_view text = docs[d].text;
    std::vector<BoilerplateSpan>& out = result->spans[d];
    out.reserve(raw[d].size());
    for (size_t k = 0; k < raw[d].size(); ++k) {
      const RawSpan& s = raw[d][k];
      const bool is_rule = s.rule != -1;
      const bool adjacent = s.rule == kAdjacentRule;
      const uint32_t next_slot = static_cast<uint32_t>(slots.size());
      uint32_t index;
      bool fresh;
      if (is_rule) {
        const auto [it, inserted] = rule_slot.try_emplace(s.rule, next_slot);
        index = it->second;
        fresh = inserted;
      } else {
        const auto [it, inserted] = key_slot.try_emplace(s.key, next_slot);
        index = it->second;
        fresh = inserted;
      }
      if (fresh) {
        slots.emplace_back();
        Slot& slot = slots.back();
        const UnitBytes& unit = info[d].units[s.unit].unit;
        // A lead-in (by rule, or learned): the span is the start of its unit.
        const bool lead_in = is_rule ? !adjacent && rules->rule(s.rule).category == kLeadInCategory
                                     : s.end < unit.text_end && s.begin == unit.text_begin;
        slot.pattern.example =
            std::string(lead_in ? text.substr(s.begin, s.end - s.begin)
                                : text.substr(unit.text_begin, unit.text_end - unit.text_begin));
        if (adjacent) {
          slot.pattern.pattern = std::string(kAdjacentCategory);
          slot.pattern.reason = "rule:" + std::string(kAdjacentCategory);
        } else if (is_rule) {
          slot.pattern.pattern = rules->rule(s.rule).name;
          slot.pattern.reason = "rule:" + rules->rule(s.rule).category;
        } else {
          // As it was counted: a line that is only the title by its own words.
          const TitleMask title(docs[d].title);
          if (MaskUnit(slot.pattern.example, title, &slot.pattern.pattern).pure_title) {
            MaskUnit(slot.pattern.example, TitleMask(), &slot.pattern.pattern);
          }
        }
      }
      Slot& slot = slots[index];
      if (slot.last_doc != d) {
        slot.last_doc = static_cast<uint32_t>(d);
        ++slot.pattern.documents;
        slot.sources.push_back(doc_source[d]);
      }
      slot.max_repeats = std::max(slot.max_repeats, s.repeats);
      const int64_t reason_key =
          adjacent  ? std::numeric_limits<int64_t>::min()
          : is_rule ? -1 - static_cast<int64_t>(s.rule)
                    : static_cast<int64_t>(s.repeats);
      auto known = reason_ids.find(reason_key);
      if (known == reason_ids.end()) {
        known = reason_ids
                    .emplace(reason_key, reason_of(is_rule ? slot.pattern.reason
                                                           : "repeated:" + std::to_string(s.repeats)))
                    .first;
      }
      const uint32_t reason_id = known->second;
      const uint32_t start = s.cp_begin, end = s.cp_end;
      // Adjacent spans for one pattern and reason (a box of related links) become one.
      if (!out.empty() && out.back().end == start && out.back().pattern == index &&
          out.back().reason == reason_id) {
        out.back().end = end;
      } else {
        out.push_back({start, end, reason_id, index});
      }
      result->chars_removed += end - start;
    }
    result->span_count += out.size();
  }
  for (Slot& slot : slots) {
    std::sort(slot.sources.begin(), slot.sources.end());
    slot.pattern.sources = std::unique(slot.sources.begin(), slot.sources.end()) - slot.sources.begin();
    if (slot.pattern.reason.empty()) slot.pattern.reason = "repeated:" + std::to_string(slot.max_repeats);
  }
  std::vector<uint32_t> order(slots.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const BoilerplatePattern &pa = slots[a].pattern, &pb = slots[b].pattern;
    if (pa.documents != pb.documents) return pa.documents > pb.documents;
    if (pa.pattern != pb.pattern) return pa.pattern < pb.pattern;
    return pa.reason < pb.reason;
  });
  std::vector<uint32_t> rank(slots.size());
  for (uint32_t r = 0; r < order.size(); ++r) {
    rank[order[r]] = r;
    result->patterns.push_back(std::move(slots[order[r]].pattern));
  }
  for (auto& doc_spans : result->spans) {
    for (BoilerplateSpan& s : doc_spans) s.pattern = rank[s.pattern];
  }
  return Status::OK();
}

Status ListRules(const BoilerplateOptions& options, std::string* listing) {
  std::unique_ptr<BoilerplateRules> rules;
  NEARDUP_RETURN_IF_ERROR(BoilerplateRules::Build(options, &rules));
  *listing = "# " + std::to_string(rules->enabled_count()) +
             " rules in force: name<TAB>category<TAB>RE2 pattern. Whole-line rules match an entire line (or "
             "sentence); attribution rules strip a lead-in at its start.\n";
  *listing += rules->Listing();
  return Status::OK();
}

std::string RemoveSpans(std::string_view text, const std::vector<BoilerplateSpan>& spans) {
  std::string out;
  out.reserve(text.size());
  ForEachKeptPiece(text, spans, [&](std::string_view piece) { out.append(piece); });
  return out;
}

namespace boilerplate_internal {

void NumberSources(const std::vector<BoilerplateInput>& docs, std::vector<uint32_t>* doc_source,
                   std::vector<std::vector<uint32_t>>* members) {
  constexpr size_t kChunk = 4096;
  const size_t n = docs.size();
  const size_t chunks = (n + kChunk - 1) / kChunk;
  doc_source->assign(n, 0);
  members->clear();
  std::vector<std::vector<std::string_view>> chunk_sources(chunks);  // distinct, in order of appearance
  tbb::parallel_for(tbb::blocked_range<size_t>(0, chunks, 1), [&](const tbb::blocked_range<size_t>& r) {
    std::unordered_map<std::string_view, uint32_t> local;
    for (size_t c = r.begin(); c != r.end(); ++c) {
      local.clear();
      for (size_t d = c * kChunk; d < std::min(n, (c + 1) * kChunk); ++d) {
        const auto [it, inserted] =
            local.try_emplace(docs[d].source, static_cast<uint32_t>(chunk_sources[c].size()));
        if (inserted) chunk_sources[c].push_back(docs[d].source);
        (*doc_source)[d] = it->second;  // the chunk's number, for now
      }
    }
  });
  // Each chunk's numbers to the input's.
  std::vector<std::vector<uint32_t>> global(chunks);
  std::unordered_map<std::string_view, uint32_t> source_id;
  for (size_t c = 0; c < chunks; ++c) {
    for (const std::string_view source : chunk_sources[c]) {
      const auto [it, inserted] = source_id.try_emplace(source, static_cast<uint32_t>(members->size()));
      if (inserted) members->emplace_back();
      global[c].push_back(it->second);
    }
  }
  tbb::parallel_for(tbb::blocked_range<size_t>(0, chunks, 1), [&](const tbb::blocked_range<size_t>& r) {
    for (size_t c = r.begin(); c != r.end(); ++c) {
      for (size_t d = c * kChunk; d < std::min(n, (c + 1) * kChunk); ++d)
        (*doc_source)[d] = global[c][(*doc_source)[d]];
    }
  });
  for (size_t d = 0; d < n; ++d) (*members)[(*doc_source)[d]].push_back(static_cast<uint32_t>(d));
}

// Out of line, with a pointer for the input and one for the output: inlined in AnalyzeDoc, with an index
// and a count of the shingles kept, the loop kept its cursor or its rolled hash on the stack for want of
// registers there (25 instructions a shingle, now 20).
[[gnu::noinline]] void AddShingles(const std::vector<uint64_t>& hashes, std::vector<uint32_t>* shingles) {
  static_assert(kShingleTokens == 5);
  constexpr uint64_t kBase = 0x9E3779B97F4A7C15ULL;
  constexpr uint64_t kTop = kBase * kBase * kBase * kBase;  // kBase^(kShingleTokens - 1)
  if (hashes.size() < kShingleTokens) return;
  uint64_t roll = 0;
  for (size_t k = 0; k < kShingleTokens; ++k) roll = roll * kBase + hashes[k];
  // Without a branch on the sampling (a coin toss for the predictor): every shingle is written, only
  // the sampled ones are kept.
  const size_t count = hashes.size() - kShingleTokens + 1;
  const size_t at = shingles->size();
  shingles->resize(at + count);
  uint32_t* const begin = shingles->data() + at;
  uint32_t* out = begin;
  const uint64_t* in = hashes.data();
  const uint64_t* const last = in + count - 1;
  static_assert(kShingleSampling == 2);
  for (;; ++in) {
    // The shingle is the mix's top half (which h ^= h >> 32 leaves as it is), and it is kept when bit 20
    // of the mix after that step is clear.
    const uint64_t h = (roll ^ (roll >> 29)) * 0xBF58476D1CE4E5B9ULL;
    *out = static_cast<uint32_t>(h >> 32);
    out += (((h ^ (h >> 32)) >> 20) & 1) ^ 1;
    if (in == last) break;
    roll = (roll - in[0] * kTop) * kBase + in[kShingleTokens];
  }
  shingles->resize(at + static_cast<size_t>(out - begin));
}

void SortKeys(uint64_t* keys, size_t n) {
  if (n < 2) return;
  int bits = 8;
  while (bits < 20 && (size_t{1} << bits) < n) ++bits;
  // The keys are bucketed on their top `bits` bits in two stable counting passes, the lower half of
  // those bits first (a radix sort): each pass writes to at most 1,024 places at once, which stay in
  // the cache, where one pass on all the bits wrote each key to a random place in the whole array.
  const int low_bits = bits / 2;
  const int low_shift = 64 - bits;
  const int high_shift = 64 - (bits - low_bits);
  const uint64_t low_mask = (uint64_t{1} << low_bits) - 1;
  thread_local std::vector<uint32_t> low, high;
  thread_local std::vector<uint64_t> scratch;
  low.assign((size_t{1} << low_bits) + 1, 0);
  high.assign((size_t{1} << (bits - low_bits)) + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    ++low[((keys[i] >> low_shift) & low_mask) + 1];
    ++high[(keys[i] >> high_shift) + 1];
  }
  for (size_t b = 0; b + 1 < low.size(); ++b) low[b + 1] += low[b];
  for (size_t b = 0; b + 1 < high.size(); ++b) high[b + 1] += high[b];
  if (scratch.size() < n) scratch.resize(n);
  uint64_t* by_low = scratch.data();
  for (size_t i = 0; i < n; ++i) by_low[low[(keys[i] >> low_shift) & low_mask]++] = keys[i];
  for (size_t i = 0; i < n; ++i) keys[high[by_low[i] >> high_shift]++] = by_low[i];
  // Bucket by bucket in order: each key's insertion stops within its bucket.
  for (size_t i = 1; i < n; ++i) {
    const uint64_t k = keys[i];
    size_t j = i;
    while (j > 0 && keys[j - 1] > k) {
      keys[j] = keys[j - 1];
      --j;
    }
    keys[j] = k;
  }
}

}  // namespace boilerplate_internal

}  // namespace neardup
