// Theme counting: dictionary terms (words, phrases, wildcards) matched over stemmed tokens,
// longest phrase first, each token at most once per theme, sub-themes rolled into parents.
#include "themes.h"

#include <algorithm>
#include <iterator>

#include "draft.h"
#include "sort.h"
#include "startup_code.h"

namespace newslens {

namespace {

constexpr uint32_t kCapsBase = 1u << 30;  // keys of capitals-only words live above this
const std::string kCueSetPrefix = "cue:";  // the theme id of a cue set: "cue:" + its name
constexpr size_t kFirstBytesWords = 65536 / 64;  // a bit per possible first two bytes

bool WrittenInCapitals(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

// A sentence written all in capitals (a wire headline: "HONG KONG FIRM UPS STAKE") says
// nothing by its capitals, so capitals-only terms (US, WHO, IT, UPS) are not trusted in it.
// It needs this many words of two or more letters, every one of them in capitals.
constexpr uint32_t kMinCapitalsSentenceWords = 3;

bool WrittenAllInCapitals(const Document& doc, const Span& span) {
  uint32_t words = 0;
  for (uint32_t t = span.first_token; t < span.last_token; ++t) {
    const Token& token = doc.tokens[t];
    if (token.kind != TokenKind::kWord || token.has(kPart) || token.end - token.begin < 2)
      continue;
    if (!token.has(kAllCaps)) return false;
    ++words;
  }
  return words >= kMinCapitalsSentenceWords;
}

// True when a match over tokens [i, i + len) needs a capitals-only key that the capitals of an
// all-capitals sentence cannot vouch for; dotted acronyms ("U.S.") are unambiguous and pass.
bool NeedsTrustedCapitals(const Document& doc, uint32_t i, uint32_t len) {
  for (uint32_t j = i; j < i + len; ++j)
    if (doc.theme_key[j] != kNoId && (doc.theme_key[j] & kCapsBase) &&
        !doc.tokens[j].has(kAcronymDots))
      return true;
  return false;
}

// Spelled with spaces, a hyphenated term's parts are matched as a phrase ("cost of living" for
// "cost-of-living") unless a part is a single letter or the term is one word ending in an
// adverbial particle: its spaced form is then another phrase, a verb and its particle ("take
// out", "check in"). The particles are the common adverbial particles of phrasal verbs in Quirk
// et al. (1985), A Comprehensive Grammar of the English Language, ch. 16, that end compounds.
constexpr size_t kMinSpacedPartLetters = 2;
constexpr std::string_view kParticles[] = {"away", "back", "by",  "down", "in",
                                           "off",  "on",   "out", "over", "up"};

bool IsParticle(std::string_view part) {
  std::string lower;
  NormalizeWord(part, &lower);
  for (std::string_view p : kParticles)
    if (lower == p) return true;
  return false;
}

// The apostrophe right after a word ending in s ("farmers'", "farmers’"): the tokenizer makes
// it a token of its own.
bool IsPluralPossessiveMark(const Document& doc, uint32_t t) {
  const Token& mark = doc.tokens[t];
  const Token& word = doc.tokens[t - 1];
  return mark.kind == TokenKind::kPunct && mark.punct == '\'' && word.is_word() &&
         word.end == mark.begin && (doc.text[word.end - 1] == 's' || doc.text[word.end - 1] == 'S');
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

// The space-separated words of `s`, into `out` (cleared first).
void SplitWords(std::string_view s, std::vector<std::string_view>* out) {
  out->clear();
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > b) out->push_back(s.substr(b, i - b));
  }
}

}  // namespace

namespace {

// Keys of the words of the terms being added, by written form: the ~20k terms of the taxonomy
// share most of their words, so each distinct word is normalized and stemmed once at start-up.
// Lives for one ThemeEngine::Add call (KeyMemoScope), so keys never leak across engines.
struct KeyMemo {
  Vocab words;
  std::vector<uint32_t> keys;
};
thread_local KeyMemo* key_memo = nullptr;

struct KeyMemoScope {
  KeyMemo memo;
  KeyMemo* previous = key_memo;
  KeyMemoScope() { key_memo = &memo; }
  ~KeyMemoScope() { key_memo = previous; }
};

}  // namespace

uint32_t ThemeEngine::KeyForWord(std::string_view word, bool caps_sensitive,
                                 std::string* scratch) {
  if (key_memo && caps_sensitive) {
    uint32_t id = key_memo->words.Intern(word);
    if (id < key_memo->keys.size()) return key_memo->keys[id];
    KeyMemo* memo = key_memo;
    key_memo = nullptr;  // compute it once, below
    uint32_t key = KeyForWord(word, caps_sensitive, scratch);
    key_memo = memo;
    memo->keys.push_back(key);
    return key;
  }
  if (caps_sensitive && WrittenInCapitals(word)) return caps_.Intern(WithoutDots(word)) | kCapsBase;
  // Called for every word of ~20k terms at start-up: buffers reused, no allocation per word.
  thread_local std::string norm, joined;
  NormalizeWord(word, &norm);
  joined.clear();
  for (char c : norm)
    if (c != '-' && c != '\'') joined.push_back(c);  // WithoutHyphens
  Stem(joined, scratch);
  return stems_.Intern(*scratch);
}

void ThemeEngine::Attach(uint32_t* payload, TermRef ref) {
  if (*payload == kNoId) {
    *payload = static_cast<uint32_t>(payloads_.begin.size() - 1);
    payloads_.begin.push_back(payloads_.begin.back());  // an empty list, filled by Flatten
  }
  attached_.emplace_back(*payload, ref);
}

NEWSLENS_STARTUP_CODE void ThemeEngine::Flatten() {
  // A counting sort by list, stable: each list keeps its earlier refs, then the new ones in the
  // order they were attached.
  const size_t lists = payloads_.begin.size() - 1;
  std::vector<uint32_t> begin(lists + 1, 0);
  for (size_t p = 0; p < lists; ++p)
    begin[p + 1] = payloads_.begin[p + 1] - payloads_.begin[p];
  for (const auto& a : attached_) ++begin[a.first + 1];
  for (size_t p = 0; p < lists; ++p) begin[p + 1] += begin[p];
  std::vector<TermRef> refs(begin[lists]);
  std::vector<uint32_t> at(begin.begin(), begin.end() - 1);
  for (size_t p = 0; p < lists; ++p)
    for (const TermRef& ref : payloads_[static_cast<uint32_t>(p)]) refs[at[p]++] = ref;
  for (const auto& a : attached_) refs[at[a.first]++] = a.second;
  payloads_.refs.swap(refs);
  payloads_.begin.swap(begin);
  attached_.clear();
  attached_.shrink_to_fit();
}

NEWSLENS_STARTUP_CODE Status ThemeEngine::Add(ThemeDictionary dict, std::string_view source) {
  KeyMemoScope key_memo_scope;
  // Whatever happens below, the terms attached so far are filed (a failed Add leaves the
  // engine as it would have before: the analyzer is not built).
  struct FlattenAtEnd {
    ThemeEngine* engine;
    ~FlattenAtEnd() { engine->Flatten(); }
  } flatten_at_end{this};
  // A cue set is matched like a theme whose hits are never reported: a theme of its own, with
  // an id no dictionary can write ("cue:" + name; ids have no ':').
  for (CueSetDef& set : dict.cue_sets) {
    ThemeDef def;
    def.id = kCueSetPrefix + set.name;
    def.label = set.name;
    for (std::string& w : set.words) {
      TermDef term;
      term.text = std::move(w);
      def.terms.push_back(std::move(term));
    }
    dict.themes.push_back(std::move(def));
  }
  dict.cue_sets.clear();
  // Themes first (so parents resolve regardless of order), then terms.
  for (const ThemeDef& def : dict.themes) {
    auto it = by_id_.find(def.id);
    if (it == by_id_.end()) {
      Theme t;  // the definition without its terms (copying ~20k terms to drop them cost ~8 %)
      t.cue = def.id.compare(0, kCueSetPrefix.size(), kCueSetPrefix) == 0;
      t.def.id = def.id;
      t.def.label = def.label;
      t.def.parent = def.parent;
      t.def.iptc = def.iptc;
      t.def.terms.reserve(def.terms.size());
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
  // Reused from term to term: no allocation per term for its words and keys.
  std::vector<std::string_view> words;
  std::vector<uint32_t> keys, part_keys;
  size_t term_count = 0;
  for (const ThemeDef& def : dict.themes) term_count += def.terms.size();
  attached_.reserve(term_count + term_count / 8);
  for (ThemeDef& def : dict.themes) {
    uint32_t theme = by_id_[def.id];
    for (TermDef& term : def.terms) {
      SplitWords(term.text, &words);
      if (words.empty()) continue;
      std::string wild;
      if (words.back().size() > 1 && words.back().back() == '*') {
        std::string norm;
        NormalizeWord(words.back().substr(0, words.back().size() - 1), &norm);
        wild = norm;
        words.pop_back();
      }
      // A hyphenated word is one key ("cost-of-living" -> "costofliving", as the text's
      // compound kept whole or written "costofliving") and, in terms without a wildcard, also
      // its parts in a row: the text's "cost of living", or a compound the tokenizer split.
      keys.clear();
      part_keys.clear();
      bool parts_ok = true;
      for (std::string_view w : words) {
        keys.push_back(KeyForWord(w, true, &scratch));
        if (w.find('-') == std::string_view::npos) {
          part_keys.push_back(keys.back());  // the one part is the word: the same key
          continue;
        }
        std::string_view last_part;
        for (size_t begin = 0, k = 0; k <= w.size(); ++k) {
          if (k < w.size() && w[k] != '-') continue;
          if (k - begin < kMinSpacedPartLetters && w.find('-') != std::string_view::npos)
            parts_ok = false;  // "A-share", "e-book", "T-bill": not "a share", "e book"
          if (k > begin) {
            last_part = w.substr(begin, k - begin);
            part_keys.push_back(KeyForWord(last_part, true, &scratch));
          }
          begin = k + 1;
        }
        if (words.size() == 1 && w.find('-') != std::string_view::npos &&
            IsParticle(last_part))
          parts_ok = false;  // "take-out", "sit-in", "carry-on": not "take out", "sit in"
      }
      uint32_t index = static_cast<uint32_t>(themes_[theme].def.terms.size());
      TermRef ref{theme, index, term.weight};
      if (term.context != TermContext::kNone && !themes_[theme].cue) {
        ref.context = term.context;
        has_context_terms_ = true;
        if (!term.cues.empty()) {
          auto cue = by_id_.find(kCueSetPrefix + term.cues);
          if (cue == by_id_.end())
            return Status::Error(std::string(source) + ": theme " + def.id + ": term \"" +
                                 term.text + "\": unknown cue set \"" + term.cues + "\"");
          ref.cues = cue->second;
        }
      }
      themes_[theme].def.terms.push_back(std::move(term));  // `words` no longer used
      ++term_total_;
      uint32_t node = trie_.Insert(keys);
      if (wild.empty()) {
        Attach(&trie_.payload(node), ref);
        if (parts_ok && part_keys != keys) Attach(&trie_.payload(trie_.Insert(part_keys)), ref);
        continue;
      }
      min_wild_ = std::min(min_wild_, wild.size());
      max_wild_ = std::max(max_wild_, wild.size());
      if (node == 0) {
        uint32_t id = root_wild_.Intern(wild);
        if (id >= root_wild_payload_.size()) root_wild_payload_.resize(id + 1, kNoId);
        Attach(&root_wild_payload_[id], ref);
        if (wild.size() <= 64) root_wild_lengths_ |= uint64_t{1} << (wild.size() - 1);
        else root_wild_lengths_ |= uint64_t{1} << 63;  // > 64 bytes: probed without the filter
        root_wild_first_.resize(kFirstBytesWords, 0);
        auto set = [&](size_t index) {
          root_wild_first_[index >> 6] |= uint64_t{1} << (index & 63);
        };
        unsigned char b0 = static_cast<unsigned char>(wild[0]);
        if (wild.size() == 1) {
          for (size_t b1 = 0; b1 < 256; ++b1) set(b0 << 8 | b1);
        } else {
          set(b0 << 8 | static_cast<unsigned char>(wild[1]));
        }
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
  ResolveActorDeskRules();
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

uint32_t ThemeEngine::RootWildcard(std::string_view w) const {
  if (root_wild_payload_.empty() || w.size() < min_wild_) return kNoId;
  if (w.size() >= 2) {
    size_t index = static_cast<size_t>(static_cast<unsigned char>(w[0])) << 8 |
                   static_cast<unsigned char>(w[1]);
    if (!(root_wild_first_[index >> 6] >> (index & 63) & 1)) return kNoId;
  }
  // Longest prefix first, probing only the lengths some prefix has.
  for (size_t len = std::min(w.size(), max_wild_); len >= min_wild_ && len > 0; --len) {
    if (!(root_wild_lengths_ >> (std::min<size_t>(len, 64) - 1) & 1)) continue;
    uint32_t id = root_wild_.Find(w.substr(0, len));
    if (id != kNoId) return root_wild_payload_[id];
  }
  return kNoId;
}

uint32_t ThemeEngine::Match(const Document& doc, uint32_t i, uint32_t end, uint32_t* payload,
                            uint32_t* tie) const {
  uint32_t node = 0, best = 0;
  *tie = kNoId;
  for (uint32_t j = i; j < end; ++j) {
    if (!doc.tokens[j].is_word()) {
      // A plural possessive's apostrophe stays inside a phrase: "farmers' cooperative".
      if (j > i && IsPluralPossessiveMark(doc, j)) continue;
      break;
    }
    // A wildcard ending on this word is as long as an exact term ending here; when both end
    // here, the exact term's payload is returned and the wildcard's is the tie: both count.
    std::string_view w = doc.norm(j);
    if (node == 0) {
      if (doc.theme_wild[j] != kNoId) {
        best = j - i + 1;
        *payload = doc.theme_wild[j];
        *tie = kNoId;
      }
    } else if (auto it = node_wild_.find(node); it != node_wild_.end()) {
      for (const auto& [prefix, p] : it->second) {
        if (w.substr(0, prefix.size()) == prefix) {
          best = j - i + 1;
          *payload = p;
          *tie = kNoId;
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
      *tie = best == j - i + 1 ? *payload : kNoId;
      best = j - i + 1;
      *payload = trie_.payload(node);
    }
  }
  return best;
}

bool InTopLevel(const DraftTheme& t, const ThemeEngine& themes) {
  return themes.top_level(t.theme) && !t.weak;
}

void ThemeEngine::MarkNames(const Document& doc, const Draft& draft,
                            std::vector<uint32_t>* name_of) {
  name_of->clear();
  for (uint32_t k = 0; k < draft.actor_spans.size(); ++k) {
    const ActorSpan& span = draft.actor_spans[k];
    if (name_of->empty()) name_of->assign(doc.tokens.size(), kNoId);
    for (uint32_t t = span.first_token; t < span.last_token && t < doc.tokens.size(); ++t)
      (*name_of)[t] = k;
  }
}

bool ThemeEngine::InsideName(const Document& doc, const std::vector<uint32_t>& name_of,
                             const Draft& draft, uint32_t i, uint32_t len) {
  if (name_of.empty()) return false;
  const uint32_t k = name_of[i];
  if (k == kNoId) return false;
  bool capitals = true;
  for (uint32_t t = i; t < i + len; ++t) {
    if (name_of[t] != k) return false;
    if (doc.theme_key[t] == kNoId || !(doc.theme_key[t] & kCapsBase)) capitals = false;
  }
  const ActorSpan& span = draft.actor_spans[k];
  const bool whole_name = i == span.first_token && i + len == span.last_token;
  // An organization's head word says what it is: the last word ("Champions League", "High
  // Court", "Labour Party") or the word before "of" ("Treaty of ...", "Bank of England"): it
  // counts. Its other words are a name ("Mercury Entertainment Corp",
  // "Jones Medical Industries"), as are all of a person's or a place's ("Bill", "Crane",
  // "Czech Republic").
  const bool kind_word =
      span.type == ActorType::kOrganization &&
      (i + len == span.last_token ||
       (i + len < span.last_token && doc.norm(i + len) == "of"));  // "Treaty of ...", "Bank of"
  return !whole_name && !kind_word && !capitals;
}

// Where a sentence sits in the story (docs/themes.md, "Position"): the headline and the lede
// say what a news story is about (the inverted pyramid), so their hits weigh more.
// The headline is the first sentence of the text (a title line, or the first sentence of an
// item without one). The lede is the paragraph after a title that stands on a line of its own,
// or else the rest of the first paragraph, at most kLedeSentences sentences of it: a story
// pasted without blank lines is one paragraph, and its lede is still its opening.
constexpr double kHeadlineWeight = 2.0;
constexpr double kLedeWeight = 1.5;
constexpr uint32_t kLedeSentences = 2;

// Minimum evidence (docs/themes.md, "Evidence"): a theme is weak when it is named in fewer than
// kMinEvidenceSentences sentences and holds less than kMinEvidenceShare of the top levels'
// score: one passing mention beside the real subject. A subject an article is about comes back
// (the lede states it, the body develops it); a theme in one sentence may still be the
// subject of a one- or two-sentence item, when it carries a good part of its score.
constexpr uint32_t kMinEvidenceSentences = 2;
constexpr double kMinEvidenceShare = 0.15;

// Who acts decides the desk (docs/themes.md, "Who acts: policy and business stories"). When
// an actor of a desk acts in the headline or the lede, on a subject that the desk covers as
// part of its own beat, the desk's top level ranks just before the subject, with its own
// score, if that score is at least kActorDeskMinRatio of the subject's (the actor acts in the
// story, not in one passing sentence):
// - a government, minister, parliament, party, election, regional or local government on a
//   home-news subject (crime and justice, schools, health, welfare, work, the environment,
//   faith, leisure, emergencies) is a government-policy story: IPTC files it under politics
//   ("government policy": healthcare policy, education policy, ...), and so do news desks.
//   Economy, science, arts and sport are desks of their own: a minister's word on the markets
//   stays an economy story.
// - a company (a corporate-news hit: company, firm, shares, chief executive, earnings) on a
//   legal, health or work subject is business news: a lawsuit against a firm, a drug maker's
//   trial, lay-offs and strikes at a plant (IPTC: economy > business information).
// - researchers (a hit of science.research: scientists, researchers, a study, findings) on a
//   subject of health, nature, disasters, weather, society, crime, schools or leisure is a
//   science story: "scientists say" a childhood trauma leads to heart disease, a volcano's
//   tremors may warn of eruptions, a new monkey species was found. A science desk reports
//   research; the health or environment desk reports care, policy and events.
// - a film, music, theatre or television hit or a celebrity (a singer, an actor, a band, a
//   star) on a home-news subject is arts and entertainment news: a singer fined for a brawl,
//   an actor in court, a comedian not charged, a faith group against a TV drama. Showbiz desks
//   cover their stars' troubles; the crime desk covers crime where no star acts in the lede.
// - a technology (computing, the internet, telecoms, cybersecurity, gadgets, games) in the
//   headline or the lede on a legal, social, cultural or political subject is a technology
//   story: spammers convicted, file-sharers sued by the music industry, a regulator's ruling on
//   broadband, a games console turned into a musical instrument, a video relay for deaf people.
//   A technology desk covers what technology does to the law, society and culture; sport is a
//   desk of its own (a club's website), and a technology company's deals and results stay
//   business news (no economy subject here).
// - a sport, a club, a player or a coach in the headline or the lede on a legal, health, work
//   or social subject is sports news: a player arrested or charged, a coach hired or fired, a
//   doping case, a racism inquiry at a football federation, a college team's season. A sports
//   desk covers its players off the field; economy (a club's takeover), conflicts, disasters and
//   the weather (a hurricane that delays a match) are no subjects of this rule.
// The first rule that applies wins (politics, business, science by research, arts, science by
// technology, sport).
constexpr std::string_view kGovernmentActors[] = {"politics",
                                                  "politics.government",
                                                  "politics.legislature",
                                                  "politics.elections",
                                                  "politics.political_parties",
                                                  "politics.regional_government",
                                                  "politics.local_government"};
constexpr std::string_view kHomeNewsSubjects[] = {"crime",     "education", "health",
                                                  "society",   "labour",    "environment",
                                                  "lifestyle", "religion",  "disaster"};
constexpr std::string_view kCompanyActors[] = {"economy.corporate"};
constexpr std::string_view kBusinessSubjects[] = {"crime", "health", "labour"};
constexpr std::string_view kArtistActors[] = {"arts.film", "arts.music", "arts.theatre",
                                              "arts.television", "human_interest.celebrity"};
constexpr std::string_view kArtistSubjects[] = {"crime",     "health",   "society",
                                                "lifestyle", "religion", "education",
                                                "disaster",  "labour"};
constexpr std::string_view kResearchActors[] = {"science.research"};
constexpr std::string_view kResearchSubjects[] = {"health",  "environment", "disaster",
                                                  "weather", "society",     "crime",
                                                  "education", "lifestyle"};
constexpr std::string_view kTechActors[] = {"science.computing", "science.telecoms",
                                            "science.cybersecurity", "science.consumer_electronics",
                                            "science.video_games"};
constexpr std::string_view kTechSubjects[] = {"crime",    "society",        "education",
                                              "lifestyle", "arts",          "health",
                                              "politics", "human_interest", "religion"};
constexpr std::string_view kSportActors[] = {
    "sport",          "sport.football",   "sport.american_football", "sport.basketball",
    "sport.baseball", "sport.tennis",     "sport.golf",              "sport.cricket",
    "sport.rugby",    "sport.ice_hockey", "sport.athletics",         "sport.swimming",
    "sport.cycling",  "sport.motor_racing", "sport.combat_sports",   "sport.winter_sports",
    "sport.olympics", "sport.doping",     "sport.sport_business",    "sport.other_sports"};
constexpr std::string_view kSportSubjects[] = {"crime",     "health",         "labour",
                                               "society",   "education",      "lifestyle",
                                               "human_interest", "environment", "religion"};
struct ActorDeskRule {
  std::string_view desk;
  const std::string_view *actors, *actors_end, *subjects, *subjects_end;
};
constexpr ActorDeskRule kActorDeskRules[] = {
    {"politics", std::begin(kGovernmentActors), std::end(kGovernmentActors),
     std::begin(kHomeNewsSubjects), std::end(kHomeNewsSubjects)},
    {"economy", std::begin(kCompanyActors), std::end(kCompanyActors), std::begin(kBusinessSubjects),
     std::end(kBusinessSubjects)},
    {"science", std::begin(kResearchActors), std::end(kResearchActors),
     std::begin(kResearchSubjects), std::end(kResearchSubjects)},
    {"arts", std::begin(kArtistActors), std::end(kArtistActors), std::begin(kArtistSubjects),
     std::end(kArtistSubjects)},
    {"science", std::begin(kTechActors), std::end(kTechActors), std::begin(kTechSubjects),
     std::end(kTechSubjects)},
    {"sport", std::begin(kSportActors), std::end(kSportActors), std::begin(kSportSubjects),
     std::end(kSportSubjects)},
};
constexpr double kActorDeskMinRatio = 0.2;
static_assert(sizeof(kActorDeskRules) / sizeof(kActorDeskRules[0]) <= 8,
              "ThemeEngine::actor_role_ holds two bits per rule in 16 bits");

// A match score ("a 28-17 victory"): two numbers of at most three digits joined by a hyphen. Sports reports give the score in
// the lede, and it is the one word that says a contest was played when the rest is names
// ("Nets 96, Bobcats 89"; "an 8-3 victory over the Angels"). It is a word of the cue set
// kScoreCueSet, so a sport word that waits for a contest (victory, game, season) counts.
namespace {
constexpr std::string_view kScoreCueSet = "sport_contest";

bool IsScoreLine(const Document& doc, uint32_t i, uint32_t end) {
  auto digits = [](std::string_view v) {
    if (v.empty() || v.size() > 3) return false;
    for (char c : v)
      if (c < '0' || c > '9') return false;
    return true;
  };
  // The document keeps a hyphenated compound's parts ("8", "3"), not its head ("8-3").
  if (i + 1 >= end) return false;
  const Token& a = doc.tokens[i];
  const Token& b = doc.tokens[i + 1];
  return a.kind == TokenKind::kNumber && b.kind == TokenKind::kNumber &&
         b.begin == a.end + 1 && doc.text[a.end] == '-' && digits(a.view(doc.text)) &&
         digits(b.view(doc.text));
}
}  // namespace

NEWSLENS_STARTUP_CODE void ThemeEngine::ResolveActorDeskRules() {
  auto score_cue = by_id_.find(kCueSetPrefix + std::string(kScoreCueSet));
  score_cue_ = score_cue == by_id_.end() ? kNoId : score_cue->second;
  auto economy = by_id_.find("economy");
  economy_ = economy == by_id_.end() ? kNoId : economy->second;
  actor_role_.assign(themes_.size(), 0);
  actor_desk_.clear();
  for (const ActorDeskRule& rule : kActorDeskRules) {
    const uint32_t r = static_cast<uint32_t>(actor_desk_.size());
    auto desk = by_id_.find(std::string(rule.desk));
    actor_desk_.push_back(desk == by_id_.end() ? kNoId : desk->second);
    if (desk == by_id_.end()) continue;  // a dictionary without the desk: the rule is off
    for (const std::string_view* id = rule.actors; id != rule.actors_end; ++id)
      if (auto a = by_id_.find(std::string(*id)); a != by_id_.end())
        actor_role_[a->second] |= static_cast<uint16_t>(1u << (2 * r));
    for (const std::string_view* id = rule.subjects; id != rule.subjects_end; ++id)
      if (auto a = by_id_.find(std::string(*id)); a != by_id_.end() && top_level(a->second))
        actor_role_[a->second] |= static_cast<uint16_t>(2u << (2 * r));
  }
}

void ThemeEngine::Positions(const Document& doc, std::vector<float>* weight,
                            std::vector<uint32_t>* paragraph) {
  const uint32_t n = static_cast<uint32_t>(doc.sentences.size());
  weight->assign(n, 1.0f);
  paragraph->assign(n, 0);
  uint32_t p = 0;
  for (uint32_t s = 1; s < n; ++s) {
    if (doc.tokens[doc.sentences[s].first_token].has(kParagraphStart)) ++p;
    (*paragraph)[s] = p;
  }
  if (n == 0) return;
  // A headline written all in capitals (a wire headline, "LOTUS <LOTS> TO ACQUIRE <COMPUTER
  // ACCESS CORP>") cannot tell names from words, as capitals-only terms already know
  // (WrittenAllInCapitals): its words get no extra weight.
  if (!WrittenAllInCapitals(doc, doc.sentences[0]))
    (*weight)[0] = static_cast<float>(kHeadlineWeight);
  const bool title_line = n > 1 && (*paragraph)[1] != 0;
  const uint32_t lede_paragraph = title_line ? 1 : 0;
  for (uint32_t s = 1, lede = 0; s < n && lede < kLedeSentences; ++s) {
    if ((*paragraph)[s] != lede_paragraph) break;
    (*weight)[s] = static_cast<float>(kLedeWeight);
    ++lede;
  }
}

// A person named with a political office ("Tory leader Michael Howard", "education secretary
// Ruth Kelly", "President Bush") is a political actor wherever the article names them again
// ("Mr Howard", "Kelly"): each of those mentions counts as another hit of the office's term.
void ThemeEngine::CountPoliticians(const Document& doc, const Draft& draft,
                                   const std::vector<uint32_t>& name_of,
                                   std::vector<MatchAt>* matches) const {
  if (draft.actor_spans.empty() || matches->empty() || actor_desk_.empty() ||
      actor_desk_[0] == kNoId)
    return;
  thread_local std::vector<std::pair<std::string_view, uint32_t>> offices;  // surname, payload
  thread_local std::vector<uint32_t> titled;  // the mentions that follow their office
  offices.clear();
  titled.clear();
  const size_t n = matches->size();
  auto political = [&](uint32_t payload) {
    if (payload == kNoId) return false;
    for (const TermRef& ref : payloads_[payload])
      if ((actor_role_[ref.theme] & 1u) && ref.context == TermContext::kNone) return true;
    return false;
  };
  for (const ActorSpan& span : draft.actor_spans) {
    if (span.type != ActorType::kPerson || span.first_token == 0) continue;
    auto it = std::lower_bound(matches->begin(), matches->begin() + n, span.first_token,
                               [](const MatchAt& m, uint32_t t) { return m.first + m.len < t; });
    if (it == matches->begin() + n || it->first + it->len != span.first_token) continue;
    if (!political(it->payload)) continue;
    // "UAW president Owen Bieber", "Chrysler's chairman": an organization's officer.
    if (it->first > 0 && !name_of.empty() && name_of[it->first - 1] != kNoId &&
        draft.actor_spans[name_of[it->first - 1]].type == ActorType::kOrganization)
      continue;
    offices.emplace_back(doc.norm(span.last_token - 1), it->payload);
    titled.push_back(span.first_token);
  }
  if (offices.empty()) return;
  for (const ActorSpan& span : draft.actor_spans) {
    if (span.type != ActorType::kPerson) continue;
    const std::string_view surname = doc.norm(span.last_token - 1);
    if (std::find(titled.begin(), titled.end(), span.first_token) != titled.end()) continue;
    auto office = std::find_if(offices.begin(), offices.end(),
                               [&](const auto& o) { return o.first == surname; });
    if (office == offices.end()) continue;
    auto s = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), span.first_token,
                              [](uint32_t t, const Span& x) { return t < x.first_token; });
    matches->push_back({span.first_token, span.last_token - span.first_token,
                        static_cast<uint32_t>(s - doc.sentences.begin()) - 1, office->second,
                        kNoId});
  }
}

void ThemeEngine::Run(const Document& doc, Draft* draft, bool mentions) const {
  // Flat accumulators, reused from call to call on the thread: per theme a count and a score;
  // the terms, sentences and sentence themes as (a << 32 | b) pairs, sorted once at the end.
  thread_local std::vector<uint32_t> count;
  thread_local std::vector<double> score;
  thread_local std::vector<uint64_t> theme_terms, theme_sentences, sentence_themes;
  thread_local std::vector<std::pair<uint32_t, float>> touched, tops;
  thread_local std::vector<uint32_t> hit;  // the themes counted, in the order first counted
  thread_local std::vector<MatchAt> matches;
  thread_local std::vector<Anchor> anchors;
  thread_local std::vector<float> position;
  thread_local std::vector<uint32_t> paragraph, name_of_token;
  hit.clear();
  count.assign(themes_.size(), 0);
  score.assign(themes_.size(), 0.0);
  theme_terms.clear();
  theme_sentences.clear();
  sentence_themes.clear();
  matches.clear();
  anchors.clear();
  Positions(doc, &position, &paragraph);
  MarkNames(doc, *draft, &name_of_token);
  auto pair = [](uint32_t a, uint32_t b) { return static_cast<uint64_t>(a) << 32 | b; };

  // Pass 1: the matches, sentence by sentence, longest first; the hits that can vouch for a
  // context-requiring term (anchors) once every match is known.
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Span& span = doc.sentences[s];
    const bool capitals_trusted = !WrittenAllInCapitals(doc, span);
    if (has_context_terms_ && score_cue_ != kNoId)
      for (uint32_t i = span.first_token; i < span.last_token; ++i)
        if (IsScoreLine(doc, i, span.last_token)) {
          anchors.push_back({score_cue_, s, i});
          anchors.push_back({score_cue_, kParagraphUnit | paragraph[s], i});
        }
    for (uint32_t i = span.first_token; i < span.last_token;) {
      uint32_t payload = kNoId, tie = kNoId;
      uint32_t len = doc.tokens[i].is_word() ? Match(doc, i, span.last_token, &payload, &tie) : 0;
      if (len > 0 && !capitals_trusted && NeedsTrustedCapitals(doc, i, len)) len = 0;
      if (len == 0) {
        ++i;
        continue;
      }
      if (!InsideName(doc, name_of_token, *draft, i, len)) {
        matches.push_back({i, len, s, payload, tie});
        if (has_context_terms_) {
          for (uint32_t list : {payload, tie}) {
            if (list == kNoId) continue;
            for (const TermRef& ref : payloads_[list]) {
              if (ref.context != TermContext::kNone) continue;
              const uint32_t key = TopOf(ref.theme);
              anchors.push_back({key, s, i});
              anchors.push_back({key, kParagraphUnit | paragraph[s], i});
            }
          }
        }
      }
      i += len;
    }
  }
  const size_t first_politician = matches.size();
  CountPoliticians(doc, *draft, name_of_token, &matches);
  std::sort(anchors.begin(), anchors.end());
  // True when a hit of `key` vouches for the context-requiring `ref` at tokens [i, i + len).
  auto vouched_by = [&](uint32_t key, uint32_t unit, uint32_t i, uint32_t len) {
    for (auto it = std::lower_bound(anchors.begin(), anchors.end(), Anchor{key, unit, 0});
         it != anchors.end() && it->key == key && it->unit == unit; ++it)
      if (it->token < i || it->token >= i + len) return true;
    return false;
  };
  auto in_context = [&](const TermRef& ref, const MatchAt& m) {
    const uint32_t unit = ref.context == TermContext::kParagraph
                              ? kParagraphUnit | paragraph[m.sentence]
                              : m.sentence;
    return vouched_by(TopOf(ref.theme), unit, m.first, m.len) ||
           (ref.cues != kNoId && vouched_by(ref.cues, unit, m.first, m.len));
  };

  // Pass 2: count each match's hits. in_touched/in_tops: a theme's place in touched/tops (kNoId
  // when absent), so that a term listed under N themes (a LIWC word in N categories) costs N,
  // not N^2 (issue 23).
  thread_local std::vector<uint32_t> in_touched, in_tops;
  in_touched.assign(themes_.size(), kNoId);
  in_tops.assign(themes_.size(), kNoId);
  touched.clear();
  tops.clear();
  auto count_match = [&](const MatchAt& m) {
    const uint32_t i = m.first, len = m.len, s = m.sentence;
    for (const auto& p : touched) in_touched[p.first] = kNoId;
    for (const auto& p : tops) in_tops[p.first] = kNoId;
    touched.clear();
    for (uint32_t list : {m.payload, m.tie}) {
      if (list == kNoId) continue;
      for (const TermRef& ref : payloads_[list]) {
        if (themes_[ref.theme].cue) continue;  // a cue set's word: context only
        if (ref.context != TermContext::kNone && !in_context(ref, m)) continue;
        const uint32_t at = in_touched[ref.theme];
        if (at == kNoId) {
          in_touched[ref.theme] = static_cast<uint32_t>(touched.size());
          touched.emplace_back(ref.theme, ref.weight);
          if (count[ref.theme]++ == 0) hit.push_back(ref.theme);
          theme_terms.push_back(pair(ref.theme, ref.term));
          theme_sentences.push_back(pair(ref.theme, s));
          sentence_themes.push_back(pair(s, ref.theme));
        } else {
          touched[at].second = std::max(touched[at].second, ref.weight);
        }
      }
    }
    tops.clear();
    for (const auto& [theme, weight] : touched) {
      score[theme] += weight * position[s];
      int top = themes_[theme].parent;
      if (top < 0) continue;  // a top-level term: counted above
      const uint32_t at = in_tops[top];
      if (at == kNoId) {
        in_tops[top] = static_cast<uint32_t>(tops.size());
        tops.emplace_back(top, weight);
      } else {
        tops[at].second = std::max(tops[at].second, weight);
      }
    }
    for (const auto& top_weight : tops) {
      const uint32_t top = top_weight.first;
      // Roll up: the parent counts the hit once, unless a top-level term already did.
      if (in_touched[top] != kNoId) continue;
      if (count[top]++ == 0) hit.push_back(top);
      score[top] += top_weight.second * position[s];
      theme_sentences.push_back(pair(top, s));
    }
    if (mentions) {
      for (const auto& [theme, weight] : touched) {
        DraftMention mention;
        mention.kind = Mention::Kind::kTheme;
        mention.start = doc.tokens[i].begin;
        mention.end = doc.tokens[i + len - 1].end;
        mention.ref = theme;
        draft->mentions.push_back(mention);
      }
    }
  };
  for (size_t k = 0; k < first_politician; ++k) count_match(matches[k]);
  // A politician's later mentions count unless the economy leads: a minister's word on the
  // markets stays an economy story (the desks of their own, "Who acts").
  if (first_politician < matches.size()) {
    uint32_t lead = kNoId;
    for (uint32_t t : hit)
      if (themes_[t].parent < 0 && (lead == kNoId || score[t] > score[lead])) lead = t;
    if (lead != economy_)
      for (size_t k = first_politician; k < matches.size(); ++k) count_match(matches[k]);
  }
  std::sort(theme_terms.begin(), theme_terms.end());
  std::sort(theme_sentences.begin(), theme_sentences.end());
  theme_sentences.erase(std::unique(theme_sentences.begin(), theme_sentences.end()),
                        theme_sentences.end());
  std::sort(sentence_themes.begin(), sentence_themes.end());
  sentence_themes.erase(std::unique(sentence_themes.begin(), sentence_themes.end()),
                        sentence_themes.end());
  // The desks whose actors act in the headline or the lede (ResolveActorDeskRules): sentence 0
  // (also a wire headline in capitals, which weighs 1) and the sentences Positions weighs more,
  // whose themes come first in the sorted pairs.
  uint16_t actors_in_lede = 0;
  for (size_t k = 0; k < sentence_themes.size(); ++k) {
    const uint32_t s = static_cast<uint32_t>(sentence_themes[k] >> 32);
    if (s != 0 && position[s] <= 1.0f) break;
    actors_in_lede |= actor_role_[static_cast<uint32_t>(sentence_themes[k])];
  }

  // Only the themes counted are visited from here on, in theme order (the sum of the top-level
  // scores is then added up in the same order as over every theme: the others add 0).
  std::sort(hit.begin(), hit.end());
  double total = 0;
  for (uint32_t t : hit)
    if (themes_[t].parent < 0) total += score[t];
  // Each counted theme's slices of the sorted pairs: terms [4k, 4k+1), sentences [4k+2, 4k+3)
  // for the k-th of `hit`. Every pair belongs to a counted theme.
  thread_local std::vector<size_t> slices;
  slices.resize(hit.size() * 4);
  for (size_t k = 0, next_term = 0, next_sentence = 0; k < hit.size(); ++k) {
    const uint32_t t = hit[k];
    slices[4 * k] = next_term;
    while (next_term < theme_terms.size() && theme_terms[next_term] >> 32 == t) ++next_term;
    slices[4 * k + 1] = next_term;
    slices[4 * k + 2] = next_sentence;
    while (next_sentence < theme_sentences.size() && theme_sentences[next_sentence] >> 32 == t)
      ++next_sentence;
    slices[4 * k + 3] = next_sentence;
  }
  // Minimum evidence: a theme named in a single sentence that holds little of the article's
  // theme score is weak (flagged, and ranked after the others).
  thread_local std::vector<uint8_t> weak;
  weak.resize(hit.size());
  for (size_t k = 0; k < hit.size(); ++k) {
    const double share = total > 0 ? score[hit[k]] / total : 0;
    weak[k] = slices[4 * k + 3] - slices[4 * k + 2] < kMinEvidenceSentences &&
              share < kMinEvidenceShare;
  }
  // An item whose top levels are all weak (a headline, a one-line item) keeps them all: what
  // little it says is its subject.
  bool established_top = false;
  for (size_t k = 0; k < hit.size(); ++k)
    if (themes_[hit[k]].parent < 0 && !weak[k]) established_top = true;
  if (!established_top)
    for (size_t k = 0; k < hit.size(); ++k)
      if (themes_[hit[k]].parent < 0) weak[k] = 0;
  // Who acts decides the desk: the first rule whose actor is in the lede and whose subject
  // leads ranks its desk just before that subject.
  uint32_t promoted = kNoId;
  double promoted_rank = -1;
  if (actors_in_lede & 0x5555) {
    size_t lead = hit.size();
    for (size_t k = 0; k < hit.size(); ++k) {
      if (themes_[hit[k]].parent >= 0 || weak[k]) continue;
      if (lead == hit.size() || score[hit[k]] > score[hit[lead]]) lead = k;
    }
    for (uint32_t r = 0; r < actor_desk_.size() && lead < hit.size(); ++r) {
      const uint32_t desk = actor_desk_[r], subject = hit[lead];
      if (!(actors_in_lede & (1u << (2 * r))) || !(actor_role_[subject] & (2u << (2 * r))) ||
          desk == kNoId || count[desk] == 0 || score[desk] < kActorDeskMinRatio * score[subject])
        continue;
      const size_t k = std::lower_bound(hit.begin(), hit.end(), desk) - hit.begin();
      if (weak[k]) continue;  // the desk needs evidence of its own
      promoted = desk;
      promoted_rank = score[subject];
      break;
    }
  }
  // A theme's rank is its score; a promoted desk ties its subject and wins the tie.
  auto rank = [&](uint32_t t) { return t == promoted ? promoted_rank : score[t]; };
  // Results are built in their final order (established before weak, then by rank, then id),
  // so none is moved by a sort; `order` holds positions in `hit`.
  thread_local std::vector<uint32_t> order;
  order.resize(hit.size());
  for (uint32_t k = 0; k < hit.size(); ++k) order[k] = k;
  if (promoted == kNoId) {  // the common case, without the rank's test per comparison
    Sort(&order, [&](uint32_t ka, uint32_t kb) {
      const uint32_t a = hit[ka], b = hit[kb];
      if (weak[ka] != weak[kb]) return weak[kb] != 0;
      return score[a] != score[b] ? score[a] > score[b] : themes_[a].def.id < themes_[b].def.id;
    });
  } else {
    Sort(&order, [&](uint32_t ka, uint32_t kb) {
      const uint32_t a = hit[ka], b = hit[kb];
      if (weak[ka] != weak[kb]) return weak[kb] != 0;
      const double ra = rank(a), rb = rank(b);
      if (ra != rb) return ra > rb;
      if (a == promoted || b == promoted) return a == promoted;
      return themes_[a].def.id < themes_[b].def.id;
    });
  }
  draft->themes.reserve(draft->themes.size() + order.size());
  for (uint32_t position : order) {
    const uint32_t t = hit[position], k4 = 4 * position;
    DraftTheme r;
    r.theme = t;
    r.count = count[t];
    r.score = score[t];
    r.share = total > 0 ? score[t] / total : 0;
    r.per_1000_words = doc.words ? 1000.0 * count[t] / doc.words : 0;
    r.weak = weak[position] != 0;
    const uint32_t item = static_cast<uint32_t>(draft->themes.size());
    r.sentences_begin = static_cast<uint32_t>(draft->theme_sentences.size());
    for (size_t k = slices[k4 + 2]; k < slices[k4 + 3]; ++k) {
      uint32_t sentence = static_cast<uint32_t>(theme_sentences[k]);
      draft->theme_sentences.push_back(sentence);
      draft->theme_evidence.push_back({item, sentence, 1.0});  // tone: topic_tone.cc
    }
    r.sentences_end = static_cast<uint32_t>(draft->theme_sentences.size());
    const size_t term_end = slices[k4 + 1];
    r.terms_begin = static_cast<uint32_t>(draft->terms.size());
    for (size_t k = slices[k4]; k < term_end;) {
      size_t run = k;
      while (run < term_end && theme_terms[run] == theme_terms[k]) ++run;
      draft->terms.emplace_back(static_cast<uint32_t>(theme_terms[k]),
                                static_cast<uint32_t>(run - k));
      k = run;
    }
    r.terms_end = static_cast<uint32_t>(draft->terms.size());
    const std::vector<TermDef>& terms = themes_[t].def.terms;
    Sort(draft->terms.data() + r.terms_begin, draft->terms.data() + draft->terms.size(),
         [&](const TermHits& x, const TermHits& y) {
           return x.second != y.second ? x.second > y.second
                                       : terms[x.first].text < terms[y.first].text;
         });
    draft->themes.push_back(r);
  }
  // Each sentence's themes: a run of the sorted pairs.
  for (size_t k = 0; k < sentence_themes.size();) {
    const uint32_t s = static_cast<uint32_t>(sentence_themes[k] >> 32);
    size_t run = k;
    while (run < sentence_themes.size() && sentence_themes[run] >> 32 == s) ++run;
    if (s < draft->sentences.size()) {
      DraftSentence& sentence = draft->sentences[s];
      sentence.themes_begin = static_cast<uint32_t>(draft->sentence_themes.size());
      for (; k < run; ++k)
        draft->sentence_themes.push_back(static_cast<uint32_t>(sentence_themes[k]));
      sentence.themes_end = static_cast<uint32_t>(draft->sentence_themes.size());
    }
    k = run;
  }
}

}  // namespace newslens
