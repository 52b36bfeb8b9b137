// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// ReadCorpus is a three-stage oneTBB pipeline: one thread reads the inputs straight into recycled
// batch buffers of about batch_bytes (whole .txt files on the side) and finds the lines, batches are
// parsed in parallel (and within a batch, records in parallel, each line where it lies in the buffer,
// into the parsing thread's record arena), and the last stage, serial and in input order, renames
// repeated ids and calls the callbacks. Every record is parsed on its own, so batch boundaries and
// thread counts cannot change what is delivered (only which arena block holds a record's bytes).

#include "pipeline/io/reader.h"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>
#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pipeline/io/byte_source.h"
#include "pipeline/io/memory.h"
#include "pipeline/io/record_parser.h"

namespace neardup {
namespace {

namespace fs = std::filesystem;

// The smallest read into a batch buffer, so that tiny --batch-bytes do not mean tiny reads.
constexpr size_t kMinReadBytes = 64 << 10;

// Batch buffers kept for reuse: about as many as batches in flight.
constexpr size_t kKeptBatchBuffers = 10;

struct InputFile {
  std::string path;        ///< the Record::file of its records
  bool txt = false;        ///< one document, not JSONL
  std::string txt_id;      ///< txt: the document id
  std::string txt_source;  ///< txt: the folder
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool IsJsonlName(std::string_view name) {
  return EndsWith(name, ".jsonl") || EndsWith(name, ".jsonl.gz") || EndsWith(name, ".jsonl.zst");
}

Status ListDirectory(const std::string& dir, std::vector<InputFile>* files) {
  // Entries are named dir / relative, so the relative path is what follows this prefix.
  const std::string prefix = EndsWith(dir, "/") ? dir : dir + "/";
  std::vector<std::pair<std::string, bool>> found;  // relative path, is .txt
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec);
  const fs::recursive_directory_iterator end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) continue;  // directories, sockets, broken links
    const std::string path = it->path().string();
    const std::string name = it->path().filename().string();
    const bool txt = EndsWith(name, ".txt");
    if (!txt && !IsJsonlName(name)) continue;
    std::string relative = path.compare(0, prefix.size(), prefix) == 0
                               ? path.substr(prefix.size())
                               : it->path().lexically_relative(dir).generic_string();
    found.emplace_back(std::move(relative), txt);
  }
  if (ec) return Status::IOError(dir + ": cannot list directory: " + ec.message());
  // Byte order of the whole relative path (std::string compares as unsigned char), not a per-folder walk.
  std::sort(found.begin(), found.end());

  std::string dir_source = dir;
  while (dir_source.size() > 1 && dir_source.back() == '/') dir_source.pop_back();
  for (auto& [relative, txt] : found) {
    InputFile file;
    file.path = prefix + relative;
    file.txt = txt;
    if (txt) {
      file.txt_id = relative.substr(0, relative.size() - 4);
      const size_t slash = relative.rfind('/');
      file.txt_source = slash == std::string::npos ? dir_source : relative.substr(0, slash);
    }
    files->push_back(std::move(file));
  }
  return Status::OK();
}

Status ExpandInputs(const std::vector<std::string>& inputs, std::vector<InputFile>* files) {
  files->clear();
  for (const std::string& input : inputs) {
    if (input == "-") {
      InputFile file;
      file.path = input;
      files->push_back(std::move(file));
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
      return Status::IOError(input + ": " + (ec ? ec.message() : std::string("no such file or directory")));
    }
    if (fs::is_directory(status)) {
      NEARDUP_RETURN_IF_ERROR(ListDirectory(input, files));
      continue;
    }
    InputFile file;
    file.path = input;
    if (EndsWith(input, ".txt")) {
      // A .txt file named on the command line is one document, as it would be inside a folder.
      file.txt = true;
      file.txt_id = input.substr(0, input.size() - 4);
      const size_t slash = input.rfind('/');
      file.txt_source = slash == std::string::npos ? std::string() : input.substr(0, slash);
    }
    files->push_back(std::move(file));
  }
  return Status::OK();
}

// One unit of reading: a JSONL line, a whole .txt file, or the damage at the end of a stream.
struct Item {
  enum class Kind : uint8_t { kLine, kTxt, kTruncated };
  Kind kind = Kind::kLine;
  uint32_t file = 0;  ///< index into the InputFile list
  uint64_t line = 0;
  size_t offset = 0;  ///< kLine: the line is [offset, offset + size) of the batch buffer
  size_t size = 0;
  std::string owned;  ///< kTxt: the file; kTruncated: what is wrong with the stream
};

// A batch owns the buffer its lines were read into, handed back to the pool when the batch is done.
struct Batch {
  explicit Batch(BlockPool* pool) : pool(pool) {}
  ~Batch() { pool->Put(std::move(buffer)); }
  Batch(const Batch&) = delete;
  Batch& operator=(const Batch&) = delete;

  BlockPool* const pool;
  std::unique_ptr<ByteBlock> buffer;  ///< capacity: `usable` + SIMDJSON_PADDING
  size_t usable = 0;
  std::vector<Item> items;
  std::vector<ParsedItem> parsed;  ///< parallel to items, filled by the parse stage
  std::vector<uint64_t> key_hashes;  ///< parallel to items: KeyHash of each record's id key
};

// The serial first stage: reads the inputs straight into batch buffers and splits them into lines. A
// line cut by the end of a buffer is carried to the next batch; a line longer than a buffer grows it.
class BatchReader {
 public:
  BatchReader(const std::vector<InputFile>& files, size_t batch_bytes, ReadStats* stats)
      : files_(files), batch_bytes_(std::max<size_t>(batch_bytes, 1)), stats_(stats), pool_(kKeptBatchBuffers) {}

  BlockPool* pool() { return &pool_; }

  // Fills *batch; false when there is nothing more to read. A fatal error ends reading after the
  // batch holding the items read before it; status() reports it.
  bool Next(Batch* batch) {
    // A batch of blank lines only has no items; keep reading rather than end the pipeline.
    while (!done_ && batch->items.empty()) {
      const Status status = Fill(batch);
      if (!status.ok()) {
        status_ = status;
        done_ = true;
      }
    }
    return !batch->items.empty();
  }

  const Status& status() const { return status_; }

 private:
  Status Fill(Batch* batch) {
    if (batch->buffer == nullptr) {
      batch->usable = std::max({batch_bytes_, kMinReadBytes, 2 * carry_.size()});
      batch->buffer = pool_.Get(batch->usable + simdjson::SIMDJSON_PADDING);
      batch->usable = batch->buffer->capacity() - simdjson::SIMDJSON_PADDING;
    }
    char* buf = batch->buffer->data();
    size_t size = carry_.size();  // bytes in the buffer
    std::memcpy(buf, carry_.data(), carry_.size());
    carry_.clear();
    size_t line_start = 0;  // start of the first line not yet added
    size_t scan = size;     // where to look for the next '\n' (the carried bytes hold none)
    size_t txt_bytes = 0;
    while (true) {
      if (source_ == nullptr) {
        if (next_file_ == files_.size()) {
          done_ = true;
          break;
        }
        NEARDUP_RETURN_IF_ERROR(OpenNext(batch, &txt_bytes));
        if (size + txt_bytes >= batch_bytes_) break;
        continue;
      }
      while (const auto* newline = static_cast<const char*>(std::memchr(buf + scan, '\n', size - scan))) {
        const size_t end = static_cast<size_t>(newline - buf);
        ++line_;
        AddLine(buf, line_start, end - line_start, batch);
        line_start = scan = end + 1;
      }
      scan = size;
      if (size + txt_bytes >= batch_bytes_ && line_start > 0) break;
      if (size == batch->usable) {
        if (line_start > 0) break;  // the rest of the cut line goes to the next batch
        Grow(batch, size);
        buf = batch->buffer->data();
      }
      size_t n = 0;
      const size_t want = std::min(batch->usable - size, std::max(batch_bytes_ - std::min(batch_bytes_, size), kMinReadBytes));
      NEARDUP_RETURN_IF_ERROR(source_->Read(buf + size, want, &n));
      stats_->bytes += n;
      if (n > 0) {
        size += n;
        continue;
      }
      if (!source_->damage().empty()) {
        // The partial line before the damage is not a record: its end is unknown.
        Item item;
        item.kind = Item::Kind::kTruncated;
        item.file = current_;
        item.line = line_ + 1;
        item.owned = source_->damage();
        batch->items.push_back(std::move(item));
      } else if (line_start < size) {
        ++line_;  // a last line without '\n'
        AddLine(buf, line_start, size - line_start, batch);
      }
      line_start = scan = size;
      source_.reset();
    }
    carry_.assign(buf + line_start, size - line_start);
    return Status::OK();
  }

  // Doubles the batch buffer, keeping its bytes (and so the offsets of the lines already added).
  void Grow(Batch* batch, size_t size) {
    auto bigger = std::make_unique<ByteBlock>(2 * batch->usable + simdjson::SIMDJSON_PADDING);
    std::memcpy(bigger->data(), batch->buffer->data(), size);
    pool_.Put(std::move(batch->buffer));
    batch->buffer = std::move(bigger);
    batch->usable = batch->buffer->capacity() - simdjson::SIMDJSON_PADDING;
  }

  Status OpenNext(Batch* batch, size_t* txt_bytes) {
    current_ = static_cast<uint32_t>(next_file_++);
    const InputFile& file = files_[current_];
    ++stats_->files;
    if (file.txt) {
      Item item;
      item.kind = Item::Kind::kTxt;
      item.file = current_;
      item.line = 1;
      NEARDUP_RETURN_IF_ERROR(ReadWholeFile(file.path, &item.owned));
      stats_->bytes += item.owned.size();
      *txt_bytes += item.owned.size() + 1;
      batch->items.push_back(std::move(item));
      return Status::OK();
    }
    NEARDUP_RETURN_IF_ERROR(OpenByteSource(file.path, &source_));
    line_ = 0;
    return Status::OK();
  }

  // Adds the line [start, start + length) of the buffer, unless it is blank.
  void AddLine(const char* buf, size_t start, size_t length, Batch* batch) {
    if (length > 0 && buf[start + length - 1] == '\r') --length;
    if (line_ == 1 && length >= 3 && std::memcmp(buf + start, "\xEF\xBB\xBF", 3) == 0) {  // a BOM
      start += 3;
      length -= 3;
    }
    size_t i = 0;
    while (i < length && (buf[start + i] == ' ' || buf[start + i] == '\t' || buf[start + i] == '\r')) ++i;
    if (i == length) return;  // blank line
    Item item;
    item.kind = Item::Kind::kLine;
    item.file = current_;
    item.line = line_;
    item.offset = start;
    item.size = length;
    batch->items.push_back(std::move(item));
  }

  const std::vector<InputFile>& files_;
  const size_t batch_bytes_;
  ReadStats* const stats_;
  BlockPool pool_;
  Status status_;
  bool done_ = false;
  size_t next_file_ = 0;
  uint32_t current_ = 0;
  std::unique_ptr<ByteSource> source_;
  uint64_t line_ = 0;  ///< lines of the current stream so far
  std::string carry_;  ///< the start of a line cut by the end of the last batch
};

// The hash of an id key, which the parse stage computes in parallel so that the serial stage does not.
uint64_t KeyHash(std::string_view key) { return std::hash<std::string_view>()(key); }

// Gives repeated ids their "#2", "#3"… names. Serial: it sees records in input order. Every record's
// key is looked up, and almost all are new: the keys are held in one flat open-addressing table of
// (hash, entry) with their bytes appended to one buffer, so that a record costs one probe of the table
// and no allocation (a map of strings cost a node, a string and the misses of a chain per record, in
// the serial stage that bounds reading at two threads).
class RepeatTracker {
 public:
  explicit RepeatTracker(const std::vector<InputFile>& files) : files_(files), slots_(kInitialSlots) {}

  // `hash` is KeyHash(record->id.key).
  void Resolve(Record* record, uint64_t hash, uint32_t file, std::vector<RecordIssue>* issues) {
    const Owner* first = Insert(record->id.key, hash, Owner{file, record->line});
    if (first == nullptr) return;
    const Owner owner = *first;
    // Suffixes below the remembered one were all taken when last probed, and keys are never
    // released, so probing resumes there: n copies of an id cost O(n), not O(n^2).
    uint32_t& suffix = next_suffix_[record->id.key];
    if (suffix < 2) suffix = 2;
    const std::string base = record->id.key.substr(1);
    std::string candidate, key;
    while (true) {
      candidate = base + "#" + std::to_string(suffix++);
      key = "s" + candidate;
      if (Insert(key, KeyHash(key), Owner{file, record->line}) == nullptr) break;
    }
    RecordId renamed = StringId(candidate);
    RecordIssue issue;
    issue.file = files_[file].path;
    issue.line = record->line;
    issue.kind = "repeated_id";
    issue.message = issue.file + ":" + std::to_string(record->line) + ": repeated id " + record->id.json +
                    " (first at " + files_[owner.file].path + ":" + std::to_string(owner.line) +
                    "); renamed to " + renamed.json;
    issue.skipped = false;
    issues->push_back(std::move(issue));
    record->id = std::move(renamed);
  }

 private:
  struct Owner {
    uint32_t file;
    uint64_t line;
  };
  struct Entry {
    size_t offset;  ///< the key is keys_[offset, offset + size)
    size_t size;
    Owner owner;
  };
  struct Slot {
    uint64_t hash = 0;
    uint32_t entry = kEmpty;
  };
  static constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();
  static constexpr size_t kInitialSlots = size_t{1} << 16;

  // Adds `key` held by `owner` and returns null, or returns the owner of `key` when it is taken.
  const Owner* Insert(std::string_view key, uint64_t hash, Owner owner) {
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.entry == kEmpty) {
        slot.hash = hash;
        slot.entry = static_cast<uint32_t>(entries_.size());
        entries_.push_back(Entry{keys_.size(), key.size(), owner});
        keys_.append(key);
        if (2 * entries_.size() > slots_.size()) Grow();
        return nullptr;
      }
      if (slot.hash == hash) {
        const Entry& e = entries_[slot.entry];
        if (std::string_view(keys_).substr(e.offset, e.size) == key) return &e.owner;
      }
    }
  }

  // Doubles the table (at most half full), placing the entries again by their hashes.
  void Grow() {
    std::vector<Slot> old(2 * slots_.size());
    old.swap(slots_);
    const size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.entry == kEmpty) continue;
      size_t i = slot.hash & mask;
      while (slots_[i].entry != kEmpty) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  const std::vector<InputFile>& files_;
  std::vector<Slot> slots_;                                ///< a power of two of them
  std::vector<Entry> entries_;                             ///< in the order the keys were taken
  std::string keys_;                                       ///< the keys' bytes
  std::unordered_map<std::string, uint32_t> next_suffix_;  ///< key → next suffix to try
};

RecordIssue TruncationIssue(const std::string& file, uint64_t line, const std::string& what) {
  RecordIssue issue;
  issue.file = file;
  issue.line = line;
  issue.kind = "truncated_input";
  issue.message = file + ":" + std::to_string(line) + ": truncated input: " + what +
                  "; nothing from this line on could be read";
  issue.skipped = true;
  return issue;
}

size_t StringHeapBytes(const std::string& s) {
  return s.capacity() > std::string().capacity() ? s.capacity() + 1 : 0;
}

}  // namespace

void Record::AppendTextToken(std::string* out) const {
  switch (text_escaping) {
    case JsonEscaping::kMinimal:
      AppendJsonString(text, out);
      break;
    case JsonEscaping::kAscii:
      AppendJsonStringAscii(text, out);
      break;
    case JsonEscaping::kOther:
      out->append(text_token);
      break;
  }
}

void Record::AppendLine(std::string* out) const {
  out->append(json_head);
  AppendTextToken(out);
  out->append(json_tail);
}

void Record::AppendLineWithText(std::string_view new_text, std::string* out) const {
  out->append(json_head);
  AppendJsonString(new_text, out);
  out->append(json_tail);
}

size_t Record::HeapBytes() const { return StringHeapBytes(id.json) + StringHeapBytes(id.key); }

Status ListInputFiles(const std::vector<std::string>& inputs, std::vector<std::string>* files) {
  std::vector<InputFile> expanded;
  NEARDUP_RETURN_IF_ERROR(ExpandInputs(inputs, &expanded));
  files->clear();
  for (InputFile& file : expanded) files->push_back(std::move(file.path));
  return Status::OK();
}

Status ReadCorpus(const InputOptions& options, const std::function<void(std::vector<Record>&)>& on_batch,
                  const std::function<void(const RecordIssue&)>& on_issue, ReadStats* stats) {
  ReadStats local_stats;
  if (stats == nullptr) stats = &local_stats;
  *stats = ReadStats();
  FieldPaths paths;
  NEARDUP_RETURN_IF_ERROR(MakeFieldPaths(options, &paths));
  std::vector<InputFile> files;
  NEARDUP_RETURN_IF_ERROR(ExpandInputs(options.inputs, &files));
  for (const InputFile& file : files) stats->file_names.push_back(file.path);
  const std::vector<std::string>& file_names = stats->file_names;

  BatchReader reader(files, options.batch_bytes, stats);
  RepeatTracker repeats(files);
  tbb::enumerable_thread_specific<std::unique_ptr<JsonlParser>> parsers(
      [&paths, &options] { return std::make_unique<JsonlParser>(paths, options.spill); });

  const size_t threads =
      std::min<size_t>(static_cast<size_t>(tbb::this_task_arena::max_concurrency()),
                       tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism));
  // A batch being read, some being parsed (each itself split across threads) and one being
  // delivered; more tokens would only hold more memory.
  const size_t tokens = 2 + std::min<size_t>(threads, 6);

  using BatchPtr = std::shared_ptr<Batch>;
  auto read = [&](tbb::flow_control& control) -> BatchPtr {
    auto batch = std::make_shared<Batch>(reader.pool());
    if (!reader.Next(batch.get())) {
      control.stop();
      return nullptr;
    }
    return batch;
  };
  auto parse = [&](BatchPtr batch) -> BatchPtr {
    batch->parsed.resize(batch->items.size());
    batch->key_hashes.resize(batch->items.size());
    tbb::parallel_for(
        tbb::blocked_range<size_t>(0, batch->items.size()), [&](const tbb::blocked_range<size_t>& r) {
          JsonlParser& parser = *parsers.local();
          for (size_t i = r.begin(); i != r.end(); ++i) {
            Item& item = batch->items[i];
            const InputFile& file = files[item.file];
            ParsedItem& out = batch->parsed[i];
            switch (item.kind) {
              case Item::Kind::kLine: {
                const char* line = batch->buffer->data() + item.offset;
                const size_t readable = batch->buffer->capacity() - item.offset;
                parser.Parse(std::string_view(line, item.size), readable, item.file, file_names, item.line, &out);
                break;
              }
              case Item::Kind::kTxt:
                ParseTxtDocument(std::move(item.owned), item.file, file.txt_id, file.txt_source, &out,
                                 options.spill != nullptr ? parser.arena() : nullptr);
                break;
              case Item::Kind::kTruncated:
                out.issues.push_back(TruncationIssue(file.path, item.line, item.owned));
                break;
            }
            if (out.has_record) batch->key_hashes[i] = KeyHash(out.record.id.key);
          }
        });
    return batch;
  };
  auto deliver = [&](BatchPtr batch) {
    std::vector<Record> records;
    records.reserve(batch->items.size());
    std::vector<RecordIssue> issues;
    for (size_t i = 0; i < batch->items.size(); ++i) {
      ParsedItem& parsed = batch->parsed[i];
      for (RecordIssue& issue : parsed.issues) issues.push_back(std::move(issue));
      if (!parsed.has_record) continue;
      repeats.Resolve(&parsed.record, batch->key_hashes[i], batch->items[i].file, &issues);
      stats->replacements += parsed.record.replacements;
      records.push_back(std::move(parsed.record));
    }
    batch.reset();  // frees the batch's buffers before the callbacks run
    if (!records.empty()) on_batch(records);
    for (const RecordIssue& issue : issues) on_issue(issue);
  };

  tbb::parallel_pipeline(tokens,
                         tbb::make_filter<void, BatchPtr>(tbb::filter_mode::serial_in_order, read) &
                             tbb::make_filter<BatchPtr, BatchPtr>(tbb::filter_mode::parallel, parse) &
                             tbb::make_filter<BatchPtr, void>(tbb::filter_mode::serial_in_order, deliver));
  return reader.status();
}

}  // namespace neardup
