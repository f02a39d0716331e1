// Householder QR (LAPACK geqrf layout) of a row-major float64 matrix, in place: R on and above
// the diagonal, reflector j's vector below A[j][j] (implicit unit), its τ in tau[j]. The engine's
// engine/src/linalg/qr.ts is the reference and the fallback; this is the same blocked
// algorithm with the level-2 panel work in compiled loops. Compiled once per instruction set.
#pragma once

namespace tb {

struct QrKernels {
  // QR of the m×n matrix at a (row stride lda); tau has min(m, n) entries. Columns are taken
  // nb at a time: each panel is factored in a compact copy, then applied to the columns on its
  // right with two GEMMs (compact WY form). With c (m×nc, row stride ldc), c ← Qᵀ·c as well,
  // block by block (what a least-squares solve needs, without a second pass over the reflectors).
  void (*geqrf)(long m, long n, double* a, long lda, double* tau, long nb, double* c, long ldc, long nc);
};

#define TB_DECLARE_QR(ns) \
  namespace ns {          \
  QrKernels qr_kernels(); \
  }
TB_DECLARE_QR(generic)
TB_DECLARE_QR(avx2)
TB_DECLARE_QR(avx512)
#undef TB_DECLARE_QR

// The kernels of the active instruction set.
const QrKernels& qr();

}  // namespace tb
