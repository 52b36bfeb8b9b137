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

#include <tbb/global_control.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bench/boilerplate_corpus.h"
#include "pipeline/boilerplate/boilerplate.h"
#include "pipeline/boilerplate/templates.h"

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

int Main(int argc, char** argv) {
  CLI::App app{"Boilerplate stripping: precision, recall and content lost by characters"};
  BoilerplateCorpusOptions corpus;
  size_t threads = 0, min_repeats = 0, show_misses = 0;
  bool show_held_out = false;
  std::string dump;
  app.add_option("--seed", corpus.seed, "Corpus seed");
  app.add_option("--sites", corpus.sites, "Sites in the corpus");
  app.add_option("--wrapped", corpus.wrapped, "Share of the sites that re-wrap their lines");
  app.add_option("--dump", dump, "Write every span and pattern to this file");
  bool reference = false;
  app.add_flag("--reference", reference,
               "Plain paths: tokenize a code point at a time, run every rule on every unit (the results "
               "must not change)");
  app.add_option("--threads", threads, "Worker threads (0: all cores)");
  app.add_option("--min-repeats", min_repeats, "Passed to the stage (0: its default)");
  app.add_option("--show-misses", show_misses, "Print this many examples of misses and false positives");
  app.add_flag("--held-out-misses", show_held_out,
               "Show the held-out sites' examples instead of the tuning ones'");
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

  std::map<std::string, size_t> site_docs;
  for (const LabelledDoc& d : docs) ++site_docs[d.source];
  Tally tuning, held, tuning_lines, held_lines, small, flattened, wrapped, all;
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
    for (const auto& [range, label] : d.ranges) {
      uint64_t count = 0, hit = 0;
      for (uint32_t c = range.first; c < range.second; ++c) {
        // Spaces inside a labelled range count like the rest of it; only unlabelled text is neutral.
        ++count;
        hit += removed[c];
      }
      const bool wanted_show = show_misses > 0 && d.held_out == show_held_out;
      const std::string piece = d.text.substr(at[range.first], at[range.second] - at[range.first]);
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
  row("held-out families", held);
  row("  with line breaks", held_lines);
  row("all", all);
  row("  sites with 1-2 docs", small);
  row("  flattened (no breaks)", flattened);
  row("  re-wrapped lines", wrapped);
  std::printf(
      "\nstage: %.3f s for %.1f MB (%.1f MB/s), %llu spans, %zu patterns; rules compiled once in %.2f s\n",
      seconds, static_cast<double>(bytes) / 1e6, static_cast<double>(bytes) / 1e6 / seconds,
      static_cast<unsigned long long>(result.span_count), result.patterns.size(), compile_seconds);
  return 0;
}

}  // namespace
}  // namespace neardup::bench

int main(int argc, char** argv) { return neardup::bench::Main(argc, argv); }
