// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// report.html: escaping of untrusted ids and text, a page that parses (balanced tags, quoted attributes,
// every '&' an entity), self-contained, with the run's counts, bounded, and byte-identical for any thread
// count outside its timing block.

#include "pipeline/report/report.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/io/reader.h"
#include "tests/test_util.h"

namespace neardup {
namespace {

using testing_util::CliResult;
using testing_util::FileExists;
using testing_util::MakeText;
using testing_util::ReadFile;
using testing_util::RunNeardup;
using testing_util::TempDir;
using testing_util::WriteFile;

std::string JsonLine(const std::string& id, const std::string& text, const std::string& extra = "") {
  std::string line = "{\"id\":";
  AppendJsonString(id, &line);
  line += ",\"text\":";
  AppendJsonString(text, &line);
  line += extra + "}\n";
  return line;
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Checks that the page parses the way we write it: every element closed in order (void elements
// aside), attribute values double-quoted with no '<' or '"' inside, no '<' or '>' in text, every '&'
// an entity. Returns an empty string when it does, else what is wrong and where.
std::string CheckWellFormed(const std::string& page) {
  static const std::vector<std::string> kVoid = {"meta", "br", "hr", "img", "input", "link"};
  std::vector<std::string> open;
  size_t i = 0;
  auto where = [&](size_t at) { return " at byte " + std::to_string(at) + ": " + page.substr(at, 60); };
  while (i < page.size()) {
    const char c = page[i];
    if (c == '&') {
      size_t j = i + 1;
      if (j < page.size() && page[j] == '#') ++j;
      const size_t name = j;
      while (j < page.size() && std::isalnum(static_cast<unsigned char>(page[j]))) ++j;
      if (j == name || j >= page.size() || page[j] != ';') return "bare '&'" + where(i);
      i = j + 1;
      continue;
    }
    if (c == '>') return "bare '>' in text" + where(i);
    if (c != '<') {
      ++i;
      continue;
    }
    if (page.compare(i, 4, "<!--") == 0) {
      const size_t end = page.find("-->", i);
      if (end == std::string::npos) return "unclosed comment" + where(i);
      i = end + 3;
      continue;
    }
    if (page.compare(i, 2, "<!") == 0) {
      i = page.find('>', i) + 1;
      continue;
    }
    const bool closing = page.compare(i, 2, "</") == 0;
    size_t j = i + (closing ? 2 : 1);
    const size_t name_start = j;
    while (j < page.size() && std::isalnum(static_cast<unsigned char>(page[j]))) ++j;
    const std::string name = page.substr(name_start, j - name_start);
    if (name.empty()) return "'<' not starting a tag" + where(i);
    // Attributes: name="value" pairs; a value holds no '"' and no '<'.
    while (j < page.size() && page[j] != '>') {
      if (page[j] == '<') return "'<' inside a tag" + where(i);
      if (page[j] == '=') {
        if (j + 1 >= page.size() || page[j + 1] != '"') return "unquoted attribute" + where(j);
        const size_t end = page.find('"', j + 2);
        if (end == std::string::npos) return "unclosed attribute" + where(j);
        if (page.find('<', j + 2) < end) return "'<' in an attribute" + where(j);
        j = end + 1;
        continue;
      }
      ++j;
    }
    if (j >= page.size()) return "unclosed tag" + where(i);
    i = j + 1;
    if (closing) {
      if (open.empty() || open.back() != name) {
        return "</" + name + "> closes <" + (open.empty() ? std::string("nothing") : open.back()) + ">" +
               where(name_start);
      }
      open.pop_back();
    } else if (name == "style") {
      const size_t end = page.find("</style>", i);
      if (end == std::string::npos) return "unclosed style";
      i = end + 8;
    } else if (std::find(kVoid.begin(), kVoid.end(), name) == kVoid.end()) {
      open.push_back(name);
    }
  }
  if (!open.empty()) return "<" + open.back() + "> never closed";
  return "";
}

// The page without its timing block (which alone may differ between runs).
std::string WithoutTiming(const std::string& page) {
  const size_t begin = page.find(kReportTimingBegin);
  const size_t end = page.find(kReportTimingEnd);
  if (begin == std::string::npos || end == std::string::npos || end < begin) return page;
  return page.substr(0, begin) + page.substr(end + kReportTimingEnd.size());
}

// Checks a page every run must give: self-contained, well formed, one timing block.
void ExpectSoundPage(const std::string& page) {
  ASSERT_FALSE(page.empty());
  EXPECT_EQ(page.rfind("<!DOCTYPE html>\n", 0), 0u);
  EXPECT_EQ(page.substr(page.size() - 8), "</html>\n");
  EXPECT_EQ(CheckWellFormed(page), "");
  const std::string lower = Lower(page);
  EXPECT_EQ(lower.find("<script"), std::string::npos);
  EXPECT_EQ(lower.find("src="), std::string::npos);
  EXPECT_EQ(lower.find("url("), std::string::npos);
  EXPECT_EQ(lower.find("@import"), std::string::npos);
  EXPECT_EQ(lower.find("http://"), std::string::npos);
  EXPECT_EQ(lower.find("https://"), std::string::npos);
  EXPECT_EQ(Count(page, "href=\""), Count(page, "href=\"#"));  // in-page links only
  EXPECT_EQ(Count(page, std::string(kReportTimingBegin)), 1u);
  EXPECT_EQ(Count(page, std::string(kReportTimingEnd)), 1u);
}

TEST(ReportTest, EscapesHtmlSpecialsAndControlCharacters) {
  std::string out;
  AppendHtmlEscaped("<script>alert(\"x&y\")</script> it's", &out);
  EXPECT_EQ(out, "&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt; it&#39;s");
  out.clear();
  AppendHtmlEscaped(std::string("tab\tnl\ncr\r nul") + '\0' + "bell\a del\x7F ünï 中文 😀", &out);
  EXPECT_EQ(out, "tab\tnl\ncr\r nul\xEF\xBF\xBD" "bell\xEF\xBF\xBD del\xEF\xBF\xBD ünï 中文 😀");
  out.clear();
  AppendHtmlEscaped("plain", &out);
  EXPECT_EQ(out, "plain");
}

TEST(ReportTest, DisplayIdDecodesJsonStringsAndCutsLongOnes) {
  EXPECT_EQ(DisplayId("\"\\u003cb\\u003e & \\\"q\\\"\""), "<b> & \"q\"");
  EXPECT_EQ(DisplayId("17"), "17");
  EXPECT_EQ(DisplayId("\"ünïcödé\"", 3), "ünï…");
  EXPECT_EQ(DisplayId("\"abc\"", 3), "abc");
}

// A corpus whose ids and texts try to break out of the page: tags, quotes, '&', non-ASCII; with a
// near-duplicate cluster, copyright furniture, a passage shared across sites and a bad record.
struct HostileCorpus {
  std::string quoted = MakeText(500, 40);
  std::string jsonl;

  HostileCorpus() {
    std::string first_text;
    for (int i = 0; i < 4; ++i) {
      std::string text = "Zoë <script>alert('x')</script> & \"café\" </div></td> " + MakeText(800 + i, 6) + "\n\n" +
                         MakeText(600 + i, 120) + "\n\n";
      if (i == 0) text += quoted + "\n\n";
      text += "Filed under <zorblax> & \"quuxen\" for the Alpha desk\n";
      text += "© 202" + std::to_string(i) + " <b>Daily</b> & Co. All rights reserved.\n";
      if (i == 0) first_text = text;
      jsonl += JsonLine(i == 0 ? "<script>alert(1)</script>" : "alpha-" + std::to_string(i), text,
                        ",\"url\":\"https://www.alpha.example/a/" + std::to_string(i) + "\"");
    }
    jsonl += JsonLine("a&b \"q\" 'x'", first_text, ",\"url\":\"https://www.alpha.example/dup\"");
    jsonl += "{\"id\": \"<bad>\", \"text\": \n";
    jsonl += JsonLine("ünï<i>中文</i>\"><script>x</script>", MakeText(700, 80) + "\n\nAs the paper put it: " + quoted + "\n",
                      ",\"url\":\"https://beta.example/x\"");
    jsonl += JsonLine("empty&", "  ");
  }
};

TEST(ReportTest, HostileIdsAndTextAreEscapedAndCountsShown) {
  TempDir dir;
  HostileCorpus corpus;
  WriteFile(dir / "in.jsonl", corpus.jsonl);
  const CliResult r = RunNeardup({"run", dir / "in.jsonl", "-o", dir / "out", "--threads", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string page = ReadFile(dir / "out/report.html");
  ExpectSoundPage(page);

  // Ids, decoded and escaped; non-ASCII as UTF-8.
  EXPECT_NE(page.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(page.find("a&amp;b &quot;q&quot; &#39;x&#39;"), std::string::npos);
  EXPECT_NE(page.find("ünï&lt;i&gt;中文&lt;/i&gt;&quot;&gt;&lt;script&gt;x&lt;/script&gt;"), std::string::npos);
  // Text: the cluster's excerpt and the marked documents.
  EXPECT_NE(page.find("Zoë &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;café&quot;"), std::string::npos);
  EXPECT_NE(page.find("<mark class=\"rule\" title=\"rule:copyright"), std::string::npos);
  EXPECT_NE(page.find("&lt;b&gt;Daily&lt;/b&gt; &amp; Co. All rights reserved."), std::string::npos);
  EXPECT_NE(page.find("<mark class=\"rep\" title=\"repeated:5 · filed under zorblax quuxen for the alpha desk\">\n"
                      "Filed under &lt;zorblax&gt; &amp; &quot;quuxen&quot; for the Alpha desk\n</mark>"),
            std::string::npos);
  // The bad record's message with file and line.
  EXPECT_NE(page.find("in.jsonl:6: "), std::string::npos);

  // Counts: 7 documents (one bad record skipped), one cluster of two, one empty, passages.
  EXPECT_NE(page.find("<b>7</b><span>documents read</span>"), std::string::npos);
  EXPECT_NE(page.find("<b>5</b><span>kept (clean.jsonl)</span>"), std::string::npos);
  EXPECT_NE(page.find("<b>1</b><span>near-duplicates</span>"), std::string::npos);
  EXPECT_NE(page.find("<b>1</b><span>empty (no words)</span>"), std::string::npos);
  EXPECT_NE(page.find("<b>1</b><span>clusters of 2+</span>"), std::string::npos);
  EXPECT_NE(page.find("<b>1</b><span>bad records skipped</span>"), std::string::npos);
  EXPECT_NE(page.find("<tr><td>invalid_json</td><td>skipped</td><td class=\"n\">1</td></tr>"), std::string::npos);
  EXPECT_NE(page.find("<tr><th>boilerplate spans</th><td>10</td></tr>"), std::string::npos);
  EXPECT_NE(page.find("<tr><th>LSH bands × rows</th><td>16 × 8</td></tr>"), std::string::npos);
  EXPECT_NE(page.find("<tr><th>document pairs sharing passages</th><td>1</td></tr>"), std::string::npos);
  EXPECT_NE(page.find("id=\"cluster-0\""), std::string::npos);
  EXPECT_NE(page.find("<div class=\"pair\">"), std::string::npos);
}

TEST(ReportTest, IdenticalForAnyThreadCountOutsideTiming) {
  TempDir dir;
  const std::string corpus = std::string(NEARDUP_SOURCE_DIR) + "/datasets/sample/news.jsonl";
  ASSERT_TRUE(FileExists(corpus));
  std::string first;
  for (const char* threads : {"1", "2"}) {
    const std::string out = dir / (std::string("out") + threads);
    const CliResult r = RunNeardup({"run", corpus, "-o", out, "--threads", threads, "--batch-bytes", "4096",
                                    "--chunk-docs", "3"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string page = ReadFile(out + "/report.html");
    ExpectSoundPage(page);
    EXPECT_LT(page.size(), 2u << 20);
    EXPECT_NE(page.find(std::string(threads) + " threads · "), std::string::npos);
    const std::string rest = WithoutTiming(page);
    EXPECT_EQ(rest.find(" threads · "), std::string::npos);
    if (first.empty()) {
      first = rest;
      // The sample has clusters, boilerplate and passages.
      EXPECT_NE(rest.find("id=\"cluster-"), std::string::npos);
      EXPECT_NE(rest.find("<mark class=\"rule\""), std::string::npos);
      EXPECT_NE(rest.find("<div class=\"pair\">"), std::string::npos);
    } else {
      EXPECT_EQ(rest, first) << "report.html differs with --threads " << threads;
    }
  }
}

TEST(ReportTest, ListsAreCappedAndStagesOffAreSaid) {
  TempDir dir;
  std::string jsonl;
  for (int i = 0; i < 45; ++i) {
    const std::string text = MakeText(3000 + i, 60);
    jsonl += JsonLine("c" + std::to_string(i) + "-a", text) + JsonLine("c" + std::to_string(i) + "-b", text);
  }
  WriteFile(dir / "in.jsonl", jsonl);
  const CliResult r =
      RunNeardup({"run", dir / "in.jsonl", "-o", dir / "out", "--no-boilerplate", "--no-passages", "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string page = ReadFile(dir / "out/report.html");
  ExpectSoundPage(page);
  EXPECT_EQ(Count(page, "<details"), 20u);
  EXPECT_NE(page.find("25 more clusters in clusters.jsonl."), std::string::npos);
  EXPECT_NE(page.find("Boilerplate stripping was off (--no-boilerplate)."), std::string::npos);
  EXPECT_NE(page.find("Passages were off (--no-passages)."), std::string::npos);
  EXPECT_NE(page.find("<tr><td>1.0 (same shingles)</td><td class=\"n\">45</td>"), std::string::npos);
}

// Huge documents and ids still give a small page: long kept stretches show their ends, ids are cut.
TEST(ReportTest, HugeDocumentsAndIdsStayBounded) {
  TempDir dir;
  std::string long_id;
  for (int i = 0; i < 3000; ++i) long_id += "\"<&ü";
  const std::string body = MakeText(7, 30000);  // about 200 KB
  std::string jsonl;
  for (int i = 0; i < 3; ++i) {
    jsonl += JsonLine(long_id + std::to_string(i), "Title " + std::to_string(i) + "\n\n" + body +
                                                   "\n\n© 2024 Big & Co. All rights reserved.\n");
  }
  WriteFile(dir / "in.jsonl", jsonl);
  const CliResult r = RunNeardup({"run", dir / "in.jsonl", "-o", dir / "out", "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string page = ReadFile(dir / "out/report.html");
  ExpectSoundPage(page);
  EXPECT_LT(page.size(), 120u << 10);
  EXPECT_NE(page.find(" characters …]</span>"), std::string::npos);
  EXPECT_NE(page.find("&quot;&lt;&amp;ü&quot;&lt;&amp;ü"), std::string::npos);
  EXPECT_EQ(page.find(std::string(200, 'x')), std::string::npos);
  EXPECT_NE(page.find("<b>2</b><span>near-duplicates</span>"), std::string::npos);
}

TEST(ReportTest, ReplacesAnEarlierReportAtomically) {
  TempDir dir;
  WriteFile(dir / "in.jsonl", JsonLine("x", MakeText(1, 50)));
  WriteFile(dir / "out/report.html", "stale\n");
  ASSERT_EQ(RunNeardup({"run", dir / "in.jsonl", "-o", dir / "out", "-q"}).exit_code, 0);
  ExpectSoundPage(ReadFile(dir / "out/report.html"));
  for (const auto& entry : std::filesystem::directory_iterator(dir / "out")) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
  }
}

}  // namespace
}  // namespace neardup
