// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// NumberSources (the boilerplate stage's sources, numbered per chunk of documents in parallel and merged
// in chunk order) against the plain serial loop it replaces, for 1, 2 and 8 threads: random inputs with
// few and many sources, sources that first appear late, an input that is not a whole number of chunks.

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pipeline/boilerplate/number_sources.h"

namespace neardup {
namespace {

// The serial loop of FindBoilerplate before the chunks.
void SerialNumberSources(const std::vector<BoilerplateInput>& docs, std::vector<uint32_t>* doc_source,
                         std::vector<std::vector<uint32_t>>* members) {
  std::unordered_map<std::string_view, uint32_t> source_id;
  doc_source->assign(docs.size(), 0);
  members->clear();
  for (size_t d = 0; d < docs.size(); ++d) {
    const auto [it, inserted] = source_id.try_emplace(docs[d].source, static_cast<uint32_t>(members->size()));
    if (inserted) members->emplace_back();
    (*doc_source)[d] = it->second;
    (*members)[it->second].push_back(static_cast<uint32_t>(d));
  }
}

TEST(BoilerplateSourcesTest, NumberedAsTheSerialLoopForAnyThreadCount) {
  std::mt19937_64 rng(14);
  for (const size_t sources : {size_t{1}, size_t{7}, size_t{300}, size_t{20000}}) {
    for (const size_t n : {size_t{0}, size_t{1}, size_t{4095}, size_t{4097}, size_t{30001}}) {
      // Source k may appear only after document k * n / sources: later sources first appear late, in
      // later chunks.
      std::vector<std::string> names(n);
      for (size_t d = 0; d < n; ++d) {
        const size_t open =
            std::max<size_t>(1, std::min(sources, (d + 1) * sources / std::max<size_t>(n, 1)));
        names[d] = "site-" + std::to_string(rng() % open) + ".example";
      }
      std::vector<BoilerplateInput> docs(n);
      for (size_t d = 0; d < n; ++d) docs[d].source = names[d];
      std::vector<uint32_t> expected_source;
      std::vector<std::vector<uint32_t>> expected_members;
      SerialNumberSources(docs, &expected_source, &expected_members);
      for (const int threads : {1, 2, 8}) {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
        std::vector<uint32_t> doc_source = {7};
        std::vector<std::vector<uint32_t>> members = {{1, 2}};
        boilerplate_internal::NumberSources(docs, &doc_source, &members);
        EXPECT_TRUE(doc_source == expected_source) << sources << " sources, " << n << " docs, " << threads;
        EXPECT_TRUE(members == expected_members) << sources << " sources, " << n << " docs, " << threads;
      }
    }
  }
}

}  // namespace
}  // namespace neardup
