// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// bench_quality: judges neardup's near-duplicate decisions against an exact, all-pairs reference
// (bench/quality_reference.h).
//
//   bench_quality --corpus corpus.jsonl --out OUTDIR [--threshold 0.8] [--ngram 5] [--json FILE] [--check]
//
// OUTDIR is the output directory of `neardup run corpus.jsonl -o OUTDIR --pairs` with the same threshold
// and n-gram size. Reported: recall of pairs per true-Jaccard bin and overall, precision, whether every
// reported Jaccard equals the exact value rounded to 4 decimals, and the adjusted Rand index of
// neardup's clusters against the reference star clustering. With --check the exit code says whether
// the targets are met: 0 met, 1 missed (or a runtime error), 2 usage error.
//
// The reference reads only the top-level "id" and "text" fields, repairs invalid UTF-8 and lone
// surrogate escapes as the contract says, and, unless --keep-boilerplate is given, leaves out of each
// text the boilerplate spans annotations.jsonl reports, so it judges deduplication on the text neardup
// deduplicated.

#include <simdjson.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "bench/quality_reference.h"
#include "kernels/minhash.h"
#include "kernels/tokenize.h"

namespace {

namespace q = neardup::quality;
namespace ond = simdjson::ondemand;

constexpr int kExitOk = 0;
constexpr int kExitFail = 1;
constexpr int kExitUsage = 2;

struct Doc {
  std::string key;  ///< "s" + string id or "i" + integer digits: how ids are matched across files
  std::string id;   ///< for messages
  std::string text;
  std::vector<q::Span> boilerplate;
  int64_t cluster = -1;  ///< neardup's cluster, -1 for null
  std::string duplicate_of_key;
  double similarity = -1;
  std::vector<uint64_t> shingles;
  bool has_words = false;
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

// The key of a JSON id value: strings and integers; anything else is not an id.
bool IdKey(ond::value v, std::string* key, std::string* printable) {
  ond::json_type type;
  if (v.type().get(type)) return false;
  if (type == ond::json_type::string) {
    std::string_view s;
    if (v.get_string().get(s)) return false;
    *key = "s" + std::string(s);
    *printable = std::string(s);
    return true;
  }
  if (type == ond::json_type::number) {
    ond::number_type nt;
    if (v.get_number_type().get(nt) || nt == ond::number_type::floating_point_number) return false;
    const std::string raw(Trim(v.raw_json_token()));
    *key = "i" + raw;
    *printable = raw;
    return true;
  }
  return false;
}

// Parses one line; repairs invalid UTF-8 and lone surrogate escapes first, as neardup's reader does.
simdjson::error_code ParseLine(ond::parser* parser, const std::string& line, simdjson::padded_string* storage,
                               ond::document* doc) {
  std::string fixed = simdjson::validate_utf8(line.data(), line.size()) ? line : q::RepairUtf8(line);
  if (fixed.find("\\u") != std::string::npos) fixed = q::ReplaceLoneSurrogateEscapes(fixed);
  *storage = simdjson::padded_string(fixed);
  return parser->iterate(*storage).get(*doc);
}

bool ReadCorpus(const std::string& path, std::vector<Doc>* docs, uint64_t* bad) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "bench_quality: cannot read %s\n", path.c_str());
    return false;
  }
  ond::parser parser;
  simdjson::padded_string storage;
  std::unordered_map<std::string, int> seen;
  std::string line;
  uint64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (Trim(line).empty()) continue;
    ond::document doc;
    Doc d;
    if (ParseLine(&parser, line, &storage, &doc)) {
      ++*bad;
      continue;
    }
    ond::object obj;
    if (doc.get_object().get(obj)) {
      ++*bad;
      continue;
    }
    ond::value text;
    std::string_view text_view;
    if (obj.find_field_unordered("text").get(text) || text.get_string().get(text_view)) {
      ++*bad;
      continue;
    }
    d.text = std::string(text_view);
    ond::value id;
    if (obj.find_field_unordered("id").get(id) || !IdKey(id, &d.key, &d.id)) {
      d.id = path + ":" + std::to_string(line_no);
      d.key = "s" + d.id;
    }
    // A repeated id: the later record gets "<id>#2", "<id>#3"... (the first free one).
    if (seen.count(d.key)) {
      for (int k = 2;; ++k) {
        const std::string candidate = d.id + "#" + std::to_string(k);
        if (!seen.count("s" + candidate)) {
          d.id = candidate;
          d.key = "s" + candidate;
          break;
        }
      }
    }
    seen.emplace(d.key, 1);
    docs->push_back(std::move(d));
  }
  return true;
}

bool ReadAnnotations(const std::string& path, std::vector<Doc>* docs) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "bench_quality: cannot read %s\n", path.c_str());
    return false;
  }
  ond::parser parser;
  simdjson::padded_string storage;
  std::string line;
  size_t i = 0;
  while (std::getline(in, line)) {
    if (Trim(line).empty()) continue;
    ond::document doc;
    ond::object obj;
    if (ParseLine(&parser, line, &storage, &doc) || doc.get_object().get(obj)) {
      std::fprintf(stderr, "bench_quality: %s: line %zu is not a JSON object\n", path.c_str(), i + 1);
      return false;
    }
    if (i >= docs->size()) {
      std::fprintf(stderr, "bench_quality: %s has more lines than the corpus has documents\n", path.c_str());
      return false;
    }
    Doc& d = (*docs)[i++];
    std::string key, printable;
    ond::value v;
    if (obj.find_field_unordered("id").get(v) || !IdKey(v, &key, &printable) || key != d.key) {
      std::fprintf(stderr, "bench_quality: %s line %zu: id is not the corpus's %s (input order differs)\n",
                   path.c_str(), i, d.id.c_str());
      return false;
    }
    if (!obj.find_field_unordered("cluster").get(v)) {
      bool is_null = false;
      if (!v.is_null().get(is_null) && !is_null) {
        int64_t c = -1;
        if (!v.get_int64().get(c)) d.cluster = c;
      }
    }
    if (!obj.find_field_unordered("duplicate_of").get(v)) {
      IdKey(v, &d.duplicate_of_key, &printable);
    }
    if (!obj.find_field_unordered("similarity").get(v)) {
      double s = -1;
      if (!v.get_double().get(s)) d.similarity = s;
    }
    ond::array spans;
    if (!obj.find_field_unordered("boilerplate").get(v) && !v.get_array().get(spans)) {
      for (auto span_value : spans) {
        ond::object span;
        uint64_t start = 0, end = 0;
        if (span_value.get_object().get(span) || span.find_field_unordered("start").get_uint64().get(start) ||
            span.find_field_unordered("end").get_uint64().get(end)) {
          std::fprintf(stderr, "bench_quality: %s line %zu: bad boilerplate span\n", path.c_str(), i);
          return false;
        }
        d.boilerplate.push_back(q::Span{static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
      }
    }
  }
  if (i != docs->size()) {
    std::fprintf(stderr, "bench_quality: %s has %zu lines, the corpus %zu documents\n", path.c_str(), i,
                 docs->size());
    return false;
  }
  return true;
}

bool ReadPairs(const std::string& path, const std::unordered_map<std::string, uint32_t>& index,
               std::vector<q::ToolPair>* pairs, uint64_t* unknown) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "bench_quality: cannot read %s (run neardup with --pairs)\n", path.c_str());
    return false;
  }
  ond::parser parser;
  simdjson::padded_string storage;
  std::string line;
  while (std::getline(in, line)) {
    if (Trim(line).empty()) continue;
    ond::document doc;
    ond::object obj;
    std::string ka, kb, printable;
    ond::value v;
    double j = 0;
    if (ParseLine(&parser, line, &storage, &doc) || doc.get_object().get(obj) ||
        obj.find_field_unordered("a").get(v) || !IdKey(v, &ka, &printable) ||
        obj.find_field_unordered("b").get(v) || !IdKey(v, &kb, &printable) ||
        obj.find_field_unordered("jaccard").get_double().get(j)) {
      std::fprintf(stderr, "bench_quality: %s: bad line: %.200s\n", path.c_str(), line.c_str());
      return false;
    }
    auto a = index.find(ka);
    auto b = index.find(kb);
    if (a == index.end() || b == index.end()) {
      ++*unknown;
      continue;
    }
    pairs->push_back(q::ToolPair{a->second, b->second, j});
  }
  return true;
}

// One near-duplicate of the generator's ground truth (datasets/README.md).
struct TruthCopy {
  uint32_t doc;
  uint32_t original;
  double intended;
};

bool ReadTruth(const std::string& path, const std::unordered_map<std::string, uint32_t>& index,
               std::vector<TruthCopy>* copies) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "bench_quality: cannot read %s\n", path.c_str());
    return false;
  }
  ond::parser parser;
  simdjson::padded_string storage;
  std::string line;
  while (std::getline(in, line)) {
    if (Trim(line).empty()) continue;
    ond::document doc;
    ond::object obj;
    std::string_view kind;
    if (ParseLine(&parser, line, &storage, &doc) || doc.get_object().get(obj) ||
        obj.find_field_unordered("kind").get_string().get(kind)) {
      std::fprintf(stderr, "bench_quality: %s: bad line: %.200s\n", path.c_str(), line.c_str());
      return false;
    }
    if (kind != "near_duplicate") continue;
    std::string key, original_key, printable;
    ond::value v;
    double intended = -1;
    if (obj.find_field_unordered("id").get(v) || !IdKey(v, &key, &printable) ||
        obj.find_field_unordered("original").get(v) || !IdKey(v, &original_key, &printable) ||
        obj.find_field_unordered("intended_jaccard").get_double().get(intended)) {
      continue;
    }
    auto a = index.find(key);
    auto b = index.find(original_key);
    if (a != index.end() && b != index.end()) copies->push_back(TruthCopy{a->second, b->second, intended});
  }
  return true;
}

void ShingleAll(std::vector<Doc>* docs, size_t ngram, bool strip, unsigned threads) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    neardup::WordTokenizer tokenizer(neardup::WordTokenizer::Mode::kIcuOnly);
    for (size_t i = next++; i < docs->size(); i = next++) {
      Doc& d = (*docs)[i];
      const size_t words = q::ShingleSet(&tokenizer, d.text, strip ? d.boilerplate : std::vector<q::Span>(),
                                         ngram, &d.shingles);
      d.has_words = words > 0;
      std::string().swap(d.text);  // the text is not needed any more
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

const char* Mark(bool ok) { return ok ? "ok" : "MISSED"; }

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (static_cast<unsigned char>(c) >= 0x20) out.push_back(c);
  }
  return out + "\"";
}

std::string JsonNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.6g", v);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"bench_quality: neardup's near-duplicates against an exact all-pairs reference"};
  std::string corpus_path, out_dir, json_path, truth_path;
  double threshold = 0.8;
  size_t ngram = 5;
  bool check = false;
  bool keep_boilerplate = false;
  unsigned threads = 0;
  app.add_option("--corpus", corpus_path, "The corpus neardup ran on (JSONL)")->required();
  app.add_option("--out", out_dir, "neardup's output directory (run with --pairs)")->required();
  app.add_option("--threshold", threshold, "Jaccard threshold neardup ran with")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--ngram", ngram, "Words per shingle neardup ran with")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  app.add_option("--json", json_path, "Also write the summary as JSON to this file");
  app.add_option(
      "--truth", truth_path,
      "neardup-datagen's truth file: also report the exact Jaccard of its near-duplicates with their "
      "originals against the intended values");
  app.add_flag("--check", check, "Exit 1 unless every target is met");
  app.add_flag("--keep-boilerplate", keep_boilerplate,
               "Shingle whole texts instead of leaving out the boilerplate spans neardup annotated");
  app.add_option("--threads", threads, "Tokenizer threads (default: one per core)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const auto start = std::chrono::steady_clock::now();

  std::vector<Doc> docs;
  uint64_t bad = 0;
  if (!ReadCorpus(corpus_path, &docs, &bad)) return kExitFail;
  if (!ReadAnnotations(out_dir + "/annotations.jsonl", &docs)) return kExitFail;
  std::unordered_map<std::string, uint32_t> index;
  for (uint32_t i = 0; i < docs.size(); ++i) index.emplace(docs[i].key, i);
  std::vector<q::ToolPair> reported;
  uint64_t unknown_ids = 0;
  if (!ReadPairs(out_dir + "/pairs.jsonl", index, &reported, &unknown_ids)) return kExitFail;

  std::vector<TruthCopy> truth;
  if (!truth_path.empty() && !ReadTruth(truth_path, index, &truth)) return kExitFail;

  ShingleAll(&docs, ngram, !keep_boilerplate, threads);
  std::vector<std::vector<uint64_t>> sets(docs.size());
  std::vector<uint8_t> has_words(docs.size());
  size_t with_words = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    sets[i] = std::move(docs[i].shingles);
    has_words[i] = docs[i].has_words;
    with_words += docs[i].has_words;
  }
  auto exact = [&](uint32_t a, uint32_t b) {
    return neardup::ExactJaccard(sets[a].data(), sets[a].size(), sets[b].data(), sets[b].size());
  };

  const std::vector<q::RefPair> ref = q::ExactPairs(sets, threshold);
  const q::PairMetrics m = q::ComparePairs(ref, reported, threshold, exact);

  // Clusters: reference stars vs neardup's annotations (null = a cluster of its own).
  const std::vector<uint32_t> rep = q::StarClusters(docs.size(), ref, has_words, threshold);
  std::vector<int64_t> ref_labels(docs.size()), tool_labels(docs.size());
  size_t ref_clusters = 0, tool_clusters_seen = 0;
  std::vector<uint32_t> ref_size(docs.size(), 0);
  for (size_t i = 0; i < docs.size(); ++i) {
    ref_labels[i] = rep[i];
    ++ref_size[rep[i]];
    tool_labels[i] =
        docs[i].cluster >= 0 ? docs[i].cluster : static_cast<int64_t>(1ULL << 40) + static_cast<int64_t>(i);
  }
  for (size_t i = 0; i < docs.size(); ++i) ref_clusters += ref_size[i] >= 2;
  {
    std::vector<int64_t> ids;
    for (const Doc& d : docs) {
      if (d.cluster >= 0) ids.push_back(d.cluster);
    }
    std::sort(ids.begin(), ids.end());
    tool_clusters_seen = static_cast<size_t>(std::unique(ids.begin(), ids.end()) - ids.begin());
  }
  const double ari = q::AdjustedRandIndex(ref_labels, tool_labels);
  size_t same_rep = 0, clustered_ref = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (rep[i] == i) continue;
    ++clustered_ref;
    if (docs[i].cluster >= 0 && docs[rep[i]].cluster == docs[i].cluster) ++same_rep;
  }
  // Each annotated duplicate's similarity must be its exact Jaccard with duplicate_of.
  uint64_t similarity_checked = 0, similarity_mismatches = 0;
  for (uint32_t i = 0; i < docs.size(); ++i) {
    if (docs[i].duplicate_of_key.empty() || docs[i].similarity < 0) continue;
    auto it = index.find(docs[i].duplicate_of_key);
    ++similarity_checked;
    if (it == index.end() || std::fabs(exact(it->second, i) - docs[i].similarity) > 0.00005 + 1e-12) {
      ++similarity_mismatches;
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  const double lowest = m.bins.empty() ? 1.0 : m.bins.front().recall();
  const bool recall_ok = m.recall() >= 0.98;
  const bool lowest_ok = lowest >= 0.9;
  const bool precision_ok = m.precision() >= 1.0 && unknown_ids == 0;
  const bool ari_ok = ari >= 0.98;
  const bool jaccard_ok = m.jaccard_mismatches == 0 && similarity_mismatches == 0;
  const bool all_ok = recall_ok && lowest_ok && precision_ok && ari_ok && jaccard_ok;

  std::printf(
      "neardup quality: %s, %zu documents (%zu with words, %llu bad records), threshold %.2f, %zu-grams\n",
      corpus_path.c_str(), docs.size(), with_words, static_cast<unsigned long long>(bad), threshold, ngram);
  std::printf(
      "reference: %llu pairs with exact Jaccard >= %.2f (all pairs)   neardup: %llu pairs reported\n\n",
      static_cast<unsigned long long>(m.reference), threshold, static_cast<unsigned long long>(m.reported));
  std::printf("  true Jaccard     reference      found    recall\n");
  for (size_t b = 0; b < m.bins.size(); ++b) {
    const q::BinCount& bin = m.bins[b];
    std::printf("  [%.2f, %.2f%c  %10llu %10llu    %.4f\n", bin.lo, bin.hi,
                b + 1 == m.bins.size() ? ']' : ')', static_cast<unsigned long long>(bin.reference),
                static_cast<unsigned long long>(bin.found), bin.recall());
  }
  std::printf("  all              %10llu %10llu    %.4f\n\n", static_cast<unsigned long long>(m.reference),
              static_cast<unsigned long long>(m.found), m.recall());
  std::printf(
      "precision:   %.4f  (%llu reported pairs below the threshold, %llu with unknown ids, %llu repeated, "
      "%llu with b before a)\n",
      m.precision(), static_cast<unsigned long long>(m.false_positives),
      static_cast<unsigned long long>(unknown_ids), static_cast<unsigned long long>(m.duplicates),
      static_cast<unsigned long long>(m.misordered));
  std::printf(
      "jaccard:     %llu of %llu reported values differ from the exact value rounded to 4 decimals "
      "(largest difference %.6f)\n",
      static_cast<unsigned long long>(m.jaccard_mismatches),
      static_cast<unsigned long long>(m.jaccard_checked), m.max_jaccard_error);
  std::printf(
      "similarity:  %llu of %llu annotated similarities differ from the exact Jaccard with duplicate_of\n",
      static_cast<unsigned long long>(similarity_mismatches),
      static_cast<unsigned long long>(similarity_checked));
  std::printf(
      "clusters:    reference %zu, neardup %zu; ARI %.4f; %zu of %zu reference members share their "
      "representative's neardup cluster\n",
      ref_clusters, tool_clusters_seen, ari, same_rep, clustered_ref);
  std::printf(
      "targets:     recall >= 0.98 %s, lowest bin >= 0.90 %s, precision 1.0 %s, ARI >= 0.98 %s, "
      "exact similarities %s\n",
      Mark(recall_ok), Mark(lowest_ok), Mark(precision_ok), Mark(ari_ok), Mark(jaccard_ok));
  std::string truth_json;
  if (!truth_path.empty()) {
    // Exact Jaccard of each generated near-duplicate with the document it was made from.
    size_t hist[11] = {};
    double sum_error = 0;
    size_t off = 0;
    for (const TruthCopy& t : truth) {
      const double j = exact(t.original, t.doc);
      ++hist[std::min(10, static_cast<int>(j * 10))];
      sum_error += std::fabs(j - t.intended);
      off += std::fabs(j - t.intended) > 0.02;
    }
    std::printf(
        "truth:       %zu near-duplicates; exact Jaccard with their originals by 0.1 bin (0.0 .. 1.0):\n "
        "            ",
        truth.size());
    truth_json = ",\"truth\":{\"copies\":" + std::to_string(truth.size()) + ",\"histogram\":[";
    for (int b = 0; b <= 10; ++b) {
      std::printf(" %zu", hist[b]);
      truth_json += (b ? "," : "") + std::to_string(hist[b]);
    }
    const double mean_error = truth.empty() ? 0.0 : sum_error / truth.size();
    std::printf("\n             mean |exact - intended| %.4f; %zu differ by more than 0.02\n", mean_error,
                off);
    truth_json += "],\"mean_abs_error\":" + JsonNumber(mean_error) +
                  ",\"off_by_more_than_0_02\":" + std::to_string(off) + "}";
  }
  std::printf("(%.1f s)\n", seconds);

  if (!json_path.empty()) {
    std::string j =
        "{\"corpus\":" + JsonString(corpus_path) + ",\"documents\":" + std::to_string(docs.size()) +
        ",\"threshold\":" + JsonNumber(threshold) + ",\"ngram\":" + std::to_string(ngram) +
        ",\"reference_pairs\":" + std::to_string(m.reference) +
        ",\"reported_pairs\":" + std::to_string(m.reported) + ",\"found\":" + std::to_string(m.found) +
        ",\"recall\":" + JsonNumber(m.recall()) + ",\"bins\":[";
    for (size_t b = 0; b < m.bins.size(); ++b) {
      const q::BinCount& bin = m.bins[b];
      j += (b ? "," : "") + std::string("{\"lo\":") + JsonNumber(bin.lo) + ",\"hi\":" + JsonNumber(bin.hi) +
           ",\"reference\":" + std::to_string(bin.reference) + ",\"found\":" + std::to_string(bin.found) +
           ",\"recall\":" + JsonNumber(bin.recall()) + "}";
    }
    j += "],\"precision\":" + JsonNumber(m.precision()) +
         ",\"false_positives\":" + std::to_string(m.false_positives) +
         ",\"unknown_ids\":" + std::to_string(unknown_ids) +
         ",\"jaccard_mismatches\":" + std::to_string(m.jaccard_mismatches) +
         ",\"max_jaccard_error\":" + JsonNumber(m.max_jaccard_error) +
         ",\"similarity_mismatches\":" + std::to_string(similarity_mismatches) +
         ",\"reference_clusters\":" + std::to_string(ref_clusters) +
         ",\"neardup_clusters\":" + std::to_string(tool_clusters_seen) + ",\"ari\":" + JsonNumber(ari) +
         ",\"targets_met\":" + (all_ok ? "true" : "false") + ",\"seconds\":" + JsonNumber(seconds) +
         truth_json + "}\n";
    std::FILE* f = std::fopen(json_path.c_str(), "wb");
    if (f == nullptr || std::fwrite(j.data(), 1, j.size(), f) != j.size() || std::fclose(f) != 0) {
      std::fprintf(stderr, "bench_quality: cannot write %s\n", json_path.c_str());
      return kExitFail;
    }
  }
  return check && !all_ok ? kExitFail : kExitOk;
}
