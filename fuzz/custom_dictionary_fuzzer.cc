// libFuzzer target: building an analyzer with an arbitrary custom dictionary (any format), then
// analysing a fixed text with it: the path from a parsed dictionary to compiled tables (theme
// terms, wildcards, lexicon layers, entity names), which the parser targets do not reach.
// Building re-parses the embedded dictionaries, so this target runs fewer inputs per second;
// inputs that do not parse are skipped early.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "newslens/analyzer.h"
#include "newslens/dictionary.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  if (!newslens::ParseCustomDictionary(text, "custom").ok()) return 0;
  newslens::AnalyzerConfig config;
  config.dictionaries.push_back({"custom", text});
  config.replace_default_themes = size % 2 == 1;
  auto analyzer = newslens::Analyzer::Create(config);
  if (!analyzer.ok()) {
    if (analyzer.error().rfind("custom", 0) != 0) std::abort();
    return 0;
  }
  // A text that uses the dictionary's own words: the input itself, as an article.
  auto report = analyzer.value().Analyze(text, {});
  if (!report.ok() || !nlohmann::json::accept(newslens::ToJson(report.value()))) std::abort();
  return 0;
}
