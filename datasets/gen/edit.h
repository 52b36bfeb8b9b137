// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Near-duplicate copies with a chosen similarity. A copy is its parent with edits that change words
// (sentences dropped, added or replaced; words substituted, deleted or inserted) plus, decided by the
// caller, edits that change only characters (quotes, spacing, case, line breaks) or the parts a site
// shows (headline line, dateline).
//
// Steering: the word edits are drawn up front as an ordered plan (coarse sentence edits in the order
// the edit style dictates, then single-word edits at random positions). Applying a longer prefix of the
// plan lowers the word 5-gram Jaccard with the parent almost monotonically, so a binary search over the
// prefix length finds the copy whose Jaccard is closest to the target: first over sentence edits
// (staying at or above the target), then over word edits. Jaccard is computed exactly on the
// generator's word keys, with neardup's conventions: a text with fewer than n words has one shingle of
// all its words, and two texts without words have Jaccard 0.

#ifndef NEARDUP_DATASETS_GEN_EDIT_H_
#define NEARDUP_DATASETS_GEN_EDIT_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "datasets/gen/rng.h"
#include "datasets/gen/story.h"

namespace neardup::datagen {

// Exact Jaccard of word n-gram (shingle) sets against a fixed reference text. Reusable: keeps its
// tables between calls, so steering a copy allocates nothing after the first calls.
class ShingleJaccard {
 public:
  explicit ShingleJaccard(size_t n = 5) : n_(n) {}

  void SetReference(const std::vector<uint64_t>& keys);
  // Jaccard of `keys`' shingle set with the reference's.
  double Jaccard(const std::vector<uint64_t>& keys);
  size_t reference_size() const { return ref_size_; }

 private:
  struct Table {
    struct Entry {
      uint64_t value;
      uint64_t stamp;  ///< the entry is set when stamp equals the table's (value and stamp share a line)
    };
    std::vector<Entry> entries;
    uint64_t stamp = 0;
    void Prepare(size_t count);  // empties the table, sized for `count` values
    bool Insert(uint64_t v);     // false if already present
    bool Contains(uint64_t v) const;
  };
  template <typename F>
  void ForEachShingle(const std::vector<uint64_t>& keys, F f) const;

  size_t n_;
  Table ref_;
  Table seen_;
  size_t ref_size_ = 0;
};

enum class EditStyle : uint8_t {
  kRewrite,  // word substitutions, deletions and insertions only
  kTrim,     // sentences cut (mostly from the end, as syndicated copies are), then word edits
  kExtend,   // sentences added (local context, updates), then word edits
  kMixed,    // sentences dropped, added and replaced in random order, then word edits
};
const char* EditStyleName(EditStyle s);

struct EditCounts {
  uint32_t sentences_dropped = 0;
  uint32_t sentences_added = 0;
  uint32_t sentences_replaced = 0;
  uint32_t words_substituted = 0;
  uint32_t words_deleted = 0;
  uint32_t words_inserted = 0;
};

struct CopyRequest {
  double target = 1.0;  ///< wanted word 5-gram Jaccard with the parent
  EditStyle style = EditStyle::kRewrite;
  bool new_headline = false;      ///< the copy gets a different headline
  bool headline_in_text = false;  ///< the copy's site puts the headline in the text
  bool dateline = false;          ///< the copy's site starts the text with the dateline
};

struct CopyResult {
  Article article;
  double jaccard = 0;  ///< exact, on the generator's word keys, with the parent as its site rendered it
  EditCounts counts;
};

// Makes a copy of `parent`. `parent_keys` are the parent's word keys as its own site rendered it.
// `writer` writes for the parent's story (new sentences and replacement words come from it).
CopyResult MakeCopy(const Article& parent, const std::vector<uint64_t>& parent_keys,
                    const CopyRequest& request, ArticleWriter* writer, ShingleJaccard* jaccard);

}  // namespace neardup::datagen

#endif  // NEARDUP_DATASETS_GEN_EDIT_H_
