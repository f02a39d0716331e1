// The few CUDA driver, cuBLAS and NVRTC types and entry points the backend uses, declared here
// from NVIDIA's public API reference so that building the addon needs no CUDA headers or
// toolkit. Every library is opened at run time with dlopen (loader.cc); these are the shapes of
// the function pointers it looks up. Only ABI-stable handles (opaque pointers, ints) appear.
#pragma once
#include <cstddef>
#include <cstdint>

namespace tb {
namespace cuda {

// ---- driver API (libcuda.so.1) ----
using CUresult = int;  // 0 = CUDA_SUCCESS
using CUdevice = int;
using CUdeviceptr = unsigned long long;  // 64-bit on every platform the driver supports
using CUcontext = struct CUctx_st*;
using CUmodule = struct CUmod_st*;
using CUfunction = struct CUfunc_st*;
using CUstream = struct CUstream_st*;
using CUevent = struct CUevent_st*;

constexpr CUresult CUDA_SUCCESS = 0;
constexpr CUresult CUDA_ERROR_OUT_OF_MEMORY = 2;
constexpr CUresult CUDA_ERROR_NO_DEVICE = 100;
// cuDeviceGetAttribute ids (CUdevice_attribute).
constexpr int ATTR_MAX_THREADS_PER_BLOCK = 1;
constexpr int ATTR_MULTIPROCESSOR_COUNT = 16;
constexpr int ATTR_COMPUTE_CAPABILITY_MAJOR = 75;
constexpr int ATTR_COMPUTE_CAPABILITY_MINOR = 76;
constexpr unsigned CU_STREAM_NON_BLOCKING = 1;
constexpr unsigned CU_EVENT_DISABLE_TIMING = 2;

struct Driver {
  CUresult (*cuInit)(unsigned);
  CUresult (*cuDriverGetVersion)(int*);
  CUresult (*cuGetErrorString)(CUresult, const char**);
  CUresult (*cuDeviceGetCount)(int*);
  CUresult (*cuDeviceGet)(CUdevice*, int);
  CUresult (*cuDeviceGetName)(char*, int, CUdevice);
  CUresult (*cuDeviceTotalMem)(size_t*, CUdevice);
  CUresult (*cuDeviceGetAttribute)(int*, int, CUdevice);
  CUresult (*cuDevicePrimaryCtxRetain)(CUcontext*, CUdevice);
  CUresult (*cuCtxSetCurrent)(CUcontext);
  CUresult (*cuCtxSynchronize)();
  CUresult (*cuMemGetInfo)(size_t*, size_t*);
  CUresult (*cuMemAlloc)(CUdeviceptr*, size_t);
  CUresult (*cuMemFree)(CUdeviceptr);
  CUresult (*cuMemHostAlloc)(void**, size_t, unsigned);
  CUresult (*cuMemFreeHost)(void*);
  CUresult (*cuMemcpyHtoDAsync)(CUdeviceptr, const void*, size_t, CUstream);
  CUresult (*cuMemcpyDtoHAsync)(void*, CUdeviceptr, size_t, CUstream);
  CUresult (*cuMemcpyDtoDAsync)(CUdeviceptr, CUdeviceptr, size_t, CUstream);
  CUresult (*cuMemsetD8Async)(CUdeviceptr, unsigned char, size_t, CUstream);
  CUresult (*cuStreamCreate)(CUstream*, unsigned);
  CUresult (*cuStreamSynchronize)(CUstream);
  CUresult (*cuEventCreate)(CUevent*, unsigned);
  CUresult (*cuEventRecord)(CUevent, CUstream);
  CUresult (*cuEventSynchronize)(CUevent);
  CUresult (*cuModuleLoadData)(CUmodule*, const void*);
  CUresult (*cuModuleGetFunction)(CUfunction*, CUmodule, const char*);
  CUresult (*cuLaunchKernel)(CUfunction, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned,
                             unsigned, CUstream, void**, void**);
};

// ---- cuBLAS (libcublas.so.N) ----
using cublasStatus_t = int;  // 0 = CUBLAS_STATUS_SUCCESS
using cublasHandle_t = struct cublasContext*;
constexpr int CUBLAS_OP_N = 0;
constexpr int CUBLAS_OP_T = 1;
constexpr int CUBLAS_DEFAULT_MATH = 0;
constexpr int CUBLAS_PEDANTIC_MATH = 2;
constexpr int CUBLAS_TF32_TENSOR_OP_MATH = 3;

struct Blas {
  cublasStatus_t (*create)(cublasHandle_t*);
  cublasStatus_t (*getVersion)(cublasHandle_t, int*);
  cublasStatus_t (*setStream)(cublasHandle_t, CUstream);
  cublasStatus_t (*setMathMode)(cublasHandle_t, int);
  cublasStatus_t (*sgemmStridedBatched)(cublasHandle_t, int, int, int, int, int, const float*,
                                        const float*, int, long long, const float*, int, long long,
                                        const float*, float*, int, long long, int);
  cublasStatus_t (*dgemmStridedBatched)(cublasHandle_t, int, int, int, int, int, const double*,
                                        const double*, int, long long, const double*, int, long long,
                                        const double*, double*, int, long long, int);
};

// ---- NVRTC (libnvrtc.so.N) ----
using nvrtcResult = int;  // 0 = NVRTC_SUCCESS
using nvrtcProgram = struct _nvrtcProgram*;

struct Nvrtc {
  nvrtcResult (*version)(int*, int*);
  const char* (*getErrorString)(nvrtcResult);
  nvrtcResult (*createProgram)(nvrtcProgram*, const char*, const char*, int, const char* const*,
                               const char* const*);
  nvrtcResult (*compileProgram)(nvrtcProgram, int, const char* const*);
  nvrtcResult (*getProgramLogSize)(nvrtcProgram, size_t*);
  nvrtcResult (*getProgramLog)(nvrtcProgram, char*);
  // CUBIN for the exact GPU (NVRTC 11.1+); PTX is the fallback for older NVRTC.
  nvrtcResult (*getCUBINSize)(nvrtcProgram, size_t*);
  nvrtcResult (*getCUBIN)(nvrtcProgram, char*);
  nvrtcResult (*getPTXSize)(nvrtcProgram, size_t*);
  nvrtcResult (*getPTX)(nvrtcProgram, char*);
  nvrtcResult (*destroyProgram)(nvrtcProgram*);
};

}  // namespace cuda
}  // namespace tb
