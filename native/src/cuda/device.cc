#include "cuda/device.h"

#include <cstdlib>
#include <mutex>

namespace tb {
namespace cuda {
namespace {

Device g_dev;
LoadStatus g_status;
std::once_flag g_once;

LoadStatus fail(std::string reason) {
  LoadStatus s;
  s.reason = std::move(reason);
  return s;
}

LoadStatus start_once() {
  Device& d = g_dev;
  LoadStatus st = load_driver(&d.drv, &d.info.driver_version);
  if (!st.ok) return st;
  int count = 0;
  CUresult r = d.drv.cuDeviceGetCount(&count);
  if (r != CUDA_SUCCESS) return fail("the NVIDIA driver could not list devices: " + driver_error(d.drv, r));
  if (count == 0) return fail("the NVIDIA driver found no CUDA device");
  const char* want = std::getenv("TENSORBOOK_CUDA_DEVICE");
  int index = want && *want ? std::atoi(want) : 0;
  if (index < 0 || index >= count) {
    return fail("TENSORBOOK_CUDA_DEVICE=" + std::string(want) + " but only " + std::to_string(count) +
                " CUDA device(s) exist");
  }
  CUdevice dev = 0;
  char name[256] = {0};
  if ((r = d.drv.cuDeviceGet(&dev, index)) != CUDA_SUCCESS ||
      (r = d.drv.cuDeviceGetName(name, sizeof name - 1, dev)) != CUDA_SUCCESS ||
      (r = d.drv.cuDeviceTotalMem(&d.info.total_mem, dev)) != CUDA_SUCCESS ||
      (r = d.drv.cuDeviceGetAttribute(&d.info.cc_major, ATTR_COMPUTE_CAPABILITY_MAJOR, dev)) != CUDA_SUCCESS ||
      (r = d.drv.cuDeviceGetAttribute(&d.info.cc_minor, ATTR_COMPUTE_CAPABILITY_MINOR, dev)) != CUDA_SUCCESS ||
      (r = d.drv.cuDeviceGetAttribute(&d.info.multiprocessors, ATTR_MULTIPROCESSOR_COUNT, dev)) != CUDA_SUCCESS) {
    return fail("the NVIDIA driver could not describe device " + std::to_string(index) + ": " + driver_error(d.drv, r));
  }
  d.info.name = name;
  d.info.index = index;
  if (d.info.cc_major < 5) {
    return fail(d.info.name + " has compute capability " + std::to_string(d.info.cc_major) + "." +
                std::to_string(d.info.cc_minor) + "; 5.0 or newer needed");
  }
  // The primary context is the one the CUDA runtime (and PyTorch) share, so a process using
  // both does not pay for two contexts' memory.
  if ((r = d.drv.cuDevicePrimaryCtxRetain(&d.ctx, dev)) != CUDA_SUCCESS ||
      (r = d.drv.cuCtxSetCurrent(d.ctx)) != CUDA_SUCCESS) {
    return fail("could not open a CUDA context on " + d.info.name + ": " + driver_error(d.drv, r));
  }
  if ((r = d.drv.cuStreamCreate(&d.stream, CU_STREAM_NON_BLOCKING)) != CUDA_SUCCESS) {
    return fail("could not create a CUDA stream: " + driver_error(d.drv, r));
  }
  LoadStatus blas = load_blas(&d.blas);
  if (!blas.ok) return blas;
  if (d.blas.create(&d.handle) != 0) return fail("cuBLAS failed to start (cublasCreate) on " + d.info.name);
  d.blas.getVersion(d.handle, &d.info.blas_version);
  d.blas.setStream(d.handle, d.stream);
  // Pedantic math: float32 products stay IEEE float32 unless TF32 is asked for (setTf32).
  d.blas.setMathMode(d.handle, CUBLAS_PEDANTIC_MATH);
  LoadStatus rtc = load_nvrtc(&d.rtc, &d.info.nvrtc_major, &d.info.nvrtc_minor);
  if (!rtc.ok) return rtc;
  st.ok = true;
  st.reason.clear();
  return st;
}

}  // namespace

const LoadStatus& start() {
  std::call_once(g_once, [] { g_status = start_once(); });
  return g_status;
}

Device& device() {
  const LoadStatus& s = start();
  if (!s.ok) throw CudaError("CUDA is unavailable: " + s.reason);
  return g_dev;
}

void check(CUresult r, const char* what) {
  if (r != CUDA_SUCCESS) throw CudaError(std::string(what) + " failed: " + driver_error(g_dev.drv, r));
}

void bind_thread() {
  Device& d = device();
  check(d.drv.cuCtxSetCurrent(d.ctx), "cuCtxSetCurrent");
}

void synchronize() {
  Device& d = device();
  check(d.drv.cuStreamSynchronize(d.stream), "cuStreamSynchronize");
}

}  // namespace cuda
}  // namespace tb
