// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Benchmark of the passage stage (pipeline/passages) on a generated corpus with planted passages
// (bench/passages_corpus.h): recall by passage length and by how many documents share the passage,
// precision, and the time and memory the stage takes.
//
// - A planted passage is found when a reported span pair of its two documents covers at least half of
//   the planted span in both.
// - A reported span pair is right when its two spans share most of their words (the normalized words
//   they have in common, as multisets, are more than half of the longer span) and neither leaves the
//   document's ranges (touches boilerplate). The share that overlaps a planted passage is printed too;
//   the rest is text the generator did not plan to share (stock phrases side by side, two articles
//   quoting the same source).
//
//   bench_passages --docs 20000 --threads 2 --runs 3            # the figures in README-passages.md
//   bench_passages --docs 20000 --sweep                         # min_words and caps
//   bench_passages --jsonl corpus.jsonl --truth truth.jsonl     # another corpus, e.g. neardup-datagen's
//   bench_passages --jsonl corpus.jsonl --annotations out/annotations.jsonl   # as in that neardup run
//   bench_passages ... --words                                  # words given, as the run can give them
//   bench_passages ... --words --release-words                  # and released by the stage once copied

#include <simdjson.h>
#include <sys/resource.h>
#include <tbb/global_control.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "bench/passages_corpus.h"
#include "kernels/tokenize.h"
#include "pipeline/passages/passages.h"

namespace neardup::bench {
namespace {

struct Bucket {
  size_t planted = 0, found = 0;
  double Recall() const { return planted ? static_cast<double>(found) / static_cast<double>(planted) : 1.0; }
  void Add(bool hit) {
    ++planted;
    found += hit;
  }
};

// Similarity of the reported span pairs that overlap a planted passage, in steps of 0.05 from 0.5.
struct Histogram {
  size_t counts[11] = {};
  void Add(double similarity) {
    ++counts[std::clamp(static_cast<int>((similarity - 0.5) * 20 + 1e-9), 0, 10)];
  }
  void Print(const char* what) const {
    std::printf("    similarity of %s:", what);
    for (int i = 0; i <= 10; ++i) std::printf(" %.2f:%zu", 0.5 + 0.05 * i, counts[i]);
    std::printf("\n");
  }
};

struct Evaluation {
  Bucket by_length[3];   // 15-24, 25-49, 50+ words
  Bucket by_sharing[4];  // 2, 3-9, 10-30, 31-100 documents
  Bucket sharing_25[4];  // by sharing, passages of >= 25 words
  Bucket at_least_25;
  size_t span_pairs = 0, right = 0, planted_overlap = 0, outside_ranges = 0;
  Histogram quoted, copies;  // a quote and its source; two copies of a paragraph shared more widely
  double seconds = 0, cpu_seconds = 0;
  PassageStats stats;
  uint64_t digest = 0;
};

// Medians of the wall and CPU seconds of timed runs (the first one's included).
struct Timings {
  std::vector<double> wall, cpu;
  std::vector<std::string> steps;  // each run's CPU seconds per step
  void Add(const Evaluation& ev) {
    wall.push_back(ev.seconds);
    cpu.push_back(ev.cpu_seconds);
    std::string line;
    for (const PassageStats::Step& step : ev.stats.steps) {
      char field[64];
      std::snprintf(field, sizeof field, " %s %.2f", step.name, step.cpu_seconds);
      line += field;
    }
    steps.push_back(line);
  }
  static double Median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n == 0 ? 0 : (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
  }
  // Puts the medians into ev.
  void Apply(Evaluation* ev) const {
    ev->seconds = Median(wall);
    ev->cpu_seconds = Median(cpu);
  }
  std::string Describe() const {
    if (cpu.size() < 2) return "one run";
    std::string out = "medians of " + std::to_string(cpu.size()) + " runs; CPU ms:";
    for (double c : cpu) out += " " + std::to_string(static_cast<long>(std::lround(c * 1000)));
    // Steps of every run: the first run faults in fresh memory, the later ones mostly reuse it.
    for (size_t r = 0; r < steps.size(); ++r)
      out += "\n   run " + std::to_string(r + 1) + " steps (CPU s):" + steps[r];
    return out;
  }
};

int g_show_misses = 0;  // --show-misses

// CPU time of the whole process (all threads): with other work on the machine, wall time alone misleads.
double CpuSeconds() {
  struct rusage u;
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// A "VmRSS:"-like field of /proc/self/status, in MB (0 when unavailable).
double StatusMegabytes(const char* field) {
  std::FILE* f = std::fopen("/proc/self/status", "r");
  if (f == nullptr) return 0;
  char line[256];
  double mb = 0;
  while (std::fgets(line, sizeof(line), f) != nullptr) {
    if (std::strncmp(line, field, std::strlen(field)) == 0)
      mb = std::atof(line + std::strlen(field)) / 1024.0;
  }
  std::fclose(f);
  return mb;
}

size_t LengthBucket(uint32_t words) { return words < 25 ? 0 : (words < 50 ? 1 : 2); }
size_t SharingBucket(uint32_t n) { return n <= 2 ? 0 : (n < 10 ? 1 : (n <= 30 ? 2 : 3)); }

bool CoversHalf(uint32_t start, uint32_t end, uint32_t want_start, uint32_t want_end) {
  const uint32_t lo = std::max(start, want_start), hi = std::min(end, want_end);
  return hi > lo && 2 * (hi - lo) >= want_end - want_start;
}

bool Overlaps(uint32_t s0, uint32_t e0, uint32_t s1, uint32_t e1) {
  return std::max(s0, s1) < std::min(e0, e1);
}

// Byte offset of code point `cp` in `text`.
size_t ByteOf(const std::string& text, uint32_t cp) {
  size_t byte = 0;
  for (uint32_t c = 0; c < cp && byte < text.size(); ++c) {
    ++byte;
    while (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80) ++byte;
  }
  return byte;
}

std::string Slice(const std::string& text, uint32_t start, uint32_t end) {
  const size_t b0 = ByteOf(text, start);
  return text.substr(b0, ByteOf(text, end) - b0);
}

// The normalized words of text[start, end) (code points), sorted.
std::vector<uint64_t> SortedWords(WordTokenizer* tokenizer, const std::string& text, uint32_t start,
                                  uint32_t end) {
  std::vector<Word> words;
  tokenizer->Tokenize(Slice(text, start, end), 0, &words);
  std::vector<uint64_t> h;
  for (const Word& w : words) h.push_back(w.hash);
  std::sort(h.begin(), h.end());
  return h;
}

bool InsideRanges(const std::vector<std::pair<uint32_t, uint32_t>>& ranges, uint32_t start, uint32_t end) {
  return std::any_of(ranges.begin(), ranges.end(),
                     [&](const auto& r) { return start >= r.first && end <= r.second; });
}

// The words given to the documents, which their PassageInput views show: every document's in turn, in
// one block as the run's sketch pass holds them.
struct GivenWords {
  std::vector<uint32_t> words, range_word_ends;
};

// Gives every participating document its words, as a caller that has already tokenized the text (the
// run's signature pass) would, so that the timed stage does not tokenize them (--words).
void PrecomputeWords(std::vector<PassageInput>* docs, GivenWords* given) {
  WordTokenizer tokenizer;
  std::vector<Word> words;
  std::vector<size_t> word_begin(docs->size() + 1, 0), end_begin(docs->size() + 1, 0);
  given->words.clear();
  given->range_word_ends.clear();
  for (size_t d = 0; d < docs->size(); ++d) {
    const PassageInput& doc = (*docs)[d];
    if (doc.participates) {
      const std::string text(doc.text);
      words.clear();
      for (const auto& [start, end] : doc.ranges) {
        const size_t b0 = ByteOf(text, start);
        tokenizer.Tokenize(std::string_view(text).substr(b0, ByteOf(text, end) - b0), start, &words);
        given->range_word_ends.push_back(static_cast<uint32_t>(words.size()));
      }
      for (const Word& w : words) given->words.push_back(static_cast<uint32_t>(w.hash));
    }
    word_begin[d + 1] = given->words.size();
    end_begin[d + 1] = given->range_word_ends.size();
  }
  for (size_t d = 0; d < docs->size(); ++d) {
    PassageInput& doc = (*docs)[d];
    doc.words =
        std::span<const uint32_t>(given->words).subspan(word_begin[d], word_begin[d + 1] - word_begin[d]);
    doc.range_word_ends = std::span<const uint32_t>(given->range_word_ends)
                              .subspan(end_begin[d], end_begin[d + 1] - end_begin[d]);
  }
}

// A copy of the documents and of the words they were given, for one run that releases the words.
struct Consumable {
  std::vector<PassageInput> docs;
  GivenWords given;
};

void CopyForRelease(const std::vector<PassageInput>& docs, const GivenWords& given, Consumable* out) {
  out->docs = docs;
  out->given = given;
  for (PassageInput& doc : out->docs) {
    doc.words = std::span<const uint32_t>(out->given.words)
                    .subspan(static_cast<size_t>(doc.words.data() - given.words.data()), doc.words.size());
    doc.range_word_ends =
        std::span<const uint32_t>(out->given.range_word_ends)
            .subspan(static_cast<size_t>(doc.range_word_ends.data() - given.range_word_ends.data()),
                     doc.range_word_ends.size());
  }
}

// Order-sensitive digest of the output, to compare two builds.
uint64_t Digest(const std::vector<PassagePair>& pairs) {
  uint64_t h = 1469598103934665603ULL;
  auto mix = [&](uint64_t v) { h = (h ^ v) * 1099511628211ULL; };
  for (const PassagePair& p : pairs) {
    mix(p.a);
    mix(p.b);
    for (const PassageSpan& s : p.spans) {
      mix(s.a_start);
      mix(s.a_end);
      mix(s.b_start);
      mix(s.b_end);
      mix(static_cast<uint64_t>(std::llround(s.similarity * 10000)));
    }
  }
  return h;
}

// With `consumed` (a copy of docs), the stage releases the copy's words as a run can let it.
std::vector<PassagePair> Find(const std::vector<PassageInput>& docs, const PassageOptions& options,
                              Evaluation* ev, Consumable* consumed = nullptr) {
  std::vector<PassagePair> pairs;
  const double c0 = CpuSeconds();
  const auto t0 = std::chrono::steady_clock::now();
  const auto release = [consumed] { std::vector<uint32_t>().swap(consumed->given.words); };
  const Status status =
      consumed != nullptr ? FindPassagesReleasingWords(&consumed->docs, release, options, &pairs, &ev->stats)
                          : FindPassages(docs, options, &pairs, &ev->stats);
  ev->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ev->cpu_seconds = CpuSeconds() - c0;
  if (!status.ok()) {
    std::fprintf(stderr, "%s\n", status.ToString().c_str());
    std::exit(1);
  }
  ev->digest = Digest(pairs);
  return pairs;
}

Evaluation Run(const PassageCorpus& corpus, const std::vector<PassageInput>& docs,
               const PassageOptions& options, bool judge_precision) {
  Evaluation ev;
  const std::vector<PassagePair> pairs = Find(docs, options, &ev);
  auto find_pair = [&](uint32_t a, uint32_t b) -> const PassagePair* {
    const auto it = std::lower_bound(pairs.begin(), pairs.end(), std::make_pair(a, b),
                                     [](const PassagePair& p, const std::pair<uint32_t, uint32_t>& k) {
                                       return std::make_pair(p.a, p.b) < k;
                                     });
    return it != pairs.end() && it->a == a && it->b == b ? &*it : nullptr;
  };

  std::map<std::pair<uint32_t, uint32_t>, std::vector<const PlantedPassage*>> planted_by_pair;
  for (const PlantedPassage& p : corpus.planted) {
    planted_by_pair[{p.x, p.y}].push_back(&p);
    bool found = false;
    const PassagePair* reported = find_pair(p.x, p.y);
    if (reported != nullptr) {
      found = std::any_of(reported->spans.begin(), reported->spans.end(), [&](const PassageSpan& s) {
        return CoversHalf(s.a_start, s.a_end, p.x_start, p.x_end) &&
               CoversHalf(s.b_start, s.b_end, p.y_start, p.y_end);
      });
    }
    ev.by_length[LengthBucket(p.words)].Add(found);
    ev.by_sharing[SharingBucket(p.sharing)].Add(found);
    if (p.words >= 25) {
      ev.at_least_25.Add(found);
      ev.sharing_25[SharingBucket(p.sharing)].Add(found);
      if (!found && g_show_misses > 0) {
        --g_show_misses;
        std::printf("missed: documents %u and %u, %u words, shared by %u\n  %s\n  %s\n", p.x, p.y, p.words,
                    p.sharing, Slice(corpus.texts[p.x], p.x_start, p.x_end).c_str(),
                    Slice(corpus.texts[p.y], p.y_start, p.y_end).c_str());
        for (size_t i = 0; reported != nullptr && i < reported->spans.size(); ++i) {
          const PassageSpan& s = reported->spans[i];
          std::printf("  reported [%u, %u) [%u, %u) similarity %.3f\n", s.a_start, s.a_end, s.b_start,
                      s.b_end, s.similarity);
        }
      }
    }
  }

  WordTokenizer tokenizer;
  for (const PassagePair& pair : pairs) {
    const auto planted = planted_by_pair.find({pair.a, pair.b});
    for (const PassageSpan& s : pair.spans) {
      ++ev.span_pairs;
      const bool inside = InsideRanges(corpus.ranges[pair.a], s.a_start, s.a_end) &&
                          InsideRanges(corpus.ranges[pair.b], s.b_start, s.b_end);
      ev.outside_ranges += !inside;
      if (planted != planted_by_pair.end()) {
        for (const PlantedPassage* p : planted->second) {
          if (Overlaps(s.a_start, s.a_end, p->x_start, p->x_end) &&
              Overlaps(s.b_start, s.b_end, p->y_start, p->y_end)) {
            ++ev.planted_overlap;
            (p->sharing > 2 ? ev.copies : ev.quoted).Add(s.similarity);
            break;
          }
        }
      }
      if (!judge_precision) continue;
      const auto wa = SortedWords(&tokenizer, corpus.texts[pair.a], s.a_start, s.a_end);
      const auto wb = SortedWords(&tokenizer, corpus.texts[pair.b], s.b_start, s.b_end);
      std::vector<uint64_t> common;
      std::set_intersection(wa.begin(), wa.end(), wb.begin(), wb.end(), std::back_inserter(common));
      ev.right += inside && 2 * common.size() > std::max(wa.size(), wb.size());
    }
  }
  return ev;
}

void PrintStats(const PassageStats& stats) {
  std::printf(
      "  fingerprints %llu, capped %llu, widely shared %llu, too common %llu, candidate pairs %llu, "
      "span pairs %llu\n",
      static_cast<unsigned long long>(stats.fingerprints),
      static_cast<unsigned long long>(stats.capped_fingerprints),
      static_cast<unsigned long long>(stats.widely_shared_fingerprints),
      static_cast<unsigned long long>(stats.too_common_fingerprints),
      static_cast<unsigned long long>(stats.candidate_pairs),
      static_cast<unsigned long long>(stats.span_pairs));
  if (stats.steps.empty()) return;
  std::printf("  steps (CPU s / resident MB at the end / peak MB):");
  for (const PassageStats::Step& s : stats.steps)
    std::printf(" %s %.2f/%.0f/%.0f", s.name, s.cpu_seconds, s.rss_mb, s.peak_rss_mb);
  std::printf("\n  steps (system s / minor faults):");
  for (const PassageStats::Step& s : stats.steps)
    std::printf(" %s %.2f/%llu", s.name, s.system_seconds, static_cast<unsigned long long>(s.minor_faults));
  std::printf("\n");
}

void PrintTime(double seconds, double cpu_seconds, double megabytes) {
  std::printf("  time %.0f ms wall (%.1f MB/s), %.0f ms CPU (%.1f MB/s per core)\n", seconds * 1000,
              megabytes / seconds, cpu_seconds * 1000, megabytes / cpu_seconds);
}

void PrintEvaluation(const Evaluation& ev, double megabytes, bool judged) {
  static const char* kLength[] = {"15-24 words", "25-49 words", "50+ words"};
  static const char* kSharing[] = {"2 documents", "3-9 documents", "10-30 documents", "31-100 documents"};
  std::printf("  recall, passages of >= 25 words: %.4f (%zu/%zu)\n", ev.at_least_25.Recall(),
              ev.at_least_25.found, ev.at_least_25.planted);
  for (int i = 0; i < 3; ++i) {
    std::printf("    %-18s %.4f (%zu/%zu)\n", kLength[i], ev.by_length[i].Recall(), ev.by_length[i].found,
                ev.by_length[i].planted);
  }
  for (int i = 0; i < 4; ++i) {
    std::printf("    %-18s %.4f (%zu/%zu); >= 25 words: %.4f (%zu/%zu)\n", kSharing[i],
                ev.by_sharing[i].Recall(), ev.by_sharing[i].found, ev.by_sharing[i].planted,
                ev.sharing_25[i].Recall(), ev.sharing_25[i].found, ev.sharing_25[i].planted);
  }
  auto share = [](size_t x, size_t n) { return n ? static_cast<double>(x) / static_cast<double>(n) : 1.0; };
  if (judged) {
    std::printf("  precision: %.4f (%zu/%zu span pairs share most words and stay out of boilerplate)\n",
                share(ev.right, ev.span_pairs), ev.right, ev.span_pairs);
  }
  std::printf("  span pairs overlapping a planted passage: %.4f (%zu/%zu); outside the ranges: %zu\n",
              share(ev.planted_overlap, ev.span_pairs), ev.planted_overlap, ev.span_pairs, ev.outside_ranges);
  ev.quoted.Print("quotes");
  ev.copies.Print("copies");
  PrintStats(ev.stats);
  PrintTime(ev.seconds, ev.cpu_seconds, megabytes);
}

// Reads field `field` of every line of a JSONL file (a missing field gives "").
std::vector<std::string> ReadJsonlField(const std::string& path, const char* field) {
  std::vector<std::string> out;
  std::ifstream in(path);
  std::string line;
  simdjson::ondemand::parser parser;
  while (std::getline(in, line)) {
    simdjson::padded_string padded(line);
    simdjson::ondemand::document doc;
    std::string value;
    if (parser.iterate(padded).get(doc) == simdjson::SUCCESS) {
      simdjson::ondemand::value v;
      if (doc[field].get(v) == simdjson::SUCCESS) {
        std::string_view sv;
        int64_t number = 0;
        if (v.get_string().get(sv) == simdjson::SUCCESS) {
          value = std::string(sv);
        } else if (v.get_int64().get(number) == simdjson::SUCCESS) {
          value = std::to_string(number);
        }
      }
    }
    out.push_back(value);
  }
  return out;
}

// What `neardup run` gave the passage stage, read back from its annotations.jsonl (input order): a
// document takes part when it was neither dropped nor a duplicate, its cluster is the near-duplicate
// cluster, and its ranges are the text between its boilerplate spans. False when the file does not have
// one line per document.
bool ReadRunAnnotations(const std::string& path, std::vector<PassageInput>* docs) {
  std::ifstream in(path);
  std::string line;
  simdjson::ondemand::parser parser;
  size_t d = 0;
  for (; std::getline(in, line); ++d) {
    if (d >= docs->size()) return false;
    PassageInput& doc = (*docs)[d];
    simdjson::padded_string padded(line);
    simdjson::ondemand::document json;
    if (parser.iterate(padded).get(json) != simdjson::SUCCESS) return false;
    bool kept = false, dropped = false;
    int64_t cluster = -1;
    std::vector<std::pair<uint32_t, uint32_t>> removed;
    simdjson::ondemand::object object;
    if (json.get_object().get(object) != simdjson::SUCCESS) return false;
    for (auto field : object) {
      std::string_view key;
      if (field.unescaped_key().get(key) != simdjson::SUCCESS) return false;
      simdjson::ondemand::value value = field.value();
      if (key == "kept") {
        if (value.get_bool().get(kept) != simdjson::SUCCESS) return false;
      } else if (key == "dropped") {
        dropped = !value.is_null();
      } else if (key == "cluster") {
        if (!value.is_null() && value.get_int64().get(cluster) != simdjson::SUCCESS) return false;
      } else if (key == "boilerplate") {
        for (auto span : value.get_array()) {
          int64_t start = 0, end = 0;
          if (span["start"].get_int64().get(start) != simdjson::SUCCESS ||
              span["end"].get_int64().get(end) != simdjson::SUCCESS) {
            return false;
          }
          removed.emplace_back(static_cast<uint32_t>(start), static_cast<uint32_t>(end));
        }
      }
    }
    doc.participates = kept && !dropped;
    doc.cluster = static_cast<int32_t>(cluster);
    if (!removed.empty()) {
      const uint32_t length = doc.ranges.back().second;
      doc.ranges.clear();
      uint32_t at = 0;
      for (const auto& [start, end] : removed) {
        if (start > at) doc.ranges.emplace_back(at, start);
        at = std::max(at, end);
      }
      if (at < length) doc.ranges.emplace_back(at, length);
    }
  }
  return d == docs->size();
}

// Another corpus (e.g. neardup-datagen's): nothing is planted, so only the time and what is reported.
// With a neardup-datagen truth file the documents of one story form one cluster, as near-duplicate
// detection would make them, so that every reported pair links two different stories. With the
// annotations.jsonl of a `neardup run` on that corpus, the stage gets exactly what it got in that run.
int RunExternal(const std::string& path, const std::string& truth, const std::string& annotations,
                const PassageOptions& options, int show, int repeat, bool words, bool release) {
  const std::vector<std::string> texts = ReadJsonlField(path, "text");
  std::vector<std::string> stories;
  if (!truth.empty()) stories = ReadJsonlField(truth, "story");
  std::vector<PassageInput> docs(texts.size());
  size_t bytes = 0;
  for (size_t d = 0; d < texts.size(); ++d) {
    docs[d].text = texts[d];
    docs[d].ranges = {{0, static_cast<uint32_t>(CountCodePoints(texts[d]))}};
    if (d < stories.size() && !stories[d].empty())
      docs[d].cluster = static_cast<int32_t>(std::stol(stories[d]));
    bytes += texts[d].size();
  }
  if (!annotations.empty() && !ReadRunAnnotations(annotations, &docs)) {
    std::fprintf(stderr, "%s: not the annotations of a run on %s\n", annotations.c_str(), path.c_str());
    return 1;
  }
  GivenWords given;
  if (words) PrecomputeWords(&docs, &given);
  size_t participating = 0;
  for (const PassageInput& d : docs) participating += d.participates;
  const double megabytes = static_cast<double>(bytes) / 1e6;
  // Every run with --release-words gets its own copy of the inputs, made before it (untimed).
  Consumable consumed;
  if (release) CopyForRelease(docs, given, &consumed);
  if (std::FILE* clear = std::fopen("/proc/self/clear_refs", "w")) {  // peak memory of the first run
    std::fputs("5", clear);
    std::fclose(clear);
  }
  const double rss_before = StatusMegabytes("VmRSS:");
  Evaluation ev;
  const std::vector<PassagePair> pairs = Find(docs, options, &ev, release ? &consumed : nullptr);
  const double peak = StatusMegabytes("VmHWM:");
  Timings timings;
  timings.Add(ev);
  for (int r = 1; r < repeat; ++r) {
    if (release) CopyForRelease(docs, given, &consumed);
    Evaluation again;
    Find(docs, options, &again, release ? &consumed : nullptr);
    timings.Add(again);
  }
  timings.Apply(&ev);
  std::printf("%s: %zu documents (%zu take part), %.1f MB; min_words %zu\n  pairs %zu, digest %016llx\n",
              path.c_str(), docs.size(), participating, megabytes, options.min_words, pairs.size(),
              static_cast<unsigned long long>(Digest(pairs)));
  PrintStats(ev.stats);
  PrintTime(ev.seconds, ev.cpu_seconds, megabytes);
  std::printf("  (%s)\n", timings.Describe().c_str());
  std::printf("  memory: %.0f MB resident before the stage (the inputs), peak %.0f MB during it (+%.0f MB)\n",
              rss_before, peak, peak - rss_before);
  for (const PassagePair& p : pairs) {
    if (show-- <= 0) break;
    for (const PassageSpan& s : p.spans) {
      std::printf("  %u / %u similarity %.3f\n    %s\n    %s\n", p.a, p.b, s.similarity,
                  Slice(texts[p.a], s.a_start, s.a_end).c_str(),
                  Slice(texts[p.b], s.b_start, s.b_end).c_str());
    }
  }
  return 0;
}

}  // namespace
}  // namespace neardup::bench

int main(int argc, char** argv) {
  using neardup::PassageInput;
  using neardup::PassageOptions;
  namespace nb = neardup::bench;
  CLI::App app{"Benchmark of the passage stage on a generated corpus with planted passages"};
  nb::PassageCorpusParams params;
  PassageOptions options;
  int threads = 0;
  int repeat = 1;
  bool sweep = false;
  bool words = false;
  bool release = false;
  std::string jsonl, truth, annotations;
  int show = 0;
  app.add_option("--docs", params.docs, "documents to generate");
  app.add_option("--seed", params.seed, "generator seed");
  app.add_option("--substitution", params.substitution, "substituted fraction of the words of each copy");
  app.add_option("--threads", threads, "threads (0: all cores)");
  app.add_option("--min-words", options.min_words, "minimum passage length in words");
  app.add_option("--min-similarity", options.min_similarity, "minimum similarity of a span pair");
  app.add_option("--cap", options.max_doc_frequency, "max documents one fingerprint links (0: default)");
  app.add_option("--runs,--repeat", repeat, "timed runs (medians are reported)");
  app.add_flag("--words", words,
               "give the stage the words already tokenized (as the run's signature pass can), untimed");
  app.add_flag("--release-words", release,
               "with --jsonl --words: the stage releases the given words once copied (FindPassagesReleasingWords)");
  app.add_flag("--sweep", sweep, "also run min_words 10, 12, 15, 20, 25 and caps 16, 64, 256");
  app.add_option("--show-misses", nb::g_show_misses,
                 "print this many missed planted passages of >= 25 words");
  app.add_option("--jsonl", jsonl, "measure on this JSONL corpus (field text) instead of a generated one");
  app.add_option("--truth", truth, "with --jsonl: neardup-datagen truth file, one cluster per story");
  app.add_option("--annotations", annotations,
                 "with --jsonl: annotations.jsonl of a neardup run on it; the stage gets what it got there");
  app.add_option("--show", show, "with --jsonl: print the passages of this many pairs");
  CLI11_PARSE(app, argc, argv);

  std::unique_ptr<tbb::global_control> limit;
  if (threads > 0)
    limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism, threads);
  if (!jsonl.empty()) return nb::RunExternal(jsonl, truth, annotations, options, show, repeat, words, release);

  const auto g0 = std::chrono::steady_clock::now();
  const nb::PassageCorpus corpus = nb::MakePassageCorpus(params);
  const double gen_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - g0).count();
  std::vector<PassageInput> docs(corpus.texts.size());
  size_t bytes = 0;
  for (size_t d = 0; d < docs.size(); ++d) {
    docs[d].text = corpus.texts[d];
    docs[d].ranges = corpus.ranges[d];
    bytes += corpus.texts[d].size();
  }
  nb::GivenWords given;
  if (words) nb::PrecomputeWords(&docs, &given);
  const double megabytes = static_cast<double>(bytes) / 1e6;
  std::printf(
      "corpus: %zu documents, %.1f MB, %zu planted passages (generated in %.1f s); threads %d\n", docs.size(),
      megabytes, corpus.planted.size(), gen_seconds,
      static_cast<int>(tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism)));

  // Peak memory of the stage: reset the process's high-water mark (Linux), run, read it back.
  if (std::FILE* clear = std::fopen("/proc/self/clear_refs", "w")) {
    std::fputs("5", clear);
    std::fclose(clear);
  }
  const double rss_before = nb::StatusMegabytes("VmRSS:");
  nb::Evaluation best = nb::Run(corpus, docs, options, true);
  const double peak = nb::StatusMegabytes("VmHWM:");
  nb::Timings timings;
  timings.Add(best);
  for (int r = 1; r < repeat; ++r) timings.Add(nb::Run(corpus, docs, options, false));
  timings.Apply(&best);
  std::printf("min_words %zu, min_similarity %.2f, cap %zu (0: default): digest %016llx\n", options.min_words,
              options.min_similarity, options.max_doc_frequency, static_cast<unsigned long long>(best.digest));
  nb::PrintEvaluation(best, megabytes, true);
  std::printf("  (%s)\n", timings.Describe().c_str());
  std::printf("  memory: %.0f MB resident before the stage (the corpus), peak %.0f MB during it (+%.0f MB)\n",
              rss_before, peak, peak - rss_before);

  if (sweep) {
    for (size_t min_words : {10, 12, 15, 20, 25}) {
      PassageOptions o = options;
      o.min_words = min_words;
      std::printf("min_words %zu:\n", min_words);
      nb::PrintEvaluation(nb::Run(corpus, docs, o, false), megabytes, false);
    }
    for (size_t cap : {16, 64, 256}) {
      PassageOptions o = options;
      o.max_doc_frequency = cap;
      std::printf("cap %zu:\n", cap);
      nb::PrintEvaluation(nb::Run(corpus, docs, o, false), megabytes, false);
    }
  }
  return 0;
}
