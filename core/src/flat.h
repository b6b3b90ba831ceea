// Private to the core and its bindings: the report in a flat form, for a binding that builds
// its own objects faster than it parses JSON (the wasm module: wasm/newslens-api.js,
// reportFromParts). It is self-describing, so that no reader copies the report's layout by hand:
// the one walk over the report's shape (report_shape.h) writes every value as a tag in `ints`
// followed by its payload, and every object's keys, listed once per distinct key list, in
// `shapes` (the thread's key lists, kept from report to report and only ever added to: a reader
// may keep the lists it decoded while `shapes` keeps its length):
//   kFlatObject, shape index (into shapes), then each key's value in order
//   kFlatArray, n, then n values
//   kFlatInt, the value (a count, an offset, an index)
//   kFlatNumber; the value is the next of `numbers`, as round(v * 10^4): the integer whose
//     digits the JSON has, so that k / 10^4 is exactly the double a JSON parser reads
//   kFlatString, an index into `strings`, the distinct strings as UTF-8 each ended by a NUL byte
//     (a string holding a NUL, never in practice, sends the report as JSON)
// A number beyond 2^53 / 10^4 (never in practice) does not fit: then `json` holds the report as
// JSON instead and the lists are empty.
#ifndef NEWSLENS_SRC_FLAT_H_
#define NEWSLENS_SRC_FLAT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace newslens {

enum FlatTag : int32_t {
  kFlatObject = 0,
  kFlatArray = 1,
  kFlatInt = 2,
  kFlatNumber = 3,
  kFlatString = 4,
};

struct FlatReport {
  std::vector<int32_t> ints;
  std::vector<double> numbers;
  std::string strings;  // the distinct strings, each followed by a NUL byte
  std::string shapes;   // the distinct key lists, as a JSON array of arrays of keys
  std::string json;     // empty unless the flat form could not hold the report
};

}  // namespace newslens

#endif  // NEWSLENS_SRC_FLAT_H_
