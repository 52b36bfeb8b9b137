// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "pipeline/io/record_parser.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kernels/tokenize.h"
#include "pipeline/io/json_string.h"
#include "pipeline/io/memory.h"
#include "pipeline/io/utf8.h"

namespace neardup {
namespace {

namespace ondemand = simdjson::ondemand;

// The fields one walk over a record looks for.
enum Target : int { kText, kId, kTitle, kSource, kUrl, kMetadataUrl, kNumTargets };
constexpr uint32_t kAllTargets = (1u << kNumTargets) - 1;

// Deeper nesting is rejected, which also bounds the recursion of the walk below.
constexpr size_t kMaxDepth = 1000;

// Lines larger than this get a fresh parser afterwards, so one huge record does not pin its buffers
// (several bytes per input byte) for the rest of the run.
constexpr size_t kKeepParserCapacity = 16 << 20;

// The value found at a target's path; for the last of repeated keys, as Python's json module does.
struct Capture {
  bool found = false;
  ondemand::json_type type = ondemand::json_type::null;
  std::string_view token;  ///< scalars: the raw token without trailing whitespace
};

const char* TypeName(ondemand::json_type type, std::string_view token) {
  switch (type) {
    case ondemand::json_type::object:
      return "an object";
    case ondemand::json_type::array:
      return "an array";
    case ondemand::json_type::string:
      return "a string";
    case ondemand::json_type::number:
      return IsJsonInteger(token) ? "an integer" : "a float";
    case ondemand::json_type::boolean:
      return "a boolean";
    case ondemand::json_type::null:
      return "null";
  }
  return "a value";
}

std::string JoinPath(const std::vector<std::string>& path) {
  std::string joined;
  for (const std::string& part : path) {
    if (!joined.empty()) joined.push_back('.');
    joined += part;
  }
  return joined;
}

Status SplitPath(const std::string& dotted, const char* option, std::vector<std::string>* parts) {
  parts->clear();
  size_t pos = 0;
  while (true) {
    const size_t dot = dotted.find('.', pos);
    const std::string part = dotted.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos);
    if (part.empty()) {
      return Status::InvalidArgument(std::string(option) + ": invalid field path \"" + dotted + "\"");
    }
    parts->push_back(part);
    if (dot == std::string::npos) return Status::OK();
    pos = dot + 1;
  }
}

// The start of `token` (valid UTF-8) for messages, cut at a character boundary.
std::string Excerpt(std::string_view token) {
  constexpr size_t kMax = 40;
  if (token.size() <= kMax) return std::string(token);
  size_t n = kMax;
  while (n > 0 && (static_cast<unsigned char>(token[n]) & 0xC0) == 0x80) --n;
  return std::string(token.substr(0, n)) + "...";
}

// Strings of ids, titles and sources are small: decode them into a fresh string.
std::string DecodeSmall(std::string_view token) {
  std::string out;
  UnescapeJsonString(token, &out, nullptr);
  return out;
}

// Validates a whole record while collecting the targets, in one pass over simdjson's on-demand
// iterator. On-demand parsing only checks what is visited, so every value is visited: a record is
// accepted only if the whole line is JSON.
class Walker {
 public:
  Walker(const std::vector<std::string>* const* paths, const char* buffer_end)
      : paths_(paths), buffer_end_(buffer_end) {}

  bool Document(ondemand::document& doc, std::string_view trimmed_line, ondemand::json_type* root_type) {
    if (!Ok(doc.type().get(*root_type))) return false;
    switch (*root_type) {
      case ondemand::json_type::object: {
        ondemand::object object;
        if (!Ok(doc.get_object().get(object)) || !Object(object, kAllTargets, 0)) return false;
        break;
      }
      case ondemand::json_type::array: {
        ondemand::array array;
        if (!Ok(doc.get_array().get(array)) || !Array(array, 0)) return false;
        break;
      }
      default: {
        // A bare scalar: valid only if it is the whole line.
        std::string_view token;
        if (!Ok(doc.raw_json_token().get(token))) return false;
        token = TrimJsonWhitespace(token);
        if (token.size() != trimmed_line.size()) return Fail("unexpected content after the JSON value");
        return Scalar(*root_type, token);
      }
    }
    const simdjson::simdjson_result<const char*> location = doc.current_location();
    if (location.error() != simdjson::OUT_OF_BOUNDS) {
      if (location.error() == simdjson::SUCCESS) return Fail("unexpected content after the JSON value");
      return Ok(location.error());
    }
    return true;
  }

  const Capture& capture(Target t) const { return captures_[t]; }
  const std::string& problem() const { return problem_; }

 private:
  bool Ok(simdjson::error_code error) {
    if (error == simdjson::SUCCESS) return true;
    problem_ = simdjson::error_message(error);
    return false;
  }

  bool Fail(const char* problem) {
    problem_ = problem;
    return false;
  }

  // `mask`: the targets whose paths continue below this object at component `depth`.
  bool Object(ondemand::object& object, uint32_t mask, size_t depth) {
    if (depth >= kMaxDepth) return Fail("nesting too deep");
    for (auto field_result : object) {
      ondemand::field field;
      if (!Ok(std::move(field_result).get(field))) return false;
      std::string_view key;
      if (!Key(field.key(), &key)) return false;
      uint32_t capture = 0;
      uint32_t descend = 0;
      for (uint32_t bits = mask; bits != 0; bits &= bits - 1) {
        const int t = __builtin_ctz(bits);
        const std::vector<std::string>& path = *paths_[t];
        if (path[depth] != key) continue;
        if (path.size() == depth + 1) {
          capture |= 1u << t;
        } else {
          descend |= 1u << t;
        }
      }
      if (!Value(field.value(), capture, descend, depth + 1)) return false;
    }
    return true;
  }

  bool Array(ondemand::array& array, size_t depth) {
    if (depth >= kMaxDepth) return Fail("nesting too deep");
    for (auto element_result : array) {
      ondemand::value element;
      if (!Ok(std::move(element_result).get(element))) return false;
      if (!Value(element, 0, 0, depth + 1)) return false;
    }
    return true;
  }

  bool Value(ondemand::value& value, uint32_t capture, uint32_t descend, size_t depth) {
    ondemand::json_type type;
    if (!Ok(value.type().get(type))) return false;
    std::string_view token;
    if (type != ondemand::json_type::object && type != ondemand::json_type::array) {
      token = TrimJsonWhitespace(value.raw_json_token());
    }
    if ((capture & (1u << kText)) != 0 && captures_[kText].found &&
        captures_[kText].type == ondemand::json_type::string && !IsJsonString(captures_[kText].token)) {
      // A repeated text key: the earlier value was skipped by the walk and is checked now.
      return Fail("invalid string in a repeated text field");
    }
    for (uint32_t bits = capture; bits != 0; bits &= bits - 1) {
      captures_[__builtin_ctz(bits)] = Capture{true, type, token};
    }
    // A repeated key replaces the earlier value, so whatever was found below the earlier one is gone.
    for (uint32_t bits = descend; bits != 0; bits &= bits - 1) captures_[__builtin_ctz(bits)] = Capture();
    switch (type) {
      case ondemand::json_type::object: {
        ondemand::object object;
        return Ok(value.get_object().get(object)) && Object(object, descend, depth);
      }
      case ondemand::json_type::array: {
        ondemand::array array;
        return Ok(value.get_array().get(array)) && Array(array, depth);
      }
      case ondemand::json_type::string: {
        // Consumed explicitly: when simdjson skips an unread string followed by ':' it takes it for
        // a key, which would let {"a":"b":"c"} through.
        ondemand::raw_json_string ignored;
        if (!Ok(value.get_raw_json_string().get(ignored))) return false;
        // The text is decoded afterwards, which checks it; scanning a huge text twice is avoided.
        if ((capture & (1u << kText)) != 0) return true;
        return Scalar(type, token);
      }
      default:
        return Scalar(type, token);
    }
  }

  bool Scalar(ondemand::json_type type, std::string_view token) {
    bool ok = false;
    switch (type) {
      case ondemand::json_type::string:
        ok = IsJsonString(token);
        break;
      case ondemand::json_type::number:
        ok = IsJsonNumber(token);
        break;
      case ondemand::json_type::boolean:
        ok = token == "true" || token == "false";
        break;
      case ondemand::json_type::null:
        ok = token == "null";
        break;
      default:
        break;
    }
    if (ok) return true;
    problem_ = type == ondemand::json_type::string   ? "invalid string "
               : type == ondemand::json_type::number ? "invalid number "
                                                     : "invalid literal ";
    problem_.append(Excerpt(token));
    return false;
  }

  // Reads an object key. simdjson hands out a pointer just past the opening quote; the key's end is
  // found here, honouring escapes, and escaped keys are decoded so that "te\u0078t" matches "text".
  bool Key(ondemand::raw_json_string raw, std::string_view* key) {
    const char* const start = raw.raw();
    const char* p = start;
    bool escaped = false;
    while (p < buffer_end_ && *p != '"') {
      if (*p == '\\') {
        escaped = true;
        p += 2;
      } else {
        if (static_cast<unsigned char>(*p) < 0x20) return Fail("control character in a key");
        ++p;
      }
    }
    if (p >= buffer_end_) return Fail("unterminated key");
    if (!escaped) {
      *key = std::string_view(start, p - start);
      return true;
    }
    if (!UnescapeJsonString(std::string_view(start - 1, p - start + 2), &key_buffer_, nullptr)) {
      return Fail("invalid escape in a key");
    }
    *key = key_buffer_;
    return true;
  }

  const std::vector<std::string>* const* paths_;
  const char* buffer_end_;
  Capture captures_[kNumTargets];
  std::string problem_;
  std::string key_buffer_;
};

RecordIssue MakeIssue(const std::string& file, uint64_t line, const char* kind, const std::string& what,
                      bool skipped) {
  RecordIssue issue;
  issue.file = file;
  issue.line = line;
  issue.kind = kind;
  issue.message = file + ":" + std::to_string(line) + ": " + what;
  issue.skipped = skipped;
  return issue;
}

std::string RepairedCopy(const std::string& s) {
  std::string out;
  RepairUtf8(s, &out);
  return out;
}

const std::vector<std::string> kUrlPath = {"url"};
const std::vector<std::string> kMetadataUrlPath = {"metadata", "url"};

}  // namespace

Status MakeFieldPaths(const InputOptions& options, FieldPaths* paths) {
  NEARDUP_RETURN_IF_ERROR(SplitPath(options.text_field, "--text-field", &paths->text));
  NEARDUP_RETURN_IF_ERROR(SplitPath(options.id_field, "--id-field", &paths->id));
  NEARDUP_RETURN_IF_ERROR(
      SplitPath(options.title_field.empty() ? "title" : options.title_field, "--title-field", &paths->title));
  NEARDUP_RETURN_IF_ERROR(SplitPath(options.source_field.empty() ? "source" : options.source_field,
                                    "--source-field", &paths->source));
  return Status::OK();
}

struct JsonlParser::Impl {
  explicit Impl(const FieldPaths& field_paths)
      : paths{&field_paths.text,   &field_paths.id, &field_paths.title,
              &field_paths.source, &kUrlPath,       &kMetadataUrlPath},
        text_name(JoinPath(field_paths.text)),
        id_name(JoinPath(field_paths.id)) {}

  const std::vector<std::string>* paths[kNumTargets];
  std::string text_name;
  std::string id_name;
  std::unique_ptr<ondemand::parser> parser = std::make_unique<ondemand::parser>();
  RecordArena arena;
  std::string scratch;  ///< a line that needed a copy: repaired, or without room for the padding
};

JsonlParser::JsonlParser(const FieldPaths& paths, std::shared_ptr<SpillFile> spill)
    : impl_(std::make_unique<Impl>(paths)) {
  impl_->arena.set_spill(std::move(spill));
}
JsonlParser::~JsonlParser() = default;
RecordArena* JsonlParser::arena() { return &impl_->arena; }

namespace {

// Copies `line` into *scratch with simdjson's padding after it.
std::string_view PaddedCopy(std::string_view line, std::string* scratch) {
  scratch->reserve(line.size() + simdjson::SIMDJSON_PADDING);
  scratch->assign(line.data(), line.size());
  return *scratch;
}

// Decodes the string token `token` (already validated) at *out, moves *out past it, and returns the
// decoded text without Python-whitespace around it.
std::string_view DecodeTrimmed(std::string_view token, char** out) {
  size_t n = DecodeJsonString(token.data() + 1, token.size() - 2, *out, nullptr, nullptr);
  if (n == SIZE_MAX) n = 0;
  const std::string_view decoded(*out, n);
  *out += n;
  return TrimSpace(decoded);
}

size_t StringTokenSize(const Capture& c) {
  return c.found && c.type == ondemand::json_type::string ? c.token.size() + kDecodeSlack : 0;
}

}  // namespace

void JsonlParser::Parse(std::string_view line, size_t readable, uint32_t file,
                        const std::vector<std::string>& file_names, uint64_t line_number, ParsedItem* out) {
  out->has_record = false;
  out->issues.clear();
  const std::string& file_name = file_names[file];
  auto skip = [&](const char* kind, const std::string& what) {
    out->issues.push_back(MakeIssue(file_name, line_number, kind, what, true));
  };
  if (readable < line.size() + simdjson::SIMDJSON_PADDING) {
    line = PaddedCopy(line, &impl_->scratch);
    readable = impl_->scratch.capacity();
  }

  // simdjson checks UTF-8 while it indexes the line, so a line it accepts is valid UTF-8 and only a
  // rejected one is checked (and, if invalid, repaired and parsed again).
  uint32_t repairs = 0;
  ondemand::document doc;
  simdjson::error_code error = impl_->parser->iterate(line.data(), line.size(), readable).get(doc);
  if (error != simdjson::SUCCESS && !IsValidUtf8(line)) {
    std::string repaired;
    repairs = static_cast<uint32_t>(RepairUtf8(line, &repaired));
    line = PaddedCopy(repaired, &impl_->scratch);
    readable = impl_->scratch.capacity();
    error = impl_->parser->iterate(line.data(), line.size(), readable).get(doc);
  }

  const size_t leading = line.find_first_not_of(" \t\r\n");
  const std::string_view trimmed = TrimJsonWhitespace(line.substr(leading == std::string::npos ? line.size() : leading));
  // The captures point into `line`, not into the parser, so they outlive the document.
  Walker walker(impl_->paths, line.data() + line.size());
  ondemand::json_type root_type = ondemand::json_type::null;
  const bool valid = error == simdjson::SUCCESS && walker.Document(doc, trimmed, &root_type);
  doc = ondemand::document();
  if (impl_->parser->capacity() > kKeepParserCapacity) impl_->parser = std::make_unique<ondemand::parser>();
  if (!valid) {
    skip("invalid_json",
         "invalid JSON: " +
             (error != simdjson::SUCCESS ? std::string(simdjson::error_message(error)) : walker.problem()));
    return;
  }
  if (root_type != ondemand::json_type::object) {
    skip("not_object", std::string("not a JSON object but ") + TypeName(root_type, trimmed));
    return;
  }

  Record& record = out->record;
  record = Record();
  const Capture& text = walker.capture(kText);
  if (!text.found) {
    skip("missing_text", "no text field \"" + impl_->text_name + "\"");
    return;
  }
  if (text.type != ondemand::json_type::string) {
    skip("non_string_text",
         "text field \"" + impl_->text_name + "\" is " + TypeName(text.type, text.token) + ", not a string");
    return;
  }

  // The record's bytes, in one reservation: the decoded text (never longer than its token), the line
  // around the token, the token itself when it cannot be rebuilt, then the title and the source.
  const Capture& title = walker.capture(kTitle);
  const Capture& source = walker.capture(kSource);
  const size_t source_bound = std::max({StringTokenSize(source), StringTokenSize(walker.capture(kUrl)),
                                        StringTokenSize(walker.capture(kMetadataUrl))});
  char* const base =
      impl_->arena.Reserve(text.token.size() + kDecodeSlack + line.size() + StringTokenSize(title) + source_bound);
  char* at = base;
  uint32_t escapes_replaced = 0;
  JsonEscaping escaping = JsonEscaping::kMinimal;
  const size_t text_size =
      DecodeJsonString(text.token.data() + 1, text.token.size() - 2, at, &escapes_replaced, &escaping);
  if (text_size == SIZE_MAX) {
    skip("invalid_json", "invalid JSON: invalid string in text field \"" + impl_->text_name + "\"");
    return;
  }
  record.text = std::string_view(at, text_size);
  record.code_points = static_cast<uint32_t>(CountCodePoints(record.text));
  at += text_size;
  auto keep = [&at](std::string_view bytes) {
    std::memcpy(at, bytes.data(), bytes.size());
    const std::string_view kept(at, bytes.size());
    at += bytes.size();
    return kept;
  };
  const size_t text_begin = static_cast<size_t>(text.token.data() - line.data());
  record.json_head = keep(line.substr(0, text_begin));
  record.json_tail = keep(line.substr(text_begin + text.token.size()));
  record.text_escaping = escaping;
  if (escaping == JsonEscaping::kOther) record.text_token = keep(text.token);
  record.replacements = repairs + escapes_replaced;

  const Capture& id = walker.capture(kId);
  if (id.found && id.type == ondemand::json_type::string) {
    record.id.json.assign(id.token);
    record.id.key = "s" + DecodeSmall(id.token);
  } else if (id.found && id.type == ondemand::json_type::number && IsJsonInteger(id.token)) {
    record.id.json.assign(id.token);
    record.id.key = "i" + std::string(id.token);
  } else {
    record.id = GeneratedId(file_name, line_number);
    if (id.found && id.type != ondemand::json_type::null) {
      out->issues.push_back(MakeIssue(file_name, line_number, "invalid_id",
                                      "id field \"" + impl_->id_name + "\" is " +
                                          TypeName(id.type, id.token) +
                                          ", not a string or integer; using the id " + record.id.json,
                                      false));
    }
  }

  if (title.found && title.type == ondemand::json_type::string) record.title = DecodeTrimmed(title.token, &at);
  if (record.title.empty()) record.title = FirstNonEmptyLine(record.text);

  if (source.found && source.type == ondemand::json_type::string) record.source = DecodeTrimmed(source.token, &at);
  for (const Target t : {kUrl, kMetadataUrl}) {
    const Capture& url = walker.capture(t);
    if (!record.source.empty()) break;
    if (url.found && url.type == ondemand::json_type::string) record.source = keep(UrlHost(DecodeSmall(url.token)));
  }
  impl_->arena.Commit(static_cast<size_t>(at - base));
  record.storage = impl_->arena.owner();
  record.file = file;
  record.line = line_number;
  record.from_txt = false;
  out->has_record = true;
}

namespace {

// The bytes of a .txt record: the file's content and its repaired source.
struct TxtStorage {
  std::string content;
  std::string source;
};

}  // namespace

void ParseTxtDocument(std::string content, uint32_t file, const std::string& id, const std::string& source,
                      ParsedItem* out, RecordArena* arena) {
  out->has_record = false;
  out->issues.clear();
  if (content.size() >= 3 && content.compare(0, 3, "\xEF\xBB\xBF") == 0) content.erase(0, 3);
  Record& record = out->record;
  record = Record();
  auto storage = std::make_shared<TxtStorage>();
  storage->content = std::move(content);
  record.replacements = static_cast<uint32_t>(RepairUtf8InPlace(&storage->content, 0));
  storage->source = RepairedCopy(source);
  record.text = storage->content;
  record.source = storage->source;
  if (arena != nullptr) {
    char* at = arena->Reserve(record.text.size() + record.source.size());
    std::memcpy(at, record.text.data(), record.text.size());
    std::memcpy(at + record.text.size(), record.source.data(), record.source.size());
    arena->Commit(record.text.size() + record.source.size());
    record.text = std::string_view(at, record.text.size());
    record.source = std::string_view(at + record.text.size(), record.source.size());
  }
  record.file = file;
  record.line = 1;
  record.from_txt = true;
  record.id = StringId(RepairedCopy(id));
  record.title = FirstNonEmptyLine(record.text);
  record.code_points = static_cast<uint32_t>(CountCodePoints(record.text));
  if (arena != nullptr) {
    record.storage = arena->owner();
  } else {
    record.storage = std::move(storage);
  }
  out->has_record = true;
}

std::string UrlHost(std::string_view url) {
  url = TrimSpace(url);
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {};
  std::string_view authority = url.substr(scheme_end + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  const size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string_view host;
  if (!authority.empty() && authority.front() == '[') {
    host = authority.substr(
        0, authority.find(']') == std::string_view::npos ? authority.size() : authority.find(']') + 1);
  } else {
    host = authority.substr(0, authority.find(':'));
  }
  std::string lower(host);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (lower.compare(0, 4, "www.") == 0) lower.erase(0, 4);
  return lower;
}

RecordId StringId(const std::string& s) {
  RecordId id;
  AppendJsonString(s, &id.json);
  id.key = "s" + s;
  return id;
}

RecordId GeneratedId(const std::string& file, uint64_t line) {
  return StringId(RepairedCopy(file) + ":" + std::to_string(line));
}

}  // namespace neardup
