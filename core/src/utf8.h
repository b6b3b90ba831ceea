// Private: decoding one UTF-8 character and classifying it for the tokenizer.
#ifndef NEWSLENS_SRC_UTF8_H_
#define NEWSLENS_SRC_UTF8_H_

#include <cstdint>
#include <string_view>

namespace newslens::utf8 {

enum class CharClass : uint8_t { kSpace, kLetter, kDigit, kPunct, kApostrophe, kSymbol };

struct Char {
  uint32_t cp = 0;   // code point (U+FFFD for a broken sequence)
  uint8_t len = 1;   // bytes
  CharClass cls = CharClass::kSymbol;
  char ascii = 0;    // ASCII equivalent of punctuation ('"' for curly quotes, '-' for dashes)
};

// ASCII classes, indexed by byte.
struct AsciiTable {
  CharClass cls[128];
  char ascii[128];
  constexpr AsciiTable() : cls(), ascii() {
    for (int c = 0; c < 128; ++c) {
      cls[c] = CharClass::kSymbol;
      ascii[c] = 0;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
        cls[c] = CharClass::kSpace;
      else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        cls[c] = CharClass::kLetter;
      else if (c >= '0' && c <= '9')
        cls[c] = CharClass::kDigit;
      else if (c == '\'' || c == '`')
        cls[c] = CharClass::kApostrophe;
    }
    const char* punct = ".,;:!?()\"-/";
    for (const char* p = punct; *p; ++p) {
      cls[static_cast<int>(*p)] = CharClass::kPunct;
      ascii[static_cast<int>(*p)] = *p;
    }
    cls[static_cast<int>('[')] = cls[static_cast<int>('{')] = CharClass::kPunct;
    ascii[static_cast<int>('[')] = ascii[static_cast<int>('{')] = '(';
    cls[static_cast<int>(']')] = cls[static_cast<int>('}')] = CharClass::kPunct;
    ascii[static_cast<int>(']')] = ascii[static_cast<int>('}')] = ')';
  }
};
inline constexpr AsciiTable kAscii{};

inline Char ClassifyNonAscii(uint32_t cp) {
  Char c;
  c.cp = cp;
  auto punct = [&](char a) {
    c.cls = CharClass::kPunct;
    c.ascii = a;
    return c;
  };
  switch (cp) {
    case 0x00A0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
    case 0x3000: case 0xFEFF: case 0x200B:
      c.cls = CharClass::kSpace;
      if (cp == 0x2028 || cp == 0x2029) c.cp = '\n';
      return c;
    case 0x2018: case 0x2019: case 0x02BC: case 0x2032:
      c.cls = CharClass::kApostrophe;
      c.ascii = '\'';
      return c;
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: case 0x2033:
      return punct('"');
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0x2022:
      return punct('-');
    case 0x2026: case 0x3002: case 0xFF0E:
      return punct('.');
    case 0x00BF: case 0xFF1F:
      return punct('?');
    case 0x00A1: case 0xFF01:
      return punct('!');
    case 0xFF0C: case 0x3001: case 0x060C:
      return punct(',');
    case 0xFF1B: case 0x061B:
      return punct(';');
    case 0xFF1A:
      return punct(':');
    case 0x00D7: case 0x00F7:
      c.cls = CharClass::kSymbol;
      return c;
  }
  if (cp >= 0x2000 && cp <= 0x200A) {
    c.cls = CharClass::kSpace;
    return c;
  }
  if (cp < 0x00C0 || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x2E00 && cp <= 0x303F) ||
      (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFF00 && cp <= 0xFF0F) || cp == 0xFFFD ||
      (cp >= 0x1F000 && cp <= 0x1FFFF) || (cp >= 0xE0000)) {
    c.cls = CharClass::kSymbol;
    return c;
  }
  c.cls = CharClass::kLetter;
  return c;
}

// Decodes the character at byte i of valid UTF-8 (as produced by SanitizeUtf8). Robust on
// invalid input anyway: a broken byte decodes as one U+FFFD symbol of length 1.
inline Char Decode(std::string_view s, size_t i) {
  unsigned char b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    Char c;
    c.cp = b0;
    c.cls = kAscii.cls[b0];
    c.ascii = kAscii.ascii[b0];
    return c;
  }
  size_t n = s.size();
  uint32_t cp;
  uint8_t len;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    Char c;
    c.cp = 0xFFFD;
    return c;
  }
  if (i + len > n) {
    Char c;
    c.cp = 0xFFFD;
    return c;
  }
  for (size_t k = 1; k < len; ++k) {
    unsigned char b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      Char c;
      c.cp = 0xFFFD;
      return c;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  Char c = ClassifyNonAscii(cp);
  c.len = len;
  return c;
}

// Uppercase letters outside ASCII that start names: Latin-1, Latin Extended-A (even code
// points are uppercase), Greek and Cyrillic capitals.
inline bool IsUpperNonAscii(std::string_view s, size_t i) {
  uint32_t cp = Decode(s, i).cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return true;
  if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 0;
  if (cp >= 0x391 && cp <= 0x3A9) return true;
  if (cp >= 0x400 && cp <= 0x42F) return true;
  return false;
}

}  // namespace newslens::utf8

#endif  // NEWSLENS_SRC_UTF8_H_
