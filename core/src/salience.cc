// Actor salience: which actors an article is about, in [0, 1] (docs/report.md), from what an
// editor looks at — the headline, the lead, how often a name comes back, and whether the actor
// acts in the story or is named in passing:
//
//   salience = kFrequencyWeight * weighted count / (the highest weighted count in the article)
//            + kHeadlineWeight  if the headline names it
//            + kLeadWeight      if one of the lead's kLeadSentences sentences names it
//            + kAgentWeight     * min(1, subject mentions / kAgentMentions)
//
// The headline is the title lines that open the article (up to kTitleLines lines of their own
// without a full stop: "World News" / "FULL LETTER: Xi Jinping discusses ..."); an article
// without one has its first sentence, the lede, as its headline. The lead is the first
// kLeadSentences sentences after the title lines.
//
// The weighted count counts a mention inside another actor's name ("Japan" in "Bank of Japan")
// as kNestedWeight of a mention. A subject mention opens its sentence or speaks ("Reagan
// vetoed", "said Jenkins"; entities.cc EntityEngine::Agent), a dateline excepted. The weights add
// up to 1: an actor named most, in the headline and the lead, and twice as the subject scores 1.
// bench/actors-eval.mjs measures the rule against the countries Reuters' editors filed each
// article under (docs/accuracy.md, Actors).
#include <algorithm>
#include <vector>

#include "draft.h"
#include "pipeline.h"

namespace newslens {

namespace {

// In hundredths, so that an actor with every sign scores exactly 1.
constexpr int kFrequencyWeight = 40;
constexpr int kHeadlineWeight = 25;
constexpr int kLeadWeight = 20;
constexpr int kAgentWeight = 15;
static_assert(kFrequencyWeight + kHeadlineWeight + kLeadWeight + kAgentWeight == 100,
              "salience weights add up to 1");
// The lead of a news story: its first paragraph, most often one to three sentences.
constexpr uint32_t kLeadSentences = 3;
// A kicker or section line and the headline: "World News" / "FULL LETTER: ...".
constexpr uint32_t kTitleLines = 2;
// A name inside another actor's name is the other actor's mention first.
constexpr double kNestedWeight = 0.5;
// Two subject mentions make an actor of the story: one may be a passing "X said".
constexpr double kAgentMentions = 2;

// A title line: a sentence that ends its line without terminal punctuation ("BAHIA COCOA
// REVIEW", "Chile raises copper output").
bool TitleLine(const Document& doc, uint32_t s) {
  const Span& span = doc.sentences[s];
  if (span.last_token == span.first_token) return false;
  const Token& last = doc.tokens[span.last_token - 1];
  if (last.kind == TokenKind::kPunct &&
      (last.punct == '.' || last.punct == '!' || last.punct == '?'))
    return false;
  return s + 1 == doc.sentences.size() ||
         doc.sentences[s + 1].first_token >= doc.tokens.size() ||
         doc.tokens[doc.sentences[s + 1].first_token].has(kLineStart);
}

}  // namespace

void Analyzer::Impl::ActorSalience(const Document& doc, Draft* draft) {
  std::vector<EntityResult>& actors = draft->entities;
  const std::vector<ActorProminence>& seen = draft->actor_prominence;
  auto weighted = [&](size_t i) {
    const double nested = i < seen.size() ? seen[i].nested : 0;
    return actors[i].count - nested + kNestedWeight * nested;
  };
  double most = 0;
  for (size_t i = 0; i < actors.size(); ++i) most = std::max(most, weighted(i));
  // The sentences naming each actor are its tone evidence (entities.cc records one per sentence).
  const uint32_t sentences = static_cast<uint32_t>(doc.sentences.size());
  uint32_t titles = 0;
  while (titles < kTitleLines && titles + 1 < sentences && TitleLine(doc, titles)) ++titles;
  const uint32_t headline_end = std::max<uint32_t>(titles, 1);
  const uint32_t lead_end = titles + kLeadSentences;
  std::vector<uint8_t> in_headline(actors.size(), 0), in_lead(actors.size(), 0);
  for (const ToneEvidence& e : draft->actor_evidence) {
    if (e.item >= actors.size()) continue;
    if (e.sentence < headline_end) in_headline[e.item] = 1;
    if (e.sentence >= titles && e.sentence < lead_end) in_lead[e.item] = 1;
  }
  for (size_t i = 0; i < actors.size(); ++i) {
    const double frequency = most > 0 ? weighted(i) / most : 0;
    const double agent =
        i < seen.size() ? std::min(1.0, seen[i].subject / kAgentMentions) : 0;
    actors[i].salience = (kFrequencyWeight * frequency + kHeadlineWeight * in_headline[i] +
                          kLeadWeight * in_lead[i] + kAgentWeight * agent) /
                         100;
  }
}

}  // namespace newslens
