// Analyzer::AnalyzeToFlat (newslens/analyzer.h, FlatReport): read back by a decoder written from
// the layout the header documents (flat_decoder.h), the flat form must be the report
// AnalyzeToJson writes, key order included (nlohmann::ordered_json compares objects in order),
// for every option.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "flat.h"
#include "flat_decoder.h"
#include "newslens/analyzer.h"
#include "test_util.h"

namespace newslens {
namespace {

using Json = nlohmann::ordered_json;

TEST(FlatReport, IsTheJsonReport) {
  const std::string sample = testing::ReadFixture("data/samples/china-russia-letter.txt");
  static const char kBadBytes[] = "Bad \xff\xfe bytes and a NUL\0 byte in a row over Russia.";
  const std::string texts[] = {
      sample,
      "NOT BAD AT ALL!!! :) The \xe2\x80\x9c" "deal\xe2\x80\x9d \xf0\x9f\x98\x80 was hardly a "
      "success, but Mr. Smith said it wasn't a failure. President Vladimir Putin met the UN.",
      std::string(kBadBytes, sizeof kBadBytes - 1),
      "",
  };
  const Analyzer& analyzer = testing::DefaultAnalyzer();
  FlatReport flat;  // reused, as the wasm module does
  for (const std::string& text : texts) {
    for (int bits = 0; bits < testing::kOptionCombinations; ++bits) {
      const Options o = testing::OptionsFromBits(bits);
      ASSERT_TRUE(analyzer.AnalyzeToFlat(text, o, &flat).ok());
      ASSERT_TRUE(flat.json.empty());
      auto json = analyzer.AnalyzeToJson(text, o);
      ASSERT_TRUE(json.ok());
      auto decoded = testing::DecodeFlat(flat);
      ASSERT_TRUE(decoded.has_value()) << bits << " " << text.substr(0, 40);
      ASSERT_EQ(*decoded, Json::parse(json.value())) << bits << " " << text.substr(0, 40);
    }
  }
  // Strings that need escapes, in a custom taxonomy; a theme without a parent or IPTC code.
  auto custom = testing::ThemesOnly(
      R"({"format": "newslens/themes@1", "themes": [{"id": "quo", "label": "A \\ \"label\"", "iptc": "", "terms": ["talks", "rose", "diplomat*"]},
                     {"id": "quo.sub", "label": "Sub\ttab", "parent": "quo", "terms": ["Russia"]}]})");
  const std::string text = "The talks rose. A diplomat in Russia said so.";
  ASSERT_TRUE(custom.AnalyzeToFlat(text, {}, &flat).ok());
  EXPECT_EQ(testing::DecodeFlat(flat), Json::parse(custom.AnalyzeToJson(text, {}).value()));
  // A damaged flat form is refused, not misread: a string index out of range, a list cut short.
  FlatReport damaged = flat;
  damaged.ints[0] = 1 << 20;
  EXPECT_FALSE(testing::DecodeFlat(damaged).has_value());
  damaged = flat;
  damaged.ints.pop_back();
  EXPECT_FALSE(testing::DecodeFlat(damaged).has_value());
  // The size limit: the same error as Analyze.
  Options small;
  small.max_bytes = 10;
  Status refused = analyzer.AnalyzeToFlat(sample, small, &flat);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error(), analyzer.Analyze(sample, small).error());
}

}  // namespace
}  // namespace newslens
