// Micro-kernels, compiled once per instruction-set variant (binding.gyp builds this file three
// times with different -m flags and TB_ISA naming the namespace). The tile keeps 2 vectors of C
// per row in registers for MR rows: each k step loads 2 vectors of B and broadcasts MR values
// of A, so 2*MR fused multiply-adds reuse every load (the GotoBLAS/BLIS register blocking).
// Vectors run along the columns of C, the contiguous direction of a row-major result.
#include "gemm/kernel.h"

#if defined(__AVX512F__) || defined(__AVX2__)
#include <immintrin.h>
#endif

namespace tb {
namespace TB_ISA {
namespace {

#if defined(__AVX512F__)
struct VF32 {
  using T = float;
  using V = __m512;
  static constexpr int W = 16, MR = 12;
  static V zero() { return _mm512_setzero_ps(); }
  static V load(const T* p) { return _mm512_load_ps(p); }
  static V loadu(const T* p) { return _mm512_loadu_ps(p); }
  static void storeu(T* p, V v) { _mm512_storeu_ps(p, v); }
  static V set1(T x) { return _mm512_set1_ps(x); }
  static V fma(V a, V b, V c) { return _mm512_fmadd_ps(a, b, c); }
  static V mul(V a, V b) { return _mm512_mul_ps(a, b); }
};
struct VF64 {
  using T = double;
  using V = __m512d;
  static constexpr int W = 8, MR = 12;
  static V zero() { return _mm512_setzero_pd(); }
  static V load(const T* p) { return _mm512_load_pd(p); }
  static V loadu(const T* p) { return _mm512_loadu_pd(p); }
  static void storeu(T* p, V v) { _mm512_storeu_pd(p, v); }
  static V set1(T x) { return _mm512_set1_pd(x); }
  static V fma(V a, V b, V c) { return _mm512_fmadd_pd(a, b, c); }
  static V mul(V a, V b) { return _mm512_mul_pd(a, b); }
};
#elif defined(__AVX2__)
struct VF32 {
  using T = float;
  using V = __m256;
  static constexpr int W = 8, MR = 6;
  static V zero() { return _mm256_setzero_ps(); }
  static V load(const T* p) { return _mm256_load_ps(p); }
  static V loadu(const T* p) { return _mm256_loadu_ps(p); }
  static void storeu(T* p, V v) { _mm256_storeu_ps(p, v); }
  static V set1(T x) { return _mm256_set1_ps(x); }
  static V fma(V a, V b, V c) { return _mm256_fmadd_ps(a, b, c); }
  static V mul(V a, V b) { return _mm256_mul_ps(a, b); }
};
struct VF64 {
  using T = double;
  using V = __m256d;
  static constexpr int W = 4, MR = 6;
  static V zero() { return _mm256_setzero_pd(); }
  static V load(const T* p) { return _mm256_load_pd(p); }
  static V loadu(const T* p) { return _mm256_loadu_pd(p); }
  static void storeu(T* p, V v) { _mm256_storeu_pd(p, v); }
  static V set1(T x) { return _mm256_set1_pd(x); }
  static V fma(V a, V b, V c) { return _mm256_fmadd_pd(a, b, c); }
  static V mul(V a, V b) { return _mm256_mul_pd(a, b); }
};
#endif

#if defined(__AVX512F__) || defined(__AVX2__)
template <typename S>
void tile(long kc, const typename S::T* a, const typename S::T* b, long ldb, typename S::T* c, long ldc,
          typename S::T alpha, typename S::T beta) {
  using V = typename S::V;
  constexpr int MR = S::MR, W = S::W;
  V acc0[MR], acc1[MR];
#pragma GCC unroll 16
  for (int i = 0; i < MR; i++) {
    acc0[i] = S::zero();
    acc1[i] = S::zero();
    // The tile of C is written at the end; fetching it now overlaps that miss with the math.
    _mm_prefetch(reinterpret_cast<const char*>(c + i * ldc), _MM_HINT_T0);
    _mm_prefetch(reinterpret_cast<const char*>(c + i * ldc + 2 * W - 1), _MM_HINT_T0);
  }
#pragma GCC unroll 4
  for (long p = 0; p < kc; p++) {
    V b0 = S::loadu(b), b1 = S::loadu(b + W);
#pragma GCC unroll 16
    for (int i = 0; i < MR; i++) {
      V ai = S::set1(a[i]);
      acc0[i] = S::fma(ai, b0, acc0[i]);
      acc1[i] = S::fma(ai, b1, acc1[i]);
    }
    a += MR;
    b += ldb;
  }
  V va = S::set1(alpha);
  if (beta == 0) {
#pragma GCC unroll 16
    for (int i = 0; i < MR; i++) {
      S::storeu(c + i * ldc, S::mul(va, acc0[i]));
      S::storeu(c + i * ldc + W, S::mul(va, acc1[i]));
    }
  } else {
    V vb = S::set1(beta);
#pragma GCC unroll 16
    for (int i = 0; i < MR; i++) {
      S::storeu(c + i * ldc, S::fma(va, acc0[i], S::mul(vb, S::loadu(c + i * ldc))));
      S::storeu(c + i * ldc + W, S::fma(va, acc1[i], S::mul(vb, S::loadu(c + i * ldc + W))));
    }
  }
}

// 12 independent chains hide the FMA latency on every current core.
template <typename S>
double peak(long iters) {
  using V = typename S::V;
  V acc[12];
  V m = S::set1(typename S::T(0.999999)), a = S::set1(typename S::T(1e-7));
#pragma GCC unroll 12
  for (int i = 0; i < 12; i++) acc[i] = S::set1(typename S::T(i));
  for (long it = 0; it < iters; it++) {
#pragma GCC unroll 12
    for (int i = 0; i < 12; i++) acc[i] = S::fma(acc[i], m, a);
  }
  V s = acc[0];
  for (int i = 1; i < 12; i++) s = S::fma(s, m, acc[i]);
  alignas(64) typename S::T out[S::W];
  S::storeu(out, s);
  volatile typename S::T sink = out[0];
  (void)sink;
  return 2.0 * 12 * S::W * static_cast<double>(iters);
}

template <typename S>
MicroKernel<typename S::T> make() {
  MicroKernel<typename S::T> k;
  k.mr = S::MR;
  k.nr = 2 * S::W;
  k.run = &tile<S>;
  k.peak = &peak<S>;
  return k;
}
#else
// Portable C++: plain loops over a small tile that the compiler vectorizes with whatever the
// baseline target has (SSE2 on x86-64, NEON on arm64).
template <typename T, int MR, int NR>
void tile_portable(long kc, const T* a, const T* b, long ldb, T* c, long ldc, T alpha, T beta) {
  T acc[MR][NR] = {};
  for (long p = 0; p < kc; p++) {
    for (int i = 0; i < MR; i++) {
      T ai = a[i];
      for (int j = 0; j < NR; j++) acc[i][j] += ai * b[j];
    }
    a += MR;
    b += ldb;
  }
  for (int i = 0; i < MR; i++)
    for (int j = 0; j < NR; j++)
      c[i * ldc + j] = beta == 0 ? alpha * acc[i][j] : alpha * acc[i][j] + beta * c[i * ldc + j];
}

template <typename T>
double peak_portable(long iters) {
  T acc[8][4];
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 4; j++) acc[i][j] = T(i + j);
  for (long it = 0; it < iters; it++)
    for (int i = 0; i < 8; i++)
      for (int j = 0; j < 4; j++) acc[i][j] = acc[i][j] * T(0.999999) + T(1e-7);
  T s = 0;
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 4; j++) s += acc[i][j];
  volatile T sink = s;
  (void)sink;
  return 2.0 * 32 * static_cast<double>(iters);
}
#endif

}  // namespace

#if defined(__AVX512F__) || defined(__AVX2__)
MicroKernel<float> kernel_f32() { return make<VF32>(); }
MicroKernel<double> kernel_f64() { return make<VF64>(); }
#else
MicroKernel<float> kernel_f32() { return {4, 8, &tile_portable<float, 4, 8>, &peak_portable<float>}; }
MicroKernel<double> kernel_f64() { return {4, 4, &tile_portable<double, 4, 4>, &peak_portable<double>}; }
#endif

}  // namespace TB_ISA
}  // namespace tb
