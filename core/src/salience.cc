// Actor salience: which actors an article is about, in [0, 1] (docs/report.md). A first rule,
// from what an editor looks at — the headline, the lead, how often a name comes back:
//   salience = kFrequencyWeight * count / (count of the most named actor)
//            + kHeadlineWeight  if the first sentence (the headline, or the lede) names it
//            + kLeadWeight      if one of the first kLeadSentences sentences names it
// The weights are a starting point (each reads "half of it is frequency, half position"), not
// fitted to any data set; the actors' owner refines them against labelled articles.
#include <algorithm>
#include <vector>

#include "draft.h"
#include "pipeline.h"

namespace newslens {

namespace {

constexpr double kFrequencyWeight = 0.5;
constexpr double kHeadlineWeight = 0.3;
constexpr double kLeadWeight = 0.2;
// The lead of a news story: its first paragraph, most often one to three sentences.
constexpr uint32_t kLeadSentences = 3;

}  // namespace

void Analyzer::Impl::ActorSalience(const Document& /*doc*/, Draft* draft) {
  std::vector<EntityResult>& actors = draft->entities;
  uint32_t most = 0;
  for (const EntityResult& a : actors) most = std::max(most, a.count);
  for (EntityResult& a : actors)
    a.salience = most ? kFrequencyWeight * static_cast<double>(a.count) / most : 0.0;
  // The sentences naming each actor are its tone evidence (entities.cc records one per sentence).
  std::vector<uint8_t> in_headline(actors.size(), 0), in_lead(actors.size(), 0);
  for (const ToneEvidence& e : draft->actor_evidence) {
    if (e.item >= actors.size()) continue;
    if (e.sentence == 0) in_headline[e.item] = 1;
    if (e.sentence < kLeadSentences) in_lead[e.item] = 1;
  }
  for (size_t i = 0; i < actors.size(); ++i)
    actors[i].salience += kHeadlineWeight * in_headline[i] + kLeadWeight * in_lead[i];
}

}  // namespace newslens
