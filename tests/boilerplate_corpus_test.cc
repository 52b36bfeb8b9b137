// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Boilerplate on whole labelled corpora: every line labelled boilerplate must be stripped, every line
// labelled content must be untouched, and labelled in-line spans (attribution lead-ins) must go.
//  - The seed articles (../shared/seeds, when present): five real articles on one story from five sites,
//    each its own source, so learned repeats cannot help and the rules must carry everything.
//  - An invented corpus of several sites with several documents each, so the project checks the same
//    without the seeds: site templates learned per source, a story published twice, a background
//    paragraph reused in follow-ups, article sentences that mention copyright, comments and newsletters.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/boilerplate/boilerplate.h"
#include "pipeline/io/utf8.h"

namespace neardup {
namespace {

struct LineLabel {
  int line = 0;              // 1-based
  int start = -1, end = -1;  // code points inside the line, for an in-line span; -1: the whole line
  std::string label;         // boilerplate, content, either
};

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Checks spans against line labels; returns a description of every violation.
std::vector<std::string> Check(const std::string& name, const std::string& text,
                               const std::vector<BoilerplateSpan>& spans,
                               const std::vector<LineLabel>& labels) {
  // Code point range of each line, without its line ending.
  std::vector<std::pair<size_t, size_t>> lines;
  size_t pos = 0, cp = 0;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    std::string_view line(text.data() + pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const size_t len = CodePoints(line);
    lines.emplace_back(cp, cp + len);
    cp += CodePoints(std::string_view(text.data() + pos, eol - pos)) + 1;
    pos = eol + 1;
  }
  auto covered = [&](size_t b, size_t e) {  // [b, e) inside the union of spans
    size_t at = b;
    for (const BoilerplateSpan& s : spans) {
      if (s.start <= at && s.end > at) at = s.end;
    }
    return at >= e;
  };
  auto touched = [&](size_t b, size_t e) {
    for (const BoilerplateSpan& s : spans) {
      if (s.start < e && s.end > b) return true;
    }
    return false;
  };
  std::map<int, std::vector<std::pair<size_t, size_t>>> inline_spans;  // line -> its labelled spans
  for (const LineLabel& l : labels) {
    if (l.start >= 0 && l.label == "boilerplate") inline_spans[l.line].emplace_back(l.start, l.end);
  }
  std::vector<std::string> errors;
  for (const LineLabel& l : labels) {
    if (l.line < 1 || static_cast<size_t>(l.line) > lines.size()) {
      errors.push_back(name + ": label for missing line " + std::to_string(l.line));
      continue;
    }
    const auto [b, e] = lines[l.line - 1];
    const std::string where = name + ":" + std::to_string(l.line);
    if (l.start >= 0) {
      if (l.label == "boilerplate" && !covered(b + l.start, b + l.end)) {
        errors.push_back(where + ": in-line span [" + std::to_string(l.start) + ", " + std::to_string(l.end) +
                         ") not stripped");
      }
      continue;
    }
    if (l.label == "boilerplate" && b < e && !covered(b, e)) {
      errors.push_back(where + ": boilerplate line kept");
    }
    if (l.label == "content") {
      // The part of the line outside its labelled in-line spans must be untouched.
      size_t from = b;
      std::vector<std::pair<size_t, size_t>> cuts = inline_spans[l.line];
      std::sort(cuts.begin(), cuts.end());
      for (const auto& [cs, ce] : cuts) {
        if (touched(from, b + cs)) errors.push_back(where + ": content touched");
        from = b + ce;
      }
      if (touched(from, e)) errors.push_back(where + ": content touched");
    }
  }
  return errors;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(BoilerplateCorpusTest, SeedArticles) {
  const std::string dir = std::string(NEARDUP_SOURCE_DIR) + "/../shared/seeds";
  if (!std::filesystem::exists(dir + "/labels.tsv")) GTEST_SKIP() << "no " << dir << "/labels.tsv";
  std::map<std::string, std::vector<LineLabel>> labels;
  std::istringstream tsv(ReadAll(dir + "/labels.tsv"));
  std::string row;
  while (std::getline(tsv, row)) {
    if (row.empty() || row[0] == '#') continue;
    std::vector<std::string> f;
    std::istringstream cells(row);
    std::string cell;
    while (std::getline(cells, cell, '\t')) f.push_back(cell);
    ASSERT_EQ(f.size(), 5u) << row;
    LineLabel l;
    l.line = std::stoi(f[1]);
    if (!f[2].empty()) l.start = std::stoi(f[2]);
    if (!f[3].empty()) l.end = std::stoi(f[3]);
    l.label = f[4];
    labels[f[0]].push_back(l);
  }
  ASSERT_FALSE(labels.empty());
  std::vector<std::string> names, texts, titles;
  for (const auto& [name, unused] : labels) {
    names.push_back(name);
    texts.push_back(ReadAll(dir + "/" + name));
    titles.emplace_back(FirstNonEmptyLine(texts.back()));
  }
  std::vector<BoilerplateInput> docs;
  for (size_t i = 0; i < names.size(); ++i) docs.push_back({texts[i], titles[i], names[i]});  // one site each
  BoilerplateResult result;
  ASSERT_TRUE(FindBoilerplate(docs, {}, &result).ok());
  size_t labelled_boilerplate = 0;
  for (size_t i = 0; i < names.size(); ++i) {
    for (const std::string& e : Check(names[i], texts[i], result.spans[i], labels[names[i]]))
      ADD_FAILURE() << e;
    for (const LineLabel& l : labels[names[i]]) labelled_boilerplate += l.label == "boilerplate";
  }
  EXPECT_GT(labelled_boilerplate, 5u);
}

// ---------------------------------------------------------------- an invented corpus

class DocBuilder {
 public:
  // A line with its label; a blank line after it unless `tight`.
  DocBuilder& Line(const std::string& text, const char* label, bool tight = false) {
    text_ += text + "\n";
    labels_.push_back({++line_, -1, -1, label});
    if (!tight) {
      text_ += "\n";
      ++line_;
    }
    return *this;
  }
  // A content line that opens with a lead-in to strip.
  DocBuilder& LeadIn(const std::string& lead, const std::string& rest) {
    labels_.push_back({line_ + 1, 0, static_cast<int>(CodePoints(lead)), "boilerplate"});
    return Line(lead + rest, "content");
  }
  DocBuilder& Lines(const std::vector<std::string>& lines, const char* label) {
    for (const std::string& l : lines) Line(l, label);
    return *this;
  }
  const std::string& text() const { return text_; }
  const std::vector<LineLabel>& labels() const { return labels_; }

 private:
  std::string text_;
  std::vector<LineLabel> labels_;
  int line_ = 0;
};

struct Story {
  std::string title;
  std::vector<std::string> paragraphs;
};

const std::vector<Story>& Stories() {
  static const std::vector<Story> stories = {
      {"Gull Island ferry returns after three weeks",
       {"The ferry between Gullport and Gull Island carried its first passengers in three weeks on Monday, "
        "after engineers finished repairs to the loading ramp that a January storm had twisted out of shape.",
        "About forty residents waited on the pier before dawn, some with empty gas canisters and boxes of "
        "groceries ordered from the mainland, and the first crossing left eleven minutes late.",
        "The minister's comments on the repair contract last week drew sharp criticism from the harbor "
        "union, "
        "which said crews had warned about the ramp for two winters.",
        "Share prices of the operator rose four percent after the announcement.",
        "The timetable will run at half capacity until the second vessel returns from dry dock in April."}},
      {"Council approves budget for the Northwind tram line",
       {"The city council voted nine to four on Tuesday to fund the first section of a tram line linking the "
        "Northwind estates with the station, ending a debate that lasted most of the autumn.",
        "Opponents argued the money would be better spent on buses, while the transport committee said "
        "ridership on the corridor had doubled since the market hall opened.",
        "Subscribers to the council's newsletter were told of the vote before the official notice went out, "
        "which two councillors described as a breach of procedure.",
        "Comments from the public will be accepted until the end of the month.",
        "Construction is expected to start next spring and take about two years."}},
      {"Orchard growers brace for a second dry summer",
       {"Apple growers in the upper valley are cutting back on new plantings after the driest spring in a "
        "decade left reservoirs at less than half their usual level.",
        "Several farms have started sharing irrigation schedules, and the growers' cooperative is asking the "
        "water board to allow night-time pumping from the river.",
        "A draft copyright law that would also cover photographs of protected landscapes has nothing to do "
        "with the drought, the board said, responding to rumors spread at a public meeting.",
        "By Thursday the first orchards had begun thinning fruit to save water.",
        "The cooperative expects the harvest to be about a third smaller than last year."}},
      {"Old harbor library reopens its reading room",
       {"The reading room of the old harbor library reopened on Saturday after eighteen months of repairs "
        "to its roof and the restoration of the carved ceiling above the map collection.",
        "Volunteers carried back more than six thousand books that had been stored in a school gymnasium, "
        "and children were given the first look at the restored globe.",
        "Home prices around the square rose six percent last year, which the library's director said had "
        "made "
        "it harder to keep the building open in the evenings.",
        "The library will open on Sundays from next month."}},
  };
  return stories;
}

struct LabelledDoc {
  std::string name, text, title, source;
  std::vector<LineLabel> labels;
};

// The Gullport Ledger: a breadcrumb and a byline above, a share bar, an edition line no rule knows and a
// copyright line below; an advertisement label in the middle.
LabelledDoc Ledger(int n, const Story& story, const std::string& author) {
  DocBuilder b;
  b.Line("Home \xE2\x80\xBA Harbor \xE2\x80\xBA " + story.title, "boilerplate")
      .Line(story.title, "either")
      .Line("By " + author + " | March " + std::to_string(2 + n) + ", 2026", "boilerplate");
  for (size_t p = 0; p < story.paragraphs.size(); ++p) {
    b.Line(story.paragraphs[p], "content");
    if (p == 1) b.Line("ADVERTISEMENT", "boilerplate");
  }
  b.Line("Share this: Facebook | X | Email", "boilerplate")
      .Line("The Gullport Ledger \xE2\x80\x94 Edition " + std::to_string(4100 + n) +
                " \xC2\xB7 printed on recycled paper",
            "boilerplate")
      .Line("\xC2\xA9 2026 The Gullport Ledger. All rights reserved.", "boilerplate", true);
  return {"ledger-" + std::to_string(n), b.text(), story.title, "ledger", b.labels()};
}

// The Valley Courier: a dated masthead line no rule knows, its own lead-in, a comment form, a tip line no
// rule knows, and a cookie notice.
LabelledDoc Courier(int n, const Story& story, const std::string& background) {
  static const char* kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
  DocBuilder b;
  b.Line(std::string("Valley Courier | ") + kDays[n % 5] + ", April " + std::to_string(7 + n) +
             ", 2026 | Weather: " + std::to_string(11 + n) + "\xC2\xB0",
         "boilerplate")
      .Line(story.title, "either");
  std::string first = story.paragraphs[0];
  first[0] = static_cast<char>(first[0] - 'A' + 'a');  // the lead-in opens the sentence
  b.LeadIn("Valley Courier informs, citing Port Radio, ", first);
  for (size_t p = 1; p < story.paragraphs.size(); ++p) {
    b.Line(story.paragraphs[p], "content");
    if (p == 2 && !background.empty()) b.Line(background, "content");
  }
  b.Line("Leave a Reply Cancel reply", "boilerplate")
      .Line("Your email address will not be published. Required fields are marked *", "boilerplate")
      .Line("Courier tip line: call 555 01" + std::to_string(40 + n) + " any time, day or night",
            "boilerplate")
      .Line(
          "We use cookies to give you the best experience on our site. If you continue, we will assume "
          "that you are happy with it.",
          "boilerplate", true);
  return {"courier-" + std::to_string(n), b.text(), story.title, "courier", b.labels()};
}

// Islands Today: one article only, so only the rules can find its furniture.
LabelledDoc Islands(const Story& story) {
  DocBuilder b;
  b.Line("You are here: News / Islands", "boilerplate")
      .Line(story.title, "either")
      .Line("Written by Petra Lind", "boilerplate");
  for (size_t p = 0; p < story.paragraphs.size(); ++p) {
    b.Line(story.paragraphs[p], "content");
    if (p == 2) b.Line("Story continues below advertisement", "boilerplate");
  }
  b.Line("Download our app for live ferry updates.", "boilerplate")
      .Line("You might also like", "boilerplate")
      .Line("Tram line vote splits the council", "boilerplate", true)
      .Line("Library volunteers move six thousand books", "boilerplate")
      .Line("Sign up for our weekly newsletter", "boilerplate")
      .Line("Ad blocker detected", "boilerplate")
      .Line("Please disable your ad blocker to keep reading our free journalism.", "boilerplate", true);
  return {"islands-0", b.text(), story.title, "islands", b.labels()};
}

TEST(BoilerplateCorpusTest, InventedSites) {
  const std::vector<Story>& s = Stories();
  const std::string background =
      "The valley's water board was created in 1962 after a decade of disputes between orchard owners and "
      "the mill towns downstream, and it still sets the pumping quotas every March.";
  std::vector<LabelledDoc> docs = {
      Ledger(0, s[0], "Mara Quill"),
      Ledger(1, s[1], "Tobias Fenn"),
      Ledger(2, s[3], "Mara Quill"),
      Ledger(3, s[1], "Tobias Fenn"),  // the same story published again
      Courier(0, s[2], background),
      Courier(1, s[1], background),
      Courier(2, s[3], background),
      Courier(3, s[0], ""),
      Islands(s[0]),  // syndicated from the ledger
  };
  std::vector<BoilerplateInput> in;
  for (const LabelledDoc& d : docs) in.push_back({d.text, d.title, d.source});
  BoilerplateResult result;
  ASSERT_TRUE(FindBoilerplate(in, {}, &result).ok());
  for (size_t i = 0; i < docs.size(); ++i) {
    for (const std::string& e : Check(docs[i].name, docs[i].text, result.spans[i], docs[i].labels)) {
      ADD_FAILURE() << e << "\n--- clean text:\n" << RemoveSpans(docs[i].text, result.spans[i]);
    }
  }
  EXPECT_GE(result.span_count, 50u);
  // The templates no rule knows were learned, with their counts.
  bool edition = false, masthead = false;
  for (const BoilerplatePattern& p : result.patterns) {
    if (p.pattern == "the gullport ledger edition <n> printed on recycled paper") {
      edition = true;
      EXPECT_EQ(p.reason, "repeated:4");
    }
    if (p.pattern == "valley courier <n> weather <n> \xC2\xB0") masthead = true;
  }
  EXPECT_TRUE(edition);
  EXPECT_TRUE(masthead);
}

}  // namespace
}  // namespace neardup
