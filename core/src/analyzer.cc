#include "newslens/analyzer.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <iterator>
#include <unordered_set>

#include "analyzer_build.h"
#include "builtin.h"
#include "flat.h"
#include "embedded.h"
#include "pipeline.h"
#include "utf16_map.h"
#include "word_cache.h"
#include "workspace.h"

namespace newslens {


Result<Analyzer> Analyzer::Create(const AnalyzerConfig& config) {
  auto impl = Impl::Create(config);
  if (!impl.ok()) return impl.status();
  return Analyzer(std::move(impl).value());
}

// One code path for every way of building: Create is AnalyzerBuild run without pausing.
Result<std::shared_ptr<const Analyzer::Impl>> Analyzer::Impl::Create(const AnalyzerConfig& config) {
  AnalyzerBuild build(config);
  while (build.Step()) {
  }
  auto built = build.Finish();
  if (!built.ok()) return built.status();
  return std::move(built).value().impl_;
}

Result<std::shared_ptr<const Analyzer::Impl>> Analyzer::Impl::Create(
    const AnalyzerConfig& config, BuiltinDictionaries builtin) {
  AnalyzerBuild build(config, std::move(builtin));
  while (build.Step()) {
  }
  auto built = build.Finish();
  if (!built.ok()) return built.status();
  return std::move(built).value().impl_;
}

// The steps, in the order of the one-call build they replace: the packed dictionaries read
// (Unpacker's parts), the custom dictionaries parsed (so that a malformed one fails before the
// engines are built), the built-in taxonomy compiled a slice of terms at a time, the custom
// dictionaries filed (a theme dictionary compiled), the tone lexicons, the actors' dictionaries.
struct AnalyzerBuild::State {
  enum Phase { kUnpack, kParse, kThemes, kCustom, kSentiment, kEntities, kDone };
  AnalyzerConfig config;
  Phase phase = kUnpack;
  int steps = 0;
  Status status;
  std::string_view packed;  // embedded::Packed(), which lives as long as the program
  std::unique_ptr<Unpacker> unpacker;
  BuiltinDictionaries builtin;
  std::vector<CustomDictionary> custom;
  std::shared_ptr<Analyzer::Impl> impl;
  EntityWords entity_words;
  std::vector<LexiconDef> general_layers, news_layers, finance_layers;
  std::vector<EntityDictionary> entity_dicts;
  // The built-in taxonomy's slices: the theme (index into builtin.themes.themes) and term where
  // the next one starts.
  size_t theme = 0, term = 0;
  size_t terms_per_step = AnalyzerBuild::kWhole;
  size_t theme_custom = 0;  // the next custom dictionary to file (kCustom)

  void Start();      // after the dictionaries are read and parsed: the engines' inputs
  bool ThemeSlice();  // the next slice of the built-in taxonomy; false when none is left
};

NEWSLENS_STARTUP_CODE AnalyzerBuild::AnalyzerBuild(AnalyzerConfig config, size_t terms_per_step)
    : state_(std::make_unique<State>()) {
  state_->config = std::move(config);
  state_->terms_per_step = terms_per_step ? terms_per_step : 1;
  state_->packed = embedded::Packed();
  if (state_->packed.empty())
    state_->status = Status::Error("the built-in dictionaries were not provided (embedded::Provide)");
  else
    state_->unpacker = std::make_unique<Unpacker>(
        state_->packed, terms_per_step > kWhole / 2 ? kWhole : 2 * terms_per_step);
}

NEWSLENS_STARTUP_CODE AnalyzerBuild::AnalyzerBuild(AnalyzerConfig config, BuiltinDictionaries builtin,
                             size_t terms_per_step)
    : state_(std::make_unique<State>()) {
  state_->config = std::move(config);
  state_->terms_per_step = terms_per_step ? terms_per_step : 1;
  state_->builtin = std::move(builtin);
  state_->phase = State::kParse;
}

AnalyzerBuild::~AnalyzerBuild() = default;

int AnalyzerBuild::steps() const { return state_->steps; }

NEWSLENS_STARTUP_CODE void AnalyzerBuild::State::Start() {
  impl = std::make_shared<Analyzer::Impl>();
  // The built-in dictionaries are this build's own: moved into the engines, never copied.
  for (auto& a : builtin.text.abbreviations) impl->abbreviations.insert(std::move(a));
  for (auto& a : builtin.text.title_abbreviations) impl->title_abbreviations.insert(std::move(a));
  entity_words = EntityWords{std::move(builtin.text.org_words),
                             std::move(builtin.text.name_connectors),
                             std::move(builtin.text.org_connectors),
                             std::move(builtin.text.name_particles),
                             std::move(builtin.text.honorifics),
                             std::move(builtin.text.speech_verbs),
                             std::move(builtin.text.place_words),
                             std::move(builtin.text.place_prefixes),
                             std::move(builtin.text.sports_words),
                             std::move(builtin.text.match_words),
                             std::move(builtin.text.company_nouns),
                             std::move(builtin.text.company_after),
                             std::move(builtin.text.regions),
                             std::move(builtin.text.event_words)};
  general_layers.push_back(std::move(builtin.general));
  news_layers.push_back(std::move(builtin.news));
  finance_layers.push_back(std::move(builtin.finance));
  entity_dicts.push_back(std::move(builtin.countries));
  entity_dicts.push_back(std::move(builtin.organizations));
}

NEWSLENS_STARTUP_CODE bool AnalyzerBuild::State::ThemeSlice() {
  std::vector<ThemeDef>& themes = builtin.themes.themes;
  // ThemeEngine::Add compiles a dictionary's terms in order, and a later dictionary may add terms
  // to a theme or a cue set an earlier one defined: the same engine as one Add when the slices
  // keep the order. The first slice defines every theme (ids, labels, parents; the themes'
  // order) and every cue set (still without words); the last one gives the cue sets their
  // words, which one Add compiles after all the themes' terms.
  const bool first = theme == 0 && term == 0;
  size_t total = 0;
  if (first)
    for (const ThemeDef& t : themes) total += t.terms.size();
  if (first && total <= terms_per_step) {  // one slice: the dictionary itself, compiled whole
    status = impl->themes.Add(std::move(builtin.themes), "themes/en.json");
    return false;
  }
  ThemeDictionary slice;
  size_t taken = 0;
  if (first) {
    slice.themes.reserve(themes.size());
    for (const ThemeDef& t : themes) {
      ThemeDef def;
      def.id = t.id;
      def.label = t.label;
      def.parent = t.parent;
      def.iptc = t.iptc;
      slice.themes.push_back(std::move(def));
    }
    for (const CueSetDef& set : builtin.themes.cue_sets) slice.cue_sets.push_back({set.name, {}});
  }
  while (theme < themes.size() && taken < terms_per_step) {
    ThemeDef& from = themes[theme];
    const size_t n = std::min(from.terms.size() - term, terms_per_step - taken);
    ThemeDef* to;
    if (first) {
      to = &slice.themes[theme];
    } else {
      slice.themes.emplace_back();
      to = &slice.themes.back();
      to->id = from.id;
    }
    to->terms.assign(std::make_move_iterator(from.terms.begin() + static_cast<ptrdiff_t>(term)),
                     std::make_move_iterator(from.terms.begin() + static_cast<ptrdiff_t>(term + n)));
    term += n;
    taken += n;
    if (term == from.terms.size()) {
      ++theme;
      term = 0;
    }
  }
  const bool last = theme >= themes.size();
  if (last) slice.cue_sets = std::move(builtin.themes.cue_sets);
  status = impl->themes.Add(std::move(slice), "themes/en.json");
  if (last) themes.clear();
  return !last;
}

NEWSLENS_STARTUP_CODE bool AnalyzerBuild::Step() {
  State& s = *state_;
  if (!s.status.ok() || s.phase == State::kDone) return false;
  ++s.steps;
  switch (s.phase) {
    case State::kUnpack:
      if (s.unpacker->Step()) return true;
      if (auto builtin = s.unpacker->Finish(); builtin.ok()) {
        s.builtin = std::move(builtin).value();
      } else {
        s.status = builtin.status();
        return false;
      }
      s.unpacker.reset();
      s.phase = State::kParse;
      return true;
    case State::kParse: {
      const size_t i = s.custom.size();
      if (i < s.config.dictionaries.size()) {
        const DictionarySource& src = s.config.dictionaries[i];
        auto parsed = ParseCustomDictionary(src.text, src.name);
        if (!parsed.ok()) {
          s.status = parsed.status();
          return false;
        }
        s.custom.push_back(std::move(parsed).value());
        if (s.custom.size() < s.config.dictionaries.size()) return true;
      }
      s.Start();
      s.phase = s.config.replace_default_themes ? State::kCustom : State::kThemes;
      if (s.config.replace_default_themes) s.builtin.themes = ThemeDictionary();
      return true;
    }
    case State::kThemes: {
      const bool more = s.ThemeSlice();
      if (!s.status.ok()) return false;
      if (!more) s.phase = State::kCustom;
      return true;
    }
    case State::kCustom: {
      // Lexicons and entity dictionaries are filed at once; a theme dictionary is a step.
      while (s.theme_custom < s.custom.size()) {
        CustomDictionary& c = s.custom[s.theme_custom];
        const std::string& name = s.config.dictionaries[s.theme_custom].name;
        ++s.theme_custom;
        if (c.kind == CustomDictionary::Kind::kThemes) {
          s.status = s.impl->themes.Add(std::move(c.themes), name);
          return s.status.ok();
        } else if (c.kind == CustomDictionary::Kind::kLexicon) {
          s.news_layers.push_back(std::move(c.lexicon));
        } else {
          s.entity_dicts.push_back(std::move(c.entities));
        }
      }
      s.phase = State::kSentiment;
      return true;
    }
    case State::kSentiment:
      s.status = s.impl->sentiment.Build(s.general_layers, s.news_layers, s.finance_layers,
                                         s.builtin.rules, &s.impl->vocab);
      s.phase = State::kEntities;
      return s.status.ok();
    case State::kEntities:
      s.status = s.impl->entities.Build(s.entity_dicts, s.entity_words, &s.impl->vocab);
      s.phase = State::kDone;
      return false;
    case State::kDone:
      break;
  }
  return false;
}

NEWSLENS_STARTUP_CODE Result<Analyzer> AnalyzerBuild::Finish() {
  State& s = *state_;
  if (!s.status.ok()) return s.status;
  if (s.phase != State::kDone) return Status::Error("the analyzer is not built yet");
  std::shared_ptr<const Analyzer::Impl> impl(std::move(s.impl));
  // The build is spent: a second Finish gets an error, not an analyzer with nothing behind it.
  s.status = Status::Error("the analyzer was already finished");
  return Analyzer::Impl::Wrap(std::move(impl));
}

uint64_t Analyzer::Impl::NextId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

size_t Analyzer::theme_count() const { return impl_->themes.theme_count(); }
size_t Analyzer::term_count() const { return impl_->themes.term_count(); }

namespace {

// Orders mentions by start, then kind, keeping the order they were found in for ties (a stable
// sort). The entity, theme and tone stages each append theirs in text order, so the usual case
// is a merge of three sorted runs, done on indices so that each Mention moves once; anything
// else falls back to the sort.
void OrderMentions(std::vector<DraftMention>* mentions, size_t after_entities, size_t after_themes,
                   Workspace* ws) {
  std::vector<DraftMention>& m = *mentions;
  auto before = [&](uint32_t a, uint32_t b) {
    return m[a].start != m[b].start ? m[a].start < m[b].start : m[a].kind < m[b].kind;
  };
  const uint32_t n = static_cast<uint32_t>(m.size());
  const uint32_t bounds[4] = {0, static_cast<uint32_t>(after_entities),
                              static_cast<uint32_t>(after_themes), n};
  for (int r = 0; r < 3; ++r)
    for (uint32_t i = bounds[r] + 1; i < bounds[r + 1]; ++i)
      if (before(i, i - 1)) {
        std::stable_sort(m.begin(), m.end(), [](const DraftMention& a, const DraftMention& b) {
          return a.start != b.start ? a.start < b.start : a.kind < b.kind;
        });
        return;
      }
  std::vector<uint32_t>& order = ws->mention_order;
  order.clear();
  uint32_t at[3] = {bounds[0], bounds[1], bounds[2]};
  while (order.size() < n) {
    int pick = -1;  // the run whose head comes first; the earlier run on ties (stable)
    for (int r = 0; r < 3; ++r)
      if (at[r] < bounds[r + 1] && (pick < 0 || before(at[r], at[pick]))) pick = r;
    order.push_back(at[pick]++);
  }
  std::vector<DraftMention>& sorted = ws->sorted_mentions;
  sorted.resize(n);
  for (uint32_t k = 0; k < n; ++k) sorted[k] = m[order[k]];
  m.swap(sorted);
}

}  // namespace

void Analyzer::Impl::BuildDocument(std::string_view text, std::vector<Token>* raw_tokens,
                                   Document* doc) const {
  Workspace& ws = Workspace::ForThread();
  WordCache& cache = ws.words;
  std::string &norm = ws.norm, &scratch = ws.scratch, &scratch2 = ws.scratch2;
  doc->text = text;
  Tokenize(text, raw_tokens);
  // The document's tokens are written over the tokenizer's, in place (a kept token is never
  // after the raw token it comes from), then the two vectors swap: one token array at the
  // peak, not two (12 bytes per token of a huge input, issue 23).
  std::vector<Token>& raw = *raw_tokens;
  const size_t n = raw.size();
  cache.Begin(id);
  doc->shared = cache.arena();
  doc->lower_begin.resize(n);
  doc->lower_len.resize(n);
  doc->surface.resize(n);
  doc->theme_key.resize(n);
  doc->theme_wild.resize(n);
  doc->lower.clear();
  doc->words = 0;
  size_t out = 0;

  // Resolves word token t (normalize, look up, stem); `cached` tells where its normalized form
  // goes: into the cache's arena, or into the document's.
  auto resolve = [&](const Token& t, ResolvedWord* info, bool cached) {
    std::string_view original = t.view(text);
    NormalizeWord(original, &norm);
    info->lower_len = static_cast<uint32_t>(norm.size());
    if (cached) {
      info->lower_begin = cache.Keep(norm);
    } else {
      info->lower_begin = static_cast<uint32_t>(doc->lower.size());
      doc->lower += norm;
    }
    info->surface = vocab.Find(norm);
    if (info->surface == kNoId && t.has(kApostrophe) && norm.size() > 2 &&
        norm.compare(norm.size() - 2, 2, "'s") == 0)
      info->surface = vocab.Find(std::string_view(norm).substr(0, norm.size() - 2));
    info->key = themes.KeyFor(original, norm, t, &scratch);
    info->wild = themes.RootWildcard(norm);
    info->whole = false;
    if (t.has(kCompound)) {
      uint32_t id = vocab.Find(norm);
      info->whole = (id != kNoId && (sentiment.Knows(id) || entities.Knows(id))) ||
                    themes.KnowsCompound(norm, &scratch, &scratch2);
    }
  };
  ResolvedWord uncached;
  auto lookup = [&](const Token& t) -> const ResolvedWord& {
    bool hit;
    ResolvedWord* info = cache.Find(text.data() + t.begin, t.end - t.begin,
                                static_cast<uint16_t>(t.flags & kMemoFlags), &hit);
    if (hit) return *info;
    if (info) {
      resolve(t, info, true);
      return *info;
    }
    resolve(t, &uncached, false);
    return uncached;
  };
  auto keep = [&](const Token& t) {  // t is raw[i] with i >= out, or a copy
    raw[out] = t;
    if (t.is_word()) {
      const ResolvedWord& info = lookup(t);
      doc->lower_begin[out] = info.lower_begin;
      doc->lower_len[out] = info.lower_len;
      doc->surface[out] = info.surface;
      doc->theme_key[out] = info.key;
      doc->theme_wild[out] = info.wild;
    } else {
      doc->lower_begin[out] = 0;
      doc->lower_len[out] = 0;
      doc->surface[out] = kNoId;
      doc->theme_key[out] = kNoId;
      doc->theme_wild[out] = kNoId;
    }
    ++out;
  };
  for (size_t i = 0; i < n; ++i) {
    const Token& t = raw[i];
    if (t.is_word() && !t.has(kPart)) ++doc->words;
    if (t.has(kCompound)) {
      bool whole = lookup(t).whole;
      size_t j = i + 1;
      while (j < n && raw[j].has(kPart)) ++j;
      if (whole) {
        keep(t);
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
  raw.resize(out);
  doc->tokens.swap(raw);
  doc->lower_begin.resize(out);
  doc->lower_len.resize(out);
  doc->surface.resize(out);
  doc->theme_key.resize(out);
  doc->theme_wild.resize(out);
}

void Analyzer::Impl::Sentences(Document* doc) const {
  doc->sentences = SplitSentences(doc->text, doc->tokens, abbreviations, &title_abbreviations);
  // A "sentence" of more than kMaxSentenceTokens tokens (text without full stops, a hyphen
  // chain) is read as pieces of at most that many, cut after the last punctuation mark of a
  // piece's second half when there is one: the stages' per-sentence scratch (tone's word list,
  // co-mentions) then stays bounded whatever the input (issue 23). News sentences are far
  // shorter, so their reports are unchanged.
  std::vector<Span>& spans = doc->sentences;
  bool any_long = false;
  for (const Span& s : spans) any_long |= s.last_token - s.first_token > kMaxSentenceTokens;
  if (!any_long) return;
  std::vector<Span> pieces;
  pieces.reserve(spans.size() + doc->tokens.size() / kMaxSentenceTokens + 1);
  for (const Span& s : spans) {
    if (s.last_token - s.first_token <= kMaxSentenceTokens) {
      pieces.push_back(s);
      continue;
    }
    for (uint32_t first = s.first_token; first < s.last_token;) {
      uint32_t last = s.last_token;
      if (last - first > kMaxSentenceTokens) {
        last = first + kMaxSentenceTokens;
        for (uint32_t k = last; k > first + kMaxSentenceTokens / 2; --k) {
          if (doc->tokens[k - 1].kind == TokenKind::kPunct) {
            last = k;
            break;
          }
        }
      }
      bool has_word = false;
      for (uint32_t k = first; k < last && !has_word; ++k) has_word = doc->tokens[k].is_word();
      if (has_word) {
        Span piece;
        piece.first_token = first;
        piece.last_token = last;
        piece.begin = first == s.first_token ? s.begin : doc->tokens[first].begin;
        piece.end = last == s.last_token ? s.end : doc->tokens[last - 1].end;
        pieces.push_back(piece);
      }
      first = last;
    }
  }
  spans.swap(pieces);
}

void Analyzer::Impl::ListSentences(const Document& doc, Draft* draft) const {
  draft->sentences.resize(doc.sentences.size());
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    DraftSentence& sentence = draft->sentences[s];
    sentence = DraftSentence();
    sentence.start = doc.sentences[s].begin;
    sentence.end = doc.sentences[s].end;
  }
}

void Analyzer::Impl::Run(std::string_view text, const Options& options, Draft* draft) const {
  Workspace& ws = Workspace::ForThread();
  Document& doc = ws.doc;
  BuildDocument(text, &ws.raw, &doc);
  // The tokenizer's output is read only by BuildDocument: a huge one is given back now rather
  // than after the stages, which lowers the peak of a huge input by 12-24 bytes per token.
  if (ws.raw.capacity() > Workspace::kKeepTokens) ws.raw = std::vector<Token>();
  Sentences(&doc);

  Draft& report = *draft;
  report.Clear();
  report.layout = LayoutOf(options);
  report.stats.words = doc.words;
  report.stats.sentences = static_cast<uint32_t>(doc.sentences.size());
  report.stats.paragraphs = CountParagraphs(doc.tokens);
  report.stats.characters = ws.utf16.Build(text);
  ListSentences(doc, &report);

  // News text has about one tone, theme or actor mention per three tokens: room for that
  // up front instead of growing the vector of Mentions (large structs) by doubling.
  if (options.include_mentions) report.mentions.reserve(doc.tokens.size() / 3 + 16);
  // The themes' name guard reads the actors' name spans (Draft::actor_spans), so the entity
  // engine runs for themes too: a theme's count must not depend on whether actors are reported.
  if (options.include_entities || options.include_themes) {
    entities.Run(doc, &report, options.include_mentions && options.include_entities);
    ActorSalience(doc, &report);
    if (!options.include_entities) {
      report.entities.clear();
      report.co_mentions.clear();
      report.actor_evidence.clear();
    }
  }
  const size_t after_entities = report.mentions.size();
  // The automatic tone reads the themes (business news is scored as business news), so they
  // run even when the report leaves them out; an explicit tone skips them then.
  const bool themes_for_tone = options.tone == ToneDomain::kAuto;
  if (options.include_themes || themes_for_tone)
    themes.Run(doc, &report, options.include_mentions && options.include_themes);
  const size_t after_themes = report.mentions.size();
  Tone(doc, options, &ws.compounds, &report);
  TopicTone(ws.compounds, &report);
  if (!options.include_themes) report.ClearThemes();
  OrderMentions(&report.mentions, after_entities, after_themes, &ws);
  if (options.utf16_offsets) ToUtf16Offsets(ws.utf16, &report);
  if (!options.include_sentences) report.sentences.clear();
}

namespace {

// Checks the input's size, makes it valid text (NUL bytes become spaces: one byte, one UTF-16
// unit, offsets unchanged in either unit; invalid UTF-8 is sanitized), analyses it into the
// thread's draft and returns finish(draft): the Report, or its JSON.
// `everything`: the caller is the C++ Report, which holds the mentions whatever the layout
// says; the JSON and the flat form compute them only when the layout carries them.
template <typename Out, typename Finish>
Result<Out> AnalyzeInto(const Analyzer::Impl& impl, std::string_view input,
                        const Options& asked, bool everything, Finish finish) {
  if (asked.schema != 1 && asked.schema != 2)
    return Status::Error("unknown report schema " + std::to_string(asked.schema) +
                         " (expected 1 or 2)");
  Options options = asked;
  if (!everything && options.schema != 1 && !options.detail_mentions)
    options.include_mentions = false;
  const size_t limit = std::min(options.max_bytes, kMaxInputBytes);
  if (input.size() > limit)
    return Status::Error("input too large: " + std::to_string(input.size()) +
                         " bytes, the limit (max_bytes) is " + std::to_string(limit));
  std::string without_nul;
  if (!input.empty() && std::memchr(input.data(), '\0', input.size()) != nullptr) {
    without_nul.assign(input);
    std::replace(without_nul.begin(), without_nul.end(), '\0', ' ');
    input = without_nul;
  }
  Workspace& ws = Workspace::ForThread();
  Draft& draft = ws.draft;
  if (IsValidUtf8(input)) {
    impl.Run(input, options, &draft);
  } else {
    impl.Run(SanitizeUtf8(input), options, &draft);
  }
  Out out = finish(draft, impl.themes, impl.id);
  ws.Release();
  return out;
}

}  // namespace

Result<Report> Analyzer::Analyze(std::string_view input, const Options& options) const {
  return AnalyzeInto<Report>(*impl_, input, options, true, &Materialize);
}

Status Analyzer::Analyze(std::string_view input, const Options& options, Report* report) const {
  auto done = AnalyzeInto<bool>(*impl_, input, options, true,
                                [report](const Draft& draft, const ThemeEngine& themes, uint64_t) {
                                  MaterializeInto(draft, themes, report);
                                  return true;
                                });
  return done.ok() ? Status() : done.status();
}

Result<std::string> Analyzer::AnalyzeToJson(std::string_view input, const Options& options) const {
  return AnalyzeInto<std::string>(
      *impl_, input, options, false,
      static_cast<std::string (*)(const Draft&, const ThemeEngine&, uint64_t)>(&ToJson));
}

Status Analyzer::AnalyzeToFlat(std::string_view input, const Options& options,
                               FlatReport* out) const {
  auto done = AnalyzeInto<bool>(*impl_, input, options, false,
                                [out](const Draft& draft, const ThemeEngine& themes, uint64_t owner) {
                                  ToFlat(draft, themes, owner, out);
                                  return true;
                                });
  return done.ok() ? Status() : done.status();
}

}  // namespace newslens
