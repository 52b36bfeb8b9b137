// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "pipeline/cluster.h"

#include <gtest/gtest.h>

#include <numeric>
#include <random>

namespace neardup {
namespace {

std::vector<uint32_t> InputOrder(size_t n) {
  std::vector<uint32_t> p(n);
  std::iota(p.begin(), p.end(), 0u);
  return p;
}

TEST(StarClusterTest, ChainDoesNotLinkUnrelatedDocuments) {
  // 0~1 and 1~2 are similar, 0 and 2 are not: 1 joins 0; 2 cannot join 1 (not a representative),
  // so it becomes a representative of its own. A chain never makes one cluster.
  const std::vector<SimilarPair> pairs = {{0, 1, 0.85}, {1, 2, 0.85}};
  const Clustering c = StarCluster(3, InputOrder(3), {true, true, true}, pairs);
  EXPECT_EQ(c.representative, (std::vector<int32_t>{0, 0, 2}));
  EXPECT_EQ(c.cluster, (std::vector<int32_t>{0, 0, Clustering::kNone}));
  EXPECT_EQ(c.cluster_representative, (std::vector<uint32_t>{0}));
  EXPECT_EQ(c.duplicates, 1u);
}

TEST(StarClusterTest, JoinsMostSimilarRepresentativeTiesGoToEarlier) {
  // 0 and 1 are representatives (not similar to each other); 2 is similar to both.
  Clustering c = StarCluster(3, InputOrder(3), {true, true, true}, {{0, 2, 0.81}, {1, 2, 0.9}});
  EXPECT_EQ(c.representative[2], 1);
  EXPECT_DOUBLE_EQ(c.similarity[2], 0.9);
  EXPECT_EQ(c.cluster[2], 0);  // cluster ids follow the representative's input order: only 1 has members
  c = StarCluster(3, InputOrder(3), {true, true, true}, {{0, 2, 0.9}, {1, 2, 0.9}});
  EXPECT_EQ(c.representative[2], 0);
}

TEST(StarClusterTest, IneligibleDocumentsTakeNoPart) {
  const Clustering c = StarCluster(3, InputOrder(3), {false, true, true}, {{0, 1, 1.0}, {1, 2, 1.0}});
  EXPECT_EQ(c.representative, (std::vector<int32_t>{Clustering::kNone, 1, 1}));
  EXPECT_EQ(c.cluster, (std::vector<int32_t>{Clustering::kNone, 0, 0}));
}

TEST(StarClusterTest, PriorityOrderDecidesRepresentatives) {
  // With priority 2, 0, 1 (e.g. --keep longest), document 2 is the representative.
  const Clustering c = StarCluster(3, {2, 0, 1}, {true, true, true}, {{0, 2, 0.9}, {1, 2, 0.95}, {0, 1, 0.99}});
  EXPECT_EQ(c.representative, (std::vector<int32_t>{2, 2, 2}));
  EXPECT_EQ(c.cluster_representative, (std::vector<uint32_t>{2}));
}

TEST(StarClusterTest, ClusterIdsInInputOrderOfRepresentatives) {
  const std::vector<SimilarPair> pairs = {{0, 3, 0.9}, {1, 2, 0.9}};
  const Clustering c = StarCluster(4, {1, 0, 2, 3}, {true, true, true, true}, pairs);
  EXPECT_EQ(c.cluster, (std::vector<int32_t>{0, 1, 1, 0}));
}

// Property: on random graphs every member's similarity with its representative comes from an edge, and
// no representative is a member of another cluster.
TEST(StarClusterTest, RandomGraphsAreStars) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    const size_t n = 1 + rng() % 40;
    std::vector<SimilarPair> pairs;
    for (uint32_t a = 0; a < n; ++a) {
      for (uint32_t b = a + 1; b < n; ++b) {
        if (rng() % 5 == 0) pairs.push_back({a, b, 0.8 + (rng() % 200) / 1000.0});
      }
    }
    std::vector<uint32_t> priority = InputOrder(n);
    std::shuffle(priority.begin(), priority.end(), rng);
    std::vector<bool> eligible(n);
    for (size_t i = 0; i < n; ++i) eligible[i] = rng() % 10 != 0;
    const Clustering c = StarCluster(n, priority, eligible, pairs);
    for (uint32_t d = 0; d < n; ++d) {
      const int32_t r = c.representative[d];
      if (!eligible[d]) {
        EXPECT_EQ(r, Clustering::kNone);
        continue;
      }
      ASSERT_NE(r, Clustering::kNone);
      EXPECT_EQ(c.representative[r], r) << "representative of a member must represent itself";
      if (r != static_cast<int32_t>(d)) {
        bool edge = false;
        for (const SimilarPair& p : pairs) {
          if ((p.a == d && static_cast<int32_t>(p.b) == r) || (p.b == d && static_cast<int32_t>(p.a) == r)) {
            edge = p.jaccard == c.similarity[d];
          }
        }
        EXPECT_TRUE(edge);
        EXPECT_EQ(c.cluster[d], c.cluster[r]);
      }
    }
  }
}

}  // namespace
}  // namespace neardup
