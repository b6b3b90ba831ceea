// The tone stage: every sentence scored by the SentimentEngine with the lexicon that fits it,
// the document's tone built from the sentences, and its label (docs/tone.md).
#include <cmath>
#include <string_view>
#include <vector>

#include "draft.h"
#include "pipeline.h"

namespace newslens {

namespace {

// The theme whose sentences are business news: IPTC's "economy, business and finance" top level
// and its sub-themes (markets, companies, trade ...).
constexpr std::string_view kBusinessTheme = "economy";

// Marks the sentences about markets and companies: those naming a term of the business theme
// (the theme engine's evidence, recorded before the tone stage runs).
void MarkBusinessSentences(const Draft& draft, const ThemeEngine& themes,
                           std::vector<uint8_t>* business) {
  for (const ToneEvidence& e : draft.theme_evidence) {
    const ThemeDef& def = themes.def(draft.themes[e.item].theme);
    if (def.id == kBusinessTheme || def.parent == kBusinessTheme) (*business)[e.sentence] = 1;
  }
}

}  // namespace

void Analyzer::Impl::Tone(const Document& doc, const Options& options,
                          std::vector<double>* compounds_out, Draft* report_out) const {
  const Impl& impl = *this;
  Draft& report = *report_out;
  std::vector<double>& compounds = *compounds_out;
  // Which lexicon scores each sentence: the one the caller forces, else business news is scored
  // as business news, sentence by sentence (the finance layer where a sentence is about markets
  // and companies, the news layer elsewhere).
  thread_local std::vector<uint8_t> business;
  business.assign(doc.sentences.size(), 0);
  if (options.tone == ToneDomain::kAuto) MarkBusinessSentences(report, impl.themes, &business);
  // Tone: sentences, then the document from the sum of their valences, scaled to the
  // engine's reference length so that it does not drift to +/-1 as length grows (docs/tone.md).
  compounds.assign(doc.sentences.size(), 0.0);
  double sum = 0, words = 0, pos = 0, neg = 0, neu = 0;
  uint32_t positive_items = 0, negative_items = 0;
  uint32_t by_lexicon[3] = {0, 0, 0};  // sentences per lexicon, indexed by ToneDomain
  std::vector<DraftMention>* mention_sink = options.include_mentions ? &report.mentions : nullptr;
  report.sentences.resize(doc.sentences.size());  // listed by the sentences stage (Run)
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Span& span = doc.sentences[s];
    const ToneDomain lexicon = options.tone != ToneDomain::kAuto ? options.tone
                               : business[s]                    ? ToneDomain::kFinance
                                                                : ToneDomain::kNews;
    SentenceTone tone = impl.sentiment.Score(doc, span, lexicon, mention_sink);
    compounds[s] = tone.compound;
    sum += tone.sum;
    words += tone.words;
    pos += tone.pos_sum;
    neg += std::fabs(tone.neg_sum);
    neu += tone.neu_count;
    positive_items += tone.positive_items;
    negative_items += tone.negative_items;
    report.sentences[s].compound = tone.compound;
    report.sentences[s].lexicon = lexicon;
    ++by_lexicon[static_cast<int>(lexicon)];
  }
  newslens::Tone& tone = report.tone;
  tone.lexicon = ToneDomainName(options.tone);
  tone.news_sentences = by_lexicon[static_cast<int>(ToneDomain::kNews)];
  tone.finance_sentences = by_lexicon[static_cast<int>(ToneDomain::kFinance)];
  tone.general_sentences = by_lexicon[static_cast<int>(ToneDomain::kGeneral)];
  tone.compound = impl.sentiment.Normalize(impl.sentiment.Scaled(sum, words));
  double total = pos + neg + neu;
  if (total > 0) {
    tone.positive = pos / total;
    tone.negative = neg / total;
    tone.neutral = neu / total;
  }
  tone.label = ToneLabel(tone.compound, tone.positive, tone.negative);
  if (doc.words > 0) {
    tone.gdelt_tone = 100.0 * (static_cast<double>(positive_items) - negative_items) / doc.words;
    tone.polarity = 100.0 * (static_cast<double>(positive_items) + negative_items) / doc.words;
  }
}

}  // namespace newslens
