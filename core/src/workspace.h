// Private: what a thread keeps between articles so that analysing one allocates nothing once
// its buffers have grown: the document, the tokenizer's output, the word cache, the UTF-16 map,
// the sentence compounds, the draft and the stages' scratch. One rule releases it (Release).
#ifndef NEWSLENS_SRC_WORKSPACE_H_
#define NEWSLENS_SRC_WORKSPACE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "document.h"
#include "draft.h"
#include "newslens/text.h"
#include "utf16_map.h"
#include "word_cache.h"

namespace newslens {

struct Workspace {
  // The calling thread's workspace.
  static Workspace& ForThread() {
    static thread_local Workspace workspace;
    return workspace;
  }

  WordCache words;             // kept at its fixed size (word_cache.h)
  std::string norm, scratch, scratch2;  // BuildDocument's per-word scratch
  std::vector<Token> raw;      // the tokenizer's output
  Document doc;
  Utf16Map utf16;
  std::vector<double> compounds;  // one per sentence, from the tone stage
  Draft draft;
  std::vector<uint32_t> mention_order;  // OrderMentions
  std::vector<DraftMention> sorted_mentions;
  std::vector<double> tone_sums, tone_weights;  // the topic tone stage

  // After each article: a buffer grown past what a long article needs (kKeepTokens tokens, or
  // as many mentions) is given back, so that one huge input does not hold its memory for the
  // thread's life. The word cache never grows, so it stays.
  static constexpr size_t kKeepTokens = 1u << 18;
  void Release() {
    if (raw.capacity() > kKeepTokens || doc.tokens.capacity() > kKeepTokens) {
      raw = std::vector<Token>();
      doc = Document();
    }
    if (draft.mentions.capacity() > kKeepTokens / 4 ||
        draft.sentences.capacity() > kKeepTokens / 16)
      draft = Draft();
    if (mention_order.capacity() > kKeepTokens) {
      mention_order = std::vector<uint32_t>();
      sorted_mentions = std::vector<DraftMention>();
    }
    if (compounds.capacity() > kKeepTokens / 16) {
      compounds = std::vector<double>();
      tone_sums = std::vector<double>();
      tone_weights = std::vector<double>();
    }
  }
};

}  // namespace newslens

#endif  // NEWSLENS_SRC_WORKSPACE_H_
