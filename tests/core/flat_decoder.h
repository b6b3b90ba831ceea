// A reader of the flat report (newslens/analyzer.h, FlatReport) written from the layout the
// header documents, independent of the writer (core/src/flat.cc): the core tests and the analyze
// fuzzer compare what it reads with the report's JSON.
#ifndef NEWSLENS_TESTS_CORE_FLAT_DECODER_H_
#define NEWSLENS_TESTS_CORE_FLAT_DECODER_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

#include "newslens/analyzer.h"

namespace newslens::testing {

namespace flat_detail {

using Json = nlohmann::ordered_json;


class Decoder {
 public:
  explicit Decoder(const FlatReport& f) : f_(f), strings_(Json::parse(f.strings)) {}

  Json Report() {
    Json r;
    r["schema"] = Str();
    r["stats"] = {{"characters", Int()}, {"words", Int()}, {"sentences", Int()},
                  {"paragraphs", Int()}};
    Json tone;
    tone["compound"] = Num();
    tone["label"] = Str();
    for (const char* k : {"positive", "negative", "neutral", "gdelt_tone", "polarity"}) tone[k] = Num();
    r["tone"] = tone;
    if (int32_t primary = Int(); primary >= 0) r["primary_theme"] = strings_.at(primary);
    r["top_level"] = List([&] {
      Json t;
      t["id"] = Str();
      t["label"] = Str();
      t["iptc"] = Str();
      t["score"] = Num();
      t["count"] = Int();
      t["share"] = Num();
      return t;
    });
    r["themes"] = List([&] {
      Json t;
      t["id"] = Str();
      t["label"] = Str();
      if (int32_t parent = Int(); parent >= 0) t["parent"] = strings_.at(parent);
      t["iptc"] = Str();
      t["count"] = Int();
      for (const char* k : {"score", "share", "per_1000_words", "tone"}) t[k] = Num();
      t["terms"] = List([&] {
        Json term;
        term["term"] = Str();
        term["count"] = Int();
        return term;
      });
      t["sentences"] = List([&] { return Json(Int()); });
      return t;
    });
    r["entities"] = List([&] {
      Json e;
      e["name"] = Str();
      e["type"] = Str();
      if (int32_t code = Int(); code >= 0) e["code"] = strings_.at(code);
      if (int32_t role = Int(); role >= 0) e["role"] = strings_.at(role);
      e["count"] = Int();
      e["tone"] = Num();
      return e;
    });
    r["co_mentions"] = List([&] {
      Json c;
      c["a"] = Str();
      c["b"] = Str();
      c["count"] = Int();
      return c;
    });
    r["sentences"] = List([&] {
      Json s;
      s["start"] = Int();
      s["end"] = Int();
      s["compound"] = Num();
      s["themes"] = List([&] { return Str(); });
      return s;
    });
    r["mentions"] = List([&] {
      Json m;
      const int32_t kind = Int();
      m["start"] = Int();
      m["end"] = Int();
      if (kind == 0) {
        m["kind"] = "theme";
        m["id"] = Str();
      } else if (kind == 2) {
        m["kind"] = "entity";
        m["name"] = Str();
      } else {
        m["kind"] = "sentiment";
        m["valence"] = Num();
        m["base"] = Num();
        m["rules"] = List([&] { return Str(); });
      }
      return m;
    });
    if (i_ != f_.ints.size() || n_ != f_.numbers.size()) throw std::out_of_range("left over");
    return r;
  }

 private:
  int32_t Int() { return f_.ints.at(i_++); }
  Json Str() { return strings_.at(Int()); }
  Json Num() { return f_.numbers.at(n_++) / 10000.0; }
  template <typename Item>
  Json List(Item item) {
    Json list = Json::array();
    for (int32_t n = Int(); n > 0; --n) list.push_back(item());
    return list;
  }

  const FlatReport& f_;
  Json strings_;
  size_t i_ = 0, n_ = 0;
};

}  // namespace flat_detail

// The report the flat form stands for, as JSON with the keys in the report's order; nullopt when
// the form is malformed (an index or count out of range, items left over, bad string table).
inline std::optional<nlohmann::ordered_json> DecodeFlat(const FlatReport& flat) {
  try {
    return flat_detail::Decoder(flat).Report();
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace newslens::testing

#endif  // NEWSLENS_TESTS_CORE_FLAT_DECODER_H_
