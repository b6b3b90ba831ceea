// Tone: VADER's rules (Hutto & Gilbert, ICWSM 2014; vaderSentiment.py) over layered lexicons,
// extended with clause-bounded negation scope, contrast words beyond "but", "no" as determiner,
// "not only ... but also", and multi-word expressions. Constants come from rules-en.json.
#include <cmath>
#include <limits>

#include "internal.h"

namespace newslens {

namespace {

constexpr float kAbsent = std::numeric_limits<float>::quiet_NaN();

enum Rule : uint32_t {
  kRuleNegated = 1,
  kRuleBoosted = 2,
  kRuleDampened = 4,
  kRuleCaps = 8,
  kRuleContrastWeak = 16,
  kRuleContrastStrong = 32,
  kRuleIdiom = 64,
};

std::vector<std::string> RuleNames(uint32_t rules) {
  std::vector<std::string> out;
  if (rules & kRuleIdiom) out.push_back("idiom");
  if (rules & kRuleCaps) out.push_back("caps");
  if (rules & kRuleBoosted) out.push_back("boosted");
  if (rules & kRuleDampened) out.push_back("dampened");
  if (rules & kRuleNegated) out.push_back("negated");
  if (rules & kRuleContrastWeak) out.push_back("contrast-weak");
  if (rules & kRuleContrastStrong) out.push_back("contrast-strong");
  return out;
}

std::vector<std::string> Words(const std::string& key) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < key.size()) {
    while (i < key.size() && key[i] == ' ') ++i;
    size_t b = i;
    while (i < key.size() && key[i] != ' ') ++i;
    if (i > b) out.push_back(key.substr(b, i - b));
  }
  return out;
}

bool IsClauseBreak(char p) {
  return p == ',' || p == ';' || p == ':' || p == '(' || p == ')' || p == '"' || p == '-';
}

}  // namespace

Status SentimentEngine::Build(const std::vector<LexiconDef>& general,
                              const std::vector<LexiconDef>& news,
                              const std::vector<LexiconDef>& finance,
                              const SentimentRulesDef& rules, Vocab* vocab) {
  auto word = [&](const std::string& w) -> WordInfo& {
    std::string norm;
    NormalizeWord(w, &norm);
    uint32_t id = vocab->Intern(norm);
    if (id >= words_.size()) {
      WordInfo blank;
      blank.valence[0] = blank.valence[1] = blank.valence[2] = kAbsent;
      words_.resize(id + 1, blank);
    }
    return words_[id];
  };
  auto ids = [&](const std::vector<std::string>& ws) {
    std::vector<uint32_t> out;
    std::string norm;
    for (const auto& w : ws) {
      NormalizeWord(w, &norm);
      out.push_back(vocab->Intern(norm));
    }
    return out;
  };
  // Layers: general -> all domains; news -> news and finance; finance -> finance only.
  auto apply = [&](const std::vector<LexiconDef>& layers, std::initializer_list<ToneDomain> ds) {
    for (const LexiconDef& lex : layers) {
      for (const auto& [key, valence] : lex.entries) {
        std::vector<std::string> ws = Words(key);
        if (ws.empty()) continue;
        if (ws.size() == 1) {
          WordInfo& info = word(ws[0]);
          for (ToneDomain d : ds) info.valence[static_cast<int>(d)] = valence;
          continue;
        }
        uint32_t node = phrases_.Insert(ids(ws));
        uint32_t& p = phrases_.payload(node);
        if (p == kNoId) {
          p = static_cast<uint32_t>(phrase_valence_.size());
          phrase_valence_.push_back({kAbsent, kAbsent, kAbsent});
        }
        for (ToneDomain d : ds) phrase_valence_[p][static_cast<int>(d)] = valence;
      }
    }
  };
  apply(general, {ToneDomain::kNews, ToneDomain::kGeneral, ToneDomain::kFinance});
  apply(news, {ToneDomain::kNews, ToneDomain::kFinance});
  apply(finance, {ToneDomain::kFinance});

  for (const std::string& n : rules.negators) {
    std::vector<std::string> ws = Words(n);
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
    if (Words(w).size() != 1) continue;
    contrast_.push_back(def);
    WordInfo& info = word(w);
    info.flags |= kContrast;
    info.contrast = static_cast<uint8_t>(contrast_.size());
  }
  auto constant = [&](const char* name, double* out) {
    auto it = rules.constants.find(name);
    if (it != rules.constants.end()) *out = it->second;
  };
  constant("C_INCR", &c_incr_);
  constant("N_SCALAR", &n_scalar_);
  constant("NORMALIZE_ALPHA", &alpha_);
  constant("EXCLAMATION_PER_MARK", &excl_);
  constant("QUESTION_PER_MARK", &question_small_);
  constant("QUESTION_MAX", &question_large_);
  constant("BOOSTER_DECAY_1", &decay_2_);
  constant("BOOSTER_DECAY_2", &decay_3_);
  double max_marks = max_exclamations_;
  constant("EXCLAMATION_MAX_MARKS", &max_marks);
  max_exclamations_ = static_cast<int>(max_marks);
  for (const std::string& e : rules.negation_exceptions) {
    std::vector<std::string> ws = Words(e);
    if (ws.size() >= 2) negation_exceptions_.push_back(ids(ws));
  }
  id_no_ = vocab->Intern("no");
  id_not_ = vocab->Intern("not");
  id_only_ = vocab->Intern("only");
  id_also_ = vocab->Intern("also");
  word("no");
  word("only");
  word("also");
  return Status();
}

bool SentimentEngine::Knows(uint32_t id) const {
  if (id >= words_.size()) return false;
  const WordInfo& w = words_[id];
  return !std::isnan(w.valence[0]) || !std::isnan(w.valence[1]) || !std::isnan(w.valence[2]) ||
         w.flags != 0;
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

SentenceTone SentimentEngine::Score(const Document& doc, const Span& sentence, ToneDomain domain,
                                    std::vector<Mention>* mentions) const {
  const int d = static_cast<int>(domain);
  // The sentence's words, with clause breaks between them, and its ! and ? marks.
  struct W {
    uint32_t tok;
    uint32_t id;
    bool break_before;
  };
  thread_local std::vector<W> words;
  words.clear();
  int exclamations = 0, questions = 0;
  bool pending_break = false, any_caps = false, any_lower = false;
  for (uint32_t t = sentence.first_token; t < sentence.last_token; ++t) {
    const Token& tok = doc.tokens[t];
    if (tok.kind == TokenKind::kPunct) {
      if (tok.punct == '!') ++exclamations;
      if (tok.punct == '?') ++questions;
      if (IsClauseBreak(tok.punct) || tok.punct == '.' || tok.punct == '!' || tok.punct == '?')
        pending_break = true;
      continue;
    }
    if (!tok.is_word()) continue;
    if (tok.kind == TokenKind::kWord) (tok.has(kAllCaps) ? any_caps : any_lower) = true;
    words.push_back({t, doc.surface[t], pending_break});
    pending_break = false;
  }
  const bool mixed_caps = any_caps && any_lower;
  auto info = [&](uint32_t id) -> const WordInfo* {
    return id < words_.size() ? &words_[id] : nullptr;
  };

  struct Item {
    uint32_t k, len;
    double base, v;
    uint32_t rules;
  };
  thread_local std::vector<Item> items;
  items.clear();
  const uint32_t n = static_cast<uint32_t>(words.size());
  for (uint32_t k = 0; k < n;) {
    // Multi-word expressions first, longest wins.
    uint32_t node = 0, best_len = 0;
    float best_v = kAbsent;
    for (uint32_t j = k; j < n && words[j].id != kNoId; ++j) {
      if (j > k && words[j].break_before) break;
      node = phrases_.Child(node, words[j].id);
      if (node == kNoId) break;
      uint32_t p = phrases_.payload(node);
      if (p != kNoId && !std::isnan(phrase_valence_[p][d])) {
        best_len = j - k + 1;
        best_v = phrase_valence_[p][d];
      }
    }
    if (best_len >= 2) {
      if (best_v != 0) items.push_back({k, best_len, best_v, best_v, kRuleIdiom});
      k += best_len;
      continue;
    }
    const WordInfo* w = info(words[k].id);
    if (w && !(w->flags & kBooster)) {
      bool determiner_no = words[k].id == id_no_ && k + 1 < n && !words[k + 1].break_before;
      float v = w->valence[d];
      if (!determiner_no && !std::isnan(v) && v != 0) items.push_back({k, 1, v, v, 0});
    }
    ++k;
  }

  for (Item& it : items) {
    double v = it.v;
    const Token& tok = doc.tokens[words[it.k].tok];
    const double sign = v > 0 ? 1.0 : -1.0;
    if (mixed_caps && tok.has(kAllCaps)) {
      v += sign * c_incr_;
      it.rules |= kRuleCaps;
    }
    bool negated = false;
    for (uint32_t dist = 1; dist <= kWindow && dist <= it.k; ++dist) {
      uint32_t wk = it.k - dist;
      if (words[wk + 1].break_before) break;  // scope ends at punctuation
      const WordInfo* w = info(words[wk].id);
      if (w && (w->flags & kContrast)) break;  // and at contrast words
      if (w && (w->flags & kBooster)) {
        double scalar = w->booster;
        if (v < 0) scalar = -scalar;
        if (mixed_caps && doc.tokens[words[wk].tok].has(kAllCaps)) scalar += sign * c_incr_;
        if (dist == 2) scalar *= decay_2_;
        if (dist == 3) scalar *= decay_3_;
        v += scalar;
        it.rules |= w->booster > 0 ? kRuleBoosted : kRuleDampened;
      }
      bool neg = w && (w->flags & kNegator);
      // Any "-n't" contraction negates ("wasn't", "couldn’t"), listed or not.
      if (!neg && doc.tokens[words[wk].tok].has(kApostrophe)) {
        std::string_view norm = doc.norm(words[wk].tok);
        neg = norm.size() > 3 && norm.substr(norm.size() - 3) == "n't";
      }
      // "not only ... but also", "no doubt": negators that do not negate.
      if (neg && IsNegationException(words, wk)) neg = false;
      if (!neg && wk >= 1 && !words[wk].break_before &&
          negator_pairs_.count((static_cast<uint64_t>(words[wk - 1].id) << 32) | words[wk].id))
        neg = true;
      if (neg) negated = true;
    }
    if (negated) {
      v *= n_scalar_;
      it.rules |= kRuleNegated;
    }
    it.v = v;
  }

  // Contrast: the first contrast word weights the clauses around it.
  for (uint32_t c = 0; c < n; ++c) {
    const WordInfo* w = info(words[c].id);
    if (!w || !(w->flags & kContrast)) continue;
    if (c + 1 < n && words[c + 1].id == id_also_) continue;  // "but also"
    const ContrastDef& def = contrast_[w->contrast - 1];
    if (!def.introduces_weak) {
      for (Item& it : items) {
        if (it.k < c) {
          it.v *= def.before;
          it.rules |= kRuleContrastWeak;
        } else if (it.k > c) {
          it.v *= def.after;
          it.rules |= kRuleContrastStrong;
        }
      }
    } else {
      // Weak introducers: "Although X, Y" and "Y, although X". The introduced clause X (up to
      // the next clause break) takes `after`; the main clause Y takes `before`.
      uint32_t clause_end = n;
      for (uint32_t j = c + 1; j < n; ++j)
        if (words[j].break_before) {
          clause_end = j;
          break;
        }
      bool leading = c == 0 || words[c].break_before;
      for (Item& it : items) {
        bool in_weak = it.k > c && it.k < clause_end;
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
  double sum = 0;
  uint32_t covered = 0;
  for (const Item& it : items) {
    sum += it.v;
    covered += it.len;
    if (it.v > 0) {
      out.pos_sum += it.v + 1;
      ++out.positive_items;
    } else if (it.v < 0) {
      out.neg_sum += it.v - 1;
      ++out.negative_items;
    }
  }
  out.neu_count = static_cast<double>(n > covered ? n - covered : 0);
  if (sum != 0) {
    // VADER: emphasis from '!' (up to 4) and '?' (2-3 marks 0.18 each, more 0.96).
    double emphasis = std::min(exclamations, max_exclamations_) * excl_;
    if (questions > 1) emphasis += questions <= 3 ? questions * question_small_ : question_large_;
    if (sum > 0) sum += emphasis;
    else sum -= emphasis;
    if (out.pos_sum > std::fabs(out.neg_sum)) out.pos_sum += emphasis;
    else if (out.pos_sum < std::fabs(out.neg_sum)) out.neg_sum -= emphasis;
    double compound = sum / std::sqrt(sum * sum + alpha_);
    out.compound = std::max(-1.0, std::min(1.0, compound));
  }
  if (mentions) {
    for (const Item& it : items) {
      Mention m;
      m.kind = Mention::Kind::kSentiment;
      m.start = doc.tokens[words[it.k].tok].begin;
      m.end = doc.tokens[words[it.k + it.len - 1].tok].end;
      m.valence = it.v;
      m.base = it.base;
      m.rules = RuleNames(it.rules);
      mentions->push_back(std::move(m));
    }
  }
  return out;
}

}  // namespace newslens
