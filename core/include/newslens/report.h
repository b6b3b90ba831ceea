// newslens/report.h — what an analysis returns, and its JSON form (schema newslens/report@1).
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

inline constexpr char kReportSchema[] = "newslens/report@1";

struct Stats {
  uint32_t characters = 0;  // Unicode code points
  uint32_t words = 0;       // word and number tokens (a hyphenated compound is one word)
  uint32_t sentences = 0;
  uint32_t paragraphs = 0;
};

struct Tone {
  double compound = 0;  // [-1, 1]: word-weighted mean of sentence compounds (docs/tone.md)
  std::string label = "neutral";  // "positive" (>= 0.05), "negative" (<= -0.05), "neutral"
  double positive = 0, negative = 0, neutral = 1;  // proportions of sentiment mass, sum to 1
  double gdelt_tone = 0;  // (positive words - negative words) / words * 100
  double polarity = 0;    // (positive words + negative words) / words * 100
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
  double tone = 0;   // mean compound of the sentences that name it
};

struct CoMention {
  std::string a, b;  // entity names, a < b
  uint32_t count = 0;  // sentences naming both
};

struct SentenceResult {
  uint32_t start = 0, end = 0;
  double compound = 0;
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

struct Report {
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

// Serialises to compact JSON with keys in a fixed order. Deterministic.
std::string ToJson(const Report& report);

}  // namespace newslens

#endif  // NEWSLENS_REPORT_H_
