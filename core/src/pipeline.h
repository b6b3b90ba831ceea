// Private: the analyzer's compiled data and its pipeline, stage by stage.
//
// Analyzer::Analyze runs the stages in order (Run); bench/stages_bench.cc times them one by one, so
// they are callable on their own. Every stage reads the immutable Impl and writes only the
// Document or Report it is given: no allocation per token (a document's buffers are reused
// from call to call on the same thread).
#ifndef NEWSLENS_SRC_PIPELINE_H_
#define NEWSLENS_SRC_PIPELINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "builtin.h"
#include "draft.h"
#include "document.h"
#include "entities.h"
#include "sentiment.h"
#include "themes.h"
#include "newslens/analyzer.h"

namespace newslens {

struct Analyzer::Impl {
  // Tells analyzers apart for the per-thread word cache (an address could be reused).
  const uint64_t id = NextId();
  Vocab vocab;  // normalized lowercase words known to any engine
  ThemeEngine themes;
  SentimentEngine sentiment;
  EntityEngine entities;
  std::unordered_set<std::string> abbreviations;
  std::unordered_set<std::string> title_abbreviations;  // a name follows: "rep", "sen"

  static uint64_t NextId();
  // From the built-in dictionaries the binary carries (embedded::Packed()), plus the config's.
  static Result<std::shared_ptr<const Impl>> Create(const AnalyzerConfig& config);
  // From the given built-in dictionaries (tests compare JSON-loaded and packed ones), which it
  // moves into the engines.
  static Result<std::shared_ptr<const Impl>> Create(const AnalyzerConfig& config,
                                                    BuiltinDictionaries builtin);
  // An Analyzer around a built Impl (Impl, a nested class, may call the private constructor).
  static Analyzer Wrap(std::shared_ptr<const Impl> impl) { return Analyzer(std::move(impl)); }

  // Stage: tokens -> document. Hyphenated compounds are kept whole when an engine knows them,
  // else split into their parts; every word gets its normalized form and dictionary ids.
  // `raw` is scratch for the tokenizer's output.
  void BuildDocument(std::string_view text, std::vector<Token>* raw, Document* doc) const;
  // Stage: sentence boundaries (doc->sentences).
  void Sentences(Document* doc) const;
  // Stage: the draft's sentences (start, end), listed before the engines that annotate them.
  void ListSentences(const Document& doc, Draft* draft) const;
  // Stage (salience.cc, after entities): how much the article is about each actor.
  static void ActorSalience(const Document& doc, Draft* draft);
  // Stage (document_tone.cc): tone of every sentence and of the document; fills draft->tone and
  // the compound of each of draft->sentences, and `compounds` (one per sentence).
  void Tone(const Document& doc, const Options& options, std::vector<double>* compounds,
            Draft* draft) const;
  // Stage (topic_tone.cc): the tone of every theme and actor from the ToneEvidence the theme
  // and entity engines recorded and the sentences' compounds.
  void TopicTone(const std::vector<double>& compounds, Draft* draft) const;
  // The whole analysis (the text must be valid UTF-8, see SanitizeUtf8), in this order:
  // document -> sentences -> entities -> themes -> tone -> topic tone. Entities come before
  // themes so that the themes can read the actors' names (Draft::actor_spans); tone after
  // themes so that it can read their result.
  void Run(std::string_view text, const Options& options, Draft* draft) const;
};

}  // namespace newslens

#endif  // NEWSLENS_SRC_PIPELINE_H_
