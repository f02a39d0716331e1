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
#include <type_traits>

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

// Calls f(std::integral_constant<int, v>) for the panel sizes the kernels use, so that the
// packing loops below have constant trip counts (fixed-size copies, unrolled transposes; a
// memcpy call per 48-byte row of a panel cost more than the copy), or f(0) for others.
template <typename F>
void with_size(int v, F&& f) {
  switch (v) {
    case 4: return f(std::integral_constant<int, 4>());
    case 6: return f(std::integral_constant<int, 6>());
    case 8: return f(std::integral_constant<int, 8>());
    case 12: return f(std::integral_constant<int, 12>());
    case 16: return f(std::integral_constant<int, 16>());
    case 32: return f(std::integral_constant<int, 32>());
    default: return f(std::integral_constant<int, 0>());
  }
}

// A (mc x kc, strides rs/cs) into panels of mr rows: panel q holds a[(q*mr + i), p] at
// dst[q*mr*kc + p*mr + i], rows past mc zero-filled.
template <typename T>
void pack_a(const T* a, long rs, long cs, long mc, long kc, int mr_, T* dst) {
  with_size(mr_, [&](auto fixed) {
    const int mr = fixed.value ? fixed.value : mr_;
    const long full = mc / mr * mr;
    if (rs == 1) {
      // Columns of A are contiguous: read each one once, along memory, and deal it out to all
      // the panels (panel by panel, every 48-byte piece was a fresh line of a strided column).
      for (long p = 0; p < kc; p++) {
        const T* src = a + p * cs;
        for (long i0 = 0; i0 < full; i0 += mr)
          for (int i = 0; i < mr; i++) dst[i0 * kc + p * mr + i] = src[i0 + i];
      }
    } else {
      for (long i0 = 0; i0 < full; i0 += mr) {
        const T* src = a + i0 * rs;
        T* d = dst + i0 * kc;
        for (long p = 0; p < kc; p++)
          for (int i = 0; i < mr; i++) d[p * mr + i] = src[i * rs + p * cs];
      }
    }
    if (full < mc) {
      const long rows = mc - full;
      const T* src = a + full * rs;
      T* d = dst + full * kc;
      for (long p = 0; p < kc; p++) {
        for (long i = 0; i < rows; i++) d[p * mr + i] = src[i * rs + p * cs];
        for (long i = rows; i < mr; i++) d[p * mr + i] = 0;
      }
    }
  });
}

// B (kc x nc) into panels of nr columns: panel q holds b[p, q*nr + j] at dst[q*nr*kc + p*nr + j];
// a ragged last panel is `tail` wide (the edge kernel's width for its columns), zero-padded.
template <typename T>
void pack_b(const T* b, long rs, long cs, long kc, long nc, int nr_, int tail, T* dst) {
  with_size(nr_, [&](auto fixed) {
    const int nr = fixed.value ? fixed.value : nr_;
    const long full = nc / nr * nr;
    if (cs == 1) {
      // Rows of B are contiguous: each is read once, along memory, into all the panels.
      for (long p = 0; p < kc; p++) {
        const T* src = b + p * rs;
        for (long j0 = 0; j0 < full; j0 += nr)
          for (int j = 0; j < nr; j++) dst[j0 * kc + p * nr + j] = src[j0 + j];
      }
    } else {
      for (long j0 = 0; j0 < full; j0 += nr) {
        const T* src = b + j0 * cs;
        T* d = dst + j0 * kc;
        if (rs == 1) {
          // Columns are contiguous: copy 8-deep strips of each so reads run along memory.
          long p = 0;
          for (; p + 8 <= kc; p += 8)
            for (int j = 0; j < nr; j++)
              for (int q = 0; q < 8; q++) d[(p + q) * nr + j] = src[p + q + j * cs];
          for (; p < kc; p++)
            for (int j = 0; j < nr; j++) d[p * nr + j] = src[p + j * cs];
        } else {
          for (long p = 0; p < kc; p++)
            for (int j = 0; j < nr; j++) d[p * nr + j] = src[p * rs + j * cs];
        }
      }
    }
    if (full < nc) {
      const long cols = nc - full;
      const T* src = b + full * cs;
      T* d = dst + full * kc;
      for (long p = 0; p < kc; p++) {
        for (long j = 0; j < cols; j++) d[p * tail + j] = src[p * rs + j * cs];
        for (long j = cols; j < tail; j++) d[p * tail + j] = 0;
      }
    }
  });
}

// C = beta * C for the k == 0 case (no products to add).
template <typename T>
void scale_c(T* c, long rs, long cs, long m0, long m1, long n0, long n1, T beta) {
  for (long i = m0; i < m1; i++)
    for (long j = n0; j < n1; j++) c[i * rs + j * cs] = beta == 0 ? T(0) : beta * c[i * rs + j * cs];
}

long ceil_div(long a, long b) { return (a + b - 1) / b; }

// Depth of the k blocks: at most P.kc, and all about equal (k = 576 runs as 2 x 288 rather than
// 336 + 240; every block is one more read-modify-write pass over C).
template <typename T>
long depth_step(long k, const Plan<T>& P) {
  long blocks = ceil_div(k, P.kc);
  return std::min(k, ceil_div(ceil_div(k, blocks), 8) * 8);
}

// Whether a row-major A (column stride 1) is read in place by the kernels instead of packed:
// packing costs a pass over A per block of B and, in tall products with few columns (the
// convolutions' im2col matrices, 64-256 columns), about a tenth of the time. Measured (Zen 4,
// float32, 1 thread): 25088 x 64 x 49 73 -> 91 GFLOP/s, 256 x 300 x 784 101 -> 110,
// 1000^3 98 -> 102. Not when the panel's rows would crowd a few sets of the L1 cache (row
// strides near a multiple of 4 KiB, e.g. 1024 float32 columns): rows i * rsa map to set
// (i * rsa * sizeof(T) / 64) % 64 of a 32-64 KiB 8-way cache, and more than 4 rows of a panel
// in one set evict each other.
template <typename T>
bool direct_a(long rsa, long csa, int mr) {
  if (csa != 1 || rsa <= 0) return false;
  int count[64] = {};
  for (int i = 0; i < mr; i++)
    if (++count[(static_cast<unsigned long>(i * rsa) * sizeof(T) / 64) % 64] > 4) return false;
  return true;
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
  const MicroKernel<T>& uk = P.uk;
  const int mr = uk.mr, nr = uk.nr;
  const long kstep = depth_step(g.k, P);
  // Products with few rows read a row-major B in place: packing it would cost about as much
  // as the product, since each packed panel would be used by only a few row panels.
  const bool direct_b = g.csb == 1 && m1 - m0 <= kDirectRows && g.rsb >= nr;
  const bool in_place_a = !g.pack_a && direct_a<T>(g.rsa, g.csa, mr);
  T* pa = abuf.get((in_place_a ? mr : (std::min(P.mc, m1 - m0) + mr - 1) / mr * mr) * kstep);
  T* pb = bbuf.get(((std::min(P.nc, n1 - n0) + nr - 1) / nr * nr) * kstep);
  alignas(64) T tmp[32 * 32];
  for (long ic = m0; ic < m1; ic += P.mc) {
    long mc = std::min(P.mc, m1 - ic);
    for (long pc = 0; pc < g.k; pc += kstep) {
      long kc = std::min(kstep, g.k - pc);
      const T* ablock = g.pack_a ? nullptr : A + ic * g.rsa + pc * g.csa;
      if (g.pack_a) {
        g.pack_a(g.pack_ctx, ic, pc, mc, kc, mr, pa);
      } else if (!in_place_a) {
        pack_a(ablock, g.rsa, g.csa, mc, kc, mr, pa);
      } else if (mc % mr) {
        // Read in place, but a ragged last row panel is packed (the kernels read whole panels).
        pack_a(ablock + (mc - mc % mr) * g.rsa, g.rsa, g.csa, mc % mr, kc, mr, pa);
      }
      T beta = pc == 0 ? g.beta : T(1);
      // One tile: straight into C (edge tiles write only their corner), or for a C with a
      // column stride computed aside and merged.
      auto tile = [&](long ir, long jr, long jc, const T* bp, long ldb) {
        int rows = static_cast<int>(std::min<long>(mr, mc - ir));
        int cols = static_cast<int>(std::min<long>(nr, n1 - jc - jr));
        const T* ap = pa + ir * kc;
        long lda = 0;
        if (in_place_a) {
          if (rows == mr) ap = ablock + ir * g.rsa, lda = g.rsa;
          else ap = pa;
        }
        T* c = C + (ic + ir) * g.rsc + (jc + jr) * g.csc;
        if (g.csc == 1) {
          uk.run(kc, ap, lda, bp, ldb, c, g.rsc, g.alpha, beta, rows, cols);
        } else {
          uk.run(kc, ap, lda, bp, ldb, tmp, nr, T(1), T(0), rows, cols);
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
            int w = uk.width(n1 - jr);
            pack_b(bp, g.rsb, 1, kc, n1 - jr, nr, w, pb);
            bp = pb;
            ldb = w;
          }
          for (long ir = 0; ir < mc; ir += mr) tile(ir, jr - n0, n0, bp, ldb);
        }
        continue;
      }
      for (long jc = n0; jc < n1; jc += P.nc) {
        if (cancel.requested()) return false;
        long nc = std::min(P.nc, n1 - jc);
        int tail = uk.width(nc % nr);
        pack_b(B + pc * g.rsb + jc * g.csb, g.rsb, g.csb, kc, nc, nr, tail, pb);
        for (long ir = 0; ir < mc; ir += mr)
          for (long jr = 0; jr < nc; jr += nr) tile(ir, jr, jc, pb + jr * kc, nc - jr < nr ? tail : nr);
      }
    }
  }
  return true;
}

// The plan for the active instruction set, cached per calling thread.
template <typename T>
const Plan<T>& plan_for(int threads) {
  static thread_local Isa plan_isa = Isa::generic;
  static thread_local int plan_threads = -1;
  static thread_local Plan<T> plan;
  Isa isa = active_isa();
  if (plan_isa != isa || plan_threads != threads) {
    plan = make_plan<T>(isa, threads);
    plan_isa = isa;
    plan_threads = threads;
  }
  return plan;
}

}  // namespace

template <typename T>
bool gemm(const GemmArgs<T>& g, const Cancel& cancel) {
  if (g.m <= 0 || g.n <= 0 || g.batch <= 0 || (g.pack_a && g.batch != 1)) return true;
  ThreadPool& pool = ThreadPool::get();
  int threads = pool.threads();
  // Below ~64^3 multiply-adds per thread, waking threads costs more than it saves.
  double work = static_cast<double>(g.m) * g.n * std::max<long>(g.k, 1) * g.batch;
  threads = static_cast<int>(std::max(1.0, std::min<double>(threads, work / (64.0 * 64 * 64))));
  const Plan<T>& P = plan_for<T>(threads);
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
    // Tall products get more row parts than threads, taken as threads come free: a thread the
    // OS schedules late still finds work, and a busy core does not hold up the rest. Every part
    // packs its own blocks of B, so parts keep at least a few hundred rows.
    if (threads > 1 && g.batch == 1 && tn == 1)
      tm = std::max(tm, std::min<long>(4L * threads, g.m / 384) / threads * threads);
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

template <typename T>
bool gemm_serial(const GemmArgs<T>& g, const Cancel& cancel) {
  if (g.m <= 0 || g.n <= 0 || g.batch <= 0 || (g.pack_a && g.batch != 1)) return true;
  // Blocks sized as for the whole pool: the other threads run their own products beside this one.
  const Plan<T>& P = plan_for<T>(ThreadPool::get().threads());
  for (long bi = 0; bi < g.batch; bi++)
    if (!gemm_part<T>(g, g.a + bi * g.sba, g.b + bi * g.sbb, g.c + bi * g.sbc, 0, g.m, 0, g.n, P, cancel))
      return false;
  return true;
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
template bool gemm_serial<float>(const GemmArgs<float>&, const Cancel&);
template bool gemm_serial<double>(const GemmArgs<double>&, const Cancel&);

}  // namespace tb
