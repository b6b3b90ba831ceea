#include "newslens/report.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string_view>

#include "draft.h"
#include "draft_source.h"
#include "fixed_decimal.h"
#include "report_shape.h"
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

  void Close(char c) {
    Ensure(1);
    *cur_++ = c;
    need_comma_ = true;
  }
  // Opens an object or array ('{' or '['), a comma first unless it is the first element.
  void Open(char c) {
    Ensure(2);
    if (need_comma_) *cur_++ = ',';
    *cur_++ = c;
    need_comma_ = false;
  }
  // `"key":`, a comma first unless it is the object's first key.
  template <size_t N>
  void Key(const char (&key)[N]) {
    Ensure(N + 4);
    if (need_comma_) *cur_++ = ',';
    *cur_++ = '"';
    std::memcpy(cur_, key, N - 1);
    cur_ += N - 1;
    *cur_++ = '"';
    *cur_++ = ':';
    need_comma_ = false;
  }
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
  // report) take the slow path, printf's digits (fixed_decimal.h).
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
    std::string s = FixedDecimal4(scaled / 10000.0);  // printf("%.4f") without printf
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

// The report's JSON: the walk of its shape (report_shape.h) into a Writer.
class JsonSink {
 public:
  explicit JsonSink(Writer& w) : w_(w) {}
  void BeginObject() { w_.Open('{'); }
  void EndObject() { w_.Close('}'); }
  void BeginArray(size_t) { w_.Open('['); }
  void EndArray() { w_.Close(']'); }
  template <size_t N>
  void Key(const char (&key)[N]) {
    w_.Key(key);
  }
  void Uint(uint64_t v) { w_.Uint(v); }
  void Number(double v) { w_.Number(v); }
  void String(std::string_view s) { w_.String(s); }

 private:
  Writer& w_;
};

// A public Report as a Source of the walk.
class ReportSource {
 public:
  explicit ReportSource(const Report& r) : r_(r) {}
  const ReportLayout& layout() const { return r_.layout; }
  const Stats& stats() const { return r_.stats; }
  const Tone& tone() const { return r_.tone; }
  std::string_view primary_theme() const { return r_.primary_theme; }
  size_t top_level_count() const { return r_.top_level.size(); }
  template <typename F>
  void ForTopLevel(F f) const {
    for (const TopLevelTheme& t : r_.top_level) {
      ThemeView v;
      v.id = t.id;
      v.label = t.label;
      v.iptc = t.iptc;
      v.score = t.score;
      v.count = t.count;
      v.share = t.share;
      f(v);
    }
  }
  size_t theme_count() const { return r_.themes.size(); }
  ThemeView theme(size_t i) const {
    const ThemeResult& t = r_.themes[i];
    ThemeView v;
    v.id = t.id;
    v.label = t.label;
    v.parent = t.parent;
    v.iptc = t.iptc;
    v.count = t.count;
    v.score = t.score;
    v.share = t.share;
    v.per_1000_words = t.per_1000_words;
    v.tone = t.tone;
    return v;
  }
  size_t term_count(size_t i) const { return r_.themes[i].terms.size(); }
  template <typename F>
  void ForTerm(size_t i, F f) const {
    for (const TermCount& t : r_.themes[i].terms) f(std::string_view(t.term), t.count);
  }
  size_t theme_sentence_count(size_t i) const { return r_.themes[i].sentences.size(); }
  template <typename F>
  void ForThemeSentence(size_t i, F f) const {
    for (uint32_t s : r_.themes[i].sentences) f(s);
  }
  const std::vector<EntityResult>& entities() const { return r_.entities; }
  const std::vector<CoMention>& co_mentions() const { return r_.co_mentions; }
  size_t sentence_count() const { return r_.sentences.size(); }
  SentenceView sentence(size_t i) const {
    const SentenceResult& s = r_.sentences[i];
    return {s.start, s.end, s.compound, s.lexicon};
  }
  size_t sentence_theme_count(size_t i) const { return r_.sentences[i].themes.size(); }
  template <typename F>
  void ForSentenceTheme(size_t i, F f) const {
    for (const std::string& id : r_.sentences[i].themes) f(std::string_view(id));
  }
  size_t mention_count() const { return r_.mentions.size(); }
  MentionView mention(size_t i) const {
    const Mention& m = r_.mentions[i];
    MentionView v;
    v.kind = m.kind;
    v.start = m.start;
    v.end = m.end;
    v.id = m.id;
    v.valence = m.valence;
    v.base = m.base;
    return v;
  }
  size_t rule_count(size_t i) const { return r_.mentions[i].rules.size(); }
  template <typename F>
  void ForRule(size_t i, F f) const {
    for (const std::string& rule : r_.mentions[i].rules) f(std::string_view(rule));
  }

 private:
  const Report& r_;
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

// About what a report takes: a start on the writer's growth, which doubles when it is short.
size_t ExpectedJsonBytes(size_t mentions, size_t sentences, size_t themes) {
  return 2048 + mentions * 80 + sentences * 64 + themes * 400;
}

std::string ToJson(const Report& r) {
  const bool mentions = r.layout.schema == 1 || r.layout.mentions;
  Writer w(&Buffer(), ExpectedJsonBytes(mentions ? r.mentions.size() : 0, r.sentences.size(),
                                        r.themes.size()));
  JsonSink sink(w);
  WalkReport(ReportSource(r), sink);
  return Finish(w);
}

std::string ToJson(const Draft& d, const ThemeEngine& themes, uint64_t /*owner*/) {
  Writer w(&Buffer(), ExpectedJsonBytes(d.mentions.size(), d.sentences.size(), d.themes.size()));
  JsonSink sink(w);
  WalkReport(DraftSource(d, themes), sink);
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
  r.layout = d.layout;
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
    x.lexicon = ToneDomainName(s.lexicon);
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
