#include "newslens/report.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string_view>

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
      switch (c) {
        case '"': Put("\\\"", 2); break;
        case '\\': Put("\\\\", 2); break;
        case '\n': Put("\\n", 2); break;
        case '\r': Put("\\r", 2); break;
        case '\t': Put("\\t", 2); break;
        default: {
          static const char kHex[] = "0123456789abcdef";
          char buf[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
          Put(buf, 6);
        }
      }
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
    if (!std::isfinite(v)) v = 0;
    const double x = v * 10000.0;
    if (!(std::fabs(x) < kExactLimit)) return LargeNumber(std::round(x));
    // round(x), half away from zero, without the libm call: below 2^53 the truncation and the
    // fraction x - trunc(x) are exact.
    int64_t k = static_cast<int64_t>(x);
    const double fraction = x - static_cast<double>(k);
    if (fraction >= 0.5) ++k;
    else if (fraction <= -0.5) --k;
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

  // Below 2^53 every integer is exact in a double, so round(v * 10^4) is the digits printf
  // would print.
  static constexpr double kExactLimit = 9007199254740992.0;
  std::string* out_;
  char *begin_, *cur_, *end_;
  bool need_comma_ = false;
};

}  // namespace

std::string ToJson(const Report& r) {
  // Written into a buffer kept by the thread (grown, never zero-filled again) and copied out
  // once: a fresh string would be zero-filled by every resize.
  thread_local std::string out;
  // About what a report takes: a start on the growth, which doubles when it is short.
  Writer w(&out, 2048 + r.mentions.size() * 80 + r.sentences.size() * 64 + r.themes.size() * 400);
  // Keys, and the punctuation between values, as literals (Writer::Raw): the key order is the
  // schema's (SPEC §3).
  w.Raw("{\"schema\":");
  w.String(kReportSchema);
  w.Raw(",\"stats\":{\"characters\":");
  w.Uint(r.stats.characters);
  w.Raw(",\"words\":");
  w.Uint(r.stats.words);
  w.Raw(",\"sentences\":");
  w.Uint(r.stats.sentences);
  w.Raw(",\"paragraphs\":");
  w.Uint(r.stats.paragraphs);
  w.Raw("},\"tone\":{\"compound\":");
  w.Number(r.tone.compound);
  w.Raw(",\"label\":");
  w.String(r.tone.label);
  w.Raw(",\"positive\":");
  w.Number(r.tone.positive);
  w.Raw(",\"negative\":");
  w.Number(r.tone.negative);
  w.Raw(",\"neutral\":");
  w.Number(r.tone.neutral);
  w.Raw(",\"gdelt_tone\":");
  w.Number(r.tone.gdelt_tone);
  w.Raw(",\"polarity\":");
  w.Number(r.tone.polarity);
  w.Raw("}");
  if (!r.primary_theme.empty()) {
    w.Raw(",\"primary_theme\":");
    w.String(r.primary_theme);
  }
  w.Raw(",\"top_level\":[");
  for (const TopLevelTheme& t : r.top_level) {
    w.Item("{\"id\":");
    w.String(t.id);
    w.Raw(",\"label\":");
    w.String(t.label);
    w.Raw(",\"iptc\":");
    w.String(t.iptc);
    w.Raw(",\"score\":");
    w.Number(t.score);
    w.Raw(",\"count\":");
    w.Uint(t.count);
    w.Raw(",\"share\":");
    w.Number(t.share);
    w.Close('}');
  }
  w.Raw("],\"themes\":[");
  for (const ThemeResult& t : r.themes) {
    w.Item("{\"id\":");
    w.String(t.id);
    w.Raw(",\"label\":");
    w.String(t.label);
    if (!t.parent.empty()) {
      w.Raw(",\"parent\":");
      w.String(t.parent);
    }
    w.Raw(",\"iptc\":");
    w.String(t.iptc);
    w.Raw(",\"count\":");
    w.Uint(t.count);
    w.Raw(",\"score\":");
    w.Number(t.score);
    w.Raw(",\"share\":");
    w.Number(t.share);
    w.Raw(",\"per_1000_words\":");
    w.Number(t.per_1000_words);
    w.Raw(",\"tone\":");
    w.Number(t.tone);
    w.Raw(",\"terms\":[");
    for (const TermCount& tc : t.terms) {
      w.Item("{\"term\":");
      w.String(tc.term);
      w.Raw(",\"count\":");
      w.Uint(tc.count);
      w.Close('}');
    }
    w.Raw("],\"sentences\":[");
    for (uint32_t s : t.sentences) w.Uint(s);
    w.Raw("]}");
    w.Close();
  }
  w.Raw("],\"entities\":[");
  for (const EntityResult& e : r.entities) {
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
  for (const CoMention& c : r.co_mentions) {
    w.Item("{\"a\":");
    w.String(c.a);
    w.Raw(",\"b\":");
    w.String(c.b);
    w.Raw(",\"count\":");
    w.Uint(c.count);
    w.Close('}');
  }
  w.Raw("],\"sentences\":[");
  for (const SentenceResult& s : r.sentences) {
    w.Item("{\"start\":");
    w.Uint(s.start);
    w.Raw(",\"end\":");
    w.Uint(s.end);
    w.Raw(",\"compound\":");
    w.Number(s.compound);
    w.Raw(",\"themes\":[");
    for (const std::string& id : s.themes) w.String(id);
    w.Raw("]}");
    w.Close();
  }
  w.Raw("],\"mentions\":[");
  for (const Mention& m : r.mentions) {
    w.Item("{\"start\":");
    w.Uint(m.start);
    w.Raw(",\"end\":");
    w.Uint(m.end);
    switch (m.kind) {
      case Mention::Kind::kTheme:
        w.Raw(",\"kind\":\"theme\",\"id\":");
        w.String(m.id);
        w.Close('}');
        break;
      case Mention::Kind::kSentiment:
        w.Raw(",\"kind\":\"sentiment\",\"valence\":");
        w.Number(m.valence);
        w.Raw(",\"base\":");
        w.Number(m.base);
        w.Raw(",\"rules\":[");
        for (const std::string& rule : m.rules) w.String(rule);
        w.Raw("]}");
        w.Close();
        break;
      case Mention::Kind::kEntity:
        w.Raw(",\"kind\":\"entity\",\"name\":");
        w.String(m.id);
        w.Close('}');
        break;
    }
  }
  w.Raw("]}");
  std::string json = w.Take();
  constexpr size_t kKeepBytes = 4u << 20;  // a huge report's buffer is not kept
  if (out.size() > kKeepBytes) std::string().swap(out);
  return json;
}

}  // namespace newslens
