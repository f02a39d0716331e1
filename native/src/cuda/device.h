// The one CUDA device the backend uses: libraries loaded, the primary context made current,
// one stream for all work, cuBLAS bound to it. Everything runs in order on that stream, which
// is what lets the caching allocator hand a freed block to the next request at once (the
// block's last use is ordered before any later use).
#pragma once
#include <stdexcept>
#include <string>

#include "cuda/api.h"
#include "cuda/loader.h"

namespace tb {
namespace cuda {

struct DeviceInfo {
  std::string name;
  int index = 0;
  int cc_major = 0, cc_minor = 0;
  int multiprocessors = 0;
  size_t total_mem = 0;
  int driver_version = 0;
  int blas_version = 0;
  int nvrtc_major = 0, nvrtc_minor = 0;
};

struct Device {
  Driver drv{};
  Blas blas{};
  Nvrtc rtc{};
  DeviceInfo info;
  CUcontext ctx = nullptr;
  CUstream stream = nullptr;
  cublasHandle_t handle = nullptr;
  bool tf32 = false;  // cuBLAS may use TF32 tensor cores for float32 only when asked
};

/** Thrown for any CUDA failure after start-up; the bindings turn it into a JS Error. */
struct CudaError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/**
 * Starts the backend once (later calls return the first outcome): loads the three libraries,
 * picks device TENSORBOOK_CUDA_DEVICE (default 0), creates the stream and the cuBLAS handle.
 */
const LoadStatus& start();
/** The started device; throws CudaError with start()'s reason when it is unavailable. */
Device& device();

/** Throws CudaError naming `what` when a driver call failed. */
void check(CUresult r, const char* what);
/** Makes the context current on the calling thread (napi async workers run elsewhere). */
void bind_thread();
/** Waits for all queued work. */
void synchronize();

}  // namespace cuda
}  // namespace tb
