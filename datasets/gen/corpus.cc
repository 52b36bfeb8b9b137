// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "datasets/gen/corpus.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <utility>

#include "datasets/gen/edit.h"
#include "datasets/gen/languages.h"
#include "datasets/gen/render.h"
#include "datasets/gen/rng.h"
#include "datasets/gen/sites.h"
#include "datasets/gen/story.h"
#include "datasets/gen/text_util.h"

namespace neardup::datagen {

namespace {

// Stream ids of Rng::Fork. Blocks use their block number; these are far above any block count.
constexpr uint64_t kPlanStream = 1ULL << 62;
constexpr uint64_t kPoolStream = (1ULL << 62) + 1;
// Streams of the "bench" additions: which stories quote a statement (one stream per story) and the
// statements themselves (one per pooled statement). Story ids of statements start at kStatementStory.
constexpr uint64_t kQuoteStream = 1ULL << 61;
constexpr uint64_t kStatementStream = (1ULL << 61) + (1ULL << 60);
constexpr uint64_t kStatementStory = 1ULL << 40;
constexpr uint64_t kStatements = 400;  ///< pooled statements: each is quoted by many unrelated stories

const std::vector<Preset>& Presets() {
  static const std::vector<Preset>* presets = [] {
    auto* v = new std::vector<Preset>;
    Preset dedup;
    dedup.name = "dedup";
    dedup.description =
        "near-duplicate benchmark: stories with 1-6 copies (word 5-gram Jaccard spread over 0.5-1.0), hard "
        "negatives, unrelated articles, ~5% non-English, a few very short and empty records";
    v->push_back(dedup);
    Preset bench;
    bench.name = "bench";
    bench.description =
        "throughput benchmark (bench/README.md): English news, ~30% near-duplicates, site furniture (breadcrumbs, "
        "footers), statements quoted across stories, curly quotes; ~3.4 KB per record";
    bench.cluster_share = 0.19;  // 2.64 copies and 0.8 hard negatives per cluster: ~30% near-duplicates
    bench.non_english = 0.0;
    bench.min_words = 120;
    bench.max_words = 780;
    bench.site_boilerplate = true;
    bench.quoted_passages = 0.2;
    bench.typographic = true;
    v->push_back(bench);
    return v;
  }();
  return *presets;
}

// Days before each month of a non-leap year.
constexpr int kMonthStart[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

void AppendTimestamp(uint64_t minute, DateStyle style, int offset_hours, std::string* out) {
  if (style == DateStyle::kIsoOffset) {  // local time of the site's zone
    minute = static_cast<uint64_t>(std::max<int64_t>(0, static_cast<int64_t>(minute) + offset_hours * 60));
  }
  uint64_t day = minute / 1440;
  const uint64_t in_day = minute % 1440;
  uint64_t year = 2025;
  while (day >= 365) {  // 2025–2027 have no leap day
    day -= 365;
    ++year;
  }
  int month = 0;
  while (day >= static_cast<uint64_t>(kMonthStart[month + 1])) ++month;
  AppendUint(year, out);
  out->push_back('-');
  AppendPadded(static_cast<uint64_t>(month + 1), 2, out);
  out->push_back('-');
  AppendPadded(day - static_cast<uint64_t>(kMonthStart[month]) + 1, 2, out);
  if (style == DateStyle::kDateOnly) return;
  out->push_back('T');
  AppendPadded(in_day / 60, 2, out);
  out->push_back(':');
  AppendPadded(in_day % 60, 2, out);
  out->append(":00");
  if (style == DateStyle::kIsoUtc) {
    out->push_back('Z');
    return;
  }
  out->push_back(offset_hours < 0 ? '-' : '+');
  AppendPadded(static_cast<uint64_t>(offset_hours < 0 ? -offset_hours : offset_hours), 2, out);
  out->append(":00");
}

// One version of an article that later copies can derive from.
struct Version {
  Article article;
  size_t site = 0;
  std::vector<uint64_t> keys;  ///< as its site rendered it
  std::string id;
  uint32_t generation = 0;  ///< 0 for the original
  uint64_t minute = 0;      ///< publication time, minutes since 2025-01-01T00:00Z
};

// Everything that ends up in one corpus line and its truth line.
struct Record {
  std::string id;
  DocKind kind = DocKind::kOriginal;
  const Language* lang = nullptr;
  const Topic* topic = nullptr;
  int64_t story = -1;
  size_t site = 0;
  std::string url;
  std::string title;
  std::string text;
  uint64_t minute = 0;
  bool meta = false;
  uint64_t words = 0;
  std::string original;  ///< empty: null
  double jaccard = -1;   ///< < 0: null
  std::string edits = "{}";
};

struct Pending {
  std::string corpus;
  std::string truth;
};

// What the planner decides for a block; the block's content is drawn from its own stream.
enum class BlockKind : uint8_t { kCluster, kSingle, kShort, kEmpty };

struct BlockPlan {
  uint64_t block = 0;
  BlockKind kind = BlockKind::kSingle;
  uint32_t copies = 0;     ///< kCluster: near-duplicate copies (>= 1)
  uint32_t negatives = 0;  ///< kCluster: hard negatives
  uint64_t first_id = 0;   ///< number of the block's first document id
  uint64_t size() const { return kind == BlockKind::kCluster ? 1 + copies + negatives : 1; }
};

struct BlockOutput {
  std::vector<Pending> docs;  ///< in generation order
  GenStats stats;
};

// Makes the documents of one block. The result is a pure function of (seed, preset, plan), so blocks
// can be made on any thread in any order.
class BlockMaker {
 public:
  BlockMaker(const Preset& preset, uint64_t seed) : preset_(preset), root_(seed) {}

  void Make(const BlockPlan& plan, BlockOutput* out) {
    out_ = out;
    stats_ = &out->stats;
    next_id_ = plan.first_id;
    switch (plan.kind) {
      case BlockKind::kCluster:
        ClusterBlock(plan);
        break;
      case BlockKind::kSingle:
        SingleBlock(plan.block);
        break;
      case BlockKind::kShort:
        SpecialBlock(plan.block, DocKind::kShort);
        break;
      case BlockKind::kEmpty:
        SpecialBlock(plan.block, DocKind::kEmpty);
        break;
    }
  }

 private:
  const Language* ChooseLanguage(Rng* rng) const {
    if (!preset_.language.empty()) return FindLanguage(preset_.language);
    const auto& all = MixedLanguages();
    if (all.size() > 1 && rng->Chance(preset_.non_english)) return all[1 + rng->Below(all.size() - 1)];
    return all[0];
  }

  size_t Length(Rng* rng) const {
    const double u1 = rng->Unit();
    const double u = (u1 + rng->Unit()) / 2;  // triangular, mode halfway
    return preset_.min_words + static_cast<size_t>(u * (preset_.max_words - preset_.min_words));
  }

  std::string NextId() {
    std::string id = "d";
    AppendPadded(next_id_++, 7, &id);
    return id;
  }

  static uint64_t StoryMinute(const Story& story, Rng* rng) {
    const uint64_t day = static_cast<uint64_t>(kMonthStart[story.month() - 1] + story.day() - 1);
    return day * 1440 + static_cast<uint64_t>(rng->Range(5 * 60, 22 * 60));
  }

  void AppendUrl(const Site& site, const Topic* topic, const Article* article, uint64_t minute, Rng* rng,
                 std::string* url) const {
    url->append("https://");
    url->append(site.host);
    url->push_back('/');
    std::string date;
    AppendTimestamp(minute, DateStyle::kDateOnly, 0, &date);
    for (char& c : date) {
      if (c == '-') c = '/';
    }
    const std::string_view section = topic != nullptr ? std::string_view(topic->section) : "live";
    switch (site.url) {
      case UrlStyle::kDated:
        url->append(section);
        url->push_back('/');
        url->append(date);
        url->push_back('/');
        if (article != nullptr) {
          AppendSlug(*article, url);
        } else {
          url->append("update-");
          AppendUint(rng->Range(1000, 99999), url);
        }
        break;
      case UrlStyle::kSlugId:
        url->append(section);
        url->push_back('/');
        if (article != nullptr) {
          AppendSlug(*article, url);
          url->push_back('-');
        }
        AppendUint(static_cast<uint64_t>(rng->Range(1000000, 9999999)), url);
        break;
      case UrlStyle::kHtml:
        url->append("news/");
        url->append(date);
        url->push_back('/');
        AppendUint(static_cast<uint64_t>(rng->Range(1000000, 9999999)), url);
        url->append(".html");
        break;
      case UrlStyle::kQuery:
        url->append("article.php?id=");
        AppendUint(static_cast<uint64_t>(rng->Range(1000000, 9999999)), url);
        break;
    }
  }

  // Counts words (and non-ASCII ones, as rendered) for the statistics.
  void CountWords(const Article& a, const TextStyle& style, Record* r) {
    auto count = [&](const std::vector<Tok>& toks) {
      for (const Tok& t : toks) {
        if (!t.is_word()) continue;
        ++r->words;
        stats_->non_ascii_words +=
            (t.flags & kNonAscii) || (style.curly_apostrophes && (t.flags & kApostrophe));
      }
    };
    if (style.headline_in_text) count(a.headline);
    if (style.dateline) count(a.dateline);
    for (const auto& s : a.sentences) count(s);
    stats_->words += r->words;
  }

  // A pooled statement, rendered in `style`'s glyphs as one paragraph in quotes after a lead-in.
  std::string Statement(uint64_t index, const TextStyle& style) const {
    Rng rng = root_.Fork(kStatementStream + index);
    const Language* en = AllLanguages()[0];
    const Topic* topic = &en->topics()[rng.Below(en->topics().size())];
    Story story(en, topic, kStatementStory + index, rng.Fork(1));
    ArticleWriter writer(&story, rng.Fork(2));
    const Article a = writer.Write(static_cast<size_t>(rng.Range(40, 100)));
    TextStyle plain;
    plain.quotes = style.quotes;
    plain.curly_apostrophes = style.curly_apostrophes;
    plain.dash = style.dash;
    std::string body;
    RenderText(a, *en, plain, &body);
    std::string out = "The statement reads in full: ";
    const bool curly = style.quotes != QuoteStyle::kStraight;
    out += curly ? "\xE2\x80\x9C" : "\"";
    bool space = false;
    for (char c : body) {  // paragraphs become one
      if (c == '\n' || c == '\r') {
        space = true;
        continue;
      }
      if (space && !out.empty() && out.back() != ' ') out.push_back(' ');
      space = false;
      out.push_back(c);
    }
    out += curly ? "\xE2\x80\x9D" : "\"";
    return out;
  }

  // The "bench" additions to a rendered text. They draw from their own streams, so the rest of the
  // corpus is the same with and without them.
  void Decorate(Record* r, const TextStyle& style) const {
    const std::string nl = style.crlf ? "\r\n" : "\n";
    const std::string para = style.blank_line ? nl + nl : nl;
    if (preset_.quoted_passages > 0 && r->story >= 0 && r->lang->code() == "en") {
      // Every article of a story (original, copies, hard negatives) quotes the same statement at the same
      // paragraph, and many unrelated stories quote each statement.
      Rng rng = root_.Fork(kQuoteStream + static_cast<uint64_t>(r->story));
      if (rng.Chance(preset_.quoted_passages)) {
        const std::string statement = Statement(rng.Below(kStatements), style);
        const size_t after = 1 + rng.Below(3);
        size_t at = 0;
        for (size_t k = 0; k < after && at != std::string::npos; ++k) {
          at = r->text.find(para, at);
          if (at != std::string::npos) at += para.size();
        }
        if (at == std::string::npos || at >= r->text.size()) {
          r->text += para + statement;
        } else {
          r->text.insert(at, statement + para);
        }
      }
    }
    if (preset_.site_boilerplate) {
      // Furniture worded per site: a breadcrumb and three of six footer lines.
      const Site& site = AllSites()[r->site];
      std::string section = r->topic != nullptr ? std::string(r->topic->section) : std::string("news");
      if (!section.empty() && section[0] >= 'a' && section[0] <= 'z') section[0] = static_cast<char>(section[0] - 32);
      const std::string name(site.name);
      std::string header;
      switch (r->site % 3) {
        case 0:
          header = "Home \xE2\x80\xBA " + section + " \xE2\x80\xBA " + name;
          break;
        case 1:
          header = "Home / News / " + section;
          break;
        default:
          header = "You are here: Home > " + section;
          break;
      }
      const std::string footers[] = {
          "\xC2\xA9 2025 " + name + ". All rights reserved.",
          "Sign up for the " + name + " morning briefing \xE2\x80\x94 the day\xE2\x80\x99s top stories in your inbox.",
          "Share this article: Facebook \xC2\xB7 X \xC2\xB7 Email \xC2\xB7 Print",
          "Advertisement",
          "Comments on this story are moderated and may take a few minutes to appear.",
          "Ad blocker detected: " + name + " depends on advertising. Please whitelist us or subscribe.",
      };
      std::string text = header + para + r->text;
      while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
      for (size_t k = 0; k < 3; ++k) text += para + footers[(r->site * 7 + k) % std::size(footers)];
      text += nl;
      r->text = std::move(text);
    }
  }

  // Renders an article version into a record and emits it.
  void EmitArticle(Record* r, const Article& a, const TextStyle& style, Rng* rng) {
    const Site& site = AllSites()[r->site];
    RenderText(a, *r->lang, style, &r->text);
    if (preset_.site_boilerplate || preset_.quoted_passages > 0) Decorate(r, style);
    RenderTitle(a, *r->lang, site.title_case, style.case_edit == CaseEdit::kHeadlineUpper, style.quotes,
                site.title_suffix, &r->title);
    AppendUrl(site, r->topic, &a, r->minute, rng, &r->url);
    r->meta = rng->Chance(preset_.meta_share);
    CountWords(a, style, r);
    Emit(*r);
  }

  // The site's style, with curly quotes on English sites in presets that ask for it.
  TextStyle StyleOf(const Site& site) const {
    TextStyle style = SiteStyle(site);
    if (preset_.typographic && site.lang == "en" && style.quotes == QuoteStyle::kStraight) {
      style.quotes = QuoteStyle::kCurly;
      style.curly_apostrophes = true;
    }
    return style;
  }

  TextStyle OriginalStyle(const Site& site, Rng* rng) const {
    TextStyle style = StyleOf(site);
    if (rng->Chance(0.08)) {  // even originals are not always clean
      style.double_space_per_mille = static_cast<uint16_t>(rng->Range(5, 30));
      style.trailing_spaces = rng->Chance(0.5);
    }
    style.noise_seed = rng->Next();
    return style;
  }

  void ClusterBlock(const BlockPlan& plan) {
    Rng rng = root_.Fork(plan.block);
    const uint64_t block = plan.block;
    const Language* lang = ChooseLanguage(&rng);
    const Topic* topic = &lang->topics()[rng.Below(lang->topics().size())];
    Story story(lang, topic, block, rng.Fork(1));
    ArticleWriter writer(&story, rng.Fork(2));

    const size_t copies = plan.copies;
    const size_t negatives = plan.negatives;

    std::vector<Version> versions;
    versions.reserve(copies + 1);
    {
      Version orig;
      orig.article = writer.Write(Length(&rng));
      orig.site = PickSite(lang->code(), &rng);
      orig.minute = StoryMinute(story, &rng);
      orig.id = NextId();
      const TextStyle style = OriginalStyle(AllSites()[orig.site], &rng);
      AppendWordKeys(orig.article, style.headline_in_text, style.dateline, &orig.keys);
      Record r = NewRecord(orig.id, DocKind::kOriginal, lang, topic, &story, orig.site, orig.minute);
      EmitArticle(&r, orig.article, style, &rng);
      versions.push_back(std::move(orig));
    }
    for (size_t c = 0; c < copies; ++c) {
      const size_t p = c > 0 && rng.Chance(preset_.copy_of_copy) ? 1 + rng.Below(versions.size() - 1) : 0;
      versions.push_back(MakeCopyVersion(versions[p], lang, topic, &story, &writer, &rng));
    }
    for (size_t j = 0; j < negatives; ++j) {
      ArticleWriter other(&story, rng.Fork(100 + j));
      const Article a = other.Write(Length(&rng));
      const size_t site = PickSite(lang->code(), &rng);
      const int64_t shift = rng.Range(-3 * 1440, 3 * 1440);
      const uint64_t minute =
          static_cast<uint64_t>(std::max<int64_t>(0, static_cast<int64_t>(versions[0].minute) + shift));
      Record r = NewRecord(NextId(), DocKind::kHardNegative, lang, topic, &story, site, minute);
      r.original = versions[0].id;
      const TextStyle style = OriginalStyle(AllSites()[site], &rng);
      EmitArticle(&r, a, style, &rng);
    }
  }

  Version MakeCopyVersion(const Version& parent, const Language* lang, const Topic* topic, Story* story,
                          ArticleWriter* writer, Rng* rng) {
    const Site& parent_site = AllSites()[parent.site];
    Version v;
    v.site = rng->Chance(0.85) ? PickOtherSite(lang->code(), parent.site, rng) : parent.site;
    v.generation = parent.generation + 1;
    v.minute = parent.minute + static_cast<uint64_t>(rng->Range(10, 3 * 1440));
    v.id = NextId();
    const Site& site = AllSites()[v.site];

    CopyRequest req;
    req.target = rng->Uniform(preset_.jaccard_min, preset_.jaccard_max);
    req.style = static_cast<EditStyle>(rng->Weighted(preset_.edit_style_weights));
    req.new_headline = rng->Chance(0.4);
    req.headline_in_text = site.headline_in_text;
    req.dateline = site.dateline && !parent.article.dateline.empty();
    CopyResult res = MakeCopy(parent.article, parent.keys, req, writer, &jaccard_);
    v.article = std::move(res.article);

    // Edits that change characters, not words.
    TextStyle style = StyleOf(site);
    style.dateline = req.dateline;
    std::string quotes = "none";
    if (rng->Chance(0.35)) {
      const QuoteStyle from = style.quotes;
      style.quotes = from == QuoteStyle::kStraight ? SiteStyleQuotesFor(lang) : QuoteStyle::kStraight;
      style.curly_apostrophes = style.quotes != QuoteStyle::kStraight;
      quotes = std::string(QuoteStyleName(from)) + "_to_" + QuoteStyleName(style.quotes);
    }
    const bool rewrap = rng->Chance(0.35);
    if (rewrap) {
      static const uint16_t kWidths[] = {60, 68, 72, 78};
      style.wrap = style.wrap != 0 ? 0 : kWidths[rng->Below(4)];
      style.blank_line = rng->Chance(0.7) ? style.blank_line : !style.blank_line;
      static const std::vector<uint32_t> kParagraphWeights = {30, 40, 22, 8};
      auto& starts = v.article.para_start;
      std::fill(starts.begin(), starts.end(), 0);
      for (size_t i = 0; i < starts.size(); i += 1 + rng->Weighted(kParagraphWeights)) starts[i] = 1;
    }
    const bool whitespace = rng->Chance(0.3);
    if (whitespace) {
      style.double_space_per_mille = static_cast<uint16_t>(rng->Range(20, 80));
      style.trailing_spaces = rng->Chance(0.5);
      style.leading_whitespace = rng->Chance(0.3);
    }
    const bool nbsp = lang->spaced() && rng->Chance(0.15);
    if (nbsp) style.nbsp_per_mille = static_cast<uint16_t>(rng->Range(10, 50));
    if (rng->Chance(0.15)) {
      static const std::vector<uint32_t> kCaseWeights = {0, 50, 35, 15};
      style.case_edit = static_cast<CaseEdit>(rng->Weighted(kCaseWeights));
    }
    const bool crlf = rng->Chance(0.05);
    if (crlf) style.crlf = !style.crlf;
    const bool dash = rng->Chance(0.2);
    if (dash) style.dash = static_cast<DashStyle>((static_cast<int>(style.dash) + 1 + rng->Below(3)) % 4);
    style.noise_seed = rng->Next();
    AppendWordKeys(v.article, style.headline_in_text, style.dateline, &v.keys);

    Record r = NewRecord(v.id, DocKind::kNearDuplicate, lang, topic, story, v.site, v.minute);
    r.original = parent.id;
    r.jaccard = res.jaccard;
    std::string& e = r.edits;
    e = "{\"style\":\"";
    e += EditStyleName(req.style);
    e += "\",\"target\":";
    AppendFixed4(req.target, &e);
    e += ",\"generation\":";
    AppendUint(v.generation, &e);
    e += ",\"site_changed\":";
    e += v.site != parent.site ? "true" : "false";
    e += ",\"new_headline\":";
    e += req.new_headline ? "true" : "false";
    e += ",\"headline_line\":\"";
    e += req.headline_in_text == parent_site.headline_in_text ? "same"
         : req.headline_in_text                               ? "added"
                                                              : "removed";
    e += "\",\"dateline\":\"";
    const bool parent_dateline = parent_site.dateline && !parent.article.dateline.empty();
    e += req.dateline == parent_dateline ? "same" : req.dateline ? "added" : "removed";
    e += "\"";
    const EditCounts& k = res.counts;
    const std::pair<const char*, uint32_t> counts[] = {
        {"sentences_dropped", k.sentences_dropped},   {"sentences_added", k.sentences_added},
        {"sentences_replaced", k.sentences_replaced}, {"words_substituted", k.words_substituted},
        {"words_deleted", k.words_deleted},           {"words_inserted", k.words_inserted}};
    for (const auto& [name, value] : counts) {
      e += ",\"";
      e += name;
      e += "\":";
      AppendUint(value, &e);
    }
    e += ",\"quotes\":\"" + quotes + "\"";
    e += ",\"rewrapped\":";
    e += rewrap ? "true" : "false";
    e += ",\"whitespace\":";
    e += whitespace ? "true" : "false";
    e += ",\"nbsp\":";
    e += nbsp ? "true" : "false";
    e += ",\"case\":\"";
    e += CaseEditName(style.case_edit);
    e += "\",\"crlf\":";
    e += crlf ? "true" : "false";
    e += ",\"dash\":";
    e += dash ? "true" : "false";
    e += "}";
    EmitArticle(&r, v.article, style, rng);
    return v;
  }

  static QuoteStyle SiteStyleQuotesFor(const Language* lang) {
    if (lang->code() == "fr") return QuoteStyle::kGuillemetsSpaced;
    if (lang->code() == "ru" || lang->code() == "es" || lang->code() == "ar") return QuoteStyle::kGuillemets;
    return QuoteStyle::kCurly;
  }

  void SingleBlock(uint64_t block) {
    Rng rng = root_.Fork(block);
    const Language* lang = ChooseLanguage(&rng);
    const Topic* topic = &lang->topics()[rng.Below(lang->topics().size())];
    Story story(lang, topic, block, rng.Fork(1));
    ArticleWriter writer(&story, rng.Fork(2));
    const Article a = writer.Write(Length(&rng));
    const size_t site = PickSite(lang->code(), &rng);
    Record r = NewRecord(NextId(), DocKind::kUnrelated, lang, topic, &story, site, StoryMinute(story, &rng));
    EmitArticle(&r, a, OriginalStyle(AllSites()[site], &rng), &rng);
  }

  void SpecialBlock(uint64_t block, DocKind kind) {
    Rng rng = root_.Fork(block);
    const Language* en = AllLanguages()[0];
    const size_t site = PickSite("en", &rng);
    const uint64_t minute = static_cast<uint64_t>(rng.Range(0, 364 * 1440));
    Record r = NewRecord(NextId(), kind, en, nullptr, nullptr, site, minute);
    if (kind == DocKind::kShort) {
      Article a;
      a.sentences.emplace_back();
      ExpandContext ctx{en, nullptr, nullptr, &rng, 0};
      en->ExpandList("SHORT", &ctx, &a.sentences.back());
      a.para_start.push_back(1);
      a.headline = a.sentences.back();
      TextStyle style = SiteStyle(AllSites()[site]);
      style.headline_in_text = false;
      style.dateline = false;
      RenderText(a, *en, style, &r.title);
      if (rng.Chance(0.2)) r.text = "\xF0\x9F\x94\xB4 ";  // a red circle emoji, as live tickers use
      r.text += r.title;
      if (rng.Chance(0.3)) r.text += "\n";
      CountWords(a, style, &r);
    } else {
      if (rng.Chance(0.5)) r.text = " \n\t\n";
      r.title = rng.Chance(0.5) ? "Untitled" : "";
    }
    AppendUrl(AllSites()[site], nullptr, nullptr, minute, &rng, &r.url);
    r.meta = rng.Chance(preset_.meta_share);
    Emit(r);
  }

  Record NewRecord(std::string id, DocKind kind, const Language* lang, const Topic* topic, const Story* story,
                   size_t site, uint64_t minute) const {
    Record r;
    r.id = std::move(id);
    r.kind = kind;
    r.lang = lang;
    r.topic = topic;
    r.story = story != nullptr ? static_cast<int64_t>(story->id()) : -1;
    r.site = site;
    r.minute = minute;
    return r;
  }

  void Emit(const Record& r) {
    const Site& site = AllSites()[r.site];
    Pending p;
    std::string& c = p.corpus;
    c.reserve(r.text.size() + r.title.size() + 256);
    c += "{\"id\":";
    AppendJsonString(r.id, site.escape, &c);
    c += ",\"url\":";
    AppendJsonString(r.url, site.escape, &c);
    c += ",\"title\":";
    AppendJsonString(r.title, site.escape, &c);
    c += ",\"text\":";
    AppendJsonString(r.text, site.escape, &c);
    c += ",\"published\":";
    std::string published;
    AppendTimestamp(r.minute, site.date, static_cast<int>(r.site % 5) * 2 - 3, &published);
    AppendJsonString(published, site.escape, &c);
    if (r.meta) {
      c += ",\"meta\":{\"lang\":\"";
      c += r.lang->code();
      c += "\",\"section\":";
      AppendJsonString(r.topic != nullptr ? r.topic->section : "live", site.escape, &c);
      c += ",\"words\":";
      AppendUint(r.words, &c);
      c += ",\"tags\":[";
      AppendJsonString(r.topic != nullptr ? r.topic->name : "live", site.escape, &c);
      c += ",";
      AppendJsonString(site.name, site.escape, &c);
      c += "]}";
    }
    c += "}\n";

    std::string& t = p.truth;
    t += "{\"id\":";
    AppendJsonString(r.id, JsonEscape::kUtf8, &t);
    t += ",\"kind\":\"";
    t += DocKindName(r.kind);
    t += "\",\"original\":";
    if (r.original.empty()) {
      t += "null";
    } else {
      AppendJsonString(r.original, JsonEscape::kUtf8, &t);
    }
    t += ",\"intended_jaccard\":";
    if (r.jaccard < 0) {
      t += "null";
    } else {
      AppendFixed4(r.jaccard, &t);
    }
    t += ",\"story\":";
    if (r.story < 0) {
      t += "null";
    } else {
      AppendUint(static_cast<uint64_t>(r.story), &t);
    }
    t += ",\"lang\":\"";
    t += r.lang->code();
    t += "\",\"site\":\"";
    t += site.host;
    t += "\",\"words\":";
    AppendUint(r.words, &t);
    t += ",\"edits\":";
    t += r.edits;
    t += "}\n";

    ++stats_->docs;
    ++stats_->by_kind[static_cast<int>(r.kind)];
    stats_->non_english += r.lang->code() != "en";
    out_->docs.push_back(std::move(p));
  }

  const Preset& preset_;
  Rng root_;
  BlockOutput* out_ = nullptr;
  GenStats* stats_ = nullptr;
  ShingleJaccard jaccard_{5};
  uint64_t next_id_ = 0;
};

// Plans blocks serially (kinds, sizes and ids), makes them in parallel in batches, and streams their
// documents through the shuffle window in block order, so the output does not depend on the threads.
class Generator {
 public:
  Generator(const GenOptions& options, DocSink* sink, GenStats* stats)
      : opt_(options),
        preset_(options.preset),
        sink_(sink),
        stats_(stats),
        root_(options.seed),
        pool_rng_(root_.Fork(kPoolStream)) {
    threads_ = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    threads_ = std::min(threads_, 64u);
  }

  bool Run() {
    const uint64_t n = opt_.docs;
    uint64_t shorts = 0, empties = 0;
    if (n >= 20) {
      shorts = std::max<uint64_t>(preset_.min_short,
                                  static_cast<uint64_t>(static_cast<double>(n) * preset_.short_share));
      empties = std::max<uint64_t>(preset_.min_empty,
                                   static_cast<uint64_t>(static_cast<double>(n) * preset_.empty_share));
      shorts = std::min<uint64_t>(shorts, n / 4);
      empties = std::min<uint64_t>(empties, n / 4);
    }
    Rng plan = root_.Fork(kPlanStream);
    uint64_t remaining = n;
    uint64_t next_id = 0;
    std::vector<BlockPlan> batch;
    for (uint64_t block = 0; remaining > 0 && ok_; ++block) {
      BlockPlan p;
      p.block = block;
      const uint64_t specials = shorts + empties;
      if (specials > 0 && plan.Below(remaining) < specials) {
        const bool is_short = plan.Below(specials) < shorts;
        p.kind = is_short ? BlockKind::kShort : BlockKind::kEmpty;
        --(is_short ? shorts : empties);
      } else {
        const uint64_t budget = remaining - specials;
        if (budget >= 2 && plan.Chance(preset_.cluster_share)) {
          p.kind = BlockKind::kCluster;
          p.copies = static_cast<uint32_t>(1 + plan.Weighted(preset_.copies_weights));
          p.negatives = static_cast<uint32_t>(plan.Weighted(preset_.hard_negative_weights));
          while (p.size() > budget && p.negatives > 0) --p.negatives;
          while (p.size() > budget && p.copies > 1) --p.copies;
        }
      }
      p.first_id = next_id;
      next_id += p.size();
      remaining -= p.size();
      batch.push_back(p);
      if (batch.size() == kBatchBlocks) {
        RunBatch(batch);
        batch.clear();
      }
    }
    RunBatch(batch);
    while (!pool_.empty() && ok_) EmitOne();
    return ok_;
  }

 private:
  static constexpr size_t kBatchBlocks = 256;

  void RunBatch(const std::vector<BlockPlan>& batch) {
    std::vector<BlockOutput> outputs(batch.size());
    const unsigned workers = static_cast<unsigned>(std::min<size_t>(threads_, batch.size()));
    if (workers <= 1) {
      BlockMaker maker(preset_, opt_.seed);
      for (size_t i = 0; i < batch.size(); ++i) maker.Make(batch[i], &outputs[i]);
    } else {
      std::atomic<size_t> next{0};
      std::vector<std::thread> pool;
      for (unsigned t = 0; t < workers; ++t) {
        pool.emplace_back([&] {
          BlockMaker maker(preset_, opt_.seed);
          for (size_t i = next++; i < batch.size(); i = next++) maker.Make(batch[i], &outputs[i]);
        });
      }
      for (std::thread& t : pool) t.join();
    }
    for (BlockOutput& out : outputs) {
      Merge(out.stats);
      for (Pending& p : out.docs) {
        if (!ok_) return;
        pool_.push_back(std::move(p));
        if (pool_.size() >= std::max<size_t>(opt_.window, 1)) EmitOne();
      }
    }
  }

  void Merge(const GenStats& s) {
    stats_->docs += s.docs;
    for (int k = 0; k < static_cast<int>(DocKind::kCount); ++k) stats_->by_kind[k] += s.by_kind[k];
    stats_->non_english += s.non_english;
    stats_->words += s.words;
    stats_->non_ascii_words += s.non_ascii_words;
  }

  void EmitOne() {
    const size_t i = pool_rng_.Below(pool_.size());
    Pending& p = pool_[i];
    stats_->corpus_bytes += p.corpus.size();
    stats_->truth_bytes += p.truth.size();
    if (!sink_->Write(p.corpus, p.truth)) ok_ = false;
    if (i + 1 != pool_.size()) pool_[i] = std::move(pool_.back());
    pool_.pop_back();
  }

  const GenOptions& opt_;
  const Preset& preset_;
  DocSink* sink_;
  GenStats* stats_;
  Rng root_;
  Rng pool_rng_;
  unsigned threads_ = 1;
  std::vector<Pending> pool_;
  bool ok_ = true;
};

}  // namespace

const Preset* FindPreset(std::string_view name) {
  for (const Preset& p : Presets()) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

std::vector<std::string> PresetNames() {
  std::vector<std::string> names;
  for (const Preset& p : Presets()) names.push_back(p.name);
  return names;
}

const char* DocKindName(DocKind k) {
  switch (k) {
    case DocKind::kOriginal:
      return "original";
    case DocKind::kNearDuplicate:
      return "near_duplicate";
    case DocKind::kHardNegative:
      return "hard_negative";
    case DocKind::kUnrelated:
      return "unrelated";
    case DocKind::kShort:
      return "short";
    case DocKind::kEmpty:
      return "empty";
    case DocKind::kCount:
      break;
  }
  return "unknown";
}

bool Generate(const GenOptions& options, DocSink* sink, GenStats* stats) {
  Generator g(options, sink, stats);
  return g.Run();
}

}  // namespace neardup::datagen
