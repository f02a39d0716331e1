// Picks the SGD kernels of the active instruction set.
#include "cpu.h"
#include "sk/sgd.h"

namespace tb {

const SgdKernels& sgd() {
  static const SgdKernels k[3] = {generic::sgd_kernels(), avx2::sgd_kernels(), avx512::sgd_kernels()};
  return k[static_cast<int>(active_isa())];
}

}  // namespace tb
