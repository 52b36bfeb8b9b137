// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Speed of the signature pass (JSONL -> words -> 5-gram shingles -> 128-permutation MinHash -> LSH band
// keys) against simdjson's parse-only speed on the same file in the same run.
//
// For each file, each run times, in CPU time of the process (user + system):
//  (a) parse only: every line parsed with simdjson On-Demand as the reader does (one document per line)
//      and the text field found and unescaped;
//  (b) the signature pass: the same parse, the texts copied into a batch, and ComputeSketches (the
//      pipeline's own stage: WordTokenizer, ShingleHashes, the active MinHash kernel, BandKey) on each
//      batch.
// MB per CPU-second = file bytes / CPU seconds; the ratio is (b)'s speed over (a)'s, per run, so a
// noisy shared machine moves both. Medians over the runs are printed. The band-key digest is a hash of
// every document's band keys: it must not change with NEARDUP_FORCE_KERNEL.
//
//   bench_signature corpus.jsonl                       # 5 runs, 1 thread
//   bench_signature --runs 7 en.jsonl ru.jsonl zh.jsonl
//   bench_signature --check corpus.jsonl               # fast-path words == ICU words, every document

#include <tbb/global_control.h>
#include <time.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <simdjson.h>
#include <string>
#include <string_view>
#include <vector>

#include "kernels/minhash.h"
#include "kernels/tokenize.h"
#include "pipeline/dedup.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace neardup::bench {
namespace {

double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  if (n == 0) return 0;
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// One JSONL file in memory, with its lines.
struct Input {
  std::string path;
  simdjson::padded_string bytes;
  std::vector<std::pair<size_t, size_t>> lines;  ///< [begin, end) of each non-empty line
};

bool Load(const std::string& path, Input* in) {
  in->path = path;
  if (simdjson::padded_string::load(path).get(in->bytes) != simdjson::SUCCESS) {
    std::fprintf(stderr, "bench_signature: cannot read %s\n", path.c_str());
    return false;
  }
  const char* data = in->bytes.data();
  const size_t n = in->bytes.size();
  for (size_t pos = 0; pos < n;) {
    const void* nl = std::memchr(data + pos, '\n', n - pos);
    const size_t end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - data) : n;
    if (end > pos) in->lines.emplace_back(pos, end);
    pos = end + 1;
  }
  return true;
}

// Parses every line as the reader does and hands the text of each record to `sink` (a view valid until
// the next call). Returns the number of records without a string text.
template <typename Sink>
size_t ForEachText(const Input& in, simdjson::ondemand::parser* parser, const std::string& field, Sink&& sink) {
  size_t bad = 0;
  const char* data = in.bytes.data();
  const size_t capacity = in.bytes.size() + simdjson::SIMDJSON_PADDING;
  for (const auto& [begin, end] : in.lines) {
    simdjson::ondemand::document doc;
    std::string_view text;
    if (parser->iterate(data + begin, end - begin, capacity - begin).get(doc) != simdjson::SUCCESS ||
        doc.find_field_unordered(field).get_string().get(text) != simdjson::SUCCESS) {
      ++bad;
      continue;
    }
    sink(text);
  }
  return bad;
}

struct PassResult {
  double seconds = 0;
  uint64_t checksum = 0;  ///< text bytes (parse) or band-key digest (signatures)
  uint64_t words = 0;
};

PassResult ParseOnly(const Input& in, simdjson::ondemand::parser* parser, const std::string& field) {
  PassResult r;
  const double t0 = CpuSeconds();
  ForEachText(in, parser, field, [&](std::string_view text) { r.checksum += text.size(); });
  r.seconds = CpuSeconds() - t0;
  return r;
}

PassResult Signatures(const Input& in, simdjson::ondemand::parser* parser, const std::string& field,
                      const DedupParams& params, size_t batch_docs) {
  PassResult r;
  XXH3_state_t* digest = XXH3_createState();
  XXH3_64bits_reset(digest);
  std::string arena;
  std::vector<size_t> ends;
  std::vector<SketchInput> inputs;
  std::vector<DocumentSketch> sketches;
  std::vector<uint64_t> band_keys;
  SketchWords words;
  const auto flush = [&] {
    inputs.resize(ends.size());
    size_t begin = 0;
    for (size_t i = 0; i < ends.size(); ++i) {
      inputs[i].text = std::string_view(arena).substr(begin, ends[i] - begin);
      begin = ends[i];
    }
    ComputeSketches(inputs, params, &sketches, &band_keys, &words);
    for (const DocumentSketch& s : sketches) r.words += s.words;
    XXH3_64bits_update(digest, band_keys.data(), band_keys.size() * sizeof(uint64_t));
    arena.clear();
    ends.clear();
  };
  const double t0 = CpuSeconds();
  ForEachText(in, parser, field, [&](std::string_view text) {
    arena.append(text);
    ends.push_back(arena.size());
    if (ends.size() == batch_docs) flush();
  });
  if (!ends.empty()) flush();
  r.seconds = CpuSeconds() - t0;
  r.checksum = XXH3_64bits_digest(digest);
  XXH3_freeState(digest);
  return r;
}

// Words of every text through the fast path and through ICU alone; returns the documents that differ.
// Also counts the words, and those holding a non-ASCII character (more bytes than code points).
size_t CheckTokens(const Input& in, simdjson::ondemand::parser* parser, const std::string& field,
                   uint64_t* words, uint64_t* non_ascii_words) {
  WordTokenizer fast(WordTokenizer::Mode::kAuto);
  WordTokenizer icu(WordTokenizer::Mode::kIcuOnly);
  std::vector<Word> a, b;
  size_t differ = 0;
  size_t doc = 0;
  ForEachText(in, parser, field, [&](std::string_view text) {
    a.clear();
    b.clear();
    fast.Tokenize(text, 0, &a);
    icu.Tokenize(text, 0, &b);
    *words += b.size();
    // Byte offsets of the words, walking the text once.
    size_t byte = 0;
    uint32_t cp = 0;
    const auto advance_to = [&](uint32_t target) {
      while (cp < target && byte < text.size()) {
        ++byte;
        while (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80) ++byte;
        ++cp;
      }
    };
    for (const Word& w : b) {
      advance_to(w.start);
      const size_t begin = byte;
      advance_to(w.end);
      *non_ascii_words += byte - begin != w.end - w.start;
    }
    const bool same = a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const Word& x, const Word& y) {
                        return x.hash == y.hash && x.start == y.start && x.end == y.end;
                      });
    if (!same && ++differ <= 5) {
      size_t k = 0;
      while (k < a.size() && k < b.size() && a[k].hash == b[k].hash && a[k].start == b[k].start &&
             a[k].end == b[k].end) {
        ++k;
      }
      std::fprintf(stderr, "  record %zu: %zu fast-path words, %zu ICU words, first difference at word %zu\n",
                   doc + 1, a.size(), b.size(), k);
    }
    ++doc;
  });
  return differ;
}

int Main(int argc, char** argv) {
  CLI::App app{"Signature pass (JSONL -> words -> shingles -> MinHash -> band keys) vs simdjson parse-only"};
  std::vector<std::string> files;
  int runs = 5;
  int threads = 1;
  size_t batch_docs = 1024;
  std::string field = "text";
  bool check = false;
  DedupParams params;
  app.add_option("files", files, "JSONL files (each measured on its own)")->required();
  app.add_option("--runs", runs, "Runs per file (medians are printed)")->capture_default_str();
  app.add_option("--threads", threads, "Worker threads for ComputeSketches")->capture_default_str();
  app.add_option("--batch", batch_docs, "Documents per ComputeSketches call")->capture_default_str();
  app.add_option("--text-field", field, "Field holding the text")->capture_default_str();
  app.add_option("--ngram", params.ngram, "Words per shingle")->capture_default_str();
  app.add_option("--num-perm", params.num_perm, "MinHash permutations")->capture_default_str();
  app.add_flag("--check", check, "Also check that fast-path words equal ICU words on every record");
  CLI11_PARSE(app, argc, argv);
  if (runs < 1 || threads < 1 || batch_docs < 1 || params.num_perm % 16 != 0 || params.num_perm == 0) {
    std::fprintf(stderr, "bench_signature: bad --runs, --threads, --batch or --num-perm\n");
    return 2;
  }
  ChooseBands(0.8, params.num_perm, 0.9, &params.bands, &params.rows);
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<size_t>(threads));

  std::printf("kernel %s, %zu-grams, %zu permutations, %zu bands x %zu rows, %d thread(s), %d runs\n",
              ActiveKernel().name, params.ngram, params.num_perm, params.bands, params.rows, threads, runs);
  std::printf("%-40s %9s %8s %12s %12s %8s %18s\n", "file", "MB", "records", "parse MB/s", "sign MB/s",
              "ratio", "band-key digest");
  bool failed = false;
  for (const std::string& path : files) {
    Input in;
    if (!Load(path, &in)) return 1;
    simdjson::ondemand::parser parser;
    const double mb = static_cast<double>(in.bytes.size()) / 1e6;
    std::vector<double> parse_speed, sign_speed, ratio;
    uint64_t digest = 0;
    for (int run = 0; run < runs; ++run) {
      const PassResult p = ParseOnly(in, &parser, field);
      const PassResult s = Signatures(in, &parser, field, params, batch_docs);
      parse_speed.push_back(mb / p.seconds);
      sign_speed.push_back(mb / s.seconds);
      ratio.push_back(p.seconds / s.seconds);
      if (run > 0 && s.checksum != digest) {
        std::fprintf(stderr, "bench_signature: band keys differ between runs\n");
        failed = true;
      }
      digest = s.checksum;
    }
    std::printf("%-40s %9.1f %8zu %12.0f %12.1f %8.4f %016llx\n", path.c_str(), mb, in.lines.size(),
                Median(parse_speed), Median(sign_speed), Median(ratio), static_cast<unsigned long long>(digest));
    std::printf("  signature MB/s per run:");
    for (double v : sign_speed) std::printf(" %.1f", v);
    std::printf("\n");
    if (check) {
      uint64_t words = 0, non_ascii = 0;
      const size_t differ = CheckTokens(in, &parser, field, &words, &non_ascii);
      std::printf("  check: %llu words (%.2f%% with a non-ASCII character), %zu of %zu records differ between "
                  "the fast path and ICU\n",
                  static_cast<unsigned long long>(words), words ? 100.0 * non_ascii / words : 0.0, differ,
                  in.lines.size());
      failed |= differ > 0;
    }
    std::fflush(stdout);
  }
  return failed ? 1 : 0;
}

}  // namespace
}  // namespace neardup::bench

int main(int argc, char** argv) { return neardup::bench::Main(argc, argv); }
