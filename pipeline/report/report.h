// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// report.html: one self-contained page (inline CSS, no script, no external URL) that a person reads to
// judge a run — the counts, the parameters, the largest clusters with their similarities, the
// boilerplate patterns with documents where they were stripped, and the passages documents share.
//
// The page is bounded whatever the corpus size (every list is capped, every excerpt is cut) and is
// byte-identical for any thread count except the block between the markers kReportTimingBegin and
// kReportTimingEnd, which holds the thread count and the stage timings exactly as stats.json's timing
// object does. Every id and text comes from the input and is escaped.

#ifndef NEARDUP_PIPELINE_REPORT_REPORT_H_
#define NEARDUP_PIPELINE_REPORT_REPORT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "neardup/status.h"

namespace neardup {

struct BoilerplateResult;
struct Clustering;
struct PassagePair;
struct PassageStats;
struct ReadStats;
struct RecordIssue;
struct RunOptions;
struct RunSummary;

// The timing block of the page starts and ends with these lines (HTML comments).
inline constexpr std::string_view kReportTimingBegin = "<!-- neardup:timing:begin -->";
inline constexpr std::string_view kReportTimingEnd = "<!-- neardup:timing:end -->";

struct ReportStage {
  std::string name;
  double seconds = 0;
  uint64_t bytes = 0;  ///< input bytes the stage went through; 0 when it works on pairs or documents
};

// What the report reads of a run. Every pointer must stay valid during WriteReport; documents are
// input indices [0, documents).
struct ReportView {
  const RunOptions* options = nullptr;
  const RunSummary* summary = nullptr;  ///< counts (its `seconds` is not read)
  size_t documents = 0;
  std::function<std::string_view(uint32_t)> id_json;  ///< the id as written in the JSONL outputs
  std::function<std::string_view(uint32_t)> text;     ///< the original text (valid UTF-8)
  std::function<std::string_view(uint32_t)> source;   ///< the document's source (site), may be empty
  uint64_t code_points = 0;                           ///< code points of all texts
  const std::vector<RecordIssue>* issues = nullptr;
  const ReadStats* read_stats = nullptr;
  const Clustering* clustering = nullptr;
  uint64_t candidate_pairs = 0;
  const BoilerplateResult* boilerplate = nullptr;    ///< null when the stage is off
  const std::vector<PassagePair>* passages = nullptr;  ///< null when the stage is off
  const PassageStats* passage_stats = nullptr;         ///< null when the stage is off
  std::vector<ReportStage> stages;  ///< stages finished before the report is written
  double seconds = 0;               ///< run time so far
};

// Builds the page.
std::string RenderReport(const ReportView& view);

// Writes dir/report.html atomically (a temporary name renamed into place).
Status WriteReport(const ReportView& view, const std::string& dir);

// ---- building blocks, exposed for tests ----

// Appends `text` (valid UTF-8) escaped for HTML text and quoted attribute values: & < > " ' become
// entities, and control characters other than tab, LF and CR become U+FFFD.
void AppendHtmlEscaped(std::string_view text, std::string* out);

// The id as a person reads it: a JSON string id decoded, an integer id as it came; at most `max_chars`
// code points (then "…").
std::string DisplayId(std::string_view id_json, size_t max_chars = 120);

}  // namespace neardup

#endif  // NEARDUP_PIPELINE_REPORT_REPORT_H_
