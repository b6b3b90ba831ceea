// The topic tone stage: the tone of each theme and each actor, from the sentences naming it
// (the ToneEvidence the theme and entity engines record) once the tone stage has scored them.
#include <vector>

#include "draft.h"
#include "pipeline.h"
#include "workspace.h"

namespace newslens {

namespace {

// The weighted mean compound of the sentences behind each of `items` items (0 for an item with
// no evidence), summed in the order the evidence was recorded.
template <typename Item>
void MeanSentenceTone(const std::vector<ToneEvidence>& evidence,
                      const std::vector<double>& compounds, std::vector<Item>* items,
                      Workspace* ws) {
  std::vector<double>& sums = ws->tone_sums;
  std::vector<double>& weights = ws->tone_weights;
  sums.assign(items->size(), 0.0);
  weights.assign(items->size(), 0.0);
  for (const ToneEvidence& e : evidence) {
    sums[e.item] += e.weight * compounds[e.sentence];
    weights[e.item] += e.weight;
  }
  for (size_t i = 0; i < items->size(); ++i)
    (*items)[i].tone = weights[i] > 0 ? sums[i] / weights[i] : 0.0;
}

}  // namespace

void Analyzer::Impl::TopicTone(const std::vector<double>& compounds, Draft* draft) const {
  Workspace& ws = Workspace::ForThread();
  MeanSentenceTone(draft->theme_evidence, compounds, &draft->themes, &ws);
  MeanSentenceTone(draft->actor_evidence, compounds, &draft->entities, &ws);
}

}  // namespace newslens
