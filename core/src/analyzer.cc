#include "newslens/analyzer.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "embedded.h"
#include "internal.h"
#include "json_util.h"

namespace newslens {

struct Analyzer::Impl {
  Vocab vocab;  // normalized lowercase words known to any engine
  ThemeEngine themes;
  SentimentEngine sentiment;
  EntityEngine entities;
  std::unordered_set<std::string> abbreviations;
};

namespace {

struct TextRules {
  std::vector<std::string> abbreviations, org_words, connectors;
};

Result<TextRules> LoadTextRules(std::string_view text, std::string_view source) {
  auto parsed = json_util::Parse(text, source);
  if (!parsed.ok()) return parsed.status();
  TextRules rules;
  const auto& root = parsed.value();
  if (json_util::GetString(root, "format") != "newslens/text-rules@1")
    return Status::Error(std::string(source) + ": expected format newslens/text-rules@1");
  for (auto [key, out] : {std::pair{"abbreviations", &rules.abbreviations},
                          {"org_words", &rules.org_words}, {"name_connectors", &rules.connectors}}) {
    if (const auto* list = json_util::Get(root, key); list && list->is_array())
      for (const auto& v : *list)
        if (v.is_string()) out->push_back(v.get<std::string>());
  }
  return rules;
}

std::string_view Required(const char* name, Status* status) {
  std::string_view data = embedded::Find(name);
  if (data.empty() && status->ok())
    *status = Status::Error(std::string("embedded dictionary missing: data/") + name);
  return data;
}

}  // namespace

Result<ToneDomain> ParseToneDomain(std::string_view name) {
  if (name == "news") return ToneDomain::kNews;
  if (name == "general") return ToneDomain::kGeneral;
  if (name == "finance") return ToneDomain::kFinance;
  return Status::Error("unknown tone \"" + std::string(name) +
                       "\" (expected news, general or finance)");
}

Result<Analyzer> Analyzer::Create(const AnalyzerConfig& config) {
  auto impl = std::make_shared<Impl>();
  Status missing;
  // Custom dictionaries first, so a malformed one fails before any work is done.
  std::vector<CustomDictionary> custom;
  for (const DictionarySource& src : config.dictionaries) {
    auto parsed = ParseCustomDictionary(src.text, src.name);
    if (!parsed.ok()) return parsed.status();
    custom.push_back(std::move(parsed).value());
  }

  auto text_rules = LoadTextRules(Required("text/en.json", &missing), "text/en.json");
  auto themes = ParseThemes(Required("themes/en.json", &missing), "themes/en.json");
  auto general = ParseLexicon(Required("sentiment/general-en.json", &missing),
                              "sentiment/general-en.json");
  auto news = ParseLexicon(Required("sentiment/news-en.json", &missing), "sentiment/news-en.json");
  auto finance = ParseLexicon(Required("sentiment/finance-en.json", &missing),
                              "sentiment/finance-en.json");
  auto rules = ParseSentimentRules(Required("sentiment/rules-en.json", &missing),
                                   "sentiment/rules-en.json");
  auto countries = ParseEntities(Required("entities/countries-en.json", &missing),
                                 "entities/countries-en.json");
  auto orgs = ParseEntities(Required("entities/organizations-en.json", &missing),
                            "entities/organizations-en.json");
  if (!missing.ok()) return missing;
  for (const Status* s : {&text_rules.status(), &themes.status(), &general.status(),
                          &news.status(), &finance.status(), &rules.status(),
                          &countries.status(), &orgs.status()})
    if (!s->ok()) return *s;

  for (const auto& a : text_rules.value().abbreviations) impl->abbreviations.insert(a);

  if (!config.replace_default_themes) {
    if (Status s = impl->themes.Add(themes.value(), "themes/en.json"); !s.ok()) return s;
  }
  std::vector<LexiconDef> news_layers{news.value()};
  std::vector<EntityDictionary> entity_dicts{countries.value(), orgs.value()};
  for (size_t i = 0; i < custom.size(); ++i) {
    const CustomDictionary& c = custom[i];
    const std::string& name = config.dictionaries[i].name;
    if (c.kind == CustomDictionary::Kind::kThemes) {
      if (Status s = impl->themes.Add(c.themes, name); !s.ok()) return s;
    } else if (c.kind == CustomDictionary::Kind::kLexicon) {
      news_layers.push_back(c.lexicon);
    } else {
      entity_dicts.push_back(c.entities);
    }
  }
  if (Status s = impl->sentiment.Build({general.value()}, news_layers, {finance.value()},
                                       rules.value(), &impl->vocab);
      !s.ok())
    return s;
  if (Status s = impl->entities.Build(entity_dicts, text_rules.value().org_words,
                                      text_rules.value().connectors, &impl->vocab);
      !s.ok())
    return s;
  return Analyzer(std::move(impl));
}

size_t Analyzer::theme_count() const { return impl_->themes.theme_count(); }
size_t Analyzer::term_count() const { return impl_->themes.term_count(); }

namespace {

// Converts every byte offset in the report to UTF-16 code units in one pass over the text.
void ToUtf16Offsets(std::string_view text, Report* report) {
  std::vector<uint32_t*> offsets;
  for (auto& s : report->sentences) {
    offsets.push_back(&s.start);
    offsets.push_back(&s.end);
  }
  for (auto& m : report->mentions) {
    offsets.push_back(&m.start);
    offsets.push_back(&m.end);
  }
  std::sort(offsets.begin(), offsets.end(), [](uint32_t* a, uint32_t* b) { return *a < *b; });
  uint32_t byte = 0, units = 0;
  for (uint32_t* p : offsets) {
    while (byte < *p && byte < text.size()) {
      unsigned char c = static_cast<unsigned char>(text[byte]);
      if (c < 0x80) {
        ++units;
        ++byte;
      } else if (c >= 0xF0) {
        units += 2;  // a supplementary character is a surrogate pair in UTF-16
        byte += 4;
      } else {
        ++units;
        byte += c >= 0xE0 ? 3 : 2;
      }
    }
    *p = units;
  }
}

}  // namespace

Result<Report> Analyzer::Analyze(std::string_view input, const Options& options) const {
  if (input.size() > kMaxInputBytes)
    return Status::Error("input is " + std::to_string(input.size()) + " bytes; the limit is " +
                         std::to_string(kMaxInputBytes));
  const Impl& impl = *impl_;
  std::string sanitized;
  std::string_view text = input;
  if (!IsValidUtf8(input)) {
    sanitized = SanitizeUtf8(input);
    text = sanitized;
  }

  Document doc;
  doc.text = text;
  std::vector<Token> raw = Tokenize(text);
  doc.tokens.reserve(raw.size());
  doc.lower.reserve(text.size());
  std::string norm, scratch, scratch2;
  auto keep = [&](const Token& t) {
    uint32_t surface = kNoId, key = kNoId;
    uint32_t begin = static_cast<uint32_t>(doc.lower.size());
    if (t.is_word()) {
      std::string_view original = t.view(text);
      NormalizeWord(original, &norm);
      surface = impl.vocab.Find(norm);
      if (surface == kNoId && t.has(kApostrophe) && norm.size() > 2 &&
          norm.compare(norm.size() - 2, 2, "'s") == 0)
        surface = impl.vocab.Find(std::string_view(norm).substr(0, norm.size() - 2));
      key = impl.themes.KeyFor(original, norm, t, &scratch);
      doc.lower += norm;
    }
    doc.tokens.push_back(t);
    doc.lower_begin.push_back(begin);
    doc.lower_len.push_back(static_cast<uint32_t>(doc.lower.size()) - begin);
    doc.surface.push_back(surface);
    doc.theme_key.push_back(key);
  };
  for (size_t i = 0; i < raw.size(); ++i) {
    const Token& t = raw[i];
    if (t.is_word() && !t.has(kPart)) ++doc.words;
    if (t.has(kCompound)) {
      NormalizeWord(t.view(text), &norm);
      uint32_t id = impl.vocab.Find(norm);
      bool whole = (id != kNoId && (impl.sentiment.Knows(id) || impl.entities.Knows(id))) ||
                   impl.themes.KnowsCompound(norm, &scratch, &scratch2);
      size_t j = i + 1;
      while (j < raw.size() && raw[j].has(kPart)) ++j;
      if (whole) {
        Token head = t;
        keep(head);
      } else {
        for (size_t k = i + 1; k < j; ++k) {
          Token part = raw[k];
          part.flags &= static_cast<uint16_t>(~kPart);
          if (k == i + 1) part.flags |= t.flags & (kLineStart | kParagraphStart);
          keep(part);
        }
      }
      i = j - 1;
      continue;
    }
    keep(t);
  }
  doc.sentences = SplitSentences(text, doc.tokens, impl.abbreviations);

  Report report;
  report.stats.words = doc.words;
  report.stats.sentences = static_cast<uint32_t>(doc.sentences.size());
  report.stats.paragraphs = CountParagraphs(doc.tokens);
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++report.stats.characters;

  // Tone: sentences, then the document as their word-weighted mean (docs/tone.md).
  std::vector<double> compounds(doc.sentences.size());
  double weighted = 0, weight = 0, pos = 0, neg = 0, neu = 0;
  uint32_t positive_items = 0, negative_items = 0;
  std::vector<Mention>* mention_sink = options.include_mentions ? &report.mentions : nullptr;
  report.sentences.reserve(doc.sentences.size());
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Span& span = doc.sentences[s];
    SentenceTone tone = impl.sentiment.Score(doc, span, options.tone, mention_sink);
    compounds[s] = tone.compound;
    uint32_t words = 0;
    for (uint32_t t = span.first_token; t < span.last_token; ++t)
      if (doc.tokens[t].is_word()) ++words;
    weighted += tone.compound * words;
    weight += words;
    pos += tone.pos_sum;
    neg += std::fabs(tone.neg_sum);
    neu += tone.neu_count;
    positive_items += tone.positive_items;
    negative_items += tone.negative_items;
    SentenceResult r;
    r.start = span.begin;
    r.end = span.end;
    r.compound = tone.compound;
    report.sentences.push_back(std::move(r));
  }
  Tone& tone = report.tone;
  tone.compound = weight > 0 ? weighted / weight : 0;
  tone.label = tone.compound >= 0.05 ? "positive" : tone.compound <= -0.05 ? "negative" : "neutral";
  double total = pos + neg + neu;
  if (total > 0) {
    tone.positive = pos / total;
    tone.negative = neg / total;
    tone.neutral = neu / total;
  }
  if (doc.words > 0) {
    tone.gdelt_tone = 100.0 * (static_cast<double>(positive_items) - negative_items) / doc.words;
    tone.polarity = 100.0 * (static_cast<double>(positive_items) + negative_items) / doc.words;
  }

  impl.themes.Run(doc, compounds, &report, options.include_mentions);
  impl.entities.Run(doc, compounds, &report, options.include_mentions);
  std::stable_sort(report.mentions.begin(), report.mentions.end(),
                   [](const Mention& a, const Mention& b) {
                     return a.start != b.start ? a.start < b.start : a.kind < b.kind;
                   });
  if (options.utf16_offsets) ToUtf16Offsets(text, &report);
  if (!options.include_sentences) report.sentences.clear();
  return report;
}

}  // namespace newslens
