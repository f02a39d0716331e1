// Random numbers on the device: the Philox4x32-10 counter-based generator (Salmon et al.,
// "Parallel random numbers: as easy as 1, 2, 3", SC'11), so every element's value depends only
// on (seed, position) and not on how the work is split into threads.
#pragma once
namespace tb { namespace cuda { namespace src {
constexpr const char* kRandom = R"CUDA(
struct U4 { unsigned x, y, z, w; };
__device__ __forceinline__ U4 philox(U4 c, unsigned k0, unsigned k1) {
  for (int r = 0; r < 10; r++) {
    unsigned lo0 = 0xD2511F53u * c.x, hi0 = __umulhi(0xD2511F53u, c.x);
    unsigned lo1 = 0xCD9E8D57u * c.z, hi1 = __umulhi(0xCD9E8D57u, c.z);
    U4 n = {hi1 ^ c.y ^ k0, lo1, hi0 ^ c.w ^ k1, lo0};
    c = n;
    k0 += 0x9E3779B9u; k1 += 0xBB67AE85u;
  }
  return c;
}
__device__ __forceinline__ T unit(unsigned a, unsigned b) {
  // (0, 1]: never 0, so log() in Box-Muller stays finite.
#if TB_F64
  unsigned long long m = ((unsigned long long)(a >> 5) << 26) | (b >> 6);  // 53 bits
  return ((T)m + (T)1) * (T)(1.0 / 9007199254740992.0);
#else
  (void)b;
  return ((T)(a >> 8) + (T)1) * (T)(1.0f / 16777216.0f);
#endif
}
// Raw 4x32-bit blocks (for tests against published answers): block i uses counter (i, ctr_hi, 0, 0).
extern "C" __global__ void philox_raw(unsigned* out, long long blocks, unsigned k0, unsigned k1, unsigned ctr_hi) {
  TB_FOR(i, blocks) {
    U4 c = {(unsigned)i, ctr_hi, 0u, 0u};
    U4 r = philox(c, k0, k1);
    out[4 * i] = r.x; out[4 * i + 1] = r.y; out[4 * i + 2] = r.z; out[4 * i + 3] = r.w;
  }
}
// uniform in [lo, hi) scaled from (0, 1]; normal via Box-Muller, two values per block half.
extern "C" __global__ void random_fill(T* out, long long n, unsigned k0, unsigned k1, unsigned ctr_hi,
                                       int normal, T a, T b) {
  TB_FOR(i, (n + 1) / 2) {
    U4 c = {(unsigned)i, ctr_hi, (unsigned)(i >> 32), 0u};
    U4 r = philox(c, k0, k1);
    T u1 = unit(r.x, r.y), u2 = unit(r.z, r.w);
    T v1, v2;
    if (normal) {
      T rad = sqrt((T)-2 * log(u1)), th = (T)6.283185307179586 * u2;
      v1 = a + b * rad * cos(th); v2 = a + b * rad * sin(th);
    } else {
      v1 = a + (b - a) * ((T)1 - u1); v2 = a + (b - a) * ((T)1 - u2);
    }
    out[2 * i] = v1;
    if (2 * i + 1 < n) out[2 * i + 1] = v2;
  }
}
)CUDA";
}}}  // namespace tb::cuda::src
