// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Turning one JSONL line or one .txt file into a Record. Pure per-item work, safe to run on many
// threads at once (one JsonlParser per thread); everything that depends on earlier records (repeated
// ids) is left to the reader's serial stage.

#ifndef NEARDUP_PIPELINE_IO_RECORD_PARSER_H_
#define NEARDUP_PIPELINE_IO_RECORD_PARSER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "neardup/status.h"
#include "pipeline/io/memory.h"
#include "pipeline/io/reader.h"
#include "pipeline/io/spill.h"

namespace neardup {

// The dotted field paths of InputOptions, split at '.'.
struct FieldPaths {
  std::vector<std::string> text;
  std::vector<std::string> id;
  std::vector<std::string> title;   ///< --title-field, else "title"
  std::vector<std::string> source;  ///< --source-field, else "source"
};

// InvalidArgument for an empty path or an empty component ("a..b").
Status MakeFieldPaths(const InputOptions& options, FieldPaths* paths);

// What one input item became: a record unless it was skipped, and the issues found on the way, in
// order (at most one: the reason for skipping, or an invalid_id warning).
struct ParsedItem {
  bool has_record = false;
  Record record;
  std::vector<RecordIssue> issues;
};

// Parses JSONL lines into records whose bytes live in the parser's RecordArena. Owns a simdjson parser,
// so one instance per thread; not thread-safe.
class JsonlParser {
 public:
  // `paths` must outlive the parser. Records' bytes go to `spill` when it is set (see spill.h).
  explicit JsonlParser(const FieldPaths& paths, std::shared_ptr<SpillFile> spill = nullptr);
  ~JsonlParser();
  JsonlParser(const JsonlParser&) = delete;
  JsonlParser& operator=(const JsonlParser&) = delete;

  // Parses `line` (without its terminator; '\r' already stripped), line `line_number` of input `file`
  // (an index into `file_names`). `readable` bytes from line.data() on may be read (at least
  // line.size() + SIMDJSON_PADDING, or the line is copied); their content past the line does not matter.
  void Parse(std::string_view line, size_t readable, uint32_t file, const std::vector<std::string>& file_names,
             uint64_t line_number, ParsedItem* out);

  // The arena records' bytes are stored in (ParseTxtDocument can share it).
  RecordArena* arena();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Builds the record of a .txt file: `content` is the whole file, `id` its path relative to the
// input folder without ".txt", `source` its folder; `file` is its index in ReadStats::file_names.
// The text and source are copied into `arena` when it is given, else kept in the record's own storage.
void ParseTxtDocument(std::string content, uint32_t file, const std::string& id, const std::string& source,
                      ParsedItem* out, RecordArena* arena = nullptr);

// The host of `url`: after "://", up to the next '/', '?', '#' or port ':', without user info
// ("user:pw@") and a leading "www.", ASCII-lowercased. Empty when there is no "://".
std::string UrlHost(std::string_view url);

// The generated id "<file>:<line>" as a RecordId.
RecordId GeneratedId(const std::string& file, uint64_t line);

// A RecordId holding the string `s` (valid UTF-8).
RecordId StringId(const std::string& s);

}  // namespace neardup

#endif  // NEARDUP_PIPELINE_IO_RECORD_PARSER_H_
