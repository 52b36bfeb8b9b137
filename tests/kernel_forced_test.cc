// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The guard of the per-kernel CTest runs (tests/run_kernel_tests.sh, label `kernel`): each runs the
// kernel tests with NEARDUP_FORCE_KERNEL set, and this test says whether that kernel is really the
// active one. It is skipped when the CPU cannot run the kernel, so the CTest run is reported skipped
// instead of silently testing another kernel.

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "kernels/minhash.h"

namespace neardup {
namespace {

TEST(KernelForced, ForcedKernelIsTheActiveOne) {
  const char* forced = std::getenv("NEARDUP_FORCE_KERNEL");
  if (forced == nullptr || *forced == '\0') GTEST_SKIP() << "NEARDUP_FORCE_KERNEL is not set";
  bool available = false;
  for (const KernelTable* k : AvailableKernels()) available = available || std::string(k->name) == forced;
  if (!available) GTEST_SKIP() << "this CPU cannot run the " << forced << " kernel";
  EXPECT_EQ(std::string(ActiveKernel().name), forced);
}

}  // namespace
}  // namespace neardup
