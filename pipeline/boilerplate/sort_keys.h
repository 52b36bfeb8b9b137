// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The sort of a source's (shingle, document) keys in copy detection (boilerplate.cc, BuildSourceModel).

#ifndef NEARDUP_PIPELINE_BOILERPLATE_SORT_KEYS_H_
#define NEARDUP_PIPELINE_BOILERPLATE_SORT_KEYS_H_

#include <cstddef>
#include <cstdint>

namespace neardup::boilerplate_internal {

// Sorts the `n` keys at `keys` in ascending order: the result is std::sort's. Fast when the top bits of the
// keys are spread evenly (each key is a shingle's hash in its upper 32 bits and a document in its lower 32):
// the keys are bucketed on their top bits, about one key per bucket, in two stable counting passes (the
// lower half of those bits, then the upper half), then one insertion sort over the whole array, in which a
// key only moves past the greater keys of its own bucket (every earlier bucket's are smaller). Keys that
// share their top bits and come in ascending order (one shingle's documents, made in document order) are
// not moved by the last pass. Uses a per-thread buffer of `n` keys, which it keeps.
void SortKeys(uint64_t* keys, size_t n);

}  // namespace neardup::boilerplate_internal

#endif  // NEARDUP_PIPELINE_BOILERPLATE_SORT_KEYS_H_
