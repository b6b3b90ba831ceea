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

}  // namespace newslens

#endif  // NEWSLENS_SRC_THEMES_H_
