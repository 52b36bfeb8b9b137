// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Tokens, sentence templates and vocabularies: the generator's model of a language.
//
// Text is built as a sequence of tokens, never as free strings, so that the generator always knows the
// exact word sequence of what it writes (the word keys it steers Jaccard with) independently of how the
// text is finally rendered (quotes, dashes, spacing, case, line breaks). Each word token is written so
// that a UAX #29 word segmenter sees exactly one word in it: words contain letters, digits, apostrophes
// between letters and '.'/',' between digits only; hyphens and all other punctuation are separate
// tokens, and the renderer never glues two word tokens together.
//
// Templates are a small language for sentences:
//   words and punctuation   literal tokens ("said", ",", "“")
//   {NAME} or {NAME:m}      a slot: a dynamic value (person, number...) or a random entry of a word list
//                           (m is a modifier: c capitalize, u upper-case, s possessive; for people
//                           also f full name, l last name, p possessive last name, o another person,
//                           g genitive)
//   <a|b|c>                 one alternative, uniformly (an alternative may be empty)
//   [x]                     x or nothing, with probability 1/2
// Spaces separate tokens in templates; languages written without spaces (Chinese) render without them.

#ifndef NEARDUP_DATASETS_GEN_LEXICON_H_
#define NEARDUP_DATASETS_GEN_LEXICON_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "datasets/gen/rng.h"

namespace neardup::datagen {

enum class TokKind : uint8_t {
  kWord,
  kPunct,
  kOpenQuote,    // rendered “, " or « by the quote style
  kCloseQuote,   // rendered ”, " or »
  kOpenSingle,   // ‘ or '
  kCloseSingle,  // ’ or '
  kDash,         // em dash; the dash style decides glyph and spacing
};

enum TokFlag : uint8_t {
  kGlueLeft = 1,     // no separator before this token
  kGlueRight = 2,    // no separator after this token
  kCap = 4,          // render with the first letter upper-cased
  kUpper = 8,        // render fully upper-cased
  kApostrophe = 16,  // the word contains an apostrophe (set by MakeWord)
  kNonAscii = 32,    // the word contains a non-ASCII character (set by MakeWord)
};

// What a word may be replaced with when a copy is reworded.
enum class WordClass : uint8_t { kNone, kNoun, kVerb, kAdj, kAdv, kNumber, kName, kCount };

struct Tok {
  std::string_view text;  ///< points into storage that outlives every use (a Language or a Story)
  uint64_t key = 0;       ///< WordKey(text) for words, 0 for everything else
  TokKind kind = TokKind::kPunct;
  uint8_t flags = 0;
  WordClass cls = WordClass::kNone;
  uint16_t list = kNoList;  ///< id of the word list the word came from (for rewording), if any

  static constexpr uint16_t kNoList = 0xFFFF;
  bool is_word() const { return kind == TokKind::kWord; }
};

// A word token over stable text.
Tok MakeWord(std::string_view stable_text, WordClass cls = WordClass::kNone);

// Dynamic slots: values that depend on the story or are drawn fresh (numbers).
enum class Slot : uint16_t {
  kPerson,       // P: a person of the story; full name on first mention, then the last name
  kPersonRole,   // PR: first mention "Name, role," else as P
  kPersonSay,    // SAYP: a speech verb agreeing with the person, then the person (Russian word order)
  kOrg,          // O
  kCity,         // L
  kCountry,      // C
  kSurname,      // SN: a fresh surname (for organization names)
  kNumber,       // NUM: a count, 2..20000
  kSmallNumber,  // NUMS: 2..12, often spelled out
  kDecimal,      // DEC: 1.1..9.9 with the language's decimal mark
  kYear,         // YEAR
  kDayOfMonth,   // D
  kAge,          // AGE
  kFigure,       // FIG: the story's key figure, the same in every article of the story
  kAgency,       // AG: a wire agency
  kThing,        // X: one of the story's named things ("the Orvane tariff"), the same across its articles
  kNewName,      // NEW: a fresh invented proper name (for naming things)
  kCount,
};

class Language;
class Template;

// Fills dynamic slots. Implemented by the article writer, which knows the story.
class SlotFiller {
 public:
  virtual ~SlotFiller() = default;
  virtual void Fill(Slot slot, char mod, Rng* rng, std::vector<Tok>* out) = 0;
  // The possessive of a word ("Valdoria" -> "Valdoria's"), for the modifier s on lists and slots.
  virtual Tok Possessive(const Tok& word) = 0;
};

struct Topic;

struct ExpandContext {
  const Language* lang = nullptr;
  const Topic* topic = nullptr;  ///< may be null: general lists only
  SlotFiller* filler = nullptr;
  Rng* rng = nullptr;
  int depth = 0;
};

class Template {
 public:
  // Appends one random expansion to *out.
  void Expand(ExpandContext* ctx, std::vector<Tok>* out) const;
  // The tokens of a literal template.
  const std::vector<Tok>& literal_tokens() const { return toks_; }
  // True if the template has no slots or choices (its expansion is always the same tokens).
  bool is_literal() const { return literal_; }

 private:
  friend class Language;
  enum class NodeKind : uint8_t { kTok, kSlot, kList, kAlt, kOpt };
  struct Node {
    NodeKind kind;
    char mod = 0;
    uint32_t a = 0;  ///< kTok: index in toks_; kSlot: Slot; kList: list id; kAlt: first alt; kOpt: seq
    uint32_t b = 0;  ///< kAlt: one past the last alternative (seq ids)
  };
  struct Seq {
    uint32_t begin, end;  ///< range in seq_nodes_
  };
  void ExpandSeq(uint32_t seq, ExpandContext* ctx, std::vector<Tok>* out) const;

  std::vector<Node> nodes_;
  std::vector<uint32_t> seq_nodes_;  ///< node indices of all sequences, back to back
  std::vector<Seq> seqs_;            ///< seqs_[0] is the whole template
  std::vector<Tok> toks_;
  bool literal_ = true;
};

struct WordList {
  WordClass cls = WordClass::kNone;
  std::vector<Template> entries;
  // Entries without slots or choices, flattened for speed: entry i's tokens are
  // literal_toks[literal_begin[i] .. literal_begin[i + 1]) when literal[i] is set.
  std::vector<uint8_t> literal;
  std::vector<uint32_t> literal_begin{0};
  std::vector<Tok> literal_toks;
  bool empty() const { return entries.empty(); }
  // Appends a random entry's expansion.
  void ExpandEntry(size_t i, ExpandContext* ctx, std::vector<Tok>* out) const;
};

struct Topic {
  std::string name;
  std::string section;          ///< URL path segment of sites' sections for this topic
  std::vector<WordList> lists;  ///< by list id; empty lists fall back to the language's general lists
};

// A language: its vocabulary (general and per topic), templates and writing conventions. Built once at
// start-up and immutable afterwards; every string it hands out stays valid for its lifetime.
class Language {
 public:
  Language(std::string code, bool spaced);
  Language(const Language&) = delete;
  Language& operator=(const Language&) = delete;

  const std::string& code() const { return code_; }
  bool spaced() const { return spaced_; }  ///< words separated by spaces (false for Chinese)
  char decimal_mark() const { return decimal_mark_; }
  void set_decimal_mark(char c) { decimal_mark_ = c; }
  // Thousands separator for numbers of five digits or more ('\0': none); four-digit numbers get none.
  char thousands_sep() const { return thousands_sep_; }
  void set_thousands_sep(char c) { thousands_sep_ = c; }

  // ---- building (aborts with a message on a malformed spec: a bug in the vocabulary) ----
  Topic* AddTopic(std::string name, std::string section);
  // Adds entries to a list: `entries` separated by '|' outside <> and []; each entry is a template.
  void AddList(Topic* topic, std::string_view list, std::string_view entries,
               WordClass cls = WordClass::kNone);
  // Nouns "sg" or "sg/pl" (a multi-word noun inflects its last word): adds <list> and <list>S.
  void AddNouns(Topic* topic, std::string_view list, std::string_view entries);
  // Verbs "base", "base/past" or "base/past/participle" (a phrasal verb inflects its first word): adds
  // <list> (past), <list>B (base), <list>S (third person singular), <list>N (participle).
  void AddVerbs(Topic* topic, std::string_view list, std::string_view entries);
  // Compiles a template (also used for one-off templates held by callers).
  Template Compile(std::string_view spec);
  // Plain words (not templates) for code that composes names from parts: '|'-separated.
  void AddWords(std::string_view name, std::string_view words);
  // Aborts if a template refers to a list that has no entries in general and in some topic.
  void Validate() const;

  // ---- use ----
  // The list for `id`: the topic's own list or the general one; when both exist, the topic's list is
  // used three times out of four. Returns nullptr when neither exists.
  const WordList* List(const Topic* topic, uint32_t id, Rng* rng) const;
  // Id of a list name, or UINT32_MAX when no list has that name.
  uint32_t FindList(std::string_view name) const;
  // A random entry of the named list expanded, appended to *out. The list must exist.
  void ExpandList(std::string_view name, ExpandContext* ctx, std::vector<Tok>* out) const;
  const std::deque<Topic>& topics() const { return topics_; }

  // The plain words added under `name` (empty if none).
  const std::vector<std::string_view>& Words(std::string_view name) const;

  // Stable copy of a string owned by the language.
  std::string_view Intern(std::string s);

 private:
  uint32_t ListId(std::string_view name);
  WordList& MutableList(Topic* topic, uint32_t id);
  void ParseLiteral(std::string_view text, Template* t, std::vector<uint32_t>* seq_out);
  uint32_t ParseSeq(std::string_view spec, size_t* pos, std::string_view stop, Template* t);

  std::string code_;
  bool spaced_;
  char decimal_mark_ = '.';
  char thousands_sep_ = 0;
  std::map<std::string, std::vector<std::string_view>, std::less<>> words_;
  std::deque<Topic> topics_;  // a deque: AddTopic's pointers stay valid
  std::vector<WordList> general_;
  std::map<std::string, uint32_t, std::less<>> list_ids_;
  std::deque<std::string> strings_;
  std::map<std::string, std::string_view, std::less<>> interned_;
};

// Splits `s` at `sep` characters that are outside <> and [] nesting.
std::vector<std::string_view> SplitTopLevel(std::string_view s, char sep);

// Classifies a punctuation code point for spacing: sets kGlueLeft/kGlueRight and the token kind.
void ClassifyPunct(char32_t cp, TokKind* kind, uint8_t* flags);

// True for code points that belong inside words (letters, digits, marks, ideographs).
bool IsWordChar(char32_t cp);

}  // namespace neardup::datagen

#endif  // NEARDUP_DATASETS_GEN_LEXICON_H_
