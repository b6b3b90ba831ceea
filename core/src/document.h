// Private: one article being analysed, as every engine reads it: tokens, normalized forms,
// dictionary ids and sentences (built by Analyzer::Impl::BuildDocument, analyzer.cc).
#ifndef NEWSLENS_SRC_DOCUMENT_H_
#define NEWSLENS_SRC_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newslens/text.h"
#include "vocab.h"

namespace newslens {

// One article being analysed (valid until its thread builds the next document, see Detach):
// tokens (compounds already resolved to whole-or-parts), their
// normalized forms and dictionary ids, and the sentences.
struct Document {
  std::string_view text;
  std::vector<Token> tokens;
  // Normalized form of each token: in `shared` (the thread's word cache, stable while the
  // document lives) when lower_begin has kShared set, else in `lower`.
  static constexpr uint32_t kShared = 1u << 31;
  std::vector<uint32_t> lower_begin, lower_len;
  std::string lower;             // normalized forms of words the cache does not hold
  const char* shared = nullptr;
  std::vector<uint32_t> surface;    // Vocab id of the normalized form (kNoId if unknown)
  std::vector<uint32_t> theme_key;  // ThemeEngine key (stem or capitals id), or kNoId
  std::vector<uint32_t> theme_wild;  // ThemeEngine::RootWildcard of the normalized form
  std::vector<Span> sentences;
  std::vector<uint32_t> sentence_of;  // token -> sentence index
  uint32_t words = 0;

  // Copies the normalized forms held by the word cache into `lower`, so the document stays
  // valid after the thread builds other documents (benchmarks keep documents around).
  void Detach() {
    for (size_t t = 0; t < lower_begin.size(); ++t) {
      if (!(lower_begin[t] & kShared)) continue;
      std::string_view n = norm(static_cast<uint32_t>(t));
      lower_begin[t] = static_cast<uint32_t>(lower.size());
      lower.append(n.data(), n.size());
    }
    shared = nullptr;
  }

  std::string_view norm(uint32_t t) const {
    const uint32_t b = lower_begin[t];
    if (b & kShared) return std::string_view(shared + (b & ~kShared), lower_len[t]);
    return std::string_view(lower).substr(b, lower_len[t]);
  }
};

}  // namespace newslens

#endif  // NEWSLENS_SRC_DOCUMENT_H_
