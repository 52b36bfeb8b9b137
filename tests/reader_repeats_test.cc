// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Repeated ids, renamed by ReadCorpus's flat table of keys, against a plain reference: a set of the
// keys taken so far, in input order, where a repeated id takes the smallest free "#k" (k >= 2). Random
// inputs over several files, with ids that collide with the names given to repeats, and more keys than
// the table's first size, so that it grows; the same for 1, 2 and 8 threads.

#include <gtest/gtest.h>
#include <oneapi/tbb/global_control.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "pipeline/io/reader.h"
#include "tests/reader_test_util.h"

namespace neardup {
namespace {

using testing_util::ReadAll;
using testing_util::ReadResult;
using testing_util::ScratchDir;

struct Expected {
  std::vector<std::string> ids;     // id JSON, in delivery order
  std::vector<std::string> issues;  // messages, in delivery order
};

// One input line's id: a JSON string or an integer.
struct InputId {
  bool integer = false;
  std::string value;
};

TEST(ReaderRepeatsTest, RenamesAsThePlainReferenceForAnyThreadCount) {
  ScratchDir dir;
  std::mt19937_64 rng(14);
  // A few ids that repeat often, some of them the names repeats get ("a#2"), and many unique ones:
  // 3 files of 15,000 lines hold more than the 32,768 keys of the table's first size.
  const std::vector<std::string> common = {"a", "a#2", "a#3", "b", "b#2#2", "7", "c#10"};
  std::vector<std::string> paths;
  std::vector<std::vector<InputId>> ids_by_file;
  for (int f = 0; f < 3; ++f) {
    std::string jsonl;
    std::vector<InputId> ids;
    for (int line = 0; line < 15000; ++line) {
      InputId id;
      const uint64_t pick = rng() % 10;
      if (pick < 3) {
        id.value = common[rng() % common.size()];
      } else if (pick == 3) {
        id.integer = true;
        id.value = std::to_string(rng() % 20);
      } else {
        id.value = "doc-" + std::to_string(rng() % 40000);
      }
      const std::string token = id.integer ? id.value : "\"" + id.value + "\"";
      jsonl += "{\"id\":" + token + ",\"text\":\"line " + std::to_string(line) + "\"}\n";
      ids.push_back(id);
    }
    paths.push_back(dir.Write("part" + std::to_string(f) + ".jsonl", jsonl));
    ids_by_file.push_back(std::move(ids));
  }

  // The reference, serial and plain.
  Expected expected;
  std::set<std::string> taken;
  std::map<std::string, std::pair<size_t, size_t>> first;  // key -> (file, line)
  for (size_t f = 0; f < paths.size(); ++f) {
    for (size_t line = 1; line <= ids_by_file[f].size(); ++line) {
      const InputId& id = ids_by_file[f][line - 1];
      const std::string key = (id.integer ? "i" : "s") + id.value;
      const std::string json = id.integer ? id.value : "\"" + id.value + "\"";
      if (taken.insert(key).second) {
        first[key] = {f, line};
        expected.ids.push_back(json);
        continue;
      }
      std::string candidate;
      for (int k = 2;; ++k) {
        candidate = id.value + "#" + std::to_string(k);
        if (taken.insert("s" + candidate).second) break;
      }
      first["s" + candidate] = {f, line};
      expected.ids.push_back("\"" + candidate + "\"");
      const auto [owner_file, owner_line] = first[key];
      expected.issues.push_back(paths[f] + ":" + std::to_string(line) + ": repeated id " + json +
                                " (first at " + paths[owner_file] + ":" + std::to_string(owner_line) +
                                "); renamed to \"" + candidate + "\"");
    }
  }
  ASSERT_GT(taken.size(), 32768u);
  ASSERT_GT(expected.issues.size(), 5000u);

  for (const int threads : {1, 2, 8}) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    InputOptions options;
    options.inputs = paths;
    options.batch_bytes = 20000;
    const ReadResult result = ReadAll(options);
    ASSERT_TRUE(result.status.ok()) << result.status.ToString();
    std::vector<std::string> ids, issues;
    for (const Record& r : result.records) ids.push_back(r.id.json);
    for (const RecordIssue& issue : result.issues) {
      EXPECT_EQ(issue.kind, "repeated_id");
      issues.push_back(issue.message);
    }
    ASSERT_EQ(ids.size(), expected.ids.size()) << "threads " << threads;
    for (size_t i = 0; i < ids.size(); ++i) {
      ASSERT_EQ(ids[i], expected.ids[i]) << "threads " << threads << ", record " << i;
    }
    ASSERT_EQ(issues.size(), expected.issues.size()) << "threads " << threads;
    for (size_t i = 0; i < issues.size(); ++i) {
      ASSERT_EQ(issues[i], expected.issues[i]) << "threads " << threads << ", issue " << i;
    }
  }
}

}  // namespace
}  // namespace neardup
