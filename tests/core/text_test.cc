#include "newslens/text.h"

#include <gtest/gtest.h>

#include <string>
#include <unordered_set>
#include <vector>

namespace newslens {
namespace {

std::vector<std::string> Words(const std::string& text, bool keep_compound_heads = true) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) {
    if (!t.is_word()) continue;
    if (t.has(kPart) == keep_compound_heads) continue;
    out.emplace_back(t.view(text));
  }
  return out;
}

TEST(Utf8, ReplacesInvalidSequencesWithReplacementCharacter) {
  struct Case {
    std::string in, out;
  } cases[] = {
      {"plain", "plain"},
      {"caf\xC3\xA9", "caf\xC3\xA9"},                       // valid 2-byte
      {"a\xFF" "b", "a\xEF\xBF\xBD" "b"},                   // invalid lead byte
      {"a\xC3", "a\xEF\xBF\xBD"},                           // truncated at the end
      {"\xE2\x82" "x", "\xEF\xBF\xBD" "x"},                 // truncated 3-byte: one U+FFFD
      {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},             // overlong: each byte replaced
      {"\xED\xA0\x80", "\xEF\xBF\xBD"},                     // encoded surrogate: one U+FFFD
      {std::string("a\0b", 3), "a\xEF\xBF\xBD" "b"},       // NUL
      {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},             // emoji stays
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SanitizeUtf8(c.in), c.out) << "input bytes: " << c.in.size();
    EXPECT_EQ(IsValidUtf8(c.in), c.in == c.out);
  }
}

// IsValidUtf8 reads ASCII eight bytes at a time: a NUL, a stray or a valid non-ASCII byte at
// every position of and around those blocks.
TEST(Utf8, ValidityAtEveryPositionOfAnAsciiRun) {
  for (size_t pos = 0; pos < 26; ++pos) {
    for (const std::string& insert :
         {std::string(1, '\0'), std::string("\xFF"), std::string("\x80"),
          std::string("\xC3\xA9"), std::string("\xF0\x9F\x98\x80"), std::string("\xE2\x82")}) {
      std::string text(26, 'a');
      text.replace(pos, 1, insert);
      EXPECT_EQ(IsValidUtf8(text), SanitizeUtf8(text) == text) << pos << " " << insert.size();
      const bool valid = insert != std::string(1, '\0') && insert != "\xFF" && insert != "\x80" &&
                         insert != "\xE2\x82";
      EXPECT_EQ(IsValidUtf8(text), valid) << pos;
    }
  }
}

TEST(Tokenize, KeepsOffsetsIntoTheText) {
  std::string text = "Xi met Putin in Moscow.";
  for (const Token& t : Tokenize(text)) {
    ASSERT_LE(t.end, text.size());
    ASSERT_LT(t.begin, t.end);
  }
  EXPECT_EQ(Words(text), (std::vector<std::string>{"Xi", "met", "Putin", "in", "Moscow"}));
}

TEST(Tokenize, HandlesNewsShapes) {
  struct Case {
    std::string text;
    std::vector<std::string> words;
  } cases[] = {
      {"Putin\xE2\x80\x99s visit", {"Putin\xE2\x80\x99s", "visit"}},  // curly apostrophe
      {"don't stop", {"don't", "stop"}},
      {"a win-win deal", {"a", "win-win", "deal"}},
      {"e-commerce grew", {"e-commerce", "grew"}},
      {"the U.S. and the UN", {"the", "U.S.", "and", "the", "UN"}},
      {"trade rose 116% to 190 billion dollars", {"trade", "rose", "116%", "to", "190", "billion", "dollars"}},
      {"1,000 troops and 3.5 percent", {"1,000", "troops", "and", "3.5", "percent"}},
      {"G20 and BRICS, COVID-19", {"G20", "and", "BRICS", "COVID-19"}},
      {"peace \xE2\x80\x94 and war", {"peace", "and", "war"}},  // em dash is punctuation
      {"caf\xC3\xA9 M\xC3\xBCnchen", {"caf\xC3\xA9", "M\xC3\xBCnchen"}},
  };
  for (const Case& c : cases) EXPECT_EQ(Words(c.text), c.words) << c.text;
}

TEST(Tokenize, CompoundsCarryTheirParts) {
  std::string text = "China-Russia ties";
  auto tokens = Tokenize(text);
  ASSERT_GE(tokens.size(), 4u);
  EXPECT_TRUE(tokens[0].has(kCompound));
  EXPECT_EQ(tokens[1].view(text), "China");
  EXPECT_TRUE(tokens[1].has(kPart));
  EXPECT_EQ(tokens[2].view(text), "Russia");
  EXPECT_TRUE(tokens[2].has(kCapitalized));
}

TEST(Tokenize, FlagsCapitals) {
  std::string text = "The UN and NATO met Mr Xi";
  auto tokens = Tokenize(text);
  EXPECT_TRUE(tokens[0].has(kCapitalized));
  EXPECT_FALSE(tokens[0].has(kAllCaps));
  EXPECT_TRUE(tokens[1].has(kAllCaps));
  EXPECT_FALSE(tokens[2].has(kAllCaps));
  EXPECT_TRUE(tokens[3].has(kAllCaps));
}

std::vector<std::string> Sentences(const std::string& text) {
  std::unordered_set<std::string> abbreviations{"mr", "dr", "e.g", "u.s", "gen", "no"};
  auto tokens = Tokenize(text);
  std::vector<std::string> out;
  for (const Span& s : SplitSentences(text, tokens, abbreviations))
    out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(Sentences, SplitsAfterAbbreviations) {
  struct Case {
    std::string text;
    std::vector<std::string> sentences;
  } cases[] = {
      {"Mr. Xi arrived. He spoke.", {"Mr. Xi arrived.", "He spoke."}},
      {"Dr. Lee and Gen. Smith met. Talks ended.", {"Dr. Lee and Gen. Smith met.", "Talks ended."}},
      {"John F. Kennedy spoke. Then he left.", {"John F. Kennedy spoke.", "Then he left."}},
      {"Trade with the U.S. rose. Exports fell.", {"Trade with the U.S. rose.", "Exports fell."}},
      {"Is it over? Yes! It is.", {"Is it over?", "Yes!", "It is."}},
      {"It grew 3.5 percent. Prices rose.", {"It grew 3.5 percent.", "Prices rose."}},
      {"lower case. after a period", {"lower case. after a period"}},
      {"No sentence end", {"No sentence end"}},
      {"", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(Sentences(c.text), c.sentences) << c.text;
}

// Titles before a name keep it across a line break; other abbreviations end a sentence there.
TEST(Sentences, TitleAbbreviationsKeepTheirNameAcrossLineBreaks) {
  std::unordered_set<std::string> abbreviations{"rep", "sen", "inc", "gen"};
  std::unordered_set<std::string> titles{"rep", "sen", "gen"};
  struct Case {
    std::string text;
    std::vector<std::string> sentences;
  } cases[] = {
      {"The bill was amended by Rep.\nAnna Kowal of Ohio. It passed.",
       {"The bill was amended by Rep.\nAnna Kowal of Ohio.", "It passed."}},
      {"Sen. Bo Reyes spoke. Gen.\nLiu Wei left.", {"Sen. Bo Reyes spoke.", "Gen.\nLiu Wei left."}},
      // A company suffix at a line end may end the sentence.
      {"Shares rose at Acme Inc.\nThe market fell.", {"Shares rose at Acme Inc.", "The market fell."}},
      // A blank line always ends it.
      {"Ask the Rep.\n\nNext story here.", {"Ask the Rep.", "Next story here."}},
  };
  for (const Case& c : cases) {
    auto tokens = Tokenize(c.text);
    std::vector<std::string> got;
    for (const Span& s : SplitSentences(c.text, tokens, abbreviations, &titles))
      got.push_back(c.text.substr(s.begin, s.end - s.begin));
    EXPECT_EQ(got, c.sentences) << c.text;
  }
}

TEST(Sentences, KeepsClosingQuotesAndSplitsOnCurlyQuotes) {
  EXPECT_EQ(Sentences("He said \xE2\x80\x9CWe agree.\xE2\x80\x9D Then he left."),
            (std::vector<std::string>{"He said \xE2\x80\x9CWe agree.\xE2\x80\x9D", "Then he left."}));
  EXPECT_EQ(Sentences("\"Stop.\" She left."),
            (std::vector<std::string>{"\"Stop.\"", "She left."}));
}

TEST(Sentences, BreakAtBlankLinesAndDashBullets) {
  EXPECT_EQ(Sentences("World News\n\nFULL LETTER: Xi writes\n\n\xE2\x80\x94 The direction is clear"),
            (std::vector<std::string>{"World News", "FULL LETTER: Xi writes",
                                      "\xE2\x80\x94 The direction is clear"}));
}

TEST(Paragraphs, CountBlankLinesAndBullets) {
  auto count = [](const std::string& t) { return CountParagraphs(Tokenize(t)); };
  EXPECT_EQ(count(""), 0u);
  EXPECT_EQ(count("One.\nStill one."), 1u);
  EXPECT_EQ(count("One.\n\nTwo.\n\n\n\nThree."), 3u);
  EXPECT_EQ(count("Intro:\n- first\n- second"), 3u);
}

TEST(Stem, JoinsInflectionsAndDerivations) {
  auto stem = [](const std::string& w) {
    std::string out;
    Stem(w, &out);
    return out;
  };
  std::vector<std::vector<std::string>> families = {
      {"cooperate", "cooperation", "cooperating", "cooperated", "cooperations"},
      {"sanction", "sanctions", "sanctioned", "sanctioning"},
      {"economy", "economies", "economy's"},
      {"invest", "invests", "invested", "investing", "investment", "investments"},
      {"elect", "elected", "election", "elections"},
      {"modernize", "modernization", "modernizing", "modernise", "modernisation", "modernised"},
      {"negotiate", "negotiation", "negotiations", "negotiating"},
      {"plan", "planned", "plans"},
      {"trade", "trades", "traded"},
      {"vote", "voted", "votes"},
      {"carry", "carried", "carries"},
      {"church", "churches"},
      {"china's", "china"},
  };
  for (const auto& family : families)
    for (const auto& w : family) EXPECT_EQ(stem(w), stem(family[0])) << w << " vs " << family[0];
}

TEST(Stem, KeepsApartWordsNewsUsesDifferently) {
  auto stem = [](const std::string& w) {
    std::string out;
    Stem(w, &out);
    return out;
  };
  // Each pair shares letters but not meaning; a wider stemmer (or Porter's full steps 2-4)
  // would join them.
  std::vector<std::pair<std::string, std::string>> pairs = {
      {"policy", "police"},          {"party", "part"},          {"parties", "partly"},
      {"tradition", "trade"},        {"trading", "trade"},       {"billion", "bill"},
      {"million", "mill"},           {"international", "intern"}, {"internment", "international"},
      {"housing", "house"},          {"ratings", "rates"},       {"earnings", "earned"},
      {"securities", "secure"},      {"reality", "real"},        {"liquidity", "liquid"},
      {"treaty", "treat"},           {"unity", "unit"},          {"story", "store"},
      {"plane", "plan"},             {"planning", "plan"},       {"state", "statement"},
      {"station", "state"},          {"nation", "national"},     {"faction", "fact"},
      {"section", "sect"},           {"wellness", "well"},       {"majority", "major"},
      {"inning", "in"},              {"trade", "train"},         {"war", "ward"},
  };
  for (const auto& [a, b] : pairs) EXPECT_NE(stem(a), stem(b)) << a << " vs " << b;
  for (const char* short_word : {"us", "gas", "bus", "who"})
    EXPECT_EQ(stem(short_word), short_word);
}

}  // namespace
}  // namespace newslens

namespace newslens {
namespace {

// Issue 23: a hyphenated compound has at most kMaxCompoundParts parts; in a longer chain the
// next hyphen is a punctuation token and a new compound starts after it.
TEST(Tokenize, HyphenChainsJoinAtMostEightParts) {
  std::string chain;
  for (int i = 0; i < 20; ++i) chain += i ? "-war" : "war";
  std::vector<Token> tokens = Tokenize(chain);
  std::vector<Token> heads;
  size_t parts = 0, hyphens = 0;
  for (const Token& t : tokens) {
    if (t.has(kCompound)) heads.push_back(t);
    if (t.has(kPart)) ++parts;
    if (t.kind == TokenKind::kPunct && t.punct == '-') ++hyphens;
  }
  ASSERT_EQ(heads.size(), 3u);  // 8 + 8 + 4 parts
  EXPECT_EQ(parts, 20u);
  EXPECT_EQ(hyphens, 2u);
  EXPECT_EQ(heads[0].view(chain), "war-war-war-war-war-war-war-war");
  EXPECT_EQ(heads[2].view(chain), "war-war-war-war");
  // Real compounds are untouched.
  std::vector<Token> art = Tokenize("a once-in-a-lifetime, state-of-the-art deal");
  EXPECT_EQ(art[1].view("a once-in-a-lifetime, state-of-the-art deal"), "once-in-a-lifetime");
}

}  // namespace
}  // namespace newslens
