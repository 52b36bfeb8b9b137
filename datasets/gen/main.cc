// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// neardup-datagen: writes a synthetic, news-like JSONL corpus and its ground truth. Same options and
// seed give byte-identical files on any machine. Exit codes: 0 success, 1 I/O error, 2 usage error.

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "datasets/gen/corpus.h"
#include "datasets/gen/languages.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitRuntime = 1;
constexpr int kExitUsage = 2;

// Writes lines to two files through large buffers. "-" is stdout for the corpus.
class FileSink : public neardup::datagen::DocSink {
 public:
  bool Open(const std::string& corpus, const std::string& truth) {
    corpus_ = corpus == "-" ? stdout : std::fopen(corpus.c_str(), "wb");
    if (corpus_ == nullptr) {
      std::fprintf(stderr, "neardup-datagen: cannot open %s for writing\n", corpus.c_str());
      return false;
    }
    std::setvbuf(corpus_, nullptr, _IOFBF, 1 << 20);
    if (!truth.empty()) {
      truth_ = std::fopen(truth.c_str(), "wb");
      if (truth_ == nullptr) {
        std::fprintf(stderr, "neardup-datagen: cannot open %s for writing\n", truth.c_str());
        return false;
      }
      std::setvbuf(truth_, nullptr, _IOFBF, 1 << 20);
    }
    return true;
  }

  bool Write(std::string_view corpus_line, std::string_view truth_line) override {
    if (std::fwrite(corpus_line.data(), 1, corpus_line.size(), corpus_) != corpus_line.size()) return false;
    if (truth_ != nullptr &&
        std::fwrite(truth_line.data(), 1, truth_line.size(), truth_) != truth_line.size()) {
      return false;
    }
    return true;
  }

  // Flushes and closes; false on any write error.
  bool Close() {
    bool ok = true;
    if (corpus_ != nullptr) ok &= corpus_ == stdout ? std::fflush(stdout) == 0 : std::fclose(corpus_) == 0;
    if (truth_ != nullptr) ok &= std::fclose(truth_) == 0;
    corpus_ = truth_ = nullptr;
    return ok;
  }

 private:
  std::FILE* corpus_ = nullptr;
  std::FILE* truth_ = nullptr;
};

}  // namespace

int main(int argc, char** argv) {
  namespace dg = neardup::datagen;
  CLI::App app{"neardup-datagen: writes a synthetic news corpus (JSONL) with known near-duplicates"};
  uint64_t docs = 1000;
  uint64_t seed = 1;
  std::string out;
  std::string truth;
  std::string preset_name = "dedup";
  size_t window = 1000;
  unsigned threads = 0;
  bool quiet = false;
  bool list_presets = false;
  double jaccard_min = -1, jaccard_max = -1, non_english = -1;
  uint32_t min_words = 0, max_words = 0, max_copies = 0;

  app.add_option("--docs", docs, "Number of documents")->capture_default_str();
  app.add_option("--seed", seed, "Random seed; the same seed and options give byte-identical output")
      ->capture_default_str();
  app.add_option("--out", out, "Corpus file (JSONL), or - for stdout");
  app.add_option("--truth", truth, "Ground-truth file (JSONL), one line per document in corpus order");
  app.add_option("--preset", preset_name,
                 "Corpus recipe: dedup (near-duplicate quality: 51% near-duplicates, ~5% non-English) or bench "
                 "(throughput: English news, ~30% near-duplicates, site furniture, quoted statements, curly "
                 "quotes; 300,000 documents are ~1 GB); see --list-presets")
      ->capture_default_str();
  app.add_option("--window", window, "Shuffle window in documents (1 keeps generation order)")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{1} << 24));
  app.add_option("--threads", threads,
                 "Worker threads (default: one per core); the output does not depend on it")
      ->check(CLI::Range(0u, 64u));
  app.add_option("--jaccard-min", jaccard_min, "Lowest target Jaccard of a copy (preset: 0.5)")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--jaccard-max", jaccard_max, "Highest target Jaccard of a copy (preset: 1.0)")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--non-english", non_english, "Share of non-English stories (preset: 0.05)")
      ->check(CLI::Range(0.0, 1.0));
  std::string language;
  app.add_option("--lang", language, "Write every story in this language: en, es, fr, ru, zh or ar");
  app.add_option("--min-words", min_words, "Shortest article body in words (preset: 150)")
      ->check(CLI::Range(1u, 100000u));
  app.add_option("--max-words", max_words, "Longest article body in words (preset: 1200)")
      ->check(CLI::Range(1u, 100000u));
  app.add_option("--max-copies", max_copies, "Most near-duplicate copies per original, 1-6 (preset: 6)")
      ->check(CLI::Range(1u, 6u));
  app.add_flag("--list-presets", list_presets, "Print the presets and exit");
  app.add_flag("-q,--quiet", quiet, "Print no summary");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }

  if (list_presets) {
    for (const std::string& name : dg::PresetNames()) {
      std::printf("%-8s %s\n", name.c_str(), dg::FindPreset(name)->description.c_str());
    }
    return kExitOk;
  }
  const dg::Preset* preset = dg::FindPreset(preset_name);
  if (preset == nullptr) {
    std::fprintf(stderr, "neardup-datagen: unknown preset '%s' (see --list-presets)\n", preset_name.c_str());
    return kExitUsage;
  }
  if (out.empty()) {
    std::fprintf(stderr, "neardup-datagen: --out is required\n");
    return kExitUsage;
  }

  dg::GenOptions options;
  options.docs = docs;
  options.seed = seed;
  options.window = window;
  options.threads = threads;
  options.preset = *preset;
  dg::Preset& p = options.preset;
  if (jaccard_min >= 0) p.jaccard_min = jaccard_min;
  if (jaccard_max >= 0) p.jaccard_max = jaccard_max;
  if (non_english >= 0) p.non_english = non_english;
  if (min_words > 0) p.min_words = min_words;
  if (max_words > 0) p.max_words = max_words;
  if (max_copies > 0) p.copies_weights.resize(max_copies);
  if (!language.empty()) {
    if (dg::FindLanguage(language) == nullptr) {
      std::fprintf(stderr, "neardup-datagen: no language '%s' (en, es, fr, ru, zh, ar)\n", language.c_str());
      return kExitUsage;
    }
    p.language = language;
  }
  if (p.jaccard_min > p.jaccard_max) {
    std::fprintf(stderr, "neardup-datagen: --jaccard-min is above --jaccard-max\n");
    return kExitUsage;
  }
  if (p.min_words > p.max_words) {
    std::fprintf(stderr, "neardup-datagen: --min-words is above --max-words\n");
    return kExitUsage;
  }

  FileSink sink;
  if (!sink.Open(out, truth)) return kExitRuntime;
  dg::GenStats stats;
  const auto start = std::chrono::steady_clock::now();
  const bool generated = dg::Generate(options, &sink, &stats);
  const bool closed = sink.Close();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!generated || !closed) {
    std::fprintf(stderr, "neardup-datagen: write error\n");
    return kExitRuntime;
  }
  if (!quiet) {
    std::fprintf(stderr, "neardup-datagen: %llu documents, %.1f MB in %.2f s (%.0f MB/s)\n",
                 static_cast<unsigned long long>(stats.docs), stats.corpus_bytes / 1e6, seconds,
                 seconds > 0 ? stats.corpus_bytes / 1e6 / seconds : 0.0);
    std::fprintf(stderr, "  ");
    for (int k = 0; k < static_cast<int>(dg::DocKind::kCount); ++k) {
      std::fprintf(stderr, "%s %llu%s", dg::DocKindName(static_cast<dg::DocKind>(k)),
                   static_cast<unsigned long long>(stats.by_kind[k]),
                   k + 1 < static_cast<int>(dg::DocKind::kCount) ? ", " : "\n");
    }
    std::fprintf(stderr, "  non-English documents %.1f%%, words with non-ASCII characters %.1f%%\n",
                 stats.docs ? 100.0 * stats.non_english / stats.docs : 0.0,
                 stats.words ? 100.0 * stats.non_ascii_words / stats.words : 0.0);
  }
  return kExitOk;
}
