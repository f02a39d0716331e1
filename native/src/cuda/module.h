// The kernels' CUDA C, compiled by NVRTC at run time for the GPU that is there (its exact
// sm_XY), once per dtype; the machine code is cached in memory and on disk
// (TENSORBOOK_CUDA_CACHE, default ~/.cache/tensorbook/cuda), keyed by the source, the NVRTC
// version and the architecture, so only the first run on a machine pays the compile.
#pragma once
#include <string>
#include <vector>

#include "cuda/api.h"

namespace tb {
namespace cuda {

/** The whole kernel source for one dtype (what NVRTC compiles; exposed for tests). */
std::string kernel_source(bool f64);
/** A kernel by name from the module of the dtype; compiles and loads the module on first use. */
CUfunction function(bool f64, const char* name);
/** Launches `f` over `n` work items (1-D grid-stride launch) with the given argument addresses. */
void launch(CUfunction f, long long n, std::vector<void*> args);
/** Where compiled modules are cached on disk (empty when caching is off). */
std::string cache_dir();

}  // namespace cuda
}  // namespace tb
