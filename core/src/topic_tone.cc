// The topic tone stage: the tone of each theme and each actor, from the sentences naming it
// (the ToneEvidence the theme and entity engines record) once the tone stage has scored them.
//
// The weighting rule (docs/tone.md, "Tone per theme and per actor"): a sentence counts for a
// topic by how much of the sentence is about it. A sentence that names one theme (or one actor)
// is wholly about it and weighs 1; a sentence that names k themes of the same level (k top-level
// themes, or k sub-themes; k actors) is shared between them and weighs 1/k for each. So a
// lay-offs story's "layoffs" tone comes from the sentences about the lay-offs, not from the
// sentence that also mentions the company's record profits and three other topics.
#include <vector>

#include "draft.h"
#include "pipeline.h"
#include "workspace.h"

namespace newslens {

namespace {

// The weighted mean compound of the sentences behind each of `items` (0 for an item with no
// evidence), each sentence weighed by evidence weight / `share[sentence][group]`, summed in the
// order the evidence was recorded.
template <typename Item, typename Group>
void MeanSentenceTone(const std::vector<ToneEvidence>& evidence,
                      const std::vector<double>& compounds, Group group,
                      std::vector<Item>* items, Workspace* ws) {
  // How many topics of each group every sentence names: 2 groups (themes: sub-themes and top
  // levels; actors use one).
  std::vector<double>& topics = ws->tone_sums;
  topics.assign(compounds.size() * 2, 0.0);
  for (const ToneEvidence& e : evidence) topics[e.sentence * 2 + group(e.item)] += 1;
  std::vector<double>& weights = ws->tone_weights;
  weights.assign(items->size() * 2, 0.0);  // [2i] weighted sum, [2i + 1] total weight
  for (const ToneEvidence& e : evidence) {
    const double w = e.weight / topics[e.sentence * 2 + group(e.item)];
    weights[2 * e.item] += w * compounds[e.sentence];
    weights[2 * e.item + 1] += w;
  }
  for (size_t i = 0; i < items->size(); ++i)
    (*items)[i].tone = weights[2 * i + 1] > 0 ? weights[2 * i] / weights[2 * i + 1] : 0.0;
}

}  // namespace

void Analyzer::Impl::TopicTone(const std::vector<double>& compounds, Draft* draft) const {
  Workspace& ws = Workspace::ForThread();
  const std::vector<DraftTheme>& found = draft->themes;
  MeanSentenceTone(
      draft->theme_evidence, compounds,
      [&](uint32_t item) { return themes.top_level(found[item].theme) ? 1 : 0; }, &draft->themes,
      &ws);
  MeanSentenceTone(
      draft->actor_evidence, compounds, [](uint32_t) { return 0; }, &draft->entities, &ws);
}

}  // namespace newslens
