// Private: the theme engine (themes.cc): counts a document's themes from the theme
// dictionaries, longest phrase first, and records which sentences name each theme.
#ifndef NEWSLENS_SRC_THEMES_H_
#define NEWSLENS_SRC_THEMES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "document.h"
#include "newslens/dictionary.h"
#include "newslens/status.h"
#include "vocab.h"

namespace newslens {

struct Draft;  // draft.h

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
  // Counts the document's themes into draft->themes (by score), their terms and sentences, each
  // sentence's themes, and one ToneEvidence per (theme, sentence naming it) for the topic tone
  // stage; theme mentions (byte offsets) when `mentions` is set.
  void Run(const Document& doc, Draft* draft, bool mentions) const;

  // Themes, cue sets included (cue sets never appear in a report).
  size_t theme_count() const { return themes_.size(); }
  const ThemeDef& def(uint32_t theme) const { return themes_[theme].def; }
  bool top_level(uint32_t theme) const { return themes_[theme].parent < 0; }
  size_t term_count() const { return term_total_; }

 private:
  struct Theme {
    ThemeDef def;
    int parent = -1;  // index of the top-level theme, -1 for top-level
    bool cue = false;  // a named cue set: vouches for context-requiring terms, never reported
  };
  struct TermRef {
    uint32_t theme;
    uint32_t term;  // index into themes_[theme].def.terms
    float weight;
    TermContext context = TermContext::kNone;
    uint32_t cues = kNoId;  // the cue set's theme index, for a context-requiring term
  };
  // One match of the document, kept between the two passes of Run.
  struct MatchAt {
    uint32_t first, len, sentence, payload, tie;
  };
  // A hit that can vouch for a context-requiring term: a counted hit of a top level (or a cue
  // set's hit), in a sentence or paragraph, at a token. Sorted, searched by (key, unit).
  struct Anchor {
    uint32_t key, unit, token;
    bool operator<(const Anchor& o) const {
      return key != o.key ? key < o.key : unit != o.unit ? unit < o.unit : token < o.token;
    }
  };
  // The top level a theme counts for (itself when top-level).
  uint32_t TopOf(uint32_t theme) const {
    return themes_[theme].parent < 0 ? theme : static_cast<uint32_t>(themes_[theme].parent);
  }
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
  // Anchor::unit of a paragraph (sentences are numbered below it).
  static constexpr uint32_t kParagraphUnit = 1u << 31;
  // Each sentence's position weight (headline, lede, body) and paragraph index.
  static void Positions(const Document& doc, std::vector<float>* weight,
                        std::vector<uint32_t>* paragraph);
  // For each token, the index in draft.actor_spans of the name it is part of, or kNoId; empty
  // when the document names none (the name guard).
  static void MarkNames(const Document& doc, const Draft& draft, std::vector<uint32_t>* name_of);
  // True when the match [i, i + len) lies inside one name without being all of it (or, in an
  // organization's name, its last word), and is not a term written in capitals ("WHO"): a theme
  // word in a name does not count.
  static bool InsideName(const Document& doc, const std::vector<uint32_t>& name_of,
                         const Draft& draft, uint32_t i, uint32_t len);
  // Adds a match for every mention of a person named once with a political office
  // (docs/themes.md, "Who acts"), as another hit of the office's term.
  void CountPoliticians(const Document& doc, const Draft& draft,
                        const std::vector<uint32_t>& name_of,
                        std::vector<MatchAt>* matches) const;
  uint32_t KeyForWord(std::string_view word, bool caps_sensitive, std::string* scratch);
  // Finds the themes of the who-acts rules (themes.cc, kActorDeskRules) by id, after each Add:
  // a dictionary without a rule's desk leaves that rule off.
  void ResolveActorDeskRules();
  // Adds ref to the list *payload (a new list when kNoId); Flatten() files them into payloads_.
  void Attach(uint32_t* payload, TermRef ref);
  void Flatten();
  // Longest match starting at token i; returns its length (0 if none) and payload, and in `tie`
  // the payload of a wildcard as long as the exact term (kNoId if none): both count.
  uint32_t Match(const Document& doc, uint32_t i, uint32_t end, uint32_t* payload,
                 uint32_t* tie) const;

  std::vector<Theme> themes_;
  std::unordered_map<std::string, uint32_t> by_id_;
  std::unordered_map<std::string, uint32_t> by_cue_set_;  // cue set name -> its theme index
  bool has_context_terms_ = false;
  // The cue set a match score ("8-3", "28-17") belongs to (kScoreCueSet), kNoId when absent.
  uint32_t score_cue_ = kNoId;
  // The who-acts rules (docs/themes.md): each rule's desk (a top level, kNoId when absent), and
  // per theme its roles, two bits per rule r: 1 << 2r an actor, 2 << 2r a subject of rule r.
  std::vector<uint32_t> actor_desk_;
  std::vector<uint16_t> actor_role_;
  uint32_t economy_ = kNoId;  // a desk of its own: politicians' mentions do not outweigh it
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

}  // namespace newslens

#endif  // NEWSLENS_SRC_THEMES_H_
