// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "pipeline/output.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace neardup {
namespace {

// Writeback is started every this many bytes appended.
constexpr uint64_t kWritebackBytes = 32 << 20;

}  // namespace

const std::vector<std::string>& OutputFileNames() {
  static const std::vector<std::string> kNames = {
      "clean.jsonl",       "annotations.jsonl", "clusters.jsonl", "pairs.jsonl",
      "passages.jsonl",    "boilerplate.jsonl", "report.html",    "stats.json",
  };
  return kNames;
}

AtomicFile::~AtomicFile() {
  if (file_ != nullptr) std::fclose(file_);
  if (file_ != nullptr || finished_) std::remove(tmp_path_.c_str());
}

Status AtomicFile::Open(const std::string& dir, const std::string& name) {
  final_path_ = dir + "/" + name;
  tmp_path_ = dir + "/." + name + ".tmp." + std::to_string(::getpid());
  file_ = std::fopen(tmp_path_.c_str(), "wb");
  if (file_ == nullptr) {
    return Status::IOError(tmp_path_ + ": cannot create: " + std::strerror(errno));
  }
  std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
  return Status::OK();
}

Status AtomicFile::Append(std::string_view bytes) {
  if (bytes.empty()) return Status::OK();
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    failed_ = true;
    return Status::IOError(final_path_ + ": write failed (to " + tmp_path_ + "): " + std::strerror(errno));
  }
  appended_ += bytes.size();
  if (appended_ - written_back_ >= kWritebackBytes) StartWriteback();
  return Status::OK();
}

void AtomicFile::StartWriteback() {
  // A failure here is not an error: Commit's fflush and fsync report what went wrong.
  if (std::fflush(file_) != 0) return;
#ifdef __linux__
  sync_file_range(::fileno(file_), static_cast<off_t>(written_back_), static_cast<off_t>(appended_ - written_back_),
                  SYNC_FILE_RANGE_WRITE);
#endif
  written_back_ = appended_;
}

Status AtomicFile::Finish() {
  if (file_ == nullptr) return Status::IOError(final_path_ + ": write failed: the file is not open");
  std::FILE* f = file_;
  file_ = nullptr;
  const bool flushed = std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0;
  const int saved = errno;
  const bool closed = std::fclose(f) == 0;
  if (failed_ || !flushed || !closed) {
    std::remove(tmp_path_.c_str());
    return Status::IOError(final_path_ + ": write failed: " + std::strerror(saved));
  }
  finished_ = true;
  return Status::OK();
}

Status AtomicFile::Commit() {
  if (!finished_) NEARDUP_RETURN_IF_ERROR(Finish());
  finished_ = false;  // from here the temporary name is renamed or removed: the destructor has nothing to do
  if (std::rename(tmp_path_.c_str(), final_path_.c_str()) != 0) {
    const int err = errno;
    std::remove(tmp_path_.c_str());
    return Status::IOError(final_path_ + ": rename failed: " + std::strerror(err));
  }
  return Status::OK();
}

Status EnsureDirectory(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IOError(dir + ": cannot create directory: " + ec.message());
  if (!std::filesystem::is_directory(dir, ec)) return Status::IOError(dir + ": not a directory");
  return Status::OK();
}

Status RemoveIfExists(const std::string& dir, const std::string& name) {
  std::error_code ec;
  std::filesystem::remove(dir + "/" + name, ec);
  if (ec) return Status::IOError(dir + "/" + name + ": cannot remove: " + ec.message());
  return Status::OK();
}

char* PutRounded4(double x, char* out) {
  const double scaled = std::round(x * 10000.0);
  // Below 10^9 in magnitude, "%.4f" of scaled / 10^4 prints exactly the digits of the integer `scaled`
  // with a point before its last four (the double nearest k / 10^4 is far closer to it than 0.00005),
  // so they are written from the integer: snprintf was most of the write stage's formatting (a million
  // numbers per 100 MB of passages.jsonl). Elsewhere, and for NaN and infinities, snprintf still.
  if (std::fabs(scaled) < 1e13) {
    char* p = out;
    if (std::signbit(scaled)) *p++ = '-';  // "%.4f" writes -0.0 as "-0.0000"
    const auto k = static_cast<uint64_t>(std::fabs(scaled));
    p = std::to_chars(p, out + kMaxRounded4Chars, k / 10000).ptr;
    *p++ = '.';
    uint32_t frac = static_cast<uint32_t>(k % 10000);
    int digits = 4;
    while (digits > 1 && frac % 10 == 0) {  // shortest form, at least one decimal
      frac /= 10;
      --digits;
    }
    for (int i = digits - 1; i >= 0; --i, frac /= 10) p[i] = static_cast<char>('0' + frac % 10);
    return p + digits;
  }
  const double r = scaled / 10000.0;
  char buf[512];
  int len = std::snprintf(buf, sizeof(buf), "%.4f", r);
  while (len > 0 && buf[len - 1] == '0' && buf[len - 2] != '.') --len;
  std::memcpy(out, buf, static_cast<size_t>(len));
  return out + len;
}

void AppendRounded4(double x, std::string* out) {
  char buf[kMaxRounded4Chars];
  out->append(buf, static_cast<size_t>(PutRounded4(x, buf) - buf));
}

char* PutUint(uint64_t x, char* out) { return std::to_chars(out, out + kMaxUintChars, x).ptr; }

void AppendFixed3(double x, std::string* out) {
  char buf[32];
  const int len = std::snprintf(buf, sizeof(buf), "%.3f", x);
  out->append(buf, static_cast<size_t>(len));
}

void AppendUint(uint64_t x, std::string* out) {
  char buf[kMaxUintChars];
  out->append(buf, PutUint(x, buf));
}

void AppendInt(int64_t x, std::string* out) {
  char buf[24];
  const auto res = std::to_chars(buf, buf + sizeof(buf), x);
  out->append(buf, res.ptr);
}

}  // namespace neardup
