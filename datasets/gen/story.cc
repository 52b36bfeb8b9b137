// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "datasets/gen/story.h"

#include <cstdio>
#include <cstdlib>
#include <utility>

#include "datasets/gen/text_util.h"

namespace neardup::datagen {

namespace {

const std::string_view& PickWord(const std::vector<std::string_view>& words, Rng* rng) {
  return words[rng->Below(words.size())];
}

// A word from `first` then one from `second`, concatenated. The two draws are separate statements: the
// operands of one expression may be evaluated in any order, which would make the output depend on the
// compiler.
std::string Compose(const std::vector<std::string_view>& first, const std::vector<std::string_view>& second,
                    Rng* rng) {
  std::string s(PickWord(first, rng));
  s += PickWord(second, rng);
  return s;
}

bool StartsWithVowelLetter(std::string_view s) {
  if (s.empty()) return false;
  const char c = static_cast<char>(s[0] | 0x20);
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

}  // namespace

// ------------------------------------------------------------------------------------------------
// Story

Story::Story(const Language* lang, const Topic* topic, uint64_t id, Rng rng)
    : lang_(lang), topic_(topic), id_(id) {
  month_ = static_cast<int>(rng.Range(1, 12));
  day_ = static_cast<int>(rng.Range(1, 28));
  const bool zh = lang->code() == "zh";
  const bool ru = lang->code() == "ru";
  if (lang->code() == "ar") native_digits_ = rng.Chance(0.4);  // drawn for Arabic only

  const auto& countries = lang->Words("COUNTRY");
  if (!countries.empty()) country.push_back(MakeWord(PickWord(countries, &rng)));

  // City: an optional separate prefix word ("Port", "San") and a composed name.
  const auto& pre = lang->Words("CITY_PRE");
  if (!pre.empty() && rng.Chance(0.2)) city.push_back(MakeWord(PickWord(pre, &rng)));
  city.push_back(Word(Compose(lang->Words("CITY_ROOT"), lang->Words("CITY_END"), &rng)));
  if (country.empty()) country = city;

  // People. Composed surnames give thousands of distinct names; a few whole ones add variety.
  const size_t n_people = static_cast<size_t>(rng.Range(2, 5));
  const auto& roots = lang->Words("SN_ROOT");
  const auto& ends = lang->Words("SN_END");
  const auto& whole = lang->Words("SURNAME");
  for (size_t i = 0; i < n_people; ++i) {
    Person p;
    p.female = rng.Below(2) == 0;
    if (zh) {
      p.full = Word(Compose(roots, ends, &rng), WordClass::kName);
      p.first = p.last = p.first_gen = p.last_gen = p.full;
    } else if (ru) {
      const auto& firsts = lang->Words(p.female ? "FIRST_F" : "FIRST_M");
      const auto& gens = lang->Words(p.female ? "FIRST_F_GEN" : "FIRST_M_GEN");
      const size_t k = rng.Below(firsts.size());
      const std::string stem = Compose(roots, ends, &rng);
      p.first = MakeWord(firsts[k], WordClass::kName);
      p.first_gen = MakeWord(gens[k], WordClass::kName);
      p.last = Word(p.female ? stem + "а" : stem, WordClass::kName);
      p.last_gen = Word(p.female ? stem + "ой" : stem + "а", WordClass::kName);
    } else {
      p.first = MakeWord(PickWord(lang->Words(p.female ? "FIRST_F" : "FIRST_M"), &rng), WordClass::kName);
      std::string surname =
          !whole.empty() && rng.Chance(0.3) ? std::string(PickWord(whole, &rng)) : Compose(roots, ends, &rng);
      p.last = Word(std::move(surname), WordClass::kName);
      p.first_gen = p.first;
      p.last_gen = p.last;
    }
    bool duplicate = false;
    for (const Person& other : people) duplicate |= other.last.key == p.last.key;
    if (duplicate) continue;  // fewer people, never two with one surname
    people.push_back(std::move(p));
  }

  // Organizations, roles, agency and key figure are templates that may refer to the city, the country
  // and fresh surnames, which the writer fills.
  ArticleWriter writer(this, rng.Fork(1));
  ExpandContext ctx{lang, topic, &writer, &rng, 0};
  const size_t n_orgs = static_cast<size_t>(rng.Range(2, 3));
  for (size_t i = 0; i < n_orgs; ++i) {
    std::vector<Tok> org;
    lang->ExpandList("ORG", &ctx, &org);
    orgs.push_back(std::move(org));
  }
  for (Person& p : people) lang->ExpandList("ROLE", &ctx, &p.role);
  // Named things give articles about one story words that articles about other stories lack, as real
  // news has: most sentences name the story's people, places, organizations or things.
  if (lang->FindList("THING") != UINT32_MAX) {
    const size_t n_things = static_cast<size_t>(rng.Range(2, 4));
    for (size_t i = 0; i < n_things; ++i) {
      std::vector<Tok> thing;
      lang->ExpandList("THING", &ctx, &thing);
      things.push_back(std::move(thing));
    }
  }
  lang->ExpandList("AGENCY", &ctx, &agency);
  lang->ExpandList("FIGURE", &ctx, &figure);
}

std::string_view Story::Intern(std::string s) {
  arena_.push_back(std::move(s));
  return arena_.back();
}

// ------------------------------------------------------------------------------------------------
// Article

size_t Article::BodyWords() const {
  size_t n = 0;
  for (const auto& s : sentences) {
    for (const Tok& t : s) n += t.is_word();
  }
  return n;
}

void AppendWordKeys(const Article& article, bool headline_in_text, bool dateline,
                    std::vector<uint64_t>* keys) {
  auto add = [keys](const std::vector<Tok>& toks) {
    for (const Tok& t : toks) {
      if (t.is_word()) keys->push_back(t.key);
    }
  };
  if (headline_in_text) add(article.headline);
  if (dateline) add(article.dateline);
  for (const auto& s : article.sentences) add(s);
}

// ------------------------------------------------------------------------------------------------
// ArticleWriter

ArticleWriter::ArticleWriter(Story* story, Rng rng) : story_(story), rng_(rng) {
  body_list_ = story->lang()->FindList("BODY");
  adverb_list_ = story->lang()->FindList("ADV");
  mentioned_.assign(story->people.size(), 0);
}

ExpandContext ArticleWriter::Context() {
  return ExpandContext{story_->lang(), story_->topic(), this, &rng_, 0};
}

Article ArticleWriter::Write(size_t target_words) {
  Article a;
  mentioned_.assign(story_->people.size(), 0);
  a.headline = Headline();
  if (story_->lang()->FindList("DATELINE") != UINT32_MAX) {
    ExpandContext ctx = Context();
    story_->lang()->ExpandList("DATELINE", &ctx, &a.dateline);
  }
  size_t words = 0;
  while (words < target_words) {
    a.sentences.push_back(Sentence(false));
    for (const Tok& t : a.sentences.back()) words += t.is_word();
  }
  // News paragraphs are short: one to four sentences, mostly two.
  static const std::vector<uint32_t> kParagraphWeights = {30, 40, 22, 8};
  a.para_start.assign(a.sentences.size(), 0);
  for (size_t i = 0; i < a.sentences.size(); i += 1 + rng_.Weighted(kParagraphWeights)) a.para_start[i] = 1;
  return a;
}

std::vector<Tok> ArticleWriter::Headline() {
  std::vector<Tok> h;
  ExpandContext ctx = Context();
  const std::vector<uint8_t> saved = mentioned_;
  mentioned_.assign(mentioned_.size(), 1);  // headlines use last names
  story_->lang()->ExpandList("HEADLINE", &ctx, &h);
  mentioned_ = saved;
  FixUp(&h);
  return h;
}

std::vector<Tok> ArticleWriter::Sentence(bool continuation) {
  const Language* lang = story_->lang();
  const WordList* body = lang->List(story_->topic(), body_list_, &rng_);
  // A shuffle bag: every template once before any twice, so long articles repeat themselves less.
  if (bag_.empty() || bag_size_ != body->entries.size()) {
    bag_size_ = body->entries.size();
    bag_.resize(bag_size_);
    for (size_t i = 0; i < bag_size_; ++i) bag_[i] = static_cast<uint32_t>(i);
    rng_.Shuffle(&bag_);
  }
  const size_t pick = bag_.back();
  bag_.pop_back();
  std::vector<uint8_t> saved;
  if (continuation) {
    saved = mentioned_;
    mentioned_.assign(mentioned_.size(), 1);
  }
  std::vector<Tok> s;
  s.reserve(48);
  ExpandContext ctx = Context();
  body->entries[pick].Expand(&ctx, &s);
  if (continuation) mentioned_ = saved;
  FixUp(&s);
  return s;
}

void ArticleWriter::FixUp(std::vector<Tok>* s) const {
  if (story_->lang()->code() == "en") {
    // "a" / "an" by the next word's first letter (close enough for this vocabulary).
    static const Tok kA = MakeWord("a");
    static const Tok kAn = MakeWord("an");
    for (size_t i = 0; i + 1 < s->size(); ++i) {
      Tok& t = (*s)[i];
      if (!t.is_word() || (t.key != kA.key && t.key != kAn.key) || !(*s)[i + 1].is_word()) continue;
      const uint8_t flags = t.flags;
      t = StartsWithVowelLetter((*s)[i + 1].text) ? kAn : kA;
      t.flags = static_cast<uint8_t>((t.flags & ~(kCap | kUpper)) | (flags & (kCap | kUpper)));
    }
  }
  for (Tok& t : *s) {
    if (t.is_word()) {
      t.flags |= kCap;
      break;
    }
  }
}

size_t ArticleWriter::PickPerson() {
  const size_t n = story_->people.size();
  if (n == 1 || rng_.Chance(0.4)) return 0;  // the protagonist is quoted most
  return rng_.Below(n);
}

void ArticleWriter::Mention(const Person& p, size_t index, char mod, std::vector<Tok>* out) {
  const bool was = mentioned_[index] != 0;
  mentioned_[index] = 1;
  if (!p.full.text.empty()) {
    out->push_back(p.full);
    return;
  }
  switch (mod) {
    case 'f':
      out->push_back(p.first);
      out->push_back(p.last);
      return;
    case 'l':
      out->push_back(p.last);
      return;
    case 'g':
      if (!was) out->push_back(p.first_gen);
      out->push_back(p.last_gen);
      return;
    case 's':
    case 'p':
      if (mod == 's' && !was) out->push_back(p.first);
      out->push_back(story_->Word(std::string(p.last.text) + "'s", WordClass::kName));
      return;
    default:
      if (!was) out->push_back(p.first);
      out->push_back(p.last);
  }
}

namespace {

// `ascii` (digits with the language's decimal mark and thousands separator) in Arabic-Indic digits:
// U+0660-0669, U+066B ARABIC DECIMAL SEPARATOR, U+066C ARABIC THOUSANDS SEPARATOR.
std::string ArabicIndic(std::string_view ascii, char decimal_mark) {
  std::string out;
  for (const char c : ascii) {
    if (c >= '0' && c <= '9') {
      AppendUtf8(static_cast<char32_t>(0x660 + (c - '0')), &out);
    } else {
      AppendUtf8(c == decimal_mark ? U'\u066B' : U'\u066C', &out);
    }
  }
  return out;
}

}  // namespace

Tok ArticleWriter::NumberWord(std::string ascii) {
  if (story_->native_digits()) ascii = ArabicIndic(ascii, story_->lang()->decimal_mark());
  return story_->Word(std::move(ascii), WordClass::kNumber);
}

Tok ArticleWriter::NumberTok(uint64_t value) {
  std::string digits;
  AppendUint(value, &digits);
  const char sep = story_->lang()->thousands_sep();
  const uint64_t from = story_->lang()->code() == "en" ? 1000 : 10000;
  if (sep == 0 || value < from) return NumberWord(std::move(digits));
  std::string s;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) s.push_back(sep);
    s.push_back(digits[i]);
  }
  return NumberWord(std::move(s));
}

Tok ArticleWriter::DecimalTok(uint32_t tenths) {
  std::string s;
  AppendUint(tenths / 10, &s);
  s.push_back(story_->lang()->decimal_mark());
  AppendUint(tenths % 10, &s);
  return NumberWord(std::move(s));
}

void ArticleWriter::Fill(Slot slot, char mod, Rng* rng, std::vector<Tok>* out) {
  Story& st = *story_;
  switch (slot) {
    case Slot::kPerson: {
      if (st.people.empty()) return;
      size_t i = PickPerson();
      if (mod == 'o') {  // someone other than the person just named, by full name
        if (st.people.size() > 1) {
          while (i == last_person_) i = rng_.Below(st.people.size());
        }
        mod = 'f';
      }
      last_person_ = i;
      Mention(st.people[i], i, mod, out);
      return;
    }
    case Slot::kPersonRole: {
      if (st.people.empty()) return;
      const size_t i = PickPerson();
      const bool was = mentioned_[i] != 0;
      Mention(st.people[i], i, 0, out);
      if (!was && !st.people[i].role.empty()) {
        static const Tok kComma = [] {
          Tok t;
          ClassifyPunct(',', &t.kind, &t.flags);
          t.text = ",";
          return t;
        }();
        out->push_back(kComma);
        out->insert(out->end(), st.people[i].role.begin(), st.people[i].role.end());
        out->push_back(kComma);
      }
      return;
    }
    case Slot::kPersonSay: {
      if (st.people.empty()) return;
      const size_t i = PickPerson();
      ExpandContext ctx = Context();
      st.lang()->ExpandList(st.people[i].female ? "SAYF" : "SAYM", &ctx, out);
      Mention(st.people[i], i, 0, out);
      return;
    }
    case Slot::kOrg:
      if (st.orgs.empty()) return;
      {
        const auto& org = st.orgs[rng->Below(st.orgs.size())];
        out->insert(out->end(), org.begin(), org.end());
      }
      return;
    case Slot::kCity:
      out->insert(out->end(), st.city.begin(), st.city.end());
      return;
    case Slot::kCountry:
      out->insert(out->end(), st.country.begin(), st.country.end());
      return;
    case Slot::kSurname: {
      const auto& whole = st.lang()->Words("SURNAME");
      if (!whole.empty() && rng->Chance(0.3)) {
        out->push_back(MakeWord(PickWord(whole, rng), WordClass::kName));
      } else {
        out->push_back(
            st.Word(Compose(st.lang()->Words("SN_ROOT"), st.lang()->Words("SN_END"), rng), WordClass::kName));
      }
      return;
    }
    case Slot::kNumber: {
      static const std::vector<uint32_t> kMagnitude = {40, 35, 20, 5};
      static const uint64_t kLow[] = {2, 100, 1000, 10000};
      static const uint64_t kHigh[] = {99, 999, 9999, 99999};
      const size_t m = rng->Weighted(kMagnitude);
      out->push_back(NumberTok(static_cast<uint64_t>(rng->Range(kLow[m], kHigh[m]))));
      return;
    }
    case Slot::kSmallNumber: {
      const int64_t n = rng->Range(2, 12);
      if (st.lang()->FindList("SPELLED") != UINT32_MAX && rng->Chance(0.5)) {
        ExpandContext ctx = Context();
        const size_t from = out->size();
        // Any spelled-out small number reads fine where a small count is expected.
        st.lang()->ExpandList("SPELLED", &ctx, out);
        for (size_t i = from; i < out->size(); ++i) (*out)[i].cls = WordClass::kNumber;
      } else {
        out->push_back(NumberTok(static_cast<uint64_t>(n)));
      }
      return;
    }
    case Slot::kDecimal:
      out->push_back(DecimalTok(static_cast<uint32_t>(rng->Range(11, 99))));
      return;
    case Slot::kYear: {
      std::string year;
      AppendUint(static_cast<uint64_t>(rng->Range(2015, 2026)), &year);
      out->push_back(NumberWord(std::move(year)));
      return;
    }
    case Slot::kDayOfMonth:
      out->push_back(NumberTok(static_cast<uint64_t>(rng->Range(1, 28))));
      return;
    case Slot::kAge:
      out->push_back(NumberTok(static_cast<uint64_t>(rng->Range(28, 79))));
      return;
    case Slot::kFigure:
      out->insert(out->end(), st.figure.begin(), st.figure.end());
      return;
    case Slot::kAgency:
      out->insert(out->end(), st.agency.begin(), st.agency.end());
      return;
    case Slot::kThing: {
      if (st.things.empty()) {  // a language without named things: a plain noun phrase
        return;
      }
      const size_t i = rng->Below(st.things.size());
      out->insert(out->end(), st.things[i].begin(), st.things[i].end());
      return;
    }
    case Slot::kNewName:
      out->push_back(
          st.Word(Compose(st.lang()->Words("NAME_A"), st.lang()->Words("NAME_B"), rng), WordClass::kName));
      return;
    case Slot::kCount:
      return;
  }
}

Tok ArticleWriter::Possessive(const Tok& word) {
  return story_->Word(std::string(word.text) + "'s", word.cls);
}

bool ArticleWriter::Replacement(const Tok& word, Tok* out) {
  if (word.cls == WordClass::kName || word.cls == WordClass::kNone) return false;
  if (word.cls == WordClass::kNumber) {
    bool has_digit = false, decimal = false;
    uint64_t value = 0;
    int digits = 0;
    for (char c : word.text) {
      if (c >= '0' && c <= '9') {
        has_digit = true;
        value = value * 10 + static_cast<uint64_t>(c - '0');
        ++digits;
      } else if (c == story_->lang()->decimal_mark() &&
                 story_->lang()->decimal_mark() != story_->lang()->thousands_sep()) {
        decimal = true;
      }
    }
    if (!has_digit) return false;
    const bool year = !decimal && digits == 4 && word.text.size() == 4 && value >= 1900 && value <= 2100;
    for (int attempt = 0; attempt < 8; ++attempt) {
      Tok t;
      if (year) {
        std::string y;
        AppendUint(static_cast<uint64_t>(rng_.Range(2012, 2026)), &y);
        t = story_->Word(std::move(y), WordClass::kNumber);
      } else if (decimal) {
        t = DecimalTok(static_cast<uint32_t>(rng_.Range(11, 99)));
      } else {
        uint64_t lo = 1;
        for (int i = 1; i < digits; ++i) lo *= 10;
        t = NumberTok(static_cast<uint64_t>(
            rng_.Range(static_cast<int64_t>(lo == 1 ? 2 : lo), static_cast<int64_t>(lo * 10 - 1))));
      }
      if (t.key != word.key) {
        *out = t;
        return true;
      }
    }
    return false;
  }
  if (word.list == Tok::kNoList) return false;
  for (int attempt = 0; attempt < 8; ++attempt) {
    const WordList* list = story_->lang()->List(story_->topic(), word.list, &rng_);
    if (list == nullptr) return false;
    std::vector<Tok> expansion;
    ExpandContext ctx = Context();
    list->ExpandEntry(rng_.Below(list->entries.size()), &ctx, &expansion);
    for (size_t i = expansion.size(); i > 0; --i) {
      const Tok& t = expansion[i - 1];
      if (!t.is_word()) continue;
      if (t.key == word.key) break;
      *out = t;
      out->flags = static_cast<uint8_t>((t.flags & ~(kCap | kUpper)) | (word.flags & (kCap | kUpper)));
      out->cls = word.cls;
      out->list = word.list;
      return true;
    }
  }
  return false;
}

bool ArticleWriter::InsertableAdverb(Tok* out) {
  if (story_->lang()->code() != "en" || adverb_list_ == UINT32_MAX) return false;
  std::vector<Tok> expansion;
  ExpandContext ctx = Context();
  story_->lang()->ExpandList("ADV", &ctx, &expansion);
  if (expansion.size() != 1 || !expansion[0].is_word()) return false;
  *out = expansion[0];
  return true;
}

}  // namespace neardup::datagen
