// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The boilerplate rule set: built-in rules by category, extra rules from a rules file (RULES.md gives
// the format), minus the rules or categories disabled by name. Whole-unit rules are matched together in
// one linear-time pass (RE2::Set, anchored at both ends); lead-in rules (category attribution) are
// anchored at the start of a unit and strip only the span they match.

#ifndef NEARDUP_PIPELINE_BOILERPLATE_RULES_H_
#define NEARDUP_PIPELINE_BOILERPLATE_RULES_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "neardup/status.h"
#include "pipeline/boilerplate/boilerplate.h"

namespace neardup {

namespace boilerplate_internal {
struct Unit;
struct UnitWords;
}  // namespace boilerplate_internal

// The categories a rule may belong to, in the order `neardup rules` lists them.
inline constexpr std::string_view kBoilerplateCategories[] = {
    "copyright", "adblock",    "comments", "related", "breadcrumb",    "byline",
    "share",     "newsletter", "cookie",   "app",     "advertisement", "attribution"};

// The one category whose rules strip a span at the start of a unit instead of the whole unit.
inline constexpr std::string_view kLeadInCategory = "attribution";

struct BoilerplateRule {
  std::string name;      ///< unique; "<category>.<what>" for built-in rules
  std::string category;  ///< one of kBoilerplateCategories
  std::string pattern;   ///< RE2 syntax, UTF-8, case-sensitive unless the pattern says (?i)
  bool builtin = false;
};

// A compiled rule set. Immutable once built; every const method is safe to call from many threads.
class BoilerplateRules {
 public:
  // Units longer than this (bytes) are never matched by a whole-unit rule: furniture is short, and the
  // bound keeps every pattern's cost proportional to a short line.
  static constexpr size_t kMaxUnitBytes = 1000;
  // Lines longer than this are not tried as several sentences of furniture: such lines are short, and
  // trying every article paragraph sentence by sentence would triple the matching work.
  static constexpr size_t kMaxCoverBytes = 400;

  ~BoilerplateRules();
  BoilerplateRules(const BoilerplateRules&) = delete;
  BoilerplateRules& operator=(const BoilerplateRules&) = delete;

  // The built-in rules, then the rules of options.rules_file, without options.disabled_rules (each a
  // rule name or a category). IOError when the file cannot be read; InvalidArgument naming the file, the
  // line and the offending part for a bad rule, and for a disabled name that is neither a rule nor a
  // category.
  static Status Build(const BoilerplateOptions& options, std::unique_ptr<BoilerplateRules>* out);

  // The built-in rules, in order.
  static const std::vector<BoilerplateRule>& Builtin();

  // Parses rules-file text; `origin` (the file name) prefixes error messages ("rules.tsv:7: ...").
  static Status Parse(std::string_view text, std::string_view origin, std::vector<BoilerplateRule>* rules);

  // Every rule, built-in first, disabled ones included (they never match); indices are stable.
  size_t size() const { return rules_.size(); }
  const BoilerplateRule& rule(size_t i) const { return rules_[i]; }
  size_t enabled_count() const;

  // Whether rule i ends in an open trail: a navigation line's rest ("Home / <anything>", "Read more:
  // <any headline>"), which would take the words of an article sentence that runs on after it. The
  // built-in rules that end so (breadcrumb trails, related links; not a related box's header), and every
  // rule of a rules file in those two categories.
  bool OpenTrail(size_t i) const { return open_trail_[i]; }

  // The first whole-unit rule (lowest index) matching all of `unit` (already trimmed), or -1. The
  // built-in rules are only run on a unit that passes their prefilter (rules.cc), which refuses most
  // article text by its words. `words`, when given, are the unit's (ScanWords of the unit, or of text that
  // differs from it only in whitespace), so that the tokenizer's pass serves both.
  int MatchWhole(std::string_view unit, const boilerplate_internal::UnitWords* words = nullptr) const;

  // False when no whole-unit rule can match any prefix of `text` that ends before a word (the same first
  // word, some of its words and characters): the prefilter's gates without their bound on the number of
  // words. One pass over `text`; true when the rules are not gated (a rules file's rules never are).
  bool MayMatchPrefix(std::string_view text) const;

  // MatchWhole without the prefilter (for tests: the two must always agree).
  int MatchWholeUnfiltered(std::string_view unit) const;

  // The prefilter's candidates among the built-in rules for `text` (bits over their indices; all of them
  // when the rules are not gated), with or without the bound on the number of runs (`any_length`), from
  // the prefilter or (`plain`) from a plain check of every gate (for tests: the two must agree).
  uint64_t BuiltinCandidatesForTesting(std::string_view text, bool any_length, bool plain) const;

  // OK when every built-in whole-unit rule has a well-formed prefilter gate (rules.cc); otherwise the
  // built-in rules run ungated, correct but slow, and tests fail on this.
  static Status CheckBuiltinPrefilter();

  // MatchWhole, and when that fails, whether `unit` is a few sentences each covered by whole-unit rules
  // ("Leave a comment. Comments are closed."): returns the rule of the first sentence, or -1.
  int Classify(std::string_view unit, const boilerplate_internal::UnitWords* words = nullptr) const;

  // A lead-in at the start of `unit`: the rule's index and the span's length in bytes (the pattern's
  // first capturing group when it has one, else its whole match), or -1.
  int MatchLeadIn(std::string_view unit, size_t* length) const;

  // "name<TAB>category<TAB>pattern" per enabled rule, in order.
  std::string Listing() const;

 private:
  struct Impl;
  BoilerplateRules();

  // Every built-in rule (bits over their indices; the built-in rules are fewer than 64).
  static constexpr uint64_t kAllBuiltin = ~uint64_t{0};
  // The built-in rules that may match `unit` (all, when they are not gated), as bits over their indices.
  uint64_t BuiltinCandidates(std::string_view unit, const boilerplate_internal::UnitWords* words) const;
  int MatchWholeImpl(std::string_view unit, uint64_t candidates) const;

  std::vector<BoilerplateRule> rules_;
  std::vector<bool> enabled_;
  std::vector<bool> open_trail_;
  std::unique_ptr<Impl> impl_;
};

// The prefilter's words (boilerplate_internal::ScanWords) of `text` from `spans[0]` to `spans[count -
// 1]`, given the words of each span (`parts`): spans of `text` in order, trimmed, with only whitespace
// between them (the sentences of SplitSentences), none empty. Appended to `out`, which must be cleared. What
// ScanWords would give for that stretch of `text`; for Classify, and exposed for its test.
void ConcatenateWords(const boilerplate_internal::UnitWords* parts, size_t count, std::string_view text,
                      const boilerplate_internal::Unit* spans, boilerplate_internal::UnitWords* out);

}  // namespace neardup

#endif  // NEARDUP_PIPELINE_BOILERPLATE_RULES_H_
