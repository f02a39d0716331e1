// General matrix multiply C = alpha * A B + beta * C on strided operands, float32 and float64,
// optionally batched. Any row/column strides are accepted, so transposed and sliced views are
// multiplied without copying them first (packing reads them in place).
#pragma once
#include "cancel.h"

namespace tb {

template <typename T>
struct GemmArgs {
  long m = 0, n = 0, k = 0;
  const T* a = nullptr;  // m x k: element (i, p) at a[i * rsa + p * csa]
  long rsa = 0, csa = 0;
  const T* b = nullptr;  // k x n: element (p, j) at b[p * rsb + j * csb]
  long rsb = 0, csb = 0;
  T* c = nullptr;        // m x n: element (i, j) at c[i * rsc + j * csc]
  long rsc = 0, csc = 0;
  T alpha = 1, beta = 0;  // beta == 0 never reads C (NaNs in C do not leak through)
  long batch = 1;         // matrices in the batch, each offset by the batch strides below
  long sba = 0, sbb = 0, sbc = 0;
};

// Runs the product on the thread pool with the active instruction set. Returns false when the
// cancel flag stopped it (C is then partly written).
template <typename T>
bool gemm(const GemmArgs<T>& g, const Cancel& cancel = Cancel());

// The same product on the calling thread only (for callers that run their own loop on the pool,
// one product per task).
template <typename T>
bool gemm_serial(const GemmArgs<T>& g, const Cancel& cancel = Cancel());

// The practical peak of the active variant in GFLOP/s on `threads` threads (register-only
// multiply-adds for about `seconds`), for benchmarks to report a fraction of.
double peak_gflops(bool f64, int threads, double seconds);

extern template bool gemm<float>(const GemmArgs<float>&, const Cancel&);
extern template bool gemm<double>(const GemmArgs<double>&, const Cancel&);
extern template bool gemm_serial<float>(const GemmArgs<float>&, const Cancel&);
extern template bool gemm_serial<double>(const GemmArgs<double>&, const Cancel&);

}  // namespace tb
