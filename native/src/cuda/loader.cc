#include "cuda/loader.h"

#include <dlfcn.h>

#include <cstdlib>
#include <vector>

namespace tb {
namespace cuda {
namespace {

struct Opened {
  void* handle = nullptr;
  std::string path;
  std::string error;  // dlerror of the last attempt
};

// The env var wins (and is the only candidate, so a test's fake library is never mixed up with
// a real one found on the system); otherwise the sonames are tried newest first.
Opened open_first(const char* env, const std::vector<const char*>& sonames) {
  Opened o;
  const char* forced = std::getenv(env);
  std::vector<std::string> tries;
  if (forced && *forced) tries.emplace_back(forced);
  else
    for (const char* s : sonames) tries.emplace_back(s);
  for (const std::string& t : tries) {
    // RTLD_LOCAL: the symbols stay private to us, never interposing on another copy of CUDA
    // that a different addon (or PyTorch in the same process) may have loaded.
    o.handle = dlopen(t.c_str(), RTLD_NOW | RTLD_LOCAL);
    o.path = t;
    if (o.handle) return o;
    const char* e = dlerror();
    if (o.error.empty()) o.error = e ? e : "unknown dlopen error";  // the first (most specific) failure
  }
  return o;
}

std::string tried_list(const char* env, const std::vector<const char*>& sonames) {
  const char* forced = std::getenv(env);
  if (forced && *forced) return std::string(forced) + " from " + env;
  std::string s;
  for (const char* n : sonames) s += (s.empty() ? "" : ", ") + std::string(n);
  return s;
}

template <typename F>
void find(void* lib, const char* name, F* slot, std::string* missing) {
  *slot = reinterpret_cast<F>(dlsym(lib, name));
  if (!*slot) *missing += (missing->empty() ? "" : ", ") + std::string(name);
}

const std::vector<const char*> kCudaNames = {"libcuda.so.1", "libcuda.so"};
const std::vector<const char*> kBlasNames = {"libcublas.so.13", "libcublas.so.12", "libcublas.so.11",
                                             "libcublas.so"};
const std::vector<const char*> kNvrtcNames = {"libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so.11.2",
                                              "libnvrtc.so.11.1", "libnvrtc.so.11.0", "libnvrtc.so"};

}  // namespace

std::string version_string(int v) { return std::to_string(v / 1000) + "." + std::to_string((v % 1000) / 10); }

std::string driver_error(const Driver& d, CUresult r) {
  std::string text;
  const char* s = nullptr;
  if (d.cuGetErrorString && d.cuGetErrorString(r, &s) == CUDA_SUCCESS && s) text = s;
  else if (r == CUDA_ERROR_NO_DEVICE) text = "no CUDA-capable device is detected";
  else if (r == CUDA_ERROR_OUT_OF_MEMORY) text = "out of memory";
  else if (r == 35) text = "the installed NVIDIA driver is older than the CUDA runtime";
  else text = "driver error";
  return text + " (CUresult " + std::to_string(r) + ")";
}

LoadStatus load_driver(Driver* d, int* driver_version) {
  *d = Driver{};
  LoadStatus st;
  Opened lib = open_first("TENSORBOOK_CUDA_LIBCUDA", kCudaNames);
  st.path = lib.path;
  if (!lib.handle) {
    st.reason = "no NVIDIA driver found (" + tried_list("TENSORBOOK_CUDA_LIBCUDA", kCudaNames) +
                " not loadable: " + lib.error + ")";
    return st;
  }
  std::string missing;
  find(lib.handle, "cuInit", &d->cuInit, &missing);
  if (!d->cuInit) {
    st.reason = "the NVIDIA driver library " + lib.path + " lacks cuInit (not a CUDA driver library)";
    return st;
  }
  // Optional: only used to word errors.
  d->cuGetErrorString = reinterpret_cast<decltype(d->cuGetErrorString)>(dlsym(lib.handle, "cuGetErrorString"));
  CUresult r = d->cuInit(0);
  if (r == CUDA_ERROR_NO_DEVICE) {
    st.reason = "the NVIDIA driver found no CUDA device: " + driver_error(*d, r);
    return st;
  }
  if (r != CUDA_SUCCESS) {
    st.reason = "the NVIDIA driver failed to start (cuInit: " + driver_error(*d, r) + ")";
    return st;
  }
  find(lib.handle, "cuDriverGetVersion", &d->cuDriverGetVersion, &missing);
  int v = 0;
  if (d->cuDriverGetVersion && d->cuDriverGetVersion(&v) != CUDA_SUCCESS) v = 0;
  *driver_version = v;
  if (v < kMinDriverVersion) {
    st.reason = "driver too old: CUDA " + std::to_string(kMinDriverVersion / 1000) + ".x needed, found " +
                (v ? version_string(v) : std::string("an unknown version"));
    return st;
  }
  // The _v2 names are the 64-bit-size entry points every driver since CUDA 3.2 exports.
  find(lib.handle, "cuDeviceGetCount", &d->cuDeviceGetCount, &missing);
  find(lib.handle, "cuDeviceGet", &d->cuDeviceGet, &missing);
  find(lib.handle, "cuDeviceGetName", &d->cuDeviceGetName, &missing);
  find(lib.handle, "cuDeviceTotalMem_v2", &d->cuDeviceTotalMem, &missing);
  find(lib.handle, "cuDeviceGetAttribute", &d->cuDeviceGetAttribute, &missing);
  find(lib.handle, "cuDevicePrimaryCtxRetain", &d->cuDevicePrimaryCtxRetain, &missing);
  find(lib.handle, "cuCtxSetCurrent", &d->cuCtxSetCurrent, &missing);
  find(lib.handle, "cuCtxSynchronize", &d->cuCtxSynchronize, &missing);
  find(lib.handle, "cuMemGetInfo_v2", &d->cuMemGetInfo, &missing);
  find(lib.handle, "cuMemAlloc_v2", &d->cuMemAlloc, &missing);
  find(lib.handle, "cuMemFree_v2", &d->cuMemFree, &missing);
  find(lib.handle, "cuMemHostAlloc", &d->cuMemHostAlloc, &missing);
  find(lib.handle, "cuMemFreeHost", &d->cuMemFreeHost, &missing);
  find(lib.handle, "cuMemcpyHtoDAsync_v2", &d->cuMemcpyHtoDAsync, &missing);
  find(lib.handle, "cuMemcpyDtoHAsync_v2", &d->cuMemcpyDtoHAsync, &missing);
  find(lib.handle, "cuMemcpyDtoDAsync_v2", &d->cuMemcpyDtoDAsync, &missing);
  find(lib.handle, "cuMemsetD8Async", &d->cuMemsetD8Async, &missing);
  find(lib.handle, "cuStreamCreate", &d->cuStreamCreate, &missing);
  find(lib.handle, "cuStreamSynchronize", &d->cuStreamSynchronize, &missing);
  find(lib.handle, "cuEventCreate", &d->cuEventCreate, &missing);
  find(lib.handle, "cuEventRecord", &d->cuEventRecord, &missing);
  find(lib.handle, "cuEventSynchronize", &d->cuEventSynchronize, &missing);
  find(lib.handle, "cuModuleLoadData", &d->cuModuleLoadData, &missing);
  find(lib.handle, "cuModuleGetFunction", &d->cuModuleGetFunction, &missing);
  find(lib.handle, "cuLaunchKernel", &d->cuLaunchKernel, &missing);
  if (!missing.empty()) {
    st.reason = "the NVIDIA driver library " + lib.path + " lacks " + missing + " (driver too old or damaged)";
    return st;
  }
  // The library stays open for the life of the process, on purpose: its functions are used
  // until exit.
  st.ok = true;
  return st;
}

LoadStatus load_blas(Blas* b) {
  *b = Blas{};
  LoadStatus st;
  Opened lib = open_first("TENSORBOOK_CUDA_LIBCUBLAS", kBlasNames);
  st.path = lib.path;
  if (!lib.handle) {
    st.reason = "cuBLAS not found (" + tried_list("TENSORBOOK_CUDA_LIBCUBLAS", kBlasNames) +
                " not loadable: " + lib.error + "; install the CUDA toolkit's cuBLAS or set TENSORBOOK_CUDA_LIBCUBLAS)";
    return st;
  }
  std::string missing;
  find(lib.handle, "cublasCreate_v2", &b->create, &missing);
  find(lib.handle, "cublasGetVersion_v2", &b->getVersion, &missing);
  find(lib.handle, "cublasSetStream_v2", &b->setStream, &missing);
  find(lib.handle, "cublasSetMathMode", &b->setMathMode, &missing);
  find(lib.handle, "cublasSgemmStridedBatched", &b->sgemmStridedBatched, &missing);
  find(lib.handle, "cublasDgemmStridedBatched", &b->dgemmStridedBatched, &missing);
  if (!missing.empty()) {
    st.reason = "cuBLAS at " + lib.path + " lacks " + missing + " (cuBLAS 11 or newer needed)";
    return st;
  }
  st.ok = true;
  return st;
}

LoadStatus load_nvrtc(Nvrtc* n, int* major, int* minor) {
  *n = Nvrtc{};
  LoadStatus st;
  Opened lib = open_first("TENSORBOOK_CUDA_LIBNVRTC", kNvrtcNames);
  st.path = lib.path;
  if (!lib.handle) {
    st.reason = "NVRTC not found (" + tried_list("TENSORBOOK_CUDA_LIBNVRTC", kNvrtcNames) +
                " not loadable: " + lib.error + "; install the CUDA toolkit's NVRTC or set TENSORBOOK_CUDA_LIBNVRTC)";
    return st;
  }
  std::string missing;
  find(lib.handle, "nvrtcVersion", &n->version, &missing);
  find(lib.handle, "nvrtcGetErrorString", &n->getErrorString, &missing);
  find(lib.handle, "nvrtcCreateProgram", &n->createProgram, &missing);
  find(lib.handle, "nvrtcCompileProgram", &n->compileProgram, &missing);
  find(lib.handle, "nvrtcGetProgramLogSize", &n->getProgramLogSize, &missing);
  find(lib.handle, "nvrtcGetProgramLog", &n->getProgramLog, &missing);
  find(lib.handle, "nvrtcGetPTXSize", &n->getPTXSize, &missing);
  find(lib.handle, "nvrtcGetPTX", &n->getPTX, &missing);
  find(lib.handle, "nvrtcDestroyProgram", &n->destroyProgram, &missing);
  if (!missing.empty()) {
    st.reason = "NVRTC at " + lib.path + " lacks " + missing;
    return st;
  }
  // Optional (NVRTC 11.1+): compiling straight to the GPU's machine code skips the driver's
  // PTX JIT and works even when NVRTC is newer than the driver.
  n->getCUBINSize = reinterpret_cast<decltype(n->getCUBINSize)>(dlsym(lib.handle, "nvrtcGetCUBINSize"));
  n->getCUBIN = reinterpret_cast<decltype(n->getCUBIN)>(dlsym(lib.handle, "nvrtcGetCUBIN"));
  if (n->version(major, minor) != 0) *major = *minor = 0;
  st.ok = true;
  return st;
}

}  // namespace cuda
}  // namespace tb
