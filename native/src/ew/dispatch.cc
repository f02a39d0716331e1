// Reduces every strided element-wise op to calls of the contiguous loops in kernels.cc: the
// axes are first merged wherever the layout allows (so a contiguous tensor is one run, a
// broadcast row one run per row), then the flat output range is cut into chunks for the
// thread pool, and inner runs with a stride other than 0 or 1 are gathered into a small
// buffer first.
#include <algorithm>

#include "cpu.h"
#include "ew/strided.h"
#include "threadpool.h"

namespace tb {

template <>
const EwKernels<float>& ew<float>() {
  static const EwKernels<float> k[3] = {generic::ew_f32(), avx2::ew_f32(), avx512::ew_f32()};
  return k[static_cast<int>(active_isa())];
}
template <>
const EwKernels<double>& ew<double>() {
  static const EwKernels<double> k[3] = {generic::ew_f64(), avx2::ew_f64(), avx512::ew_f64()};
  return k[static_cast<int>(active_isa())];
}

namespace {

constexpr int kMaxIn = 3;
constexpr long kChunk = 1 << 15;  // elements per parallel task
constexpr long kBuf = 1024;       // gather buffer per operand

struct Layout {
  Dims shape;
  Dims strides[kMaxIn];
  int nin = 0;
};

// Drops length-1 axes and merges neighbours that every operand walks as one run.
Layout coalesce(const Dims& shape, const Dims* strides[], int nin) {
  Layout L;
  L.nin = nin;
  for (size_t d = 0; d < shape.size(); d++) {
    if (shape[d] == 1) continue;
    L.shape.push_back(shape[d]);
    for (int k = 0; k < nin; k++) L.strides[k].push_back((*strides[k])[d]);
  }
  if (L.shape.empty()) {
    L.shape.push_back(1);
    for (int k = 0; k < nin; k++) L.strides[k].push_back(0);
  }
  Layout M;
  M.nin = nin;
  M.shape.push_back(L.shape.back());
  for (int k = 0; k < nin; k++) M.strides[k].push_back(L.strides[k].back());
  for (long d = static_cast<long>(L.shape.size()) - 2; d >= 0; d--) {
    bool merge = true;
    for (int k = 0; k < nin; k++) merge = merge && L.strides[k][d] == M.strides[k].front() * M.shape.front();
    if (merge) {
      M.shape.front() *= L.shape[d];
    } else {
      M.shape.insert(M.shape.begin(), L.shape[d]);
      for (int k = 0; k < nin; k++) M.strides[k].insert(M.strides[k].begin(), L.strides[k][d]);
    }
  }
  return M;
}

long total(const Dims& shape) {
  long n = 1;
  for (long d : shape) n *= d;
  return n;
}

// Calls row(out_index, pointers, inner strides, length) for every run of the flat output range
// [begin, end), walking the outer axes like an odometer.
template <typename T, typename Row>
void walk(const Layout& L, const T* const base[], long begin, long end, Row row) {
  const long nd = static_cast<long>(L.shape.size());
  const long inner = L.shape[nd - 1];
  Dims idx(nd, 0);
  long rest = begin / inner;
  for (long d = nd - 2; d >= 0; d--) {
    idx[d] = rest % L.shape[d];
    rest /= L.shape[d];
  }
  long col = begin % inner;
  long o = begin;
  while (o < end) {
    const T* p[kMaxIn];
    for (int k = 0; k < L.nin; k++) {
      long off = col * L.strides[k][nd - 1];
      for (long d = 0; d < nd - 1; d++) off += idx[d] * L.strides[k][d];
      p[k] = base[k] + off;
    }
    long len = std::min(inner - col, end - o);
    row(o, p, len);
    o += len;
    col = 0;
    for (long d = nd - 2; d >= 0; d--) {
      if (++idx[d] < L.shape[d]) break;
      idx[d] = 0;
    }
  }
}

template <typename T, typename Body>
void parallel_range(long n, Body body) {
  long chunks = (n + kChunk - 1) / kChunk;
  ThreadPool::get().parallel_for(chunks, [&](long c) { body(c * kChunk, std::min(n, (c + 1) * kChunk)); });
}

// Runs fn(out, inputs, input-steps (0 or 1), len) over runs, gathering strided runs first.
template <typename T, typename Fn>
void elementwise(const Layout& L, const T* const base[], T* out, Fn fn) {
  const long n = total(L.shape);
  const long nd = static_cast<long>(L.shape.size());
  parallel_range<T>(n, [&](long begin, long end) {
    T buf[kMaxIn][kBuf];
    walk<T>(L, base, begin, end, [&](long o, const T* const p[], long len) {
      bool direct = true;
      long step[kMaxIn];
      for (int k = 0; k < L.nin; k++) {
        long s = L.strides[k][nd - 1];
        step[k] = s == 0 ? 0 : 1;
        direct = direct && (s == 0 || s == 1);
      }
      if (direct) {
        fn(out + o, p, step, len);
        return;
      }
      for (long i = 0; i < len; i += kBuf) {
        long m = std::min(kBuf, len - i);
        const T* q[kMaxIn];
        for (int k = 0; k < L.nin; k++) {
          long s = L.strides[k][nd - 1];
          if (s == 0) {
            q[k] = p[k];
            step[k] = 0;
          } else {
            for (long j = 0; j < m; j++) buf[k][j] = p[k][(i + j) * s];
            q[k] = buf[k];
            step[k] = 1;
          }
        }
        // Runs with stride 0 keep pointing at their one element.
        fn(out + o + i, q, step, m);
      }
    });
  });
}

}  // namespace

template <typename T>
void unary_strided(Unary op, const T* x, const Dims& sx, const Dims& shape, T* out) {
  const Dims* s[] = {&sx};
  Layout L = coalesce(shape, s, 1);
  const T* base[] = {x};
  const EwKernels<T>& k = ew<T>();
  elementwise<T>(L, base, out, [&](T* o, const T* const p[], const long* st, long len) {
    // The vector kernels read a contiguous run; a broadcast (stride 0) or transposed input is
    // first gathered into the output row, which the kernel then maps in place.
    if (st[0] == 1) {
      k.unary(op, p[0], o, len);
      return;
    }
    for (long i = 0; i < len; i++) o[i] = p[0][i * st[0]];
    k.unary(op, o, o, len);
  });
}

template <typename T>
void binary_strided(Binary op, const T* x, const Dims& sx, const T* y, const Dims& sy, const Dims& shape, T* out) {
  const Dims* s[] = {&sx, &sy};
  Layout L = coalesce(shape, s, 2);
  const T* base[] = {x, y};
  const EwKernels<T>& k = ew<T>();
  elementwise<T>(L, base, out, [&](T* o, const T* const p[], const long* st, long len) {
    k.binary(op, p[0], st[0], p[1], st[1], o, len);
  });
}

template <typename T>
void fma_strided(const T* a, const Dims& sa, const T* b, const Dims& sb, const T* c, const Dims& sc,
                 const Dims& shape, T* out) {
  const Dims* s[] = {&sa, &sb, &sc};
  Layout L = coalesce(shape, s, 3);
  const T* base[] = {a, b, c};
  const EwKernels<T>& k = ew<T>();
  elementwise<T>(L, base, out, [&](T* o, const T* const p[], const long* st, long len) {
    k.fma(p[0], st[0], p[1], st[1], p[2], st[2], o, len);
  });
}

template <typename T>
void softmax_rows(const T* x, T* y, long rows, long n, bool log) {
  const EwKernels<T>& k = ew<T>();
  long per = std::max(1L, kChunk / std::max(1L, n));
  long tasks = (rows + per - 1) / per;
  ThreadPool::get().parallel_for(tasks, [&](long t) {
    for (long r = t * per; r < std::min(rows, (t + 1) * per); r++) k.softmax(x + r * n, y + r * n, n, log);
  });
}

template void unary_strided<float>(Unary, const float*, const Dims&, const Dims&, float*);
template void unary_strided<double>(Unary, const double*, const Dims&, const Dims&, double*);
template void binary_strided<float>(Binary, const float*, const Dims&, const float*, const Dims&, const Dims&,
                                    float*);
template void binary_strided<double>(Binary, const double*, const Dims&, const double*, const Dims&, const Dims&,
                                     double*);
template void fma_strided<float>(const float*, const Dims&, const float*, const Dims&, const float*, const Dims&,
                                 const Dims&, float*);
template void fma_strided<double>(const double*, const Dims&, const double*, const Dims&, const double*,
                                  const Dims&, const Dims&, double*);
template void softmax_rows<float>(const float*, float*, long, long, bool);
template void softmax_rows<double>(const double*, double*, long, long, bool);

}  // namespace tb
