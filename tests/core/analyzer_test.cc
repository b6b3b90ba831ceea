#include "newslens/analyzer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_util.h"

namespace newslens {
namespace {

using testing::Analyze;
using testing::DefaultAnalyzer;
using testing::FindEntity;
using testing::FindTheme;

const std::string& Sample() {
  static const std::string text = testing::ReadFixture("data/samples/china-russia-letter.txt");
  return text;
}

TEST(Sample, IsAboutDiplomacyAndIsPositive) {
  ASSERT_GT(Sample().size(), 10000u);
  Report r = Analyze(DefaultAnalyzer(), Sample());
  EXPECT_EQ(r.primary_theme, "politics");
  EXPECT_EQ(r.tone.label, "positive");
  EXPECT_GT(r.tone.compound, 0.2);
  EXPECT_LT(r.tone.compound, 0.9);  // an aggregate of sentences, not saturated
  const ThemeResult* diplomacy = FindTheme(r, "politics.diplomacy");
  ASSERT_NE(diplomacy, nullptr);
  EXPECT_GE(diplomacy->count, 20u);
  EXPECT_GT(diplomacy->tone, 0);
  EXPECT_EQ(r.stats.paragraphs, 26u);
}

TEST(Sample, NamesItsActors) {
  Report r = Analyze(DefaultAnalyzer(), Sample());
  ASSERT_GE(r.entities.size(), 2u);
  std::set<std::string> top2{r.entities[0].name, r.entities[1].name};
  EXPECT_EQ(top2, (std::set<std::string>{"China", "Russia"}));
  const EntityResult* putin = FindEntity(r, "Vladimir Putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->type, "person");
  EXPECT_EQ(putin->role, "President");
  EXPECT_EQ(FindEntity(r, "Putin"), nullptr);  // joined to the full name
  const EntityResult* ukraine = FindEntity(r, "Ukraine");
  ASSERT_NE(ukraine, nullptr);
  EXPECT_EQ(ukraine->code, "UA");
  bool china_russia = false;
  for (const CoMention& c : r.co_mentions)
    if (c.a == "China" && c.b == "Russia" && c.count >= 10) china_russia = true;
  EXPECT_TRUE(china_russia);
}

TEST(Sample, HegemonySentencesAreNegative) {
  Options o;
  o.utf16_offsets = false;
  Report r = Analyze(DefaultAnalyzer(), Sample(), o);
  int checked = 0;
  for (const SentenceResult& s : r.sentences) {
    std::string sentence = Sample().substr(s.start, s.end - s.start);
    if (sentence.find("hegemon") != std::string::npos || sentence.find("bullying") != std::string::npos) {
      EXPECT_LT(s.compound, 0) << sentence;
      ++checked;
    }
  }
  EXPECT_GE(checked, 1);
}

// Leaving out parts skips their engines and leaves the parts asked for as a full analysis has
// them: the same tone, stats and sentence tones; themes alone the same themes.
TEST(Analyzer, FieldsComputeOnlyThePartsAskedFor) {
  const Analyzer& analyzer = DefaultAnalyzer();
  Report full = analyzer.Analyze(Sample(), {}).value();
  ASSERT_FALSE(full.themes.empty());
  ASSERT_FALSE(full.entities.empty());

  Options tone_only;
  ASSERT_TRUE(ParseReportFields("tone", &tone_only).ok());
  EXPECT_FALSE(tone_only.include_themes || tone_only.include_entities ||
               tone_only.include_sentences || tone_only.include_mentions);
  Report tone = analyzer.Analyze(Sample(), tone_only).value();
  EXPECT_EQ(tone.tone.compound, full.tone.compound);
  EXPECT_EQ(tone.tone.label, full.tone.label);
  EXPECT_EQ(tone.tone.gdelt_tone, full.tone.gdelt_tone);
  EXPECT_EQ(tone.stats.words, full.stats.words);
  EXPECT_EQ(tone.stats.sentences, full.stats.sentences);
  EXPECT_TRUE(tone.primary_theme.empty());
  EXPECT_TRUE(tone.top_level.empty() && tone.themes.empty() && tone.entities.empty() &&
              tone.co_mentions.empty() && tone.sentences.empty() && tone.mentions.empty());

  Options themes_mentions;
  ASSERT_TRUE(ParseReportFields(" themes , mentions,tone", &themes_mentions).ok());
  Report themes = analyzer.Analyze(Sample(), themes_mentions).value();
  EXPECT_EQ(themes.primary_theme, full.primary_theme);
  ASSERT_EQ(themes.themes.size(), full.themes.size());
  for (size_t i = 0; i < themes.themes.size(); ++i) {
    EXPECT_EQ(themes.themes[i].id, full.themes[i].id);
    EXPECT_EQ(themes.themes[i].count, full.themes[i].count);
    EXPECT_EQ(themes.themes[i].tone, full.themes[i].tone);
  }
  EXPECT_TRUE(themes.entities.empty());
  // Mentions: tone and themes, no actors; the same ones as in the full report.
  size_t full_non_entity = 0;
  for (const Mention& m : full.mentions) full_non_entity += m.kind != Mention::Kind::kEntity;
  EXPECT_EQ(themes.mentions.size(), full_non_entity);
  for (const Mention& m : themes.mentions) EXPECT_NE(m.kind, Mention::Kind::kEntity);

  Options entities_only;
  ASSERT_TRUE(ParseReportFields("entities", &entities_only).ok());
  Report actors = analyzer.Analyze(Sample(), entities_only).value();
  ASSERT_EQ(actors.entities.size(), full.entities.size());
  for (size_t i = 0; i < actors.entities.size(); ++i) {
    EXPECT_EQ(actors.entities[i].name, full.entities[i].name);
    EXPECT_EQ(actors.entities[i].count, full.entities[i].count);
  }
  EXPECT_EQ(actors.co_mentions.size(), full.co_mentions.size());
  EXPECT_TRUE(actors.themes.empty());

  Options bad;
  Status unknown = ParseReportFields("tone,topics", &bad);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().find("\"topics\""), std::string::npos) << unknown.error();
}

TEST(Analyzer, ReportIsDeterministicValidJson) {
  Report a = Analyze(DefaultAnalyzer(), Sample());
  Report b = Analyze(DefaultAnalyzer(), Sample());
  std::string json = ToJson(a);
  EXPECT_EQ(json, ToJson(b));
  auto parsed = nlohmann::json::parse(json, nullptr, false);
  ASSERT_FALSE(parsed.is_discarded());
  EXPECT_EQ(parsed["schema"], "newslens/report@2");
  for (const char* key : {"stats", "tone", "top_level", "themes", "entities", "co_mentions",
                          "sentences"})
    EXPECT_TRUE(parsed.contains(key)) << key;
  EXPECT_FALSE(parsed.contains("mentions"));  // a detail: asked for, or in report@1
  a.layout.schema = 1;
  EXPECT_EQ(nlohmann::json::parse(ToJson(a))["schema"], "newslens/report@1");
  EXPECT_TRUE(nlohmann::json::parse(ToJson(a)).contains("mentions"));
}

TEST(Analyzer, Utf16OffsetsCountSurrogatePairs) {
  // "😀 " is 4 UTF-8 bytes but 2 UTF-16 units; "é" is 2 bytes but 1 unit.
  std::string text = "\xF0\x9F\x98\x80 caf\xC3\xA9 good news.";
  Report r = Analyze(DefaultAnalyzer(), text);
  const Mention* good = nullptr;
  for (const Mention& m : r.mentions)
    if (m.kind == Mention::Kind::kSentiment) good = &m;
  ASSERT_NE(good, nullptr);
  EXPECT_EQ(good->start, 8u);  // 2 (emoji) + 1 (space) + 4 (café) + 1 (space)
  EXPECT_EQ(good->end, 12u);
  Options bytes;
  bytes.utf16_offsets = false;
  Report rb = Analyze(DefaultAnalyzer(), text, bytes);
  for (const Mention& m : rb.mentions)
    if (m.kind == Mention::Kind::kSentiment) EXPECT_EQ(text.substr(m.start, m.end - m.start), "good");
}

TEST(Analyzer, BadInputLosesNothingAndNeverCrashes) {
  std::vector<std::string> inputs = {
      "",
      "   \n\n\t ",
      std::string("\0\0\0", 3),
      "\xFF\xFE\xFD invalid bytes then good words.",
      std::string(100000, '!'),
      std::string(50000, 'a'),
      "<script>alert(1)</script><img src=x onerror=alert(1)>",
      "\xE2\x80\x94\xE2\x80\x94\xE2\x80\x94",
  };
  for (const std::string& in : inputs) {
    auto r = DefaultAnalyzer().Analyze(in, {});
    ASSERT_TRUE(r.ok()) << r.error();
    auto parsed = nlohmann::json::parse(ToJson(r.value()), nullptr, false);
    EXPECT_FALSE(parsed.is_discarded());
  }
  Report r = Analyze(DefaultAnalyzer(), "\xFF\xFE good words.");
  EXPECT_EQ(r.stats.characters, 14u);  // two U+FFFD + " good words."
  EXPECT_EQ(r.tone.label, "positive");
}

TEST(Analyzer, HandlesALargeArticle) {
  std::string big;
  while (big.size() < 4u * 1024 * 1024) big += Sample();
  auto r = DefaultAnalyzer().Analyze(big, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().primary_theme, "politics");
}

TEST(Analyzer, ToneDomainNames) {
  EXPECT_TRUE(ParseToneDomain("news").ok());
  EXPECT_TRUE(ParseToneDomain("finance").ok());
  EXPECT_FALSE(ParseToneDomain("sports").ok());
}

}  // namespace
}  // namespace newslens
