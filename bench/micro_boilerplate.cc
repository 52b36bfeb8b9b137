// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// FindBoilerplate throughput (bytes of text per second, one thread) on the generated, labelled corpus
// of bench/boilerplate_corpus.h: invented news sites with their furniture, 8% of them without line
// breaks, some re-wrapped; with the benchmark's short articles (furniture is a sixth of the characters,
// a third of the lines) and with news-length ones (a fifth of the lines). The built-in rules are
// compiled once per process, before timing, as in a real run; a first call also warms RE2's automata,
// which a run of any size pays once.

#include <benchmark/benchmark.h>
#include <tbb/global_control.h>

#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "bench/boilerplate_corpus.h"
#include "pipeline/boilerplate/boilerplate.h"

namespace neardup {
namespace {

struct Corpus {
  std::vector<bench::LabelledDoc> docs;
  std::vector<BoilerplateInput> inputs;
  int64_t bytes = 0;
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

}  // namespace
}  // namespace neardup
