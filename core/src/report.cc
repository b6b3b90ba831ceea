#include "newslens/report.h"

#include <cmath>
#include <cstdio>

namespace newslens {

namespace {

class Writer {
 public:
  explicit Writer(std::string* out) : out_(out) {}

  void Key(const char* key) {
    Comma();
    out_->push_back('"');
    out_->append(key);
    out_->append("\":");
    need_comma_ = false;
  }
  void Open(char c) {
    Comma();
    out_->push_back(c);
    need_comma_ = false;
  }
  void Close(char c) {
    out_->push_back(c);
    need_comma_ = true;
  }
  void String(const std::string& s) {
    Comma();
    out_->push_back('"');
    for (char ch : s) {
      unsigned char c = static_cast<unsigned char>(ch);
      switch (c) {
        case '"': out_->append("\\\""); break;
        case '\\': out_->append("\\\\"); break;
        case '\n': out_->append("\\n"); break;
        case '\r': out_->append("\\r"); break;
        case '\t': out_->append("\\t"); break;
        default:
          if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out_->append(buf);
          } else {
            out_->push_back(ch);
          }
      }
    }
    out_->push_back('"');
    need_comma_ = true;
  }
  void Uint(uint64_t v) {
    Comma();
    out_->append(std::to_string(v));
    need_comma_ = true;
  }
  // Rounded to 4 decimals, shortest form, never "-0": identical in native and wasm builds.
  void Number(double v) {
    Comma();
    if (!std::isfinite(v)) v = 0;
    double r = std::round(v * 10000.0) / 10000.0;
    if (r == 0) r = 0;  // -0 -> 0
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", r);
    std::string s(buf);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    out_->append(s);
    need_comma_ = true;
  }

 private:
  void Comma() {
    if (need_comma_) out_->push_back(',');
  }
  std::string* out_;
  bool need_comma_ = false;
};

}  // namespace

std::string ToJson(const Report& r) {
  std::string out;
  out.reserve(4096 + r.mentions.size() * 64 + r.sentences.size() * 48);
  Writer w(&out);
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
  return out;
}

}  // namespace newslens
