// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// AppendRounded4, the similarity format of every output, against the snprintf formatting it replaced;
// PutRounded4 and PutUint, the same formats written into a buffer, against AppendRounded4 and
// std::to_string.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "pipeline/output.h"

namespace neardup {
namespace {

// The reference: "%.4f" of x rounded to 4 decimals, trailing zeros dropped down to one decimal.
std::string Reference(double x) {
  const double r = std::round(x * 10000.0) / 10000.0;
  char buf[512];
  int len = std::snprintf(buf, sizeof(buf), "%.4f", r);
  while (len > 0 && buf[len - 1] == '0' && buf[len - 2] != '.') --len;
  return std::string(buf, static_cast<size_t>(len));
}

std::string Rounded4(double x) {
  std::string out = "prefix";
  AppendRounded4(x, &out);
  EXPECT_EQ(out.compare(0, 6, "prefix"), 0);
  // PutRounded4 writes the same into a buffer of kMaxRounded4Chars, and nothing past what it returns.
  char buf[kMaxRounded4Chars + 1];
  std::memset(buf, '#', sizeof(buf));
  const char* end = PutRounded4(x, buf);
  EXPECT_LE(end - buf, static_cast<long>(kMaxRounded4Chars));
  EXPECT_EQ(std::string(static_cast<const char*>(buf), end), out.substr(6)) << x;
  EXPECT_EQ(buf[kMaxRounded4Chars], '#');
  return out.substr(6);
}

TEST(OutputFormatTest, Rounded4Examples) {
  EXPECT_EQ(Rounded4(0.8), "0.8");
  EXPECT_EQ(Rounded4(1.0), "1.0");
  EXPECT_EQ(Rounded4(0.81234), "0.8123");
  EXPECT_EQ(Rounded4(0.81235), Reference(0.81235));
  EXPECT_EQ(Rounded4(0.99996), "1.0");
  EXPECT_EQ(Rounded4(0.0), "0.0");
  EXPECT_EQ(Rounded4(-0.0), "-0.0");
  EXPECT_EQ(Rounded4(-0.00001), "-0.0");
  EXPECT_EQ(Rounded4(0.00005), Reference(0.00005));
  EXPECT_EQ(Rounded4(0.1), "0.1");
  EXPECT_EQ(Rounded4(0.05), "0.05");
  EXPECT_EQ(Rounded4(0.0007), "0.0007");
  EXPECT_EQ(Rounded4(12.5), "12.5");
  EXPECT_EQ(Rounded4(-3.25), "-3.25");
}

TEST(OutputFormatTest, Rounded4MatchesSnprintf) {
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (int i = 0; i < 300000; ++i) {
    const double x = unit(rng);
    ASSERT_EQ(Rounded4(x), Reference(x)) << x;
  }
  // Values on and next to the rounding boundaries k/10^4 + 0.00005, and exact fractions.
  for (int k = 0; k <= 10000; ++k) {
    for (const double x : {k / 10000.0, (k + 0.5) / 10000.0, std::nextafter((k + 0.5) / 10000.0, 0.0),
                           std::nextafter((k + 0.5) / 10000.0, 2.0), k / 7.0, -k / 13.0}) {
      ASSERT_EQ(Rounded4(x), Reference(x)) << x;
    }
  }
  // Every magnitude, both signs, up to and past where the integer path stops.
  for (int i = 0; i < 200000; ++i) {
    uint64_t bits = rng();
    double x;
    std::memcpy(&x, &bits, sizeof(x));
    if (!std::isfinite(x)) continue;
    if (std::fabs(x) > 1e20) x = std::ldexp(x, -std::ilogb(x) + static_cast<int>(rng() % 60) - 20);
    ASSERT_EQ(Rounded4(x), Reference(x)) << x;
  }
  for (const double x : {1e8, 999999999.99994, 999999999.99996, 1e9, 1e9 + 0.5, 1e12, 1e15, 1e300, -1e300,
                         std::numeric_limits<double>::max(), std::numeric_limits<double>::infinity(),
                         -std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN(),
                         std::numeric_limits<double>::denorm_min()}) {
    EXPECT_EQ(Rounded4(x), Reference(x)) << x;
  }
}

TEST(OutputFormatTest, PutUintMatchesToString) {
  std::mt19937_64 rng(5);
  std::vector<uint64_t> values = {
      0, 1, 9, 10, 99, 100, 4294967295u, 4294967296u, std::numeric_limits<uint64_t>::max()};
  for (uint64_t p = 1; p != 0 && p <= std::numeric_limits<uint64_t>::max() / 10; p *= 10) {
    values.insert(values.end(), {p - 1, p, p + 1, 10 * p - 1});
  }
  for (int i = 0; i < 100000; ++i) values.push_back(rng() >> (rng() % 64));
  for (const uint64_t x : values) {
    char buf[kMaxUintChars + 1];
    std::memset(buf, '#', sizeof(buf));
    const char* end = PutUint(x, buf);
    ASSERT_EQ(std::string(static_cast<const char*>(buf), end), std::to_string(x));
    ASSERT_EQ(buf[kMaxUintChars], '#');
    std::string appended = "p";
    AppendUint(x, &appended);
    ASSERT_EQ(appended, "p" + std::to_string(x));
  }
}

TEST(OutputFormatTest, PutLiteralCopiesWithoutTheTerminator) {
  char buf[16];
  std::memset(buf, '#', sizeof(buf));
  const char* end = PutLiteral(",\"end\":", buf);
  EXPECT_EQ(std::string(static_cast<const char*>(buf), end), ",\"end\":");
  EXPECT_EQ(*end, '#');
}

}  // namespace
}  // namespace neardup
