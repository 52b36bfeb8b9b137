// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "tests/test_util.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace neardup::testing_util {

namespace {

std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  return q + "'";
}

uint64_t SplitMix(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::string MadeUpWord(uint64_t* state) {
  static const char* kSyllables[] = {"ka", "lo", "mer", "vin", "sa", "tor", "pel", "dru", "an", "qui",
                                     "be", "ros", "tal", "fen", "gu", "mi", "nor", "ex", "ul", "zar"};
  std::string w;
  const int n = 1 + static_cast<int>(SplitMix(state) % 3);
  for (int i = 0; i < n; ++i) w += kSyllables[SplitMix(state) % 20];
  return w;
}

}  // namespace

TempDir::TempDir() {
  std::string tmpl = ::testing::TempDir() + "neardup_test_XXXXXX";
  char* made = ::mkdtemp(tmpl.data());
  path_ = made != nullptr ? made : tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void WriteFile(const std::string& path, const std::string& contents) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream f(path, std::ios::binary);
  f << contents;
}

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

bool FileExists(const std::string& path) { return std::filesystem::exists(path); }

std::vector<std::string> ReadLines(const std::string& path) {
  std::vector<std::string> lines;
  std::ifstream f(path, std::ios::binary);
  std::string line;
  while (std::getline(f, line)) lines.push_back(line);
  return lines;
}

CliResult RunNeardup(const std::vector<std::string>& args, const std::string& stdin_path) {
  TempDir capture;
  std::string cmd = ShellQuote(NEARDUP_BINARY);
  for (const std::string& a : args) cmd += " " + ShellQuote(a);
  cmd += stdin_path.empty() ? " </dev/null" : " <" + ShellQuote(stdin_path);
  cmd += " >" + ShellQuote(capture / "out") + " 2>" + ShellQuote(capture / "err");
  const int status = std::system(cmd.c_str());
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = ReadFile(capture / "out");
  r.err = ReadFile(capture / "err");
  return r;
}

std::string MakeText(uint64_t seed, size_t words) {
  uint64_t state = seed * 0x2545f4914f6cdd1dULL + 1;
  std::string text;
  for (size_t i = 0; i < words; ++i) {
    if (i > 0) text += (i % 17 == 0) ? ".\n" : " ";
    text += MadeUpWord(&state);
  }
  return text + ".";
}

std::string EditWords(const std::string& text, size_t every, uint64_t seed) {
  uint64_t state = seed * 0x9e3779b97f4a7c15ULL + 7;
  std::string out;
  size_t word = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\n' || text[i] == '.') {
      out += text[i++];
      continue;
    }
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '.') ++j;
    ++word;
    out += (word % every == 0) ? "zz" + MadeUpWord(&state) : text.substr(i, j - i);
    i = j;
  }
  return out;
}

}  // namespace neardup::testing_util
