// The sorts of tree-sort.h.
#include "sk/tree-sort.h"

#include <algorithm>
#include <cmath>

namespace tb {
namespace tree_impl {
namespace {

inline void swap_pairs(Pair* a, long i, long j) {
  const Pair t = a[i];
  a[i] = a[j];
  a[j] = t;
}

inline float median3(const Pair* a, long n) {
  const float x = a[0].v, y = a[n / 2].v, z = a[n - 1].v;
  if (x < y) {
    if (y < z) return y;
    if (x < z) return z;
    return x;
  }
  if (y < z) {
    if (x < z) return x;
    return z;
  }
  return y;
}

void sift_down(Pair* a, long start, long end) {
  long root = start;
  for (;;) {
    const long child = root * 2 + 1;
    long maxind = root;
    if (child < end && a[maxind].v < a[child].v) maxind = child;
    if (child + 1 < end && a[maxind].v < a[child + 1].v) maxind = child + 1;
    if (maxind == root) return;
    swap_pairs(a, root, maxind);
    root = maxind;
  }
}

void heapsort(Pair* a, long n) {
  long start = (n - 2) / 2;  // n ≥ 2 here, so this is ⌊(n − 2) / 2⌋
  for (;;) {
    sift_down(a, start, n);
    if (start == 0) break;
    start--;
  }
  for (long end = n - 1; end > 0; end--) {
    swap_pairs(a, 0, end);
    sift_down(a, 0, end);
  }
}

void introsort(Pair* a, long n, long maxd) {
  while (n > 1) {
    if (maxd <= 0) {
      heapsort(a, n);
      return;
    }
    maxd--;
    const float pivot = median3(a, n);
    long i = 0, l = 0, r = n;
    while (i < r) {
      const float v = a[i].v;
      if (v < pivot) {
        swap_pairs(a, i, l);
        i++;
        l++;
      } else if (v > pivot) {
        r--;
        swap_pairs(a, i, r);
      } else {
        i++;
      }
    }
    introsort(a, l, maxd);
    a += r;
    n -= r;
  }
}

// 2·⌊log₂ n⌋ as sort.ts computes it (Math.log(n) / Math.log(2), floored).
inline long intro_depth(long n) {
  return 2 * static_cast<long>(std::floor(std::log(static_cast<double>(n)) / std::log(2.0)));
}

}  // namespace

void sort_pairs(Pair* a, long n) {
  if (n <= 1) return;
  introsort(a, n, intro_depth(n));
}

void sort_keys(uint64_t* a, uint64_t* tmp, long n) {
  if (n < 256) {
    std::sort(a, a + n);
    return;
  }
  uint32_t hist[4][256] = {};
  for (long i = 0; i < n; i++) {
    const uint32_t k = static_cast<uint32_t>(a[i] >> 32);
    hist[0][k & 255]++;
    hist[1][(k >> 8) & 255]++;
    hist[2][(k >> 16) & 255]++;
    hist[3][k >> 24]++;
  }
  uint64_t* src = a;
  uint64_t* dst = tmp;
  for (int b = 0; b < 4; b++) {
    uint32_t* h = hist[b];
    const int shift = 32 + 8 * b;
    if (h[(src[0] >> shift) & 255] == static_cast<uint32_t>(n)) continue;
    uint32_t sum = 0;
    for (int c = 0; c < 256; c++) {
      const uint32_t t = h[c];
      h[c] = sum;
      sum += t;
    }
    for (long i = 0; i < n; i++) {
      const uint64_t x = src[i];
      dst[h[(x >> shift) & 255]++] = x;
    }
    std::swap(src, dst);
  }
  if (src != a) std::memcpy(a, src, static_cast<size_t>(n) * sizeof(uint64_t));
}

// 2^52 leaves a factor 2 of margin for the rounding of the bound itself.
bool sums_exact(const TreeData& d, const double* sw) {
  constexpr double kLimit = 4503599627370496.0;  // 2^52
  double total_w = 0;
  if (sw) {
    for (long i = 0; i < d.rows; i++) {
      if (sw[i] != std::floor(sw[i])) return false;
      total_w += sw[i];
    }
  } else {
    total_w = static_cast<double>(d.rows);
  }
  if (!(total_w <= kLimit)) return false;
  if (d.codes) return true;
  double sq = 0;
  const long m = d.rows * d.n_outputs;
  for (long j = 0; j < m; j++) {
    const double v = d.y[j];
    if (v != std::floor(v)) return false;
    sq += (sw ? sw[j / d.n_outputs] : 1.0) * (v * v);
  }
  return sq <= kLimit;
}

}  // namespace tree_impl
}  // namespace tb
