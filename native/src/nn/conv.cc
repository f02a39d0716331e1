// Convolution as im2col + GEMM, in chunks of images so the column matrix stays a few MB.
#include "nn/conv.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#include "gemm/gemm.h"
#include "threadpool.h"

namespace tb {
namespace {

constexpr long kColsBudget = 1L << 22;  // elements of the im2col matrix per chunk

long images_per_chunk(const Conv2dShape& s) {
  long per_image = s.oh * s.ow * s.kh * s.kw * s.c;
  return std::max(1L, std::min(s.n, kColsBudget / std::max(1L, per_image)));
}

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
  static thread_local Scratch<T> bufs[2];
  return bufs[which].get(n);
}

// A 1x1 filter with unit stride and no padding reads the input itself as the column matrix.
bool is_pointwise(const Conv2dShape& s) {
  return s.kh == 1 && s.kw == 1 && s.sh == 1 && s.sw == 1 && s.pad_top == 0 && s.pad_left == 0;
}

// Rows (n0..n1 images) x (kh, kw, c) columns; positions in the padding read as 0.
template <typename T>
void im2col(const Conv2dShape& s, const T* x, long n0, long n1, T* cols) {
  const long K = s.kh * s.kw * s.c;
  ThreadPool::get().parallel_for((n1 - n0) * s.oh, [&](long t) {
    long n = n0 + t / s.oh, oh = t % s.oh;
    T* row = cols + ((n - n0) * s.oh + oh) * s.ow * K;
    const T* img = x + n * s.h * s.w * s.c;
    for (long ow = 0; ow < s.ow; ow++, row += K) {
      T* dst = row;
      for (long i = 0; i < s.kh; i++) {
        long ih = oh * s.sh - s.pad_top + i * s.dh;
        for (long j = 0; j < s.kw; j++, dst += s.c) {
          long iw = ow * s.sw - s.pad_left + j * s.dw;
          bool out = ih < 0 || ih >= s.h || iw < 0 || iw >= s.w;
          if (s.c == 1) *dst = out ? T(0) : img[ih * s.w + iw];  // a one-channel image (the first layer)
          else if (out) std::memset(dst, 0, s.c * sizeof(T));
          else std::memcpy(dst, img + (ih * s.w + iw) * s.c, s.c * sizeof(T));
        }
      }
    }
  });
}

// Adds the column-matrix gradient back onto the input gradient (the adjoint of im2col).
// Each task owns whole images, so no two tasks write the same element.
template <typename T>
void col2im_add(const Conv2dShape& s, const T* dcols, long n0, long n1, T* dx) {
  const long K = s.kh * s.kw * s.c;
  ThreadPool::get().parallel_for(n1 - n0, [&](long t) {
    long n = n0 + t;
    T* img = dx + n * s.h * s.w * s.c;
    const T* row = dcols + t * s.oh * s.ow * K;
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
  });
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

}  // namespace

template <typename T>
bool conv2d_forward(const Conv2dShape& s, const T* x, const T* w, T* y, const Cancel& cancel) {
  const long K = s.kh * s.kw * s.c, P = s.oh * s.ow;
  const long chunk = images_per_chunk(s);
  T* cols = is_pointwise(s) ? nullptr : scratch<T>(0, chunk * P * K);
  for (long n0 = 0; n0 < s.n; n0 += chunk) {
    if (cancel.requested()) return false;
    long n1 = std::min(s.n, n0 + chunk);
    const T* a = x + n0 * s.h * s.w * s.c;
    if (cols) {
      im2col(s, x, n0, n1, cols);
      a = cols;
    }
    if (!gemm<T>(matmul<T>((n1 - n0) * P, s.f, K, a, K, 1, w, s.f, 1, y + n0 * P * s.f, 0), cancel)) return false;
  }
  return true;
}

template <typename T>
bool conv2d_backward(const Conv2dShape& s, const T* x, const T* w, const T* dy, T* dx, T* dw, const Cancel& cancel) {
  const long K = s.kh * s.kw * s.c, P = s.oh * s.ow;
  const long chunk = images_per_chunk(s);
  const bool pw = is_pointwise(s);
  T* cols = dw && !pw ? scratch<T>(0, chunk * P * K) : nullptr;
  T* dcols = dx && !pw ? scratch<T>(1, chunk * P * K) : nullptr;
  if (dw) std::fill(dw, dw + K * s.f, T(0));
  if (dx) std::fill(dx, dx + s.n * s.h * s.w * s.c, T(0));
  for (long n0 = 0; n0 < s.n; n0 += chunk) {
    if (cancel.requested()) return false;
    long n1 = std::min(s.n, n0 + chunk), rows = (n1 - n0) * P;
    const T* g = dy + n0 * P * s.f;
    if (dw) {
      // dW (K x F) += cols^T (K x rows) * dY (rows x F): cols read transposed through strides.
      const T* a = x + n0 * s.h * s.w * s.c;
      if (!pw) {
        im2col(s, x, n0, n1, cols);
        a = cols;
      }
      if (!gemm<T>(matmul<T>(K, s.f, rows, a, 1, K, g, s.f, 1, dw, T(1)), cancel)) return false;
    }
    if (dx) {
      // dCols (rows x K) = dY (rows x F) * W^T (F x K), then scattered back onto dX.
      T* target = pw ? dx + n0 * s.h * s.w * s.c : dcols;
      if (!gemm<T>(matmul<T>(rows, K, s.f, g, s.f, 1, w, 1, s.f, target, pw ? T(1) : T(0)), cancel)) return false;
      if (!pw) col2im_add(s, dcols, n0, n1, dx);
    }
  }
  return true;
}

template bool conv2d_forward<float>(const Conv2dShape&, const float*, const float*, float*, const Cancel&);
template bool conv2d_forward<double>(const Conv2dShape&, const double*, const double*, double*, const Cancel&);
template bool conv2d_backward<float>(const Conv2dShape&, const float*, const float*, const float*, float*, float*,
                                     const Cancel&);
template bool conv2d_backward<double>(const Conv2dShape&, const double*, const double*, const double*, double*,
                                      double*, const Cancel&);

}  // namespace tb
