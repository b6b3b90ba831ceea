// ToJson's hand-written number, integer and string writers against the printf/escape rules they
// replace (report.h: 4 decimals, shortest form, never "-0"); AnalyzeToJson, which writes from
// the analysis' draft (core/src/draft.h), against ToJson of the Report.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "newslens/analyzer.h"
#include "newslens/report.h"
#include "test_util.h"

namespace newslens {
namespace {

// The reference: printf("%.4f") of round(v * 10^4) / 10^4, trailing zeros and '.' cut, "-0" -> "0".
std::string Reference(double v) {
  if (!std::isfinite(v)) v = 0;
  char buf[400];
  std::snprintf(buf, sizeof buf, "%.4f", std::round(v * 10000.0) / 10000.0);
  std::string s(buf);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

// The number ToJson writes for tone.compound.
std::string Written(double v) {
  Report r;
  r.tone.compound = v;
  const std::string json = ToJson(r);
  const std::string key = "\"compound\":";
  const size_t at = json.find(key) + key.size();
  return json.substr(at, json.find(',', at) - at);
}

TEST(ReportJson, NumbersMatchPrintfRounding) {
  const double cases[] = {0,       -0.0,     1,        -1,        0.5,      0.05,    -0.05,
                          0.00005, -0.00005, 0.000049, -0.000049, 0.00015,  0.12345, 1.99995,
                          -1.99995, 123.4,   1e6,      -1e6,      1e11,     1e20,    -1e20,
                          0.1 + 0.2, 2.0 / 3, -2.0 / 3, 999.99995, 0.49999999999999994 / 10000,
                          NAN,     INFINITY, -INFINITY};
  for (double v : cases) EXPECT_EQ(Written(v), Reference(v)) << v;
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> unit(-1, 1), wide(-1e7, 1e7);
  for (int i = 0; i < 20000; ++i) {
    const double a = unit(rng), b = wide(rng), c = std::round(unit(rng) * 20000) / 20000;
    ASSERT_EQ(Written(a), Reference(a)) << a;
    ASSERT_EQ(Written(b), Reference(b)) << b;
    ASSERT_EQ(Written(c), Reference(c)) << c;  // ties at the fifth decimal
  }
}

TEST(ReportJson, IntegersAndEscapes) {
  Report r;
  r.layout.schema = 1;  // each theme's sentence indices: always written in report@1
  const uint32_t ints[] = {0, 9, 10, 99, 100, 999, 1000, 12345, 4294967295u};
  std::string expected;
  for (uint32_t v : ints) {
    ThemeResult t;
    t.sentences.push_back(v);
    r.themes.push_back(t);
    expected += std::to_string(v) + ",";
  }
  std::string got;
  const std::string json = ToJson(r);
  for (size_t at = 0; (at = json.find("\"sentences\":[", at)) != std::string::npos;) {
    at += 13;
    const size_t end = json.find(']', at);
    if (end > at) got += json.substr(at, end - at) + ",";
  }
  EXPECT_EQ(got, expected);

  // Escapes at every position of an 8-byte block, and long clean runs around them.
  for (const char* special : {"\"", "\\", "\n", "\x01", "\x1f"}) {
    for (size_t pos = 0; pos < 20; ++pos) {
      std::string s(20, 'a');
      s[pos] = special[0];
      Report e;
      e.primary_theme = s;
      const std::string out = ToJson(e);
      std::string escaped;
      for (char c : s) {
        if (c == '"') escaped += "\\\"";
        else if (c == '\\') escaped += "\\\\";
        else if (c == '\n') escaped += "\\n";
        else if (static_cast<unsigned char>(c) < 0x20) {
          char buf[7];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          escaped += buf;
        } else escaped += c;
      }
      EXPECT_NE(out.find("\"primary_theme\":\"" + escaped + "\""), std::string::npos)
          << pos << " " << out;
    }
  }
  // Bytes >= 0x80 pass through (UTF-8), as do characters just above the escaped ones.
  Report u;
  u.primary_theme = "caf\xc3\xa9 \x7f !#[]^ \xe2\x80\x9cq\xe2\x80\x9d x";
  EXPECT_NE(ToJson(u).find(u.primary_theme), std::string::npos);
}


// AnalyzeToJson writes from the draft, Analyze + ToJson from the Report built from it: the same
// bytes for every combination of the options, in both offset units, on text with every kind of
// mention, non-ASCII characters, invalid UTF-8, NUL bytes and no text at all.
TEST(ReportJson, AnalyzeToJsonIsToJsonOfTheReport) {
  const std::string sample = testing::ReadFixture("data/samples/china-russia-letter.txt");
  static const char kBadBytes[] =
      "Bad \xff\xfe bytes and a NUL\0 byte in a diplomatic row over Russia.";
  const std::string texts[] = {
      sample,
      sample.substr(0, 3000) +
          "\n\nNOT BAD AT ALL!!! :) The \xe2\x80\x9c" "deal\xe2\x80\x9d \xf0\x9f\x98\x80 "
          "was hardly a success, but Mr. Smith said it wasn't a failure.",
      std::string(kBadBytes, sizeof kBadBytes - 1),
      "",
      "   \n\n  ",
      "Ukraine. Russia. China. NATO. Inflation rose; unemployment fell. The talks collapsed. "
      "The results were somewhat good and slightly encouraging, the envoy said.",
  };
  const Analyzer& analyzer = testing::DefaultAnalyzer();
  for (const std::string& text : texts) {
    for (int bits = 0; bits < testing::kOptionCombinations; ++bits) {
      const Options o = testing::OptionsFromBits(bits);
      auto report = analyzer.Analyze(text, o);
      auto json = analyzer.AnalyzeToJson(text, o);
      ASSERT_TRUE(report.ok() && json.ok());
      ASSERT_EQ(json.value(), ToJson(report.value())) << bits << " " << text.substr(0, 40);
    }
  }
  // Custom themes (labels that need escapes) and the size limit.
  auto custom = testing::ThemesOnly(
      R"({"format": "newslens/themes@1", "themes": [{"id": "quo", "label": "A \\ \"label\"", "iptc": "", "terms": ["talks", "rose", "diplomat*"]},
                     {"id": "quo.sub", "label": "Sub\ttab", "parent": "quo", "terms": ["Russia"]}]})");
  for (const std::string& text : texts) {
    auto report = custom.Analyze(text, {});
    auto json = custom.AnalyzeToJson(text, {});
    ASSERT_TRUE(report.ok() && json.ok());
    ASSERT_EQ(json.value(), ToJson(report.value()));
  }
  // The theme JSON each thread keeps belongs to one analyzer at a time: alternate three.
  auto custom_json = custom.AnalyzeToJson(texts[5], {});
  for (int round = 0; round < 3; ++round) {
    for (const Analyzer* a : {&analyzer, static_cast<const Analyzer*>(&custom)}) {
      auto json = a->AnalyzeToJson(texts[5], {});
      ASSERT_TRUE(json.ok());
      ASSERT_EQ(json.value(), ToJson(a->Analyze(texts[5], {}).value())) << round;
    }
    EXPECT_EQ(custom.AnalyzeToJson(texts[5], {}).value(), custom_json.value());
  }
  // One Report analysed into again and again (Analyze(text, options, &report)) holds what a
  // fresh one would, whatever it held before: every text after every other, options varied.
  Report reused;
  for (int round = 0; round < 2; ++round) {
    for (size_t i = 0; i < std::size(texts); ++i) {
      Options o;
      o.include_mentions = (i + round) % 3 != 0;
      o.include_themes = (i + round) % 4 != 1;
      ASSERT_TRUE(analyzer.Analyze(texts[i], o, &reused).ok());
      ASSERT_EQ(ToJson(reused), analyzer.AnalyzeToJson(texts[i], o).value()) << round << " " << i;
      // Fields the JSON leaves out for a kind (a theme mention's valence, rules) are reset too.
      const Report fresh = analyzer.Analyze(texts[i], o).value();
      ASSERT_EQ(reused.mentions.size(), fresh.mentions.size());
      for (size_t k = 0; k < fresh.mentions.size(); ++k) {
        const Mention &a = reused.mentions[k], &b = fresh.mentions[k];
        ASSERT_TRUE(a.kind == b.kind && a.id == b.id && a.valence == b.valence &&
                    a.base == b.base && a.rules == b.rules)
            << round << " " << i << " " << k;
      }
    }
  }
  Options small;
  small.max_bytes = 10;
  auto refused = analyzer.AnalyzeToJson(sample, small);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error(), analyzer.Analyze(sample, small).error());
  const std::string before = ToJson(reused);
  EXPECT_EQ(analyzer.Analyze(sample, small, &reused).error(), refused.error());
  EXPECT_EQ(ToJson(reused), before);  // unchanged on error
}

// report@1 and report@2 say the same where they overlap: report@2 with both details holds
// report@1's values, its sentences as [start, end, compound] arrays with their themes in
// "sentence_themes", plus each actor's salience; without details it leaves out the mentions,
// the sentence themes and each theme's sentence indices.
TEST(ReportSchemas, Report2AgreesWithReport1) {
  using Json = nlohmann::ordered_json;
  const std::string sample = testing::ReadFixture("data/samples/china-russia-letter.txt");
  const Analyzer& analyzer = testing::DefaultAnalyzer();
  for (const std::string& text : {sample, std::string("Talks in Moscow. No deal."),
                                  std::string()}) {
    Options one, full, lean;
    one.schema = 1;
    full.detail_mentions = full.detail_sentence_themes = true;
    const Json v1 = Json::parse(analyzer.AnalyzeToJson(text, one).value());
    const Json v2 = Json::parse(analyzer.AnalyzeToJson(text, full).value());
    const Json bare = Json::parse(analyzer.AnalyzeToJson(text, lean).value());
    EXPECT_EQ(v1["schema"], "newslens/report@1");
    EXPECT_EQ(v2["schema"], "newslens/report@2");
    for (const char* key : {"stats", "top_level", "themes", "co_mentions", "mentions"})
      EXPECT_EQ(v1[key], v2[key]) << key;
    Json tone2 = v2["tone"];  // report@2 adds the lexicon asked for and its sentence counts
    EXPECT_EQ(tone2["lexicon"], "auto");
    tone2.erase("lexicon");
    tone2.erase("lexicon_sentences");
    EXPECT_EQ(v1["tone"], tone2);
    EXPECT_EQ(v1.contains("primary_theme"), v2.contains("primary_theme"));
    if (v1.contains("primary_theme")) EXPECT_EQ(v1["primary_theme"], v2["primary_theme"]);
    ASSERT_EQ(v1["entities"].size(), v2["entities"].size());
    for (size_t i = 0; i < v1["entities"].size(); ++i) {
      Json e = v2["entities"][i];
      const double salience = e["salience"].get<double>();
      EXPECT_TRUE(salience >= 0 && salience <= 1) << salience;
      e.erase("salience");
      EXPECT_EQ(v1["entities"][i], e);
    }
    ASSERT_EQ(v1["sentences"].size(), v2["sentences"].size());
    ASSERT_EQ(v2["sentence_themes"].size(), v2["sentences"].size());
    for (size_t i = 0; i < v1["sentences"].size(); ++i) {
      const Json& s1 = v1["sentences"][i];
      Json s2 = v2["sentences"][i];  // [start, end, compound, lexicon] under the auto tone
      ASSERT_EQ(s2.size(), 4u);
      EXPECT_TRUE(s2[3] == "news" || s2[3] == "finance") << s2;
      s2.erase(3);
      EXPECT_EQ(Json::array({s1["start"], s1["end"], s1["compound"]}), s2);
      EXPECT_EQ(s1["themes"], v2["sentence_themes"][i]);
    }
    // The default report@2: the same minus the details.
    EXPECT_FALSE(bare.contains("mentions"));
    EXPECT_FALSE(bare.contains("sentence_themes"));
    EXPECT_EQ(bare["sentences"], v2["sentences"]);
    EXPECT_EQ(bare["entities"], v2["entities"]);
    for (size_t i = 0; i < bare["themes"].size(); ++i) {
      Json t = v2["themes"][i];
      t.erase("sentences");
      EXPECT_EQ(bare["themes"][i], t);
    }
  }
}

// Salience (docs/report.md): the actor named most and in the headline scores 1; one named once,
// late, scores little; every score lies in [0, 1].
TEST(ReportSchemas, SalienceFavoursTheHeadlineAndTheMostNamed) {
  const std::string text =
      "Germany and France agree on energy plan\n\n"
      "Germany and France signed the plan on Monday. Officials in Germany welcomed it. "
      "Germany will pay most of the cost. The talks were long. The ministers met twice. "
      "A delegation from Norway watched the signing.";
  auto report = testing::DefaultAnalyzer().Analyze(text, {});
  ASSERT_TRUE(report.ok());
  double germany = -1, norway = -1;
  for (const EntityResult& e : report.value().entities) {
    EXPECT_GE(e.salience, 0);
    EXPECT_LE(e.salience, 1);
    if (e.name == "Germany") germany = e.salience;
    if (e.name == "Norway") norway = e.salience;
  }
  EXPECT_DOUBLE_EQ(germany, 1.0);
  EXPECT_GT(norway, 0);
  EXPECT_LT(norway, 0.3);
}

}  // namespace
}  // namespace newslens
