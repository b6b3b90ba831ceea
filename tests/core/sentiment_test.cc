#include <gtest/gtest.h>

#include "test_util.h"

namespace newslens {
namespace {

using testing::Analyze;
using testing::DefaultAnalyzer;

double Compound(const std::string& text, ToneDomain domain = ToneDomain::kNews) {
  Options o;
  o.tone = domain;
  return Analyze(DefaultAnalyzer(), text, o).tone.compound;
}

struct SignCase {
  const char* name;
  std::string text;
  int sign;  // +1 positive (>= 0.05), -1 negative (<= -0.05), 0 neutral
};

void PrintTo(const SignCase& c, std::ostream* os) { *os << c.name; }

class ToneSign : public ::testing::TestWithParam<SignCase> {};

TEST_P(ToneSign, HasExpectedLabel) {
  const SignCase& c = GetParam();
  double compound = Compound(c.text);
  if (c.sign > 0) EXPECT_GE(compound, 0.05) << c.text;
  if (c.sign < 0) EXPECT_LE(compound, -0.05) << c.text;
  if (c.sign == 0) EXPECT_NEAR(compound, 0.0, 0.05) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, ToneSign,
    ::testing::Values(
        SignCase{"plain_positive", "The agreement is good.", +1},
        SignCase{"plain_negative", "The attack was terrible.", -1},
        SignCase{"neutral", "The committee met on Tuesday.", 0},
        SignCase{"negated", "The plan is not good.", -1},
        SignCase{"contraction", "The plan isn't good.", -1},
        SignCase{"contraction_curly", "The plan wasn\xE2\x80\x99t good.", -1},
        SignCase{"contraction_unlisted", "The plan mightn't be good.", -1},
        SignCase{"negation_exception", "There is no doubt the plan is good.", +1},
        SignCase{"never", "The talks were never successful.", -1},
        SignCase{"negation_window_3", "It is not a very good plan.", -1},
        SignCase{"negation_scope_ends_at_comma", "Not that it matters, the plan is good.", +1},
        SignCase{"no_determiner", "There was no progress.", -1},
        SignCase{"no_interjection", "No, the plan is excellent.", +1},
        SignCase{"without", "They left without hope.", -1},
        SignCase{"lack_of", "There is a lack of progress.", -1},
        SignCase{"not_only_but_also", "The plan is not only good but also fair.", +1},
        SignCase{"but_weighs_second_clause", "The food was good, but the service was terrible.", -1},
        SignCase{"but_reversed", "The service was terrible, but the food was good.", +1},
        SignCase{"however", "The talks were difficult, however the outcome was excellent.", +1},
        SignCase{"although_leading", "Although the talks were difficult, the outcome was excellent.", +1},
        SignCase{"although_trailing", "The outcome was excellent, although the talks were difficult.", +1},
        SignCase{"idiom_win_win", "It is a win-win deal.", +1},
        SignCase{"idiom_kiss_of_death", "It was the kiss of death for the plan.", -1},
        SignCase{"news_hegemony", "They oppose hegemony and bullying.", -1},
        SignCase{"news_ceasefire", "Both sides agreed to a ceasefire.", +1},
        SignCase{"news_layoffs", "The company announced layoffs.", -1}),
    [](const ::testing::TestParamInfo<SignCase>& info) { return std::string(info.param.name); });

TEST(Tone, BoostersAndDampenersScaleWithDistanceDecay) {
  double plain = Compound("The plan is good.");
  EXPECT_GT(Compound("The plan is very good."), plain);
  EXPECT_GT(Compound("The plan is extremely good."), plain);
  EXPECT_LT(Compound("The plan is slightly good."), plain);
  // A booster two words away counts less than one right before the word.
  EXPECT_GT(Compound("It is very good."), Compound("It is very, good."));
}

TEST(Tone, CapsAndExclamationEmphasise) {
  double plain = Compound("The plan is good.");
  EXPECT_GT(Compound("The plan is GOOD."), plain);
  EXPECT_GT(Compound("The plan is good!"), plain);
  EXPECT_GT(Compound("The plan is good!!!"), Compound("The plan is good!"));
}

TEST(Tone, DomainsDiffer) {
  // Financial news states direction with neutral-looking verbs: "decreased" is negative there.
  std::string text = "Net sales decreased to EUR 13.1 mn.";
  EXPECT_LT(Compound(text, ToneDomain::kFinance), Compound(text, ToneDomain::kGeneral));
}

TEST(Tone, DocumentScoreDoesNotSaturate) {
  // VADER sums a whole text, so a long positive article reads 0.9999. Here a text longer than the
  // reference length (14 words) is scored on its valence density: the score of 10, 100 or 1,000
  // copies of a positive paragraph is the same, and stays below 1.
  std::string paragraph =
      "The talks were good. Both delegations met in the capital on Tuesday for the talks. ";
  auto copies = [&](int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += paragraph;
    return out;
  };
  double ten = Compound(copies(10));
  EXPECT_GT(ten, 0.05);
  EXPECT_LT(ten, 0.9);
  EXPECT_NEAR(Compound(copies(100)), ten, 1e-9);
  EXPECT_NEAR(Compound(copies(1000)), ten, 1e-9);
  // A short text is scored as VADER scores it: its sentences' sums add up.
  EXPECT_GT(Compound("The talks were good. The deal is good."), Compound("The talks were good."));
}

TEST(Tone, ExplainsEveryContribution) {
  std::string text = "The result is not significant.";
  Report r = Analyze(DefaultAnalyzer(), text, Options{ToneDomain::kGeneral, false, true, true});
  const Mention* m = nullptr;
  for (const Mention& x : r.mentions)
    if (x.kind == Mention::Kind::kSentiment) m = &x;
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(text.substr(m->start, m->end - m->start), "significant");
  EXPECT_GT(m->base, 0);
  // Negated (VADER's N_SCALAR -0.74), then weighted as a negative expression (x1.5).
  EXPECT_NEAR(m->valence, m->base * -0.74 * 1.5, 1e-6);
  EXPECT_EQ(m->rules, (std::vector<std::string>{"negated", "negativity"}));
}

TEST(Tone, ProportionsAndGdeltTone) {
  Report r = Analyze(DefaultAnalyzer(), "Good news and bad news and more news.");
  EXPECT_NEAR(r.tone.positive + r.tone.negative + r.tone.neutral, 1.0, 1e-9);
  EXPECT_GT(r.tone.positive, 0);
  EXPECT_GT(r.tone.negative, 0);
  // One positive word, one negative word, 8 words: GDELT tone 0, polarity 25.
  EXPECT_NEAR(r.tone.gdelt_tone, 0.0, 1e-9);
  EXPECT_NEAR(r.tone.polarity, 25.0, 1e-9);
}

}  // namespace
}  // namespace newslens
