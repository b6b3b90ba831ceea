// The packed built-in dictionaries (core/src/builtin.h): the analyzer the binary carries (loaded
// from the packed form, no JSON at start-up) must give byte-identical reports to one built from
// the data/ JSON files themselves with the build's taxonomy prune list applied; bad packed text
// must fail with a clear error; the prune list removes exactly the terms it names.
#include "builtin.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "newslens/analyzer.h"
#include "pipeline.h"
#include "test_util.h"

namespace newslens {
namespace {

std::string ReadData(const std::string& name) {
  std::ifstream in(std::string(NEWSLENS_DATA_DIR) + "/" + name, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The JSON files as the build packs them: the prune list of the build (NEWSLENS_THEMES_PRUNE,
// empty for none) applied to the taxonomy.
BuiltinDictionaries FromJson() {
  auto dicts = LoadBuiltinJson(ReadData);
  EXPECT_TRUE(dicts.ok()) << dicts.error();
  const std::string prune_list = NEWSLENS_THEMES_PRUNE;
  if (!prune_list.empty()) {
    std::ifstream in(prune_list, std::ios::binary);
    EXPECT_TRUE(in) << prune_list;
    std::ostringstream ss;
    ss << in.rdbuf();
    auto removed = PruneThemes(ss.str(), &dicts.value().themes);
    EXPECT_TRUE(removed.ok()) << removed.error();
  }
  return std::move(dicts).value();
}

TEST(Builtin, PruneListRemovesExactlyTheTermsItNames) {
  ThemeDictionary themes;
  themes.themes.push_back({"weather", "Weather", "", "", {{"storm"}, {"tropical storm"}, {"rain"}}});
  themes.themes.push_back({"sport", "Sport", "", "", {{"tropical storm"}}});
  auto removed = PruneThemes("# a comment line\nweather\ttropical storm\nweather\tno such term\n"
                             "no_such_theme\tstorm\r\n",
                             &themes);
  ASSERT_TRUE(removed.ok()) << removed.error();
  EXPECT_EQ(removed.value(), 1u);
  ASSERT_EQ(themes.themes[0].terms.size(), 2u);
  EXPECT_EQ(themes.themes[0].terms[0].text, "storm");
  EXPECT_EQ(themes.themes[0].terms[1].text, "rain");
  EXPECT_EQ(themes.themes[1].terms.size(), 1u);  // another theme's same term stays

  for (const char* bad : {"weather storm\n", "\tstorm\n", "weather\t\n", "a\tb\tc\n"}) {
    auto r = PruneThemes(std::string("# header\n") + bad, &themes);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.error().find("line 2"), std::string::npos) << r.error();
  }
}

TEST(Builtin, PackedAndJsonDictionariesGiveByteIdenticalReports) {
  auto impl = Analyzer::Impl::Create({}, FromJson());
  ASSERT_TRUE(impl.ok()) << impl.error();
  Analyzer from_json = Analyzer::Impl::Wrap(std::move(impl).value());
  const Analyzer& packed = testing::DefaultAnalyzer();
  EXPECT_EQ(from_json.term_count(), packed.term_count());
  EXPECT_GT(packed.term_count(), 1000u);
  auto texts = testing::ParityTexts();
  ASSERT_GT(texts.size(), 10u);
  for (ToneDomain tone : {ToneDomain::kNews, ToneDomain::kGeneral, ToneDomain::kFinance}) {
    for (const std::string& text : texts) {
      Options options;
      options.tone = tone;
      auto a = from_json.Analyze(text, options);
      auto b = packed.Analyze(text, options);
      ASSERT_TRUE(a.ok() && b.ok());
      EXPECT_EQ(ToJson(a.value()), ToJson(b.value())) << text.substr(0, 60);
    }
  }
}

TEST(Builtin, PackReadsBackFieldForField) {
  BuiltinDictionaries json = FromJson();
  auto packed = Pack(json);
  ASSERT_TRUE(packed.ok()) << packed.error();
  auto back = Unpack(packed.value());
  ASSERT_TRUE(back.ok()) << back.error();
  const BuiltinDictionaries& b = back.value();
  ASSERT_EQ(b.themes.themes.size(), json.themes.themes.size());
  for (size_t i = 0; i < json.themes.themes.size(); ++i) {
    const ThemeDef &x = json.themes.themes[i], &y = b.themes.themes[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.label, y.label);
    EXPECT_EQ(x.parent, y.parent);
    EXPECT_EQ(x.iptc, y.iptc);
    ASSERT_EQ(x.terms.size(), y.terms.size());
    for (size_t k = 0; k < x.terms.size(); ++k) {
      EXPECT_EQ(x.terms[k].text, y.terms[k].text);
      EXPECT_EQ(x.terms[k].weight, y.terms[k].weight);  // exactly: shortest round-trip form
    }
  }
  EXPECT_EQ(b.general.entries, json.general.entries);
  EXPECT_EQ(b.news.emoticons, json.news.emoticons);
  EXPECT_EQ(b.finance.entries, json.finance.entries);
  EXPECT_EQ(b.rules.boosters, json.rules.boosters);
  EXPECT_EQ(b.rules.constants, json.rules.constants);
  EXPECT_EQ(b.rules.lists, json.rules.lists);
  EXPECT_EQ(b.text.abbreviations, json.text.abbreviations);
  EXPECT_EQ(b.text.honorifics, json.text.honorifics);
  ASSERT_EQ(b.countries.countries.size(), json.countries.countries.size());
  EXPECT_EQ(b.countries.countries.back().places, json.countries.countries.back().places);
  EXPECT_EQ(b.organizations.organizations.size(), json.organizations.organizations.size());
  EXPECT_EQ(b.organizations.not_countries, json.organizations.not_countries);
  EXPECT_EQ(Pack(b).value(), packed.value());
}

TEST(Builtin, BadPackedTextFailsWithTheLine) {
  EXPECT_FALSE(Unpack("").ok());
  EXPECT_EQ(Unpack("newslens/packed@1\n").error(),
            "packed dictionaries: line 1: expected newslens/packed@2");
  std::string packed = Pack(FromJson()).value();
  // Cut anywhere, it fails; never crashes or succeeds with half the data.
  for (size_t cut : {size_t{20}, packed.size() / 3, packed.size() / 2, packed.size() - 1}) {
    auto r = Unpack(std::string_view(packed).substr(0, cut));
    EXPECT_FALSE(r.ok()) << cut;
    EXPECT_EQ(r.error().rfind("packed dictionaries: line ", 0), 0u) << r.error();
  }
  // A count that is not a number.
  std::string bad = packed;
  bad.replace(bad.find('\n') + 1, 1, "x");
  EXPECT_NE(Unpack(bad).error().find("expected a count"), std::string::npos) << Unpack(bad).error();
  // Trailing data.
  EXPECT_NE(Unpack(packed + "1\n").error().find("unexpected data"), std::string::npos);
}

TEST(Builtin, NumbersReadBackExactly) {
  // Valences and weights are floats, constants doubles: every one must read back bit for bit,
  // whether the reader's fast decimal path or the hexadecimal form (beyond its reach) carries it.
  BuiltinDictionaries d;
  uint64_t state = 42;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return state >> 11;
  };
  for (int i = 0; i < 20000; ++i) {
    double unit = static_cast<double>(next()) / static_cast<double>(1ull << 53);  // [0, 1)
    d.general.entries.emplace_back("w" + std::to_string(i), static_cast<float>(unit * 8 - 4));
    d.rules.constants["c" + std::to_string(i)] = (unit - 0.5) * std::pow(10.0, i % 40 - 20);
  }
  for (float f : {0.0f, -0.0f, 1e-7f, 3.4e38f, -4.0f, 0.1f, 0.293f, 1.0f / 3})
    d.news.entries.emplace_back("edge", f);
  for (double x : {0.1, 1e22, 1e23, 123456789012345678.0, 5e-324, 0.3 - 0.1})
    d.rules.constants["edge" + std::to_string(x)] = x;
  auto packed = Pack(d);
  ASSERT_TRUE(packed.ok()) << packed.error();
  auto back = Unpack(packed.value());
  ASSERT_TRUE(back.ok()) << back.error();
  EXPECT_EQ(back.value().general.entries, d.general.entries);
  EXPECT_EQ(back.value().news.entries, d.news.entries);
  EXPECT_EQ(back.value().rules.constants, d.rules.constants);
}

TEST(Builtin, PackRefusesStringsItCannotHold) {
  BuiltinDictionaries d;
  d.text.abbreviations = {"e.g", "tab\there"};
  auto packed = Pack(d);
  ASSERT_FALSE(packed.ok());
  EXPECT_NE(packed.error().find("tab\there"), std::string::npos);
  d.text.abbreviations = {"e.g"};
  ThemeDef t;
  t.id = "x";
  t.terms.push_back({"line\nbreak", 1.0f});
  d.themes.themes.push_back(t);
  EXPECT_FALSE(Pack(d).ok());
}

}  // namespace
}  // namespace newslens
