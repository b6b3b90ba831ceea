#include "newslens/report.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string_view>

#include "draft.h"
#include "themes.h"

namespace newslens {

namespace {

// Bytes a JSON string cannot hold as they are: control characters, '"' and '\\'.
struct EscapeTable {
  bool needs[256];
  constexpr EscapeTable() : needs() {
    for (int c = 0; c < 256; ++c) needs[c] = c < 0x20 || c == '"' || c == '\\';
  }
};
inline constexpr EscapeTable kEscape{};

inline constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// Writes the decimal digits of v at p (which has room for 20); returns the end.
inline char* WriteUint(char* p, uint64_t v) {
  if (v < 10) {
    *p = static_cast<char>('0' + v);
    return p + 1;
  }
  if (v < 100) {
    std::memcpy(p, kDigitPairs + 2 * v, 2);
    return p + 2;
  }
  int digits = 3;
  for (uint64_t t = v / 1000; t; t /= 10) ++digits;
  char* end = p + digits;
  char* q = end;
  while (v >= 100) {
    q -= 2;
    std::memcpy(q, kDigitPairs + 2 * (v % 100), 2);
    v /= 100;
  }
  if (v >= 10) {
    q -= 2;
    std::memcpy(q, kDigitPairs + 2 * v, 2);
  } else {
    *--q = static_cast<char>('0' + v);
  }
  return end;
}

// Length of the prefix of [p, p + n) that needs no escape, eight bytes at a time: a word passes
// when none of its bytes is below 0x20, '"' or '\\' (the classic has-zero / has-less tests).
inline size_t CleanPrefix(const char* p, size_t n) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    const uint64_t quote = x ^ (kOnes * '"'), backslash = x ^ (kOnes * '\\');
    const uint64_t hit = ((x - kOnes * 0x20) & ~x) | ((quote - kOnes) & ~quote) |
                         ((backslash - kOnes) & ~backslash);
    if (hit & kHigh) break;
  }
  while (i < n && !kEscape.needs[static_cast<unsigned char>(p[i])]) ++i;
  return i;
}

// The escape sequence of a byte that needs one (kEscape) into `out` (6 bytes); returns its length.
inline size_t Escape(unsigned char c, char* out) {
  out[0] = '\\';
  switch (c) {
    case '"': out[1] = '"'; return 2;
    case '\\': out[1] = '\\'; return 2;
    case '\n': out[1] = 'n'; return 2;
    case '\r': out[1] = 'r'; return 2;
    case '\t': out[1] = 't'; return 2;
    default: {
      static const char kHex[] = "0123456789abcdef";
      out[1] = 'u';
      out[2] = '0';
      out[3] = '0';
      out[4] = kHex[c >> 4];
      out[5] = kHex[c & 15];
      return 6;
    }
  }
}

// Appends JSON to a string through a raw cursor: the string is grown ahead of the writes (its
// size is the capacity in use) and copied out at its written length by Take(), so each key, number
// and string is a few stores rather than a std::string::append call.
class Writer {
 public:
  Writer(std::string* out, size_t expected) : out_(out) {
    if (out_->size() < expected) out_->resize(expected < 256 ? 256 : expected);
    begin_ = out_->data();
    cur_ = begin_;
    end_ = begin_ + out_->size();
  }
  // The JSON written, as a new string (the buffer stays with the writer's owner).
  std::string Take() const { return std::string(begin_, static_cast<size_t>(cur_ - begin_)); }

  // JSON text written as it is, e.g. `,"end":`: a literal holds the punctuation and keys
  // between two values, so a run of keys costs one copy. The next value needs no comma.
  template <size_t N>
  void Raw(const char (&text)[N]) {
    Ensure(N);
    std::memcpy(cur_, text, N - 1);
    cur_ += N - 1;
    need_comma_ = false;
  }
  // The same at the start of an array element: a comma first unless it is the first.
  template <size_t N>
  void Item(const char (&text)[N]) {
    Ensure(N + 1);
    if (need_comma_) *cur_++ = ',';
    std::memcpy(cur_, text, N - 1);
    cur_ += N - 1;
    need_comma_ = false;
  }
  void Close(char c) {
    Ensure(1);
    *cur_++ = c;
    need_comma_ = true;
  }
  // Pre-written JSON (a ThemeJson fragment): `text` as it is, with a comma first when it starts
  // an array element that is not the first; the fragment ends with a value.
  void Fragment(std::string_view text) {
    Ensure(text.size() + 1);
    if (need_comma_) *cur_++ = ',';
    Put(text.data(), text.size());
    need_comma_ = true;
  }
  // After a Raw literal that ended a value ("]}"): the next one needs a comma.
  void Close() { need_comma_ = true; }
  void String(std::string_view s) {
    const size_t n = s.size();
    const size_t clean = CleanPrefix(s.data(), n);  // bytes before the first that needs an escape
    if (clean == n) {  // the usual case: ids, labels and terms need no escape
      Ensure(n + 3);
      if (need_comma_) *cur_++ = ',';
      *cur_++ = '"';
      Put(s.data(), n);
      *cur_++ = '"';
      need_comma_ = true;
      return;
    }
    Ensure(n * 6 + 3);  // worst case: every byte a \u00XX escape
    if (need_comma_) *cur_++ = ',';
    *cur_++ = '"';
    // Copy runs of characters that need no escape at once.
    Put(s.data(), clean);
    size_t run = clean;
    for (size_t i = clean; i < n; ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (!kEscape.needs[c]) continue;
      Put(s.data() + run, i - run);
      run = i + 1;
      char escaped[6];
      Put(escaped, Escape(c, escaped));
    }
    Put(s.data() + run, n - run);
    *cur_++ = '"';
    need_comma_ = true;
  }
  void Uint(uint64_t v) {
    Ensure(24);
    if (need_comma_) *cur_++ = ',';
    cur_ = WriteUint(cur_, v);
    need_comma_ = true;
  }
  // Rounded to 4 decimals, shortest form, never "-0": identical in native and wasm builds.
  // The digits are those of the integer round(v * 10^4), which is exactly what printf("%.4f")
  // prints for the double nearest to it divided by 10^4; larger magnitudes (never seen in a
  // report) take the printf path.
  void Number(double v) {
    int64_t k;
    if (!RoundTo4Decimals(v, &k)) return LargeNumber(std::round(v * 10000.0));
    Ensure(32);
    if (need_comma_) *cur_++ = ',';
    if (k < 0) *cur_++ = '-';
    const uint64_t m = static_cast<uint64_t>(k < 0 ? -k : k);
    cur_ = WriteUint(cur_, m / 10000);
    const uint32_t frac = static_cast<uint32_t>(m % 10000);
    if (frac) {
      cur_[0] = '.';
      std::memcpy(cur_ + 1, kDigitPairs + 2 * (frac / 100), 2);
      std::memcpy(cur_ + 3, kDigitPairs + 2 * (frac % 100), 2);
      cur_ += 5;
      while (cur_[-1] == '0') --cur_;  // frac > 0: stops at a digit after the '.'
    }
    need_comma_ = true;
  }

 private:
  void LargeNumber(double scaled) {
    double r = scaled / 10000.0;
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.4f", r);
    std::string s(buf);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    Ensure(s.size() + 1);
    if (need_comma_) *cur_++ = ',';
    Put(s.data(), s.size());
    need_comma_ = true;
  }
  // Makes room for n more bytes (plus a comma).
  void Ensure(size_t n) {
    if (static_cast<size_t>(end_ - cur_) >= n + 1) return;
    Grow(n);
  }
  __attribute__((noinline)) void Grow(size_t n) {
    size_t used = static_cast<size_t>(cur_ - begin_);
    out_->resize(std::max(out_->size() * 2, used + n + 1));
    begin_ = out_->data();
    cur_ = begin_ + used;
    end_ = begin_ + out_->size();
  }
  void Put(const char* p, size_t n) {
    std::memcpy(cur_, p, n);
    cur_ += n;
  }

  std::string* out_;
  char *begin_, *cur_, *end_;
  bool need_comma_ = false;
};

// The parts of a report's JSON, shared by the writer of a Report and that of a Draft so that
// both write the same bytes. Keys, and the punctuation between values, are literals
// (Writer::Raw); the key order is the schema's (SPEC §3).

// `{"schema":..,"stats":{..},"tone":{..}`
void WriteHead(Writer& w, const Stats& stats, const Tone& tone) {
  w.Raw("{\"schema\":");
  w.String(kReportSchema);
  w.Raw(",\"stats\":{\"characters\":");
  w.Uint(stats.characters);
  w.Raw(",\"words\":");
  w.Uint(stats.words);
  w.Raw(",\"sentences\":");
  w.Uint(stats.sentences);
  w.Raw(",\"paragraphs\":");
  w.Uint(stats.paragraphs);
  w.Raw("},\"tone\":{\"compound\":");
  w.Number(tone.compound);
  w.Raw(",\"label\":");
  w.String(tone.label);
  w.Raw(",\"positive\":");
  w.Number(tone.positive);
  w.Raw(",\"negative\":");
  w.Number(tone.negative);
  w.Raw(",\"neutral\":");
  w.Number(tone.neutral);
  w.Raw(",\"gdelt_tone\":");
  w.Number(tone.gdelt_tone);
  w.Raw(",\"polarity\":");
  w.Number(tone.polarity);
  w.Raw("}");
}

// `,"primary_theme":..` when there is one, then `,"top_level":[`
void WriteTopLevelStart(Writer& w, std::string_view primary_theme) {
  if (!primary_theme.empty()) {
    w.Raw(",\"primary_theme\":");
    w.String(primary_theme);
  }
  w.Raw(",\"top_level\":[");
}

// `{"id":..,"label":..,"iptc":..` of a top-level theme.
void WriteTopLevelHead(Writer& w, std::string_view id, std::string_view label,
                       std::string_view iptc) {
  w.Item("{\"id\":");
  w.String(id);
  w.Raw(",\"label\":");
  w.String(label);
  w.Raw(",\"iptc\":");
  w.String(iptc);
}

// The rest of a top-level theme, after its head.
void WriteTopLevelNumbers(Writer& w, double score, uint32_t count, double share) {
  w.Raw(",\"score\":");
  w.Number(score);
  w.Raw(",\"count\":");
  w.Uint(count);
  w.Raw(",\"share\":");
  w.Number(share);
  w.Close('}');
}

// `{"id":..,"label":..,"parent":..,"iptc":..` of a theme (no parent for a top-level one).
void WriteThemeHead(Writer& w, std::string_view id, std::string_view label,
                    std::string_view parent, std::string_view iptc) {
  w.Item("{\"id\":");
  w.String(id);
  w.Raw(",\"label\":");
  w.String(label);
  if (!parent.empty()) {
    w.Raw(",\"parent\":");
    w.String(parent);
  }
  w.Raw(",\"iptc\":");
  w.String(iptc);
}

// A theme after its head, up to its terms: `,"count":..,..,"tone":..,"terms":[`
void WriteThemeNumbers(Writer& w, uint32_t count, double score, double share,
                       double per_1000_words, double tone) {
  w.Raw(",\"count\":");
  w.Uint(count);
  w.Raw(",\"score\":");
  w.Number(score);
  w.Raw(",\"share\":");
  w.Number(share);
  w.Raw(",\"per_1000_words\":");
  w.Number(per_1000_words);
  w.Raw(",\"tone\":");
  w.Number(tone);
  w.Raw(",\"terms\":[");
}

void WriteTerm(Writer& w, std::string_view term, uint32_t count) {
  w.Item("{\"term\":");
  w.String(term);
  w.Raw(",\"count\":");
  w.Uint(count);
  w.Close('}');
}

void WriteEntities(Writer& w, const std::vector<EntityResult>& entities,
                   const std::vector<CoMention>& co_mentions) {
  w.Raw("],\"entities\":[");
  for (const EntityResult& e : entities) {
    w.Item("{\"name\":");
    w.String(e.name);
    w.Raw(",\"type\":");
    w.String(e.type);
    if (!e.code.empty()) {
      w.Raw(",\"code\":");
      w.String(e.code);
    }
    if (!e.role.empty()) {
      w.Raw(",\"role\":");
      w.String(e.role);
    }
    w.Raw(",\"count\":");
    w.Uint(e.count);
    w.Raw(",\"tone\":");
    w.Number(e.tone);
    w.Close('}');
  }
  w.Raw("],\"co_mentions\":[");
  for (const CoMention& c : co_mentions) {
    w.Item("{\"a\":");
    w.String(c.a);
    w.Raw(",\"b\":");
    w.String(c.b);
    w.Raw(",\"count\":");
    w.Uint(c.count);
    w.Close('}');
  }
  w.Raw("],\"sentences\":[");
}

// A sentence up to its themes: `{"start":..,"end":..,"compound":..,"themes":[`
void WriteSentenceStart(Writer& w, uint32_t start, uint32_t end, double compound) {
  w.Item("{\"start\":");
  w.Uint(start);
  w.Raw(",\"end\":");
  w.Uint(end);
  w.Raw(",\"compound\":");
  w.Number(compound);
  w.Raw(",\"themes\":[");
}

// Closes a theme's sentence list or a sentence's theme list, and the object: `]}`
void WriteListEnd(Writer& w) {
  w.Raw("]}");
  w.Close();
}

// A theme or entity mention up to its id: `{"start":..,"end":..,"kind":"theme","id":`; the
// caller writes the id and closes the object.
void WriteNamedMentionStart(Writer& w, Mention::Kind kind, uint32_t start, uint32_t end) {
  w.Item("{\"start\":");
  w.Uint(start);
  w.Raw(",\"end\":");
  w.Uint(end);
  if (kind == Mention::Kind::kTheme) w.Raw(",\"kind\":\"theme\",\"id\":");
  else w.Raw(",\"kind\":\"entity\",\"name\":");
}

// A sentiment mention up to its rules: `{..,"kind":"sentiment",..,"rules":[`
void WriteSentimentStart(Writer& w, uint32_t start, uint32_t end, double valence, double base) {
  w.Item("{\"start\":");
  w.Uint(start);
  w.Raw(",\"end\":");
  w.Uint(end);
  w.Raw(",\"kind\":\"sentiment\",\"valence\":");
  w.Number(valence);
  w.Raw(",\"base\":");
  w.Number(base);
  w.Raw(",\"rules\":[");
}

// The JSON of each theme's strings, written once per thread and analyzer instead of escaped
// again in every report: its quoted id (mentions, sentences), its head in the theme list and in
// the top-level list. Built on first use; starts over for another analyzer.
class ThemeJson {
 public:
  void Use(uint64_t owner, const ThemeEngine& themes) {
    if (owner == owner_ && themes_ == &themes) return;
    owner_ = owner;
    themes_ = &themes;
    text_.clear();
    bounds_.clear();
    at_.assign(themes.theme_count(), kNone);
  }
  std::string_view Id(uint32_t t) { return Part(t, 0); }
  std::string_view Head(uint32_t t) { return Part(t, 1); }
  std::string_view TopHead(uint32_t t) { return Part(t, 2); }

 private:
  static constexpr uint32_t kNone = ~0u;
  std::string_view Part(uint32_t t, int part) {
    if (at_[t] == kNone) Build(t);
    const uint32_t* b = &bounds_[at_[t]];
    return std::string_view(text_).substr(b[part], b[part + 1] - b[part]);
  }
  void Build(uint32_t t) {
    const ThemeDef& def = themes_->def(t);
    std::string scratch;
    Writer id(&scratch, 0);
    id.String(def.id);
    const std::string quoted = id.Take();
    Writer head(&scratch, 0);
    WriteThemeHead(head, def.id, def.label, def.parent, def.iptc);
    const std::string theme_head = head.Take();
    Writer top(&scratch, 0);
    WriteTopLevelHead(top, def.id, def.label, def.iptc);
    const std::string top_head = top.Take();
    at_[t] = static_cast<uint32_t>(bounds_.size());
    const uint32_t base = static_cast<uint32_t>(text_.size());
    bounds_.push_back(base);
    bounds_.push_back(base + static_cast<uint32_t>(quoted.size()));
    bounds_.push_back(bounds_.back() + static_cast<uint32_t>(theme_head.size()));
    bounds_.push_back(bounds_.back() + static_cast<uint32_t>(top_head.size()));
    text_ += quoted;
    text_ += theme_head;
    text_ += top_head;
  }

  uint64_t owner_ = 0;
  const ThemeEngine* themes_ = nullptr;
  std::string text_;              // every fragment built
  std::vector<uint32_t> at_;      // by theme: index of its 4 bounds in bounds_, or kNone
  std::vector<uint32_t> bounds_;  // id, head, top head: [b0, b1), [b1, b2), [b2, b3)
};

// The writer's buffer, kept by the thread (grown, never zero-filled again); the JSON is copied
// out once: a fresh string would be zero-filled by every resize.
std::string& Buffer() {
  thread_local std::string out;
  return out;
}

std::string Finish(const Writer& w) {
  std::string json = w.Take();
  constexpr size_t kKeepBytes = 4u << 20;  // a huge report's buffer is not kept
  if (Buffer().size() > kKeepBytes) std::string().swap(Buffer());
  return json;
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  *out += '"';
  size_t run = 0;
  for (size_t i = CleanPrefix(s.data(), s.size()); i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (!kEscape.needs[c]) continue;
    out->append(s.data() + run, i - run);
    char escaped[6];
    out->append(escaped, Escape(c, escaped));
    run = i + 1;
  }
  out->append(s.data() + run, s.size() - run);
  *out += '"';
}

std::string ToJson(const Report& r) {
  // About what a report takes: a start on the growth, which doubles when it is short.
  Writer w(&Buffer(),
           2048 + r.mentions.size() * 80 + r.sentences.size() * 64 + r.themes.size() * 400);
  WriteHead(w, r.stats, r.tone);
  WriteTopLevelStart(w, r.primary_theme);
  for (const TopLevelTheme& t : r.top_level) {
    WriteTopLevelHead(w, t.id, t.label, t.iptc);
    WriteTopLevelNumbers(w, t.score, t.count, t.share);
  }
  w.Raw("],\"themes\":[");
  for (const ThemeResult& t : r.themes) {
    WriteThemeHead(w, t.id, t.label, t.parent, t.iptc);
    WriteThemeNumbers(w, t.count, t.score, t.share, t.per_1000_words, t.tone);
    for (const TermCount& tc : t.terms) WriteTerm(w, tc.term, tc.count);
    w.Raw("],\"sentences\":[");
    for (uint32_t s : t.sentences) w.Uint(s);
    WriteListEnd(w);
  }
  WriteEntities(w, r.entities, r.co_mentions);
  for (const SentenceResult& s : r.sentences) {
    WriteSentenceStart(w, s.start, s.end, s.compound);
    for (const std::string& id : s.themes) w.String(id);
    WriteListEnd(w);
  }
  w.Raw("],\"mentions\":[");
  for (const Mention& m : r.mentions) {
    if (m.kind == Mention::Kind::kSentiment) {
      WriteSentimentStart(w, m.start, m.end, m.valence, m.base);
      for (const std::string& rule : m.rules) w.String(rule);
      WriteListEnd(w);
    } else {
      WriteNamedMentionStart(w, m.kind, m.start, m.end);
      w.String(m.id);
      w.Close('}');
    }
  }
  w.Raw("]}");
  return Finish(w);
}

std::string ToJson(const Draft& d, const ThemeEngine& themes, uint64_t owner) {
  thread_local ThemeJson fragments;
  fragments.Use(owner, themes);
  Writer w(&Buffer(),
           2048 + d.mentions.size() * 80 + d.sentences.size() * 64 + d.themes.size() * 400);
  WriteHead(w, d.stats, d.tone);
  // The top-level themes are those of d.themes, in the same order (by score, then id).
  const DraftTheme* primary = nullptr;
  for (const DraftTheme& t : d.themes)
    if (InTopLevel(t, themes)) {
      primary = &t;
      break;
    }
  WriteTopLevelStart(w, primary ? std::string_view(themes.def(primary->theme).id) : "");
  for (const DraftTheme& t : d.themes) {
    if (!InTopLevel(t, themes)) continue;
    w.Fragment(fragments.TopHead(t.theme));
    WriteTopLevelNumbers(w, t.score, t.count, t.share);
  }
  w.Raw("],\"themes\":[");
  for (const DraftTheme& t : d.themes) {
    const ThemeDef& def = themes.def(t.theme);
    w.Fragment(fragments.Head(t.theme));
    WriteThemeNumbers(w, t.count, t.score, t.share, t.per_1000_words, t.tone);
    for (uint32_t k = t.terms_begin; k < t.terms_end; ++k)
      WriteTerm(w, def.terms[d.terms[k].first].text, d.terms[k].second);
    w.Raw("],\"sentences\":[");
    for (uint32_t k = t.sentences_begin; k < t.sentences_end; ++k) w.Uint(d.theme_sentences[k]);
    WriteListEnd(w);
  }
  WriteEntities(w, d.entities, d.co_mentions);
  for (const DraftSentence& s : d.sentences) {
    WriteSentenceStart(w, s.start, s.end, s.compound);
    for (uint32_t k = s.themes_begin; k < s.themes_end; ++k)
      w.Fragment(fragments.Id(d.sentence_themes[k]));
    WriteListEnd(w);
  }
  w.Raw("],\"mentions\":[");
  for (const DraftMention& m : d.mentions) {
    switch (m.kind) {
      case Mention::Kind::kTheme:
        WriteNamedMentionStart(w, m.kind, m.start, m.end);
        w.Fragment(fragments.Id(m.ref));
        w.Close('}');
        break;
      case Mention::Kind::kEntity:
        WriteNamedMentionStart(w, m.kind, m.start, m.end);
        w.String(d.entities[m.ref].name);
        w.Close('}');
        break;
      case Mention::Kind::kSentiment:
        WriteSentimentStart(w, m.start, m.end, m.valence, m.base);
        for (size_t k = 0; k < kRuleNameCount; ++k)
          if (m.ref & kRuleNames[k].bit) w.String(kRuleNames[k].name);
        WriteListEnd(w);
        break;
    }
  }
  w.Raw("]}");
  return Finish(w);
}

Report Materialize(const Draft& d, const ThemeEngine& themes, uint64_t /*owner*/) {
  Report r;
  MaterializeInto(d, themes, &r);
  return r;
}

// Every field of *r is assigned (a reused Report keeps nothing of its previous article), into
// the strings and vectors it already holds: a Report analysed into again and again stops
// allocating once its lists are as long as an article needs.
void MaterializeInto(const Draft& d, const ThemeEngine& themes, Report* out) {
  Report& r = *out;
  r.stats = d.stats;
  r.tone = d.tone;
  size_t tops = 0;
  for (const DraftTheme& t : d.themes) tops += InTopLevel(t, themes);
  r.top_level.resize(tops);
  r.themes.resize(d.themes.size());
  size_t top = 0;
  for (size_t i = 0; i < d.themes.size(); ++i) {
    const DraftTheme& t = d.themes[i];
    const ThemeDef& def = themes.def(t.theme);
    ThemeResult& x = r.themes[i];
    x.id = def.id;
    x.label = def.label;
    x.parent = def.parent;
    x.iptc = def.iptc;
    x.count = t.count;
    x.score = t.score;
    x.share = t.share;
    x.per_1000_words = t.per_1000_words;
    x.tone = t.tone;
    x.terms.resize(t.terms_end - t.terms_begin);
    for (uint32_t k = t.terms_begin; k < t.terms_end; ++k) {
      TermCount& tc = x.terms[k - t.terms_begin];
      tc.term = def.terms[d.terms[k].first].text;
      tc.count = d.terms[k].second;
    }
    x.sentences.assign(d.theme_sentences.begin() + t.sentences_begin,
                       d.theme_sentences.begin() + t.sentences_end);
    if (InTopLevel(t, themes)) {
      TopLevelTheme& y = r.top_level[top++];
      y.id = def.id;
      y.label = def.label;
      y.iptc = def.iptc;
      y.score = t.score;
      y.count = t.count;
      y.share = t.share;
    }
  }
  if (r.top_level.empty()) r.primary_theme.clear();
  else r.primary_theme = r.top_level.front().id;
  r.entities = d.entities;
  r.co_mentions = d.co_mentions;
  r.sentences.resize(d.sentences.size());
  for (size_t i = 0; i < d.sentences.size(); ++i) {
    const DraftSentence& s = d.sentences[i];
    SentenceResult& x = r.sentences[i];
    x.start = s.start;
    x.end = s.end;
    x.compound = s.compound;
    x.themes.resize(s.themes_end - s.themes_begin);
    for (uint32_t k = s.themes_begin; k < s.themes_end; ++k)
      x.themes[k - s.themes_begin] = themes.def(d.sentence_themes[k]).id;
  }
  r.mentions.resize(d.mentions.size());
  for (size_t i = 0; i < d.mentions.size(); ++i) {
    const DraftMention& m = d.mentions[i];
    Mention& x = r.mentions[i];
    x.kind = m.kind;
    x.start = m.start;
    x.end = m.end;
    x.valence = 0;
    x.base = 0;
    x.rules.clear();
    switch (m.kind) {
      case Mention::Kind::kTheme:
        x.id = themes.def(m.ref).id;
        break;
      case Mention::Kind::kEntity:
        x.id = d.entities[m.ref].name;
        break;
      case Mention::Kind::kSentiment:
        x.id.clear();
        x.valence = m.valence;
        x.base = m.base;
        if (m.ref) {
          x.rules.reserve(static_cast<size_t>(__builtin_popcount(m.ref)));
          for (size_t k = 0; k < kRuleNameCount; ++k)
            if (m.ref & kRuleNames[k].bit) x.rules.emplace_back(kRuleNames[k].name);
        }
        break;
    }
  }
}

}  // namespace newslens
