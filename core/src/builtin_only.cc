// The widget edition's ParseCustomDictionary (docs/size.md, "The widget edition"): the embed
// widget analyzes with the built-in dictionaries only, so its module links this instead of
// dictionary.cc, and none of the JSON and .dic parsers (nor nlohmann/json) is in its code. A
// custom dictionary given to it anyway is refused with a clear error, before any engine is built,
// like a malformed one. Linked by wasm/CMakeLists.txt into newslens-widget.js only; every other
// build (the CLI, the library, newslens.js) has the parsers.
#include <string>

#include "newslens/dictionary.h"

namespace newslens {

Result<CustomDictionary> ParseCustomDictionary(std::string_view, std::string_view source) {
  return Status::Error(std::string(source) +
                       ": this is the widget edition of newslens, which has no custom "
                       "dictionaries (use newslens.js, the full edition)");
}

}  // namespace newslens
