// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "neardup/status.h"

namespace neardup {

std::string Status::ToString() const {
  const char* kind = "OK";
  switch (code_) {
    case Code::kOk:
      return "OK";
    case Code::kInvalidArgument:
      kind = "invalid argument";
      break;
    case Code::kIOError:
      kind = "IO error";
      break;
    case Code::kCorruption:
      kind = "corrupt input";
      break;
    case Code::kBadRecord:
      kind = "bad record";
      break;
  }
  return std::string(kind) + ": " + message_;
}

}  // namespace neardup
