// See optim.h. The loops are written so that each element's arithmetic is the same sequence of
// double operations as the TypeScript update (no contraction into fused multiply-adds: the
// build passes -ffp-contract=off), then split over the thread pool for large variables.
#include "optim/optim.h"

#include <algorithm>
#include <cmath>

#include "threadpool.h"

namespace tb {

namespace {

constexpr long kChunk = 1 << 16;

// JavaScript's Math.max: NaN when either side is NaN.
inline double js_max(double a, double b) { return (a != a || b != b) ? a + b : (a > b ? a : b); }

template <typename T>
void sgd(const double* h, const T* const* in, T* const* out, long lo, long hi) {
  const double lr = h[0], k = h[1];
  const T* w = in[0];
  const T* g = in[1];
  T* wo = out[0];
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
  const T *w = in[0], *g = in[1], *v = in[2];
  T *wo = out[0], *vo = out[1];
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
  const T *w = in[0], *g = in[1], *m = in[2], *v = in[3], *vh = ams ? in[4] : nullptr;
  T *wo = out[0], *mo = out[1], *vo = out[2], *vho = ams ? out[3] : nullptr;
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

}  // namespace

int optim_hyper_count(OptimKind kind) {
  switch (kind) {
    case OptimKind::sgd: return 2;
    case OptimKind::momentum: return 4;
    case OptimKind::adam: return 6;
    default: return 0;
  }
}

int optim_slots(OptimKind kind, const double* hyper) {
  switch (kind) {
    case OptimKind::momentum: return 1;
    case OptimKind::adam: return hyper[5] != 0 ? 3 : 2;
    default: return 0;
  }
}

template <typename T>
void optim_step(OptimKind kind, const double* hyper, const T* const* ins, T* const* outs, long n) {
  auto body = [&](long lo, long hi) {
    switch (kind) {
      case OptimKind::sgd: sgd<T>(hyper, ins, outs, lo, hi); break;
      case OptimKind::momentum: momentum<T>(hyper, ins, outs, lo, hi); break;
      case OptimKind::adam: adam<T>(hyper, ins, outs, lo, hi); break;
      default: break;
    }
  };
  if (n <= 2 * kChunk) {
    body(0, n);
    return;
  }
  long chunks = (n + kChunk - 1) / kChunk;
  ThreadPool::get().parallel_for(chunks, [&](long c) { body(c * kChunk, std::min(n, (c + 1) * kChunk)); });
}

template void optim_step<float>(OptimKind, const double*, const float* const*, float* const*, long);
template void optim_step<double>(OptimKind, const double*, const double* const*, double* const*, long);

}  // namespace tb
