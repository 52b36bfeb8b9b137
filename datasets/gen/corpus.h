// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The corpus generator: composition (which documents, of which kind), ground truth, and streaming
// output in a shuffled order.
//
// The corpus is made of blocks. A cluster block is one story: an original article, 1–6 near-duplicate
// copies (some copies of copies) and 0–2 hard negatives (independent articles on the same story). An
// unrelated block is a single article on its own story. Special blocks are very short and empty
// documents. Each block draws from its own random stream (a fork of the seed by block number), so a
// block's content does not depend on the blocks before it. Finished documents go through a shuffle
// window: each output slot takes a random document among the next `window` pending ones, so copies
// land near, but rarely next to, their originals — and sometimes before them.
//
// Determinism: the output is a pure function of (docs, seed, preset and its knobs, window); the number
// of threads only changes the speed.

#ifndef NEARDUP_DATASETS_GEN_CORPUS_H_
#define NEARDUP_DATASETS_GEN_CORPUS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace neardup::datagen {

// What kinds of documents a corpus has and in what proportions. Presets are named bundles; command-line
// knobs override single fields.
struct Preset {
  std::string name;
  std::string description;
  double cluster_share = 0.57;  ///< share of article blocks that are stories with copies
  std::vector<uint32_t> copies_weights = {30, 25, 18, 12, 8, 7};  ///< weights of 1..6 copies per original
  double copy_of_copy = 0.25;  ///< chance that a copy (after the first) derives from an earlier copy
  std::vector<uint32_t> hard_negative_weights = {40, 40, 20};   ///< weights of 0..2 hard negatives
  std::vector<uint32_t> edit_style_weights = {35, 25, 15, 25};  ///< rewrite, trim, extend, mixed
  double jaccard_min = 0.5;  ///< copies' target Jaccard is uniform in [jaccard_min, jaccard_max]
  double jaccard_max = 1.0;
  double non_english = 0.05;  ///< share of stories in Spanish, French, Russian or Chinese
  uint32_t min_words = 150;   ///< article body length, triangular between min and max
  uint32_t max_words = 1200;
  double short_share = 0.004;  ///< very short documents (1–4 words), at least min_short
  uint32_t min_short = 3;
  double empty_share = 0.0002;  ///< documents with empty or whitespace-only text, at least min_empty
  uint32_t min_empty = 2;
  double meta_share = 0.04;  ///< records carrying an extra nested "meta" object
  // Off in "dedup", on in "bench" (see datasets/README.md). They change only the rendered text, after the
  // words that copies are steered on, so truth's intended_jaccard ignores what they add.
  bool site_boilerplate = false;  ///< per-site furniture: a breadcrumb line on top, three footer lines
  double quoted_passages = 0.0;   ///< share of English stories whose articles quote a pooled statement
  bool typographic = false;       ///< English sites write curly quotes and apostrophes, as most news sites do
  std::string language;           ///< when set (es, fr, ru, zh...), every story is in this language
};

// The preset called `name`, or nullptr.
const Preset* FindPreset(std::string_view name);
std::vector<std::string> PresetNames();

struct GenOptions {
  uint64_t docs = 1000;
  uint64_t seed = 1;
  Preset preset;
  size_t window = 1000;  ///< shuffle window (documents); 1 keeps generation order
  unsigned threads = 0;  ///< worker threads; 0: one per core. The output does not depend on it.
};

enum class DocKind : uint8_t { kOriginal, kNearDuplicate, kHardNegative, kUnrelated, kShort, kEmpty, kCount };
const char* DocKindName(DocKind k);

struct GenStats {
  uint64_t docs = 0;
  uint64_t corpus_bytes = 0;
  uint64_t truth_bytes = 0;
  uint64_t by_kind[static_cast<int>(DocKind::kCount)] = {};
  uint64_t non_english = 0;
  uint64_t words = 0;            ///< words in all texts
  uint64_t non_ascii_words = 0;  ///< of which contain a non-ASCII character as rendered
};

// Receives finished documents in output order: one corpus line and one truth line, each with its "\n".
class DocSink {
 public:
  virtual ~DocSink() = default;
  // Returns false to stop generation (an output error).
  virtual bool Write(std::string_view corpus_line, std::string_view truth_line) = 0;
};

// Generates options.docs documents into `sink`. Returns false if the sink stopped it.
bool Generate(const GenOptions& options, DocSink* sink, GenStats* stats);

}  // namespace neardup::datagen

#endif  // NEARDUP_DATASETS_GEN_CORPUS_H_
