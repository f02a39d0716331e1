// Lets g++ compile the backend's CUDA C (what NVRTC compiles on a GPU machine) and run it on
// the CPU, one simulated thread at a time. Only kernels without shared memory or barriers can
// run this way, which is all of Tensorbook's NVRTC kernels by design. It checks the kernels'
// logic (indexing, broadcasting, padding, NaN rules), not their speed or the GPU's arithmetic.
#pragma once
#include <cmath>
#include <cstdint>
using namespace std;  // the CUDA math overloads (exp(float), ...) are std's on the host

#define __global__
#define __device__
#define __forceinline__ inline

struct TbDim3 {
  unsigned x = 1, y = 1, z = 1;
};
static TbDim3 threadIdx, blockIdx, blockDim, gridDim;

inline unsigned __umulhi(unsigned a, unsigned b) {
  return static_cast<unsigned>((static_cast<unsigned long long>(a) * b) >> 32);
}

// Few, small blocks, so every grid-stride loop goes round more than once.
template <typename K, typename... A>
void tb_launch(K kernel, A... args) {
  gridDim.x = 3;
  blockDim.x = 5;
  for (unsigned b = 0; b < gridDim.x; b++)
    for (unsigned t = 0; t < blockDim.x; t++) {
      blockIdx.x = b;
      threadIdx.x = t;
      kernel(args...);
    }
}
