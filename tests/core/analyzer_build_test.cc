// Building an analyzer in steps (core/src/analyzer_build.h), as the widget does on a page's main
// thread: whatever the slice size, the analyzer gives byte-identical reports to Analyzer::Create
// (which compiles the taxonomy whole), fails on a bad custom dictionary as Create does, and the
// packed dictionaries read in parts are the same dictionaries.
#include "analyzer_build.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "builtin.h"
#include "embedded.h"
#include "newslens/analyzer.h"
#include "test_util.h"

namespace newslens {
namespace {

Result<Analyzer> BuildInSteps(AnalyzerConfig config, size_t terms_per_step, int* steps) {
  AnalyzerBuild build(std::move(config), terms_per_step);
  while (build.Step()) {
  }
  *steps = build.steps();
  return build.Finish();
}

void ExpectSameReports(const Analyzer& a, const Analyzer& b, const std::vector<std::string>& texts) {
  EXPECT_EQ(a.theme_count(), b.theme_count());
  EXPECT_EQ(a.term_count(), b.term_count());
  for (ToneDomain tone : {ToneDomain::kAuto, ToneDomain::kNews}) {
    for (const std::string& text : texts) {
      Options options;
      options.tone = tone;
      options.detail_mentions = true;
      options.detail_sentence_themes = true;
      auto x = a.AnalyzeToJson(text, options);
      auto y = b.AnalyzeToJson(text, options);
      ASSERT_TRUE(x.ok() && y.ok());
      EXPECT_EQ(x.value(), y.value()) << text.substr(0, 60);
    }
  }
}

TEST(AnalyzerBuild, StepsGiveTheAnalyzerCreateGives) {
  const Analyzer& whole = testing::DefaultAnalyzer();
  const auto texts = testing::ParityTexts();
  ASSERT_GT(texts.size(), 10u);
  int whole_steps = 0;
  auto one = BuildInSteps({}, AnalyzerBuild::kWhole, &whole_steps);
  ASSERT_TRUE(one.ok()) << one.error();
  // Slices as the widget cuts them, and slices that end inside most themes' term lists.
  for (size_t slice : {AnalyzerBuild::kTermsPerStep, size_t{37}}) {
    int steps = 0;
    auto built = BuildInSteps({}, slice, &steps);
    ASSERT_TRUE(built.ok()) << built.error();
    EXPECT_GT(steps, whole_steps + 2) << "slices of " << slice;
    ExpectSameReports(whole, built.value(), texts);
  }
}

TEST(AnalyzerBuild, CustomDictionariesAreFiledInOrder) {
  const std::string themes = R"({"format":"newslens/themes@1","themes":[
    {"id":"economy","label":"Economy","terms":["tariff wall"]},
    {"id":"maritime","label":"Maritime","terms":["shipping lane*","port call"]}]})";
  const std::string lexicon = R"({"format":"newslens/lexicon@1","entries":{"stonewalled":-2.5}})";
  AnalyzerConfig config{{{"desk-themes.json", themes}, {"desk-lexicon.json", lexicon}}, false};
  auto created = Analyzer::Create(config);
  ASSERT_TRUE(created.ok()) << created.error();
  int steps = 0;
  auto built = BuildInSteps(config, 500, &steps);
  ASSERT_TRUE(built.ok()) << built.error();
  std::vector<std::string> texts = testing::ParityTexts();
  texts.push_back("The ministry stonewalled questions about the tariff wall; ships queued at the "
                  "shipping lanes before a port call in Rotterdam.");
  ExpectSameReports(created.value(), built.value(), texts);

  config.replace_default_themes = true;
  auto replaced = Analyzer::Create(config);
  ASSERT_TRUE(replaced.ok()) << replaced.error();
  auto replaced_steps = BuildInSteps(config, 500, &steps);
  ASSERT_TRUE(replaced_steps.ok()) << replaced_steps.error();
  EXPECT_EQ(replaced_steps.value().term_count(), 3u);
  ExpectSameReports(replaced.value(), replaced_steps.value(), texts);
}

TEST(AnalyzerBuild, FailsOnABadDictionaryAsCreateDoes) {
  AnalyzerConfig config{
      {{"good.json", R"({"format":"newslens/themes@1","themes":[{"id":"sport","terms":["derby"]}]})"},
       {"broken.json", R"({"format":"newslens/themes@1","themes":[{"id": )"}},
      false};
  auto created = Analyzer::Create(config);
  ASSERT_FALSE(created.ok());
  int steps = 0;
  auto built = BuildInSteps(config, AnalyzerBuild::kTermsPerStep, &steps);
  ASSERT_FALSE(built.ok());
  EXPECT_EQ(built.error(), created.error());
  EXPECT_NE(built.error().find("broken.json"), std::string::npos) << built.error();
  // A theme under an unknown parent fails when its dictionary is compiled, after the built-in
  // taxonomy's slices.
  config.dictionaries = {{"orphan.json", R"({"format":"newslens/themes@1","themes":[
      {"id":"maritime.ports","label":"Ports","parent":"maritime","terms":["quay"]}]})"}};
  created = Analyzer::Create(config);
  built = BuildInSteps(config, AnalyzerBuild::kTermsPerStep, &steps);
  ASSERT_FALSE(created.ok());
  ASSERT_FALSE(built.ok());
  EXPECT_EQ(built.error(), created.error());
}

TEST(AnalyzerBuild, NotFinishedUntilTheLastStep) {
  AnalyzerBuild build({}, AnalyzerBuild::kTermsPerStep);
  ASSERT_TRUE(build.Step());
  auto early = build.Finish();
  ASSERT_FALSE(early.ok());
  EXPECT_NE(early.error().find("not built"), std::string::npos) << early.error();
}

TEST(AnalyzerBuild, FinishesOnce) {
  AnalyzerBuild build({}, AnalyzerBuild::kWhole);
  while (build.Step()) {
  }
  auto first = build.Finish();
  ASSERT_TRUE(first.ok()) << first.error();
  auto report = first.value().AnalyzeToJson("Talks resumed in Geneva.", Options{});
  ASSERT_TRUE(report.ok()) << report.error();
  EXPECT_NE(report.value().find("Geneva"), std::string::npos);
  auto second = build.Finish();
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.error().find("already finished"), std::string::npos) << second.error();
}

TEST(Unpacker, PartsReadTheSameDictionaries) {
  const std::string_view packed = embedded::Packed();
  ASSERT_FALSE(packed.empty());
  for (size_t terms : {size_t{1}, size_t{250}, size_t{4000}}) {
    Unpacker unpacker(packed, terms);
    int parts = 1;
    while (unpacker.Step()) ++parts;
    auto dicts = unpacker.Finish();
    ASSERT_TRUE(dicts.ok()) << dicts.error();
    EXPECT_GT(parts, 10);
    auto again = Pack(dicts.value());
    ASSERT_TRUE(again.ok()) << again.error();
    EXPECT_TRUE(again.value() == packed) << "terms per step " << terms;
  }
  // Malformed text fails with the line, part by part as at once.
  std::string broken(packed.substr(0, packed.size() / 2));
  Unpacker unpacker(broken, 100);
  while (unpacker.Step()) {
  }
  auto parts = unpacker.Finish();
  auto whole = Unpack(broken);
  ASSERT_FALSE(parts.ok());
  ASSERT_FALSE(whole.ok());
  EXPECT_EQ(parts.error(), whole.error());
}

}  // namespace
}  // namespace newslens
