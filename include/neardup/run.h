// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// One `neardup run`: read the inputs, find near-duplicate documents, write the outputs of the contract
// (../shared/contract.md) into the output directory. Run() never prints; what a person should see
// reaches the caller through RunCallbacks.

#ifndef NEARDUP_RUN_H_
#define NEARDUP_RUN_H_

#include <cstdint>
#include <functional>
#include <string>

#include "neardup/options.h"
#include "neardup/status.h"

namespace neardup {

struct RunSummary {
  uint64_t documents = 0;        ///< documents read (records that were not skipped)
  uint64_t skipped_records = 0;  ///< bad records skipped
  uint64_t warnings = 0;         ///< records kept with a warning (repeated or invalid id)
  uint64_t kept = 0;             ///< lines in clean.jsonl
  uint64_t duplicates = 0;       ///< documents that joined a representative
  uint64_t empty = 0;            ///< documents with no words
  uint64_t clusters = 0;         ///< clusters of two or more documents
  uint64_t pairs_verified = 0;   ///< candidate pairs whose exact Jaccard was computed
  uint64_t similar_pairs = 0;    ///< verified pairs at or above the threshold
  uint64_t boilerplate_spans = 0;  ///< spans removed as boilerplate
  uint64_t passages = 0;           ///< document pairs sharing at least one passage
  uint64_t input_bytes = 0;
  double seconds = 0;
};

struct RunCallbacks {
  /// Each record issue ("<file>:<line>: <problem>"), serially, in input order.
  std::function<void(const std::string& message)> on_issue;
  /// A problem of the run that costs no data and does not stop it (e.g. a full --tmpdir: texts are
  /// then kept in memory).
  std::function<void(const std::string& message)> on_warning;
  /// Stage progress: a stage name and a fraction in [0, 1]; called from one thread at a time.
  std::function<void(const char* stage, double fraction)> on_progress;
};

// Runs the whole pipeline. `options` must have passed Validate(). Returns:
//  - InvalidArgument for problems found before any input is read,
//  - IOError when an input cannot be read or an output cannot be written,
//  - BadRecord when options.on_error is kFail and a record was bad (nothing is written then).
Status Run(const RunOptions& options, const RunCallbacks& callbacks, RunSummary* summary);

// "0.1.0"
const char* Version();
// Name of the MinHash kernel in use: "scalar", "avx2" or "avx512".
const char* KernelName();

}  // namespace neardup

#endif  // NEARDUP_RUN_H_
