// Private: the per-thread cache of what each distinct word of the news resolves to (normalized
// form, dictionary ids), the expensive part of building a document (analyzer.cc).
#ifndef NEWSLENS_SRC_WORD_CACHE_H_
#define NEWSLENS_SRC_WORD_CACHE_H_

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string_view>

#include "document.h"
#include "newslens/text.h"
#include "vocab.h"

namespace newslens {

// What a word token resolves to: normalize, stem and dictionary ids, the expensive part of
// building a document. News repeats its words within an article and across articles, so each
// distinct (bytes, case/compound/apostrophe flags) is resolved once per thread and analyzer and
// kept in a WordCache.
struct ResolvedWord {
  uint32_t surface;      // Vocab id of the normalized form, or kNoId
  uint32_t key;          // ThemeEngine key, or kNoId
  uint32_t wild;         // ThemeEngine::RootWildcard, or kNoId
  uint32_t lower_begin;  // the normalized form: Document::kShared | offset in the cache's
  uint32_t lower_len;    // arena, or an offset in Document::lower when not cached
  bool whole;            // compound heads: kept whole (an engine knows the compound)
};

// The flags a word's resolution depends on besides its bytes (parts of a compound share bytes
// with whole words but not these flags). Whatever BuildDocument (analyzer.cc) reads from a token other than
// its bytes must be in this mask: ThemeEngine::KeyFor, RootWildcard, KnowsCompound and the
// vocabulary lookups read only these (themes.h says so at KeyFor).
constexpr uint16_t kMemoFlags = kAllCaps | kCompound | kApostrophe;

// Open-addressing table from word bytes to ResolvedWord, one per thread, kept across documents. It
// belongs to one analyzer at a time (ids differ between analyzers) and starts over when another
// analyzer uses the thread or when it is nearly full. Its memory is allocated once, at a fixed
// size (kSlots slots, kArenaBytes of word bytes), and never grows: analysing any number of
// articles leaves the heap where it was. Words too long to be worth caching, and words met
// while it is full, are resolved into the document alone.
class WordCache {
 public:
  static constexpr uint32_t kSlots = 1u << 16;       // power of two; at most half are used
  static constexpr uint32_t kArenaBytes = 1u << 20;  // original and normalized bytes of words
  static constexpr uint32_t kMaxWordBytes = 64;      // longer words are not cached

  // Called at the start of every document.
  void Begin(uint64_t owner);

  const char* arena() const { return arena_.get(); }

  // The cached resolution of a word (bytes, flags): *hit tells whether it was there; otherwise
  // the returned entry is to be filled, its normalized form copied with Keep(). nullptr when
  // the word cannot be cached.
  ResolvedWord* Find(const char* bytes, uint32_t len, uint16_t flags, bool* hit) {
    *hit = false;
    if (len > kMaxWordBytes) return nullptr;
    const uint64_t h = HashBytes(bytes, len) ^ flags;
    const uint32_t tag = static_cast<uint32_t>(h >> 32);
    constexpr uint32_t mask = kSlots - 1;
    for (uint32_t i = static_cast<uint32_t>(h) & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.generation != generation_) {
        // 2 * len: the word and, at most as long, its normalized form.
        if (used_ + 1 > kSlots / 2 || arena_used_ + 2 * len > kArenaBytes) return nullptr;
        ++used_;
        s.generation = generation_;
        s.tag = tag;
        s.begin = arena_used_;
        s.len = static_cast<uint8_t>(len);
        s.flags = flags;
        std::memcpy(arena_.get() + arena_used_, bytes, len);
        arena_used_ += len;
        return &s.info;
      }
      if (s.tag == tag && s.len == len && s.flags == flags &&
          SameBytes(arena_.get() + s.begin, bytes, len)) {
        *hit = true;
        return &s.info;
      }
    }
  }

  // Copies a normalized form (no longer than the word just added by Find) into the arena and
  // returns its offset with Document::kShared set.
  uint32_t Keep(std::string_view norm) {
    const uint32_t at = arena_used_;
    std::memcpy(arena_.get() + at, norm.data(), norm.size());
    arena_used_ += static_cast<uint32_t>(norm.size());
    return Document::kShared | at;
  }

 private:
  // a[0, len) == b[0, len): a word of 4 to 16 bytes (most) in two overlapping loads a side
  // instead of a call of memcmp.
  static bool SameBytes(const char* a, const char* b, uint32_t len) {
    if (len >= 8 && len <= 16) {
      uint64_t a0, a1, b0, b1;
      std::memcpy(&a0, a, 8);
      std::memcpy(&a1, a + len - 8, 8);
      std::memcpy(&b0, b, 8);
      std::memcpy(&b1, b + len - 8, 8);
      return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    }
    if (len >= 4 && len < 8) {
      uint32_t a0, a1, b0, b1;
      std::memcpy(&a0, a, 4);
      std::memcpy(&a1, a + len - 4, 4);
      std::memcpy(&b0, b, 4);
      std::memcpy(&b1, b + len - 4, 4);
      return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    }
    return std::memcmp(a, b, len) == 0;
  }
  struct Slot {  // trivial: all zeros is an empty slot
    uint32_t generation;
    uint32_t tag;
    uint32_t begin;
    uint8_t len;
    uint16_t flags;
    ResolvedWord info;
  };
  struct Free {
    void operator()(Slot* p) const { std::free(p); }
  };
  std::unique_ptr<Slot[], Free> slots_;
  std::unique_ptr<char[]> arena_;
  uint64_t owner_ = 0;
  uint32_t used_ = 0, arena_used_ = 0, generation_ = 0;
};

}  // namespace newslens

#endif  // NEWSLENS_SRC_WORD_CACHE_H_
