// Sorting for the addon's tree splitter (tree.cc): scikit-learn's introsort on (value, sample)
// pairs, as engine/src/sk/tree/sort.ts, and the radix sort used when every criterion sum is exact.
#pragma once
#include <cstdint>
#include <cstring>

#include "sk/tree.h"

namespace tb {
namespace tree_impl {

// A feature value with its sample: sorting the pairs moves 8 contiguous bytes per swap. The
// swaps are sort.ts's (which permutes two parallel arrays), so the order comes out the same.
struct Pair {
  float v;
  int32_t i;
};

// Sorts n pairs by value with sort.ts's introsort (the same swaps, so the same order).
void sort_pairs(Pair* a, long n);

// Fast path: when every sum a criterion forms is an integer below 2^53 (integer sample weights,
// class counts or integer targets), floating-point addition is exact, so the sums and therefore
// every split, threshold and statistic depend only on which samples lie on each side, never on
// the order of samples with equal feature values. Any correct sort then grows the same tree as
// the introsort above, and a radix sort on order-preserving integer keys is several times faster.

inline uint32_t float_key(float f) {
  uint32_t u;
  std::memcpy(&u, &f, 4);
  return (u & 0x80000000u) ? ~u : (u | 0x80000000u);
}

inline float key_float(uint32_t k) {
  const uint32_t u = (k & 0x80000000u) ? (k & 0x7fffffffu) : ~k;
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}

// Sorts `key << 32 | sample` words by key (LSD radix on the key's bytes, skipping bytes every key
// shares; std::sort below 256 words). tmp holds n words.
void sort_keys(uint64_t* a, uint64_t* tmp, long n);

// Whether the criterion's sums are exact integers on this data and these weights (see above).
bool sums_exact(const TreeData& d, const double* sw);

}  // namespace tree_impl
}  // namespace tb
