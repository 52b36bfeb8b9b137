// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include <cmath>
#include <string>

#include "kernels/minhash.h"
#include "neardup/options.h"

namespace neardup {

Status RunOptions::Validate() {
  if (inputs.empty()) return Status::InvalidArgument("no INPUT given");
  if (output_dir.empty()) return Status::InvalidArgument("no output directory given (-o OUTDIR)");
  if (!(threshold > 0.0 && threshold <= 1.0)) {
    return Status::InvalidArgument("--threshold must be in (0, 1], got " + std::to_string(threshold));
  }
  if (ngram < 1 || ngram > 64) {
    return Status::InvalidArgument("--ngram must be between 1 and 64, got " + std::to_string(ngram));
  }
  if (num_perm < 16 || num_perm > 1024 || num_perm % 16 != 0) {
    return Status::InvalidArgument("--num-perm must be a multiple of 16 between 16 and 1024, got " +
                                   std::to_string(num_perm));
  }
  if ((bands == 0) != (rows == 0)) {
    return Status::InvalidArgument("--bands and --rows go together: give both or neither");
  }
  if (bands == 0) {
    ChooseBands(threshold, num_perm, min_detection, &bands, &rows);
  } else if (bands * rows > num_perm) {
    return Status::InvalidArgument("--bands × --rows (" + std::to_string(bands * rows) +
                                   ") exceeds --num-perm (" + std::to_string(num_perm) + ")");
  }
  if (text_field.empty()) return Status::InvalidArgument("--text-field must not be empty");
  if (id_field.empty()) return Status::InvalidArgument("--id-field must not be empty");
  for (const std::string* path : {&text_field, &id_field, &title_field, &source_field}) {
    if (path->find("..") != std::string::npos || (!path->empty() && (path->front() == '.' || path->back() == '.'))) {
      return Status::InvalidArgument("bad field path '" + *path + "': empty component");
    }
  }
  if (min_passage_words < 5) {
    return Status::InvalidArgument("--min-passage-words must be at least 5, got " + std::to_string(min_passage_words));
  }
  if (!(min_passage_similarity > 0.0 && min_passage_similarity <= 1.0)) {
    return Status::InvalidArgument("--min-passage-similarity must be in (0, 1]");
  }
  if (batch_bytes == 0) batch_bytes = 1;
  if (chunk_docs == 0) chunk_docs = 1;
  return Status::OK();
}

}  // namespace neardup
