// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The neardup command line. Glue only: flags are parsed into a RunOptions, validated before any I/O,
// and handed to neardup::Run(). Exit codes: 0 success, 1 runtime error, 2 usage error.

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "kernels/minhash.h"
#include "neardup/options.h"
#include "neardup/run.h"
#include "pipeline/boilerplate/boilerplate.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitRuntime = 1;
constexpr int kExitUsage = 2;
constexpr size_t kMaxPrintedIssues = 20;

void AddLshOptions(CLI::App* cmd, neardup::RunOptions* o) {
  cmd->add_option("--threshold", o->threshold, "Exact Jaccard at or above which documents are near-duplicates")
      ->capture_default_str();
  cmd->add_option("--ngram", o->ngram, "Words per shingle")->capture_default_str();
  cmd->add_option("--num-perm", o->num_perm, "MinHash permutations (a multiple of 16)")->capture_default_str();
  cmd->add_option("--bands", o->bands, "LSH bands (default: chosen from --threshold)");
  cmd->add_option("--rows", o->rows, "LSH rows per band (default: chosen from --threshold)");
}

int RunParams(const neardup::RunOptions& given) {
  neardup::RunOptions o = given;
  o.inputs = {"-"};
  o.output_dir = "-";
  neardup::Status st = o.Validate();
  if (!st.ok()) {
    std::fprintf(stderr, "neardup params: %s\n", st.message().c_str());
    return kExitUsage;
  }
  std::printf("threshold %.4g, num_perm %zu: %zu bands x %zu rows (%zu of %zu permutations used)\n", o.threshold,
              o.num_perm, o.bands, o.rows, o.bands * o.rows, o.num_perm);
  std::printf("probability that a pair is a candidate, by its Jaccard:\n");
  std::printf("  jaccard  probability\n");
  for (int i = 0; i <= 20; ++i) {
    const double s = i / 20.0;
    std::printf("  %7.2f  %11.4f\n", s, neardup::DetectionProbability(s, o.bands, o.rows));
  }
  std::printf("  %7.4f  %11.4f  <- threshold\n", o.threshold,
              neardup::DetectionProbability(o.threshold, o.bands, o.rows));
  return kExitOk;
}

int RunRun(neardup::RunOptions o) {
  neardup::Status st = o.Validate();
  if (!st.ok()) {
    std::fprintf(stderr, "neardup run: %s\n", st.message().c_str());
    return kExitUsage;
  }
  const bool tty = ::isatty(STDERR_FILENO) != 0;
  size_t issues = 0;
  neardup::RunCallbacks callbacks;
  callbacks.on_issue = [&](const std::string& message) {
    if (++issues <= kMaxPrintedIssues) std::fprintf(stderr, "neardup: %s\n", message.c_str());
  };
  callbacks.on_warning = [](const std::string& message) {
    std::fprintf(stderr, "neardup: warning: %s\n", message.c_str());
  };
  if (tty && !o.quiet) {
    callbacks.on_progress = [](const char* stage, double) {
      std::fprintf(stderr, "\rneardup: %-12s", stage);
      if (std::string(stage) == "done") std::fprintf(stderr, "\r%*s\r", 24, "");
      std::fflush(stderr);
    };
  }
  neardup::RunSummary summary;
  st = neardup::Run(o, callbacks, &summary);
  if (issues > kMaxPrintedIssues) {
    std::fprintf(stderr, "neardup: ... and %zu more record issues (all are counted in stats.json)\n",
                 issues - kMaxPrintedIssues);
  }
  if (!st.ok()) {
    std::fprintf(stderr, "neardup run: %s\n", st.ToString().c_str());
    return st.code() == neardup::Status::Code::kInvalidArgument ? kExitUsage : kExitRuntime;
  }
  if (!o.quiet) {
    std::printf(
        "neardup: %llu documents (%llu bad records skipped), %llu kept, %llu near-duplicates in %llu clusters, "
        "%llu empty; %llu boilerplate spans removed; %llu document pairs share passages; %llu candidate pairs "
        "verified; %.1f MB in %.2f s; outputs in %s\n",
        static_cast<unsigned long long>(summary.documents), static_cast<unsigned long long>(summary.skipped_records),
        static_cast<unsigned long long>(summary.kept), static_cast<unsigned long long>(summary.duplicates),
        static_cast<unsigned long long>(summary.clusters), static_cast<unsigned long long>(summary.empty),
        static_cast<unsigned long long>(summary.boilerplate_spans), static_cast<unsigned long long>(summary.passages),
        static_cast<unsigned long long>(summary.pairs_verified), summary.input_bytes / 1e6, summary.seconds,
        o.output_dir.c_str());
  }
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  // Under a file size limit (ulimit -f), a write past it raises SIGXFSZ, which kills the process by
  // default: ignored, the write fails with EFBIG instead, and the run reports it (the spill file keeps
  // texts in memory; an output file is an error naming it, exit code 1).
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{"neardup: finds near-duplicate documents and passages in text corpora and strips boilerplate"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("neardup ") + neardup::Version() +
                                        " (kernel: " + neardup::KernelName() + ")");

  neardup::RunOptions run;
  CLI::App* run_cmd = app.add_subcommand("run", "Find near-duplicates in INPUT... and write the outputs to OUTDIR");
  run_cmd->add_option("inputs", run.inputs,
                      "Inputs: .jsonl, .jsonl.gz, .jsonl.zst files, folders (of .txt and .jsonl*), or - for stdin")
      ->required();
  run_cmd->add_option("-o,--output", run.output_dir, "Output directory (created if missing)")->required();
  run_cmd->add_option("--text-field", run.text_field, "JSON field holding the text (dotted path)")
      ->capture_default_str();
  run_cmd->add_option("--id-field", run.id_field, "JSON field holding the id (dotted path)")->capture_default_str();
  run_cmd->add_option("--title-field", run.title_field, "JSON field holding the title (default: title)");
  run_cmd->add_option("--source-field", run.source_field,
                      "JSON field naming the source site (default: source, else the host of url)");
  run_cmd->add_option("--tmpdir", run.tmpdir, "Directory for the spill file (default: $TMPDIR, else /tmp)");
  bool no_spill = false;
  run_cmd->add_flag("--no-spill", no_spill, "Keep document texts in memory instead of a spill file under --tmpdir");
  AddLshOptions(run_cmd, &run);
  run_cmd->add_option("--seed", run.seed, "MinHash seed")->capture_default_str();
  std::string keep = "first";
  run_cmd->add_option("--keep", keep, "Which document of a cluster is its representative")
      ->check(CLI::IsMember({"first", "longest"}))
      ->capture_default_str();
  run_cmd->add_flag("--keep-duplicates", run.keep_duplicates,
                    "Keep near-duplicates in clean.jsonl, with a \"neardup\" field");
  run_cmd->add_flag("--pairs", run.write_pairs, "Write pairs.jsonl: every verified pair at or above the threshold");
  bool no_boilerplate = false, no_passages = false;
  run_cmd->add_flag("--no-boilerplate", no_boilerplate, "Do not strip boilerplate");
  run_cmd->add_option("--min-repeats", run.min_repeats,
                      "Documents of a source a line template must recur in to be boilerplate (default 3)");
  run_cmd->add_option("--rules", run.rules_file, "File of extra boilerplate rules (format: pipeline/boilerplate/RULES.md)");
  run_cmd->add_option("--disable-rule", run.disabled_rules, "Turn off a built-in rule or a whole category (repeatable)");
  run_cmd->add_flag("--no-passages", no_passages, "Do not look for shared passages");
  run_cmd->add_option("--min-passage-words", run.min_passage_words, "Shortest shared passage reported, in words")
      ->capture_default_str();
  run_cmd->add_option("--min-passage-similarity", run.min_passage_similarity,
                      "Lowest similarity (aligned matching words / words of the longer span) reported")
      ->capture_default_str();
  run_cmd->add_option("--passage-max-docs", run.passage_max_docs,
                      "Documents a passage fingerprint may link before it counts as a common phrase (default 64; see README)");
  run_cmd->add_flag("--passages-all", run.passages_all, "Let every document take part in passages");
  std::string on_error = "skip";
  run_cmd->add_option("--on-error", on_error, "What a bad record does: skip (report and go on) or fail")
      ->check(CLI::IsMember({"skip", "fail"}))
      ->capture_default_str();
  run_cmd->add_option("--threads", run.threads, "Worker threads (default: all cores)");
  run_cmd->add_option("--batch-bytes", run.batch_bytes, "Input bytes parsed per parallel batch")->capture_default_str();
  run_cmd->add_option("--chunk-docs", run.chunk_docs, "Documents per parallel task")->capture_default_str();
  run_cmd->add_flag("-q,--quiet", run.quiet, "Print no progress and no summary");

  neardup::RunOptions params;
  CLI::App* params_cmd =
      app.add_subcommand("params", "Print the LSH bands x rows chosen for a threshold and the detection curve");
  AddLshOptions(params_cmd, &params);

  neardup::BoilerplateOptions rules;
  CLI::App* rules_cmd = app.add_subcommand("rules", "List the boilerplate rules in force");
  rules_cmd->add_option("--rules", rules.rules_file, "File of extra rules to include");
  rules_cmd->add_option("--disable-rule", rules.disabled_rules, "Leave out a rule or a whole category (repeatable)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }

  if (*run_cmd) {
    run.keep = keep == "longest" ? neardup::KeepPolicy::kLongest : neardup::KeepPolicy::kFirst;
    run.on_error = on_error == "fail" ? neardup::OnError::kFail : neardup::OnError::kSkip;
    run.boilerplate = !no_boilerplate;
    run.passages = !no_passages;
    run.spill = !no_spill;
    return RunRun(run);
  }
  if (*params_cmd) return RunParams(params);
  if (*rules_cmd) {
    std::string listing;
    const neardup::Status st = neardup::ListRules(rules, &listing);
    if (!st.ok()) {
      std::fprintf(stderr, "neardup rules: %s\n", st.ToString().c_str());
      return kExitUsage;
    }
    std::fputs(listing.c_str(), stdout);
    return kExitOk;
  }
  return kExitUsage;
}
