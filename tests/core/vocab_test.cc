// Vocab (core/src/vocab.h): the string -> id table every engine and the word cache use.
#include "vocab.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

namespace newslens {
namespace {

// The hash as it was first written: the tail read with a memcpy of its length (little-endian).
uint64_t ReferenceHash(const char* p, size_t n) {
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
    uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  h *= kMul;
  return h ^ (h >> 32);
}

TEST(HashBytes, SameAsTheMemcpyTailForEveryLength) {
  std::string s;
  for (int i = 0; i < 40; ++i) s.push_back(static_cast<char>(0x21 + i * 37 % 200));
  for (size_t begin = 0; begin < 8; ++begin)
    for (size_t n = 0; begin + n <= s.size(); ++n)
      EXPECT_EQ(HashBytes(s.data() + begin, n), ReferenceHash(s.data() + begin, n))
          << "begin " << begin << " length " << n;
  const char high[] = "\xE2\x80\x99\xFF\x80";  // bytes above 0x7F must not sign-extend
  for (size_t n = 0; n <= 5; ++n) EXPECT_EQ(HashBytes(high, n), ReferenceHash(high, n));
}

TEST(Vocab, DenseIdsInOrderAcrossGrowth) {
  Vocab v;
  std::vector<std::string> words;
  for (int i = 0; i < 5000; ++i) words.push_back("w" + std::to_string(i * 7919));
  words.push_back("");
  for (size_t i = 0; i < words.size(); ++i) EXPECT_EQ(v.Intern(words[i]), i);
  EXPECT_EQ(v.size(), words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    EXPECT_EQ(v.Intern(words[i]), i);  // again: the same id, nothing added
    EXPECT_EQ(v.Find(words[i]), i);
    EXPECT_EQ(v.str(static_cast<uint32_t>(i)), words[i]);
  }
  EXPECT_EQ(v.size(), words.size());
  EXPECT_EQ(v.Find("w1"), kNoId);
  EXPECT_EQ(v.Find("w0x"), kNoId);
}

TEST(Vocab, ReserveKeepsIdsAndLookups) {
  Vocab v;
  EXPECT_EQ(v.Intern("alpha"), 0u);
  EXPECT_EQ(v.Intern("beta"), 1u);
  v.Reserve(100000, 1 << 20);
  EXPECT_EQ(v.Find("alpha"), 0u);
  EXPECT_EQ(v.Find("beta"), 1u);
  EXPECT_EQ(v.Intern("gamma"), 2u);
  v.Reserve(1);  // smaller than the table: nothing changes
  EXPECT_EQ(v.Find("gamma"), 2u);
  EXPECT_EQ(v.Find("delta"), kNoId);
}

}  // namespace
}  // namespace newslens
