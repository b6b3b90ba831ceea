// Private: the per-call document and the engines the Analyzer runs over it.
#ifndef NEWSLENS_SRC_INTERNAL_H_
#define NEWSLENS_SRC_INTERNAL_H_

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "newslens/analyzer.h"
#include "newslens/dictionary.h"
#include "newslens/report.h"
#include "newslens/text.h"
#include "vocab.h"

namespace newslens {

struct Draft;         // draft.h
struct DraftMention;

// One article being analysed (valid until its thread builds the next document, see Detach):
// tokens (compounds already resolved to whole-or-parts), their
// normalized forms and dictionary ids, and the sentences.
struct Document {
  std::string_view text;
  std::vector<Token> tokens;
  // Normalized form of each token: in `shared` (the thread's word cache, stable while the
  // document lives) when lower_begin has kShared set, else in `lower`.
  static constexpr uint32_t kShared = 1u << 31;
  std::vector<uint32_t> lower_begin, lower_len;
  std::string lower;             // normalized forms of words the cache does not hold
  const char* shared = nullptr;
  std::vector<uint32_t> surface;    // Vocab id of the normalized form (kNoId if unknown)
  std::vector<uint32_t> theme_key;  // ThemeEngine key (stem or capitals id), or kNoId
  std::vector<uint32_t> theme_wild;  // ThemeEngine::RootWildcard of the normalized form
  std::vector<Span> sentences;
  std::vector<uint32_t> sentence_of;  // token -> sentence index
  uint32_t words = 0;

  // Copies the normalized forms held by the word cache into `lower`, so the document stays
  // valid after the thread builds other documents (benchmarks keep documents around).
  void Detach() {
    for (size_t t = 0; t < lower_begin.size(); ++t) {
      if (!(lower_begin[t] & kShared)) continue;
      std::string_view n = norm(static_cast<uint32_t>(t));
      lower_begin[t] = static_cast<uint32_t>(lower.size());
      lower.append(n.data(), n.size());
    }
    shared = nullptr;
  }

  std::string_view norm(uint32_t t) const {
    const uint32_t b = lower_begin[t];
    if (b & kShared) return std::string_view(shared + (b & ~kShared), lower_len[t]);
    return std::string_view(lower).substr(b, lower_len[t]);
  }
};

// ---- Themes ---------------------------------------------------------------------------------

struct ThemeHit {
  uint32_t first_token, last_token;  // [first, last)
  uint32_t payload;                  // index into ThemeEngine terms-by-match lists
};

class ThemeEngine {
 public:
  // Adds a dictionary. Themes with a known id get the new terms; new ids are appended. The
  // terms are moved into the engine.
  Status Add(ThemeDictionary dict, std::string_view source);
  // The key of a token for theme matching, from its normalized form. It may depend only on the
  // token's bytes and its kAllCaps, kCompound and kApostrophe flags: BuildDocument computes it
  // once per distinct (bytes, those flags) in a document (kMemoFlags in analyzer.cc).
  uint32_t KeyFor(std::string_view original, std::string_view norm, const Token& t,
                  std::string* scratch) const;
  // True when a hyphenated compound should stay whole for theme matching.
  bool KnowsCompound(std::string_view norm, std::string* scratch, std::string* scratch2) const;
  // The payload of the longest one-word wildcard ("diplomat*") that prefixes a normalized word,
  // or kNoId. Computed once per distinct word of a document (Analyzer::Impl::BuildDocument).
  uint32_t RootWildcard(std::string_view norm) const;
  void Run(const Document& doc, const std::vector<double>& sentence_compound, Draft* draft,
           bool mentions) const;

  size_t theme_count() const { return themes_.size(); }
  const ThemeDef& def(uint32_t theme) const { return themes_[theme].def; }
  bool top_level(uint32_t theme) const { return themes_[theme].parent < 0; }
  size_t term_count() const { return term_total_; }

 private:
  struct Theme {
    ThemeDef def;
    int parent = -1;  // index of the top-level theme, -1 for top-level
  };
  struct TermRef {
    uint32_t theme;
    uint32_t term;  // index into themes_[theme].def.terms
    float weight;
  };
  // The terms of every match (payload), flat: list p is refs[begin[p], begin[p + 1]), in the
  // order they were attached. One allocation for all ~22k lists, not one each.
  struct TermLists {
    struct Range {
      const TermRef *first, *last;
      const TermRef* begin() const { return first; }
      const TermRef* end() const { return last; }
    };
    std::vector<TermRef> refs;
    std::vector<uint32_t> begin{0};
    Range operator[](uint32_t p) const {
      return {refs.data() + begin[p], refs.data() + begin[p + 1]};
    }
  };
  uint32_t KeyForWord(std::string_view word, bool caps_sensitive, std::string* scratch);
  // Adds ref to the list *payload (a new list when kNoId); Flatten() files them into payloads_.
  void Attach(uint32_t* payload, TermRef ref);
  void Flatten();
  // Longest match starting at token i; returns its length (0 if none) and payload, and in `tie`
  // the payload of a wildcard as long as the exact term (kNoId if none): both count.
  uint32_t Match(const Document& doc, uint32_t i, uint32_t end, uint32_t* payload,
                 uint32_t* tie) const;

  std::vector<Theme> themes_;
  std::unordered_map<std::string, uint32_t> by_id_;
  Vocab stems_;   // stems of lowercase words
  Vocab caps_;    // words written in capitals, matched case-sensitively ("US", "WHO")
  PhraseTrie trie_;
  TermLists payloads_;
  std::vector<std::pair<uint32_t, TermRef>> attached_;  // (list, ref) while Add runs
  // Wildcards: at a trie node, prefixes of the next word. Root wildcards are indexed by prefix.
  Vocab root_wild_;                          // one-word wildcard prefixes
  std::vector<uint32_t> root_wild_payload_;  // by root_wild_ id
  uint64_t root_wild_lengths_ = 0;           // bit L-1: some prefix has L bytes (L <= 64)
  std::vector<uint64_t> root_wild_first_;    // bitset of the first two bytes of the prefixes
  std::unordered_map<uint32_t, std::vector<std::pair<std::string, uint32_t>>> node_wild_;
  size_t min_wild_ = 1000, max_wild_ = 0;
  size_t term_total_ = 0;
};

// ---- Sentiment ------------------------------------------------------------------------------

struct SentenceTone {
  double compound = 0;
  double sum = 0;                                  // the raw valence sum behind `compound`
  double pos_sum = 0, neg_sum = 0, neu_count = 0;  // VADER's sifted sums
  uint32_t positive_items = 0, negative_items = 0;
  uint32_t words = 0;  // words in the sentence (emoticons count as words)
};

// VADER's rules (Hutto & Gilbert 2014) with newslens's extensions, over layered lexicons; see
// docs/tone.md for every rule and constant. Built once, then const and allocation-free per token.
class SentimentEngine {
 public:
  Status Build(const std::vector<LexiconDef>& general, const std::vector<LexiconDef>& news,
               const std::vector<LexiconDef>& finance, const SentimentRulesDef& rules,
               Vocab* vocab);
  // Scores one sentence; appends sentiment mentions (byte offsets) when `mentions` is set.
  SentenceTone Score(const Document& doc, const Span& sentence, ToneDomain domain,
                     std::vector<DraftMention>* mentions) const;
  // Every word the engine knows, so hyphenated compounds like "win-win" stay whole.
  bool Knows(uint32_t surface_id) const;
  // VADER's normalisation of a valence sum into (-1, 1): sum / sqrt(sum^2 + alpha).
  double Normalize(double sum) const;
  // A valence sum over `words` words, scaled down to REFERENCE_LENGTH words when longer, so that
  // a text's intensity is its density of sentiment, not its length (docs/tone.md).
  double Scaled(double sum, double words) const;

 private:
  enum WordFlag : uint16_t {
    kNegator = 1,
    kBooster = 2,
    kContrast = 4,
    kShiftUp = 8,       // a word of increase: "rise", "higher", "increase"
    kShiftDown = 16,    // a word of decrease or ending: "fall", "reduce", "prevent", "ease"
    kShiftStop = 32,    // ends a shifter's search for its target: "to", "from", "and"
    kQuantity = 64,     // a measure whose growth is good, bad or neither (`quantity`)
    kShiftSkip = 128,   // skipped when counting a shifter's window: "the", "of", "its"
  };
  struct WordInfo {
    float valence[3];  // per ToneDomain; NaN when absent
    float booster = 0;
    uint16_t flags = 0;
    uint8_t contrast = 0;  // index into contrast_ + 1
    int8_t quantity = 0;   // with kQuantity: +1 good when it grows, -1 bad, 0 neither
  };
  struct PhraseInfo {
    float valence[3];      // per ToneDomain; NaN when absent
    uint8_t contrast = 0;  // a multi-word contrast word ("even though"): index into contrast_ + 1
    bool quantity = false;
    int8_t quantity_sign = 0;
  };
  // One word of the sentence being scored.
  struct W;
  const WordInfo* Info(uint32_t id) const { return id < words_.size() ? &words_[id] : nullptr; }
  template <typename Words>
  bool IsNegationException(const Words& words, uint32_t k) const;
  // Length of the emoticon chunk at token t (0 if none), its valence in *valence.
  uint32_t MatchEmoticon(const Document& doc, uint32_t t, uint32_t end, float* valence) const;

  std::vector<WordInfo> words_;  // indexed by surface id (sized to the vocab at build)
  PhraseTrie phrases_;           // multi-word expressions over surface ids
  std::vector<PhraseInfo> phrase_info_;  // by trie payload
  std::vector<ContrastDef> contrast_;
  std::unordered_set<uint64_t> negator_pairs_;  // "lack of", "fail to": (id1 << 32) | id2
  std::vector<std::vector<uint32_t>> negation_exceptions_;  // "not only", "no doubt"
  Vocab emoticons_;                   // exact written forms
  std::vector<float> emoticon_valence_;  // by emoticons_ id
  std::array<bool, 256> emoticon_first_{};  // first bytes of emoticons, to skip lookups
  size_t emoticon_max_ = 0;              // longest emoticon, bytes
  uint32_t id_no_ = kNoId, id_also_ = kNoId, id_yet_ = kNoId, id_though_ = kNoId,
           id_and_ = kNoId, id_never_ = kNoId, id_so_ = kNoId, id_this_ = kNoId;
  int max_exclamations_ = 4;
  // Rule constants (from rules-en.json, VADER defaults when absent).
  double c_incr_ = 0.733, n_scalar_ = -0.74, alpha_ = 15.0, excl_ = 0.292;
  double question_small_ = 0.18, question_large_ = 0.96;
  double decay_2_ = 0.95, decay_3_ = 0.9, never_so_2_ = 1.5, never_so_3_ = 1.25;
  double shift_scalar_ = -0.74, negativity_ = 1.0, reference_length_ = 1e9;
  int negation_window_ = 3, shift_after_ = 3, shift_before_ = 3;
};

// ---- Entities -------------------------------------------------------------------------------

// Word lists the entity rules use, from data/text/en.json (see the notes there).
struct EntityWords {
  std::vector<std::string> org_words;       // "Ministry", "University": make a sequence an org
  std::vector<std::string> connectors;      // lowercase words inside a name: "of", "and", "the"
  std::vector<std::string> org_connectors;  // open an org's scope: "Ministry of", "Fund for"
  std::vector<std::string> particles;       // lowercase words inside a person's name: "von"
  std::vector<std::string> honorifics;      // courtesy titles, the role of last resort: "Mr."
};

// Finds the actors of a document: countries, places and organizations the dictionaries name
// (longest match, case-sensitive on the written form), organizations by their form, and people
// by capitalised names, titles and surname joining. docs/accuracy.md measures it.
class EntityEngine {
 public:
  Status Build(const std::vector<EntityDictionary>& dicts, const EntityWords& words,
               Vocab* vocab);
  // True for whole hyphenated words that some name contains ("Guinea-Bissau").
  bool Knows(uint32_t surface_id) const;
  void Run(const Document& doc, const std::vector<double>& sentence_compound, Draft* draft,
           bool mentions) const;

 private:
  enum class Type : uint8_t { kCountry, kPlace, kOrganization, kPerson, kSuppressed };
  struct Entity {
    std::string name, code;
    Type type;
  };
  // One written form of a name. Shapes per token: 0 any case, 1 capitalised, 2 all capitals.
  struct Form {
    uint32_t entity;
    uint32_t shape_begin, shape_len;  // into shapes_
  };
  struct Trie {
    PhraseTrie trie;
    std::vector<std::vector<Form>> forms;  // by trie payload; the first form that fits wins
  };
  struct Found;
  struct Scan;

  // Adds a written form; returns false when it has no words.
  bool AddForm(Trie* trie, const std::string& written, uint32_t entity, Vocab* vocab,
               std::vector<uint32_t>* ids);
  // Longest form in `trie` starting at token i, within [i, end): its length in tokens (0 if
  // none) and entity.
  uint32_t Match(const Trie& trie, const Document& doc, uint32_t i, uint32_t end,
                 uint32_t* entity) const;
  uint32_t MatchName(const Document& doc, uint32_t i, uint32_t end, uint32_t* entity) const {
    return Match(names_, doc, i, end, entity);
  }
  // A title at token i: its length in tokens (0 if none); `honorific` tells a courtesy title.
  uint32_t MatchTitle(const Document& doc, uint32_t i, uint32_t end, bool* honorific) const;
  // Consecutive titles at token i: their length; the role is [role_begin, role_end).
  uint32_t Titles(const Document& doc, uint32_t i, uint32_t end, uint32_t* role_begin,
                  uint32_t* role_end, bool* honorific) const;
  // An organization by form starting at (or just after) token i: its end, 0 if none.
  uint32_t OrgForm(const Scan& scan, uint32_t i, uint32_t* begin) const;
  // The scope after "Ministry of": the end of "Foreign Affairs", 0 if none. j is the "of".
  uint32_t Scope(const Scan& scan, uint32_t j) const;
  // The end of a person's name starting at token i, and its number of words.
  uint32_t PersonEnd(const Scan& scan, uint32_t i, uint32_t* words) const;

  std::vector<Entity> entities_;
  std::unordered_map<std::string, uint32_t> entity_by_key_;
  std::vector<uint8_t> shapes_;
  Trie names_;      // countries, places, organizations, not_countries
  Trie countries_;  // countries and not_countries: the countries inside an organization's name
  Trie titles_;  // entity = 1 for honorifics, 0 for other titles
  // Sorted vocab ids.
  enum WordClass : uint16_t {
    kKnownWord = 1,         // a word of some name
    kNotName = 2,           // not_names
    kOrgWord = 4,           // org_words
    kConnector = 8,         // name_connectors
    kOrgConnector = 16,     // org_connectors
    kParticle = 32,         // name_particles
    kNameWord = 64,         // capitalised in an organization's name ("Global")
    kLowerNameStart = 128,  // first word of a name written in lower case ("al-Qaeda")
    kLowerTitleStart = 256  // first word of a title written in lower case ("spokesman")
  };
  bool Is(WordClass c, uint32_t id) const {
    return id < word_class_.size() && (word_class_[id] & c);
  }
  bool IsHeadline(const Document& doc, const Span& span) const;
  std::vector<uint16_t> word_class_;  // by vocab id
  std::vector<std::pair<uint32_t, WordClass>> pending_;  // while building
};

}  // namespace newslens

#endif  // NEWSLENS_SRC_INTERNAL_H_
