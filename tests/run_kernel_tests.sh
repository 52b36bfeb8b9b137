#!/bin/sh
# Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
#
# One CTest test per kernel (label `kernel` and `kernel-NAME`): the kernel, tokenizer and determinism
# tests, and the boilerplate tokenizer's (its byte scanner is a kernel too), with
# NEARDUP_FORCE_KERNEL=NAME. Exit 77 (CTest: skipped) when this CPU cannot run NAME.
#   run_kernel_tests.sh NEARDUP_TESTS_BINARY NAME
set -u
tests=$1
kernel=$2
export NEARDUP_FORCE_KERNEL="$kernel"
guard=$("$tests" --gtest_filter='KernelForced.*' 2>&1) || { echo "$guard"; exit 1; }
case $guard in
  *"[  SKIPPED ]"*) echo "$guard"; exit 77 ;;
esac
exec "$tests" --gtest_brief=1 \
  --gtest_filter='KernelForced.*:MinHash*:Kernel*:Tokeniz*:EndToEnd*Determinism*:BoilerplateTokenizerTest.*:BoilerplateSpeed6Test.*:BoilerplatePieceWordsTest.*'
