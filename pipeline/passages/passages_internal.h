// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Internals of the passage finder (passages.cc) that tests check against plain references: the
// fingerprint index, its storage, and the banded extension. Not part of the stage's interface.

#ifndef NEARDUP_PIPELINE_PASSAGES_PASSAGES_INTERNAL_H_
#define NEARDUP_PIPELINE_PASSAGES_PASSAGES_INTERNAL_H_

#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "kernels/code_points.h"
#include "kernels/tokenize.h"
#include "pipeline/io/memory.h"
#include "pipeline/passages/passages.h"

namespace neardup::passages_internal {

// Occurrences of one fingerprint in one document that seed pairs (a document repeating a phrase fifty
// times must not make fifty squared seeds with each partner).
constexpr size_t kMaxPositionsPerDoc = 8;
// Alignment: diagonals explored either side of the seed's (the largest insertion or deletion bridged
// inside one extension), and the score an extension may lose below its best before it stops.
constexpr int kBand = 4;
constexpr int kXDrop = 5;

// Radix buckets of the posting sort: the top kBucketBits bits of the fingerprint (sampling uses the low
// bits, so buckets fill evenly); kScatterBlocks fixed groups of chunks count and scatter in parallel.
constexpr int kBucketBits = 12;
constexpr size_t kBuckets = size_t{1} << kBucketBits;
constexpr size_t kScatterBlocks = 64;

// A fixed-size array of a trivially copyable type, uninitialized, in memory mapped with huge pages
// requested when large (ByteBlock): the stage fills a few hundred MB of fresh memory per run, and at
// 4 KB a page fault that cost about a tenth of the stage.
template <typename T>
class BigArray {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  BigArray() = default;
  explicit BigArray(size_t n)
      : n_(n), capacity_(n), block_(std::make_unique<ByteBlock>(std::max<size_t>(1, n) * sizeof(T))) {}
  T* data() const { return reinterpret_cast<T*>(block_->data()); }
  T& operator[](size_t i) const { return data()[i]; }
  size_t size() const { return n_; }
  // Keeps the first n items (n <= size()): the memory past them, if never written, holds no pages.
  void Shrink(size_t n) {
    assert(n <= n_);
    n_ = n;
  }
  // Makes the array n items long again (n <= the size it was made with); the items past the old size
  // are uninitialized (or as they were left).
  void Regrow(size_t n) {
    assert(n <= capacity_);
    n_ = n;
  }
  // Gives back the memory of the whole huge pages past the first n items (n <= size()), whose values
  // are lost; the array keeps its size. A smaller array (from the heap: ByteBlock) is left as it is.
  void ReleaseFrom(size_t n) const {
    constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
    const uintptr_t begin = (reinterpret_cast<uintptr_t>(data() + n) + kHugePage - 1) & ~(kHugePage - 1);
    const uintptr_t end = reinterpret_cast<uintptr_t>(data() + n_) & ~(kHugePage - 1);
    if (begin < end) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
  }
  void reset() {
    block_.reset();
    n_ = capacity_ = 0;
  }

 private:
  size_t n_ = 0, capacity_ = 0;
  std::unique_ptr<ByteBlock> block_;
};

// Pieces of a BigArray handed out to parallel tasks, each exactly as large as the task needs; where a
// piece lands depends on timing, so a task keeps its own offset and nothing reads across pieces in
// storage order.
template <typename T>
class BumpArray {
 public:
  explicit BumpArray(size_t capacity) : storage_(capacity) {}
  // The offset of n items; the capacity must be a bound the callers can prove.
  size_t Take(size_t n) {
    const size_t offset = used_.fetch_add(n, std::memory_order_relaxed);
    assert(offset + n <= storage_.size());
    return offset;
  }
  T* data() const { return storage_.data(); }
  size_t used() const { return used_.load(std::memory_order_relaxed); }
  // BigArray::ReleaseFrom.
  void ReleaseFrom(size_t n) const { storage_.ReleaseFrom(n); }
  void reset() { storage_.reset(); }

 private:
  BigArray<T> storage_;
  std::atomic<size_t> used_{0};
};

// Where a chunk's items lie in a BumpArray.
struct Piece {
  size_t offset = 0, size = 0;
};

// A sampled shingle of a document, as the fingerprint pass writes it (chunk by chunk, documents and
// words ascending). Its document is not stored: a document's postings are contiguous, and BuildIndex
// reads them document by document. The fingerprint is kept in two halves so that a posting is 12
// bytes, aligned to 4, like an entry.
struct Posting {
  uint32_t hash_low, hash_high;
  uint32_t pos;  // word index of the shingle's first word
  static Posting Make(uint64_t hash, uint32_t pos) {
    return {static_cast<uint32_t>(hash), static_cast<uint32_t>(hash >> 32), pos};
  }
  uint64_t hash() const { return uint64_t{hash_high} << 32 | hash_low; }
};

// A posting in the index's buckets: `origin` is its place among the fingerprint pass's postings, which
// is also its document's Entry.
struct BucketPosting {
  uint64_t hash;
  uint32_t doc;
  uint32_t origin;
};

// One sampled shingle of a document, at the same place as its posting (a document's entries are
// contiguous, by word), as BuildIndex writes it, in the form the alignment reads: for a fingerprint kept
// in a group within the cap, the group's postings of later documents [later, end & ~kFrequentBit), and
// kFrequentBit set in `end` when the group is in at least `frequent` documents (the heavy step's runs);
// for a capped group, later = kCapped and end = the group, which is below kCapped, so that the range is
// empty until the heavy step gives a heavy occurrence that links documents its own range; for a
// fingerprint not indexed (in one document only, or past kMaxPositionsPerDoc occurrences of it in the
// document), later = kNoGroup. The postings (and the index's, with the heavy occurrences') are fewer
// than kCapped (FindPassages checks), so `later`, whose place is that of a posting's fingerprint's high
// half, has its top bit clear in every entry but the unindexed ones: BuildIndex's waves rely on it.
constexpr uint32_t kNoGroup = UINT32_MAX;
constexpr uint32_t kCapped = 0x7FFFFFFEu;
constexpr uint32_t kFrequentBit = 0x80000000u;
struct Entry {
  uint32_t pos;
  uint32_t later, end;
};

// The fingerprint pass writes postings; the index reads each one and writes its entry in its place, so
// that postings and entries share one table; 12 bytes each.
union PostingSlot {
  Posting posting;
  Entry entry;
};
static_assert(sizeof(PostingSlot) == 12);

// The entries in a table of PostingSlot, after BuildIndex.
class Entries {
 public:
  Entries(PostingSlot* slots, size_t n) : slots_(slots), n_(n) {}
  Entry& operator[](size_t i) const { return slots_[i].entry; }
  size_t size() const { return n_; }

 private:
  PostingSlot* slots_;
  size_t n_;
};

// An occurrence of a group's fingerprint: read as a pair when seeds are gathered (one cache line).
struct IndexPosting {
  uint32_t doc;
  uint32_t pos;
};

// Fingerprints found in two or more documents ("groups"). Group g's postings follow group g - 1's; the
// alignment reaches them only through the entries. `postings` is made with room for as many again:
// FindPassages appends the heavy occurrences' there (BigArray::Regrow).
struct Index {
  BigArray<IndexPosting> postings;  // sorted by document, then word
  size_t n_groups = 0;
};

// Sorts [first, last), postings of one bucket (the same top kBucketBits bits), by hash, keeping the
// order of equal hashes.
void SortBucketByHash(BucketPosting* first, BucketPosting* last, std::vector<BucketPosting>* tmp);

// Builds the index of the fingerprints found in two or more documents from the postings (document d's
// are [doc_begin[d], doc_end[d]) of `slots`, by word; n_docs documents), at most kMaxPositionsPerDoc
// occurrences per document, each group's postings by document then word. Replaces every posting by its
// entry (Entries(slots, ...)[origin], origin: the posting's place; Entry), for a group in more than
// `cap` documents capped, and frequent for one in at least `frequent`. Adds the fingerprints and capped
// fingerprints to *stats. The postings must be fewer than kCapped.
void BuildIndex(PostingSlot* slots, const uint64_t* doc_begin, const uint64_t* doc_end, size_t n_docs,
                size_t cap, size_t frequent, Index* index, PassageStats* stats);

struct Extension {
  uint32_t da = 0, db = 0;  // words consumed in a and in b
  uint32_t matches = 0;     // matching words on the alignment
};

// The banded X-drop extension: a[ia + i * dir] against b[ib + j * dir] for i < na, j < nb (dir = 1 or -1),
// +1 per match, -1 per mismatch or gap, |i - j| <= kBand, stopping kXDrop below the best. Returns the
// prefix lengths ending the best alignment (the shortest among ties) and its matches (the most among
// equal scores).
Extension ExtendBandedForTest(const uint32_t* a, long ia, size_t na, const uint32_t* b, long ib, size_t nb,
                              int dir);

// Extend (the run of exact matches, then ExtendBanded) as AlignPair runs it from a seed.
Extension ExtendForTest(const uint32_t* a, long ia, size_t na, const uint32_t* b, long ib, size_t nb,
                        int dir);

// What one side's extension from a seed (Extend: the run of exact matches, then ExtendBanded) can give,
// bounded from the words alone, without the alignment: the prefix lengths of a it may end at, each with
// the most matches it may hold. Row x (a[ia + x * dir]) is a hit when it equals one of b[ib + y * dir],
// |x - y| <= kBand, y < nb: a match of the alignment is a hit, one per row. A path through row t with h
// hits in rows < t scores at most 2h - t, and a live cell scores at least -kXDrop, so the extension
// never passes the first row t where 2h - t < -kXDrop; it ends on a match (a shorter end would score
// more) whose score is at least 1. Lengths are listed up to kReachRows rows; past them `complete` is
// false and nothing is claimed.
constexpr size_t kReachRows = 64;
struct Reach {
  uint32_t n = 0;         // lengths listed: length[0, n), ascending, the first 0
  bool complete = false;  // every length the extension can end at is listed
  uint8_t length[kReachRows + 1];
  uint8_t hits[kReachRows + 1];  // hits in rows < length[k]: at least the extension's matches there
};

// The bound for a[ia + x * dir], x < na, against b[ib + y * dir], y < nb (dir = 1 or -1), as Extend
// reads them from a seed: b's kShingleWords words before ib (after it, backward) are the seed's shingle,
// and are read too.
void BoundReachForTest(const uint32_t* a, long ia, size_t na, const uint32_t* b, long ib, size_t nb, int dir,
                       Reach* out);

// The end in a (a word index) of the run of exact matches after the seed's shingle at pa, pb, within
// the seed's ranges (ending at a_end in a, b_end in b). An extension from the seed takes its run whole
// (the full alignment too: no cell before the run's end scores as much), so its region holds every seed
// on its diagonal that starts at qa, pa <= qa < the run's end: InsideSeedRun.
uint32_t SeedRunEnd(const uint32_t* a, uint32_t pa, uint32_t a_end, const uint32_t* b, uint32_t pb,
                    uint32_t b_end);
inline bool InsideSeedRun(uint32_t pa, uint32_t pb, uint32_t run_end, uint32_t qa, uint32_t qb) {
  return qa >= pa && qb - qa == pb - pa && qa < run_end;
}

// True when no region made of a seed's shingle (kShingleWords words, at most as many matches) with a
// left and a right extension within `left` and `right` can be a passage: at least min_words words of a
// and matches at least min_similarity times them, as AlignPair requires of a region that stays alone.
bool CannotMakeAPassage(const Reach& left, const Reach& right, size_t min_words, double min_similarity);

// AlignPair (passages.cc: the passages of two documents from their seeds) on the words a and b, whose
// ranges end at a_range_ends and b_range_ends, from `seeds` (pa, pb), sorted, each the first word of
// kShingleWords words inside one range of each. The bound before the first extension (Reach,
// CannotMakeAPassage) is computed for a seed with fewer than `bound_below` near-diagonal matches
// (FindPassages: min_words; 0: never, LONG_MAX: always); it only spares work, so the regions are the
// same for every value. Returns the regions kept, as FindPassages reports them.
struct AlignedRegion {
  uint32_t a0, a1, b0, b1, matches;
  bool operator==(const AlignedRegion&) const = default;
};
std::vector<AlignedRegion> AlignPairForTest(const std::vector<uint32_t>& a,
                                            const std::vector<uint32_t>& a_range_ends,
                                            const std::vector<uint32_t>& b,
                                            const std::vector<uint32_t>& b_range_ends,
                                            const std::vector<std::pair<uint32_t, uint32_t>>& seeds,
                                            size_t min_words, double min_similarity, long bound_below);

// The order in which the alignment's stable radix sort by document puts seeds whose documents b are
// `b` (every one at least base): the original index of each seed, in sorted order.
std::vector<uint32_t> SortSeedsByDocumentForTest(const std::vector<uint32_t>& b, uint32_t base);

// Words of padding (zeros) before and after the table of every document's words that the alignment
// reads: the near-diagonal check reads up to 3 words outside the seed's ranges.
constexpr size_t kWordPad = 8;

// The near-diagonal check of a seed at a[pa], b[pb] (ranges [ra0, ra1) of a and [rb0, rb1) of b, pa + 4 <=
// ra1, pb + 4 <= rb1): of the words a[x], x in [max(ra0, pa - window), pa) and [pa + 4, min(ra1, pa +
// 4 + window)), those equal to one of b[y], |(y - pb) - (x - pa)| <= 2, y in [rb0, pb) for x before
// the seed and [pb + 4, rb1) after it. Reads up to kWordPad words outside both ranges.
long NearDiagonalMatchesForTest(const uint32_t* a, uint32_t pa, uint32_t ra0, uint32_t ra1, const uint32_t* b,
                                uint32_t pb, uint32_t rb0, uint32_t rb1, uint32_t window);

// The longest common subsequence of a[0, na) and b[0, nb) over alignments whose diagonal (j - i) stays
// in [lo, hi] (lo <= 0 <= hi, lo <= nb - na <= hi): the matching words of a merged passage. Reads up to
// 3 words past a[na - 1].
// RangeWords (passages.cc: a range tokenized a block at a time, as far as asked): the range of `text`
// from byte_start, which is code point cp_start, to code point cp_end, in blocks of `block` bytes;
// Reach(index) for each of `indices` in turn, each result in *reached; returns the bounds of the words
// tokenized by then, and where it stopped in *stop.
std::vector<WordBounds> RangeWordsForTest(std::string_view text, size_t byte_start, uint32_t cp_start,
                                          uint32_t cp_end, size_t block, const std::vector<size_t>& indices,
                                          std::vector<bool>* reached, Utf8Position* stop);

uint32_t BandedLcsForTest(const uint32_t* a, size_t na, const uint32_t* b, size_t nb, long lo, long hi);

// ChunkWordCounter (passages.cc: a thread's words counted in a small table, each distinct word's count
// then added to the shared table of word counts): the shared table after `chunks` are counted in turn
// with one counter, flushed as the words step flushes it (after a chunk that leaves it with many
// distinct words, and at the end). A word is counted in slot WordSlotForTest(word) of the shared table.
std::vector<uint32_t> CountWordsForTest(const std::vector<std::vector<uint32_t>>& chunks);
size_t WordSlotForTest(uint32_t word);

// The hash of the shingle words[0, 4) (its words as the fingerprint pass reads them, common ones
// marked): a fingerprint when its low bit is 0 and one of the words is not common.
uint64_t ShingleHashForTest(const uint32_t* words);

}  // namespace neardup::passages_internal

#endif  // NEARDUP_PIPELINE_PASSAGES_PASSAGES_INTERNAL_H_
