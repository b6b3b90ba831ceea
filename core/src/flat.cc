// The report in the flat form (newslens/analyzer.h, FlatReport), written from the Draft as the
// JSON writer (report.cc, ToJson(Draft)) writes it: the same items in the same order, numbers as
// the integers whose digits the JSON has.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "draft.h"
#include "themes.h"

namespace newslens {
namespace {

class FlatWriter {
 public:
  FlatWriter(FlatReport* out, size_t theme_count) : out_(*out) {
    out_.ints.clear();
    out_.numbers.clear();
    out_.strings.assign(1, '[');
    out_.json.clear();
    // Kept by the thread (grown once); a huge article's string table is not kept.
    if (index_.size() > 4096) std::unordered_map<std::string_view, int32_t>().swap(index_);
    index_.clear();
    theme_strings_.assign(theme_count * 4, -1);
  }

  void Int(uint32_t v) { out_.ints.push_back(static_cast<int32_t>(v)); }
  void Count(size_t n) { Int(static_cast<uint32_t>(n)); }
  // The integer whose digits the JSON has (RoundTo4Decimals, shared with the JSON writer).
  void Number(double v) {
    int64_t k = 0;
    if (!RoundTo4Decimals(v, &k)) fits_ = false;  // the JSON writer's printf path: send JSON
    out_.numbers.push_back(static_cast<double>(k));  // k == 0 gives +0
  }
  // A string by content: its index in the table, added on first use.
  void String(std::string_view s) { out_.ints.push_back(Index(s)); }
  void Optional(std::string_view s) {
    if (s.empty()) out_.ints.push_back(-1);
    else String(s);
  }
  // One of a theme's four strings (0 id, 1 label, 2 parent, 3 iptc), remembered by theme index
  // so that each mention does not hash its theme's id.
  void ThemeString(uint32_t theme, int which, std::string_view s, bool optional = false) {
    int32_t& slot = theme_strings_[theme * 4 + which];
    if (slot < 0) {
      if (optional && s.empty()) {
        out_.ints.push_back(-1);
        return;
      }
      slot = Index(s);
    }
    out_.ints.push_back(slot);
  }
  bool fits() const { return fits_; }
  void Finish() { out_.strings += ']'; }

 private:
  int32_t Index(std::string_view s) {
    auto [it, added] = index_.emplace(s, static_cast<int32_t>(index_.size()));
    if (added) {
      if (out_.strings.size() > 1) out_.strings += ',';
      AppendJsonString(s, &out_.strings);  // escaped as the report's JSON escapes it
    }
    return it->second;
  }

  FlatReport& out_;
  bool fits_ = true;
  // Views into the analyzer's dictionaries and the draft, both alive while the report is
  // written (and cleared before the next).
  static thread_local std::unordered_map<std::string_view, int32_t> index_;
  static thread_local std::vector<int32_t> theme_strings_;
};

thread_local std::unordered_map<std::string_view, int32_t> FlatWriter::index_;
thread_local std::vector<int32_t> FlatWriter::theme_strings_;

}  // namespace

void ToFlat(const Draft& d, const ThemeEngine& themes, uint64_t owner, FlatReport* out) {
  FlatWriter w(out, themes.theme_count());
  w.String(kReportSchema);
  w.Int(d.stats.characters);
  w.Int(d.stats.words);
  w.Int(d.stats.sentences);
  w.Int(d.stats.paragraphs);
  w.Number(d.tone.compound);
  w.String(d.tone.label);
  w.Number(d.tone.positive);
  w.Number(d.tone.negative);
  w.Number(d.tone.neutral);
  w.Number(d.tone.gdelt_tone);
  w.Number(d.tone.polarity);
  // The top-level themes are those of d.themes, in the same order (by score, then id); the
  // primary theme is the first of them.
  size_t tops = 0;
  const DraftTheme* primary = nullptr;
  for (const DraftTheme& t : d.themes) {
    if (!InTopLevel(t, themes)) continue;
    if (!primary) primary = &t;
    ++tops;
  }
  if (primary) w.ThemeString(primary->theme, 0, themes.def(primary->theme).id);
  else w.Optional("");
  w.Count(tops);
  for (const DraftTheme& t : d.themes) {
    if (!InTopLevel(t, themes)) continue;
    const ThemeDef& def = themes.def(t.theme);
    w.ThemeString(t.theme, 0, def.id);
    w.ThemeString(t.theme, 1, def.label);
    w.ThemeString(t.theme, 3, def.iptc);
    w.Number(t.score);
    w.Int(t.count);
    w.Number(t.share);
  }
  w.Count(d.themes.size());
  for (const DraftTheme& t : d.themes) {
    const ThemeDef& def = themes.def(t.theme);
    w.ThemeString(t.theme, 0, def.id);
    w.ThemeString(t.theme, 1, def.label);
    w.ThemeString(t.theme, 2, def.parent, /*optional=*/true);
    w.ThemeString(t.theme, 3, def.iptc);
    w.Int(t.count);
    w.Number(t.score);
    w.Number(t.share);
    w.Number(t.per_1000_words);
    w.Number(t.tone);
    w.Count(t.terms_end - t.terms_begin);
    for (uint32_t k = t.terms_begin; k < t.terms_end; ++k) {
      w.String(def.terms[d.terms[k].first].text);
      w.Int(d.terms[k].second);
    }
    w.Count(t.sentences_end - t.sentences_begin);
    for (uint32_t k = t.sentences_begin; k < t.sentences_end; ++k) w.Int(d.theme_sentences[k]);
  }
  w.Count(d.entities.size());
  for (const EntityResult& e : d.entities) {
    w.String(e.name);
    w.String(e.type);
    w.Optional(e.code);
    w.Optional(e.role);
    w.Int(e.count);
    w.Number(e.tone);
  }
  w.Count(d.co_mentions.size());
  for (const CoMention& c : d.co_mentions) {
    w.String(c.a);
    w.String(c.b);
    w.Int(c.count);
  }
  w.Count(d.sentences.size());
  for (const DraftSentence& s : d.sentences) {
    w.Int(s.start);
    w.Int(s.end);
    w.Number(s.compound);
    w.Count(s.themes_end - s.themes_begin);
    for (uint32_t k = s.themes_begin; k < s.themes_end; ++k) {
      const uint32_t theme = d.sentence_themes[k];
      w.ThemeString(theme, 0, themes.def(theme).id);
    }
  }
  w.Count(d.mentions.size());
  for (const DraftMention& m : d.mentions) {
    w.Int(static_cast<uint32_t>(m.kind));
    w.Int(m.start);
    w.Int(m.end);
    switch (m.kind) {
      case Mention::Kind::kTheme:
        w.ThemeString(m.ref, 0, themes.def(m.ref).id);
        break;
      case Mention::Kind::kEntity:
        w.String(d.entities[m.ref].name);
        break;
      case Mention::Kind::kSentiment: {
        w.Number(m.valence);
        w.Number(m.base);
        uint32_t rules = 0;
        for (size_t k = 0; k < kRuleNameCount; ++k) rules += (m.ref & kRuleNames[k].bit) != 0;
        w.Int(rules);
        for (size_t k = 0; k < kRuleNameCount; ++k)
          if (m.ref & kRuleNames[k].bit) w.String(kRuleNames[k].name);
        break;
      }
    }
  }
  w.Finish();
  if (!w.fits()) {
    out->ints.clear();
    out->numbers.clear();
    out->strings.clear();
    out->json = ToJson(d, themes, owner);
  }
}

}  // namespace newslens
