// A reader of the flat report (core/src/flat.h): it knows the tags and nothing of the report's
// layout, which the flat form carries (each object's keys in `shapes`). The core tests and the
// analyze fuzzer compare what it reads with the report's JSON.
#ifndef NEWSLENS_TESTS_CORE_FLAT_DECODER_H_
#define NEWSLENS_TESTS_CORE_FLAT_DECODER_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

#include "flat.h"

namespace newslens::testing {

namespace flat_detail {

using Json = nlohmann::ordered_json;

class Decoder {
 public:
  explicit Decoder(const FlatReport& f)
      : f_(f), strings_(Json::array()), shapes_(Json::parse(f.shapes)) {
    // The strings, each ended by a NUL byte.
    for (size_t at = 0, end; (end = f.strings.find('\0', at)) != std::string::npos; at = end + 1)
      strings_.push_back(f.strings.substr(at, end - at));
  }

  Json Value(int depth = 0) {
    if (depth > 16) throw std::out_of_range("nested too deep");
    switch (Int()) {
      case kFlatObject: {
        const Json& keys = shapes_.at(static_cast<size_t>(Int()));
        Json o = Json::object();
        for (const Json& key : keys) o[key.get<std::string>()] = Value(depth + 1);
        return o;
      }
      case kFlatArray: {
        const int32_t n = Int();
        if (n < 0) throw std::out_of_range("negative count");
        Json a = Json::array();
        for (int32_t k = 0; k < n; ++k) a.push_back(Value(depth + 1));
        return a;
      }
      case kFlatInt:
        return Int();
      case kFlatNumber:
        return f_.numbers.at(n_++) / 10000.0;
      case kFlatString:
        return strings_.at(static_cast<size_t>(Int()));
      default:
        throw std::out_of_range("unknown tag");
    }
  }
  bool AtEnd() const { return i_ == f_.ints.size() && n_ == f_.numbers.size(); }

 private:
  int32_t Int() { return f_.ints.at(i_++); }

  const FlatReport& f_;
  Json strings_, shapes_;
  size_t i_ = 0, n_ = 0;
};

}  // namespace flat_detail

// The report the flat form holds, as JSON; nullopt when it is malformed (an index out of range,
// lists cut short or too long).
inline std::optional<nlohmann::ordered_json> DecodeFlat(const FlatReport& flat) {
  if (!flat.json.empty()) return nlohmann::ordered_json::parse(flat.json);
  try {
    flat_detail::Decoder d(flat);
    nlohmann::ordered_json r = d.Value();
    if (!d.AtEnd()) return std::nullopt;
    return r;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace newslens::testing

#endif  // NEWSLENS_TESTS_CORE_FLAT_DECODER_H_
