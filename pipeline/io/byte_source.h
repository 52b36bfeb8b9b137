// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Streaming access to the bytes of one input file, decompressed on the fly. The compression is taken
// from the file's first bytes, never from its name: gzip (1f 8b), zstd (28 b5 2f fd, or a skippable
// frame), else plain. Concatenated gzip members and zstd frames read as one stream. gzip is inflated
// with ISA-L where it was found at build time, else with zlib: the same bytes, and the same messages
// except which problem a corrupt stream is reported as. Memory use is a fixed input buffer per source
// whatever the file size.

#ifndef NEARDUP_PIPELINE_IO_BYTE_SOURCE_H_
#define NEARDUP_PIPELINE_IO_BYTE_SOURCE_H_

#include <cstddef>
#include <memory>
#include <string>

#include "neardup/status.h"

namespace neardup {

enum class Compression { kNone, kGzip, kZstd };

// The library gzip streams are read with: "isa-l" (igzip) when neardup was built with it, else "zlib".
// NEARDUP_FORCE_GZIP=zlib in the environment selects zlib for the sources opened afterwards.
const char* GzipLibrary();

// Returns the compression announced by the first bytes of a file (`head` may be shorter than 4).
Compression DetectCompression(const std::string& head);

// One open input. Not thread-safe; used by the single reading thread.
class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Reads up to `capacity` (> 0) bytes of the decompressed stream into `buf`. *size == 0 means the
  // stream is over, cleanly or not (see damage()). A non-OK Status means the file could not be read
  // (IOError naming it); the source is then unusable.
  virtual Status Read(char* buf, size_t capacity, size_t* size) = 0;

  // Valid once Read() reported the end: empty when the stream ended cleanly, else what is wrong
  // ("truncated gzip stream", "corrupt zstd stream: ..."). Every byte delivered before is good.
  const std::string& damage() const { return damage_; }

  virtual Compression compression() const = 0;

 protected:
  std::string damage_;
};

// Opens `path` ("-" is standard input) and detects its compression. IOError naming the path when it
// cannot be opened or read.
Status OpenByteSource(const std::string& path, std::unique_ptr<ByteSource>* source);

// Reads the whole file at `path` as it is on disk (no decompression) into *out.
Status ReadWholeFile(const std::string& path, std::string* out);

}  // namespace neardup

#endif  // NEARDUP_PIPELINE_IO_BYTE_SOURCE_H_
