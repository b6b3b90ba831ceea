#include <gtest/gtest.h>

#include "test_util.h"

namespace newslens {
namespace {

using testing::Analyze;
using testing::FindTheme;
using testing::ThemesOnly;

constexpr char kThemes[] = R"({"format":"newslens/themes@1","themes":[
  {"id":"politics","label":"Politics","iptc":"medtop:11000000"},
  {"id":"politics.diplomacy","label":"Diplomacy","parent":"politics",
   "terms":["diplomat*","cooperation","state visit","security council","UN","WHO"]},
  {"id":"politics.parties","label":"Parties","parent":"politics",
   "terms":[{"term":"party","weight":0.4}]},
  {"id":"conflict","label":"Conflict","iptc":"medtop:16000000"},
  {"id":"conflict.defence","label":"Defence","parent":"conflict","terms":["security","troops"]},
  {"id":"economy","label":"Economy","iptc":"medtop:04000000","terms":["economy"]},
  {"id":"economy.trade","label":"Trade","parent":"economy","terms":["trade","e-commerce","win-win"]},
  {"id":"health","label":"Health","iptc":"medtop:07000000"},
  {"id":"health.disease","label":"Disease","parent":"health","terms":["AIDS","virus"]}
]})";

struct Case {
  const char* name;
  std::string text;
  std::string theme;
  uint32_t count;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class ThemeMatching : public ::testing::TestWithParam<Case> {};

TEST_P(ThemeMatching, Counts) {
  static const Analyzer analyzer = ThemesOnly(kThemes);
  const Case& c = GetParam();
  Report r = Analyze(analyzer, c.text);
  const ThemeResult* t = FindTheme(r, c.theme);
  uint32_t count = t ? t->count : 0;
  EXPECT_EQ(count, c.count) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, ThemeMatching,
    ::testing::Values(
        Case{"word", "Trade grew.", "economy.trade", 1},
        Case{"case_insensitive", "TRADE and trade and Trade.", "economy.trade", 3},
        Case{"inflections", "They cooperate, cooperated and keep cooperating.", "politics.diplomacy", 3},
        Case{"plural", "Trades and economies.", "economy.trade", 1},
        Case{"wildcard", "Diplomats met diplomatic staff.", "politics.diplomacy", 2},
        Case{"phrase", "A state visit began.", "politics.diplomacy", 1},
        Case{"phrase_inflected", "Two state visits began.", "politics.diplomacy", 1},
        Case{"longest_phrase_wins", "The Security Council met.", "conflict.defence", 0},
        Case{"longest_phrase_counts", "The Security Council met.", "politics.diplomacy", 1},
        Case{"word_outside_phrase", "Security matters.", "conflict.defence", 1},
        Case{"caps_acronym", "The UN met.", "politics.diplomacy", 1},
        Case{"caps_acronym_lowercase_not", "Join us, who knows.", "politics.diplomacy", 0},
        Case{"caps_WHO", "The WHO warned.", "politics.diplomacy", 1},
        Case{"caps_AIDS_vs_aids", "AIDS research aids many.", "health.disease", 1},
        Case{"hyphen_variants", "e-commerce and ecommerce grew.", "economy.trade", 2},
        Case{"hyphen_compound", "A win-win deal.", "economy.trade", 1},
        Case{"curly_possessive", "The UN\xE2\x80\x99s envoy.", "politics.diplomacy", 1},
        Case{"no_match", "Nothing here.", "economy.trade", 0},
        Case{"rollup_parent", "Trade and the economy.", "economy", 2},
        Case{"rollup_sum", "Trade, troops and diplomats.", "politics", 1}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

TEST(Themes, WeightsAmbiguousTerms) {
  Analyzer analyzer = ThemesOnly(kThemes);
  Report r = Analyze(analyzer, "The party met. The party voted.");
  const ThemeResult* t = FindTheme(r, "politics.parties");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->count, 2u);
  EXPECT_NEAR(t->score, 0.8, 1e-6);  // weights are floats
}

TEST(Themes, ReportsSharesDensityTermsAndOffsets) {
  Analyzer analyzer = ThemesOnly(kThemes);
  std::string text = "Trade rose. Trade fell. Diplomats met.";
  Report r = Analyze(analyzer, text, Options{ToneDomain::kNews, false, true, true});
  ASSERT_EQ(r.primary_theme, "economy");
  ASSERT_EQ(r.top_level.size(), 2u);
  EXPECT_EQ(r.top_level[0].id, "economy");
  EXPECT_NEAR(r.top_level[0].share + r.top_level[1].share, 1.0, 1e-9);
  const ThemeResult* trade = FindTheme(r, "economy.trade");
  ASSERT_NE(trade, nullptr);
  EXPECT_NEAR(trade->per_1000_words, 1000.0 * 2 / 6, 1e-9);
  ASSERT_EQ(trade->terms.size(), 1u);
  EXPECT_EQ(trade->terms[0].term, "trade");
  EXPECT_EQ(trade->sentences, (std::vector<uint32_t>{0, 1}));
  int theme_mentions = 0;
  for (const Mention& m : r.mentions) {
    if (m.kind != Mention::Kind::kTheme || m.id != "economy.trade") continue;
    EXPECT_EQ(text.substr(m.start, m.end - m.start), "Trade");
    ++theme_mentions;
  }
  EXPECT_EQ(theme_mentions, 2);
}

TEST(Themes, EmptyTextHasNoPrimaryTheme) {
  Analyzer analyzer = ThemesOnly(kThemes);
  Report r = Analyze(analyzer, "");
  EXPECT_TRUE(r.primary_theme.empty());
  EXPECT_TRUE(r.top_level.empty());
  EXPECT_EQ(r.stats.words, 0u);
  EXPECT_EQ(r.tone.label, "neutral");
}

TEST(Themes, LiwcDictionaryAddsTopLevelThemes) {
  AnalyzerConfig config;
  config.replace_default_themes = true;
  config.dictionaries.push_back({"mine.dic", "%\n1\tMoney\n%\ntax*\t1\nbudget\t1\n"});
  auto a = Analyzer::Create(config);
  ASSERT_TRUE(a.ok()) << a.error();
  Report r = Analyze(a.value(), "Taxes and the budget. Taxation.");
  ASSERT_EQ(r.primary_theme, "money");
  EXPECT_EQ(r.top_level[0].count, 3u);
}

}  // namespace
}  // namespace newslens
