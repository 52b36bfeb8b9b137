// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "pipeline/report/report.h"

#include <tbb/blocked_range.h>
#include <tbb/global_control.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "kernels/minhash.h"
#include "neardup/options.h"
#include "neardup/run.h"
#include "pipeline/boilerplate/boilerplate.h"
#include "pipeline/cluster.h"
#include "pipeline/io/reader.h"
#include "pipeline/output.h"
#include "pipeline/passages/passages.h"

namespace neardup {
namespace {

// Caps that keep the page a few hundred kilobytes whatever the corpus size.
constexpr size_t kTopClusters = 20;
constexpr size_t kOpenClusters = 3;         // clusters shown expanded
constexpr size_t kMembersShown = 30;        // per cluster
constexpr size_t kClusterExcerptChars = 320;
constexpr size_t kIssuesShown = 10;
constexpr size_t kPatternsShown = 30;
constexpr size_t kPatternChars = 160;
constexpr size_t kExampleDocuments = 8;
constexpr size_t kExampleSpans = 40;          // boilerplate spans marked per example document
constexpr size_t kExampleChars = 12000;       // code points shown per example document
constexpr size_t kKeptStretchChars = 700;     // a longer kept stretch shows its two ends only
constexpr size_t kKeptStretchEnds = 250;
constexpr size_t kTopPassagePairs = 20;
constexpr size_t kSideBySidePairs = 5;
constexpr size_t kSideBySideSpans = 3;
constexpr size_t kPassageChars = 600;
constexpr size_t kInputsShown = 20;
constexpr size_t kIdChars = 120;
constexpr size_t kSimilarityBins = 10;

constexpr std::string_view kStyle = R"css(
:root{--fg:#1d232b;--muted:#5d6875;--line:#d8dde3;--bg:#fff;--soft:#f4f6f8;--accent:#2f6fb3;--rule:#ffd9a8;--rep:#c9e3ff}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{max-width:1180px;margin:0 auto;padding:0 20px}
header{padding-top:18px}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:18px;margin:30px 0 10px;padding-top:8px;border-top:2px solid var(--line)}
h3{font-size:15px;margin:18px 0 8px}
nav{margin:10px 0;display:flex;flex-wrap:wrap;gap:12px}
nav a{color:var(--accent);text-decoration:none}
.muted{color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px}
.card{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:8px 10px}
.card b{display:block;font-size:20px}
.card span{color:var(--muted);font-size:12px}
table{border-collapse:collapse;margin:6px 0 12px;width:100%}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.id,.id{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px;word-break:break-all}
.bar{background:var(--soft);height:14px;min-width:120px;border-radius:3px;overflow:hidden}
.bar i{display:block;height:100%;background:var(--accent)}
.stack{display:flex;height:18px;border-radius:3px;overflow:hidden;margin:8px 0}
.stack i{display:block;height:100%}
.k{background:#4a8f4a}.d{background:#d08a2c}.e{background:#9aa3ad}
.legend i{display:inline-block;width:10px;height:10px;margin:0 4px 0 10px;border-radius:2px}
details{border:1px solid var(--line);border-radius:6px;margin:8px 0;padding:6px 10px}
summary{cursor:pointer}
.excerpt{background:var(--soft);padding:6px 8px;border-radius:4px;margin:6px 0}
.doc,.side{white-space:pre-wrap;word-wrap:break-word;font-size:13px;background:var(--soft);padding:8px;border-radius:4px;margin:4px 0 12px;max-height:480px;overflow:auto}
mark{border-radius:2px;padding:0 1px}
mark.rule{background:var(--rule)}
mark.rep{background:var(--rep)}
.gap{color:var(--muted);font-style:italic}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:10px}
.pair .side{margin:0}
ul.issues{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
.timing{border:1px dashed var(--line);border-radius:6px;padding:0 12px;margin-top:30px}
footer{margin:20px auto 30px;color:var(--muted);font-size:12px}
)css";

// ---------------------------------------------------------------- text helpers

size_t Utf8Length(char lead) {
  const auto c = static_cast<unsigned char>(lead);
  if (c < 0xC0) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

// Moves forward through a UTF-8 text, code point by code point.
class Utf8Cursor {
 public:
  explicit Utf8Cursor(std::string_view text) : text_(text) {}

  // Byte offset of code point `cp` (the text's size past its end). `cp` must not go backwards.
  size_t ByteAt(uint64_t cp) {
    while (cp_ < cp && byte_ < text_.size()) {
      byte_ += Utf8Length(text_[byte_]);
      ++cp_;
    }
    return std::min(byte_, text_.size());
  }

 private:
  std::string_view text_;
  size_t byte_ = 0;
  uint64_t cp_ = 0;
};

std::string_view SliceCodePoints(std::string_view text, uint64_t start, uint64_t end) {
  Utf8Cursor cursor(text);
  const size_t b = cursor.ByteAt(start);
  const size_t e = cursor.ByteAt(end);
  return text.substr(b, e - b);
}

// The first `max_chars` code points of `text` and whether it was longer.
std::string_view Prefix(std::string_view text, size_t max_chars, bool* cut) {
  Utf8Cursor cursor(text);
  const size_t b = cursor.ByteAt(max_chars);
  *cut = b < text.size();
  return text.substr(0, b);
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v'; }

// Escaped, at most `max_chars` code points (then "…"); runs of whitespace become one space when
// `collapse` is set.
void AppendExcerpt(std::string_view text, size_t max_chars, bool collapse, std::string* out) {
  bool cut = false;
  std::string_view head = Prefix(text, max_chars, &cut);
  if (collapse) {
    std::string flat;
    flat.reserve(head.size());
    bool space = false;
    for (char c : head) {
      if (IsAsciiSpace(c)) {
        space = !flat.empty();
        continue;
      }
      if (space) flat.push_back(' ');
      space = false;
      flat.push_back(c);
    }
    AppendHtmlEscaped(flat, out);
  } else {
    AppendHtmlEscaped(head, out);
  }
  if (cut) out->append("…");
}

void AppendNum(uint64_t x, std::string* out) {
  std::string digits;
  AppendUint(x, &digits);
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out->push_back(',');
    out->push_back(digits[i]);
  }
}

std::string Num(uint64_t x) {
  std::string s;
  AppendNum(x, &s);
  return s;
}

// "1 cluster", "2 clusters".
std::string Count(uint64_t x, std::string_view one, std::string_view many) {
  return Num(x) + " " + std::string(x == 1 ? one : many);
}

std::string Fixed(double x, int decimals) {
  char buf[48];
  const int len = std::snprintf(buf, sizeof(buf), "%.*f", decimals, x);
  return std::string(buf, static_cast<size_t>(std::max(len, 0)));
}

std::string Rounded4(double x) {
  std::string s;
  AppendRounded4(x, &s);
  return s;
}

std::string Percent(uint64_t part, uint64_t whole) {
  if (whole == 0) return "–";
  return Fixed(100.0 * static_cast<double>(part) / static_cast<double>(whole), 1) + "%";
}

// A horizontal bar `part / whole` of its cell.
void AppendBar(uint64_t part, uint64_t whole, std::string* out) {
  const double pct = whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
  out->append("<div class=\"bar\"><i style=\"width:");
  out->append(Fixed(pct, 1));
  out->append("%\"></i></div>");
}

void AppendId(const ReportView& v, uint32_t doc, std::string* out) {
  AppendHtmlEscaped(DisplayId(v.id_json(doc), kIdChars), out);
}

// ---------------------------------------------------------------- page building blocks

class Page {
 public:
  std::string& out() { return out_; }
  void Raw(std::string_view s) { out_.append(s); }
  void Text(std::string_view s) { AppendHtmlEscaped(s, &out_); }
  void Heading(const char* id, const char* title) {
    out_.append("<section id=\"");
    out_.append(id);
    out_.append("\"><h2>");
    out_.append(title);
    out_.append("</h2>\n");
  }
  void EndSection() { out_.append("</section>\n"); }
  void Card(const std::string& value, const char* label) {
    out_.append("<div class=\"card\"><b>");
    out_.append(value);
    out_.append("</b><span>");
    out_.append(label);
    out_.append("</span></div>");
  }
  // A row of a two-column table: a label (trusted HTML) and a value (trusted HTML).
  void Row(std::string_view label, std::string_view value_html) {
    out_.append("<tr><th>");
    out_.append(label);
    out_.append("</th><td>");
    out_.append(value_html);
    out_.append("</td></tr>\n");
  }
  void NumRow(std::string_view label, uint64_t value) { Row(label, Num(value)); }

 private:
  std::string out_;
};

std::string Escaped(std::string_view s) {
  std::string out;
  AppendHtmlEscaped(s, &out);
  return out;
}

const std::vector<BoilerplateSpan>& SpansOf(const ReportView& v, uint32_t doc) {
  static const std::vector<BoilerplateSpan> kNone;
  if (v.boilerplate == nullptr || v.boilerplate->spans.size() <= doc) return kNone;
  return v.boilerplate->spans[doc];
}

// The first `max_chars` code points of the text without its boilerplate spans.
std::string CleanExcerpt(std::string_view text, const std::vector<BoilerplateSpan>& spans, size_t max_chars,
                         bool* cut) {
  std::string clean;
  size_t taken = 0;
  size_t byte = 0;
  uint64_t cp = 0;
  size_t next_span = 0;
  *cut = false;
  while (byte < text.size()) {
    while (next_span < spans.size() && spans[next_span].end <= cp) ++next_span;
    const size_t len = std::min(Utf8Length(text[byte]), text.size() - byte);
    if (next_span >= spans.size() || cp < spans[next_span].start) {
      if (taken == max_chars) {
        *cut = true;
        break;
      }
      clean.append(text.substr(byte, len));
      ++taken;
    }
    byte += len;
    ++cp;
  }
  return clean;
}

// ---------------------------------------------------------------- sections

struct Totals {
  uint64_t code_points = 0;
  uint64_t skipped = 0;
  uint64_t warnings = 0;
};

void AppendHeader(const ReportView& v, Page* p) {
  const RunOptions& o = *v.options;
  p->Raw("<header><h1>neardup report</h1>\n<p class=\"muted\">neardup ");
  p->Text(Version());
  p->Raw(" · kernel ");
  p->Text(KernelName());
  p->Raw(" · inputs: ");
  for (size_t i = 0; i < o.inputs.size() && i < kInputsShown; ++i) {
    if (i > 0) p->Raw(", ");
    p->Raw("<span class=\"id\">");
    AppendExcerpt(o.inputs[i], 200, false, &p->out());
    p->Raw("</span>");
  }
  if (o.inputs.size() > kInputsShown) {
    p->Raw(" and " + Num(o.inputs.size() - kInputsShown) + " more");
  }
  p->Raw("</p>\n<nav><a href=\"#summary\">Summary</a><a href=\"#issues\">Bad records</a>"
         "<a href=\"#parameters\">Parameters</a><a href=\"#clusters\">Clusters</a>"
         "<a href=\"#boilerplate\">Boilerplate</a><a href=\"#passages\">Passages</a>"
         "<a href=\"#timing\">Timing</a></nav></header>\n<main>\n");
}

void AppendSummary(const ReportView& v, const Totals& t, Page* p) {
  const RunSummary& s = *v.summary;
  const RunOptions& o = *v.options;
  const uint64_t dropped_duplicates = o.keep_duplicates ? 0 : s.duplicates;
  p->Heading("summary", "Summary");
  p->Raw("<div class=\"cards\">");
  p->Card(Num(s.documents), "documents read");
  p->Card(Num(s.kept), "kept (clean.jsonl)");
  p->Card(Num(s.duplicates), "near-duplicates");
  p->Card(Num(s.empty), "empty (no words)");
  p->Card(Num(s.clusters), "clusters of 2+");
  p->Card(Num(t.skipped), "bad records skipped");
  if (v.boilerplate != nullptr) p->Card(Percent(v.boilerplate->chars_removed, t.code_points), "of text is boilerplate");
  if (v.passages != nullptr) p->Card(Num(v.passages->size()), "document pairs sharing passages");
  p->Raw("</div>\n");

  // Where the documents went.
  const uint64_t unique = s.documents - s.duplicates - s.empty;
  const uint64_t duplicates = s.duplicates;
  p->Raw("<div class=\"stack\" title=\"documents: unique, near-duplicate, empty\">");
  for (const auto& [part, cls] : {std::pair<uint64_t, const char*>{unique, "k"}, {duplicates, "d"}, {s.empty, "e"}}) {
    if (part == 0) continue;
    p->Raw("<i class=\"");
    p->Raw(cls);
    p->Raw("\" style=\"width:");
    p->Raw(Fixed(100.0 * static_cast<double>(part) / static_cast<double>(std::max<uint64_t>(s.documents, 1)), 2));
    p->Raw("%\"></i>");
  }
  p->Raw("</div><p class=\"legend muted\"><i class=\"k\"></i>unique or representative " + Num(unique) + " (" +
         Percent(unique, s.documents) + ")<i class=\"d\"></i>near-duplicate " + Num(duplicates) + " (" +
         Percent(duplicates, s.documents) + (o.keep_duplicates ? ", kept with --keep-duplicates" : ", dropped") +
         ")<i class=\"e\"></i>empty " + Num(s.empty) + " (" + Percent(s.empty, s.documents) + ")</p>\n");

  p->Raw("<table>\n");
  p->NumRow("input files", v.read_stats->files);
  p->NumRow("input bytes", v.read_stats->bytes);
  p->NumRow("documents read", s.documents);
  p->NumRow("bad records skipped", t.skipped);
  p->NumRow("records kept with a warning", t.warnings);
  p->NumRow("U+FFFD replacements", v.read_stats->replacements);
  p->NumRow("characters (code points) of text", t.code_points);
  p->NumRow("kept (lines of clean.jsonl)", s.kept);
  p->NumRow("near-duplicates", s.duplicates);
  p->NumRow("near-duplicates dropped", dropped_duplicates);
  p->NumRow("empty documents dropped", s.empty);
  p->NumRow("clusters (2+ documents)", s.clusters);
  p->NumRow("candidate pairs (LSH)", v.candidate_pairs);
  p->NumRow("pairs verified (exact Jaccard)", s.pairs_verified);
  p->NumRow("similar pairs (≥ threshold)", s.similar_pairs);
  if (v.boilerplate != nullptr) {
    p->NumRow("boilerplate spans", v.boilerplate->span_count);
    p->Row("boilerplate characters removed",
           Num(v.boilerplate->chars_removed) + " (" + Percent(v.boilerplate->chars_removed, t.code_points) + ")");
    p->NumRow("boilerplate patterns", v.boilerplate->patterns.size());
  }
  if (v.passages != nullptr) {
    p->NumRow("document pairs sharing passages", v.passages->size());
    p->NumRow("passage span pairs", v.passage_stats->span_pairs);
  }
  p->Raw("</table>\n");
  p->EndSection();
}

void AppendIssues(const ReportView& v, Page* p) {
  p->Heading("issues", "Bad records and warnings");
  std::map<std::string, std::pair<uint64_t, bool>> by_kind;  // kind → count, skipped
  for (const char* kind : {"invalid_json", "not_object", "missing_text", "non_string_text", "truncated_input"}) {
    by_kind[kind] = {0, true};
  }
  for (const char* kind : {"invalid_id", "repeated_id"}) by_kind[kind] = {0, false};
  for (const RecordIssue& issue : *v.issues) {
    auto& entry = by_kind[issue.kind];
    ++entry.first;
    entry.second = issue.skipped;
  }
  p->Raw("<table><tr><th>kind</th><th>effect</th><th class=\"n\">records</th></tr>\n");
  for (const bool skipped : {true, false}) {
    for (const auto& [kind, entry] : by_kind) {
      if (entry.second != skipped) continue;
      p->Raw("<tr><td>");
      p->Text(kind);
      p->Raw(skipped ? "</td><td>skipped</td><td class=\"n\">" : "</td><td>kept, warned</td><td class=\"n\">");
      p->Raw(Num(entry.first));
      p->Raw("</td></tr>\n");
    }
  }
  p->Raw("</table>\n");
  if (v.issues->empty()) {
    p->Raw("<p class=\"muted\">Every record was read without a problem.</p>\n");
  } else {
    p->Raw("<h3>First issues</h3><ul class=\"issues\">\n");
    for (size_t i = 0; i < v.issues->size() && i < kIssuesShown; ++i) {
      p->Raw("<li>");
      AppendExcerpt((*v.issues)[i].message, 400, false, &p->out());
      p->Raw("</li>\n");
    }
    p->Raw("</ul>\n");
    if (v.issues->size() > kIssuesShown) {
      p->Raw("<p class=\"muted\">" + Num(v.issues->size() - kIssuesShown) +
             " more; stats.json lists the first 100 and stderr had them all.</p>\n");
    }
  }
  p->EndSection();
}

void AppendParameters(const ReportView& v, Page* p) {
  const RunOptions& o = *v.options;
  p->Heading("parameters", "Parameters");
  p->Raw("<table>\n");
  p->Row("threshold (exact Jaccard)", Rounded4(o.threshold));
  p->Row("LSH bands × rows", Num(o.bands) + " × " + Num(o.rows));
  p->Row("detection probability at the threshold", Rounded4(DetectionProbability(o.threshold, o.bands, o.rows)));
  p->Row("ngram (words per shingle)", Num(o.ngram));
  p->Row("num_perm", Num(o.num_perm));
  p->Row("seed", Num(o.seed));
  p->Row("keep", o.keep == KeepPolicy::kFirst ? "first" : "longest");
  p->Row("keep duplicates", o.keep_duplicates ? "yes" : "no");
  p->Row("text / id field", Escaped(o.text_field) + " / " + Escaped(o.id_field));
  p->Row("boilerplate", o.boilerplate ? "on" : "off (--no-boilerplate)");
  if (o.boilerplate) {
    p->Row("min repeats", Num(o.min_repeats == 0 ? kDefaultBoilerplateMinRepeats : o.min_repeats));
    if (!o.rules_file.empty()) p->Row("rules file", "<span class=\"id\">" + Escaped(o.rules_file) + "</span>");
    if (!o.disabled_rules.empty()) {
      std::string list;
      for (size_t i = 0; i < o.disabled_rules.size(); ++i) {
        if (i > 0) list += ", ";
        AppendHtmlEscaped(o.disabled_rules[i], &list);
      }
      p->Row("disabled rules", list);
    }
  }
  p->Row("passages", o.passages ? (o.passages_all ? "on, every document" : "on, representatives and unclustered")
                                : "off (--no-passages)");
  if (o.passages) {
    p->Row("min passage words", Num(o.min_passage_words));
    p->Row("min passage similarity", Rounded4(o.min_passage_similarity));
  }
  p->Row("on error", o.on_error == OnError::kSkip ? "skip" : "fail");
  p->Row("version / kernel", Escaped(Version()) + " / " + Escaped(KernelName()));
  p->Raw("</table>\n");
  p->EndSection();
}

void AppendHistogramRow(const std::string& label_html, uint64_t count, uint64_t total, uint64_t largest, Page* p) {
  p->Raw("<tr><td>");
  p->Raw(label_html);
  p->Raw("</td><td class=\"n\">");
  p->Raw(Num(count));
  p->Raw("</td><td class=\"n\">");
  p->Raw(Percent(count, total));
  p->Raw("</td><td style=\"width:55%\">");
  AppendBar(count, largest, &p->out());
  p->Raw("</td></tr>\n");
}

void AppendClusters(const ReportView& v, Page* p) {
  const Clustering& c = *v.clustering;
  const size_t clusters = c.cluster_representative.size();
  const double threshold = v.options->threshold;
  p->Heading("clusters", "Near-duplicate clusters");
  if (clusters == 0) {
    p->Raw("<p class=\"muted\">No two documents reached the threshold: there is no cluster.</p>\n");
    p->EndSection();
    return;
  }

  // Sizes, and the similarity of every member to its representative.
  std::vector<uint32_t> size(clusters, 1);
  std::vector<uint64_t> bins(kSimilarityBins + 1, 0);  // last bin: exactly 1.0
  uint64_t members = 0;
  for (uint32_t d = 0; d < v.documents; ++d) {
    if (c.cluster[d] == Clustering::kNone || c.representative[d] == static_cast<int32_t>(d)) continue;
    ++size[c.cluster[d]];
    ++members;
    const double sim = c.similarity[d];
    size_t bin = kSimilarityBins;
    if (sim < 1.0) {
      const double width = (1.0 - threshold) / kSimilarityBins;
      bin = width > 0 ? static_cast<size_t>(std::max(0.0, sim - threshold) / width) : 0;
      bin = std::min(bin, kSimilarityBins - 1);
    }
    ++bins[bin];
  }

  p->Raw("<p>" + Count(clusters, "cluster holds", "clusters hold") + " " + Count(members + clusters, "document", "documents") +
         ": " + Count(clusters, "representative", "representatives") + " and " +
         Count(members, "near-duplicate", "near-duplicates") +
         ". Every member is within the threshold of its representative (stars, no chaining).</p>\n");

  // Cluster sizes.
  static constexpr std::pair<uint32_t, uint32_t> kSizeBins[] = {{2, 2},   {3, 3},    {4, 5},     {6, 10},
                                                                {11, 20}, {21, 50}, {51, 100}, {101, UINT32_MAX}};
  std::vector<uint64_t> by_size(std::size(kSizeBins), 0);
  for (uint32_t s : size) {
    for (size_t b = 0; b < std::size(kSizeBins); ++b) {
      if (s >= kSizeBins[b].first && s <= kSizeBins[b].second) ++by_size[b];
    }
  }
  p->Raw("<h3>Cluster sizes</h3><table><tr><th>documents</th><th class=\"n\">clusters</th><th class=\"n\">share</th>"
         "<th></th></tr>\n");
  const uint64_t largest_size_bin = *std::max_element(by_size.begin(), by_size.end());
  for (size_t b = 0; b < std::size(kSizeBins); ++b) {
    if (by_size[b] == 0) continue;
    const auto [lo, hi] = kSizeBins[b];
    const std::string label = lo == hi ? Num(lo) : hi == UINT32_MAX ? Num(lo) + " or more" : Num(lo) + "–" + Num(hi);
    AppendHistogramRow(label, by_size[b], clusters, largest_size_bin, p);
  }
  p->Raw("</table>\n");

  // Member similarities.
  p->Raw("<h3>Similarity of near-duplicates to their representative</h3>"
         "<table><tr><th>exact Jaccard</th><th class=\"n\">documents</th><th class=\"n\">share</th><th></th></tr>\n");
  const uint64_t largest_bin = *std::max_element(bins.begin(), bins.end());
  for (size_t b = 0; b < kSimilarityBins; ++b) {
    const double lo = threshold + (1.0 - threshold) * static_cast<double>(b) / kSimilarityBins;
    const double hi = threshold + (1.0 - threshold) * static_cast<double>(b + 1) / kSimilarityBins;
    AppendHistogramRow("[" + Fixed(lo, 3) + ", " + Fixed(hi, 3) + ")", bins[b], members, largest_bin, p);
  }
  AppendHistogramRow("1.0 (same shingles)", bins[kSimilarityBins], members, largest_bin, p);
  p->Raw("</table>\n");

  // The largest clusters: by size, then cluster id.
  std::vector<uint32_t> order(clusters);
  for (uint32_t k = 0; k < clusters; ++k) order[k] = k;
  const size_t top = std::min(kTopClusters, clusters);
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                    [&](uint32_t a, uint32_t b) { return size[a] != size[b] ? size[a] > size[b] : a < b; });
  order.resize(top);
  std::vector<int32_t> rank_of(clusters, -1);
  for (size_t r = 0; r < top; ++r) rank_of[order[r]] = static_cast<int32_t>(r);
  std::vector<std::vector<uint32_t>> shown(top);
  for (uint32_t d = 0; d < v.documents; ++d) {
    const int32_t k = c.cluster[d];
    if (k == Clustering::kNone || c.representative[d] == static_cast<int32_t>(d) || rank_of[k] < 0) continue;
    shown[rank_of[k]].push_back(d);
  }

  p->Raw(top == clusters ? "<h3>Every cluster, largest first</h3>\n" : "<h3>The " + Num(top) + " largest clusters</h3>\n");
  for (size_t r = 0; r < top; ++r) {
    const uint32_t k = order[r];
    const uint32_t rep = c.cluster_representative[k];
    const std::vector<uint32_t>& list = shown[r];
    double min_sim = 1.0;
    double sum_sim = 0.0;
    for (uint32_t d : list) {
      min_sim = std::min(min_sim, c.similarity[d]);
      sum_sim += c.similarity[d];
    }
    p->Raw(r < kOpenClusters ? "<details open id=\"cluster-" : "<details id=\"cluster-");
    p->Raw(Num(k));
    p->Raw("\"><summary><b>cluster ");
    AppendUint(k, &p->out());
    p->Raw("</b> · " + Num(size[k]) + " documents · lowest similarity " + Rounded4(min_sim) + " · mean " +
           Rounded4(list.empty() ? 1.0 : sum_sim / static_cast<double>(list.size())) +
           " · representative <span class=\"id\">");
    AppendId(v, rep, &p->out());
    p->Raw("</span></summary>\n<div class=\"excerpt\">");
    bool cut = false;
    const std::string clean = CleanExcerpt(v.text(rep), SpansOf(v, rep), kClusterExcerptChars, &cut);
    AppendExcerpt(clean, kClusterExcerptChars, true, &p->out());
    if (cut) p->Raw("…");
    p->Raw("</div>\n<table><tr><th>member</th><th class=\"n\">similarity</th><th></th></tr>\n"
           "<tr><td class=\"id\">");
    AppendId(v, rep, &p->out());
    p->Raw(" <span class=\"muted\">(representative)</span></td><td class=\"n\">1.0</td><td></td></tr>\n");
    for (size_t i = 0; i < list.size() && i < kMembersShown; ++i) {
      p->Raw("<tr><td class=\"id\">");
      AppendId(v, list[i], &p->out());
      p->Raw("</td><td class=\"n\">");
      p->Raw(Rounded4(c.similarity[list[i]]));
      p->Raw("</td><td style=\"width:35%\">");
      // The bar spans the threshold to 1.0.
      const double span = 1.0 - threshold;
      const double x = span > 0 ? (c.similarity[list[i]] - threshold) / span : 1.0;
      AppendBar(static_cast<uint64_t>(std::clamp(x, 0.0, 1.0) * 1000.0 + 0.5), 1000, &p->out());
      p->Raw("</td></tr>\n");
    }
    p->Raw("</table>\n");
    if (list.size() > kMembersShown) {
      p->Raw("<p class=\"muted\">" + Num(list.size() - kMembersShown) + " more members in clusters.jsonl.</p>\n");
    }
    p->Raw("</details>\n");
  }
  if (clusters > top) p->Raw("<p class=\"muted\">" + Num(clusters - top) + " more clusters in clusters.jsonl.</p>\n");
  p->EndSection();
}

// Category of a reason: "rule:<category>" stays, "repeated:<n>" becomes "repeated".
std::string_view ReasonCategory(std::string_view reason) {
  return reason.starts_with("repeated:") ? std::string_view("repeated") : reason;
}

// A document's text with its boilerplate spans marked; long kept stretches show their two ends.
void AppendMarkedDocument(const ReportView& v, uint32_t doc, Page* p) {
  const std::string_view text = v.text(doc);
  const std::vector<BoilerplateSpan>& spans = SpansOf(v, doc);
  const BoilerplateResult& b = *v.boilerplate;
  std::string& out = p->out();
  out.append("<div class=\"doc\">");
  Utf8Cursor cursor(text);
  uint64_t at = 0;  // code points written or skipped so far
  uint64_t shown = 0;
  auto kept = [&](uint64_t start, uint64_t end) {
    const size_t b0 = cursor.ByteAt(start);
    if (end - start > kKeptStretchChars) {
      const size_t b1 = cursor.ByteAt(start + kKeptStretchEnds);
      AppendHtmlEscaped(text.substr(b0, b1 - b0), &out);
      const size_t b2 = cursor.ByteAt(end - kKeptStretchEnds);
      out.append("<span class=\"gap\">[… " + Num(end - start - 2 * kKeptStretchEnds) + " characters …]</span>");
      const size_t b3 = cursor.ByteAt(end);
      AppendHtmlEscaped(text.substr(b2, b3 - b2), &out);
      shown += 2 * kKeptStretchEnds;
    } else {
      const size_t b1 = cursor.ByteAt(end);
      AppendHtmlEscaped(text.substr(b0, b1 - b0), &out);
      shown += end - start;
    }
  };
  size_t marked = 0;
  for (const BoilerplateSpan& s : spans) {
    if (marked == kExampleSpans || shown >= kExampleChars) break;
    if (s.start > at) kept(at, s.start);
    const std::string_view reason = b.reasons[s.reason];
    const bool rule = reason.starts_with("rule:");
    out.append(rule ? "<mark class=\"rule\" title=\"" : "<mark class=\"rep\" title=\"");
    AppendHtmlEscaped(reason, &out);
    if (s.pattern < b.patterns.size()) {
      out.append(" · ");
      AppendExcerpt(b.patterns[s.pattern].pattern, 80, true, &out);
    }
    out.append("\">");
    const size_t b0 = cursor.ByteAt(s.start);
    if (s.end - s.start > 2 * kKeptStretchChars) {
      const size_t b1 = cursor.ByteAt(s.start + kKeptStretchChars);
      AppendHtmlEscaped(text.substr(b0, b1 - b0), &out);
      out.append("<span class=\"gap\">[… " + Num(s.end - s.start - kKeptStretchChars) + " characters …]</span>");
      cursor.ByteAt(s.end);
      shown += kKeptStretchChars;
    } else {
      const size_t b1 = cursor.ByteAt(s.end);
      AppendHtmlEscaped(text.substr(b0, b1 - b0), &out);
      shown += s.end - s.start;
    }
    out.append("</mark>");
    at = s.end;
    ++marked;
  }
  const uint64_t length = at + [&] {
    // Code points after `at`.
    uint64_t n = 0;
    for (size_t i = cursor.ByteAt(at); i < text.size(); i += Utf8Length(text[i])) ++n;
    return n;
  }();
  if (marked < spans.size() || (shown >= kExampleChars && at < length)) {
    out.append("<span class=\"gap\">[… the rest (" + Num(length - at) + " characters, " +
               Num(spans.size() - marked) + " more spans) is not shown …]</span>");
  } else if (at < length) {
    kept(at, length);
  }
  out.append("</div>\n");
}

void AppendBoilerplate(const ReportView& v, const Totals& t, Page* p) {
  p->Heading("boilerplate", "Boilerplate");
  if (v.boilerplate == nullptr) {
    p->Raw("<p class=\"muted\">Boilerplate stripping was off (--no-boilerplate).</p>\n");
    p->EndSection();
    return;
  }
  const BoilerplateResult& b = *v.boilerplate;

  // Spans, characters and documents per category.
  std::vector<std::string_view> category_of(b.reasons.size());
  std::map<std::string_view, size_t> category_index;
  std::vector<std::string_view> categories;
  for (size_t r = 0; r < b.reasons.size(); ++r) {
    const std::string_view cat = ReasonCategory(b.reasons[r]);
    category_of[r] = cat;
    if (category_index.emplace(cat, categories.size()).second) categories.push_back(cat);
  }
  std::vector<size_t> reason_category(b.reasons.size());
  for (size_t r = 0; r < b.reasons.size(); ++r) reason_category[r] = category_index[category_of[r]];
  struct CategoryCount {
    uint64_t spans = 0, chars = 0, documents = 0;
    int64_t last_doc = -1;
  };
  std::vector<CategoryCount> counts(categories.size());
  // Per top pattern, the first document of each source where it was stripped (a few).
  const size_t example_patterns = std::min(kPatternsShown, b.patterns.size());
  std::vector<std::vector<uint32_t>> candidates(example_patterns);
  std::vector<std::vector<std::string_view>> candidate_sources(example_patterns);  // the sources of each list
  uint64_t documents_with_spans = 0;
  for (uint32_t d = 0; d < v.documents; ++d) {
    const std::vector<BoilerplateSpan>& spans = SpansOf(v, d);
    documents_with_spans += !spans.empty();
    std::string_view source;
    bool source_known = false;  // asked of the view at most once per document, and only if needed
    for (const BoilerplateSpan& s : spans) {
      CategoryCount& cc = counts[reason_category[s.reason]];
      ++cc.spans;
      cc.chars += s.end - s.start;
      if (cc.last_doc != d) {
        cc.last_doc = d;
        ++cc.documents;
      }
      if (s.pattern < example_patterns) {
        std::vector<uint32_t>& list = candidates[s.pattern];
        if (list.size() < kExampleDocuments && (list.empty() || list.back() != d)) {
          if (!source_known) {
            source = v.source(d);
            source_known = true;
          }
          std::vector<std::string_view>& sources = candidate_sources[s.pattern];
          if (std::find(sources.begin(), sources.end(), source) == sources.end()) {
            list.push_back(d);
            sources.push_back(source);
          }
        }
      }
    }
  }

  p->Raw("<p>" + Count(b.span_count, "span", "spans") + " in " + Count(documents_with_spans, "document", "documents") + " (" +
         Percent(documents_with_spans, v.documents) + "), " + Num(b.chars_removed) + " characters removed (" +
         Percent(b.chars_removed, t.code_points) + " of all text), " +
         Count(b.patterns.size(), "distinct pattern", "distinct patterns") + ".</p>\n");

  // Categories: rules first (by name), then learned repeats.
  std::vector<size_t> cat_order(categories.size());
  for (size_t i = 0; i < cat_order.size(); ++i) cat_order[i] = i;
  std::sort(cat_order.begin(), cat_order.end(), [&](size_t a, size_t c) {
    if (counts[a].chars != counts[c].chars) return counts[a].chars > counts[c].chars;
    return categories[a] < categories[c];
  });
  uint64_t largest = 0;
  for (const CategoryCount& cc : counts) largest = std::max(largest, cc.chars);
  p->Raw("<h3>By reason</h3><table><tr><th>reason</th><th class=\"n\">spans</th><th class=\"n\">characters</th>"
         "<th class=\"n\">documents</th><th>characters</th></tr>\n");
  for (size_t i : cat_order) {
    if (counts[i].spans == 0) continue;
    p->Raw("<tr><td>");
    p->Raw(categories[i].starts_with("rule:") ? "<mark class=\"rule\">" : "<mark class=\"rep\">");
    p->Text(categories[i] == "repeated" ? "repeated (learned per source)" : categories[i]);
    p->Raw("</mark></td><td class=\"n\">" + Num(counts[i].spans) + "</td><td class=\"n\">" + Num(counts[i].chars) +
           "</td><td class=\"n\">" + Num(counts[i].documents) + "</td><td style=\"width:35%\">");
    AppendBar(counts[i].chars, largest, &p->out());
    p->Raw("</td></tr>\n");
  }
  p->Raw("</table>\n");

  // Top patterns.
  const size_t shown = std::min(kPatternsShown, b.patterns.size());
  if (shown > 0) {
    p->Raw("<h3>Top patterns</h3><table><tr><th class=\"n\">#</th><th>pattern</th><th>example</th><th>reason</th>"
           "<th class=\"n\">documents</th><th class=\"n\">sources</th></tr>\n");
    for (size_t i = 0; i < shown; ++i) {
      const BoilerplatePattern& pat = b.patterns[i];
      p->Raw("<tr><td class=\"n\">" + Num(i + 1) + "</td><td class=\"id\">");
      AppendExcerpt(pat.pattern, kPatternChars, true, &p->out());
      p->Raw("</td><td>");
      AppendExcerpt(pat.example, kPatternChars, true, &p->out());
      p->Raw("</td><td>");
      p->Text(pat.reason);
      p->Raw("</td><td class=\"n\">" + Num(pat.documents) + "</td><td class=\"n\">" + Num(pat.sources) +
             "</td></tr>\n");
    }
    p->Raw("</table>\n");
    if (b.patterns.size() > shown) {
      p->Raw("<p class=\"muted\">" + Num(b.patterns.size() - shown) + " more patterns in boilerplate.jsonl.</p>\n");
    }
  }

  // Examples: round by round, one more document for each of the top patterns (from another source
  // each time), so that every common pattern is seen in place, on as many sites as room allows.
  std::vector<std::pair<uint32_t, size_t>> examples;  // document, pattern
  std::vector<size_t> next(example_patterns, 0);
  for (bool added = true; added && examples.size() < kExampleDocuments;) {
    added = false;
    for (size_t i = 0; i < example_patterns && examples.size() < kExampleDocuments; ++i) {
      while (next[i] < candidates[i].size()) {
        const uint32_t d = candidates[i][next[i]++];
        if (std::none_of(examples.begin(), examples.end(), [&](const auto& e) { return e.first == d; })) {
          examples.emplace_back(d, i);
          added = true;
          break;
        }
      }
    }
  }
  if (!examples.empty()) {
    p->Raw("<h3>Documents with their boilerplate marked</h3>\n<p class=\"legend muted\">"
           "<i style=\"background:var(--rule)\"></i>rule match<i style=\"background:var(--rep)\"></i>"
           "template repeated across a source's articles. Hover a mark for its reason and pattern. For each of "
           "the top patterns in turn, the first document of another source where it was stripped; long "
           "stretches of kept text show only their ends.</p>\n");
    for (const auto& [d, pattern] : examples) {
      const Clustering& c = *v.clustering;
      const int32_t rep = c.representative[d];
      const char* status = rep == Clustering::kNone                 ? "dropped: empty"
                           : rep != static_cast<int32_t>(d)         ? "near-duplicate"
                           : c.cluster[d] != Clustering::kNone      ? "representative of a cluster"
                                                                    : "kept";
      p->Raw("<p><span class=\"id\">");
      AppendId(v, d, &p->out());
      p->Raw("</span> · source <span class=\"id\">");
      const std::string_view source = v.source(d);
      if (source.empty()) {
        p->Raw("(none)");
      } else {
        AppendExcerpt(source, kIdChars, true, &p->out());
      }
      p->Raw("</span> · " + Count(SpansOf(v, d).size(), "span", "spans") + " · " + status + " · shown for pattern #" +
             Num(pattern + 1) + "</p>\n");
      AppendMarkedDocument(v, d, p);
    }
  }
  p->EndSection();
}

void AppendPassages(const ReportView& v, Page* p) {
  p->Heading("passages", "Shared passages");
  if (v.passages == nullptr) {
    p->Raw("<p class=\"muted\">Passages were off (--no-passages).</p>\n");
    p->EndSection();
    return;
  }
  const std::vector<PassagePair>& pairs = *v.passages;
  const PassageStats& st = *v.passage_stats;
  std::vector<uint8_t> involved(v.documents, 0);
  std::vector<uint64_t> shared(pairs.size(), 0);  // code points of the spans in document a
  for (size_t i = 0; i < pairs.size(); ++i) {
    involved[pairs[i].a] = involved[pairs[i].b] = 1;
    for (const PassageSpan& s : pairs[i].spans) shared[i] += s.a_end - s.a_start;
  }
  uint64_t documents = 0;
  for (uint8_t x : involved) documents += x;

  p->Raw("<table>\n");
  p->NumRow("document pairs sharing passages", pairs.size());
  p->NumRow("span pairs", st.span_pairs);
  p->NumRow("documents sharing a passage", documents);
  p->NumRow("candidate pairs aligned", st.candidate_pairs);
  p->NumRow("fingerprints indexed", st.fingerprints);
  p->NumRow("fingerprints capped (too many documents)", st.capped_fingerprints);
  p->NumRow("capped, still linked through long shared runs", st.widely_shared_fingerprints);
  p->NumRow("capped, linked nothing (too widely quoted)", st.too_common_fingerprints);
  p->Raw("</table>\n");
  if (pairs.empty()) {
    p->Raw("<p class=\"muted\">No two documents of different clusters share a passage.</p>\n");
    p->EndSection();
    return;
  }

  // The pairs sharing the most text, then the most spans, then input order.
  std::vector<uint32_t> order(pairs.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  const size_t top = std::min(kTopPassagePairs, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                    [&](uint32_t x, uint32_t y) {
                      if (shared[x] != shared[y]) return shared[x] > shared[y];
                      if (pairs[x].spans.size() != pairs[y].spans.size()) {
                        return pairs[x].spans.size() > pairs[y].spans.size();
                      }
                      return x < y;  // pairs are sorted by a then b
                    });
  p->Raw("<h3>Pairs sharing the most text</h3><table><tr><th>a</th><th>b</th><th class=\"n\">spans</th>"
         "<th class=\"n\">shared characters (a)</th><th class=\"n\">best similarity</th></tr>\n");
  for (size_t r = 0; r < top; ++r) {
    const PassagePair& pair = pairs[order[r]];
    double best = 0;
    for (const PassageSpan& s : pair.spans) best = std::max(best, s.similarity);
    p->Raw("<tr><td class=\"id\">");
    AppendId(v, pair.a, &p->out());
    p->Raw("</td><td class=\"id\">");
    AppendId(v, pair.b, &p->out());
    p->Raw("</td><td class=\"n\">" + Num(pair.spans.size()) + "</td><td class=\"n\">" + Num(shared[order[r]]) +
           "</td><td class=\"n\">" + Rounded4(best) + "</td></tr>\n");
  }
  p->Raw("</table>\n");
  if (pairs.size() > top) p->Raw("<p class=\"muted\">" + Num(pairs.size() - top) + " more in passages.jsonl.</p>\n");

  p->Raw("<h3>Shared text, side by side</h3>\n");
  for (size_t r = 0; r < top && r < kSideBySidePairs; ++r) {
    const PassagePair& pair = pairs[order[r]];
    p->Raw("<details" + std::string(r == 0 ? " open" : "") + "><summary><span class=\"id\">");
    AppendId(v, pair.a, &p->out());
    p->Raw("</span> and <span class=\"id\">");
    AppendId(v, pair.b, &p->out());
    p->Raw("</span> · " + Num(pair.spans.size()) + " span pair" + (pair.spans.size() == 1 ? "" : "s") +
           "</summary>\n");
    const std::string_view ta = v.text(pair.a);
    const std::string_view tb = v.text(pair.b);
    for (size_t k = 0; k < pair.spans.size() && k < kSideBySideSpans; ++k) {
      const PassageSpan& s = pair.spans[k];
      p->Raw("<p class=\"muted\">similarity " + Rounded4(s.similarity) + " · a [" + Num(s.a_start) + ", " +
             Num(s.a_end) + ") · b [" + Num(s.b_start) + ", " + Num(s.b_end) + ")</p>\n<div class=\"pair\">"
             "<div class=\"side\">");
      AppendExcerpt(SliceCodePoints(ta, s.a_start, s.a_end), kPassageChars, false, &p->out());
      p->Raw("</div><div class=\"side\">");
      AppendExcerpt(SliceCodePoints(tb, s.b_start, s.b_end), kPassageChars, false, &p->out());
      p->Raw("</div></div>\n");
    }
    if (pair.spans.size() > kSideBySideSpans) {
      p->Raw("<p class=\"muted\">" + Num(pair.spans.size() - kSideBySideSpans) + " more span pairs.</p>\n");
    }
    p->Raw("</details>\n");
  }
  p->EndSection();
}

void AppendTiming(const ReportView& v, Page* p) {
  p->Raw("\n");
  p->Raw(kReportTimingBegin);
  p->Raw("\n<section id=\"timing\" class=\"timing\"><h2>Timing</h2>\n<p>");
  p->Raw(Num(static_cast<uint64_t>(
      tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism))));
  p->Raw(" threads · " + Fixed(v.seconds, 3) +
         " s until this page was written. This block is the only part of the page that differs between runs "
         "of the same input; stats.json has the final timing, the write stage included.</p>\n"
         "<table><tr><th>stage</th><th class=\"n\">seconds</th><th class=\"n\">MB/s</th><th></th></tr>\n");
  double largest = 0;
  for (const ReportStage& s : v.stages) largest = std::max(largest, s.seconds);
  for (const ReportStage& s : v.stages) {
    p->Raw("<tr><td>");
    p->Text(s.name);
    p->Raw("</td><td class=\"n\">" + Fixed(s.seconds, 3) + "</td><td class=\"n\">");
    if (s.bytes > 0 && s.seconds > 0) p->Raw(Fixed(static_cast<double>(s.bytes) / 1e6 / s.seconds, 1));
    p->Raw("</td><td style=\"width:45%\">");
    AppendBar(static_cast<uint64_t>(s.seconds * 1e6), static_cast<uint64_t>(largest * 1e6), &p->out());
    p->Raw("</td></tr>\n");
  }
  p->Raw("</table></section>\n");
  p->Raw(kReportTimingEnd);
  p->Raw("\n");
}

}  // namespace

void AppendHtmlEscaped(std::string_view text, std::string* out) {
  size_t run = 0;  // start of the stretch copied as is
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const char* entity = nullptr;
    switch (c) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&#39;"; break;
      default:
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) entity = "\xEF\xBF\xBD";
    }
    if (entity == nullptr) continue;
    out->append(text.substr(run, i - run));
    out->append(entity);
    run = i + 1;
  }
  out->append(text.substr(run));
}

std::string DisplayId(std::string_view id_json, size_t max_chars) {
  std::string decoded;
  uint32_t replacements = 0;
  std::string_view id = id_json;
  if (!id_json.empty() && id_json.front() == '"' && UnescapeJsonString(id_json, &decoded, &replacements)) {
    id = decoded;
  }
  bool cut = false;
  std::string out(Prefix(id, max_chars, &cut));
  if (cut) out.append("…");
  return out;
}

std::string RenderReport(const ReportView& v) {
  Totals t;
  t.code_points = v.code_points;
  for (const RecordIssue& issue : *v.issues) ++(issue.skipped ? t.skipped : t.warnings);

  Page p;
  p.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>neardup report</title>\n"
        "<style>");
  p.Raw(kStyle);
  p.Raw("</style>\n</head>\n<body>\n");
  AppendHeader(v, &p);
  AppendSummary(v, t, &p);
  AppendIssues(v, &p);
  AppendParameters(v, &p);
  AppendClusters(v, &p);
  AppendBoilerplate(v, t, &p);
  AppendPassages(v, &p);
  p.Raw("</main>\n");
  AppendTiming(v, &p);
  p.Raw("<footer>Written by neardup ");
  p.Text(Version());
  p.Raw(". Every list on this page is cut short; the JSONL outputs next to it have everything.</footer>\n"
        "</body>\n</html>\n");
  return std::move(p.out());
}

Status WriteReport(const ReportView& view, const std::string& dir) {
  const std::string page = RenderReport(view);
  AtomicFile file;
  NEARDUP_RETURN_IF_ERROR(file.Open(dir, "report.html"));
  NEARDUP_RETURN_IF_ERROR(file.Append(page));
  return file.Commit();
}

}  // namespace neardup
