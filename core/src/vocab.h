// Private: interning strings to dense ids, and a phrase trie over those ids.
#ifndef NEWSLENS_SRC_VOCAB_H_
#define NEWSLENS_SRC_VOCAB_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace newslens {

inline constexpr uint32_t kNoId = 0xFFFFFFFFu;

// 64-bit hash of a short string: 8 bytes at a time, multiply-xorshift mixing.
inline uint64_t HashBytes(const char* p, size_t n) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h = n * kMul;
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  if (n) {
    // The last 1-7 bytes as a little-endian word (what memcpy(&w, p, n) gives on the targets,
    // x86-64 and wasm), from two fixed-size loads: a memcpy of a variable length is a call, and
    // was a third of the cost of interning a word at start-up.
    uint64_t w;
    const unsigned char* b = reinterpret_cast<const unsigned char*>(p);
    if (n >= 4) {
      uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      w = lo | static_cast<uint64_t>(hi) << (8 * (n - 4));  // overlapping bytes agree
    } else {
      w = b[0] | static_cast<uint64_t>(b[n / 2]) << (8 * (n / 2)) |
          static_cast<uint64_t>(b[n - 1]) << (8 * (n - 1));
    }
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  h *= kMul;
  return h ^ (h >> 32);
}

// String -> dense id (0, 1, 2, ...). Open addressing, linear probing, power-of-two capacity,
// the strings in one arena. Built once; Find() is const and allocation-free.
class Vocab {
 public:
  Vocab() { Rehash(1024); }

  // Room for `n` strings of `bytes` bytes in all, so that interning them rehashes nothing.
  void Reserve(size_t n, size_t bytes = 0) {
    size_t capacity = slots_.size();
    while (capacity < 2 * n) capacity *= 2;
    if (capacity > slots_.size()) Rehash(capacity);
    offsets_.reserve(n);
    arena_.reserve(bytes);
  }

  uint32_t Intern(std::string_view s) {
    const uint64_t h = HashBytes(s.data(), s.size());
    size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    for (;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.id == kNoId) break;
      if (slot.hash == static_cast<uint32_t>(h) && Equals(slot.id, s)) return slot.id;
    }
    return Add(s, static_cast<uint32_t>(h), i);
  }

  uint32_t Find(std::string_view s) const {
    uint64_t h = HashBytes(s.data(), s.size());
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.id == kNoId) return kNoId;
      if (slot.hash == static_cast<uint32_t>(h) && Equals(slot.id, s)) return slot.id;
    }
  }

  std::string_view str(uint32_t id) const {
    return std::string_view(arena_).substr(offsets_[id].first, offsets_[id].second);
  }
  uint32_t size() const { return static_cast<uint32_t>(offsets_.size()); }

 private:
  struct Slot {
    uint32_t hash = 0;  // the low 32 bits of HashBytes: all a slot index (< 2^32) needs
    uint32_t id = kNoId;
  };
  bool Equals(uint32_t id, std::string_view s) const {
    const auto& [begin, len] = offsets_[id];
    return len == s.size() && std::memcmp(arena_.data() + begin, s.data(), len) == 0;
  }
  // A new string, at empty slot `i` of its probe sequence. Out of line: Intern's lookup, the
  // common case, stays small.
#if defined(__GNUC__)
  __attribute__((noinline))
#endif
  uint32_t Add(std::string_view s, uint32_t h, size_t i) {
    const uint32_t id = static_cast<uint32_t>(offsets_.size());
    offsets_.push_back({static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(s.size())});
    arena_.append(s.data(), s.size());
    if (offsets_.size() * 2 > slots_.size()) {
      Rehash(slots_.size() * 2);
      Insert(h, id);
    } else {
      slots_[i] = {h, id};
    }
    return id;
  }
  void Insert(uint32_t h, uint32_t id) {
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      if (slots_[i].id == kNoId) {
        slots_[i] = {h, id};
        return;
      }
    }
  }
  // Re-places the slots by their stored hashes: no string is hashed again.
  void Rehash(size_t capacity) {
    std::vector<Slot> old(capacity);
    old.swap(slots_);
    for (const Slot& s : old)
      if (s.id != kNoId) Insert(s.hash, s.id);
  }

  std::vector<Slot> slots_;
  std::vector<std::pair<uint32_t, uint32_t>> offsets_;
  std::string arena_;
};

// A trie over sequences of ids, for multi-word phrases. Node 0 is the root. Edges live in one
// hash table keyed by (node, id), so a lookup is one probe per word.
class PhraseTrie {
 public:
  PhraseTrie() : nodes_(1), edges_(1024) {}

  // Inserts a sequence; returns its node. payload(node) is the caller's terminal value.
  uint32_t Insert(const std::vector<uint32_t>& ids) {
    uint32_t node = 0;
    for (uint32_t id : ids) {
      uint32_t next = Child(node, id);
      if (next == kNoId) {
        next = static_cast<uint32_t>(nodes_.size());
        nodes_.push_back(Node{});
        AddEdge(node, id, next);
      }
      node = next;
    }
    return node;
  }

  uint32_t Child(uint32_t node, uint32_t id) const {
    uint64_t key = (static_cast<uint64_t>(node) << 32) | id;
    uint64_t h = Mix(key);
    size_t mask = edges_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Edge& e = edges_[i];
      if (e.child == kNoId) return kNoId;
      if (e.key == key) return e.child;
    }
  }

  uint32_t& payload(uint32_t node) { return nodes_[node].payload; }
  uint32_t payload(uint32_t node) const { return nodes_[node].payload; }
  uint32_t size() const { return static_cast<uint32_t>(nodes_.size()); }

 private:
  struct Node {
    uint32_t payload = kNoId;
  };
  struct Edge {
    uint64_t key = 0;
    uint32_t child = kNoId;
  };
  static uint64_t Mix(uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    return k;
  }
  void AddEdge(uint32_t node, uint32_t id, uint32_t child) {
    if ((edge_count_ + 1) * 2 > edges_.size()) {
      std::vector<Edge> old(edges_.size() * 2);
      old.swap(edges_);
      for (const Edge& e : old)
        if (e.child != kNoId) Place(e);
    }
    Place(Edge{(static_cast<uint64_t>(node) << 32) | id, child});
    ++edge_count_;
  }
  void Place(const Edge& e) {
    size_t mask = edges_.size() - 1;
    for (size_t i = Mix(e.key) & mask;; i = (i + 1) & mask) {
      if (edges_[i].child == kNoId) {
        edges_[i] = e;
        return;
      }
    }
  }

  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  size_t edge_count_ = 0;
};

}  // namespace newslens

#endif  // NEWSLENS_SRC_VOCAB_H_
