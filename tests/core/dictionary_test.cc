#include "newslens/dictionary.h"

#include <gtest/gtest.h>

#include "newslens/analyzer.h"

namespace newslens {
namespace {

TEST(Dictionaries, ThemesParse) {
  auto dict = ParseThemes(R"({"format":"newslens/themes@1","themes":[
      {"id":"politics","label":"Politics","iptc":"medtop:11000000"},
      {"id":"politics.diplomacy","label":"Diplomacy","parent":"politics",
       "terms":["diplomat*",{"term":"summit","weight":0.5}]}]})",
                          "t.json");
  ASSERT_TRUE(dict.ok()) << dict.error();
  ASSERT_EQ(dict.value().themes.size(), 2u);
  EXPECT_EQ(dict.value().themes[1].terms[1].text, "summit");
  EXPECT_FLOAT_EQ(dict.value().themes[1].terms[1].weight, 0.5f);
}

TEST(Dictionaries, MalformedJsonNamesFileLineAndColumn) {
  struct Case {
    std::string text, expected_prefix;
  } cases[] = {
      {"{\n  \"format\": \"newslens/themes@1\",\n  \"themes\": [}\n", "bad.json:3:14: "},
      {"{\"format\": \"newslens/themes@1\" \"themes\": []}", "bad.json:1:39: "},  // after the token
      {"", "bad.json:1:1: "},
  };
  for (const Case& c : cases) {
    auto r = ParseThemes(c.text, "bad.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().rfind(c.expected_prefix, 0), 0u) << r.error();
  }
}

TEST(Dictionaries, ThemeErrorsAreSpecific) {
  struct Case {
    std::string json, needle;
  } cases[] = {
      {R"({"format":"newslens/lexicon@1"})", "expected \"newslens/themes@1\""},
      {R"({"format":"newslens/themes@1","themes":[{"id":"Bad Id"}]})", "invalid theme id"},
      {R"({"format":"newslens/themes@1","themes":[{"id":"a.b","parent":"c"}]})", "parent must be"},
      {R"({"format":"newslens/themes@1","themes":[{"id":"a","terms":[{"term":"x","weight":2}]}]})",
       "weight must be in (0, 1]"},
      {R"({"format":"newslens/themes@1","themes":[{"id":"a","terms":[3]}]})", "must be a string"},
  };
  for (const Case& c : cases) {
    auto r = ParseThemes(c.json, "t.json");
    ASSERT_FALSE(r.ok()) << c.json;
    EXPECT_NE(r.error().find(c.needle), std::string::npos) << r.error();
  }
}

TEST(Dictionaries, LiwcDicParses) {
  auto dict = ParseLiwcDic("%\n1\tPolitics\n2\tMoney Matters\n%\nvote*\t1\ntax\t1\t2\n", "my.dic");
  ASSERT_TRUE(dict.ok()) << dict.error();
  ASSERT_EQ(dict.value().themes.size(), 2u);
  EXPECT_EQ(dict.value().themes[0].id, "politics");
  EXPECT_EQ(dict.value().themes[1].id, "money_matters");
  EXPECT_EQ(dict.value().themes[0].terms.size(), 2u);
  EXPECT_EQ(dict.value().themes[1].terms[0].text, "tax");
}

TEST(Dictionaries, LiwcDicKeepsMultiWordEntriesWhenTabSeparated) {
  // LIWC-22 style: tabs separate fields, entries may hold spaces; older files use spaces.
  auto dict = ParseLiwcDic("%\n1\tHedges\n%\nkind of\t1\nsort of\t1\nmaybe 1\n", "hedges.dic");
  ASSERT_TRUE(dict.ok()) << dict.error();
  ASSERT_EQ(dict.value().themes[0].terms.size(), 3u);
  EXPECT_EQ(dict.value().themes[0].terms[0].text, "kind of");
  EXPECT_EQ(dict.value().themes[0].terms[2].text, "maybe");
}

TEST(Dictionaries, LiwcDicErrorsNameTheLine) {
  struct Case {
    std::string text, expected;
  } cases[] = {
      {"1\tPolitics\n", "my.dic:1:1: expected '%'"},
      {"%\n1\tPolitics\n%\nvote\t7\n", "my.dic:4:1: unknown category \"7\""},
      {"%\n1\tPolitics\n%\nvote\n", "my.dic:4:1: expected \"word<TAB>category number"},
      {"%\n1\tPolitics\n", "my.dic: expected two '%' lines"},
  };
  for (const Case& c : cases) {
    auto r = ParseLiwcDic(c.text, "my.dic");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().rfind(c.expected, 0), 0u) << r.error();
  }
}

TEST(Dictionaries, LexiconRejectsOutOfRangeValence) {
  auto r = ParseLexicon(R"({"format":"newslens/lexicon@1","entries":{"good":5}})", "lex.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find("[-4, 4]"), std::string::npos);
}

TEST(Dictionaries, CustomFormatIsDetected) {
  EXPECT_EQ(ParseCustomDictionary("%\n1\tA\n%\nx\t1\n", "a.dic").value().kind,
            CustomDictionary::Kind::kThemes);
  EXPECT_EQ(ParseCustomDictionary(R"({"format":"newslens/lexicon@1","entries":{"x":1}})", "l")
                .value()
                .kind,
            CustomDictionary::Kind::kLexicon);
  auto unknown = ParseCustomDictionary(R"({"format":"other"})", "o.json");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().find("unknown dictionary format"), std::string::npos);
}

TEST(Analyzer, MalformedCustomDictionaryFailsWithItsName) {
  AnalyzerConfig config;
  config.dictionaries.push_back({"broken.json", "{\"format\": \"newslens/themes@1\", \"themes\": [,]}"});
  auto a = Analyzer::Create(config);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().rfind("broken.json:1:", 0), 0u) << a.error();
}

TEST(Dictionaries, LiwcDicLayoutErrorsNameTheLine) {
  struct Case {
    std::string text, expected;
  } cases[] = {
      {"%\n1\n%\nvote\t1\n", "my.dic:2:1: expected \"number<TAB>category name\""},
      {"%\n1\tPolitics\n%\nvote\t1\n%\n", "my.dic:5:1: unexpected third '%' line"},
      {"%\n  1\tPolitics\n%\n  vote\t2\n", "my.dic:4:3: unknown category \"2\""},  // column
  };
  for (const Case& c : cases) {
    auto r = ParseLiwcDic(c.text, "my.dic");
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.error().rfind(c.expected, 0), 0u) << r.error();
  }
}

TEST(Dictionaries, LiwcDicToleratesWindowsLineEndsAndBlankLines) {
  auto dict = ParseLiwcDic("%\r\n1\tPolitics\r\n\r\n%\r\nvote*\t1\r\n\r\n", "win.dic");
  ASSERT_TRUE(dict.ok()) << dict.error();
  ASSERT_EQ(dict.value().themes.size(), 1u);
  ASSERT_EQ(dict.value().themes[0].terms.size(), 1u);
  EXPECT_EQ(dict.value().themes[0].terms[0].text, "vote*");
}

// Notepad saves UTF-8 with a byte-order mark: such a .dic loads as the same dictionary, whether
// read as a .dic or detected among custom dictionaries; a BOM later in the file is still text.
TEST(Dictionaries, LiwcDicWithAByteOrderMarkLoads) {
  const std::string body = "%\r\n1\tHarbour Works\r\n%\r\ndredg*\t1\r\nquay\t1\r\n";
  const std::string bom = "\xEF\xBB\xBF";
  auto plain = ParseLiwcDic(body, "port.dic");
  auto marked = ParseLiwcDic(bom + body, "port.dic");
  ASSERT_TRUE(plain.ok()) << plain.error();
  ASSERT_TRUE(marked.ok()) << marked.error();
  ASSERT_EQ(marked.value().themes.size(), 1u);
  EXPECT_EQ(marked.value().themes[0].id, plain.value().themes[0].id);
  ASSERT_EQ(marked.value().themes[0].terms.size(), 2u);
  EXPECT_EQ(marked.value().themes[0].terms[0].text, "dredg*");

  auto custom = ParseCustomDictionary(bom + body, "port.dic");
  ASSERT_TRUE(custom.ok()) << custom.error();
  EXPECT_EQ(custom.value().kind, CustomDictionary::Kind::kThemes);
  EXPECT_EQ(custom.value().themes.themes[0].label, "Harbour Works");
  // A JSON dictionary with a BOM is detected as JSON, not refused.
  auto json = ParseCustomDictionary(
      bom + R"({"format":"newslens/themes@1","themes":[{"id":"port","label":"Port","terms":["quay"]}]})",
      "port.json");
  EXPECT_TRUE(json.ok()) << json.error();
  // Only a leading mark is skipped: one inside a word is the word's bytes.
  auto inner = ParseLiwcDic("%\n1\tA\n%\nq" + bom + "uay\t1\n", "x.dic");
  ASSERT_TRUE(inner.ok()) << inner.error();
  EXPECT_EQ(inner.value().themes[0].terms[0].text, "q" + bom + "uay");
}

TEST(Analyzer, CustomThemeWithABadParentFailsWithItsName) {
  struct Case {
    std::string json, needle;
  } cases[] = {
      {R"({"format":"newslens/themes@1","themes":[
          {"id":"beats.x","label":"X","parent":"beats"}]})",
       "beats.json: theme beats.x: unknown parent \"beats\""},
      {R"({"format":"newslens/themes@1","themes":[
          {"id":"politics.diplomacy","label":"D","parent":"politics.elections"}]})",
       "beats.json:2:59: theme politics.diplomacy: parent"},
  };
  for (const Case& c : cases) {
    AnalyzerConfig config;
    config.dictionaries.push_back({"beats.json", c.json});
    auto a = Analyzer::Create(config);
    ASSERT_FALSE(a.ok()) << c.json;
    EXPECT_NE(a.error().find(c.needle), std::string::npos) << a.error();
  }
}

TEST(Analyzer, KeepsWorkingAfterAFailedDictionary) {
  // A malformed dictionary fails its own Create; an analyzer built before keeps what it had.
  AnalyzerConfig good;
  good.replace_default_themes = true;
  good.dictionaries.push_back({"good.dic", "%\n1\tMoney\n%\ntax*\t1\n"});
  auto before = Analyzer::Create(good);
  ASSERT_TRUE(before.ok()) << before.error();
  AnalyzerConfig bad = good;
  bad.dictionaries.push_back({"bad.dic", "%\n1\tMoney\n%\ntax\t7\n"});
  auto failed = Analyzer::Create(bad);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().rfind("bad.dic:4:1: unknown category \"7\"", 0), 0u) << failed.error();
  auto r = before.value().Analyze("Taxes rose.", {});
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(r.value().primary_theme, "money");
}

}  // namespace
}  // namespace newslens
