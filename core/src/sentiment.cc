// Tone: VADER's rules (Hutto & Gilbert, ICWSM 2014; vaderSentiment.py) over layered lexicons,
// extended with clause-bounded negation scope, contrast words beyond "but", "no" as determiner,
// "not only ... but also", multi-word expressions, emoticons, and polarity shifters ("reduce the
// risk", "losses narrowed"). Word lists and constants come from rules-en.json; docs/tone.md
// describes every rule.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "draft.h"
#include "sentiment.h"
#include "sort.h"
#include "startup_code.h"

namespace newslens {

namespace {

constexpr float kAbsent = std::numeric_limits<float>::quiet_NaN();
// A sentence evaluates when one of its words is at least "slightly" positive or negative: 1 on
// VADER's -4..+4 scale, its raters' label for that step.
constexpr double kEvaluativeValence = 0.5;

enum Rule : uint32_t {
  kRuleNegated = 1,
  kRuleBoosted = 2,
  kRuleDampened = 4,
  kRuleCaps = 8,
  kRuleContrastWeak = 16,
  kRuleContrastStrong = 32,
  kRuleIdiom = 64,
  kRuleEmoticon = 128,
  kRuleReversed = 256,     // the target of a shifter of decrease: "reduce [the risk]"
  kRuleDirected = 512,     // a shifter whose sign follows its target: "costs [rose]"
  kRuleNegativity = 1024,  // a negative contribution, weighted by NEGATIVITY_WEIGHT
  kRuleEvent = 2048,       // a news event: a verb with its object ("shed [thousands of] jobs")
  kRuleSoftened = 4096,    // a negated negative, shifted rather than flipped (SO-CAL)
  kRuleCorrected = 8192,   // denied by a correction: "not [X] but Y" says Y, not the opposite of X
  kRuleNegation = 16384,   // a negator that negates no sentiment word, in an evaluative sentence
  kRuleExcess = 32768,     // "too [much]": more than is good, before a word no lexicon rates
};

// The space-separated words of `key` (views into it), into *out.
void Words(std::string_view key, std::vector<std::string_view>* out) {
  out->clear();
  size_t i = 0;
  while (i < key.size()) {
    while (i < key.size() && key[i] == ' ') ++i;
    size_t b = i;
    while (i < key.size() && key[i] != ' ') ++i;
    if (i > b) out->push_back(key.substr(b, i - b));
  }
}

std::vector<std::string_view> Words(std::string_view key) {
  std::vector<std::string_view> out;
  Words(key, &out);
  return out;
}

bool IsClauseBreak(char p) {
  return p == ',' || p == ';' || p == ':' || p == '(' || p == ')' || p == '"' || p == '-';
}

double Sign(double v) { return v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0; }

}  // namespace

const RuleName kRuleNames[] = {
    {kRuleIdiom, "idiom"},
    {kRuleEmoticon, "emoticon"},
    {kRuleCaps, "caps"},
    {kRuleBoosted, "boosted"},
    {kRuleDampened, "dampened"},
    {kRuleNegated, "negated"},
    {kRuleReversed, "reversed"},
    {kRuleDirected, "directed"},
    {kRuleNegativity, "negativity"},
    {kRuleContrastWeak, "contrast-weak"},
    {kRuleContrastStrong, "contrast-strong"},
    {kRuleEvent, "event"},
    {kRuleSoftened, "softened"},
    {kRuleCorrected, "corrected"},
    {kRuleNegation, "negation"},
    {kRuleExcess, "excess"},
};
const size_t kRuleNameCount = sizeof kRuleNames / sizeof kRuleNames[0];

struct SentimentEngine::W {
  uint32_t tok;       // first token
  uint32_t id;        // surface id (kNoId for emoticons and unknown words)
  bool break_before;  // punctuation between this word and the previous one
  uint8_t contrast;   // contrast_ index + 1 when this word starts a contrast word or phrase
  uint8_t span;       // words covered by a contrast phrase or quantity phrase starting here
  int8_t quantity;    // +1/-1/0 for a quantity word or phrase start, else kNoQuantity
  bool negates;       // this negator negated a sentiment word
  float emoticon;     // valence of an emoticon chunk, NaN otherwise
  uint32_t last_tok;  // last token (an emoticon may span several)
  int32_t item;       // index of the item covering this word, -1 if none
};

namespace {
constexpr int8_t kNoQuantity = 2;
}  // namespace

NEWSLENS_STARTUP_CODE Status SentimentEngine::Build(const std::vector<LexiconDef>& general,
                              const std::vector<LexiconDef>& news,
                              const std::vector<LexiconDef>& finance,
                              const SentimentRulesDef& rules, Vocab* vocab) {
  // Buffers reused from word to word: no allocation per dictionary entry.
  std::string word_norm, ids_norm;
  std::vector<uint32_t> phrase_ids;
  size_t entries = 0;
  for (const auto* layers : {&general, &news, &finance})
    for (const LexiconDef& lex : *layers) entries += lex.entries.size();
  vocab->Reserve(vocab->size() + entries);
  words_.reserve(vocab->size() + entries);
  auto word = [&](std::string_view w) -> WordInfo& {
    NormalizeWord(w, &word_norm);
    uint32_t id = vocab->Intern(word_norm);
    if (id >= words_.size()) {
      WordInfo blank;
      blank.valence[0] = blank.valence[1] = blank.valence[2] = kAbsent;
      words_.resize(id + 1, blank);
    }
    return words_[id];
  };
  auto ids_into = [&](const std::vector<std::string_view>& ws, std::vector<uint32_t>* out) {
    out->clear();
    for (std::string_view w : ws) {
      NormalizeWord(w, &ids_norm);
      out->push_back(vocab->Intern(ids_norm));
    }
  };
  auto ids = [&](const std::vector<std::string_view>& ws) {
    std::vector<uint32_t> out;
    ids_into(ws, &out);
    return out;
  };
  auto phrase = [&](const std::vector<std::string_view>& ws) -> PhraseInfo& {
    word(ws[0]).flags |= kPhraseStart;
    ids_into(ws, &phrase_ids);
    uint32_t node = phrases_.Insert(phrase_ids);
    uint32_t& p = phrases_.payload(node);
    if (p == kNoId) {
      p = static_cast<uint32_t>(phrase_info_.size());
      PhraseInfo blank;
      blank.valence[0] = blank.valence[1] = blank.valence[2] = kAbsent;
      phrase_info_.push_back(blank);
    }
    return phrase_info_[p];
  };
  // Layers: general -> all domains; news -> news and finance; finance -> finance only.
  auto apply = [&](const std::vector<LexiconDef>& layers, std::initializer_list<ToneDomain> ds) {
    std::vector<std::string_view> ws;
    for (const LexiconDef& lex : layers) {
      for (const auto& [key, valence] : lex.entries) {
        Words(key, &ws);
        if (ws.empty()) continue;
        float* slot = ws.size() == 1 ? word(ws[0]).valence : phrase(ws).valence;
        for (ToneDomain d : ds) slot[static_cast<int>(d)] = valence;
      }
      // Emoticons are the same in every domain; a later layer overrides an earlier one.
      for (const auto& [key, valence] : lex.emoticons) {
        if (key.empty()) continue;
        uint32_t id = emoticons_.Intern(key);
        if (id >= emoticon_valence_.size()) emoticon_valence_.resize(id + 1, 0);
        emoticon_valence_[id] = valence;
        emoticon_first_[static_cast<unsigned char>(key[0])] = true;
        emoticon_max_ = std::max(emoticon_max_, key.size());
      }
    }
  };
  apply(general, {ToneDomain::kNews, ToneDomain::kGeneral, ToneDomain::kFinance});
  apply(news, {ToneDomain::kNews, ToneDomain::kFinance});
  apply(finance, {ToneDomain::kFinance});
  auto list = [&](const char* name) -> const std::vector<std::string>& {
    static const std::vector<std::string> kEmpty;
    auto it = rules.lists.find(name);
    return it == rules.lists.end() ? kEmpty : it->second;
  };
  // Emoticons that read as numbers or list markers in news ("(8", "8)", "0:03").
  for (const std::string& e : list("emoticon_exclusions")) {
    uint32_t id = emoticons_.Find(e);
    if (id != kNoId) emoticon_valence_[id] = 0;
  }

  for (const std::string& n : rules.negators) {
    std::vector<std::string_view> ws = Words(n);
    if (ws.size() == 1) {
      word(ws[0]).flags |= kNegator;
    } else if (ws.size() == 2) {
      std::vector<uint32_t> pair = ids(ws);
      word(ws[0]);  // make sure both ids exist in words_
      word(ws[1]);
      negator_pairs_.insert((static_cast<uint64_t>(pair[0]) << 32) | pair[1]);
    }
  }
  for (const auto& [w, scalar] : rules.boosters) {
    if (Words(w).size() != 1) continue;  // multi-word boosters ("kind of") are not used
    WordInfo& info = word(w);
    info.flags |= kBooster;
    info.booster = scalar;
  }
  for (const auto& [w, def] : rules.contrast) {
    std::vector<std::string_view> ws = Words(w);
    if (ws.empty()) continue;
    contrast_.push_back(def);
    uint8_t index = static_cast<uint8_t>(contrast_.size());
    if (ws.size() == 1) {
      WordInfo& info = word(w);
      info.flags |= kContrast;
      info.contrast = index;
    } else {
      phrase(ws).contrast = index;
    }
  }
  for (const std::string& w : list("shifters.up"))
    if (Words(w).size() == 1) word(w).flags |= kShiftUp;
  for (const std::string& w : list("shifters.down"))
    if (Words(w).size() == 1) word(w).flags |= kShiftDown;
  for (const std::string& w : list("shifters.stops"))
    if (Words(w).size() == 1) word(w).flags |= kShiftStop;
  for (const std::string& w : list("shifters.skips"))
    if (Words(w).size() == 1) word(w).flags |= kShiftSkip;
  for (auto [name, sign] :
       {std::pair{"quantities.good", 1}, {"quantities.bad", -1}, {"quantities.neutral", 0}}) {
    for (const std::string& q : list(name)) {
      std::vector<std::string_view> ws = Words(q);
      if (ws.size() == 1) {
        WordInfo& info = word(ws[0]);
        info.flags |= kQuantity;
        info.quantity = static_cast<int8_t>(sign);
      } else if (ws.size() > 1) {
        PhraseInfo& info = phrase(ws);
        info.quantity = true;
        info.quantity_sign = static_cast<int8_t>(sign);
      }
    }
  }

  // Negation scope and context guards (docs/tone.md, "Negation scope").
  for (auto [name, flag] : {std::pair{"negation_scope.clause_openers", kClauseOpener},
                            {"negation_scope.noun_phrase_ends", kNounPhraseEnd},
                            {"negation_scope.verb_group", kVerbGroup},
                            {"negation_scope.complement_heads", kClauseOpener},
                            {"excess.words", kExcess},
                            {"excess.not_after", kExcessBlocker},
                            {"shifters.no_object", kShiftNoObject},
                            {"opposition.verbs", kOppose},
                            {"opposition.nouns", kOppose},
                            {"opposition.nouns", kOpposeNoun},
                            {"opposition.links", kOpposeLink},
                            {"opposition.before_verbs", kOpposeSubject},
                            {"shifters.particles", kParticle},
                            {"shifters.against_prefixes", kAgainstPrefix},
                            {"events.auxiliaries", kEventAux},
                            {"discourse_markers", kDiscourse},
                            {"shifters.locatives", kLocative},
                            {"shifters.landing", kFallVerb},
                            {"shifters.locative_openers", kLocativeOpener},
                            {"shifters.not_adverbs", kNotAdverb}})
    for (const std::string& w : list(name))
      if (Words(w).size() == 1) word(w).flags |= flag;
  // News events: lists event_verbs.NAME and event_objects.NAME, valence constant event.NAME.
  for (const auto& [name, verbs] : rules.lists) {
    constexpr std::string_view kVerbs = "event_verbs.";
    if (name.compare(0, kVerbs.size(), kVerbs) != 0) continue;
    const std::string event = name.substr(kVerbs.size());
    auto objects = rules.lists.find("event_objects." + event);
    auto valence = rules.constants.find("event." + event);
    if (objects == rules.lists.end() || valence == rules.constants.end()) continue;
    if (event_valence_.size() >= 32) break;  // one bit per event in WordInfo
    const uint32_t bit = 1u << event_valence_.size();
    event_valence_.push_back(static_cast<float>(valence->second));
    for (const std::string& v : verbs)
      if (Words(v).size() == 1) word(v).event_verb |= bit;
    for (const std::string& o : objects->second)
      if (Words(o).size() == 1) word(o).event_object |= bit;
  }

  auto constant = [&](const char* name, double* out) {
    auto it = rules.constants.find(name);
    if (it != rules.constants.end()) *out = it->second;
  };
  auto int_constant = [&](const char* name, int* out) {
    double v = *out;
    constant(name, &v);
    *out = static_cast<int>(v);
  };
  constant("C_INCR", &c_incr_);
  constant("N_SCALAR", &n_scalar_);
  constant("NORMALIZE_ALPHA", &alpha_);
  constant("EXCLAMATION_PER_MARK", &excl_);
  constant("QUESTION_PER_MARK", &question_small_);
  constant("QUESTION_MAX", &question_large_);
  constant("BOOSTER_DECAY_1", &decay_2_);
  constant("BOOSTER_DECAY_2", &decay_3_);
  constant("SHIFT_SCALAR", &shift_scalar_);
  constant("NEGATIVITY_WEIGHT", &negativity_);
  constant("REFERENCE_LENGTH", &reference_length_);
  constant("NEVER_SO_SCALAR_0", &never_so_2_);
  constant("NEVER_SO_SCALAR_1", &never_so_3_);
  constant("NEGATION_SHIFT", &negation_shift_);
  constant("NEGATION_VALENCE", &negation_valence_);
  constant("EXCESS_VALENCE", &excess_valence_);
  int_constant("EVENT_GAP", &event_gap_);
  int_constant("EVENT_PASSIVE_GAP", &event_passive_gap_);
  int_constant("EXCLAMATION_MAX_MARKS", &max_exclamations_);
  int_constant("NEGATION_WINDOW", &negation_window_);
  int_constant("SHIFT_WINDOW_AFTER", &shift_after_);
  int_constant("SHIFT_WINDOW_BEFORE", &shift_before_);
  for (const std::string& e : rules.negation_exceptions) {
    std::vector<std::string_view> ws = Words(e);
    if (ws.size() >= 2) negation_exceptions_.push_back(ids(ws));
  }
  id_no_ = vocab->Intern("no");
  id_not_ = vocab->Intern("not");
  id_but_ = vocab->Intern("but");
  id_also_ = vocab->Intern("also");
  id_yet_ = vocab->Intern("yet");
  id_though_ = vocab->Intern("though");
  id_and_ = vocab->Intern("and");
  id_never_ = vocab->Intern("never");
  id_so_ = vocab->Intern("so");
  id_this_ = vocab->Intern("this");
  for (const char* w : {"no", "also", "yet", "though", "and", "never", "so", "this", "not", "but"})
    word(w);
  return Status();
}

bool SentimentEngine::Knows(uint32_t id) const {
  if (id >= words_.size()) return false;
  const WordInfo& w = words_[id];
  // Starting a multi-word expression is not knowing the word itself.
  return !std::isnan(w.valence[0]) || !std::isnan(w.valence[1]) || !std::isnan(w.valence[2]) ||
         (w.flags & ~static_cast<uint32_t>(kPhraseStart)) != 0;
}

double SentimentEngine::Normalize(double sum) const {
  if (sum == 0) return 0;
  return std::max(-1.0, std::min(1.0, sum / std::sqrt(sum * sum + alpha_)));
}

double SentimentEngine::Scaled(double sum, double words) const {
  return words > reference_length_ ? sum * reference_length_ / words : sum;
}

namespace {
// Any "-n't" contraction negates ("wasn't", "couldn't"), listed or not.
bool EndsWithNt(std::string_view norm) {
  return norm.size() > 3 && norm.substr(norm.size() - 3) == "n't";
}
// Tokens a and b are parts of one hyphenated compound, b right after a: "never-ending".
bool InCompoundAfter(const Document& doc, uint32_t a, uint32_t b) {
  const Token& x = doc.tokens[a];
  return x.end < doc.text.size() && doc.text[x.end] == '-' && doc.tokens[b].begin == x.end + 1;
}
}  // namespace

// The one label rule (newslens/report.h, docs/tone.md "Labels").
const char* ToneLabel(double compound, double positive_share, double negative_share) {
  if (compound >= kToneNeutralBand && positive_share >= negative_share) return "positive";
  if (compound <= -kToneNeutralBand && negative_share >= positive_share) return "negative";
  return "neutral";
}

template <typename Words>
bool SentimentEngine::IsNegationException(const Words& words, uint32_t k) const {
  for (const std::vector<uint32_t>& phrase : negation_exceptions_) {
    if (k + phrase.size() > words.size()) continue;
    bool match = true;
    for (size_t j = 0; j < phrase.size() && match; ++j) match = words[k + j].id == phrase[j];
    if (match) return true;
  }
  return false;
}

uint32_t SentimentEngine::MatchEmoticon(const Document& doc, uint32_t t, uint32_t end,
                                        float* valence) const {
  // An emoticon is a whole whitespace-delimited chunk, as in VADER (it splits on whitespace).
  const Token& first = doc.tokens[t];
  if (emoticon_max_ == 0 || !emoticon_first_[static_cast<unsigned char>(doc.text[first.begin])])
    return 0;
  if (t > 0 && doc.tokens[t - 1].end == first.begin) return 0;
  uint32_t e = t + 1;
  while (e < end && doc.tokens[e].begin == doc.tokens[e - 1].end) ++e;
  bool has_mark = false;
  for (uint32_t i = t; i < e; ++i) has_mark |= !doc.tokens[i].is_word();
  if (!has_mark) return 0;  // a plain word: the lexicon's business
  if (e < doc.tokens.size() && e == end && doc.tokens[e].begin == doc.tokens[e - 1].end) return 0;
  uint32_t bytes = doc.tokens[e - 1].end - first.begin;
  if (bytes > emoticon_max_) return 0;
  std::string_view chunk = doc.text.substr(first.begin, bytes);
  uint32_t id = emoticons_.Find(chunk);
  if (id == kNoId) {
    // VADER looks emoticons up lowercased too (":D" and ":d" are both listed; "XD" is not).
    char lower[32];
    for (size_t i = 0; i < chunk.size(); ++i)
      lower[i] = (chunk[i] >= 'A' && chunk[i] <= 'Z') ? static_cast<char>(chunk[i] + 32) : chunk[i];
    id = emoticons_.Find(std::string_view(lower, chunk.size()));
  }
  if (id == kNoId || emoticon_valence_[id] == 0) return 0;
  *valence = emoticon_valence_[id];
  return e - t;
}

// An -ly adverb ("mostly", "wisely"), not a noun or verb in -ly ("rally", "supply").
bool SentimentEngine::IsAdverb(const Document& doc, const W& w) const {
  if (!std::isnan(w.emoticon)) return false;
  const WordInfo* info = Info(w.id);
  if (info && (info->flags & kNotAdverb)) return false;
  std::string_view word = doc.norm(w.tok);
  return word.size() > 4 && word.substr(word.size() - 2) == "ly";
}

SentenceTone SentimentEngine::Score(const Document& doc, const Span& sentence, ToneDomain domain,
                                    std::vector<DraftMention>* mentions) const {
  const int d = static_cast<int>(domain);
  // The sentence's words (and emoticons), with clause breaks between them, and its ! and ?.
  thread_local std::vector<W> words;
  words.clear();
  int exclamations = 0, questions = 0;
  bool pending_break = false, any_caps = false, any_lower = false;
  for (uint32_t t = sentence.first_token; t < sentence.last_token; ++t) {
    const Token& tok = doc.tokens[t];
    float emoticon = kAbsent;
    // Most tokens cannot start an emoticon: their first byte tells, without the call.
    uint32_t len = emoticon_first_[static_cast<unsigned char>(doc.text[tok.begin])]
                       ? MatchEmoticon(doc, t, sentence.last_token, &emoticon)
                       : 0;
    if (len > 0) {
      words.push_back(
          {t, kNoId, pending_break, 0, 1, kNoQuantity, false, emoticon, t + len - 1, -1});
      pending_break = false;
      t += len - 1;
      continue;
    }
    if (tok.kind == TokenKind::kPunct) {
      if (tok.punct == '!') ++exclamations;
      if (tok.punct == '?') ++questions;
      if (IsClauseBreak(tok.punct) || tok.punct == '.' || tok.punct == '!' || tok.punct == '?')
        pending_break = true;
      continue;
    }
    if (!tok.is_word()) continue;
    if (tok.kind == TokenKind::kWord) (tok.has(kAllCaps) ? any_caps : any_lower) = true;
    words.push_back({t, doc.surface[t], pending_break, 0, 1, kNoQuantity, false, kAbsent, t, -1});
    pending_break = false;
  }
  const bool mixed_caps = any_caps && any_lower;
  const uint32_t n = static_cast<uint32_t>(words.size());

  struct Item {
    uint32_t k, len;
    double base, v;
    uint32_t rules;
  };
  thread_local std::vector<Item> items;
  items.clear();
  auto add_item = [&](uint32_t k, uint32_t len, double v, uint32_t rules) {
    for (uint32_t j = k; j < k + len; ++j) words[j].item = static_cast<int32_t>(items.size());
    items.push_back({k, len, v, v, rules});
  };
  // A news event at word k: an event verb and, a few words on, an object of the same event
  // ("shed [thousands of] jobs"), or an object, auxiliaries and the verb ("the workforce [was]
  // trimmed", "the plant will close"). Returns the words it spans (0: none), its valence.
  const bool events = domain != ToneDomain::kGeneral && !event_valence_.empty();
  auto match_event = [&](uint32_t k, double* valence) -> uint32_t {
    const WordInfo* w = Info(words[k].id);
    if (!w || !(w->event_verb | w->event_object)) return 0;
    if (w->event_verb) {
      int gap = 0;
      for (uint32_t j = k + 1; j < n && gap <= event_gap_; ++j) {
        if (words[j].break_before || words[j].contrast) break;
        const WordInfo* x = Info(words[j].id);
        if (x && (x->event_object & w->event_verb)) {
          uint32_t bit = x->event_object & w->event_verb;
          *valence = event_valence_[__builtin_ctz(bit)];
          return j - k + 1;
        }
        // The object is in the verb's own noun phrase: a preposition or a clause ends the search.
        if (x && (x->flags & (kClauseOpener | kNounPhraseEnd | kShiftStop))) break;
        if (!(x && (x->flags & kShiftSkip))) ++gap;
      }
    }
    if (w->event_object) {
      for (uint32_t j = k + 1; j < n && j - k <= static_cast<uint32_t>(event_passive_gap_) + 1;
           ++j) {
        if (words[j].break_before) break;
        const WordInfo* x = Info(words[j].id);
        if (x && (x->event_verb & w->event_object)) {
          *valence = event_valence_[__builtin_ctz(x->event_verb & w->event_object)];
          return j - k + 1;
        }
        if (!(x && (x->flags & kEventAux))) break;
      }
    }
    return 0;
  };
  for (uint32_t k = 0; k < n;) {
    if (!std::isnan(words[k].emoticon)) {
      add_item(k, 1, words[k].emoticon, kRuleEmoticon);
      ++k;
      continue;
    }
    if (events) {
      double valence = 0;
      if (uint32_t len = match_event(k, &valence)) {
        add_item(k, len, valence, kRuleEvent);
        k += len;
        continue;
      }
    }
    const WordInfo* w = Info(words[k].id);
    // Multi-word expressions first, longest wins: idioms, contrast phrases, quantities. Only a
    // word that starts one is looked up in the trie.
    uint32_t node = 0, best_len = 0;
    const PhraseInfo* best = nullptr;
    const bool starts_phrase = w && (w->flags & kPhraseStart);
    for (uint32_t j = k; starts_phrase && j < n && words[j].id != kNoId; ++j) {
      if (j > k && words[j].break_before) break;
      node = phrases_.Child(node, words[j].id);
      if (node == kNoId) break;
      uint32_t p = phrases_.payload(node);
      if (p == kNoId) continue;
      const PhraseInfo& info = phrase_info_[p];
      if (!std::isnan(info.valence[d]) || info.contrast || info.quantity) {
        best_len = j - k + 1;
        best = &info;
      }
    }
    if (best_len >= 2) {
      if (best->contrast) {
        words[k].contrast = best->contrast;
        words[k].span = static_cast<uint8_t>(best_len);
      } else if (!std::isnan(best->valence[d]) && best->valence[d] != 0) {
        add_item(k, best_len, best->valence[d], kRuleIdiom);
      } else if (best->quantity) {
        words[k].quantity = best->quantity_sign;
        words[k].span = static_cast<uint8_t>(best_len);
      }
      k += best_len;
      continue;
    }
    if (w) {
      if (w->flags & kQuantity) words[k].quantity = w->quantity;
      if (w->flags & kContrast) {
        // "yet" is a contrast word only as a conjunction ("..., yet the talks failed"), not as
        // the adverb of "not yet" / "has yet to"; "though" at the end of a sentence is the
        // adverb ("It was cheap, though.") and weights nothing within its sentence.
        bool adverb = (words[k].id == id_yet_ && k > 0 && !words[k].break_before &&
                       words[k - 1].id != id_and_) ||
                      (words[k].id == id_though_ && k + 1 == n);
        if (!adverb) words[k].contrast = w->contrast;
      }
      bool determiner_no = words[k].id == id_no_ && k + 1 < n && !words[k + 1].break_before;
      // "Well, ..." and "Like, ...": a discourse marker opening the sentence, not "well" or "like".
      bool discourse = (w->flags & kDiscourse) && k == 0 && k + 1 < n && words[k + 1].break_before;
      // "anti-" before the head of its compound says what is opposed, and rates nothing itself.
      bool against_prefix = (w->flags & kAgainstPrefix) && k + 1 < n &&
                            words[k + 1].id != kNoId &&
                            InCompoundAfter(doc, words[k].tok, words[k + 1].tok);
      float v = w->valence[d];
      if (!(w->flags & kBooster) && !determiner_no && !discourse && !against_prefix &&
          !std::isnan(v) && v != 0)
        add_item(k, 1, v, 0);
    }
    ++k;
  }

  // Opposing a bad thing is good, a good one bad: "anti-corruption", "anti-democratic" reverse
  // their head as a shifter of decrease does (a whole phrase such as "anti-semitism" is rated
  // as one and is left alone).
  for (uint32_t k = 0; k + 1 < n; ++k) {
    const WordInfo* w = Info(words[k].id);
    if (!w || !(w->flags & kAgainstPrefix) || words[k].item >= 0) continue;
    if (!InCompoundAfter(doc, words[k].tok, words[k + 1].tok)) continue;
    const int32_t i = words[k + 1].item;
    if (i < 0 || items[i].k != k + 1) continue;
    items[i].v *= shift_scalar_;
    items[i].rules |= kRuleReversed;
  }

  // Caps, boosters and negation, from the words before each item (VADER's sentiment_valence).
  for (Item& it : items) {
    double v = it.v;
    const Token& tok = doc.tokens[words[it.k].tok];
    const double sign = v > 0 ? 1.0 : -1.0;
    if (mixed_caps && tok.has(kAllCaps)) {
      v += sign * c_incr_;
      it.rules |= kRuleCaps;
    }
    bool negated = false;
    uint32_t negator = 0;  // the word that negated it
    double never_so = 0;
    int dist = 0;
    int aux_run = 0;  // auxiliaries just passed, counted unless a negator comes next
    bool complement = false;  // another sentiment word stands between it and any negator
    for (uint32_t wk = it.k; wk > 0 && dist < negation_window_;) {
      --wk;
      if (words[wk + 1].break_before) break;  // scope ends at punctuation
      const WordInfo* w = Info(words[wk].id);
      if (words[wk].contrast) break;  // and at contrast words (not at the adverb "not yet")
      // A negator governs its own clause: "did not say [where] the job losses would fall".
      if (w && (w->flags & kClauseOpener)) break;
      const bool neg_word = (w && (w->flags & kNegator)) ||
                            (doc.tokens[words[wk].tok].has(kApostrophe) &&
                             EndsWithNt(doc.norm(words[wk].tok)));
      // A negator governs the first sentiment word after it; the words that follow that one are
      // its complements: "did not praise the [brave] volunteers" does not negate "brave".
      // (Boosters still reach across: "extremely nice and good".)
      if (words[wk].item >= 0 && words[wk].item != words[it.k].item && !neg_word)
        complement = true;
      // Auxiliaries right after a negator belong to the verb it negates and do not count toward
      // the window: "would not [have] [been] so easy"; anywhere else they count as words.
      if (w && (w->flags & kVerbGroup) && !neg_word) {
        ++aux_run;
        continue;
      }
      if (!neg_word) {
        dist += aux_run;
        if (dist >= negation_window_) break;
      }
      aux_run = 0;
      ++dist;
      if (w && (w->flags & kBooster)) {
        double scalar = w->booster;
        if (v < 0) scalar = -scalar;
        if (mixed_caps && doc.tokens[words[wk].tok].has(kAllCaps)) scalar += sign * c_incr_;
        if (dist == 2) scalar *= decay_2_;
        if (dist == 3) scalar *= decay_3_;
        v += scalar;
        it.rules |= w->booster > 0 ? kRuleBoosted : kRuleDampened;
      }
      bool neg = neg_word && !complement;
      // "not only ... but also", "no doubt": negators that do not negate.
      if (neg && IsNegationException(words, wk)) neg = false;
      bool pair = false;
      if (!neg && !complement && wk >= 1 && !words[wk].break_before &&
          negator_pairs_.count((static_cast<uint64_t>(words[wk - 1].id) << 32) | words[wk].id))
        neg = pair = true;
      // VADER's _never_check: "never so good", "never this good" intensify instead.
      if (neg && words[wk].id == id_never_) {
        for (uint32_t j = wk + 1; j < it.k; ++j)
          if (words[j].id == id_so_ || words[j].id == id_this_) {
            never_so = dist <= 2 ? never_so_2_ : never_so_3_;
            neg = false;
            words[wk].negates = true;  // used: it intensifies
          }
      }
      // Determiner "no" negates its own noun phrase ("no progress", "no sign of recovery"), not
      // what a preposition or a verb after it introduces: "no decisions [on] job cuts".
      if (neg && !pair && words[wk].id == id_no_) {
        for (uint32_t j = wk + 1; j < it.k && neg; ++j) {
          const WordInfo* x = Info(words[j].id);
          if (x && (x->flags & kNounPhraseEnd)) neg = false;
        }
      }
      if (neg) {
        negated = true;
        negator = wk;
        words[wk].negates = true;
        if (pair) words[wk - 1].negates = true;
      }
    }
    // Determiner "no" negates its whole noun phrase, whose articles, "of" and possessives do not
    // count toward the window: "no sign [of] [a] recovery".
    if (!negated && never_so == 0) {
      int content = 0;
      for (uint32_t wk = it.k; wk > 0 && content < negation_window_;) {
        --wk;
        if (words[wk + 1].break_before || words[wk].contrast) break;
        const WordInfo* w = Info(words[wk].id);
        if (words[wk].id == id_no_) {
          negated = !(wk > 0 && words[wk - 1].id == id_no_) && !IsNegationException(words, wk);
          if (negated) words[wk].negates = true;
          break;
        }
        if (w && (w->flags & (kClauseOpener | kNounPhraseEnd | kNegator))) break;
        if (!(w && (w->flags & kShiftSkip))) ++content;
      }
    }
    // "not X but Y" corrects X to Y: X is neither said nor its opposite ("aimed not at killing
    // whales but at saving them"). The "but" follows in the same clause, after the word.
    if (negated && words[negator].id == id_not_) {
      bool corrected = false;
      for (uint32_t j = it.k + it.len; j < n && !words[j].break_before; ++j)
        if (words[j].id == id_but_) {
          corrected = !(j + 1 < n && words[j + 1].id == id_also_);
          break;
        }
      if (corrected) {
        it.v = 0;
        it.rules |= kRuleNegated | kRuleCorrected;
        continue;
      }
    }
    if (negated) {
      // SO-CAL's shift (Taboada et al. 2011): a negated negative moves toward positive by a fixed
      // amount instead of flipping ("not a disaster" is not a triumph); never past VADER's flip.
      if (v < 0 && negation_shift_ > 0 && v + negation_shift_ < v * n_scalar_) {
        v += negation_shift_;
        it.rules |= kRuleSoftened;
      } else {
        v *= n_scalar_;
      }
      it.rules |= kRuleNegated;
    } else if (never_so != 0) {
      v *= never_so;
      it.rules |= kRuleBoosted;
    }
    it.v = v;
  }
  // A negator that is also a sentiment word ("lack", "without") counts only when it negates
  // nothing: in "lack of progress" the negated "progress" carries the meaning.
  for (Item& it : items)
    if (it.len == 1 && words[it.k].negates && !(it.rules & kRuleNegated)) it.v = 0;
  // Shifters: words of change take the polarity of what changes. A word of decrease reverses
  // the sentiment words it governs ("reduce the risk", "losses narrowed"), and a shifter's own
  // valence takes the sign of the result ("costs rose" is bad news, "costs fell" good).
  for (uint32_t p = 0; p < n; ++p) {
    const WordInfo* w = Info(words[p].id);
    if (!w || !(w->flags & (kShiftUp | kShiftDown))) continue;
    if (words[p].item >= 0 && items[words[p].item].len > 1) continue;  // inside an idiom
    // The head of a compound adjective is no verb of change: "a never-ending source".
    if (p > 0 && words[p - 1].id != kNoId && InCompoundAfter(doc, words[p - 1].tok, words[p].tok))
      continue;
    // "fall on", "fall into", "where the losses would fall": a verb of falling with a place is
    // about where something lands, not about an amount.
    if (w->flags & kFallVerb) {
      // The place follows the verb, after an adverb at most ("fall mostly on older workers").
      uint32_t q = p + 1;
      if (q + 1 < n && !words[q].break_before && IsAdverb(doc, words[q])) ++q;
      bool located = false;
      for (uint32_t j = p + 1; j <= q && j < n && !words[j].break_before; ++j) {
        const WordInfo* x = Info(words[j].id);
        if (x && (x->flags & kLocative)) located = true;
      }
      for (uint32_t j = p; j > 0 && !located;) {
        if (words[j].break_before) break;
        --j;
        const WordInfo* x = Info(words[j].id);
        located = x && (x->flags & kLocativeOpener);
      }
      if (located) continue;
    }
    const double dir = (w->flags & kShiftDown) ? -1.0 : 1.0;
    // A negated change did not happen: "no cuts in benefits" leaves the benefits as they are.
    const bool cancelled = words[p].item >= 0 && (items[words[p].item].rules & kRuleNegated);
    double target = 0;  // sign of what changes (before reversal): +1 good, -1 bad, 0 neutral
    bool found = false;
    auto blocks = [&](uint32_t j) {
      const WordInfo* x = Info(words[j].id);
      return words[j].contrast || (x && (x->flags & (kShiftStop | kShiftUp | kShiftDown)));
    };
    // The object, after the shifter: every sentiment word up to the window, else a quantity.
    int8_t quantity = kNoQuantity;
    int counted = 0;
    for (uint32_t j = p + 1; j < n && counted < shift_after_; ++j) {
      if (words[j].break_before || blocks(j)) break;
      // Articles, "of" and possessives do not count: "reduce [the] risk [of] heart disease".
      const WordInfo* x = Info(words[j].id);
      if (!(x && (x->flags & kShiftSkip))) ++counted;
      int32_t i = words[j].item;
      if (i >= 0 && items[i].k == j) {
        target += items[i].v;
        if (dir < 0 && !cancelled) {
          items[i].v *= shift_scalar_;
          items[i].rules |= kRuleReversed;
        }
        found = true;
      } else if (i < 0 && quantity == kNoQuantity && words[j].quantity != kNoQuantity) {
        quantity = words[j].quantity;
      }
      if (words[j].span > 1) j += words[j].span - 1;
    }
    // Else the subject, before it, when the shifter has no object of its own: the nearest
    // sentiment word or quantity ("losses narrowed"). A verb with an unrated object changes
    // that object, not its subject: "heat stress could reduce [the harvest]".
    const WordInfo* next = p + 1 < n ? Info(words[p + 1].id) : nullptr;
    const bool has_object = !(w->flags & kShiftNoObject) && p + 1 < n &&
                            !words[p + 1].break_before && !blocks(p + 1) &&
                            doc.tokens[words[p + 1].tok].kind == TokenKind::kWord &&
                            !IsAdverb(doc, words[p + 1]) && words[p + 1].quantity == kNoQuantity &&
                            !(next && (next->flags & (kParticle | kNounPhraseEnd | kClauseOpener)));
    if (!found && quantity == kNoQuantity && !has_object) {
      for (uint32_t j = p; j > 0 && p - j < static_cast<uint32_t>(shift_before_);) {
        --j;
        if (words[j + 1].break_before || blocks(j)) break;
        // An adverb just before the verb modifies it and is not what changes: "wisely avoiding".
        if (j + 1 == p && IsAdverb(doc, words[j])) continue;
        int32_t i = words[j].item;
        if (i >= 0) {
          Item& t = items[i];
          target += t.v;
          if (dir < 0 && !cancelled) {
            t.v *= shift_scalar_;
            t.rules |= kRuleReversed;
          }
          found = true;
          break;
        }
        if (words[j].quantity != kNoQuantity) {
          quantity = words[j].quantity;
          break;
        }
      }
    }
    if (!found && quantity != kNoQuantity) {
      target = quantity;
      found = true;
    }
    if (!found || words[p].item < 0) continue;
    Item& self = items[words[p].item];
    // The shifter's own valence: its strength, with the sign of the change's effect.
    double negation = (self.rules & kRuleNegated) ? -1.0 : 1.0;
    self.v = std::fabs(self.v) * dir * Sign(target) * negation;
    self.rules |= kRuleDirected;
  }

  // Opposition: opposing a bad thing is not itself bad news. A verb of opposing ("fight",
  // "combat", "resist", "condemn") whose object is bad loses its own negative rating: "help
  // fight terror" is no worse than "terror", and "right to condemn the bombing" does not count
  // the bombing twice. The object keeps its rating: the thing fought or condemned is still
  // reported. The object is the first sentiment word after the verb (or after "against" right
  // after it) within the shifter window, before a clause break or a preposition. After a
  // determiner the verb form describes a noun ("the condemned prisoner"). A word as often a noun
  // ("fight", "battle", "combat", "fighting") is a verb only after "to", an auxiliary, "help" or
  // a pronoun, and otherwise opposes only through that link ("the fight against corruption"; not
  // "a fight broke out", "fighting killed 12", "the battle cry"). A good or faint object, a negated
  // verb and an object that is itself a word of opposing ("fighting the same fights") leave the
  // verb as it is.
  for (uint32_t p = 0; p < n; ++p) {
    const WordInfo* w = Info(words[p].id);
    if (!w || !(w->flags & kOppose) || words[p].item < 0) continue;
    Item& self = items[words[p].item];
    if (self.len > 1 || (self.rules & kRuleNegated) || self.v >= 0) continue;
    const WordInfo* next =
        p + 1 < n && !words[p + 1].break_before ? Info(words[p + 1].id) : nullptr;
    const bool linked = next && (next->flags & kOpposeLink);
    const WordInfo* before = p > 0 && !words[p].break_before ? Info(words[p - 1].id) : nullptr;
    if ((w->flags & kOpposeNoun) && !linked &&
        !(before && (before->flags & (kEventAux | kOpposeSubject))))
      continue;
    if (before && (before->flags & kShiftSkip) && !(before->flags & kEventAux)) continue;
    int32_t object = -1;
    int counted = 0;
    for (uint32_t j = p + (linked ? 2 : 1); j < n && counted < shift_after_; ++j) {
      if (words[j].break_before || words[j].contrast) break;
      const WordInfo* x = Info(words[j].id);
      if (x && (x->flags & (kShiftStop | kShiftUp | kShiftDown | kClauseOpener | kNounPhraseEnd)))
        break;
      if (!(x && (x->flags & kShiftSkip))) ++counted;
      const int32_t i = words[j].item;
      if (i >= 0 && items[i].k == j) {
        object = i;
        break;
      }
    }
    if (object < 0 || items[object].v > -kEvaluativeValence) continue;
    const Item& o = items[object];
    const WordInfo* x = o.len == 1 ? Info(words[o.k].id) : nullptr;
    if (x && (x->flags & kOppose)) continue;
    self.v = 0;
    self.rules |= kRuleDirected;
  }

  // The negativity of negation (Potts 2011): a negator that negates no sentiment word still says
  // that something is not so, and in a sentence that evaluates ("Clearly, the state can't afford
  // to pay") that leans negative. A sentence with no other sentiment word is a report, not an
  // evaluation ("Terms were not disclosed") and stays neutral.
  bool negation_items = false;
  if (negation_valence_ != 0) {
    bool evaluative = false;
    for (const Item& it : items) evaluative |= std::fabs(it.v) >= kEvaluativeValence;
    for (uint32_t k = 0; evaluative && k < n; ++k) {
      if (words[k].item >= 0 || words[k].negates || words[k].id == kNoId) continue;
      const WordInfo* w = Info(words[k].id);
      const bool neg = (w && (w->flags & kNegator)) ||
                       (doc.tokens[words[k].tok].has(kApostrophe) &&
                        EndsWithNt(doc.norm(words[k].tok)));
      if (!neg || IsNegationException(words, k)) continue;
      // The interjection "No, ..." answers; it negates nothing in the sentence.
      if (words[k].id == id_no_ && (k + 1 >= n || words[k + 1].break_before)) continue;
      // The first part of a compound names a kind of thing: "a never-ending source",
      // "a no-fly zone", "no-confrontation" say nothing is not so.
      if (k + 1 < n && InCompoundAfter(doc, words[k].tok, words[k + 1].tok)) continue;
      add_item(k, 1, negation_valence_, kRuleNegation);
      negation_items = true;
    }
  }

  // Excess (Meier 2003, "The meaning of too, enough, and so ... that"): "too" before a word says
  // its degree passes what is acceptable. Before a word no lexicon rates it has a valence of its
  // own ("too little guidance", "too often", "cost too much"). "too" before a comma, at the end
  // or before a function word is the additive "also" ("Dealers get taken, too."); "only too" is
  // plain degree ("only too willing").
  for (uint32_t k = 0; excess_valence_ != 0 && k + 1 < n; ++k) {
    const WordInfo* w = Info(words[k].id);
    if (!w || !(w->flags & kExcess) || words[k].item >= 0 || words[k + 1].break_before) continue;
    if (k > 0 && !words[k].break_before) {
      const WordInfo* before = Info(words[k - 1].id);
      if (before && (before->flags & kExcessBlocker)) continue;
    }
    // The additive "too" before a function word: "I saw that too with the kids".
    const WordInfo* after = Info(words[k + 1].id);
    if (words[k + 1].contrast ||
        (after && (after->flags & (kShiftStop | kNounPhraseEnd | kClauseOpener))))
      continue;
    // A rated word after it keeps its own valence: before a good word "too" is excess in
    // argument ("all too eager") but "very" in talk ("too funny", "you are too kind").
    if (words[k + 1].item >= 0) continue;
    add_item(k, 1, excess_valence_, kRuleExcess);
    negation_items = true;  // out of text order: the mentions are sorted
  }

  // Contrast: the first contrast word weights the clauses around it.
  for (uint32_t c = 0; c < n; ++c) {
    if (!words[c].contrast) continue;
    uint32_t after_c = c + (words[c].span > 1 ? words[c].span : 1);
    if (after_c < n && words[after_c].id == id_also_) continue;  // "but also"
    const ContrastDef& def = contrast_[words[c].contrast - 1];
    if (!def.introduces_weak) {
      for (Item& it : items) {
        if (it.k < c) {
          it.v *= def.before;
          it.rules |= kRuleContrastWeak;
        } else if (it.k >= after_c) {
          it.v *= def.after;
          it.rules |= kRuleContrastStrong;
        }
      }
    } else {
      // Weak introducers: "Although X, Y" and "Y, although X". The introduced clause X (up to
      // the next clause break) takes `after`; the main clause Y takes `before`.
      uint32_t clause_end = n;
      for (uint32_t j = after_c; j < n; ++j)
        if (words[j].break_before) {
          clause_end = j;
          break;
        }
      bool leading = c == 0 || words[c].break_before;
      for (Item& it : items) {
        bool in_weak = it.k >= after_c && it.k < clause_end;
        bool in_main = leading ? it.k >= clause_end : it.k < c;
        if (in_weak) {
          it.v *= def.after;
          it.rules |= kRuleContrastWeak;
        } else if (in_main) {
          it.v *= def.before;
          it.rules |= kRuleContrastStrong;
        }
      }
    }
    break;
  }

  SentenceTone out;
  out.words = n;
  double sum = 0;
  uint32_t covered = 0;
  // Negativity bias: a negative expression weighs more than a positive one of the same rating.
  for (Item& it : items) {
    if (it.v < 0 && negativity_ != 1) {
      it.v *= negativity_;
      it.rules |= kRuleNegativity;
    }
  }
  for (const Item& it : items) {
    sum += it.v;
    covered += it.len;
    if (it.v > 0) {
      out.pos_sum += it.v + 1;
      ++out.positive_items;
    } else if (it.v < 0) {
      out.neg_sum += it.v - 1;
      // GDELT's tone counts the words of a dictionary; a negator is none.
      if (!(it.rules & kRuleNegation)) ++out.negative_items;
    }
  }
  out.neu_count = static_cast<double>(n > covered ? n - covered : 0);
  if (sum != 0) {
    // VADER: emphasis from '!' (up to 4) and '?' (2-3 marks 0.18 each, more 0.96).
    double emphasis = std::min(exclamations, max_exclamations_) * excl_;
    if (questions > 1) emphasis += questions <= 3 ? questions * question_small_ : question_large_;
    if (sum > 0)
      sum += emphasis;
    else
      sum -= emphasis;
    if (out.pos_sum > std::fabs(out.neg_sum))
      out.pos_sum += emphasis;
    else if (out.pos_sum < std::fabs(out.neg_sum))
      out.neg_sum -= emphasis;
    out.sum = sum;
    out.compound = Normalize(Scaled(sum, n));
  }
  if (mentions) {
    // In text order, as the report's mention runs are merged: the negation items came last.
    thread_local std::vector<uint32_t> order;
    order.resize(items.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    if (negation_items)
      StableSort(&order, [&](uint32_t a, uint32_t b) { return items[a].k < items[b].k; });
    for (uint32_t i : order) {
      const Item& it = items[i];
      if (it.v == 0 && it.base != 0 && words[it.k].negates) continue;  // absorbed negator
      DraftMention m;
      m.kind = Mention::Kind::kSentiment;
      m.start = doc.tokens[words[it.k].tok].begin;
      m.end = doc.tokens[words[it.k + it.len - 1].last_tok].end;
      m.ref = it.rules;
      m.valence = it.v;
      m.base = it.base;
      mentions->push_back(m);
    }
  }
  return out;
}

}  // namespace newslens
