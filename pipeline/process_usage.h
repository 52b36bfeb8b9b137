// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// What the whole process (every thread) has used so far, from one getrusage call: for the run's stage
// timings (run.cc) and the passage stage's step timings (passages.cc). System time and minor page
// faults show where a run takes fresh memory, which on a VM that hands free pages back to its host is
// slow (bench/README.md, "Memory").

#ifndef NEARDUP_PIPELINE_PROCESS_USAGE_H_
#define NEARDUP_PIPELINE_PROCESS_USAGE_H_

#include <sys/resource.h>

#include <cstdint>

namespace neardup {

struct ProcessUsage {
  double cpu_seconds;  // user + system
  double system_seconds;
  uint64_t minor_faults;  // a huge page counts once
  uint64_t peak_rss;      // bytes
};

inline ProcessUsage Usage() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
  };
  return {seconds(u.ru_utime) + seconds(u.ru_stime), seconds(u.ru_stime), static_cast<uint64_t>(u.ru_minflt),
          static_cast<uint64_t>(u.ru_maxrss) * 1024};  // Linux gives kilobytes
}

}  // namespace neardup

#endif  // NEARDUP_PIPELINE_PROCESS_USAGE_H_
