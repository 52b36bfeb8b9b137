// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// A generated corpus for the boilerplate benchmark, with every character labelled.
//
// Many invented sites, each with its own template: header and footer lines drawn from wording families
// of each furniture category, with variable parts (dates, titles, counters, authors, related headlines),
// plus lines of its own that no rule can know (slogans, edition lines, tip lines). Articles are invented
// prose, syndicated across sites with small edits; some sites run series of follow-ups that reuse a
// background paragraph; a quarter of the sites have only one or two articles, so rules must carry
// them; a few sites lose their line breaks (sentences are the units there), and a few re-wrap every
// line at a fixed width, so that a line is often a fragment of a sentence. Article text includes
// sentences that mention the furniture's words (copyright law, a minister's comments, a newsletter) and
// must stay.
//
// Wording families are split in two: the "tuning" families (and content phrasings) are what the rules
// were developed against; the "held-out" ones were written separately and never tuned on. Each site uses
// only one set, so the figures of held-out sites measure how well the rules and the learning generalize.
//
// Deterministic: the same options give the same corpus on any machine (datasets/gen/rng.h).

#ifndef NEARDUP_BENCH_BOILERPLATE_CORPUS_H_
#define NEARDUP_BENCH_BOILERPLATE_CORPUS_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "datasets/gen/rng.h"

namespace neardup::bench {

using datagen::Rng;

enum class Label : uint8_t { kNeutral, kBoilerplate, kContent };

struct LabelledDoc {
  std::string id, text, title, source;
  bool held_out = false;   ///< the site uses the held-out families
  bool flattened = false;  ///< the text has no line breaks
  bool wrapped = false;    ///< the site re-wraps its lines at a fixed width (soft line breaks)
  /// The story the article tells: documents with the same story are copies of one article (syndicated
  /// with small edits, or published twice by one site), the near-duplicate truth of `bench_boilerplate
  /// --dedup`; different stories are different articles, even on one site with one template.
  uint32_t story = 0;
  /// Code point ranges with a label; what no range covers (line breaks, blank lines, the repeated
  /// headline) is neutral: either answer is right there.
  std::vector<std::pair<std::pair<uint32_t, uint32_t>, Label>> ranges;
  /// For each range, what it is (an index into kPieceKinds): the furniture category of a boilerplate
  /// range ("byline", "own" for a site's own line, "link" for a related box's headline), "content" else.
  std::vector<uint8_t> kinds;
};

/// The kinds of labelled ranges (LabelledDoc::kinds), for reports by category.
inline constexpr const char* kPieceKinds[] = {
    "content", "copyright", "adblock", "comments", "related", "breadcrumb", "byline", "share", "newsletter",
    "cookie", "advertisement", "app", "attribution", "own", "link"};
enum PieceKind : uint8_t {
  kContentKind, kCopyrightKind, kAdblockKind, kCommentsKind, kRelatedKind, kBreadcrumbKind, kBylineKind,
  kShareKind, kNewsletterKind, kCookieKind, kAdvertisementKind, kAppKind, kAttributionKind, kOwnKind, kLinkKind};

struct BoilerplateCorpusOptions {
  uint64_t seed = 20260101;
  size_t sites = 160;
  size_t stories = 900;
  /// Share of the sites (with line breaks) that re-wrap every line at 68 to 79 columns, as text dumps
  /// and some scrapers do: a line is then often the tail of a sentence ("comment.", "March 4."). Drawn
  /// from a stream of its own, so that the rest of the corpus is the same for any value.
  double wrapped = 0.1;
  /// Paragraphs added to every new story (drawn from a stream of their own, so 0 gives the same corpus):
  /// the generated articles are short (4 to 9 paragraphs), real news runs longer, and the furniture is a
  /// smaller share of the text. 12 gives about a fifth of the lines as furniture.
  size_t extra_paragraphs = 0;
};

namespace corpus_internal {

inline size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

template <typename T>
const T& Pick(Rng* rng, const std::vector<T>& v) {
  return v[rng->Below(v.size())];
}

inline std::string Cap(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// ---------------------------------------------------------------- invented world

inline const std::vector<std::string>& Places() {
  static const std::vector<std::string> v = {
      "Corvale",  "Gullport",     "Marrowby",    "Ostrand",      "Pellwick", "Quarry Vale",
      "Redfen",   "Saltmere",     "Tarnholt",    "Upper Brisk",  "Velloway", "Westhaven",
      "Ashcombe", "Brindle Bay",  "Cold Harrow", "Dunmere",      "Elsworth", "Fennick",
      "Grayford", "Hollin Cross", "Ironmouth",   "Juniper Flats"};
  return v;
}
inline const std::vector<std::string>& People() {
  static const std::vector<std::string> v = {
      "Mara Quill", "Tobias Fenn", "Ilse Varga",   "Petra Lind",  "Oskar Brandt", "Nadia Rourke",
      "Emil Sauer", "Lena Okafor", "Rafael Moss",  "Greta Holm",  "Yusuf Aydin",  "Clara Novak",
      "Jonas Reed", "Amira Tell",  "Hugo Pernell", "Sofia Drake", "Anton Vail",   "Irene Cask"};
  return v;
}
inline const std::vector<std::string>& Orgs() {
  static const std::vector<std::string> v = {
      "the harbor authority",    "the water board",          "the regional council",
      "the transport committee", "the growers' cooperative", "the teachers' union",
      "the fisheries office",    "the county hospital",      "the port operator",
      "the planning department", "the rail company",         "the housing trust"};
  return v;
}
inline const std::vector<std::string>& Roles() {
  static const std::vector<std::string> v = {"a spokeswoman for", "the director of", "a spokesman for",
                                             "the chair of",      "an engineer at",  "a lawyer for"};
  return v;
}
inline const std::vector<std::string>& Topics() {
  static const std::vector<std::string> v = {
      "the ferry timetable", "the new tram line",  "the reservoir levels", "the school budget",
      "the bridge repairs",  "the fishing quotas", "the hospital wing",    "the housing plan",
      "the harbor dredging", "the rail strike",    "the flood barrier",    "the market hall lease"};
  return v;
}
inline const std::vector<std::string>& Months() {
  static const std::vector<std::string> v = {"January",   "February", "March",    "April",
                                             "May",       "June",     "July",     "August",
                                             "September", "October",  "November", "December"};
  return v;
}
inline const std::vector<std::string>& Weekdays() {
  static const std::vector<std::string> v = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                             "Friday", "Saturday", "Sunday"};
  return v;
}
inline const std::vector<std::string>& Sections() {
  static const std::vector<std::string> v = {"News",        "Local",     "Politics", "Business",
                                             "Environment", "Transport", "Region",   "Economy"};
  return v;
}

// One sentence of article prose.
inline std::string ProseSentence(Rng* rng) {
  const std::string place = Pick(rng, Places()), org = Pick(rng, Orgs()), topic = Pick(rng, Topics());
  const std::string person = Pick(rng, People()), day = Pick(rng, Weekdays());
  const std::string n = std::to_string(rng->Range(2, 950));
  switch (rng->Below(12)) {
    case 0:
      return Cap(org) + " said on " + day + " that " + topic + " in " + place +
             " would be reviewed before the end of " + Pick(rng, Months()) + ".";
    case 1:
      return person + ", " + Pick(rng, Roles()) + " " + org +
             ", told reporters that the delays had cost about " + n + " thousand euros so far.";
    case 2:
      return "Residents of " + place + " have complained for months about " + topic +
             ", and a petition with " + n + " signatures was handed in last week.";
    case 3:
      return "The decision follows a long dispute between " + org + " and " + Pick(rng, Orgs()) +
             " over who should pay for " + topic + ".";
    case 4:
      return "\"We were never consulted,\" said " + person + ", who has lived in " + place + " for " + n +
             " years.";
    case 5:
      return "Figures published by " + org + " show that " + n + " households in " + place +
             " were affected, almost twice as many as the year before.";
    case 6:
      return "Critics say " + topic + " was rushed through without a proper study of the costs.";
    case 7:
      return "A public meeting on " + topic + " is planned for " + day + " evening in the " + place +
             " community hall.";
    case 8:
      return "Work on " + topic + " was halted in " + Pick(rng, Months()) +
             " after inspectors found cracks in two of the supports.";
    case 9:
      return person + " said the plan for " + place + " was \"the best we could do with the money we had.\"";
    case 10:
      return "The vote in " + org + " was close, with " + n + " members in favor and several abstaining.";
    default:
      return "Officials in " + place + " expect " + topic +
             " to be settled by the spring, although no date has been set.";
  }
}

// Article sentences that mention the furniture's words, tuning and held-out phrasings. "{o}", "{p}" and
// "{w}" are filled with an organisation, a place and a person, so that two articles rarely share one
// verbatim (when they do, it is an article's stock phrase: see StockSentence).
inline const std::vector<std::string>& ContentTraps(bool held_out) {
  static const std::vector<std::string> tuning = {
      "The minister's comments on the contract with {o} drew sharp criticism from the union.",
      "A draft copyright law would also cover photographs that residents of {p} post online.",
      "Subscribers to the newsletter of {o} were told of the vote before the official notice.",
      "Share prices of {o} rose four percent after the announcement.",
      "By Thursday the water had receded from the lower streets of {p}.",
      "Home prices in {p} rose six percent last year.",
      "Residents of {p} can download the city's app to report broken street lights.",
      "The bakery in {p} sold more than two thousand oatmeal cookies during the festival.",
      "Comments from the public on {o} will be accepted until the end of the month.",
      "Related charges against {w} were dropped in March.",
      "Advertising revenue at the {p} paper fell for a third straight year.",
  };
  static const std::vector<std::string> held = {
      "Advertisement spending by {o} doubled in two years, auditors found.",
      "Comments by {w} were later withdrawn.",
      "Newsletter publishers in {p} say postal costs have risen sharply since spring.",
      "Cookie sales at the {p} school fair raised enough to repaint the library.",
      "Download speeds in {p} will triple once the new cable is laid.",
      "By March, the bridge at {p} was open to traffic again.",
      "Print editions will be delivered to {p} on Saturdays only from next month.",
      "Email records show {o} signed the contract before the tender closed.",
      "Follow the money, {w} told the committee.",
      "All rights to the {p} quarry were sold to a private company in 2019.",
      "Sign language interpreters will attend every meeting of {o} from April.",
  };
  return held_out ? held : tuning;
}

inline std::string Fill(std::string s, Rng* rng) {
  const std::pair<const char*, const std::vector<std::string>*> slots[] = {
      {"{o}", &Orgs()}, {"{p}", &Places()}, {"{w}", &People()}};
  for (const auto& [slot, words] : slots) {
    const size_t at = s.find(slot);
    if (at != std::string::npos) s.replace(at, 3, Pick(rng, *words));
  }
  return s;
}

// The stock phrases of news writing: the same sentence, verbatim, in many articles of a site.
inline std::string StockSentence(Rng* rng) {
  static const std::vector<std::string> v = {"The company did not respond to a request for comment.",
                                             "The investigation is continuing.", "No one was injured.",
                                             "The council will vote on the proposal next month."};
  return Pick(rng, v);
}

inline std::string Paragraph(Rng* rng, bool held_out) {
  if (rng->Chance(0.12)) return Fill(Pick(rng, ContentTraps(held_out)), rng);  // a one-sentence paragraph
  if (rng->Chance(0.02)) return StockSentence(rng);
  std::string p;
  const int sentences = static_cast<int>(rng->Range(1, 4));
  for (int s = 0; s < sentences; ++s) {
    if (s > 0) p += ' ';
    p += rng->Chance(0.06) ? Fill(Pick(rng, ContentTraps(held_out)), rng) : ProseSentence(rng);
  }
  return p;
}

inline std::string Headline(Rng* rng) {
  static const std::vector<std::string> verbs = {"delays", "approves", "rejects", "reopens", "questions",
                                                 "cuts",   "extends",  "halts",   "backs",   "revives"};
  static const std::vector<std::string> nouns = {"Council",  "Port",  "Water board", "Union",
                                                 "Ministry", "Court", "Hospital",    "Cooperative"};
  std::string topic = Pick(rng, Topics());
  topic = topic.substr(4);  // without "the "
  return Pick(rng, Places()) + " " + Pick(rng, nouns) + " " + Pick(rng, verbs) + " " + topic + " plan";
}

// ---------------------------------------------------------------- stories

struct Story {
  std::string title;
  std::vector<std::string> paragraphs;
  uint32_t id = 0;  ///< its index among the published stories; copies keep it
};

// A light edit of a syndicated copy: one word swapped or a number changed in about a third of the
// paragraphs, sometimes a paragraph dropped.
inline Story Edit(const Story& s, Rng* rng) {
  static const std::vector<std::pair<std::string, std::string>> swaps = {
      {" said ", " stated "},          {" about ", " roughly "},  {" planned ", " scheduled "},
      {" complained ", " protested "}, {" halted ", " stopped "}, {" expect ", " anticipate "}};
  Story out = s;
  for (std::string& p : out.paragraphs) {
    if (!rng->Chance(0.35)) continue;
    const auto& [from, to] = Pick(rng, swaps);
    const size_t at = p.find(from);
    if (at != std::string::npos) p.replace(at, from.size(), to);
  }
  if (out.paragraphs.size() > 4 && rng->Chance(0.3)) {
    out.paragraphs.erase(out.paragraphs.begin() + static_cast<long>(rng->Below(out.paragraphs.size())));
  }
  return out;
}

// ---------------------------------------------------------------- furniture

// What a template line may depend on.
struct Context {
  std::string site, domain, title, author, author2, section, city, agency, place;
  std::vector<std::string> other_titles;
  int year = 2026, month = 0, day = 1, counter = 0;
};

using LineFn = std::function<std::string(Rng*, const Context&)>;

inline std::string Date(const Context& c) {
  return Months()[c.month] + " " + std::to_string(c.day) + ", " + std::to_string(c.year);
}

// Furniture families by category: tuning (what the rules were developed against) and held-out.
struct Families {
  std::vector<LineFn> copyright, adblock, comments, related_head, related_inline, breadcrumb, byline, share,
      newsletter, cookie, advertisement, app, attribution;
};

inline const Families& TuningFamilies() {
  static const Families f = [] {
    Families t;
    t.copyright = {[](Rng*, const Context& c) {
                     return "\xC2\xA9 " + std::to_string(c.year) + " " + c.site + ". All rights reserved.";
                   },
                   [](Rng*, const Context& c) {
                     return "Copyright \xC2\xA9 " + std::to_string(c.year) + " " + c.site +
                            " Media. All Rights Reserved.";
                   },
                   [](Rng*, const Context& c) {
                     return "\xC2\xA9 " + std::to_string(c.year) + " " + c.site +
                            ". All rights reserved. Do not reproduce without permission.";
                   }};
    t.adblock = {
        [](Rng*, const Context&) { return std::string("Adblock Detected"); },
        [](Rng*, const Context&) { return std::string("Please support us by disabling your ad blocker."); },
        [](Rng*, const Context&) { return std::string("We noticed you are using an ad blocker."); }};
    t.comments = {
        [](Rng*, const Context&) { return std::string("Leave a Comment"); },
        [](Rng*, const Context& c) { return std::to_string(c.counter % 40) + " Comments"; },
        [](Rng*, const Context&) { return std::string("This website uses Spamshield to reduce spam."); },
        [](Rng*, const Context&) {
          return std::string("Your email address will not be published. Required fields are marked *");
        }};
    t.related_head = {[](Rng*, const Context&) { return std::string("You may also like"); },
                      [](Rng*, const Context&) { return std::string("Related Articles"); },
                      [](Rng*, const Context&) { return std::string("Read next"); }};
    t.related_inline = {[](Rng*, const Context& c) { return "Read more: " + c.other_titles[0]; },
                        [](Rng*, const Context& c) { return "Related: " + c.other_titles[0]; }};
    t.breadcrumb = {
        [](Rng*, const Context& c) { return "Home \xC2\xBB " + c.section + " \xC2\xBB " + c.title; },
        [](Rng*, const Context& c) { return "Home > " + c.section + " > " + c.title; }};
    t.byline = {[](Rng*, const Context& c) { return "by " + c.author + " Senior News Editor"; },
                [](Rng*, const Context& c) { return "By " + c.author + " | " + Date(c); },
                [](Rng*, const Context& c) { return "By " + c.author + ", Staff Writer"; }};
    t.share = {[](Rng*, const Context&) { return std::string("Share this: Facebook | X | Email"); },
               [](Rng*, const Context&) { return std::string("Share on Facebook"); },
               [](Rng*, const Context&) { return std::string("Facebook Twitter LinkedIn Email"); }};
    t.newsletter = {
        [](Rng*, const Context&) { return std::string("Sign up for our newsletter"); },
        [](Rng*, const Context&) {
          return std::string("Subscribe to our daily newsletter for the latest news.");
        },
        [](Rng*, const Context&) { return std::string("Get the latest news delivered to your inbox."); }};
    t.cookie = {[](Rng*, const Context&) {
                  return std::string("This website uses cookies to improve your experience.");
                },
                [](Rng*, const Context&) {
                  return std::string("We use cookies to ensure you get the best experience on our website.");
                },
                [](Rng*, const Context&) { return std::string("Accept all cookies"); }};
    t.advertisement = {[](Rng*, const Context&) { return std::string("Advertisement"); },
                       [](Rng*, const Context&) { return std::string("ADVERTISEMENT"); },
                       [](Rng*, const Context&) { return std::string("Sponsored Content"); }};
    t.app = {[](Rng*, const Context&) { return std::string("Download our app for the latest news."); },
             [](Rng*, const Context& c) { return "Get the " + c.site.substr(4) + " app"; },
             [](Rng*, const Context&) { return std::string("Available on the App Store and Google Play"); }};
    t.attribution = {[](Rng*, const Context& c) { return c.domain + " informs, citing " + c.agency + ", "; },
                     [](Rng*, const Context& c) { return c.site + " reports, citing " + c.agency + ", "; }};
    return t;
  }();
  return f;
}

inline const Families& HeldOutFamilies() {
  static const Families f = [] {
    Families h;
    h.copyright = {[](Rng*, const Context& c) {
                     return c.site + " \xC2\xA9 " + std::to_string(c.year) + " | All rights reserved";
                   },
                   [](Rng*, const Context& c) {
                     return "Copyright " + std::to_string(c.year) + " " + c.site +
                            " Ltd. Reproduction without consent is prohibited.";
                   },
                   [](Rng*, const Context& c) {
                     return "Content on this site is copyright " + c.site + " " + std::to_string(c.year) +
                            ", unless stated otherwise.";
                   }};
    h.adblock = {[](Rng*, const Context&) {
                   return std::string("Ad-block enabled? We rely on ads to pay our reporters.");
                 },
                 [](Rng*, const Context& c) {
                   return "Looks like you're blocking ads. Please add " + c.domain + " to your allowlist.";
                 },
                 [](Rng*, const Context&) {
                   return std::string("To keep reading, please turn off your ad blocker or subscribe.");
                 }};
    h.comments = {
        [](Rng*, const Context& c) { return "Comments (" + std::to_string(c.counter % 25) + ")"; },
        [](Rng*, const Context&) { return std::string("Join the discussion"); },
        [](Rng*, const Context&) { return std::string("Have your say: post a comment below"); },
        [](Rng*, const Context& c) { return "Show " + std::to_string(3 + c.counter % 30) + " comments"; }};
    h.related_head = {[](Rng*, const Context& c) { return "More from " + c.site; },
                      [](Rng*, const Context&) { return std::string("Recommended for you"); },
                      [](Rng*, const Context&) { return std::string("Further reading"); }};
    h.related_inline = {[](Rng*, const Context& c) { return "Also on " + c.site + ": " + c.other_titles[0]; },
                        [](Rng*, const Context& c) { return "Don't miss: " + c.other_titles[0]; }};
    h.breadcrumb = {[](Rng*, const Context& c) { return c.section + " / " + c.place + " / Latest"; },
                    [](Rng*, const Context& c) { return "Home / " + c.section; },
                    [](Rng*, const Context& c) { return c.site + " \xE2\x80\xBA " + c.section; }};
    h.byline = {
        [](Rng*, const Context& c) { return "Words: " + c.author + " \xC2\xB7 Photos: " + c.author2; },
        [](Rng*, const Context& c) { return c.author + " \xE2\x80\x94 " + c.section + " desk"; },
        [](Rng*, const Context& c) { return "Posted on " + Date(c) + " by " + c.author; }};
    h.share = {[](Rng*, const Context&) { return std::string("Tweet Share Pin Email"); },
               [](Rng*, const Context&) { return std::string("Send this story to a friend"); },
               [](Rng*, const Context&) { return std::string("Share via WhatsApp"); }};
    h.newsletter = {
        [](Rng*, const Context& c) { return c.site + " Briefing: every weekday at 7am. Sign up free."; },
        [](Rng*, const Context&) {
          return std::string("Want stories like this in your inbox? Join our mailing list.");
        },
        [](Rng*, const Context&) {
          return std::string("Enter your email address to receive our weekly digest");
        }};
    h.cookie = {[](Rng*, const Context&) {
                  return std::string(
                      "Cookies help us deliver our services. By using our services, you agree to our use of "
                      "cookies.");
                },
                [](Rng*, const Context&) { return std::string("Manage cookie preferences"); },
                [](Rng*, const Context&) {
                  return std::string("This site stores cookies on your device. Learn more");
                }};
    h.advertisement = {
        [](Rng*, const Context&) { return std::string("- Advertisement -"); },
        [](Rng*, const Context&) { return std::string("Story continues below advertisement"); },
        [](Rng*, const Context&) { return std::string("AD"); },
        [](Rng*, const Context&) { return std::string("Paid partner content"); }};
    h.app = {
        [](Rng*, const Context& c) { return "Read " + c.site + " on the go: iOS | Android"; },
        [](Rng*, const Context&) { return std::string("Install our free app and never miss a headline"); },
        [](Rng*, const Context&) { return std::string("Our app is better: get it on Google Play"); }};
    h.attribution = {
        [](Rng*, const Context& c) { return c.city + " (" + c.agency + ") \xE2\x80\x94 "; },
        [](Rng*, const Context& c) { return c.site + " writes, referring to " + c.agency + ", "; },
        [](Rng*, const Context& c) { return "As " + c.site + " was told by " + c.agency + ", "; }};
    return h;
  }();
  return f;
}

// ---------------------------------------------------------------- sites

// Lines of a site's own that no rule can know: learned from repeats, or missed on small sites.
inline const std::vector<LineFn>& OwnLines() {
  static const std::vector<LineFn> v = {
      [](Rng*, const Context& c) {
        return c.site + " \xE2\x80\x94 independent news for the " + c.place + " coast";
      },
      [](Rng*, const Context& c) {
        return "Edition " + std::to_string(2000 + c.counter) + " \xC2\xB7 " + Weekdays()[c.counter % 7];
      },
      [](Rng*, const Context& c) {
        return c.site + " newsroom tip line: 0" + std::to_string(300 + c.counter % 97) + " 5501";
      },
      [](Rng*, const Context& c) {
        return "Serving " + c.place + " and the valley since 19" + std::to_string(10 + c.counter % 80);
      },
      [](Rng*, const Context& c) {
        return "Printed edition no. " + std::to_string(c.counter) + ", " + Date(c);
      },
      [](Rng*, const Context& c) {
        return "Stories from " + c.place + ", told by the people who live there";
      },
  };
  return v;
}

struct Slot {
  LineFn fn;
  double per_doc = 1.0;  // how often a document of the site has the line
  bool related_box = false;
  PieceKind kind = kOwnKind;  // for reports only
};

struct Site {
  std::string name, domain, place;
  bool held_out = false, flattened = false, tight = false;
  std::vector<Slot> head, tail;
  std::vector<Slot> mid;
  LineFn attribution;
  std::vector<std::string> authors;
};

inline Site MakeSite(size_t index, Rng* rng) {
  static const std::vector<std::string> nouns = {"Sentinel",  "Courier",  "Ledger",  "Gazette", "Observer",
                                                 "Chronicle", "Dispatch", "Record",  "Tribune", "Beacon",
                                                 "Bulletin",  "Mercury",  "Lantern", "Signal"};
  Site site;
  site.place = Pick(rng, Places());
  const std::string noun = nouns[index % nouns.size()];
  site.name = "The " + site.place + " " + noun;
  std::string d;
  for (const char c : site.place + noun) {
    if (c != ' ') d += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  site.domain = d + std::to_string(index) + (index % 2 ? ".info" : ".net");
  site.held_out = index % 2 == 1;
  site.flattened = rng->Chance(0.08);
  site.tight = rng->Chance(0.3);
  const Families& f = site.held_out ? HeldOutFamilies() : TuningFamilies();
  auto maybe = [&](std::vector<Slot>* where, const std::vector<LineFn>& family, double p_site,
                   double per_doc, PieceKind kind) {
    if (rng->Chance(p_site)) where->push_back({Pick(rng, family), per_doc, false, kind});
  };
  maybe(&site.head, f.breadcrumb, 0.5, 1.0, kBreadcrumbKind);
  maybe(&site.head, OwnLines(), 0.4, 1.0, kOwnKind);
  maybe(&site.head, f.byline, 0.7, 0.95, kBylineKind);
  maybe(&site.mid, f.advertisement, 0.4, 0.8, kAdvertisementKind);
  maybe(&site.mid, f.related_inline, 0.25, 0.5, kRelatedKind);
  maybe(&site.tail, f.share, 0.5, 0.9, kShareKind);
  if (rng->Chance(0.4)) site.tail.push_back({Pick(rng, f.related_head), 0.9, true, kRelatedKind});
  maybe(&site.tail, f.comments, 0.5, 0.9, kCommentsKind);
  maybe(&site.tail, f.comments, 0.2, 0.9, kCommentsKind);
  maybe(&site.tail, f.newsletter, 0.4, 0.85, kNewsletterKind);
  maybe(&site.tail, f.app, 0.25, 0.85, kAppKind);
  maybe(&site.tail, OwnLines(), 0.45, 0.95, kOwnKind);
  maybe(&site.tail, f.cookie, 0.35, 1.0, kCookieKind);
  maybe(&site.tail, f.adblock, 0.25, 1.0, kAdblockKind);
  maybe(&site.tail, f.copyright, 0.8, 1.0, kCopyrightKind);
  rng->Shuffle(&site.tail);
  // The copyright line, when there is one, closes the page more often than not.
  if (rng->Below(2) == 0) {
    std::stable_partition(site.tail.begin(), site.tail.end(), [&](const Slot& s) {
      const std::string probe =
          s.fn(rng, Context{"The X", "x.net", "T", "A", "B", "S", "C", "G", "P", {"O"}, 2026});
      return probe.find("\xC2\xA9") == std::string::npos && probe.find("opyright") == std::string::npos;
    });
  }
  if (rng->Chance(0.2)) site.attribution = Pick(rng, f.attribution);
  for (int a = 0; a < 3; ++a) site.authors.push_back(Pick(rng, People()));
  return site;
}

// Assembles one document from labelled pieces.
class DocWriter {
 public:
  explicit DocWriter(const Site& site) : separator_(site.flattened ? " " : site.tight ? "\n" : "\n\n") {}

  void Add(const std::string& text, Label label, PieceKind kind = kContentKind) {
    if (!doc_.text.empty()) Append(separator_, Label::kNeutral, kContentKind);
    Append(text, label, kind);
  }
  // A lead-in glued to the paragraph it opens.
  void AddWithLeadIn(const std::string& lead, const std::string& paragraph) {
    if (!doc_.text.empty()) Append(separator_, Label::kNeutral, kContentKind);
    Append(lead, Label::kBoilerplate, kAttributionKind);
    Append(paragraph, Label::kContent, kContentKind);
  }
  LabelledDoc Finish() {
    doc_.text += "\n";
    return std::move(doc_);
  }

 private:
  void Append(const std::string& text, Label label, PieceKind kind) {
    const uint32_t begin = static_cast<uint32_t>(cp_);
    cp_ += CodePoints(text);
    doc_.text += text;
    if (label != Label::kNeutral) {
      doc_.ranges.push_back({{begin, static_cast<uint32_t>(cp_)}, label});
      doc_.kinds.push_back(kind);
    }
  }

  std::string separator_;
  LabelledDoc doc_;
  size_t cp_ = 0;
};

inline LabelledDoc WriteDoc(const Site& site, const Story& story, int counter, Rng* rng) {
  Context c;
  c.site = site.name;
  c.domain = site.domain;
  c.title = story.title;
  c.author = site.authors[rng->Below(site.authors.size())];
  c.author2 = site.authors[rng->Below(site.authors.size())];
  c.section = Pick(rng, Sections());
  c.place = site.place;
  c.city = site.place;
  for (char& ch : c.city) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
  static const std::vector<std::string> agencies = {"Coast Wire", "Valley Press Agency", "Northern Radio",
                                                    "Harbor Daily", "Island Report"};
  c.agency = Pick(rng, agencies);
  c.month = static_cast<int>(rng->Below(12));
  c.day = static_cast<int>(rng->Range(1, 28));
  c.counter = counter;
  for (int k = 0; k < 4; ++k) c.other_titles.push_back(Headline(rng));

  DocWriter w(site);
  for (const Slot& s : site.head) {
    if (rng->Chance(s.per_doc)) w.Add(s.fn(rng, c), Label::kBoilerplate, s.kind);
  }
  // The headline repeated in the text: either answer is right.
  if (!site.flattened || rng->Chance(0.5)) w.Add(story.title, Label::kNeutral);
  const bool lead_in = static_cast<bool>(site.attribution) && rng->Chance(0.7);
  for (size_t p = 0; p < story.paragraphs.size(); ++p) {
    if (p == 0 && lead_in) {
      std::string first = story.paragraphs[0];
      if (first[0] >= 'A' && first[0] <= 'Z' && first.compare(0, 4, "The ") == 0) first[0] = 't';
      w.AddWithLeadIn(site.attribution(rng, c), first);
    } else {
      w.Add(story.paragraphs[p], Label::kContent);
    }
    if (p == 1 || p == 3) {
      for (const Slot& s : site.mid) {
        if (rng->Chance(s.per_doc / 2)) w.Add(s.fn(rng, c), Label::kBoilerplate, s.kind);
      }
    }
  }
  for (const Slot& s : site.tail) {
    if (!rng->Chance(s.per_doc)) continue;
    w.Add(s.fn(rng, c), Label::kBoilerplate, s.kind);
    if (s.related_box) {
      const size_t links = 2 + rng->Below(3);
      for (size_t k = 0; k < links; ++k) w.Add(c.other_titles[k], Label::kBoilerplate, kLinkKind);
    }
  }
  LabelledDoc doc = w.Finish();
  doc.title = story.title;
  doc.source = site.domain;
  doc.held_out = site.held_out;
  doc.flattened = site.flattened;
  doc.story = story.id;
  return doc;
}

// Re-wraps every line of `text` greedily at `width` code points by turning the space before a word that
// does not fit into a line break. One code point for one, so the labelled ranges stay valid.
inline void Rewrap(size_t width, std::string* text) {
  size_t column = 0, last_space = std::string::npos, column_at_space = 0;
  for (size_t i = 0; i < text->size(); ++i) {
    const char c = (*text)[i];
    if (c == '\n') {
      column = 0;
      last_space = std::string::npos;
      continue;
    }
    if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;  // inside a code point
    if (c == ' ') {
      last_space = i;
      column_at_space = column;
    }
    ++column;
    if (column > width && last_space != std::string::npos) {
      (*text)[last_space] = '\n';
      column -= column_at_space + 1;
      last_space = std::string::npos;
    }
  }
}

}  // namespace corpus_internal

// The corpus: sites in order, each site's documents in publication order.
inline std::vector<LabelledDoc> MakeBoilerplateCorpus(const BoilerplateCorpusOptions& options) {
  using namespace corpus_internal;  // NOLINT: the generator's own vocabulary
  Rng root(options.seed);
  const Rng wrap_root = root.Fork(0x77726170);   // "wrap": a stream the other draws never use
  const Rng extra_root = root.Fork(0x6d6f7265);  // "more"
  std::vector<Story> published;                  // stories already out, for syndication
  std::vector<LabelledDoc> docs;
  for (size_t i = 0; i < options.sites; ++i) {
    Rng rng = root.Fork(i);
    const Site site = MakeSite(i, &rng);
    Rng wrap_rng = wrap_root.Fork(i);
    const bool wrap = !site.flattened && wrap_rng.Chance(options.wrapped);
    const size_t width = 68 + wrap_rng.Below(12);
    // A quarter of the sites have one or two articles; the rest 3 to 40, most of them few.
    size_t articles =
        rng.Chance(0.25) ? 1 + rng.Below(2) : 3 + rng.Below(8) + (rng.Chance(0.3) ? rng.Below(30) : 0);
    // A series of follow-ups that reuse one background paragraph.
    std::string background;
    size_t series = 0;
    if (articles >= 5 && rng.Chance(0.4)) {
      series = 3 + rng.Below(2);
      background = Paragraph(&rng, site.held_out) + " " + ProseSentence(&rng);
    }
    std::vector<Story> own;
    for (size_t a = 0; a < articles; ++a) {
      Story story;
      if (!published.empty() && rng.Chance(0.2)) {
        story = Edit(published[rng.Below(published.size())], &rng);  // syndicated with small edits
      } else if (!own.empty() && rng.Chance(0.04)) {
        story = own[rng.Below(own.size())];  // published twice by the site
      } else {
        story.title = Headline(&rng);
        const size_t paragraphs = 4 + rng.Below(6);
        for (size_t p = 0; p < paragraphs; ++p) story.paragraphs.push_back(Paragraph(&rng, site.held_out));
        if (a < series) {
          const size_t at = rng.Below(story.paragraphs.size() + 1);
          story.paragraphs.insert(story.paragraphs.begin() + static_cast<long>(at), background);
        }
        Rng extra_rng = extra_root.Fork(i * 4096 + a);
        for (size_t k = 0; k < options.extra_paragraphs; ++k) {
          story.paragraphs.push_back(Paragraph(&extra_rng, site.held_out));
        }
        story.id = static_cast<uint32_t>(published.size());
        published.push_back(story);
      }
      own.push_back(story);
      LabelledDoc doc = WriteDoc(site, story, static_cast<int>(a), &rng);
      doc.id = site.domain + "/" + std::to_string(a);
      if (wrap) {
        Rewrap(width, &doc.text);
        doc.wrapped = true;
      }
      docs.push_back(std::move(doc));
    }
  }
  return docs;
}

// Every line of every document of the corpus `options` makes, in order, without its '\n' (empty lines
// included): what tests run the rules on.
inline std::vector<std::string> MakeBoilerplateCorpusLines(const BoilerplateCorpusOptions& options) {
  std::vector<std::string> lines;
  for (const LabelledDoc& d : MakeBoilerplateCorpus(options)) {
    size_t pos = 0;
    while (pos < d.text.size()) {
      size_t eol = d.text.find('\n', pos);
      if (eol == std::string::npos) eol = d.text.size();
      lines.push_back(d.text.substr(pos, eol - pos));
      pos = eol + 1;
    }
  }
  return lines;
}

}  // namespace neardup::bench

#endif  // NEARDUP_BENCH_BOILERPLATE_CORPUS_H_
