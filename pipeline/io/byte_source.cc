// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "pipeline/io/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#if NEARDUP_HAVE_ISAL
#include <isa-l/igzip_lib.h>
#endif

#include <algorithm>
#include <cerrno>
#include <cstdlib>
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

#if NEARDUP_HAVE_ISAL
// gzip through ISA-L's igzip, several times faster than zlib's inflate. Same stream rules as GzipSource:
// members read one after another, zero padding after the last ignored, anything else after a member
// is damage, and a member the file ends inside is a truncated stream.
class IsalGzipSource : public ByteSource {
 public:
  explicit IsalGzipSource(std::unique_ptr<RawInput> raw)
      : path_(raw->path()), in_(std::move(raw)), state_(std::make_unique<inflate_state>()) {
    isal_inflate_init(state_.get());
    state_->crc_flag = ISAL_GZIP;  // parse the gzip header, check the trailer's CRC and length
  }

  Status Read(char* buf, size_t capacity, size_t* size) override {
    *size = 0;
    while (*size == 0 && !done_) {
      NEARDUP_RETURN_IF_ERROR(in_.Refill());
      if (member_done_) {
        NEARDUP_RETURN_IF_ERROR(StartNextMember());
        continue;
      }
      // Called even with no input left: igzip may still hold output that did not fit last time.
      state_->next_in = reinterpret_cast<uint8_t*>(const_cast<char*>(in_.data()));
      state_->avail_in = static_cast<uint32_t>(std::min<size_t>(in_.available(), 1u << 30));
      state_->next_out = reinterpret_cast<uint8_t*>(buf);
      state_->avail_out = static_cast<uint32_t>(std::min<size_t>(capacity, 1u << 30));
      const uint32_t avail_in = state_->avail_in;
      const uint32_t avail_out = state_->avail_out;
      const int ret = isal_inflate(state_.get());
      in_.Consume(avail_in - state_->avail_in);
      *size = avail_out - state_->avail_out;
      if (ret != ISAL_DECOMP_OK) {
        Damage(std::string("corrupt gzip stream: ") + ErrorMessage(ret));
      } else if (state_->block_state == ISAL_BLOCK_FINISH) {
        member_done_ = true;
      } else if (*size == 0 && avail_in == state_->avail_in && in_.exhausted()) {
        // No progress possible: the member needs input the file does not have.
        Damage("truncated gzip stream");
      }
    }
    return Status::OK();
  }

  Compression compression() const override { return Compression::kGzip; }

 private:
  // zlib's words for the same problems, so that messages do not depend on the library.
  static const char* ErrorMessage(int ret) {
    switch (ret) {
      case ISAL_INVALID_BLOCK:
        return "invalid block type";
      case ISAL_INVALID_SYMBOL:
        return "invalid code";
      case ISAL_INVALID_LOOKBACK:
        return "invalid distance too far back";
      case ISAL_INVALID_WRAPPER:
        return "incorrect header check";
      case ISAL_UNSUPPORTED_METHOD:
        return "unknown compression method";
      case ISAL_INCORRECT_CHECKSUM:
        return "incorrect data check";
      case ISAL_NEED_DICT:
        return "need dictionary";
      default:
        return "inflate failed";
    }
  }

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
    if (static_cast<unsigned char>(in_.data()[0]) != 0x1F) {
      // What zlib says of a member that does not start like gzip (igzip would wait for 10 bytes).
      Damage("corrupt gzip stream: incorrect header check");
      return Status::OK();
    }
    isal_inflate_reset(state_.get());  // keeps crc_flag
    member_done_ = false;
    return Status::OK();
  }

  std::string path_;
  CompressedInput in_;
  std::unique_ptr<inflate_state> state_;
  bool member_done_ = false;
  bool done_ = false;
};
#endif  // NEARDUP_HAVE_ISAL

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

// NEARDUP_FORCE_GZIP=zlib: read gzip with zlib even where ISA-L is built in (tests and benchmarks
// compare the two).
bool ForcedZlib() {
  const char* forced = std::getenv("NEARDUP_FORCE_GZIP");
  return forced != nullptr && std::strcmp(forced, "zlib") == 0;
}

}  // namespace

const char* GzipLibrary() {
#if NEARDUP_HAVE_ISAL
  if (!ForcedZlib()) return "isa-l";
#endif
  return "zlib";
}

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
#if NEARDUP_HAVE_ISAL
      if (!ForcedZlib()) {
        *source = std::make_unique<IsalGzipSource>(std::move(raw));
        break;
      }
#endif
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
