// Private: the built-in dictionaries (data/**/*.json) as one value, and their packed form.
//
// The JSON files are parsed at BUILD time by tools/pack_dictionaries.cc (with the same parsers
// as custom dictionaries, dictionary.cc) and written in the packed form below; the analyzer loads
// that form at start-up, which needs no JSON parser and is ~20x cheaper (docs/performance.md).
// The native build compiles the packed text into the binary (cmake/embed.cmake); the wasm build
// carries it as a string in newslens.js, where gzip compresses it as text, and hands it to the
// core once (embedded::Provide).
//
// Packed form ("newslens/packed@2"): UTF-8 text, one record per line, fields separated by TAB.
// Every list starts with its length; every string is written as is, so a dictionary string may
// not hold a TAB or a line break (packing fails with the string named). Floats are written in
// the shortest decimal that reads back to the same float (doubles likewise), so
// Unpack(Pack(d)) == d field for field; tools/pack_dictionaries.cc checks Pack(Unpack(p)) == p
// on every build, and tests/core/builtin_test.cc that both forms give byte-identical reports.
#ifndef NEWSLENS_SRC_BUILTIN_H_
#define NEWSLENS_SRC_BUILTIN_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newslens/dictionary.h"
#include "newslens/status.h"
#include "startup_code.h"

namespace newslens {

// data/text/en.json: tokenizer and name-finding word lists.
struct TextListsDef {
  std::vector<std::string> abbreviations, org_words, name_connectors, org_connectors,
      name_particles, honorifics;
  // The actors' context cues (entities.cc): verbs of saying, words that make a capitalised run a
  // place, words of a sports report, and the words around a team's name in one.
  std::vector<std::string> speech_verbs, place_words, place_prefixes, sports_words, match_words,
      company_nouns, company_after;
  // Abbreviated titles a name follows ("rep", "sen"): their dot never ends a sentence before a
  // capitalised word, even at a line break (SplitSentences).
  std::vector<std::string> title_abbreviations;
  // Continents and world regions ("Europe", "Middle East"): places of no country (entities.cc).
  std::vector<std::string> regions;
  // Words that make a place's name a sports event's ("U.S. Open", "Atlanta Games") (entities.cc).
  std::vector<std::string> event_words;
};

struct BuiltinDictionaries {
  TextListsDef text;                       // text/en.json
  ThemeDictionary themes;                  // themes/en.json
  LexiconDef general, news, finance;       // sentiment/{general,news,finance}-en.json
  SentimentRulesDef rules;                 // sentiment/rules-en.json
  EntityDictionary countries, organizations;  // entities/{countries,organizations}-en.json
};

// The data/ files the built-in dictionaries are made of, relative to data/.
extern const char* const kBuiltinFiles[9];

// Parses the JSON files; `file(name)` returns the text of data/<name> (kBuiltinFiles).
template <class FileFn>
Result<BuiltinDictionaries> LoadBuiltinJson(FileFn file);
Result<BuiltinDictionaries> LoadBuiltinJson(const std::vector<std::string>& texts);

// The packed text; fails when a string cannot be packed (a TAB or line break in it).
Result<std::string> Pack(const BuiltinDictionaries& dicts);
// Reads the packed text; fails with "packed dictionaries: line N: ..." on anything malformed.
// Unpacker run to the end.
Result<BuiltinDictionaries> Unpack(std::string_view packed);

// Reads the packed text in parts (a section, or `terms_per_step` terms of the taxonomy), for a
// caller that gives its thread back between them: the widget building its analyzer on a page's
// main thread (AnalyzerBuild, analyzer_build.h).
//
//   Unpacker u(packed, 4000);
//   while (u.Step()) { /* yield */ }
//   auto dicts = u.Finish();
//
// `packed` must outlive the Unpacker. Not copyable.
class Unpacker {
 public:
  explicit Unpacker(std::string_view packed, size_t terms_per_step = SIZE_MAX);
  ~Unpacker();
  Unpacker(const Unpacker&) = delete;
  Unpacker& operator=(const Unpacker&) = delete;

  // Reads the next part; false once everything is read or the text was found malformed.
  bool Step();
  // The dictionaries, or where the text was malformed; once Step() has returned false.
  Result<BuiltinDictionaries> Finish();

 private:
  enum Part : int;
  struct State;
  std::unique_ptr<State> state_;
};

// Leaves out of the built-in taxonomy the terms a prune list names (data/prune/themes-en.tsv,
// written by tools/prune-themes.mjs; docs/size.md): one `theme id<TAB>term` per line, `#` lines
// are comments. A listed term the taxonomy does not have is skipped (the list only removes).
// Returns how many terms it removed; fails with "line N: ..." on a malformed line.
Result<size_t> PruneThemes(std::string_view list, ThemeDictionary* themes);

template <class FileFn>
Result<BuiltinDictionaries> LoadBuiltinJson(FileFn file) {
  std::vector<std::string> texts;
  for (const char* name : kBuiltinFiles) texts.push_back(file(name));
  return LoadBuiltinJson(texts);
}

}  // namespace newslens

#endif  // NEWSLENS_SRC_BUILTIN_H_
