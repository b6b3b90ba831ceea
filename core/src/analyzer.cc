#include "newslens/analyzer.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <new>
#include <unordered_set>

#include "builtin.h"
#include "embedded.h"
#include "internal.h"
#include "pipeline.h"

namespace newslens {

Result<ToneDomain> ParseToneDomain(std::string_view name) {
  if (name == "news") return ToneDomain::kNews;
  if (name == "general") return ToneDomain::kGeneral;
  if (name == "finance") return ToneDomain::kFinance;
  return Status::Error("unknown tone \"" + std::string(name) +
                       "\" (expected news, general or finance)");
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

Result<Analyzer> Analyzer::Create(const AnalyzerConfig& config) {
  auto impl = Impl::Create(config);
  if (!impl.ok()) return impl.status();
  return Analyzer(std::move(impl).value());
}

Result<std::shared_ptr<const Analyzer::Impl>> Analyzer::Impl::Create(const AnalyzerConfig& config) {
  // The built-in dictionaries, packed at build time (builtin.h): no JSON parsing at start-up.
  std::string_view packed = embedded::Packed();
  if (packed.empty())
    return Status::Error("the built-in dictionaries were not provided (embedded::Provide)");
  auto builtin = Unpack(packed);
  if (!builtin.ok()) return builtin.status();
  return Create(config, std::move(builtin).value());
}

Result<std::shared_ptr<const Analyzer::Impl>> Analyzer::Impl::Create(
    const AnalyzerConfig& config, BuiltinDictionaries builtin) {
  // Custom dictionaries first, so a malformed one fails before the engines are built.
  std::vector<CustomDictionary> custom;
  for (const DictionarySource& src : config.dictionaries) {
    auto parsed = ParseCustomDictionary(src.text, src.name);
    if (!parsed.ok()) return parsed.status();
    custom.push_back(std::move(parsed).value());
  }
  auto impl = std::make_shared<Impl>();
  // The built-in dictionaries are this call's own: moved into the engines, never copied.
  for (auto& a : builtin.text.abbreviations) impl->abbreviations.insert(std::move(a));
  EntityWords entity_words{std::move(builtin.text.org_words),
                           std::move(builtin.text.name_connectors),
                           std::move(builtin.text.org_connectors),
                           std::move(builtin.text.name_particles),
                           std::move(builtin.text.honorifics)};

  if (!config.replace_default_themes) {
    if (Status s = impl->themes.Add(std::move(builtin.themes), "themes/en.json"); !s.ok())
      return s;
  }
  std::vector<LexiconDef> general_layers, news_layers, finance_layers;
  general_layers.push_back(std::move(builtin.general));
  news_layers.push_back(std::move(builtin.news));
  finance_layers.push_back(std::move(builtin.finance));
  std::vector<EntityDictionary> entity_dicts;
  entity_dicts.push_back(std::move(builtin.countries));
  entity_dicts.push_back(std::move(builtin.organizations));
  for (size_t i = 0; i < custom.size(); ++i) {
    CustomDictionary& c = custom[i];
    const std::string& name = config.dictionaries[i].name;
    if (c.kind == CustomDictionary::Kind::kThemes) {
      if (Status s = impl->themes.Add(std::move(c.themes), name); !s.ok()) return s;
    } else if (c.kind == CustomDictionary::Kind::kLexicon) {
      news_layers.push_back(std::move(c.lexicon));
    } else {
      entity_dicts.push_back(std::move(c.entities));
    }
  }
  if (Status s = impl->sentiment.Build(general_layers, news_layers, finance_layers,
                                       builtin.rules, &impl->vocab);
      !s.ok())
    return s;
  if (Status s = impl->entities.Build(entity_dicts, entity_words, &impl->vocab); !s.ok())
    return s;
  return std::shared_ptr<const Impl>(std::move(impl));
}

uint64_t Analyzer::Impl::NextId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

size_t Analyzer::theme_count() const { return impl_->themes.theme_count(); }
size_t Analyzer::term_count() const { return impl_->themes.term_count(); }

namespace {

// The UTF-16 position of every non-ASCII character of a text, to convert byte offsets without
// walking the text once per offset. Most news text is ASCII but for quotes and dashes, so the
// table is short; an all-ASCII text has none and its offsets are already UTF-16 units.
struct Utf16Map {
  struct Wide {
    uint32_t byte;   // where the character starts
    uint32_t units;  // UTF-16 units before it
    uint8_t len;     // its bytes
    uint8_t width;   // its UTF-16 units (2 for a surrogate pair)
  };
  std::vector<Wide> wide;
  uint32_t size = 0, total_units = 0;

  // Characters (code points) counted on the way, for the report's stats.
  uint32_t Build(std::string_view text) {
    wide.clear();
    size = static_cast<uint32_t>(text.size());
    uint32_t units = 0, chars = 0;
    const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
    for (uint32_t i = 0; i < size;) {
      if (i + 8 <= size) {  // eight ASCII bytes at a time: most of any news text
        uint64_t x;
        std::memcpy(&x, p + i, 8);
        if ((x & 0x8080808080808080ull) == 0) {
          units += 8;
          chars += 8;
          i += 8;
          continue;
        }
      }
      unsigned char c = p[i];
      if (c < 0x80) {
        ++units;
        ++chars;
        ++i;
        continue;
      }
      // The same stepping as the tokenizer's view of valid UTF-8 (continuation bytes skipped).
      uint8_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      uint8_t width = c >= 0xF0 ? 2 : 1;
      wide.push_back({i, units, len, width});
      units += width;
      for (uint32_t k = i; k < i + len && k < size; ++k) chars += (p[k] & 0xC0) != 0x80;
      i += len;
    }
    total_units = units;
    return chars;
  }

  // UTF-16 units before byte offset b (an offset inside a character counts it whole).
  uint32_t Units(uint32_t b) const {
    if (b >= size) return total_units;
    auto it = std::lower_bound(wide.begin(), wide.end(), b,
                               [](const Wide& w, uint32_t x) { return w.byte < x; });
    if (it == wide.begin()) return b;
    const Wide& w = *(it - 1);  // the last wide character starting before b
    if (b < w.byte + w.len) return w.units + w.width;
    return w.units + w.width + (b - w.byte - w.len);
  }
};

// Converts every byte offset in the draft to UTF-16 code units.
void ToUtf16Offsets(const Utf16Map& map, Draft* report) {
  if (map.wide.empty()) return;
  for (auto& s : report->sentences) {
    s.start = map.Units(s.start);
    s.end = map.Units(s.end);
  }
  for (auto& m : report->mentions) {
    m.start = map.Units(m.start);
    m.end = map.Units(m.end);
  }
}

// Orders mentions by start, then kind, keeping the order they were found in for ties (a stable
// sort). The tone, theme and entity stages each append theirs in text order, so the usual case
// is a merge of three sorted runs, done on indices so that each Mention moves once; anything
// else falls back to the sort.
void OrderMentions(std::vector<DraftMention>* mentions, size_t after_tone, size_t after_themes) {
  std::vector<DraftMention>& m = *mentions;
  auto before = [&](uint32_t a, uint32_t b) {
    return m[a].start != m[b].start ? m[a].start < m[b].start : m[a].kind < m[b].kind;
  };
  const uint32_t n = static_cast<uint32_t>(m.size());
  const uint32_t bounds[4] = {0, static_cast<uint32_t>(after_tone),
                              static_cast<uint32_t>(after_themes), n};
  for (int r = 0; r < 3; ++r)
    for (uint32_t i = bounds[r] + 1; i < bounds[r + 1]; ++i)
      if (before(i, i - 1)) {
        std::stable_sort(m.begin(), m.end(), [](const DraftMention& a, const DraftMention& b) {
          return a.start != b.start ? a.start < b.start : a.kind < b.kind;
        });
        return;
      }
  thread_local std::vector<uint32_t> order;
  order.clear();
  uint32_t at[3] = {bounds[0], bounds[1], bounds[2]};
  while (order.size() < n) {
    int pick = -1;  // the run whose head comes first; the earlier run on ties (stable)
    for (int r = 0; r < 3; ++r)
      if (at[r] < bounds[r + 1] && (pick < 0 || before(at[r], at[pick]))) pick = r;
    order.push_back(at[pick]++);
  }
  thread_local std::vector<DraftMention> sorted;
  sorted.resize(n);
  for (uint32_t k = 0; k < n; ++k) sorted[k] = m[order[k]];
  m.swap(sorted);
  constexpr size_t kKeepOrder = 1u << 18;  // a huge article's index is not kept by the thread
  if (order.capacity() > kKeepOrder) {
    std::vector<uint32_t>().swap(order);
    std::vector<DraftMention>().swap(sorted);
  }
}

}  // namespace

namespace {

// What a word token resolves to: normalize, stem and dictionary ids, the expensive part of
// building a document. News repeats its words within an article and across articles, so each
// distinct (bytes, case/compound/apostrophe flags) is resolved once per thread and analyzer and
// kept in a WordCache.
struct WordInfo {
  uint32_t surface;      // Vocab id of the normalized form, or kNoId
  uint32_t key;          // ThemeEngine key, or kNoId
  uint32_t wild;         // ThemeEngine::RootWildcard, or kNoId
  uint32_t lower_begin;  // the normalized form: Document::kShared | offset in the cache's
  uint32_t lower_len;    // arena, or an offset in Document::lower when not cached
  bool whole;            // compound heads: kept whole (an engine knows the compound)
};

// The flags a word's resolution depends on besides its bytes (parts of a compound share bytes
// with whole words but not these flags). Whatever resolve() below reads from a token other than
// its bytes must be in this mask: ThemeEngine::KeyFor, RootWildcard, KnowsCompound and the
// vocabulary lookups read only these (internal.h says so at KeyFor).
constexpr uint16_t kMemoFlags = kAllCaps | kCompound | kApostrophe;

// Open-addressing table from word bytes to WordInfo, one per thread, kept across documents. It
// belongs to one analyzer at a time (ids differ between analyzers) and starts over when another
// analyzer uses the thread or when it is nearly full. Its memory is allocated once, at a fixed
// size (kSlots slots, kArenaBytes of word bytes), and never grows: analysing any number of
// articles leaves the heap where it was. Words too long to be worth caching, and words met
// while it is full, are resolved into the document alone.
class WordCache {
 public:
  static constexpr uint32_t kSlots = 1u << 16;       // power of two; at most half are used
  static constexpr uint32_t kArenaBytes = 1u << 20;  // original and normalized bytes of words
  static constexpr uint32_t kMaxWordBytes = 64;      // longer words are not cached

  // Called at the start of every document.
  void Begin(uint64_t owner) {
    if (!slots_) {
      // Zeroed by calloc (generation 0: every slot empty), not by a constructor loop: the OS
      // hands out zero pages, so the first analysis no longer writes 2.6 MB it may never read
      // (that loop was 40 % of a first analysis of the sample, natively).
      slots_.reset(static_cast<Slot*>(std::calloc(kSlots, sizeof(Slot))));
      if (!slots_) throw std::bad_alloc();
      arena_.reset(new char[kArenaBytes]);
    }
    // Start over for another analyzer, or before the document could find the cache full.
    if (owner != owner_ || used_ > kSlots / 2 - kSlots / 8 ||
        arena_used_ > kArenaBytes - kArenaBytes / 8) {
      owner_ = owner;
      used_ = 0;
      arena_used_ = 0;
      if (++generation_ == 0) {  // wrapped: stale stamps could look current
        for (uint32_t i = 0; i < kSlots; ++i) slots_[i].generation = 0;
        generation_ = 1;
      }
    }
  }

  const char* arena() const { return arena_.get(); }

  // The cached resolution of a word (bytes, flags): *hit tells whether it was there; otherwise
  // the returned entry is to be filled, its normalized form copied with Keep(). nullptr when
  // the word cannot be cached.
  WordInfo* Find(const char* bytes, uint32_t len, uint16_t flags, bool* hit) {
    *hit = false;
    if (len > kMaxWordBytes) return nullptr;
    const uint64_t h = HashBytes(bytes, len) ^ flags;
    const uint32_t tag = static_cast<uint32_t>(h >> 32);
    constexpr uint32_t mask = kSlots - 1;
    for (uint32_t i = static_cast<uint32_t>(h) & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.generation != generation_) {
        // 2 * len: the word and, at most as long, its normalized form.
        if (used_ + 1 > kSlots / 2 || arena_used_ + 2 * len > kArenaBytes) return nullptr;
        ++used_;
        s.generation = generation_;
        s.tag = tag;
        s.begin = arena_used_;
        s.len = static_cast<uint8_t>(len);
        s.flags = flags;
        std::memcpy(arena_.get() + arena_used_, bytes, len);
        arena_used_ += len;
        return &s.info;
      }
      if (s.tag == tag && s.len == len && s.flags == flags &&
          std::memcmp(arena_.get() + s.begin, bytes, len) == 0) {
        *hit = true;
        return &s.info;
      }
    }
  }

  // Copies a normalized form (no longer than the word just added by Find) into the arena and
  // returns its offset with Document::kShared set.
  uint32_t Keep(std::string_view norm) {
    const uint32_t at = arena_used_;
    std::memcpy(arena_.get() + at, norm.data(), norm.size());
    arena_used_ += static_cast<uint32_t>(norm.size());
    return Document::kShared | at;
  }

 private:
  struct Slot {  // trivial: all zeros is an empty slot
    uint32_t generation;
    uint32_t tag;
    uint32_t begin;
    uint8_t len;
    uint16_t flags;
    WordInfo info;
  };
  struct Free {
    void operator()(Slot* p) const { std::free(p); }
  };
  std::unique_ptr<Slot[], Free> slots_;
  std::unique_ptr<char[]> arena_;
  uint64_t owner_ = 0;
  uint32_t used_ = 0, arena_used_ = 0, generation_ = 0;
};

}  // namespace

void Analyzer::Impl::BuildDocument(std::string_view text, std::vector<Token>* raw_tokens,
                                   Document* doc) const {
  thread_local WordCache cache;
  thread_local std::string norm, scratch, scratch2;
  doc->text = text;
  Tokenize(text, raw_tokens);
  const std::vector<Token>& raw = *raw_tokens;
  const size_t n = raw.size();
  cache.Begin(id);
  doc->shared = cache.arena();
  doc->tokens.resize(n);
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
  auto resolve = [&](const Token& t, WordInfo* info, bool cached) {
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
  WordInfo uncached;
  auto lookup = [&](const Token& t) -> const WordInfo& {
    bool hit;
    WordInfo* info = cache.Find(text.data() + t.begin, t.end - t.begin,
                                static_cast<uint16_t>(t.flags & kMemoFlags), &hit);
    if (hit) return *info;
    if (info) {
      resolve(t, info, true);
      return *info;
    }
    resolve(t, &uncached, false);
    return uncached;
  };
  auto keep = [&](const Token& t) {
    doc->tokens[out] = t;
    if (t.is_word()) {
      const WordInfo& info = lookup(t);
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
  doc->tokens.resize(out);
  doc->lower_begin.resize(out);
  doc->lower_len.resize(out);
  doc->surface.resize(out);
  doc->theme_key.resize(out);
  doc->theme_wild.resize(out);
}

void Analyzer::Impl::Sentences(Document* doc) const {
  doc->sentences = SplitSentences(doc->text, doc->tokens, abbreviations);
}

void Analyzer::Impl::Tone(const Document& doc, const Options& options,
                          std::vector<double>* compounds_out, Draft* report_out) const {
  const Impl& impl = *this;
  Draft& report = *report_out;
  std::vector<double>& compounds = *compounds_out;
  // Tone: sentences, then the document from the sum of their valences, scaled to the
  // engine's reference length so that it does not drift to +/-1 as length grows (docs/tone.md).
  compounds.assign(doc.sentences.size(), 0.0);
  double sum = 0, words = 0, pos = 0, neg = 0, neu = 0;
  uint32_t positive_items = 0, negative_items = 0;
  std::vector<DraftMention>* mention_sink = options.include_mentions ? &report.mentions : nullptr;
  report.sentences.reserve(doc.sentences.size());
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Span& span = doc.sentences[s];
    SentenceTone tone = impl.sentiment.Score(doc, span, options.tone, mention_sink);
    compounds[s] = tone.compound;
    sum += tone.sum;
    words += tone.words;
    pos += tone.pos_sum;
    neg += std::fabs(tone.neg_sum);
    neu += tone.neu_count;
    positive_items += tone.positive_items;
    negative_items += tone.negative_items;
    DraftSentence r;
    r.start = span.begin;
    r.end = span.end;
    r.compound = tone.compound;
    report.sentences.push_back(r);
  }
  newslens::Tone& tone = report.tone;
  tone.compound = impl.sentiment.Normalize(impl.sentiment.Scaled(sum, words));
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
}

void Analyzer::Impl::Run(std::string_view text, const Options& options, Draft* draft) const {
  // Kept by the thread between articles so their vectors are not allocated again each time;
  // released after a very large article so that it does not hold its memory.
  thread_local Document doc;
  thread_local std::vector<Token> raw;
  struct Release {
    ~Release() {
      constexpr size_t kKeepTokens = 1u << 18;
      if (raw.capacity() > kKeepTokens) {
        doc = Document();
        raw = std::vector<Token>();
      }
    }
  } release;
  BuildDocument(text, &raw, &doc);
  Sentences(&doc);

  Draft& report = *draft;
  report.Clear();
  report.stats.words = doc.words;
  report.stats.sentences = static_cast<uint32_t>(doc.sentences.size());
  report.stats.paragraphs = CountParagraphs(doc.tokens);
  thread_local Utf16Map utf16;
  report.stats.characters = utf16.Build(text);

  thread_local std::vector<double> compounds;
  // News text has about one tone, theme or actor mention per three tokens: room for that
  // up front instead of growing the vector of Mentions (large structs) by doubling.
  if (options.include_mentions) report.mentions.reserve(doc.tokens.size() / 3 + 16);
  Tone(doc, options, &compounds, &report);
  const size_t after_tone = report.mentions.size();
  if (options.include_themes) themes.Run(doc, compounds, &report, options.include_mentions);
  const size_t after_themes = report.mentions.size();
  if (options.include_entities) entities.Run(doc, compounds, &report, options.include_mentions);
  OrderMentions(&report.mentions, after_tone, after_themes);
  if (options.utf16_offsets) ToUtf16Offsets(utf16, &report);
  if (!options.include_sentences) report.sentences.clear();
}

namespace {

// Checks the input's size, makes it valid text (NUL bytes become spaces: one byte, one UTF-16
// unit, offsets unchanged in either unit; invalid UTF-8 is sanitized), analyses it into the
// thread's draft and returns finish(draft): the Report, or its JSON.
template <typename Out, typename Finish>
Result<Out> AnalyzeInto(const Analyzer::Impl& impl, std::string_view input, const Options& options,
                        Finish finish) {
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
  // Kept by the thread between articles (its vectors grow once), released after a very large
  // one so that it does not hold its memory.
  thread_local Draft draft;
  if (IsValidUtf8(input)) {
    impl.Run(input, options, &draft);
  } else {
    impl.Run(SanitizeUtf8(input), options, &draft);
  }
  Out out = finish(draft, impl.themes, impl.id);
  constexpr size_t kKeepMentions = 1u << 16;
  if (draft.mentions.capacity() > kKeepMentions || draft.sentences.capacity() > kKeepMentions / 4)
    draft = Draft();
  return out;
}

}  // namespace

Result<Report> Analyzer::Analyze(std::string_view input, const Options& options) const {
  return AnalyzeInto<Report>(*impl_, input, options, &Materialize);
}

Status Analyzer::Analyze(std::string_view input, const Options& options, Report* report) const {
  auto done = AnalyzeInto<bool>(*impl_, input, options,
                                [report](const Draft& draft, const ThemeEngine& themes, uint64_t) {
                                  MaterializeInto(draft, themes, report);
                                  return true;
                                });
  return done.ok() ? Status() : done.status();
}

Result<std::string> Analyzer::AnalyzeToJson(std::string_view input, const Options& options) const {
  return AnalyzeInto<std::string>(
      *impl_, input, options,
      static_cast<std::string (*)(const Draft&, const ThemeEngine&, uint64_t)>(&ToJson));
}

Status Analyzer::AnalyzeToFlat(std::string_view input, const Options& options,
                               FlatReport* out) const {
  auto done = AnalyzeInto<bool>(*impl_, input, options,
                                [out](const Draft& draft, const ThemeEngine& themes, uint64_t owner) {
                                  ToFlat(draft, themes, owner, out);
                                  return true;
                                });
  return done.ok() ? Status() : done.status();
}

}  // namespace newslens
