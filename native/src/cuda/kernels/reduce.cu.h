// Reductions over any axes of a strided view, in two passes without shared memory: pass 1
// gives each thread one (output, chunk of the reduced range) pair and writes a partial; pass 2
// reduces the partials of each output (the same kernel over a contiguous [outputs, chunks]
// view). Kept axes are `kshape/kstride`, reduced ones `rshape/rstride`.
#pragma once
namespace tb { namespace cuda { namespace src {
constexpr const char* kReduce = R"CUDA(
struct RGeo {
  int kdim, rdim;
  long long nout, nred, chunk, chunks;  // chunks = ceil(nred / chunk)
  long long off;
  long long kshape[TB_MAXD], kstride[TB_MAXD];
  long long rshape[TB_MAXD], rstride[TB_MAXD];
};
__device__ __forceinline__ long long walk(long long i, int nd, const long long* shape, const long long* stride) {
  long long o = 0;
  for (int d = nd - 1; d >= 0; d--) { o += (i % shape[d]) * stride[d]; i /= shape[d]; }
  return o;
}
#define TB_REDUCE(name, init, step) \
  extern "C" __global__ void reduce_##name(T* out, const T* X, RGeo g) { \
    TB_FOR(t, g.nout * g.chunks) { \
      long long o = t / g.chunks, c = t % g.chunks; \
      long long base = g.off + walk(o, g.kdim, g.kshape, g.kstride); \
      long long lo = c * g.chunk, hi = lo + g.chunk < g.nred ? lo + g.chunk : g.nred; \
      T acc = (init); \
      for (long long r = lo; r < hi; r++) { T v = X[base + walk(r, g.rdim, g.rshape, g.rstride)]; step; } \
      out[t] = acc; } }
TB_REDUCE(sum, (T)0, acc += v)
TB_REDUCE(prod, (T)1, acc *= v)
TB_REDUCE(max, X[base + walk(lo, g.rdim, g.rshape, g.rstride)], if (v != v || v > acc) acc = v; if (acc != acc) break)
TB_REDUCE(min, X[base + walk(lo, g.rdim, g.rshape, g.rstride)], if (v != v || v < acc) acc = v; if (acc != acc) break)

// Index of the first maximum (minimum) along one reduced range, NaN winning as in NumPy; one
// thread per output (arg-reductions run along short class axes).
#define TB_ARG(name, better) \
  extern "C" __global__ void reduce_##name(int* out, const T* X, RGeo g) { \
    TB_FOR(o, g.nout) { \
      long long base = g.off + walk(o, g.kdim, g.kshape, g.kstride); \
      T best = X[base]; long long at = 0; \
      for (long long r = 1; r < g.nred && best == best; r++) { \
        T v = X[base + walk(r, g.rdim, g.rshape, g.rstride)]; if (v != v || (better)) { best = v; at = r; } } \
      out[o] = (int)at; } }
TB_ARG(argmax, v > best)
TB_ARG(argmin, v < best)
)CUDA";
}}}  // namespace tb::cuda::src
