// Theme counting: dictionary terms (words, phrases, wildcards) matched over stemmed tokens,
// longest phrase first, each token at most once per theme, sub-themes rolled into parents.
#include <algorithm>
#include <map>
#include <set>

#include "internal.h"

namespace newslens {

namespace {

constexpr uint32_t kCapsBase = 1u << 30;  // keys of capitals-only words live above this

bool WrittenInCapitals(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

std::string WithoutDots(std::string_view w) {
  std::string out;
  for (char c : w)
    if (c != '.') out.push_back(c);
  return out;
}

std::string WithoutHyphens(std::string_view w) {
  std::string out;
  for (char c : w)
    if (c != '-' && c != '\'') out.push_back(c);
  return out;
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

}  // namespace

uint32_t ThemeEngine::KeyForWord(std::string_view word, bool caps_sensitive,
                                 std::string* scratch) {
  if (caps_sensitive && WrittenInCapitals(word)) return caps_.Intern(WithoutDots(word)) | kCapsBase;
  std::string norm;
  NormalizeWord(word, &norm);
  Stem(WithoutHyphens(norm), scratch);
  return stems_.Intern(*scratch);
}

void ThemeEngine::Attach(uint32_t* payload, TermRef ref) {
  if (*payload == kNoId) {
    *payload = static_cast<uint32_t>(payloads_.size());
    payloads_.emplace_back();
  }
  payloads_[*payload].push_back(ref);
}

Status ThemeEngine::Add(const ThemeDictionary& dict, std::string_view source) {
  // Themes first (so parents resolve regardless of order), then terms.
  for (const ThemeDef& def : dict.themes) {
    auto it = by_id_.find(def.id);
    if (it == by_id_.end()) {
      Theme t;
      t.def = def;
      t.def.terms.clear();
      by_id_[def.id] = static_cast<uint32_t>(themes_.size());
      themes_.push_back(std::move(t));
    }
  }
  for (Theme& t : themes_) {
    if (t.def.parent.empty()) continue;
    auto p = by_id_.find(t.def.parent);
    if (p == by_id_.end())
      return Status::Error(std::string(source) + ": theme " + t.def.id + ": unknown parent \"" +
                           t.def.parent + "\"");
    if (!themes_[p->second].def.parent.empty())
      return Status::Error(std::string(source) + ": theme " + t.def.id + ": parent \"" +
                           t.def.parent + "\" is not a top-level theme");
    t.parent = static_cast<int>(p->second);
  }
  std::string scratch;
  for (const ThemeDef& def : dict.themes) {
    uint32_t theme = by_id_[def.id];
    for (const TermDef& term : def.terms) {
      std::vector<std::string_view> words = SplitWords(term.text);
      if (words.empty()) continue;
      std::string wild;
      if (words.back().size() > 1 && words.back().back() == '*') {
        std::string norm;
        NormalizeWord(words.back().substr(0, words.back().size() - 1), &norm);
        wild = norm;
        words.pop_back();
      }
      std::vector<uint32_t> keys;
      for (std::string_view w : words) keys.push_back(KeyForWord(w, true, &scratch));
      uint32_t index = static_cast<uint32_t>(themes_[theme].def.terms.size());
      themes_[theme].def.terms.push_back(term);
      ++term_total_;
      TermRef ref{theme, index, term.weight};
      uint32_t node = trie_.Insert(keys);
      if (wild.empty()) {
        Attach(&trie_.payload(node), ref);
        continue;
      }
      min_wild_ = std::min(min_wild_, wild.size());
      max_wild_ = std::max(max_wild_, wild.size());
      if (node == 0) {
        auto [it, inserted] = root_wild_.emplace(wild, kNoId);
        Attach(&it->second, ref);
      } else {
        auto& list = node_wild_[node];
        auto it = std::find_if(list.begin(), list.end(),
                               [&](const auto& p) { return p.first == wild; });
        if (it == list.end()) {
          list.emplace_back(wild, kNoId);
          it = list.end() - 1;
        }
        Attach(&it->second, ref);
      }
    }
  }
  return Status();
}

uint32_t ThemeEngine::KeyFor(std::string_view original, std::string_view norm, const Token& t,
                             std::string* scratch) const {
  if (t.has(kAllCaps)) {
    scratch->clear();
    for (char c : original)
      if (c != '.') scratch->push_back(c);
    // Possessive "UN's" / "UN’s": the capitals part only.
    for (std::string_view suffix : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
      if (scratch->size() > suffix.size() &&
          scratch->compare(scratch->size() - suffix.size(), suffix.size(), suffix) == 0) {
        scratch->resize(scratch->size() - suffix.size());
        break;
      }
    }
    uint32_t id = caps_.Find(*scratch);
    if (id != kNoId) return id | kCapsBase;
  }
  std::string joined;
  std::string_view base = norm;
  if (t.has(kCompound) || t.has(kApostrophe)) {
    joined = WithoutHyphens(norm);
    // Keep the possessive 's for Stem() to strip: WithoutHyphens dropped the apostrophe.
    if (norm.size() > 2 && norm.substr(norm.size() - 2) == "'s") joined.resize(joined.size() - 1);
    base = joined;
  }
  Stem(base, scratch);
  return stems_.Find(*scratch);
}

bool ThemeEngine::KnowsCompound(std::string_view norm, std::string* scratch,
                                std::string* /*scratch2*/) const {
  Stem(WithoutHyphens(norm), scratch);
  uint32_t id = stems_.Find(*scratch);
  return id != kNoId && trie_.Child(0, id) != kNoId;
}

uint32_t ThemeEngine::Match(const Document& doc, uint32_t i, uint32_t end,
                            uint32_t* payload) const {
  uint32_t node = 0, best = 0;
  for (uint32_t j = i; j < end; ++j) {
    if (!doc.tokens[j].is_word()) break;
    // A wildcard ending here matches as long as an exact term would.
    std::string_view w = doc.norm(j);
    if (node == 0) {
      if (!root_wild_.empty()) {
        size_t hi = std::min(w.size(), max_wild_);
        for (size_t len = hi; len >= min_wild_ && len > 0; --len) {
          auto it = root_wild_.find(std::string(w.substr(0, len)));
          if (it != root_wild_.end()) {
            best = j - i + 1;
            *payload = it->second;
            break;
          }
        }
      }
    } else if (auto it = node_wild_.find(node); it != node_wild_.end()) {
      for (const auto& [prefix, p] : it->second) {
        if (w.substr(0, prefix.size()) == prefix) {
          best = j - i + 1;
          *payload = p;
          break;
        }
      }
    }
    uint32_t key = doc.theme_key[j];
    if (key == kNoId) break;
    uint32_t child = trie_.Child(node, key);
    if (child == kNoId) break;
    node = child;
    if (trie_.payload(node) != kNoId) {
      best = j - i + 1;
      *payload = trie_.payload(node);
    }
  }
  return best;
}

void ThemeEngine::Run(const Document& doc, const std::vector<double>& sentence_compound,
                      Report* report, bool mentions) const {
  struct Acc {
    uint32_t count = 0;
    double score = 0;
    std::map<uint32_t, uint32_t> terms;  // term index -> count
    std::set<uint32_t> sentences;
  };
  std::vector<Acc> acc(themes_.size());
  std::vector<std::set<uint32_t>> sentence_themes(doc.sentences.size());
  std::vector<std::pair<uint32_t, float>> touched;  // theme -> best weight in this hit
  std::vector<std::pair<uint32_t, float>> tops;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Span& span = doc.sentences[s];
    for (uint32_t i = span.first_token; i < span.last_token;) {
      uint32_t payload = kNoId;
      uint32_t len = doc.tokens[i].is_word() ? Match(doc, i, span.last_token, &payload) : 0;
      if (len == 0) {
        ++i;
        continue;
      }
      touched.clear();
      for (const TermRef& ref : payloads_[payload]) {
        auto it = std::find_if(touched.begin(), touched.end(),
                               [&](const auto& p) { return p.first == ref.theme; });
        if (it == touched.end()) {
          touched.emplace_back(ref.theme, ref.weight);
          Acc& a = acc[ref.theme];
          a.count++;
          a.terms[ref.term]++;
          a.sentences.insert(s);
          sentence_themes[s].insert(ref.theme);
        } else {
          it->second = std::max(it->second, ref.weight);
        }
      }
      tops.clear();
      for (const auto& [theme, weight] : touched) {
        acc[theme].score += weight;
        int top = themes_[theme].parent;
        if (top < 0) continue;  // a top-level term: counted above
        auto it = std::find_if(tops.begin(), tops.end(),
                               [&](const auto& p) { return p.first == static_cast<uint32_t>(top); });
        if (it == tops.end()) tops.emplace_back(top, weight);
        else it->second = std::max(it->second, weight);
      }
      for (const auto& top_weight : tops) {
        const uint32_t top = top_weight.first;
        // Roll up: the parent counts the hit once, unless a top-level term already did.
        if (std::find_if(touched.begin(), touched.end(),
                         [top](const auto& p) { return p.first == top; }) != touched.end())
          continue;
        Acc& a = acc[top];
        a.count++;
        a.score += top_weight.second;
        a.sentences.insert(s);
      }
      if (mentions) {
        for (const auto& [theme, weight] : touched) {
          Mention m;
          m.kind = Mention::Kind::kTheme;
          m.start = doc.tokens[i].begin;
          m.end = doc.tokens[i + len - 1].end;
          m.id = themes_[theme].def.id;
          report->mentions.push_back(std::move(m));
        }
      }
      i += len;
    }
  }

  double total = 0;
  for (uint32_t t = 0; t < themes_.size(); ++t)
    if (themes_[t].parent < 0) total += acc[t].score;
  auto tone_of = [&](const std::set<uint32_t>& sentences) {
    if (sentences.empty()) return 0.0;
    double sum = 0;
    for (uint32_t s : sentences) sum += sentence_compound[s];
    return sum / static_cast<double>(sentences.size());
  };
  for (uint32_t t = 0; t < themes_.size(); ++t) {
    const Acc& a = acc[t];
    if (a.count == 0) continue;
    const ThemeDef& def = themes_[t].def;
    ThemeResult r;
    r.id = def.id;
    r.label = def.label;
    r.parent = def.parent;
    r.iptc = def.iptc;
    r.count = a.count;
    r.score = a.score;
    r.share = total > 0 ? a.score / total : 0;
    r.per_1000_words = doc.words ? 1000.0 * a.count / doc.words : 0;
    r.tone = tone_of(a.sentences);
    for (const auto& [term, count] : a.terms) r.terms.push_back({def.terms[term].text, count});
    std::sort(r.terms.begin(), r.terms.end(), [](const TermCount& x, const TermCount& y) {
      return x.count != y.count ? x.count > y.count : x.term < y.term;
    });
    r.sentences.assign(a.sentences.begin(), a.sentences.end());
    if (themes_[t].parent < 0) {
      TopLevelTheme top;
      top.id = r.id;
      top.label = r.label;
      top.iptc = r.iptc;
      top.score = r.score;
      top.count = r.count;
      top.share = r.share;
      report->top_level.push_back(std::move(top));
    }
    report->themes.push_back(std::move(r));
  }
  auto by_score = [](const auto& x, const auto& y) {
    return x.score != y.score ? x.score > y.score : x.id < y.id;
  };
  std::sort(report->top_level.begin(), report->top_level.end(), by_score);
  std::sort(report->themes.begin(), report->themes.end(), by_score);
  if (!report->top_level.empty()) report->primary_theme = report->top_level.front().id;
  for (uint32_t s = 0; s < doc.sentences.size() && s < report->sentences.size(); ++s)
    for (uint32_t t : sentence_themes[s]) report->sentences[s].themes.push_back(themes_[t].def.id);
}

}  // namespace newslens
