// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Internals of the MinHash kernels shared by minhash.cc, the per-ISA files and the tests. Not part of
// the library's interface.
//
// The per-ISA translation units (minhash_avx2.cc, minhash_avx512.cc) are compiled with instruction-set
// flags the baseline CPU may lack. They must therefore define only the entry points below and use no
// inline function or template from a shared header other than compiler intrinsics: the linker keeps one
// copy of each out-of-line inline function, and the copy compiled with AVX-512 could end up called from
// baseline code.

#ifndef NEARDUP_KERNELS_MINHASH_INTERNAL_H_
#define NEARDUP_KERNELS_MINHASH_INTERNAL_H_

#include <cstddef>
#include <cstdint>

#include "kernels/minhash.h"

namespace neardup::internal {

// Same contract as MinHashScalar. Call only when the CPU has the instruction set: AVX2 and BMI2 for
// MinHashAvx2; AVX-512 F, BW, DQ and VL for MinHashAvx512.
void MinHashAvx2(const uint64_t* shingles, size_t count, const uint32_t* seeds, size_t num_perm,
                 uint32_t* sig);
void MinHashAvx512(const uint64_t* shingles, size_t count, const uint32_t* seeds, size_t num_perm,
                   uint32_t* sig);

// The kernel for an override value: the kernel named `forced` when this CPU can run it, otherwise (also
// for nullptr, "" or an unknown name) the fastest available one. Never returns nullptr.
// ActiveKernel() is ChooseKernel(getenv("NEARDUP_FORCE_KERNEL")), evaluated once.
const KernelTable* ChooseKernel(const char* forced);

}  // namespace neardup::internal

#endif  // NEARDUP_KERNELS_MINHASH_INTERNAL_H_
