// CUDA C shared by every kernel module: the element type (one module is compiled per dtype),
// the strided-view geometry passed by value, and the grid-stride loop. The text between the
// CUDA markers is handed to NVRTC as is; test/native/cuda compiles the same text with g++ under
// a small emulation prelude to check it on machines without a GPU.
#pragma once
namespace tb { namespace cuda { namespace src {
constexpr const char* kCommon = R"CUDA(
#if TB_F64
typedef double T;
#else
typedef float T;
#endif
#define TB_MAXD 8
// A view: element i of the (row-major) output sits at off + sum(coord[d] * stride[d]).
struct View { long long off; long long stride[TB_MAXD]; };
struct Geo {
  int ndim;
  int contiguous;  // every operand is row-major from its offset: skip the index arithmetic
  long long n;
  long long shape[TB_MAXD];
  View a, b;
};
__device__ __forceinline__ void offsets(const Geo& g, long long i, long long* oa, long long* ob) {
  if (g.contiguous) { *oa = g.a.off + i; *ob = g.b.off + i; return; }
  long long ra = g.a.off, rb = g.b.off;
  for (int d = g.ndim - 1; d >= 0; d--) {
    long long c = i % g.shape[d];
    i /= g.shape[d];
    ra += c * g.a.stride[d];
    rb += c * g.b.stride[d];
  }
  *oa = ra; *ob = rb;
}
#define TB_FOR(i, n) \
  for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < (n); \
       i += (long long)blockDim.x * gridDim.x)
)CUDA";
}}}  // namespace tb::cuda::src
