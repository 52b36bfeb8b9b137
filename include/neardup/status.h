// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Status and Result<T>: how errors travel across the public API. No function of the public API
// throws; each returns a Status (or a Result<T>) whose ToString() names the file, the line and
// the problem when they are known.

#ifndef NEARDUP_STATUS_H_
#define NEARDUP_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace neardup {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // a usage error: bad option value, bad rule, bad field path
    kIOError,          // a file could not be opened, read, written or renamed
    kCorruption,       // an input is damaged beyond a single record (truncated stream)
    kBadRecord,        // one record is bad; with --on-error=fail this stops the run
  };

  Status() = default;  // OK

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string msg) { return Status(Code::kInvalidArgument, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status BadRecord(std::string msg) { return Status(Code::kBadRecord, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "OK", or "<kind>: <message>" e.g. "IO error: data/a.jsonl.gz: truncated gzip stream".
  std::string ToString() const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design; must not be OK

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace neardup

#define NEARDUP_RETURN_IF_ERROR(expr)          \
  do {                                         \
    ::neardup::Status _nd_status = (expr);     \
    if (!_nd_status.ok()) return _nd_status;   \
  } while (0)

#endif  // NEARDUP_STATUS_H_
