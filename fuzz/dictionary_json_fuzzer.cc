// libFuzzer target: every newslens JSON dictionary parser on the same arbitrary bytes (themes,
// lexicon, entities, sentiment rules, text rules, and the custom-dictionary format detector).
// Checks: never crashes; a failure is an error message naming the source.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "newslens/dictionary.h"

namespace {

template <typename R>
void Check(const R& result) {
  if (!result.ok() && result.error().rfind("f.json", 0) != 0) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Check(newslens::ParseThemes(text, "f.json"));
  Check(newslens::ParseLexicon(text, "f.json"));
  Check(newslens::ParseEntities(text, "f.json"));
  Check(newslens::ParseSentimentRules(text, "f.json"));
  Check(newslens::ParseTextRules(text, "f.json"));
  Check(newslens::ParseCustomDictionary(text, "f.json"));
  return 0;
}
