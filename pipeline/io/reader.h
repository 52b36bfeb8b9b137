// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Reading a corpus: every input kind of the contract (folders of .txt, .jsonl, .jsonl.gz, .jsonl.zst with
// the compression detected from the bytes, and "-" for JSONL on stdin) turned into Records in input
// order. Bad records are reported with file and line and never cost the valid records around them.

#ifndef NEARDUP_PIPELINE_IO_READER_H_
#define NEARDUP_PIPELINE_IO_READER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "neardup/status.h"

namespace neardup {

class SpillFile;

struct InputOptions {
  std::vector<std::string> inputs;  ///< paths as given on the command line; "-" is stdin
  std::string text_field = "text";  ///< dotted path, e.g. "body" or "content.text"
  std::string id_field = "id";      ///< dotted path
  std::string title_field;          ///< dotted path; empty: field "title", else first non-empty line
  std::string source_field;         ///< dotted path; empty: "source", else host of "url"/"metadata.url"
  size_t batch_bytes = 8 << 20;     ///< bytes of input parsed per parallel batch (tests force small ones)
  std::shared_ptr<SpillFile> spill;  ///< when set, records' bytes live in this file (see spill.h)
};

// How a JSON string token was escaped, as far as its decoded text can give it back.
enum class JsonEscaping : uint8_t {
  kMinimal,  ///< as AppendJsonString writes it: only '"', '\\' and control characters escaped
  kAscii,    ///< as AppendJsonStringAscii writes it: also DEL and every non-ASCII character (\uXXXX)
  kOther,    ///< neither (\/, uppercase hex, lone surrogates, a mix of styles): the token itself is kept
};

// A document id exactly as it will be written to the outputs.
struct RecordId {
  std::string json;  ///< JSON text of the id: the raw token for ids that came as a string or integer,
                     ///< a JSON string for generated ones ("<file>:<line>", "<id>#2")
  std::string key;   ///< canonical key for repeat detection: "s" + decoded string, or "i" + digits
};

// One document. Its text and strings point into `storage`, which the record shares with the other
// records read around it: copying or moving a record is cheap, and the bytes live as long as any record
// that refers to them. For JSONL records the line itself is not kept whole: the text field's token is
// rebuilt from `text` (see AppendLine), so a record holds about as many bytes as its line. Storage comes
// in blocks of a few MB shared by neighbouring records: whoever keeps a few records out of many and
// drops the rest should copy what it keeps.
struct Record {
  uint32_t file = 0;  ///< index of the record's input in ReadStats::file_names
  uint64_t line = 0;  ///< 1-based line of the record in its (decompressed) file; 1 for .txt documents
  bool from_txt = false;
  uint32_t replacements = 0;  ///< U+FFFD inserted while decoding this record
  uint32_t code_points = 0;   ///< of `text`, counted while its bytes were at hand

  std::string_view text;    ///< the original text: decoded, invalid UTF-8 and lone surrogates → U+FFFD
  RecordId id;
  std::string_view title;   ///< --title-field / "title", else the first non-empty line of text (trimmed)
  std::string_view source;  ///< see InputOptions::source_field; .txt: the folder; else "" (one source)

  /// JSONL only: the record's line (without its line terminator, with invalid UTF-8 replaced) is
  /// json_head, then the text field's string token, then json_tail.
  std::string_view json_head;
  std::string_view json_tail;
  /// How the text field's token is rebuilt from `text`. Only for kOther is the token kept, in text_token;
  /// writers of JSON lines (Python's json.dumps, with or without ensure_ascii, and most others) give
  /// kMinimal or kAscii.
  JsonEscaping text_escaping = JsonEscaping::kMinimal;
  std::string_view text_token;  ///< kOther: the token as it was in the line; else empty

  std::shared_ptr<const void> storage;  ///< owns the bytes the views above point into

  /// Appends the text field's token as it was in the line.
  void AppendTextToken(std::string* out) const;
  /// Appends the record's line as it was read (JSONL only).
  void AppendLine(std::string* out) const;
  /// Appends the line with the text field's value replaced by `new_text` (JSONL only).
  void AppendLineWithText(std::string_view new_text, std::string* out) const;
  /// Bytes this record holds on the heap outside the shared storage, for memory accounting.
  size_t HeapBytes() const;
  /// Bytes of the shared storage this record's views cover.
  size_t StorageBytes() const {
    return text.size() + title.size() + source.size() + json_head.size() + json_tail.size() + text_token.size();
  }
};

// A problem with one record (or with the tail of a stream). `kind` is one of:
//   invalid_json, not_object, missing_text, non_string_text, truncated_input   (the record is skipped)
//   invalid_id, repeated_id                                                  (a warning; record kept)
struct RecordIssue {
  std::string file;
  uint64_t line = 0;
  std::string kind;
  std::string message;  ///< "<file>:<line>: <what is wrong>" ready to print
  bool skipped = true;  ///< true when the record was not read
};

struct ReadStats {
  std::vector<std::string> file_names;  ///< every input file, in reading order; Record::file indexes it
  uint64_t bytes = 0;         ///< input bytes read (after decompression)
  uint64_t files = 0;         ///< files opened (each .txt counts)
  uint64_t replacements = 0;  ///< U+FFFD inserted in all records
};

// Reads all inputs, calling `on_batch` serially and in input order with each batch of records (moved
// into the callback's vector), and `on_issue` serially for each record issue, in input order as well.
// Parsing within a batch runs in parallel (oneTBB); the records and issues seen by the callbacks are the
// same for any thread count and batch size. Returns an error Status only for problems that stop the whole
// input: an input that cannot be opened or read (IOError). A truncated compressed stream is not fatal: the
// records before the damage are delivered, and one `truncated_input` issue names the file and line.
// stats->file_names lists every input file before the first batch is delivered. Records keep their
// storage alive on their own (see Record): the callback may keep any of them for as long as it likes.
Status ReadCorpus(const InputOptions& options, const std::function<void(std::vector<Record>&)>& on_batch,
                  const std::function<void(const RecordIssue&)>& on_issue, ReadStats* stats);

// Expands the inputs into the list of files that will be read, in reading order (folders recursively,
// sorted by path; .txt and .jsonl, .jsonl.gz, .jsonl.zst files). Fails if an input does not exist.
Status ListInputFiles(const std::vector<std::string>& inputs, std::vector<std::string>* files);

// ---- building blocks, exposed for tests ----

// Replaces invalid UTF-8 exactly as Python's bytes.decode("utf-8", "replace") does (one U+FFFD per
// maximal ill-formed subsequence). Returns the number of replacements; *out receives the valid text.
size_t RepairUtf8(std::string_view in, std::string* out);

// Decodes the JSON string token `token` (with its quotes) into UTF-8. Escaped lone surrogates become
// U+FFFD and are counted in *replacements. Returns false if the token is not a valid JSON string.
bool UnescapeJsonString(std::string_view token, std::string* out, uint32_t* replacements);

// Appends `s` (valid UTF-8) as a JSON string with quotes: escapes '"', '\\', and control characters
// (\n, \r, \t, \b, \f, else \u00XX); every other code point is written as UTF-8.
void AppendJsonString(std::string_view s, std::string* out);

// AppendJsonString without the quotes: the escaped characters of `s` (valid UTF-8), so that a string
// can be written piece by piece.
void AppendJsonEscaped(std::string_view s, std::string* out);

// Like AppendJsonString, but DEL and every non-ASCII code point are escaped too, as \uXXXX in lowercase
// hex (a surrogate pair beyond U+FFFF): the output is ASCII, as Python's json.dumps writes by default.
void AppendJsonStringAscii(std::string_view s, std::string* out);

}  // namespace neardup

#endif  // NEARDUP_PIPELINE_IO_READER_H_
