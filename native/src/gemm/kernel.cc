// Micro-kernels, compiled once per instruction-set variant (binding.gyp builds this file three
// times with different -m flags and TB_ISA naming the namespace). A tile keeps NV vectors of C
// per row in registers for R rows: each k step loads NV vectors of B and broadcasts R values
// of A, so R*NV fused multiply-adds reuse every load (the GotoBLAS/BLIS register blocking).
// Vectors run along the columns of C, the contiguous direction of a row-major result.
//
// The full tile is MR rows x 2 vectors. Edges of C get tiles of their own size instead of a
// full tile computed aside: rows rounded up to a multiple of RS, columns to the narrowest of
// half a vector, one vector or two, the last vector's columns written through a mask. A
// 10-column product costs a 16-wide tile instead of a 32-wide one, a 4-column edge an 8-wide
// one (half-width vectors run twice as many multiply-adds per cycle where the wide ones are
// split in two, as on Zen 4, and as many elsewhere).
#include "gemm/kernel.h"

#if defined(__AVX512F__) || defined(__AVX2__)
#include <immintrin.h>
#endif

namespace tb {
namespace TB_ISA {
namespace {

#if defined(__AVX512F__)
constexpr int kMR = 12, kRS = 4;
struct F32x16 {
  using T = float;
  using V = __m512;
  using M = __mmask16;
  static constexpr int W = 16;
  static V zero() { return _mm512_setzero_ps(); }
  static V loadu(const T* p) { return _mm512_loadu_ps(p); }
  static void storeu(T* p, V v) { _mm512_storeu_ps(p, v); }
  static M mask(int n) { return static_cast<M>((1u << n) - 1); }
  static V maskload(const T* p, M m) { return _mm512_maskz_loadu_ps(m, p); }
  static void maskstore(T* p, M m, V v) { _mm512_mask_storeu_ps(p, m, v); }
  static V set1(T x) { return _mm512_set1_ps(x); }
  static V fma(V a, V b, V c) { return _mm512_fmadd_ps(a, b, c); }
  static V mul(V a, V b) { return _mm512_mul_ps(a, b); }
};
struct F32x8 {
  using T = float;
  using V = __m256;
  using M = __mmask8;
  static constexpr int W = 8;
  static V zero() { return _mm256_setzero_ps(); }
  static V loadu(const T* p) { return _mm256_loadu_ps(p); }
  static void storeu(T* p, V v) { _mm256_storeu_ps(p, v); }
  static M mask(int n) { return static_cast<M>((1u << n) - 1); }
  static V maskload(const T* p, M m) { return _mm256_maskz_loadu_ps(m, p); }
  static void maskstore(T* p, M m, V v) { _mm256_mask_storeu_ps(p, m, v); }
  static V set1(T x) { return _mm256_set1_ps(x); }
  static V fma(V a, V b, V c) { return _mm256_fmadd_ps(a, b, c); }
  static V mul(V a, V b) { return _mm256_mul_ps(a, b); }
};
struct F64x8 {
  using T = double;
  using V = __m512d;
  using M = __mmask8;
  static constexpr int W = 8;
  static V zero() { return _mm512_setzero_pd(); }
  static V loadu(const T* p) { return _mm512_loadu_pd(p); }
  static void storeu(T* p, V v) { _mm512_storeu_pd(p, v); }
  static M mask(int n) { return static_cast<M>((1u << n) - 1); }
  static V maskload(const T* p, M m) { return _mm512_maskz_loadu_pd(m, p); }
  static void maskstore(T* p, M m, V v) { _mm512_mask_storeu_pd(p, m, v); }
  static V set1(T x) { return _mm512_set1_pd(x); }
  static V fma(V a, V b, V c) { return _mm512_fmadd_pd(a, b, c); }
  static V mul(V a, V b) { return _mm512_mul_pd(a, b); }
};
struct F64x4 {
  using T = double;
  using V = __m256d;
  using M = __mmask8;
  static constexpr int W = 4;
  static V zero() { return _mm256_setzero_pd(); }
  static V loadu(const T* p) { return _mm256_loadu_pd(p); }
  static void storeu(T* p, V v) { _mm256_storeu_pd(p, v); }
  static M mask(int n) { return static_cast<M>((1u << n) - 1); }
  static V maskload(const T* p, M m) { return _mm256_maskz_loadu_pd(m, p); }
  static void maskstore(T* p, M m, V v) { _mm256_mask_storeu_pd(p, m, v); }
  static V set1(T x) { return _mm256_set1_pd(x); }
  static V fma(V a, V b, V c) { return _mm256_fmadd_pd(a, b, c); }
  static V mul(V a, V b) { return _mm256_mul_pd(a, b); }
};
using WideF32 = F32x16;
using HalfF32 = F32x8;
using WideF64 = F64x8;
using HalfF64 = F64x4;
#elif defined(__AVX2__)
constexpr int kMR = 6, kRS = 2;
struct F32x8 {
  using T = float;
  using V = __m256;
  using M = __m256i;
  static constexpr int W = 8;
  static V zero() { return _mm256_setzero_ps(); }
  static V loadu(const T* p) { return _mm256_loadu_ps(p); }
  static void storeu(T* p, V v) { _mm256_storeu_ps(p, v); }
  static M mask(int n) { return _mm256_cmpgt_epi32(_mm256_set1_epi32(n), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7)); }
  static V maskload(const T* p, M m) { return _mm256_maskload_ps(p, m); }
  static void maskstore(T* p, M m, V v) { _mm256_maskstore_ps(p, m, v); }
  static V set1(T x) { return _mm256_set1_ps(x); }
  static V fma(V a, V b, V c) { return _mm256_fmadd_ps(a, b, c); }
  static V mul(V a, V b) { return _mm256_mul_ps(a, b); }
};
struct F32x4 {
  using T = float;
  using V = __m128;
  using M = __m128i;
  static constexpr int W = 4;
  static V zero() { return _mm_setzero_ps(); }
  static V loadu(const T* p) { return _mm_loadu_ps(p); }
  static void storeu(T* p, V v) { _mm_storeu_ps(p, v); }
  static M mask(int n) { return _mm_cmpgt_epi32(_mm_set1_epi32(n), _mm_setr_epi32(0, 1, 2, 3)); }
  static V maskload(const T* p, M m) { return _mm_maskload_ps(p, m); }
  static void maskstore(T* p, M m, V v) { _mm_maskstore_ps(p, m, v); }
  static V set1(T x) { return _mm_set1_ps(x); }
  static V fma(V a, V b, V c) { return _mm_fmadd_ps(a, b, c); }
  static V mul(V a, V b) { return _mm_mul_ps(a, b); }
};
struct F64x4 {
  using T = double;
  using V = __m256d;
  using M = __m256i;
  static constexpr int W = 4;
  static V zero() { return _mm256_setzero_pd(); }
  static V loadu(const T* p) { return _mm256_loadu_pd(p); }
  static void storeu(T* p, V v) { _mm256_storeu_pd(p, v); }
  static M mask(int n) { return _mm256_cmpgt_epi64(_mm256_set1_epi64x(n), _mm256_setr_epi64x(0, 1, 2, 3)); }
  static V maskload(const T* p, M m) { return _mm256_maskload_pd(p, m); }
  static void maskstore(T* p, M m, V v) { _mm256_maskstore_pd(p, m, v); }
  static V set1(T x) { return _mm256_set1_pd(x); }
  static V fma(V a, V b, V c) { return _mm256_fmadd_pd(a, b, c); }
  static V mul(V a, V b) { return _mm256_mul_pd(a, b); }
};
struct F64x2 {
  using T = double;
  using V = __m128d;
  using M = __m128i;
  static constexpr int W = 2;
  static V zero() { return _mm_setzero_pd(); }
  static V loadu(const T* p) { return _mm_loadu_pd(p); }
  static void storeu(T* p, V v) { _mm_storeu_pd(p, v); }
  static M mask(int n) { return _mm_cmpgt_epi64(_mm_set1_epi64x(n), _mm_set_epi64x(1, 0)); }
  static V maskload(const T* p, M m) { return _mm_maskload_pd(p, m); }
  static void maskstore(T* p, M m, V v) { _mm_maskstore_pd(p, m, v); }
  static V set1(T x) { return _mm_set1_pd(x); }
  static V fma(V a, V b, V c) { return _mm_fmadd_pd(a, b, c); }
  static V mul(V a, V b) { return _mm_mul_pd(a, b); }
};
using WideF32 = F32x8;
using HalfF32 = F32x4;
using WideF64 = F64x4;
using HalfF64 = F64x2;
#endif

#if defined(__AVX512F__) || defined(__AVX2__)
// R rows x NV vectors of C. DIRECT: A(i, p) = a[i * lda + p] (a row-major A in place), else
// a[p * kMR + i] (a packed panel). EDGE: write only `rows` rows and `cols` columns (the last
// vector through a mask); otherwise the tile is whole.
template <typename S, int R, int NV, bool DIRECT, bool EDGE>
void tile(long kc, const typename S::T* a, long lda, const typename S::T* b, long ldb, typename S::T* c, long ldc,
          typename S::T alpha, typename S::T beta, int rows, int cols) {
  using T = typename S::T;
  using V = typename S::V;
  constexpr int W = S::W;
  V acc[R][NV];
#pragma GCC unroll 16
  for (int i = 0; i < R; i++) {
#pragma GCC unroll 2
    for (int v = 0; v < NV; v++) acc[i][v] = S::zero();
    // The tile of C is written at the end; fetching it now overlaps that miss with the math.
    if (!EDGE || i < rows) {
      _mm_prefetch(reinterpret_cast<const char*>(c + i * ldc), _MM_HINT_T0);
      _mm_prefetch(reinterpret_cast<const char*>(c + i * ldc + NV * W - 1), _MM_HINT_T0);
    }
  }
  if constexpr (DIRECT) {
    // Rows in groups of three from one pointer each (row, row + lda, row + 2 lda): x86 addresses
    // those as base + index * {1, 2}, so the loop needs R/3 + 2 registers for A, not R.
    static_assert(R % 3 == 0, "direct tiles have a multiple of 3 rows");
    const T* base[R / 3];
#pragma GCC unroll 8
    for (int g = 0; g < R / 3; g++) base[g] = a + 3 * g * lda;
#pragma GCC unroll 4
    for (long p = 0; p < kc; p++) {
      V bv[NV];
#pragma GCC unroll 2
      for (int v = 0; v < NV; v++) bv[v] = S::loadu(b + v * W);
#pragma GCC unroll 16
      for (int i = 0; i < R; i++) {
        V ai = S::set1(base[i / 3][(i % 3) * lda]);
#pragma GCC unroll 2
        for (int v = 0; v < NV; v++) acc[i][v] = S::fma(ai, bv[v], acc[i][v]);
      }
#pragma GCC unroll 8
      for (int g = 0; g < R / 3; g++) base[g]++;
      b += ldb;
    }
  } else {
#pragma GCC unroll 4
    for (long p = 0; p < kc; p++) {
      V bv[NV];
#pragma GCC unroll 2
      for (int v = 0; v < NV; v++) bv[v] = S::loadu(b + v * W);
#pragma GCC unroll 16
      for (int i = 0; i < R; i++) {
        V ai = S::set1(a[i]);
#pragma GCC unroll 2
        for (int v = 0; v < NV; v++) acc[i][v] = S::fma(ai, bv[v], acc[i][v]);
      }
      a += kMR;
      b += ldb;
    }
  }
  V va = S::set1(alpha), vb = S::set1(beta);
  if (!EDGE) {
#pragma GCC unroll 16
    for (int i = 0; i < R; i++)
#pragma GCC unroll 2
      for (int v = 0; v < NV; v++) {
        T* ci = c + i * ldc + v * W;
        S::storeu(ci, beta == 0 ? S::mul(va, acc[i][v]) : S::fma(va, acc[i][v], S::mul(vb, S::loadu(ci))));
      }
    return;
  }
  auto m = S::mask(cols - (NV - 1) * W);
#pragma GCC unroll 16
  for (int i = 0; i < R; i++) {
    if (i >= rows) break;
#pragma GCC unroll 2
    for (int v = 0; v < NV - 1; v++) {
      T* ci = c + i * ldc + v * W;
      S::storeu(ci, beta == 0 ? S::mul(va, acc[i][v]) : S::fma(va, acc[i][v], S::mul(vb, S::loadu(ci))));
    }
    T* ci = c + i * ldc + (NV - 1) * W;
    V x = beta == 0 ? S::mul(va, acc[i][NV - 1]) : S::fma(va, acc[i][NV - 1], S::mul(vb, S::maskload(ci, m)));
    S::maskstore(ci, m, x);
  }
}

// The entry point: the full tile, or the smallest edge tile that covers rows x cols.
template <typename Wide, typename Half>
struct Kernels {
  using T = typename Wide::T;
  static constexpr int NR = 2 * Wide::W;

  template <int R, bool DIRECT>
  static void edge(long kc, const T* a, long lda, const T* b, long ldb, T* c, long ldc, T alpha, T beta, int rows,
                   int cols) {
    if (cols <= Half::W)
      tile<Half, R, 1, DIRECT, true>(kc, a, lda, b, ldb, c, ldc, alpha, beta, rows, cols);
    else if (cols <= Wide::W)
      tile<Wide, R, 1, DIRECT, true>(kc, a, lda, b, ldb, c, ldc, alpha, beta, rows, cols);
    else
      tile<Wide, R, 2, DIRECT, true>(kc, a, lda, b, ldb, c, ldc, alpha, beta, rows, cols);
  }

  static void run(long kc, const T* a, long lda, const T* b, long ldb, T* c, long ldc, T alpha, T beta, int rows,
                  int cols) {
    const bool full = rows == kMR && cols == NR;
    if (lda) {  // A read in place: whole row panels only (rows == kMR)
      if (full) tile<Wide, kMR, 2, true, false>(kc, a, lda, b, ldb, c, ldc, alpha, beta, rows, cols);
      else edge<kMR, true>(kc, a, lda, b, ldb, c, ldc, alpha, beta, rows, cols);
      return;
    }
    if (full) return tile<Wide, kMR, 2, false, false>(kc, a, lda, b, ldb, c, ldc, alpha, beta, rows, cols);
    switch ((rows + kRS - 1) / kRS) {
      case 1: return edge<kRS, false>(kc, a, lda, b, ldb, c, ldc, alpha, beta, rows, cols);
      case 2: return edge<2 * kRS, false>(kc, a, lda, b, ldb, c, ldc, alpha, beta, rows, cols);
      default: return edge<3 * kRS, false>(kc, a, lda, b, ldb, c, ldc, alpha, beta, rows, cols);
    }
  }
};
static_assert(3 * kRS == kMR, "edge rows come in thirds of the tile");

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

template <typename Wide, typename Half>
MicroKernel<typename Wide::T> make() {
  MicroKernel<typename Wide::T> k;
  k.mr = kMR;
  k.nr = 2 * Wide::W;
  k.widths[0] = Half::W;
  k.widths[1] = Wide::W;
  k.widths[2] = 2 * Wide::W;
  k.run = &Kernels<Wide, Half>::run;
  k.peak = &peak<Wide>;
  return k;
}
#else
// Portable C++: plain loops over a small tile that the compiler vectorizes with whatever the
// baseline target has (SSE2 on x86-64, NEON on arm64). Edges compute the whole tile and write
// its rows x cols corner.
template <typename T, int MR, int NR>
void tile_portable(long kc, const T* a, long lda, const T* b, long ldb, T* c, long ldc, T alpha, T beta, int rows,
                   int cols) {
  T acc[MR][NR] = {};
  for (long p = 0; p < kc; p++) {
    for (int i = 0; i < MR; i++) {
      T ai = lda ? a[i * lda + p] : a[p * MR + i];
      for (int j = 0; j < NR; j++) acc[i][j] += ai * b[j];
    }
    b += ldb;
  }
  for (int i = 0; i < rows; i++)
    for (int j = 0; j < cols; j++)
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

template <typename T, int MR, int NR>
MicroKernel<T> make_portable() {
  MicroKernel<T> k;
  k.mr = MR;
  k.nr = NR;
  k.widths[0] = NR;
  k.run = &tile_portable<T, MR, NR>;
  k.peak = &peak_portable<T>;
  return k;
}
#endif

}  // namespace

#if defined(__AVX512F__) || defined(__AVX2__)
MicroKernel<float> kernel_f32() { return make<WideF32, HalfF32>(); }
MicroKernel<double> kernel_f64() { return make<WideF64, HalfF64>(); }
#else
MicroKernel<float> kernel_f32() { return make_portable<float, 4, 8>(); }
MicroKernel<double> kernel_f64() { return make_portable<double, 4, 4>(); }
#endif

}  // namespace TB_ISA
}  // namespace tb
