// The fused optimizer loops (see optim.h), compiled once per instruction set like the GEMM and
// element-wise kernels (TB_ISA names the namespace): the float/double conversions and the
// double arithmetic vectorize at the variant's width. Each element's arithmetic is the same
// sequence of double operations as the TypeScript update; the build passes -ffp-contract=off,
// so nothing is contracted into fused multiply-adds.
#include <cmath>

#include "optim/kernels.h"

namespace tb {
namespace TB_ISA {
namespace {

// JavaScript's Math.max: NaN when either side is NaN.
inline double js_max(double a, double b) { return (a != a || b != b) ? a + b : (a > b ? a : b); }

template <typename T>
void sgd(const double* h, const T* const* in, T* const* out, long lo, long hi) {
  const double lr = h[0], k = h[1];
  const T* __restrict w = in[0];
  const T* __restrict g = in[1];
  T* __restrict wo = out[0];
  if (k == 1) {
    for (long i = lo; i < hi; i++) wo[i] = static_cast<T>(static_cast<double>(w[i]) - lr * static_cast<double>(g[i]));
  } else {
    for (long i = lo; i < hi; i++) {
      double wd = static_cast<T>(static_cast<double>(w[i]) * k);
      wo[i] = static_cast<T>(wd - lr * static_cast<double>(g[i]));
    }
  }
}

template <typename T>
void momentum(const double* h, const T* const* in, T* const* out, long lo, long hi) {
  const double lr = h[0], k = h[1], mu = h[2];
  const bool nesterov = h[3] != 0;
  const T *__restrict w = in[0], *__restrict g = in[1], *__restrict v = in[2];
  T *__restrict wo = out[0], *__restrict vo = out[1];
  for (long i = lo; i < hi; i++) {
    double wi = k == 1 ? static_cast<double>(w[i]) : static_cast<double>(static_cast<T>(static_cast<double>(w[i]) * k));
    double gi = static_cast<double>(g[i]);
    double vi = mu * static_cast<double>(v[i]) - lr * gi;
    vo[i] = static_cast<T>(vi);
    wo[i] = static_cast<T>(wi + (nesterov ? mu * vi - lr * gi : vi));
  }
}

template <typename T>
void adam(const double* h, const T* const* in, T* const* out, long lo, long hi) {
  const double alpha = h[0], k = h[1], b1 = h[2], b2 = h[3], eps = h[4];
  const bool ams = h[5] != 0;
  const T *__restrict w = in[0], *__restrict g = in[1], *__restrict m = in[2], *__restrict v = in[3];
  const T* __restrict vh = ams ? in[4] : nullptr;
  T *__restrict wo = out[0], *__restrict mo = out[1], *__restrict vo = out[2];
  T* __restrict vho = ams ? out[3] : nullptr;
  for (long i = lo; i < hi; i++) {
    double wi = k == 1 ? static_cast<double>(w[i]) : static_cast<double>(static_cast<T>(static_cast<double>(w[i]) * k));
    double gi = static_cast<double>(g[i]);
    double m0 = static_cast<double>(m[i]);
    double mi = m0 + (gi - m0) * (1 - b1);
    mo[i] = static_cast<T>(mi);
    double v0 = static_cast<double>(v[i]);
    double vi = v0 + (gi * gi - v0) * (1 - b2);
    vo[i] = static_cast<T>(vi);
    if (ams) {
      vi = js_max(static_cast<double>(vh[i]), vi);
      vho[i] = static_cast<T>(vi);
    }
    wo[i] = static_cast<T>(wi - (alpha * mi) / (std::sqrt(vi) + eps));
  }
}

template <typename T>
void step(OptimKind kind, const double* hyper, const T* const* ins, T* const* outs, long lo, long hi) {
  switch (kind) {
    case OptimKind::sgd: sgd<T>(hyper, ins, outs, lo, hi); break;
    case OptimKind::momentum: momentum<T>(hyper, ins, outs, lo, hi); break;
    case OptimKind::adam: adam<T>(hyper, ins, outs, lo, hi); break;
    default: break;
  }
}

}  // namespace

OptimKernels<float> optim_f32() { return {&step<float>}; }
OptimKernels<double> optim_f64() { return {&step<double>}; }

}  // namespace TB_ISA
}  // namespace tb
