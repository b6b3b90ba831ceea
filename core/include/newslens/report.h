// newslens/report.h — what an analysis returns, and its JSON form: schema newslens/report@2
// (docs/report.md, docs/report.schema.json), or newslens/report@1 for one more release.
//
// Plain value structs. Offsets (`start`/`end`) are in the unit the Options asked for: UTF-16
// code units (JavaScript string indices, the default) or UTF-8 bytes. Numbers are rounded to 4
// decimals when serialised, by the same code in the native and the wasm build, so both produce
// byte-identical JSON for the same input (tests/wasm/parity.test.mjs guards this).
#ifndef NEWSLENS_REPORT_H_
#define NEWSLENS_REPORT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace newslens {

// The schemas a report can be written in. report@2 (the default) leaves the per-word mentions
// and the per-sentence theme lists out unless asked for, and writes sentences as compact
// [start, end, compound] arrays; report@1 is the December shape, kept for one release.
inline constexpr char kReportSchemaV1[] = "newslens/report@1";
inline constexpr char kReportSchemaV2[] = "newslens/report@2";
inline constexpr int kDefaultReportSchema = 2;

// How a Report is written as JSON (ToJson) or in the flat form: the schema and, for report@2,
// the details asked for. report@1 always has both details.
struct ReportLayout {
  int schema = kDefaultReportSchema;  // 1 or 2
  bool mentions = false;              // report@2: "mentions", per word, with the rule trace
  bool sentence_themes = false;       // report@2: "sentence_themes" and each theme's "sentences"
};

struct Stats {
  uint32_t characters = 0;  // Unicode code points
  uint32_t words = 0;       // word and number tokens (a hyphenated compound is one word)
  uint32_t sentences = 0;
  uint32_t paragraphs = 0;
};

// The one rule from a tone to its label (docs/tone.md, "Labels"), used by the report, the CLI,
// the page and the widget (exported to JS as NewsLens.toneLabel): "positive" when compound >=
// kToneNeutralBand and the positive share is at least the negative share, "negative"
// symmetrically, else "neutral" — a tone its numbers do not agree on is not called either way.
// A sentence, which has no shares, is labelled with both shares 0 (its compound decides).
// 0.10 is one sentiment word of median strength in every three news sentences (docs/tone.md).
inline constexpr double kToneNeutralBand = 0.10;
const char* ToneLabel(double compound, double positive_share = 0, double negative_share = 0);

struct Tone {
  double compound = 0;  // [-1, 1]: word-weighted mean of sentence compounds (docs/tone.md)
  std::string label = "neutral";  // ToneLabel(compound, positive, negative)
  double positive = 0, negative = 0, neutral = 1;  // proportions of sentiment mass, sum to 1
  double gdelt_tone = 0;  // (positive words - negative words) / words * 100
  double polarity = 0;    // (positive words + negative words) / words * 100
  // The lexicon asked for: "auto" (chosen per sentence: "finance" where a sentence is about
  // markets and companies, "news" elsewhere) or the one forced ("news", "finance", "general").
  std::string lexicon = "auto";
  // How many sentences each lexicon scored (report@2 "lexicon_sentences").
  uint32_t news_sentences = 0, finance_sentences = 0, general_sentences = 0;
};

struct TermCount {
  std::string term;  // the dictionary term as written ("partnership", "diplomat*")
  uint32_t count = 0;
};

struct TopLevelTheme {
  std::string id, label, iptc;
  double score = 0;    // weighted count
  uint32_t count = 0;  // matched terms (each token once)
  double share = 0;    // score / sum of all top-level scores
};

struct ThemeResult {
  std::string id, label, parent, iptc;
  uint32_t count = 0;
  double score = 0;
  double share = 0;           // score / sum of all top-level scores
  double per_1000_words = 0;  // count per 1,000 words of the article
  double tone = 0;            // mean compound of the sentences that mention the theme
  std::vector<TermCount> terms;       // by count, then term
  std::vector<uint32_t> sentences;    // indices into Report::sentences
};

struct EntityResult {
  std::string name;  // canonical: "Russia", "Vladimir Putin", "United Nations"
  std::string type;  // "country", "place", "organization", "person"
  std::string code;  // ISO 3166-1 alpha-2 for countries and places; else empty
  std::string role;  // persons: the title seen before the name ("President"); else empty
  uint32_t count = 0;
  // [0, 1]: how much the article is about this actor, from how often it is named and whether
  // in the headline and the lead (docs/report.md, ActorSalience). Written in report@2.
  double salience = 0;
  double tone = 0;   // mean compound of the sentences that name it
};

struct CoMention {
  std::string a, b;  // entity names, a < b
  uint32_t count = 0;  // sentences naming both
};

struct SentenceResult {
  uint32_t start = 0, end = 0;
  double compound = 0;
  std::string lexicon = "news";     // the lexicon that scored it: "news", "finance", "general"
  std::vector<std::string> themes;  // theme ids mentioned in the sentence
};

struct Mention {
  enum class Kind { kTheme, kSentiment, kEntity } kind = Kind::kTheme;
  uint32_t start = 0, end = 0;
  std::string id;        // theme id (kTheme) or entity name (kEntity)
  double valence = 0;    // kSentiment: final contribution after the rules
  double base = 0;       // kSentiment: lexicon valence before the rules
  std::vector<std::string> rules;  // kSentiment: "negated", "boosted", "dampened", "caps",
                                   // "contrast-weak", "contrast-strong", "idiom"
};

// Everything an analysis found. The C++ Report always holds the mentions and the sentences'
// themes that the Options computed; `layout` says which of them ToJson writes.
struct Report {
  ReportLayout layout;
  Stats stats;
  Tone tone;
  std::string primary_theme;  // top-level id with the highest score; empty when none matched
  std::vector<TopLevelTheme> top_level;  // by score, descending
  std::vector<ThemeResult> themes;       // sub-themes and top-level themes with hits, by score
  std::vector<EntityResult> entities;    // by count, descending
  std::vector<CoMention> co_mentions;    // by count, descending
  std::vector<SentenceResult> sentences;
  std::vector<Mention> mentions;         // by start offset
};

// Serialises to compact JSON with keys in a fixed order, in report.layout's schema.
// Deterministic: the same bytes as Analyzer::AnalyzeToJson for the same options.
std::string ToJson(const Report& report);

}  // namespace newslens

#endif  // NEWSLENS_REPORT_H_
