// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "pipeline/cluster.h"

namespace neardup {

Clustering StarCluster(size_t n, const std::vector<uint32_t>& priority, const std::vector<bool>& eligible,
                       const std::vector<SimilarPair>& pairs) {
  // Adjacency in CSR form: each pair appears in both documents' lists.
  std::vector<uint32_t> offset(n + 1, 0);
  for (const SimilarPair& p : pairs) {
    ++offset[p.a + 1];
    ++offset[p.b + 1];
  }
  for (size_t i = 0; i < n; ++i) offset[i + 1] += offset[i];
  std::vector<uint32_t> neighbour(offset[n]);
  std::vector<double> weight(offset[n]);
  {
    std::vector<uint32_t> fill(offset.begin(), offset.end() - 1);
    for (const SimilarPair& p : pairs) {
      neighbour[fill[p.a]] = p.b;
      weight[fill[p.a]++] = p.jaccard;
      neighbour[fill[p.b]] = p.a;
      weight[fill[p.b]++] = p.jaccard;
    }
  }

  std::vector<uint32_t> rank(n);
  for (size_t i = 0; i < n; ++i) rank[priority[i]] = static_cast<uint32_t>(i);

  Clustering c;
  c.representative.assign(n, Clustering::kNone);
  c.similarity.assign(n, 0.0);
  c.cluster.assign(n, Clustering::kNone);
  std::vector<uint32_t> members(n, 0);
  for (uint32_t d : priority) {
    if (!eligible[d]) continue;
    int64_t best = -1;
    double best_j = -1.0;
    for (uint32_t k = offset[d]; k < offset[d + 1]; ++k) {
      const uint32_t e = neighbour[k];
      if (rank[e] >= rank[d] || c.representative[e] != static_cast<int32_t>(e)) continue;
      const double j = weight[k];
      if (j > best_j || (j == best_j && rank[e] < rank[best])) {
        best = e;
        best_j = j;
      }
    }
    if (best < 0) {
      c.representative[d] = static_cast<int32_t>(d);
      c.similarity[d] = 1.0;
    } else {
      c.representative[d] = static_cast<int32_t>(best);
      c.similarity[d] = best_j;
      ++members[best];
      ++c.duplicates;
    }
  }
  for (uint32_t d = 0; d < n; ++d) {
    if (c.representative[d] == static_cast<int32_t>(d) && members[d] > 0) {
      c.cluster[d] = static_cast<int32_t>(c.cluster_representative.size());
      c.cluster_representative.push_back(d);
    }
  }
  for (uint32_t d = 0; d < n; ++d) {
    const int32_t r = c.representative[d];
    if (r != Clustering::kNone && r != static_cast<int32_t>(d)) c.cluster[d] = c.cluster[r];
  }
  return c;
}

}  // namespace neardup
