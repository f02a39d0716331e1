// Element-wise, reduction and softmax loops over contiguous runs, compiled once per
// instruction set (like gemm/kernel.cc). Simple loops are left to the compiler's vectorizer,
// which uses the -m flags of this variant; exp/log/tanh/sin/cos call glibc's vector math
// library (libmvec) at the variant's vector width, resolved weakly so that a libc without it
// falls back to the scalar functions.
#include <cmath>
#include <cstring>

#include "ew/ops.h"
#include "ew/minmax.h"

#if defined(__AVX512F__) || defined(__AVX2__)
#include <immintrin.h>
#endif

#if defined(__AVX512F__)
#define TB_VF(name) _ZGVeN16v_##name##f
#define TB_VD(name) _ZGVeN8v_##name
using VecF = __m512;
using VecD = __m512d;
#elif defined(__AVX2__)
#define TB_VF(name) _ZGVdN8v_##name##f
#define TB_VD(name) _ZGVdN4v_##name
using VecF = __m256;
using VecD = __m256d;
#endif

#ifdef TB_VF
extern "C" {
#define TB_MVEC(name)                                           \
  VecF TB_VF(name)(VecF) __attribute__((weak));                 \
  VecD TB_VD(name)(VecD) __attribute__((weak));
TB_MVEC(exp)
TB_MVEC(expm1)
TB_MVEC(log)
TB_MVEC(log1p)
TB_MVEC(sin)
TB_MVEC(cos)
TB_MVEC(tanh)
#undef TB_MVEC
}
#endif

namespace tb {
namespace TB_ISA {
namespace {

template <typename T>
struct Vec;
#ifdef TB_VF
template <>
struct Vec<float> {
  using V = VecF;
  using Fn = V (*)(V);
};
template <>
struct Vec<double> {
  using V = VecD;
  using Fn = V (*)(V);
};
#endif

// y = f(x) with the vector function when there is one, the scalar one for the tail.
template <typename T, typename VFn>
void vmap(VFn vf, T (*sf)(T), const T* x, T* y, long n) {
  long i = 0;
#ifdef TB_VF
  using V = typename Vec<T>::V;
  constexpr long W = sizeof(V) / sizeof(T);
  if (vf) {
    for (; i + W <= n; i += W) {
      V v;
      std::memcpy(&v, x + i, sizeof v);
      v = vf(v);
      std::memcpy(y + i, &v, sizeof v);
    }
  }
#else
  (void)vf;
#endif
  for (; i < n; i++) y[i] = sf(x[i]);
}

#ifdef TB_VF
template <typename T, typename F, typename D>
auto pick(F f, D d) {
  if constexpr (sizeof(T) == 4) return f;
  else return d;
}
#define TB_PICK(T, name) pick<T>(&TB_VF(name), &TB_VD(name))
#else
#define TB_PICK(T, name) nullptr
#endif

template <typename T> T s_exp(T v) { return std::exp(v); }
template <typename T> T s_expm1(T v) { return std::expm1(v); }
template <typename T> T s_log(T v) { return std::log(v); }
template <typename T> T s_log1p(T v) { return std::log1p(v); }
template <typename T> T s_sin(T v) { return std::sin(v); }
template <typename T> T s_cos(T v) { return std::cos(v); }
template <typename T> T s_tanh(T v) { return std::tanh(v); }

template <typename T>
void vexp(const T* x, T* y, long n) { vmap<T>(TB_PICK(T, exp), s_exp<T>, x, y, n); }

template <typename T>
void unary(Unary op, const T* x, T* y, long n) {
  switch (op) {
    case Unary::copy: for (long i = 0; i < n; i++) y[i] = x[i]; break;
    case Unary::neg: for (long i = 0; i < n; i++) y[i] = -x[i]; break;
    case Unary::abs: for (long i = 0; i < n; i++) y[i] = std::fabs(x[i]); break;
    case Unary::sign:
      for (long i = 0; i < n; i++) y[i] = x[i] > 0 ? T(1) : x[i] < 0 ? T(-1) : x[i] == 0 ? T(0) : x[i];
      break;
    case Unary::sqrt: for (long i = 0; i < n; i++) y[i] = std::sqrt(x[i]); break;
    case Unary::square: for (long i = 0; i < n; i++) y[i] = x[i] * x[i]; break;
    case Unary::reciprocal: for (long i = 0; i < n; i++) y[i] = T(1) / x[i]; break;
    case Unary::relu: for (long i = 0; i < n; i++) y[i] = x[i] > 0 || x[i] != x[i] ? x[i] : T(0); break;
    case Unary::floor: for (long i = 0; i < n; i++) y[i] = std::floor(x[i]); break;
    case Unary::ceil: for (long i = 0; i < n; i++) y[i] = std::ceil(x[i]); break;
    case Unary::trunc: for (long i = 0; i < n; i++) y[i] = std::trunc(x[i]); break;
    case Unary::exp: vexp(x, y, n); break;
    case Unary::expm1: vmap<T>(TB_PICK(T, expm1), s_expm1<T>, x, y, n); break;
    case Unary::log: vmap<T>(TB_PICK(T, log), s_log<T>, x, y, n); break;
    case Unary::log1p: vmap<T>(TB_PICK(T, log1p), s_log1p<T>, x, y, n); break;
    case Unary::sin: vmap<T>(TB_PICK(T, sin), s_sin<T>, x, y, n); break;
    case Unary::cos: vmap<T>(TB_PICK(T, cos), s_cos<T>, x, y, n); break;
    case Unary::tanh: vmap<T>(TB_PICK(T, tanh), s_tanh<T>, x, y, n); break;
    case Unary::sigmoid:
      // 1 / (1 + e^-x): e^-x overflows to inf for very negative x, giving exactly 0.
      for (long i = 0; i < n; i++) y[i] = -x[i];
      vexp(y, y, n);
      for (long i = 0; i < n; i++) y[i] = T(1) / (T(1) + y[i]);
      break;
    default: break;
  }
}

// NumPy's NaN rules: maximum/minimum propagate a NaN from either side, fmax/fmin ignore one.
// Bitwise | instead of || keeps the selects branch-free, so the loops vectorize.
template <typename T> inline T op_max(T x, T y) { return (x > y) | (x != x) ? x : y; }
template <typename T> inline T op_min(T x, T y) { return (x < y) | (x != x) ? x : y; }
template <typename T> inline T op_fmax(T x, T y) { return (x > y) | (y != y) ? x : y; }
template <typename T> inline T op_fmin(T x, T y) { return (x < y) | (y != y) ? x : y; }

// One loop per stride pattern, so each is a plain vectorizable loop.
template <typename T, typename F>
void bin_loop(const T* x, long sx, const T* y, long sy, T* z, long n, F f) {
  if (sx && sy) {
    for (long i = 0; i < n; i++) z[i] = f(x[i], y[i]);
  } else if (sx) {
    const T b = y[0];
    for (long i = 0; i < n; i++) z[i] = f(x[i], b);
  } else if (sy) {
    const T a = x[0];
    for (long i = 0; i < n; i++) z[i] = f(a, y[i]);
  } else {
    const T v = f(x[0], y[0]);
    for (long i = 0; i < n; i++) z[i] = v;
  }
}

template <typename T>
void binary(Binary op, const T* x, long sx, const T* y, long sy, T* z, long n) {
  switch (op) {
    case Binary::add: bin_loop(x, sx, y, sy, z, n, [](T a, T b) { return a + b; }); break;
    case Binary::sub: bin_loop(x, sx, y, sy, z, n, [](T a, T b) { return a - b; }); break;
    case Binary::mul: bin_loop(x, sx, y, sy, z, n, [](T a, T b) { return a * b; }); break;
    case Binary::div: bin_loop(x, sx, y, sy, z, n, [](T a, T b) { return a / b; }); break;
    case Binary::maximum: bin_loop(x, sx, y, sy, z, n, op_max<T>); break;
    case Binary::minimum: bin_loop(x, sx, y, sy, z, n, op_min<T>); break;
    case Binary::fmax: bin_loop(x, sx, y, sy, z, n, op_fmax<T>); break;
    case Binary::fmin: bin_loop(x, sx, y, sy, z, n, op_fmin<T>); break;
    case Binary::relu_grad: bin_loop(x, sx, y, sy, z, n, [](T a, T b) { return b > 0 ? a : T(0); }); break;
    default: break;
  }
}

// a * b + c, rounded twice like NumPy's `a * b + c` (not a fused multiply-add), so the result
// matches the unfused expression bit for bit.
template <typename T, bool SA, bool SB, bool SC>
void fma_loop(const T* a, const T* b, const T* c, T* z, long n) {
  for (long i = 0; i < n; i++) {
    T p = (SA ? a[i] : a[0]) * (SB ? b[i] : b[0]);
    z[i] = p + (SC ? c[i] : c[0]);
  }
}

template <typename T>
void fma(const T* a, long sa, const T* b, long sb, const T* c, long sc, T* z, long n) {
  switch ((sa ? 4 : 0) | (sb ? 2 : 0) | (sc ? 1 : 0)) {
    case 7: fma_loop<T, true, true, true>(a, b, c, z, n); break;
    case 6: fma_loop<T, true, true, false>(a, b, c, z, n); break;
    case 5: fma_loop<T, true, false, true>(a, b, c, z, n); break;
    case 4: fma_loop<T, true, false, false>(a, b, c, z, n); break;
    case 3: fma_loop<T, false, true, true>(a, b, c, z, n); break;
    case 2: fma_loop<T, false, true, false>(a, b, c, z, n); break;
    case 1: fma_loop<T, false, false, true>(a, b, c, z, n); break;
    default: fma_loop<T, false, false, false>(a, b, c, z, n); break;
  }
}

// 16 independent lanes: the compiler keeps them in vector registers, and the lanes also make
// the float sum more accurate than one running total.
template <typename T>
double reduce(ReduceKind kind, const T* x, long n) {
  constexpr int L = 16;
  double acc[L];
  long i = 0;
  switch (kind) {
    case ReduceKind::sum: {
      for (int l = 0; l < L; l++) acc[l] = 0;
      for (; i + L <= n; i += L)
        for (int l = 0; l < L; l++) acc[l] += x[i + l];
      double s = 0;
      for (; i < n; i++) s += x[i];
      for (int l = 0; l < L; l++) s += acc[l];
      return s;
    }
    case ReduceKind::prod: {
      for (int l = 0; l < L; l++) acc[l] = 1;
      for (; i + L <= n; i += L)
        for (int l = 0; l < L; l++) acc[l] *= x[i + l];
      double s = 1;
      for (; i < n; i++) s *= x[i];
      for (int l = 0; l < L; l++) s *= acc[l];
      return s;
    }
    case ReduceKind::max: return minmax_run<true>(x, n);
    case ReduceKind::min: return minmax_run<false>(x, n);
    default: return 0;
  }
}

template <typename T>
long argreduce(bool max, const T* x, long n) {
  return max ? arg_run<true>(x, n) : arg_run<false>(x, n);
}

template <typename T>
void accumulate(ReduceKind kind, const T* x, double* acc, long n) {
  switch (kind) {
    case ReduceKind::sum: for (long j = 0; j < n; j++) acc[j] += x[j]; break;
    case ReduceKind::prod: for (long j = 0; j < n; j++) acc[j] *= x[j]; break;
    case ReduceKind::max: for (long j = 0; j < n; j++) acc[j] = op_max<double>(x[j], acc[j]); break;
    case ReduceKind::min: for (long j = 0; j < n; j++) acc[j] = op_min<double>(x[j], acc[j]); break;
    default: break;
  }
}

// Bitwise & and | keep the selects branch-free so the loop vectorizes; once best[j] is NaN
// nothing replaces it (the first NaN wins), and ties keep the earlier row.
template <typename T>
void argaccumulate(bool max, const T* x, T* best, ArgIndex<T>* idx, long row, long n) {
  const ArgIndex<T> r = static_cast<ArgIndex<T>>(row);
  if (max) {
    for (long j = 0; j < n; j++) {
      T v = x[j], b = best[j];
      bool take = (v > b) | ((v != v) & (b == b));
      best[j] = take ? v : b;
      idx[j] = take ? r : idx[j];
    }
  } else {
    for (long j = 0; j < n; j++) {
      T v = x[j], b = best[j];
      bool take = (v < b) | ((v != v) & (b == b));
      best[j] = take ? v : b;
      idx[j] = take ? r : idx[j];
    }
  }
}

template <typename T>
void softmax(const T* x, T* y, long n, bool log) {
  if (n <= 0) return;
  T m = static_cast<T>(reduce(ReduceKind::max, x, n));
  for (long i = 0; i < n; i++) y[i] = x[i] - m;
  if (log) {
    // log softmax = (x - max) - log(sum exp(x - max)); exp goes through a scratch block so y
    // keeps the shifted values.
    double s = 0;
    T tmp[512];
    for (long i = 0; i < n; i += 512) {
      long len = n - i < 512 ? n - i : 512;
      vexp(y + i, tmp, len);
      s += reduce(ReduceKind::sum, tmp, len);
    }
    T ls = static_cast<T>(std::log(s));
    for (long i = 0; i < n; i++) y[i] -= ls;
  } else {
    vexp(y, y, n);
    T inv = static_cast<T>(1.0 / reduce(ReduceKind::sum, y, n));
    for (long i = 0; i < n; i++) y[i] *= inv;
  }
}

template <typename T>
EwKernels<T> table() {
  return {&unary<T>, &binary<T>, &fma<T>, &reduce<T>, &argreduce<T>, &accumulate<T>, &argaccumulate<T>, &softmax<T>};
}

}  // namespace

EwKernels<float> ew_f32() { return table<float>(); }
EwKernels<double> ew_f64() { return table<double>(); }

}  // namespace TB_ISA
}  // namespace tb
