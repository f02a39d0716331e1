// Picks the scikit-learn layer's kernels of the active instruction set.
#include "cpu.h"
#include "sk/prep.h"
#include "sk/sgd.h"

namespace tb {

const SgdKernels& sgd() {
  static const SgdKernels k[3] = {generic::sgd_kernels(), avx2::sgd_kernels(), avx512::sgd_kernels()};
  return k[static_cast<int>(active_isa())];
}

const PrepKernels& prep() {
  static const PrepKernels k[3] = {generic::prep_kernels(), avx2::prep_kernels(), avx512::prep_kernels()};
  return k[static_cast<int>(active_isa())];
}

}  // namespace tb
