// Element-wise operations the addon implements, and the per-instruction-set loops over
// contiguous runs that everything strided is reduced to (see dispatch.cc).
#pragma once
#include <cstdint>
#include <type_traits>

namespace tb {

enum class Unary : int {
  copy, neg, abs, sign, sqrt, square, reciprocal, exp, expm1, log, log1p, sin, cos, tanh,
  sigmoid, relu, floor, ceil, trunc, count
};
// relu_grad(dy, y) = y > 0 ? dy : 0: the gradient of relu from its output.
enum class Binary : int { add, sub, mul, div, maximum, minimum, fmax, fmin, relu_grad, count };
enum class ReduceKind : int { sum, prod, max, min, count };

// Row indices kept beside running extremes: an integer as wide as T.
template <typename T>
using ArgIndex = std::conditional_t<sizeof(T) == 8, int64_t, int32_t>;

// Loops over contiguous data. Binary operands have stride 0 (a broadcast scalar) or 1.
template <typename T>
struct EwKernels {
  void (*unary)(Unary op, const T* x, T* y, long n);
  void (*binary)(Binary op, const T* x, long sx, const T* y, long sy, T* z, long n);
  void (*fma)(const T* a, long sa, const T* b, long sb, const T* c, long sc, T* z, long n);
  // Reduces x[0..n) (contiguous) in double precision for sums and products.
  double (*reduce)(ReduceKind kind, const T* x, long n);
  // Index of the first largest (max) or smallest element of x[0..n) (contiguous, n >= 1); the
  // first NaN wins, as in NumPy.
  long (*argreduce)(bool max, const T* x, long n);
  // acc[j] (op)= x[j] for j < n: the step of a reduction over an outer axis.
  void (*accumulate)(ReduceKind kind, const T* x, double* acc, long n);
  // The step of an argmax (max) or argmin over an outer axis: where x[j] beats best[j], or is
  // the first NaN, best[j] = x[j] and idx[j] = row (idx has T's width so the loop vectorizes).
  void (*argaccumulate)(bool max, const T* x, T* best, ArgIndex<T>* idx, long row, long n);
  // Row softmax (or log-softmax) of a contiguous row of n values.
  void (*softmax)(const T* x, T* y, long n, bool log);
};

#define TB_DECLARE_EW(ns)        \
  namespace ns {                 \
  EwKernels<float> ew_f32();     \
  EwKernels<double> ew_f64();    \
  }
TB_DECLARE_EW(generic)
TB_DECLARE_EW(avx2)
TB_DECLARE_EW(avx512)
#undef TB_DECLARE_EW

// The kernels of the active instruction set.
template <typename T>
const EwKernels<T>& ew();

}  // namespace tb
