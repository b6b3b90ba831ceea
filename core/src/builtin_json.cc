// The JSON path of the built-in dictionaries (builtin.h): parsed with the custom-dictionary
// parsers of dictionary.cc, at build time by tools/pack_dictionaries.cc and by the tests. Kept
// apart from the packed form (builtin.cc) so that an analyzer that loads only the packed form
// and no custom dictionary links none of the JSON parsers: the widget edition
// (builtin_only.cc, docs/size.md).
#include <utility>

#include "builtin.h"
#include "json_util.h"

namespace newslens {

namespace {

Result<TextListsDef> ParseTextLists(std::string_view text, std::string_view source) {
  auto parsed = json_util::Parse(text, source);
  if (!parsed.ok()) return parsed.status();
  TextListsDef lists;
  const auto& root = parsed.value();
  if (json_util::GetString(root, "format") != "newslens/text-rules@1")
    return Status::Error(std::string(source) + ": expected format newslens/text-rules@1");
  for (auto [key, out] : {std::pair{"abbreviations", &lists.abbreviations},
                          {"org_words", &lists.org_words},
                          {"name_connectors", &lists.name_connectors},
                          {"org_connectors", &lists.org_connectors},
                          {"name_particles", &lists.name_particles},
                          {"honorifics", &lists.honorifics},
                          {"speech_verbs", &lists.speech_verbs},
                          {"place_words", &lists.place_words},
                          {"place_prefixes", &lists.place_prefixes},
                          {"sports_words", &lists.sports_words},
                          {"match_words", &lists.match_words},
                          {"company_nouns", &lists.company_nouns},
                          {"company_after", &lists.company_after},
                          {"title_abbreviations", &lists.title_abbreviations},
                          {"regions", &lists.regions},
                          {"event_words", &lists.event_words}}) {
    if (const auto* list = json_util::Get(root, key); list && list->is_array())
      for (const auto& v : *list)
        if (v.is_string()) out->push_back(v.get<std::string>());
  }
  return lists;
}

}  // namespace

Result<BuiltinDictionaries> LoadBuiltinJson(const std::vector<std::string>& texts) {
  if (texts.size() != std::size(kBuiltinFiles))
    return Status::Error("built-in dictionaries: expected " +
                         std::to_string(std::size(kBuiltinFiles)) + " files");
  for (size_t i = 0; i < texts.size(); ++i)
    if (texts[i].empty())
      return Status::Error(std::string("built-in dictionary missing: data/") + kBuiltinFiles[i]);
  auto text = ParseTextLists(texts[0], kBuiltinFiles[0]);
  auto themes = ParseThemes(texts[1], kBuiltinFiles[1]);
  auto general = ParseLexicon(texts[2], kBuiltinFiles[2]);
  auto news = ParseLexicon(texts[3], kBuiltinFiles[3]);
  auto finance = ParseLexicon(texts[4], kBuiltinFiles[4]);
  auto rules = ParseSentimentRules(texts[5], kBuiltinFiles[5]);
  auto countries = ParseEntities(texts[6], kBuiltinFiles[6]);
  auto orgs = ParseEntities(texts[7], kBuiltinFiles[7]);
  for (const Status* s : {&text.status(), &themes.status(), &general.status(), &news.status(),
                          &finance.status(), &rules.status(), &countries.status(), &orgs.status()})
    if (!s->ok()) return *s;
  BuiltinDictionaries d;
  d.text = std::move(text).value();
  d.themes = std::move(themes).value();
  // Common words weigh less (docs/themes.md, "Specificity"): folded into the weights here, so
  // the packed form and the engine see plain weights.
  if (Status s = ApplyTermSpecificity(texts[8], kBuiltinFiles[8], &d.themes); !s.ok()) return s;
  d.general = std::move(general).value();
  d.news = std::move(news).value();
  d.finance = std::move(finance).value();
  d.rules = std::move(rules).value();
  d.countries = std::move(countries).value();
  d.organizations = std::move(orgs).value();
  return d;
}

}  // namespace newslens
