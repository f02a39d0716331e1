// Column sums with a finiteness check, and the centred copy (see prep.h), per instruction set.
#include <cfloat>
#include <cmath>

#include "sk/prep.h"

namespace tb {
namespace TB_ISA {
namespace {

bool column_sums(const double* __restrict x, long rows, long cols, long ld, const double* w,
                 double* __restrict sums) {
  for (long j = 0; j < cols; j++) sums[j] = 0;
  for (long i = 0; i < rows; i++) {
    const double* __restrict r = x + i * ld;
    // |x| ≤ DBL_MAX fails for NaN and ±∞ alone; an integer OR keeps the loop vectorized.
    int bad = 0;
    if (w) {
      const double wi = w[i];
      for (long j = 0; j < cols; j++) {
        sums[j] += wi * r[j];
        bad |= !(std::fabs(r[j]) <= DBL_MAX);
      }
    } else {
      for (long j = 0; j < cols; j++) {
        sums[j] += r[j];
        bad |= !(std::fabs(r[j]) <= DBL_MAX);
      }
    }
    if (bad) return false;
  }
  return true;
}

void subtract_into(const double* __restrict x, long rows, long cols, const double* __restrict mean,
                   double* __restrict out) {
  for (long i = 0; i < rows; i++) {
    const double* __restrict r = x + i * cols;
    double* __restrict o = out + i * cols;
    for (long j = 0; j < cols; j++) o[j] = r[j] - mean[j];
  }
}

}  // namespace

PrepKernels prep_kernels() { return PrepKernels{column_sums, subtract_into}; }

}  // namespace TB_ISA
}  // namespace tb
