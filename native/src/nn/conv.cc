// Convolution as im2col + GEMM in cache-sized blocks, the padding skipped (pixels grouped by
// the filter taps they see), dW gathered straight into the GEMM's packed panels.
#include "nn/conv.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
#include <utility>
#include <vector>

#include "gemm/gemm.h"
#include "threadpool.h"

namespace tb {
namespace {

// Scratch for the column matrices, kept per thread across calls and never zero-filled (im2col
// writes every element, the dY·Wᵀ product too): a fresh zeroed vector per call cost a pass over
// up to 16 MB plus its first-touch page faults.
template <typename T>
struct Scratch {
  T* p = nullptr;
  long cap = 0;
  ~Scratch() { std::free(p); }
  T* get(long n) {
    if (n > cap) {
      std::free(p);
      p = static_cast<T*>(std::aligned_alloc(64, (n * static_cast<long>(sizeof(T)) + 63) / 64 * 64));
      if (!p) {
        cap = 0;
        throw std::bad_alloc();
      }
      cap = n;
    }
    return p;
  }
};

template <typename T>
T* scratch(int which, long n) {
  static thread_local Scratch<T> bufs[4];
  return bufs[which].get(n);
}

// A 1x1 filter with unit stride and no padding reads the input itself as the column matrix.
bool is_pointwise(const Conv2dShape& s) {
  return s.kh == 1 && s.kw == 1 && s.sh == 1 && s.sw == 1 && s.pad_top == 0 && s.pad_left == 0;
}

template <typename T>
inline void copy_run(T* d, const T* src, long n) {
  if (n < 16)
    for (long e = 0; e < n; e++) d[e] = src[e];
  else
    std::memcpy(d, src, n * sizeof(T));
}

template <typename T>
inline void zero_run(T* d, long n) {
  for (long e = 0; e < n; e++) d[e] = T(0);
}

// Rows r0..r1 of the column matrix (a row per output pixel, all images in order; columns in
// (kh, kw, c) order) into cols; positions in the padding read as 0. For each filter row the
// positions inside the image are one contiguous run of the input when the dilation is 1.
template <typename T>
void im2col_rows(const Conv2dShape& s, const T* x, long r0, long r1, T* cols) {
  const long K = s.kh * s.kw * s.c, P = s.oh * s.ow, KWC = s.kw * s.c;
  long n = r0 / P, oh = r0 % P / s.ow, ow = r0 % s.ow;
  for (long r = r0; r < r1; r++) {
    T* dst = cols + (r - r0) * K;
    const T* img = x + n * s.h * s.w * s.c;
    // Filter columns j0..j1 land inside the image: iw = iw0 + j * dw in [0, W).
    const long iw0 = ow * s.sw - s.pad_left;
    long j0 = iw0 >= 0 ? 0 : (-iw0 + s.dw - 1) / s.dw;
    long j1 = iw0 >= s.w ? 0 : std::min(s.kw, (s.w - iw0 + s.dw - 1) / s.dw);
    j0 = std::min(j0, s.kw);
    j1 = std::max(j1, j0);
    for (long i = 0; i < s.kh; i++, dst += KWC) {
      const long ih = oh * s.sh - s.pad_top + i * s.dh;
      if (ih < 0 || ih >= s.h) {
        zero_run(dst, KWC);
        continue;
      }
      zero_run(dst, j0 * s.c);
      const T* row = img + (ih * s.w + iw0) * s.c;
      if (s.dw == 1)
        copy_run(dst + j0 * s.c, row + j0 * s.c, (j1 - j0) * s.c);
      else
        for (long j = j0; j < j1; j++) copy_run(dst + j * s.c, row + j * s.dw * s.c, s.c);
      zero_run(dst + j1 * s.c, (s.kw - j1) * s.c);
    }
    if (++ow == s.ow) {
      ow = 0;
      if (++oh == s.oh) oh = 0, n++;
    }
  }
}

// Adds the column-matrix gradient of images n0..n1 back onto their input gradient (the adjoint
// of im2col), on the calling thread.
template <typename T>
void col2im_add(const Conv2dShape& s, const T* dcols, long n0, long n1, T* dx) {
  const long K = s.kh * s.kw * s.c;
  for (long n = n0; n < n1; n++) {
    T* img = dx + n * s.h * s.w * s.c;
    const T* row = dcols + (n - n0) * s.oh * s.ow * K;
    for (long oh = 0; oh < s.oh; oh++)
      for (long ow = 0; ow < s.ow; ow++, row += K) {
        const T* src = row;
        for (long i = 0; i < s.kh; i++) {
          long ih = oh * s.sh - s.pad_top + i * s.dh;
          for (long j = 0; j < s.kw; j++, src += s.c) {
            long iw = ow * s.sw - s.pad_left + j * s.dw;
            if (ih < 0 || ih >= s.h || iw < 0 || iw >= s.w) continue;
            T* d = img + (ih * s.w + iw) * s.c;
            for (long c = 0; c < s.c; c++) d[c] += src[c];
          }
        }
      }
  }
}

template <typename T>
GemmArgs<T> matmul(long m, long n, long k, const T* a, long rsa, long csa, const T* b, long rsb, long csb, T* c,
                   T beta) {
  GemmArgs<T> g;
  g.m = m, g.n = n, g.k = k;
  g.a = a, g.rsa = rsa, g.csa = csa;
  g.b = b, g.rsb = rsb, g.csb = csb;
  g.c = c, g.rsc = n, g.csc = 1;
  g.alpha = 1, g.beta = beta;
  return g;
}

// Elements of a column-matrix block that one task fills and multiplies while it is still in
// the core's L2 cache (1 MB of float32).
constexpr long kBlockBudget = 1L << 18;

}  // namespace

namespace {

// Output positions along one axis that see the same filter taps inside the input: positions
// [lo, hi) read taps [t0, t1) (the others fall in the padding). "same" padding with a 3-wide
// filter gives three classes: the first position (taps 1..2), the middle ones, the last.
struct AxisClass {
  long lo, hi, t0, t1;
};

std::vector<AxisClass> axis_classes(long out, long in, long k, long stride, long dil, long pad) {
  std::vector<AxisClass> v;
  for (long o = 0; o < out; o++) {
    const long base = o * stride - pad;  // input index of tap 0
    long t0 = base >= 0 ? 0 : (-base + dil - 1) / dil;
    long t1 = base >= in ? 0 : std::min(k, (in - base + dil - 1) / dil);
    t0 = std::min(t0, k);
    t1 = std::max(t1, t0);
    if (!v.empty() && v.back().t0 == t0 && v.back().t1 == t1) v.back().hi = o + 1;
    else v.push_back({o, o + 1, t0, t1});
  }
  return v;
}

// Forward with the padding skipped: output pixels are grouped by the filter taps they see
// inside the image (a class per pair of row and column classes: the interior, the edges, the
// corners), and each class's column matrix holds only those taps, so no multiply-add is spent
// on padding zeros (at 7 x 7 outputs with a 3 x 3 "same" filter they were 18% of the work, at
// 14 x 14 9%). A class's rows (its pixels, image by image) are cut into blocks; a task gathers
// its block's columns, multiplies them by the matching rows of the filter into its scratch
// (one product when the class sees whole filter rows, else one per filter row, summed), and
// copies the result rows to their pixels. Every output element is summed in the same order
// whatever the thread count.
template <typename T>
bool conv_forward_classes(const Conv2dShape& s, const T* x, const T* w, T* y, const Cancel& cancel) {
  const std::vector<AxisClass> rcs = axis_classes(s.oh, s.h, s.kh, s.sh, s.dh, s.pad_top);
  const std::vector<AxisClass> ccs = axis_classes(s.ow, s.w, s.kw, s.sw, s.dw, s.pad_left);
  struct Task {
    int rc, cc;
    long r0, r1;
  };
  std::vector<Task> tasks;
  const int threads = ThreadPool::get().threads();
  const long cap = (s.n * s.oh * s.ow + 4L * threads - 1) / (4L * threads);
  for (int a = 0; a < static_cast<int>(rcs.size()); a++)
    for (int b = 0; b < static_cast<int>(ccs.size()); b++) {
      const long rows = s.n * (rcs[a].hi - rcs[a].lo) * (ccs[b].hi - ccs[b].lo);
      const long K = (rcs[a].t1 - rcs[a].t0) * (ccs[b].t1 - ccs[b].t0) * s.c;
      long block = std::max(24L, std::min(kBlockBudget / std::max(1L, K), cap));
      block = (block + 23) / 24 * 24;
      // Equal blocks, whole 12-row panels where possible (a 32-row corner class stays whole).
      const long nb = (rows + block - 1) / block;
      block = std::min(rows, ((rows + nb - 1) / nb + 11) / 12 * 12);
      for (long r0 = 0; r0 < rows; r0 += block) tasks.push_back({a, b, r0, std::min(rows, r0 + block)});
    }
  ThreadPool::get().parallel_for(static_cast<long>(tasks.size()), [&](long t) {
    if (cancel.requested()) return;
    const Task& task = tasks[t];
    const AxisClass &R = rcs[task.rc], &Q = ccs[task.cc];
    const long cw = Q.hi - Q.lo, prs = (R.hi - R.lo) * cw, m = task.r1 - task.r0;
    const long run = (Q.t1 - Q.t0) * s.c, K = (R.t1 - R.t0) * run;
    auto pixel = [&](long r) {
      const long n = r / prs, q = r % prs;
      return (n * s.oh + R.lo + q / cw) * s.ow + Q.lo + q % cw;
    };
    if (K == 0) {  // the whole window in the padding
      for (long r = task.r0; r < task.r1; r++) std::fill(y + pixel(r) * s.f, y + (pixel(r) + 1) * s.f, T(0));
      return;
    }
    // Row strides that are multiples of 2 KiB would crowd the kernels' 12 rows into a few L1
    // sets (the GEMM would then pack them): one more cache line per row avoids it.
    const long lda = (K * static_cast<long>(sizeof(T))) % 2048 ? K : K + 64 / static_cast<long>(sizeof(T));
    T* cols = scratch<T>(0, m * lda);
    for (long r = task.r0; r < task.r1; r++) {
      const long n = r / prs, q = r % prs, oh = R.lo + q / cw, ow = Q.lo + q % cw;
      T* dst = cols + (r - task.r0) * lda;
      const long iw0 = ow * s.sw - s.pad_left + Q.t0 * s.dw;
      for (long i = R.t0; i < R.t1; i++, dst += run) {
        const T* src = x + ((n * s.h + oh * s.sh - s.pad_top + i * s.dh) * s.w + iw0) * s.c;
        if (s.dw == 1) copy_run(dst, src, run);
        else
          for (long j = 0; j < Q.t1 - Q.t0; j++) copy_run(dst + j * s.c, src + j * s.dw * s.c, s.c);
      }
    }
    T* out = scratch<T>(2, m * s.f);
    if (Q.t1 - Q.t0 == s.kw) {
      if (!gemm_serial<T>(matmul<T>(m, s.f, K, cols, lda, 1, w + R.t0 * s.kw * s.c * s.f, s.f, 1, out, T(0)), cancel))
        return;
    } else {
      for (long i = R.t0; i < R.t1; i++)
        if (!gemm_serial<T>(matmul<T>(m, s.f, run, cols + (i - R.t0) * run, lda, 1,
                                      w + (i * s.kw + Q.t0) * s.c * s.f, s.f, 1, out, i == R.t0 ? T(0) : T(1)),
                            cancel))
          return;
    }
    for (long r = task.r0; r < task.r1; r++) copy_run(y + pixel(r) * s.f, out + (r - task.r0) * s.f, s.f);
  });
  return !cancel.requested();
}

// Whether some output pixel's window reaches into the padding.
bool has_padding(const Conv2dShape& s) {
  for (const AxisClass& a : axis_classes(s.oh, s.h, s.kh, s.sh, s.dh, s.pad_top))
    if (a.t1 - a.t0 != s.kh) return true;
  for (const AxisClass& a : axis_classes(s.ow, s.w, s.kw, s.sw, s.dw, s.pad_left))
    if (a.t1 - a.t0 != s.kw) return true;
  return false;
}

}  // namespace

// Forward: the output rows (pixels) are cut into blocks, and each task builds its block of the
// column matrix in its own scratch and multiplies it by the filter on its own thread (the
// filter is read in place). Blocks are many (at least 4 per thread when the batch allows), so
// every thread of the pool works even at batch 32, a thread the OS runs late still finds
// blocks left, and im2col runs in parallel with products instead of as a serial phase.
template <typename T>
bool conv2d_forward(const Conv2dShape& s, const T* x, const T* w, T* y, const Cancel& cancel) {
  const long K = s.kh * s.kw * s.c, P = s.oh * s.ow, rows = s.n * P;
  if (rows == 0 || s.f == 0) return true;
  if (is_pointwise(s)) return gemm<T>(matmul<T>(rows, s.f, K, x, K, 1, w, s.f, 1, y, 0), cancel);
  if (s.c >= 32 && has_padding(s)) return conv_forward_classes(s, x, w, y, cancel);
  const int threads = ThreadPool::get().threads();
  long block = std::max(24L, kBlockBudget / std::max(1L, K));
  block = std::min(block, (rows + 4L * threads - 1) / (4L * threads));
  block = std::max(24L, (block + 23) / 24 * 24);  // whole row panels for 4-, 6-, 8- and 12-row tiles
  const long tasks = (rows + block - 1) / block;
  ThreadPool::get().parallel_for(tasks, [&](long t) {
    if (cancel.requested()) return;
    const long r0 = t * block, r1 = std::min(rows, r0 + block);
    T* cols = scratch<T>(0, block * K);
    im2col_rows(s, x, r0, r1, cols);
    gemm_serial<T>(matmul<T>(r1 - r0, s.f, K, cols, K, 1, w, s.f, 1, y + r0 * s.f, 0), cancel);
  });
  return !cancel.requested();
}

// What the dW products' packer needs: tap(i, j)'s column for pixel p (in class order) is the
// input pixel's C channels at x + xoff[r0 + p] + tapoff.
template <typename T>
struct TapColumns {
  const T* x;
  const long* xoff;
  long tapoff, r0;
  static void pack(const void* ctx, long i0, long p0, long mc, long kc, int mr, T* dst) {
    const TapColumns& t = *static_cast<const TapColumns*>(ctx);
    const T* base = t.x + t.tapoff;
    const long* off = t.xoff + t.r0;
    pack_a_columns<T>([&](long p) { return base + off[p]; }, i0, p0, mc, kc, mr, dst);
  }
};

// dW by filter position: dW[i, j] (C x F, a contiguous slice of dW) = sum over the output
// pixels whose tap (i, j) lands inside the image of x(tap)ᵀ · dY. The pixels are put in class
// order (as in the forward: by the taps they see; dY's rows are copied once into that order),
// so the pixels that see tap (i, j) form a few contiguous runs and no multiply-add is spent on
// padding. Each task owns one position (and a share of the filters when positions are few
// for the threads) and runs one product per run: its A (tapᵀ, C x pixels) is gathered from
// the input straight into the GEMM's packed panels (no gathered copy for the GEMM to pack
// again), dY's rows are read in place, and the task accumulates into its own slice of dW: no
// partial sums to add up, and the same bits for any thread count.
// Needs C >= 32 to fill the tiles; thinner inputs (the first layer) take the chunked path.
template <typename T>
bool dw_by_tap(const Conv2dShape& s, const T* x, const T* dy, T* dw, const Cancel& cancel) {
  const std::vector<AxisClass> rcs = axis_classes(s.oh, s.h, s.kh, s.sh, s.dh, s.pad_top);
  const std::vector<AxisClass> ccs = axis_classes(s.ow, s.w, s.kw, s.sw, s.dw, s.pad_left);
  const long nb = static_cast<long>(ccs.size()), rows = s.n * s.oh * s.ow, taps = s.kh * s.kw;
  std::vector<long> start(rcs.size() * ccs.size() + 1), xoff(rows), pix(rows);
  long r = 0;
  for (size_t a = 0; a < rcs.size(); a++)
    for (long b = 0; b < nb; b++) {
      start[a * nb + b] = r;
      for (long n = 0; n < s.n; n++)
        for (long oh = rcs[a].lo; oh < rcs[a].hi; oh++)
          for (long ow = ccs[b].lo; ow < ccs[b].hi; ow++, r++) {
            pix[r] = (n * s.oh + oh) * s.ow + ow;
            xoff[r] = ((n * s.h + oh * s.sh - s.pad_top) * s.w + ow * s.sw - s.pad_left) * s.c;
          }
    }
  start.back() = r;
  T* dyc = scratch<T>(3, rows * s.f);
  ThreadPool::get().parallel_for((rows + 255) / 256, [&](long t) {
    for (long q = t * 256; q < std::min(rows, t * 256 + 256); q++) copy_run(dyc + q * s.f, dy + pix[q] * s.f, s.f);
  });
  const int threads = ThreadPool::get().threads();
  long fsplit = 1;
  while (taps * fsplit < 4L * threads && s.f / (fsplit * 2) >= 64) fsplit *= 2;
  const long fstep = (s.f + fsplit - 1) / fsplit;
  ThreadPool::get().parallel_for(taps * fsplit, [&](long t) {
    const long tap = t / fsplit, i = tap / s.kw, j = tap % s.kw;
    const long f0 = t % fsplit * fstep, f1 = std::min(s.f, f0 + fstep);
    if (f1 <= f0) return;
    T* out = dw + tap * s.c * s.f + f0;
    // Runs of pixels (in class order) that see this tap: per row class that sees filter row
    // i, the column classes that see filter column j (adjacent runs merged).
    std::vector<std::pair<long, long>> runs;
    for (size_t a = 0; a < rcs.size(); a++) {
      if (i < rcs[a].t0 || i >= rcs[a].t1) continue;
      for (long b = 0; b < nb; b++) {
        if (j < ccs[b].t0 || j >= ccs[b].t1) continue;
        const long lo = start[a * nb + b], hi = start[a * nb + b + 1];
        if (hi == lo) continue;
        if (!runs.empty() && runs.back().second == lo) runs.back().second = hi;
        else runs.push_back({lo, hi});
      }
    }
    if (runs.empty()) {
      for (long c = 0; c < s.c; c++) std::fill(out + c * s.f, out + c * s.f + (f1 - f0), T(0));
      return;
    }
    for (size_t q = 0; q < runs.size(); q++) {
      if (cancel.requested()) return;
      TapColumns<T> cols{x, xoff.data(), (i * s.dh * s.w + j * s.dw) * s.c, runs[q].first};
      GemmArgs<T> g;
      g.m = s.c, g.n = f1 - f0, g.k = runs[q].second - runs[q].first;
      g.pack_a = &TapColumns<T>::pack, g.pack_ctx = &cols;
      g.b = dyc + runs[q].first * s.f + f0, g.rsb = s.f, g.csb = 1;
      g.c = out, g.rsc = s.f, g.csc = 1;
      g.alpha = 1, g.beta = q == 0 ? T(0) : T(1);
      if (!gemm_serial<T>(g, cancel)) return;
    }
  });
  return !cancel.requested();
}

// What the thin-input dW product's packer needs: element (t, p) of colsᵀ (filter tap and
// channel t, output pixel p) is xp[pixbase[p] + toff[t]] in a zero-padded copy of the input.
template <typename T>
struct PaddedTaps {
  const T* xp;
  const long* pixbase;
  const long* toff;
  static void pack(const void* ctx, long i0, long p0, long mc, long kc, int mr, T* dst) {
    const PaddedTaps& t = *static_cast<const PaddedTaps*>(ctx);
    const long panels = (mc + mr - 1) / mr;
    for (long p = 0; p < kc; p++) {
      const T* base = t.xp + t.pixbase[p0 + p];
      for (long q = 0; q < panels; q++) {
        T* d = dst + q * mr * kc + p * mr;
        const long lo = q * mr, hi = std::min(mc, lo + mr);
        for (long i = lo; i < hi; i++) d[i - lo] = base[t.toff[i0 + i]];
        for (long i = hi; i < lo + mr; i++) d[i - lo] = T(0);
      }
    }
  }
};

// dW for thin inputs (fewer than 32 channels: the first layer), dW (K x F) = colsᵀ · dY over
// the whole batch as one product on the pool, colsᵀ gathered straight into the GEMM's panels
// from a zero-padded copy of the input through a table of tap offsets (no bounds checks, no
// im2col matrix for the GEMM to pack again: together they were 40% of this layer's dW).
// Same bits for any thread count (threads split dW's rows, never the sum).
template <typename T>
bool dw_thin(const Conv2dShape& s, const T* x, const T* dy, T* dw, const Cancel& cancel) {
  const long K = s.kh * s.kw * s.c, rows = s.n * s.oh * s.ow;
  const long hp = std::max(s.pad_top + s.h, (s.oh - 1) * s.sh + (s.kh - 1) * s.dh + 1);
  const long wp = std::max(s.pad_left + s.w, (s.ow - 1) * s.sw + (s.kw - 1) * s.dw + 1);
  T* xp = scratch<T>(3, s.n * hp * wp * s.c);
  std::fill(xp, xp + s.n * hp * wp * s.c, T(0));
  for (long n = 0; n < s.n; n++)
    for (long ih = 0; ih < s.h; ih++)
      std::memcpy(xp + ((n * hp + ih + s.pad_top) * wp + s.pad_left) * s.c, x + (n * s.h + ih) * s.w * s.c,
                  s.w * s.c * sizeof(T));
  std::vector<long> pixbase(rows), toff(K);
  for (long n = 0, r = 0; n < s.n; n++)
    for (long oh = 0; oh < s.oh; oh++)
      for (long ow = 0; ow < s.ow; ow++) pixbase[r++] = ((n * hp + oh * s.sh) * wp + ow * s.sw) * s.c;
  for (long i = 0, t = 0; i < s.kh; i++)
    for (long j = 0; j < s.kw; j++)
      for (long c = 0; c < s.c; c++) toff[t++] = (i * s.dh * wp + j * s.dw) * s.c + c;
  // The threads split dW's rows (the taps), each packing only its own: split by columns, as
  // the GEMM would, every thread gathered all of colsᵀ (the gather is a quarter of the work).
  const long parts = std::min<long>(ThreadPool::get().threads(), (K + 11) / 12);
  const long step = ((K + 11) / 12 + parts - 1) / parts * 12;
  ThreadPool::get().parallel_for(parts, [&](long t) {
    const long r0 = t * step, r1 = std::min(K, r0 + step);
    if (r1 <= r0) return;
    PaddedTaps<T> taps{xp, pixbase.data(), toff.data() + r0};
    GemmArgs<T> g;
    g.m = r1 - r0, g.n = s.f, g.k = rows;
    g.pack_a = &PaddedTaps<T>::pack, g.pack_ctx = &taps;
    g.b = dy, g.rsb = s.f, g.csb = 1;
    g.c = dw + r0 * s.f, g.rsc = s.f, g.csc = 1;
    g.alpha = 1, g.beta = 0;
    gemm_serial<T>(g, cancel);
  });
  return !cancel.requested();
}

// dX of a unit-stride convolution is itself a convolution: dX[ih, iw, c] = sum over taps of
// dY[ih + pt - i*dh, iw + pl - j*dw, :] · W[i, j, c, :], i.e. dY convolved with the filter
// turned by 180 degrees and its channels swapped (W'[i', j', f, c] = W[KH-1-i', KW-1-j', c, f])
// under padding dh*(KH-1) - pt. So it runs through the forward: blocks of output pixels, the
// padding skipped, no overlapping windows to add up (col2im), any thread count giving the
// same bits.
template <typename T>
bool dx_as_forward(const Conv2dShape& s, const T* w, const T* dy, T* dx, const Cancel& cancel) {
  const long taps = s.kh * s.kw;
  T* wr = scratch<T>(1, taps * s.c * s.f);
  ThreadPool::get().parallel_for(taps, [&](long t) {
    const T* src = w + (taps - 1 - t) * s.c * s.f;  // C x F
    T* dst = wr + t * s.c * s.f;                      // F x C
    constexpr long B = 16;
    for (long c0 = 0; c0 < s.c; c0 += B)
      for (long f0 = 0; f0 < s.f; f0 += B)
        for (long f = f0; f < std::min(s.f, f0 + B); f++)
          for (long c = c0; c < std::min(s.c, c0 + B); c++) dst[f * s.c + c] = src[c * s.f + f];
  });
  Conv2dShape t{};
  t.n = s.n, t.h = s.oh, t.w = s.ow, t.c = s.f;
  t.kh = s.kh, t.kw = s.kw, t.f = s.c;
  t.sh = 1, t.sw = 1, t.dh = s.dh, t.dw = s.dw;
  t.pad_top = s.dh * (s.kh - 1) - s.pad_top, t.pad_left = s.dw * (s.kw - 1) - s.pad_left;
  t.oh = s.h, t.ow = s.w;
  return conv2d_forward<T>(t, dy, wr, dx, cancel);
}

// Backward. dW by filter position (dw_by_tap) for inputs of 32 channels or more, else as one
// colsᵀ·dY product fed by a packer (dw_thin); 1x1 unit-stride filters read x in place.
// dX: for unit strides, the forward of dY with the turned filter (dx_as_forward). Otherwise
// tasks own whole images (the adjoint of im2col adds overlapping windows into one image), each
// computing dCols = dY·Wᵀ for its images into its own scratch and adding it back onto dX; Wᵀ is
// made once up front so the tasks read it in place.
template <typename T>
bool conv2d_backward(const Conv2dShape& s, const T* x, const T* w, const T* dy, T* dx, T* dw, const Cancel& cancel) {
  const long K = s.kh * s.kw * s.c, P = s.oh * s.ow, img = s.h * s.w * s.c;
  const bool pw = is_pointwise(s);
  if (dw && !pw && s.c >= 32 && s.n * P > 0) {
    if (!dw_by_tap(s, x, dy, dw, cancel)) return false;
  } else if (dw && !pw) {
    if (!dw_thin(s, x, dy, dw, cancel)) return false;
  } else if (dw) {
    // 1x1, unit stride: dW (C x F) = xᵀ · dY, the input read in place.
    if (!gemm<T>(matmul<T>(K, s.f, s.n * P, x, 1, K, dy, s.f, 1, dw, T(0)), cancel)) return false;
  }
  if (!dx) return true;
  if (pw) {
    // dX (rows x C) = dY (rows x F) * W^T (F x C), written directly.
    return gemm<T>(matmul<T>(s.n * P, K, s.f, dy, s.f, 1, w, 1, s.f, dx, T(0)), cancel);
  }
  if (s.n * P == 0 || K == 0) {
    std::fill(dx, dx + s.n * img, T(0));
    return true;
  }
  if (s.sh == 1 && s.sw == 1 && s.dh * (s.kh - 1) >= s.pad_top && s.dw * (s.kw - 1) >= s.pad_left)
    return dx_as_forward(s, w, dy, dx, cancel);
  T* wt = scratch<T>(1, K * s.f);  // W^T, F x K row-major
  for (long kk = 0; kk < K; kk++)
    for (long f = 0; f < s.f; f++) wt[f * K + kk] = w[kk * s.f + f];
  const long per = std::max(1L, std::min(kBlockBudget / std::max(1L, P * K), s.n / (2L * ThreadPool::get().threads())));
  const long tasks = (s.n + per - 1) / per;
  ThreadPool::get().parallel_for(tasks, [&](long t) {
    const long n0 = t * per, n1 = std::min(s.n, n0 + per);
    std::fill(dx + n0 * img, dx + n1 * img, T(0));
    if (cancel.requested()) return;
    T* dcols = scratch<T>(2, (n1 - n0) * P * K);
    if (!gemm_serial<T>(matmul<T>((n1 - n0) * P, K, s.f, dy + n0 * P * s.f, s.f, 1, wt, K, 1, dcols, T(0)), cancel))
      return;
    col2im_add(s, dcols, n0, n1, dx);
  });
  return !cancel.requested();
}

template bool conv2d_forward<float>(const Conv2dShape&, const float*, const float*, float*, const Cancel&);
template bool conv2d_forward<double>(const Conv2dShape&, const double*, const double*, double*, const Cancel&);
template bool conv2d_backward<float>(const Conv2dShape&, const float*, const float*, const float*, float*, float*,
                                     const Cancel&);
template bool conv2d_backward<double>(const Conv2dShape&, const double*, const double*, const double*, double*,
                                      double*, const Cancel&);

}  // namespace tb
