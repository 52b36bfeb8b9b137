// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Word tokenizer throughput on ~1 MB of English-like text: pure ASCII, and with ~5% of the words
// non-ASCII (curly quotes and apostrophes, dashes, accented names), in both modes. kIcuOnly is the
// cost of sending everything through ICU; kAuto is what the pipeline pays.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "kernels/tokenize.h"

namespace neardup {
namespace {

constexpr size_t kTextBytes = 1 << 20;

std::string MakeText(int non_ascii_percent) {
  static constexpr std::string_view kAscii[] = {
      "the",     "a",       "of",     "and",    "to",       "in",     "report", "said",  "market",
      "Monday",  "council", "would",  "not",    "between",  "2024",   "3.5%",   "it's",  "don't",
      "however", "people",  "water",  "Street", "approved", "budget", "of",     "the",   "new",
      "school",  "opening", "$1,200", "e.g.",   "U.S.",     "online", "which",  "their", "that"};
  static constexpr std::string_view kNonAscii[] = {
      "it\xE2\x80\x99s",  // it’s
      "\xE2\x80\x9C"
      "fair\xE2\x80\x9D",        // “fair”
      "\xE2\x80\x94",            // —
      "Jos\xC3\xA9",             // José
      "M\xC3\xBCller",           // Müller
      "Zo\xC3\xAB",              // Zoë
      "caf\xC3\xA9",             // café
      "na\xC3\xAFve",            // naïve
      "\xC3\x85ngstr\xC3\xB6m",  // Ångström
      "don\xE2\x80\x99t",        // don’t
  };
  static constexpr std::string_view kSeparators[] = {" ", " ", " ", " ", " ", " ", ", ", ". ", "\n"};
  std::mt19937_64 rng(2026);
  std::string text;
  text.reserve(kTextBytes + 64);
  while (text.size() < kTextBytes) {
    if (static_cast<int>(rng() % 100) < non_ascii_percent) {
      text += kNonAscii[rng() % std::size(kNonAscii)];
    } else {
      text += kAscii[rng() % std::size(kAscii)];
    }
    text += kSeparators[rng() % std::size(kSeparators)];
  }
  return text;
}

void BM_Tokenize(benchmark::State& state, WordTokenizer::Mode mode, int non_ascii_percent) {
  const std::string text = MakeText(non_ascii_percent);
  WordTokenizer tokenizer(mode);
  std::vector<Word> words;
  for (auto _ : state) {
    words.clear();
    tokenizer.Tokenize(text, 0, &words);
    benchmark::DoNotOptimize(words.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["words"] = static_cast<double>(words.size());
}

BENCHMARK_CAPTURE(BM_Tokenize, ascii_auto, WordTokenizer::Mode::kAuto, 0)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Tokenize, ascii_icu_only, WordTokenizer::Mode::kIcuOnly, 0)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Tokenize, mixed5_auto, WordTokenizer::Mode::kAuto, 5)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Tokenize, mixed5_icu_only, WordTokenizer::Mode::kIcuOnly, 5)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace neardup
