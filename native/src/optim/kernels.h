// The per-instruction-set loops of the fused optimizer updates (kernels.cc, compiled into each
// variant's library), called by optim.cc on ranges of elements.
#pragma once
#include "optim/optim.h"

namespace tb {

template <typename T>
struct OptimKernels {
  // Updates elements [lo, hi) of one variable (see optim.h for the arrays and hyper-parameters).
  void (*step)(OptimKind kind, const double* hyper, const T* const* ins, T* const* outs, long lo, long hi);
};

#define TB_DECLARE_OPTIM(ns)          \
  namespace ns {                      \
  OptimKernels<float> optim_f32();    \
  OptimKernels<double> optim_f64();   \
  }
TB_DECLARE_OPTIM(generic)
TB_DECLARE_OPTIM(avx2)
TB_DECLARE_OPTIM(avx512)
#undef TB_DECLARE_OPTIM

}  // namespace tb
