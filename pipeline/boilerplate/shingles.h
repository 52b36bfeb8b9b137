// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The sampled shingles of a unit's token hashes, by which copy detection finds the copies of an article
// (boilerplate.cc, AnalyzeDoc and BuildSourceModel).

#ifndef NEARDUP_PIPELINE_BOILERPLATE_SHINGLES_H_
#define NEARDUP_PIPELINE_BOILERPLATE_SHINGLES_H_

#include <cstdint>
#include <vector>

namespace neardup::boilerplate_internal {

// Appends to `shingles` the sampled shingles of one unit's token hashes (after masking): for each run of
// five consecutive hashes, the polynomial sum(hashes[i + k] * 0x9E3779B97F4A7C15^(4 - k)) (mod 2^64),
// rolled one token at a time, mixed (h = (x ^ (x >> 29)) * 0xBF58476D1CE4E5B9, then h ^= h >> 32); the
// shingle is h's upper 32 bits, kept when bit 20 of h is clear (one in two, chosen by hash so that every
// document keeps the same ones). Nothing for fewer than five hashes.
void AddShingles(const std::vector<uint64_t>& hashes, std::vector<uint32_t>* shingles);

}  // namespace neardup::boilerplate_internal

#endif  // NEARDUP_PIPELINE_BOILERPLATE_SHINGLES_H_
