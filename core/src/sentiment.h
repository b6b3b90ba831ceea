// Private: the tone engine (sentiment.cc): scores a sentence with VADER's rules over the
// layered lexicons (docs/tone.md).
#ifndef NEWSLENS_SRC_SENTIMENT_H_
#define NEWSLENS_SRC_SENTIMENT_H_

#include <array>
#include <cstdint>
#include <unordered_set>
#include <vector>

#include "document.h"
#include "newslens/analyzer.h"
#include "newslens/dictionary.h"
#include "newslens/status.h"
#include "vocab.h"

namespace newslens {

struct DraftMention;  // draft.h

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
  enum WordFlag : uint32_t {
    kNegator = 1,
    kBooster = 2,
    kContrast = 4,
    kShiftUp = 8,       // a word of increase: "rise", "higher", "increase"
    kShiftDown = 16,    // a word of decrease or ending: "fall", "reduce", "prevent", "ease"
    kShiftStop = 32,    // ends a shifter's search for its target: "to", "from", "and"
    kQuantity = 64,     // a measure whose growth is good, bad or neither (`quantity`)
    kShiftSkip = 128,   // skipped when counting a shifter's window: "the", "of", "its"
    kClauseOpener = 256,  // starts a subordinate clause: ends a negator's scope ("where")
    kNounPhraseEnd = 512,  // ends the noun phrase of determiner "no": "no decisions [on] ..."
    kEventAux = 1024,      // may stand between an event's object and its verb ("was", "be")
    kDiscourse = 2048,     // a discourse marker when it opens a sentence before a comma
    kLocative = 4096,      // gives a verb of falling a place, not an amount: "fall [on]"
    kFallVerb = 8192,      // a verb of decrease that also means "land": "fall", "fell"
    kLocativeOpener = 16384,  // a clause about a place: "where" the losses would fall
    kNotAdverb = 32768,       // ends in -ly but is no adverb: "rally", "supply", "family"
    kPhraseStart = 65536,     // the first word of a multi-word expression (the phrase trie)
    kVerbGroup = 131072,      // an auxiliary of the negated verb group: "not [have] [been] easy"
    kExcess = 262144,         // a degree word of excess: "too [late]", "too [often]"
    kExcessBlocker = 524288,  // makes it plain degree: "[only] too happy to help"
    kShiftNoObject = 1048576,  // a word of change that takes no object: "[losses] down"
    kParticle = 2097152,       // a particle or preposition after a verb: "dropped [out]"
    kAgainstPrefix = 4194304,  // the first part of a compound that opposes its head: "anti-"
    kOppose = 8388608,         // a verb of opposing: "fight [crime]", "condemn [the bombing]"
    kOpposeNoun = 16777216,    // as often a noun: a verb only after "to", "[help] fight" ...
    kOpposeLink = 33554432,    // joins a verb of opposing to its object: "fight [against]"
    kOpposeSubject = 67108864,  // makes such a noun a verb: "[help] fight", "[they] fight"
  };
  struct WordInfo {
    float valence[3];  // per ToneDomain; NaN when absent
    float booster = 0;
    uint32_t flags = 0;
    uint8_t contrast = 0;  // index into contrast_ + 1
    int8_t quantity = 0;   // with kQuantity: +1 good when it grows, -1 bad, 0 neither
    uint32_t event_verb = 0;    // bit e: a verb of news event e ("shed" for lay-offs)
    uint32_t event_object = 0;  // bit e: an object of news event e ("jobs" for lay-offs)
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
  bool IsAdverb(const Document& doc, const W& w) const;
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
  std::vector<float> event_valence_;  // by event bit (news events: "shed jobs", "plant closed")
  Vocab emoticons_;                   // exact written forms
  std::vector<float> emoticon_valence_;  // by emoticons_ id
  std::array<bool, 256> emoticon_first_{};  // first bytes of emoticons, to skip lookups
  size_t emoticon_max_ = 0;              // longest emoticon, bytes
  uint32_t id_no_ = kNoId, id_also_ = kNoId, id_yet_ = kNoId, id_though_ = kNoId,
           id_and_ = kNoId, id_never_ = kNoId, id_so_ = kNoId, id_this_ = kNoId,
           id_not_ = kNoId, id_but_ = kNoId;
  int max_exclamations_ = 4;
  // Rule constants (from rules-en.json, VADER defaults when absent).
  double c_incr_ = 0.733, n_scalar_ = -0.74, alpha_ = 15.0, excl_ = 0.292;
  double question_small_ = 0.18, question_large_ = 0.96;
  double decay_2_ = 0.95, decay_3_ = 0.9, never_so_2_ = 1.5, never_so_3_ = 1.25;
  double shift_scalar_ = -0.74, negativity_ = 1.0, reference_length_ = 1e9;
  double negation_shift_ = 0;  // SO-CAL's shift for a negated negative (0: VADER's flip)
  double negation_valence_ = 0;  // a negator that negates nothing, in an evaluative sentence
  double excess_valence_ = 0;    // "too" before a word no lexicon rates: "too [much]", "too [often]"
  int negation_window_ = 3, shift_after_ = 3, shift_before_ = 3;
  int event_gap_ = 3, event_passive_gap_ = 3;
};

}  // namespace newslens

#endif  // NEWSLENS_SRC_SENTIMENT_H_
