// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Word tokenizer throughput on ~1 MB of text in both modes: English-like pure ASCII; English with ~5%
// of the words non-ASCII the way real English news has them (curly quotes and apostrophes, dashes,
// NBSP, ellipses, accented names); Russian; Chinese. kIcuOnly is the cost of sending everything through
// ICU; kAuto is what the pipeline pays. bytes_per_second is per CPU second (Google Benchmark divides
// rate counters by CPU time), which is the figure to quote on a shared machine.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "kernels/byte_classes.h"
#include "kernels/code_points.h"
#include "kernels/minhash.h"
#include "kernels/tokenize.h"
#include "kernels/tokenize_ascii.h"

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
      "2019\xE2\x80\x93"
      "20",                // 2019–20
      "10\xC2\xA0km",      // 10 km (NBSP)
      "wait\xE2\x80\xA6",  // wait…
      "\xC5\x81\xC3\xB3"
      "d\xC5\xBA",             // Łódź
      "Dvo\xC5\x99\xC3\xA1k",  // Dvořák
      "\xE2\x80\x98"
      "90s\xE2\x80\x99",  // ‘90s’
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

// Russian news-like text: Cyrillic words, some capitalized, numbers, «guillemets», dashes.
std::string MakeRussianText() {
  static constexpr std::string_view kWords[] = {
      "\xD0\xB2",                                          // в
      "\xD0\xB8",                                          // и
      "\xD0\xBD\xD0\xB0",                                  // на
      "\xD0\xBF\xD0\xBE",                                  // по
      "\xD0\xB3\xD0\xBE\xD0\xB4\xD0\xB0",                  // года
      "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB5",  // Москве
      "\xD0\xBF\xD1\x80\xD0\xB0\xD0\xB2\xD0\xB8\xD1\x82\xD0\xB5\xD0\xBB\xD1\x8C\xD1\x81\xD1\x82\xD0\xB2\xD0"
      "\xBE",                                              // правительство
      "\xD0\xB7\xD0\xB0\xD1\x8F\xD0\xB2\xD0\xB8\xD0\xBB",  // заявил
      "\xD0\xBF\xD1\x80\xD0\xB5\xD0\xB7\xD0\xB8\xD0\xB4\xD0\xB5\xD0\xBD\xD1\x82",  // президент
      "\xD1\x80\xD1\x8B\xD0\xBD\xD0\xBA\xD0\xB0",                                  // рынка
      "\xD0\xBD\xD0\xBE\xD0\xB2\xD1\x8B\xD0\xB9",                                  // новый
      "\xD0\xB1\xD1\x8E\xD0\xB4\xD0\xB6\xD0\xB5\xD1\x82",                          // бюджет
      "\xD1\x88\xD0\xBA\xD0\xBE\xD0\xBB\xD1\x8B",                                  // школы
      "\xD0\xB3\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB4\xD0\xB0",                          // города
      "\xD0\xBA\xD0\xBE\xD1\x82\xD0\xBE\xD1\x80\xD1\x8B\xD0\xB9",                  // который
      "\xD0\xBD\xD0\xB5",                                                          // не
      "2024",
      "\xC2\xAB\xD0\xA0\xD0\xBE\xD1\x81\xD1\x82\xD0\xB5\xD1\x85\xC2\xBB",  // «Ростех»
      "\xE2\x80\x94",                                                      // —
      "3,5%",
  };
  static constexpr std::string_view kSeparators[] = {" ", " ", " ", " ", " ", ", ", ". ", "\n"};
  std::mt19937_64 rng(2027);
  std::string text;
  text.reserve(kTextBytes + 64);
  while (text.size() < kTextBytes) {
    text += kWords[rng() % std::size(kWords)];
    text += kSeparators[rng() % std::size(kSeparators)];
  }
  return text;
}

// Chinese news-like text: runs of Han characters (dictionary segmentation), full-width punctuation,
// occasional ASCII numbers and Latin names.
std::string MakeChineseText() {
  static constexpr std::string_view kPhrases[] = {
      "\xE6\x88\x91\xE4\xBB\xAC",                          // 我们
      "\xE4\xBB\x8A\xE5\xA4\xA9",                          // 今天
      "\xE5\x8C\x97\xE4\xBA\xAC\xE5\xA4\xA7\xE5\xAD\xA6",  // 北京大学
      "\xE6\x94\xBF\xE5\xBA\x9C",                          // 政府
      "\xE5\xAE\xA3\xE5\xB8\x83",                          // 宣布
      "\xE7\xBB\x8F\xE6\xB5\x8E",                          // 经济
      "\xE5\xA2\x9E\xE9\x95\xBF",                          // 增长
      "\xE5\xB8\x82\xE5\x9C\xBA",                          // 市场
      "\xE7\x9A\x84",                                      // 的
      "\xE5\x9C\xA8",                                      // 在
      "\xE8\xAE\xB0\xE8\x80\x85",                          // 记者
      "\xE6\x8A\xA5\xE9\x81\x93",                          // 报道
      "\xE5\x85\xAC\xE5\x8F\xB8",                          // 公司
      "\xE5\xB9\xB4",                                      // 年
      "2024",
      "\xEF\xBC\x8C",  // ，
      "\xE3\x80\x82",  // 。
  };
  std::mt19937_64 rng(2028);
  std::string text;
  text.reserve(kTextBytes + 64);
  while (text.size() < kTextBytes) {
    text += kPhrases[rng() % std::size(kPhrases)];
    if (rng() % 40 == 0) text += '\n';
  }
  return text;
}

void BM_Tokenize(benchmark::State& state, WordTokenizer::Mode mode, const std::string& text) {
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

const std::string& AsciiText() {
  static const std::string text = MakeText(0);
  return text;
}
const std::string& Mixed5Text() {
  static const std::string text = MakeText(5);
  return text;
}
const std::string& RussianText() {
  static const std::string text = MakeRussianText();
  return text;
}
const std::string& ChineseText() {
  static const std::string text = MakeChineseText();
  return text;
}

void BM_TokenizeAscii(benchmark::State& state, WordTokenizer::Mode mode) {
  BM_Tokenize(state, mode, AsciiText());
}
void BM_TokenizeMixed5(benchmark::State& state, WordTokenizer::Mode mode) {
  BM_Tokenize(state, mode, Mixed5Text());
}
void BM_TokenizeRussian(benchmark::State& state, WordTokenizer::Mode mode) {
  BM_Tokenize(state, mode, RussianText());
}
void BM_TokenizeChinese(benchmark::State& state, WordTokenizer::Mode mode) {
  BM_Tokenize(state, mode, ChineseText());
}

BENCHMARK_CAPTURE(BM_TokenizeAscii, auto, WordTokenizer::Mode::kAuto) -> Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_TokenizeAscii, icu_only, WordTokenizer::Mode::kIcuOnly)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_TokenizeMixed5, auto, WordTokenizer::Mode::kAuto) -> Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_TokenizeMixed5, icu_only, WordTokenizer::Mode::kIcuOnly)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_TokenizeRussian, auto, WordTokenizer::Mode::kAuto) -> Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_TokenizeRussian, icu_only, WordTokenizer::Mode::kIcuOnly)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_TokenizeChinese, auto, WordTokenizer::Mode::kAuto) -> Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_TokenizeChinese, icu_only, WordTokenizer::Mode::kIcuOnly)->Unit(benchmark::kMillisecond);

// The fast path alone (internal::TokenizeFastWith) per byte classifier and text size, on the English
// texts cut to the size (at a space), against the scalar loop (internal::TokenizeFastScalar). Arguments:
// kernel index in AvailableKernels() (-1: scalar loop), text size in bytes, non-ASCII percent (0 or 5).
void BM_TokenizeFastPath(benchmark::State& state) {
  const std::vector<const KernelTable*> kernels = AvailableKernels();
  const int64_t kernel = state.range(0);
  if (kernel >= static_cast<int64_t>(kernels.size())) {
    state.SkipWithError("kernel not available on this CPU");
    return;
  }
  const std::string& full = state.range(2) == 0 ? AsciiText() : Mixed5Text();
  // Only what the fast path may see: the table code points of the mixed text all qualify.
  std::string_view text(full.data(), static_cast<size_t>(state.range(1)));
  while (!text.empty() && text.back() != ' ') text.remove_suffix(1);
  const internal::FastPathTable* table = internal::SharedFastPathTable();
  std::string scratch;
  std::vector<Word> words;
  for (auto _ : state) {
    words.clear();
    if (kernel < 0) {
      internal::TokenizeFastScalar(text, 0, table, &scratch, &words);
    } else {
      internal::TokenizeFastWith(kernels[static_cast<size_t>(kernel)]->classify_bytes, text, 0, table, &scratch,
                                 &words);
    }
    benchmark::DoNotOptimize(words.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.SetLabel(kernel < 0 ? "scalar loop" : kernels[static_cast<size_t>(kernel)]->name);
}
BENCHMARK(BM_TokenizeFastPath)->ArgsProduct({{-1, 0, 1, 2}, {256, 4096, 1 << 20}, {0, 5}});

// The kernel numbered by the benchmark's first argument (AvailableKernels' order), or null when this CPU
// cannot run it (the run is then reported skipped).
const KernelTable* KernelArg(benchmark::State& state) {
  const std::vector<const KernelTable*> kernels = AvailableKernels();
  if (state.range(0) >= static_cast<int64_t>(kernels.size())) {
    state.SkipWithError("kernel not available on this CPU");
    return nullptr;
  }
  return kernels[static_cast<size_t>(state.range(0))];
}

// The byte classifier alone, per kernel, on 4 KB (one chunk of the fast path).
void BM_ClassifyBytes(benchmark::State& state) {
  const KernelTable* kernel = KernelArg(state);
  if (kernel == nullptr) return;
  const auto* text = reinterpret_cast<const unsigned char*>(Mixed5Text().data());
  ByteClassMasks masks[64];
  for (auto _ : state) {
    kernel->classify_bytes(text, 4096, masks);
    benchmark::DoNotOptimize(masks);
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * 4096);
  state.SetLabel(kernel->name);
}
BENCHMARK(BM_ClassifyBytes)->DenseRange(0, 2);

// The boilerplate stage's byte scanner alone, per kernel (arg 0), on a unit of arg 1 blocks: it is called
// once per unit, and a line of news is two to five blocks.
void BM_ScanBytes(benchmark::State& state) {
  const KernelTable* kernel = KernelArg(state);
  if (kernel == nullptr) return;
  const auto* text = reinterpret_cast<const unsigned char*>(Mixed5Text().data());
  const auto blocks = static_cast<size_t>(state.range(1));
  ScanMasks masks[64];
  for (auto _ : state) {
    kernel->scan_bytes(text, blocks, masks);
    benchmark::DoNotOptimize(masks);
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * blocks * 64));
  state.SetLabel(kernel->name);
}
BENCHMARK(BM_ScanBytes)->ArgsProduct({{0, 1, 2}, {4, 64}});

// Code point offsets to bytes (kernels/code_points.h) on the ~5% non-ASCII text: a walk from the start
// to every `step`-th code point, as the cutters between boilerplate spans do. Arg 0: reference, 1: fast.
void BM_AdvanceToCodePoint(benchmark::State& state) {
  const std::string& text = Mixed5Text();
  const bool fast = state.range(0) == 1;
  const auto step = static_cast<uint32_t>(state.range(1));
  for (auto _ : state) {
    Utf8Position at;
    for (uint32_t target = step; at.byte < text.size(); target += step) {
      if (fast) {
        AdvanceToCodePoint(text, target, &at);
      } else {
        internal::AdvanceToCodePointScalar(text, target, &at);
      }
    }
    benchmark::DoNotOptimize(at);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetLabel(fast ? "fast" : "reference");
}
BENCHMARK(BM_AdvanceToCodePoint)->ArgsProduct({{0, 1}, {40, 400, 4000}});

}  // namespace
}  // namespace neardup
