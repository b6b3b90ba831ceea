// The tone stage: every sentence scored by the SentimentEngine, and the document's tone built
// from the sentences (docs/tone.md).
#include <cmath>
#include <vector>

#include "draft.h"
#include "pipeline.h"

namespace newslens {

void Analyzer::Impl::Tone(const Document& doc, const Options& options,
                          std::vector<double>* compounds_out, Draft* report_out) const {
  const Impl& impl = *this;
  Draft& report = *report_out;
  std::vector<double>& compounds = *compounds_out;
  // Tone: sentences, then the document from the sum of their valences, scaled to the
  // engine's reference length so that it does not drift to +/-1 as length grows (docs/tone.md).
  compounds.assign(doc.sentences.size(), 0.0);
  double sum = 0, words = 0, pos = 0, neg = 0, neu = 0;
  uint32_t positive_items = 0, negative_items = 0;
  std::vector<DraftMention>* mention_sink = options.include_mentions ? &report.mentions : nullptr;
  report.sentences.resize(doc.sentences.size());  // listed by the sentences stage (Run)
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Span& span = doc.sentences[s];
    SentenceTone tone = impl.sentiment.Score(doc, span, options.tone, mention_sink);
    compounds[s] = tone.compound;
    sum += tone.sum;
    words += tone.words;
    pos += tone.pos_sum;
    neg += std::fabs(tone.neg_sum);
    neu += tone.neu_count;
    positive_items += tone.positive_items;
    negative_items += tone.negative_items;
    report.sentences[s].compound = tone.compound;
  }
  newslens::Tone& tone = report.tone;
  tone.compound = impl.sentiment.Normalize(impl.sentiment.Scaled(sum, words));
  tone.label = tone.compound >= 0.05 ? "positive" : tone.compound <= -0.05 ? "negative" : "neutral";
  double total = pos + neg + neu;
  if (total > 0) {
    tone.positive = pos / total;
    tone.negative = neg / total;
    tone.neutral = neu / total;
  }
  if (doc.words > 0) {
    tone.gdelt_tone = 100.0 * (static_cast<double>(positive_items) - negative_items) / doc.words;
    tone.polarity = 100.0 * (static_cast<double>(positive_items) + negative_items) / doc.words;
  }
}

}  // namespace newslens
