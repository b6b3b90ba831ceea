// FixedDecimal4 (core/src/fixed_decimal.h) writes what printf("%.4f") writes, for every kind of
// finite double: small and huge, exact ties at the 4th decimal, negative zero, the extremes.
#include "fixed_decimal.h"

#include <gtest/gtest.h>

#include <cfloat>
#include <cstdio>
#include <cstring>
#include <random>

namespace newslens {
namespace {

std::string Printf(double v) {
  static char buf[2000];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

TEST(FixedDecimal4, MatchesPrintfOnChosenValues) {
  for (double v : {0.0, -0.0, 1.0, -1.0, 0.5, 0.00005, 0.00015, 0.00025, 0.00035, 1.23455, 2.5e-5,
                   -2.5e-5, 1e-300, 5e-324, 0.1, 0.3, 123456.78905, 9007199254740993.0,
                   900719925474.0993, 1e15 + 0.5, 1e22, 1e23, -1e300, DBL_MAX, -DBL_MAX,
                   4503599627370495.5, 1.0 / 3, 2.0 / 3, 12345678901234567890.0})
    EXPECT_EQ(FixedDecimal4(v), Printf(v)) << v;
}

TEST(FixedDecimal4, MatchesPrintfOnAMillionRandomDoubles) {
  std::mt19937_64 random(19);
  int checked = 0;
  for (int i = 0; i < 1000000; ++i) {
    uint64_t bits = random();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    if (!std::isfinite(v)) continue;
    // Every fourth value near the report's range and its ties (k / 20000 is a tie at 4 decimals).
    if (i % 4 == 1) v = std::ldexp(static_cast<double>(bits >> 11), static_cast<int>(bits % 80) - 60);
    if (i % 4 == 2) v = static_cast<double>(static_cast<int64_t>(bits >> 20) - (int64_t{1} << 43)) / 20000;
    ASSERT_EQ(FixedDecimal4(v), Printf(v)) << v;
    ++checked;
  }
  EXPECT_GT(checked, 990000);
}

}  // namespace
}  // namespace newslens
