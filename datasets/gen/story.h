// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Stories and articles. A story is a news event: a language, a topic and a cast (people with roles,
// organizations, a city, a country, a key figure). Every article about a story (the original, its
// near-duplicates, and other outlets' independent write-ups, the hard negatives) draws on the same cast
// and topic vocabulary, so hard negatives share names and words with the original while sharing
// almost no word 5-grams.

#ifndef NEARDUP_DATASETS_GEN_STORY_H_
#define NEARDUP_DATASETS_GEN_STORY_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "datasets/gen/lexicon.h"
#include "datasets/gen/rng.h"

namespace neardup::datagen {

struct Person {
  Tok first, last;          ///< nominative
  Tok first_gen, last_gen;  ///< genitive (Russian); the nominative elsewhere
  Tok full;                 ///< the whole name as one token (Chinese); empty text elsewhere
  bool female = false;
  std::vector<Tok> role;  ///< "the finance minister", "head of the Ministry of Health"...
};

// A story and the storage for the strings its articles use. Articles (and their tokens) must not
// outlive the story.
class Story {
 public:
  // Draws the cast with `rng`. `topic` must be one of lang's topics.
  Story(const Language* lang, const Topic* topic, uint64_t id, Rng rng);
  Story(const Story&) = delete;
  Story& operator=(const Story&) = delete;

  const Language* lang() const { return lang_; }
  const Topic* topic() const { return topic_; }
  uint64_t id() const { return id_; }
  int month() const { return month_; }  ///< 1..12, the story's date in 2025
  int day() const { return day_; }      ///< 1..28
  /// Numbers written with Arabic-Indic digits (٠-٩, decimal mark ٫, thousands separator ٬): some Arabic
  /// stories; every other story writes ASCII digits.
  bool native_digits() const { return native_digits_; }

  std::string_view Intern(std::string s);
  Tok Word(std::string s, WordClass cls = WordClass::kNone) { return MakeWord(Intern(std::move(s)), cls); }

  std::vector<Person> people;
  std::vector<std::vector<Tok>> orgs;
  std::vector<std::vector<Tok>>
      things;  ///< what the story is about: "the Orvane tariff", "the Kalwick bridge"
  std::vector<Tok> city, country, agency, figure;

 private:
  friend class ArticleWriter;
  const Language* lang_;
  const Topic* topic_;
  uint64_t id_;
  int month_, day_;
  bool native_digits_ = false;
  std::deque<std::string> arena_;
};

// An article as tokens: what the generator knows about a document before rendering.
struct Article {
  std::vector<Tok> headline;
  std::vector<Tok> dateline;                ///< rendered only by sites that use datelines
  std::vector<std::vector<Tok>> sentences;  ///< body sentences in order
  std::vector<uint8_t> para_start;          ///< per sentence: 1 if it starts a paragraph (the first does)

  size_t BodyWords() const;
};

// Appends the word keys of the article as a site renders it: headline (if the site puts it in the text),
// dateline (if the site uses one), then the body.
void AppendWordKeys(const Article& article, bool headline_in_text, bool dateline,
                    std::vector<uint64_t>* keys);

// Writes articles (and single sentences, headlines and replacement words for edits) about one story.
// Implements the dynamic slots. Keeps per-article state: who has been mentioned (full name first, then
// the last name).
class ArticleWriter : public SlotFiller {
 public:
  ArticleWriter(Story* story, Rng rng);

  // A fresh article of about `target_words` body words.
  Article Write(size_t target_words);
  // A headline for the story (a different one on every call, with high probability).
  std::vector<Tok> Headline();
  // One body sentence. When `continuation` is true everybody counts as mentioned already (for
  // sentences inserted into an existing article).
  std::vector<Tok> Sentence(bool continuation);
  // A replacement for `word` of the same kind (another noun, verb, number...), or false if there is
  // none that differs.
  bool Replacement(const Tok& word, Tok* out);
  // An adverb to insert before a verb (English only); false elsewhere.
  bool InsertableAdverb(Tok* out);
  // Restores sentence conventions after edits: the first word capitalized, "a"/"an" agreeing.
  void FixUp(std::vector<Tok>* sentence) const;

  void Fill(Slot slot, char mod, Rng* rng, std::vector<Tok>* out) override;
  Tok Possessive(const Tok& word) override;

  Rng* rng() { return &rng_; }

 private:
  void Mention(const Person& p, size_t index, char mod, std::vector<Tok>* out);
  Tok NumberWord(std::string ascii);  ///< a number token, in the story's digits
  Tok NumberTok(uint64_t value);
  Tok DecimalTok(uint32_t tenths);
  size_t PickPerson();
  ExpandContext Context();

  Story* story_;
  Rng rng_;
  std::vector<uint8_t> mentioned_;
  std::vector<uint32_t> bag_;  ///< body templates not used yet in this round
  size_t bag_size_ = 0;
  size_t last_person_ = SIZE_MAX;
  uint32_t body_list_;
  uint32_t adverb_list_;
};

}  // namespace neardup::datagen

#endif  // NEARDUP_DATASETS_GEN_STORY_H_
