// Private: parsing JSON text into nlohmann::json without exceptions, with line/column errors.
#ifndef NEWSLENS_SRC_JSON_UTIL_H_
#define NEWSLENS_SRC_JSON_UTIL_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "newslens/status.h"

namespace newslens::json_util {

using Json = nlohmann::json;

// Parses `text`; on error returns "source:line:column: message".
Result<Json> Parse(std::string_view text, std::string_view source);

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
