#include "newslens/report.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string_view>

namespace newslens {

namespace {

// Appends JSON to a string through a raw cursor: the string is grown ahead of the writes (its
// size is the capacity in use) and cut to the written length by Finish(), so each key, number
// and string is a few stores rather than a std::string::append call.
// Bytes a JSON string cannot hold as they are: control characters, '"' and '\\'.
struct EscapeTable {
  bool needs[256];
  constexpr EscapeTable() : needs() {
    for (int c = 0; c < 256; ++c) needs[c] = c < 0x20 || c == '"' || c == '\\';
  }
};
inline constexpr EscapeTable kEscape{};

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

  // Keys are literals: their length is known at compile time.
  template <size_t N>
  void Key(const char (&key)[N]) {
    Ensure(N + 3);
    if (need_comma_) *cur_++ = ',';
    *cur_++ = '"';
    std::memcpy(cur_, key, N - 1);
    cur_ += N - 1;
    *cur_++ = '"';
    *cur_++ = ':';
    need_comma_ = false;
  }
  void Open(char c) {
    Ensure(2);
    if (need_comma_) *cur_++ = ',';
    *cur_++ = c;
    need_comma_ = false;
  }
  void Close(char c) {
    Ensure(1);
    *cur_++ = c;
    need_comma_ = true;
  }
  void String(std::string_view s) {
    const size_t n = s.size();
    size_t clean = 0;  // bytes before the first that needs an escape
    while (clean < n && !kEscape.needs[static_cast<unsigned char>(s[clean])]) ++clean;
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
    char buf[24];
    char* end = buf + sizeof buf;
    char* p = end;
    do {
      *--p = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v);
    Put(p, static_cast<size_t>(end - p));
    need_comma_ = true;
  }
  // Rounded to 4 decimals, shortest form, never "-0": identical in native and wasm builds.
  // The digits are those of the integer round(v * 10^4), which is exactly what printf("%.4f")
  // prints for the double nearest to it divided by 10^4; larger magnitudes (never seen in a
  // report) take the printf path.
  void Number(double v) {
    if (!std::isfinite(v)) v = 0;
    double scaled = std::round(v * 10000.0);
    if (std::fabs(scaled) >= kExactLimit) return LargeNumber(scaled);
    Ensure(32);
    if (need_comma_) *cur_++ = ',';
    int64_t k = static_cast<int64_t>(scaled);
    char buf[32];
    char* end = buf + sizeof buf;
    char* p = end;
    uint64_t m = static_cast<uint64_t>(k < 0 ? -k : k);
    uint64_t whole = m / 10000, frac = m % 10000;
    if (frac) {
      int digits = 4;
      while (frac % 10 == 0) {
        frac /= 10;
        --digits;
      }
      for (int i = 0; i < digits; ++i) {
        *--p = static_cast<char>('0' + frac % 10);
        frac /= 10;
      }
      *--p = '.';
    }
    do {
      *--p = static_cast<char>('0' + whole % 10);
      whole /= 10;
    } while (whole);
    if (k < 0) *--p = '-';
    Put(p, static_cast<size_t>(end - p));
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
  w.Open('{');
  w.Key("schema");
  w.String(kReportSchema);
  w.Key("stats");
  w.Open('{');
  w.Key("characters");
  w.Uint(r.stats.characters);
  w.Key("words");
  w.Uint(r.stats.words);
  w.Key("sentences");
  w.Uint(r.stats.sentences);
  w.Key("paragraphs");
  w.Uint(r.stats.paragraphs);
  w.Close('}');
  w.Key("tone");
  w.Open('{');
  w.Key("compound");
  w.Number(r.tone.compound);
  w.Key("label");
  w.String(r.tone.label);
  w.Key("positive");
  w.Number(r.tone.positive);
  w.Key("negative");
  w.Number(r.tone.negative);
  w.Key("neutral");
  w.Number(r.tone.neutral);
  w.Key("gdelt_tone");
  w.Number(r.tone.gdelt_tone);
  w.Key("polarity");
  w.Number(r.tone.polarity);
  w.Close('}');
  if (!r.primary_theme.empty()) {
    w.Key("primary_theme");
    w.String(r.primary_theme);
  }
  w.Key("top_level");
  w.Open('[');
  for (const TopLevelTheme& t : r.top_level) {
    w.Open('{');
    w.Key("id");
    w.String(t.id);
    w.Key("label");
    w.String(t.label);
    w.Key("iptc");
    w.String(t.iptc);
    w.Key("score");
    w.Number(t.score);
    w.Key("count");
    w.Uint(t.count);
    w.Key("share");
    w.Number(t.share);
    w.Close('}');
  }
  w.Close(']');
  w.Key("themes");
  w.Open('[');
  for (const ThemeResult& t : r.themes) {
    w.Open('{');
    w.Key("id");
    w.String(t.id);
    w.Key("label");
    w.String(t.label);
    if (!t.parent.empty()) {
      w.Key("parent");
      w.String(t.parent);
    }
    w.Key("iptc");
    w.String(t.iptc);
    w.Key("count");
    w.Uint(t.count);
    w.Key("score");
    w.Number(t.score);
    w.Key("share");
    w.Number(t.share);
    w.Key("per_1000_words");
    w.Number(t.per_1000_words);
    w.Key("tone");
    w.Number(t.tone);
    w.Key("terms");
    w.Open('[');
    for (const TermCount& tc : t.terms) {
      w.Open('{');
      w.Key("term");
      w.String(tc.term);
      w.Key("count");
      w.Uint(tc.count);
      w.Close('}');
    }
    w.Close(']');
    w.Key("sentences");
    w.Open('[');
    for (uint32_t s : t.sentences) w.Uint(s);
    w.Close(']');
    w.Close('}');
  }
  w.Close(']');
  w.Key("entities");
  w.Open('[');
  for (const EntityResult& e : r.entities) {
    w.Open('{');
    w.Key("name");
    w.String(e.name);
    w.Key("type");
    w.String(e.type);
    if (!e.code.empty()) {
      w.Key("code");
      w.String(e.code);
    }
    if (!e.role.empty()) {
      w.Key("role");
      w.String(e.role);
    }
    w.Key("count");
    w.Uint(e.count);
    w.Key("tone");
    w.Number(e.tone);
    w.Close('}');
  }
  w.Close(']');
  w.Key("co_mentions");
  w.Open('[');
  for (const CoMention& c : r.co_mentions) {
    w.Open('{');
    w.Key("a");
    w.String(c.a);
    w.Key("b");
    w.String(c.b);
    w.Key("count");
    w.Uint(c.count);
    w.Close('}');
  }
  w.Close(']');
  w.Key("sentences");
  w.Open('[');
  for (const SentenceResult& s : r.sentences) {
    w.Open('{');
    w.Key("start");
    w.Uint(s.start);
    w.Key("end");
    w.Uint(s.end);
    w.Key("compound");
    w.Number(s.compound);
    w.Key("themes");
    w.Open('[');
    for (const std::string& id : s.themes) w.String(id);
    w.Close(']');
    w.Close('}');
  }
  w.Close(']');
  w.Key("mentions");
  w.Open('[');
  for (const Mention& m : r.mentions) {
    w.Open('{');
    w.Key("start");
    w.Uint(m.start);
    w.Key("end");
    w.Uint(m.end);
    w.Key("kind");
    switch (m.kind) {
      case Mention::Kind::kTheme:
        w.String("theme");
        w.Key("id");
        w.String(m.id);
        break;
      case Mention::Kind::kSentiment:
        w.String("sentiment");
        w.Key("valence");
        w.Number(m.valence);
        w.Key("base");
        w.Number(m.base);
        w.Key("rules");
        w.Open('[');
        for (const std::string& rule : m.rules) w.String(rule);
        w.Close(']');
        break;
      case Mention::Kind::kEntity:
        w.String("entity");
        w.Key("name");
        w.String(m.id);
        break;
    }
    w.Close('}');
  }
  w.Close(']');
  w.Close('}');
  std::string json = w.Take();
  constexpr size_t kKeepBytes = 4u << 20;  // a huge report's buffer is not kept
  if (out.size() > kKeepBytes) std::string().swap(out);
  return json;
}

}  // namespace newslens
