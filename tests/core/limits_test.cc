// Issue 10: hostile and huge input. Each limit stated in docs/reliability.md has a row here.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "newslens/analyzer.h"
#include "newslens/dictionary.h"
#include "test_util.h"

namespace newslens {
namespace {

using testing::Analyze;
using testing::DefaultAnalyzer;

Options Utf8Offsets() {
  Options o;
  o.utf16_offsets = false;
  return o;
}

// Start of the first mention of `kind` whose id/name is `what`, or -1.
long MentionStart(const Report& r, Mention::Kind kind, const std::string& what) {
  for (const Mention& m : r.mentions)
    if (m.kind == kind && m.id == what) return static_cast<long>(m.start);
  return -1;
}

TEST(Limits, EmptyAndWhitespaceOnlyTextGiveValidEmptyReports) {
  for (std::string text : {"", " ", "\n\n\t  \r\n", "\xC2\xA0\xE2\x80\x83\xE3\x80\x80"}) {
    Report r = Analyze(DefaultAnalyzer(), text);
    EXPECT_EQ(r.stats.words, 0u);
    EXPECT_EQ(r.stats.sentences, 0u);
    EXPECT_TRUE(r.top_level.empty());
    EXPECT_TRUE(r.primary_theme.empty());
    EXPECT_TRUE(r.entities.empty());
    EXPECT_TRUE(r.mentions.empty());
    EXPECT_EQ(r.tone.label, "neutral");
    auto json = nlohmann::json::parse(ToJson(r), nullptr, false);
    ASSERT_TRUE(json.is_object()) << ToJson(r);
    EXPECT_EQ(json["schema"], "newslens/report@2");
    EXPECT_FALSE(json.contains("primary_theme"));
  }
}

TEST(Limits, BrokenUtf8IsReplacedAndLaterOffsetsStayRight) {
  // Each broken sequence sits between "peace " and " war": "war" is still a conflict term, and
  // its offset counts one U+FFFD per maximal broken subpart (three UTF-8 bytes each), or one
  // per encoded surrogate (three bytes, one UTF-16 unit: what a JS lone surrogate becomes).
  struct Case {
    const char* name;
    std::string bad;
    size_t replacements;
  } cases[] = {
      {"lone continuation byte", "\x80", 1},
      {"truncated 3-byte sequence", "\xE2\x82", 1},
      {"overlong '/' (2 bytes)", "\xC0\xAF", 2},
      {"overlong NUL (3 bytes)", "\xE0\x80\x80", 3},
      {"overlong 4 bytes", "\xF0\x80\x80\xAF", 4},
      {"encoded high surrogate", "\xED\xA0\x80", 1},
      {"encoded low surrogate", "\xED\xBF\xBF", 1},
      {"surrogate pair encoded separately", "\xED\xA0\xBD\xED\xB8\x80", 2},
      {"above U+10FFFF", "\xF4\x90\x80\x80", 4},
      {"bytes never in UTF-8", "\xFE\xFF\xF5", 3},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string text = "peace " + c.bad + " war";
    Report utf16 = Analyze(DefaultAnalyzer(), text);
    EXPECT_EQ(MentionStart(utf16, Mention::Kind::kTheme, "conflict.armed_conflict"),
              static_cast<long>(6 + c.replacements + 1));
    Report utf8 = Analyze(DefaultAnalyzer(), text, Utf8Offsets());
    EXPECT_EQ(MentionStart(utf8, Mention::Kind::kTheme, "conflict.armed_conflict"),
              static_cast<long>(6 + 3 * c.replacements + 1));
    EXPECT_EQ(utf16.stats.characters, 6 + c.replacements + 4);
    EXPECT_FALSE(nlohmann::json::parse(ToJson(utf16), nullptr, false).is_discarded());
  }
}

TEST(Limits, NulBytesReadAsSpacesWithOffsetsUnchanged) {
  const std::string text("peace\0\0war.\0 ", 13);
  for (bool utf16 : {true, false}) {
    Options o;
    o.utf16_offsets = utf16;
    Report r = Analyze(DefaultAnalyzer(), text, o);
    EXPECT_EQ(r.stats.words, 2u);  // "peace", "war": NUL separates words
    EXPECT_EQ(MentionStart(r, Mention::Kind::kTheme, "conflict.armed_conflict"), 7);
    EXPECT_EQ(r.stats.characters, 13u);
    // The JSON has no raw NUL and no "\u0000": the text is never echoed.
    EXPECT_EQ(ToJson(r).find('\0'), std::string::npos);
  }
}

TEST(Limits, HugeWordsAndPunctuationRunsAreAnalysedLinearly) {
  // Counts, not timings: the tokenizer's work is linear, so each of these is one pass. (The
  // wall-clock figures are in docs/reliability.md, from bench/ and the CLI.)
  std::string word(1 << 20, 'a');
  Report r = Analyze(DefaultAnalyzer(), word);
  EXPECT_EQ(r.stats.words, 1u);
  EXPECT_EQ(r.stats.characters, 1u << 20);

  Report bangs = Analyze(DefaultAnalyzer(), std::string(1000000, '!'));
  EXPECT_EQ(bangs.stats.words, 0u);

  // Half a million quotes each side of a word, and quote/bracket nesting 200,000 deep.
  std::string quotes = std::string(500000, '"') + "war" + std::string(500000, '"');
  Report q = Analyze(DefaultAnalyzer(), quotes);
  EXPECT_EQ(q.stats.words, 1u);
  EXPECT_EQ(MentionStart(q, Mention::Kind::kTheme, "conflict.armed_conflict"), 500000);
  std::string nested;
  for (int i = 0; i < 200000; ++i) nested += "\"(\xE2\x80\x9C'";
  nested += "war";
  for (int i = 0; i < 200000; ++i) nested += "'\xE2\x80\x9D)\"";
  Report n = Analyze(DefaultAnalyzer(), nested);
  EXPECT_EQ(n.stats.words, 1u);
  EXPECT_FALSE(n.top_level.empty());

  // Sentence punctuation with no words: a million sentence ends, no sentence.
  std::string ends;
  for (int i = 0; i < 250000; ++i) ends += "?! .";
  EXPECT_EQ(Analyze(DefaultAnalyzer(), ends).stats.words, 0u);
}

TEST(Limits, MaxBytesRefusesLargerInputClearly) {
  const std::string text(1000, 'x');
  Options o;
  o.max_bytes = 999;
  auto refused = DefaultAnalyzer().Analyze(text, o);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().rfind("input too large: 1000 bytes", 0), 0u) << refused.error();
  o.max_bytes = 1000;
  EXPECT_TRUE(DefaultAnalyzer().Analyze(text, o).ok());
  // The default is generous, and no option lifts the hard limit.
  EXPECT_EQ(Options().max_bytes, kDefaultMaxBytes);
  EXPECT_GE(kDefaultMaxBytes, 64u << 20);
  o.max_bytes = ~size_t{0};
  EXPECT_TRUE(DefaultAnalyzer().Analyze(text, o).ok());
}

TEST(Limits, HostileInputGivesByteIdenticalJsonEveryRun) {
  std::vector<std::string> inputs = {
      "", std::string("a\0b", 3), "\xED\xA0\x80\xF4\x90\x80\x80 tax", std::string(100000, '!'),
      testing::ReadFixture("data/samples/china-russia-letter.txt"),
  };
  for (const std::string& in : inputs) {
    const std::string first = ToJson(Analyze(DefaultAnalyzer(), in));
    for (int run = 0; run < 3; ++run) EXPECT_EQ(ToJson(Analyze(DefaultAnalyzer(), in)), first);
  }
}

// Dictionaries: every malformed case is an error naming file:line:column, and a failed build
// leaves the analyzer the caller already has untouched (analyzers are immutable values).

std::string Themes(const std::string& terms_json) {
  return "{\"format\":\"newslens/themes@1\",\"themes\":[\n{\"id\":\"beats\",\"terms\":[\n" +
         terms_json + "]}]}";
}

TEST(DictionaryLimits, InvalidWildcardsAreRefusedWithLineAndColumn) {
  struct Case {
    std::string term, needle;
  } cases[] = {
      {"\"*\"", "a wildcard needs a stem"},
      {"\"**\"", "more than one '*'"},
      {"\"a*b\"", "'*' must end the term"},
      {"\"*foo\"", "'*' must end the term"},
      {"\"foo* bar\"", "'*' must end the term"},
      {"\"dip*\"", "at least 4 letters"},
      {"\"foreign *\"", "a wildcard needs a stem"},
      {"{\"term\": \"elect**\", \"weight\": 0.5}", "more than one '*'"},
  };
  for (const Case& c : cases) {
    auto r = ParseThemes(Themes("\"ok\", " + c.term), "w.json");
    ASSERT_FALSE(r.ok()) << c.term;
    EXPECT_EQ(r.error().rfind("w.json:3:7: theme beats: term ", 0), 0u) << r.error();
    EXPECT_NE(r.error().find(c.needle), std::string::npos) << r.error();
  }
  for (std::string ok : {"\"diplomat*\"", "\"foreign minist*\"", "\"\xC3\xA9lys\xC3\xA9*\""})
    EXPECT_TRUE(ParseThemes(Themes(ok), "w.json").ok()) << ok;
}

TEST(DictionaryLimits, LiwcWildcardsAndDuplicatesAreRefusedWithLineAndColumn) {
  struct Case {
    std::string dic, expected;
  } cases[] = {
      {"%\n1\tA\n%\n*\t1\n", "x.dic:4:1: word \"*\": a wildcard needs a stem"},
      {"%\n1\tA\n%\nok\t1\n  **\t1\n", "x.dic:5:3: word \"**\": more than one '*'"},
      {"%\n1\tA\n%\n*foo\t1\n", "x.dic:4:1: word \"*foo\": '*' must end the term"},
      {"%\n1\tA\n%\na*b\t1\n", "x.dic:4:1: word \"a*b\": '*' must end the term"},
      {"%\n1\tA\n1\tB\n%\n", "x.dic:3:1: duplicate category number \"1\""},
      {"%\n1\tMoney Matters\n2\tmoney matters\n%\n", "x.dic:3:1: duplicate category"},
  };
  for (const Case& c : cases) {
    auto r = ParseLiwcDic(c.dic, "x.dic");
    ASSERT_FALSE(r.ok()) << c.dic;
    EXPECT_EQ(r.error().rfind(c.expected, 0), 0u) << r.error();
  }
  EXPECT_TRUE(ParseLiwcDic("%\n1\tA\n%\nok*\t1\n", "x.dic").ok());  // LIWC's short stems
}

TEST(DictionaryLimits, LiwcDicMustBeUtf8) {
  // Regression (fuzz/custom_dictionary, docs/reliability.md): a category name in Latin-1 went
  // raw into the report's labels, and the report was not valid JSON.
  for (std::string bad : {std::string("caf\xE9"), std::string("\xDC\x02"), std::string("\xC0\xAF"),
                          std::string("\xED\xA0\x80"), std::string("\xF4\x90\x80\x80")}) {
    auto label = ParseLiwcDic("%\n1\tPolitics\n2\tMy " + bad + "\n%\n", "x.dic");
    ASSERT_FALSE(label.ok());
    EXPECT_EQ(label.error().rfind("x.dic:3:", 0), 0u) << label.error();
    EXPECT_NE(label.error().find("invalid UTF-8"), std::string::npos);
    EXPECT_FALSE(ParseLiwcDic("%\n1\tA\n%\nword" + bad + "\t1\n", "x.dic").ok());
  }
  auto at = ParseLiwcDic("%\n1\tPolitics\n2\tMy \xE9\n%\n", "x.dic");
  EXPECT_EQ(at.error(), "x.dic:3:6: invalid UTF-8 (save the file as UTF-8)");
  EXPECT_TRUE(ParseLiwcDic("%\n1\tCaf\xC3\xA9 \xF0\x9F\x98\x80\n%\nna\xC3\xAFve\t1\n", "x.dic").ok());
}

TEST(DictionaryLimits, DuplicateThemeIdsNameBothPlaces) {
  auto r = ParseThemes(
      "{\"format\":\"newslens/themes@1\",\"themes\":[\n {\"id\":\"a\"},\n {\"id\":\"b\"},\n"
      " {\"id\":\"a\"}]}",
      "d.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "d.json:4:8: duplicate theme id \"a\" (first at 2:8)");
}

TEST(DictionaryLimits, DeepNestingIsRefusedBeforeParsing) {
  for (size_t depth : {size_t{65}, size_t{1000}, size_t{1000000}}) {
    std::string json = "{\"format\":\"newslens/themes@1\",\"themes\":[],\n\"x\":" +
                       std::string(depth, '[') + std::string(depth, ']') + "}";
    auto r = ParseThemes(json, "deep.json");
    ASSERT_FALSE(r.ok());
    // The bracket that opens level 65: "{" is level 1, so the 64th '[' (column 5 + 63).
    EXPECT_EQ(r.error(), "deep.json:2:68: nested deeper than 64 arrays/objects (a dictionary "
                         "needs at most 4)");
    auto custom = ParseCustomDictionary(json, "deep.json");
    EXPECT_FALSE(custom.ok());
  }
  // Brackets inside strings do not count, and 64 levels still parse.
  std::string fine = "{\"format\":\"newslens/themes@1\",\"themes\":[],\"x\":\"" +
                     std::string(1000, '[') + "\",\"y\":" + std::string(62, '[') +
                     std::string(62, ']') + "}";
  EXPECT_TRUE(ParseThemes(fine, "fine.json").ok()) << ParseThemes(fine, "fine.json").error();
}

TEST(DictionaryLimits, AMillionTermsLoadAndMoreThanTheLimitIsRefused) {
  auto dic = [](size_t n) {
    std::string s = "%\n1\tBig\n%\n";
    s.reserve(n * 12);
    for (size_t i = 0; i < n; ++i) s += "w" + std::to_string(i) + "\t1\n";
    return s;
  };
  auto million = ParseLiwcDic(dic(1000000), "big.dic");
  ASSERT_TRUE(million.ok()) << million.error();
  EXPECT_EQ(million.value().themes[0].terms.size(), 1000000u);
  auto over = ParseLiwcDic(dic(kMaxDictionaryTerms + 1), "big.dic");
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().rfind("big.dic:" + std::to_string(kMaxDictionaryTerms + 4) + ":1: more "
                               "than 1048576 terms",
                               0),
            0u)
      << over.error();
}

TEST(DictionaryLimits, LexiconErrorsNameTheEntry) {
  auto r = ParseLexicon("{\"format\":\"newslens/lexicon@1\",\"entries\":{\"a\":1,\n  \"b\":7}}",
                        "l.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "l.json:2:7: entry \"b\": valence must be in [-4, 4]");
}

TEST(DictionaryLimits, AFailedBuildLeavesTheAnalyzerUnchanged) {
  const std::string sample = testing::ReadFixture("data/samples/china-russia-letter.txt");
  const std::string before = ToJson(Analyze(DefaultAnalyzer(), sample));
  for (std::string bad : {Themes("\"a*b\""), std::string("%\n1\tA\n%\n**\t1\n"),
                          std::string(100000, '[')}) {
    AnalyzerConfig config;
    config.dictionaries.push_back({"bad", bad});
    EXPECT_FALSE(Analyzer::Create(config).ok());
    EXPECT_EQ(ToJson(Analyze(DefaultAnalyzer(), sample)), before);
  }
}

}  // namespace
}  // namespace newslens

namespace newslens {
namespace {

// Issue 23: a run without a sentence end is read as sentences of at most kMaxSentenceTokens
// tokens, cut after a punctuation mark when there is one in the second half; ordinary
// sentences are untouched.
TEST(Limits, LongRunsWithoutSentenceEndsAreReadAsBoundedSentences) {
  std::string run;
  for (int i = 0; i < 1500; ++i) run += i == 0 ? "Talks " : i == 800 ? "talks, " : "talks ";
  const std::string text = "The ceasefire held. " + run + "ended.";
  Options o = Utf8Offsets();
  Report r = Analyze(DefaultAnalyzer(), text, o);
  ASSERT_EQ(r.sentences.size(), 3u);
  EXPECT_EQ(r.sentences[0].end, 19u);  // "The ceasefire held."
  // 1,503 tokens after it: the first piece ends after the comma (the run's 802nd token).
  const size_t comma = text.find(',');
  EXPECT_EQ(r.sentences[1].start, 20u);
  EXPECT_EQ(r.sentences[1].end, comma + 1);
  EXPECT_EQ(r.sentences[2].end, text.size());
  EXPECT_EQ(r.stats.words, 3u + 1500u + 1u);
  // Without a comma: pieces of exactly kMaxSentenceTokens.
  std::string peace;
  for (int i = 0; i < 2500; ++i) peace += "peace ";
  Report plain = Analyze(DefaultAnalyzer(), peace, o);
  ASSERT_EQ(plain.sentences.size(), 3u);
  EXPECT_EQ(plain.sentences[1].start, kMaxSentenceTokens * 6);
}

}  // namespace
}  // namespace newslens
