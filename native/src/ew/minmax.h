// NaN-aware max/min and arg-max/min of a contiguous run, explicitly vectorized. Included by
// kernels.cc only; everything sits in the variant's namespace (TB_ISA), so the AVX-512, AVX2
// and portable builds never share a symbol.
//
// NumPy's rule: any NaN makes max/min NaN, and argmax/argmin return the first NaN's position.
// The SIMD max/min instructions silently drop a NaN (they return their second operand when the
// compare is unordered), so an unordered compare of the loaded vectors runs beside them and the
// scan stops at the first block holding a NaN. The compiler does not vectorize the select form
// of these loops on its own (it must keep the IEEE select exactly), hence the intrinsics.
#pragma once
#include <cmath>

#if defined(__AVX512F__) || defined(__AVX2__)
#include <immintrin.h>
#endif

// GCC 12 warns that _mm512_max_ps & co. read an uninitialized value: their masked builtin takes
// _mm512_undefined_ps() as the (unused, all-lanes-selected) pass-through operand.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

namespace tb {
namespace TB_ISA {

template <typename T>
struct MinMaxSimd;

#if defined(__AVX512F__)
#define TB_MINMAX_SIMD 1
template <>
struct MinMaxSimd<float> {
  using V = __m512;
  static constexpr long W = 16;
  static V load(const float* p) { return _mm512_loadu_ps(p); }
  static V set1(float x) { return _mm512_set1_ps(x); }
  static V max(V a, V b) { return _mm512_max_ps(a, b); }  // a > b ? a : b
  static V min(V a, V b) { return _mm512_min_ps(a, b); }  // a < b ? a : b
  // Bit l set where lane l of a or b is NaN / where a == b.
  static unsigned unord(V a, V b) { return _mm512_cmp_ps_mask(a, b, _CMP_UNORD_Q); }
  static unsigned eq(V a, V b) { return _mm512_cmp_ps_mask(a, b, _CMP_EQ_OQ); }
  static void store(float* p, V v) { _mm512_storeu_ps(p, v); }
};
template <>
struct MinMaxSimd<double> {
  using V = __m512d;
  static constexpr long W = 8;
  static V load(const double* p) { return _mm512_loadu_pd(p); }
  static V set1(double x) { return _mm512_set1_pd(x); }
  static V max(V a, V b) { return _mm512_max_pd(a, b); }
  static V min(V a, V b) { return _mm512_min_pd(a, b); }
  static unsigned unord(V a, V b) { return _mm512_cmp_pd_mask(a, b, _CMP_UNORD_Q); }
  static unsigned eq(V a, V b) { return _mm512_cmp_pd_mask(a, b, _CMP_EQ_OQ); }
  static void store(double* p, V v) { _mm512_storeu_pd(p, v); }
};
#elif defined(__AVX2__)
#define TB_MINMAX_SIMD 1
template <>
struct MinMaxSimd<float> {
  using V = __m256;
  static constexpr long W = 8;
  static V load(const float* p) { return _mm256_loadu_ps(p); }
  static V set1(float x) { return _mm256_set1_ps(x); }
  static V max(V a, V b) { return _mm256_max_ps(a, b); }
  static V min(V a, V b) { return _mm256_min_ps(a, b); }
  static unsigned unord(V a, V b) { return _mm256_movemask_ps(_mm256_cmp_ps(a, b, _CMP_UNORD_Q)); }
  static unsigned eq(V a, V b) { return _mm256_movemask_ps(_mm256_cmp_ps(a, b, _CMP_EQ_OQ)); }
  static void store(float* p, V v) { _mm256_storeu_ps(p, v); }
};
template <>
struct MinMaxSimd<double> {
  using V = __m256d;
  static constexpr long W = 4;
  static V load(const double* p) { return _mm256_loadu_pd(p); }
  static V set1(double x) { return _mm256_set1_pd(x); }
  static V max(V a, V b) { return _mm256_max_pd(a, b); }
  static V min(V a, V b) { return _mm256_min_pd(a, b); }
  static unsigned unord(V a, V b) { return _mm256_movemask_pd(_mm256_cmp_pd(a, b, _CMP_UNORD_Q)); }
  static unsigned eq(V a, V b) { return _mm256_movemask_pd(_mm256_cmp_pd(a, b, _CMP_EQ_OQ)); }
  static void store(double* p, V v) { _mm256_storeu_pd(p, v); }
};
#endif

// The scalar step, the same select as the vector instructions (ties keep the running value).
template <bool MAX, typename T>
inline T pick_step(T v, T r) {
  return MAX ? (v > r ? v : r) : (v < r ? v : r);
}

// max (MAX) or min of x[0..n): NaN as soon as one is present; -inf/+inf for n == 0.
template <bool MAX, typename T>
T minmax_run(const T* x, long n) {
  T r = MAX ? T(-INFINITY) : T(INFINITY);
  long i = 0;
#ifdef TB_MINMAX_SIMD
  using S = MinMaxSimd<T>;
  using V = typename S::V;
  constexpr long W = S::W;
  if (n >= 4 * W) {
    // Four accumulators keep four independent dependency chains in flight.
    V a0 = S::set1(r), a1 = a0, a2 = a0, a3 = a0;
    for (; i + 4 * W <= n; i += 4 * W) {
      V v0 = S::load(x + i), v1 = S::load(x + i + W), v2 = S::load(x + i + 2 * W), v3 = S::load(x + i + 3 * W);
      // One unordered compare covers two vectors (true if either lane is NaN).
      if (S::unord(v0, v1) | S::unord(v2, v3)) return T(NAN);
      if (MAX) {
        a0 = S::max(v0, a0), a1 = S::max(v1, a1), a2 = S::max(v2, a2), a3 = S::max(v3, a3);
      } else {
        a0 = S::min(v0, a0), a1 = S::min(v1, a1), a2 = S::min(v2, a2), a3 = S::min(v3, a3);
      }
    }
    V a = MAX ? S::max(S::max(a0, a1), S::max(a2, a3)) : S::min(S::min(a0, a1), S::min(a2, a3));
    T lanes[W];
    S::store(lanes, a);
    for (long l = 0; l < W; l++) r = pick_step<MAX>(lanes[l], r);
  }
#endif
  for (; i < n; i++) {
    T v = x[i];
    if (v != v) return v;
    r = pick_step<MAX>(v, r);
  }
  return r;
}

// Position of the first element equal to `value` (or, for a NaN value, the first NaN); n if none.
template <typename T>
long find_first(const T* x, long n, T value) {
  const bool nan = value != value;
  long i = 0;
#ifdef TB_MINMAX_SIMD
  using S = MinMaxSimd<T>;
  using V = typename S::V;
  const V want = S::set1(value);
  for (; i + S::W <= n; i += S::W) {
    V v = S::load(x + i);
    unsigned bits = nan ? S::unord(v, v) : S::eq(v, want);
    if (bits) return i + __builtin_ctz(bits);
  }
#endif
  for (; i < n; i++)
    if (nan ? x[i] != x[i] : x[i] == value) return i;
  return n;
}

// Index of the first largest (MAX) or smallest element of x[0..n), n >= 1; the first NaN wins.
template <bool MAX, typename T>
long arg_run(const T* x, long n) {
  // Two passes over a run that is usually still in L1: the vector max, then a vector search.
  return find_first(x, n, minmax_run<MAX>(x, n));
}

}  // namespace TB_ISA
}  // namespace tb

#pragma GCC diagnostic pop
