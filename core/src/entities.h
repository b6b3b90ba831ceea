// Private: the actor engine (entities.cc): the countries, places, organizations and people a
// document names.
#ifndef NEWSLENS_SRC_ENTITIES_H_
#define NEWSLENS_SRC_ENTITIES_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "document.h"
#include "newslens/dictionary.h"
#include "newslens/status.h"
#include "vocab.h"

namespace newslens {

struct Draft;  // draft.h

struct EntityWords {
  std::vector<std::string> org_words;       // "Ministry", "University": make a sequence an org
  std::vector<std::string> connectors;      // lowercase words inside a name: "of", "and", "the"
  std::vector<std::string> org_connectors;  // open an org's scope: "Ministry of", "Fund for"
  std::vector<std::string> particles;       // lowercase words inside a person's name: "von"
  std::vector<std::string> honorifics;      // courtesy titles, the role of last resort: "Mr."
  std::vector<std::string> speech_verbs;    // "said", "vetoed": their lone subject is an actor
  std::vector<std::string> place_words;     // "Park", "City": a run ending in one is a place,
                                            // and "the city of X" names one
  std::vector<std::string> place_prefixes;  // "San", "Lake": a run starting with one is a place
  std::vector<std::string> sports_words;    // "innings", "league": a match report's words
  std::vector<std::string> match_words;     // "beat", "against": a team's name is next to one
  std::vector<std::string> company_nouns;   // "giant", "unit": "cables giant Pirelli"
  std::vector<std::string> company_after;   // "shares", "subsidiary": "Ruch's shares"
  std::vector<std::string> regions;         // "Europe", "Middle East": places of no country
  std::vector<std::string> event_words;     // "Open", "Games": "U.S. Open" is an event, no place
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
  // Finds the actors into draft->entities (by count) and draft->co_mentions, the span of every
  // name into draft->actor_spans, one ToneEvidence per (actor, sentence naming it) for the topic
  // tone stage; entity mentions (byte offsets) when `mentions` is set.
  void Run(const Document& doc, Draft* draft, bool mentions) const;

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
  struct Work;
  // What the words around a lone name say it is (CueAround).
  enum class Cue : uint8_t { kTeam, kCompany, kPlace, kSpeaker, kNone };  // strongest first

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
  // Whether the connector at token j, after a company's legal form, opens no part of its name:
  // "of" and the place the company is in ([j + 1, scope) ends the name), "on", "for".
  bool HomeAfterLegalForm(const Document& doc, uint32_t j, uint32_t scope, uint32_t last) const;
  // The end of a person's name starting at token i, and its number of words.
  uint32_t PersonEnd(const Scan& scan, uint32_t i, uint32_t* words) const;
  // Whether the capitalised run [b, e) is a place by its form ("Stradey Park", "San Andreas").
  bool PlaceByForm(const Document& doc, uint32_t b, uint32_t e) const;
  Cue CueAround(const Work& w, const Found& f) const;
  // Whether a company cue surrounds the name: a company noun before it (a `lone` word only), a
  // company word after it, "shares of" / "a stake in" before it, or an apposition ending in a
  // company noun.
  bool CompanyCue(const Document& doc, const Found& f, bool lone) const;
  // "Standard Chartered chief executive Mervyn Davies": an officer's title and name after it.
  bool OfficerAfter(const Document& doc, const Found& f) const;
  // "X, the Toronto-based miner": an apposition after the name that ends in a company noun.
  bool Apposition(const Document& doc, const Found& f) const;

  // The steps of Run, in order (entities.cc says what each does).
  void SportsReport(Work& w) const;
  void ScanSentence(Work& w, uint32_t sentence) const;
  uint32_t AddName(Work& w, Found f, const Scan& sc) const;
  bool AddTitledPerson(Work& w, uint32_t sentence, uint32_t begin, uint32_t end, uint32_t words,
                       uint32_t role_begin, uint32_t role_end, bool honorific) const;
  void DropCommonWords(Work& w) const;
  void LinkAcronyms(Work& w) const;
  // An unknown acronym in running text (LinkAcronyms); `alone`: no capitalised word follows.
  bool LoneAcronym(const Document& doc, uint32_t sentence, uint32_t token, bool alone) const;
  void LinkPeople(Work& w) const;
  void ResultsLines(Work& w) const;
  void StandingsRows(Work& w) const;
  void ClubsNamedWithTheirCity(Work& w) const;
  void CompaniesByCue(Work& w) const;
  void ShortForms(Work& w) const;
  void ActorsByContext(Work& w) const;
  void SharedNames(Work& w) const;
  // Whether the mention opens its sentence or speaks (ActorProminence::subject).
  bool Agent(const Document& doc, const Found& f) const;
  void Tally(Work& w, Draft* draft, bool mentions) const;
  void CoMentions(const std::vector<Found>& found, const std::vector<uint32_t>& acc_of,
                  const std::vector<const std::string*>& acc_name, Draft* draft) const;

  std::vector<Entity> entities_;
  // By entity: a country whose name is also a place of another country ("Georgia", the US
  // state) -> that place; kNoId otherwise. Empty when no name is shared.
  std::vector<uint32_t> shared_name_;
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
    kLowerTitleStart = 256,  // first word of a title written in lower case ("spokesman")
    kSpeechVerb = 512,       // speech_verbs
    kPlaceWord = 1024,       // place_words
    kPlacePrefix = 2048,     // place_prefixes
    kSportsWord = 4096,      // sports_words
    kMatchWord = 8192,       // match_words
    kCompanyNoun = 16384,    // company_nouns
    kCompanyAfter = 32768    // company_after
  };
  bool Is(WordClass c, uint32_t id) const {
    return id < word_class_.size() && (word_class_[id] & c);
  }
  bool IsHeadline(const Document& doc, const Span& span) const;
  std::vector<uint16_t> word_class_;  // by vocab id
  // One past a sports event's name that a place's name opens at token i ("U.S. Open", "Atlanta
  // Games", "Italian Grand Prix"): a capitalised run with an event word; 0 if none.
  uint32_t EventEnd(const Document& doc, uint32_t i, uint32_t end) const;
  std::vector<uint32_t> event_words_;  // vocab ids of event_words (a handful: a linear search)
  std::vector<std::pair<uint32_t, WordClass>> pending_;  // while building
};

}  // namespace newslens

#endif  // NEWSLENS_SRC_ENTITIES_H_
