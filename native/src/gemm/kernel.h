// The register-blocked micro-kernels of one instruction set: they multiply an MR x kc panel of
// A by a kc x NR panel of B and write the MR x NR tile of C, or any smaller corner of it (the
// edges of C). The driver does everything else (blocking, packing, threads), in portable code.
#pragma once

namespace tb {

template <typename T>
struct MicroKernel {
  int mr = 0;  // rows of the tile (A values broadcast per k step)
  int nr = 0;  // columns of the tile (a multiple of the vector width; B is loaded as vectors)
  // Panel widths the edge kernels read, ascending, the last one nr: a ragged last panel of B
  // with `cols` columns is packed `width(cols)` wide (the narrowest one >= cols), so a 10-column
  // edge costs a 16-wide tile, not a 32-wide one. Unused entries are 0.
  int widths[3] = {0, 0, 0};
  // C[i * ldc + j] = alpha * sum_p A(i, p) * b[p * ldb + j] + beta * C[i * ldc + j] for
  // i < rows <= mr, j < cols <= nr; beta == 0 does not read C, and nothing outside the rows x
  // cols corner of C is read or written. A(i, p) is a[p * mr + i] (a packed panel, lda == 0) or
  // a[i * lda + p] (a row-major A read in place; then rows == mr). b holds at least width(cols)
  // readable columns per row: ldb is the panel width for a packed panel of B, or the row stride
  // of a row-major B read in place.
  void (*run)(long kc, const T* a, long lda, const T* b, long ldb, T* c, long ldc, T alpha, T beta, int rows,
              int cols) = nullptr;
  // Runs `iters` steps of independent register-only multiply-adds at this variant's vector
  // width and returns the floating-point operations done: the practical peak the GEMM
  // benchmark reports fractions of.
  double (*peak)(long iters) = nullptr;

  int width(long cols) const {
    for (int w : widths)
      if (w >= cols) return w;
    return nr;
  }
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
