// Private: an analysis before its strings. The stages write a Draft: themes and terms stay
// indices into the ThemeEngine, a sentiment mention's rules a bit set, every list one flat
// vector (kept by the thread, so an article allocates nothing once they have grown). The JSON
// writer reads it directly (Analyzer::AnalyzeToJson); Analyzer::Analyze copies it into the
// public Report, whose ToJson writes the same bytes (tests/core/report_test.cc).
#ifndef NEWSLENS_SRC_DRAFT_H_
#define NEWSLENS_SRC_DRAFT_H_

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newslens/analyzer.h"
#include "newslens/report.h"

namespace newslens {

class ThemeEngine;

struct DraftMention {
  uint32_t start = 0, end = 0;
  Mention::Kind kind = Mention::Kind::kTheme;
  // kTheme: the theme's index in the ThemeEngine; kSentiment: the rule bits (RuleNames);
  // kEntity: the index of the entity in Draft::entities.
  uint32_t ref = 0;
  double valence = 0, base = 0;  // kSentiment
};

struct DraftTheme {
  uint32_t theme = 0;  // index in the ThemeEngine
  uint32_t count = 0;
  double score = 0, share = 0, per_1000_words = 0, tone = 0;
  // Too little evidence (themes.cc, kMinEvidence*): named in one sentence, a small share.
  // Weak themes rank after the others; the page and the widget do not draw them.
  bool weak = false;
  uint32_t terms_begin = 0, terms_end = 0;          // into Draft::terms
  uint32_t sentences_begin = 0, sentences_end = 0;  // into Draft::theme_sentences
};

struct DraftSentence {
  uint32_t start = 0, end = 0;
  double compound = 0;
  ToneDomain lexicon = ToneDomain::kNews;  // the lexicon that scored it (never kAuto)
  uint32_t themes_begin = 0, themes_end = 0;  // into Draft::sentence_themes
};

// What a theme or an actor's tone is made of: the engine that found it records every sentence
// naming it with a weight, and the topic tone stage (topic_tone.cc) turns them into the item's
// tone once the sentences are scored. `item` indexes Draft::themes or Draft::entities.
struct ToneEvidence {
  uint32_t item = 0, sentence = 0;
  double weight = 1;
};

// The kind of actor a name was found as (entities.cc), for the stages that read the names' spans.
enum class ActorType : uint8_t { kCountry, kPlace, kOrganization, kPerson };

// What the entity engine saw of one actor besides its count, for the salience stage
// (salience.cc): indexed like Draft::entities.
struct ActorProminence {
  uint32_t first_sentence = 0;  // the first sentence naming it
  uint32_t subject = 0;  // mentions that open their sentence or speak ("Reagan vetoed", "said X")
  uint32_t nested = 0;   // mentions inside another actor's name ("Japan" in "Bank of Japan")
};

// A name the entity engine found: tokens [first_token, last_token) of the Document.
struct ActorSpan {
  uint32_t first_token = 0, last_token = 0;
  ActorType type = ActorType::kCountry;
};

struct Draft {
  ReportLayout layout;  // how the report is to be written (LayoutOf the Options)
  Stats stats;
  Tone tone;
  std::vector<DraftTheme> themes;  // by score, then id; the top-level ones are Report::top_level
  std::vector<std::pair<uint32_t, uint32_t>> terms;  // (index in the theme's terms, count)
  std::vector<uint32_t> theme_sentences;
  std::vector<DraftSentence> sentences;
  std::vector<uint32_t> sentence_themes;  // theme indices
  std::vector<EntityResult> entities;     // by count (few per article: built as in the Report)
  std::vector<CoMention> co_mentions;
  std::vector<DraftMention> mentions;
  // Filled by the theme and entity engines for the topic tone stage (ToneEvidence).
  std::vector<ToneEvidence> theme_evidence, actor_evidence;
  // Every actor name found, in text order (the themes' guard against terms inside names).
  std::vector<ActorSpan> actor_spans;
  std::vector<ActorProminence> actor_prominence;  // parallel to entities (entities.cc)

  // Forgets the theme engine's results (run for the tone, not asked for in the report).
  void ClearThemes() {
    themes.clear();
    terms.clear();
    theme_sentences.clear();
    sentence_themes.clear();
    theme_evidence.clear();
    for (DraftSentence& s : sentences) s.themes_begin = s.themes_end = 0;
  }

  void Clear() {
    layout = ReportLayout();
    stats = Stats();
    tone = Tone();
    themes.clear();
    terms.clear();
    theme_sentences.clear();
    sentences.clear();
    sentence_themes.clear();
    entities.clear();
    co_mentions.clear();
    mentions.clear();
    theme_evidence.clear();
    actor_evidence.clear();
    actor_spans.clear();
    actor_prominence.clear();
  }
};

// True when `t` belongs in the report's top_level (and may be its primary theme): a top-level
// theme with enough evidence (DraftTheme::weak, themes.cc). Weak top levels stay in `themes`.
bool InTopLevel(const DraftTheme& t, const ThemeEngine& themes);

// The names of a sentiment mention's rule bits, in the order a report lists them.
struct RuleName {
  uint32_t bit;
  const char* name;
};
extern const RuleName kRuleNames[];
extern const size_t kRuleNameCount;

// A report number as the integer whose digits the report writes: round(v * 10^4), half away from
// zero, a non-finite v as 0 (report.h: 4 decimals, never "-0"). Shared by the JSON writer and the
// flat form, which must agree to the bit. False when |v * 10^4| >= 2^53, where the truncation is
// no longer exact (*k is not set; the JSON writer prints those through printf).
inline bool RoundTo4Decimals(double v, int64_t* k) {
  if (!std::isfinite(v)) v = 0;
  const double x = v * 10000.0;
  if (!(std::fabs(x) < 9007199254740992.0)) return false;
  // round(x) without the libm call: below 2^53 the truncation and x - trunc(x) are exact.
  int64_t r = static_cast<int64_t>(x);
  const double fraction = x - static_cast<double>(r);
  if (fraction >= 0.5) ++r;
  else if (fraction <= -0.5) --r;
  *k = r;
  return true;
}

// Appends `s` (valid UTF-8) to `out` as a JSON string, quotes included, escaped as the report's
// JSON escapes it (report.cc).
void AppendJsonString(std::string_view s, std::string* out);

// The report's JSON, as ToJson(Report) writes it for the Report `draft` stands for (`owner`,
// Analyzer::Impl::id, unused: the signature the analyzer's finishers share).
std::string ToJson(const Draft& draft, const ThemeEngine& themes, uint64_t owner);
// The report in the flat form (flat.h) into `out`, its vectors reused; as JSON in out->json when
// the flat form cannot hold it.
void ToFlat(const Draft& draft, const ThemeEngine& themes, uint64_t owner, FlatReport* out);
// The public Report (`owner` unused: the signature of ToJson).
Report Materialize(const Draft& draft, const ThemeEngine& themes, uint64_t owner);
// The same into an existing Report, reusing its strings' and vectors' memory.
void MaterializeInto(const Draft& draft, const ThemeEngine& themes, Report* report);

}  // namespace newslens

#endif  // NEWSLENS_SRC_DRAFT_H_
