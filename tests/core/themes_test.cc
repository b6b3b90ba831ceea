// The theme matcher's rules (docs/dictionaries.md), one table row per rule, over a small
// dictionary written for these tests; then weights, the report fields, roll-up and no-hit
// articles. The built-in taxonomy on a real article is in sample_themes_test.cc.
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
   "terms":["diplomat*","cooperation","negotiation","state visit","security council","UN","WHO",
            "US","people-to-people exchange"]},
  {"id":"politics.parties","label":"Parties","parent":"politics",
   "terms":[{"term":"party","weight":0.4}]},
  {"id":"politics.legislature","label":"Legislature","parent":"politics",
   "terms":["bill","parliament","security council"]},
  {"id":"politics.sanctions","label":"Sanctions","parent":"politics",
   "terms":[{"term":"sanction","weight":0.5},"sanctions"]},
  {"id":"politics.reform","label":"Reform","parent":"politics","terms":["modernization"]},
  {"id":"conflict","label":"Conflict","iptc":"medtop:16000000"},
  {"id":"conflict.defence","label":"Defence","parent":"conflict","terms":["security","troops"]},
  {"id":"crime","label":"Crime","iptc":"medtop:02000000"},
  {"id":"crime.police","label":"Police","parent":"crime","terms":["police"]},
  {"id":"economy","label":"Economy","iptc":"medtop:04000000","terms":["economy"]},
  {"id":"economy.trade","label":"Trade","parent":"economy",
   "terms":["trade","e-commerce","win-win","cost-of-living crisis","farmers' cooperative"]},
  {"id":"economy.transport","label":"Transport","parent":"economy","terms":["UPS"]},
  {"id":"economy.markets","label":"Markets","parent":"economy","terms":["trad*"]},
  {"id":"economy.training","label":"Training","parent":"economy","terms":["intern"]},
  {"id":"society","label":"Society","iptc":"medtop:14000000"},
  {"id":"society.housing","label":"Housing","parent":"society","terms":["housing"]},
  {"id":"lifestyle","label":"Lifestyle","iptc":"medtop:10000000"},
  {"id":"lifestyle.food","label":"Food","parent":"lifestyle","terms":["take-out","stay-at-home"]},
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
        // Case-insensitive...
        Case{"case_insensitive", "TRADE and trade and Trade.", "economy.trade", 3},
        // ...except terms written in capitals, which match only capitals: US/us, WHO/who,
        // AIDS/aids, UN, with dots or a possessive.
        Case{"caps_acronym", "The UN met.", "politics.diplomacy", 1},
        Case{"caps_acronym_lowercase_not", "Join us, who knows.", "politics.diplomacy", 0},
        Case{"caps_US", "The US and the U.S. agreed.", "politics.diplomacy", 2},
        Case{"caps_us_lowercase", "Tell us.", "politics.diplomacy", 0},
        Case{"caps_WHO", "The WHO warned.", "politics.diplomacy", 1},
        Case{"caps_AIDS_vs_aids", "AIDS research aids many.", "health.disease", 1},
        Case{"caps_possessive", "The UN's envoy.", "politics.diplomacy", 1},
        Case{"curly_possessive", "The UN\xE2\x80\x99s envoy.", "politics.diplomacy", 1},
        // In a sentence written all in capitals (a wire headline) capitals prove nothing...
        Case{"caps_headline_not_trusted", "HONG KONG FIRM UPS STAKE IN WRATHER",
             "economy.transport", 0},
        Case{"caps_in_normal_sentence", "The UPS driver left.", "economy.transport", 1},
        // ...but dotted acronyms still do, and ordinary words still match.
        Case{"caps_headline_dotted", "U.S. AND CHINA SIGN PACT", "politics.diplomacy", 1},
        Case{"caps_headline_words", "U.S. TRADE DEFICIT WIDENS", "economy.trade", 1},
        // Inflections without listing them: plurals, -ed, -ing, -tion and -ize families.
        Case{"plural", "Trades and economies.", "economy.trade", 1},
        Case{"inflections", "They cooperate, cooperated and keep cooperating.",
             "politics.diplomacy", 3},
        Case{"tion_family", "They negotiate; negotiations, negotiating, negotiated.",
             "politics.diplomacy", 4},
        Case{"ize_family", "Modernize, modernise, modernised, modernisation, modernizing.",
             "politics.reform", 5},
        Case{"wildcard", "Diplomats met diplomatic staff.", "politics.diplomacy", 2},
        // A wildcard and an exact term of another theme on the same word tie: both count.
        Case{"wildcard_ties_with_exact", "Trade grew.", "economy.markets", 1},
        Case{"exact_ties_with_wildcard", "Trade grew.", "economy.trade", 1},
        Case{"phrase", "A state visit began.", "politics.diplomacy", 1},
        Case{"phrase_inflected", "Two state visits began.", "politics.diplomacy", 1},
        // Words that share letters but not meaning stay apart.
        Case{"policy_is_not_police", "Foreign policy and policies.", "crime.police", 0},
        Case{"police_inflected", "Police and policing.", "crime.police", 2},
        Case{"billion_is_not_bill", "It cost 190 billion dollars.", "politics.legislature", 0},
        Case{"bills_are_bills", "Two bills passed.", "politics.legislature", 1},
        Case{"tradition_is_not_trade", "An old tradition.", "economy.trade", 0},
        Case{"international_is_not_intern", "International law.", "economy.training", 0},
        Case{"house_is_not_housing", "The House voted.", "society.housing", 0},
        Case{"party_is_not_part", "Part of it, partly.", "politics.parties", 0},
        // Hyphen, space and apostrophe variants.
        Case{"hyphen_variants", "e-commerce and ecommerce grew.", "economy.trade", 2},
        Case{"hyphen_as_space", "They stay at home.", "lifestyle.food", 1},
        Case{"hyphen_as_space_not_single_letter", "e commerce grew.", "economy.trade", 0},
        Case{"hyphen_as_space_not_particle", "They take out loans.", "lifestyle.food", 0},
        Case{"hyphen_particle_compound", "A take-out meal, a takeout.", "lifestyle.food", 2},
        Case{"hyphen_compound", "A win-win deal.", "economy.trade", 1},
        Case{"hyphen_phrase_spaced", "The cost of living crisis.", "economy.trade", 1},
        Case{"hyphen_phrase_hyphenated", "A cost-of-living crisis.", "economy.trade", 1},
        Case{"hyphen_in_term_phrase", "A people to people exchange.", "politics.diplomacy", 1},
        Case{"apostrophe_straight", "The farmers' cooperative.", "economy.trade", 1},
        Case{"apostrophe_curly", "The farmers\xE2\x80\x99 cooperative.", "economy.trade", 1},
        Case{"apostrophe_dropped", "The farmers cooperative.", "economy.trade", 1},
        // The longest phrase wins: "Security Council" is not also "security".
        Case{"longest_phrase_wins", "The Security Council met.", "conflict.defence", 0},
        Case{"longest_phrase_counts", "The Security Council met.", "politics.diplomacy", 1},
        Case{"word_outside_phrase", "Security matters.", "conflict.defence", 1},
        // A phrase listed in two themes counts in both.
        Case{"phrase_in_two_themes", "The Security Council met.", "politics.legislature", 1},
        // A token counts once per theme, whichever of the theme's terms it matches.
        Case{"once_per_theme", "New sanctions.", "politics.sanctions", 1},
        Case{"no_match", "Nothing here.", "economy.trade", 0},
        // Roll-up: sub-theme hits count for the parent, plus the parent's own terms...
        Case{"rollup_parent", "Trade and the economy.", "economy", 2},
        Case{"rollup_sum", "Trade, troops and diplomats.", "politics", 1},
        // ...and once per token even when two sub-themes of one parent matched it.
        Case{"rollup_once_per_token", "The Security Council met.", "politics", 1}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

TEST(Themes, WeightsAmbiguousTerms) {
  Analyzer analyzer = ThemesOnly(kThemes);
  Report r = Analyze(analyzer, "The party met. The party voted.");
  const ThemeResult* t = FindTheme(r, "politics.parties");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->count, 2u);
  // 0.4 in the headline (x2) and 0.4 in the lede (x1.5); weights are floats.
  EXPECT_NEAR(t->score, 0.4 * 2 + 0.4 * 1.5, 1e-6);
  // The parent's score is the weight too: an ambiguous word weighs as little up the tree.
  const ThemeResult* politics = FindTheme(r, "politics");
  ASSERT_NE(politics, nullptr);
  EXPECT_NEAR(politics->score, 0.4 * 2 + 0.4 * 1.5, 1e-6);
}

TEST(Themes, OneTokenTwoTermsOfOneThemeKeepsTheHigherWeight) {
  // "sanction" (0.5) and "sanctions" (1) share a stem: the hit counts once, with weight 1.
  Analyzer analyzer = ThemesOnly(kThemes);
  Report r = Analyze(analyzer, "Nothing yet. Nor here. Nor there. The sanctions bite.");
  const ThemeResult* t = FindTheme(r, "politics.sanctions");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->count, 1u);
  EXPECT_NEAR(t->score, 1.0, 1e-6);  // in the body: no position weight
}

TEST(Themes, ReportsSharesDensityTermsAndOffsets) {
  Analyzer analyzer = ThemesOnly(kThemes);
  std::string text = "Trade rose. Trade fell. Diplomats met.";
  Report r = Analyze(analyzer, text, Options{ToneDomain::kNews, false, true, true});
  ASSERT_EQ(r.primary_theme, "economy");
  ASSERT_EQ(r.top_level.size(), 2u);
  EXPECT_EQ(r.top_level[0].id, "economy");
  EXPECT_EQ(r.top_level[1].id, "politics");
  // Headline x2, lede x1.5: economy 2 + 1.5, politics 1.5.
  EXPECT_NEAR(r.top_level[0].share, 3.5 / 5, 1e-9);
  EXPECT_NEAR(r.top_level[0].share + r.top_level[1].share, 1.0, 1e-9);
  const ThemeResult* trade = FindTheme(r, "economy.trade");
  ASSERT_NE(trade, nullptr);
  EXPECT_EQ(trade->parent, "economy");
  EXPECT_EQ(trade->label, "Trade");
  EXPECT_NEAR(trade->per_1000_words, 1000.0 * 2 / 6, 1e-9);
  ASSERT_EQ(trade->terms.size(), 1u);
  EXPECT_EQ(trade->terms[0].term, "trade");
  EXPECT_EQ(trade->terms[0].count, 2u);
  EXPECT_EQ(trade->sentences, (std::vector<uint32_t>{0, 1}));
  int theme_mentions = 0;
  for (const Mention& m : r.mentions) {
    if (m.kind != Mention::Kind::kTheme || m.id != "economy.trade") continue;
    EXPECT_EQ(text.substr(m.start, m.end - m.start), "Trade");
    ++theme_mentions;
  }
  EXPECT_EQ(theme_mentions, 2);
  ASSERT_EQ(r.sentences.size(), 3u);
  EXPECT_EQ(r.sentences[2].themes, (std::vector<std::string>{"politics.diplomacy"}));
}

TEST(Themes, PhraseMentionCoversEveryWord) {
  Analyzer analyzer = ThemesOnly(kThemes);
  std::string text = "A cost of living crisis.";
  Report r = Analyze(analyzer, text, Options{ToneDomain::kNews, false, true, true});
  const Mention* hit = nullptr;
  for (const Mention& m : r.mentions)
    if (m.kind == Mention::Kind::kTheme) hit = &m;
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(text.substr(hit->start, hit->end - hit->start), "cost of living crisis");
}

TEST(Themes, ArticleWithoutHitsHasNoPrimaryThemeAndEmptyLists) {
  Analyzer analyzer = ThemesOnly(kThemes);
  for (const std::string text : {"", "Nothing here is about anything we count."}) {
    Report r = Analyze(analyzer, text);
    EXPECT_TRUE(r.primary_theme.empty()) << text;
    EXPECT_TRUE(r.top_level.empty()) << text;
    EXPECT_TRUE(r.themes.empty()) << text;
    std::string json = ToJson(r);
    EXPECT_EQ(json.find("\"primary_theme\""), std::string::npos) << json;
    EXPECT_NE(json.find("\"top_level\":[]"), std::string::npos) << json;
  }
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

TEST(Themes, CustomDictionaryAddsToTheDefaults) {
  // Without replace_default_themes the built-in taxonomy stays, a new id is appended and a
  // known id gets the new terms.
  AnalyzerConfig config;
  config.dictionaries.push_back({"beats.json", R"({"format":"newslens/themes@1","themes":[
      {"id":"beats","label":"Beats"},
      {"id":"beats.transit","label":"Transit","parent":"beats","terms":["tram line"]},
      {"id":"politics.diplomacy","label":"Diplomacy","parent":"politics","terms":["sherpa"]}]})"});
  auto a = Analyzer::Create(config);
  ASSERT_TRUE(a.ok()) << a.error();
  EXPECT_GT(a.value().theme_count(), 290u);
  Report r = Analyze(a.value(), "The new tram line opened. The sherpa met the foreign minister.");
  const ThemeResult* transit = FindTheme(r, "beats.transit");
  ASSERT_NE(transit, nullptr);
  EXPECT_EQ(transit->count, 1u);
  const ThemeResult* diplomacy = FindTheme(r, "politics.diplomacy");
  ASSERT_NE(diplomacy, nullptr);
  EXPECT_EQ(diplomacy->count, 2u);  // "sherpa" (custom) and "foreign minister" (built in)
}

TEST(Themes, TermsOfOneMatchAcrossDictionariesKeepTheirOrder) {
  // A match's terms are filed per dictionary (ThemeEngine::Flatten): a later dictionary's terms
  // for the same words come after the earlier ones', and none is lost.
  AnalyzerConfig config;
  config.replace_default_themes = true;
  config.dictionaries.push_back({"first.json", R"({"format":"newslens/themes@1","themes":[
      {"id":"a","label":"A","terms":["trade","trade deal"]},
      {"id":"b","label":"B","terms":["trade"]}]})"});
  config.dictionaries.push_back({"second.json", R"({"format":"newslens/themes@1","themes":[
      {"id":"c","label":"C","terms":["trade"]},
      {"id":"a","label":"A","terms":["tariff"]}]})"});
  auto a = Analyzer::Create(config);
  ASSERT_TRUE(a.ok()) << a.error();
  EXPECT_EQ(a.value().term_count(), 5u);
  std::string text = "Trade rose. A trade deal and a tariff.";
  Report r = Analyze(a.value(), text, Options{ToneDomain::kNews, false, true, true});
  std::vector<std::string> at_first_word;
  for (const Mention& m : r.mentions)
    if (m.kind == Mention::Kind::kTheme && m.start == 0) at_first_word.push_back(m.id);
  EXPECT_EQ(at_first_word, (std::vector<std::string>{"a", "b", "c"}));
  const ThemeResult* theme_a = FindTheme(r, "a");
  ASSERT_NE(theme_a, nullptr);
  EXPECT_EQ(theme_a->count, 3u);  // "Trade", "trade deal", "tariff"
  ASSERT_NE(FindTheme(r, "b"), nullptr);
  EXPECT_EQ(FindTheme(r, "b")->count, 1u);
  ASSERT_NE(FindTheme(r, "c"), nullptr);
  EXPECT_EQ(FindTheme(r, "c")->count, 1u);
}

// ---- Issue 15's rules: position, context, names, evidence -------------------------------

// Position: the headline (first sentence) weighs kHeadlineWeight = 2, the lede (the paragraph
// after a title line, or the rest of the first paragraph, at most 2 sentences) 1.5, the body 1.
struct PositionCase {
  const char* name;
  std::string text;
  double score;  // of economy.trade, whose one term "trade" weighs 1
};

void PrintTo(const PositionCase& c, std::ostream* os) { *os << c.name; }

class ThemePosition : public ::testing::TestWithParam<PositionCase> {};

TEST_P(ThemePosition, WeighsTheHeadlineAndTheLede) {
  static const Analyzer analyzer = ThemesOnly(kThemes);
  const PositionCase& c = GetParam();
  Report r = Analyze(analyzer, c.text);
  const ThemeResult* t = FindTheme(r, "economy.trade");
  ASSERT_NE(t, nullptr) << c.text;
  EXPECT_NEAR(t->score, c.score, 1e-9) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, ThemePosition,
    ::testing::Values(
        PositionCase{"headline", "Trade talks resume in Geneva", 2.0},
        // A wire headline in capitals cannot tell names from words: no headline weight.
        PositionCase{"headline_in_capitals", "TRADE TALKS RESUME IN GENEVA", 1.0},
        PositionCase{"title_line_then_lede", "Ports reopen\n\nTrade resumed on Monday.", 1.5},
        PositionCase{"lede_in_first_paragraph", "Ports reopened. Trade resumed.", 1.5},
        PositionCase{"lede_is_two_sentences_at_most",
                     "Ports reopened. Ships docked. Cranes moved. Trade resumed.", 1.0},
        PositionCase{"body_after_the_lede_paragraph",
                     "Ports reopen\n\nShips docked on Monday.\n\nTrade resumed.", 1.0},
        PositionCase{"every_position", "Trade war\n\nTrade fell.\n\nTrade rose.", 2 + 1.5 + 1},
        PositionCase{"every_hit_of_the_headline", "Trade, trade and trade.", 6.0}),
    [](const ::testing::TestParamInfo<PositionCase>& info) { return std::string(info.param.name); });

constexpr char kContextThemes[] = R"({"format":"newslens/themes@1",
  "cues":{"ball":["basketball","dunk*","point guard"]},
  "themes":[
  {"id":"crime","label":"Crime","iptc":"medtop:02000000","terms":["judge","verdict"]},
  {"id":"crime.courts","label":"Courts","parent":"crime",
   "terms":[{"term":"court","weight":0.6,"context":"sentence"}]},
  {"id":"politics","label":"Politics","iptc":"medtop:11000000"},
  {"id":"politics.legislature","label":"Legislature","parent":"politics",
   "terms":["senate","parliament",{"term":"bill","context":"paragraph"},
            {"term":"administration","context":"sentence"}]},
  {"id":"sport","label":"Sport","iptc":"medtop:15000000",
   "terms":[{"term":"court","context":"sentence","cues":"ball"},"referee"]},
  {"id":"weather","label":"Weather","iptc":"medtop:17000000",
   "terms":["rain","storm",{"term":"wind","context":"sentence"}]}
]})";

struct ContextCase {
  const char* name;
  std::string text;
  std::string theme;
  uint32_t count;
};

void PrintTo(const ContextCase& c, std::ostream* os) { *os << c.name; }

class ThemeContext : public ::testing::TestWithParam<ContextCase> {};

TEST_P(ThemeContext, CountsATermOnlyInItsSense) {
  static const Analyzer analyzer = ThemesOnly(kContextThemes);
  const ContextCase& c = GetParam();
  Report r = Analyze(analyzer, c.text);
  const ThemeResult* t = FindTheme(r, c.theme);
  EXPECT_EQ(t ? t->count : 0u, c.count) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, ThemeContext,
    ::testing::Values(
        // Another term of the same top level in the sentence vouches for the sense...
        ContextCase{"same_theme_in_sentence", "The judge left the court early.", "crime.courts", 1},
        ContextCase{"alone_does_not_count", "They walked across the court.", "crime.courts", 0},
        // ...but only a term that does not itself wait for context.
        ContextCase{"two_context_terms_do_not_vouch", "The bill went to court.",
                    "politics.legislature", 0},
        ContextCase{"sentence_scope", "The judge spoke. Then the court emptied.", "crime.courts", 0},
        // A named cue set vouches without counting for any theme.
        ContextCase{"cue_set", "He dunked on the basketball court.", "sport", 1},
        ContextCase{"cue_set_words_do_not_count", "Basketball is popular.", "sport", 0},
        ContextCase{"theme_word_or_cue", "The referee cleared the court.", "sport", 2},
        // Paragraph scope: the next sentence of the paragraph counts, the next paragraph not.
        ContextCase{"paragraph_scope", "The bill was long. The Senate passed it.",
                    "politics.legislature", 2},
        ContextCase{"paragraph_ends", "The bill was long.\n\nThe Senate passed it.",
                    "politics.legislature", 1},
        // The issue's examples: the bill "winds" its way; the Reagan "administration".
        ContextCase{"bill_winds_its_way", "The farm bill winds its way through the Senate.",
                    "weather", 0},
        ContextCase{"wind_with_weather", "Wind and rain lashed the coast.", "weather", 2},
        ContextCase{"administration_alone", "The Reagan administration objected.",
                    "politics.legislature", 0}),
    [](const ::testing::TestParamInfo<ContextCase>& info) { return std::string(info.param.name); });

TEST(ThemeContext, RejectsAnUnknownCueSetAndABadScope) {
  for (const char* json : {
           R"({"format":"newslens/themes@1","themes":[{"id":"a","label":"A",
               "terms":[{"term":"court","cues":"nowhere"}]}]})",
           R"({"format":"newslens/themes@1","themes":[{"id":"a","label":"A",
               "terms":[{"term":"court","context":"article"}]}]})",
           R"({"format":"newslens/themes@1","cues":{"Bad Name":["x"]},"themes":[]})",
           R"({"format":"newslens/themes@1","cues":{"ok":["*x"]},"themes":[]})"}) {
    AnalyzerConfig config;
    config.replace_default_themes = true;
    config.dictionaries.push_back({"ctx.json", json});
    auto a = Analyzer::Create(config);
    EXPECT_FALSE(a.ok()) << json;
    if (!a.ok()) EXPECT_NE(a.error().find("ctx.json"), std::string::npos) << a.error();
  }
}

// Names: a theme term inside a person's, country's or place's name the actors engine found does
// not count, unless the term is the whole name or written in capitals (WHO).
constexpr char kNameThemes[] = R"({"format":"newslens/themes@1","themes":[
  {"id":"environment","label":"Environment","iptc":"medtop:06000000","terms":["crane","wetland"]},
  {"id":"politics","label":"Politics","iptc":"medtop:11000000","terms":["bill","republic"]},
  {"id":"religion","label":"Religion","iptc":"medtop:12000000","terms":["lakshmi"]},
  {"id":"health","label":"Health","iptc":"medtop:07000000","terms":["WHO"]}
]})";

class ThemeNameGuard : public ::testing::TestWithParam<ContextCase> {};

TEST_P(ThemeNameGuard, SkipsTermsInsideNames) {
  static const Analyzer analyzer = ThemesOnly(kNameThemes);
  const ContextCase& c = GetParam();
  Report r = Analyze(analyzer, c.text);
  const ThemeResult* t = FindTheme(r, c.theme);
  EXPECT_EQ(t ? t->count : 0u, c.count) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, ThemeNameGuard,
    ::testing::Values(
        ContextCase{"surname", "Congressman Phil Crane of Illinois voted no.", "environment", 0},
        ContextCase{"word", "A crane nested in the wetland.", "environment", 2},
        ContextCase{"given_name", "Bill Clinton signed it on Tuesday.", "politics", 0},
        ContextCase{"given_name_word", "The bill was signed on Tuesday.", "politics", 1},
        ContextCase{"name_of_a_person", "Steel magnate Lakshmi Mittal bought the mill.",
                    "religion", 0},
        ContextCase{"country_name", "The Czech Republic beat Norway.", "politics", 0},
        ContextCase{"capitals_term", "The WHO said the outbreak was over.", "health", 1}),
    [](const ::testing::TestParamInfo<ContextCase>& info) { return std::string(info.param.name); });

// Minimum evidence: a top level named in one sentence with less than 15 % of the top levels'
// score is weak: it stays in `themes` but is left out of `top_level` (and so is never the
// primary theme, and the page does not draw it).
struct EvidenceCase {
  const char* name;
  std::string text;
  std::string theme;
  bool in_top_level;
};

void PrintTo(const EvidenceCase& c, std::ostream* os) { *os << c.name; }

class ThemeEvidence : public ::testing::TestWithParam<EvidenceCase> {};

TEST_P(ThemeEvidence, LeavesWeakThemesOutOfTopLevel) {
  static const Analyzer analyzer = ThemesOnly(kThemes);
  const EvidenceCase& c = GetParam();
  Report r = Analyze(analyzer, c.text);
  ASSERT_NE(FindTheme(r, c.theme), nullptr) << c.text;  // always in `themes`
  bool listed = false;
  for (const TopLevelTheme& t : r.top_level) listed |= t.id == c.theme;
  EXPECT_EQ(listed, c.in_top_level) << c.text;
  if (!r.top_level.empty()) EXPECT_EQ(r.primary_theme, r.top_level[0].id);
}

INSTANTIATE_TEST_SUITE_P(
    Rules, ThemeEvidence,
    ::testing::Values(
        // economy 2 + 1.5 + 1.5 + 1 + 1, politics 1: 1/8 of the score, in one sentence.
        EvidenceCase{"one_passing_mention",
                     "Trade rose. Trade fell. Trade grew. Trade slowed. Trade held. "
                     "A diplomat spoke.",
                     "politics", false},
        EvidenceCase{"the_subject_stays",
                     "Trade rose. Trade fell. Trade grew. Trade slowed. Trade held. "
                     "A diplomat spoke.",
                     "economy", true},
        EvidenceCase{"two_sentences_are_evidence",
                     "Trade rose. Trade fell. Trade grew. A diplomat spoke. Trade slowed. "
                     "Diplomats met.",
                     "politics", true},
        EvidenceCase{"one_sentence_with_a_large_share", "Trade rose. A diplomat spoke.",
                     "politics", true},
        // In a one-line item every top level is weak by the rule: none is left out.
        EvidenceCase{"all_weak_keeps_all",
                     "Police, troops, trade, diplomats, housing, a take-out and AIDS.", "crime",
                     true}),
    [](const ::testing::TestParamInfo<EvidenceCase>& info) { return std::string(info.param.name); });

// Policy stories: a government, a minister, parliament or a party acting in the headline or the
// lede on a home-news subject (crime, welfare, health, ...) makes a government-policy story:
// politics ranks first, with its own score, when it holds at least a fifth of the subject's.
// Economy is a desk of its own: a minister on the markets stays an economy story. Likewise a
// company acting in the headline or the lede on a legal, health or work subject is business news,
// researchers reporting in the headline or the lede on health, nature or a disaster make a
// science story, a singer, an actor or a star in trouble with the law is arts news, and the
// internet, software or a gadget acting on the law, society or culture is a technology story,
// and a player in trouble with the law is sports news.
constexpr char kPolicyThemes[] = R"({"format":"newslens/themes@1","themes":[
  {"id":"politics","label":"Politics","iptc":"medtop:11000000"},
  {"id":"politics.government","label":"Government","parent":"politics",
   "terms":["minister","government"]},
  {"id":"politics.diplomacy","label":"Diplomacy","parent":"politics","terms":["embassy"]},
  {"id":"crime","label":"Crime","iptc":"medtop:02000000","terms":["police","offence","prison"]},
  {"id":"society","label":"Society","iptc":"medtop:14000000","terms":["asylum","refugee"]},
  {"id":"economy","label":"Economy","iptc":"medtop:04000000","terms":["profit","shares"]},
  {"id":"economy.corporate","label":"Corporate","parent":"economy","terms":["company","firm"]},
  {"id":"science","label":"Science","iptc":"medtop:13000000","terms":["laboratory"]},
  {"id":"science.research","label":"Research","parent":"science",
   "terms":["researcher","scientist","study"]},
  {"id":"science.computing","label":"Computing","parent":"science",
   "terms":["internet","software"]},
  {"id":"sport","label":"Sport","iptc":"medtop:15000000"},
  {"id":"sport.basketball","label":"Basketball","parent":"sport","terms":["point guard"]},
  {"id":"health","label":"Health","iptc":"medtop:07000000","terms":["heart disease","patient"]},
  {"id":"arts","label":"Arts","iptc":"medtop:01000000"},
  {"id":"arts.music","label":"Music","parent":"arts","terms":["singer","album"]}
]})";

struct PolicyCase {
  const char* name;
  std::string text;
  std::string primary;
  std::string second;  // the next top level
};

void PrintTo(const PolicyCase& c, std::ostream* os) { *os << c.name; }

class ThemePolicyStory : public ::testing::TestWithParam<PolicyCase> {};

TEST_P(ThemePolicyStory, FilesGovernmentActionUnderPolitics) {
  static const Analyzer analyzer = ThemesOnly(kPolicyThemes);
  const PolicyCase& c = GetParam();
  Report r = Analyze(analyzer, c.text);
  ASSERT_GE(r.top_level.size(), 2u) << c.text;
  EXPECT_EQ(r.primary_theme, c.primary) << c.text;
  EXPECT_EQ(r.top_level[0].id, c.primary) << c.text;
  EXPECT_EQ(r.top_level[1].id, c.second) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, ThemePolicyStory,
    ::testing::Values(
        // crime 3 + 1.5 + 1 = 5.5 outscores politics 2 + 1.5 = 3.5, but the minister acts in
        // the headline: a policy story, politics first and crime second, scores unchanged.
        PolicyCase{"minister_in_the_headline",
                   "Minister toughens the hunting law\n\nThe minister said police would treat "
                   "it as an offence. Police chiefs were not consulted. Prison is possible.",
                   "politics", "crime"},
        PolicyCase{"government_in_the_lede",
                   "Child refugees to be sent home\n\nThe government plans to return refugee "
                   "children. Asylum lawyers object. Asylum claims fell.",
                   "politics", "society"},
        // The same kind of story with the minister only in the body: a crime story.
        PolicyCase{"minister_only_in_the_body",
                   "Police raid a hunt\n\nPolice arrested two riders. They face an offence of "
                   "hunting with dogs. Prison is possible. The minister said nothing. The "
                   "government was silent.",
                   "crime", "politics"},
        // Economy is not a policy subject: the story stays with the markets.
        PolicyCase{"minister_on_profits",
                   "Minister hails bank profit\n\nProfit rose and shares climbed. Shares hit a "
                   "record. Profit will grow, the minister said.",
                   "economy", "politics"},
        // An embassy is diplomacy, not a government acting at home.
        PolicyCase{"diplomacy_is_no_government_actor",
                   "Embassy staff see a burglary\n\nPolice were called to the embassy. Police "
                   "found an offence. Prison awaits.",
                   "crime", "politics"},
        // politics (3) under a fifth of the subject's score (20): a visit in a crime story.
        PolicyCase{"too_little_politics",
                   "Minister visits a prison\n\nPolice and prison staff met. Police, prison, "
                   "offence. Police, prison, offence. Police, prison, offence. Police, prison. "
                   "Police, prison, offence. Police, prison, offence. The minister left.",
                   "crime", "politics"},
        // crime 1.5 + 3 + 1 = 5.5, economy 2 + 1.5 = 3.5: a firm in the news for a crime.
        PolicyCase{"company_in_the_headline",
                   "Firm in court over leak\n\nThe company faces a police inquiry. Police "
                   "found an offence. Prison is possible.",
                   "economy", "crime"},
        PolicyCase{"company_only_in_the_body",
                   "Leak at a depot\n\nPolice were called. Police found an offence. Prison is "
                   "possible. The company said nothing. The firm was closed.",
                   "crime", "economy"},
        // Researchers reporting findings in the lede: a science story about health.
        PolicyCase{"scientists_in_the_lede",
                   "Childhood stress and the heart\n\nScientists say stressed children grow "
                   "into adults with heart disease. Heart disease patients were followed for "
                   "decades. Each patient was asked about childhood.",
                   "science", "health"},
        PolicyCase{"scientists_only_in_the_body",
                   "Heart disease clinics open\n\nHeart disease patients can now be seen "
                   "within a week. Each patient gets a nurse. A patient group welcomed it. A "
                   "scientist said more study was needed.",
                   "health", "science"},
        // A star in trouble with the law is showbiz news: the arts desk follows the singer.
        PolicyCase{"singer_in_the_headline",
                   "Singer fined over hotel fight\n\nThe singer admitted the offence. Police "
                   "had been called to the hotel. Prison was ruled out.",
                   "arts", "crime"},
        PolicyCase{"singer_only_in_the_body",
                   "Hotel fight ends in a fine\n\nPolice were called to a hotel. The offence "
                   "was admitted. Prison was ruled out. A singer was among the guests.",
                   "crime", "arts"},
        // What technology does to the law is a technology story: the desk follows the internet.
        PolicyCase{"internet_in_the_headline",
                   "Internet fraudster jailed\n\nPolice traced the offence to his flat. The "
                   "court sent him to prison. Prison terms for such an offence are rising.",
                   "science", "crime"},
        PolicyCase{"internet_only_in_the_body",
                   "Burglar jailed\n\nPolice traced the offence to his flat. The court sent "
                   "him to prison. Prison terms are rising. He had searched the internet.",
                   "crime", "science"},
        // A player in trouble with the law is sports news: the desk follows the player.
        PolicyCase{"player_in_the_headline",
                   "Point guard arrested\n\nPolice stopped his car at night. The offence "
                   "carries a fine. Prison is unlikely.",
                   "sport", "crime"},
        PolicyCase{"player_only_in_the_body",
                   "Night stop ends in arrest\n\nPolice stopped a car at night. The offence "
                   "carries a fine. Prison is unlikely. The driver was a point guard.",
                   "crime", "sport"}),
    [](const ::testing::TestParamInfo<PolicyCase>& info) { return std::string(info.param.name); });

// Issue 15's examples, in sentences of our own, against the built-in taxonomy: a name or a
// word in another sense is no theme, and a technology story is science and technology.
struct IssueCase {
  const char* name;
  std::string text;
  std::string absent;   // a theme id that must not be reported ("" for none)
  std::string primary;  // the expected primary theme ("" for any)
};

void PrintTo(const IssueCase& c, std::ostream* os) { *os << c.name; }

class ThemeIssueExamples : public ::testing::TestWithParam<IssueCase> {};

TEST_P(ThemeIssueExamples, NameTheRightSubject) {
  static const Analyzer analyzer = [] {
    auto a = Analyzer::Create(AnalyzerConfig());
    EXPECT_TRUE(a.ok()) << a.error();
    return std::move(a).value();
  }();
  const IssueCase& c = GetParam();
  Report r = Analyze(analyzer, c.text);
  if (!c.absent.empty()) {
    const ThemeResult* t = FindTheme(r, c.absent);
    EXPECT_EQ(t, nullptr) << c.text << "\n" << (t && !t->terms.empty() ? t->terms[0].term : "");
  }
  if (!c.primary.empty()) EXPECT_EQ(r.primary_theme, c.primary) << c.text;
  // The absent theme's top level is not drawn either (an "infected PC" is still a health word).
  const std::string absent_top = c.absent.substr(0, c.absent.find('.'));
  for (const TopLevelTheme& t : r.top_level)
    if (!c.absent.empty()) EXPECT_NE(t.id, absent_top) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Issue15, ThemeIssueExamples,
    ::testing::Values(
        IssueCase{"given_name_of_a_goddess",
                  "Steel billionaire Lakshmi Mittal agreed to buy the plant on Monday.",
                  "religion", ""},
        IssueCase{"surname_of_a_bird",
                  "Representative Phil Crane, a Republican from Illinois, said the tariff "
                  "would hurt farmers.",
                  "environment.wildlife", ""},
        IssueCase{"a_bill_winds_its_way", "The spending bill now winds its way to the Senate floor.",
                  "weather", ""},
        IssueCase{"an_administration_is_a_government",
                  "Officials in the Reagan administration denied the report.",
                  "economy.bankruptcy", ""},
        IssueCase{"billed_is_not_a_bill", "Sony billed the handheld as a rival to Nintendo's.",
                  "politics.legislature", "science"},
        IssueCase{"performance_enhancing",
                  "Two sprinters tested positive for performance-enhancing drugs.",
                  "arts.theatre", ""},
        IssueCase{"a_landmark_case", "Judges called it a landmark case for privacy law.",
                  "arts.heritage", ""},
        IssueCase{"press_charges", "The shopkeeper decided not to press charges against the boys.",
                  "arts.media", ""},
        IssueCase{"games_movies_and_music",
                  "The new handheld console plays games, movies and music downloaded from the net.",
                  "sport", "science"},
        IssueCase{"a_computer_virus",
                  "A new computer virus is spreading by e-mail.\n\nThe virus copies itself to "
                  "every address in an infected PC's address book. Anti-virus firms urged users "
                  "to update their software.",
                  "health.infectious_disease", "science"},
        // Who acts: a person named with a political office is a political actor each time the
        // story names them again (a party leader on a prince's joke is a politics story) ...
        IssueCase{"a_politician_named_again",
                  "Apology sought over prince's joke\n\nThe prince should say sorry in person "
                  "for the joke he told at a charity dinner, Labour leader Ann Carter said on "
                  "Sunday.\n\nMs Carter said the remark had hurt many families. Carter added "
                  "that the palace should not stay silent, and Carter's aides said she would "
                  "raise it again next week.",
                  "", "politics"},
        // ... but not on the markets, a desk of its own.
        IssueCase{"a_minister_on_the_markets",
                  "Shares slide as bond yields climb\n\nShares fell sharply on Tuesday as "
                  "investors sold stocks and bond yields rose, after finance minister Jon Berg "
                  "said the budget deficit would widen.\n\nMr Berg said growth would slow. "
                  "Traders said Berg's forecast had unsettled the market, and Berg declined to "
                  "comment on interest rates.",
                  "", "economy"},
        // A law coming into force is a stage of lawmaking, as royal assent is: the story of a
        // ban taking effect is a politics story, though its words are of the crime it outlaws.
        IssueCase{"a_ban_comes_into_force",
                  "Ban on netting salmon comes into force\n\nNetting salmon in the estuary is "
                  "now illegal after a ban came into force at midnight. Police said anyone "
                  "caught would face prosecution and a fine.",
                  "", "politics"},
        IssueCase{"the_offence_without_the_law",
                  "Netting salmon in the estuary is now illegal. Police said anyone caught "
                  "would face prosecution and a fine.",
                  "", "crime"},
        // The markets' regulator and a company in a corporate scandal act in the headline:
        // their court cases are business news (the business rule of "Who acts").
        IssueCase{"the_markets_regulator_charges",
                  "SEC charges former chief of a rental firm\n\nThe SEC said on Monday it had "
                  "charged the former chief of a rental firm with fraud, and a judge will hear "
                  "the case in March.",
                  "", "economy"},
        // Not from the issue, the same kind of error: the IMF and the World Bank lend, and
        // their missions and forecasts are economic news, not diplomacy.
        IssueCase{"the_lenders_mission",
                  "An IMF mission will visit Kabul next week, and the World Bank said it would "
                  "send experts too.",
                  "", "economy"}),
    [](const ::testing::TestParamInfo<IssueCase>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace newslens

namespace newslens {
namespace {

// Words that a sports report uses in its own sense: the period of a match, a golfer's stroke
// and shots, a team that rallies, a player's career and retirement, a defence, a round of a
// tournament. In the built-in taxonomy they wait for a word of their other sense in the
// sentence (or paragraph): a quarter's profit, a stroke patient, a protest rally.
struct SenseCase {
  const char* name;
  std::string text;
  std::string theme;  // a theme id
  bool reported;      // whether the text reports it
};

void PrintTo(const SenseCase& c, std::ostream* os) { *os << c.name; }

class ThemeWordSenses : public ::testing::TestWithParam<SenseCase> {};

TEST_P(ThemeWordSenses, CountsTheWordInItsOwnSense) {
  static const Analyzer analyzer = [] {
    auto a = Analyzer::Create(AnalyzerConfig());
    EXPECT_TRUE(a.ok()) << a.error();
    return std::move(a).value();
  }();
  const SenseCase& c = GetParam();
  Report r = Analyze(analyzer, c.text);
  const ThemeResult* t = FindTheme(r, c.theme);
  EXPECT_EQ(t != nullptr, c.reported) << c.text << "\n"
                                      << (t && !t->terms.empty() ? t->terms[0].term : "");
}

INSTANTIATE_TEST_SUITE_P(
    Issue15, ThemeWordSenses,
    ::testing::Values(
        SenseCase{"period_of_a_match",
                  "The visitors were ten points up at the end of the third quarter.",
                  "economy.corporate", false},
        SenseCase{"period_of_a_company", "Net profit doubled in the third quarter.",
                  "economy.corporate", true},
        SenseCase{"a_golfers_stroke", "She holed a long putt to take a three-stroke lead.",
                  "health", false},
        SenseCase{"a_patients_stroke", "He was taken to hospital after a stroke.", "health",
                  true},
        SenseCase{"shots_clear", "Singh finished two shots clear of the field.",
                  "health.vaccines", false},
        SenseCase{"a_team_rallies", "The home side rallied to win the match in extra time.",
                  "conflict.unrest", false},
        SenseCase{"a_protest_rally", "Thousands of protesters joined the rally in the square.",
                  "conflict.unrest", true},
        SenseCase{"a_players_retirement",
                  "The goalkeeper will retire at the end of a long career.", "labour", false},
        SenseCase{"a_pass_defence", "Their pass defense gave up three touchdowns.",
                  "conflict.security_defence", false},
        SenseCase{"a_secretary_of_state", "Secretary of State Colin Powell will visit Tokyo.",
                  "economy.monetary_policy", false},
        // Not sport, but the same kind of word: a bomb is an explosive device, and what a
        // warning prompts is no computer prompt.
        SenseCase{"an_explosive_device",
                  "An explosive device prompted police to close the road.", "science", false},
        SenseCase{"a_gadget", "The device runs the same software as a laptop.",
                  "science.consumer_electronics", true},
        // A match score is a word of a contest: the victory it qualifies is a sports one.
        SenseCase{"a_victory_by_a_score", "Boston posted an 8-3 victory on Wednesday night.",
                  "sport", true},
        SenseCase{"a_victory_without_a_score", "Boston posted a victory on Wednesday night.",
                  "sport", false},
        // An e-mail is how people write to each other: technology only beside other
        // technology (spam, a virus, the inbox), not in a row over what an aide wrote.
        SenseCase{"an_email_in_a_political_row",
                  "The aide apologised for the angry e-mail he sent to reporters.", "science",
                  false},
        // Labour is a British party as well as work: alone in a paragraph it is the party.
        SenseCase{"the_labour_party", "The Labour candidate held the seat with a small majority.",
                  "labour", false},
        SenseCase{"labour_as_work",
                  "Cheap labour drew the factories south, and thousands of workers followed.",
                  "labour", true},
        SenseCase{"an_email_among_technology",
                  "Spam now makes up most e-mail crossing the internet.", "science.telecoms",
                  true},
        // Session 9's audit: words whose hits most often disagreed with the desk, read in
        // their sentences. An airline is a carrier as a phone company is; the stemmer makes
        // "products" a form of "production" and "apart" one of "apartment"; a minister hails
        // an accord; people recall a day and vote a film the best.
        SenseCase{"an_airline_carrier",
                  "The carrier cancelled its flights to Lisbon after the strike.",
                  "science.telecoms", false},
        SenseCase{"a_phone_carrier", "The carrier added a million wireless subscribers.",
                  "science.telecoms", true},
        SenseCase{"products_on_review", "Reviewers liked the products.",
                  "economy.manufacturing", false},
        SenseCase{"production_at_a_plant",
                  "Production at the plant rose by a tenth as new orders came in.",
                  "economy.manufacturing", true},
        SenseCase{"talks_fall_apart", "The talks fell apart on Friday.", "economy.real_estate",
                  false},
        SenseCase{"a_minister_hails_an_accord", "The minister hailed the accord.", "weather",
                  false},
        SenseCase{"hail_in_a_storm", "Hail and heavy rain battered the town overnight.",
                  "weather", true},
        SenseCase{"recalling_a_day", "She recalled the day her father came home.",
                  "economy.automotive", false},
        SenseCase{"voted_the_best_film", "Fans voted it the best film of the year.", "politics",
                  false},
        // Clubs are named after animals: an animal is wildlife beside other words of nature.
        SenseCase{"clubs_named_after_animals",
                  "The Lions held on to beat the Bears in Chicago on Sunday.",
                  "environment.wildlife", false},
        SenseCase{"animals_in_the_wild",
                  "Lions and leopards are poached for their skins, wildlife groups say.",
                  "environment.wildlife", true},
        // A record company is the music industry, not corporate news.
        SenseCase{"a_record_company", "The singer's record company lost its case on Monday.",
                  "economy.corporate", false},
        SenseCase{"a_record_company_is_music",
                  "The singer's record company lost its case on Monday.", "arts.music", true},
        // A net cafe is where people go online; a contestant is evicted from a TV house.
        SenseCase{"a_net_cafe", "Police closed hundreds of net cafes in the city.",
                  "lifestyle", false},
        SenseCase{"a_net_cafe_is_the_internet", "Police closed hundreds of net cafes in the city.",
                  "science.telecoms", true},
        SenseCase{"evicted_from_a_tv_show",
                  "The singer was evicted from the Big Brother house on Friday.", "society",
                  false},
        // Stepping down and voting are politics beside a politician, a party or a parliament:
        // a chief executive steps down, a union's members vote against a strike.
        SenseCase{"a_chief_executive_steps_down",
                  "The footwear maker said its founder would step down as chief executive.",
                  "politics", false},
        SenseCase{"a_prime_minister_resigns", "The prime minister said he would not resign.",
                  "politics.political_crisis", true},
        SenseCase{"workers_vote_against_a_strike", "Workers at the plant voted against a strike.",
                  "politics", false},
        // A college named Tech is a sports team; Bonds is a slugger, not the bond market.
        SenseCase{"a_college_named_tech", "Georgia Tech beat Clemson on Saturday.", "science",
                  false},
        SenseCase{"a_slugger_named_bonds", "Bonds hit his 700th home run on Friday night.",
                  "economy", false},
        // Everyday words of other trades: a crowd's atmosphere, a manner, a trial scheme.
        SenseCase{"a_crowds_atmosphere", "The crowd created a great atmosphere at the stadium.",
                  "science", false},
        SenseCase{"in_a_calm_fashion", "He answered the questions in a calm fashion.", "arts",
                  false},
        SenseCase{"a_pilot_scheme", "The pilot scheme will run in three towns.", "economy",
                  false},
        SenseCase{"a_rover_on_mars", "Nasa's rover found signs of water on Mars.",
                  "science.space", true},
        // From the session 9 hand audit: a boxer beats a rival, strikers score goals, judges
        // sit (the stemmer reads "sat" as the SATs).
        SenseCase{"beating_a_rival",
                  "After beating Mosley a second time, the boxer wants a title fight.",
                  "crime", false},
        SenseCase{"strikers_score", "Both strikers scored twice in the second half.",
                  "labour", false},
        SenseCase{"judges_sat", "The judges sat in silence.", "education", false},
        SenseCase{"a_minister_goes_public",
                  "The minister decided to go public about the affair.", "economy", false},
        SenseCase{"a_firm_goes_public",
                  "The software firm will go public on the Nasdaq next month.", "economy.markets",
                  true},
        // A player's injury and a club's rescue are no disasters; a rescue after a quake is.
        SenseCase{"a_players_injury", "The striker is out for a month with a knee injury.",
                  "disaster", false},
        SenseCase{"a_clubs_rescue", "Creditors backed a rescue of the struggling club.",
                  "disaster", false},
        SenseCase{"a_rescue_after_a_quake",
                  "Firefighters joined the rescue after the earthquake.",
                  "disaster.emergency_response", true},
        SenseCase{"evicted_by_a_landlord",
                  "Thousands of families were evicted after the landlord raised the rent.",
                  "society.housing", true}),
    [](const ::testing::TestParamInfo<SenseCase>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace newslens
