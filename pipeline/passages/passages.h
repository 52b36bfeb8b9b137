// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Near-duplicate passages: stretches of at least min_words words that two documents share, tolerating
// small edits (a changed word every ~10 words, punctuation and quotes, merged paragraphs). Found through
// an index of fingerprints (no all-pairs comparison), then aligned only for candidate document pairs.
// Spans are maximal (one passage is one span pair), never cross a boilerplate span, and are code point
// offsets into the original text.

#ifndef NEARDUP_PIPELINE_PASSAGES_PASSAGES_H_
#define NEARDUP_PIPELINE_PASSAGES_PASSAGES_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "neardup/status.h"

namespace neardup {

struct PassageOptions {
  size_t min_words = 15;  ///< --min-passage-words; at least 4 (the words of one fingerprint)
  /// A span pair is reported when its aligned matching words are at least this fraction of the longer
  /// span's words. 0.7 keeps two copies that each change one word in ten (about 0.8 to each other).
  double min_similarity = 0.7;
  size_t max_doc_frequency = 0;  ///< cap on documents one fingerprint may link; 0 = the default (64)
  /// A fingerprint above max_doc_frequency still links the documents where it lies inside a long run of
  /// frequent fingerprints (a widely quoted paragraph), unless it does so in more than this many
  /// documents (then it links nothing and is counted in too_common_fingerprints); 0 = the default (250).
  /// Words seen once every 20 documents on average, and at least 500 and twice this many times, are
  /// common words, which make no fingerprints on their own.
  size_t max_shared_docs = 0;
  size_t chunk_docs = 256;  ///< documents per parallel task
};

// What the passage finder reads of a document.
struct PassageInput {
  std::string_view text;  ///< the original text
  /// Code point ranges [start, end) of the text that takes part (the text between boilerplate spans),
  /// sorted and non-overlapping. A passage never crosses from one range into another.
  std::vector<std::pair<uint32_t, uint32_t>> ranges;
  bool participates = true;  ///< false: representatives-only mode and this document is a duplicate
  int32_t cluster = -1;      ///< near-duplicate cluster; two documents of one cluster are never paired
  /// Optional: the words of `ranges`, when the caller has already tokenized them, so that the stage
  /// tokenizes only the documents it reports passages for (to turn word indices into code points).
  /// words[i] is the low 32 bits of Word::hash (kernels/tokenize.h) of the i-th word, each range
  /// tokenized on its own with WordTokenizer::Tokenize, in order; range_word_ends[r] is the number of
  /// words in ranges 0..r (one value per range, so the last is words.size()). They must be the words
  /// the stage would find itself: output is then identical. Left empty, the stage tokenizes. Views of
  /// the caller's storage (the run's SketchWords, pipeline/dedup.h), which must outlive the call.
  std::span<const uint32_t> words;
  std::span<const uint32_t> range_word_ends;
};

struct PassageSpan {
  uint32_t a_start, a_end;  ///< code points in document a
  uint32_t b_start, b_end;  ///< code points in document b
  double similarity;        ///< aligned matching words / word count of the longer span
};

// One line of passages.jsonl: a < b (input order), spans sorted by a_start.
struct PassagePair {
  uint32_t a, b;
  std::vector<PassageSpan> spans;
};

struct PassageStats {
  uint64_t common_words = 0;         ///< words common enough to make no fingerprint on their own (about)
  uint64_t fingerprints = 0;         ///< distinct fingerprints indexed
  uint64_t capped_fingerprints = 0;  ///< fingerprints linking more documents than the cap
  /// Capped fingerprints that still linked documents because they lie in long shared runs there.
  uint64_t widely_shared_fingerprints = 0;
  /// Capped fingerprints in long runs in more than max_shared_docs documents: they linked nothing.
  uint64_t too_common_fingerprints = 0;
  uint64_t candidate_pairs = 0;  ///< document pairs aligned
  uint64_t span_pairs = 0;
  /// What each step of the stage cost, in order (for benchmarks): CPU seconds of the whole process
  /// while it ran, of them in the kernel (mostly zeroing fresh pages), its minor page faults, the
  /// process's resident memory when it ended and its peak so far.
  struct Step {
    const char* name;
    double cpu_seconds;
    double rss_mb, peak_rss_mb;
    double system_seconds = 0;
    uint64_t minor_faults = 0;
  };
  std::vector<Step> steps;
};

// Finds passages between every two participating documents not in the same cluster. Output sorted by
// a then b; deterministic for any thread count.
Status FindPassages(const std::vector<PassageInput>& docs, const PassageOptions& options,
                    std::vector<PassagePair>* pairs, PassageStats* stats);

// The same, for a caller that no longer needs the documents' `words`: as soon as the stage has copied
// them, before the alignment, which is the stage's peak (on 1 GB of news they are about 0.5 GB), it
// empties every document's `words` view and calls release_words once, for the caller to free what they
// viewed. The `range_word_ends` are read to the end and must stay.
Status FindPassagesReleasingWords(std::vector<PassageInput>* docs, const std::function<void()>& release_words,
                                  const PassageOptions& options, std::vector<PassagePair>* pairs,
                                  PassageStats* stats);

}  // namespace neardup

#endif  // NEARDUP_PIPELINE_PASSAGES_PASSAGES_H_
