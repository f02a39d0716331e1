// See optim.h: the driver picks the active instruction set's loops (kernels.cc) and splits large
// variables over the thread pool.
#include "optim/optim.h"

#include <algorithm>

#include "cpu.h"
#include "optim/kernels.h"
#include "threadpool.h"

namespace tb {

namespace {

constexpr long kChunk = 1 << 16;

template <typename T>
OptimKernels<T> kernels();
template <>
OptimKernels<float> kernels<float>() {
  static const OptimKernels<float> k[3] = {generic::optim_f32(), avx2::optim_f32(), avx512::optim_f32()};
  return k[static_cast<int>(active_isa())];
}
template <>
OptimKernels<double> kernels<double>() {
  static const OptimKernels<double> k[3] = {generic::optim_f64(), avx2::optim_f64(), avx512::optim_f64()};
  return k[static_cast<int>(active_isa())];
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
  auto step = kernels<T>().step;
  if (n <= 2 * kChunk) {
    step(kind, hyper, ins, outs, 0, n);
    return;
  }
  long chunks = (n + kChunk - 1) / kChunk;
  ThreadPool::get().parallel_for(chunks, [&](long c) {
    step(kind, hyper, ins, outs, c * kChunk, std::min(n, (c + 1) * kChunk));
  });
}

template void optim_step<float>(OptimKind, const double*, const float* const*, float* const*, long);
template void optim_step<double>(OptimKind, const double*, const double* const*, double* const*, long);

}  // namespace tb
