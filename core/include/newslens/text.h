// newslens/text.h — UTF-8 text, tokens with offsets, sentences and paragraphs.
//
// All offsets in the core are UTF-8 byte offsets into the *sanitized* text (see SanitizeUtf8).
// Conversion to UTF-16 code units for JavaScript happens once, in report.cc (Utf16Offsets).
//
//   std::string text = newslens::SanitizeUtf8(raw);          // invalid bytes -> U+FFFD
//   std::vector<newslens::Token> tokens = newslens::Tokenize(text);
//   auto sentences = newslens::SplitSentences(text, tokens, abbreviations);
#ifndef NEWSLENS_TEXT_H_
#define NEWSLENS_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace newslens {

// Returns `text` with every invalid UTF-8 sequence (bad lead byte, truncated or overlong
// sequence, surrogate, > U+10FFFF) replaced by U+FFFD, and NUL bytes replaced by U+FFFD too,
// following the W3C/WHATWG "maximal subpart" practice. Valid input is returned unchanged.
std::string SanitizeUtf8(std::string_view text);

// True when `text` is valid UTF-8 without NUL bytes (SanitizeUtf8 would not change it).
bool IsValidUtf8(std::string_view text);

enum class TokenKind : uint8_t {
  kWord,    // letters/digits with internal apostrophes, hyphens, acronym dots: "don't", "U.S."
  kNumber,  // digits with separators, optional % : "190", "1,000", "3.5", "116%"
  kPunct,   // one punctuation mark: . , ; : ! ? ( ) " ' - and their Unicode forms
  kSymbol,  // anything else that is not space: emoji, currency signs, ...
};

// Token flags (bit set).
enum TokenFlag : uint16_t {
  kCapitalized = 1 << 0,  // first letter is an uppercase ASCII letter (or a non-ASCII letter)
  kAllCaps = 1 << 1,      // 2+ letters, all uppercase ASCII: "UN", "BRICS", "G20", "U.S."
  kCompound = 1 << 2,     // hyphenated compound head ("win-win"); its parts follow as kPart
  kPart = 1 << 3,         // one part of the preceding kCompound token
  kLineStart = 1 << 4,    // first token on its line
  kParagraphStart = 1 << 5,  // first token after a blank line or a dash-bullet line start
  kApostrophe = 1 << 6,   // contains an apostrophe (straight or curly)
  kAcronymDots = 1 << 7,  // letters separated by dots: "U.S.", "e.g."
};

struct Token {
  uint32_t begin = 0;  // byte offset, inclusive
  uint32_t end = 0;    // byte offset, exclusive
  TokenKind kind = TokenKind::kWord;
  uint16_t flags = 0;
  // For kPunct: the ASCII equivalent ('.', '!', '?', ',', ';', ':', '(', ')', '"', '-', 0x27);
  // curly quotes map to '"'/0x27, dashes to '-', the ellipsis to '.'. 0 for other kinds.
  char punct = 0;

  bool has(TokenFlag f) const { return (flags & f) != 0; }
  bool is_word() const { return kind == TokenKind::kWord || kind == TokenKind::kNumber; }
  std::string_view view(std::string_view text) const {
    return text.substr(begin, end - begin);
  }
};

// The most parts one hyphenated compound has: "state-of-the-art" has 4, "a-once-in-a-lifetime"
// 5. In a longer chain ("war-war-war-..."), the hyphen after every kMaxCompoundParts-th part is
// a punctuation token and the next part starts a new word, so that no token is longer than a
// few words' worth, whatever the input (issue 23).
inline constexpr uint32_t kMaxCompoundParts = 8;

// Splits sanitized UTF-8 text into tokens. Hyphenated compounds produce a kCompound token
// followed by one kPart token per part; callers keep either the compound or its parts (see
// Analyzer). Allocates only the output vector.
std::vector<Token> Tokenize(std::string_view text);
// The same into `out` (cleared first), reusing its memory.
void Tokenize(std::string_view text, std::vector<Token>* out);

// Writes the normalized lookup form of a word into `out` (cleared first): ASCII lowercased,
// curly apostrophes made straight, Unicode hyphens made '-', acronym dots removed ("U.S." ->
// "us"). Non-ASCII letters are kept as they are.
void NormalizeWord(std::string_view word, std::string* out);

// Reduces a normalized word to its light stem, used to match inflections of theme terms:
// plurals, possessives, -ed, -ing (after a stem of two or more syllables), and the -ation, -ize
// (-ise), -ction and -ment families, so that cooperate, cooperation, cooperating, cooperated and
// cooperations share one stem, as do modernize/modernisation and elect/election. It is a light
// Porter (1980) stemmer: steps 1a, 1b and 5a plus those families, with Porter's conditions. It
// keeps apart words that a wider stemmer joins although news uses them differently: policy and
// police, party and part, tradition and trade, billion and bill, international and intern,
// housing and house, ratings and rates. Dictionary terms and text both go through it.
void Stem(std::string_view normalized, std::string* out);

struct Span {
  uint32_t begin = 0;        // byte offset of the first character
  uint32_t end = 0;          // byte offset after the last character
  uint32_t first_token = 0;  // index into the token vector
  uint32_t last_token = 0;   // one past the last token
};

// Sentence boundaries: terminal punctuation (. ! ? …) followed by a capitalised word, a number,
// a quote or the end, unless the word before a '.' is in `abbreviations` (lowercase, without
// the dot: "mr", "dr", "e.g") or a single-letter initial; also blank lines and dash-bullet line
// starts. An abbreviation ends no sentence before a capitalised word on the same line; one in
// `before_names` (titles: "rep", "sen", "gen") not even across a line break, since a name
// follows it ("an amendment by Rep.\nRichard Gephardt"). Closing quotes and brackets after the
// punctuation stay with the sentence.
std::vector<Span> SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                                 const std::unordered_set<std::string>& abbreviations,
                                 const std::unordered_set<std::string>* before_names = nullptr);

// Paragraphs: runs of sentences separated by blank lines or lines starting with a dash bullet.
// Returns the number of paragraphs containing at least one word.
uint32_t CountParagraphs(const std::vector<Token>& tokens);

}  // namespace newslens

#endif  // NEWSLENS_TEXT_H_
