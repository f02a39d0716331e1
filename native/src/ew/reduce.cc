// Reductions along axes. The kept and the reduced axes are merged separately, then one of
// three plans runs: the reduced run is contiguous (sum of rows: vector reductions per output,
// or a split of one long run across threads for a full reduction); the kept run is contiguous
// (sum over an outer axis: whole rows are accumulated into a vector of partial results); or
// neither (a plain walk). Sums and products accumulate in double whatever the dtype.
#include <algorithm>
#include <cmath>

#include "ew/strided.h"
#include "threadpool.h"

namespace tb {
namespace {

struct Part {
  Dims shape, strides;
};

// Drops length-1 axes and merges neighbours that form one run.
Part merge(const Dims& shape, const Dims& strides) {
  Part p;
  for (size_t d = 0; d < shape.size(); d++) {
    if (shape[d] == 1) continue;
    if (!p.shape.empty() && p.strides.back() == strides[d] * shape[d]) {
      p.shape.back() *= shape[d];
      p.strides.back() = strides[d];
    } else {
      p.shape.push_back(shape[d]);
      p.strides.push_back(strides[d]);
    }
  }
  if (p.shape.empty()) {
    p.shape.push_back(1);
    p.strides.push_back(0);
  }
  return p;
}

long count(const Dims& s) {
  long n = 1;
  for (long d : s) n *= d;
  return n;
}

double init(ReduceKind k) {
  switch (k) {
    case ReduceKind::sum: return 0;
    case ReduceKind::prod: return 1;
    case ReduceKind::max: return -INFINITY;
    default: return INFINITY;
  }
}

inline double combine(ReduceKind k, double a, double x) {
  switch (k) {
    case ReduceKind::sum: return a + x;
    case ReduceKind::prod: return a * x;
    case ReduceKind::max: return x > a || x != x ? x : a;
    default: return x < a || x != x ? x : a;
  }
}

// Offset of flat index i in a (shape, strides) walk.
long offset_of(long i, const Part& p) {
  long off = 0;
  for (long d = static_cast<long>(p.shape.size()) - 1; d >= 0; d--) {
    off += (i % p.shape[d]) * p.strides[d];
    i /= p.shape[d];
  }
  return off;
}

// Reduces the reduced part starting at x, whose innermost run is contiguous.
template <typename T>
double reduce_block(ReduceKind kind, const T* x, const Part& r, const EwKernels<T>& k) {
  const long inner = r.shape.back();
  const long rows = count(r.shape) / inner;
  double acc = init(kind);
  Part outer{Dims(r.shape.begin(), r.shape.end() - 1), Dims(r.strides.begin(), r.strides.end() - 1)};
  for (long row = 0; row < rows; row++) {
    acc = combine(kind, acc, k.reduce(kind, x + (outer.shape.empty() ? 0 : offset_of(row, outer)), inner));
  }
  return acc;
}

}  // namespace

template <typename T, typename O>
void reduce_strided(ReduceKind kind, const T* x, const Dims& shape, const Dims& strides, const Dims& axes, O* out) {
  Dims ks, kst, rs, rst;
  for (size_t d = 0; d < shape.size(); d++) {
    bool red = std::find(axes.begin(), axes.end(), static_cast<long>(d)) != axes.end();
    (red ? rs : ks).push_back(shape[d]);
    (red ? rst : kst).push_back(strides[d]);
  }
  const Part kept = merge(ks, kst), red = merge(rs, rst);
  const long nk = count(kept.shape), nr = count(red.shape);
  const EwKernels<T>& k = ew<T>();
  ThreadPool& pool = ThreadPool::get();
  if (nk == 0) return;
  if (nr == 0) {
    for (long o = 0; o < nk; o++) out[o] = static_cast<O>(init(kind));
    return;
  }

  if (red.strides.back() == 1 || red.shape.back() == 1) {
    if (nk < pool.threads() && nr >= (1 << 16)) {
      // Few outputs, long reductions: split each reduction into pieces and combine the
      // partial results in order (the same answer for any thread count).
      const long piece = 1 << 15;
      for (long o = 0; o < nk; o++) {
        const T* base = x + offset_of(o, kept);
        const long inner = red.shape.back();
        const long rows = nr / inner;
        const long per_row = (inner + piece - 1) / piece;
        Part outer{Dims(red.shape.begin(), red.shape.end() - 1), Dims(red.strides.begin(), red.strides.end() - 1)};
        std::vector<double> partial(rows * per_row);
        pool.parallel_for(rows * per_row, [&](long t) {
          long row = t / per_row, c = t % per_row;
          const T* p = base + (outer.shape.empty() ? 0 : offset_of(row, outer)) + c * piece;
          partial[t] = k.reduce(kind, p, std::min(piece, inner - c * piece));
        });
        double acc = init(kind);
        for (double v : partial) acc = combine(kind, acc, v);
        out[o] = static_cast<O>(acc);
      }
      return;
    }
    long per = std::max(1L, (1L << 15) / nr);
    pool.parallel_for((nk + per - 1) / per, [&](long t) {
      for (long o = t * per; o < std::min(nk, (t + 1) * per); o++)
        out[o] = static_cast<O>(reduce_block(kind, x + offset_of(o, kept), red, k));
    });
    return;
  }

  if (kept.strides.back() == 1) {
    // Accumulate whole rows of the kept run: acc[j] (op)= x[row][j].
    const long inner = kept.shape.back();
    const long outer = nk / inner;
    const long block = 2048;
    const long blocks = (inner + block - 1) / block;
    constexpr long kRowChunk = 1024;
    constexpr long kFewBlocks = 4;  // fixed, not the thread count: the same path (and bits) on any pool
    Part kouter{Dims(kept.shape.begin(), kept.shape.end() - 1), Dims(kept.strides.begin(), kept.strides.end() - 1)};
    if (outer * blocks < kFewBlocks && nr >= 2 * kRowChunk && (kind == ReduceKind::sum || kind == ReduceKind::max || kind == ReduceKind::min)) {
      // Too few column blocks to share (a [10000, 1000] sum over axis 0 was one task): split
      // the rows into fixed chunks instead, each summed into its own partial vector, and add
      // the partials in chunk order (the same answer for any thread count).
      const long chunks = (nr + kRowChunk - 1) / kRowChunk;
      for (long ko = 0; ko < outer; ko++) {
        std::vector<double> partial(chunks * inner);
        pool.parallel_for(chunks, [&](long c) {
          double* acc = partial.data() + c * inner;
          std::fill(acc, acc + inner, init(kind));
          const T* base = x + (kouter.shape.empty() ? 0 : offset_of(ko, kouter));
          for (long r = c * kRowChunk; r < std::min(nr, (c + 1) * kRowChunk); r++)
            k.accumulate(kind, base + offset_of(r, red), acc, inner);
        });
        O* o = out + ko * inner;
        for (long j = 0; j < inner; j++) {
          double a = partial[j];
          for (long c = 1; c < chunks; c++) a = combine(kind, a, partial[c * inner + j]);
          o[j] = static_cast<O>(a);
        }
      }
      return;
    }
    pool.parallel_for(outer * blocks, [&](long t) {
      long ko = t / blocks, b = t % blocks;
      long j0 = b * block, len = std::min(block, inner - j0);
      const T* base = x + (kouter.shape.empty() ? 0 : offset_of(ko, kouter)) + j0;
      double acc[block];
      std::fill(acc, acc + len, init(kind));
      for (long r = 0; r < nr; r++) k.accumulate(kind, base + offset_of(r, red), acc, len);
      O* o = out + ko * inner + j0;
      for (long j = 0; j < len; j++) o[j] = static_cast<O>(acc[j]);
    });
    return;
  }

  pool.parallel_for((nk + 255) / 256, [&](long t) {
    for (long o = t * 256; o < std::min(nk, (t + 1) * 256); o++) {
      const T* base = x + offset_of(o, kept);
      double acc = init(kind);
      for (long r = 0; r < nr; r++) acc = combine(kind, acc, static_cast<double>(base[offset_of(r, red)]));
      out[o] = static_cast<O>(acc);
    }
  });
}

template <typename T>
void arg_reduce_strided(bool max, const T* x, const Dims& shape, const Dims& strides, long axis, int* out) {
  Dims ks, kst;
  for (size_t d = 0; d < shape.size(); d++)
    if (static_cast<long>(d) != axis) ks.push_back(shape[d]), kst.push_back(strides[d]);
  const Part kept = merge(ks, kst);
  const long nk = count(kept.shape), n = shape[axis], s = strides[axis];
  const EwKernels<T>& k = ew<T>();
  if (s != 1 && n > 1 && kept.strides.back() == 1) {
    // The kept run is contiguous (argmax over axis 0 of a row-major matrix): walk the rows in
    // order, keeping running extremes for a block of columns, instead of one strided column at
    // a time (a new cache line per element).
    const long inner = kept.shape.back(), outer = nk / inner;
    constexpr long kCols = 256;
    const long blocks = (inner + kCols - 1) / kCols;
    Part kouter{Dims(kept.shape.begin(), kept.shape.end() - 1), Dims(kept.strides.begin(), kept.strides.end() - 1)};
    ThreadPool::get().parallel_for(outer * blocks, [&](long t) {
      long ko = t / blocks, j0 = (t % blocks) * kCols, len = std::min(kCols, inner - j0);
      const T* base = x + (kouter.shape.empty() ? 0 : offset_of(ko, kouter)) + j0;
      T best[kCols];
      ArgIndex<T> idx[kCols];
      for (long j = 0; j < len; j++) best[j] = base[j], idx[j] = 0;
      for (long r = 1; r < n; r++) k.argaccumulate(max, base + r * s, best, idx, r, len);
      for (long j = 0; j < len; j++) out[ko * inner + j0 + j] = static_cast<int>(idx[j]);
    });
    return;
  }
  ThreadPool::get().parallel_for((nk + 255) / 256, [&](long t) {
    for (long o = t * 256; o < std::min(nk, (t + 1) * 256); o++) {
      const T* p = x + offset_of(o, kept);
      if (s == 1 && n > 0) {
        out[o] = static_cast<int>(k.argreduce(max, p, n));
        continue;
      }
      T best = p[0];
      long bi = 0;
      if (best == best) {
        for (long i = 1; i < n; i++) {
          T v = p[i * s];
          if (v != v) {
            bi = i;
            break;
          }
          if (max ? v > best : v < best) best = v, bi = i;
        }
      }
      out[o] = static_cast<int>(bi);
    }
  });
}

template void reduce_strided<float, float>(ReduceKind, const float*, const Dims&, const Dims&, const Dims&, float*);
template void reduce_strided<float, double>(ReduceKind, const float*, const Dims&, const Dims&, const Dims&, double*);
template void reduce_strided<double, double>(ReduceKind, const double*, const Dims&, const Dims&, const Dims&,
                                             double*);
template void reduce_strided<double, float>(ReduceKind, const double*, const Dims&, const Dims&, const Dims&,
                                            float*);
template void arg_reduce_strided<float>(bool, const float*, const Dims&, const Dims&, long, int*);
template void arg_reduce_strided<double>(bool, const double*, const Dims&, const Dims&, long, int*);

}  // namespace tb
