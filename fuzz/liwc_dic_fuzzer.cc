// libFuzzer target: the LIWC .dic parser on arbitrary bytes. Checks: never crashes; a failure
// names the source; a success gives valid, unique theme ids whose terms are non-empty.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "newslens/dictionary.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto dic = newslens::ParseLiwcDic(text, "f.dic");
  if (!dic.ok()) {
    if (dic.error().rfind("f.dic", 0) != 0) std::abort();
  } else {
    std::set<std::string> ids;
    for (const newslens::ThemeDef& t : dic.value().themes) {
      if (t.id.empty() || !ids.insert(t.id).second) std::abort();
      for (const newslens::TermDef& term : t.terms)
        if (term.text.empty()) std::abort();
    }
  }
  auto custom = newslens::ParseCustomDictionary(text, "f.dic");
  if (!custom.ok() && custom.error().rfind("f.dic", 0) != 0) std::abort();
  return 0;
}
