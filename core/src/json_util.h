// Private: parsing JSON text into nlohmann::json without exceptions, with line/column errors.
#ifndef NEWSLENS_SRC_JSON_UTIL_H_
#define NEWSLENS_SRC_JSON_UTIL_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "newslens/status.h"

namespace newslens::json_util {

using Json = nlohmann::json;

// Deepest nesting of arrays and objects a dictionary may have. The newslens formats are at most
// four levels deep; anything far deeper is an error, refused before nlohmann builds (and later
// recursively walks and destroys) a tree of it. docs/reliability.md states the limit.
inline constexpr size_t kMaxDepth = 64;

// Parses `text`; on error returns "source:line:column: message". Refuses nesting deeper than
// kMaxDepth (at the bracket that crosses it) before parsing.
Result<Json> Parse(std::string_view text, std::string_view source);

// "line:column" (1-based, column in bytes) of a byte offset of `text`.
std::string LineColumn(std::string_view text, size_t offset);

// A path to a value: object keys (as written, without escapes) and array indices.
using Path = std::vector<std::variant<std::string_view, size_t>>;
// Byte offset where the value at `path` starts in `text`, which must be valid JSON; npos when
// there is no such value. Used only to place an error, so a linear scan is fine.
size_t Locate(std::string_view text, const Path& path);
// "source:line:column: what", the position being the value at `path` (or "source: what" when
// the path is not found).
Status ErrorAt(std::string_view text, std::string_view source, const Path& path,
               const std::string& what);

// Accessors that never throw (the wasm build has C++ exceptions disabled).
inline const Json* Get(const Json& obj, const char* key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}
inline std::string GetString(const Json& obj, const char* key, std::string fallback = "") {
  const Json* v = Get(obj, key);
  return v && v->is_string() ? v->get_ref<const std::string&>() : fallback;
}

}  // namespace newslens::json_util

#endif  // NEWSLENS_SRC_JSON_UTIL_H_
