// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "pipeline/io/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace neardup {
namespace {

constexpr size_t kCompressedBufferBytes = 256 << 10;

Status ErrnoStatus(const std::string& path, const char* what, int err) {
  return Status::IOError(path + ": " + what + ": " + std::strerror(err));
}

// A file descriptor plus the bytes already taken from it to detect the compression, which are
// served again before the rest of the file.
class RawInput {
 public:
  RawInput(std::string path, int fd, bool owned) : path_(std::move(path)), fd_(fd), owned_(owned) {}
  RawInput(const RawInput&) = delete;
  RawInput& operator=(const RawInput&) = delete;
  ~RawInput() {
    if (owned_) close(fd_);
  }

  // Reads from the file itself until `n` bytes or the end; used once, for the magic bytes.
  Status ReadHead(size_t n) {
    head_.resize(n);
    size_t got = 0;
    while (got < n) {
      size_t part = 0;
      NEARDUP_RETURN_IF_ERROR(ReadFd(head_.data() + got, n - got, &part));
      if (part == 0) break;
      got += part;
    }
    head_.resize(got);
    return Status::OK();
  }

  Status Read(char* buf, size_t capacity, size_t* size) {
    if (head_pos_ < head_.size()) {
      const size_t n = std::min(capacity, head_.size() - head_pos_);
      std::memcpy(buf, head_.data() + head_pos_, n);
      head_pos_ += n;
      *size = n;
      return Status::OK();
    }
    return ReadFd(buf, capacity, size);
  }

  const std::string& head() const { return head_; }
  const std::string& path() const { return path_; }

 private:
  Status ReadFd(char* buf, size_t capacity, size_t* size) {
    while (true) {
      const ssize_t n = read(fd_, buf, capacity);
      if (n >= 0) {
        *size = static_cast<size_t>(n);
        return Status::OK();
      }
      if (errno != EINTR) return ErrnoStatus(path_, "read failed", errno);
    }
  }

  std::string path_;
  int fd_;
  bool owned_;
  std::string head_;
  size_t head_pos_ = 0;
};

class PlainSource : public ByteSource {
 public:
  explicit PlainSource(std::unique_ptr<RawInput> raw) : raw_(std::move(raw)) {}
  Status Read(char* buf, size_t capacity, size_t* size) override { return raw_->Read(buf, capacity, size); }
  Compression compression() const override { return Compression::kNone; }

 private:
  std::unique_ptr<RawInput> raw_;
};

// Shared input buffering of the decompressing sources.
class CompressedInput {
 public:
  explicit CompressedInput(std::unique_ptr<RawInput> raw)
      : raw_(std::move(raw)), buf_(kCompressedBufferBytes) {}

  // Makes input available when none is left and the file is not over.
  Status Refill() {
    if (pos_ < size_ || eof_) return Status::OK();
    size_t n = 0;
    NEARDUP_RETURN_IF_ERROR(raw_->Read(buf_.data(), buf_.size(), &n));
    pos_ = 0;
    size_ = n;
    if (n == 0) eof_ = true;
    return Status::OK();
  }

  const char* data() const { return buf_.data() + pos_; }
  size_t available() const { return size_ - pos_; }
  void Consume(size_t n) { pos_ += n; }
  bool exhausted() const { return eof_ && pos_ == size_; }

 private:
  std::unique_ptr<RawInput> raw_;
  std::vector<char> buf_;
  size_t pos_ = 0;
  size_t size_ = 0;
  bool eof_ = false;
};

class GzipSource : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<RawInput> raw) : path_(raw->path()), in_(std::move(raw)) {}
  ~GzipSource() override {
    if (initialized_) inflateEnd(&zs_);
  }

  Status Init() {
    std::memset(&zs_, 0, sizeof(zs_));
    // 15 + 32: largest window, and a gzip (or zlib) header is detected and checked automatically.
    if (inflateInit2(&zs_, 15 + 32) != Z_OK) return Status::IOError(path_ + ": cannot initialize zlib");
    initialized_ = true;
    return Status::OK();
  }

  Status Read(char* buf, size_t capacity, size_t* size) override {
    *size = 0;
    while (*size == 0 && !done_) {
      NEARDUP_RETURN_IF_ERROR(in_.Refill());
      if (member_done_) {
        NEARDUP_RETURN_IF_ERROR(StartNextMember());
        continue;
      }
      // Called even with no input left: inflate may still hold output that did not fit last time.
      zs_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in_.data()));
      zs_.avail_in = static_cast<uInt>(std::min<size_t>(in_.available(), 1u << 30));
      zs_.next_out = reinterpret_cast<Bytef*>(buf);
      zs_.avail_out = static_cast<uInt>(std::min<size_t>(capacity, 1u << 30));
      const uInt avail_in = zs_.avail_in;
      const uInt avail_out = zs_.avail_out;
      const int ret = inflate(&zs_, Z_NO_FLUSH);
      in_.Consume(avail_in - zs_.avail_in);
      *size = avail_out - zs_.avail_out;
      if (ret == Z_STREAM_END) {
        member_done_ = true;
      } else if (ret == Z_MEM_ERROR) {
        return Status::IOError(path_ + ": out of memory in zlib");
      } else if (ret == Z_BUF_ERROR) {
        // No progress possible: the member needs input the file does not have.
        if (*size == 0 && avail_in == zs_.avail_in) {
          Damage(in_.exhausted() ? "truncated gzip stream" : "corrupt gzip stream");
        }
      } else if (ret != Z_OK) {
        Damage(std::string("corrupt gzip stream: ") + (zs_.msg != nullptr ? zs_.msg : "inflate failed"));
      }
    }
    return Status::OK();
  }

  Compression compression() const override { return Compression::kGzip; }

 private:
  void Damage(std::string what) {
    damage_ = std::move(what);
    done_ = true;
  }

  // After a member's trailer: the end of the file, another member, or zero padding (which gzip(1)
  // ignores too). Anything else is damage.
  Status StartNextMember() {
    if (in_.exhausted()) {
      done_ = true;
      return Status::OK();
    }
    if (in_.data()[0] == '\0') {
      while (!in_.exhausted()) {
        const char* p = in_.data();
        const size_t n = in_.available();
        size_t zeros = 0;
        while (zeros < n && p[zeros] == '\0') ++zeros;
        in_.Consume(zeros);
        if (zeros < n) {
          Damage("trailing garbage after gzip data");
          return Status::OK();
        }
        NEARDUP_RETURN_IF_ERROR(in_.Refill());
      }
      done_ = true;
      return Status::OK();
    }
    if (inflateReset(&zs_) != Z_OK) return Status::IOError(path_ + ": cannot reset zlib");
    member_done_ = false;
    return Status::OK();
  }

  std::string path_;
  CompressedInput in_;
  z_stream zs_;
  bool initialized_ = false;
  bool member_done_ = false;
  bool done_ = false;
};

class ZstdSource : public ByteSource {
 public:
  explicit ZstdSource(std::unique_ptr<RawInput> raw) : path_(raw->path()), in_(std::move(raw)) {}
  ~ZstdSource() override { ZSTD_freeDCtx(dctx_); }

  Status Init() {
    dctx_ = ZSTD_createDCtx();
    if (dctx_ == nullptr) return Status::IOError(path_ + ": cannot initialize zstd");
    return Status::OK();
  }

  Status Read(char* buf, size_t capacity, size_t* size) override {
    *size = 0;
    while (*size == 0 && !done_) {
      NEARDUP_RETURN_IF_ERROR(in_.Refill());
      if (in_.exhausted() && frame_complete_) {
        done_ = true;
        break;
      }
      // Called even with no input left: the decoder may still hold output that did not fit.
      ZSTD_inBuffer in{in_.data(), in_.available(), 0};
      ZSTD_outBuffer out{buf, capacity, 0};
      const size_t ret = ZSTD_decompressStream(dctx_, &out, &in);
      in_.Consume(in.pos);
      *size = out.pos;
      if (ZSTD_isError(ret)) {
        Damage(std::string("corrupt zstd stream: ") + ZSTD_getErrorName(ret));
        break;
      }
      // 0: a frame just ended and is fully flushed; another frame may follow.
      frame_complete_ = ret == 0;
      if (*size == 0 && in.pos == 0 && in_.exhausted() && !frame_complete_) Damage("truncated zstd stream");
    }
    return Status::OK();
  }

  Compression compression() const override { return Compression::kZstd; }

 private:
  void Damage(std::string what) {
    damage_ = std::move(what);
    done_ = true;
  }

  std::string path_;
  CompressedInput in_;
  ZSTD_DCtx* dctx_ = nullptr;
  bool frame_complete_ = true;
  bool done_ = false;
};

}  // namespace

Compression DetectCompression(const std::string& head) {
  const auto* b = reinterpret_cast<const unsigned char*>(head.data());
  if (head.size() >= 2 && b[0] == 0x1F && b[1] == 0x8B) return Compression::kGzip;
  if (head.size() >= 4 && b[1] == 0xB5 && b[2] == 0x2F && b[3] == 0xFD && b[0] == 0x28) {
    return Compression::kZstd;
  }
  // A zstd skippable frame (magic 0x184D2A50..5F, little endian) may precede the first real frame.
  if (head.size() >= 4 && (b[0] & 0xF0) == 0x50 && b[1] == 0x2A && b[2] == 0x4D && b[3] == 0x18) {
    return Compression::kZstd;
  }
  return Compression::kNone;
}

Status OpenByteSource(const std::string& path, std::unique_ptr<ByteSource>* source) {
  std::unique_ptr<RawInput> raw;
  if (path == "-") {
    raw = std::make_unique<RawInput>(path, STDIN_FILENO, false);
  } else {
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return ErrnoStatus(path, "cannot open", errno);
    raw = std::make_unique<RawInput>(path, fd, true);
  }
  NEARDUP_RETURN_IF_ERROR(raw->ReadHead(4));
  switch (DetectCompression(raw->head())) {
    case Compression::kGzip: {
      auto gz = std::make_unique<GzipSource>(std::move(raw));
      NEARDUP_RETURN_IF_ERROR(gz->Init());
      *source = std::move(gz);
      break;
    }
    case Compression::kZstd: {
      auto zs = std::make_unique<ZstdSource>(std::move(raw));
      NEARDUP_RETURN_IF_ERROR(zs->Init());
      *source = std::move(zs);
      break;
    }
    case Compression::kNone:
      *source = std::make_unique<PlainSource>(std::move(raw));
      break;
  }
  return Status::OK();
}

Status ReadWholeFile(const std::string& path, std::string* out) {
  out->clear();
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus(path, "cannot open", errno);
  struct stat st;
  size_t expected = 0;
  if (fstat(fd, &st) == 0 && st.st_size > 0) expected = static_cast<size_t>(st.st_size);
  // Read straight into the string; the size from fstat is a hint only (the file may change).
  out->resize(expected + 1);
  size_t size = 0;
  Status status;
  while (true) {
    if (size == out->size()) out->resize(out->size() * 2 + (64 << 10));
    const ssize_t n = read(fd, out->data() + size, out->size() - size);
    if (n > 0) {
      size += static_cast<size_t>(n);
    } else if (n == 0) {
      break;
    } else if (errno != EINTR) {
      status = ErrnoStatus(path, "read failed", errno);
      break;
    }
  }
  out->resize(size);
  close(fd);
  return status;
}

}  // namespace neardup
