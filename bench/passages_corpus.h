// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// A deterministic corpus for the passage benchmark (bench/tool_passages.cc): news-like articles from an
// invented vocabulary, with the passages two documents share planted and recorded.
//
// - Words follow a Zipf law over an invented vocabulary (a few very frequent "function words"), and a
//   fifth of the sentences carry one of a few hundred stock phrases ("according to ..."-like), so that
//   common word sequences link unrelated articles the way they do in real news.
// - Every site (source) has a header and a footer line that are boilerplate: they are left out of the
//   document's ranges, as the boilerplate stage would.
// - Quotes: about half of the articles quote 1-3 passages of the 2,000 articles before them, 15-25,
//   25-50 or 50-120 words long, with light edits: about one word in twelve substituted, an occasional word
//   inserted or dropped, commas and quotation marks changed, and the quote either a paragraph of its own or
//   merged into one of the article's paragraphs.
// - Wire paragraphs: paragraphs quoted by 10-100 articles, each article editing its copy on its own.
// - Site background: a paragraph one site repeats (lightly edited) in 3-8 of its own follow-up stories.
//
// A planted passage is a pair of documents with the span each holds, in code points; for wire and
// background paragraphs every two copies are a planted passage.

#ifndef NEARDUP_BENCH_PASSAGES_CORPUS_H_
#define NEARDUP_BENCH_PASSAGES_CORPUS_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace neardup::bench {

struct PassageCorpusParams {
  size_t docs = 20000;
  uint64_t seed = 1;
  size_t vocabulary = 40000;
  size_t stock_phrases = 400;
  size_t sites = 200;
  double quoting_fraction = 0.5;   // articles that quote 1-3 passages of earlier articles
  size_t wire_paragraphs = 60;     // each quoted by 10-100 articles
  double substitution = 1.0 / 12;  // per quoted word
  double indel = 0.01;             // per quoted word, each of insertion and deletion
};

struct PlantedPassage {
  uint32_t x, y;            // documents, x < y
  uint32_t x_start, x_end;  // code points in x
  uint32_t y_start, y_end;  // code points in y
  uint32_t words;           // length of the original passage in words
  uint32_t sharing;         // documents holding a copy of the passage (2 for a plain quote)
};

struct PassageCorpus {
  std::vector<std::string> texts;
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> ranges;  // code points, outside boilerplate
  std::vector<PlantedPassage> planted;
};

namespace passages_corpus_internal {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  size_t Between(size_t lo, size_t hi) { return lo + Below(hi - lo + 1); }  // inclusive
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Uniform() < p; }

 private:
  uint64_t state_;
};

// What follows a word.
enum class After : uint8_t { kSpace, kComma, kStop, kQuestion, kDash };

inline const char* AfterText(After a) {
  switch (a) {
    case After::kSpace:
      return " ";
    case After::kComma:
      return ", ";
    case After::kStop:
      return ". ";
    case After::kQuestion:
      return "? ";
    case After::kDash:
      return " \xE2\x80\x94 ";  // an em dash
  }
  return " ";
}

// A word as generated (an index into the vocabulary) and what follows it. Small, because the generator
// keeps every article's own words for later articles to quote.
struct Token {
  uint32_t word;
  After after = After::kSpace;
  bool capital = false;  // first word of a sentence
};

class Generator {
 public:
  explicit Generator(const PassageCorpusParams& p) : p_(p), rng_(p.seed) {
    static const char* kSyllables[] = {"ba",  "ke",   "lo", "mir", "tan", "su",  "ve",  "dor", "pri", "ga",
                                       "hul", "zen",  "ro", "fi",  "nak", "tel", "wu",  "sar", "cho", "di",
                                       "mo",  "quen", "lu", "pes", "tra", "vin", "xo",  "yel", "bri", "ost",
                                       "ar",  "em",   "ik", "un",  "rel", "dan", "sko", "fre", "gli", "mur"};
    std::set<std::string> seen;
    while (vocab_.size() < p_.vocabulary) {
      std::string w;
      const size_t syllables = 1 + rng_.Below(4);
      for (size_t s = 0; s < syllables; ++s) w += kSyllables[rng_.Below(40)];
      if (rng_.Chance(0.01)) w += "\xC3\xA9";  // a few words end in é (the tokenizer's ICU path)
      if (seen.insert(w).second) vocab_.push_back(w);
    }
    // Zipf(1) cumulative weights; the vocabulary order is random, so frequent words are of any length.
    double total = 0;
    for (size_t r = 0; r < vocab_.size(); ++r) cdf_.push_back(total += 1.0 / static_cast<double>(r + 1));
    for (double& c : cdf_) c /= total;
    for (size_t i = 0; i < p_.stock_phrases; ++i) {
      std::vector<uint32_t> phrase;
      const size_t n = rng_.Between(3, 7);
      for (size_t w = 0; w < n; ++w) phrase.push_back(ZipfWord());
      stock_.push_back(phrase);
    }
  }

  PassageCorpus Make() {
    PassageCorpus corpus;
    docs_.resize(p_.docs);
    site_header_.resize(p_.sites);
    site_footer_.resize(p_.sites);
    for (size_t s = 0; s < p_.sites; ++s) {
      site_header_[s] = "Site " + std::to_string(s) + " \xE2\x80\x94 " + vocab_[Sentence(6)[0].word] +
                        " news | home | world";
      site_footer_[s] = "\xC2\xA9 2026 " + std::to_string(s) + " media group. All rights reserved.";
    }
    // Wire paragraphs and their quoting articles.
    std::vector<std::vector<size_t>> wire_docs(p_.wire_paragraphs);
    std::vector<std::vector<Token>> wire_text(p_.wire_paragraphs);
    for (size_t w = 0; w < p_.wire_paragraphs; ++w) {
      wire_text[w] = Passage(LengthClass(w % 3));
      // Log-uniform between 10 and 100 documents.
      const size_t n = static_cast<size_t>(std::round(10.0 * std::pow(10.0, rng_.Uniform())));
      std::set<size_t> chosen;
      while (chosen.size() < std::min(n, p_.docs)) chosen.insert(rng_.Below(p_.docs));
      wire_docs[w].assign(chosen.begin(), chosen.end());
    }
    std::vector<std::vector<std::pair<size_t, size_t>>> doc_wires(p_.docs);  // (wire, copy index)
    for (size_t w = 0; w < p_.wire_paragraphs; ++w) {
      for (size_t i = 0; i < wire_docs[w].size(); ++i) doc_wires[wire_docs[w][i]].push_back({w, i});
    }
    std::vector<std::vector<std::pair<uint32_t, std::pair<uint32_t, uint32_t>>>> wire_copies(
        p_.wire_paragraphs);
    // Site background paragraphs: one per site, reused by 3-8 of its articles.
    std::vector<std::vector<Token>> background(p_.sites);
    std::vector<size_t> background_left(p_.sites);
    for (size_t s = 0; s < p_.sites; ++s) {
      background[s] = Passage(LengthClass(s % 3));
      background_left[s] = rng_.Between(3, 8);
    }
    std::vector<std::vector<std::pair<uint32_t, std::pair<uint32_t, uint32_t>>>> background_copies(p_.sites);

    for (size_t d = 0; d < p_.docs; ++d) {
      if (d >= kQuoteWindow) {  // out of reach of later quotes
        Doc& old = docs_[d - kQuoteWindow];
        std::vector<Token>().swap(old.own);
        std::vector<std::pair<uint32_t, uint32_t>>().swap(old.own_span);
        std::vector<uint32_t>().swap(old.own_block);
      }
      Doc& doc = docs_[d];
      doc.site = rng_.Below(p_.sites);
      // The article's own paragraphs: blocks of consecutive tokens that later articles may quote.
      std::vector<std::vector<Token>> paragraphs;
      const size_t n_paragraphs = rng_.Between(5, 12);
      for (size_t i = 0; i < n_paragraphs; ++i) paragraphs.push_back(Paragraph());
      // What it inserts: quotes of earlier articles, wire copies, the site's background paragraph.
      struct Insert {
        std::vector<Token> tokens;
        int kind;               // 0 quote, 1 wire, 2 background
        size_t id;              // source document, wire or site
        size_t words;           // original length
        size_t src_lo, src_hi;  // for quotes: word range in the source's own words
        bool merged;
      };
      std::vector<Insert> inserts;
      if (d > 0 && rng_.Chance(p_.quoting_fraction)) {
        const size_t n_quotes = rng_.Between(1, 3);
        for (size_t q = 0; q < n_quotes; ++q) {
          const size_t src = d - 1 - rng_.Below(std::min(d, kQuoteWindow));
          const size_t len = LengthClass(rng_.Below(3));
          size_t lo = 0;
          if (!PickQuote(docs_[src], len, &lo)) continue;
          std::vector<Token> original(docs_[src].own.begin() + lo, docs_[src].own.begin() + lo + len);
          inserts.push_back({EditCopy(original), 0, src, len, lo, lo + len, rng_.Chance(0.4)});
        }
      }
      for (const auto& [w, copy] : doc_wires[d]) {
        inserts.push_back({EditCopy(wire_text[w]), 1, w, wire_text[w].size(), 0, 0, rng_.Chance(0.3)});
      }
      if (background_left[doc.site] > 0 && rng_.Chance(0.05)) {
        --background_left[doc.site];
        inserts.push_back(
            {EditCopy(background[doc.site]), 2, doc.site, background[doc.site].size(), 0, 0, false});
      }

      // Lay the article out: own paragraphs, each insert after a random paragraph (as a paragraph of its
      // own, or merged into the end of that paragraph).
      std::vector<std::vector<size_t>> after(paragraphs.size());
      for (size_t i = 0; i < inserts.size(); ++i) after[rng_.Below(paragraphs.size())].push_back(i);
      std::string& text = doc.text;
      uint32_t cp = 0;
      auto append = [&](const std::string& s) {
        text += s;
        for (unsigned char c : s) cp += (c & 0xC0) != 0x80;
      };
      append(site_header_[doc.site] + "\n\n");
      const uint32_t body_start = cp;
      std::vector<std::pair<uint32_t, uint32_t>> insert_span(inserts.size());
      uint32_t block = 0;  // own paragraphs not separated by an insert form one block
      for (size_t i = 0; i < paragraphs.size(); ++i) {
        if (i > 0) append("\n\n");
        for (size_t t = 0; t < paragraphs[i].size(); ++t) {
          Token tok = paragraphs[i][t];
          const uint32_t start = cp;
          append(tok.capital ? Capitalize(vocab_[tok.word]) : vocab_[tok.word]);
          doc.own.push_back(tok);
          doc.own_span.push_back({start, cp});
          if (t + 1 < paragraphs[i].size())
            append(AfterText(tok.after));
          else
            append(tok.after == After::kQuestion ? "?" : ".");
        }
        doc.own_block.resize(doc.own.size(), block);
        if (!after[i].empty()) ++block;
        for (size_t k : after[i]) {
          Insert& ins = inserts[k];
          append(ins.merged ? " " : "\n\n");
          const bool quoted = rng_.Chance(0.3);
          if (quoted) append("\xE2\x80\x9C");  // “
          uint32_t first = 0, last = 0;
          for (size_t t = 0; t < ins.tokens.size(); ++t) {
            const Token& tok = ins.tokens[t];
            if (t == 0) first = cp;
            append(tok.capital || t == 0 ? Capitalize(vocab_[tok.word]) : vocab_[tok.word]);
            last = cp;
            append(t + 1 < ins.tokens.size() ? AfterText(tok.after) : ".");
          }
          if (quoted) append("\xE2\x80\x9D");  // ”
          insert_span[k] = {first, last};
        }
      }
      const uint32_t body_end = cp;
      append("\n\n" + site_footer_[doc.site] + "\n");
      corpus.ranges.push_back({{body_start, body_end}});

      for (size_t k = 0; k < inserts.size(); ++k) {
        const Insert& ins = inserts[k];
        if (ins.kind == 0) {
          const Doc& src = docs_[ins.id];
          corpus.planted.push_back({static_cast<uint32_t>(ins.id), static_cast<uint32_t>(d),
                                    src.own_span[ins.src_lo].first, src.own_span[ins.src_hi - 1].second,
                                    insert_span[k].first, insert_span[k].second,
                                    static_cast<uint32_t>(ins.words), 2});
        } else {
          auto& copies = ins.kind == 1 ? wire_copies[ins.id] : background_copies[ins.id];
          copies.push_back({static_cast<uint32_t>(d), insert_span[k]});
        }
      }
    }
    auto plant_all_pairs = [&](const std::vector<std::pair<uint32_t, std::pair<uint32_t, uint32_t>>>& copies,
                               size_t words) {
      if (copies.size() < 2) return;
      for (size_t i = 0; i < copies.size(); ++i) {
        for (size_t j = i + 1; j < copies.size(); ++j) {
          corpus.planted.push_back({copies[i].first, copies[j].first, copies[i].second.first,
                                    copies[i].second.second, copies[j].second.first, copies[j].second.second,
                                    static_cast<uint32_t>(words), static_cast<uint32_t>(copies.size())});
        }
      }
    };
    for (size_t w = 0; w < p_.wire_paragraphs; ++w) plant_all_pairs(wire_copies[w], wire_text[w].size());
    for (size_t s = 0; s < p_.sites; ++s) plant_all_pairs(background_copies[s], background[s].size());
    for (Doc& doc : docs_) corpus.texts.push_back(std::move(doc.text));
    return corpus;
  }

 private:
  struct Doc {
    size_t site = 0;
    std::string text;
    std::vector<Token> own;                               // the article's own words, in order
    std::vector<std::pair<uint32_t, uint32_t>> own_span;  // code points of each own word
    std::vector<uint32_t> own_block;  // block of each own word: a quote never spans an inserted passage
  };

  static std::string Capitalize(const std::string& w) {
    std::string c = w;
    if (!c.empty() && c[0] >= 'a' && c[0] <= 'z') c[0] = static_cast<char>(c[0] - 'a' + 'A');
    return c;
  }

  uint32_t ZipfWord() {
    const double u = rng_.Uniform();
    const size_t r = static_cast<size_t>(std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin());
    return static_cast<uint32_t>(std::min(r, vocab_.size() - 1));
  }

  size_t LengthClass(size_t c) {
    if (c == 0) return rng_.Between(15, 24);
    if (c == 1) return rng_.Between(25, 49);
    return rng_.Between(50, 120);
  }

  std::vector<Token> Sentence(size_t n) {
    std::vector<Token> s;
    const bool stock = rng_.Chance(0.2);
    const size_t at = rng_.Below(n);
    for (size_t i = 0; i < n; ++i) {
      if (stock && i == at) {
        for (uint32_t w : stock_[static_cast<size_t>(std::pow(rng_.Uniform(), 2.0) * stock_.size())]) {
          s.push_back({w});
        }
      }
      s.push_back({ZipfWord()});
      if (rng_.Chance(0.06)) s.back().after = After::kComma;
    }
    s.front().capital = true;
    s.back().after = rng_.Chance(0.05) ? After::kQuestion : After::kStop;
    return s;
  }

  std::vector<Token> Paragraph() {
    std::vector<Token> p;
    const size_t n = rng_.Between(2, 5);
    for (size_t i = 0; i < n; ++i) {
      const auto s = Sentence(rng_.Between(8, 25));
      p.insert(p.end(), s.begin(), s.end());
    }
    return p;
  }

  // A passage of exactly `len` words made of sentences.
  std::vector<Token> Passage(size_t len) {
    std::vector<Token> p;
    while (p.size() < len) {
      const auto s = Sentence(rng_.Between(8, 25));
      p.insert(p.end(), s.begin(), s.end());
    }
    p.resize(len);
    return p;
  }

  // A start for `len` own words of `src` inside one block (they may span paragraphs), or false.
  bool PickQuote(const Doc& src, size_t len, size_t* lo) {
    if (src.own.size() < len) return false;
    for (int attempt = 0; attempt < 20; ++attempt) {
      const size_t s = rng_.Below(src.own.size() - len + 1);
      if (src.own_block[s] == src.own_block[s + len - 1]) {
        *lo = s;
        return true;
      }
    }
    return false;
  }

  // A lightly edited copy: substitutions, insertions, deletions, commas moved; never empty.
  std::vector<Token> EditCopy(const std::vector<Token>& original) {
    std::vector<Token> out;
    for (const Token& t : original) {
      if (rng_.Chance(p_.indel) && out.size() + 1 < original.size()) continue;  // dropped
      Token c = t;
      if (rng_.Chance(p_.substitution)) c.word = ZipfWord();
      if (c.after == After::kComma && rng_.Chance(0.3)) {
        c.after = After::kSpace;
      } else if (c.after == After::kSpace && rng_.Chance(0.03)) {
        c.after = After::kDash;
      }
      out.push_back(c);
      if (rng_.Chance(p_.indel)) out.push_back({ZipfWord()});
    }
    if (out.empty()) out = original;
    return out;
  }

  // Articles quote one of the 2,000 articles before them (news quotes recent news); older articles'
  // words are then released.
  static constexpr size_t kQuoteWindow = 2000;

  PassageCorpusParams p_;
  Rng rng_;
  std::vector<std::string> vocab_;
  std::vector<double> cdf_;
  std::vector<std::vector<uint32_t>> stock_;
  std::vector<Doc> docs_;
  std::vector<std::string> site_header_, site_footer_;
};

}  // namespace passages_corpus_internal

inline PassageCorpus MakePassageCorpus(const PassageCorpusParams& params) {
  return passages_corpus_internal::Generator(params).Make();
}

}  // namespace neardup::bench

#endif  // NEARDUP_BENCH_PASSAGES_CORPUS_H_
