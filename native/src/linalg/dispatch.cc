// Picks the QR kernels of the active instruction set.
#include "cpu.h"
#include "linalg/qr.h"

namespace tb {

const QrKernels& qr() {
  static const QrKernels k[3] = {generic::qr_kernels(), avx2::qr_kernels(), avx512::qr_kernels()};
  return k[static_cast<int>(active_isa())];
}

}  // namespace tb
