// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The passes of a run, in the order the contract's "How a run decides" needs them:
//   1. read every record (the whole input is needed before any decision);
//   2. boilerplate: rules, and templates counted per source over all documents, before any signature;
//   3. sketches (words → shingles → MinHash → LSH band keys) of the text between boilerplate spans;
//   4. candidate pairs from the bands, each verified with the exact Jaccard of the shingle sets;
//   5. star clustering in priority order;
//   6. passages between documents of different clusters, while the outputs that do not depend on them
//      are written to temporary files;
//   7. the other outputs; then every file is renamed into place, stats.json last.

#include "neardup/run.h"

#include <malloc.h>
#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>
#include <tbb/task_group.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <numeric>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "kernels/minhash.h"
#include "kernels/tokenize.h"
#include "pipeline/boilerplate/boilerplate.h"
#include "pipeline/cluster.h"
#include "pipeline/dedup.h"
#include "pipeline/io/reader.h"
#include "pipeline/io/spill.h"
#include "pipeline/output.h"
#include "pipeline/passages/passages.h"
#include "pipeline/process_usage.h"
#include "pipeline/report/report.h"
#include "pipeline/text_ranges.h"

namespace neardup {

const char* Version() { return NEARDUP_VERSION; }
const char* KernelName() { return ActiveKernel().name; }

namespace {

using Clock = std::chrono::steady_clock;

// How often the spill file's releasing thread wakes up to see whether the process holds more of the
// file than its budget (spill.cc), and then drops pages. Quick passes over the texts read a few GB per
// second, so that 25 ms lets at most about 100 MB more than the budget in.
constexpr int kSpillReleaseMs = 25;
// What the process may hold of the spill file (and of its own code) before pages are dropped.
constexpr uint64_t kSpillResidentBudget = 96 << 20;

// Gives the heap's free pages back to the system. A stage that frees many small blocks (the boilerplate
// stage's units, verification's shingle sets) leaves them in malloc's free lists, scattered, where the
// next stage's larger allocations do not fit: without this the passage stage grows on top of them
// (peak RSS 3.1–3.4 GB instead of 2.9 on the 1 GB benchmark corpus).
void ReturnFreedMemory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

struct StageTiming {
  const char* name;
  double seconds;
  uint64_t bytes;            // input bytes the stage went through (0 when it works on pairs or documents)
  double cpu_seconds = 0;    // process CPU time (user + system) during the stage
  uint64_t peak_rss = 0;     // peak resident set size of the process at the end of the stage
  double system_seconds = 0;  // the process's system CPU time during the stage (writes overlapping it too)
  uint64_t minor_faults = 0;  // the process's minor page faults during the stage (the same)
};

class Timer {
 public:
  Timer() : start_(Clock::now()), usage_(Usage()) {}
  double Seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }
  // The stage's timing line, taken now.
  StageTiming Stage(const char* name, uint64_t bytes) const {
    const ProcessUsage now = Usage();
    return {name,
            Seconds(),
            bytes,
            now.cpu_seconds - usage_.cpu_seconds,
            now.peak_rss,
            now.system_seconds - usage_.system_seconds,
            now.minor_faults - usage_.minor_faults};
  }

 private:
  Clock::time_point start_;
  ProcessUsage usage_;
};

// Everything the writers need to know about the run.
struct RunState {
  const RunOptions* options = nullptr;
  std::vector<Record> records;
  std::vector<RecordIssue> issues;
  ReadStats read_stats;
  std::vector<DocumentSketch> sketches;
  SketchWords sketch_words;  // the sketches' words and range ends
  std::vector<SimilarPair> similar;
  Clustering clustering;
  uint64_t candidates = 0;
  std::vector<StageTiming> timings;
  std::vector<bool> kept;
  BoilerplateResult boilerplate;              // spans empty per document when the stage is off
  mutable std::atomic<uint64_t> write_cpu{0};  // CPU time the writers spent (CpuMeter)
  std::vector<PassagePair> passages;
  PassageStats passage_stats;
  std::vector<uint32_t> passages_per_document;
  uint64_t spill_bytes = 0;  // bytes of the spill file (records' storage), 0 without one
  uint64_t code_points = 0;  // of all texts
};

const std::vector<BoilerplateSpan>& SpansOf(const RunState& s, size_t i) {
  static const std::vector<BoilerplateSpan> kNone;
  return s.boilerplate.spans.empty() ? kNone : s.boilerplate.spans[i];
}

// Adds the CPU time its calling thread spends from its construction to its destruction to `*sink`. The
// writers are metered so, not by the process's CPU time, because the outputs that do not depend on
// passages are written while the passage stage runs (see Run), on the same threads.
class CpuMeter {
 public:
  explicit CpuMeter(std::atomic<uint64_t>* sink) : sink_(sink), start_(ThreadCpuNanos()) {}
  ~CpuMeter() { sink_->fetch_add(ThreadCpuNanos() - start_, std::memory_order_relaxed); }
  CpuMeter(const CpuMeter&) = delete;
  CpuMeter& operator=(const CpuMeter&) = delete;

 private:
  static uint64_t ThreadCpuNanos() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<uint64_t>(t.tv_sec) * 1000000000u + static_cast<uint64_t>(t.tv_nsec);
  }

  std::atomic<uint64_t>* sink_;
  uint64_t start_;
};

// Formats lines for items [0, n) in parallel, `chunk` items at a time, and appends them to `file` in
// item order, so output is identical for any thread count. Formatting the next chunks overlaps the
// writing of the last one. At most `tokens` chunks are in flight and they leave in order, so chunk c
// can reuse the buffer of chunk c - tokens: memory stays bounded and buffers keep their capacity. The
// CPU time of the formatting and the appends is added to `*cpu_ns`.
template <typename Format>
Status WriteLines(AtomicFile* file, std::atomic<uint64_t>* cpu_ns, size_t n, size_t chunk_items,
                  const Format& format) {
  const size_t chunk = std::max<size_t>(chunk_items, 1);  // tests make it small, to exercise the reuse
  const size_t chunks = (n + chunk - 1) / chunk;
  const size_t tokens = 2 * static_cast<size_t>(tbb::global_control::active_value(
                                tbb::global_control::max_allowed_parallelism)) + 2;
  std::vector<std::string> buffers(tokens);
  size_t next = 0;
  Status status;
  tbb::parallel_pipeline(
      tokens,
      tbb::make_filter<void, size_t>(tbb::filter_mode::serial_in_order,
                                     [&](tbb::flow_control& control) -> size_t {
                                       if (next == chunks) control.stop();
                                       return next++;
                                     }) &
          tbb::make_filter<size_t, size_t>(tbb::filter_mode::parallel,
                                           [&](size_t c) {
                                             const CpuMeter meter(cpu_ns);
                                             std::string& out = buffers[c % tokens];
                                             out.clear();
                                             const size_t end = std::min(n, (c + 1) * chunk);
                                             for (size_t i = c * chunk; i < end; ++i) format(i, &out);
                                             return c;
                                           }) &
          tbb::make_filter<size_t, void>(tbb::filter_mode::serial_in_order, [&](size_t c) {
            const CpuMeter meter(cpu_ns);
            if (status.ok()) status = file->Append(buffers[c % tokens]);
          }));
  return status;
}

void AppendJsonNull(std::string* out) { out->append("null"); }

// The text without its boilerplate spans, as a JSON string, escaped piece by piece where it lies.
void AppendCleanText(std::string_view text, const std::vector<BoilerplateSpan>& spans, std::string* out) {
  out->reserve(out->size() + text.size() + 2);
  out->push_back('"');
  ForEachKeptPiece(text, spans, [out](std::string_view piece) { AppendJsonEscaped(piece, out); });
  out->push_back('"');
}

Status WriteClean(const RunState& s, AtomicFile* file) {
  return WriteLines(file, &s.write_cpu, s.records.size(), s.options->chunk_docs, [&](size_t i, std::string* out) {
    if (!s.kept[i]) return;
    const Record& r = s.records[i];
    const int32_t rep = s.clustering.representative[i];
    const bool duplicate = rep != Clustering::kNone && rep != static_cast<int32_t>(i);
    const std::vector<BoilerplateSpan>& spans = SpansOf(s, i);
    std::string_view tail;  // what follows the text token; holds the record's closing brace
    if (r.from_txt) {
      out->append("{\"id\":");
      out->append(r.id.json);
      out->append(",\"text\":");
      if (spans.empty()) {
        AppendJsonString(r.text, out);
      } else {
        AppendCleanText(r.text, spans, out);
      }
      tail = "}";
    } else {
      // The record's line with its text token replaced when the text changed.
      out->append(r.json_head);
      if (spans.empty()) {
        r.AppendTextToken(out);
      } else {
        AppendCleanText(r.text, spans, out);
      }
      tail = r.json_tail;
    }
    if (duplicate) {
      // Insert the "neardup" field before the record's closing brace (a record always has a text field,
      // so the object is never empty).
      const size_t close = tail.find_last_of('}');
      out->append(tail.substr(0, close));
      out->append(",\"neardup\":{\"duplicate_of\":");
      out->append(s.records[rep].id.json);
      out->append(",\"similarity\":");
      AppendRounded4(s.clustering.similarity[i], out);
      out->append("}");
      out->append(tail.substr(close));
    } else {
      out->append(tail);
    }
    out->push_back('\n');
  });
}

Status WriteAnnotations(const RunState& s, AtomicFile* file) {
  // What follows a boilerplate span's offsets, for each reason: escaped once here, not once per span.
  std::vector<std::string> reason_tails(s.boilerplate.reasons.size());
  for (size_t r = 0; r < reason_tails.size(); ++r) {
    reason_tails[r] = ",\"reason\":";
    AppendJsonString(s.boilerplate.reasons[r], &reason_tails[r]);
    reason_tails[r] += "}";
  }
  return WriteLines(file, &s.write_cpu, s.records.size(), s.options->chunk_docs, [&](size_t i, std::string* out) {
        const Clustering& c = s.clustering;
        const int32_t rep = c.representative[i];
        const bool empty = rep == Clustering::kNone;
        const bool duplicate = !empty && rep != static_cast<int32_t>(i);
        out->append("{\"id\":");
        out->append(s.records[i].id.json);
        out->append(s.kept[i] ? ",\"kept\":true" : ",\"kept\":false");
        out->append(",\"dropped\":");
        if (empty) {
          out->append("\"empty\"");
        } else if (duplicate && !s.kept[i]) {
          out->append("\"duplicate\"");
        } else {
          AppendJsonNull(out);
        }
        out->append(",\"cluster\":");
        if (c.cluster[i] == Clustering::kNone) {
          AppendJsonNull(out);
        } else {
          AppendInt(c.cluster[i], out);
        }
        out->append(",\"duplicate_of\":");
        if (duplicate) {
          out->append(s.records[rep].id.json);
          out->append(",\"similarity\":");
          AppendRounded4(c.similarity[i], out);
        } else {
          out->append("null,\"similarity\":null");
        }
        if (s.options->boilerplate) {
          out->append(",\"boilerplate\":[");
          const std::vector<BoilerplateSpan>& spans = SpansOf(s, i);
          // Each span's offsets are formatted on the stack and appended at once, then its reason's tail.
          char buf[32 + 2 * kMaxUintChars];
          for (size_t k = 0; k < spans.size(); ++k) {
            char* o = buf;
            if (k != 0) *o++ = ',';
            o = PutUint(spans[k].start, PutLiteral("{\"start\":", o));
            o = PutUint(spans[k].end, PutLiteral(",\"end\":", o));
            out->append(buf, static_cast<size_t>(o - buf));
            out->append(reason_tails[spans[k].reason]);
          }
          out->append("]");
        }
        if (s.options->passages) {
          out->append(",\"passages\":");
          AppendUint(s.passages_per_document.empty() ? 0 : s.passages_per_document[i], out);
        }
        out->append("}\n");
      });
}

Status WriteClusters(const RunState& s, AtomicFile* file) {
  const Clustering& c = s.clustering;
  std::vector<std::vector<uint32_t>> members(c.cluster_representative.size());
  {
    const CpuMeter meter(&s.write_cpu);
    for (uint32_t d = 0; d < s.records.size(); ++d) {
      if (c.cluster[d] != Clustering::kNone && c.representative[d] != static_cast<int32_t>(d)) {
        members[c.cluster[d]].push_back(d);
      }
    }
  }
  return WriteLines(file, &s.write_cpu, members.size(), s.options->chunk_docs, [&](size_t k, std::string* out) {
    const uint32_t rep = c.cluster_representative[k];
    out->append("{\"cluster\":");
    AppendUint(k, out);
    out->append(",\"representative\":");
    out->append(s.records[rep].id.json);
    out->append(",\"members\":[{\"id\":");
    out->append(s.records[rep].id.json);
    out->append(",\"similarity\":1.0}");
    for (uint32_t d : members[k]) {
      out->append(",{\"id\":");
      out->append(s.records[d].id.json);
      out->append(",\"similarity\":");
      AppendRounded4(c.similarity[d], out);
      out->append("}");
    }
    out->append("]}\n");
  });
}

Status WritePairs(const RunState& s, AtomicFile* file) {
  return WriteLines(file, &s.write_cpu, s.similar.size(), 4096, [&](size_t i, std::string* out) {
    const SimilarPair& p = s.similar[i];
    out->append("{\"a\":");
    out->append(s.records[p.a].id.json);
    out->append(",\"b\":");
    out->append(s.records[p.b].id.json);
    out->append(",\"jaccard\":");
    AppendRounded4(p.jaccard, out);
    out->append("}\n");
  });
}

Status WriteBoilerplate(const RunState& s, AtomicFile* file) {
  const std::vector<BoilerplatePattern>& patterns = s.boilerplate.patterns;
  return WriteLines(file, &s.write_cpu, patterns.size(), 1024, [&](size_t i, std::string* out) {
    const BoilerplatePattern& p = patterns[i];
    out->append("{\"pattern\":");
    AppendJsonString(p.pattern, out);
    out->append(",\"example\":");
    AppendJsonString(p.example, out);
    out->append(",\"reason\":");
    AppendJsonString(p.reason, out);
    out->append(",\"documents\":");
    AppendUint(p.documents, out);
    out->append(",\"sources\":");
    AppendUint(p.sources, out);
    out->append("}\n");
  });
}

Status WritePassages(const RunState& s, AtomicFile* file) {
  return WriteLines(file, &s.write_cpu, s.passages.size(), 1024, [&](size_t i, std::string* out) {
    const PassagePair& p = s.passages[i];
    out->append("{\"a\":");
    out->append(s.records[p.a].id.json);
    out->append(",\"b\":");
    out->append(s.records[p.b].id.json);
    out->append(",\"spans\":[");
    // Each span is formatted on the stack and appended at once (passages.jsonl is about 5 million spans
    // per GB of input). Its literals are 56 bytes.
    char buf[64 + 4 * kMaxUintChars + kMaxRounded4Chars];
    for (size_t k = 0; k < p.spans.size(); ++k) {
      const PassageSpan& sp = p.spans[k];
      char* o = buf;
      if (k != 0) *o++ = ',';
      o = PutUint(sp.a_start, PutLiteral("{\"a_start\":", o));
      o = PutUint(sp.a_end, PutLiteral(",\"a_end\":", o));
      o = PutUint(sp.b_start, PutLiteral(",\"b_start\":", o));
      o = PutUint(sp.b_end, PutLiteral(",\"b_end\":", o));
      o = PutRounded4(sp.similarity, PutLiteral(",\"similarity\":", o));
      *o++ = '}';
      out->append(buf, static_cast<size_t>(o - buf));
    }
    out->append("]}\n");
  });
}

void AppendKey(const char* key, std::string* out) {
  out->append("\"");
  out->append(key);
  out->append("\":");
}

// What report.html reads of the run.
ReportView MakeReportView(const RunState& s, const RunSummary& summary, double seconds) {
  ReportView v;
  v.options = s.options;
  v.summary = &summary;
  v.documents = s.records.size();
  v.id_json = [&s](uint32_t i) { return std::string_view(s.records[i].id.json); };
  v.text = [&s](uint32_t i) { return std::string_view(s.records[i].text); };
  v.source = [&s](uint32_t i) { return std::string_view(s.records[i].source); };
  v.code_points = s.code_points;
  v.issues = &s.issues;
  v.read_stats = &s.read_stats;
  v.clustering = &s.clustering;
  v.candidate_pairs = s.candidates;
  if (s.options->boilerplate) v.boilerplate = &s.boilerplate;
  if (s.options->passages) {
    v.passages = &s.passages;
    v.passage_stats = &s.passage_stats;
  }
  for (const StageTiming& t : s.timings) v.stages.push_back({t.name, t.seconds, t.bytes});
  v.seconds = seconds;
  return v;
}

Status WriteStats(const RunState& s, const RunSummary& summary, const std::string& dir, double total_seconds) {
  const RunOptions& o = *s.options;
  std::map<std::string, uint64_t> skipped_by_kind;
  std::map<std::string, uint64_t> warnings_by_kind;
  for (const char* kind : {"invalid_json", "not_object", "missing_text", "non_string_text", "truncated_input"}) {
    skipped_by_kind[kind] = 0;
  }
  for (const char* kind : {"invalid_id", "repeated_id"}) warnings_by_kind[kind] = 0;
  for (const RecordIssue& issue : s.issues) ++(issue.skipped ? skipped_by_kind : warnings_by_kind)[issue.kind];

  std::string out = "{\n";
  out += "  \"version\": \"";
  out += Version();
  out += "\",\n  \"kernel\": \"";
  out += KernelName();
  out += "\",\n  \"counts\": {\n";
  auto count = [&](const char* key, uint64_t value, bool last = false) {
    out += "    ";
    AppendKey(key, &out);
    out += " ";
    AppendUint(value, &out);
    out += last ? "\n" : ",\n";
  };
  count("input_files", s.read_stats.files);
  count("input_bytes", s.read_stats.bytes);
  count("documents", summary.documents);
  out += "    \"bad_records\": {";
  bool first = true;
  for (const auto& [kind, n] : skipped_by_kind) {
    out += first ? "" : ", ";
    first = false;
    out += "\"" + kind + "\": ";
    AppendUint(n, &out);
  }
  out += "},\n    \"warnings\": {";
  first = true;
  for (const auto& [kind, n] : warnings_by_kind) {
    out += first ? "" : ", ";
    first = false;
    out += "\"" + kind + "\": ";
    AppendUint(n, &out);
  }
  out += "},\n";
  count("replacement_characters", s.read_stats.replacements);
  count("kept", summary.kept);
  count("duplicates", summary.duplicates);
  count("empty", summary.empty);
  count("clusters", summary.clusters);
  count("candidate_pairs", s.candidates);
  count("pairs_verified", summary.pairs_verified);
  count("pairs_similar", summary.similar_pairs, !o.boilerplate && !o.passages);
  if (o.boilerplate) {
    count("boilerplate_spans", s.boilerplate.span_count);
    count("boilerplate_characters_removed", s.boilerplate.chars_removed);
    count("boilerplate_patterns", s.boilerplate.patterns.size(), !o.passages);
  }
  if (o.passages) {
    count("passages", s.passages.size());
    count("passage_span_pairs", s.passage_stats.span_pairs);
    count("passage_candidate_pairs", s.passage_stats.candidate_pairs);
    count("passage_fingerprints", s.passage_stats.fingerprints);
    count("passage_capped_fingerprints", s.passage_stats.capped_fingerprints);
    count("passage_widely_shared_fingerprints", s.passage_stats.widely_shared_fingerprints);
    count("passage_too_common_fingerprints", s.passage_stats.too_common_fingerprints);
    count("passage_common_words", s.passage_stats.common_words, true);
  }
  out += "  },\n  \"parameters\": {\n";
  out += "    \"threshold\": ";
  AppendRounded4(o.threshold, &out);
  out += ",\n    \"ngram\": ";
  AppendUint(o.ngram, &out);
  out += ",\n    \"num_perm\": ";
  AppendUint(o.num_perm, &out);
  out += ",\n    \"bands\": ";
  AppendUint(o.bands, &out);
  out += ",\n    \"rows\": ";
  AppendUint(o.rows, &out);
  out += ",\n    \"detection_probability_at_threshold\": ";
  AppendRounded4(DetectionProbability(o.threshold, o.bands, o.rows), &out);
  out += ",\n    \"seed\": ";
  AppendUint(o.seed, &out);
  out += ",\n    \"keep\": ";
  out += o.keep == KeepPolicy::kFirst ? "\"first\"" : "\"longest\"";
  out += ",\n    \"keep_duplicates\": ";
  out += o.keep_duplicates ? "true" : "false";
  out += ",\n    \"pairs\": ";
  out += o.write_pairs ? "true" : "false";
  out += ",\n    \"text_field\": ";
  AppendJsonString(o.text_field, &out);
  out += ",\n    \"id_field\": ";
  AppendJsonString(o.id_field, &out);
  out += ",\n    \"boilerplate\": ";
  out += o.boilerplate ? "true" : "false";
  if (o.boilerplate) {
    out += ",\n    \"min_repeats\": ";
    AppendUint(o.min_repeats == 0 ? kDefaultBoilerplateMinRepeats : o.min_repeats, &out);
    out += ",\n    \"rules_file\": ";
    AppendJsonString(o.rules_file, &out);
    out += ",\n    \"disabled_rules\": [";
    for (size_t i = 0; i < o.disabled_rules.size(); ++i) {
      if (i > 0) out += ", ";
      AppendJsonString(o.disabled_rules[i], &out);
    }
    out += "]";
  }
  out += ",\n    \"passages\": ";
  out += o.passages ? "true" : "false";
  if (o.passages) {
    out += ",\n    \"passages_all\": ";
    out += o.passages_all ? "true" : "false";
    out += ",\n    \"min_passage_words\": ";
    AppendUint(o.min_passage_words, &out);
    out += ",\n    \"min_passage_similarity\": ";
    AppendRounded4(o.min_passage_similarity, &out);
  }
  out += ",\n    \"on_error\": ";
  out += o.on_error == OnError::kSkip ? "\"skip\"" : "\"fail\"";
  out += "\n  },\n  \"issues\": [";
  constexpr size_t kMaxIssues = 100;
  for (size_t i = 0; i < s.issues.size() && i < kMaxIssues; ++i) {
    out += i == 0 ? "\n    " : ",\n    ";
    out += "{\"file\": ";
    AppendJsonString(s.issues[i].file, &out);
    out += ", \"line\": ";
    AppendUint(s.issues[i].line, &out);
    out += ", \"kind\": \"" + s.issues[i].kind + "\", \"message\": ";
    AppendJsonString(s.issues[i].message, &out);
    out += "}";
  }
  out += s.issues.empty() ? "],\n" : "\n  ],\n";
  out += "  \"issues_not_listed\": ";
  AppendUint(s.issues.size() > kMaxIssues ? s.issues.size() - kMaxIssues : 0, &out);
  out += ",\n  \"timing\": {\n    \"threads\": ";
  AppendUint(static_cast<uint64_t>(tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism)),
             &out);
  out += ",\n    \"seconds\": ";
  AppendFixed3(total_seconds, &out);
  const ProcessUsage usage = Usage();
  out += ",\n    \"cpu_seconds\": ";
  AppendFixed3(usage.cpu_seconds, &out);
  out += ",\n    \"system_seconds\": ";
  AppendFixed3(usage.system_seconds, &out);
  out += ",\n    \"minor_faults\": ";
  AppendUint(usage.minor_faults, &out);
  out += ",\n    \"peak_rss_mb\": ";
  AppendFixed3(static_cast<double>(usage.peak_rss) / 1e6, &out);
  out += ",\n    \"spill_mb\": ";
  AppendFixed3(static_cast<double>(s.spill_bytes) / 1e6, &out);
  out += ",\n    \"stages\": [";
  for (size_t i = 0; i < s.timings.size(); ++i) {
    const StageTiming& t = s.timings[i];
    out += i == 0 ? "\n      " : ",\n      ";
    out += "{\"stage\": \"";
    out += t.name;
    out += "\", \"seconds\": ";
    AppendFixed3(t.seconds, &out);
    if (t.bytes > 0) {
      out += ", \"mb_per_s\": ";
      AppendFixed3(t.seconds > 0 ? static_cast<double>(t.bytes) / 1e6 / t.seconds : 0.0, &out);
    }
    out += ", \"cpu_seconds\": ";
    AppendFixed3(t.cpu_seconds, &out);
    if (t.bytes > 0) {
      out += ", \"mb_per_cpu_s\": ";
      AppendFixed3(t.cpu_seconds > 0 ? static_cast<double>(t.bytes) / 1e6 / t.cpu_seconds : 0.0, &out);
    }
    out += ", \"peak_rss_mb\": ";
    AppendFixed3(static_cast<double>(t.peak_rss) / 1e6, &out);
    out += ", \"system_seconds\": ";
    AppendFixed3(t.system_seconds, &out);
    out += ", \"minor_faults\": ";
    AppendUint(t.minor_faults, &out);
    out += "}";
  }
  out += "\n    ]\n  }\n}\n";

  AtomicFile file;
  NEARDUP_RETURN_IF_ERROR(file.Open(dir, "stats.json"));
  NEARDUP_RETURN_IF_ERROR(file.Append(out));
  return file.Commit();
}

// An output file written under its temporary name and then made durable (AtomicFile::Finish) on a
// thread of its own: fsync only waits for the disk, and a core of the arena must not wait with it.
// The rename comes later, when every output of the run is ready.
struct PendingOutput {
  std::string name;
  std::function<Status(AtomicFile*)> write;
  AtomicFile file;
  Status status;
  std::future<Status> finished;  // declared after `file`, so it is joined before the file goes away
};

void WritePending(const std::string& dir, PendingOutput* p) {
  p->status = p->file.Open(dir, p->name);
  if (p->status.ok()) p->status = p->write(&p->file);
  if (!p->status.ok()) return;
  try {
    p->finished = std::async(std::launch::async, [f = &p->file] { return f->Finish(); });
  } catch (const std::system_error&) {  // no thread to be had: wait for the disk here
    p->status = p->file.Finish();
  }
}

// Writes the outputs side by side: each one's appends to its file are serial (a kernel copy into the
// page cache, most of a large file's cost), so one at a time would leave a thread idle. What goes into
// each file does not depend on the others.
void WritePendingOutputs(const std::string& dir, std::vector<PendingOutput>* outputs) {
  tbb::parallel_for(
      size_t{0}, outputs->size(), [&](size_t w) { WritePending(dir, &(*outputs)[w]); },
      tbb::simple_partitioner());
}

// Waits until `p` is on disk. The first error in `outputs`' order is returned.
Status AwaitPending(std::vector<PendingOutput>* outputs) {
  Status first;
  for (PendingOutput& p : *outputs) {
    if (p.status.ok() && p.finished.valid()) p.status = p.finished.get();
    if (first.ok()) first = p.status;
  }
  return first;
}

}  // namespace

Status Run(const RunOptions& options, const RunCallbacks& callbacks, RunSummary* summary) {
  const Timer total;
  std::unique_ptr<tbb::global_control> limit;
  if (options.threads > 0) {
    limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism, options.threads);
  }
  auto progress = [&](const char* stage, double fraction) {
    if (callbacks.on_progress) callbacks.on_progress(stage, fraction);
  };

  RunState s;
  s.options = &options;
  *summary = RunSummary();

  // Records' bytes go to a spill file, whose pages the process drops a few times a second (spill.h):
  // document texts are never all held in memory. Without a usable default directory the run goes on
  // in memory; a --tmpdir the user chose must work.
  std::shared_ptr<SpillFile> spill;
  if (options.spill) {
    Status st = SpillFile::Create(options.tmpdir, &spill);
    if (!st.ok()) {
      if (!options.tmpdir.empty()) return st;
      if (callbacks.on_warning) callbacks.on_warning(st.message() + "; texts are kept in memory");
      spill = nullptr;
    } else {
      spill->StartReleasing(kSpillReleaseMs, kSpillResidentBudget);
    }
  }

  // Pass 1: read.
  {
    const Timer t;
    progress("read", 0.0);
    InputOptions in;
    in.inputs = options.inputs;
    in.text_field = options.text_field;
    in.id_field = options.id_field;
    in.title_field = options.title_field;
    in.source_field = options.source_field;
    in.batch_bytes = options.batch_bytes;
    in.spill = spill;
    Status st = ReadCorpus(
        in,
        [&](std::vector<Record>& batch) {
          for (Record& r : batch) s.records.push_back(std::move(r));
        },
        [&](const RecordIssue& issue) {
          s.issues.push_back(issue);
          if (callbacks.on_issue) callbacks.on_issue(issue.message);
        },
        &s.read_stats);
    NEARDUP_RETURN_IF_ERROR(st);
    if (spill != nullptr && !spill->failed().empty() && callbacks.on_warning) {
      callbacks.on_warning(spill->failed() + "; the rest of the texts are kept in memory");
    }
    if (spill != nullptr) s.spill_bytes = spill->bytes();
    s.timings.push_back(t.Stage("read", s.read_stats.bytes));
  }
  summary->input_bytes = s.read_stats.bytes;
  summary->documents = s.records.size();
  for (const RecordIssue& issue : s.issues) ++(issue.skipped ? summary->skipped_records : summary->warnings);
  if (options.on_error == OnError::kFail && summary->skipped_records > 0) {
    return Status::BadRecord(std::to_string(summary->skipped_records) +
                             " bad record(s) and --on-error=fail: nothing written (first: " +
                             [&] {
                               for (const RecordIssue& i : s.issues)
                                 if (i.skipped) return i.message;
                               return std::string();
                             }() +
                             ")");
  }
  const size_t n = s.records.size();

  // Pass 2: boilerplate, over the whole input before any signature.
  std::vector<uint32_t> lengths(n);  // code points per text
  for (size_t i = 0; i < n; ++i) lengths[i] = s.records[i].code_points;
  for (uint32_t length : lengths) s.code_points += length;
  std::vector<std::vector<CodePointRange>> ranges(n);  // text between spans, for documents with spans
  if (options.boilerplate) {
    const Timer t;
    progress("boilerplate", 0.0);
    std::vector<BoilerplateInput> inputs(n);
    for (size_t i = 0; i < n; ++i) inputs[i] = {s.records[i].text, s.records[i].title, s.records[i].source};
    BoilerplateOptions bo;
    bo.min_repeats = options.min_repeats;
    bo.rules_file = options.rules_file;
    bo.disabled_rules = options.disabled_rules;
    bo.chunk_docs = options.chunk_docs;
    NEARDUP_RETURN_IF_ERROR(FindBoilerplate(inputs, bo, &s.boilerplate));
    for (size_t i = 0; i < n; ++i) {
      if (!s.boilerplate.spans[i].empty()) ranges[i] = KeptRanges(lengths[i], s.boilerplate.spans[i]);
    }
    // What the stage freed stays in the heap for the sketch stage, trimmed after it (below).
    s.timings.push_back(t.Stage("boilerplate", s.read_stats.bytes));
  }

  // Pass 3: sketches of the text that takes part.
  std::vector<uint64_t> band_keys;
  DedupParams params;
  params.ngram = options.ngram;
  params.num_perm = options.num_perm;
  params.bands = options.bands;
  params.rows = options.rows;
  params.seed = options.seed;
  params.threshold = options.threshold;
  params.chunk_docs = options.chunk_docs;
  params.keep_words = options.passages;
  {
    const Timer t;
    progress("sketch", 0.0);
    std::vector<SketchInput> inputs(n);
    for (size_t i = 0; i < n; ++i) {
      inputs[i].text = s.records[i].text;
      if (!SpansOf(s, i).empty()) inputs[i].ranges = &ranges[i];
    }
    ComputeSketches(inputs, params, &s.sketches, &band_keys, &s.sketch_words);
    // The boilerplate stage's freed heap is given back only now: the sketches' words (4 bytes a word)
    // fit in it, where trimming it first made them fault the same amount in again a second later (about
    // 50,000 faults on 356 MB of input; bench/README.md, "Fresh memory, round 9"). The sketch stage stays
    // below the boilerplate stage's peak.
    ReturnFreedMemory();
    s.timings.push_back(t.Stage("sketch", s.read_stats.bytes));
  }
  std::vector<bool> eligible(n);
  for (size_t i = 0; i < n; ++i) eligible[i] = s.sketches[i].words > 0;

  // Pass 4: candidates and exact verification.
  {
    const Timer t;
    progress("candidates", 0.0);
    const std::vector<uint64_t> candidates = CandidatePairs(band_keys, params.bands, eligible);
    std::vector<uint64_t>().swap(band_keys);
    s.timings.push_back(t.Stage("candidates", 0));
    const Timer v;
    progress("verify", 0.0);
    s.candidates = candidates.size();
    s.similar = VerifyPairs(candidates, s.sketches, options.threshold, options.chunk_docs);
    // Without passages, words are not needed past verification. (With passages, the passage stage
    // reuses the heap as it is: trimming it would only make the stage fault the same pages in again.)
    if (!options.passages) {
      for (DocumentSketch& sk : s.sketches) sk.words32 = {};
      s.sketch_words.ReleaseWords();
      ReturnFreedMemory();
    }
    s.timings.push_back(v.Stage("verify", 0));
  }

  // Pass 5: clusters.
  {
    const Timer t;
    progress("cluster", 0.0);
    std::vector<uint32_t> priority(n);
    std::iota(priority.begin(), priority.end(), 0u);
    if (options.keep == KeepPolicy::kLongest) {
      std::stable_sort(priority.begin(), priority.end(),
                       [&](uint32_t a, uint32_t b) { return s.sketches[a].words > s.sketches[b].words; });
    }
    s.clustering = StarCluster(n, priority, eligible, s.similar);
    s.timings.push_back(t.Stage("cluster", 0));
  }

  s.kept.assign(n, false);
  for (size_t i = 0; i < n; ++i) {
    const int32_t rep = s.clustering.representative[i];
    if (rep == Clustering::kNone) {
      ++summary->empty;
    } else {
      s.kept[i] = rep == static_cast<int32_t>(i) || options.keep_duplicates;
    }
    summary->kept += s.kept[i];
  }
  // Pass 7, first part: the outputs that do not depend on passages (clean.jsonl, most of the bytes)
  // are written while the passage stage runs, into temporary files; they are renamed in the write
  // stage, with the others, so a run that fails leaves no new output. Their CPU time is the write
  // stage's in stats.json, not the passage stage's.
  const std::string& dir = options.output_dir;
  NEARDUP_RETURN_IF_ERROR(EnsureDirectory(dir));
  std::vector<PendingOutput> early(2 + options.write_pairs + options.boilerplate);
  std::vector<PendingOutput> late(2 + options.passages);
  auto set = [](PendingOutput* p, const char* name, std::function<Status(AtomicFile*)> write) {
    p->name = name;
    p->write = std::move(write);
  };
  set(&early[0], "clean.jsonl", [&s](AtomicFile* f) { return WriteClean(s, f); });
  set(&early[1], "clusters.jsonl", [&s](AtomicFile* f) { return WriteClusters(s, f); });
  size_t next = 2;
  if (options.write_pairs)
    set(&early[next++], "pairs.jsonl", [&s](AtomicFile* f) { return WritePairs(s, f); });
  if (options.boilerplate) {
    set(&early[next++], "boilerplate.jsonl", [&s](AtomicFile* f) { return WriteBoilerplate(s, f); });
  }
  set(&late[0], "annotations.jsonl", [&s](AtomicFile* f) { return WriteAnnotations(s, f); });
  if (options.passages) set(&late[1], "passages.jsonl", [&s](AtomicFile* f) { return WritePassages(s, f); });
  set(&late.back(), "report.html",
      [&](AtomicFile* f) { return f->Append(RenderReport(MakeReportView(s, *summary, total.Seconds()))); });
  tbb::task_group writing;
  // Whatever happens below, the task ends before what it uses does. (On the way out of a run that
  // failed, an exception the task threw would have nowhere to go: the write stage's own wait rethrows it
  // when the run gets that far.)
  struct Joiner {
    tbb::task_group& group;
    ~Joiner() {
      try {
        group.wait();
      } catch (...) {
      }
    }
  } joiner{writing};
  // With one thread, the passage stage would only run the task when it waits for the last of its own;
  // the files are written first, then, and only their fsyncs overlap the stage.
  const size_t threads =
      std::min<size_t>(static_cast<size_t>(tbb::this_task_arena::max_concurrency()),
                       tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism));
  StageTiming early_timing{"early", 0, 0};  // of writing them first, with one thread: the write stage's too
  if (threads == 1) {
    const Timer t;
    WritePendingOutputs(dir, &early);
    early_timing = t.Stage("early", 0);
  } else {
    writing.run([&] { WritePendingOutputs(dir, &early); });
  }

  // Pass 6: passages between documents of different clusters.
  if (options.passages) {
    const Timer t;
    const uint64_t metered_before = s.write_cpu.load();
    progress("passages", 0.0);
    std::vector<PassageInput> inputs(n);
    for (size_t i = 0; i < n; ++i) {
      PassageInput& in = inputs[i];
      in.text = s.records[i].text;
      in.ranges = SpansOf(s, i).empty() ? std::vector<CodePointRange>{{0, lengths[i]}} : ranges[i];
      const int32_t rep = s.clustering.representative[i];
      in.participates = rep != Clustering::kNone && (options.passages_all || rep == static_cast<int32_t>(i));
      in.cluster = s.clustering.cluster[i];
      // The sketch pass's words of these ranges, so that the stage need not tokenize them again.
      DocumentSketch& sk = s.sketches[i];
      if (in.participates) {
        in.words = sk.words32;
        in.range_word_ends = sk.range_word_ends;
      }
      sk.words32 = {};
      sk.range_word_ends = {};
    }
    PassageOptions po;
    po.min_words = options.min_passage_words;
    po.max_doc_frequency = options.passage_max_docs;
    po.min_similarity = options.min_passage_similarity;
    po.chunk_docs = options.chunk_docs;
    // The words are needed by the stage alone: it frees them once it has copied them. The range ends
    // stay until it returns.
    const auto release_words = [&s] {
      s.sketch_words.ReleaseWords();
      ReturnFreedMemory();
    };
    NEARDUP_RETURN_IF_ERROR(
        FindPassagesReleasingWords(&inputs, release_words, po, &s.passages, &s.passage_stats));
    s.sketch_words = SketchWords();
    s.passages_per_document.assign(n, 0);
    for (const PassagePair& p : s.passages) {
      s.passages_per_document[p.a] += static_cast<uint32_t>(p.spans.size());
      s.passages_per_document[p.b] += static_cast<uint32_t>(p.spans.size());
    }
    StageTiming timing = t.Stage("passages", 0);
    timing.cpu_seconds -= static_cast<double>(s.write_cpu.load() - metered_before) * 1e-9;
    s.timings.push_back(timing);
  }

  summary->boilerplate_spans = s.boilerplate.span_count;
  summary->passages = s.passages.size();
  summary->duplicates = s.clustering.duplicates;
  summary->clusters = s.clustering.cluster_representative.size();
  summary->pairs_verified = s.candidates;
  summary->similar_pairs = s.similar.size();

  // Pass 7: the other outputs. Once every file is written and on disk, stats.json is removed (so a crash
  // leaves no stale one), the files are renamed into place, and stats.json comes back last. A run that
  // fails before that leaves the previous run's outputs as they were.
  {
    const Timer t;
    const uint64_t metered_before = s.write_cpu.load();
    progress("write", 0.0);
    WritePendingOutputs(dir, &late);
    writing.wait();
    NEARDUP_RETURN_IF_ERROR(AwaitPending(&early));
    NEARDUP_RETURN_IF_ERROR(AwaitPending(&late));
    NEARDUP_RETURN_IF_ERROR(RemoveIfExists(dir, "stats.json"));
    std::vector<std::string> written;
    for (std::vector<PendingOutput>* group : {&early, &late}) {
      for (PendingOutput& p : *group) {
        NEARDUP_RETURN_IF_ERROR(p.file.Commit());
        written.push_back(p.name);
      }
    }
    for (const std::string& name : OutputFileNames()) {
      if (name != "stats.json" && std::find(written.begin(), written.end(), name) == written.end()) {
        NEARDUP_RETURN_IF_ERROR(RemoveIfExists(dir, name));
      }
    }
    // The writing done while the passage stage ran, and between stages, is this stage's.
    StageTiming timing = t.Stage("write", 0);
    timing.seconds += early_timing.seconds;
    timing.system_seconds += early_timing.system_seconds;
    timing.minor_faults += early_timing.minor_faults;
    timing.cpu_seconds += static_cast<double>(metered_before) * 1e-9;
    s.timings.push_back(timing);
  }
  summary->seconds = total.Seconds();
  NEARDUP_RETURN_IF_ERROR(WriteStats(s, *summary, options.output_dir, summary->seconds));
  progress("done", 1.0);
  return Status::OK();
}

}  // namespace neardup
