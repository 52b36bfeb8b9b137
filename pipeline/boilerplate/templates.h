// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The units boilerplate is decided on, and the masked templates they are counted by.
//
// A unit is a line, or, in a text without line breaks, a sentence. Every byte of a text belongs to
// exactly one unit's region, so spans built from whole units cover line endings and the space between
// sentences, and removing them leaves no stray separators.
//
// A unit's template is its words, case-folded, with what varies between two copies of one piece of
// site furniture masked: every number (years, dates, times, counters), month and day names, the units
// and clock words that follow a number ("3 hours ago", "10:45 am"), and the document's own title.
// Punctuation and spacing are ignored. So "© 2024 The Harbor Ledger." and "(c) 2025 the Harbor Ledger"
// give one template, and so do "Home » News » <any title>" for every article of a site.

#ifndef NEARDUP_PIPELINE_BOILERPLATE_TEMPLATES_H_
#define NEARDUP_PIPELINE_BOILERPLATE_TEMPLATES_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace neardup::boilerplate_internal {

// One unit of a text, in bytes.
struct Unit {
  uint32_t region_begin;  ///< the bytes the unit owns: its line(s) with the line ending, or its sentence
  uint32_t region_end;    ///<   with the whitespace after it (the first unit also owns leading space)
  uint32_t text_begin;    ///< the unit's text without surrounding whitespace (empty for a blank line)
  uint32_t text_end;
  bool joined = false;  ///< several lines joined at soft line breaks (a re-wrapped paragraph)
  bool blank() const { return text_begin == text_end; }
};

// Splits `text` into units. Lines end at "\n", "\r\n" or "\r". A text whose only line breaks are at its
// end is split into sentences instead (*sentence_mode = true): a sentence ends after '.', '!', '?' or
// '…' (and any closing quotes or brackets) followed by whitespace and a character that is not a
// lower-case letter. `text` must be valid UTF-8 and shorter than 4 GiB.
//
// Lines joined at soft line breaks are one unit: sites and dumps re-wrap paragraphs at a fixed width,
// and a line of such a paragraph ("comment.", "March 4.") is a fragment of a sentence, never furniture
// on its own. A break between two non-blank lines is soft when the line above does not end like a
// sentence (. ! ? : … ” " » ) and either the text is wrapped at some width W and the line above is full
// (its length plus the next word's exceeds W), or the line below starts with a lower-case letter and
// the line above is nearly as long as the text's longest line. W is what most pairs of adjacent lines agree
// on, with lower-case continuations among them; a stack of furniture lines of similar lengths (a box of
// related links) does not look wrapped.
std::vector<Unit> SplitUnits(std::string_view text, bool* sentence_mode);
void SplitUnits(std::string_view text, bool* sentence_mode, std::vector<Unit>* units);

// The first line of `text` that is not blank, trimmed (as FirstNonEmptyLine of the input layer finds the
// title of a document without one).
std::string_view FirstLine(std::string_view text);

// The text a rule sees for a joined unit: its lines, trimmed, joined by single spaces. `pieces`
// receives, for each line, (offset in the result, offset in `unit`) of its first byte, so that an
// offset into the result maps back with RawOffset.
void JoinLines(std::string_view unit, std::string* joined,
               std::vector<std::pair<uint32_t, uint32_t>>* pieces);
uint32_t RawOffset(const std::vector<std::pair<uint32_t, uint32_t>>& pieces, uint32_t joined_offset);

// The code point at s[i] of valid UTF-8 `s`, and its length in bytes.
char32_t DecodeUtf8(std::string_view s, size_t i, size_t* len);

// Splits one line into sentences (same rule as above); offsets relative to `line`.
std::vector<Unit> SplitSentences(std::string_view line);

// The title as the masker looks for it: the token sequences of the whole title and, when the title is
// made of segments ("Headline | Site", "Section » Headline"), of its longest segment. Sequences shorter
// than kMinTitleTokens are not used (a one-word title would mask that word everywhere).
class TitleMask {
 public:
  static constexpr size_t kMinTitleTokens = 3;

  TitleMask() = default;
  explicit TitleMask(std::string_view title);

  const std::vector<std::vector<uint64_t>>& variants() const { return variants_; }

 private:
  std::vector<std::vector<uint64_t>> variants_;
};

// An allocator whose resize leaves the new elements uninitialized (trivial types only): the tokenizer
// sizes a unit's words for the most the unit can hold, writes them through a pointer and cuts the vector
// to their number, where a zeroing resize would write each slot twice and push_back tests the capacity
// for every word.
template <typename T>
struct UninitializedAllocator : std::allocator<T> {
  template <typename U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  UninitializedAllocator() = default;
  template <typename U>
  UninitializedAllocator(const UninitializedAllocator<U>&) noexcept {}  // NOLINT(runtime/explicit)
  template <typename U>
  void construct(U* p) noexcept {
    static_assert(std::is_trivially_default_constructible_v<U>);
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

// The words of a unit as the rule prefilter (rules.cc) sees them, gathered by the tokenizer in the same
// pass: every maximal run of ASCII letters, lower-cased and hashed with HashBytes, in order; the first
// one's first bytes; how many runs of characters lie between whitespace; and a few characters.
struct UnitWords {
  std::vector<uint64_t, UninitializedAllocator<uint64_t>> words;
  uint64_t first_lo = 0, first_hi = 0;  ///< the first word's first 16 bytes, lower-cased, zero-padded
  uint32_t first_len = 0;               ///< its length in bytes (0: no word)
  uint32_t chunks = 0;                  ///< runs of characters between whitespace (\t \n \f \r space)
  bool lead_digit = false;              ///< the text starts with 0-9
  bool lead_number = false;             ///< ... with 0-9, '.' or ','
  bool gt = false;                      ///< contains '>'
  bool chevron = false;                 ///< contains » or ›
  bool copyright = false;               ///< contains ©
  bool fold_sensitive = false;          ///< contains ſ or K, which (?i) takes for s and k

  // Notes the first word, of `len` letters at `p` (readable for 16 bytes).
  void SetFirst(const char* p, size_t len) {
    first_len = static_cast<uint32_t>(len);
    uint64_t lo, hi;
    std::memcpy(&lo, p, 8);
    std::memcpy(&hi, p + 8, 8);
    constexpr uint64_t kCase = 0x2020202020202020ULL;
    const size_t k = len < 16 ? len : 16;
    first_lo = (lo | kCase) & (k >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * k)) - 1);
    first_hi = k <= 8 ? 0 : (hi | kCase) & (k >= 16 ? ~uint64_t{0} : (uint64_t{1} << (8 * (k - 8))) - 1);
  }
  // Adds the word of `len` letters at `p` (readable for 16 bytes), whose hash is `hash`.
  void Add(const char* p, size_t len, uint64_t hash) {
    if (words.empty()) SetFirst(p, len);
    words.push_back(hash);
  }
  void Clear();
};

// Tests and benchmarks only: while set, MaskUnit tokenizes one code point at a time (the reference
// tokenizer) and the built-in rules run on every unit without their prefilter, so that the fast paths
// can be compared with the plain ones on whole corpora. Not to be changed while the stage runs.
void SetReferencePathsForTesting(bool on);
bool ReferencePathsForTesting();

// The hash of a byte string: of tokens (folded) and of the prefilter's words.
uint64_t HashBytes(std::string_view bytes);

// The words of `text` (what MaskUnit gathers as it goes).
void ScanWords(std::string_view text, UnitWords* words);

// The maximal runs of ASCII letters that start in text[begin, end): ScanWords's words of a text are its
// maximal runs of ASCII letters (any other byte, a digit or a non-ASCII letter, ends one), in order.
size_t CountLetterRuns(std::string_view text, size_t begin, size_t end);

// ScanWords of text[begin, end) without the tokenizer, from `whole`, ScanWords's words of all of `text`:
// its words are whole.words[first, first + n), n the letter runs in it, and its flags are read from its
// bytes (ſ, K, », › and © by their UTF-8 bytes). Only for a piece of valid UTF-8 that does not cut a
// word (no letter on either side of it); false otherwise (`out` is then unspecified).
bool PieceWords(std::string_view text, const UnitWords& whole, size_t first, size_t begin, size_t end,
                UnitWords* out);

// A unit's template.
struct Template {
  uint64_t key = 0;         ///< hash of the masked token sequence; equal templates have equal keys
  uint32_t tokens = 0;      ///< tokens after masking (a run of masked tokens counts as one)
  uint32_t words = 0;       ///< tokens that are words (not masks, not symbols)
  bool has_title = false;   ///< the title was masked in it
  bool pure_title = false;  ///< nothing but the title (and masks or symbols): a headline, never furniture
  /// The template with names masked too, to recognise one piece of furniture whose names differ: across
  /// sites ("The Harbor Sentinel — news for the Harbor coast", "The Bay Record — news for the Bay
  /// coast"), or on one site (a byline line whose author and section vary). Every run of capitalized
  /// words becomes one mask, the unit's first word only when the next word is capitalized too (a name,
  /// not a sentence's first word) and it is not a preposition (OpensNoName: "By <Name>"). 0 when no word is left unmasked, and for a unit of more than
  /// kMaxCrossTokens tokens (a paragraph: furniture is shorter, and names are what article prose differs
  /// in).
  uint64_t cross_key = 0;
  uint32_t cross_words = 0;  ///< words left unmasked in it
};

// Units longer than this (tokens) get no template with names masked.
inline constexpr uint32_t kMaxCrossTokens = 40;

// Words a template with names masked must keep unmasked to be carried to another site.
inline constexpr uint32_t kMinCrossWords = 2;

// Computes the template of `unit` (UTF-8). When `display` is not null it receives the masked form,
// tokens joined by spaces, masks written "<n>" and "<title>" (the `pattern` of boilerplate.jsonl). When
// `hashes` is not null it receives the hash of each token after masking (to compare texts by shingles);
// when `words` is not null, the unit's words for the rule prefilter. With `padded`, `unit` is followed by
// kScanPadding readable bytes (ascii_scan.h), which saves a copy.
Template MaskUnit(std::string_view unit, const TitleMask& title, std::string* display = nullptr,
                  std::vector<uint64_t>* hashes = nullptr, UnitWords* words = nullptr, bool padded = false);

// Whether the token hash is that of a preposition that opens a unit but never a name ("By <Name>",
// "From <Place>"): the first word of a unit is masked with the capitalized words after it unless it is
// one (Template::cross_key).
bool OpensNoName(uint64_t hash);

// A token of a unit after masking numbers, dates and the title, with its bytes in the unit.
struct MaskedToken {
  uint64_t hash;
  uint32_t begin, end;
  bool cap;    ///< starts with a capital letter
  bool word;   ///< a word (not a mask or a symbol)
  bool title;  ///< the title's mask
};

// The tokens of `unit` as MaskUnit masks them (numbers, dates, the title), with their byte ranges, so
// that the templates of the unit's prefixes can be folded token by token: the template key of tokens
// [0, e) is MaskedTokens::Key of the fold `f = (f ^ hash) * 0x9E3779B97F4A7C15` from 0x243F6A8885A308D3,
// and the key with names masked likewise (MaskUnit says how names are masked) from 0x452821E638D01377.
void MaskTokens(std::string_view unit, const TitleMask& title, std::vector<MaskedToken>* out);
struct MaskedTokens {
  static constexpr uint64_t kSeed = 0x243F6A8885A308D3ULL;
  static constexpr uint64_t kCrossSeed = 0x452821E638D01377ULL;
  static constexpr uint64_t kStep = 0x9E3779B97F4A7C15ULL;
  static uint64_t Key(uint64_t fold);
  static uint64_t CrossKey(uint64_t fold);
  static uint64_t NameMask();
};

}  // namespace neardup::boilerplate_internal

#endif  // NEARDUP_PIPELINE_BOILERPLATE_TEMPLATES_H_
