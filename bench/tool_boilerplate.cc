// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Benchmark of boilerplate stripping (pipeline/boilerplate) on a generated, fully labelled corpus
// (bench/boilerplate_corpus.h). Measured by characters (code points), separately for the sites built
// from the tuning wording families and for the sites built from the held-out ones:
//  - precision: of the labelled characters the spans remove, the share labelled boilerplate;
//  - recall: of the characters labelled boilerplate, the share removed;
//  - content lost: of the characters labelled content, the share removed.
// Characters no label covers (line breaks, blank lines, the headline repeated in the text) count for
// neither side. Also reported: the sites with one or two articles (rules only), the flattened sites
// (no line breaks), the re-wrapped sites, and the time the stage takes.
//
//   bench_boilerplate                       # the default corpus
//   bench_boilerplate --sites 400 --threads 2
//   bench_boilerplate --wrapped 0           # no re-wrapped sites (the corpus before they were added)
//   bench_boilerplate --show-misses 20      # examples of what the tuning sites lose or keep wrongly
//   bench_boilerplate --dump spans.txt      # every span and pattern, to compare two builds
//   bench_boilerplate --reference --dump ref.txt   # the same through the plain paths
//   bench_boilerplate --dedup               # near-duplicate pairs with and without stripping
//
// With --dedup it also runs the real near-duplicate stages (pipeline/dedup.h: shingles, MinHash, LSH
// candidates, exact Jaccard) three times: on the whole texts, on the texts without the stage's spans (as
// `neardup run` does), and on the texts without the labelled boilerplate (the best stripping can do).
// The truth is the corpus's: two documents telling one story (syndicated with small edits, or published
// twice) are a pair; two different articles are not, however much template they share.

#include <tbb/global_control.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bench/boilerplate_corpus.h"
#include "kernels/minhash.h"
#include "pipeline/boilerplate/boilerplate.h"
#include "pipeline/boilerplate/templates.h"
#include "pipeline/dedup.h"
#include "pipeline/text_ranges.h"

namespace neardup::bench {
namespace {

struct Tally {
  size_t docs = 0;
  uint64_t boiler = 0, content = 0, removed_boiler = 0, removed_content = 0;
  double Precision() const {
    const uint64_t removed = removed_boiler + removed_content;
    return removed ? static_cast<double>(removed_boiler) / removed : 1.0;
  }
  double Recall() const { return boiler ? static_cast<double>(removed_boiler) / boiler : 1.0; }
  double Lost() const { return content ? static_cast<double>(removed_content) / content : 0.0; }
};

// Byte offset of each code point of `text`, plus the end.
std::vector<size_t> CodePointBytes(const std::string& text) {
  std::vector<size_t> at;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) at.push_back(i);
  }
  at.push_back(text.size());
  return at;
}


// ---------------------------------------------------------------- near-duplicate pairs

struct PairTally {
  size_t found_true = 0, found_cross = 0, found_same_site = 0;  // true pairs found
  size_t found_detectable = 0;   // true pairs found among those whose article text is similar enough
  size_t false_same_site = 0;    // pairs of different articles of one site (a shared template)
  size_t false_other = 0;        // pairs of different articles of different sites
};

// The similar pairs (exact Jaccard >= threshold) of the texts, each without `removed[d]` (code point
// ranges, sorted; empty: the whole text), packed a << 32 | b.
std::vector<uint64_t> SimilarPairs(const std::vector<LabelledDoc>& docs,
                                   const std::vector<std::vector<CodePointRange>>* kept, const DedupParams& params) {
  std::vector<SketchInput> inputs(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    inputs[d].text = docs[d].text;
    if (kept != nullptr) inputs[d].ranges = &(*kept)[d];
  }
  std::vector<DocumentSketch> sketches;
  std::vector<uint64_t> band_keys;
  SketchWords words;
  ComputeSketches(inputs, params, &sketches, &band_keys, &words);
  std::vector<bool> eligible(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) eligible[d] = sketches[d].words > 0;
  const std::vector<uint64_t> candidates = CandidatePairs(band_keys, params.bands, eligible);
  std::vector<uint64_t> out;
  for (const SimilarPair& p : VerifyPairs(candidates, sketches, params.threshold, params.chunk_docs)) {
    out.push_back(uint64_t{p.a} << 32 | p.b);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Exact Jaccard of each pair (packed a << 32 | b) over the kept ranges.
std::vector<double> PairJaccards(const std::vector<LabelledDoc>& docs, const std::vector<std::vector<CodePointRange>>& kept,
                                 const std::vector<uint64_t>& pairs, const DedupParams& params) {
  std::vector<SketchInput> inputs(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) inputs[d] = {docs[d].text, &kept[d]};
  std::vector<DocumentSketch> sketches;
  std::vector<uint64_t> band_keys;
  SketchWords words;
  ComputeSketches(inputs, params, &sketches, &band_keys, &words);
  std::vector<double> jaccard(pairs.size(), 0.0);
  // A threshold of 0 returns every pair, in the order given.
  const std::vector<SimilarPair> all = VerifyPairs(pairs, sketches, 0.0, params.chunk_docs);
  for (size_t k = 0, j = 0; k < pairs.size() && j < all.size(); ++k) {
    if ((uint64_t{all[j].a} << 32 | all[j].b) == pairs[k]) jaccard[k] = all[j++].jaccard;
  }
  return jaccard;
}

void ReportDedup(const std::vector<LabelledDoc>& docs, const BoilerplateResult& result, double threshold) {
  DedupParams params;
  params.threshold = threshold;
  ChooseBands(threshold, params.num_perm, 0.9, &params.bands, &params.rows);
  const size_t n = docs.size();
  // The truth: every pair of documents telling one story.
  std::map<uint32_t, std::vector<uint32_t>> by_story;
  for (size_t d = 0; d < n; ++d) by_story[docs[d].story].push_back(static_cast<uint32_t>(d));
  std::vector<uint64_t> truth;
  for (const auto& [story, members] : by_story) {
    for (size_t i = 0; i < members.size(); ++i) {
      for (size_t j = i + 1; j < members.size(); ++j) truth.push_back(uint64_t{members[i]} << 32 | members[j]);
    }
  }
  std::sort(truth.begin(), truth.end());
  auto site_of = [&](uint64_t p) { return std::make_pair(docs[p >> 32].source, docs[p & 0xFFFFFFFFu].source); };
  size_t cross = 0;
  for (const uint64_t p : truth) cross += site_of(p).first != site_of(p).second;

  // What stays: the text between the stage's spans, and the text without the labelled boilerplate.
  std::vector<std::vector<CodePointRange>> stripped(n), oracle(n);
  for (size_t d = 0; d < n; ++d) {
    const uint32_t length = static_cast<uint32_t>(corpus_internal::CodePoints(docs[d].text));
    stripped[d] = KeptRanges(length, result.spans[d]);
    struct Range {
      uint32_t start, end;
    };
    std::vector<Range> boiler;
    for (const auto& [range, label] : docs[d].ranges) {
      if (label == Label::kBoilerplate) boiler.push_back({range.first, range.second});
    }
    oracle[d] = KeptRanges(length, boiler);
  }
  // Pairs whose article text alone is at or above the threshold: what a perfect stripping would find.
  const std::vector<double> content_jaccard = PairJaccards(docs, oracle, truth, params);
  size_t detectable = 0;
  for (const double j : content_jaccard) detectable += j >= threshold;

  auto tally = [&](const std::vector<uint64_t>& found) {
    PairTally t;
    for (const uint64_t p : found) {
      const auto at = std::lower_bound(truth.begin(), truth.end(), p);
      const bool same_site = site_of(p).first == site_of(p).second;
      if (at != truth.end() && *at == p) {
        ++t.found_true;
        (same_site ? t.found_same_site : t.found_cross)++;
        t.found_detectable += content_jaccard[at - truth.begin()] >= threshold;
      } else {
        (same_site ? t.false_same_site : t.false_other)++;
      }
    }
    return t;
  };
  const PairTally none = tally(SimilarPairs(docs, nullptr, params));
  const PairTally ours = tally(SimilarPairs(docs, &stripped, params));
  const PairTally best = tally(SimilarPairs(docs, &oracle, params));

  std::printf("\nnear-duplicate pairs at exact Jaccard >= %.2f (%zu bands x %zu rows): %zu true pairs (%zu across "
              "sites, %zu on one site), %zu of them with article text at or above the threshold\n",
              threshold, params.bands, params.rows, truth.size(), cross, truth.size() - cross, detectable);
  std::printf("\n| stripping               | recall | across sites | one site | recall of detectable | false pairs "
              "(one site / across) | precision |\n");
  std::printf("|-------------------------|--------|--------------|----------|----------------------|--------------"
              "-----------------|-----------|\n");
  auto ratio = [](size_t a, size_t b) { return b ? static_cast<double>(a) / b : 1.0; };
  auto row = [&](const char* name, const PairTally& t) {
    const size_t found = t.found_true + t.false_same_site + t.false_other;
    std::printf("| %-23s | %6.4f | %12.4f | %8.4f | %20.4f | %16zu / %-10zu | %9.4f |\n", name,
                ratio(t.found_true, truth.size()), ratio(t.found_cross, cross),
                ratio(t.found_same_site, truth.size() - cross), ratio(t.found_detectable, detectable),
                t.false_same_site, t.false_other, ratio(t.found_true, found));
  };
  row("none (--no-boilerplate)", none);
  row("neardup's spans", ours);
  row("labelled boilerplate", best);
}

int Main(int argc, char** argv) {
  CLI::App app{"Boilerplate stripping: precision, recall and content lost by characters"};
  BoilerplateCorpusOptions corpus;
  size_t threads = 0, min_repeats = 0, show_misses = 0;
  bool show_held_out = false, dedup = false;
  double dedup_threshold = 0.8;
  std::string dump;
  app.add_option("--seed", corpus.seed, "Corpus seed");
  app.add_option("--sites", corpus.sites, "Sites in the corpus");
  app.add_option("--wrapped", corpus.wrapped, "Share of the sites that re-wrap their lines");
  app.add_option("--extra-paragraphs", corpus.extra_paragraphs,
                 "Paragraphs added to every story (12: news-length articles)");
  app.add_flag("--dedup", dedup, "Also report near-duplicate pair recall and precision with and without stripping");
  app.add_option("--dedup-threshold", dedup_threshold, "Exact Jaccard threshold of --dedup")
      ->check(CLI::Range(0.05, 1.0));
  app.add_option("--dump", dump, "Write every span and pattern to this file");
  bool reference = false;
  app.add_flag("--reference", reference,
               "Plain paths: tokenize a code point at a time, run every rule on every unit (the results "
               "must not change)");
  app.add_option("--threads", threads, "Worker threads (0: all cores)");
  app.add_option("--min-repeats", min_repeats, "Passed to the stage (0: its default)");
  std::vector<std::string> disabled_rules;
  app.add_option("--disable-rule", disabled_rules,
                 "Passed to the stage: a rule or category to disable (to measure what learning finds alone)");
  app.add_option("--show-misses", show_misses, "Print this many examples of misses and false positives");
  size_t context = 0;
  app.add_option("--context", context, "With --show-misses, also print this many characters around each example");
  app.add_flag("--held-out-misses", show_held_out,
               "Show the held-out sites' examples instead of the tuning ones'");
  bool tuning_only = false, by_category = false;
  app.add_flag("--tuning-only", tuning_only,
               "Print only the tuning sites' rows (to develop without reading the held-out figures)");
  app.add_flag("--by-category", by_category,
               "Also print the tuning sites' boilerplate by category: characters, and the share missed");
  std::vector<std::string> show_docs;
  app.add_option("--show-doc", show_docs,
                 "Print this document (its id) with the stage's spans in {{...}}<reason> and the labelled "
                 "boilerplate in [[...]]");
  CLI11_PARSE(app, argc, argv);
  boilerplate_internal::SetReferencePathsForTesting(reference);
  std::unique_ptr<tbb::global_control> control;
  if (threads > 0) {
    control = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism, threads);
  }

  const auto t0 = std::chrono::steady_clock::now();
  const std::vector<LabelledDoc> docs = MakeBoilerplateCorpus(corpus);
  const auto t1 = std::chrono::steady_clock::now();
  std::vector<BoilerplateInput> in;
  size_t bytes = 0;
  for (const LabelledDoc& d : docs) {
    in.push_back({d.text, d.title, d.source});
    bytes += d.text.size();
  }
  BoilerplateOptions options;
  options.min_repeats = min_repeats;
  options.disabled_rules = disabled_rules;
  BoilerplateResult result;
  // The built-in rules are compiled once per process; time that apart from the stage.
  const auto tc = std::chrono::steady_clock::now();
  std::string listing;
  if (!ListRules(options, &listing).ok()) return 1;
  const double compile_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - tc).count();
  const auto t2 = std::chrono::steady_clock::now();
  const Status status = FindBoilerplate(in, options, &result);
  const auto t3 = std::chrono::steady_clock::now();
  if (!status.ok()) {
    std::fprintf(stderr, "%s\n", status.ToString().c_str());
    return 1;
  }

  if (!dump.empty()) {
    std::ofstream out(dump, std::ios::binary);
    for (size_t i = 0; i < docs.size(); ++i) {
      for (const BoilerplateSpan& s : result.spans[i]) {
        out << docs[i].id << '\t' << s.start << '\t' << s.end << '\t' << result.reasons[s.reason] << '\t'
            << s.pattern << '\n';
      }
    }
    for (const BoilerplatePattern& p : result.patterns) {
      out << p.pattern << '\t' << p.example << '\t' << p.reason << '\t' << p.documents << '\t' << p.sources
          << '\n';
    }
  }

  for (size_t i = 0; i < docs.size(); ++i) {
    if (std::find(show_docs.begin(), show_docs.end(), docs[i].id) == show_docs.end()) continue;
    const std::vector<size_t> at = CodePointBytes(docs[i].text);
    std::vector<std::string> open(at.size()), close(at.size());
    for (const auto& [range, label] : docs[i].ranges) {
      if (label != Label::kBoilerplate) continue;
      open[range.first] += "[[";
      close[range.second] += "]]";
    }
    for (const BoilerplateSpan& s : result.spans[i]) {
      open[s.start] += "{{";
      close[s.end] = "}}<" + result.reasons[s.reason] + ">" + close[s.end];
    }
    std::string out;
    for (size_t c = 0; c + 1 < at.size(); ++c) {
      out += close[c] + open[c];
      out += docs[i].text.substr(at[c], at[c + 1] - at[c]);
    }
    out += close[at.size() - 1];
    std::printf("--- %s\n%s\n", docs[i].id.c_str(), out.c_str());
  }

  std::map<std::string, size_t> site_docs;
  for (const LabelledDoc& d : docs) ++site_docs[d.source];
  Tally tuning, held, tuning_lines, held_lines, small, flattened, wrapped, all;
  Tally tuning_small, held_small, tuning_flat, held_flat;
  // By category (LabelledDoc::kinds), tuning sites only: with line breaks, flattened, 1-2 docs.
  constexpr size_t kKinds = sizeof(kPieceKinds) / sizeof(kPieceKinds[0]);
  std::vector<Tally> kind_lines(kKinds), kind_flat(kKinds), kind_small(kKinds);
  size_t shown_missed = 0, shown_wrong = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    const LabelledDoc& d = docs[i];
    const std::vector<size_t> at = CodePointBytes(d.text);
    std::vector<uint8_t> removed(at.size() - 1, 0);
    for (const BoilerplateSpan& s : result.spans[i]) {
      for (uint32_t c = s.start; c < s.end; ++c) removed[c] = 1;
    }
    Tally t;
    t.docs = 1;
    for (size_t r = 0; r < d.ranges.size(); ++r) {
      const auto& [range, label] = d.ranges[r];
      uint64_t count = 0, hit = 0;
      for (uint32_t c = range.first; c < range.second; ++c) {
        // Spaces inside a labelled range count like the rest of it; only unlabelled text is neutral.
        ++count;
        hit += removed[c];
      }
      const bool wanted_show = show_misses > 0 && d.held_out == show_held_out;
      std::string piece = d.text.substr(at[range.first], at[range.second] - at[range.first]);
      if (context > 0) {
        const size_t from = range.first > context ? range.first - context : 0;
        const size_t to = std::min<size_t>(at.size() - 1, range.second + context);
        piece = d.text.substr(at[from], at[range.first] - at[from]) + "[[" + piece + "]]" +
                d.text.substr(at[range.second], at[to] - at[range.second]);
      }
      if (!d.held_out && r < d.kinds.size()) {
        const bool small_site = site_docs[d.source] <= 2;
        for (Tally* k : {d.flattened ? &kind_flat[d.kinds[r]] : &kind_lines[d.kinds[r]],
                         small_site ? &kind_small[d.kinds[r]] : nullptr}) {
          if (k == nullptr) continue;
          (label == Label::kBoilerplate ? k->boiler : k->content) += count;
          (label == Label::kBoilerplate ? k->removed_boiler : k->removed_content) += hit;
        }
      }
      if (label == Label::kBoilerplate) {
        t.boiler += count;
        t.removed_boiler += hit;
        if (wanted_show && hit < count && shown_missed < show_misses) {
          ++shown_missed;
          std::printf("missed  [%s%s] %s\n", d.source.c_str(),
                      d.flattened ? ", flat"
                      : d.wrapped ? ", wrapped"
                                  : "",
                      piece.c_str());
        }
      } else {
        t.content += count;
        t.removed_content += hit;
        if (wanted_show && hit > 0 && shown_wrong < show_misses) {
          ++shown_wrong;
          std::printf("removed [%s%s] %s\n", d.source.c_str(),
                      d.flattened ? ", flat"
                      : d.wrapped ? ", wrapped"
                                  : "",
                      piece.c_str());
        }
      }
    }
    auto add = [&](Tally* into) {
      into->docs += t.docs;
      into->boiler += t.boiler;
      into->content += t.content;
      into->removed_boiler += t.removed_boiler;
      into->removed_content += t.removed_content;
    };
    add(d.held_out ? &held : &tuning);
    if (!d.flattened) add(d.held_out ? &held_lines : &tuning_lines);
    add(&all);
    if (site_docs[d.source] <= 2) add(&small);
    if (d.flattened) add(&flattened);
    if (site_docs[d.source] <= 2) add(d.held_out ? &held_small : &tuning_small);
    if (d.flattened) add(d.held_out ? &held_flat : &tuning_flat);
    if (d.wrapped) add(&wrapped);
  }

  const double seconds = std::chrono::duration<double>(t3 - t2).count();
  std::printf("\ncorpus: %zu documents from %zu sites, %.1f MB (generated in %.2f s), seed %llu\n",
              docs.size(), site_docs.size(), static_cast<double>(bytes) / 1e6,
              std::chrono::duration<double>(t1 - t0).count(), static_cast<unsigned long long>(corpus.seed));
  std::printf(
      "\n| sites                   | docs  | boilerplate chars | precision | recall | content lost |\n");
  std::printf(
      "|-------------------------|-------|-------------------|-----------|--------|--------------|\n");
  auto row = [](const char* name, const Tally& t) {
    std::printf("| %-23s | %5zu | %17llu | %9.4f | %6.4f | %11.3f%% |\n", name, t.docs,
                static_cast<unsigned long long>(t.boiler), t.Precision(), t.Recall(), 100.0 * t.Lost());
  };
  row("tuning families", tuning);
  row("  with line breaks", tuning_lines);
  row("  flattened (no breaks)", tuning_flat);
  row("  sites with 1-2 docs", tuning_small);
  if (!tuning_only) {
    row("held-out families", held);
    row("  with line breaks", held_lines);
    row("  flattened (no breaks)", held_flat);
    row("  sites with 1-2 docs", held_small);
    row("all", all);
    row("  sites with 1-2 docs", small);
    row("  flattened (no breaks)", flattened);
    row("  re-wrapped lines", wrapped);
  }
  if (by_category) {
    std::printf("\ntuning sites by category: boilerplate characters, recall (content: characters, share lost)\n\n");
    std::printf("| category      | with breaks      | flattened        | sites with 1-2 docs |\n");
    std::printf("|---------------|------------------|------------------|---------------------|\n");
    for (size_t k = 0; k < kKinds; ++k) {
      auto cell = [&](const Tally& t) {
        char buf[48];
        if (k == kContentKind) {
          std::snprintf(buf, sizeof(buf), "%7llu %7.3f%%", static_cast<unsigned long long>(t.content),
                        100.0 * t.Lost());
        } else {
          std::snprintf(buf, sizeof(buf), "%7llu %8.4f", static_cast<unsigned long long>(t.boiler), t.Recall());
        }
        return std::string(buf);
      };
      std::printf("| %-13s | %-16s | %-16s | %-19s |\n", kPieceKinds[k], cell(kind_lines[k]).c_str(),
                  cell(kind_flat[k]).c_str(), cell(kind_small[k]).c_str());
    }
  }
  std::printf(
      "\nstage: %.3f s for %.1f MB (%.1f MB/s), %llu spans, %zu patterns; rules compiled once in %.2f s\n",
      seconds, static_cast<double>(bytes) / 1e6, static_cast<double>(bytes) / 1e6 / seconds,
      static_cast<unsigned long long>(result.span_count), result.patterns.size(), compile_seconds);
  if (dedup) ReportDedup(docs, result, dedup_threshold);
  return 0;
}

}  // namespace
}  // namespace neardup::bench

int main(int argc, char** argv) { return neardup::bench::Main(argc, argv); }
