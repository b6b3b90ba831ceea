// newslens/dictionary.h — the data newslens counts with, parsed from text.
//
// Dictionaries are plain data (see docs/dictionaries.md for the formats). They are parsed from
// strings, never opened by path, so the native CLI, node and the browser share one code path.
// Every parser returns an error value naming the source, line and column on malformed input:
//   "my-themes.json:12:5: syntax error while parsing object - unexpected '}'"
#ifndef NEWSLENS_DICTIONARY_H_
#define NEWSLENS_DICTIONARY_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "newslens/status.h"

namespace newslens {

// Where a context-requiring term looks for the context that vouches for its sense.
enum class TermContext : unsigned char {
  kNone,       // the term counts wherever it matches
  kSentence,   // only with context in the same sentence
  kParagraph,  // only with context in the same paragraph
};

// One term of a theme: a word, a multi-word phrase, or a trailing-`*` wildcard.
struct TermDef {
  std::string text;     // as written in the dictionary ("security council", "diplomat*", "US")
  float weight = 1.0f;  // (0, 1]; below 1 for ambiguous words ("party", "court")
  // A word with several senses ("court", "games", "bill") counts only when its context says it
  // is used in the theme's sense: another counted hit of the same top-level theme (not itself
  // waiting for context), or a word of the named cue set, in the same sentence or paragraph.
  // JSON: {"term": "court", "context": "sentence", "cues": "law"}; LIWC .dic words have none.
  TermContext context = TermContext::kNone;
  std::string cues;  // name of a cue set (ThemeDictionary::cue_sets), or "" for the theme only
};

// A named set of cue words ("sport_words": "match", "coach", "score*"): context that vouches for
// a context-requiring term without counting for any theme itself. Matched like terms (stemmed,
// capitals-only when written in capitals, phrases and trailing-* wildcards).
struct CueSetDef {
  std::string name;  // lowercase ASCII letters, digits and '_'
  std::vector<std::string> words;
};

struct ThemeDef {
  std::string id;      // "politics" or "politics.diplomacy"
  std::string label;   // "Diplomacy"
  std::string parent;  // "" for top-level themes
  std::string iptc;    // "medtop:20000639" (may be empty for custom themes)
  std::vector<TermDef> terms;
};

struct ThemeDictionary {
  std::vector<ThemeDef> themes;
  // Named cue sets ("cues" in newslens JSON). A later dictionary may name a set an earlier one
  // (the built-in taxonomy) defined, and may add words to it by defining it again.
  std::vector<CueSetDef> cue_sets;
};

// A sentiment lexicon layer: lowercase word or phrase -> valence in [-4, 4].
struct LexiconDef {
  std::string name;  // "general", "news", "finance"
  std::vector<std::pair<std::string, float>> entries;
  // Emoticons (":)", "<3", ":-D"): case-sensitive, matched on whole whitespace-delimited chunks.
  std::vector<std::pair<std::string, float>> emoticons;
};

// A contrast word. For "strong" words (but, however) the clause before the word is weighted
// `before` and the clause after it `after` (VADER's "but": 0.5 and 1.5). For "weak" introducers
// (although, though, despite) the clause they introduce is weighted `after` and the main clause
// `before`, wherever the main clause stands: "Although X, Y" and "Y, although X".
struct ContrastDef {
  float before = 0.5f;
  float after = 1.5f;
  bool introduces_weak = false;
};

// Word lists and constants the tone rules use (data/sentiment/rules-en.json).
struct SentimentRulesDef {
  std::vector<std::string> negators;       // words and phrases ("not", "lack of")
  std::vector<std::string> negation_exceptions;  // negator phrases that do not negate ("not only")
  std::map<std::string, float> boosters;   // word -> scalar (+0.293 boost, -0.293 dampen)
  std::map<std::string, ContrastDef> contrast;
  // Named constants, e.g. "C_INCR" -> 0.733. An array constant NAME [a, b] becomes NAME_0, NAME_1.
  std::map<std::string, double> constants;
  // Every other word list of the file, by name: a top-level array of strings ("intensifiers"),
  // or an object of such arrays, named "object.key" ("shifters.down").
  std::map<std::string, std::vector<std::string>> lists;
};

struct CountryDef {
  std::string code;  // ISO 3166-1 alpha-2
  std::string name;
  std::vector<std::string> aliases, demonyms, places;
};

struct OrganizationDef {
  std::string name;
  std::vector<std::string> aliases;
  std::string kind;    // "international", "party", "initiative", ...
  std::string parent;  // canonical name of the parent organization, if any
};

struct EntityDictionary {
  std::vector<CountryDef> countries;
  std::vector<OrganizationDef> organizations;
  std::vector<std::string> titles;     // "President", "Prime Minister", "Mr."
  std::vector<std::string> not_names;  // capitalised words that are never names alone
  // Phrases containing a country word that do not name that country ("South China Sea",
  // "Latin America"): matched like names, longest first, and reported as nothing.
  std::vector<std::string> not_countries;
};

// Tokenizer knowledge: abbreviations that do not end a sentence, and words that never start
// a name (data/text/en.json).
struct TextRulesDef {
  std::vector<std::string> abbreviations;  // lowercase, without the final dot: "mr", "e.g"
};

// Limits every parser enforces (docs/reliability.md), each refused with source:line:column.
// Most terms one dictionary may hold (theme terms, lexicon entries, countries, organizations):
// a million-term dictionary loads (about a second natively); a runaway one is refused.
inline constexpr size_t kMaxDictionaryTerms = size_t{1} << 20;
// Shortest stem before a wildcard's '*' in newslens JSON themes ("dipl*" would match "diploma").
inline constexpr size_t kMinWildcardStem = 4;
// In LIWC .dic files, which are written for LIWC's own matching and use short stems ("ok*").
inline constexpr size_t kMinLiwcWildcardStem = 1;
// Beyond these, a '*' anywhere but at the end of a term ("*", "**", "a*b", "*foo") is an error.
// Theme ids must be unique within one file (a custom file may extend a built-in theme's id).

Result<ThemeDictionary> ParseThemes(std::string_view json, std::string_view source);
// Multiplies the weight of every term of `dict` listed in a newslens/term-specificity@1 file
// (data/themes/specificity-en.json, generated by tools/build-specificity.mjs from document
// frequencies over news corpora: {"terms": {"government": 0.47, ...}}, each in (0, 1]) by its
// specificity, matched on the term as written. Applied to the built-in taxonomy only.
Status ApplyTermSpecificity(std::string_view json, std::string_view source,
                            ThemeDictionary* dict);
// LIWC-style .dic: "%" / "id<TAB>name" lines / "%" / "word<TAB>id id ..." lines. Each category
// becomes a top-level theme whose id is the category name lowercased (non-alphanumerics -> '_').
// A UTF-8 byte-order mark before the first line (as Windows editors save) is skipped.
// `text` without a leading UTF-8 byte-order mark (EF BB BF).
std::string_view WithoutByteOrderMark(std::string_view text);
Result<ThemeDictionary> ParseLiwcDic(std::string_view text, std::string_view source);
Result<LexiconDef> ParseLexicon(std::string_view json, std::string_view source);
Result<SentimentRulesDef> ParseSentimentRules(std::string_view json, std::string_view source);
Result<EntityDictionary> ParseEntities(std::string_view json, std::string_view source);
Result<TextRulesDef> ParseTextRules(std::string_view json, std::string_view source);

// What a custom dictionary file turned out to be.
struct CustomDictionary {
  enum class Kind { kThemes, kLexicon, kEntities } kind = Kind::kThemes;
  ThemeDictionary themes;
  LexiconDef lexicon;
  EntityDictionary entities;
};

// Detects the format (LIWC .dic when the first non-blank line is "%", else JSON by its
// "format" field) and parses it. A leading UTF-8 byte-order mark is skipped in either format.
Result<CustomDictionary> ParseCustomDictionary(std::string_view text, std::string_view source);

}  // namespace newslens

#endif  // NEWSLENS_DICTIONARY_H_
