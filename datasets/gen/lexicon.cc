// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "datasets/gen/lexicon.h"

#include <cstdio>
#include <cstdlib>
#include <utility>

#include "datasets/gen/text_util.h"

namespace neardup::datagen {

namespace {

// A malformed vocabulary is a bug in this program, found by the first run; say where and stop.
[[noreturn]] void VocabularyBug(std::string_view what, std::string_view where) {
  std::fprintf(stderr, "neardup-datagen: vocabulary bug: %.*s in \"%.*s\"\n", static_cast<int>(what.size()),
               what.data(), static_cast<int>(where.size()), where.data());
  std::abort();
}

struct SlotName {
  const char* name;
  Slot slot;
};

constexpr SlotName kSlotNames[] = {
    {"P", Slot::kPerson},    {"PR", Slot::kPersonRole}, {"SAYP", Slot::kPersonSay},
    {"O", Slot::kOrg},       {"L", Slot::kCity},        {"C", Slot::kCountry},
    {"SN", Slot::kSurname},  {"NUM", Slot::kNumber},    {"NUMS", Slot::kSmallNumber},
    {"DEC", Slot::kDecimal}, {"YEAR", Slot::kYear},     {"D", Slot::kDayOfMonth},
    {"AGE", Slot::kAge},     {"FIG", Slot::kFigure},    {"AG", Slot::kAgency},
    {"X", Slot::kThing},     {"NEW", Slot::kNewName},
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

std::string Pluralize(std::string_view w) {
  std::string s(w);
  if (EndsWith(s, "s") || EndsWith(s, "x") || EndsWith(s, "z") || EndsWith(s, "ch") || EndsWith(s, "sh")) {
    return s + "es";
  }
  if (s.size() >= 2 && s.back() == 'y' && !IsVowel(s[s.size() - 2])) return s.substr(0, s.size() - 1) + "ies";
  return s + "s";
}

std::string PastTense(std::string_view w) {
  std::string s(w);
  if (EndsWith(s, "e")) return s + "d";
  if (s.size() >= 2 && s.back() == 'y' && !IsVowel(s[s.size() - 2])) return s.substr(0, s.size() - 1) + "ied";
  return s + "ed";
}

std::string ThirdPerson(std::string_view w) {
  std::string s(w);
  if (EndsWith(s, "s") || EndsWith(s, "x") || EndsWith(s, "z") || EndsWith(s, "ch") || EndsWith(s, "sh") ||
      EndsWith(s, "o")) {
    return s + "es";
  }
  if (s.size() >= 2 && s.back() == 'y' && !IsVowel(s[s.size() - 2])) return s.substr(0, s.size() - 1) + "ies";
  return s + "s";
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Applies the generic modifiers 'c' (capitalize), 'u' (upper-case) and 's' (possessive) to the tokens
// appended from `from`.
void ApplyModifier(char mod, size_t from, SlotFiller* filler, std::vector<Tok>* out) {
  if (mod == 's') {
    for (size_t i = out->size(); i > from; --i) {
      if ((*out)[i - 1].is_word()) {
        const uint8_t case_flags = (*out)[i - 1].flags & (kCap | kUpper);
        (*out)[i - 1] = filler->Possessive((*out)[i - 1]);
        (*out)[i - 1].flags |= case_flags;
        break;
      }
    }
    return;
  }
  if (mod == 'c') {
    for (size_t i = from; i < out->size(); ++i) {
      if ((*out)[i].is_word()) {
        (*out)[i].flags |= kCap;
        break;
      }
    }
  } else if (mod == 'u') {
    for (size_t i = from; i < out->size(); ++i) {
      if ((*out)[i].is_word()) (*out)[i].flags |= kUpper;
    }
  }
}

}  // namespace

Tok MakeWord(std::string_view stable_text, WordClass cls) {
  Tok t;
  t.text = stable_text;
  t.key = WordKey(stable_text);
  t.kind = TokKind::kWord;
  t.cls = cls;
  for (char c : stable_text) {
    if (c == '\'') t.flags |= kApostrophe;
    if (static_cast<unsigned char>(c) >= 0x80) t.flags |= kNonAscii;
  }
  return t;
}

bool IsWordChar(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp < 0xC0) return false;                     // Latin-1 punctuation and symbols
  if (cp == 0xD7 || cp == 0xF7) return false;      // × ÷
  if (cp == 0x60C || cp == 0x61B || cp == 0x61F || cp == 0x66A || cp == 0x6D4) return false;  // ، ؛ ؟ ٪ ۔
  if (cp >= 0x2000 && cp <= 0x206F) return false;  // general punctuation: dashes, quotes, spaces
  if (cp >= 0x20A0 && cp <= 0x20CF) return false;  // currency symbols
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;  // full-width punctuation
  if (cp >= 0xFF1A && cp <= 0xFF20) return false;
  if (cp >= 0xFF3B && cp <= 0xFF40) return false;
  if (cp >= 0xFF5B && cp <= 0xFF65) return false;
  return true;
}

void ClassifyPunct(char32_t cp, TokKind* kind, uint8_t* flags) {
  *kind = TokKind::kPunct;
  *flags = 0;
  switch (cp) {
    case U'“':
    case U'«':
      *kind = TokKind::kOpenQuote;
      *flags = kGlueRight;
      return;
    case U'”':
    case U'»':
      *kind = TokKind::kCloseQuote;
      *flags = kGlueLeft;
      return;
    case U'‘':
      *kind = TokKind::kOpenSingle;
      *flags = kGlueRight;
      return;
    case U'’':
      *kind = TokKind::kCloseSingle;
      *flags = kGlueLeft;
      return;
    case U'—':
      *kind = TokKind::kDash;
      return;
    case U',':
    case U'.':
    case U';':
    case U':':
    case U'!':
    case U'?':
    case U'%':
    case U')':
    case U']':
    case U'…':
    case U'，':
    case U'。':
    case U'：':
    case U'；':
    case U'！':
    case U'？':
    case U'、':
    case U'）':
    case U'\u060C':  // ، ARABIC COMMA
    case U'\u061B':  // ؛ ARABIC SEMICOLON
    case U'\u061F':  // ؟ ARABIC QUESTION MARK
    case U'\u066A':  // ٪ ARABIC PERCENT SIGN
    case U'\'':
      *flags = kGlueLeft;
      return;
    case U'(':
    case U'[':
    case U'$':
    case U'€':
    case U'£':
    case U'¿':
    case U'¡':
    case U'（':
      *flags = kGlueRight;
      return;
    case U'-':
    case U'–':
    case U'/':
      *flags = kGlueLeft | kGlueRight;
      return;
    default:
      return;
  }
}

std::vector<std::string_view> SplitTopLevel(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '<' || c == '[') ++depth;
    if (c == '>' || c == ']') --depth;
    if (c == sep && depth == 0) {
      parts.push_back(Trim(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  parts.push_back(Trim(s.substr(start)));
  return parts;
}

// ------------------------------------------------------------------------------------------------
// Template

void Template::Expand(ExpandContext* ctx, std::vector<Tok>* out) const {
  if (!seqs_.empty()) ExpandSeq(static_cast<uint32_t>(seqs_.size() - 1), ctx, out);
}

void Template::ExpandSeq(uint32_t seq, ExpandContext* ctx, std::vector<Tok>* out) const {
  const Seq& s = seqs_[seq];
  for (uint32_t k = s.begin; k < s.end; ++k) {
    const Node& node = nodes_[seq_nodes_[k]];
    switch (node.kind) {
      case NodeKind::kTok:
        out->push_back(toks_[node.a]);
        break;
      case NodeKind::kSlot: {
        const size_t from = out->size();
        const Slot slot = static_cast<Slot>(node.a);
        ctx->filler->Fill(slot, node.mod, ctx->rng, out);
        // People's modifiers are the filler's own (s: "Kovač's" after a first mention's full name).
        if (slot != Slot::kPerson) ApplyModifier(node.mod, from, ctx->filler, out);
        break;
      }
      case NodeKind::kList: {
        const WordList* list = ctx->lang->List(ctx->topic, node.a, ctx->rng);
        if (list == nullptr) VocabularyBug("list has no entries for this topic", "");
        if (++ctx->depth > 16) VocabularyBug("lists nest too deeply", "");
        const size_t from = out->size();
        list->ExpandEntry(ctx->rng->Below(list->entries.size()), ctx, out);
        --ctx->depth;
        // A one-word entry can be reworded later by another entry of its list; words of longer entries
        // ("interest rate", "record-breaking") are left alone, as swapping one of them reads badly.
        if (list->cls != WordClass::kNone) {
          size_t word = SIZE_MAX, words = 0;
          for (size_t i = from; i < out->size(); ++i) {
            if ((*out)[i].is_word()) {
              word = i;
              ++words;
            }
          }
          if (words == 1 && (*out)[word].cls == WordClass::kNone) {
            (*out)[word].cls = list->cls;
            (*out)[word].list = static_cast<uint16_t>(node.a);
          }
        }
        ApplyModifier(node.mod, from, ctx->filler, out);
        break;
      }
      case NodeKind::kAlt:
        ExpandSeq(seq_nodes_[node.a + ctx->rng->Below(node.b)], ctx, out);
        break;
      case NodeKind::kOpt:
        if (ctx->rng->Below(2) == 1) ExpandSeq(node.a, ctx, out);
        break;
    }
  }
}

void WordList::ExpandEntry(size_t i, ExpandContext* ctx, std::vector<Tok>* out) const {
  if (literal[i]) {
    out->insert(out->end(), literal_toks.begin() + literal_begin[i],
                literal_toks.begin() + literal_begin[i + 1]);
  } else {
    entries[i].Expand(ctx, out);
  }
}

// ------------------------------------------------------------------------------------------------
// Language

Language::Language(std::string code, bool spaced) : code_(std::move(code)), spaced_(spaced) {}

std::string_view Language::Intern(std::string s) {
  auto it = interned_.find(s);
  if (it != interned_.end()) return it->second;
  strings_.push_back(s);
  std::string_view view = strings_.back();
  interned_.emplace(std::move(s), view);
  return view;
}

uint32_t Language::ListId(std::string_view name) {
  auto it = list_ids_.find(name);
  if (it != list_ids_.end()) return it->second;
  const uint32_t id = static_cast<uint32_t>(list_ids_.size());
  list_ids_.emplace(std::string(name), id);
  return id;
}

uint32_t Language::FindList(std::string_view name) const {
  auto it = list_ids_.find(name);
  return it == list_ids_.end() ? UINT32_MAX : it->second;
}

WordList& Language::MutableList(Topic* topic, uint32_t id) {
  std::vector<WordList>& lists = topic != nullptr ? topic->lists : general_;
  if (lists.size() <= id) lists.resize(id + 1);
  return lists[id];
}

Topic* Language::AddTopic(std::string name, std::string section) {
  topics_.push_back(Topic{std::move(name), std::move(section), {}});
  return &topics_.back();
}

const WordList* Language::List(const Topic* topic, uint32_t id, Rng* rng) const {
  const WordList* t =
      topic != nullptr && id < topic->lists.size() && !topic->lists[id].empty() ? &topic->lists[id] : nullptr;
  const WordList* g = id < general_.size() && !general_[id].empty() ? &general_[id] : nullptr;
  if (t != nullptr && g != nullptr) return rng->Below(4) < 3 ? t : g;
  return t != nullptr ? t : g;
}

void Language::ExpandList(std::string_view name, ExpandContext* ctx, std::vector<Tok>* out) const {
  const uint32_t id = FindList(name);
  const WordList* list = id == UINT32_MAX ? nullptr : List(ctx->topic, id, ctx->rng);
  if (list == nullptr) VocabularyBug("no such list", name);
  list->ExpandEntry(ctx->rng->Below(list->entries.size()), ctx, out);
}

void Language::AddList(Topic* topic, std::string_view list, std::string_view entries, WordClass cls) {
  const uint32_t id = ListId(list);
  WordList& wl = MutableList(topic, id);
  wl.cls = cls;
  for (std::string_view entry : SplitTopLevel(entries, '|')) {
    wl.entries.push_back(Compile(entry));
    const Template& t = wl.entries.back();
    wl.literal.push_back(t.is_literal());
    if (t.is_literal()) {
      wl.literal_toks.insert(wl.literal_toks.end(), t.literal_tokens().begin(), t.literal_tokens().end());
    }
    wl.literal_begin.push_back(static_cast<uint32_t>(wl.literal_toks.size()));
  }
}

void Language::AddNouns(Topic* topic, std::string_view list, std::string_view entries) {
  std::string singular, plural;
  for (std::string_view entry : SplitTopLevel(entries, '|')) {
    const size_t slash = entry.find('/');
    std::string_view sg = entry.substr(0, slash);
    const size_t last_space = sg.rfind(' ');
    const std::string_view head =
        last_space == std::string_view::npos ? std::string_view() : sg.substr(0, last_space + 1);
    const std::string_view last = sg.substr(last_space == std::string_view::npos ? 0 : last_space + 1);
    std::string pl;
    if (slash == std::string_view::npos) {
      pl = std::string(head) + Pluralize(last);
    } else {
      const std::string_view given = entry.substr(slash + 1);
      pl = given.find(' ') != std::string_view::npos ? std::string(given)
                                                     : std::string(head) + std::string(given);
    }
    if (!singular.empty()) {
      singular += '|';
      plural += '|';
    }
    singular += sg;
    plural += pl;
  }
  AddList(topic, list, singular, WordClass::kNoun);
  AddList(topic, std::string(list) + "S", plural, WordClass::kNoun);
}

void Language::AddVerbs(Topic* topic, std::string_view list, std::string_view entries) {
  std::string past, base, third, participle;
  for (std::string_view entry : SplitTopLevel(entries, '|')) {
    std::vector<std::string_view> forms;
    size_t start = 0;
    for (size_t i = 0; i <= entry.size(); ++i) {
      if (i == entry.size() || entry[i] == '/') {
        forms.push_back(entry.substr(start, i - start));
        start = i + 1;
      }
    }
    const std::string_view b = forms[0];
    const size_t space = b.find(' ');
    const std::string_view first = b.substr(0, space);
    const std::string_view rest = space == std::string_view::npos ? std::string_view() : b.substr(space);
    const std::string p = forms.size() > 1 ? std::string(forms[1]) : PastTense(first) + std::string(rest);
    const std::string n = forms.size() > 2 ? std::string(forms[2]) : p;
    const std::string t = ThirdPerson(first) + std::string(rest);
    auto add = [](std::string* s, std::string_view v) {
      if (!s->empty()) *s += '|';
      *s += v;
    };
    add(&past, p);
    add(&base, b);
    add(&third, t);
    add(&participle, n);
  }
  AddList(topic, list, past, WordClass::kVerb);
  AddList(topic, std::string(list) + "B", base, WordClass::kVerb);
  AddList(topic, std::string(list) + "S", third, WordClass::kVerb);
  AddList(topic, std::string(list) + "N", participle, WordClass::kVerb);
}

void Language::AddWords(std::string_view name, std::string_view words) {
  std::vector<std::string_view>& list = words_[std::string(name)];
  for (std::string_view w : SplitTopLevel(words, '|')) list.push_back(Intern(std::string(w)));
}

const std::vector<std::string_view>& Language::Words(std::string_view name) const {
  static const std::vector<std::string_view> kNone;
  auto it = words_.find(name);
  return it == words_.end() ? kNone : it->second;
}

void Language::Validate() const {
  for (const auto& [name, id] : list_ids_) {
    if (id < general_.size() && !general_[id].empty()) continue;
    bool all_topics = !topics_.empty();
    for (const Topic& t : topics_) {
      if (id >= t.lists.size() || t.lists[id].empty()) all_topics = false;
    }
    if (!all_topics) VocabularyBug("list used but not defined for every topic", name);
  }
}

Template Language::Compile(std::string_view spec) {
  Template t;
  size_t pos = 0;
  ParseSeq(spec, &pos, "", &t);
  if (pos != spec.size()) VocabularyBug("unbalanced brackets", spec);
  return t;
}

uint32_t Language::ParseSeq(std::string_view spec, size_t* pos, std::string_view stop, Template* t) {
  std::vector<uint32_t> nodes;
  auto add_node = [&](const Template::Node& n) {
    nodes.push_back(static_cast<uint32_t>(t->nodes_.size()));
    t->nodes_.push_back(n);
  };
  while (*pos < spec.size()) {
    const char c = spec[*pos];
    if (stop.find(c) != std::string_view::npos) break;
    if (c == ' ') {
      ++*pos;
      continue;
    }
    if (c == '>' || c == ']' || c == '|' || c == '}') VocabularyBug("unexpected bracket", spec);
    if (c == '{') {
      const size_t close = spec.find('}', *pos);
      if (close == std::string_view::npos) VocabularyBug("unclosed {", spec);
      std::string_view name = spec.substr(*pos + 1, close - *pos - 1);
      char mod = 0;
      const size_t colon = name.find(':');
      if (colon != std::string_view::npos) {
        if (colon + 2 != name.size()) VocabularyBug("a modifier is one letter", spec);
        mod = name[colon + 1];
        name = name.substr(0, colon);
      }
      *pos = close + 1;
      Template::Node n{Template::NodeKind::kList, mod, 0, 0};
      bool dynamic = false;
      for (const SlotName& s : kSlotNames) {
        if (name == s.name) {
          n.kind = Template::NodeKind::kSlot;
          n.a = static_cast<uint32_t>(s.slot);
          dynamic = true;
          break;
        }
      }
      if (!dynamic) n.a = ListId(name);
      t->literal_ = false;
      add_node(n);
      continue;
    }
    if (c == '<') {
      ++*pos;
      std::vector<uint32_t> alts;
      while (true) {
        alts.push_back(ParseSeq(spec, pos, "|>", t));
        if (*pos >= spec.size()) VocabularyBug("unclosed <", spec);
        if (spec[(*pos)++] == '>') break;
      }
      Template::Node n{Template::NodeKind::kAlt, 0, static_cast<uint32_t>(t->seq_nodes_.size()),
                       static_cast<uint32_t>(alts.size())};
      // The alternatives' seq ids are stored in seq_nodes_ too (as a block that no Seq covers).
      for (uint32_t a : alts) t->seq_nodes_.push_back(a);
      t->literal_ = false;
      add_node(n);
      continue;
    }
    if (c == '[') {
      ++*pos;
      const uint32_t inner = ParseSeq(spec, pos, "]", t);
      if (*pos >= spec.size() || spec[*pos] != ']') VocabularyBug("unclosed [", spec);
      ++*pos;
      t->literal_ = false;
      add_node(Template::Node{Template::NodeKind::kOpt, 0, inner, 0});
      continue;
    }
    size_t end = *pos;
    while (end < spec.size() && std::string_view(" {<[|>]}").find(spec[end]) == std::string_view::npos) ++end;
    std::vector<uint32_t> literal_nodes;
    ParseLiteral(spec.substr(*pos, end - *pos), t, &literal_nodes);
    nodes.insert(nodes.end(), literal_nodes.begin(), literal_nodes.end());
    *pos = end;
  }
  const uint32_t begin = static_cast<uint32_t>(t->seq_nodes_.size());
  t->seq_nodes_.insert(t->seq_nodes_.end(), nodes.begin(), nodes.end());
  t->seqs_.push_back(Template::Seq{begin, static_cast<uint32_t>(t->seq_nodes_.size())});
  return static_cast<uint32_t>(t->seqs_.size() - 1);
}

void Language::ParseLiteral(std::string_view text, Template* t, std::vector<uint32_t>* seq_out) {
  auto add_tok = [&](const Tok& tok) {
    seq_out->push_back(static_cast<uint32_t>(t->nodes_.size()));
    t->nodes_.push_back(
        Template::Node{Template::NodeKind::kTok, 0, static_cast<uint32_t>(t->toks_.size()), 0});
    t->toks_.push_back(tok);
  };
  // Decode once so that look-ahead is simple.
  std::vector<char32_t> cps;
  std::vector<size_t> offs;
  for (size_t i = 0; i < text.size();) {
    offs.push_back(i);
    cps.push_back(NextCodePoint(text, &i));
  }
  offs.push_back(text.size());
  auto is_digit = [](char32_t c) { return c >= '0' && c <= '9'; };
  for (size_t k = 0; k < cps.size();) {
    const char32_t cp = cps[k];
    if (IsWordChar(cp)) {
      std::string word;
      size_t j = k;
      while (j < cps.size()) {
        const char32_t c = cps[j];
        const bool inner_ok = j > k && j + 1 < cps.size() && IsWordChar(cps[j - 1]) && IsWordChar(cps[j + 1]);
        if (IsWordChar(c)) {
          AppendUtf8(c, &word);
        } else if ((c == '\'' || c == U'’') && inner_ok) {
          word.push_back('\'');  // stored straight; the renderer picks the glyph
        } else if ((c == '.' || c == ',') && inner_ok && is_digit(cps[j - 1]) && is_digit(cps[j + 1])) {
          word.push_back(static_cast<char>(c));
        } else {
          break;
        }
        ++j;
      }
      add_tok(MakeWord(Intern(std::move(word))));
      k = j;
      continue;
    }
    Tok tok;
    ClassifyPunct(cp, &tok.kind, &tok.flags);
    tok.text = Intern(std::string(text.substr(offs[k], offs[k + 1] - offs[k])));
    add_tok(tok);
    ++k;
  }
}

}  // namespace neardup::datagen
