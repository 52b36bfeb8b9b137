// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Star clustering exactly as the contract's "How a run decides" says: documents are taken in priority
// order; each joins the most similar earlier representative whose exact Jaccard with it is at or above
// the threshold (ties: the earlier representative), else becomes a representative itself. Because a
// document only ever joins a representative, clusters never chain: every member's Jaccard with its
// representative is at or above the threshold.

#ifndef NEARDUP_PIPELINE_CLUSTER_H_
#define NEARDUP_PIPELINE_CLUSTER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace neardup {

// Two documents (input indices, a < b) whose exact Jaccard is at or above the threshold.
struct SimilarPair {
  uint32_t a;
  uint32_t b;
  double jaccard;
};

struct Clustering {
  static constexpr int32_t kNone = -1;
  std::vector<int32_t> representative;  ///< per document: its representative (itself for one), kNone if excluded
  std::vector<double> similarity;       ///< per document: Jaccard with its representative (members only)
  std::vector<int32_t> cluster;         ///< per document: cluster id if its cluster has ≥ 2 documents, else kNone
  std::vector<uint32_t> cluster_representative;  ///< per cluster id: the representative's input index
  size_t duplicates = 0;                ///< documents that joined a representative
};

// `priority` lists document indices in priority order (a permutation of 0..n-1). Documents with
// eligible[d] == false (no words) take no part. Cluster ids are 0, 1, 2… in input order of the
// representative.
Clustering StarCluster(size_t n, const std::vector<uint32_t>& priority, const std::vector<bool>& eligible,
                       const std::vector<SimilarPair>& pairs);

}  // namespace neardup

#endif  // NEARDUP_PIPELINE_CLUSTER_H_
