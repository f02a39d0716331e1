// The register-blocked micro-kernel of one instruction set: it multiplies a packed MR x kc
// panel of A by a packed kc x NR panel of B and writes the MR x NR tile of C. The driver does
// everything else (blocking, packing, edges, threads), in portable code.
#pragma once

namespace tb {

template <typename T>
struct MicroKernel {
  int mr = 0;  // rows of the tile (A values broadcast per k step)
  int nr = 0;  // columns of the tile (a multiple of the vector width; B is loaded as vectors)
  // C[i * ldc + j] = alpha * sum_p a[p * mr + i] * b[p * ldb + j] + beta * C[i * ldc + j];
  // beta == 0 does not read C. ldb is nr for a packed panel of B, or the row stride of a
  // row-major B read in place (small products, where packing B costs as much as using it).
  void (*run)(long kc, const T* a, const T* b, long ldb, T* c, long ldc, T alpha, T beta) = nullptr;
  // Runs `iters` steps of independent register-only multiply-adds at this variant's vector
  // width and returns the floating-point operations done: the practical peak the GEMM
  // benchmark reports fractions of.
  double (*peak)(long iters) = nullptr;
};

// One set per instruction-set variant, each compiled in its own library with its own flags.
#define TB_DECLARE_KERNELS(ns)           \
  namespace ns {                         \
  MicroKernel<float> kernel_f32();       \
  MicroKernel<double> kernel_f64();      \
  }
TB_DECLARE_KERNELS(generic)
TB_DECLARE_KERNELS(avx2)
TB_DECLARE_KERNELS(avx512)
#undef TB_DECLARE_KERNELS

}  // namespace tb
