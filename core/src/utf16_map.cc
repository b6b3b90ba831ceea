#include "utf16_map.h"

#include <cstring>

#include "draft.h"

namespace newslens {

uint32_t Utf16Map::Build(std::string_view text) {
  wide.clear();
  size = static_cast<uint32_t>(text.size());
  uint32_t units = 0, chars = 0;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  for (uint32_t i = 0; i < size;) {
    if (i + 8 <= size) {  // eight ASCII bytes at a time: most of any news text
      uint64_t x;
      std::memcpy(&x, p + i, 8);
      if ((x & 0x8080808080808080ull) == 0) {
        units += 8;
        chars += 8;
        i += 8;
        continue;
      }
    }
    unsigned char c = p[i];
    if (c < 0x80) {
      ++units;
      ++chars;
      ++i;
      continue;
    }
    // The same stepping as the tokenizer's view of valid UTF-8 (continuation bytes skipped).
    uint8_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    uint8_t width = c >= 0xF0 ? 2 : 1;
    wide.push_back({i, units, len, width});
    units += width;
    for (uint32_t k = i; k < i + len && k < size; ++k) chars += (p[k] & 0xC0) != 0x80;
    i += len;
  }
  total_units = units;
  return chars;
}

// Converts every byte offset in the draft to UTF-16 code units.
void ToUtf16Offsets(const Utf16Map& map, Draft* report) {
  if (map.wide.empty()) return;
  for (auto& s : report->sentences) {
    s.start = map.Units(s.start);
    s.end = map.Units(s.end);
  }
  for (auto& m : report->mentions) {
    m.start = map.Units(m.start);
    m.end = map.Units(m.end);
  }
}

}  // namespace newslens
