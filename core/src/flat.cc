// The report in the flat form (flat.h), written by the walk of the report's shape
// (report_shape.h) that also writes its JSON: the same values in the same order, numbers as the
// integers whose digits the JSON has, each object's keys once per distinct list.
#include "flat.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "draft.h"
#include "draft_source.h"
#include "report_shape.h"

namespace newslens {
namespace {

class FlatSink {
 public:
  explicit FlatSink(FlatReport* out) : out_(*out) {
    out_.ints.clear();
    out_.numbers.clear();
    out_.strings.assign(1, '[');
    out_.shapes.assign(1, '[');
    out_.json.clear();
    // Kept by the thread (grown once); a huge article's string table is not kept.
    if (index_.size() > 4096) std::unordered_map<std::string_view, int32_t>().swap(index_);
    index_.clear();
    keys_.clear();
    open_.clear();
    shapes_.clear();
    shape_keys_.clear();
  }

  void BeginObject() {
    out_.ints.push_back(kFlatObject);
    open_.push_back({out_.ints.size(), keys_.size()});
    out_.ints.push_back(-1);  // the shape, known at EndObject
  }
  void Key(const char* key) { keys_.push_back(key); }
  void EndObject() {
    const Open o = open_.back();
    open_.pop_back();
    out_.ints[o.shape_slot] = Shape(o.first_key);
    keys_.resize(o.first_key);
  }
  void BeginArray(size_t n) {
    out_.ints.push_back(kFlatArray);
    out_.ints.push_back(static_cast<int32_t>(n));
  }
  void EndArray() {}
  void Uint(uint32_t v) {
    out_.ints.push_back(kFlatInt);
    out_.ints.push_back(static_cast<int32_t>(v));
  }
  // The integer whose digits the JSON has (RoundTo4Decimals, shared with the JSON writer).
  void Number(double v) {
    int64_t k = 0;
    if (!RoundTo4Decimals(v, &k)) fits_ = false;  // the JSON writer's printf path: send JSON
    out_.ints.push_back(kFlatNumber);
    out_.numbers.push_back(static_cast<double>(k));  // k == 0 gives +0
  }
  // A string by content: its index in the table, added on first use.
  void String(std::string_view s) {
    out_.ints.push_back(kFlatString);
    auto [it, added] = index_.emplace(s, static_cast<int32_t>(index_.size()));
    if (added) {
      if (out_.strings.size() > 1) out_.strings += ',';
      AppendJsonString(s, &out_.strings);  // escaped as the report's JSON escapes it
    }
    out_.ints.push_back(it->second);
  }
  bool fits() const { return fits_; }
  void Finish() {
    out_.strings += ']';
    out_.shapes += ']';
  }

 private:
  struct Open {
    size_t shape_slot, first_key;
  };
  // The index of the key list keys_[first, end) among the shapes, added on first use. The walk
  // passes keys as literals, so a list is matched by the keys' addresses; a report has a dozen
  // shapes, so a scan finds it.
  int32_t Shape(size_t first) {
    const size_t n = keys_.size() - first;
    for (size_t s = 0; s < shapes_.size(); ++s) {
      const auto [begin, count] = shapes_[s];
      if (count != n) continue;
      bool same = true;
      for (size_t k = 0; k < n && same; ++k) same = shape_keys_[begin + k] == keys_[first + k];
      if (same) return static_cast<int32_t>(s);
    }
    shapes_.push_back({shape_keys_.size(), n});
    if (out_.shapes.size() > 1) out_.shapes += ',';
    out_.shapes += '[';
    for (size_t k = 0; k < n; ++k) {
      shape_keys_.push_back(keys_[first + k]);
      if (k) out_.shapes += ',';
      AppendJsonString(keys_[first + k], &out_.shapes);
    }
    out_.shapes += ']';
    return static_cast<int32_t>(shapes_.size() - 1);
  }

  FlatReport& out_;
  bool fits_ = true;
  // Views into the analyzer's dictionaries and the draft, both alive while the report is
  // written (and cleared before the next).
  static thread_local std::unordered_map<std::string_view, int32_t> index_;
  static thread_local std::vector<const char*> keys_, shape_keys_;
  static thread_local std::vector<Open> open_;
  static thread_local std::vector<std::pair<size_t, size_t>> shapes_;  // into shape_keys_
};

thread_local std::unordered_map<std::string_view, int32_t> FlatSink::index_;
thread_local std::vector<const char*> FlatSink::keys_, FlatSink::shape_keys_;
thread_local std::vector<FlatSink::Open> FlatSink::open_;
thread_local std::vector<std::pair<size_t, size_t>> FlatSink::shapes_;

}  // namespace

void ToFlat(const Draft& d, const ThemeEngine& themes, uint64_t owner, FlatReport* out) {
  FlatSink sink(out);
  WalkReport(DraftSource(d, themes), sink);
  sink.Finish();
  if (!sink.fits()) {
    out->ints.clear();
    out->numbers.clear();
    out->strings.clear();
    out->shapes.clear();
    out->json = ToJson(d, themes, owner);
  }
}

}  // namespace newslens
