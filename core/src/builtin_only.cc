// The widget edition's stand-ins (docs/size.md, "The widget edition"), linked by
// wasm/CMakeLists.txt into newslens-widget.js only; every other build (the CLI, the library,
// newslens.js) has the real code.
//
// - ParseCustomDictionary: the embed widget analyzes with the built-in dictionaries only, so its
//   module links this instead of dictionary.cc, and none of the JSON and .dic parsers (nor
//   nlohmann/json) is in its code. A custom dictionary given to it anyway is refused with a clear
//   error, before any engine is built, like a malformed one.
// - The report's JSON writer: the widget reads its reports in the flat form (core/src/flat.h,
//   decoded by the facade), so the link wraps ToJson(Draft, ...) with WidgetToJson below
//   (`-Wl,--wrap`), and the JSON writer (WalkReport with the JSON sink, ~22 KB of wasm, 5 KB
//   gzipped) is left out. The flat form falls back to JSON only for a number beyond 2^53 / 10^4,
//   which no report holds (counts and offsets are bounded by the 256 MB input limit); should it
//   ever happen, the text below is not JSON and the facade's JSON.parse fails with it, so the
//   widget shows its fallback content instead of a wrong report.
#include <cstdint>
#include <string>

#include "newslens/dictionary.h"

namespace newslens {

struct Draft;
class ThemeEngine;

Result<CustomDictionary> ParseCustomDictionary(std::string_view, std::string_view source) {
  return Status::Error(std::string(source) +
                       ": this is the widget edition of newslens, which has no custom "
                       "dictionaries (use newslens.js, the full edition)");
}

// ToJson(const Draft&, const ThemeEngine&, uint64_t) (core/src/draft.h), by its wasm symbol:
// wasm/CMakeLists.txt passes -Wl,--wrap with the same name.
std::string WidgetToJson(const Draft&, const ThemeEngine&, uint64_t) __asm__(
    "__wrap__ZN8newslens6ToJsonERKNS_5DraftERKNS_11ThemeEngineEy");
std::string WidgetToJson(const Draft&, const ThemeEngine&, uint64_t) {
  return "newslens: this is the widget edition, which writes no JSON report (use newslens.js, "
         "the full edition)";
}

}  // namespace newslens
