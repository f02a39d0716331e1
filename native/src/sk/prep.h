// Passes over a row-major float64 data matrix that the linear models make before solving,
// fused so the matrix is read as few times as possible: a finiteness check with the column
// sums, and a centred copy. Compiled once per instruction set; the sums add the rows in order,
// column by column (vectorized across columns), so they are the TypeScript loop's sums exactly.
#pragma once

namespace tb {

struct PrepKernels {
  // sums[j] = Σ_i w[i]·x[i][j] (w null: Σ_i x[i][j]) over the rows×cols matrix x (row stride
  // ld). Returns false as soon as a row holds NaN or ±∞ (sums are then incomplete).
  bool (*column_sums)(const double* x, long rows, long cols, long ld, const double* w, double* sums);
  // out[i][j] = x[i][j] − mean[j] (x and out with row stride cols).
  void (*subtract_into)(const double* x, long rows, long cols, const double* mean, double* out);
};

#define TB_DECLARE_PREP(ns) \
  namespace ns {            \
  PrepKernels prep_kernels(); \
  }
TB_DECLARE_PREP(generic)
TB_DECLARE_PREP(avx2)
TB_DECLARE_PREP(avx512)
#undef TB_DECLARE_PREP

// The kernels of the active instruction set.
const PrepKernels& prep();

}  // namespace tb
