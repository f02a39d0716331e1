// Stand-ins for the NVIDIA libraries, built by the loader tests with g++ into a temp folder and
// named through TENSORBOOK_CUDA_LIB* so the addon's error paths (and, with FAKE_FULL, its
// allocator and transfers) run on machines without a GPU. "Device memory" is host memory here.
// One source, several libraries, picked by -D flags:
//   FAKE_NO_INIT          a library without cuInit
//   FAKE_INIT_ERROR=n     cuInit returns n
//   FAKE_VERSION=v        cuDriverGetVersion reports v (and nothing else exists unless FAKE_FULL)
//   FAKE_FULL             a whole driver with one "Fake GPU" (compute capability 8.0)
//   FAKE_CUBLAS, FAKE_NVRTC  minimal cuBLAS / NVRTC (NVRTC always fails to compile)
#include <cstdlib>
#include <cstring>

#define API extern "C" __attribute__((visibility("default")))

#if defined(FAKE_NO_INIT)
API int notCuda() { return 0; }
#elif defined(FAKE_CUBLAS)
API int cublasCreate_v2(void** h) { *h = std::malloc(1); return 0; }
API int cublasGetVersion_v2(void*, int* v) { *v = 120000; return 0; }
API int cublasSetStream_v2(void*, void*) { return 0; }
API int cublasSetMathMode(void*, int) { return 0; }
API int cublasSgemmStridedBatched() { return 13; }  // CUBLAS_STATUS_EXECUTION_FAILED
API int cublasDgemmStridedBatched() { return 13; }
#elif defined(FAKE_NVRTC)
API int nvrtcVersion(int* a, int* b) { *a = 12; *b = 4; return 0; }
API const char* nvrtcGetErrorString(int) { return "NVRTC_ERROR_COMPILATION (fake)"; }
API int nvrtcCreateProgram(void** p, const char*, const char*, int, const char* const*, const char* const*) {
  *p = std::malloc(1);
  return 0;
}
API int nvrtcCompileProgram(void*, int, const char* const*) { return 6; }
API int nvrtcGetProgramLogSize(void*, size_t* n) { *n = 5; return 0; }
API int nvrtcGetProgramLog(void*, char* s) { std::memcpy(s, "fake", 5); return 0; }
API int nvrtcGetPTXSize(void*, size_t* n) { *n = 0; return 0; }
API int nvrtcGetPTX(void*, char*) { return 0; }
API int nvrtcDestroyProgram(void** p) { std::free(*p); return 0; }
#else
API int cuInit(unsigned) {
#ifdef FAKE_INIT_ERROR
  return FAKE_INIT_ERROR;
#else
  return 0;
#endif
}
API int cuDriverGetVersion(int* v) {
#ifdef FAKE_VERSION
  *v = FAKE_VERSION;
#else
  *v = 12040;
#endif
  return 0;
}
#ifdef FAKE_FULL
typedef unsigned long long Ptr;
static size_t g_used = 0;
API int cuGetErrorString(int, const char** s) { *s = "fake error"; return 0; }
API int cuDeviceGetCount(int* n) { *n = 1; return 0; }
API int cuDeviceGet(int* d, int) { *d = 0; return 0; }
API int cuDeviceGetName(char* s, int n, int) { std::strncpy(s, "Fake GPU", n); return 0; }
API int cuDeviceTotalMem_v2(size_t* b, int) { *b = size_t(1) << 30; return 0; }
API int cuDeviceGetAttribute(int* v, int attr, int) { *v = attr == 75 ? 8 : attr == 76 ? 0 : 4; return 0; }
API int cuDevicePrimaryCtxRetain(void** c, int) { *c = std::malloc(1); return 0; }
API int cuCtxSetCurrent(void*) { return 0; }
API int cuCtxSynchronize() { return 0; }
API int cuMemGetInfo_v2(size_t* f, size_t* t) { *t = size_t(1) << 30; *f = *t - g_used; return 0; }
API int cuMemAlloc_v2(Ptr* p, size_t n) {
  if (g_used + n > (size_t(1) << 30)) return 2;  // CUDA_ERROR_OUT_OF_MEMORY
  *p = reinterpret_cast<Ptr>(std::malloc(n));
  g_used += n;
  return 0;
}
API int cuMemFree_v2(Ptr p) { std::free(reinterpret_cast<void*>(p)); return 0; }
API int cuMemHostAlloc(void** p, size_t n, unsigned) { *p = std::malloc(n); return 0; }
API int cuMemFreeHost(void* p) { std::free(p); return 0; }
API int cuMemcpyHtoDAsync_v2(Ptr d, const void* s, size_t n, void*) { std::memcpy(reinterpret_cast<void*>(d), s, n); return 0; }
API int cuMemcpyDtoHAsync_v2(void* d, Ptr s, size_t n, void*) { std::memcpy(d, reinterpret_cast<void*>(s), n); return 0; }
API int cuMemcpyDtoDAsync_v2(Ptr d, Ptr s, size_t n, void*) {
  std::memcpy(reinterpret_cast<void*>(d), reinterpret_cast<void*>(s), n);
  return 0;
}
API int cuMemsetD8Async(Ptr d, unsigned char v, size_t n, void*) { std::memset(reinterpret_cast<void*>(d), v, n); return 0; }
API int cuStreamCreate(void** s, unsigned) { *s = std::malloc(1); return 0; }
API int cuStreamSynchronize(void*) { return 0; }
API int cuEventCreate(void** e, unsigned) { *e = std::malloc(1); return 0; }
API int cuEventRecord(void*, void*) { return 0; }
API int cuEventSynchronize(void*) { return 0; }
API int cuModuleLoadData(void**, const void*) { return 200; }  // CUDA_ERROR_INVALID_IMAGE
API int cuModuleGetFunction(void**, void*, const char*) { return 500; }
API int cuLaunchKernel() { return 400; }
#endif
#endif
