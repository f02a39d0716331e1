// Finds and opens the NVIDIA libraries at run time (dlopen), so the addon builds and loads on
// machines without a GPU, a driver or a CUDA toolkit; each step that can fail says why in words
// a learner can act on. Library paths can be forced with environment variables (tests point
// them at fake libraries):
//   TENSORBOOK_CUDA_LIBCUDA   the driver library   (default: libcuda.so.1, libcuda.so)
//   TENSORBOOK_CUDA_LIBCUBLAS cuBLAS               (default: libcublas.so.13/.12/.11, libcublas.so)
//   TENSORBOOK_CUDA_LIBNVRTC  NVRTC                (default: libnvrtc.so.13/.12/.11.2/..., libnvrtc.so)
#pragma once
#include <string>

#include "cuda/api.h"

namespace tb {
namespace cuda {

/** Lowest driver API version the backend needs (cuDriverGetVersion's 1000·major + 10·minor). */
constexpr int kMinDriverVersion = 11000;

struct LoadStatus {
  bool ok = false;
  std::string reason;  // empty when ok
  std::string path;    // the library that was opened (or tried last)
};

/** Opens the driver, calls cuInit, checks its version and looks up every entry point. */
LoadStatus load_driver(Driver* out, int* driver_version);
/** Opens cuBLAS and looks up the GEMM entry points. */
LoadStatus load_blas(Blas* out);
/** Opens NVRTC; `major`/`minor` get its version. */
LoadStatus load_nvrtc(Nvrtc* out, int* major, int* minor);

/** "12.4" from 12040. */
std::string version_string(int v);
/** A driver error as "CUDA_ERROR_NO_DEVICE (100): no CUDA-capable device is detected". */
std::string driver_error(const Driver& d, CUresult r);

}  // namespace cuda
}  // namespace tb
