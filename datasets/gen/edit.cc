// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "datasets/gen/edit.h"

#include <algorithm>
#include <utility>

namespace neardup::datagen {

// ------------------------------------------------------------------------------------------------
// ShingleJaccard

void ShingleJaccard::Table::Prepare(size_t count) {
  size_t cap = 64;
  while (cap < 2 * count + 16) cap <<= 1;
  if (entries.size() < cap) {
    entries.assign(cap, Entry{0, 0});
    stamp = 0;
  }
  ++stamp;  // 64 bits: never wraps
}

bool ShingleJaccard::Table::Insert(uint64_t v) {
  const size_t mask = entries.size() - 1;
  size_t i = static_cast<size_t>(v) & mask;
  while (entries[i].stamp == stamp) {
    if (entries[i].value == v) return false;
    i = (i + 1) & mask;
  }
  entries[i] = Entry{v, stamp};
  return true;
}

bool ShingleJaccard::Table::Contains(uint64_t v) const {
  const size_t mask = entries.size() - 1;
  size_t i = static_cast<size_t>(v) & mask;
  while (entries[i].stamp == stamp) {
    if (entries[i].value == v) return true;
    i = (i + 1) & mask;
  }
  return false;
}

template <typename F>
void ShingleJaccard::ForEachShingle(const std::vector<uint64_t>& keys, F f) const {
  if (keys.empty()) return;
  // Word keys are already well mixed, so a shingle hash is the keys rotated by their position in the
  // shingle, xor-ed, and mixed once: order-sensitive, and one multiply chain per shingle.
  const size_t width = std::min(n_, keys.size());
  for (size_t i = 0; i + width <= keys.size(); ++i) {
    uint64_t h = width;
    for (size_t j = 0; j < width; ++j) {
      const uint64_t k = keys[i + j];
      const unsigned r = static_cast<unsigned>(j * 13) & 63;
      h ^= r == 0 ? k : (k << r) | (k >> (64 - r));
    }
    f(Mix64(h));
  }
}

void ShingleJaccard::SetReference(const std::vector<uint64_t>& keys) {
  ref_.Prepare(keys.size());
  ref_size_ = 0;
  ForEachShingle(keys, [this](uint64_t h) { ref_size_ += ref_.Insert(h); });
}

double ShingleJaccard::Jaccard(const std::vector<uint64_t>& keys) {
  seen_.Prepare(keys.size());
  size_t unique = 0, common = 0;
  ForEachShingle(keys, [&](uint64_t h) {
    if (seen_.Insert(h)) {
      ++unique;
      common += ref_.Contains(h);
    }
  });
  const size_t uni = ref_size_ + unique - common;
  return uni == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(uni);
}

// ------------------------------------------------------------------------------------------------
// Copies

const char* EditStyleName(EditStyle s) {
  switch (s) {
    case EditStyle::kRewrite:
      return "rewrite";
    case EditStyle::kTrim:
      return "trim";
    case EditStyle::kExtend:
      return "extend";
    case EditStyle::kMixed:
      return "mixed";
  }
  return "rewrite";
}

namespace {

enum class CoarseKind : uint8_t { kDrop, kInsert, kReplace };

struct CoarseOp {
  CoarseKind kind;
  uint32_t sentence;   ///< kDrop/kReplace: the sentence; kInsert: insert before it (n: append)
  int32_t extra = -1;  ///< index of the new sentence (kInsert, kReplace)
  bool new_paragraph = false;
};

enum class FineKind : uint8_t { kSubstitute, kDelete, kInsert };

struct FineOp {
  FineKind kind;
  uint32_t word;  ///< index among the body's word tokens
  Tok tok;        ///< the new word (kSubstitute) or the word inserted before (kInsert)
};

// One sentence of a copy's layout: where its tokens come from and its paragraph.
struct Placed {
  int32_t source;  ///< >= 0: parent sentence; < 0: new sentence -source-1
  uint64_t paragraph;
};

// The boundary of a Jaccard that falls (almost monotonically) as a plan prefix k grows: the last k whose
// value `keep`s and the first that does not. `extend(k)` plans up to k edits and returns how many are
// planned; `eval(k)` is the Jaccard after the first k. Growth extrapolates the fall seen so far (with
// some overshoot) to bracket the boundary in a few probes; narrowing alternates interpolation and
// bisection, so it needs few evaluations when the fall is smooth and never more than twice bisection's.
struct Bracket {
  size_t lo = 0;
  size_t hi = 0;  ///< == lo when every planned prefix keeps (the plan ran out)
  double jlo = 0;
  double jhi = 0;
};

template <typename Eval, typename Extend, typename Keep>
Bracket FindBoundary(double j0, double target, size_t first_probe, Eval eval, Extend extend, Keep keep) {
  Bracket b;
  b.jlo = b.jhi = j0;
  size_t probe = first_probe;
  while (true) {
    const size_t planned = extend(probe);
    if (planned <= b.lo) {  // the plan ran out and every prefix keeps
      b.hi = b.lo;
      b.jhi = b.jlo;
      return b;
    }
    const size_t k = std::min(probe, planned);
    const double j = eval(k);
    if (!keep(j)) {
      b.hi = k;
      b.jhi = j;
      break;
    }
    const double fall = (b.jlo - j) / static_cast<double>(k - b.lo);
    b.lo = k;
    b.jlo = j;
    size_t next = 2 * k;
    if (fall > 0) next = k + 1 + static_cast<size_t>((j - target) / fall * 1.25);
    probe = std::clamp(next, k + 1, 4 * k + 8);
  }
  bool bisect = false;
  while (b.hi - b.lo > 1) {
    const size_t width = b.hi - b.lo;
    size_t mid = b.lo + width / 2;
    if (!bisect && b.jlo > b.jhi) {
      const double f = (b.jlo - target) / (b.jlo - b.jhi);
      const size_t step = static_cast<size_t>(f * static_cast<double>(width) + 0.5);
      mid = b.lo + std::clamp<size_t>(step, 1, width - 1);
    }
    const double j = eval(mid);
    if (keep(j)) {
      b.lo = mid;
      b.jlo = j;
    } else {
      b.hi = mid;
      b.jhi = j;
    }
    bisect = !bisect && (b.hi - b.lo) * 2 > width;
  }
  return b;
}

class CopyMaker {
 public:
  CopyMaker(const Article& parent, const CopyRequest& req, ArticleWriter* writer, ShingleJaccard* jaccard)
      : req_(req), writer_(writer), jaccard_(jaccard), rng_(writer->rng()), base_(parent) {
    headline_ = req.new_headline ? writer->Headline() : parent.headline;
    if (req.headline_in_text) AppendKeys(headline_, &prefix_);
    if (req.dateline) AppendKeys(base_.dateline, &prefix_);
    uint64_t paragraph = 0;
    for (size_t s = 0; s < base_.sentences.size(); ++s) {
      paragraph += base_.para_start[s];
      paragraphs_.push_back(paragraph);
      sentence_keys_.emplace_back();
      AppendKeys(base_.sentences[s], &sentence_keys_.back());
    }
  }

  CopyResult Make() {
    const size_t k1 = SearchCoarse();
    Article mid = Materialize(k1);
    const size_t k2 = SearchFine(mid, coarse_j_);
    CopyResult result;
    ApplyFine(k2, &mid);
    result.article = std::move(mid);
    std::vector<uint64_t> keys;
    AppendWordKeys(result.article, req_.headline_in_text, req_.dateline, &keys);
    result.jaccard = jaccard_->Jaccard(keys);
    result.counts = counts_;
    return result;
  }

 private:
  static void AppendKeys(const std::vector<Tok>& toks, std::vector<uint64_t>* keys) {
    for (const Tok& t : toks) {
      if (t.is_word()) keys->push_back(t.key);
    }
  }

  uint32_t AddExtra() {
    extras_.push_back(writer_->Sentence(/*continuation=*/true));
    extra_keys_.emplace_back();
    AppendKeys(extras_.back(), &extra_keys_.back());
    return static_cast<uint32_t>(extras_.size() - 1);
  }

  // Sentence edits are planned lazily, a few at a time, because each new sentence costs a template
  // expansion and most copies use only a short prefix of the plan.
  void StartCoarse() {
    const size_t n = base_.sentences.size();
    coarse_budget_ = req_.style == EditStyle::kExtend ? std::max<size_t>(n * 6 / 10, 1) : n * 6 / 10;
    if (req_.style == EditStyle::kRewrite) coarse_budget_ = 0;
    order_.resize(n);
    for (size_t i = 0; i < n; ++i) order_[i] = static_cast<uint32_t>(i);
    rng_->Shuffle(&order_);
    truncate_ = rng_->Chance(0.7);
  }

  // Plans up to `count` more sentence edits; returns how many were added.
  size_t PlanMoreCoarse(size_t count) {
    const size_t n = base_.sentences.size();
    const size_t before = coarse_.size();
    static const std::vector<uint32_t> kMixedWeights = {40, 30, 30};
    while (coarse_planned_ < coarse_budget_ && coarse_.size() - before < count) {
      const size_t i = coarse_planned_++;
      switch (req_.style) {
        case EditStyle::kRewrite:
          break;
        case EditStyle::kTrim:
          if (i + 1 < n) {
            const uint32_t sentence = truncate_ ? static_cast<uint32_t>(n - 1 - i) : order_[i];
            coarse_.push_back(CoarseOp{CoarseKind::kDrop, sentence});
          }
          break;
        case EditStyle::kExtend:
          coarse_.push_back(NewInsert(n));
          break;
        case EditStyle::kMixed: {
          const size_t kind = rng_->Weighted(kMixedWeights);
          if (kind == 1) {
            coarse_.push_back(NewInsert(n));
          } else if (next_order_ + 1 < n) {
            CoarseOp op{kind == 0 ? CoarseKind::kDrop : CoarseKind::kReplace, order_[next_order_++]};
            if (op.kind == CoarseKind::kReplace) op.extra = static_cast<int32_t>(AddExtra());
            coarse_.push_back(op);
          }
          break;
        }
      }
    }
    return coarse_.size() - before;
  }

  CoarseOp NewInsert(size_t n) {
    CoarseOp op{CoarseKind::kInsert, static_cast<uint32_t>(rng_->Below(n + 1))};
    op.extra = static_cast<int32_t>(AddExtra());
    op.new_paragraph = rng_->Chance(0.3);
    return op;
  }

  // The layout after the first k coarse edits; also counts them into *counts when given.
  std::vector<Placed> Layout(size_t k, EditCounts* counts) const {
    const size_t n = base_.sentences.size();
    std::vector<uint8_t> dropped(n, 0);
    std::vector<int32_t> replaced(n, -1);
    std::vector<std::vector<const CoarseOp*>> before(n + 1);
    for (size_t i = 0; i < k; ++i) {
      const CoarseOp& op = coarse_[i];
      switch (op.kind) {
        case CoarseKind::kDrop:
          dropped[op.sentence] = 1;
          break;
        case CoarseKind::kReplace:
          replaced[op.sentence] = op.extra;
          break;
        case CoarseKind::kInsert:
          before[op.sentence].push_back(&op);
          break;
      }
    }
    std::vector<Placed> layout;
    uint64_t fresh = 1ULL << 40;  // paragraph ids of new paragraphs, distinct from the parent's
    for (size_t s = 0; s <= n; ++s) {
      for (const CoarseOp* op : before[s]) {
        const uint64_t para = op->new_paragraph ? fresh++ : paragraphs_[s < n ? s : n - 1];
        layout.push_back(Placed{-op->extra - 1, para});
        if (counts != nullptr) ++counts->sentences_added;
      }
      if (s == n) break;
      if (dropped[s]) {
        if (counts != nullptr) ++counts->sentences_dropped;
        continue;
      }
      if (replaced[s] >= 0) {
        layout.push_back(Placed{-replaced[s] - 1, paragraphs_[s]});
        if (counts != nullptr) ++counts->sentences_replaced;
      } else {
        layout.push_back(Placed{static_cast<int32_t>(s), paragraphs_[s]});
      }
    }
    return layout;
  }

  double CoarseJaccard(size_t k) {
    keys_ = prefix_;
    for (const Placed& p : Layout(k, nullptr)) {
      const auto& src = p.source >= 0 ? sentence_keys_[p.source] : extra_keys_[-p.source - 1];
      keys_.insert(keys_.end(), src.begin(), src.end());
    }
    return jaccard_->Jaccard(keys_);
  }

  // Largest prefix whose Jaccard stays at or above the target (0 if even none does); sets coarse_j_ to
  // its Jaccard.
  size_t SearchCoarse() {
    StartCoarse();
    coarse_j_ = CoarseJaccard(0);
    if (coarse_j_ < req_.target) return 0;
    // A sentence edit moves about 1/n of the shingles (n sentences): aim the first probe there.
    const double per_edit = 1.0 / static_cast<double>(std::max<size_t>(base_.sentences.size(), 1));
    const size_t first = 1 + static_cast<size_t>((coarse_j_ - req_.target) / per_edit * 1.1);
    const Bracket b = FindBoundary(
        coarse_j_, req_.target, first, [this](size_t k) { return CoarseJaccard(k); },
        [this](size_t k) {
          if (k > coarse_.size()) PlanMoreCoarse(k - coarse_.size());
          return coarse_.size();
        },
        [this](double j) { return j >= req_.target; });
    coarse_j_ = b.jlo;
    return b.lo;
  }

  Article Materialize(size_t k) {
    Article a;
    a.headline = headline_;
    a.dateline = base_.dateline;
    const std::vector<Placed> layout = Layout(k, &counts_);
    uint64_t prev = UINT64_MAX;
    for (const Placed& p : layout) {
      a.sentences.push_back(p.source >= 0 ? base_.sentences[p.source] : extras_[-p.source - 1]);
      a.para_start.push_back(p.paragraph != prev);
      prev = p.paragraph;
    }
    if (!a.para_start.empty()) a.para_start[0] = 1;
    return a;
  }

  void StartFine(const Article& mid) {
    uint32_t w = 0;
    for (const auto& s : mid.sentences) {
      for (const Tok& t : s) {
        if (!t.is_word()) continue;
        if (t.cls != WordClass::kNone && t.cls != WordClass::kName) eligible_.push_back(w);
        mid_keys_.push_back(t.key);
        mid_words_.push_back(&t);
        ++w;
      }
    }
    rng_->Shuffle(&eligible_);
    eligible_.resize(std::min<size_t>(eligible_.size(), std::max<size_t>(1, w / 3)));
    op_at_.assign(mid_keys_.size(), -1);
  }

  // Plans word edits at up to `count` more positions; returns how many edits were added.
  size_t PlanMoreFine(size_t count) {
    const size_t before = fine_.size();
    for (size_t done = 0; done < count && next_eligible_ < eligible_.size(); ++done) {
      const uint32_t word = eligible_[next_eligible_++];
      const Tok& t = *mid_words_[word];
      const bool modifier = t.cls == WordClass::kAdj || t.cls == WordClass::kAdv;
      Tok repl;
      if (modifier && rng_->Chance(0.3)) {
        fine_.push_back(FineOp{FineKind::kDelete, word, Tok()});
      } else if (t.cls == WordClass::kVerb && rng_->Chance(0.2) && writer_->InsertableAdverb(&repl)) {
        fine_.push_back(FineOp{FineKind::kInsert, word, repl});
      } else if (writer_->Replacement(t, &repl)) {
        fine_.push_back(FineOp{FineKind::kSubstitute, word, repl});
      } else if (modifier) {
        fine_.push_back(FineOp{FineKind::kDelete, word, Tok()});
      } else {
        continue;
      }
      op_at_[word] = static_cast<int32_t>(fine_.size() - 1);
    }
    return fine_.size() - before;
  }

  double FineJaccard(size_t k) {
    keys_ = prefix_;
    for (size_t w = 0; w < mid_keys_.size(); ++w) {
      const int32_t o = op_at_[w];
      if (o < 0 || static_cast<size_t>(o) >= k) {
        keys_.push_back(mid_keys_[w]);
        continue;
      }
      switch (fine_[o].kind) {
        case FineKind::kSubstitute:
          keys_.push_back(fine_[o].tok.key);
          break;
        case FineKind::kDelete:
          break;
        case FineKind::kInsert:
          keys_.push_back(fine_[o].tok.key);
          keys_.push_back(mid_keys_[w]);
          break;
      }
    }
    return jaccard_->Jaccard(keys_);
  }

  // The prefix whose Jaccard is closest to the target. `j0` is the Jaccard with no word edits.
  size_t SearchFine(const Article& mid, double j0) {
    StartFine(mid);
    if (j0 <= req_.target) return 0;
    // A word edit takes up to five shingles out of the intersection and adds up to five to the union: J
    // falls by up to 10 / |union| per edit, less where edits overlap. Aim the first probe a bit past it.
    const double per_edit = 8.0 / static_cast<double>(std::max<size_t>(jaccard_->reference_size(), 10));
    const size_t first = 1 + static_cast<size_t>((j0 - req_.target) / per_edit * 1.1);
    const Bracket b = FindBoundary(
        j0, req_.target, first, [this](size_t k) { return FineJaccard(k); },
        [this](size_t k) {
          // Some positions allow no edit: keep planning until k edits exist or positions run out.
          while (fine_.size() < k && next_eligible_ < eligible_.size()) PlanMoreFine(k - fine_.size());
          return fine_.size();
        },
        [this](double j) { return j > req_.target; });
    if (b.hi == b.lo) return b.lo;
    return (b.jlo - req_.target) < (req_.target - b.jhi) ? b.lo : b.hi;
  }

  // Applies the first k word edits to `a` in place (only edited sentences are rebuilt).
  void ApplyFine(size_t k, Article* a) {
    uint32_t w = 0;
    std::vector<Tok> out;
    for (auto& s : a->sentences) {
      bool edited = false;
      uint32_t sw = w;
      for (const Tok& t : s) {
        if (!t.is_word()) continue;
        const int32_t o = op_at_[sw++];
        edited |= o >= 0 && static_cast<size_t>(o) < k;
      }
      if (!edited) {
        w = sw;
        continue;
      }
      out.clear();
      out.reserve(s.size() + 2);
      for (const Tok& t : s) {
        if (!t.is_word()) {
          out.push_back(t);
          continue;
        }
        const int32_t o = op_at_[w++];
        if (o < 0 || static_cast<size_t>(o) >= k) {
          out.push_back(t);
          continue;
        }
        const FineOp& op = fine_[o];
        switch (op.kind) {
          case FineKind::kSubstitute:
            out.push_back(op.tok);
            ++counts_.words_substituted;
            break;
          case FineKind::kDelete:
            ++counts_.words_deleted;
            break;
          case FineKind::kInsert: {
            Tok inserted = op.tok;
            Tok original = t;
            if (original.flags & kCap) {  // the inserted word now starts the sentence or quote
              inserted.flags |= kCap;
              original.flags &= static_cast<uint8_t>(~kCap);
            }
            out.push_back(inserted);
            out.push_back(original);
            ++counts_.words_inserted;
            break;
          }
        }
      }
      writer_->FixUp(&out);
      s.swap(out);
    }
  }

  const CopyRequest& req_;
  ArticleWriter* writer_;
  ShingleJaccard* jaccard_;
  Rng* rng_;
  const Article& base_;        ///< the parent
  std::vector<Tok> headline_;  ///< the copy's headline
  std::vector<uint64_t> prefix_;
  std::vector<uint64_t> paragraphs_;
  std::vector<std::vector<uint64_t>> sentence_keys_;
  std::vector<std::vector<Tok>> extras_;
  std::vector<std::vector<uint64_t>> extra_keys_;
  std::vector<CoarseOp> coarse_;
  size_t coarse_budget_ = 0;
  size_t coarse_planned_ = 0;  ///< plan steps taken (some add no edit)
  std::vector<uint32_t> order_;
  size_t next_order_ = 0;
  bool truncate_ = false;
  std::vector<FineOp> fine_;
  std::vector<uint32_t> eligible_;
  size_t next_eligible_ = 0;
  std::vector<uint64_t> mid_keys_;
  std::vector<const Tok*> mid_words_;
  std::vector<int32_t> op_at_;
  std::vector<uint64_t> keys_;
  EditCounts counts_;
  double coarse_j_ = 0;
};

}  // namespace

CopyResult MakeCopy(const Article& parent, const std::vector<uint64_t>& parent_keys,
                    const CopyRequest& request, ArticleWriter* writer, ShingleJaccard* jaccard) {
  jaccard->SetReference(parent_keys);
  CopyMaker maker(parent, request, writer, jaccard);
  return maker.Make();
}

}  // namespace neardup::datagen
