// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The generator's only source of randomness. Output must be byte-identical for the same seed on any
// machine and with any standard library, so nothing here uses <random> distributions (their algorithms
// are implementation-defined) or libm functions such as log/exp/pow (their last bit may differ between
// libm versions). Everything is integer arithmetic, plus doubles built from 53 random bits and used
// only with +, -, *, / and comparisons, which IEEE 754 defines exactly.

#ifndef NEARDUP_DATASETS_GEN_RNG_H_
#define NEARDUP_DATASETS_GEN_RNG_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace neardup::datagen {

// One step of splitmix64: advances *state and returns a well-mixed value. Used to seed and to derive
// independent streams from (seed, stream id) pairs.
inline uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// The splitmix64 finalizer as a pure function: a good 64-bit mixer for hashing.
inline uint64_t Mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// xoshiro256** seeded through splitmix64. Not thread-safe; cheap to copy. Fork() derives a child stream
// that depends only on this generator's seed material and the stream id, never on how many values were
// drawn before, so parts of the corpus can be generated independently and reproducibly.
class Rng {
 public:
  explicit Rng(uint64_t seed) : seed_(seed) {
    uint64_t sm = seed;
    for (uint64_t& word : s_) word = SplitMix64(&sm);
  }

  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n); n must be > 0. Lemire's multiply-and-reject: unbiased and portable.
  uint64_t Below(uint64_t n) {
    uint64_t x = Next();
    unsigned __int128 m = static_cast<unsigned __int128>(x) * n;
    uint64_t low = static_cast<uint64_t>(m);
    if (low < n) {
      const uint64_t reject_below = (0 - n) % n;
      while (low < reject_below) {
        x = Next();
        m = static_cast<unsigned __int128>(x) * n;
        low = static_cast<uint64_t>(m);
      }
    }
    return static_cast<uint64_t>(m >> 64);
  }

  // Uniform integer in [lo, hi] (inclusive); requires lo <= hi.
  int64_t Range(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }

  // Uniform double in [0, 1) with 53 random bits (exact, machine-independent).
  double Unit() { return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0); }

  // Uniform double in [lo, hi).
  double Uniform(double lo, double hi) { return lo + (hi - lo) * Unit(); }

  bool Chance(double p) { return Unit() < p; }

  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Below(v.size())];
  }

  // Index drawn with probability proportional to weights[i] (integer weights, not all zero).
  size_t Weighted(const std::vector<uint32_t>& weights) {
    uint64_t total = 0;
    for (uint32_t w : weights) total += w;
    uint64_t r = Below(total);
    for (size_t i = 0; i < weights.size(); ++i) {
      if (r < weights[i]) return i;
      r -= weights[i];
    }
    return weights.size() - 1;
  }

  // Fisher-Yates with this generator (std::shuffle's algorithm is implementation-defined).
  template <typename T>
  void Shuffle(std::vector<T>* v) {
    for (size_t i = v->size(); i > 1; --i) {
      const size_t j = Below(i);
      std::swap((*v)[i - 1], (*v)[j]);
    }
  }

  // An independent generator for sub-stream `stream`, a pure function of (seed, stream).
  Rng Fork(uint64_t stream) const { return Rng(Mix64(seed_ ^ Mix64(stream + 0x632BE59BD9B4E019ULL))); }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  uint64_t seed_;
  uint64_t s_[4];
};

}  // namespace neardup::datagen

#endif  // NEARDUP_DATASETS_GEN_RNG_H_
