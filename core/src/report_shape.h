// Private: the one place that knows the report's shape. WalkReport visits a report, key by key
// in the schema's order, and hands every value to a sink: the JSON text (report.cc), the flat
// form for the wasm boundary (flat.cc). A Source gives the values: the Draft of an analysis
// (report.cc, DraftSource) or a public Report (ReportSource). docs/report.md documents the
// shapes; docs/report.schema.json states report@2 for validators.
//
// A sink has: BeginObject(), Key(literal), EndObject(), BeginArray(n), EndArray(), Uint(v),
// Number(v) (written with 4 decimals), String(s).
#ifndef NEWSLENS_SRC_REPORT_SHAPE_H_
#define NEWSLENS_SRC_REPORT_SHAPE_H_

#include <cstdint>
#include <string_view>

#include "newslens/report.h"
#include "newslens/version.h"

namespace newslens {

// A theme as the walk reads it (the Source's strings stay where they are).
struct ThemeView {
  std::string_view id, label, parent, iptc;
  uint32_t count = 0;
  double score = 0, share = 0, per_1000_words = 0, tone = 0;
};

struct SentenceView {
  uint32_t start = 0, end = 0;
  double compound = 0;
  std::string_view lexicon;  // "news", "finance", "general"
};

// A mention: `id` is the theme id or the entity name; `rules` the sentiment rule names.
struct MentionView {
  Mention::Kind kind = Mention::Kind::kTheme;
  uint32_t start = 0, end = 0;
  std::string_view id;
  double valence = 0, base = 0;
};

inline const char* MentionKindName(Mention::Kind kind) {
  switch (kind) {
    case Mention::Kind::kTheme:
      return "theme";
    case Mention::Kind::kSentiment:
      return "sentiment";
    case Mention::Kind::kEntity:
      break;
  }
  return "entity";
}

// The Source has: layout(), stats(), tone(), primary_theme(), top_level_count(),
// ForTopLevel(f(ThemeView)), theme_count(), theme(i), term_count(i), ForTerm(i, f(term, count)),
// theme_sentence_count(i), ForThemeSentence(i, f(index)), entities(), co_mentions(),
// sentence_count(), sentence(i), sentence_theme_count(i), ForSentenceTheme(i, f(id)),
// mention_count(), mention(i), rule_count(i), ForRule(i, f(name)).
template <typename Source, typename Sink>
void WalkReport(const Source& src, Sink& out) {
  const ReportLayout& layout = src.layout();
  const bool v1 = layout.schema == 1;
  const bool sentence_themes = v1 || layout.sentence_themes;
  out.BeginObject();
  out.Key("schema");
  out.String(v1 ? kReportSchemaV1 : kReportSchemaV2);
  if (!v1) {  // report@2: the release that wrote it, "newslens X.Y.Z" (report@1 stays December's)
    out.Key("generator");
    out.String(kReportGenerator);
  }

  const Stats& stats = src.stats();
  out.Key("stats");
  out.BeginObject();
  out.Key("characters");
  out.Uint(stats.characters);
  out.Key("words");
  out.Uint(stats.words);
  out.Key("sentences");
  out.Uint(stats.sentences);
  out.Key("paragraphs");
  out.Uint(stats.paragraphs);
  out.EndObject();

  const Tone& tone = src.tone();
  out.Key("tone");
  out.BeginObject();
  out.Key("compound");
  out.Number(tone.compound);
  out.Key("label");
  out.String(tone.label);
  out.Key("positive");
  out.Number(tone.positive);
  out.Key("negative");
  out.Number(tone.negative);
  out.Key("neutral");
  out.Number(tone.neutral);
  out.Key("gdelt_tone");
  out.Number(tone.gdelt_tone);
  out.Key("polarity");
  out.Number(tone.polarity);
  // report@2: the lexicon asked for, and how many sentences each lexicon scored; under "auto"
  // each sentence names its own as a fourth item.
  const bool lexicon_per_sentence = !v1 && tone.lexicon == "auto";
  if (!v1) {
    out.Key("lexicon");
    out.String(tone.lexicon);
    out.Key("lexicon_sentences");
    out.BeginObject();
    out.Key("news");
    out.Uint(tone.news_sentences);
    out.Key("finance");
    out.Uint(tone.finance_sentences);
    out.Key("general");
    out.Uint(tone.general_sentences);
    out.EndObject();
  }
  out.EndObject();

  const std::string_view primary = src.primary_theme();
  if (!primary.empty()) {
    out.Key("primary_theme");
    out.String(primary);
  }
  out.Key("top_level");
  out.BeginArray(src.top_level_count());
  src.ForTopLevel([&](const ThemeView& t) {
    out.BeginObject();
    out.Key("id");
    out.String(t.id);
    out.Key("label");
    out.String(t.label);
    out.Key("iptc");
    out.String(t.iptc);
    out.Key("score");
    out.Number(t.score);
    out.Key("count");
    out.Uint(t.count);
    out.Key("share");
    out.Number(t.share);
    out.EndObject();
  });
  out.EndArray();

  out.Key("themes");
  const size_t themes = src.theme_count();
  out.BeginArray(themes);
  for (size_t i = 0; i < themes; ++i) {
    const ThemeView t = src.theme(i);
    out.BeginObject();
    out.Key("id");
    out.String(t.id);
    out.Key("label");
    out.String(t.label);
    if (!t.parent.empty()) {
      out.Key("parent");
      out.String(t.parent);
    }
    out.Key("iptc");
    out.String(t.iptc);
    out.Key("count");
    out.Uint(t.count);
    out.Key("score");
    out.Number(t.score);
    out.Key("share");
    out.Number(t.share);
    out.Key("per_1000_words");
    out.Number(t.per_1000_words);
    out.Key("tone");
    out.Number(t.tone);
    out.Key("terms");
    out.BeginArray(src.term_count(i));
    src.ForTerm(i, [&](std::string_view term, uint32_t count) {
      out.BeginObject();
      out.Key("term");
      out.String(term);
      out.Key("count");
      out.Uint(count);
      out.EndObject();
    });
    out.EndArray();
    if (sentence_themes) {  // the sentences naming the theme: indices into "sentences"
      out.Key("sentences");
      out.BeginArray(src.theme_sentence_count(i));
      src.ForThemeSentence(i, [&](uint32_t s) { out.Uint(s); });
      out.EndArray();
    }
    out.EndObject();
  }
  out.EndArray();

  out.Key("entities");
  out.BeginArray(src.entities().size());
  for (const EntityResult& e : src.entities()) {
    out.BeginObject();
    out.Key("name");
    out.String(e.name);
    out.Key("type");
    out.String(e.type);
    if (!e.code.empty()) {
      out.Key("code");
      out.String(e.code);
    }
    if (!e.role.empty()) {
      out.Key("role");
      out.String(e.role);
    }
    out.Key("count");
    out.Uint(e.count);
    if (!v1) {
      out.Key("salience");
      out.Number(e.salience);
    }
    out.Key("tone");
    out.Number(e.tone);
    out.EndObject();
  }
  out.EndArray();

  out.Key("co_mentions");
  out.BeginArray(src.co_mentions().size());
  for (const CoMention& c : src.co_mentions()) {
    out.BeginObject();
    out.Key("a");
    out.String(c.a);
    out.Key("b");
    out.String(c.b);
    out.Key("count");
    out.Uint(c.count);
    out.EndObject();
  }
  out.EndArray();

  // report@1: {start, end, compound, themes}; report@2: [start, end, compound] (+ the lexicon
  // under the "auto" tone), the themes in "sentence_themes" when asked for.
  const size_t sentences = src.sentence_count();
  out.Key("sentences");
  out.BeginArray(sentences);
  for (size_t i = 0; i < sentences; ++i) {
    const SentenceView s = src.sentence(i);
    if (v1) {
      out.BeginObject();
      out.Key("start");
      out.Uint(s.start);
      out.Key("end");
      out.Uint(s.end);
      out.Key("compound");
      out.Number(s.compound);
      out.Key("themes");
      out.BeginArray(src.sentence_theme_count(i));
      src.ForSentenceTheme(i, [&](std::string_view id) { out.String(id); });
      out.EndArray();
      out.EndObject();
    } else {
      out.BeginArray(lexicon_per_sentence ? 4 : 3);
      out.Uint(s.start);
      out.Uint(s.end);
      out.Number(s.compound);
      if (lexicon_per_sentence) out.String(s.lexicon);
      out.EndArray();
    }
  }
  out.EndArray();
  if (!v1 && layout.sentence_themes) {
    out.Key("sentence_themes");
    out.BeginArray(sentences);
    for (size_t i = 0; i < sentences; ++i) {
      out.BeginArray(src.sentence_theme_count(i));
      src.ForSentenceTheme(i, [&](std::string_view id) { out.String(id); });
      out.EndArray();
    }
    out.EndArray();
  }

  if (v1 || layout.mentions) {
    const size_t mentions = src.mention_count();
    out.Key("mentions");
    out.BeginArray(mentions);
    for (size_t i = 0; i < mentions; ++i) {
      const MentionView m = src.mention(i);
      out.BeginObject();
      out.Key("start");
      out.Uint(m.start);
      out.Key("end");
      out.Uint(m.end);
      out.Key("kind");
      out.String(MentionKindName(m.kind));
      if (m.kind == Mention::Kind::kTheme) {
        out.Key("id");
        out.String(m.id);
      } else if (m.kind == Mention::Kind::kEntity) {
        out.Key("name");
        out.String(m.id);
      } else {
        out.Key("valence");
        out.Number(m.valence);
        out.Key("base");
        out.Number(m.base);
        out.Key("rules");
        out.BeginArray(src.rule_count(i));
        src.ForRule(i, [&](std::string_view rule) { out.String(rule); });
        out.EndArray();
      }
      out.EndObject();
    }
    out.EndArray();
  }
  out.EndObject();
}

}  // namespace newslens

#endif  // NEWSLENS_SRC_REPORT_SHAPE_H_
