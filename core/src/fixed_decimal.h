// Private: a finite double in fixed notation with 4 decimals, exactly as printf("%.4f") writes
// it (the digits of its exact binary value, rounded half to even at the 4th decimal), without
// printf. The report's writer needs it for magnitudes its fast path cannot take (report.cc,
// LargeNumber); in wasm, printf and its 128-bit floating-point helpers are ~4 KB gzipped of code
// that nothing else in the analyzer calls (docs/size.md). tests/core/fixed_decimal_test.cc
// compares it with the C library's printf over a million values.
#ifndef NEWSLENS_SRC_FIXED_DECIMAL_H_
#define NEWSLENS_SRC_FIXED_DECIMAL_H_

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace newslens {

// `v` must be finite.
inline std::string FixedDecimal4(double v) {
  std::string out = std::signbit(v) ? "-" : "";
  int exponent = 0;
  const double fraction = std::frexp(std::fabs(v), &exponent);  // |v| = fraction * 2^exponent
  // |v| * 10^4 = mantissa * 10^4 * 2^shift, mantissa an integer below 2^53.
  const uint64_t mantissa = static_cast<uint64_t>(std::ldexp(fraction, 53));
  int shift = exponent - 53;
  // A big integer in 32-bit limbs, least significant first.
  std::vector<uint32_t> n = {static_cast<uint32_t>(mantissa), static_cast<uint32_t>(mantissa >> 32)};
  auto multiply = [&n](uint32_t factor) {
    uint64_t carry = 0;
    for (uint32_t& limb : n) {
      carry += static_cast<uint64_t>(limb) * factor;
      limb = static_cast<uint32_t>(carry);
      carry >>= 32;
    }
    if (carry) n.push_back(static_cast<uint32_t>(carry));
  };
  multiply(10000);
  if (shift > 0) {
    for (; shift >= 32; shift -= 32) n.insert(n.begin(), 0u);
    if (shift) multiply(uint32_t{1} << shift);
  } else if (shift < 0) {
    // Divides by 2^-shift, rounding half to even: the bits shifted out decide.
    const int k = -shift;
    auto bit = [&n](int i) {
      return i / 32 < static_cast<int>(n.size()) && ((n[i / 32] >> (i % 32)) & 1u);
    };
    const bool half = bit(k - 1);
    bool below = false;  // any bit under the half bit
    for (int i = 0; i < k - 1 && !below; ++i) below = bit(i);
    std::vector<uint32_t> q(n.size(), 0);
    for (size_t i = 0; i < n.size(); ++i) {
      const size_t from = i + static_cast<size_t>(k / 32);
      uint64_t word = from < n.size() ? n[from] : 0;
      if (from + 1 < n.size()) word |= static_cast<uint64_t>(n[from + 1]) << 32;
      q[i] = static_cast<uint32_t>(word >> (k % 32));
    }
    n.swap(q);
    if (half && (below || (n[0] & 1u))) {
      for (uint32_t& limb : n)
        if (++limb != 0) break;
    }
  }
  // Decimal digits, least significant first, by repeated division by 10^9.
  std::string digits;
  while (n.size() > 1 && n.back() == 0) n.pop_back();
  while (!(n.size() == 1 && n[0] == 0)) {
    uint64_t rest = 0;
    for (size_t i = n.size(); i-- > 0;) {
      rest = (rest << 32) | n[i];
      n[i] = static_cast<uint32_t>(rest / 1000000000u);
      rest %= 1000000000u;
    }
    while (n.size() > 1 && n.back() == 0) n.pop_back();
    const bool last = n.size() == 1 && n[0] == 0;
    for (int d = 0; d < 9 && (!last || rest > 0); ++d) {
      digits.push_back(static_cast<char>('0' + rest % 10));
      rest /= 10;
    }
  }
  while (digits.size() < 5) digits.push_back('0');  // at least "0.0000"
  while (digits.size() > 5 && digits.back() == '0') digits.pop_back();
  for (size_t i = digits.size(); i-- > 0;) {
    out.push_back(digits[i]);
    if (i == 4) out.push_back('.');
  }
  return out;
}

}  // namespace newslens

#endif  // NEWSLENS_SRC_FIXED_DECIMAL_H_
