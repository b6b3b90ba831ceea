// The report in the flat form (flat.h), written by the walk of the report's shape
// (report_shape.h) that also writes its JSON: the same values in the same order, numbers as the
// integers whose digits the JSON has, each object's keys once per distinct list.
#include "flat.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
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
    out_.strings.clear();
    out_.json.clear();
    strings_.Begin();
    keys_.clear();
    open_.clear();
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
    bool added = false;
    const int32_t index = strings_.Index(s, &added);
    if (added) {  // as it is, then a NUL; a string holding a NUL cannot be told apart: send JSON
      if (!s.empty() && std::memchr(s.data(), '\0', s.size()) != nullptr) fits_ = false;
      out_.strings.append(s.data(), s.size());
      out_.strings += '\0';
    }
    out_.ints.push_back(index);
  }
  bool fits() const { return fits_; }
  void Finish() {
    out_.shapes.assign(shapes_json_);
    out_.shapes += ']';
  }

 private:
  struct Open {
    size_t shape_slot, first_key;
  };

  // The report's distinct strings by content, each with its index in the table: open addressing
  // over views (into the analyzer's dictionaries and the draft, alive while the report is
  // written), no allocation per string. Slots of earlier reports are told apart by a generation
  // number, so a report starts without clearing the slots.
  class StringIndex {
   public:
    void Begin() {
      // A huge article's table is not kept; the generation wraps after 2^32 reports.
      if (slots_.size() > kKeepSlots || ++generation_ == 0) {
        slots_.assign(kInitialSlots, Slot());
        generation_ = 1;
      }
      count_ = 0;
    }
    int32_t Index(std::string_view s, bool* added) {
      const uint64_t hash = Hash(s);
      const size_t mask = slots_.size() - 1;
      for (size_t i = hash & mask;; i = (i + 1) & mask) {
        Slot& slot = slots_[i];
        if (slot.generation != generation_) {
          slot = {s.data(), static_cast<uint32_t>(s.size()), generation_, count_, hash};
          *added = true;
          const int32_t index = count_++;
          if (static_cast<size_t>(count_) * 2 > slots_.size()) Grow();
          return index;
        }
        if (slot.hash == hash && slot.size == s.size() &&
            (slot.data == s.data() || s.empty() ||
             std::memcmp(slot.data, s.data(), s.size()) == 0))
          return slot.index;
      }
    }

   private:
    struct Slot {
      const char* data = nullptr;
      uint32_t size = 0;
      uint32_t generation = 0;
      int32_t index = 0;
      uint64_t hash = 0;
    };
    static constexpr size_t kInitialSlots = 1024, kKeepSlots = 1u << 14;

    static uint64_t Hash(std::string_view s) {
      constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
      uint64_t h = s.size() * kMul;
      const char* p = s.data();
      size_t n = s.size();
      for (; n >= 8; p += 8, n -= 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * kMul;
        h ^= h >> 32;
      }
      uint64_t tail = 0;  // the last 0-7 bytes in at most two loads
      if (n >= 4) {
        uint32_t a, b;
        std::memcpy(&a, p, 4);
        std::memcpy(&b, p + n - 4, 4);
        tail = static_cast<uint64_t>(a) << 32 | b;
      } else if (n > 0) {
        tail = static_cast<uint64_t>(static_cast<unsigned char>(p[0])) << 16 |
               static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
               static_cast<unsigned char>(p[n - 1]);
      }
      h = (h ^ tail) * kMul;
      return h ^ (h >> 29);
    }
    void Grow() {
      std::vector<Slot> old(slots_.size() * 2);
      old.swap(slots_);
      const size_t mask = slots_.size() - 1;
      for (const Slot& slot : old) {
        if (slot.generation != generation_) continue;
        size_t i = slot.hash & mask;
        while (slots_[i].generation == generation_) i = (i + 1) & mask;
        slots_[i] = slot;
      }
    }

    std::vector<Slot> slots_ = std::vector<Slot>(kInitialSlots);
    uint32_t generation_ = 0;
    int32_t count_ = 0;
  };

  // The index of the key list keys_[first, end) among the shapes, added on first use. The walk
  // passes keys as literals, so a list is matched by the keys' addresses: first among the shapes
  // recently seen with the same first key and length (objects of one kind come in runs), then
  // among all of them (the report has a dozen). The shapes are the thread's, kept from report
  // to report (only added to, and only by the walk's fixed key lists), so that a reader may keep
  // what it decoded of them: the same length of `shapes`, the same list.
  int32_t Shape(size_t first) {
    const size_t n = keys_.size() - first;
    const size_t recent = n == 0 ? 0
                                 : (reinterpret_cast<uintptr_t>(keys_[first]) / 8 + n * 7) %
                                       std::size(recent_shape_);
    if (const int32_t s = recent_shape_[recent]; s >= 0 && SameKeys(s, first, n)) return s;
    for (size_t s = 0; s < shapes_.size(); ++s) {
      if (SameKeys(static_cast<int32_t>(s), first, n)) {
        recent_shape_[recent] = static_cast<int32_t>(s);
        return static_cast<int32_t>(s);
      }
    }
    shapes_.push_back({shape_keys_.size(), n});
    shapes_json_ += shapes_json_.size() > 1 ? ",[" : "[";
    for (size_t k = 0; k < n; ++k) {
      shape_keys_.push_back(keys_[first + k]);
      if (k) shapes_json_ += ',';
      AppendJsonString(keys_[first + k], &shapes_json_);
    }
    shapes_json_ += ']';
    const auto added = static_cast<int32_t>(shapes_.size() - 1);
    recent_shape_[recent] = added;
    return added;
  }
  bool SameKeys(int32_t shape, size_t first, size_t n) const {
    const auto [begin, count] = shapes_[static_cast<size_t>(shape)];
    if (count != n) return false;
    for (size_t k = 0; k < n; ++k)
      if (shape_keys_[begin + k] != keys_[first + k]) return false;
    return true;
  }

  FlatReport& out_;
  bool fits_ = true;
  // Kept by the thread, grown once.
  static thread_local StringIndex strings_;
  static thread_local std::vector<const char*> keys_;
  static thread_local std::vector<Open> open_;
  // The thread's shapes: key lists (into shape_keys_), their JSON without the closing bracket,
  // and the last shape seen per (first key, length) hash.
  static thread_local std::vector<std::pair<size_t, size_t>> shapes_;
  static thread_local std::vector<const char*> shape_keys_;
  static thread_local std::string shapes_json_;
  static thread_local int32_t recent_shape_[16];
};

thread_local FlatSink::StringIndex FlatSink::strings_;
thread_local std::vector<const char*> FlatSink::keys_;
thread_local std::vector<FlatSink::Open> FlatSink::open_;
thread_local std::vector<std::pair<size_t, size_t>> FlatSink::shapes_;
thread_local std::vector<const char*> FlatSink::shape_keys_;
thread_local std::string FlatSink::shapes_json_ = "[";
thread_local int32_t FlatSink::recent_shape_[16] = {-1, -1, -1, -1, -1, -1, -1, -1,
                                                    -1, -1, -1, -1, -1, -1, -1, -1};

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
