// Actors: the countries, places and organizations the entity dictionaries name, organizations
// found by their form, and people found by capitalised names, titles and surname joining.
//
// At each capitalised word of a sentence, in this order (the first that applies wins):
//   1. an organization by form that is longer than any dictionary name there
//      ("Moscow State Institute of International Relations", "U.S. Agriculture Department");
//   2. the longest dictionary name (country, demonym, place, organization), or a not_countries
//      phrase, which is consumed and reports nothing ("South China Sea");
//   3. a title, which opens a person's name and becomes the role ("President Vladimir Putin");
//   4. an unknown word in capitals, kept as a possible acronym of an organization the text
//      introduces ("Moscow State Institute of International Relations (MGIMO)");
//   5. a run of capitalised name words: a person (2-4 words) or a lone word that is kept only
//      if it is the surname (or given name) of a person named in full ("Putin").
// Country names inside an organization's name count for the country too ("Bank of Japan").
#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "draft.h"
#include "entities.h"
#include "sort.h"
#include "startup_code.h"

namespace newslens {

namespace {

// Trie ids for one-byte punctuation and symbols inside names ("St. Petersburg", "Birmingham,
// Ala.", "Bill & Melinda Gates Foundation"): above every vocab id.
constexpr uint32_t kPunctId = 0xFFFFFF00u;

// A person's name has at most this many words, initials included ("George W. Bush", "Martin
// Luther King Jr"); newsroom style guides (AP, Reuters) write at most given, middle and family
// name plus a suffix. Longer capitalised runs are titles of works or headlines.
constexpr uint32_t kMaxPersonWords = 4;
// After "Ministry of", an organization's scope runs at most this many tokens: the longest in the
// organization dictionary is "Office for the Coordination of Humanitarian Affairs" (6).
constexpr uint32_t kMaxOrgScope = 6;
// A title-case sentence (every word but connectors capitalised) is a headline when it has at
// least kHeadlineMinWords words, or when it is a line without terminal punctuation ("World
// News"); a sentence of at least kShoutMinWords words of which kShoutShare are in capitals is
// an all-caps headline (Reuters-21578 titles). Capitals there say nothing about names, so only
// dictionary names are matched. 3 words: "Oil Prices Rise"; 0.8: an all-caps headline may carry
// a lower-case unit or an acronym in mixed case ("mln", "PLC").
constexpr uint32_t kHeadlineMinWords = 3;
constexpr uint32_t kShoutMinWords = 2;
constexpr double kShoutShare = 0.8;
// A sentence naming more distinct entities than this is a list or a table, not a relation
// between them: it adds no co-mentions (and keeps their count linear in the input). A news
// sentence names a handful; the sample's longest list names 6.
constexpr size_t kMaxCoMentionEntities = 32;
// An acronym introduced in brackets after a name has at most this many bytes ("UNCTAD", "MGIMO",
// "UNFCCC" — the longest acronym in the organization dictionary has 6).
constexpr uint32_t kMaxAcronymBytes = 10;
// An acronym nobody introduces is an organization of its own ("the KDP", "CFDT union") when it
// has this many capital letters: two-letter ones are as often initials or state codes ("BJ",
// "MI"), and six or more are shouted words ("WIGAN", "CLEVELAND") as often as acronyms.
constexpr size_t kMinLoneAcronymBytes = 2;
constexpr size_t kMaxLoneAcronymBytes = 5;
// An acronym of at least this many capitals that one unknown capitalised word follows opens a
// firm's name ("ABN Amro", "BHP Billiton"); two capitals there are a person's initials ("JJ").
constexpr size_t kMinAcronymFirmBytes = 3;
// How far along its line the lone-acronym rule looks for a word in lower case: a table's row
// or a wire's line is shorter.
constexpr uint32_t kAcronymLineReach = 40;
// A sports event named after a place has at most this many capitalised words after the place's
// name ("U.S. Open Tennis Championships", "Italian Grand Prix").
constexpr uint32_t kMaxEventWords = 3;

// A cricket scorecard's marks before a player's name: caught (c), bowled (b), stumped (st), as
// Reuters and Wisden print them ("c Stewart b Gough 33", "st Moin Khan b Saqlain 113").
constexpr std::string_view kDismissalMarks[] = {"c", "b", "st"};

// The word that opens an airline's name before its country or city ("Air France", "Air
// Canada", "Air New Zealand"), normalized.
constexpr std::string_view kAirlineWord = "air";

// The officers an organization has and a person does not, as written in lower case before
// their name ("Standard Chartered chief executive Mervyn Davies"): a name before one is their
// employer. Titles of data/entities/organizations-en.json; trades ("actress", "writer") and
// sports jobs (a club's "captain", "coach": the match report's rules) are not among them, nor a
// spokesman, whom politicians have as much as firms ("Vladimir Putin spokesman Dmitry Peskov").
constexpr std::string_view kOfficerTitles[] = {"chief executive", "chairman", "chairwoman",
                                               "managing director"};

// A company's legal form (normalized): after one the name is complete, and "of" that follows
// says where the company is, not what it is ("Daniels Pharmaceuticals Inc of St. Petersburg",
// "Kia Motor Corp of South Korea"; "Bank of Japan" has no legal form before its "of"). The
// abbreviations and words of data/text/en.json's org_words that are legal forms of companies in
// the US, UK, Europe and Asia; "Corporation" and "Company" are left out ("Corporation of
// London").
constexpr std::string_view kLegalForms[] = {
    "inc", "ltd", "corp", "plc", "llc", "co", "ag", "sa", "nv", "bv", "gmbh", "spa", "ab",
    "asa", "oyj", "bhd", "berhad", "pty", "limited", "incorporated"};

bool LegalForm(std::string_view norm) {
  for (std::string_view f : kLegalForms)
    if (norm == f) return true;
  return false;
}

// A league table's row names its team in at most this many tokens ("Queen of the South",
// "Brighton and Hove Albion", "Mladost (BJ)"): a club's name is short.
constexpr uint32_t kMaxTeamTokens = 6;

// A sentence-initial word ending in -ing longer than this many bytes is a gerund or participle
// ("Putting", "Using"), never a name's first word; 5 keeps short names ("King", "Ming", "Ewing"
// at 5) out of the rule.
constexpr size_t kMinGerundBytes = 5;
// An article is a match report when at least kSportsMinWords of its words, and one in
// kSportsShareDivisor, are sports words (data/text/en.json sports_words): a results table of 40
// words under "SOCCER - LEAGUE RESULTS" has 3; a business story that mentions a "season" or a
// "cup" has far fewer than one in 40.
constexpr uint32_t kSportsMinWords = 3;
constexpr uint32_t kSportsShareDivisor = 40;
// An apposition that names what an actor is ("Barrick, the Toronto-based gold miner", "Petofi,
// one of its Hungarian units") has at most this many words between its article and its noun:
// a newsroom's descriptive apposition is short; longer ones are clauses.
constexpr uint32_t kMaxAppositionWords = 5;

uint8_t ShapeOf(const Token& t) {
  if (t.has(kAllCaps)) return 2;
  return t.has(kCapitalized) ? 1 : 0;
}

bool Fits(const Token& t, uint8_t shape) {
  if (shape == 2) return t.has(kAllCaps);
  if (shape == 1) return t.has(kCapitalized) || t.has(kAllCaps);
  return true;
}

uint32_t PunctId(const Token& t, std::string_view text) {
  if (t.kind == TokenKind::kPunct) return kPunctId | static_cast<unsigned char>(t.punct);
  if (t.kind == TokenKind::kSymbol && t.end == t.begin + 1)
    return kPunctId | static_cast<unsigned char>(text[t.begin]);
  return kNoId;
}

uint32_t IdAt(const Document& doc, uint32_t j) {
  const Token& t = doc.tokens[j];
  return t.is_word() ? doc.surface[j] : PunctId(t, doc.text);
}

bool IsWord(const Document& doc, uint32_t j) { return doc.tokens[j].kind == TokenKind::kWord; }

bool IsCapWord(const Document& doc, uint32_t j) {
  const Token& t = doc.tokens[j];
  return t.kind == TokenKind::kWord && (t.has(kCapitalized) || t.has(kAllCaps));
}

bool IsPunct(const Document& doc, uint32_t j, char c) {
  return doc.tokens[j].kind == TokenKind::kPunct && doc.tokens[j].punct == c;
}

// Bytes of a possessive ending ("'s", "’s") at the end of token j, or 0.
uint32_t PossessiveBytes(const Document& doc, uint32_t j) {
  const Token& t = doc.tokens[j];
  if (!t.has(kApostrophe)) return 0;
  std::string_view w = t.view(doc.text);
  for (std::string_view suffix : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")})
    if (w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix)
      return static_cast<uint32_t>(suffix.size());
  return 0;
}

// The written name of tokens [b, e): possessive stripped, whitespace collapsed.
std::string NameText(const Document& doc, uint32_t b, uint32_t e) {
  uint32_t begin = doc.tokens[b].begin;
  uint32_t end = doc.tokens[e - 1].end - PossessiveBytes(doc, e - 1);
  std::string out;
  out.reserve(end - begin);
  bool space = false;
  for (char c : doc.text.substr(begin, end - begin)) {
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

// A one-letter initial before a name ("A. Stewart", "I. Austin"): the letter, its dot and a
// capitalised word. "A" and "I" are otherwise not names (the article, the pronoun).
bool Initial(const Document& doc, uint32_t j, uint32_t last) {
  const Token& t = doc.tokens[j];
  return t.end - t.begin == 1 && j + 2 < last && IsPunct(doc, j + 1, '.') &&
         doc.tokens[j + 1].begin == t.end && IsCapWord(doc, j + 2);
}

// The normalized form of token j without a possessive ending.
std::string_view NormNoPossessive(const Document& doc, uint32_t j) {
  std::string_view n = doc.norm(j);
  if (PossessiveBytes(doc, j) && n.size() > 2 && n.substr(n.size() - 2) == "'s") n.remove_suffix(2);
  return n;
}

}  // namespace

// ---- Building -------------------------------------------------------------------------------

NEWSLENS_STARTUP_CODE bool EntityEngine::AddForm(Trie* trie, const std::string& written, uint32_t entity, Vocab* vocab,
                           std::vector<uint32_t>* ids) {
  ids->clear();
  size_t shape_begin = shapes_.size();
  // Reused from form to form: ~10k forms at start-up.
  thread_local std::vector<Token> tokens;
  thread_local std::string norm;
  bool has_word = false, starts_with_word = false;
  Tokenize(written, &tokens);
  for (const Token& t : tokens) {
    if (t.has(kPart)) continue;  // a compound is matched whole ("Guinea-Bissau")
    uint32_t id;
    if (t.is_word()) {
      NormalizeWord(t.view(written), &norm);
      id = vocab->Intern(norm);
      pending_.push_back({id, kKnownWord});
      starts_with_word |= ids->empty();
      has_word = true;
    } else {
      id = PunctId(t, written);
      if (id == kNoId) {
        shapes_.resize(shape_begin);
        return false;  // a multi-byte symbol: never in a name
      }
    }
    ids->push_back(id);
    shapes_.push_back(t.is_word() ? ShapeOf(t) : 0);
  }
  if (!has_word) {
    shapes_.resize(shape_begin);
    return false;
  }
  // Names and titles that may start at a lower-case or numeric token ("al-Qaeda", "10 Downing
  // Street", "spokesman Wang Wenbin"); all others start at a capitalised word. A form that starts
  // with punctuation ("@hairwoman") has no word to mark: its first id is not a vocab id.
  if (shapes_[shape_begin] == 0 && starts_with_word)
    pending_.push_back({ids->front(), trie == &titles_ ? kLowerTitleStart : kLowerNameStart});
  uint32_t node = trie->trie.Insert(*ids);
  uint32_t& payload = trie->trie.payload(node);
  if (payload == kNoId) {
    payload = static_cast<uint32_t>(trie->forms.size());
    trie->forms.emplace_back();
  }
  Form form{entity, static_cast<uint32_t>(shape_begin),
            static_cast<uint32_t>(shapes_.size() - shape_begin)};
  for (const Form& f : trie->forms[payload]) {
    if (std::equal(shapes_.begin() + f.shape_begin, shapes_.begin() + f.shape_begin + f.shape_len,
                   shapes_.begin() + shape_begin)) {
      shapes_.resize(shape_begin);  // the same written form: the first claim wins
      return true;
    }
  }
  trie->forms[payload].push_back(form);
  return true;
}

NEWSLENS_STARTUP_CODE Status EntityEngine::Build(const std::vector<EntityDictionary>& dicts, const EntityWords& words,
                           Vocab* vocab) {
  std::string norm;
  auto classify = [&](const std::vector<std::string>& list, WordClass c) {
    for (const std::string& w : list) {
      NormalizeWord(w, &norm);
      pending_.push_back({vocab->Intern(norm), c});
    }
  };
  auto entity = [&](const std::string& name, Type type, const std::string& code) {
    std::string key = std::to_string(static_cast<int>(type)) + "\n" + name;
    auto it = entity_by_key_.find(key);
    if (it != entity_by_key_.end()) return it->second;
    uint32_t id = static_cast<uint32_t>(entities_.size());
    entities_.push_back({name, code, type});
    entity_by_key_.emplace(std::move(key), id);
    return id;
  };
  const uint32_t suppressed = entity("", Type::kSuppressed, "");
  std::vector<uint32_t> ids;
  std::vector<Token> tokens;
  // Honorifics first: where a dictionary title has the same written form, the honorific flag
  // (entity 1) wins.
  for (const std::string& h : words.honorifics) AddForm(&titles_, h, 1, vocab, &ids);
  // Continents and regions first: a place of no country, where a dictionary also lists the
  // phrase among its not_countries ("Latin America" is a place, not America).
  for (const std::string& r : words.regions)
    AddForm(&names_, r, entity(r, Type::kPlace, ""), vocab, &ids);
  for (const EntityDictionary& dict : dicts) {
    for (const CountryDef& c : dict.countries) {
      uint32_t e = entity(c.name, Type::kCountry, c.code);
      for (Trie* trie : {&names_, &countries_}) {
        AddForm(trie, c.name, e, vocab, &ids);
        for (const auto& a : c.aliases) AddForm(trie, a, e, vocab, &ids);
        for (const auto& a : c.demonyms) AddForm(trie, a, e, vocab, &ids);
      }
      for (const auto& p : c.places)
        AddForm(&names_, p, entity(p, Type::kPlace, c.code), vocab, &ids);
    }
    for (const std::string& n : dict.not_countries)
      for (Trie* trie : {&names_, &countries_}) AddForm(trie, n, suppressed, vocab, &ids);
    for (const OrganizationDef& o : dict.organizations) {
      uint32_t e = entity(o.name, Type::kOrganization, "");
      for (size_t k = 0; k <= o.aliases.size(); ++k) {
        const std::string& written = k == 0 ? o.name : o.aliases[k - 1];
        AddForm(&names_, written, e, vocab, &ids);
        // Capitalised words of organization names may start a name at a sentence start
        // ("Global Security Initiative"), unlike other not-names ("Meanwhile").
        Tokenize(written, &tokens);
        for (const Token& t : tokens)
          if (t.is_word() && t.has(kCapitalized)) {
            NormalizeWord(t.view(written), &norm);
            pending_.push_back({vocab->Intern(norm), kNameWord});
          }
      }
    }
    for (const std::string& t : dict.titles) AddForm(&titles_, t, 0, vocab, &ids);
    classify(dict.not_names, kNotName);
  }
  // A country named like a place of another country ("Georgia"): the dictionary lists the
  // name under both; the country claims the written form, the place is its other reading.
  for (uint32_t e = 0; e < entities_.size(); ++e) {
    if (entities_[e].type != Type::kCountry) continue;
    auto place = entity_by_key_.find(std::to_string(static_cast<int>(Type::kPlace)) + "\n" +
                                     entities_[e].name);
    if (place == entity_by_key_.end() || entities_[place->second].code == entities_[e].code)
      continue;
    shared_name_.resize(entities_.size(), kNoId);
    shared_name_[e] = place->second;
  }
  classify(words.org_words, kOrgWord);
  classify(words.connectors, kConnector);
  classify(words.org_connectors, kOrgConnector);
  classify(words.particles, kParticle);
  classify(words.speech_verbs, kSpeechVerb);
  classify(words.place_words, kPlaceWord);
  classify(words.place_prefixes, kPlacePrefix);
  classify(words.sports_words, kSportsWord);
  classify(words.match_words, kMatchWord);
  classify(words.company_nouns, kCompanyNoun);
  classify(words.company_after, kCompanyAfter);
  for (const std::string& e : words.event_words) {
    NormalizeWord(e, &norm);
    event_words_.push_back(vocab->Intern(norm));
  }
  // One byte of classes per vocab id, so the scan tests a class with one load.
  word_class_.assign(vocab->size(), 0);
  for (auto [id, c] : pending_) word_class_[id] |= c;
  pending_.clear();
  pending_.shrink_to_fit();
  return Status();
}

bool EntityEngine::Knows(uint32_t id) const { return Is(kKnownWord, id); }

// ---- Matching -------------------------------------------------------------------------------

uint32_t EntityEngine::Match(const Trie& t, const Document& doc, uint32_t i, uint32_t end,
                             uint32_t* entity) const {
  uint32_t node = 0, best = 0;
  for (uint32_t j = i; j < end; ++j) {
    uint32_t id = IdAt(doc, j);
    if (id == kNoId) break;
    node = t.trie.Child(node, id);
    if (node == kNoId) break;
    uint32_t p = t.trie.payload(node);
    if (p == kNoId) continue;
    for (const Form& f : t.forms[p]) {
      bool fits = true;
      for (uint32_t k = 0; k < f.shape_len && fits; ++k)
        fits = Fits(doc.tokens[i + k], shapes_[f.shape_begin + k]);
      if (fits) {
        best = j - i + 1;
        *entity = f.entity;
        break;
      }
    }
  }
  return best;
}

uint32_t EntityEngine::EventEnd(const Document& doc, uint32_t i, uint32_t end) const {
  // In capitals ("BEAT WALES IN WORLD CUP QUALIFIER") every word looks like a name's: there
  // the event word must follow the place ("U.S. OPEN"). The word after the place is tested, not
  // the place: "U.S.", "UK" are capitals in any line ("U.S. Open Tennis Championships").
  if (i >= end) return 0;
  const uint32_t most = doc.tokens[i].has(kAllCaps) ? 1 : kMaxEventWords;
  uint32_t j = i, event = 0;
  for (; j < end && j < i + most && IsCapWord(doc, j); ++j)
    if (!event && std::find(event_words_.begin(), event_words_.end(), doc.surface[j]) !=
                      event_words_.end())
      event = j + 1;
  return event ? j : 0;
}

uint32_t EntityEngine::MatchTitle(const Document& doc, uint32_t i, uint32_t end,
                                  bool* honorific) const {
  uint32_t flag = 0;
  uint32_t n = Match(titles_, doc, i, end, &flag);
  if (n && honorific) *honorific = flag == 1;
  // "Mr." written without its dot in the dictionary: swallow the abbreviation dot.
  if (n && i + n < end && IsPunct(doc, i + n, '.') &&
      doc.tokens[i + n].begin == doc.tokens[i + n - 1].end)
    ++n;
  return n;
}

uint32_t EntityEngine::Titles(const Document& doc, uint32_t i, uint32_t end, uint32_t* role_begin,
                              uint32_t* role_end, bool* honorific) const {
  // A chain of titles ("Director-General Dr. Tedros"): the role is the first that is not a
  // courtesy title, else the first.
  uint32_t j = i;
  bool found = false;
  while (j < end) {
    bool h = false;
    uint32_t n = MatchTitle(doc, j, end, &h);
    if (!n) break;
    if (!found || (*honorific && !h)) {
      *role_begin = j;
      *role_end = j + n;
      *honorific = h;
      found = true;
    }
    j += n;
  }
  return j - i;
}

// Per-sentence context of the scan.
struct EntityEngine::Scan {
  const Document& doc;
  uint32_t last;        // one past the sentence's last token
  uint32_t first_word;  // the sentence's first word token
  bool headline;
};

uint32_t EntityEngine::Scope(const Scan& sc, uint32_t j) const {
  const Document& doc = sc.doc;
  uint32_t k = j + 1;  // after "of"
  if (k < sc.last && IsWord(doc, k) && !IsCapWord(doc, k) && Is(kConnector, doc.surface[k])) ++k;
  uint32_t end = 0, n = 0, entity;
  while (k < sc.last && n < kMaxOrgScope) {
    if (IsCapWord(doc, k)) {
      if (MatchTitle(doc, k, sc.last, nullptr)) break;  // "Bank of Japan Governor ..."
      if (uint32_t len = MatchName(doc, k, sc.last, &entity)) {
        if (entities_[entity].type != Type::kSuppressed) end = k + len;
        break;  // "Bank of Japan", "Council of the European Union"
      }
      bool possessive = PossessiveBytes(doc, k) > 0;
      ++k;
      ++n;
      end = k;
      if (possessive) break;
      continue;
    }
    // A connector inside the scope ("Ministry of Finance and Economy"), unless what follows it
    // is another organization, a title or a name ("Bank of Japan and Bank of England").
    if (IsWord(doc, k) && Is(kConnector, doc.surface[k]) && k + 1 < sc.last) {
      uint32_t next = k + 1;
      if (!IsCapWord(doc, next) && next + 1 < sc.last && Is(kConnector, doc.surface[next])) ++next;
      if (!IsCapWord(doc, next)) break;
      if (!Is(kOrgConnector, doc.surface[k]) &&
          (Is(kOrgWord, doc.surface[next]) || MatchTitle(doc, next, sc.last, nullptr) ||
           MatchName(doc, next, sc.last, &entity)))
        break;
      k = next;
      continue;
    }
    break;
  }
  return end;
}

bool EntityEngine::HomeAfterLegalForm(const Document& doc, uint32_t j, uint32_t scope,
                                      uint32_t last) const {
  // "Kia Motor Corp of South Korea", "Cigra Inc of Chicago": after a legal form, "of" and a
  // name where the company's name ends say where it is ("on" and "for" say when or for whom).
  // Not when the name goes on ("Occidental Life Insurance Co of Australia Ltd", "X SA of France
  // and Y Corp" — one name, as before), nor "of America" / "of North America", which US
  // companies carry in their names ("Aluminum Co of America", "Associates Corp of North
  // America").
  if (!IsWord(doc, j) || !LegalForm(doc.norm(j - 1))) return false;
  if (doc.norm(j) != "of") return true;  // "Inc on Tuesday", "Inc for DOT": never the name's
  if (scope < last && (IsCapWord(doc, scope) || (IsWord(doc, scope) &&
                                                 Is(kConnector, doc.surface[scope]))))
    return false;
  const std::string_view tail = doc.norm(scope - 1);
  return tail != "america";
}

uint32_t EntityEngine::OrgForm(const Scan& sc, uint32_t i, uint32_t* begin) const {
  const Document& doc = sc.doc;
  uint32_t b = i;
  // A leading "The", or a sentence-initial word capitalised only because it starts the sentence.
  while (b < sc.last && IsCapWord(doc, b) &&
         (Is(kConnector, doc.surface[b]) ||
          (b == sc.first_word && Is(kNotName, doc.surface[b]) && !Is(kNameWord, doc.surface[b]))))
    ++b;
  // "Shares of Douglas & Lomason Co", "Representatives of First Bank": a common word that opens
  // the sentence, then "of" or "for", is no part of the name that follows. A common word is one
  // of the lexicons that no name carries (an organization word would be: "Bank of Japan").
  if (b == sc.first_word && b + 2 < sc.last && IsCapWord(doc, b) && !doc.tokens[b].has(kAllCaps) &&
      doc.surface[b] != kNoId && !Is(kKnownWord, doc.surface[b]) && !Is(kOrgWord, doc.surface[b]) &&
      IsWord(doc, b + 1) && !IsCapWord(doc, b + 1) && Is(kOrgConnector, doc.surface[b + 1]) &&
      doc.norm(b + 1) != "on" && IsCapWord(doc, b + 2))
    b += 2;
  *begin = b;
  uint32_t j = b, words = 0, end = 0;
  while (j < sc.last) {
    if (IsCapWord(doc, j)) {
      ++words;
      bool org = Is(kOrgWord, doc.surface[j]);
      bool possessive = PossessiveBytes(doc, j) > 0;
      ++j;
      if (!org) {
        if (possessive) break;
        continue;
      }
      if (!possessive && j < sc.last && IsWord(doc, j) && !IsCapWord(doc, j) &&
          Is(kOrgConnector, doc.surface[j])) {
        uint32_t scope = Scope(sc, j);  // "Ministry of Foreign Affairs"
        if (scope && !HomeAfterLegalForm(doc, j, scope, sc.last)) return scope;
      }
      if (words >= 2) end = j;  // "Foreign Ministry", "Global Security Initiative"
      if (possessive) break;
      continue;
    }
    // Connectors inside the name ("Belt and Road Initiative"), but not after a complete one
    // ("Texaco Inc and General Motors Corp" are two).
    if (words > 0 && end != j && j + 1 < sc.last && IsWord(doc, j) && !IsCapWord(doc, j) &&
        Is(kConnector, doc.surface[j]) && IsCapWord(doc, j + 1)) {
      ++j;
      continue;
    }
    break;
  }
  return end;
}

uint32_t EntityEngine::PersonEnd(const Scan& sc, uint32_t i, uint32_t* words) const {
  const Document& doc = sc.doc;
  uint32_t j = i, n = 0, entity;
  while (j < sc.last) {
    const Token& t = doc.tokens[j];
    if (IsCapWord(doc, j) && !t.has(kAllCaps) &&
        (!Is(kNotName, doc.surface[j]) || Initial(doc, j, sc.last))) {
      if (uint32_t len = MatchName(doc, j, sc.last, &entity)) {
        // "Michael Jordan": a one-word country or place right after a name word unknown to
        // every dictionary is a surname here.
        Type type = entities_[entity].type;
        bool one_place = len == 1 && (type == Type::kCountry || type == Type::kPlace);
        bool surname = one_place && n > 0 && doc.surface[j - 1] == kNoId;
        // "Senator Chad Smith", "Minister Israel Katz": after a title, a one-word country or
        // place followed by a name word unknown to every dictionary is a given name.
        bool given = one_place && n == 0 && j + 1 < sc.last && IsCapWord(doc, j + 1) &&
                     !doc.tokens[j + 1].has(kAllCaps) && doc.surface[j + 1] == kNoId;
        if (!surname && !given) break;
      }
      ++n;
      bool possessive = PossessiveBytes(doc, j) > 0;
      ++j;
      if (possessive) break;
      // An initial: "George W. Bush".
      if (t.end - t.begin == 1 && j + 1 < sc.last && IsPunct(doc, j, '.') && IsCapWord(doc, j + 1))
        ++j;
      continue;
    }
    // Particles inside a name: "Ursula von der Leyen", "Mohammed bin Salman".
    if (n > 0 && IsWord(doc, j) && !IsCapWord(doc, j) && Is(kParticle, doc.surface[j])) {
      uint32_t next = j + 1;
      if (next < sc.last && IsWord(doc, next) && !IsCapWord(doc, next) &&
          Is(kParticle, doc.surface[next]))
        ++next;
      if (next < sc.last && IsCapWord(doc, next) && !doc.tokens[next].has(kAllCaps)) {
        j = next;
        continue;
      }
    }
    break;
  }
  *words = n;
  return j;
}

// ---- The scan -------------------------------------------------------------------------------

struct EntityEngine::Found {
  uint32_t sentence = 0, begin = 0, end = 0;  // tokens [begin, end)
  uint32_t entity = kNoId;                    // a dictionary entity, or kNoId
  Type type = Type::kOrganization;
  uint32_t role_begin = 0, role_end = 0;  // tokens of the title before a person
  bool honorific = false;                 // the title is a courtesy one ("Mr.")
  uint32_t parent = kNoId;                // nested in this Found ("Japan" in "Bank of Japan")
  uint32_t same_as = kNoId;               // an acronym: the Found it stands for
  bool single = false;                    // one capitalised word: kept only if it joins
  bool at_start = false;                  // begins at the sentence's first word
  bool counted = true;                    // false: folded into its acronym's mention
  // A name restated in brackets right after the same actor ("Kurdistan Democratic Party (KDP)",
  // "KDP (Kurdistan Democratic Party)"): a mention of that actor that does not count again.
  bool restated = false;
  bool by_context = false;                // a lone word the context made an actor
  bool by_given_name = false;             // a lone word joined to a full name by its first word
  bool camel = false;                     // one camel-case word ("NationsBank"): never a person
  bool airline = false;                   // "Air" and a country or city ("Air Canada")
  uint32_t name = kNoId;                  // found by form: index into the call's names
};

// What one call of Run builds up, step by step (see Run).
struct EntityEngine::Work {
  explicit Work(const Document& d) : doc(d) {
    found.reserve(doc.tokens.size() / 16);  // ~1 name per 16 tokens in news (the sample: 1/20)
  }
  const Document& doc;
  std::vector<Found> found;
  std::vector<std::string> names;  // names of what was found by form
  struct Acronym {
    uint32_t sentence, token;
    uint32_t target = kNoId;  // introduced as "ACR (Full Name)": the Found of the full name
  };
  std::vector<Acronym> acronyms;
  struct Alias {
    std::string_view text;
    uint32_t target;
  };
  std::vector<Alias> aliases;     // acronyms the text introduces for a name
  std::vector<uint32_t> persons;  // Found indices of untitled multi-word person candidates
  uint32_t last_name = kNoId;     // the last Found recorded by AddName
  bool sports = false;            // the article is a match report (SportsReport)

  uint32_t AddNamed(const Document& d, uint32_t b, uint32_t e) {
    names.push_back(NameText(d, b, e));
    return static_cast<uint32_t>(names.size() - 1);
  }
};

bool EntityEngine::IsHeadline(const Document& doc, const Span& span) const {
  uint32_t words = 0, caps = 0, all_caps = 0;
  bool terminal = false, figures = false;
  // Once more than a fifth of the tokens are neither connectors nor in capitals, it is neither
  // kind of headline.
  const uint32_t give_up = (span.last_token - span.first_token) / 5 + 1;
  for (uint32_t j = span.first_token; j < span.last_token; ++j) {
    const Token& t = doc.tokens[j];
    if (words - all_caps > give_up && words > caps) return false;
    if (t.kind == TokenKind::kPunct && t.punct != '"' && t.punct != 0x27 && t.punct != ')')
      terminal = t.punct == '.' || t.punct == '!' || t.punct == '?';
    // A row of a results table ("3. Florian Schwarthoff (Germany) 13.36") has figures or a
    // bracket: its capitals are names, not a title-case headline.
    if (t.kind == TokenKind::kNumber || (t.kind == TokenKind::kPunct && t.punct == '('))
      figures = true;
    if (t.kind != TokenKind::kWord) continue;
    terminal = false;
    bool cap = t.has(kCapitalized) || t.has(kAllCaps);
    if (!cap && Is(kConnector, doc.surface[j])) continue;
    ++words;
    caps += cap;
    all_caps += t.has(kAllCaps);
  }
  bool title_case = words >= 2 && caps == words;
  return (title_case && !figures && (words >= kHeadlineMinWords || !terminal)) ||
         (words >= kShoutMinWords && all_caps >= kShoutShare * words);
}

namespace {

// Which candidate words also appear in lower case in the document ("Years", "Sports"): such
// words are common words, not names. One pass over the document, done only when needed.
class LowercaseSeen {
 public:
  void Add(std::string_view w) {
    if (w.empty()) return;
    words_.push_back(w);
    length_mask_ |= uint64_t{1} << std::min<size_t>(w.size(), 63);
    unsigned char first = static_cast<unsigned char>(w[0]);
    first_bytes_[first >> 6] |= uint64_t{1} << (first & 63);
  }
  // `maybe_name(id)`: whether a word with this vocab id may be a candidate at all.
  template <typename MaybeName>
  void Scan(const Document& doc, MaybeName maybe_name) {
    std::sort(words_.begin(), words_.end());
    words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
    seen_.assign(words_.size(), false);
    if (words_.empty()) return;
    for (uint32_t j = 0; j < doc.tokens.size(); ++j) {
      const Token& t = doc.tokens[j];
      if (t.kind != TokenKind::kWord || t.has(kCapitalized) || t.has(kAllCaps) ||
          !maybe_name(doc.surface[j]))
        continue;
      std::string_view n = doc.norm(j);
      if (n.empty() || !((length_mask_ >> std::min<size_t>(n.size(), 63)) & 1)) continue;
      unsigned char first = static_cast<unsigned char>(n[0]);
      if (!((first_bytes_[first >> 6] >> (first & 63)) & 1)) continue;
      auto it = std::lower_bound(words_.begin(), words_.end(), n);
      if (it != words_.end() && *it == n) seen_[it - words_.begin()] = true;
    }
  }
  bool Seen(std::string_view w) const {
    auto it = std::lower_bound(words_.begin(), words_.end(), w);
    return it != words_.end() && *it == w && seen_[it - words_.begin()];
  }

 private:
  std::vector<std::string_view> words_;
  std::vector<bool> seen_;
  uint64_t length_mask_ = 0;      // bit L: a candidate has L bytes (63: 63 or more)
  uint64_t first_bytes_[4] = {};  // bitset of the candidates' first bytes
};

// A word glued to the word before it by a dot ("Bagle.AU", "example.COM"): part of a file,
// domain or variant name, never a name of its own.
bool GluedByDot(const Document& doc, uint32_t i) {
  if (i < 2) return false;
  const Token& dot = doc.tokens[i - 1];
  return dot.kind == TokenKind::kPunct && dot.punct == '.' && dot.end == doc.tokens[i].begin &&
         doc.tokens[i - 2].is_word() && doc.tokens[i - 2].end == dot.begin;
}

// A brand or product written in camel case ("PlayStation", "iPod", "YouTube"): a lower-case
// letter followed by a capital inside the word, except after a family-name prefix ("McCain",
// "MacArthur", "DeLay", "LaHood", "DiMaggio", "VanDyke").
bool CamelCase(std::string_view w) {
  for (size_t k = 1; k + 1 < w.size(); ++k) {
    if (!(w[k] >= 'a' && w[k] <= 'z') || !(w[k + 1] >= 'A' && w[k + 1] <= 'Z')) continue;
    std::string_view head = w.substr(0, k + 1);
    for (std::string_view prefix : {"Mc", "Mac", "De", "La", "Le", "Di", "Da", "Van", "Von", "Du"})
      if (head == prefix) return false;
    return true;
  }
  return false;
}

// A Roman numeral ("II", "XIV"): a king's or a sequel's number, never an acronym.
bool RomanNumeral(std::string_view w) {
  return w.find_first_not_of("IVXLC") == std::string_view::npos;
}

// A gerund or present participle ("Putting", "Using"): a sentence-initial word ending in -ing.
bool IsGerund(std::string_view norm) {
  return norm.size() > kMinGerundBytes && norm.substr(norm.size() - 3) == "ing";
}

// A score or a table figure right after token j ("Lyon 20 6 8 6", "Surrey 372"): a number on
// the same line that is not a year and not the start of a date ("1996-08-30").
bool ScoreAfter(const Document& doc, uint32_t j, uint32_t last) {
  if (j >= last) return false;
  const Token& t = doc.tokens[j];
  if (t.kind != TokenKind::kNumber || t.has(kLineStart)) return false;
  std::string_view n = t.view(doc.text);
  if (n.size() == 4 && (n.substr(0, 2) == "19" || n.substr(0, 2) == "20")) return false;
  if (n.find_first_of("-/:") != std::string_view::npos) return false;  // a date, a time, "3-42"
  if (j + 1 < doc.tokens.size() && doc.tokens[j + 1].begin == t.end &&
      doc.tokens[j + 1].kind == TokenKind::kPunct &&
      (doc.tokens[j + 1].punct == '-' || doc.tokens[j + 1].punct == '/'))
    return false;
  return true;
}

// A league table's row after token j ("Greenock Morton 3 2 0 1 5 2 6"): games played, won,
// drawn and lost on the same line, where played = won + drawn + lost. A golfer's rounds or an
// athlete's times do not add up that way.
bool StandingsAfter(const Document& doc, uint32_t j) {
  uint32_t n[4];
  for (uint32_t k = 0; k < 4; ++k, ++j) {
    if (j >= doc.tokens.size()) return false;
    const Token& t = doc.tokens[j];
    if (t.kind != TokenKind::kNumber || t.has(kLineStart)) return false;
    std::string_view v = t.view(doc.text);
    if (v.empty() || v.size() > 3 || v.find_first_not_of("0123456789") != std::string_view::npos)
      return false;
    n[k] = 0;
    for (char c : v) n[k] = n[k] * 10 + static_cast<uint32_t>(c - '0');
  }
  return n[0] > 0 && n[0] == n[1] + n[2] + n[3];
}

}  // namespace

// ---- The steps of Run -----------------------------------------------------------------------

void EntityEngine::SportsReport(Work& w) const {
  // A match report names enough sports words ("innings", "league", "striker") for its clubs,
  // named by their cities, to be teams.
  const Document& doc = w.doc;
  uint32_t hits = 0, words = 0;
  for (uint32_t j = 0; j < doc.tokens.size(); ++j) {
    if (doc.tokens[j].kind != TokenKind::kWord) continue;
    ++words;
    hits += Is(kSportsWord, doc.surface[j]);
  }
  w.sports = hits >= kSportsMinWords && hits * kSportsShareDivisor >= words;
}

uint32_t EntityEngine::AddName(Work& w, Found f, const Scan& sc) const {
  const Document& doc = w.doc;
  std::vector<Found>& found = w.found;
  const uint32_t b = f.begin, e = f.end;
  const uint32_t previous = w.last_name;
  const uint32_t me = w.last_name = static_cast<uint32_t>(found.size());
  found.push_back(std::move(f));
  if (found[me].type == Type::kOrganization) {  // countries named inside: "Bank of Japan"
    for (uint32_t k = b; k < e;) {
      uint32_t entity;
      uint32_t len = IsCapWord(doc, k) ? Match(countries_, doc, k, e, &entity) : 0;
      if (len && entities_[entity].type == Type::kCountry) {
        Found nested;
        nested.sentence = found[me].sentence;
        nested.begin = k;
        nested.end = k + len;
        nested.entity = entity;
        nested.type = Type::kCountry;
        nested.parent = me;
        found.push_back(std::move(nested));
      }
      k += len ? len : 1;
    }
  }
  // "ACR (Full Name)": the acronym just before the bracket stands for this name.
  if (b >= 2 && IsPunct(doc, b - 1, '(') && e < sc.last && IsPunct(doc, e, ')')) {
    if (!w.acronyms.empty() && w.acronyms.back().token == b - 2) {
      w.acronyms.back().target = me;
      w.aliases.push_back({doc.tokens[b - 2].view(doc.text), me});
      found[me].counted = false;
      found[me].restated = true;
      return e + 1;
    }
    if (previous != kNoId && found[previous].begin == b - 2 && found[previous].end == b - 1 &&
        found[previous].entity != kNoId && found[previous].entity == found[me].entity) {
      found[me].counted = false;  // both in the dictionary: one actor
      found[me].restated = true;
      return e + 1;
    }
  }
  // "Full Name (ACR)".
  if (e + 2 < sc.last && IsPunct(doc, e, '(') && IsPunct(doc, e + 2, ')') &&
      doc.tokens[e + 1].has(kAllCaps) &&
      doc.tokens[e + 1].end - doc.tokens[e + 1].begin <= kMaxAcronymBytes) {
    uint32_t entity;
    const uint32_t known = MatchName(doc, e + 1, e + 2, &entity);
    if (!known || entity == found[me].entity) {
      if (!known) w.aliases.push_back({doc.tokens[e + 1].view(doc.text), me});
      // An organization's acronym: one actor, not two. After a place it may be the acronym of
      // a longer name the place ends ("U.N. Interim Force in Lebanon (UNIFIL)"): no mention.
      if (found[me].type != Type::kOrganization) return e + 3;
      Found acronym;
      acronym.sentence = found[me].sentence;
      acronym.begin = e + 1;
      acronym.end = e + 2;
      acronym.same_as = me;
      acronym.counted = false;
      acronym.restated = true;
      found.push_back(std::move(acronym));
      return e + 3;
    }
  }
  return e;
}

bool EntityEngine::AddTitledPerson(Work& w, uint32_t sentence, uint32_t begin, uint32_t end,
                                   uint32_t words, uint32_t role_begin, uint32_t role_end,
                                   bool honorific) const {
  if (words == 0 || words > kMaxPersonWords) return false;
  Found f;
  f.sentence = sentence;
  f.begin = begin;
  f.end = end;
  f.type = Type::kPerson;
  f.role_begin = role_begin;
  f.role_end = role_end;
  f.honorific = honorific;
  f.single = words == 1;
  w.found.push_back(std::move(f));
  return true;
}

bool EntityEngine::PlaceByForm(const Document& doc, uint32_t b, uint32_t e) const {
  // "Stradey Park", "San Andreas", "Lake Placid": a place or a facility, not a person.
  uint32_t last = e - 1;
  while (last > b && !IsCapWord(doc, last)) --last;
  return last > b && (Is(kPlaceWord, doc.surface[last]) || Is(kPlacePrefix, doc.surface[b]));
}

void EntityEngine::ScanSentence(Work& w, uint32_t s) const {
  const Document& doc = w.doc;
  const Span& span = doc.sentences[s];
  uint32_t first_word = span.first_token;
  while (first_word < span.last_token && !doc.tokens[first_word].is_word()) ++first_word;
  const Scan sc{doc, span.last_token, first_word, IsHeadline(doc, span)};
  for (uint32_t i = span.first_token; i < span.last_token;) {
    const Token& t = doc.tokens[i];
    if (!t.is_word()) {
      ++i;
      continue;
    }
    const bool cap = IsCapWord(doc, i);
    if (!cap) {
      // Names and titles written in lower case: "al-Qaeda", "spokesman Wang Wenbin".
      uint32_t entity, len = 0;
      if (Is(kLowerNameStart, doc.surface[i]) &&
          (len = MatchName(doc, i, span.last_token, &entity))) {
        if (entities_[entity].type != Type::kSuppressed) {
          Found f;
          f.sentence = s;
          f.begin = i;
          f.end = i + len;
          f.entity = entity;
          f.type = entities_[entity].type;
          i = AddName(w, std::move(f), sc);
        } else {
          i += len;
        }
        continue;
      }
      bool honorific = false;
      uint32_t role_begin = i, role_end = i;
      uint32_t title = !sc.headline && Is(kLowerTitleStart, doc.surface[i])
                           ? Titles(doc, i, span.last_token, &role_begin, &role_end, &honorific)
                           : 0;
      uint32_t words = 0;
      uint32_t end = title ? PersonEnd(sc, i + title, &words) : 0;
      if (AddTitledPerson(w, s, i + title, end, words, role_begin, role_end, honorific)) {
        i = end;
        continue;
      }
      ++i;
      continue;
    }

    if (GluedByDot(doc, i)) {  // "Bagle.AU" is a virus variant, not the African Union
      ++i;
      continue;
    }
    // 1-2. Organization by form, or the longest dictionary name.
    uint32_t entity = kNoId;
    uint32_t known = MatchName(doc, i, span.last_token, &entity);
    // An airline named "Air" and its country or city ("Air France", "Air Canada"): the flag
    // carriers' naming form, in title-case headlines too (not in capitals, where every word
    // looks like a name's). The country inside counts, as in "Bank of Japan"; a longer name by
    // its form wins ("Air New Zealand Ltd").
    if (!known && doc.norm(i) == kAirlineWord && !t.has(kAllCaps) && i + 1 < span.last_token &&
        IsCapWord(doc, i + 1)) {
      uint32_t place = kNoId, org_begin = i;
      const uint32_t len = MatchName(doc, i + 1, span.last_token, &place);
      const uint32_t longer = sc.headline ? 0 : OrgForm(sc, i, &org_begin);
      if (len && longer <= i + 1 + len &&
          (entities_[place].type == Type::kCountry || entities_[place].type == Type::kPlace)) {
        Found f;
        f.sentence = s;
        f.begin = i;
        f.end = i + 1 + len;
        f.type = Type::kOrganization;
        f.name = w.AddNamed(doc, i, i + 1 + len);
        f.airline = true;
        i = AddName(w, std::move(f), sc);
        continue;
      }
    }
    uint32_t org_begin = i;
    uint32_t org_end = sc.headline ? 0 : OrgForm(sc, i, &org_begin);
    if (org_end && org_begin > i && !known) {
      i = org_begin;  // past "The": a dictionary name may start there
      continue;
    }
    if (org_end > i + known &&
        (known == 0 || entities_[entity].type != Type::kOrganization ||
         (i + known < span.last_token && Is(kOrgWord, doc.surface[i + known])))) {
      Found f;
      f.sentence = s;
      f.begin = org_begin;
      f.end = org_end;
      f.type = Type::kOrganization;
      f.name = w.AddNamed(doc, org_begin, org_end);
      // "Mercantile Bancorp Inc., a bank holding company": the abbreviation's dot is part of
      // the name when it does not also end the sentence.
      if (org_end + 1 < span.last_token && IsPunct(doc, org_end, '.') &&
          doc.tokens[org_end].begin == doc.tokens[org_end - 1].end &&
          Is(kOrgWord, doc.surface[org_end - 1]))
        ++f.end;
      i = AddName(w, std::move(f), sc);
      // Its home ("Inc of Pompano Beach"): a place, though no dictionary knows it.
      if (i == org_end && i + 1 < span.last_token && IsWord(doc, i) && doc.norm(i) == "of" &&
          IsCapWord(doc, i + 1)) {
        const uint32_t home = Scope(sc, i);
        if (home > i + 1 && HomeAfterLegalForm(doc, i, home, span.last_token) &&
            !MatchName(doc, i + 1, span.last_token, &entity)) {
          Found p;
          p.sentence = s;
          p.begin = i + 1;
          p.end = home;
          p.type = Type::kPlace;
          p.name = w.AddNamed(doc, i + 1, home);
          w.found.push_back(std::move(p));
          i = home;
        }
      }
      continue;
    }
    if (known) {
      if (entities_[entity].type == Type::kSuppressed) {
        i += known;
        continue;
      }
      // "U.S. Open", "Atlanta Games": a sports event named after a place is no mention of it
      // ("Britain's Open University" is). Only in sports copy or after "the" ("the Atlanta
      // Games"): elsewhere "Open" is a headline's verb ("Iran Open to Talks on Nuclear Deal",
      // "Workers in Detroit Open Talks").
      const bool the_before =
          i > span.first_token && doc.tokens[i - 1].is_word() && doc.norm(i - 1) == "the";
      if ((w.sports || the_before) && entities_[entity].type != Type::kOrganization &&
          PossessiveBytes(doc, i + known - 1) == 0) {
        if (uint32_t event = EventEnd(doc, i + known, span.last_token)) {
          i = event;
          continue;
        }
      }
      Found f;
      f.sentence = s;
      f.begin = i;
      f.end = i + known;
      f.entity = entity;
      f.type = entities_[entity].type;
      i = AddName(w, std::move(f), sc);
      continue;
    }
    if (sc.headline) {
      ++i;
      continue;
    }
    // 3. A title opens a person's name.
    bool honorific = false;
    uint32_t role_begin = i, role_end = i;
    if (uint32_t title = Titles(doc, i, span.last_token, &role_begin, &role_end, &honorific)) {
      uint32_t words = 0;
      uint32_t end = PersonEnd(sc, i + title, &words);
      AddTitledPerson(w, s, i + title, end, words, role_begin, role_end, honorific);
      i = std::max(end, i + title);
      continue;
    }
    // 4. An unknown word in capitals: perhaps an acronym the text introduces. Followed by one
    // unknown capitalised word, it opens a firm's name ("ABN Amro", "BHP Billiton"); initials
    // ("JJ Abrams") have two letters.
    if (t.has(kAllCaps) && t.end - t.begin >= kMinAcronymFirmBytes &&
        t.end - t.begin <= kMaxLoneAcronymBytes && i + 1 < span.last_token &&
        IsCapWord(doc, i + 1) && !doc.tokens[i + 1].has(kAllCaps) &&
        doc.surface[i + 1] == kNoId && !GluedByDot(doc, i + 1) &&
        doc.tokens[i + 1].begin == t.end + 1 && doc.text[t.end] == ' ' &&
        !(i + 2 < span.last_token && IsCapWord(doc, i + 2)) &&
        LoneAcronym(doc, s, i, /*alone=*/false)) {
      Found f;
      f.sentence = s;
      f.begin = i;
      f.end = i + 2;
      f.type = Type::kOrganization;
      f.name = w.AddNamed(doc, i, i + 2);
      i = AddName(w, std::move(f), sc);
      continue;
    }
    if (t.has(kAllCaps)) {
      if (t.end - t.begin <= kMaxAcronymBytes) w.acronyms.push_back({s, i});
      ++i;
      continue;
    }
    // 5. A person's name; a sentence-initial gerund ("Putting") never starts one.
    if ((Is(kNotName, doc.surface[i]) && !Initial(doc, i, span.last_token)) ||
        (i == first_word && !Is(kNameWord, doc.surface[i]) && IsGerund(doc.norm(i)))) {
      ++i;
      continue;
    }
    uint32_t words = 0;
    uint32_t end = PersonEnd(sc, i, &words);
    if (words == 0) {
      ++i;
      continue;
    }
    bool product = false;  // "PlayStation Portable": a product or a brand, not a person
    for (uint32_t k = i; k < end && !product; ++k)
      product = IsCapWord(doc, k) && CamelCase(doc.tokens[k].view(doc.text));
    if (product) {
      // One camel-case word may still be a company's short form ("NationsBank" after
      // "NationsBank Corp") or speak as one ("YouTube said"): kept as a lone word that is never
      // a person.
      if (end == i + 1) {
        Found f;
        f.sentence = s;
        f.begin = i;
        f.end = end;
        f.type = Type::kPerson;
        f.single = true;
        f.counted = false;
        f.camel = true;
        w.found.push_back(std::move(f));
      }
      i = end;
      continue;
    }
    // "Douglas & Lomason", "Marks & Spencer": names joined by an ampersand are a firm.
    if (end + 1 < span.last_token && PunctId(doc.tokens[end], doc.text) == (kPunctId | '&') &&
        IsCapWord(doc, end + 1) &&
        PossessiveBytes(doc, end - 1) == 0) {
      uint32_t more = 0;
      uint32_t joined = PersonEnd(sc, end + 1, &more);
      if (more > 0 && joined > end + 1) {
        Found f;
        f.sentence = s;
        f.begin = i;
        f.end = joined;
        f.type = Type::kOrganization;
        f.name = w.AddNamed(doc, i, joined);
        i = AddName(w, std::move(f), sc);
        continue;
      }
    }
    if (words >= 2 && PlaceByForm(doc, i, end)) {
      Found f;  // a place the dictionaries do not know: no country
      f.sentence = s;
      f.begin = i;
      f.end = end;
      f.type = Type::kPlace;
      f.name = w.AddNamed(doc, i, end);
      w.found.push_back(std::move(f));
    } else if (words <= kMaxPersonWords) {
      Found f;
      f.sentence = s;
      f.begin = i;
      f.end = end;
      f.type = Type::kPerson;
      f.single = words == 1;
      f.at_start = i == sc.first_word;
      if (!f.single) w.persons.push_back(static_cast<uint32_t>(w.found.size()));
      w.found.push_back(std::move(f));
    }
    i = end;
  }
}

void EntityEngine::DropCommonWords(Work& w) const {
  // No common words as people: an untitled name needs a word that no dictionary knows and the
  // article never writes in lower case; a sentence-initial common word is not part of it
  // ("Analysts" in "Analysts John Smith ..." is capitalised only because it starts a sentence).
  // Words of the general and domain lexicons are common words; words known only from entity
  // names are not ("George" of "George Town").
  if (w.persons.empty()) return;
  const Document& doc = w.doc;
  auto maybe_name = [&](uint32_t id) { return id == kNoId || Is(kKnownWord, id); };
  LowercaseSeen lower;
  for (uint32_t p : w.persons)
    for (uint32_t k = w.found[p].begin; k < w.found[p].end; ++k)
      if (IsCapWord(doc, k) && maybe_name(doc.surface[k])) lower.Add(NormNoPossessive(doc, k));
  lower.Scan(doc, maybe_name);
  auto common = [&](uint32_t k) {
    return !maybe_name(doc.surface[k]) || lower.Seen(NormNoPossessive(doc, k));
  };
  for (uint32_t p : w.persons) {
    Found& f = w.found[p];
    if (f.at_start && common(f.begin)) {
      ++f.begin;
      while (f.begin < f.end && !IsCapWord(doc, f.begin)) ++f.begin;
    }
    uint32_t words = 0;
    bool name_like = false;
    for (uint32_t k = f.begin; k < f.end; ++k) {
      if (!IsCapWord(doc, k)) continue;
      ++words;
      if (doc.tokens[k].end - doc.tokens[k].begin > 1 && !common(k)) name_like = true;
    }
    if (words == 0) {
      f.counted = false;
    } else if (words == 1) {
      f.single = true;
    } else if (!name_like) {
      f.counted = false;
    }
  }
}

void EntityEngine::LinkAcronyms(Work& w) const {
  // Acronyms the text introduced: later (and earlier) uses count for the full name. An unknown
  // acronym that speaks ("USDA said") is an organization of its own.
  const Document& doc = w.doc;
  std::unordered_map<std::string, uint32_t> alias;  // the last name introduced with it
  for (const Work::Alias& al : w.aliases) alias[std::string(al.text)] = al.target;
  for (const Work::Acronym& a : w.acronyms) {
    std::string_view text = doc.tokens[a.token].view(doc.text);
    uint32_t target = a.target;
    if (target == kNoId)
      if (auto it = alias.find(std::string(text)); it != alias.end()) target = it->second;
    Found f;
    f.sentence = a.sentence;
    f.begin = a.token;
    f.end = a.token + 1;
    if (target == kNoId) {
      f.type = Type::kOrganization;
      f.single = true;
      // An acronym standing alone in running text names an organization: newsrooms write
      // parties, unions, agencies and exchanges that way ("the KDP", "CFDT", "LIFFE"). Words of
      // the lexicons ("GDP", "NOTE"), not_names ("CEO", "GMT"), Roman numerals and a capital
      // word next to it ("PGA Championship", "OFK Beograd": part of a longer name) say
      // otherwise; so does a sports table's shouted line, which is a headline.
      f.counted = LoneAcronym(doc, a.sentence, a.token, /*alone=*/true);
      if (f.counted) f.name = w.AddNamed(doc, f.begin, f.end);
      w.found.push_back(std::move(f));
      continue;
    }
    f.entity = w.found[target].entity;
    f.type = w.found[target].type;
    f.name = w.found[target].name;
    f.same_as = target;
    w.found.push_back(std::move(f));
  }
}

bool EntityEngine::LoneAcronym(const Document& doc, uint32_t sentence, uint32_t j,
                               bool alone) const {
  const Span& span = doc.sentences[sentence];
  std::string_view text = doc.tokens[j].view(doc.text);
  if (text.size() < kMinLoneAcronymBytes || text.size() > kMaxLoneAcronymBytes ||
      text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string_view::npos ||
      RomanNumeral(text))
    return false;
  const uint32_t id = doc.surface[j];
  if ((id != kNoId && !Is(kKnownWord, id)) || Is(kNotName, id)) return false;
  // "The KDP", "But NATO": a connector or a not-name word before it is no part of a name.
  if (j > span.first_token && IsCapWord(doc, j - 1) && !Is(kConnector, doc.surface[j - 1]) &&
      !Is(kNotName, doc.surface[j - 1]))
    return false;
  if (alone && j + 1 < span.last_token && IsCapWord(doc, j + 1)) return false;
  // A figure's unit or time zone ("1630 EST", "10 CWT"), a table's label ("SHR 2.6 cents") and
  // a stock symbol ("Baker International Corp <BKO>") are no organization of their own.
  if (j > span.first_token && (doc.tokens[j - 1].kind == TokenKind::kNumber ||
                               PunctId(doc.tokens[j - 1], doc.text) == (kPunctId | '<')))
    return false;
  if (j + 1 < span.last_token && doc.tokens[j + 1].kind == TokenKind::kNumber) return false;
  // A line in capitals ("COLORADO AT ST LOUIS", a table's row) says nothing about acronyms.
  // Looked at within kAcronymLineReach tokens each way, so that a huge line costs no more.
  uint32_t from = j, to = j + 1;
  while (from > 0 && j - from < kAcronymLineReach && !doc.tokens[from].has(kLineStart)) --from;
  while (to < doc.tokens.size() && to - j < kAcronymLineReach && !doc.tokens[to].has(kLineStart))
    ++to;
  bool lower = false;
  for (uint32_t k = from; k < to && !lower; ++k)
    lower = IsWord(doc, k) && !doc.tokens[k].has(kAllCaps) &&
            doc.tokens[k].end > doc.tokens[k].begin + 1;
  if (!lower) return false;
  // "NOTE:", "NOTE -": a label opening a line.
  if (doc.tokens[j].has(kLineStart) && j + 1 < span.last_token &&
      doc.tokens[j + 1].kind == TokenKind::kPunct &&
      (doc.tokens[j + 1].punct == ':' || doc.tokens[j + 1].punct == '-'))
    return false;
  return true;
}

void EntityEngine::LinkPeople(Work& w) const {
  // People: full names, then lone words joined to the nearest full name whose family name (or,
  // failing that, given name: "President Xi" -> "Xi Jinping") they are.
  const Document& doc = w.doc;
  std::vector<Found>& found = w.found;
  struct Person {
    uint32_t found;
    std::string_view first, last;  // normalized first and last words
  };
  std::vector<Person> full;
  for (uint32_t k = 0; k < found.size(); ++k) {
    Found& f = found[k];
    if (f.type != Type::kPerson || !f.counted || f.single) continue;
    f.name = w.AddNamed(doc, f.begin, f.end);
    uint32_t lastw = f.end - 1;
    while (lastw > f.begin && !IsCapWord(doc, lastw)) --lastw;
    full.push_back({k, NormNoPossessive(doc, f.begin), NormNoPossessive(doc, lastw)});
  }
  // One hyphenated word ("Bonham-Carter"), not a given and a family name.
  auto hyphenated = [&](const Found& f) {
    if (f.end - f.begin < 2) return false;
    for (uint32_t k = f.begin; k + 1 < f.end; ++k) {
      const uint32_t gap = doc.tokens[k].end;
      if (doc.tokens[k + 1].begin != gap + 1 || doc.text[gap] != '-') return false;
    }
    return true;
  };
  // A pairing of two people the article names in full ("the Ferguson-Wenger saga", "a
  // Clinton-Dole debate"): every part of a hyphenated name is another full name's family name.
  // It is no person, and its parts stay theirs.
  // (Names are looked up in lists of indices into `full` sorted by a word, not compared with
  // every name: a digest names thousands of people.)
  auto word_of = [&](uint32_t p, bool by_last) { return by_last ? full[p].last : full[p].first; };
  auto sorted_by = [&](size_t from, bool by_last, bool (*keep)(const Found&, const Document&)) {
    std::vector<uint32_t> list;
    for (uint32_t p = from; p < full.size(); ++p)
      if (keep(found[full[p].found], doc)) list.push_back(p);
    Sort(&list, [&](uint32_t x, uint32_t y) {
      const std::string_view a = word_of(x, by_last), b = word_of(y, by_last);
      return a != b ? a < b : full[x].found < full[y].found;
    });
    return list;
  };
  using Index = std::vector<uint32_t>::const_iterator;
  using Range = std::pair<Index, Index>;
  auto named_so = [&](const std::vector<uint32_t>& list, bool by_last, std::string_view word) {
    auto below = [&](uint32_t p, std::string_view v) { return word_of(p, by_last) < v; };
    auto above = [&](std::string_view v, uint32_t p) { return v < word_of(p, by_last); };
    return Range(std::lower_bound(list.begin(), list.end(), word, below),
                 std::upper_bound(list.begin(), list.end(), word, above));
  };
  auto anyone = [](const Found&, const Document&) { return true; };
  // The full names not ending in a hyphenated part (p itself is not one: its last part follows
  // a hyphen).
  const std::vector<uint32_t> plain_lasts =
      sorted_by(0, true, [](const Found& g, const Document& d) {
        return g.end - g.begin >= 2 && d.text[d.tokens[g.end - 2].end] != '-';
      });
  auto pairing = [&](const Person& p) {
    const Found& f = found[p.found];
    if (f.end - f.begin < 2) return false;
    if (!hyphenated(f)) return false;
    for (uint32_t k = f.begin; k < f.end; ++k) {
      const Range other = named_so(plain_lasts, true, NormNoPossessive(doc, k));
      if (other.first == other.second) return false;
    }
    return true;
  };
  // A double-barrelled family name alone ("Bonham-Carter") is the person named in full with it
  // ("Helena Bonham-Carter"): the first full name (not itself hyphenated) longer than n words
  // whose last n words are written so. A table for each n, made when first needed.
  std::vector<std::unordered_map<std::string, uint32_t>> by_tail;
  std::vector<uint8_t> tail_made;
  auto family = [&](const Person& p) -> const Person* {
    const Found& f = found[p.found];
    if (!hyphenated(f)) return nullptr;
    const uint32_t n = f.end - f.begin;
    if (n >= by_tail.size()) {
      by_tail.resize(n + 1);
      tail_made.resize(n + 1);
    }
    std::unordered_map<std::string, uint32_t>& tails = by_tail[n];
    if (!tail_made[n]) {
      for (uint32_t q = 0; q < full.size(); ++q) {
        const Found& g = found[full[q].found];
        if (g.end - g.begin <= n || hyphenated(g)) continue;
        tails.emplace(NameText(doc, g.end - n, g.end), q);
      }
      tail_made[n] = 1;
    }
    auto it = tails.find(w.names[f.name]);
    return it == tails.end() ? nullptr : &full[it->second];
  };
  std::vector<uint8_t> paired(full.size(), 0);
  for (size_t p = 0; p < full.size(); ++p) {
    paired[p] = pairing(full[p]);
    if (paired[p]) continue;
    if (const Person* q = family(full[p])) {
      found[full[p].found].name = found[q->found].name;
      paired[p] = 2;
    }
  }
  size_t kept = 0;
  for (size_t p = 0; p < full.size(); ++p) {
    if (paired[p] == 1) found[full[p].found].counted = false;
    if (paired[p]) continue;
    full[kept++] = full[p];
  }
  full.resize(kept);
  // The full names by family name and by given name, each sorted then by where they were found.
  const std::vector<uint32_t> full_by_last = sorted_by(0, true, anyone),
                              full_by_first = sorted_by(0, false, anyone);
  // A surname after a title is a person too ("President Clinton"): later lone uses join it when
  // no full name has that word.
  const size_t full_names = full.size();
  for (uint32_t k = 0; k < found.size(); ++k) {
    Found& f = found[k];
    if (f.type != Type::kPerson || !f.counted || !f.single || f.role_end == f.role_begin) continue;
    std::string_view word = NormNoPossessive(doc, f.begin);
    const Range by_last = named_so(full_by_last, true, word),
                by_first = named_so(full_by_first, false, word);
    if (by_last.first == by_last.second && by_first.first == by_first.second)
      full.push_back({k, word, word});
  }
  // The titled surnames (first == last), sorted by word, then by where they were found.
  const std::vector<uint32_t> titled = sorted_by(full_names, true, anyone);
  for (uint32_t k = 0; k < found.size(); ++k) {
    Found& f = found[k];
    if (f.type != Type::kPerson || !f.counted || !f.single) continue;
    std::string_view word = NormNoPossessive(doc, f.begin);
    // The nearest person before this mention (a full name or a titled surname) whose family
    // name (else given name) the word is; failing one before it, the first full name after it,
    // else the first titled surname after it.
    uint32_t best = kNoId;
    bool by_first = false;
    for (bool by_last : {true, false}) {
      const Range named = named_so(by_last ? full_by_last : full_by_first, by_last, word),
                  titles = named_so(titled, true, word);
      if (named.first == named.second && titles.first == titles.second) {
        by_first = true;
        continue;
      }
      const uint32_t first = full[named.first != named.second ? *named.first : *titles.first].found;
      best = first;
      // The titled mention itself coming first wins over anyone before it: it stays alone.
      if (first == k) break;
      auto before = [&](Range r) {
        auto it = std::lower_bound(r.first, r.second, k,
                                   [&](uint32_t p, uint32_t v) { return full[p].found < v; });
        return it == r.first ? kNoId : full[*std::prev(it)].found;
      };
      const uint32_t a = before(named), t = before(titles);
      if (a != kNoId || t != kNoId) best = a == kNoId ? t : t == kNoId ? a : std::max(a, t);
      break;
    }
    if (best == k) best = kNoId;  // the titled mention itself
    if (best != kNoId && found[best].name == kNoId)
      found[best].name = w.AddNamed(doc, found[best].begin, found[best].end);
    if (best != kNoId) {
      f.name = found[best].name;
      f.by_given_name = by_first && f.role_end == f.role_begin;
    } else if (f.role_end > f.role_begin) {
      f.name = w.AddNamed(doc, f.begin, f.end);  // "Mr. Lavrov", never named in full
    } else {
      f.counted = false;  // a lone word: kept only if its context names it (ActorsByContext)
    }
  }
}

bool EntityEngine::CompanyCue(const Document& doc, const Found& f, bool lone) const {
  // "cables giant Pirelli", "Ruch's shares", "shares of Zentrix", "a stake in Ferrari", and the
  // apposition "Glenmorangie, one of Scotland's whisky firms" / "Barrick, the Toronto-based
  // miner".
  const Span& span = doc.sentences[f.sentence];
  const uint32_t after = f.end, before = f.begin;
  auto word_is = [&](uint32_t j, WordClass c) {
    return j >= span.first_token && j < span.last_token && IsWord(doc, j) &&
           Is(c, doc.surface[j]);
  };
  // A company noun before a lone word ("cables giant Pirelli"); before a full name it may be a
  // person's trade ("broker Shakil Rizvi", "rival Merlene Ottey").
  if (lone && before > span.first_token && word_is(before - 1, kCompanyNoun)) return true;
  // After a full name, a plant or a factory is where it is ("the Newton Aycliffe plant").
  if (word_is(after, kCompanyAfter) &&
      (lone || !(doc.norm(after).substr(0, 5) == "plant" || doc.norm(after).substr(0, 6) == "factor")))
    return true;
  if (before >= span.first_token + 2 && word_is(before - 2, kCompanyAfter) &&
      IsWord(doc, before - 1) && !IsCapWord(doc, before - 1) &&
      (Is(kOrgConnector, doc.surface[before - 1]) ||
       // "a stake in Ferrari", not "a plant in Sindelfingen"
       (doc.norm(before - 1) == "in" &&
        (doc.norm(before - 2) == "stake" || doc.norm(before - 2) == "shares"))))
    return true;
  return Apposition(doc, f);
}

bool EntityEngine::Apposition(const Document& doc, const Found& f) const {
  // "X, the Toronto-based miner," / "X, one of its Hungarian units.": after the comma an
  // article (or "one of"), at most kMaxAppositionWords words, and a company noun that
  // closes the phrase (punctuation, the sentence's end or a relative word follows). Not a
  // possessive noun ("Smith, the firm's chief") nor one a title follows ("a bank manager").
  const Span& span = doc.sentences[f.sentence];
  uint32_t j = f.end;
  if (j + 2 >= span.last_token || !IsPunct(doc, j, ',')) return false;
  ++j;
  const std::string_view det = doc.norm(j);
  if (!IsWord(doc, j) || IsCapWord(doc, j)) {
    if (!(IsCapWord(doc, j) && det == "the")) return false;
  }
  if (det == "one") {
    if (j + 1 >= span.last_token || doc.norm(j + 1) != "of") return false;
    j += 2;
    if (j < span.last_token && IsWord(doc, j) &&
        (doc.norm(j) == "the" || doc.norm(j) == "its" || doc.norm(j) == "their"))
      ++j;
  } else if (det == "the" || det == "a" || det == "an" || det == "its") {
    ++j;
  } else {
    return false;
  }
  for (uint32_t n = 0; j < span.last_token && n <= kMaxAppositionWords; ++j) {
    const Token& t = doc.tokens[j];
    if (t.kind == TokenKind::kPunct && t.punct != '-' && t.punct != '\'') return false;
    if (!t.is_word()) continue;
    ++n;
    // "an economist with UFJ Bank", "the chairman of Spain's biggest bank": a person's job, and
    // the firm is another name.
    if (!IsCapWord(doc, j) && (MatchTitle(doc, j, span.last_token, nullptr) ||
                               Is(kConnector, doc.surface[j]) || doc.norm(j) == "with" ||
                               doc.norm(j) == "at"))
      return false;
    if (IsCapWord(doc, j) || !Is(kCompanyNoun, doc.surface[j]) || PossessiveBytes(doc, j) > 0)
      continue;
    const uint32_t next = j + 1;
    if (next >= span.last_token || doc.tokens[next].kind == TokenKind::kPunct) return true;
    const std::string_view w = doc.norm(next);
    // "X, the first foreign company to list on the bourse": "to" opens the noun's clause.
    return w == "that" || w == "which" || w == "based" || w == "with" || w == "in" ||
           w == "whose" || w == "to";
  }
  return false;
}

EntityEngine::Cue EntityEngine::CueAround(const Work& w, const Found& f) const {
  // What the words around a lone name say it is, strongest first: a team next to a score or a
  // match word (in a match report), a company next to a company noun ("cables giant Pirelli",
  // "Ruch's shares"), a place after "city of", or the subject or object of a verb of saying.
  // One or two tokens of look-around each way, within the sentence.
  const Document& doc = w.doc;
  const Span& span = doc.sentences[f.sentence];
  const uint32_t after = f.end, before = f.begin;
  auto word_is = [&](uint32_t j, WordClass c) {
    return j >= span.first_token && j < span.last_token && IsWord(doc, j) &&
           Is(c, doc.surface[j]);
  };
  const bool has_before = before > span.first_token;
  // A cricket scorecard's dismissal ("c Knight b Hollioake 21", "st Moin Khan"): the fielder
  // and the bowler are players, whatever figure follows.
  if (w.sports && has_before && IsWord(doc, before - 1) && !IsCapWord(doc, before - 1)) {
    const std::string_view mark = doc.norm(before - 1);
    for (std::string_view m : kDismissalMarks)
      if (mark == m) return Cue::kSpeaker;
  }
  // "Surrey captain Chris Lewis", "Lyon coach Guy Stephan": a club before a player's title.
  if (w.sports && (ScoreAfter(doc, after, span.last_token) || word_is(after, kMatchWord) ||
                   (has_before && word_is(before - 1, kMatchWord)) ||
                   (after < span.last_token && IsWord(doc, after) && !IsCapWord(doc, after) &&
                    MatchTitle(doc, after, span.last_token, nullptr))))
    return Cue::kTeam;
  if (CompanyCue(doc, f, true)) return Cue::kCompany;
  if (before >= span.first_token + 2 && word_is(before - 2, kPlaceWord) && IsWord(doc, before - 1) &&
      doc.norm(before - 1) == "of")
    return Cue::kPlace;
  // "fighting in Arbil", "rain near Velten", and in a match report "the test at Headingley":
  // a place. Not "at" elsewhere: "an analyst at Kleinwort" works for a company.
  if (has_before && IsWord(doc, before - 1) && !IsCapWord(doc, before - 1) &&
      !doc.tokens[f.begin].has(kAllCaps) && !(after < span.last_token && IsCapWord(doc, after))) {
    const std::string_view prep = doc.norm(before - 1);
    if (prep == "in" || prep == "near" || (w.sports && prep == "at")) return Cue::kPlace;
  }
  if (f.type == Type::kPlace) return Cue::kNone;  // "Baghdad said": a government, left a place
  if (word_is(after, kSpeechVerb)) return Cue::kSpeaker;
  // "..., said Jenkins." / "said Jenkins, who": the name ends the clause.
  if (has_before && word_is(before - 1, kSpeechVerb) &&
      (after >= span.last_token || doc.tokens[after].kind == TokenKind::kPunct))
    return Cue::kSpeaker;
  return Cue::kNone;
}

void EntityEngine::ResultsLines(Work& w) const {
  // In a match report, a line "Name N Name N" is a result ("Buducnost 1 Red Star 3"): both
  // names are teams, whatever their length; golf and athletics rows name one person per line.
  if (!w.sports) return;
  const Document& doc = w.doc;
  std::vector<Found>& found = w.found;
  std::vector<uint32_t> order;
  for (uint32_t k = 0; k < found.size(); ++k)
    if (found[k].parent == kNoId && found[k].same_as == kNoId) order.push_back(k);
  Sort(&order, [&](uint32_t x, uint32_t y) { return found[x].begin < found[y].begin; });
  auto score_then = [&](const Found& f) {
    const uint32_t last = doc.sentences[f.sentence].last_token;
    return ScoreAfter(doc, f.end, last) && f.end + 1 <= doc.tokens.size();
  };
  for (size_t x = 0; x + 1 < order.size(); ++x) {
    Found& a = found[order[x]];
    Found& b = found[order[x + 1]];
    if (a.type == Type::kCountry || b.type == Type::kCountry) continue;  // national teams
    if (!score_then(a) || b.begin != a.end + 1 || !score_then(b)) continue;
    if (doc.tokens[b.begin].has(kLineStart)) continue;
    // The row ends after the second score: a third figure makes it a table of one name.
    const uint32_t after = b.end + 1;
    if (after < doc.tokens.size() && !doc.tokens[after].has(kLineStart) &&
        doc.tokens[after].kind == TokenKind::kNumber)
      continue;
    for (Found* f : {&a, &b}) {
      if (f->role_end > f->role_begin) continue;
      f->type = Type::kOrganization;
      f->entity = kNoId;
      f->counted = true;
      f->by_context = true;
      f->single = false;
      f->name = w.AddNamed(doc, f->begin, f->end);
    }
  }
}

void EntityEngine::StandingsRows(Work& w) const {
  // A league table's row names one team, from the line's start to its first figure ("St
  // Johnstone 2 1 1 0 3 0 4", "Queen of South 3 2 0 1 5 4 6", "Mladost (L) 4 2 1 1 8 5 7"),
  // whatever its words are; a country there is a national team, which stays the country.
  if (!w.sports) return;
  const Document& doc = w.doc;
  std::vector<Found>& found = w.found;
  // The top-level Found opening at each token, lone words still undecided too.
  std::vector<uint32_t> at(doc.tokens.size(), kNoId);
  for (uint32_t k = 0; k < found.size(); ++k)
    if (found[k].parent == kNoId && at[found[k].begin] == kNoId) at[found[k].begin] = k;
  auto fits = [&](uint32_t j) {
    const Token& t = doc.tokens[j];
    if (t.kind == TokenKind::kPunct)
      return t.punct == '(' || t.punct == ')' || t.punct == '.' || t.punct == '&' ||
             t.punct == '\'';
    return IsCapWord(doc, j) || (IsWord(doc, j) && Is(kConnector, doc.surface[j]));
  };
  std::vector<uint32_t> inside;  // the Founds opening inside a row
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Span& span = doc.sentences[s];
    for (uint32_t b = span.first_token; b < span.last_token; ++b) {
      if (!doc.tokens[b].has(kLineStart) || !IsCapWord(doc, b)) continue;
      uint32_t e = b;
      while (e < span.last_token && e - b < kMaxTeamTokens &&
             (e == b || !doc.tokens[e].has(kLineStart)) && fits(e))
        ++e;
      if (e >= span.last_token || doc.tokens[e].has(kLineStart) || !StandingsAfter(doc, e))
        continue;
      inside.clear();
      for (uint32_t j = b; j < e; ++j)
        if (at[j] != kNoId) inside.push_back(at[j]);
      uint32_t team = static_cast<uint32_t>(found.size());
      if (inside.empty()) {
        found.emplace_back();
        found[team].sentence = s;
        found[team].at_start = b == span.first_token;
      } else {
        team = inside[0];
        const Found& f = found[team];
        if (f.same_as != kNoId || found[inside.back()].end > e ||
            (f.type == Type::kCountry && f.begin == b && f.end == e))
          continue;
        // The row's other words ("L" of "Mladost (L)") are part of its name.
        for (size_t k = 1; k < inside.size(); ++k) {
          found[inside[k]].counted = false;
          found[inside[k]].single = false;
          found[inside[k]].by_given_name = false;
        }
      }
      Found& f = found[team];
      f.begin = b;
      f.end = e;
      f.type = Type::kOrganization;
      f.entity = kNoId;
      f.role_begin = f.role_end = 0;
      f.honorific = false;
      f.by_context = true;
      f.single = false;
      f.counted = true;
      f.name = w.AddNamed(doc, b, e);
    }
  }
}

void EntityEngine::ClubsNamedWithTheirCity(Work& w) const {
  // In a match report, a "person" with a city or a country in it ("Dynamo Moscow", "Inter
  // Milan", "Cincinnati Reds") is a club: clubs are named by their towns, players are not.
  if (!w.sports) return;
  const Document& doc = w.doc;
  for (Found& f : w.found) {
    if (f.type != Type::kPerson || f.single || !f.counted || f.role_end > f.role_begin ||
        f.end - f.begin < 2)
      continue;
    bool place = false;
    for (uint32_t k = f.begin; k < f.end && !place; ++k) {
      uint32_t entity;
      if (!IsCapWord(doc, k) || MatchName(doc, k, k + 1, &entity) != 1) continue;
      const Type type = entities_[entity].type;
      place = type == Type::kPlace || type == Type::kCountry;
    }
    if (!place) continue;
    f.type = Type::kOrganization;
    f.by_context = true;
    if (f.name == kNoId) f.name = w.AddNamed(doc, f.begin, f.end);
  }
}

bool EntityEngine::OfficerAfter(const Document& doc, const Found& f) const {
  // "Standard Chartered chief executive Mervyn Davies", "Varlen Group chairman Tom Ash": a
  // company's officer and the officer's name after a full name make it the employer. Only the
  // officers of an organization (kOfficerTitles), not a person's trade ("Hollywood actress").
  // Not a possessive: in "Anton Gell's chairman" the chairman may be a person's officer.
  const uint32_t last = doc.sentences[f.sentence].last_token;
  if (f.end >= last || !IsWord(doc, f.end) || IsCapWord(doc, f.end) ||
      PossessiveBytes(doc, f.end - 1) > 0)
    return false;
  const uint32_t n = MatchTitle(doc, f.end, last, nullptr);
  if (!n || f.end + n >= last || !IsCapWord(doc, f.end + n)) return false;
  const std::string title = NameText(doc, f.end, f.end + n);
  for (std::string_view t : kOfficerTitles)
    if (title == t) return true;
  return false;
}

void EntityEngine::CompaniesByCue(Work& w) const {
  // A multi-word "person" that a company cue names ("Allied Domecq shares", "Glenmorangie
  // Distillers, one of Scotland's whisky firms") is that company: people do not have shares,
  // and are not firms. Before ShortForms, so that its first word alone
  // ("Allied has improved") is that company too.
  std::vector<std::string> named;
  for (Found& f : w.found) {
    if (f.type != Type::kPerson || f.single || !f.counted || f.role_end > f.role_begin ||
        f.parent != kNoId)
      continue;
    if (!CompanyCue(w.doc, f, false) && !OfficerAfter(w.doc, f)) continue;
    f.type = Type::kOrganization;
    f.by_context = true;
    if (f.name == kNoId) f.name = w.AddNamed(w.doc, f.begin, f.end);
    named.push_back(w.names[f.name]);
  }
  if (named.empty()) return;
  // Its other mentions, full or joined to it by a word (LinkPeople), are the company's too.
  for (Found& f : w.found)
    if (f.type == Type::kPerson && f.counted && f.role_end == f.role_begin && f.name != kNoId &&
        std::find(named.begin(), named.end(), w.names[f.name]) != named.end()) {
      f.type = Type::kOrganization;
      f.by_context = true;
    }
}

void EntityEngine::ShortForms(Work& w) const {
  // A company named in full by its form ("Magna International Inc", "NationsBank Corp") is
  // then written by its first word alone ("Magna was up 1/8"): a lone word nobody else
  // claimed that opens such a name is that organization, whatever its context says.
  const Document& doc = w.doc;
  std::vector<Found>& found = w.found;
  // The same for an organization of the dictionaries named in full ("Pernod Ricard" ...
  // "Pernod shares"), when its first word is no common word.
  struct Org {
    std::string_view first;
    uint32_t name, entity;
    uint32_t begin;  // its first token
  };
  std::vector<Org> orgs;
  for (const Found& g : found) {
    if (g.type != Type::kOrganization || (g.entity == kNoId && g.name == kNoId) || !g.counted ||
        g.parent != kNoId || g.same_as != kNoId || g.end - g.begin < 2 ||
        !IsCapWord(doc, g.begin) || doc.tokens[g.begin].has(kAllCaps) ||
        PossessiveBytes(doc, g.begin) > 0)
      continue;
    if (g.entity != kNoId && (Is(kOrgWord, doc.surface[g.begin]) ||
                              Is(kConnector, doc.surface[g.begin]) ||
                              Is(kNotName, doc.surface[g.begin]) ||
                              !IsCapWord(doc, g.begin + 1)))
      continue;
    orgs.push_back({NormNoPossessive(doc, g.begin), g.name, g.entity, g.begin});
  }
  if (orgs.empty()) return;
  // An airline named short ("Air Atlanta") is the company the article names in full by its
  // form ("Air Atlanta Inc").
  for (Found& f : found) {
    if (!f.airline) continue;
    const std::string& shorter = w.names[f.name];
    for (const Org& o : orgs)
      if (o.entity == kNoId && o.name != kNoId && w.names[o.name].size() > shorter.size() &&
          w.names[o.name].compare(0, shorter.size(), shorter) == 0 &&
          w.names[o.name][shorter.size()] == ' ') {
        f.name = o.name;
        break;
      }
  }
  // By word, then text order: where two companies open with the word ("Reliance Industries",
  // "Reliance Energy"), the short form is the nearest named before it, else the first after.
  SortElements(
      &orgs,
      [](const Org& x, const Org& y) {
        return x.first != y.first ? x.first < y.first : x.begin < y.begin;
      },
      /*stable=*/true);
  for (Found& f : found) {
    if (f.counted || !f.single || f.type != Type::kPerson || f.same_as != kNoId ||
        f.role_end > f.role_begin)
      continue;
    const std::string_view word = NormNoPossessive(doc, f.begin);
    auto o = std::lower_bound(orgs.begin(), orgs.end(), word,
                              [](const Org& x, std::string_view w) { return x.first < w; });
    if (o == orgs.end() || o->first != word) continue;
    for (auto next = o + 1; next != orgs.end() && next->first == word && next->begin < f.begin;
         ++next)
      o = next;
    f.type = Type::kOrganization;
    f.name = o->name;
    f.entity = o->entity;
    f.counted = true;
    f.by_context = true;
  }
}

void EntityEngine::ActorsByContext(Work& w) const {
  // Lone words nobody introduced (and, in a match report, places) that their context names. Each
  // distinct word takes the strongest cue any of its mentions has (CueAround): a team or a
  // company is an organization, "city of X" a place, a speaker a person ("Reagan vetoed", "said
  // Jenkins") or, in capitals, an organization ("USDA said"). Every lone mention of the word then
  // counts for that actor: one actor, many mentions.
  const Document& doc = w.doc;
  std::vector<Found>& found = w.found;
  auto lone = [&](const Found& f) {
    return (!f.counted || f.by_given_name) && f.single && f.same_as == kNoId &&
           f.role_end == f.role_begin;
  };
  auto city = [&](const Found& f) {
    return w.sports && f.counted && f.type == Type::kPlace && f.parent == kNoId &&
           f.same_as == kNoId && f.entity != kNoId;
  };
  struct Decision {
    std::string text;
    Cue cue;
    uint32_t first;        // the Found that named it first
    bool spoke = false;    // one of its mentions speaks in a quotation ('"...," Jansher said')
  };
  // A player's words are quoted; a club's or a firm's statement is reported ("Kilrush said in a
  // statement"): only a sentence with a quotation mark makes a speaker of a team.
  auto quoted = [&](const Found& f) {
    const Span& span = doc.sentences[f.sentence];
    if (f.begin > span.first_token && IsWord(doc, f.begin - 1))
      for (std::string_view m : kDismissalMarks)
        if (doc.norm(f.begin - 1) == m) return true;  // "b Hollioake": a cricketer
    for (uint32_t j = span.first_token; j < span.last_token; ++j)
      if (IsPunct(doc, j, '"')) return true;
    return false;
  };
  std::vector<Decision> decisions;
  std::unordered_map<std::string, uint32_t> decided;  // a decision's text -> its index
  auto decision = [&](const std::string& text) {
    auto it = decided.find(text);
    return it == decided.end() ? decisions.end() : decisions.begin() + it->second;
  };
  std::vector<uint32_t> pending;  // lone words in mixed case: checked for common words below
  auto maybe_name = [&](uint32_t id) { return id == kNoId || Is(kKnownWord, id); };
  LowercaseSeen lower;
  for (uint32_t k = 0; k < found.size(); ++k) {
    const Found& f = found[k];
    if (!lone(f) && !city(f)) continue;
    Cue cue = CueAround(w, f);
    if (cue == Cue::kNone) continue;
    std::string text = NameText(doc, f.begin, f.end);
    auto d = decision(text);
    if (d == decisions.end()) {
      decided.emplace(text, static_cast<uint32_t>(decisions.size()));
      decisions.push_back({std::move(text), cue, k, cue == Cue::kSpeaker && quoted(f)});
      if (lone(f) && !doc.tokens[f.begin].has(kAllCaps)) lower.Add(NormNoPossessive(doc, f.begin));
    } else {
      if (cue < d->cue) d->cue = cue;
      d->spoke |= cue == Cue::kSpeaker && quoted(f);
    }
  }
  // A player beaten and quoted ("defeated Jansher", '"...," Jansher said'): teams are beaten,
  // people speak, and a word that does both is a player of a sport played alone.
  for (Decision& d : decisions)
    if (d.cue == Cue::kTeam && d.spoke) d.cue = Cue::kSpeaker;
  // A list shares its members' kind: a lone word coordinated with a team, a company or a place
  // ("title rivals Essex, Derbyshire and Surrey", "fighting in Arbil, Dohuk and Zakho") is one
  // too. Chains are followed right to left, then left to right.
  {
    std::vector<uint32_t> order;
    for (uint32_t k = 0; k < found.size(); ++k)
      if (found[k].parent == kNoId && found[k].same_as == kNoId &&
          (found[k].counted || lone(found[k])))
        order.push_back(k);
    Sort(&order, [&](uint32_t x, uint32_t y) { return found[x].begin < found[y].begin; });
    auto decision_of = [&](const Found& g) { return decision(NameText(doc, g.begin, g.end)); };
    auto cue_of = [&](const Found& g) {
      if (lone(g) || city(g)) {
        auto d = decision_of(g);
        return d == decisions.end() ? Cue::kNone : d->cue;
      }
      // An organization named in full; not an acronym alone ("JFK, Platoon and ...": an
      // acronym may be a film's or a band's name), nor a known place: a city's name is also a
      // club's, a product's or a festival's ("Phoenix and Firebird").
      // One word that is not a context's decision is weak evidence: a short form ("by Mukesh
      // and Reliance") or a name that also is a band's ("Interpol and Echo").
      if (!g.counted || g.role_end > g.role_begin || g.type != Type::kOrganization ||
          g.end - g.begin == 1)
        return Cue::kNone;
      return w.sports ? Cue::kTeam : Cue::kCompany;
    };
    // A member is a whole name: no capitalised word right before or after it ("Bangladesh
    // Lamps", "Kansai Electric Power" are one name each).
    auto whole = [&](const Found& g) {
      const Span& span = doc.sentences[g.sentence];
      return !(g.begin > span.first_token && IsCapWord(doc, g.begin - 1)) &&
             !(g.end < span.last_token && IsCapWord(doc, g.end));
    };
    // Between two members: "," (kComma), or "and", "or", ", and" (kJoin).
    enum Link : uint8_t { kNoLink, kComma, kJoin };
    auto link = [&](const Found& a, const Found& b) {
      if (a.sentence != b.sentence || b.begin <= a.end || b.begin - a.end > 2 ||
          PossessiveBytes(doc, a.end - 1) > 0 || !whole(a) || !whole(b))
        return kNoLink;
      Link l = kComma;
      for (uint32_t j = a.end; j < b.begin; ++j) {
        if (IsPunct(doc, j, ',')) continue;
        const std::string_view n = IsWord(doc, j) ? doc.norm(j) : std::string_view();
        if (n != "and" && n != "or") return kNoLink;
        l = kJoin;
      }
      return b.begin - a.end == 2 && l == kComma ? kNoLink : l;
    };
    // A comma links members only in a list that a conjunction closes ("A, B and C"): "At the
    // Oval, Surrey ..." is no list, nor are a table's "Did not bat: A, B, C".
    std::vector<uint8_t> links(order.size(), kNoLink);  // between order[x] and order[x + 1]
    for (size_t x = 0; x + 1 < order.size(); ++x) links[x] = link(found[order[x]], found[order[x + 1]]);
    for (size_t x = order.size(); x-- > 0;)
      if (links[x] == kComma && (x + 1 >= links.size() || links[x + 1] == kNoLink)) links[x] = kNoLink;
    auto adopt = [&](uint32_t from, uint32_t to) {
      const Found& g = found[to];
      // Not a contraction ("I'm"), a hyphenated word's head ("Multi-band") nor a name a figure
      // follows ("Channel 4").
      const Token& t = doc.tokens[g.begin];
      if (!lone(g) || t.has(kAllCaps) || t.end - t.begin < 3 ||
          t.view(doc.text).find('\'') != std::string_view::npos ||
          (t.end < doc.text.size() && doc.text[t.end] == '-') ||
          (g.end < doc.tokens.size() && doc.tokens[g.end].kind == TokenKind::kNumber))
        return;
      const Cue cue = cue_of(found[from]);
      if (cue != Cue::kTeam && cue != Cue::kCompany && cue != Cue::kPlace) return;
      std::string text = NameText(doc, g.begin, g.end);
      if (decision(text) != decisions.end()) return;
      decided.emplace(text, static_cast<uint32_t>(decisions.size()));
      decisions.push_back({std::move(text), cue, to});
      lower.Add(NormNoPossessive(doc, g.begin));
    };
    for (size_t x = order.size(); x-- > 1;)
      if (links[x - 1] != kNoLink) adopt(order[x], order[x - 1]);
    for (size_t x = 0; x + 1 < order.size(); ++x)
      if (links[x] != kNoLink) adopt(order[x], order[x + 1]);
  }
  if (decisions.empty()) return;
  // A lone word the article also writes in lower case, or a word of the lexicons, is a common
  // word capitalised by its place ("Police said"), not a name; so is a plural that only ever
  // opens a sentence ("Analysts said", "Traders said").
  lower.Scan(doc, maybe_name);
  std::unordered_set<std::string> inside_sentences;  // lone words not opening a sentence
  bool inside_listed = false;
  for (Decision& d : decisions) {
    const Found& f = found[d.first];
    if (!lone(f) || doc.tokens[f.begin].has(kAllCaps)) continue;
    std::string_view norm = NormNoPossessive(doc, f.begin);
    if (!maybe_name(doc.surface[f.begin]) || lower.Seen(norm)) {
      d.cue = Cue::kNone;
      continue;
    }
    if (d.cue != Cue::kSpeaker || norm.empty() || norm.back() != 's') continue;
    if (!inside_listed) {
      for (const Found& g : found)
        if (lone(g) && !g.at_start) inside_sentences.insert(NameText(doc, g.begin, g.end));
      inside_listed = true;
    }
    if (!inside_sentences.count(d.text)) d.cue = Cue::kNone;
  }
  for (Found& f : found) {
    if (!lone(f) && !city(f)) continue;
    auto d = decision(NameText(doc, f.begin, f.end));
    if (d == decisions.end() || d->cue == Cue::kNone) continue;
    // A word joined to a full name by its first word stays joined unless it is a company
    // ("Pirelli" of "Pirelli Cables").
    if (f.by_given_name && d->cue != Cue::kCompany) continue;
    Type type = d->cue == Cue::kPlace ? Type::kPlace
                : d->cue == Cue::kSpeaker && !doc.tokens[f.begin].has(kAllCaps) && !f.camel
                    ? Type::kPerson
                    : Type::kOrganization;
    if (d->cue == Cue::kPlace && f.entity != kNoId) continue;  // a known place stays itself
    f.type = type;
    f.entity = kNoId;
    f.counted = true;
    f.by_context = true;
    if (d->first == static_cast<uint32_t>(&f - found.data()) || found[d->first].name == kNoId ||
        !found[d->first].by_context) {
      f.name = w.AddNamed(doc, f.begin, f.end);
    } else {
      f.name = found[d->first].name;
    }
    f.by_given_name = false;
  }
  // A "person" whose first word is a company or a team is that organization's longer name
  // ("Pirelli Cables").
  for (Found& f : found) {
    if (f.type != Type::kPerson || f.single || !f.counted || f.role_end > f.role_begin) continue;
    auto d = decision(NameText(doc, f.begin, f.begin + 1));
    if (d != decisions.end() && (d->cue == Cue::kCompany || d->cue == Cue::kTeam))
      f.type = Type::kOrganization;
  }
}

bool EntityEngine::Agent(const Document& doc, const Found& f) const {
  // The actor of its sentence: the name opens it (after "The" or a title: "President Reagan
  // vetoed", "The Bank of Japan cut") or speaks ("Reagan said", "..., said Jenkins."). A place
  // opening a dateline ("NEW YORK, March 3 -") is where the story was filed, not its subject.
  const Span& span = doc.sentences[f.sentence];
  const uint32_t start = f.role_end > f.role_begin ? std::min(f.begin, f.role_begin) : f.begin;
  uint32_t j = span.first_token;
  while (j < start && (!IsWord(doc, j) || Is(kConnector, doc.surface[j]))) ++j;
  const bool after_word = f.end < span.last_token && IsWord(doc, f.end);
  if (j == start)
    return !(f.end < span.last_token && IsPunct(doc, f.end, ',') &&
             (f.type == Type::kPlace || f.type == Type::kCountry));
  if (after_word && Is(kSpeechVerb, doc.surface[f.end])) return true;
  return f.begin > span.first_token && IsWord(doc, f.begin - 1) &&
         Is(kSpeechVerb, doc.surface[f.begin - 1]) &&
         (f.end >= span.last_token || doc.tokens[f.end].kind == TokenKind::kPunct);
}

void EntityEngine::SharedNames(Work& w) const {
  // A country named like a place of another country ("Georgia", also a US state) is that place
  // when the article names other places of that country ("Atlanta", "Tennessee", "Ga.") and
  // nothing else of the country itself (no "Tbilisi", no "Georgian"): "a Democrat from
  // Georgia" in a story set in the US.
  if (shared_name_.empty()) return;
  const Document& doc = w.doc;
  std::vector<Found>& found = w.found;
  auto shared = [&](const Found& f) {
    return f.counted && f.entity != kNoId && f.type == Type::kCountry &&
           f.entity < shared_name_.size() && shared_name_[f.entity] != kNoId &&
           NameText(doc, f.begin, f.end) == entities_[f.entity].name;
  };
  std::vector<uint32_t> decided;
  for (const Found& f : found) {
    if (!shared(f) || std::find(decided.begin(), decided.end(), f.entity) != decided.end())
      continue;
    const uint32_t country = f.entity, place = shared_name_[country];
    decided.push_back(country);
    const std::string& other = entities_[place].code;
    uint32_t places_there = 0, own = 0;
    for (const Found& g : found) {
      if (!g.counted || g.entity == kNoId) continue;
      const Entity& e = entities_[g.entity];
      if (e.type == Type::kPlace && e.code == other) ++places_there;
      if (e.code == entities_[country].code && !shared(g)) ++own;
    }
    if (places_there == 0 || own > 0) continue;
    for (Found& g : found)
      if (shared(g) && g.entity == country) {
        g.entity = place;
        g.type = Type::kPlace;
      }
  }
}

void EntityEngine::Tally(Work& w, Draft* draft, bool mentions) const {
  const Document& doc = w.doc;
  const std::vector<Found>& found = w.found;
  const std::vector<std::string>& names = w.names;
  // Accumulate per entity, in text order (acronym uses were appended last): dictionary entities
  // by id, the others by type and name.
  struct Acc {
    const std::string* name;
    const std::string* code;
    Type type;
    std::string role;
    bool role_honorific = false;
    uint32_t count = 0;
    uint32_t last_sentence = kNoId;
    ActorProminence prominence;
  };
  static const std::string kNoCode;
  std::vector<uint32_t> order(found.size());
  for (uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  // Text order, which is also sentence order: the analyzer merges each stage's mentions as
  // sorted runs.
  StableSort(&order, [&](uint32_t x, uint32_t y) { return found[x].begin < found[y].begin; });
  std::vector<Acc> acc;
  std::unordered_map<uint32_t, uint32_t> acc_of_entity;
  std::map<std::pair<Type, std::string_view>, uint32_t> acc_of_name;
  std::vector<uint32_t> acc_of(found.size(), kNoId);
  if (mentions) draft->mentions.reserve(draft->mentions.size() + found.size());
  const size_t first_mention = draft->mentions.size();
  const size_t first_evidence = draft->actor_evidence.size();
  for (uint32_t k : order) {
    const Found& f = found[k];
    if (!f.counted && !f.restated) continue;
    const Found& id = f.same_as != kNoId ? found[f.same_as] : f;
    if (!f.counted) {
      // A restatement in brackets: a mention of the actor named just before or after it, which
      // is not counted again. Its actor may have been dropped since (a person turned common
      // word): then nothing.
      if (!mentions || (id.entity == kNoId && id.name == kNoId)) continue;
      auto it = id.entity != kNoId ? acc_of_entity.find(id.entity) : acc_of_entity.end();
      uint32_t a_index = kNoId;
      if (id.entity != kNoId) {
        if (it != acc_of_entity.end()) a_index = it->second;
      } else if (auto n = acc_of_name.find(std::make_pair(id.type,
                                                          std::string_view(names[id.name])));
                 n != acc_of_name.end()) {
        a_index = n->second;
      }
      if (a_index == kNoId) continue;
      DraftMention m;
      m.kind = Mention::Kind::kEntity;
      m.start = doc.tokens[f.begin].begin;
      m.end = doc.tokens[f.end - 1].end - PossessiveBytes(doc, f.end - 1);
      m.ref = a_index;
      draft->mentions.push_back(m);
      continue;
    }
    uint32_t next = static_cast<uint32_t>(acc.size());
    uint32_t a_index =
        id.entity != kNoId
            ? acc_of_entity.emplace(id.entity, next).first->second
            : acc_of_name.emplace(std::make_pair(id.type, std::string_view(names[id.name])), next)
                  .first->second;
    if (a_index == next) {
      Acc a;
      a.name = id.entity != kNoId ? &entities_[id.entity].name : &names[id.name];
      a.code = id.entity != kNoId ? &entities_[id.entity].code : &kNoCode;
      a.type = id.type;
      acc.push_back(std::move(a));
    }
    Acc& a = acc[a_index];
    acc_of[k] = a_index;
    if (a.count == 0) a.prominence.first_sentence = f.sentence;
    ++a.count;
    if (f.parent != kNoId) {
      ++a.prominence.nested;
    } else if (Agent(doc, f)) {
      ++a.prominence.subject;
    }
    draft->actor_spans.push_back({f.begin, f.end, static_cast<ActorType>(f.type)});
    if (a.last_sentence != f.sentence) {  // tone: the distinct sentences naming it (topic_tone.cc)
      a.last_sentence = f.sentence;
      draft->actor_evidence.push_back({a_index, f.sentence, 1.0});
    }
    if (f.type == Type::kPerson && f.role_end > f.role_begin &&
        (a.role.empty() || (a.role_honorific && !f.honorific))) {
      a.role = NameText(doc, f.role_begin, f.role_end);
      if (!a.role.empty() && a.role.back() == '.') a.role.pop_back();
      a.role_honorific = f.honorific;
    }
    if (mentions) {
      DraftMention m;
      m.kind = Mention::Kind::kEntity;
      m.start = doc.tokens[f.begin].begin;
      m.end = doc.tokens[f.end - 1].end - PossessiveBytes(doc, f.end - 1);
      m.ref = a_index;  // the entity's place in the report once ranked, below
      draft->mentions.push_back(m);
    }
  }
  // Entities by count, then name; sorted as indices so that each result is built once.
  std::vector<uint32_t> ranked(acc.size());
  for (uint32_t k = 0; k < ranked.size(); ++k) ranked[k] = k;
  Sort(&ranked, [&](uint32_t x, uint32_t y) {
    if (acc[x].count != acc[y].count) return acc[x].count > acc[y].count;
    int order = acc[x].name->compare(*acc[y].name);
    return order != 0 ? order < 0 : x < y;
  });
  static constexpr const char* kTypeNames[] = {"country", "place", "organization", "person", ""};
  const uint32_t first_entity = static_cast<uint32_t>(draft->entities.size());
  std::vector<uint32_t> rank_of(acc.size());
  for (uint32_t k = 0; k < ranked.size(); ++k) rank_of[ranked[k]] = first_entity + k;
  for (size_t k = first_mention; k < draft->mentions.size(); ++k)
    draft->mentions[k].ref = rank_of[draft->mentions[k].ref];
  for (size_t k = first_evidence; k < draft->actor_evidence.size(); ++k)
    draft->actor_evidence[k].item = rank_of[draft->actor_evidence[k].item];
  draft->entities.reserve(draft->entities.size() + acc.size());
  draft->actor_prominence.resize(first_entity);
  for (uint32_t k : ranked) {
    Acc& a = acc[k];
    draft->actor_prominence.push_back(a.prominence);
    EntityResult r;
    r.name = *a.name;
    r.type = kTypeNames[static_cast<int>(a.type)];
    r.code = *a.code;
    r.role = std::move(a.role);
    r.count = a.count;
    draft->entities.push_back(std::move(r));
  }
  std::vector<const std::string*> acc_name(acc.size());
  for (uint32_t k = 0; k < acc.size(); ++k) acc_name[k] = acc[k].name;
  CoMentions(found, acc_of, acc_name, draft);
}

void EntityEngine::CoMentions(const std::vector<Found>& found, const std::vector<uint32_t>& acc_of,
                              const std::vector<const std::string*>& acc_name,
                              Draft* draft) const {
  // Co-mentions: pairs of entities named in the same sentence, except an organization and the
  // country only named inside its name ("Bank of Japan" and Japan).
  struct InSentence {
    uint32_t sentence, acc;
    uint32_t inside;  // the acc of the name this mention is nested in, or kNoId
  };
  std::vector<InSentence> here;
  here.reserve(found.size());
  for (uint32_t k = 0; k < found.size(); ++k)
    if (acc_of[k] != kNoId)
      here.push_back({found[k].sentence, acc_of[k],
                      found[k].parent != kNoId ? acc_of[found[k].parent] : kNoId});
  SortElements(&here, [](const InSentence& x, const InSentence& y) {
    return x.sentence != y.sentence ? x.sentence < y.sentence : x.acc < y.acc;
  });
  // One entry per entity and sentence; `inside` survives only if every mention there is nested
  // in that same name.
  size_t out = 0;
  for (size_t k = 0; k < here.size(); ++k) {
    if (out > 0 && here[out - 1].sentence == here[k].sentence && here[out - 1].acc == here[k].acc) {
      if (here[out - 1].inside != here[k].inside) here[out - 1].inside = kNoId;
      continue;
    }
    here[out++] = here[k];
  }
  here.resize(out);
  std::vector<uint64_t> pairs;  // (acc, acc) with the smaller name first
  pairs.reserve(here.size() * 2);
  for (size_t b = 0; b < here.size();) {
    size_t e = b;
    while (e < here.size() && here[e].sentence == here[b].sentence) ++e;
    if (e - b > kMaxCoMentionEntities) {
      b = e;
      continue;
    }
    for (size_t x = b; x < e; ++x)
      for (size_t y = x + 1; y < e; ++y) {
        if (here[x].inside == here[y].acc || here[y].inside == here[x].acc) continue;
        uint32_t ax = here[x].acc, ay = here[y].acc;
        int order = acc_name[ax]->compare(*acc_name[ay]);
        if (order == 0) continue;  // two entities of one name (a country and a place)
        if (order > 0) std::swap(ax, ay);
        pairs.push_back((uint64_t{ax} << 32) | ay);
      }
    b = e;
  }
  std::sort(pairs.begin(), pairs.end());
  struct Pair {
    uint32_t a, b, count;
  };
  std::vector<Pair> counted;
  for (size_t k = 0; k < pairs.size();) {
    size_t e = k;
    while (e < pairs.size() && pairs[e] == pairs[k]) ++e;
    counted.push_back({static_cast<uint32_t>(pairs[k] >> 32),
                       static_cast<uint32_t>(pairs[k] & 0xFFFFFFFFu),
                       static_cast<uint32_t>(e - k)});
    k = e;
  }
  // By count, then names; sorted before the names are copied into the draft.
  SortElements(&counted, [&](const Pair& x, const Pair& y) {
    if (x.count != y.count) return x.count > y.count;
    if (int order = acc_name[x.a]->compare(*acc_name[y.a])) return order < 0;
    if (int order = acc_name[x.b]->compare(*acc_name[y.b])) return order < 0;
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  draft->co_mentions.reserve(draft->co_mentions.size() + counted.size());
  for (const Pair& p : counted)
    draft->co_mentions.push_back({*acc_name[p.a], *acc_name[p.b], p.count});
}


void EntityEngine::Run(const Document& doc, Draft* draft, bool mentions) const {
  Work w(doc);
  SportsReport(w);
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) ScanSentence(w, s);
  DropCommonWords(w);
  LinkAcronyms(w);
  LinkPeople(w);
  ResultsLines(w);
  StandingsRows(w);
  ClubsNamedWithTheirCity(w);
  CompaniesByCue(w);
  ShortForms(w);
  ActorsByContext(w);
  SharedNames(w);
  Tally(w, draft, mentions);
}

}  // namespace newslens
