// The GEMM driver: cache blocking, packing and threading around a micro-kernel (the loop
// structure described for GotoBLAS and BLIS). For each block of rows (mc) and depth (kc), A is
// packed once into MR-row panels that stay in L1 while the kernel sweeps a kc x nc block of B,
// packed into NR-column panels sized to stay in L2. Packing reads the operands through their
// strides, so transposed or sliced inputs cost nothing extra. Products with few rows read a
// row-major B in place instead of packing it.
#include <algorithm>
#include <chrono>
#include <vector>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "cpu.h"
#include "gemm/gemm.h"
#include "gemm/kernel.h"
#include "threadpool.h"

namespace tb {
namespace {

template <typename T>
struct Plan {
  MicroKernel<T> uk;
  long kc, nc, mc;
};

// Up to this many rows of C, a row-major B is not packed (see gemm_part). Measured (Zen 4,
// float32, 1 thread): 32 x 300 x 784 went from 75 to 86 GFLOP/s, 256 x 300 x 784 from 93 to
// 96; far larger products gain nothing, and packed panels keep their TLB-friendly layout.
constexpr long kDirectRows = 384;

long round_down(long x, long step) { return std::max(step, x / step * step); }

template <typename T>
MicroKernel<T> kernel_for(Isa isa);
template <>
MicroKernel<float> kernel_for<float>(Isa isa) {
  return isa == Isa::avx512 ? avx512::kernel_f32() : isa == Isa::avx2 ? avx2::kernel_f32() : generic::kernel_f32();
}
template <>
MicroKernel<double> kernel_for<double>(Isa isa) {
  return isa == Isa::avx512 ? avx512::kernel_f64() : isa == Isa::avx2 ? avx2::kernel_f64() : generic::kernel_f64();
}

// Block sizes from the cache sizes: the MR x kc panel of A takes about half of L1 (the other
// half streams B and C), the kc x nc block of B about half of L2, the mc x kc block of A a
// share of L3 (float64 differs, see below).
template <typename T>
Plan<T> make_plan(Isa isa, int threads) {
  const CpuInfo& ci = cpu_info();
  Plan<T> p;
  p.uk = kernel_for<T>(isa);
  long sz = sizeof(T);
  if (sz == 8) {
    // float64 measured best (Zen 4, n = 256..2048, 1 thread: +3-5% over the float32 rule) with
    // a deeper panel: the 12 x kc panel of A takes 1.5x L1 (it is read by broadcasts, one per
    // two FMAs, so it streams well from L2) and the kc x nc block of B all of L2. A deeper kc
    // halves the read-modify-write passes over C, which at large n miss the caches.
    p.kc = std::min<long>(768, round_down(ci.l1d * 3 / 2 / (p.uk.mr * sz), 16));
    p.nc = std::min<long>(4096, round_down(ci.l2 / (p.kc * sz), p.uk.nr));
  } else {
    p.kc = std::min<long>(768, round_down(ci.l1d / 2 / (p.uk.mr * sz), 16));
    p.nc = std::min<long>(4096, round_down(ci.l2 / 2 / (p.kc * sz), p.uk.nr));
  }
  p.mc = std::min<long>(2048, round_down(ci.l3 / 4 / std::max(1, threads) / (p.kc * sz), p.uk.mr));
  return p;
}

// Packing buffers, one pair per thread, reused across calls and 64-byte aligned for the
// kernels' aligned vector loads.
template <typename T>
struct Buffer {
  T* p = nullptr;
  long cap = 0;
  ~Buffer() { std::free(p); }
  T* get(long n) {
    if (n > cap) {
      std::free(p);
      long bytes = (n * static_cast<long>(sizeof(T)) + 63) / 64 * 64;
      p = static_cast<T*>(std::aligned_alloc(64, bytes));
      if (!p) throw std::bad_alloc();
      cap = n;
    }
    return p;
  }
};

// A (mc x kc, strides rs/cs) into panels of mr rows: panel q holds a[(q*mr + i), p] at
// dst[q*mr*kc + p*mr + i], rows past mc zero-filled.
template <typename T>
void pack_a(const T* a, long rs, long cs, long mc, long kc, int mr, T* dst) {
  for (long i0 = 0; i0 < mc; i0 += mr) {
    long rows = std::min<long>(mr, mc - i0);
    const T* src = a + i0 * rs;
    if (rows == mr && cs == 1) {
      for (long p = 0; p < kc; p++)
        for (int i = 0; i < mr; i++) dst[p * mr + i] = src[i * rs + p];
    } else if (rows == mr && rs == 1) {
      for (long p = 0; p < kc; p++) std::memcpy(dst + p * mr, src + p * cs, mr * sizeof(T));
    } else {
      for (long p = 0; p < kc; p++) {
        for (long i = 0; i < rows; i++) dst[p * mr + i] = src[i * rs + p * cs];
        for (long i = rows; i < mr; i++) dst[p * mr + i] = 0;
      }
    }
    dst += mr * kc;
  }
}

// B (kc x nc) into panels of nr columns: panel q holds b[p, q*nr + j] at dst[q*nr*kc + p*nr + j].
template <typename T>
void pack_b(const T* b, long rs, long cs, long kc, long nc, int nr, T* dst) {
  for (long j0 = 0; j0 < nc; j0 += nr) {
    long cols = std::min<long>(nr, nc - j0);
    const T* src = b + j0 * cs;
    if (cols == nr && cs == 1) {
      for (long p = 0; p < kc; p++) std::memcpy(dst + p * nr, src + p * rs, nr * sizeof(T));
    } else if (cols == nr && rs == 1) {
      for (long p = 0; p < kc; p++)
        for (int j = 0; j < nr; j++) dst[p * nr + j] = src[p + j * cs];
    } else {
      for (long p = 0; p < kc; p++) {
        for (long j = 0; j < cols; j++) dst[p * nr + j] = src[p * rs + j * cs];
        for (long j = cols; j < nr; j++) dst[p * nr + j] = 0;
      }
    }
    dst += nr * kc;
  }
}

// C = beta * C for the k == 0 case (no products to add).
template <typename T>
void scale_c(T* c, long rs, long cs, long m0, long m1, long n0, long n1, T beta) {
  for (long i = m0; i < m1; i++)
    for (long j = n0; j < n1; j++) c[i * rs + j * cs] = beta == 0 ? T(0) : beta * c[i * rs + j * cs];
}

// One thread's share: rows [m0, m1) and columns [n0, n1) of one matrix of the batch.
template <typename T>
bool gemm_part(const GemmArgs<T>& g, const T* A, const T* B, T* C, long m0, long m1, long n0, long n1,
               const Plan<T>& P, const Cancel& cancel) {
  if (g.k == 0) {
    scale_c(C, g.rsc, g.csc, m0, m1, n0, n1, g.beta);
    return true;
  }
  static thread_local Buffer<T> abuf, bbuf;
  const int mr = P.uk.mr, nr = P.uk.nr;
  T* pa = abuf.get(((std::min(P.mc, m1 - m0) + mr - 1) / mr * mr) * std::min(P.kc, g.k));
  T* pb = bbuf.get(((std::min(P.nc, n1 - n0) + nr - 1) / nr * nr) * std::min(P.kc, g.k));
  alignas(64) T tmp[32 * 32];
  // Products with few rows read a row-major B in place: packing it would cost about as much
  // as the product, since each packed panel would be used by only a few row panels.
  const bool direct_b = g.csb == 1 && m1 - m0 <= kDirectRows && g.rsb >= nr;
  for (long ic = m0; ic < m1; ic += P.mc) {
    long mc = std::min(P.mc, m1 - ic);
    for (long pc = 0; pc < g.k; pc += P.kc) {
      long kc = std::min(P.kc, g.k - pc);
      pack_a(A + ic * g.rsa + pc * g.csa, g.rsa, g.csa, mc, kc, mr, pa);
      T beta = pc == 0 ? g.beta : T(1);
      // One tile: full ones straight into C, edge ones (or a C with a column stride) computed
      // aside and merged.
      auto tile = [&](long ir, long jr, long jc, const T* bp, long ldb) {
        const T* ap = pa + ir * kc;
        long rows = std::min<long>(mr, mc - ir);
        long cols = std::min<long>(nr, n1 - jc - jr);
        T* c = C + (ic + ir) * g.rsc + (jc + jr) * g.csc;
        if (rows == mr && cols == nr && g.csc == 1) {
          P.uk.run(kc, ap, bp, ldb, c, g.rsc, g.alpha, beta);
        } else {
          P.uk.run(kc, ap, bp, ldb, tmp, nr, T(1), T(0));
          for (long i = 0; i < rows; i++)
            for (long j = 0; j < cols; j++) {
              T& cij = c[i * g.rsc + j * g.csc];
              cij = beta == 0 ? g.alpha * tmp[i * nr + j] : g.alpha * tmp[i * nr + j] + beta * cij;
            }
        }
      };
      if (direct_b) {
        // Few rows: B is read in place, one NR-column panel at a time for all row panels
        // (the panel stays in cache between them); only a ragged last panel is packed.
        if (cancel.requested()) return false;
        const T* brow = B + pc * g.rsb;
        for (long jr = n0; jr < n1; jr += nr) {
          const T* bp = brow + jr;
          long ldb = g.rsb;
          if (n1 - jr < nr) {
            pack_b(bp, g.rsb, 1, kc, n1 - jr, nr, pb);
            bp = pb;
            ldb = nr;
          }
          for (long ir = 0; ir < mc; ir += mr) tile(ir, jr - n0, n0, bp, ldb);
        }
        continue;
      }
      for (long jc = n0; jc < n1; jc += P.nc) {
        if (cancel.requested()) return false;
        long nc = std::min(P.nc, n1 - jc);
        pack_b(B + pc * g.rsb + jc * g.csb, g.rsb, g.csb, kc, nc, nr, pb);
        for (long ir = 0; ir < mc; ir += mr)
          for (long jr = 0; jr < nc; jr += nr) tile(ir, jr, jc, pb + jr * kc, nr);
      }
    }
  }
  return true;
}

long ceil_div(long a, long b) { return (a + b - 1) / b; }

}  // namespace

template <typename T>
bool gemm(const GemmArgs<T>& g, const Cancel& cancel) {
  if (g.m <= 0 || g.n <= 0 || g.batch <= 0) return true;
  ThreadPool& pool = ThreadPool::get();
  int threads = pool.threads();
  // Below ~64^3 multiply-adds per thread, waking threads costs more than it saves.
  double work = static_cast<double>(g.m) * g.n * std::max<long>(g.k, 1) * g.batch;
  threads = static_cast<int>(std::max(1.0, std::min<double>(threads, work / (64.0 * 64 * 64))));
  static thread_local Isa plan_isa = Isa::generic;
  static thread_local int plan_threads = -1;
  static thread_local Plan<T> plan;
  Isa isa = active_isa();
  if (plan_isa != isa || plan_threads != threads) {
    plan = make_plan<T>(isa, threads);
    plan_isa = isa;
    plan_threads = threads;
  }
  const Plan<T>& P = plan;
  // Split each matrix into tm x tn parts so that every thread gets a similar padded share;
  // a batch at least as large as the pool is simply split by matrix.
  long tm = 1, tn = 1;
  if (g.batch < threads) {
    int per = threads / static_cast<int>(g.batch);
    long best = -1;
    for (long a = 1; a <= per; a++) {
      if (per % a) continue;
      long b = per / a;
      long cost = ceil_div(ceil_div(g.m, P.uk.mr), a) * P.uk.mr * (ceil_div(ceil_div(g.n, P.uk.nr), b) * P.uk.nr) +
                  ceil_div(g.m, a) * g.k / 4 + ceil_div(g.n, b) * g.k / 4;
      if (best < 0 || cost < best) best = cost, tm = a, tn = b;
    }
  }
  long mstep = ceil_div(ceil_div(g.m, P.uk.mr), tm) * P.uk.mr;
  long nstep = ceil_div(ceil_div(g.n, P.uk.nr), tn) * P.uk.nr;
  tm = ceil_div(g.m, mstep);
  tn = ceil_div(g.n, nstep);
  long tasks = g.batch * tm * tn;
  pool.parallel_for(
      tasks,
      [&](long t) {
        long bi = t / (tm * tn), r = t % (tm * tn);
        long m0 = (r / tn) * mstep, n0 = (r % tn) * nstep;
        gemm_part<T>(g, g.a + bi * g.sba, g.b + bi * g.sbb, g.c + bi * g.sbc, m0, std::min(g.m, m0 + mstep), n0,
                     std::min(g.n, n0 + nstep), P, cancel);
      },
      threads);
  return !cancel.requested();
}

double peak_gflops(bool f64, int threads, double seconds) {
  Isa isa = active_isa();
  auto fn = f64 ? kernel_for<double>(isa).peak : kernel_for<float>(isa).peak;
  // Calibrate the step count on one thread, then run every thread for the same count.
  long iters = 1 << 16;
  for (;;) {
    auto t0 = std::chrono::steady_clock::now();
    fn(iters);
    double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (dt > seconds / 4 || iters > (1L << 40)) {
      iters = static_cast<long>(iters * (seconds / std::max(dt, 1e-9)));
      break;
    }
    iters *= 4;
  }
  double flops = 0;
  auto t0 = std::chrono::steady_clock::now();
  std::vector<double> done(threads);
  ThreadPool::get().parallel_for(threads, [&](long t) { done[t] = fn(iters); }, threads);
  double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  for (double d : done) flops += d;
  return flops / dt / 1e9;
}

template bool gemm<float>(const GemmArgs<float>&, const Cancel&);
template bool gemm<double>(const GemmArgs<double>&, const Cancel&);

}  // namespace tb
