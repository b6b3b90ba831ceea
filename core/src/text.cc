#include "newslens/text.h"

#include <cstring>

#include "utf8.h"

namespace newslens {

namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence at p (1..4), or 0 if it is invalid ("maximal subpart":
// the caller then replaces one byte, or the longest valid prefix, with U+FFFD).
size_t ValidSequence(const unsigned char* p, size_t n, size_t* bad_len) {
  unsigned char c = p[0];
  *bad_len = 1;
  if (c < 0x80) return c == 0 ? 0 : 1;
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (size_t i = 1; i < len; ++i) {
    if (i >= n) return 0;
    unsigned char b = p[i];
    unsigned char l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
    if (b < l || b > h) return 0;
    *bad_len = i + 1;
  }
  return len;
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  auto* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size(), i = 0, bad;
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  while (i < n) {
    // Eight ASCII bytes, none of them NUL, at a time: most of any news text.
    if (i + 8 <= n) {
      uint64_t x;
      std::memcpy(&x, p + i, 8);
      if (((x | ((x - kOnes) & ~x)) & kHigh) == 0) {
        i += 8;
        continue;
      }
    }
    if (p[i] >= 0x80 || p[i] == 0) {
      size_t len = ValidSequence(p + i, n - i, &bad);
      if (len == 0) return false;
      i += len;
    } else {
      ++i;
    }
  }
  return true;
}

std::string SanitizeUtf8(std::string_view text) {
  if (IsValidUtf8(text)) return std::string(text);
  auto* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size(), i = 0, bad;
  std::string out;
  out.reserve(n + 16);
  while (i < n) {
    size_t len = ValidSequence(p + i, n - i, &bad);
    if (len == 0 && p[i] == 0xED && i + 2 < n && p[i + 1] >= 0xA0 && p[i + 1] <= 0xBF &&
        (p[i + 2] & 0xC0) == 0x80) {
      // An encoded UTF-16 surrogate (what a JS string with a lone surrogate becomes): one
      // U+FFFD for the three bytes, so UTF-16 offsets stay aligned with the JS string.
      out += kReplacement;
      i += 3;
      continue;
    }
    if (len == 0) {
      out += kReplacement;
      // Maximal subpart: skip the valid prefix of the broken sequence (at least one byte).
      i += bad;
    } else {
      out.append(text.data() + i, len);
      i += len;
    }
  }
  return out;
}

namespace {

using utf8::CharClass;

inline bool IsAsciiUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// ASCII letters and digits by byte, for the tokenizer's run over the inside of a word.
enum : uint8_t { kLowerByte = 1, kUpperByte = 2, kDigitByte = 4 };
struct WordBytes {
  uint8_t cls[256];
  constexpr WordBytes() : cls() {
    for (int c = 'a'; c <= 'z'; ++c) cls[c] = kLowerByte;
    for (int c = 'A'; c <= 'Z'; ++c) cls[c] = kUpperByte;
    for (int c = '0'; c <= '9'; ++c) cls[c] = kDigitByte;
  }
};
inline constexpr WordBytes kWordBytes{};

}  // namespace

// ---- The tokenizer, one function per case --------------------------------------------------

namespace {

// Where the text is between tokens: at the start of a line, of a paragraph (after a blank line).
struct Layout {
  bool line_start = true;
  bool paragraph_start = true;
  int newlines = 0;
};

// Spaces and line breaks between tokens: a newline starts a line, two start a paragraph.
inline void SkipSpace(const utf8::Char& ch, Layout* layout) {
  if (ch.cp == '\n') {
    ++layout->newlines;
    layout->line_start = true;
    if (layout->newlines >= 2) layout->paragraph_start = true;
  }
}

// A token's place in the layout. A dash bullet at the start of a line opens a paragraph
// ("— The direction ...").
inline void OpenToken(const utf8::Char& ch, size_t at, Layout* layout, Token* t) {
  t->begin = static_cast<uint32_t>(at);
  if (layout->line_start) {
    t->flags |= kLineStart;
    if (ch.cls == CharClass::kPunct && ch.ascii == '-') layout->paragraph_start = true;
  }
  if (layout->paragraph_start) t->flags |= kParagraphStart;
  layout->line_start = false;
  layout->paragraph_start = false;
  layout->newlines = 0;
}

// What a word is made of so far, for its kind and case flags and for the joining rules.
struct WordShape {
  bool all_digits = true, has_letter = false, any_lower = false, any_upper = false;
  int letters = 0, hyphens = 0;
  bool acronym_dots = false;
  size_t segment_letters = 0;  // letters since the last dot, for acronym detection
  bool dots_ok = true;
};

// A run of ASCII letters and digits from j, most of any word, read without decoding. Returns
// where it ends.
inline size_t AsciiRun(std::string_view text, size_t j, WordShape* w) {
  const size_t n = text.size();
  uint8_t seen = 0;
  size_t k = j;
  for (; k < n; ++k) {
    const uint8_t c = kWordBytes.cls[static_cast<unsigned char>(text[k])];
    if (!c) break;
    seen |= c;
  }
  if (k > j) {
    // The letters of the run: all of it, unless it has digits (rare: counted again).
    size_t run_letters = k - j;
    if (seen & kDigitByte)
      for (size_t q = j; q < k; ++q)
        run_letters -= kWordBytes.cls[static_cast<unsigned char>(text[q])] == kDigitByte;
    if (seen & (kLowerByte | kUpperByte)) {
      w->all_digits = false;
      w->has_letter = true;
      w->any_lower |= (seen & kLowerByte) != 0;
      w->any_upper |= (seen & kUpperByte) != 0;
    }
    w->letters += static_cast<int>(run_letters);
    w->segment_letters += run_letters;
  }
  return k;
}

// Any other letter or digit of a word.
inline void AddLetterOrDigit(const utf8::Char& c, WordShape* w) {
  if (c.cls != CharClass::kLetter) return;
  w->all_digits = false;
  w->has_letter = true;
  ++w->letters;
  ++w->segment_letters;
  if (c.cp < 0x80) {
    if (IsAsciiUpper(static_cast<unsigned char>(c.cp))) w->any_upper = true;
    if (IsAsciiLower(static_cast<unsigned char>(c.cp))) w->any_lower = true;
  } else {
    w->any_lower = true;  // non-ASCII letters never make a token "all caps"
  }
}

// What a joining rule decides about the character c at j, followed by `next`.
enum class Join {
  kNotThisRule,  // the rule does not apply: try the next one
  kJoins,        // c is inside the word (*j moved past it)
  kEnds,         // the word ends here (*j at its end)
};

// An apostrophe before a letter joins ("don't", "O'Brien"); a possessive "'s" ends the word
// and does not change the case of what it follows ("UN's" is capitals).
inline Join JoinApostrophe(std::string_view text, const utf8::Char& c, const utf8::Char& next,
                           size_t* j, Token* t) {
  if (c.cls != CharClass::kApostrophe || next.cls != CharClass::kLetter) return Join::kNotThisRule;
  t->flags |= kApostrophe;
  const size_t after = *j + c.len + next.len;
  const bool possessive =
      (next.cp == 's' || next.cp == 'S') &&
      (after >= text.size() || utf8::Decode(text, after).cls != CharClass::kLetter);
  *j += c.len;
  if (!possessive) return Join::kJoins;
  *j += next.len;
  return Join::kEnds;
}

// A hyphen (not an em or en dash) between letters or digits joins a compound ("win-win"), of
// at most kMaxCompoundParts parts: the hyphen after the last is a mark of its own, and a new
// word starts after it.
inline Join JoinHyphen(const utf8::Char& c, bool next_alnum, size_t* j, WordShape* w) {
  if (c.cls != CharClass::kPunct || c.ascii != '-' || c.cp == 0x2014 || c.cp == 0x2013 ||
      !next_alnum)
    return Join::kNotThisRule;
  if (w->hyphens + 1 >= static_cast<int>(kMaxCompoundParts)) return Join::kEnds;
  ++w->hyphens;
  *j += c.len;
  return Join::kJoins;
}

// A dot before a letter or digit joins a decimal number ("3.5") and single letters of an
// acronym ("U.S", "e.g"); any other such dot ends the word and stops acronym dots.
inline Join JoinDot(std::string_view text, const utf8::Char& c, const utf8::Char& next,
                    bool next_alnum, size_t* j, WordShape* w) {
  if (c.cp != '.' || !next_alnum) return Join::kNotThisRule;
  if (w->all_digits && next.cls == CharClass::kDigit) {
    *j += 1;
    return Join::kJoins;
  }
  if (!w->all_digits && w->segment_letters == 1 && next.cls == CharClass::kLetter) {
    const size_t k = *j + 1 + next.len;
    const bool single = k >= text.size() || text[k] == '.';
    if (single && w->dots_ok) {
      w->acronym_dots = true;
      w->segment_letters = 0;
      *j += 1;
      return Join::kJoins;
    }
  }
  w->dots_ok = false;
  return Join::kEnds;
}

// A comma followed by exactly three digits joins a number ("1,000").
inline Join JoinThousands(std::string_view text, const utf8::Char& c, const utf8::Char& next,
                          size_t* j, const WordShape& w) {
  const size_t n = text.size(), at = *j;
  if (c.cp == ',' && w.all_digits && next.cls == CharClass::kDigit && at + 3 < n &&
      IsAsciiDigit(text[at + 1]) && IsAsciiDigit(text[at + 2]) && IsAsciiDigit(text[at + 3]) &&
      (at + 4 >= n || !IsAsciiDigit(text[at + 4]))) {
    *j += 1;
    return Join::kJoins;
  }
  return Join::kNotThisRule;
}

// The end of the word starting at i: letters and digits, and what the joining rules let in.
inline size_t WordEnd(std::string_view text, size_t i, WordShape* w, Token* t) {
  const size_t n = text.size();
  size_t j = i;
  while (j < n) {
    j = AsciiRun(text, j, w);
    if (j >= n) break;
    const unsigned char b = static_cast<unsigned char>(text[j]);
    if (b < 0x80 && utf8::kAscii.cls[b] == CharClass::kSpace) break;  // most word ends
    const utf8::Char c = utf8::Decode(text, j);
    if (c.cls == CharClass::kLetter || c.cls == CharClass::kDigit) {
      AddLetterOrDigit(c, w);
      j += c.len;
      continue;
    }
    if (j + c.len >= n) break;
    const utf8::Char next = utf8::Decode(text, j + c.len);
    const bool next_alnum = next.cls == CharClass::kLetter || next.cls == CharClass::kDigit;
    Join join = JoinApostrophe(text, c, next, &j, t);
    if (join == Join::kNotThisRule) join = JoinHyphen(c, next_alnum, &j, w);
    if (join == Join::kNotThisRule) join = JoinDot(text, c, next, next_alnum, &j, w);
    if (join == Join::kNotThisRule) join = JoinThousands(text, c, next, &j, *w);
    if (join != Join::kJoins) break;
  }
  return j;
}

// A word's end marks and flags: the final dot of "U.S.", a percent sign after a number, its kind
// (number when all digits), capitalised and all-capitals flags. Returns the word's end.
inline size_t FinishWord(std::string_view text, size_t i, size_t j, const WordShape& w,
                         Token* t) {
  const size_t n = text.size();
  if (w.acronym_dots) {
    // Swallow the final dot of "U.S." when the last segment is a single letter.
    if (j < n && text[j] == '.' && w.segment_letters == 1) ++j;
    t->flags |= kAcronymDots;
  }
  if (w.all_digits && j < n && text[j] == '%') ++j;
  t->end = static_cast<uint32_t>(j);
  t->kind = w.all_digits ? TokenKind::kNumber : TokenKind::kWord;
  if (w.has_letter) {
    const unsigned char first = static_cast<unsigned char>(text[i]);
    if (IsAsciiUpper(first) || (first >= 0x80 && utf8::IsUpperNonAscii(text, i)))
      t->flags |= kCapitalized;
    if (w.any_upper && !w.any_lower && w.letters >= 2) t->flags |= kAllCaps;
  }
  return j;
}

// Appends t, growing the vector by half (not doubling) when full: a huge input's token array
// then overshoots its size by a quarter on average instead of a half.
inline void Push(std::vector<Token>* tokens, const Token& t) {
  if (tokens->size() == tokens->capacity())
    tokens->reserve(tokens->size() + tokens->size() / 2 + 16);
  tokens->push_back(t);
}

// One part of a hyphenated compound, [begin, end), with its own kind and case flags.
inline Token CompoundPart(std::string_view text, size_t begin, size_t end) {
  Token p;
  p.begin = static_cast<uint32_t>(begin);
  p.end = static_cast<uint32_t>(end);
  p.flags = kPart;
  bool digits = true, up = false, low = false;
  int letters = 0;
  for (size_t q = begin; q < end; ++q) {
    const unsigned char b = static_cast<unsigned char>(text[q]);
    if (!IsAsciiDigit(b) && b != '.' && b != ',' && b != '%') digits = false;
    if (IsAsciiUpper(b)) {
      up = true;
      ++letters;
    } else if (IsAsciiLower(b) || b >= 0x80) {
      low = true;
      ++letters;
    }
  }
  p.kind = digits ? TokenKind::kNumber : TokenKind::kWord;
  if (IsAsciiUpper(static_cast<unsigned char>(text[begin]))) p.flags |= kCapitalized;
  if (up && !low && letters >= 2) p.flags |= kAllCaps;
  return p;
}

// The parts of the compound [i, j), emitted after its head: split at each hyphen.
inline void AppendCompoundParts(std::string_view text, size_t i, size_t j,
                                std::vector<Token>* tokens) {
  size_t k = i, part_begin = i;
  while (k <= j) {
    const bool at_end = k == j;
    utf8::Char c{};
    if (!at_end) c = utf8::Decode(text, k);
    if (at_end || (c.cls == CharClass::kPunct && c.ascii == '-')) {
      if (k > part_begin) Push(tokens, CompoundPart(text, part_begin, k));
      if (at_end) break;
      k += c.len;
      part_begin = k;
    } else {
      k += c.len;
    }
  }
}

// A word or number starting at i: the token, then the parts if it is a compound. Returns its end.
inline size_t AppendWord(std::string_view text, size_t i, Token t, std::vector<Token>* tokens) {
  WordShape w;
  size_t j = WordEnd(text, i, &w, &t);
  j = FinishWord(text, i, j, w, &t);
  Push(tokens, t);
  if (w.hyphens > 0) {
    tokens->back().flags |= kCompound;
    AppendCompoundParts(text, i, j, tokens);
  }
  return j;
}

// Any other character is a token of its own: punctuation (with its ASCII equivalent) or a symbol.
inline void AppendPunctOrSymbol(const utf8::Char& ch, size_t i, Token t,
                                std::vector<Token>* tokens) {
  t.end = static_cast<uint32_t>(i + ch.len);
  if (ch.cls == CharClass::kPunct || ch.cls == CharClass::kApostrophe) {
    t.kind = TokenKind::kPunct;
    t.punct = ch.cls == CharClass::kApostrophe ? '\'' : ch.ascii;
  } else {
    t.kind = TokenKind::kSymbol;
  }
  Push(tokens, t);
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  return tokens;
}

void Tokenize(std::string_view text, std::vector<Token>* out) {
  std::vector<Token>& tokens = *out;
  tokens.clear();
  tokens.reserve(text.size() / 5 + 4);
  const size_t n = text.size();
  Layout layout;
  for (size_t i = 0; i < n;) {
    if (text[i] == ' ') {  // the commonest character between tokens
      ++i;
      continue;
    }
    const utf8::Char ch = utf8::Decode(text, i);
    if (ch.cls == CharClass::kSpace) {
      SkipSpace(ch, &layout);
      i += ch.len;
      continue;
    }
    Token t;
    OpenToken(ch, i, &layout, &t);
    if (ch.cls == CharClass::kLetter || ch.cls == CharClass::kDigit) {
      i = AppendWord(text, i, t, &tokens);
    } else {
      AppendPunctOrSymbol(ch, i, t, &tokens);
      i += ch.len;
    }
  }
}

void NormalizeWord(std::string_view word, std::string* out) {
  // The normalized form is never longer than the word: write into a buffer of that size.
  out->resize(word.size());
  char* o = out->data();
  size_t i = 0, n = word.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      if (c != '.') *o++ = IsAsciiUpper(c) ? static_cast<char>(c + 32) : static_cast<char>(c);
      ++i;  // acronym dots are dropped
      continue;
    }
    utf8::Char ch = utf8::Decode(word, i);
    if (ch.cls == CharClass::kApostrophe) {
      *o++ = '\'';
    } else if (ch.cls == CharClass::kPunct && ch.ascii == '-') {
      *o++ = '-';
    } else {
      std::memcpy(o, word.data() + i, ch.len);
      o += ch.len;
    }
    i += ch.len;
  }
  out->resize(static_cast<size_t>(o - out->data()));
}

namespace {

// The stemmer follows Porter (1980), "An algorithm for suffix stripping": its measure m (the
// number of vowel-consonant sequences), steps 1a/1b (plurals, -ed, -ing) and 5a (final e), and
// of the derivational steps only the -ation/-ize/-ction/-ment families, with Porter's
// conditions. Stripping more (-ity, -ness, -ive, -ion, -ly, final y) joins words news keeps
// apart: policy/police, party/part, tradition/trade, billion/bill, international/intern,
// securities/secure, reality/real, treaty/treat, unity/unit (docs/dictionaries.md).

bool IsVowelAt(const char* s, size_t i) {
  char c = s[i];
  if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') return true;
  return c == 'y' && i > 0 && !IsVowelAt(s, i - 1);  // "y" after a consonant is a vowel
}

// Porter's m of s[0, n): the word is [C](VC){m}[V].
int Measure(const char* s, size_t n) {
  int m = 0;
  size_t i = 0;
  while (i < n && !IsVowelAt(s, i)) ++i;
  while (i < n) {
    while (i < n && IsVowelAt(s, i)) ++i;
    if (i >= n) break;
    while (i < n && !IsVowelAt(s, i)) ++i;
    ++m;
  }
  return m;
}

bool HasVowel(const char* s, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (IsVowelAt(s, i)) return true;
  return false;
}

// Porter's *o: s[0, n) ends consonant-vowel-consonant, the last not w, x or y ("trad", "plan").
bool EndsCvc(const char* s, size_t n) {
  if (n < 3 || IsVowelAt(s, n - 1) || !IsVowelAt(s, n - 2) || IsVowelAt(s, n - 3)) return false;
  return s[n - 1] != 'w' && s[n - 1] != 'x' && s[n - 1] != 'y';
}

// s[0, n) ends with the literal `suffix` (its length known at compile time: no strlen).
template <size_t N>
inline bool Ends(const char* s, size_t n, const char (&suffix)[N]) {
  constexpr size_t k = N - 1;
  return n >= k && std::memcmp(s + n - k, suffix, k) == 0;
}

constexpr size_t kShortWord = 3;  // words this short are never stemmed ("us", "gas", "bus")
// -ing comes off only when the stem before it has m >= 2 (cooperating, negotiating, financing).
// After a one-syllable stem the -ing word is mostly a noun of its own: housing, banking,
// meeting, ruling, training, shipping, boxing, racing, earnings, ratings, savings.
constexpr int kMinMeasureIng = 2;

// Derivational families: a suffix, what replaces it, and Porter's condition on the stem before
// it (least m), or for -ction the least number of letters. The first suffix that ends the word
// decides; a word loses at most one. None makes a word longer.
struct Family {
  const char* suffix;
  size_t size;
  const char* replacement;
  size_t replacement_size;
  int min_measure;
  size_t min_letters;
};
#define NEWSLENS_FAMILY(suf, rep, m, letters) \
  Family{suf, sizeof(suf) - 1, rep, sizeof(rep) - 1, m, letters}
constexpr Family kFamilies[] = {
    NEWSLENS_FAMILY("ization", "ize", 1, 0),  // modernization -> modernize
    NEWSLENS_FAMILY("isation", "ize", 1, 0),  // modernisation -> modernize
    NEWSLENS_FAMILY("ational", "ate", 1, 0),  // operational -> operate; national stays (m = 0)
    NEWSLENS_FAMILY("ation", "ate", 1, 0),    // cooperation -> cooperate; nation, station stay
    NEWSLENS_FAMILY("ction", "ct", 0, 3),     // election -> elect; faction, section, action stay
    NEWSLENS_FAMILY("ment", "", 2, 0),        // investment -> invest; statement, payment stay
    NEWSLENS_FAMILY("ise", "ize", 1, 0),      // modernise -> modernize; rise, noise stay (m = 0)
};
#undef NEWSLENS_FAMILY

// Stems s[0, n) in place and returns the new length (never longer than n).
size_t StemInPlace(char* s, size_t n) {
  // Only plain ASCII words are stemmed; names with accents or digits stay as they are.
  for (size_t i = 0; i < n; ++i)
    if (!IsAsciiLower(static_cast<unsigned char>(s[i])) && s[i] != '\'' && s[i] != '-') return n;
  if (n <= kShortWord) return n;
  // Possessives.
  if (Ends(s, n, "'s")) n -= 2;
  else if (Ends(s, n, "'")) n -= 1;
  // Step 1a, plurals.
  if (Ends(s, n, "sses")) {
    n -= 2;
  } else if (Ends(s, n, "ies") && n > 4) {
    n -= 3;
    s[n++] = 'y';
  } else if (Ends(s, n, "s") && !Ends(s, n, "ss") && !Ends(s, n, "us") && !Ends(s, n, "is") &&
             n > 3) {
    n -= 1;
    if (Ends(s, n, "che") || Ends(s, n, "she") || Ends(s, n, "xe") || Ends(s, n, "sse") ||
        Ends(s, n, "zze"))
      n -= 1;
  }
  // Step 1b, -ing / -ied / -ed, then Porter's repairs of what is left: "cooperat" ->
  // "cooperate", "plann" -> "plan", "trad" -> "trade" (m = 1 ending consonant-vowel-consonant).
  bool verb = false;
  if (n > 5 && Ends(s, n, "ing") && HasVowel(s, n - 3) && Measure(s, n - 3) >= kMinMeasureIng) {
    n -= 3;
    verb = true;
  } else if (n > 4 && Ends(s, n, "ied")) {
    n -= 3;
    s[n++] = 'y';
  } else if (n > 4 && Ends(s, n, "ed") && !Ends(s, n, "eed") && HasVowel(s, n - 2)) {
    n -= 2;
    verb = true;
  }
  if (verb) {
    char last = s[n - 1];
    if (Ends(s, n, "at") || Ends(s, n, "bl") || Ends(s, n, "iz") || Ends(s, n, "is")) {
      s[n++] = 'e';
    } else if (last == s[n - 2] && !IsVowelAt(s, n - 1) && last != 'l' && last != 's' &&
               last != 'z' && n > kShortWord) {
      n -= 1;
    } else if (Measure(s, n) == 1 && EndsCvc(s, n)) {
      s[n++] = 'e';
    }
  }
  // Derivational families.
  for (const Family& f : kFamilies) {
    if (n < f.size || std::memcmp(s + n - f.size, f.suffix, f.size) != 0) continue;
    size_t stem = n - f.size;
    if (stem >= f.min_letters && Measure(s, stem) >= f.min_measure) {
      std::memcpy(s + stem, f.replacement, f.replacement_size);
      n = stem + f.replacement_size;
    }
    break;
  }
  // Step 5a, final e: "cooperate" -> "cooperat"; "trade", "state", "plane" keep theirs (m = 1,
  // consonant-vowel-consonant), so they stay apart from "trad", "stat", "plan".
  if (n > kShortWord && s[n - 1] == 'e') {
    int m = Measure(s, n - 1);
    if (m > 1 || (m == 1 && !EndsCvc(s, n - 1))) --n;
  }
  return n;
}

}  // namespace

void Stem(std::string_view normalized, std::string* out) {
  out->assign(normalized.data(), normalized.size());
  out->resize(StemInPlace(out->data(), out->size()));
}

std::vector<Span> SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                                 const std::unordered_set<std::string>& abbreviations,
                                 const std::unordered_set<std::string>* before_names) {
  std::vector<Span> out;
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  uint32_t start = 0;
  std::string lower;
  auto close = [&](uint32_t end_tok) {
    // Skip sentences that hold no word or number (a stray quote, a dash line).
    bool has_word = false;
    for (uint32_t k = start; k < end_tok; ++k)
      if (tokens[k].is_word()) has_word = true;
    if (end_tok > start && has_word) {
      Span s;
      s.first_token = start;
      s.last_token = end_tok;
      s.begin = tokens[start].begin;
      s.end = tokens[end_tok - 1].end;
      out.push_back(s);
    }
    start = end_tok;
  };
  for (uint32_t i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    if (i > start && t.has(kParagraphStart)) close(i);
    if (t.kind != TokenKind::kPunct) continue;
    char p = t.punct;
    bool terminal = p == '!' || p == '?' || (p == '.');
    if (!terminal) continue;
    // Absorb runs of terminal punctuation and closing quotes/brackets: ?!" )
    uint32_t j = i + 1;
    while (j < n && tokens[j].kind == TokenKind::kPunct &&
           (tokens[j].punct == '.' || tokens[j].punct == '!' || tokens[j].punct == '?' ||
            tokens[j].punct == '"' || tokens[j].punct == '\'' || tokens[j].punct == ')') &&
           tokens[j].begin == tokens[j - 1].end)
      ++j;
    if (j >= n) {
      close(n);
      i = n;
      break;
    }
    const Token& next = tokens[j];
    bool next_starts = next.has(kCapitalized) || next.kind == TokenKind::kNumber ||
                       next.has(kLineStart) || next.kind == TokenKind::kSymbol ||
                       (next.kind == TokenKind::kPunct &&
                        (next.punct == '"' || next.punct == '\'' || next.punct == '(' ||
                         next.punct == '-'));
    if (!next_starts) continue;
    if (p == '.' && i > 0 && tokens[i - 1].kind == TokenKind::kWord &&
        tokens[i - 1].end == t.begin && !next.has(kParagraphStart)) {
      const Token& prev = tokens[i - 1];
      NormalizeWord(prev.view(text), &lower);
      // "J. Smith": a single capital letter is an initial. Abbreviations: "Mr.", "Dr.". A title
      // keeps its name even when the line breaks between them ("Rep.\nRichard Gephardt").
      bool initial = prev.end - prev.begin == 1 && prev.has(kCapitalized);
      bool title = before_names && next.has(kCapitalized) && before_names->count(lower);
      if (title || (!next.has(kLineStart) && (initial || abbreviations.count(lower)))) continue;
    }
    close(j);
    i = j - 1;
  }
  if (start < n) close(n);
  return out;
}

uint32_t CountParagraphs(const std::vector<Token>& tokens) {
  uint32_t count = 0;
  bool open = false;
  for (const Token& t : tokens) {
    if (t.has(kParagraphStart)) open = false;
    if (t.is_word() && !t.has(kPart) && !open) {
      ++count;
      open = true;
    }
  }
  return count;
}

}  // namespace newslens
