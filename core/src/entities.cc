// Actors: countries (names, demonyms), places, organizations from the entity dictionaries, and
// people and organizations found by form (titles, capitalised sequences, organization words).
#include <algorithm>
#include <map>
#include <set>

#include "internal.h"

namespace newslens {

namespace {

std::vector<std::string> SplitName(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

uint8_t ShapeOf(const std::string& w) {
  int upper = 0, lower = 0;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') ++upper;
    if (c >= 'a' && c <= 'z') ++lower;
  }
  if (upper >= 2 && lower == 0) return 2;
  unsigned char f = static_cast<unsigned char>(w.empty() ? 0 : w[0]);
  if ((f >= 'A' && f <= 'Z') || f >= 0x80) return 1;
  return 0;
}

bool FitsShape(const Token& t, uint8_t shape) {
  if (shape == 2) return t.has(kAllCaps);
  if (shape == 1) return t.has(kCapitalized) || t.has(kAllCaps);
  return true;
}

// The written name of tokens [b, e) without a trailing possessive.
std::string NameText(const Document& doc, uint32_t b, uint32_t e) {
  std::string s(doc.text.substr(doc.tokens[b].begin, doc.tokens[e - 1].end - doc.tokens[b].begin));
  for (const char* suffix : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
    size_t n = std::char_traits<char>::length(suffix);
    if (s.size() > n + 1 && s.compare(s.size() - n, n, suffix) == 0) {
      s.resize(s.size() - n);
      break;
    }
  }
  // Collapse internal whitespace and newlines to single spaces.
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace

Status EntityEngine::Build(const std::vector<EntityDictionary>& dicts,
                           const std::vector<std::string>& org_words,
                           const std::vector<std::string>& connectors, Vocab* vocab) {
  std::string norm;
  auto ids_of = [&](const std::vector<std::string>& words) {
    std::vector<uint32_t> ids;
    for (const std::string& w : words) {
      NormalizeWord(w, &norm);
      uint32_t id = vocab->Intern(norm);
      known_words_.insert(id);
      ids.push_back(id);
    }
    return ids;
  };
  auto entity = [&](const std::string& name, const std::string& type, const std::string& code) {
    std::string key = type + "\n" + name;
    auto it = entity_by_key_.find(key);
    if (it != entity_by_key_.end()) return it->second;
    uint32_t id = static_cast<uint32_t>(entities_.size());
    entities_.push_back({name, type, code});
    entity_by_key_[key] = id;
    return id;
  };
  auto add_name = [&](const std::string& written, uint32_t e) {
    std::vector<std::string> words = SplitName(written);
    if (words.empty()) return;
    uint32_t node = names_.Insert(ids_of(words));
    if (names_.payload(node) != kNoId) return;  // first claim wins
    Name n;
    n.entity = e;
    for (const std::string& w : words) n.shape.push_back(ShapeOf(w));
    names_.payload(node) = static_cast<uint32_t>(name_payloads_.size());
    name_payloads_.push_back(std::move(n));
  };
  for (const EntityDictionary& dict : dicts) {
    for (const CountryDef& c : dict.countries) {
      uint32_t e = entity(c.name, "country", c.code);
      add_name(c.name, e);
      for (const auto& a : c.aliases) add_name(a, e);
      for (const auto& a : c.demonyms) add_name(a, e);
      for (const auto& p : c.places) add_name(p, entity(p, "place", c.code));
    }
    for (const OrganizationDef& o : dict.organizations) {
      uint32_t e = entity(o.name, "organization", "");
      add_name(o.name, e);
      for (const auto& a : o.aliases) add_name(a, e);
    }
    for (const std::string& t : dict.titles) {
      std::vector<std::string> words = SplitName(t);
      if (words.empty()) continue;
      uint32_t node = titles_.Insert(ids_of(words));
      if (titles_.payload(node) != kNoId) continue;
      std::vector<uint8_t> shape;
      for (const auto& w : words) shape.push_back(ShapeOf(w));
      titles_.payload(node) = static_cast<uint32_t>(title_shapes_.size());
      title_shapes_.push_back(std::move(shape));
    }
    for (const std::string& w : dict.not_names) {
      NormalizeWord(w, &norm);
      not_names_.insert(vocab->Intern(norm));
    }
  }
  for (const std::string& w : org_words) {
    NormalizeWord(w, &norm);
    org_words_.insert(vocab->Intern(norm));
  }
  for (const std::string& w : connectors) {
    NormalizeWord(w, &norm);
    connectors_.insert(vocab->Intern(norm));
  }
  return Status();
}

bool EntityEngine::Knows(uint32_t id) const { return known_words_.count(id) > 0; }

uint32_t EntityEngine::MatchName(const Document& doc, uint32_t i, uint32_t end,
                                 uint32_t* entity) const {
  uint32_t node = 0, best = 0;
  for (uint32_t j = i; j < end; ++j) {
    const Token& t = doc.tokens[j];
    if (!t.is_word() || doc.surface[j] == kNoId) break;
    node = names_.Child(node, doc.surface[j]);
    if (node == kNoId) break;
    uint32_t p = names_.payload(node);
    if (p == kNoId) continue;
    const Name& name = name_payloads_[p];
    bool fits = true;
    for (uint32_t k = 0; k < name.shape.size() && fits; ++k)
      fits = FitsShape(doc.tokens[i + k], name.shape[k]);
    if (fits) {
      best = j - i + 1;
      *entity = name.entity;
    }
  }
  return best;
}

uint32_t EntityEngine::MatchTitle(const Document& doc, uint32_t i, uint32_t end) const {
  uint32_t node = 0, best = 0;
  for (uint32_t j = i; j < end; ++j) {
    const Token& t = doc.tokens[j];
    if (doc.surface[j] == kNoId) break;
    node = titles_.Child(node, doc.surface[j]);
    if (node == kNoId) break;
    uint32_t p = titles_.payload(node);
    if (p == kNoId) {
      // "Mr." — the title's dot is a separate token.
      continue;
    }
    const auto& shape = title_shapes_[p];
    bool fits = true;
    for (uint32_t k = 0; k < shape.size() && fits; ++k) fits = FitsShape(doc.tokens[i + k], shape[k]);
    if (fits) best = j - i + 1;
    (void)t;
  }
  // Swallow the abbreviation dot of "Mr." / "Gen.".
  if (best && i + best < end && doc.tokens[i + best].kind == TokenKind::kPunct &&
      doc.tokens[i + best].punct == '.')
    ++best;
  return best;
}

void EntityEngine::Run(const Document& doc, const std::vector<double>& sentence_compound,
                       Report* report, bool mentions) const {
  struct Found {
    uint32_t sentence, begin_tok, end_tok;
    int known = -1;      // index into entities_, or -1 for a form-found entity
    std::string name;    // form-found: the written name
    std::string type;    // form-found: "person" / "organization"
    std::string role;    // person: the title before the name
    bool single = false;  // a lone capitalised word, kept only if it names a known person
  };
  std::vector<Found> found;
  auto capitalised_word = [&](uint32_t j) {
    const Token& t = doc.tokens[j];
    return t.kind == TokenKind::kWord && (t.has(kCapitalized) || t.has(kAllCaps));
  };
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Span& span = doc.sentences[s];
    uint32_t first_word = span.first_token;
    while (first_word < span.last_token && !doc.tokens[first_word].is_word()) ++first_word;
    for (uint32_t i = span.first_token; i < span.last_token;) {
      if (!capitalised_word(i)) {
        ++i;
        continue;
      }
      // A title opens a person's name: "President Vladimir Putin", "Mr. Lavrov".
      uint32_t title = MatchTitle(doc, i, span.last_token);
      uint32_t start = i + title;
      // The capitalised sequence from `start`, allowing connectors inside ("Ministry of
      // Foreign Affairs", "Institute of International Relations").
      uint32_t end = start;
      bool has_org_word = false;
      while (end < span.last_token) {
        if (capitalised_word(end)) {
          if (org_words_.count(doc.surface[end])) has_org_word = true;
          ++end;
          const std::string_view w = doc.text.substr(doc.tokens[end - 1].begin,
                                                     doc.tokens[end - 1].end - doc.tokens[end - 1].begin);
          if (w.size() > 2 && (w.substr(w.size() - 2) == "'s" ||
                               (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s")))
            break;  // a possessive ends the name
          continue;
        }
        if (end + 1 < span.last_token && connectors_.count(doc.surface[end]) &&
            capitalised_word(end + 1) && end > start) {
          end += 1;
          continue;
        }
        break;
      }
      uint32_t known = 0;
      uint32_t known_len = title ? 0 : MatchName(doc, i, span.last_token, &known);
      uint32_t seq_len = end - start;
      if (has_org_word && seq_len > known_len && !title) {
        // Organization by form. Drop a leading not-name ("The Ministry ...").
        uint32_t b = start;
        while (b < end && not_names_.count(doc.surface[b]) && !org_words_.count(doc.surface[b])) ++b;
        if (end - b >= 2) {
          found.push_back({s, b, end, -1, NameText(doc, b, end), "organization", "", false});
          i = end;
          continue;
        }
      }
      if (known_len > 0) {
        found.push_back({s, i, i + known_len, static_cast<int>(known), "", "", "", false});
        i += known_len;
        continue;
      }
      if (seq_len == 0) {
        i = start > i ? start : i + 1;
        continue;
      }
      // People: trim not-names at the edges; names after a title, or 2-4 capitalised words.
      uint32_t b = start, e = end;
      while (b < e && (not_names_.count(doc.surface[b]) || connectors_.count(doc.surface[b]))) ++b;
      while (e > b && (not_names_.count(doc.surface[e - 1]) || connectors_.count(doc.surface[e - 1]))) --e;
      bool clean = e > b;
      for (uint32_t k = b; k < e && clean; ++k) {
        uint32_t ignored;
        if (not_names_.count(doc.surface[k]) || connectors_.count(doc.surface[k]) ||
            doc.tokens[k].has(kAllCaps) || MatchName(doc, k, k + 1, &ignored))
          clean = false;
      }
      bool at_start = b == first_word;
      if (clean && title && e - b <= 4) {
        std::string role = NameText(doc, i, start);
        if (!role.empty() && role.back() == '.') role.pop_back();
        found.push_back({s, b, e, -1, NameText(doc, b, e), "person", role, e - b == 1});
      } else if (clean && e - b >= 2 && e - b <= 4) {
        found.push_back({s, b, e, -1, NameText(doc, b, e), "person", "", false});
      } else if (clean && e - b == 1 && !at_start) {
        found.push_back({s, b, e, -1, NameText(doc, b, e), "person", "", true});
      }
      i = end > i ? end : i + 1;
    }
  }

  // Join surname-only mentions to the full name ("Putin" -> "Vladimir Putin"); drop lone
  // capitalised words that name nobody seen in full or after a title.
  std::map<std::string, std::string> full_by_last;
  std::map<std::string, std::string> role_by_name;
  for (const Found& f : found) {
    if (f.known >= 0 || f.type != "person") continue;
    if (!f.role.empty()) role_by_name[f.name] = f.role;
    auto sp = f.name.rfind(' ');
    if (sp != std::string::npos) full_by_last.emplace(f.name.substr(sp + 1), f.name);
  }
  struct Acc {
    std::string name, type, code, role;
    uint32_t count = 0;
    std::set<uint32_t> sentences;
    size_t first = 0;
  };
  std::vector<Acc> acc;
  std::map<std::string, size_t> acc_by_key;
  std::vector<std::set<size_t>> in_sentence(doc.sentences.size());
  for (size_t k = 0; k < found.size(); ++k) {
    Found& f = found[k];
    std::string name, type, code, role;
    if (f.known >= 0) {
      const Entity& e = entities_[f.known];
      name = e.name;
      type = e.type;
      code = e.code;
    } else {
      name = f.name;
      type = f.type;
      if (type == "person") {
        auto it = full_by_last.find(name);
        if (it != full_by_last.end()) name = it->second;
        else if (f.single && f.role.empty() && !role_by_name.count(name)) continue;
        auto r = role_by_name.find(name);
        if (r != role_by_name.end()) role = r->second;
        else if (!f.role.empty()) role = f.role;
      }
    }
    std::string key = type + "\n" + name;
    auto [it, inserted] = acc_by_key.emplace(key, acc.size());
    if (inserted) {
      Acc a;
      a.name = name;
      a.type = type;
      a.code = code;
      a.first = k;
      acc.push_back(std::move(a));
    }
    Acc& a = acc[it->second];
    if (a.role.empty()) a.role = role;
    a.count++;
    a.sentences.insert(f.sentence);
    in_sentence[f.sentence].insert(it->second);
    if (mentions) {
      Mention m;
      m.kind = Mention::Kind::kEntity;
      m.start = doc.tokens[f.begin_tok].begin;
      m.end = doc.tokens[f.end_tok - 1].end;
      m.id = name;
      report->mentions.push_back(std::move(m));
    }
  }
  for (const Acc& a : acc) {
    EntityResult r;
    r.name = a.name;
    r.type = a.type;
    r.code = a.code;
    r.role = a.role;
    r.count = a.count;
    double sum = 0;
    for (uint32_t s : a.sentences) sum += sentence_compound[s];
    r.tone = a.sentences.empty() ? 0 : sum / static_cast<double>(a.sentences.size());
    report->entities.push_back(std::move(r));
  }
  std::stable_sort(report->entities.begin(), report->entities.end(),
                   [](const EntityResult& x, const EntityResult& y) {
                     return x.count != y.count ? x.count > y.count : x.name < y.name;
                   });
  std::map<std::pair<std::string, std::string>, uint32_t> pairs;
  for (const auto& ids : in_sentence) {
    std::vector<const std::string*> names;
    for (size_t id : ids) names.push_back(&acc[id].name);
    for (size_t x = 0; x < names.size(); ++x)
      for (size_t y = x + 1; y < names.size(); ++y) {
        if (*names[x] == *names[y]) continue;
        auto key = *names[x] < *names[y] ? std::make_pair(*names[x], *names[y])
                                         : std::make_pair(*names[y], *names[x]);
        pairs[key]++;
      }
  }
  for (const auto& [key, count] : pairs) report->co_mentions.push_back({key.first, key.second, count});
  std::stable_sort(report->co_mentions.begin(), report->co_mentions.end(),
                   [](const CoMention& x, const CoMention& y) { return x.count > y.count; });
}

}  // namespace newslens
