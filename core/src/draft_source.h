// Private: the Draft of an analysis as a Source of the report's walk (report_shape.h): its
// theme and term indices read through the ThemeEngine's definitions, which the writers do not
// need to know about.
#ifndef NEWSLENS_SRC_DRAFT_SOURCE_H_
#define NEWSLENS_SRC_DRAFT_SOURCE_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "draft.h"
#include "report_shape.h"
#include "themes.h"

namespace newslens {

class DraftSource {
 public:
  DraftSource(const Draft& d, const ThemeEngine& themes) : d_(d), themes_(themes) {
    for (const DraftTheme& t : d.themes) {
      if (!InTopLevel(t, themes)) continue;
      if (!primary_) primary_ = &t;
      ++tops_;
    }
  }
  const ReportLayout& layout() const { return d_.layout; }
  const Stats& stats() const { return d_.stats; }
  const Tone& tone() const { return d_.tone; }
  // The top-level themes are those of d.themes that InTopLevel admits, in the same order (by
  // score, then id); the primary theme is the first of them.
  std::string_view primary_theme() const {
    return primary_ ? std::string_view(themes_.def(primary_->theme).id) : std::string_view();
  }
  size_t top_level_count() const { return tops_; }
  template <typename F>
  void ForTopLevel(F f) const {
    for (const DraftTheme& t : d_.themes)
      if (InTopLevel(t, themes_)) f(View(t));
  }
  size_t theme_count() const { return d_.themes.size(); }
  ThemeView theme(size_t i) const { return View(d_.themes[i]); }
  size_t term_count(size_t i) const { return d_.themes[i].terms_end - d_.themes[i].terms_begin; }
  template <typename F>
  void ForTerm(size_t i, F f) const {
    const DraftTheme& t = d_.themes[i];
    const std::vector<TermDef>& terms = themes_.def(t.theme).terms;
    for (uint32_t k = t.terms_begin; k < t.terms_end; ++k)
      f(std::string_view(terms[d_.terms[k].first].text), d_.terms[k].second);
  }
  size_t theme_sentence_count(size_t i) const {
    return d_.themes[i].sentences_end - d_.themes[i].sentences_begin;
  }
  template <typename F>
  void ForThemeSentence(size_t i, F f) const {
    const DraftTheme& t = d_.themes[i];
    for (uint32_t k = t.sentences_begin; k < t.sentences_end; ++k) f(d_.theme_sentences[k]);
  }
  const std::vector<EntityResult>& entities() const { return d_.entities; }
  const std::vector<CoMention>& co_mentions() const { return d_.co_mentions; }
  size_t sentence_count() const { return d_.sentences.size(); }
  SentenceView sentence(size_t i) const {
    const DraftSentence& s = d_.sentences[i];
    return {s.start, s.end, s.compound, ToneDomainName(s.lexicon)};
  }
  size_t sentence_theme_count(size_t i) const {
    return d_.sentences[i].themes_end - d_.sentences[i].themes_begin;
  }
  template <typename F>
  void ForSentenceTheme(size_t i, F f) const {
    const DraftSentence& s = d_.sentences[i];
    for (uint32_t k = s.themes_begin; k < s.themes_end; ++k)
      f(std::string_view(themes_.def(d_.sentence_themes[k]).id));
  }
  size_t mention_count() const { return d_.mentions.size(); }
  MentionView mention(size_t i) const {
    const DraftMention& m = d_.mentions[i];
    MentionView v;
    v.kind = m.kind;
    v.start = m.start;
    v.end = m.end;
    if (m.kind == Mention::Kind::kTheme) {
      v.id = themes_.def(m.ref).id;
    } else if (m.kind == Mention::Kind::kEntity) {
      v.id = d_.entities[m.ref].name;
    } else {
      v.valence = m.valence;
      v.base = m.base;
    }
    return v;
  }
  size_t rule_count(size_t i) const {
    size_t n = 0;
    for (size_t k = 0; k < kRuleNameCount; ++k) n += (d_.mentions[i].ref & kRuleNames[k].bit) != 0;
    return n;
  }
  template <typename F>
  void ForRule(size_t i, F f) const {
    for (size_t k = 0; k < kRuleNameCount; ++k)
      if (d_.mentions[i].ref & kRuleNames[k].bit) f(std::string_view(kRuleNames[k].name));
  }

 private:
  ThemeView View(const DraftTheme& t) const {
    const ThemeDef& def = themes_.def(t.theme);
    ThemeView v;
    v.id = def.id;
    v.label = def.label;
    v.parent = def.parent;
    v.iptc = def.iptc;
    v.count = t.count;
    v.score = t.score;
    v.share = t.share;
    v.per_1000_words = t.per_1000_words;
    v.tone = t.tone;
    return v;
  }

  const Draft& d_;
  const ThemeEngine& themes_;
  const DraftTheme* primary_ = nullptr;
  size_t tops_ = 0;
};

}  // namespace newslens

#endif  // NEWSLENS_SRC_DRAFT_SOURCE_H_
