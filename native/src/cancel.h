// A cancel flag shared with JavaScript: an Int32Array whose first element a caller sets to
// non-zero to ask a running kernel to stop. Kernels check it between blocks of work, never
// inside a micro-kernel, so the check costs nothing measurable.
#pragma once
#include <cstdint>

namespace tb {

struct Cancel {
  const volatile int32_t* flag = nullptr;
  bool requested() const { return flag != nullptr && *flag != 0; }
};

}  // namespace tb
