// Private: byte offsets to UTF-16 code units (JS string indices), the one place the report's
// offsets are converted (STYLE.md: "offsets converted to JS units in exactly one place").
#ifndef NEWSLENS_SRC_UTF16_MAP_H_
#define NEWSLENS_SRC_UTF16_MAP_H_

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace newslens {

struct Draft;  // draft.h

// The UTF-16 position of every non-ASCII character of a text, to convert byte offsets without
// walking the text once per offset. Most news text is ASCII but for quotes and dashes, so the
// table is short; an all-ASCII text has none and its offsets are already UTF-16 units.
struct Utf16Map {
  struct Wide {
    uint32_t byte;   // where the character starts
    uint32_t units;  // UTF-16 units before it
    uint8_t len;     // its bytes
    uint8_t width;   // its UTF-16 units (2 for a surrogate pair)
  };
  std::vector<Wide> wide;
  uint32_t size = 0, total_units = 0;

  // Characters (code points) counted on the way, for the report's stats.
  uint32_t Build(std::string_view text);

  // UTF-16 units before byte offset b (an offset inside a character counts it whole).
  uint32_t Units(uint32_t b) const {
    if (b >= size) return total_units;
    auto it = std::lower_bound(wide.begin(), wide.end(), b,
                               [](const Wide& w, uint32_t x) { return w.byte < x; });
    if (it == wide.begin()) return b;
    const Wide& w = *(it - 1);  // the last wide character starting before b
    if (b < w.byte + w.len) return w.units + w.width;
    return w.units + w.width + (b - w.byte - w.len);
  }
};

// Converts every byte offset in the draft to UTF-16 code units.
void ToUtf16Offsets(const Utf16Map& map, Draft* report);

}  // namespace newslens

#endif  // NEWSLENS_SRC_UTF16_MAP_H_
