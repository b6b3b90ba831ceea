// Analyzer::AnalyzeToFlat (newslens/analyzer.h, FlatReport): read back by a decoder written from
// the layout the header documents, the flat form must be the report AnalyzeToJson writes, key
// order included (nlohmann::ordered_json compares objects in order), for every option.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "newslens/analyzer.h"
#include "test_util.h"

namespace newslens {
namespace {

using Json = nlohmann::ordered_json;

class Decoder {
 public:
  explicit Decoder(const FlatReport& f) : f_(f), strings_(Json::parse(f.strings)) {}

  Json Report() {
    Json r;
    r["schema"] = Str();
    r["stats"] = {{"characters", Int()}, {"words", Int()}, {"sentences", Int()},
                  {"paragraphs", Int()}};
    Json tone;
    tone["compound"] = Num();
    tone["label"] = Str();
    for (const char* k : {"positive", "negative", "neutral", "gdelt_tone", "polarity"}) tone[k] = Num();
    r["tone"] = tone;
    if (int32_t primary = Int(); primary >= 0) r["primary_theme"] = strings_.at(primary);
    r["top_level"] = List([&] {
      Json t;
      t["id"] = Str();
      t["label"] = Str();
      t["iptc"] = Str();
      t["score"] = Num();
      t["count"] = Int();
      t["share"] = Num();
      return t;
    });
    r["themes"] = List([&] {
      Json t;
      t["id"] = Str();
      t["label"] = Str();
      if (int32_t parent = Int(); parent >= 0) t["parent"] = strings_.at(parent);
      t["iptc"] = Str();
      t["count"] = Int();
      for (const char* k : {"score", "share", "per_1000_words", "tone"}) t[k] = Num();
      t["terms"] = List([&] {
        Json term;
        term["term"] = Str();
        term["count"] = Int();
        return term;
      });
      t["sentences"] = List([&] { return Json(Int()); });
      return t;
    });
    r["entities"] = List([&] {
      Json e;
      e["name"] = Str();
      e["type"] = Str();
      if (int32_t code = Int(); code >= 0) e["code"] = strings_.at(code);
      if (int32_t role = Int(); role >= 0) e["role"] = strings_.at(role);
      e["count"] = Int();
      e["tone"] = Num();
      return e;
    });
    r["co_mentions"] = List([&] {
      Json c;
      c["a"] = Str();
      c["b"] = Str();
      c["count"] = Int();
      return c;
    });
    r["sentences"] = List([&] {
      Json s;
      s["start"] = Int();
      s["end"] = Int();
      s["compound"] = Num();
      s["themes"] = List([&] { return Str(); });
      return s;
    });
    r["mentions"] = List([&] {
      Json m;
      const int32_t kind = Int();
      m["start"] = Int();
      m["end"] = Int();
      if (kind == 0) {
        m["kind"] = "theme";
        m["id"] = Str();
      } else if (kind == 2) {
        m["kind"] = "entity";
        m["name"] = Str();
      } else {
        m["kind"] = "sentiment";
        m["valence"] = Num();
        m["base"] = Num();
        m["rules"] = List([&] { return Str(); });
      }
      return m;
    });
    EXPECT_EQ(i_, f_.ints.size());
    EXPECT_EQ(n_, f_.numbers.size());
    return r;
  }

 private:
  int32_t Int() { return f_.ints.at(i_++); }
  Json Str() { return strings_.at(Int()); }
  Json Num() { return f_.numbers.at(n_++) / 10000.0; }
  template <typename Item>
  Json List(Item item) {
    Json list = Json::array();
    for (int32_t n = Int(); n > 0; --n) list.push_back(item());
    return list;
  }

  const FlatReport& f_;
  Json strings_;
  size_t i_ = 0, n_ = 0;
};

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
    for (int bits = 0; bits < 64; ++bits) {
      const Options o = testing::OptionsFromBits(bits);
      ASSERT_TRUE(analyzer.AnalyzeToFlat(text, o, &flat).ok());
      ASSERT_TRUE(flat.json.empty());
      auto json = analyzer.AnalyzeToJson(text, o);
      ASSERT_TRUE(json.ok());
      ASSERT_EQ(Decoder(flat).Report(), Json::parse(json.value())) << bits << " " << text.substr(0, 40);
    }
  }
  // Strings that need escapes, in a custom taxonomy; a theme without a parent or IPTC code.
  auto custom = testing::ThemesOnly(
      R"({"format": "newslens/themes@1", "themes": [{"id": "quo", "label": "A \\ \"label\"", "iptc": "", "terms": ["talks", "rose", "diplomat*"]},
                     {"id": "quo.sub", "label": "Sub\ttab", "parent": "quo", "terms": ["Russia"]}]})");
  const std::string text = "The talks rose. A diplomat in Russia said so.";
  ASSERT_TRUE(custom.AnalyzeToFlat(text, {}, &flat).ok());
  EXPECT_EQ(Decoder(flat).Report(), Json::parse(custom.AnalyzeToJson(text, {}).value()));
  // The size limit: the same error as Analyze.
  Options small;
  small.max_bytes = 10;
  Status refused = analyzer.AnalyzeToFlat(sample, small, &flat);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error(), analyzer.Analyze(sample, small).error());
}

}  // namespace
}  // namespace newslens
