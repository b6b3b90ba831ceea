// Parsing the names callers give options by (the CLI's flags, the JS facade's strings).
#include <string>
#include <string_view>

#include "newslens/analyzer.h"

namespace newslens {

Result<ToneDomain> ParseToneDomain(std::string_view name) {
  if (name == "news") return ToneDomain::kNews;
  if (name == "general") return ToneDomain::kGeneral;
  if (name == "finance") return ToneDomain::kFinance;
  if (name == "auto") return ToneDomain::kAuto;
  return Status::Error("unknown tone \"" + std::string(name) +
                       "\" (expected auto, news, general or finance)");
}

const char* ToneDomainName(ToneDomain domain) {
  switch (domain) {
    case ToneDomain::kNews:
      return "news";
    case ToneDomain::kGeneral:
      return "general";
    case ToneDomain::kFinance:
      return "finance";
    case ToneDomain::kAuto:
      break;
  }
  return "auto";
}

Status ParseReportFields(std::string_view list, Options* options) {
  options->include_themes = options->include_entities = false;
  options->include_sentences = options->include_mentions = false;
  while (!list.empty()) {
    const size_t comma = list.find(',');
    std::string_view name = list.substr(0, comma);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name == "themes") options->include_themes = true;
    else if (name == "entities") options->include_entities = true;
    else if (name == "sentences") options->include_sentences = true;
    else if (name == "mentions") options->include_mentions = true;
    else if (name != "tone" && !name.empty())
      return Status::Error("unknown report field \"" + std::string(name) +
                           "\" (expected tone, themes, entities, sentences or mentions)");
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return Status();
}

Status ParseReportDetail(std::string_view list, Options* options) {
  options->detail_mentions = options->detail_sentence_themes = false;
  while (!list.empty()) {
    const size_t comma = list.find(',');
    std::string_view name = list.substr(0, comma);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name == "mentions") options->detail_mentions = true;
    else if (name == "sentence_themes") options->detail_sentence_themes = true;
    else if (!name.empty())
      return Status::Error("unknown report detail \"" + std::string(name) +
                           "\" (expected mentions or sentence_themes)");
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return Status();
}

ReportLayout LayoutOf(const Options& options) {
  ReportLayout layout;
  layout.schema = options.schema;
  layout.mentions = options.detail_mentions;
  layout.sentence_themes = options.detail_sentence_themes;
  return layout;
}

}  // namespace newslens
