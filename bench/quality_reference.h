// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The slow, obviously-correct reference that bench_quality judges neardup against, and the metrics it
// reports. Header-only so that tests/datagen_test.cc checks these functions on tiny hand-made cases.
//
// Reference = exact Jaccard for every pair of documents, no sampling, no LSH:
//   1. Each text (minus the boilerplate spans neardup reported, if any) is split into words with
//      neardup's own WordTokenizer in kIcuOnly mode, shingled with ShingleHashes and made a set with
//      SortUnique: the same definitions neardup's contract uses.
//   2. An inverted index from shingle to documents counts |A ∩ B| for every pair sharing at least one
//      shingle; pairs sharing none have Jaccard 0. Counting is exact, so the pair list is complete.
//   3. Star clustering exactly as the contract states it (priority = input order).

#ifndef NEARDUP_BENCH_QUALITY_REFERENCE_H_
#define NEARDUP_BENCH_QUALITY_REFERENCE_H_

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kernels/minhash.h"
#include "kernels/tokenize.h"

namespace neardup::quality {

// ------------------------------------------------------------------------------------------------
// Text repair, as the contract asks readers to do it

// Replaces invalid UTF-8 like Python's bytes.decode("utf-8", "replace"): one U+FFFD per maximal
// ill-formed subsequence (the "maximal subpart" practice of Unicode §3.9).
inline std::string RepairUtf8(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  const size_t n = in.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    }
    if (len == 0) {  // a byte that can never start a sequence
      out.append("\xEF\xBF\xBD");
      ++i;
      continue;
    }
    size_t k = 1;
    while (k < len && i + k < n) {
      const unsigned char b = s[i + k];
      const bool ok = k == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
      if (!ok) break;
      ++k;
    }
    if (k == len) {
      out.append(in.substr(i, len));
    } else {
      out.append("\xEF\xBF\xBD");  // the valid prefix [i, i+k) is one maximal subpart
    }
    i += k;
  }
  return out;
}

// Rewrites JSON \uXXXX escapes of lone surrogates (a high one not followed by a low one, or a low one
// alone) as \ufffd, so a strict JSON parser accepts the line and the text gets U+FFFD there.
inline std::string ReplaceLoneSurrogateEscapes(std::string_view line) {
  auto hex4 = [&](size_t at, uint32_t* v) {
    if (at + 4 > line.size()) return false;
    uint32_t x = 0;
    for (size_t k = 0; k < 4; ++k) {
      const char c = line[at + k];
      x <<= 4;
      if (c >= '0' && c <= '9') {
        x |= static_cast<uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        x |= static_cast<uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        x |= static_cast<uint32_t>(c - 'A' + 10);
      } else {
        return false;
      }
    }
    *v = x;
    return true;
  };
  std::string out;
  out.reserve(line.size());
  bool in_string = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (!in_string) {
      in_string = c == '"';
      out.push_back(c);
      continue;
    }
    if (c == '"') {
      in_string = false;
      out.push_back(c);
      continue;
    }
    if (c != '\\' || i + 1 >= line.size()) {
      out.push_back(c);
      continue;
    }
    uint32_t u = 0;
    if (line[i + 1] == 'u' && hex4(i + 2, &u) && u >= 0xD800 && u <= 0xDFFF) {
      uint32_t low = 0;
      const bool paired = u <= 0xDBFF && i + 11 < line.size() && line.compare(i + 6, 2, "\\u") == 0 &&
                          hex4(i + 8, &low) && low >= 0xDC00 && low <= 0xDFFF;
      if (paired) {
        out.append(line.substr(i, 12));
        i += 11;
      } else {
        out.append("\\ufffd");
        i += 5;
      }
      continue;
    }
    out.push_back(c);
    out.push_back(line[i + 1]);
    ++i;
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// Shingle sets

// A code point span [start, end) to leave out of the text (boilerplate).
struct Span {
  uint32_t start;
  uint32_t end;
};

// The sorted, duplicate-free shingle set of `text` minus `removed` (spans in code points, any order,
// may overlap), with words from `tokenizer`. Kept pieces are tokenized separately, so no word is made
// of characters on both sides of a removed span. Returns the number of words.
inline size_t ShingleSet(WordTokenizer* tokenizer, std::string_view text, std::vector<Span> removed,
                         size_t ngram, std::vector<uint64_t>* out) {
  out->clear();
  std::sort(removed.begin(), removed.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
  // Byte offsets of kept pieces, walking the text once.
  std::vector<std::pair<size_t, uint32_t>> pieces;  // (byte begin, code point begin); ends follow
  std::vector<size_t> piece_ends;
  size_t byte = 0;
  uint32_t cp = 0;
  auto advance_to = [&](uint32_t target) {
    while (cp < target && byte < text.size()) {
      ++byte;
      while (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80) ++byte;
      ++cp;
    }
  };
  uint32_t kept_from = 0;
  for (const Span& s : removed) {
    if (s.end <= kept_from) continue;
    const uint32_t start = std::max(s.start, kept_from);
    advance_to(kept_from);
    const size_t piece_begin = byte;
    advance_to(start);
    if (byte > piece_begin) {
      pieces.emplace_back(piece_begin, kept_from);
      piece_ends.push_back(byte);
    }
    kept_from = s.end;
  }
  advance_to(kept_from);
  if (byte < text.size()) {
    pieces.emplace_back(byte, kept_from);
    piece_ends.push_back(text.size());
  }
  std::vector<Word> words;
  for (size_t p = 0; p < pieces.size(); ++p) {
    tokenizer->Tokenize(text.substr(pieces[p].first, piece_ends[p] - pieces[p].first), pieces[p].second,
                        &words);
  }
  std::vector<uint64_t> hashes(words.size());
  for (size_t i = 0; i < words.size(); ++i) hashes[i] = words[i].hash;
  out->resize(std::max<size_t>(words.size(), 1));
  size_t count = ShingleHashes(hashes.data(), hashes.size(), ngram, out->data());
  count = SortUnique(out->data(), count);
  out->resize(count);
  return words.size();
}

// ------------------------------------------------------------------------------------------------
// All pairs, exactly

struct RefPair {
  uint32_t a;       ///< earlier document (input order)
  uint32_t b;       ///< later document
  uint32_t common;  ///< |A ∩ B|
  uint32_t uni;     ///< |A ∪ B|
  double jaccard;   ///< common / uni, computed as neardup's ExactJaccard computes it
};

// Every pair (a < b) sharing at least one shingle whose Jaccard is >= min_jaccard, sorted by (a, b).
// `sets` are sorted and duplicate-free. Work is the sum over shingles of (documents holding it)^2 / 2,
// memory is the shared shingles' postings; shingles held by one document cost only a sort.
inline std::vector<RefPair> ExactPairs(const std::vector<std::vector<uint64_t>>& sets, double min_jaccard) {
  const uint32_t n = static_cast<uint32_t>(sets.size());
  // Postings of shingles held by two or more documents, found partition by partition (top 3 bits of
  // the hash) so that the (hash, doc) array being sorted stays small.
  std::vector<uint32_t> group_begin;  // offsets into group_docs
  std::vector<uint32_t> group_docs;   // documents of each shared shingle, ascending
  std::vector<uint32_t> doc_group_count(n, 0);
  constexpr int kPartitionBits = 3;
  for (uint64_t part = 0; part < (1u << kPartitionBits); ++part) {
    std::vector<std::pair<uint64_t, uint32_t>> entries;
    for (uint32_t d = 0; d < n; ++d) {
      for (uint64_t h : sets[d]) {
        if ((h >> (64 - kPartitionBits)) == part) entries.emplace_back(h, d);
      }
    }
    std::sort(entries.begin(), entries.end());
    for (size_t i = 0; i < entries.size();) {
      size_t j = i + 1;
      while (j < entries.size() && entries[j].first == entries[i].first) ++j;
      if (j - i >= 2) {
        group_begin.push_back(static_cast<uint32_t>(group_docs.size()));
        for (size_t k = i; k < j; ++k) {
          group_docs.push_back(entries[k].second);
          ++doc_group_count[entries[k].second];
        }
      }
      i = j;
    }
  }
  const size_t groups = group_begin.size();
  group_begin.push_back(static_cast<uint32_t>(group_docs.size()));
  // Document -> groups (CSR).
  std::vector<size_t> doc_begin(n + 1, 0);
  for (uint32_t d = 0; d < n; ++d) doc_begin[d + 1] = doc_begin[d] + doc_group_count[d];
  std::vector<uint32_t> doc_groups(doc_begin[n]);
  std::vector<size_t> fill(doc_begin.begin(), doc_begin.end() - 1);
  for (size_t g = 0; g < groups; ++g) {
    for (uint32_t k = group_begin[g]; k < group_begin[g + 1]; ++k) {
      doc_groups[fill[group_docs[k]]++] = static_cast<uint32_t>(g);
    }
  }
  // For each document b, count shared shingles with every earlier document.
  std::vector<RefPair> pairs;
  std::vector<uint32_t> count(n, 0);
  std::vector<uint32_t> touched;
  for (uint32_t b = 0; b < n; ++b) {
    for (size_t k = doc_begin[b]; k < doc_begin[b + 1]; ++k) {
      const uint32_t g = doc_groups[k];
      for (uint32_t p = group_begin[g]; p < group_begin[g + 1]; ++p) {
        const uint32_t a = group_docs[p];
        if (a >= b) break;  // postings are ascending
        if (count[a]++ == 0) touched.push_back(a);
      }
    }
    for (uint32_t a : touched) {
      const uint32_t common = count[a];
      const uint32_t uni = static_cast<uint32_t>(sets[a].size() + sets[b].size()) - common;
      const double j = static_cast<double>(common) / static_cast<double>(uni);
      if (j >= min_jaccard) pairs.push_back(RefPair{a, b, common, uni, j});
      count[a] = 0;
    }
    touched.clear();
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const RefPair& x, const RefPair& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
  return pairs;
}

// ------------------------------------------------------------------------------------------------
// Star clustering (the contract's "How a run decides", step 2, with priority = input order)

// For each document, the index of its representative: itself for representatives, for documents that
// joined no one and for documents without words. `pairs` may contain pairs below the threshold; they are
// ignored. A document joins the earlier *representative* with the highest Jaccard >= threshold (ties:
// the earlier one); documents without words are similar to nothing.
inline std::vector<uint32_t> StarClusters(size_t n, const std::vector<RefPair>& pairs,
                                          const std::vector<uint8_t>& has_words, double threshold) {
  std::vector<std::vector<const RefPair*>> earlier(n);
  for (const RefPair& p : pairs) {
    if (p.jaccard >= threshold && has_words[p.a] && has_words[p.b]) earlier[p.b].push_back(&p);
  }
  std::vector<uint32_t> rep(n);
  std::vector<uint8_t> is_rep(n, 0);
  for (uint32_t d = 0; d < n; ++d) {
    rep[d] = d;
    if (!has_words[d]) continue;
    const RefPair* best = nullptr;
    for (const RefPair* p : earlier[d]) {
      if (!is_rep[p->a]) continue;
      if (best == nullptr) {
        best = p;
        continue;
      }
      // Compare common/uni exactly: p better when p.common * best.uni > best.common * p.uni.
      const uint64_t lhs = static_cast<uint64_t>(p->common) * best->uni;
      const uint64_t rhs = static_cast<uint64_t>(best->common) * p->uni;
      if (lhs > rhs || (lhs == rhs && p->a < best->a)) best = p;
    }
    if (best != nullptr) {
      rep[d] = best->a;
    } else {
      is_rep[d] = 1;
    }
  }
  return rep;
}

// ------------------------------------------------------------------------------------------------
// Metrics

// Adjusted Rand index (Hubert & Arabie) of two labelings of the same items: 1 for identical partitions,
// about 0 for independent ones. Labels are arbitrary integers; equal labels mean the same cluster. When
// both partitions are trivial in the same way (all singletons, or one cluster) the index is 1.
inline double AdjustedRandIndex(const std::vector<int64_t>& x, const std::vector<int64_t>& y) {
  const size_t n = x.size();
  if (n != y.size()) return 0.0;
  if (n < 2) return 1.0;
  auto choose2 = [](long double m) { return m * (m - 1) / 2; };
  auto sum_choose2_of_counts = [&](std::vector<int64_t> labels) {
    std::sort(labels.begin(), labels.end());
    long double s = 0;
    for (size_t i = 0; i < labels.size();) {
      size_t j = i;
      while (j < labels.size() && labels[j] == labels[i]) ++j;
      s += choose2(static_cast<long double>(j - i));
      i = j;
    }
    return s;
  };
  std::vector<std::pair<int64_t, int64_t>> joint(n);
  for (size_t i = 0; i < n; ++i) joint[i] = {x[i], y[i]};
  std::sort(joint.begin(), joint.end());
  long double index = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && joint[j] == joint[i]) ++j;
    index += choose2(static_cast<long double>(j - i));
    i = j;
  }
  const long double a = sum_choose2_of_counts(x);
  const long double b = sum_choose2_of_counts(y);
  const long double total = choose2(static_cast<long double>(n));
  const long double expected = a * b / total;
  const long double max_index = (a + b) / 2;
  if (max_index == expected) return 1.0;  // both partitions trivial and identical
  return static_cast<double>((index - expected) / (max_index - expected));
}

// A reported pair, by document index.
struct ToolPair {
  uint32_t a;
  uint32_t b;
  double jaccard;  ///< as reported (rounded to 4 decimals)
};

struct BinCount {
  double lo;
  double hi;  ///< exclusive, except the last bin which includes 1.0
  uint64_t reference = 0;
  uint64_t found = 0;
  double recall() const { return reference == 0 ? 1.0 : static_cast<double>(found) / reference; }
};

struct PairMetrics {
  std::vector<BinCount> bins;
  uint64_t reference = 0;        ///< reference pairs with J >= threshold
  uint64_t found = 0;            ///< of which neardup reported
  uint64_t reported = 0;         ///< pairs neardup reported (distinct)
  uint64_t false_positives = 0;  ///< reported pairs whose exact J is below the threshold
  uint64_t duplicates = 0;       ///< pairs reported more than once
  uint64_t misordered = 0;       ///< pairs with a not before b
  uint64_t jaccard_checked = 0;
  uint64_t jaccard_mismatches = 0;  ///< reported value differs from the exact one rounded to 4 decimals
  double max_jaccard_error = 0;
  double recall() const { return reference == 0 ? 1.0 : static_cast<double>(found) / reference; }
  double precision() const {
    return reported == 0 ? 1.0 : static_cast<double>(reported - false_positives) / reported;
  }
};

// Bins of true Jaccard for recall: [t, t+0.05), [t+0.05, t+0.1), [t+0.1, 1.0].
inline std::vector<BinCount> RecallBins(double threshold) {
  std::vector<BinCount> bins;
  if (threshold + 0.1 < 1.0) {
    bins.push_back(BinCount{threshold, threshold + 0.05});
    bins.push_back(BinCount{threshold + 0.05, threshold + 0.1});
    bins.push_back(BinCount{threshold + 0.1, 1.0});
  } else {
    bins.push_back(BinCount{threshold, 1.0});
  }
  return bins;
}

// Compares neardup's pairs with the reference. `reference` holds the reference pairs with Jaccard >=
// threshold, sorted by (a, b) (ExactPairs(sets, threshold)); `exact(a, b)` gives the exact Jaccard of any
// pair (used for reported pairs the reference does not hold, which are false positives).
template <typename ExactFn>
PairMetrics ComparePairs(const std::vector<RefPair>& reference, std::vector<ToolPair> reported,
                         double threshold, ExactFn exact) {
  PairMetrics m;
  m.bins = RecallBins(threshold);
  auto bin_of = [&](double j) {
    for (size_t i = 0; i + 1 < m.bins.size(); ++i) {
      if (j < m.bins[i].hi) return i;
    }
    return m.bins.size() - 1;
  };
  for (ToolPair& p : reported) {
    if (p.a > p.b) {
      ++m.misordered;
      std::swap(p.a, p.b);
    }
  }
  std::sort(reported.begin(), reported.end(),
            [](const ToolPair& x, const ToolPair& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
  std::vector<uint8_t> found(reference.size(), 0);
  for (size_t i = 0; i < reported.size(); ++i) {
    const ToolPair& p = reported[i];
    if (i > 0 && reported[i - 1].a == p.a && reported[i - 1].b == p.b) {
      ++m.duplicates;
      continue;
    }
    ++m.reported;
    auto it = std::lower_bound(
        reference.begin(), reference.end(), p,
        [](const RefPair& r, const ToolPair& k) { return r.a != k.a ? r.a < k.a : r.b < k.b; });
    const bool known = it != reference.end() && it->a == p.a && it->b == p.b;
    const double j = known ? it->jaccard : exact(p.a, p.b);
    ++m.jaccard_checked;
    const double error = std::fabs(p.jaccard - j);
    m.max_jaccard_error = std::max(m.max_jaccard_error, error);
    // Equal to the exact value rounded to 4 decimals (either way at an exact half).
    if (error > 0.00005 + 1e-12) ++m.jaccard_mismatches;
    if (known && j >= threshold) {
      found[static_cast<size_t>(it - reference.begin())] = 1;
    } else {
      ++m.false_positives;
    }
  }
  for (size_t i = 0; i < reference.size(); ++i) {
    if (reference[i].jaccard < threshold) continue;
    BinCount& bin = m.bins[bin_of(reference[i].jaccard)];
    ++bin.reference;
    ++m.reference;
    if (found[i]) {
      ++bin.found;
      ++m.found;
    }
  }
  return m;
}

}  // namespace neardup::quality

#endif  // NEARDUP_BENCH_QUALITY_REFERENCE_H_
