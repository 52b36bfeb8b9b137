// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// How passages are found (passages.h states the contract):
//
// 1. Words. Each range of a participating document is tokenized on its own (or its words come from the
//    caller, who tokenized them already), so nothing (shingles, alignments) ever spans two ranges. A
//    document keeps one 32-bit value per word; code point offsets are recovered at the end by
//    tokenizing again only the documents that have passages. Words are
//    counted over the whole input: a word seen at least once every kCommonEvery documents on average
//    (and at least kMinCommonCount and 2 * max_shared_docs times) is "common".
// 2. Fingerprints. A shingle is kShingleWords consecutive words of one range. It is a fingerprint when it
//    holds at least one word that is not common (so "one of the most", or the fixed words of a sentence
//    template, never link anything by themselves) and its hash falls in a content-defined 1-in-2 sample
//    (the same shingle is kept in every document, whatever surrounds it). When each of two copies
//    changes one word in ten, about 4 in 10 four-word shingles survive in both (3 in 10 five-word ones).
// 3. Index. Postings (fingerprint and word; the document is where they lie) are grouped by fingerprint
//    with a stable radix scatter into buckets (documents stay in order; half of the buckets at a time,
//    in one table) and a stable sort of each bucket by fingerprint; fingerprints seen in one document
//    are dropped. Each posting's group (its postings in later documents) is written back to its
//    document's entry (entries lie where the fingerprint pass wrote the postings: by document and
//    word), so no per-document sort is needed. A fingerprint in at
//    most `cap` documents proposes every pair of them. A fingerprint above the cap ("capped": a common
//    phrase, or a paragraph
//    quoted by many documents) proposes a pair only through "heavy" occurrences: those inside a run of
//    frequent fingerprints (in at least cap/2 documents, no more than kRunGap words apart) that covers
//    at least half of min_words words of one range, in both documents. A common phrase makes a run of a few
//    shingles; a quoted paragraph makes one as long as the quote. A capped fingerprint with heavy
//    occurrences in more than max_shared_docs documents links nothing, and is counted.
// 4. Alignment. For each document a (in parallel, a few chunks of documents at a time) its seeds with
//    every later document b are gathered from both indexes, and the chunks' seeds are sorted by b
//    (radix), so that the documents b are read in memory order. For each pair, every seed not inside a
//    region already found is checked cheaply (enough words near its diagonal must match; the words of
//    the next pairs' documents are prefetched meanwhile) and then extended both ways: the run of
//    exact matches, then a banded word-level X-drop alignment tolerating substitutions and insertions or
//    deletions of up to kBand words, never leaving the seed's range. Before the first extension of a
//    pair, a bound from the words near the seed's diagonal (passages_internal::Reach) tells whether its
//    region could be a passage at all (unless the check already found min_words matches near the seed);
//    when it could not and no later seed of the pair passes the check, the pair has no passage and is
//    not aligned. Regions close to each other in both
//    documents are merged, so one passage is one span pair. A region is kept when both spans have at
//    least min_words words and its similarity reaches min_similarity.
//
// Every parallel step writes to slots owned by one document or one fixed chunk of documents, counts are
// sums, and every sort uses a total order or is stable over an input in a fixed order, so the output
// does not depend on the number of threads. (Where a chunk's words and postings land in their flat
// tables depends on timing; nothing depends on that place but the entries, which follow it.)
//
// Cost: tokenizing and indexing are linear; the pairs a fingerprint proposes are bounded by cap^2 and,
// through heavy occurrences, by max_shared_docs^2, so the alignment work is linear in the number of
// fingerprints with those constants. Memory: 4 bytes per word; 12 bytes per sampled shingle for its
// posting (its document is where it lies), which becomes its entry, and 16 more for its bucket copy
// while the index is built (for the larger half of the buckets: the halves take turns in one table); 8
// per indexed posting. The large
// tables are mapped with huge pages requested. The copy of words the caller gives is made only after
// the index is built (and the caller's released then, with FindPassagesReleasingWords), once the
// entries of indexed fingerprints are moved to the front of their table and the rest of it given back,
// and every table is released before the output is built, so that the peak is the larger of the index
// (postings, bucket copies, index) and the alignment (words, entries of indexed fingerprints, index,
// regions found), and the words' pages are mostly ones the stage gave back (bench/README-passages.md,
// round 8).

#include "pipeline/passages/passages.h"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#define XXH_INLINE_ALL
#include <xxhash.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "kernels/code_points.h"
#include "kernels/tokenize.h"
#include "pipeline/io/memory.h"
#include "pipeline/passages/passages_internal.h"
#include "pipeline/process_usage.h"

namespace neardup {
namespace {

using passages_internal::BigArray;
using passages_internal::BucketPosting;
using passages_internal::BuildIndex;
using passages_internal::BumpArray;
using passages_internal::Entries;
using passages_internal::Entry;
using passages_internal::Extension;
using passages_internal::Index;
using passages_internal::kBand;
using passages_internal::kCapped;
using passages_internal::kFrequentBit;
using passages_internal::kMaxPositionsPerDoc;
using passages_internal::kNoGroup;
using passages_internal::kXDrop;
using passages_internal::Piece;
using passages_internal::Posting;
using passages_internal::PostingSlot;

// ------------------------------------------------------------------------------------------- parameters

// Words per shingle and the shingle sample (1 in 2^kSampleBits); bench/README-passages.md compares
// k = 4 and 5 with and without sampling.
constexpr size_t kShingleWords = 4;
constexpr int kSampleBits = 1;
constexpr uint64_t kShingleSeed = 0x7061737361676573ULL;  // "passages"
// Extensions at most this many words apart in both documents, in the same order, are one passage.
constexpr uint32_t kMergeGap = 12;
// Runs of frequent fingerprints (heavy occurrences): two fingerprints at most kRunGap words apart belong
// to one run, and a run counts when its fingerprints cover kRunCoverage * min_words words. In each copy
// of a quoted paragraph an edited word removes kShingleWords shingles, sampling about half of the
// others and common words some more. With every paragraph's pairs left to heavy occurrences (cap 16),
// the bench finds 0.78 of the pairs of paragraphs quoted by 31-100 documents with (10, 1.0), 0.89 with
// (16, 0.7) and 0.96 with (20, 0.5); a stock phrase still has to sit next to other frequent ones.
constexpr uint32_t kRunGap = 5 * kShingleWords;
constexpr double kRunCoverage = 0.5;

constexpr size_t kDefaultMaxDocFrequency = 64;
constexpr size_t kDefaultMaxSharedDocs = 250;

// Common words (see the file comment): seen at least once every kCommonEvery documents on average, and
// at least kMinCommonCount and twice max_shared_docs times, so that the words of a paragraph quoted by
// up to max_shared_docs documents do not become common just by being quoted. The floor matters in small
// inputs: in neardup-datagen's templated text of 4,000 documents, 1,000 instead of 500 makes the stage
// four times slower.
constexpr uint64_t kCommonEvery = 20;
constexpr uint64_t kMinCommonCount = 2 * kDefaultMaxSharedDocs;
// Word counts go to slots by hash: a rare word sharing a slot with a common one (about one in a thousand
// with a few thousand common words) is taken as common, which only thins its shingles.
constexpr int kWordCountBits = 21;
constexpr size_t kWordCountSlots = size_t{1} << kWordCountBits;
// The top bit of a stored word marks it common; equal words stay equal.
constexpr uint32_t kCommonBit = 0x80000000u;

inline size_t WordSlot(uint32_t word) {
  return ((word & ~kCommonBit) * 0x9E3779B1u) >> (32 - kWordCountBits);
}

// ---------------------------------------------------------------------------------------------- storage

// A document's words, as the alignment reads them.
struct DocView {
  const uint32_t* words = nullptr;
  uint32_t n = 0;
  const uint32_t* range_ends = nullptr;
  uint32_t n_ranges = 0;
};

// A heavy occurrence (step 4) and its entry (a document has one fingerprint of a group at a word, so
// (group, doc, pos) is a total order).
struct HeavyPosting {
  uint32_t group, doc, pos;
  uint32_t entry;
  bool operator<(const HeavyPosting& o) const {
    if (group != o.group) return group < o.group;
    if (doc != o.doc) return doc < o.doc;
    return pos < o.pos;
  }
};

struct Seed {
  uint32_t b, a, pa, pb;
};

// A span pair in word indices, half-open, and the matching words of its alignment (0: not known yet).
struct Region {
  uint32_t a0, a1, b0, b1;
  uint32_t matches;
  bool operator<(const Region& o) const {
    if (a0 != o.a0) return a0 < o.a0;
    if (b0 != o.b0) return b0 < o.b0;
    if (a1 != o.a1) return a1 < o.a1;
    return b1 < o.b1;
  }
};

// The passages a chunk of documents found, without an allocation per pair: pair i's regions follow
// those of pairs 0..i-1 in `regions`.
struct ChunkPassages {
  struct Pair {
    uint32_t a, b, n_regions;
  };
  std::vector<Pair> pairs;
  std::vector<Region> regions;
};

// Records what each step cost in PassageStats::steps: process CPU time (every thread) since the last
// step, its system time and minor faults, and resident memory (now, and the peak so far).
class StepClock {
 public:
  explicit StepClock(PassageStats* stats) : stats_(stats), last_(Usage()) {}
  void Done(const char* name) {
    const ProcessUsage now = Usage();
    stats_->steps.push_back({name, now.cpu_seconds - last_.cpu_seconds, ResidentMegabytes(),
                             static_cast<double>(now.peak_rss) / 1048576.0,
                             now.system_seconds - last_.system_seconds,
                             now.minor_faults - last_.minor_faults});
    last_ = now;
  }

 private:
  // The second field of /proc/self/statm is resident pages (0 where unavailable).
  static double ResidentMegabytes() {
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    if (f == nullptr) return 0;
    unsigned long long size = 0, resident = 0;
    const int got = std::fscanf(f, "%llu %llu", &size, &resident);
    std::fclose(f);
    return got == 2 ? static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1048576.0 : 0;
  }

  PassageStats* stats_;
  ProcessUsage last_;
};

// ----------------------------------------------------------------------------------------- tokenization

// Byte offsets in `text` of the ascending code point offsets `cps` (kernels/code_points.h). False when
// one is past the end.
bool CodePointsToBytes(std::string_view text, const std::vector<uint32_t>& cps, std::vector<size_t>* bytes) {
  bytes->clear();
  Utf8Position at;
  for (const uint32_t target : cps) {
    AdvanceToCodePoint(text, target, &at);
    if (at.cp < target) return false;
    bytes->push_back(at.byte);
  }
  return true;
}

struct TokenizeScratch {
  WordTokenizer tokenizer;
  std::vector<Word> words;
  std::vector<uint32_t> cps, range_ends;
  std::vector<size_t> bytes;
};

// Tokenizes every range of `doc` on its own into s->words; s->range_ends gets the word index ending each
// range that has words. The ranges must be sorted and must not overlap (FindPassages checks); false when
// one ends past the end of the text.
bool TokenizeRanges(const PassageInput& doc, TokenizeScratch* s) {
  s->words.clear();
  s->range_ends.clear();
  s->cps.clear();
  for (const auto& [start, end] : doc.ranges) {
    s->cps.push_back(start);
    s->cps.push_back(end);
  }
  if (!CodePointsToBytes(doc.text, s->cps, &s->bytes)) return false;
  for (size_t r = 0; r < doc.ranges.size(); ++r) {
    const size_t b0 = s->bytes[2 * r], b1 = s->bytes[2 * r + 1];
    if (b1 <= b0) continue;
    const size_t before = s->words.size();
    s->tokenizer.Tokenize(doc.text.substr(b0, b1 - b0), doc.ranges[r].first, &s->words);
    if (s->words.size() > before) s->range_ends.push_back(static_cast<uint32_t>(s->words.size()));
  }
  return true;
}

// A word index of a document (its ranges' words, in order) whose code point offset a span needs.
struct OffsetRequest {
  uint32_t word;
  uint32_t slot;  // 4 * span + field; odd fields are ends
};

bool IsAsciiWhitespace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// The words of one range, tokenized a block at a time and only as far as asked. Blocks end just before
// an ASCII whitespace character, where no word of the tokenizer ever crosses and nothing before it
// changes what follows (kernels/tokenize.cc cuts its own runs there): the words of the blocks are those
// of the whole range, in order, with the same offsets. Reaching a word past the first block costs a
// code point count of the blocks before it. Only the words' bounds are kept: their hashes are not
// computed (WordTokenizer::TokenizeBounds).
//
// The range's end is given in code points, and found in bytes only once a block might reach it: a block
// of fewer bytes than the code points left before the end ends before it (a code point takes at least
// a byte), and is then the block the range cut at its end would give. So a document's text is walked
// only as far as its requests need, not to the end of every range (a document's last request often lies
// well before the end of its last range).
class RangeWords {
 public:
  // The range of `text` from `start` (a code point boundary: its byte and code point) to code point
  // `cp_end` (the end of the text when the text has fewer code points).
  void Start(std::string_view text, Utf8Position start, uint32_t cp_end, size_t block) {
    text_ = text;
    pos_ = start.byte;
    cp_ = start.cp;
    cp_end_ = cp_end;
    end_known_ = false;
    block_ = block;
    words_.clear();
  }
  // Tokenizes until the range has more than `index` words or is done; false when it has no such word.
  bool Reach(size_t index, WordTokenizer* tokenizer) {
    while (words_.size() <= index) {
      size_t end = BlockEnd();
      if (!end_known_ && uint64_t{cp_} + (end - pos_) >= cp_end_) {
        // The block may hold the range's end: the text is cut there, and the block taken again.
        Utf8Position at{pos_, cp_};
        AdvanceToCodePoint(text_, cp_end_, &at);
        text_ = text_.substr(0, at.byte);
        cp_end_ = at.cp;
        end_known_ = true;
        end = BlockEnd();
      }
      if (pos_ >= text_.size()) break;
      const std::string_view piece = text_.substr(pos_, end - pos_);
      tokenizer->TokenizeBounds(piece, cp_, &words_);
      pos_ = end;
      if (pos_ < text_.size()) cp_ += static_cast<uint32_t>(CountCodePoints(piece));
    }
    return words_.size() > index;
  }
  const std::vector<WordBounds>& words() const { return words_; }
  // A code point boundary at or before the range's end from which the text after the range can be
  // walked: where tokenizing stopped (the range's end once it is done).
  Utf8Position Stop() const {
    return end_known_ && pos_ >= text_.size() ? Utf8Position{text_.size(), cp_end_} : Utf8Position{pos_, cp_};
  }

 private:
  // The end of the block from pos_ in text_ (the whole text until the range's end is known).
  size_t BlockEnd() const {
    if (text_.size() - pos_ <= block_) return text_.size();
    size_t end = pos_ + block_;
    while (end < text_.size() && !IsAsciiWhitespace(text_[end])) ++end;
    return end;
  }

  std::string_view text_;
  size_t pos_ = 0;
  uint32_t cp_ = 0;
  uint32_t cp_end_ = 0;
  bool end_known_ = false;  // text_ ends at the range's end
  size_t block_ = 0;
  std::vector<WordBounds> words_;
};

// Bytes of a block in RangeWords. A document's last request often lies in its last KB (on the first 20,000
// documents of the bench corpus, the tokenizer's instructions in this step fall by a fifth at most, with
// blocks of 512 bytes as with 1 KB; doubling blocks from 1 KB saved less).
constexpr size_t kRangeBlock = 1024;

// Writes offsets[q.slot] for the requests [begin, end) of one document: the start (even slot) or end
// (odd slot) of its word q.word. Ranges are tokenized in order and each only as far as its last request;
// with the caller's range_word_ends, ranges holding no request are not tokenized at all. The text is
// walked once, from its start to the last block tokenized: to each range's start from where the range
// before stopped. The requests are sorted by word. A request past the document's words (words the
// caller gave that the tokenizer does not find), or in a range that starts past the end of the text, gets
// the end of the text's last range; a range that ends past it is tokenized to the end of the text. (Step
// 1 rejects such ranges unless the caller gave words, which then break their contract.)
void ResolveOffsets(const PassageInput& doc, OffsetRequest* begin, OffsetRequest* end,
                    WordTokenizer* tokenizer, RangeWords* range, uint32_t* offsets) {
  std::sort(begin, end, [](const OffsetRequest& x, const OffsetRequest& y) { return x.word < y.word; });
  const bool given = !doc.range_word_ends.empty();
  Utf8Position walked;  // at or before the start of every range from r on
  size_t r = 0;         // the range holding the request
  uint32_t base = 0;    // word index of its first word
  bool started = false;
  bool mapped = true;  // range r starts within the text
  auto start = [&] {
    if (started) return;
    AdvanceToCodePoint(doc.text, doc.ranges[r].first, &walked);
    mapped = walked.cp == doc.ranges[r].first;
    if (mapped) range->Start(doc.text, walked, doc.ranges[r].second, kRangeBlock);
    started = true;
  };
  auto next_range = [&] {
    if (started) walked = range->Stop();
    ++r;
    started = false;
  };
  for (OffsetRequest* q = begin; q != end; ++q) {
    while (mapped && r < doc.ranges.size()) {
      if (given && q->word >= doc.range_word_ends[r]) {
        base = doc.range_word_ends[r];
      } else {
        start();
        if (!mapped) break;
        if (given || range->Reach(q->word - base, tokenizer)) break;
        base += static_cast<uint32_t>(range->words().size());
      }
      next_range();
    }
    if (mapped && r < doc.ranges.size() && range->Reach(q->word - base, tokenizer)) {
      const WordBounds& w = range->words()[q->word - base];
      offsets[q->slot] = (q->slot & 1) ? w.end : w.start;
    } else {
      offsets[q->slot] = doc.ranges.empty() ? 0 : doc.ranges.back().second;
    }
  }
}

// Counts the words of a thread's chunks into a small open-addressing table, then adds each distinct
// word's count to the shared table once: one atomic addition per distinct word and flush instead of one
// per word. A word's key and count share a slot (one cache line per word), and the table is kept at most
// 3/4 full.
class ChunkWordCounter {
 public:
  void Add(uint32_t word) {
    if (n_used_ == limit_) Grow();
    const uint32_t key = (word & ~kCommonBit) + 1;  // 0 marks an empty slot
    for (size_t i = Home(key);; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.key == key) {
        ++slot.count;
        return;
      }
      if (slot.key == 0) {
        slot = {key, 1};
        used_[n_used_++] = static_cast<uint32_t>(i);
        return;
      }
    }
  }
  size_t distinct() const { return n_used_; }
  void FlushTo(std::vector<uint32_t>* shared) {
    for (size_t k = 0; k < n_used_; ++k) {
      Slot& slot = slots_[used_[k]];
      std::atomic_ref<uint32_t>((*shared)[WordSlot(slot.key - 1)])
          .fetch_add(slot.count, std::memory_order_relaxed);
      slot.key = 0;
    }
    n_used_ = 0;
  }

 private:
  struct Slot {
    uint32_t key = 0, count = 0;
  };
  size_t Home(uint32_t key) const { return (key * 0x9E3779B1u) >> shift_; }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    const int bits = old.empty() ? 12 : std::countr_zero(old.size()) + 1;
    slots_.assign(size_t{1} << bits, Slot());
    mask_ = slots_.size() - 1;
    limit_ = slots_.size() / 4 * 3;
    shift_ = 32 - bits;
    used_.resize(limit_);
    n_used_ = 0;
    for (const Slot& slot : old) {
      if (slot.key == 0) continue;
      size_t i = Home(slot.key);
      while (slots_[i].key != 0) i = (i + 1) & mask_;
      slots_[i] = slot;
      used_[n_used_++] = static_cast<uint32_t>(i);
    }
  }

  std::vector<Slot> slots_;
  std::vector<uint32_t> used_;  // the slots in use: used_[0, n_used_)
  size_t n_used_ = 0, limit_ = 0, mask_ = 0;
  int shift_ = 32;
};

// A thread's counter is flushed after a chunk that leaves it with this many distinct words (a table of 1
// MB or so), and at the end of the step: a word frequent enough to be in most chunks, as every common
// word is, is then added to the shared table a few times per thread instead of once per chunk (on 356 MB
// of news, the step's CPU 0.19 -> 0.10 s).
constexpr size_t kFlushAtDistinct = size_t{1} << 16;

// [first word, end word) of the range holding word `pos`.
std::pair<uint32_t, uint32_t> RangeOf(const DocView& doc, uint32_t pos) {
  const uint32_t* end = doc.range_ends + doc.n_ranges;
  const uint32_t* it = std::upper_bound(doc.range_ends, end, pos);
  return {it == doc.range_ends ? 0 : *(it - 1), *it};
}

// ---------------------------------------------------------------------------------------------- index

}  // namespace

namespace passages_internal {

// Sorts [first, last) by hash, keeping the order of equal hashes: a counting sort on the 8 bits below
// the bucket's, then an insertion sort of each part (a few postings each; a stable sort past 64).
void SortBucketByHash(BucketPosting* first, BucketPosting* last, std::vector<BucketPosting>* tmp) {
  const size_t n = static_cast<size_t>(last - first);
  auto insertion_sort = [](BucketPosting* f, BucketPosting* l) {
    for (BucketPosting* i = f + 1; i < l; ++i) {
      const BucketPosting x = *i;
      BucketPosting* j = i;
      for (; j > f && (j - 1)->hash > x.hash; --j) *j = *(j - 1);
      *j = x;
    }
  };
  if (n <= 32) {
    insertion_sort(first, last);
    return;
  }
  constexpr int kShift = 64 - kBucketBits - 8;
  std::array<uint32_t, 257> at{};
  for (size_t i = 0; i < n; ++i) ++at[(first[i].hash >> kShift & 0xFF) + 1];
  for (size_t k = 1; k <= 256; ++k) at[k] += at[k - 1];
  tmp->resize(n);
  std::array<uint32_t, 257> next = at;
  for (size_t i = 0; i < n; ++i) (*tmp)[next[first[i].hash >> kShift & 0xFF]++] = first[i];
  for (size_t k = 0; k < 256; ++k) {
    BucketPosting* f = tmp->data() + at[k];
    BucketPosting* l = tmp->data() + at[k + 1];
    if (l - f <= 64) {
      insertion_sort(f, l);
    } else {
      std::stable_sort(f, l, [](const BucketPosting& x, const BucketPosting& y) { return x.hash < y.hash; });
    }
  }
  std::copy(tmp->begin(), tmp->end(), first);
}

// Groups the postings (document d's are [doc_begin[d], doc_end[d]) of `slots`) by fingerprint, and keeps
// the fingerprints found in two or more documents, at most kMaxPositionsPerDoc occurrences per document,
// sorted by (fingerprint, document, word): a stable scatter into radix buckets by the top bits of the
// fingerprint (documents in order, so each bucket stays in document and word order) and a stable sort
// of each bucket. The posting at `origin` is replaced by its entry: the posting's word, and its group
// and where the group's later documents begin if it is kept.
//
// The buckets are built in two waves, the lower half of them (fingerprints whose top bit is 0) then the
// upper half, in one table of bucket copies as large as the larger wave: the copies are the index's
// largest transient table (16 bytes per posting), and memory the process has not touched costs the
// kernel's zeroing, and on a virtual machine the host's first touch too, at every run (bench/
// README-passages.md, round 8). The first wave's scatter writes its postings' entries with later =
// kUnindexed, and its index pass the entries of those it keeps, all with `later` below 2^31: an entry's
// `later` lies where a posting's fingerprint has its high half, so such a slot, read as a posting, has
// a fingerprint whose top bit is clear, and the second wave's scatter, which takes the postings whose
// top bit is set, tells them apart and gives the unindexed ones kNoGroup.
void BuildIndex(PostingSlot* slots, const uint64_t* doc_begin, const uint64_t* doc_end, size_t n_docs,
                size_t cap, size_t frequent, Index* index, PassageStats* stats) {
  const size_t n_blocks = std::min(kScatterBlocks, std::max<size_t>(1, n_docs));
  auto block_begin = [&](size_t b) { return b * n_docs / n_blocks; };
  auto bucket_of = [](uint64_t hash) { return static_cast<size_t>(hash >> (64 - kBucketBits)); };
  // A first-wave entry not (yet) in a group: above kCapped and every posting's place, as the postings
  // are fewer than kCapped (FindPassages checks).
  constexpr uint32_t kUnindexed = 0x7FFFFFFFu;
  static_assert(kUnindexed > kCapped && (kUnindexed & kFrequentBit) == 0);
  constexpr size_t kWaveBuckets = kBuckets / 2;
  // counts[b * kRow + k]: postings of block b in bucket k, then where block b writes them in its wave's
  // bucket copies; counts[b * kRow + kBuckets]: block b's spare copy, which takes the postings of the
  // other wave (so that the scatter does not branch on a coin toss).
  constexpr size_t kRow = kBuckets + 1;
  std::vector<uint64_t> counts(n_blocks * kRow, 0);
  tbb::parallel_for(size_t{0}, n_blocks, [&](size_t b) {
    uint64_t* row = counts.data() + b * kRow;
    for (size_t d = block_begin(b); d < block_begin(b + 1); ++d) {
      for (uint64_t i = doc_begin[d]; i < doc_end[d]; ++i) ++row[bucket_of(slots[i].posting.hash())];
    }
  });
  std::vector<uint64_t> bucket_begin(kBuckets + 1, 0);
  uint64_t total = 0;
  for (size_t k = 0; k < kBuckets; ++k) {
    bucket_begin[k] = total;
    for (size_t b = 0; b < n_blocks; ++b) {
      const uint64_t count = counts[b * kRow + k];
      counts[b * kRow + k] = total - (k < kWaveBuckets ? 0 : bucket_begin[kWaveBuckets]);
      total += count;
    }
  }
  bucket_begin[kBuckets] = total;
  const uint64_t wave_base[2] = {0, bucket_begin[kWaveBuckets]};
  const uint64_t wave_size = std::max(wave_base[1], total - wave_base[1]);
  for (size_t b = 0; b < n_blocks; ++b) counts[b * kRow + kBuckets] = wave_size + b;
  const Entries entries(slots, total);
  BigArray<BucketPosting> sorted(wave_size + n_blocks);
  // Bounds until both waves are counted: a group has two postings or more; the postings have room for
  // as many again (Index). The pages past the end are never written.
  index->postings = BigArray<passages_internal::IndexPosting>(2 * total);

  // In each wave, the postings are scattered to their buckets, each bucket is sorted and its groups
  // counted; then, from the totals so far, written to the index.
  struct BucketCounts {
    uint64_t groups = 0, kept = 0, fingerprints = 0, capped = 0;
  };
  std::vector<BucketCounts> bucket_counts(kBuckets);
  std::vector<uint64_t> group_base(kBuckets + 1, 0), post_base(kBuckets + 1, 0);
  tbb::enumerable_thread_specific<std::vector<BucketPosting>> sort_scratch;
  for (int wave = 0; wave < 2; ++wave) {
    const size_t k_begin = wave * kWaveBuckets, k_end = k_begin + kWaveBuckets;
    // Bucket k's copies, in this wave's table.
    auto copies = [&](size_t k) { return sorted.data() + (bucket_begin[k] - wave_base[wave]); };
    tbb::parallel_for(size_t{0}, n_blocks, [&](size_t b) {
      uint64_t* next = counts.data() + b * kRow;
      for (size_t d = block_begin(b); d < block_begin(b + 1); ++d) {
        for (uint64_t i = doc_begin[d]; i < doc_end[d]; ++i) {
          const PostingSlot slot = slots[i];
          const Posting p = slot.posting;
          const uint64_t hash = p.hash();
          const size_t k = bucket_of(hash);
          const bool in_wave = (k >= kWaveBuckets) == (wave == 1);
          uint64_t& at = next[in_wave ? k : kBuckets];
          sorted[at] = {hash, static_cast<uint32_t>(d), static_cast<uint32_t>(i)};
          at += in_wave;
          Entry entry = slot.entry;  // a first-wave posting's entry, in the second wave
          if (wave == 0) {
            if (in_wave) entry = {p.pos, kUnindexed, 0};
          } else {
            if (in_wave) entry = {p.pos, kNoGroup, 0};
            if (entry.later == kUnindexed) entry.later = kNoGroup;
          }
          slots[i].entry = entry;
        }
      }
    });
    // Calls group(first, last, distinct documents) for each fingerprint of bucket k in two or more
    // documents.
    auto for_each_group = [&](size_t k, auto&& group) {
      BucketPosting* const first = copies(k);
      BucketPosting* const last = copies(k + 1);
      for (BucketPosting* i = first; i != last;) {
        BucketPosting* j = i + 1;
        uint32_t distinct = 1;
        for (; j != last && j->hash == i->hash; ++j) distinct += j->doc != (j - 1)->doc;
        group(i, j, distinct);
        i = j;
      }
    };
    tbb::parallel_for(k_begin, k_end, [&](size_t k) {
      SortBucketByHash(copies(k), copies(k + 1), &sort_scratch.local());
      BucketCounts& out = bucket_counts[k];
      for_each_group(k, [&](const BucketPosting* i, const BucketPosting* j, uint32_t distinct) {
        ++out.fingerprints;
        if (distinct < 2) return;
        ++out.groups;
        out.capped += distinct > cap;
        size_t run = 0;
        for (const BucketPosting* p = i; p != j; ++p) {
          run = (p != i && p->doc == (p - 1)->doc) ? run + 1 : 0;
          out.kept += run < kMaxPositionsPerDoc;
        }
      });
    });
    for (size_t k = k_begin; k < k_end; ++k) {
      group_base[k + 1] = group_base[k] + bucket_counts[k].groups;
      post_base[k + 1] = post_base[k] + bucket_counts[k].kept;
      stats->fingerprints += bucket_counts[k].fingerprints;
      stats->capped_fingerprints += bucket_counts[k].capped;
    }
    // A kept posting's entry is read and written at random (its place among all postings): the entries
    // of the postings kEntriesAhead later in the bucket are fetched meanwhile.
    constexpr ptrdiff_t kEntriesAhead = 16;
    tbb::parallel_for(k_begin, k_end, [&](size_t k) {
      uint64_t g = group_base[k], at = post_base[k];
      const BucketPosting* const last = copies(k + 1);
      for_each_group(k, [&](const BucketPosting* i, const BucketPosting* j, uint32_t distinct) {
        if (distinct < 2) return;
        uint64_t group_end = at;
        for (const BucketPosting* p = i; p != j;) {
          const BucketPosting* r = p + 1;
          while (r != j && r->doc == p->doc) ++r;
          group_end += std::min<size_t>(static_cast<size_t>(r - p), kMaxPositionsPerDoc);
          p = r;
        }
        const bool capped = distinct > cap;
        const uint32_t end =
            capped ? static_cast<uint32_t>(g)
                   : static_cast<uint32_t>(group_end) | (distinct >= frequent ? kFrequentBit : 0);
        // Document by document: the first kMaxPositionsPerDoc occurrences are kept, and `later` is
        // where the group's postings of the next document begin.
        for (const BucketPosting* p = i; p != j;) {
          const BucketPosting* r = p + 1;
          while (r != j && r->doc == p->doc) ++r;
          const size_t kept = std::min<size_t>(static_cast<size_t>(r - p), kMaxPositionsPerDoc);
          for (size_t t = 0; t < kept; ++t) {
            if (last - (p + t) > kEntriesAhead) __builtin_prefetch(&entries[p[t + kEntriesAhead].origin], 1);
            Entry& entry = entries[p[t].origin];
            index->postings[at + t] = {p->doc, entry.pos};
            entry.later = capped ? kCapped : static_cast<uint32_t>(at + kept);
            entry.end = end;
          }
          at += kept;
          p = r;
        }
        ++g;
      });
    });
  }
  index->n_groups = group_base[kBuckets];
  index->postings.Shrink(post_base[kBuckets]);
}

}  // namespace passages_internal

namespace {

// ---------------------------------------------------------------------------------------------- alignment

// Where a seed's shingle lies in a's words and in b's.
struct SeedWords {
  uintptr_t a, b;
};

struct AlignScratch {
  std::vector<Seed> seeds, seed_buffer;
  std::vector<SeedWords> seed_words;
  std::vector<uint32_t> pair_starts;
  std::vector<Region> regions, merged, found;
  // A sweep's pairs with passages in the order they were aligned (by b), their regions in
  // found_regions, before they are put in (a, b) order.
  std::vector<ChunkPassages::Pair> found_pairs;
  std::vector<uint32_t> found_begin, pair_order;
  std::vector<Region> found_regions;
  std::vector<uint8_t> used;
  std::vector<uint64_t> lcs_bits;
  passages_internal::Reach left_reach, right_reach;
};

// Sorts seeds by b, stably, with radix passes over b - base (every b is at least base): as few passes of
// at most kSeedDigitBits bits as the spread needs, of equal width (two on 1 GB of news, where 8-bit
// digits took three).
constexpr int kSeedDigitBits = 11;
void SortSeedsByDocument(std::vector<Seed>* seeds, std::vector<Seed>* buffer, uint32_t base) {
  const size_t n = seeds->size();
  Seed* data = seeds->data();
  if (n <= 32) {
    for (size_t i = 1; i < n; ++i) {
      const Seed x = data[i];
      size_t j = i;
      for (; j > 0 && data[j - 1].b > x.b; --j) data[j] = data[j - 1];
      data[j] = x;
    }
    return;
  }
  uint32_t spread = 0;
  for (size_t i = 0; i < n; ++i) spread |= data[i].b - base;
  const int bits = std::bit_width(spread);
  const int passes = (bits + kSeedDigitBits - 1) / kSeedDigitBits;
  if (passes == 0) return;
  const int digit = (bits + passes - 1) / passes;
  const uint32_t mask = (uint32_t{1} << digit) - 1;
  buffer->resize(n);
  Seed* from = data;
  Seed* to = buffer->data();
  std::array<uint32_t, (size_t{1} << kSeedDigitBits) + 1> at;
  for (int shift = 0; shift < passes * digit; shift += digit) {
    std::fill_n(at.begin(), mask + 2, 0u);
    for (size_t i = 0; i < n; ++i) ++at[((from[i].b - base) >> shift & mask) + 1];
    for (size_t k = 1; k <= mask; ++k) at[k] += at[k - 1];
    for (size_t i = 0; i < n; ++i) to[at[(from[i].b - base) >> shift & mask]++] = from[i];
    std::swap(from, to);
  }
  if (from != data) seeds->swap(*buffer);
}

// Banded X-drop extension: a[ia + i * kDir] against b[ib + j * kDir] for i < na, j < nb, scoring +1 per
// match and -1 per mismatch or gap, keeping |i - j| <= kBand. Returns the prefix lengths ending the
// best-scoring alignment (the shortest among ties, so an extension never ends on a mismatch) and the
// matches on it (the most among equal scores).
//
// A cell holds score * 2^32 + matches, so that one signed maximum picks the best score and, among equal
// scores, the most matches; a cell below best - kXDrop is dead (kDead, which stays far below any live
// cell when a step is added). Every cell of the band is computed without branches on its neighbours:
// one that the previous row cannot reach comes out dead. passages_test.cc checks it against the
// reference below on random word sequences.
//
// Most extensions end empty (80% on 1 GB of news), and many of those meet no match at all: a cell
// (x, y) whose path has no match yet scores at most -max(x, y), so while the best is 0 nothing lives
// past the first kXDrop + 1 words of either side without a match among them, and the extension is
// empty. Those are told apart with a few comparisons before the band is run.
template <int kDir>
Extension ExtendBanded(const uint32_t* a, long ia, size_t na, const uint32_t* b, long ib, size_t nb) {
  if (na == 0 || nb == 0) return Extension();
  constexpr size_t kStart = kXDrop + 1;
  if (na >= kStart && nb >= kStart) {
    // Every pair of the first kStart words (a few outside the band too: only a match makes it run).
    uint32_t any = 0;
    for (size_t x = 0; x < kStart; ++x) {
      const uint32_t w = a[ia + static_cast<long>(x) * kDir];
      for (size_t y = 0; y < kStart; ++y) any |= w == b[ib + static_cast<long>(y) * kDir];
    }
    if (any == 0) return Extension();
  }
  constexpr int kWidth = 2 * kBand + 1;
  constexpr int64_t kOne = int64_t{1} << 32;
  constexpr int64_t kDead = INT64_MIN / 4;
  // Slot d of row x holds prefix lengths (x, x + d - kBand); slot kWidth stays dead (the band's edge).
  int64_t rows[2][kWidth + 1];
  int64_t* prev = rows[0];
  int64_t* cur = rows[1];
  for (int d = 0; d <= kWidth; ++d) prev[d] = cur[d] = kDead;
  const long nbl = static_cast<long>(nb);
  for (int d = kBand; d < kWidth && d - kBand <= nbl && d - kBand <= kXDrop; ++d) {
    prev[d] = -(d - kBand) * kOne;  // row 0: words of b left out
  }
  int64_t best = 0;
  Extension out;
  const uint32_t* const pa = a + ia;
  const uint32_t* const pb = b + ib - kDir;  // pb[y * kDir] is b's y-th word of the extension (y >= 1)
  for (size_t x = 1; x <= na; ++x) {
    const long base = static_cast<long>(x) - kBand;  // y of slot 0
    const int from = static_cast<int>(std::max<long>(0L, -base));
    const int last = static_cast<int>(std::min<long>(kWidth - 1, nbl - base));
    const uint32_t word_a = pa[(static_cast<long>(x) - 1) * kDir];
    const int64_t floor = best - kXDrop;
    int64_t left = kDead;
    int64_t live = kDead;
    if (from == 0 && last == kWidth - 1 && base >= 1) {
      // Every slot of the row is in both prefixes (most rows): the same cells without the clipping, in a
      // loop of constant length.
      const uint32_t* const row_b = pb + base * kDir;
      for (int d = 0; d < kWidth; ++d) {
        int64_t v = std::max(prev[d + 1], left) - kOne;
        v = std::max(v, prev[d] + (word_a == row_b[d * kDir] ? kOne + 1 : -kOne));
        v = (v >> 32) < best - kXDrop ? kDead : v;
        cur[d] = v;
        left = v;
        live = std::max(live, v);
        if ((v >> 32) > best) {
          best = v >> 32;
          out = {static_cast<uint32_t>(x), static_cast<uint32_t>(base + d),
                 static_cast<uint32_t>(v & 0xFFFFFFFF)};
        }
      }
      if (live == kDead) break;
      std::swap(prev, cur);
      continue;
    }
    for (int d = from; d <= last; ++d) {
      const long y = base + d;
      int64_t v = std::max(prev[d + 1], left) - kOne;  // a word of a, or of b, left out
      if (y >= 1) {
        const int64_t diagonal = prev[d] + (word_a == pb[y * kDir] ? kOne + 1 : -kOne);
        v = std::max(v, diagonal);
      }
      // The best score so far may rise within the row; cells after it are judged against it.
      v = (v >> 32) < std::max(floor, best - kXDrop) ? kDead : v;
      cur[d] = v;
      left = v;
      live = std::max(live, v);
      if ((v >> 32) > best) {
        best = v >> 32;
        out = {static_cast<uint32_t>(x), static_cast<uint32_t>(y), static_cast<uint32_t>(v & 0xFFFFFFFF)};
      }
    }
    for (int d = last + 1; d < kWidth; ++d) cur[d] = kDead;
    if (live == kDead) break;
    std::swap(prev, cur);
  }
  return out;
}

// ExtendBanded after the run of exact matches that starts the extension. Copied text is mostly exact, so
// most of an extension is this loop; the banded alignment starts afresh at the first difference, which
// is what the full alignment does up to cells that already lost two points to gaps.
template <int kDir>
Extension Extend(const uint32_t* a, long ia, size_t na, const uint32_t* b, long ib, size_t nb) {
  size_t run = 0;
  const size_t n = std::min(na, nb);
  while (run < n && a[ia + static_cast<long>(run) * kDir] == b[ib + static_cast<long>(run) * kDir]) ++run;
  const long step = static_cast<long>(run) * kDir;
  const Extension rest = ExtendBanded<kDir>(a, ia + step, na - run, b, ib + step, nb - run);
  return {static_cast<uint32_t>(run) + rest.da, static_cast<uint32_t>(run) + rest.db,
          static_cast<uint32_t>(run) + rest.matches};
}

// Four words at once (GCC's vector extensions: SSE2 on x86-64); a comparison's lane is -1 or 0.
using Lanes = int32_t __attribute__((vector_size(16)));
inline Lanes LoadLanes(const uint32_t* p) {
  Lanes v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// Bit i set when lane i of the comparison `eq` is true, for i < 4.
inline uint32_t LaneBits(Lanes eq) {
#if defined(__SSE2__)
  return static_cast<uint32_t>(_mm_movemask_ps(_mm_castsi128_ps(reinterpret_cast<__m128i>(eq))));
#else
  const Lanes bits = eq & Lanes{1, 2, 4, 8};
  return static_cast<uint32_t>(bits[0] | bits[1] | bits[2] | bits[3]);
#endif
}

// Bit i set when p[i] == w, for i < 4.
inline uint64_t MatchBits(const uint32_t* p, uint32_t w) {
  return LaneBits(LoadLanes(p) == static_cast<int32_t>(w));
}

// Bit u set when A[u] equals one of B[u + s], |s| <= kBand, lo <= u + s < hi, for u in [0, n), n <= 32.
// Four rows at a time where every B[u + s] lies in [lo, hi).
uint32_t BandHitBits(const uint32_t* A, const uint32_t* B, long n, long lo, long hi) {
  static_assert(kBand == 4);
  uint32_t bits = 0;
  auto edge = [&](long u) {
    uint32_t any = 0;
    for (long v = std::max(u - kBand, lo); v <= std::min(u + kBand, hi - 1); ++v) any |= A[u] == B[v];
    bits |= any << u;
  };
  const long in0 = std::clamp(lo + kBand, 0L, n), in1 = std::clamp(hi - kBand, in0, n);
  for (long u = 0; u < in0; ++u) edge(u);
  long u = in0;
  for (; u + 4 <= in1; u += 4) {
    const Lanes w = LoadLanes(A + u);
    const Lanes any = (w == LoadLanes(B + u - 4)) | (w == LoadLanes(B + u - 3)) |
                      (w == LoadLanes(B + u - 2)) | (w == LoadLanes(B + u - 1)) | (w == LoadLanes(B + u)) |
                      (w == LoadLanes(B + u + 1)) | (w == LoadLanes(B + u + 2)) |
                      (w == LoadLanes(B + u + 3)) | (w == LoadLanes(B + u + 4));
    bits |= LaneBits(any) << u;
  }
  for (; u < n; ++u) edge(u);
  return bits;
}

// The low m bits of v (v < 2^16, m <= 16) in reverse order.
inline uint32_t ReverseLowBits(uint32_t v, long m) {
  v = ((v >> 1) & 0x5555u) | ((v & 0x5555u) << 1);
  v = ((v >> 2) & 0x3333u) | ((v & 0x3333u) << 2);
  v = ((v >> 4) & 0x0F0Fu) | ((v & 0x0F0Fu) << 4);
  v = ((v >> 8) & 0x00FFu) | ((v & 0x00FFu) << 8);
  return v >> (16 - m);
}

// passages_internal::Reach (passages_internal.h states the bound), for a[ia + x * kDir], x < na, against
// b[ib + y * kDir], y < nb. Called for a seed that passed the near-diagonal check and is the first of its
// pair to do so: most such seeds (a sentence template's frame shared by two different sentences) make a
// region too short or too unlike, which this shows in a few comparisons per row, rows kReachBlock at a
// time, instead of the band's dependent steps. The rows of a block are bits; the loop goes from hit to
// hit, since only a hit row is listed and only a miss row can end the bound: after h hits, miss row y
// bounds its paths at 2h - (y + 1), below -kXDrop from y = 2h + kXDrop on, while a hit row bounds them
// one point above the row before it.
constexpr long kReachBlock = 16;
template <int kDir>
void BoundReach(const uint32_t* a, long ia, size_t na, const uint32_t* b, long ib, size_t nb,
                passages_internal::Reach* out) {
  static_assert(kReachBlock <= 16);
  out->n = 1;
  out->length[0] = 0;
  out->hits[0] = 0;
  out->complete = true;
  const long rows = static_cast<long>(std::min(na, passages_internal::kReachRows));
  const long nbl = static_cast<long>(nb);
  long hits = 0;
  for (long x0 = 0; x0 < rows; x0 += kReachBlock) {
    const long x1 = std::min(rows, x0 + kReachBlock), m = x1 - x0;
    // Bit x - x0 is row x. The rows are compared in memory order (backward, reversed after). The
    // seed's shingle (kShingleWords words of b before the first row, within the range) is compared too:
    // that only adds hits, and spares the rows next to it the band's clipping.
    constexpr long k = static_cast<long>(kShingleWords);
    uint32_t bits =
        kDir > 0 ? BandHitBits(a + ia + x0, b + ib + x0, m, -x0 - k, nbl - x0)
                 : ReverseLowBits(BandHitBits(a + ia + 1 - x1, b + ib + 1 - x1, m, x1 - nbl, x1 + k), m);
    for (long x = x0;;) {
      const long hit = bits == 0 ? x1 : x0 + std::countr_zero(bits);  // the next hit row, if any
      if (std::max(x, 2 * hits + kXDrop) < hit) return;               // a miss row before it ends the bound
      if (hit == x1) break;
      bits &= bits - 1;
      ++hits;
      if (2 * hits - (hit + 1) >= 1) {
        out->length[out->n] = static_cast<uint8_t>(hit + 1);
        out->hits[out->n] = static_cast<uint8_t>(hits);
        ++out->n;
      }
      x = hit + 1;
    }
  }
  out->complete = rows == static_cast<long>(na);
}

// Longest common subsequence of a[0, na) and b[0, nb) over alignments whose diagonal (j - i) stays in
// [lo, hi], where lo <= 0 <= hi and lo <= nb - na <= hi. Any increasing chain of matching words whose
// diagonals lie in the band can be joined by a path that stays in it (and to both corners, whose
// diagonals 0 and nb - na are in it), so this is the plain LCS of the match table with the matches
// outside the band removed, computed with the bit-parallel LCS (Allison and Dix; Hyyro): one bit per
// word of a, a column of b at a time, V = (V + U) | (V & ~M) with U = V & M; the LCS is the number of
// zero bits. Only the band's words of a are compared for a column, four at a time (reading up to 3 words
// past a[na - 1]: kWordPad words of padding cover it). passages_test.cc checks it against
// the cell-by-cell banded alignment.
uint32_t BandedLcs(const uint32_t* a, size_t na, const uint32_t* b, size_t nb, long lo, long hi,
                   AlignScratch* s) {
  const size_t n_words = (na + 63) / 64;
  std::vector<uint64_t>& v = s->lcs_bits;
  v.assign(n_words, ~uint64_t{0});
  const long nal = static_cast<long>(na);
  for (long y = 1; y <= static_cast<long>(nb); ++y) {
    // Bits x - 1 of the words x of a on a diagonal of the band: y - hi <= x <= y - lo.
    const long first = std::max(1L, y - hi) - 1, last = std::min(nal, y - lo) - 1;
    if (first > last) continue;
    const uint32_t w = b[y - 1];
    uint64_t carry = 0;
    size_t k = static_cast<size_t>(first) / 64;
    for (; k <= static_cast<size_t>(last) / 64; ++k) {
      const long base = static_cast<long>(k) * 64;
      const long t0 = std::max(first, base), t1 = std::min(last, base + 63);
      // Four words at a time from t0 rounded down (within the same 64-bit word), the bits outside [t0, t1]
      // cleared.
      uint64_t m = 0;
      for (long t = t0 & ~3L; t <= t1; t += 4) m |= MatchBits(a + t, w) << (t - base);
      m &= (~uint64_t{0} << (t0 - base)) & (~uint64_t{0} >> (63 - (t1 - base)));
      const uint64_t old = v[k], u = old & m;
      uint64_t sum = old + u;
      const uint64_t carry_out = sum < old;
      sum += carry;
      carry = carry_out | (sum < carry);
      v[k] = sum | (old & ~m);
    }
    for (; carry != 0 && k < n_words; ++k) {  // no matches above the band: V = (V + carry) | V
      const uint64_t sum = v[k] + carry;
      carry = sum < carry;
      v[k] |= sum;
    }
  }
  uint32_t zeros = 0;
  for (size_t k = 0; k < n_words; ++k) {
    uint64_t unset = ~v[k];
    if (k + 1 == n_words && na % 64 != 0) unset &= (uint64_t{1} << (na % 64)) - 1;
    zeros += static_cast<uint32_t>(std::popcount(unset));
  }
  return zeros;
}

// Of the words A[ai + u], u in [0, n), those equal to one of B[bj + u - kPrecheckShift, bj + u +
// kPrecheckShift] that lie in B[bj + lo, bj + hi). Branch-free (and vectorized) where all of them do.
constexpr long kPrecheckShift = 2;
long ShiftedMatches(const uint32_t* A, long ai, const uint32_t* B, long bj, long n, long lo, long hi) {
  long count = 0;
  auto edge = [&](long u) {
    for (long v = std::max(u - kPrecheckShift, lo); v <= std::min(u + kPrecheckShift, hi - 1); ++v) {
      if (A[ai + u] == B[bj + v]) {
        ++count;
        return;
      }
    }
  };
  const long in0 = std::clamp(lo + kPrecheckShift, 0L, n), in1 = std::clamp(hi - kPrecheckShift, in0, n);
  for (long u = 0; u < in0; ++u) edge(u);
  const uint32_t* a = A + ai;
  const uint32_t* b = B + bj;
  int inner = 0;
  for (long u = in0; u < in1; ++u) {
    const uint32_t w = a[u];
    inner += (w == b[u - 2]) | (w == b[u - 1]) | (w == b[u]) | (w == b[u + 1]) | (w == b[u + 2]);
  }
  for (long u = in1; u < n; ++u) edge(u);
  return count + inner;
}

// Lane i: a[i] equals one of b[i + s], |s| <= kPrecheckShift, where lane i of the mask of s is set (the
// masks are constants wherever it is inlined).
inline Lanes ShiftedHits(const uint32_t* a, const uint32_t* b, Lanes m2, Lanes m1, Lanes p1, Lanes p2) {
  const Lanes w = LoadLanes(a);
  return ((w == LoadLanes(b - 2)) & m2) | ((w == LoadLanes(b - 1)) & m1) | (w == LoadLanes(b)) |
         ((w == LoadLanes(b + 1)) & p1) | ((w == LoadLanes(b + 2)) & p2);
}

inline long CountLanes(Lanes hits) { return -static_cast<long>(hits[0] + hits[1] + hits[2] + hits[3]); }

// ShiftedMatches after the seed's shingle (A[ai + u] against B[bj + v], v >= 0), where every v < n +
// kPrecheckShift lies in the range: only the first block's lanes 0 and 1 lose shifts (to the shingle),
// and lanes u >= n of the last block are not rows. Reads A up to 3 words past n, B 2 words before 0
// and up to n + 5. Returns the hits per lane (CountLanes counts them).
Lanes MatchesAfter(const uint32_t* A, long ai, const uint32_t* B, long bj, long n) {
  static_assert(kPrecheckShift == 2);
  constexpr Lanes kAll = {-1, -1, -1, -1}, kIota = {0, 1, 2, 3};
  const uint32_t* a = A + ai;
  const uint32_t* b = B + bj;
  const int32_t rows = static_cast<int32_t>(n);
  Lanes sum = ShiftedHits(a, b, Lanes{0, 0, -1, -1}, Lanes{0, -1, -1, -1}, kAll, kAll) & (kIota < rows);
  int32_t u = 4;
  for (; u + 4 <= rows; u += 4) sum += ShiftedHits(a + u, b + u, kAll, kAll, kAll, kAll);
  if (u < rows) sum += ShiftedHits(a + u, b + u, kAll, kAll, kAll, kAll) & (kIota + u < rows);
  return sum;
}

// ShiftedMatches before the seed (A[ai + u] against B[bj + v], u, v < n), where every v >= -kPrecheckShift
// lies in the range, taken in blocks that end at n: only the last block's lanes 2 and 3 lose shifts (to
// the shingle), and lanes u < 0 of the first block are not rows. Reads A up to 3 words before 0, B up
// to 5 before 0 and 2 past n. Returns the hits per lane.
Lanes MatchesBefore(const uint32_t* A, long ai, const uint32_t* B, long bj, long n) {
  static_assert(kPrecheckShift == 2);
  constexpr Lanes kAll = {-1, -1, -1, -1}, kIota = {0, 1, 2, 3};
  const uint32_t* a = A + ai + n;
  const uint32_t* b = B + bj + n;
  const int32_t rows = static_cast<int32_t>(n);
  // Block k covers u = n - 4 * (k + 1) + lane.
  Lanes sum =
      ShiftedHits(a - 4, b - 4, kAll, kAll, Lanes{-1, -1, -1, 0}, Lanes{-1, -1, 0, 0}) & (kIota >= 4 - rows);
  int32_t k = 4;
  for (; k + 4 <= rows; k += 4) sum += ShiftedHits(a - k - 4, b - k - 4, kAll, kAll, kAll, kAll);
  if (k < rows) sum += ShiftedHits(a - k - 4, b - k - 4, kAll, kAll, kAll, kAll) & (kIota >= k + 4 - rows);
  return sum;
}

// Words within `window` words either side of the seed at (pa, pb), inside the seed's ranges, that match
// a word of the other document on the same side at most kPrecheckShift diagonals away: what an
// extension can hope to gain, counted in a few comparisons, so that chance seeds cost little. Where the
// words it compares stay inside b's range (most seeds), four rows are counted at once; then it reads up
// to 3 words outside the ranges of a and b (kWordPad words of padding around the table are enough).
long NearDiagonalMatches(const uint32_t* A, uint32_t pa, std::pair<uint32_t, uint32_t> ra, const uint32_t* B,
                         uint32_t pb, std::pair<uint32_t, uint32_t> rb, uint32_t window) {
  static_assert(kPrecheckShift == 2 && passages_internal::kWordPad >= 3);
  const long w = static_cast<long>(window), k = static_cast<long>(kShingleWords);
  const long a = pa, b = pb;
  long count = 0;
  Lanes lanes = {0, 0, 0, 0};  // hits of the fast paths, counted once at the end
  // After the seed: A[a + k + u] against B[b + k + u + shift] in [b + k, rb.second).
  const long right = std::min(w, static_cast<long>(ra.second) - a - k);
  if (right > 0) {
    const long hi = static_cast<long>(rb.second) - b - k;
    if (hi >= right + kPrecheckShift && right < INT32_MAX / 2) {
      lanes += MatchesAfter(A, a + k, B, b + k, right);
    } else {
      count += ShiftedMatches(A, a + k, B, b + k, right, 0, hi);
    }
  }
  // Before it: A[a - left + u] against B[b - left + u + shift] in [rb.first, b).
  const long left = std::min(w, a - static_cast<long>(ra.first));
  if (left > 0) {
    const long lo = static_cast<long>(rb.first) - (b - left);
    if (lo <= -kPrecheckShift && left < INT32_MAX / 2) {
      lanes += MatchesBefore(A, a - left, B, b - left, left);
    } else {
      count += ShiftedMatches(A, a - left, B, b - left, left, lo, left);
    }
  }
  return count + CountLanes(lanes);
}

// The words around the seed's shingle that the near-diagonal check reads first (and the extension
// next): in b, far away in memory, every line of the `window` words either side of the shingle and
// kPrecheckShift more (152 bytes with the default window, on three or four lines: the three lines around
// the shingle fetched before missed the last words after it for about a third of the seeds); in a, one
// of the sweep's documents, only the shingle's line. On 356 MB of news (alignment step, interleaved
// runs) that took 1.94 s against 2.05 s with the three lines around the shingle in both, 2.14 s with
// b's three and a's one, 2.05 s with b's lines alone, and 2.9-3.0 s with b's lines and a's three
// (seven or eight lines per seed, eight seeds ahead: more fetches in flight than the core takes).
inline void PrefetchSeedWords(const SeedWords& at, size_t window) {
  const uintptr_t before = 4 * (window + kPrecheckShift),
                  after = 4 * (kShingleWords + window + kPrecheckShift);
  const uintptr_t last = (at.b + after - 1) & ~uintptr_t{63};
  for (uintptr_t line = (at.b - before) & ~uintptr_t{63}; line <= last; line += 64) {
    __builtin_prefetch(reinterpret_cast<const void*>(line));
  }
  __builtin_prefetch(reinterpret_cast<const void*>(at.a));
}

// Seeds are handled this many ahead of where their words are fetched (across pairs: most pairs have one
// seed, and b's words are far away in memory).
constexpr size_t kSeedsAhead = 8;

// Chunks of documents a whose pairs are aligned in one pass over the documents b, in order. With 256
// documents a chunk, more documents a make the reads of b denser but no longer keep a's words in the
// core's cache: 4 chunks gave 1-8% less CPU for the alignment than 1 on 356 MB of news, 16 17-27% more
// (5-30% more with a's words fetched ahead too).
constexpr size_t kSweepChunks = 4;

// The passages between documents a and b from their seeds (sorted by pa, then pb), appended to *out.
// ahead[i + kSeedsAhead] (i + kSeedsAhead < n_ahead) is where the seed that comes kSeedsAhead after
// seed i, in this pair or the next ones, lies; its words are fetched meanwhile.
// The bound before the pair's first extension is computed for a seed with fewer than `bound_below`
// near-diagonal matches (FindPassages: min_words).
void AlignPair(const DocView& da, const DocView& db, const Seed* seeds, size_t n_seeds, size_t min_words,
               double min_similarity, long bound_below, const SeedWords* ahead, size_t n_ahead,
               AlignScratch* s, std::vector<Region>* out) {
  std::vector<Region>& regions = s->regions;
  regions.clear();
  const uint32_t* A = da.words;
  const uint32_t* B = db.words;
  // A passage of min_words words holding the seed has about min_similarity * min_words - kShingleWords
  // matches besides the seed within min_words words of it; one is spared for rounding and shifts.
  const long needed =
      std::max(1L, static_cast<long>(std::ceil(min_similarity * static_cast<double>(min_words))) -
                       static_cast<long>(kShingleWords) - 1);
  // A seed is extended when it is not inside a region found already and passes these checks; one that
  // fails them changes nothing.
  std::pair<uint32_t, uint32_t> ra, rb;
  long near = 0;  // the near-diagonal matches of the seed checked last
  auto passes = [&](const Seed& seed) {
    bool same = true;  // false on a hash collision
    for (size_t k = 0; k < kShingleWords; ++k) same &= A[seed.pa + k] == B[seed.pb + k];
    if (!same) return false;
    ra = RangeOf(da, seed.pa);
    rb = RangeOf(db, seed.pb);
    near = NearDiagonalMatches(A, seed.pa, ra, B, seed.pb, rb, static_cast<uint32_t>(min_words));
    return near >= needed;
  };
  for (size_t i = 0; i < n_seeds; ++i) {
    if (i + kSeedsAhead < n_ahead) PrefetchSeedWords(ahead[i + kSeedsAhead], min_words);
    const uint32_t pa = seeds[i].pa, pb = seeds[i].pb;
    bool covered = false;
    for (const Region& r : regions) {
      if (pa >= r.a0 && pa < r.a1 && pb >= r.b0 && pb < r.b1) {
        covered = true;
        break;
      }
    }
    if (covered || !passes(seeds[i])) continue;
    const uint32_t ea = pa + kShingleWords, eb = pb + kShingleWords;
    size_t resume = i;
    if (regions.empty() && near < bound_below) {
      // The pair's first region. When it cannot be a passage on its own and no later seed outside it
      // passes the checks (the seeds between fail them whether this region covers them or not), the
      // pair has none: the alignment is left undone. The bound only spares work (a region it rules out
      // stays alone and fails the tests below all the same), so it is not computed for a seed with at
      // least min_words near-diagonal matches: on 356 MB of news (min_words 15, at most 30 counted) it
      // ruled out 3.09 M of the 3.74 M seeds it was computed for, but 55 of the 12,700 with 15 or 16
      // matches and none of the 0.41 M with more, whose bounds cost the most (hits on to the last of
      // the 64 rows on both sides).
      BoundReach<1>(A, ea, ra.second - ea, B, eb, rb.second - eb, &s->right_reach);
      BoundReach<-1>(A, static_cast<long>(pa) - 1, pa - ra.first, B, static_cast<long>(pb) - 1, pb - rb.first,
                     &s->left_reach);
      if (passages_internal::CannotMakeAPassage(s->left_reach, s->right_reach, min_words, min_similarity)) {
        // Nor do the later seeds inside this seed's region, which an extension never starts from: those
        // on its diagonal within the run of exact matches after its shingle (on 356 MB of news, 0.44 M
        // of the 0.49 M pairs whose first region was ruled out had no other seed passing the checks).
        const auto seed_ra = ra, seed_rb = rb;
        const uint32_t run_end = passages_internal::SeedRunEnd(A, pa, ra.second, B, pb, rb.second);
        size_t next = i + 1;
        for (; next < n_seeds; ++next) {
          if (next + kSeedsAhead < n_ahead) PrefetchSeedWords(ahead[next + kSeedsAhead], min_words);
          if (passages_internal::InsideSeedRun(pa, pb, run_end, seeds[next].pa, seeds[next].pb)) continue;
          if (passes(seeds[next])) break;
        }
        if (next == n_seeds) return;
        ra = seed_ra;
        rb = seed_rb;
        resume = next - 1;  // `next` is checked again, against this seed's region
      }
    }
    const Extension right = Extend<1>(A, ea, ra.second - ea, B, eb, rb.second - eb);
    const Extension left =
        Extend<-1>(A, static_cast<long>(pa) - 1, pa - ra.first, B, static_cast<long>(pb) - 1, pb - rb.first);
    regions.push_back({pa - left.da, ea + right.da, pb - left.db, eb + right.db,
                       static_cast<uint32_t>(kShingleWords) + left.matches + right.matches});
    i = resume;
  }
  if (regions.empty()) return;

  // Merge regions that continue one another in both documents within one pair of ranges; a merged
  // region's matches are counted again over the whole of it.
  std::vector<Region>& merged = s->merged;
  merged.clear();
  if (regions.size() == 1) {
    merged.push_back(regions[0]);
  } else {
    std::sort(regions.begin(), regions.end());
    std::vector<uint8_t>& used = s->used;
    used.assign(regions.size(), 0);
    for (size_t i = 0; i < regions.size(); ++i) {
      if (used[i]) continue;
      Region cur = regions[i];
      const uint32_t a_range_end = RangeOf(da, cur.a0).second, b_range_end = RangeOf(db, cur.b0).second;
      for (size_t j = i + 1; j < regions.size(); ++j) {
        if (used[j]) continue;
        const Region& r = regions[j];
        if (r.a0 > cur.a1 + kMergeGap) break;  // sorted by a0: nothing later is closer
        if (r.b0 < cur.b0 || r.b0 > cur.b1 + kMergeGap) continue;
        if (r.a0 >= a_range_end || r.b0 >= b_range_end) continue;
        if (r.a1 <= cur.a1 && r.b1 <= cur.b1) {  // inside: nothing to add
          used[j] = 1;
          continue;
        }
        cur.a1 = std::max(cur.a1, r.a1);
        cur.b1 = std::max(cur.b1, r.b1);
        cur.matches = 0;
        used[j] = 1;
      }
      merged.push_back(cur);
    }
  }

  for (Region& r : merged) {
    const uint32_t la = r.a1 - r.a0, lb = r.b1 - r.b0;
    if (la < min_words || lb < min_words) continue;
    if (r.matches == 0) {
      // Each part stayed within kBand diagonals of its seed, and each seed within kBand of the region's
      // start or end diagonal; twice kBand around both is enough.
      const long shift = static_cast<long>(lb) - static_cast<long>(la);
      const long lo = std::min(0L, shift) - 2 * kBand, hi = std::max(0L, shift) + 2 * kBand;
      r.matches = BandedLcs(A + r.a0, la, B + r.b0, lb, lo, hi, s);
    }
    if (r.matches < min_similarity * std::max(la, lb)) continue;
    out->push_back(r);
  }
}

}  // namespace

namespace passages_internal {

uint32_t SeedRunEnd(const uint32_t* a, uint32_t pa, uint32_t a_end, const uint32_t* b, uint32_t pb,
                    uint32_t b_end) {
  uint32_t x = pa + static_cast<uint32_t>(kShingleWords), y = pb + static_cast<uint32_t>(kShingleWords);
  while (x < a_end && y < b_end && a[x] == b[y]) ++x, ++y;
  return x;
}

bool CannotMakeAPassage(const Reach& left, const Reach& right, size_t min_words, double min_similarity) {
  if (!left.complete || !right.complete) return false;
  // A region of l + r + kShingleWords words of a with at most hl + hr + kShingleWords matches passes
  // when the matches reach min_similarity times the words: when g(l) + g(r) >= c with g(x) = hx -
  // min_similarity * x and c = (min_similarity - 1) * kShingleWords. With r from the right's suffix
  // of lengths long enough for l, only the best g(r) of that suffix matters. A slack far above the
  // rounding errors of these sums keeps the answer on the side of AlignPair's own test.
  const double k = static_cast<double>(kShingleWords);
  const double c = (min_similarity - 1) * k - 1e-6;
  double best[kReachRows + 2];  // best[j]: the largest g of right lengths j..n-1
  best[right.n] = -1e300;
  for (uint32_t j = right.n; j-- > 0;) {
    best[j] = std::max(best[j + 1], right.hits[j] - min_similarity * right.length[j]);
  }
  uint32_t j = right.n;  // the first right length long enough for left length i (falls as i rises)
  for (uint32_t i = 0; i < left.n; ++i) {
    const size_t need =
        min_words > kShingleWords + left.length[i] ? min_words - kShingleWords - left.length[i] : 0;
    while (j > 0 && right.length[j - 1] >= need) --j;
    if (left.hits[i] - min_similarity * left.length[i] + best[j] >= c) return false;
  }
  return true;
}

}  // namespace passages_internal

namespace {

// FindPassages; with `release`, the same vector as `docs`, whose documents' words are emptied once they
// are copied, and then release_words is called.
Status Find(const std::vector<PassageInput>& docs, std::vector<PassageInput>* release,
            const std::function<void()>& release_words, const PassageOptions& options,
            std::vector<PassagePair>* pairs, PassageStats* stats) {
  pairs->clear();
  *stats = PassageStats();
  StepClock clock(stats);
  if (options.min_words < kShingleWords) {
    return Status::InvalidArgument("minimum passage length must be at least " +
                                   std::to_string(kShingleWords) + " words, got " +
                                   std::to_string(options.min_words));
  }
  if (!(options.min_similarity > 0 && options.min_similarity <= 1)) {
    return Status::InvalidArgument("minimum passage similarity must be in (0, 1]");
  }
  const size_t n = docs.size();
  if (n >= UINT32_MAX) return Status::InvalidArgument("too many documents for the passage index");
  for (size_t d = 0; d < n; ++d) {
    uint32_t prev_end = 0;
    for (const auto& [start, end] : docs[d].ranges) {
      if (start > end || start < prev_end) {
        return Status::InvalidArgument("document " + std::to_string(d) +
                                       ": passage ranges must be sorted and must not overlap");
      }
      prev_end = end;
    }
  }
  const size_t cap = options.max_doc_frequency == 0 ? kDefaultMaxDocFrequency
                                                    : std::max<size_t>(2, options.max_doc_frequency);
  const size_t ceiling = options.max_shared_docs == 0 ? kDefaultMaxSharedDocs : options.max_shared_docs;
  const size_t chunk = std::max<size_t>(1, options.chunk_docs);
  const size_t n_chunks = (n + chunk - 1) / chunk;
  const size_t min_words = options.min_words;
  auto chunk_end = [&](size_t c) { return std::min(n, (c + 1) * chunk); };

  // ---- 1. words and word counts. A chunk's words are gathered in scratch, then copied to their piece of
  // one flat table; documents' range ends stay with their chunk. The caller's words (PassageInput::
  // words) are only counted here and read where they are by the fingerprint pass: their piece is
  // written once the index is built (step 3b), so that the copy and the index's transient tables are
  // never in memory at the same time (on 1 GB of news, 0.5 GB each).
  size_t words_bound = 0;  // at most one word per byte of text
  for (const PassageInput& doc : docs) {
    if (doc.participates) words_bound += doc.range_word_ends.empty() ? doc.text.size() : doc.words.size();
  }
  // kWordPad words of zeros before and after the documents' words: the near-diagonal check reads a few
  // words past the ends of a range.
  BumpArray<uint32_t> all_words(words_bound + 2 * passages_internal::kWordPad);
  std::fill_n(all_words.data() + all_words.Take(passages_internal::kWordPad), passages_internal::kWordPad,
              0u);
  std::vector<std::vector<uint32_t>> chunk_range_ends(n_chunks);
  std::vector<Piece> word_pieces(n_chunks);
  // Read at random for every candidate pair (b's view): in huge pages, as the words are.
  BigArray<DocView> views(n);
  std::vector<uint8_t> bad_ranges(n, 0);
  std::vector<uint32_t> word_counts(kWordCountSlots, 0);
  struct WordScratch {
    TokenizeScratch tokenize;
    ChunkWordCounter counter;
    std::vector<uint32_t> words, word_begin, scratch_begin, range_begin;
  };
  tbb::enumerable_thread_specific<WordScratch> word_scratch;
  tbb::parallel_for(size_t{0}, n_chunks, [&](size_t c) {
    WordScratch& ws = word_scratch.local();
    TokenizeScratch& s = ws.tokenize;
    ChunkWordCounter& counter = ws.counter;
    std::vector<uint32_t>& words = ws.words;
    std::vector<uint32_t>& range_ends = chunk_range_ends[c];
    words.clear();
    size_t n_words = 0;  // the chunk's, given or not
    ws.word_begin.assign(1, 0);
    ws.scratch_begin.assign(1, 0);
    ws.range_begin.assign(1, 0);
    for (size_t d = c * chunk; d < chunk_end(c); ++d) {
      const PassageInput& doc = docs[d];
      if (doc.participates && !doc.range_word_ends.empty()) {
        // The caller's words: one count per range, never decreasing, ending at the number of words.
        bool valid = doc.range_word_ends.size() == doc.ranges.size() &&
                     doc.range_word_ends.back() == doc.words.size();
        uint32_t prev = 0;
        for (uint32_t end : doc.range_word_ends) {
          valid &= end >= prev;
          if (valid && end > prev) range_ends.push_back(end);
          prev = end;
        }
        if (valid) {
          for (uint32_t w : doc.words) counter.Add(w);
          n_words += doc.words.size();
        } else {
          range_ends.resize(ws.range_begin.back());
          bad_ranges[d] = 2;
        }
      } else if (doc.participates) {
        if (TokenizeRanges(doc, &s)) {
          for (const Word& w : s.words) {
            words.push_back(static_cast<uint32_t>(w.hash) & ~kCommonBit);
            counter.Add(words.back());
          }
          n_words += s.words.size();
          range_ends.insert(range_ends.end(), s.range_ends.begin(), s.range_ends.end());
        } else {
          bad_ranges[d] = 1;
        }
      }
      ws.word_begin.push_back(static_cast<uint32_t>(n_words));
      ws.scratch_begin.push_back(static_cast<uint32_t>(words.size()));
      ws.range_begin.push_back(static_cast<uint32_t>(range_ends.size()));
    }
    if (counter.distinct() >= kFlushAtDistinct) counter.FlushTo(&word_counts);
    const size_t offset = all_words.Take(n_words);
    word_pieces[c] = {offset, n_words};
    for (size_t d = c * chunk, i = 0; d < chunk_end(c); ++d, ++i) {
      std::copy(words.begin() + ws.scratch_begin[i], words.begin() + ws.scratch_begin[i + 1],
                all_words.data() + offset + ws.word_begin[i]);
      DocView& v = views[d];
      v.words = all_words.data() + offset + ws.word_begin[i];
      v.n = ws.word_begin[i + 1] - ws.word_begin[i];
      v.range_ends = range_ends.data() + ws.range_begin[i];
      v.n_ranges = ws.range_begin[i + 1] - ws.range_begin[i];
    }
  });
  for (WordScratch& ws : word_scratch) ws.counter.FlushTo(&word_counts);
  for (size_t d = 0; d < n; ++d) {
    if (bad_ranges[d] == 1) {
      return Status::InvalidArgument("document " + std::to_string(d) +
                                     ": passage range past the end of the text");
    }
    if (bad_ranges[d] == 2) {
      return Status::InvalidArgument("document " + std::to_string(d) +
                                     ": range_word_ends must give one non-decreasing count per range, "
                                     "the last equal to the number of words");
    }
  }
  std::fill_n(all_words.data() + all_words.used(), passages_internal::kWordPad, 0u);
  BigArray<int32_t> clusters(n);
  for (size_t d = 0; d < n; ++d) clusters[d] = docs[d].cluster;
  auto view = [&](size_t d) -> const DocView& { return views[d]; };
  clock.Done("words");

  // ---- 2. fingerprints. Common words are marked (the mark takes part in the fingerprint's hash); which
  // slots are common is looked up in a bit set that stays in cache. A document's marked words are made
  // in scratch here, and in its piece of the table in step 3b.
  uint64_t participating = 0;
  for (const PassageInput& d : docs) participating += d.participates;
  const uint64_t common_count =
      std::max<uint64_t>({kMinCommonCount, 2 * ceiling, participating / kCommonEvery});
  std::vector<uint64_t> common_slots(kWordCountSlots / 64, 0);
  for (size_t i = 0; i < kWordCountSlots; ++i) {
    const bool common = word_counts[i] >= common_count;
    common_slots[i / 64] |= uint64_t{common} << (i % 64);
    stats->common_words += common;
  }
  std::vector<uint32_t>().swap(word_counts);
  BumpArray<PostingSlot> all_postings(std::max<size_t>(1, all_words.used()));  // at most one per word
  std::vector<Piece> posting_pieces(n_chunks);
  // A document's postings, then its entries (from step 3b on, only those of indexed fingerprints).
  std::vector<uint64_t> entry_begin(n, 0), entry_end(n, 0);
  auto mark = [&](uint32_t word) {
    const size_t slot = WordSlot(word);
    return (word & ~kCommonBit) | ((common_slots[slot / 64] >> (slot % 64) & 1) ? kCommonBit : 0);
  };
  // The words of document d as step 1 found them: the caller's, or its piece of the table.
  auto given = [&](size_t d) { return docs[d].participates && !docs[d].range_word_ends.empty(); };
  auto source_words = [&](size_t d) { return given(d) ? docs[d].words.data() : views[d].words; };
  struct FingerprintScratch {
    // Room for one posting per word of the chunk so far: every shingle's posting is written, and kept by
    // moving the end when it is sampled (a coin toss, which a branch would mispredict half the time).
    std::unique_ptr<Posting[]> postings;
    size_t capacity = 0;
    std::vector<uint32_t> marked;
  };
  tbb::enumerable_thread_specific<FingerprintScratch> posting_scratch;
  tbb::parallel_for(size_t{0}, n_chunks, [&](size_t c) {
    FingerprintScratch& fs = posting_scratch.local();
    std::vector<uint32_t>& marked = fs.marked;
    size_t n_out = 0;
    constexpr uint64_t kSampleMask = (uint64_t{1} << kSampleBits) - 1;
    std::vector<size_t> doc_first(chunk_end(c) - c * chunk + 1);
    for (size_t d = c * chunk; d < chunk_end(c); ++d) {
      doc_first[d - c * chunk] = n_out;
      DocView doc = view(d);
      const uint32_t* source = source_words(d);
      marked.resize(doc.n);
      for (uint32_t i = 0; i < doc.n; ++i) marked[i] = mark(source[i]);
      doc.words = marked.data();
      if (n_out + doc.n > fs.capacity) {
        const size_t capacity = std::max(2 * fs.capacity, n_out + doc.n);
        std::unique_ptr<Posting[]> grown(new Posting[capacity]);
        std::copy_n(fs.postings.get(), n_out, grown.get());
        fs.postings = std::move(grown);
        fs.capacity = capacity;
      }
      Posting* const out = fs.postings.get();
      uint32_t lo = 0;
      for (uint32_t r = 0; r < doc.n_ranges; ++r) {
        const uint32_t hi = doc.range_ends[r];
        uint32_t rare = 0;  // words of the shingle ending at p that are not common
        for (uint32_t p = lo; p < hi; ++p) {
          rare += !(doc.words[p] & kCommonBit);
          if (p >= lo + kShingleWords) rare -= !(doc.words[p - kShingleWords] & kCommonBit);
          if (p + 1 < lo + kShingleWords || rare == 0) continue;
          const uint32_t start = p + 1 - static_cast<uint32_t>(kShingleWords);
          const uint64_t h =
              XXH3_64bits_withSeed(doc.words + start, kShingleWords * sizeof(uint32_t), kShingleSeed);
          out[n_out] = Posting::Make(h, start);
          n_out += (h & kSampleMask) == 0;
        }
        lo = hi;
      }
    }
    doc_first.back() = n_out;
    const size_t offset = all_postings.Take(n_out);
    for (size_t i = 0; i < n_out; ++i) all_postings.data()[offset + i].posting = fs.postings[i];
    posting_pieces[c] = {offset, n_out};
    for (size_t d = c * chunk; d < chunk_end(c); ++d) {
      entry_begin[d] = offset + doc_first[d - c * chunk];
      entry_end[d] = offset + doc_first[d - c * chunk + 1];
    }
  });

  clock.Done("fingerprints");

  // ---- 3. the index, and each document's sampled shingles by word (entries, at the places of their
  // postings)
  // (Entry: the postings' places must stay below kCapped; the groups are then fewer than half as many.)
  if (all_postings.used() >= kCapped)
    return Status::InvalidArgument("too many fingerprints for the passage index");
  // Runs of heavy occurrences (step 4) are made of "frequent" fingerprints (at least half the cap), so
  // that a paragraph quoted by about cap documents, whose fingerprints straddle the cap after edits,
  // still makes one unbroken run; BuildIndex marks them in their entries.
  const uint32_t frequent = static_cast<uint32_t>(std::max<size_t>(2, cap / 2));
  Index index;
  BuildIndex(all_postings.data(), entry_begin.data(), entry_end.data(), n, cap, frequent, &index, stats);
  const Entries entries(all_postings.data(), all_postings.used());
  clock.Done("index");

  // ---- 3b. every document's entries of indexed fingerprints moved to the front of its entries (about
  // half of them are of fingerprints in one document, which the steps below would only skip, on a
  // branch as unpredictable as a coin), then every document's to the front of the table, in document
  // order, and the memory past them given back; then every document's marked words in its piece of
  // the table, for the alignment. The words' pages are then those just given back and those of the
  // bucket copies: memory the process has not touched costs more (bench/README-passages.md, round 8).
  tbb::parallel_for(size_t{0}, n, [&](size_t d) {
    uint64_t kept = entry_begin[d];
    for (uint64_t e = entry_begin[d]; e < entry_end[d]; ++e) {
      const Entry entry = entries[e];
      entries[kept] = entry;
      kept += entry.later != kNoGroup;
    }
    entry_end[d] = kept;
  });
  // Chunks in storage order (which depends on timing), so that every move is towards the front, onto
  // entries already moved or dropped.
  std::vector<size_t> storage_order(n_chunks);
  for (size_t c = 0; c < n_chunks; ++c) storage_order[c] = c;
  std::sort(storage_order.begin(), storage_order.end(),
            [&](size_t x, size_t y) { return posting_pieces[x].offset < posting_pieces[y].offset; });
  uint64_t n_entries = 0;
  for (size_t c : storage_order) {
    for (size_t d = c * chunk; d < chunk_end(c); ++d) {
      const uint64_t count = entry_end[d] - entry_begin[d];
      std::memmove(all_postings.data() + n_entries, all_postings.data() + entry_begin[d],
                   count * sizeof(PostingSlot));
      entry_begin[d] = n_entries;
      n_entries += count;
      entry_end[d] = n_entries;
    }
  }
  all_postings.ReleaseFrom(n_entries);
  tbb::parallel_for(size_t{0}, n, [&](size_t d) {
    const uint32_t* source = source_words(d);
    uint32_t* words = all_words.data() + (views[d].words - all_words.data());
    for (uint32_t i = 0; i < views[d].n; ++i) words[i] = mark(source[i]);
    if (release != nullptr) (*release)[d].words = {};
  });
  if (release != nullptr) release_words();
  std::vector<uint64_t>().swap(common_slots);
  clock.Done("marks");

  // ---- 4. heavy occurrences of capped fingerprints, in runs of frequent ones (entries of capped groups
  // and those with kFrequentBit).
  std::vector<HeavyPosting> heavy_postings;
  {
    std::vector<std::vector<HeavyPosting>> chunk_heavy(n_chunks);
    tbb::parallel_for(size_t{0}, n_chunks, [&](size_t c) {
      for (size_t d = c * chunk; d < chunk_end(c); ++d) {
        const DocView doc = view(d);
        uint64_t run_first = 0, run_last = 0;  // entries of the current run
        uint32_t covered = 0, last_pos = 0, run_range_end = 0;
        bool in_run = false;
        auto close_run = [&]() {
          if (!in_run || covered < kRunCoverage * static_cast<double>(min_words)) return;
          for (uint64_t e = run_first; e <= run_last; ++e) {
            if (entries[e].later == kCapped) {
              chunk_heavy[c].push_back(
                  {entries[e].end, static_cast<uint32_t>(d), entries[e].pos, static_cast<uint32_t>(e)});
            }
          }
        };
        for (uint64_t e = entry_begin[d]; e < entry_end[d]; ++e) {
          if (entries[e].later != kCapped && !(entries[e].end & kFrequentBit)) continue;
          const uint32_t pos = entries[e].pos;
          if (in_run && pos == last_pos) {  // two fingerprints at one word (a hash collision)
            run_last = e;
            continue;
          }
          if (in_run && pos - last_pos <= kRunGap && pos < run_range_end) {
            covered += std::min<uint32_t>(kShingleWords, pos - last_pos);
          } else {
            close_run();
            in_run = true;
            run_first = e;
            covered = kShingleWords;
            run_range_end = RangeOf(doc, pos).second;
          }
          run_last = e;
          last_pos = pos;
        }
        close_run();
      }
    });
    size_t total = 0;
    for (const auto& v : chunk_heavy) total += v.size();
    heavy_postings.reserve(total);
    for (auto& v : chunk_heavy) {
      heavy_postings.insert(heavy_postings.end(), v.begin(), v.end());
      std::vector<HeavyPosting>().swap(v);
    }
    tbb::parallel_sort(heavy_postings.begin(), heavy_postings.end());
  }
  // Each heavy occurrence's entry is resolved here, once, for the alignment: when its fingerprint links
  // documents (heavy in at least two, at most max_shared_docs), [later, end) are the group's heavy
  // occurrences in later documents, appended to the index's postings (by document, then word, as the
  // index's), so that the alignment reads every entry alike; otherwise it proposes nothing, as a capped
  // entry (later = kCapped, past its end). The alignment gathered these with a search of the groups and one
  // of the group's occurrences per heavy entry, of every document (0.54 M on 150,000 documents of news; cache
  // misses one after the other, 15% of the gathering's own samples); without them, the alignment step
  // took 12.46 -> 11.66 s of CPU on 1 GB (bench/README-passages.md, round 11).
  const uint64_t heavy_base = index.postings.size();
  if (heavy_base + heavy_postings.size() >= kCapped)
    return Status::InvalidArgument("too many shared fingerprints for the passage index");
  index.postings.Regrow(heavy_base + heavy_postings.size());
  passages_internal::IndexPosting* const heavy_later = index.postings.data() + heavy_base;
  for (size_t i = 0; i < heavy_postings.size();) {
    size_t j = i + 1;
    size_t distinct = 1;
    for (; j < heavy_postings.size() && heavy_postings[j].group == heavy_postings[i].group; ++j) {
      distinct += heavy_postings[j].doc != heavy_postings[j - 1].doc;
    }
    const bool links = distinct >= 2 && distinct <= ceiling;
    if (distinct >= 2) ++(links ? stats->widely_shared_fingerprints : stats->too_common_fingerprints);
    for (size_t k = i; k < j;) {  // the occurrences of one document: [k, next)
      size_t next = k + 1;
      while (next < j && heavy_postings[next].doc == heavy_postings[k].doc) ++next;
      for (; k < next; ++k) {
        heavy_later[k] = {heavy_postings[k].doc, heavy_postings[k].pos};
        if (links) {
          Entry& entry = entries[heavy_postings[k].entry];
          entry.later = static_cast<uint32_t>(heavy_base + next);
          entry.end = static_cast<uint32_t>(heavy_base + j);
        }
      }
    }
    i = j;
  }
  std::vector<HeavyPosting>().swap(heavy_postings);

  clock.Done("heavy");

  // ---- 5. seeds and alignment: each document a against every later document b. The seeds of
  // kSweepChunks chunks of documents a (a "sweep") are gathered document by document and their pairs
  // aligned in the order of b, so that the reads of b's words, view and range ends (at random in 0.5 GB
  // on 1 GB of news: what the alignment mostly waits for) go through memory in one ascending pass per
  // sweep, and a document b that several documents of the sweep pair with is read once; the pairs with
  // passages are then put back in (a, b) order, each in its chunk's list.
  std::vector<ChunkPassages> chunk_pairs(n_chunks);
  const size_t n_sweeps = (n_chunks + kSweepChunks - 1) / kSweepChunks;
  std::vector<uint64_t> sweep_candidates(n_sweeps, 0);
  tbb::enumerable_thread_specific<AlignScratch> align_scratch;
  tbb::parallel_for(size_t{0}, n_sweeps, [&](size_t w) {
    AlignScratch& s = align_scratch.local();
    s.seeds.clear();
    const size_t sweep_begin = w * kSweepChunks * chunk;
    const size_t sweep_end = std::min(n, (w + 1) * kSweepChunks * chunk);
    // The postings of the groups of later entries are far apart: those of the entry kEntriesAhead
    // ahead in the sweep (across documents: a document has about 64 entries on 356 MB of news, and its
    // first ones were not fetched when the fetches stopped at its start) are fetched meanwhile, when it
    // has any (a group's last document has none).
    constexpr size_t kEntriesAhead = 8;
    size_t fetch_doc = sweep_begin;
    uint64_t fetch = sweep_begin < sweep_end ? entry_begin[sweep_begin] : 0;
    auto fetch_next = [&] {
      while (fetch_doc < sweep_end && fetch >= entry_end[fetch_doc]) {
        if (++fetch_doc < sweep_end) fetch = entry_begin[fetch_doc];
      }
      if (fetch_doc == sweep_end) return;
      const Entry& next = entries[fetch++];
      if (next.later < (next.end & ~kFrequentBit)) __builtin_prefetch(index.postings.data() + next.later);
    };
    for (size_t k = 0; k < kEntriesAhead; ++k) fetch_next();
    // The tables' addresses and the entry are held in registers: the loops below append to the seeds,
    // whose growth (a call) would otherwise make the compiler read them again for every posting.
    const passages_internal::IndexPosting* const postings = index.postings.data();
    const int32_t* const cluster_of = clusters.data();
    for (size_t d = sweep_begin; d < sweep_end; ++d) {
      const uint32_t a = static_cast<uint32_t>(d);
      const int32_t cluster = cluster_of[d];
      auto eligible = [&](uint32_t b) { return cluster < 0 || cluster_of[b] != cluster; };
      for (uint64_t e = entry_begin[d]; e < entry_end[d]; ++e) {
        fetch_next();
        // A capped entry that is not heavy has later = kCapped, past its end (its group): no seeds.
        const Entry entry = entries[e];
        const uint32_t end = entry.end & ~kFrequentBit;
        for (uint64_t k = entry.later; k < end; ++k) {
          const passages_internal::IndexPosting posting = postings[k];
          if (eligible(posting.doc)) s.seeds.push_back({posting.doc, a, entry.pos, posting.pos});
        }
      }
    }
    if (s.seeds.empty()) return;
    // Gathered in (a, pa, pb) order for every b (documents ascending, entries by word, postings by
    // document then word, one fingerprint per word), so a stable sort by b gives (b, a, pa, pb), without
    // duplicates. Every b is after the sweep's first document.
    SortSeedsByDocument(&s.seeds, &s.seed_buffer, static_cast<uint32_t>(sweep_begin + 1));
    s.pair_starts.clear();
    for (size_t i = 0; i < s.seeds.size(); ++i) {
      if (i == 0 || s.seeds[i].b != s.seeds[i - 1].b || s.seeds[i].a != s.seeds[i - 1].a)
        s.pair_starts.push_back(static_cast<uint32_t>(i));
    }
    s.pair_starts.push_back(static_cast<uint32_t>(s.seeds.size()));
    const size_t n_candidates = s.pair_starts.size() - 1;
    sweep_candidates[w] = n_candidates;
    // AlignPair fetches the words of a and b at the seeds kSeedsAhead ahead, and the range ends of the
    // next pairs' documents are fetched here.
    s.seed_words.resize(s.seeds.size());
    for (size_t i = 0; i < s.seeds.size(); ++i) {
      s.seed_words[i] = {reinterpret_cast<uintptr_t>(views[s.seeds[i].a].words + s.seeds[i].pa),
                         reinterpret_cast<uintptr_t>(views[s.seeds[i].b].words + s.seeds[i].pb)};
    }
    for (size_t i = 0; i < std::min(s.seeds.size(), kSeedsAhead); ++i)
      PrefetchSeedWords(s.seed_words[i], min_words);
    constexpr size_t kRangesAhead = 4;
    for (size_t q = 0; q < std::min(n_candidates, kRangesAhead); ++q)
      __builtin_prefetch(views[s.seeds[s.pair_starts[q]].b].range_ends);
    s.found_pairs.clear();
    s.found_begin.clear();
    s.found_regions.clear();
    for (size_t q = 0; q < n_candidates; ++q) {
      if (q + kRangesAhead < n_candidates)
        __builtin_prefetch(views[s.seeds[s.pair_starts[q + kRangesAhead]].b].range_ends);
      const size_t i = s.pair_starts[q], j = s.pair_starts[q + 1];
      const uint32_t a = s.seeds[i].a, b = s.seeds[i].b;
      s.found.clear();
      AlignPair(view(a), view(b), s.seeds.data() + i, j - i, min_words, options.min_similarity,
                static_cast<long>(min_words), s.seed_words.data() + i, s.seeds.size() - i, &s, &s.found);
      if (!s.found.empty()) {
        std::sort(s.found.begin(), s.found.end());
        s.found_pairs.push_back({a, b, static_cast<uint32_t>(s.found.size())});
        s.found_begin.push_back(static_cast<uint32_t>(s.found_regions.size()));
        s.found_regions.insert(s.found_regions.end(), s.found.begin(), s.found.end());
      }
    }
    // Back to (a, b) order.
    s.pair_order.resize(s.found_pairs.size());
    for (size_t k = 0; k < s.pair_order.size(); ++k) s.pair_order[k] = static_cast<uint32_t>(k);
    std::sort(s.pair_order.begin(), s.pair_order.end(), [&](uint32_t x, uint32_t y) {
      const ChunkPassages::Pair& p = s.found_pairs[x];
      const ChunkPassages::Pair& q = s.found_pairs[y];
      return p.a != q.a ? p.a < q.a : p.b < q.b;
    });
    for (uint32_t k : s.pair_order) {
      const ChunkPassages::Pair& p = s.found_pairs[k];
      ChunkPassages& out = chunk_pairs[p.a / chunk];
      out.pairs.push_back(p);
      const Region* r = s.found_regions.data() + s.found_begin[k];
      out.regions.insert(out.regions.end(), r, r + p.n_regions);
    }
  });
  for (uint64_t v : sweep_candidates) stats->candidate_pairs += v;
  align_scratch.clear();  // each thread's seeds of its largest sweep (tens of MB on 1 GB of news)
  clock.Done("align");

  // Only the regions are needed from here on: the words, fingerprints and indexes go before the output
  // is built (on 1 GB of news they are about 1.2 GB, the output a few hundred MB).
  all_words.reset();
  std::vector<std::vector<uint32_t>>().swap(chunk_range_ends);
  views.reset();
  all_postings.reset();
  index = Index();

  // ---- 6. word indices to code point offsets, tokenizing again only the documents that need it. Span
  // k's offsets go to offsets[4 * k + (0: a_start, 1: a_end, 2: b_start, 3: b_end)]; each document's
  // requests are grouped with a counting sort.
  size_t n_pairs = 0, n_spans = 0;
  for (const ChunkPassages& v : chunk_pairs) {
    n_pairs += v.pairs.size();
    n_spans += v.regions.size();
  }
  if (n_spans >= (size_t{1} << 30)) return Status::InvalidArgument("too many passages");
  stats->span_pairs = n_spans;
  using Request = OffsetRequest;
  std::vector<size_t> request_begin(n + 1, 0);
  for (const ChunkPassages& v : chunk_pairs) {
    for (const ChunkPassages::Pair& p : v.pairs) {
      request_begin[p.a + 1] += 2 * p.n_regions;
      request_begin[p.b + 1] += 2 * p.n_regions;
    }
  }
  for (size_t d = 0; d < n; ++d) request_begin[d + 1] += request_begin[d];
  // Every offset and request is written before it is read: flat tables, not zeroed first.
  BigArray<uint32_t> offsets(4 * n_spans);
  {
    BigArray<Request> requests(request_begin[n]);
    std::vector<size_t> next(request_begin.begin(), request_begin.end() - 1);
    uint32_t slot = 0;
    for (const ChunkPassages& v : chunk_pairs) {
      const Region* r = v.regions.data();
      for (const ChunkPassages::Pair& p : v.pairs) {
        for (uint32_t k = 0; k < p.n_regions; ++k, ++r, slot += 4) {
          requests[next[p.a]++] = {r->a0, slot};
          requests[next[p.a]++] = {r->a1 - 1, slot + 1};
          requests[next[p.b]++] = {r->b0, slot + 2};
          requests[next[p.b]++] = {r->b1 - 1, slot + 3};
        }
      }
    }
    clock.Done("output");
    std::vector<uint32_t> with_requests;
    for (size_t d = 0; d < n; ++d) {
      if (request_begin[d + 1] > request_begin[d]) with_requests.push_back(static_cast<uint32_t>(d));
    }
    struct OffsetScratch {
      WordTokenizer tokenizer;
      RangeWords range;
    };
    tbb::enumerable_thread_specific<OffsetScratch> offset_scratch;
    tbb::parallel_for(size_t{0}, with_requests.size(), [&](size_t k) {
      OffsetScratch& s = offset_scratch.local();
      const uint32_t d = with_requests[k];
      ResolveOffsets(docs[d], requests.data() + request_begin[d], requests.data() + request_begin[d + 1],
                     &s.tokenizer, &s.range, offsets.data());
    });
  }
  clock.Done("offsets");

  // The pairs, each chunk's regions released as soon as they are copied.
  pairs->reserve(n_pairs);
  const uint32_t* at = offsets.data();
  for (ChunkPassages& v : chunk_pairs) {
    const Region* r = v.regions.data();
    for (const ChunkPassages::Pair& p : v.pairs) {
      PassagePair& out = pairs->emplace_back();
      out.a = p.a;
      out.b = p.b;
      out.spans.resize(p.n_regions);
      for (PassageSpan& span : out.spans) {
        const double longer = std::max(r->a1 - r->a0, r->b1 - r->b0);
        span = {at[0], at[1], at[2], at[3], static_cast<double>(r->matches) / longer};
        ++r;
        at += 4;
      }
    }
    std::vector<ChunkPassages::Pair>().swap(v.pairs);
    std::vector<Region>().swap(v.regions);
  }
  clock.Done("pairs");
  return Status::OK();
}

}  // namespace

Status FindPassages(const std::vector<PassageInput>& docs, const PassageOptions& options,
                    std::vector<PassagePair>* pairs, PassageStats* stats) {
  return Find(docs, nullptr, nullptr, options, pairs, stats);
}

Status FindPassagesReleasingWords(std::vector<PassageInput>* docs, const std::function<void()>& release_words,
                                  const PassageOptions& options, std::vector<PassagePair>* pairs,
                                  PassageStats* stats) {
  return Find(*docs, docs, release_words, options, pairs, stats);
}

namespace passages_internal {

std::vector<uint32_t> SortSeedsByDocumentForTest(const std::vector<uint32_t>& b, uint32_t base) {
  std::vector<Seed> seeds(b.size()), buffer;
  for (size_t i = 0; i < b.size(); ++i) seeds[i] = {b[i], static_cast<uint32_t>(i), 0, 0};
  SortSeedsByDocument(&seeds, &buffer, base);
  std::vector<uint32_t> order(seeds.size());
  for (size_t i = 0; i < seeds.size(); ++i) order[i] = seeds[i].a;
  return order;
}

long NearDiagonalMatchesForTest(const uint32_t* a, uint32_t pa, uint32_t ra0, uint32_t ra1, const uint32_t* b,
                                uint32_t pb, uint32_t rb0, uint32_t rb1, uint32_t window) {
  return NearDiagonalMatches(a, pa, {ra0, ra1}, b, pb, {rb0, rb1}, window);
}

std::vector<WordBounds> RangeWordsForTest(std::string_view text, size_t byte_start, uint32_t cp_start,
                                          uint32_t cp_end, size_t block, const std::vector<size_t>& indices,
                                          std::vector<bool>* reached, Utf8Position* stop) {
  WordTokenizer tokenizer;
  RangeWords range;
  range.Start(text, {byte_start, cp_start}, cp_end, block);
  reached->clear();
  for (const size_t index : indices) reached->push_back(range.Reach(index, &tokenizer));
  *stop = range.Stop();
  return range.words();
}

std::vector<uint32_t> CountWordsForTest(const std::vector<std::vector<uint32_t>>& chunks) {
  std::vector<uint32_t> shared(kWordCountSlots, 0);
  ChunkWordCounter counter;
  for (const std::vector<uint32_t>& chunk : chunks) {
    for (const uint32_t word : chunk) counter.Add(word);
    if (counter.distinct() >= kFlushAtDistinct) counter.FlushTo(&shared);
  }
  counter.FlushTo(&shared);
  return shared;
}

size_t WordSlotForTest(uint32_t word) { return WordSlot(word); }

uint64_t ShingleHashForTest(const uint32_t* words) {
  static_assert(kShingleWords == 4 && kSampleBits == 1);
  return XXH3_64bits_withSeed(words, kShingleWords * sizeof(uint32_t), kShingleSeed);
}

uint32_t BandedLcsForTest(const uint32_t* a, size_t na, const uint32_t* b, size_t nb, long lo, long hi) {
  AlignScratch s;
  return BandedLcs(a, na, b, nb, lo, hi, &s);
}

void BoundReachForTest(const uint32_t* a, long ia, size_t na, const uint32_t* b, long ib, size_t nb, int dir,
                       Reach* out) {
  if (dir > 0) {
    BoundReach<1>(a, ia, na, b, ib, nb, out);
  } else {
    BoundReach<-1>(a, ia, na, b, ib, nb, out);
  }
}

std::vector<AlignedRegion> AlignPairForTest(const std::vector<uint32_t>& a,
                                            const std::vector<uint32_t>& a_range_ends,
                                            const std::vector<uint32_t>& b,
                                            const std::vector<uint32_t>& b_range_ends,
                                            const std::vector<std::pair<uint32_t, uint32_t>>& seeds,
                                            size_t min_words, double min_similarity, long bound_below) {
  // The words with kWordPad zeros either side, as in the stage's table.
  auto padded = [](const std::vector<uint32_t>& words) {
    std::vector<uint32_t> out(kWordPad, 0);
    out.insert(out.end(), words.begin(), words.end());
    out.resize(out.size() + kWordPad, 0);
    return out;
  };
  const std::vector<uint32_t> pa = padded(a), pb = padded(b);
  const DocView da{pa.data() + kWordPad, static_cast<uint32_t>(a.size()), a_range_ends.data(),
                   static_cast<uint32_t>(a_range_ends.size())};
  const DocView db{pb.data() + kWordPad, static_cast<uint32_t>(b.size()), b_range_ends.data(),
                   static_cast<uint32_t>(b_range_ends.size())};
  std::vector<Seed> list;
  std::vector<SeedWords> ahead;
  for (const auto& [x, y] : seeds) {
    list.push_back({1, 0, x, y});
    ahead.push_back({reinterpret_cast<uintptr_t>(da.words + x), reinterpret_cast<uintptr_t>(db.words + y)});
  }
  AlignScratch s;
  std::vector<Region> found;
  AlignPair(da, db, list.data(), list.size(), min_words, min_similarity, bound_below, ahead.data(),
            ahead.size(), &s, &found);
  std::vector<AlignedRegion> out;
  for (const Region& r : found) out.push_back({r.a0, r.a1, r.b0, r.b1, r.matches});
  return out;
}

Extension ExtendForTest(const uint32_t* a, long ia, size_t na, const uint32_t* b, long ib, size_t nb,
                        int dir) {
  return dir > 0 ? Extend<1>(a, ia, na, b, ib, nb) : Extend<-1>(a, ia, na, b, ib, nb);
}

Extension ExtendBandedForTest(const uint32_t* a, long ia, size_t na, const uint32_t* b, long ib, size_t nb,
                              int dir) {
  return dir > 0 ? ExtendBanded<1>(a, ia, na, b, ib, nb) : ExtendBanded<-1>(a, ia, na, b, ib, nb);
}

}  // namespace passages_internal
}  // namespace neardup
