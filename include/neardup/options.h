// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Resolved configuration of one `neardup run`. The CLI parses flags into a RunOptions, Validate()
// checks it and fills in derived values (LSH bands/rows) before any I/O starts.

#ifndef NEARDUP_OPTIONS_H_
#define NEARDUP_OPTIONS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "neardup/status.h"

namespace neardup {

enum class KeepPolicy {
  kFirst,    // priority = input order
  kLongest,  // priority = more words first, then input order
};

enum class OnError {
  kSkip,  // report bad records and go on
  kFail,  // report bad records and stop with exit code 1 before writing outputs
};

struct RunOptions {
  // Inputs and fields.
  std::vector<std::string> inputs;  ///< paths; "-" is JSONL on stdin
  std::string output_dir;           ///< OUTDIR
  std::string text_field = "text";  ///< dotted path
  std::string id_field = "id";      ///< dotted path
  std::string title_field;          ///< dotted path; empty: "title" or the first non-empty line
  std::string source_field;         ///< dotted path; empty: "source", else host of "url"
  std::string tmpdir;               ///< where the spill file goes; empty: $TMPDIR, else /tmp

  // Near-duplicate documents.
  double threshold = 0.8;   ///< exact Jaccard at or above which two documents are near-duplicates
  size_t ngram = 5;         ///< words per shingle
  size_t num_perm = 128;    ///< MinHash permutations (multiple of 16)
  size_t bands = 0;         ///< LSH bands; 0 = chosen from the threshold
  size_t rows = 0;          ///< LSH rows per band; 0 = chosen from the threshold
  double min_detection = 0.9;  ///< bands×rows are chosen so a pair at the threshold is found with this probability
  uint64_t seed = 1;        ///< MinHash seed
  KeepPolicy keep = KeepPolicy::kFirst;
  bool keep_duplicates = false;  ///< keep near-duplicates in clean.jsonl with a "neardup" field
  bool write_pairs = false;      ///< write pairs.jsonl

  // Boilerplate.
  bool boilerplate = true;                  ///< --no-boilerplate turns it off
  size_t min_repeats = 0;                   ///< documents of a source a template must recur in; 0 = default
  std::string rules_file;                   ///< extra rules (--rules FILE)
  std::vector<std::string> disabled_rules;  ///< --disable-rule NAME (rule or category)

  // Passages.
  bool passages = true;          ///< --no-passages turns it off
  bool passages_all = false;     ///< every document takes part, not only representatives and unclustered
  size_t min_passage_words = 15; ///< shortest passage reported
  size_t passage_max_docs = 0;   ///< documents one fingerprint may link before it is capped; 0 = default
  double min_passage_similarity = 0.7;  ///< a span pair is reported at or above this similarity

  // Execution.
  size_t threads = 0;                  ///< 0 = all cores
  size_t batch_bytes = 8 << 20;        ///< input bytes per parallel batch
  size_t chunk_docs = 256;             ///< documents per parallel task in later stages
  bool spill = true;                   ///< records' bytes live in a file under tmpdir (--no-spill: memory)
  OnError on_error = OnError::kSkip;
  bool quiet = false;
  bool progress = false;  ///< print stage progress on stderr (the CLI sets it when stderr is a terminal)

  // Checks values and fills bands/rows when they are 0. InvalidArgument names the offending option.
  Status Validate();
};

}  // namespace neardup

#endif  // NEARDUP_OPTIONS_H_
