// Shared helpers for the core tests.
#ifndef NEWSLENS_TESTS_CORE_TEST_UTIL_H_
#define NEWSLENS_TESTS_CORE_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "newslens/analyzer.h"

namespace newslens::testing {

inline std::string ReadFixture(const std::string& relative) {
  std::ifstream in(std::string(NEWSLENS_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The sample article and the texts of tests/fixtures/parity.jsonl: the texts two builds of the
// analyzer are compared on.
inline std::vector<std::string> ParityTexts() {
  std::vector<std::string> texts{ReadFixture("data/samples/china-russia-letter.txt")};
  std::istringstream lines(ReadFixture("tests/fixtures/parity.jsonl"));
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) texts.push_back(nlohmann::json::parse(line)["text"].get<std::string>());
  return texts;
}

// The default analyzer, built once for the whole test binary.
inline const Analyzer& DefaultAnalyzer() {
  static const Analyzer* analyzer = [] {
    auto created = Analyzer::Create({});
    if (!created.ok()) {
      ADD_FAILURE() << created.error();
      std::abort();
    }
    return new Analyzer(std::move(created).value());
  }();
  return *analyzer;
}

// An analyzer whose only themes are the given newslens JSON theme dictionary.
inline Analyzer ThemesOnly(const std::string& json) {
  AnalyzerConfig config;
  config.replace_default_themes = true;
  config.dictionaries.push_back({"test-themes.json", json});
  auto created = Analyzer::Create(config);
  EXPECT_TRUE(created.ok()) << created.error();
  return std::move(created).value();
}

inline Report Analyze(const Analyzer& a, const std::string& text, Options options = {}) {
  auto r = a.Analyze(text, options);
  EXPECT_TRUE(r.ok()) << r.error();
  return std::move(r).value();
}

inline const ThemeResult* FindTheme(const Report& r, const std::string& id) {
  for (const auto& t : r.themes)
    if (t.id == id) return &t;
  return nullptr;
}

inline const EntityResult* FindEntity(const Report& r, const std::string& name) {
  for (const auto& e : r.entities)
    if (e.name == name) return &e;
  return nullptr;
}

// One of the 256 combinations of the report parts, the offsets' unit, the tone, the schema and
// domain, for tests that compare two ways of writing the same report under every option.
// Every combination of the options below: OptionsFromBits(0 .. kOptionCombinations - 1).
inline constexpr int kOptionCombinations = 256;
inline Options OptionsFromBits(int bits) {
  Options o;
  o.schema = bits & 64 ? 1 : 2;
  o.detail_mentions = o.detail_sentence_themes = (bits & 128) != 0;
  o.include_themes = bits & 1;
  o.include_entities = bits & 2;
  o.include_sentences = bits & 4;
  o.include_mentions = bits & 8;
  o.utf16_offsets = bits & 16;
  o.tone = bits & 32 ? ToneDomain::kFinance : ToneDomain::kNews;
  return o;
}

}  // namespace newslens::testing

#endif  // NEWSLENS_TESTS_CORE_TEST_UTIL_H_
