// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Benchmark of the input layer (pipeline/io) on one file, in MB of (decompressed) input per CPU-second
// (user + system time of the process), so that the figures hold on a busy machine:
//  - parse-only: simdjson's iterate_many over the file already in memory, taking each record's text
//    field as a string (the limit the reader is measured against);
//  - decompress: the file's bytes through ByteSource alone (gzip, zstd or plain), no line splitting;
//    for gzip also with zlib forced (NEARDUP_FORCE_GZIP=zlib) when the build reads gzip with ISA-L;
//  - reader: ReadCorpus, every record delivered and dropped;
//  - reader+keep: ReadCorpus keeping every record, as a run does, with the bytes the records hold.
// Each is run --runs times; the median is printed, with its ratio to parse-only.
//
//   bench_read /tmp/neardup-bench/corpus-20000.jsonl
//   bench_read corpus.jsonl.gz --runs 7 --threads 2

#include <simdjson.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <tbb/global_control.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/io/byte_source.h"
#include "pipeline/io/reader.h"

namespace neardup::bench {
namespace {

double CpuSeconds() {
  rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
}

// What one run of a measurement reports back to the parent.
struct Outcome {
  double seconds = 0;
  uint64_t count = 0;  ///< records (or bytes) seen, to check that the runs did the work
  uint64_t held = 0;   ///< bytes held by the records, where measured
  long max_rss_kb = 0;
};

// One run of `body` in this process: its CPU seconds, what it counted and held, and the peak RSS so far.
Outcome RunOnce(const std::function<std::pair<uint64_t, uint64_t>()>& body) {
  Outcome outcome;
  const double start = CpuSeconds();
  const auto [count, held] = body();
  outcome.seconds = CpuSeconds() - start;
  outcome.count = count;
  outcome.held = held;
  rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  outcome.max_rss_kb = usage.ru_maxrss;
  return outcome;
}

// The outcome with the median CPU seconds (none when there were no runs).
Outcome Median(std::vector<Outcome>* outcomes) {
  if (outcomes->empty()) return {};
  std::sort(outcomes->begin(), outcomes->end(),
            [](const Outcome& a, const Outcome& b) { return a.seconds < b.seconds; });
  return (*outcomes)[outcomes->size() / 2];
}

// Median CPU seconds of `repeat` runs of `body`, each in a child process forked for it, so that every
// run starts from a fresh heap as a real run does (page faults included) and none inherits another's
// freed memory. `body` returns what it counted and held.
Outcome MedianCpu(size_t repeat, const std::function<std::pair<uint64_t, uint64_t>()>& body) {
  std::vector<Outcome> outcomes;
  if (repeat == 0) return {};
  for (size_t i = 0; i < repeat; ++i) {
    int fds[2];
    if (pipe(fds) != 0) return {};
    const pid_t child = fork();
    if (child == 0) {
      close(fds[0]);
      const Outcome outcome = RunOnce(body);
      const ssize_t written = write(fds[1], &outcome, sizeof(outcome));
      _exit(written == sizeof(outcome) ? 0 : 1);
    }
    close(fds[1]);
    Outcome outcome;
    const bool got = child > 0 && read(fds[0], &outcome, sizeof(outcome)) == sizeof(outcome);
    close(fds[0]);
    if (child > 0) waitpid(child, nullptr, 0);
    if (got) outcomes.push_back(outcome);
  }
  return Median(&outcomes);
}

// The same, each run in this process: for parse-only, which works on the file already in memory. In a
// forked child, every page of that copy costs a fault again (four times the parse itself on a 97 MB file).
Outcome MedianCpuHere(size_t repeat, const std::function<std::pair<uint64_t, uint64_t>()>& body) {
  std::vector<Outcome> outcomes;
  for (size_t i = 0; i < repeat; ++i) outcomes.push_back(RunOnce(body));
  return Median(&outcomes);
}

// The size of the decompressed file and, unless `size_only`, its bytes padded for simdjson.
bool LoadDecompressed(const std::string& path, bool size_only, uint64_t* size, simdjson::padded_string* out,
                      std::string* error) {
  std::unique_ptr<ByteSource> source;
  Status status = OpenByteSource(path, &source);
  std::string bytes;
  std::vector<char> buf(1 << 20);
  *size = 0;
  while (status.ok()) {
    size_t n = 0;
    status = source->Read(buf.data(), buf.size(), &n);
    if (n == 0) break;
    *size += n;
    if (!size_only) bytes.append(buf.data(), n);
  }
  if (!status.ok()) {
    *error = status.ToString();
    return false;
  }
  if (!size_only) *out = simdjson::padded_string(bytes);
  return true;
}

int Main(int argc, char** argv) {
  CLI::App app{"Input layer throughput: simdjson parse-only vs neardup's reader, in MB per CPU-second"};
  std::string file;
  size_t repeat = 5, threads = 1;
  std::string text_field = "text";
  app.add_option("file", file, "A .jsonl, .jsonl.gz or .jsonl.zst file")->required();
  app.add_option("--runs,--repeat", repeat, "Runs of each measurement (the median is printed)");
  app.add_option("--threads", threads, "Threads for the reader (0: all cores)");
  app.add_option("--text-field", text_field, "Field holding the text");
  std::string only;
  app.add_option("--only", only, "Run only this measurement (parse-only, decompress, reader, reader+keep), e.g. "
                                 "under perf");
  CLI11_PARSE(app, argc, argv);
  repeat = std::max<size_t>(repeat, 1);
  std::unique_ptr<tbb::global_control> control;
  if (threads > 0) {
    control = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism, threads);
  }

  // Only parse-only needs the file in memory; the others read it themselves.
  simdjson::padded_string data;
  std::string error;
  uint64_t size = 0;
  if (!LoadDecompressed(file, !only.empty() && only != "parse-only", &size, &data, &error)) {
    std::fprintf(stderr, "bench_read: %s\n", error.c_str());
    return 1;
  }
  const double mb = static_cast<double>(size) / 1e6;
  std::printf("%s: %.1f MB decompressed, %zu thread(s), median of %zu runs\n", file.c_str(), mb, threads,
              repeat);

  // Each line parsed on its own with On-Demand (`iterate` on the line in place, the field found with
  // find_field_unordered and unescaped), lines found with memchr inside the timing: the fastest way we
  // know to get the texts out of JSONL with simdjson, so the ratios below are not flattered.
  // (iterate_many over the whole buffer was 3.5 times slower in CPU time on the 1 GB corpus.)
  simdjson::ondemand::parser parser;  // kept warm across runs, as a reader thread keeps its own
  const Outcome parse = MedianCpuHere(only.empty() || only == "parse-only" ? repeat : 0, [&] {
    uint64_t records = 0, text_bytes = 0;
    const char* bytes = data.data();
    const size_t n = data.size();
    const size_t capacity = n + simdjson::SIMDJSON_PADDING;
    for (size_t pos = 0; pos < n;) {
      const void* nl = std::memchr(bytes + pos, '\n', n - pos);
      const size_t end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - bytes) : n;
      if (end > pos) {
        simdjson::ondemand::document doc;
        std::string_view text;
        if (parser.iterate(bytes + pos, end - pos, capacity - pos).get(doc) == simdjson::SUCCESS &&
            doc.find_field_unordered(text_field).get_string().get(text) == simdjson::SUCCESS) {
          ++records;
          text_bytes += text.size();
        }
      }
      pos = end + 1;
    }
    return std::make_pair(records, text_bytes);
  });

  auto decompress_once = [&](bool force_zlib) {
    if (force_zlib) setenv("NEARDUP_FORCE_GZIP", "zlib", 1);
    std::unique_ptr<ByteSource> source;
    uint64_t bytes = 0;
    if (!OpenByteSource(file, &source).ok()) return std::make_pair(bytes, uint64_t{0});
    std::vector<char> buf(1 << 20);
    size_t n = 1;
    while (n > 0 && source->Read(buf.data(), buf.size(), &n).ok()) bytes += n;
    return std::make_pair(bytes, uint64_t{0});
  };
  const Outcome decompress =
      MedianCpu(only.empty() || only == "decompress" ? repeat : 0, [&] { return decompress_once(false); });
  // For gzip, the same with zlib forced (the fallback when ISA-L is not built in).
  std::unique_ptr<ByteSource> probe;
  const bool gzip = OpenByteSource(file, &probe).ok() && probe->compression() == Compression::kGzip;
  probe.reset();
  const Outcome decompress_zlib =
      MedianCpu(gzip && (only.empty() || only == "decompress") ? repeat : 0, [&] { return decompress_once(true); });

  InputOptions options;
  options.inputs = {file};
  options.text_field = text_field;
  const Outcome reader = MedianCpu(only.empty() || only == "reader" ? repeat : 0, [&] {
    uint64_t records = 0;
    const Status status = ReadCorpus(
        options, [&](std::vector<Record>& batch) { records += batch.size(); }, [&](const RecordIssue&) {},
        nullptr);
    if (!status.ok()) std::fprintf(stderr, "bench_read: %s\n", status.ToString().c_str());
    return std::make_pair(records, uint64_t{0});
  });

  const Outcome keep = MedianCpu(only.empty() || only == "reader+keep" ? repeat : 0, [&] {
    std::vector<Record> records;
    const Status status = ReadCorpus(
        options,
        [&](std::vector<Record>& batch) {
          for (Record& r : batch) records.push_back(std::move(r));
        },
        [&](const RecordIssue&) {}, nullptr);
    if (!status.ok()) std::fprintf(stderr, "bench_read: %s\n", status.ToString().c_str());
    uint64_t held = sizeof(Record) * records.capacity();
    for (const Record& r : records) held += r.HeapBytes() + r.StorageBytes();
    return std::make_pair(static_cast<uint64_t>(records.size()), held);
  });

  auto line = [&](const char* name, const Outcome& o) {
    if (o.seconds == 0) return;
    char ratio[32] = "    (not measured)";
    if (parse.seconds > 0) std::snprintf(ratio, sizeof(ratio), "%5.2fx parse-only time", o.seconds / parse.seconds);
    std::printf("  %-18s %7.3f s CPU %8.1f MB/CPU-s  %s  peak RSS %6.1f MB\n", name, o.seconds, mb / o.seconds, ratio,
                static_cast<double>(o.max_rss_kb) / 1e3);
  };
  line("parse-only", parse);
  line(gzip ? (std::string("decompress (") + GzipLibrary() + ")").c_str() : "decompress", decompress);
  if (std::strcmp(GzipLibrary(), "zlib") != 0) line("decompress (zlib)", decompress_zlib);
  line("reader", reader);
  line("reader+keep", keep);
  if (keep.seconds == 0) return 0;
  std::printf("  records: %llu (parse-only %llu, text %.1f MB)\n", static_cast<unsigned long long>(keep.count),
              static_cast<unsigned long long>(parse.count), static_cast<double>(parse.held) / 1e6);
  std::printf("  held by the records: %.1f MB (%.2f bytes per input byte)\n",
              static_cast<double>(keep.held) / 1e6, static_cast<double>(keep.held) / static_cast<double>(size));
  return 0;
}

}  // namespace
}  // namespace neardup::bench

int main(int argc, char** argv) { return neardup::bench::Main(argc, argv); }
