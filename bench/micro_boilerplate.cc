// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// FindBoilerplate throughput (bytes of text per second, one thread) on the generated, labelled corpus
// of bench/boilerplate_corpus.h: invented news sites with their furniture, 8% of them without line
// breaks, some re-wrapped; with the benchmark's short articles (furniture is a sixth of the characters,
// a third of the lines) and with news-length ones (a fifth of the lines). The built-in rules are
// compiled once per process, before timing, as in a real run; a first call also warms RE2's automata,
// which a run of any size pays once.
//
// The template masker (MaskUnit) and the tokenizer alone (ScanWords) over the same corpus's units, hot:
// the stage's CPU time cannot resolve a change of a few percent in them (a third of the stage, among the
// rules, the shingles and the allocations), these can.

#include <benchmark/benchmark.h>
#include <tbb/global_control.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "bench/boilerplate_corpus.h"
#include "pipeline/boilerplate/ascii_scan.h"
#include "pipeline/boilerplate/boilerplate.h"
#include "pipeline/boilerplate/templates.h"

namespace neardup {
namespace {

// A unit as the stage hands it to MaskUnit: its trimmed text, its document's title, and whether the
// text is followed by kScanPadding readable bytes (the tokenizer then reads in place).
struct UnitRef {
  std::string_view text;
  uint32_t doc;
  bool padded;
};

struct Corpus {
  std::vector<bench::LabelledDoc> docs;
  std::vector<BoilerplateInput> inputs;
  int64_t bytes = 0;
  // The non-blank units of every document (SplitUnits, as the stage splits them), and their bytes.
  std::vector<UnitRef> units;
  std::vector<boilerplate_internal::TitleMask> titles;
  int64_t unit_bytes = 0;
};

const Corpus& GetCorpus(size_t sites, double wrapped, size_t extra_paragraphs) {
  static std::vector<std::pair<std::tuple<size_t, double, size_t>, Corpus*>> made;
  for (const auto& [key, corpus] : made) {
    if (key == std::make_tuple(sites, wrapped, extra_paragraphs)) return *corpus;
  }
  auto* c = new Corpus();
  bench::BoilerplateCorpusOptions options;
  options.sites = sites;
  options.wrapped = wrapped;
  options.extra_paragraphs = extra_paragraphs;
  c->docs = bench::MakeBoilerplateCorpus(options);
  for (const bench::LabelledDoc& d : c->docs) {
    c->inputs.push_back({d.text, d.title, d.source});
    c->bytes += static_cast<int64_t>(d.text.size());
  }
  for (uint32_t i = 0; i < c->docs.size(); ++i) {
    const std::string& text = c->docs[i].text;
    c->titles.emplace_back(c->docs[i].title);
    bool sentence_mode = false;
    for (const boilerplate_internal::Unit& u : boilerplate_internal::SplitUnits(text, &sentence_mode)) {
      if (u.blank()) continue;
      const bool padded = u.text_end + boilerplate_internal::kScanPadding <= text.size();
      c->units.push_back({std::string_view(text).substr(u.text_begin, u.text_end - u.text_begin), i, padded});
      c->unit_bytes += u.text_end - u.text_begin;
    }
  }
  made.push_back({{sites, wrapped, extra_paragraphs}, c});
  return *c;
}

// state.range(0): sites; state.range(1): per mille of the sites whose text is re-wrapped at ~75 columns;
// state.range(2): paragraphs added to every story (0: the benchmark's short articles, a third of the
// lines furniture; 12: news-length articles, a fifth).
void BM_FindBoilerplate(benchmark::State& state) {
  const Corpus& corpus = GetCorpus(static_cast<size_t>(state.range(0)), state.range(1) / 1000.0,
                                   static_cast<size_t>(state.range(2)));
  tbb::global_control one_thread(tbb::global_control::max_allowed_parallelism, 1);
  BoilerplateOptions options;
  BoilerplateResult result;
  if (!FindBoilerplate(corpus.inputs, options, &result).ok()) {  // compiles the rules, warms the DFA
    state.SkipWithError("FindBoilerplate failed");
    return;
  }
  for (auto _ : state) {
    const Status s = FindBoilerplate(corpus.inputs, options, &result);
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(result.span_count);
  }
  state.SetBytesProcessed(state.iterations() * corpus.bytes);
  state.counters["MB"] = static_cast<double>(corpus.bytes) / 1e6;
  state.counters["spans"] = static_cast<double>(result.span_count);
}

BENCHMARK(BM_FindBoilerplate)
    ->ArgNames({"sites", "wrapped_permille", "extra_paragraphs"})
    ->Args({400, 0, 0})
    ->Args({400, 100, 0})
    ->Args({200, 100, 12})
    ->Unit(benchmark::kMillisecond);

// MaskUnit on every unit of the corpus with its document's title, the token hashes and the prefilter's
// words gathered, as the stage calls it; state.range as for BM_FindBoilerplate. Bytes are the units'.
void BM_MaskUnit(benchmark::State& state) {
  const Corpus& corpus = GetCorpus(static_cast<size_t>(state.range(0)), state.range(1) / 1000.0,
                                   static_cast<size_t>(state.range(2)));
  std::vector<uint64_t> hashes;
  boilerplate_internal::UnitWords words;
  uint64_t sum = 0;
  for (auto _ : state) {
    for (const UnitRef& u : corpus.units) {
      const boilerplate_internal::Template t =
          boilerplate_internal::MaskUnit(u.text, corpus.titles[u.doc], nullptr, &hashes, &words, u.padded);
      sum += t.key + t.cross_key + t.words + words.words.size();
    }
  }
  benchmark::DoNotOptimize(sum);
  state.SetBytesProcessed(state.iterations() * corpus.unit_bytes);
  state.counters["units"] = static_cast<double>(corpus.units.size());
}

// The tokenizer alone (the prefilter's words of every unit, ScanWords), without the token store, the
// masking and the fold.
void BM_ScanWords(benchmark::State& state) {
  const Corpus& corpus = GetCorpus(static_cast<size_t>(state.range(0)), state.range(1) / 1000.0,
                                   static_cast<size_t>(state.range(2)));
  boilerplate_internal::UnitWords words;
  uint64_t sum = 0;
  for (auto _ : state) {
    for (const UnitRef& u : corpus.units) {
      boilerplate_internal::ScanWords(u.text, &words);
      sum += words.words.size() + words.chunks;
    }
  }
  benchmark::DoNotOptimize(sum);
  state.SetBytesProcessed(state.iterations() * corpus.unit_bytes);
}

// The least of the repetitions: on a shared machine the others' load only ever adds time, so with
// --benchmark_repetitions the minimum time (the "_min" row's CPU column, the fastest repetition) resolves
// smaller changes than the median. The counters take their least too: that row's bytes_per_second is
// the slowest repetition's.
double Least(const std::vector<double>& v) { return v.empty() ? 0.0 : *std::min_element(v.begin(), v.end()); }

// The short articles with 10% re-wrapped sites (the corpus of BM_FindBoilerplate's second case, so that
// the smoke run makes it once).
BENCHMARK(BM_MaskUnit)
    ->ArgNames({"sites", "wrapped_permille", "extra_paragraphs"})
    ->Args({400, 100, 0})
    ->ComputeStatistics("min", Least)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ScanWords)
    ->ArgNames({"sites", "wrapped_permille", "extra_paragraphs"})
    ->Args({400, 100, 0})
    ->ComputeStatistics("min", Least)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace neardup
