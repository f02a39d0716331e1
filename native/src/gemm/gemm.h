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
  // A supplied already packed: when set, `a`/`rsa`/`csa` are not read and the driver calls
  // pack_a(pack_ctx, i0, p0, mc, kc, mr, dst) for every block of A it needs, which must write
  // rows [i0, i0 + mc) x depth [p0, p0 + kc) of A into panels of mr rows: panel q at
  // dst + q * mr * kc, element (i0 + q * mr + i, p0 + p) at p * mr + i, rows past mc set to 0
  // (pack_a_columns below does it for columns read from anywhere). Lets a caller gather its
  // operand straight into the kernels' layout (the convolution's dW) instead of into a matrix
  // that the GEMM then packs again. Only with batch == 1.
  void (*pack_a)(const void* ctx, long i0, long p0, long mc, long kc, int mr, T* dst) = nullptr;
  const void* pack_ctx = nullptr;
};

// Writes A's panels as GemmArgs::pack_a must, for an A whose column p is contiguous at col(p)
// (A(i, p) = col(p)[i]): each column is read once, along memory, and dealt out to the panels.
template <int MR, typename T, typename Col>
void pack_a_columns_fixed(Col&& col, long i0, long p0, long mc, long kc, T* dst) {
  const long full = mc / MR * MR;
  for (long p = 0; p < kc; p++) {
    const T* src = col(p0 + p) + i0;
    T* d = dst + p * MR;
    for (long q = 0; q < full; q += MR, d += MR * kc)
      for (int i = 0; i < MR; i++) d[i] = src[q + i];
    if (full < mc) {
      for (long i = 0; i < mc - full; i++) d[i] = src[full + i];
      for (long i = mc - full; i < MR; i++) d[i] = T(0);
    }
  }
}

template <typename T, typename Col>
void pack_a_columns(Col&& col, long i0, long p0, long mc, long kc, int mr, T* dst) {
  switch (mr) {
    case 4: return pack_a_columns_fixed<4>(col, i0, p0, mc, kc, dst);
    case 6: return pack_a_columns_fixed<6>(col, i0, p0, mc, kc, dst);
    case 12: return pack_a_columns_fixed<12>(col, i0, p0, mc, kc, dst);
    default: {
      const long full = mc / mr * mr;
      for (long p = 0; p < kc; p++) {
        const T* src = col(p0 + p) + i0;
        for (long i = 0; i < (mc + mr - 1) / mr * mr; i++)
          dst[i / mr * mr * kc + p * mr + i % mr] = i < mc ? src[i] : T(0);
      }
      (void)full;
    }
  }
}

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
