// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "datasets/gen/render.h"

#include <vector>

#include "datasets/gen/rng.h"
#include "datasets/gen/text_util.h"

namespace neardup::datagen {

namespace {

constexpr std::string_view kNbsp = "\xC2\xA0";

// Base letters of U+00C0..U+017F, for URL slugs.
constexpr std::string_view kFoldLatin1 = "AAAAAAACEEEEIIIIDNOOOOO-OUUUUYTsaaaaaaaceeeeiiiidnooooo-ouuuuyty";
constexpr std::string_view kFoldExtA =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTt"
    "UuUuUuUuUuUu"
    "WwYyYZzZzZzs";

bool IsSmallTitleWord(std::string_view w) {
  static constexpr std::string_view kSmall[] = {"a",   "an", "the", "of", "in",   "on",   "to", "for",
                                                "and", "as", "at",  "by", "with", "from", "or", "but"};
  for (std::string_view s : kSmall) {
    if (w == s) return true;
  }
  return false;
}

// Renders tokens with the separator rules of a style, tracking what the previous token allows.
class TokenWriter {
 public:
  TokenWriter(const Language& lang, const TextStyle& style, std::string* out)
      : lang_(lang), style_(style), out_(out), rng_(style.noise_seed), french_(lang.code() == "fr") {}

  // Starts a new line or paragraph: the next token gets no separator.
  void Reset() { prev_glue_right_ = true; }

  // `upper`/`lower` force case (case edits); otherwise the token's own flags decide.
  void Write(const Tok& t, bool upper, bool lower) {
    bool glue_left = (t.flags & kGlueLeft) != 0;
    bool glue_right = (t.flags & kGlueRight) != 0;
    bool nbsp_before = false;
    bool nbsp_after = false;
    std::string_view glyph = t.text;
    switch (t.kind) {
      case TokKind::kWord:
      case TokKind::kPunct:
        if (french_ && t.kind == TokKind::kPunct && t.text.size() == 1 &&
            std::string_view(":;!?%").find(t.text[0]) != std::string_view::npos) {
          nbsp_before = true;  // French typography: a no-break space before high punctuation
        }
        if (t.kind == TokKind::kPunct && t.text == "'" && style_.curly_apostrophes) glyph = "\xE2\x80\x99";
        break;
      case TokKind::kOpenQuote:
        glyph = OpenQuote();
        nbsp_after = style_.quotes == QuoteStyle::kGuillemetsSpaced;
        break;
      case TokKind::kCloseQuote:
        glyph = CloseQuote();
        nbsp_before = style_.quotes == QuoteStyle::kGuillemetsSpaced;
        break;
      case TokKind::kOpenSingle:
        glyph = style_.quotes == QuoteStyle::kStraight ? "'" : "\xE2\x80\x98";
        break;
      case TokKind::kCloseSingle:
        glyph = style_.quotes == QuoteStyle::kStraight ? "'" : "\xE2\x80\x99";
        break;
      case TokKind::kDash:
        switch (style_.dash) {
          case DashStyle::kEmSpaced:
            glyph = "\xE2\x80\x94";
            break;
          case DashStyle::kEmTight:
            glyph = "\xE2\x80\x94";
            glue_left = glue_right = true;
            break;
          case DashStyle::kEnSpaced:
            glyph = "\xE2\x80\x93";
            break;
          case DashStyle::kDoubleHyphen:
            glyph = "--";
            break;
        }
        break;
    }
    if (nbsp_before && !prev_glue_right_) {
      out_->append(kNbsp);
    } else if (!prev_glue_right_ && !glue_left && lang_.spaced()) {
      Separator();
    }
    if (t.kind == TokKind::kWord) {
      WriteWord(t, upper, lower);
    } else {
      out_->append(glyph);
    }
    if (nbsp_after) out_->append(kNbsp);
    prev_glue_right_ = glue_right || nbsp_after;
  }

 private:
  std::string_view OpenQuote() const {
    switch (style_.quotes) {
      case QuoteStyle::kCurly:
        return "\xE2\x80\x9C";
      case QuoteStyle::kStraight:
        return "\"";
      default:
        return "\xC2\xAB";
    }
  }
  std::string_view CloseQuote() const {
    switch (style_.quotes) {
      case QuoteStyle::kCurly:
        return "\xE2\x80\x9D";
      case QuoteStyle::kStraight:
        return "\"";
      default:
        return "\xC2\xBB";
    }
  }

  void Separator() {
    if (style_.double_space_per_mille == 0 && style_.nbsp_per_mille == 0) {
      out_->push_back(' ');
      return;
    }
    const uint64_t r = rng_.Below(1000);
    if (r < style_.double_space_per_mille) {
      out_->append("  ");
    } else if (r < static_cast<uint64_t>(style_.double_space_per_mille) + style_.nbsp_per_mille) {
      out_->append(kNbsp);
    } else {
      out_->push_back(' ');
    }
  }

  void WriteWord(const Tok& t, bool upper, bool lower) {
    scratch_.clear();
    std::string_view text = t.text;
    if (style_.curly_apostrophes && (t.flags & kApostrophe)) {
      for (char c : text) {
        if (c == '\'') {
          scratch_.append("\xE2\x80\x99");
        } else {
          scratch_.push_back(c);
        }
      }
      text = scratch_;
    }
    if (lower) {
      AppendLower(text, out_);
    } else if (upper || (t.flags & kUpper)) {
      AppendUpper(text, out_);
    } else if (t.flags & kCap) {
      AppendCapitalized(text, out_);
    } else {
      out_->append(text);
    }
  }

  const Language& lang_;
  const TextStyle& style_;
  std::string* out_;
  Rng rng_;
  bool french_;
  bool prev_glue_right_ = true;
  std::string scratch_;
};

// Appends `para` hard-wrapped at `width` code points, breaking only at ASCII spaces.
void AppendWrapped(std::string_view para, uint16_t width, std::string_view line_end, std::string* out) {
  size_t col = 0;
  size_t start = 0;
  bool first = true;
  while (start <= para.size()) {
    size_t space = para.find(' ', start);
    if (space == std::string_view::npos) space = para.size();
    const std::string_view piece = para.substr(start, space - start);
    const size_t cols = CountCodePoints(piece);
    if (!first && col + 1 + cols > width && col > 0) {
      out->append(line_end);
      col = 0;
    } else if (!first) {
      out->push_back(' ');
      ++col;
    }
    out->append(piece);
    col += cols;
    first = false;
    start = space + 1;
  }
}

}  // namespace

const char* QuoteStyleName(QuoteStyle q) {
  switch (q) {
    case QuoteStyle::kCurly:
      return "curly";
    case QuoteStyle::kStraight:
      return "straight";
    case QuoteStyle::kGuillemets:
      return "guillemets";
    case QuoteStyle::kGuillemetsSpaced:
      return "guillemets_spaced";
  }
  return "curly";
}

const char* CaseEditName(CaseEdit c) {
  switch (c) {
    case CaseEdit::kNone:
      return "none";
    case CaseEdit::kHeadlineUpper:
      return "headline_upper";
    case CaseEdit::kLedeUpper:
      return "lede_upper";
    case CaseEdit::kAllLower:
      return "all_lower";
  }
  return "none";
}

void RenderText(const Article& article, const Language& lang, const TextStyle& style, std::string* out) {
  const std::string_view line_end = style.crlf ? "\r\n" : "\n";
  const bool lower = style.case_edit == CaseEdit::kAllLower;
  Rng noise(style.noise_seed ^ 0x5851F42D4C957F2DULL);
  if (style.leading_whitespace) out->append(noise.Below(2) == 0 ? std::string(line_end) : std::string("  "));

  std::string para;
  TokenWriter writer(lang, style, &para);
  auto end_line = [&](std::string* s) {
    if (style.trailing_spaces && noise.Below(4) == 0) s->append(noise.Below(2) == 0 ? " " : "\t");
  };
  auto flush_para = [&](bool last) {
    if (style.wrap > 0 && lang.spaced()) {
      std::string wrapped;
      AppendWrapped(para, style.wrap, line_end, &wrapped);
      out->append(wrapped);
    } else {
      out->append(para);
    }
    end_line(out);
    if (!last) {
      out->append(line_end);
      if (style.blank_line) out->append(line_end);
    }
    para.clear();
    writer.Reset();
  };

  if (style.headline_in_text) {
    const bool upper = style.case_edit == CaseEdit::kHeadlineUpper;
    for (const Tok& t : article.headline) writer.Write(t, upper, lower);
    flush_para(article.sentences.empty() && !style.dateline);
  }
  if (style.dateline) {
    for (const Tok& t : article.dateline) writer.Write(t, false, lower);
  }
  for (size_t i = 0; i < article.sentences.size(); ++i) {
    if (i > 0 && article.para_start[i]) flush_para(false);
    const bool upper = i == 0 && style.case_edit == CaseEdit::kLedeUpper;
    for (const Tok& t : article.sentences[i]) writer.Write(t, upper, lower);
  }
  if (!para.empty()) flush_para(true);
}

void RenderTitle(const Article& article, const Language& lang, bool title_case, bool upper, QuoteStyle quotes,
                 std::string_view suffix, std::string* out) {
  TextStyle style;
  style.quotes = quotes;
  style.curly_apostrophes = quotes != QuoteStyle::kStraight;
  std::vector<Tok> toks = article.headline;
  if (title_case && lang.code() == "en") {
    bool first = true;
    for (Tok& t : toks) {
      if (!t.is_word()) continue;
      if (first || !IsSmallTitleWord(t.text)) t.flags |= kCap;
      first = false;
    }
  }
  TokenWriter writer(lang, style, out);
  for (const Tok& t : toks) writer.Write(t, upper, false);
  out->append(suffix);
}

void AppendSlug(const Article& article, std::string* out) {
  size_t words = 0;
  const size_t start = out->size();
  for (const Tok& t : article.headline) {
    if (!t.is_word() || words == 9) continue;
    std::string w;
    for (size_t i = 0; i < t.text.size();) {
      const char32_t cp = NextCodePoint(t.text, &i);
      char c = 0;
      if (cp < 0x80) {
        c = static_cast<char>(cp);
      } else if (cp >= 0xC0 && cp <= 0xFF) {
        c = kFoldLatin1[cp - 0xC0];
      } else if (cp >= 0x100 && cp <= 0x17F) {
        c = kFoldExtA[cp - 0x100];
      }
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) w.push_back(c);
    }
    if (w.empty()) continue;
    if (out->size() > start) out->push_back('-');
    out->append(w);
    ++words;
  }
  if (out->size() == start) out->append("article");
}

}  // namespace neardup::datagen
