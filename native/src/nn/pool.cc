// Max and average pooling on NHWC tensors. The channel axis is innermost, so every window
// position updates a contiguous run of C values, which the compiler vectorizes. Tasks own
// whole (image, output row) pairs forward and whole images backward (windows may overlap).
#include <algorithm>
#include <cmath>

#include "nn/conv.h"
#include "threadpool.h"

namespace tb {

template <typename T>
void maxpool2d_forward(const Pool2dShape& s, const T* x, T* y, int* argmax) {
  ThreadPool::get().parallel_for(s.n * s.oh, [&](long t) {
    long n = t / s.oh, oh = t % s.oh;
    const T* img = x + n * s.h * s.w * s.c;
    for (long ow = 0; ow < s.ow; ow++) {
      long o = ((n * s.oh + oh) * s.ow + ow) * s.c;
      T* out = y + o;
      int* idx = argmax ? argmax + o : nullptr;
      bool first = true;
      for (long i = 0; i < s.kh; i++) {
        long ih = oh * s.sh - s.pad_top + i;
        if (ih < 0 || ih >= s.h) continue;
        for (long j = 0; j < s.kw; j++) {
          long iw = ow * s.sw - s.pad_left + j;
          if (iw < 0 || iw >= s.w) continue;
          long base = (ih * s.w + iw) * s.c;
          const T* src = img + base;
          if (first) {
            for (long c = 0; c < s.c; c++) out[c] = src[c];
            if (idx) for (long c = 0; c < s.c; c++) idx[c] = static_cast<int>(base + c);
            first = false;
          } else if (idx) {
            for (long c = 0; c < s.c; c++)
              if (src[c] > out[c]) out[c] = src[c], idx[c] = static_cast<int>(base + c);
          } else {
            for (long c = 0; c < s.c; c++) out[c] = src[c] > out[c] ? src[c] : out[c];
          }
        }
      }
      if (first) {  // a window entirely in the padding (only with odd paddings)
        for (long c = 0; c < s.c; c++) out[c] = -INFINITY;
        if (idx) for (long c = 0; c < s.c; c++) idx[c] = -1;
      }
    }
  });
}

template <typename T>
void maxpool2d_backward(const Pool2dShape& s, const T* dy, const int* argmax, T* dx) {
  const long img = s.h * s.w * s.c, per = s.oh * s.ow * s.c;
  ThreadPool::get().parallel_for(s.n, [&](long n) {
    T* d = dx + n * img;
    std::fill(d, d + img, T(0));
    const T* g = dy + n * per;
    const int* a = argmax + n * per;
    for (long o = 0; o < per; o++)
      if (a[o] >= 0 && a[o] < img) d[a[o]] += g[o];
  });
}

namespace {
// The window's rows [i0, i1) and columns [j0, j1) inside the image.
inline void window(const Pool2dShape& s, long oh, long ow, long& i0, long& i1, long& j0, long& j1) {
  i0 = std::max(0L, oh * s.sh - s.pad_top);
  i1 = std::min(s.h, oh * s.sh - s.pad_top + s.kh);
  j0 = std::max(0L, ow * s.sw - s.pad_left);
  j1 = std::min(s.w, ow * s.sw - s.pad_left + s.kw);
}
}  // namespace

template <typename T>
void avgpool2d_forward(const Pool2dShape& s, const T* x, T* y) {
  ThreadPool::get().parallel_for(s.n * s.oh, [&](long t) {
    long n = t / s.oh, oh = t % s.oh;
    const T* img = x + n * s.h * s.w * s.c;
    for (long ow = 0; ow < s.ow; ow++) {
      T* out = y + ((n * s.oh + oh) * s.ow + ow) * s.c;
      long i0, i1, j0, j1;
      window(s, oh, ow, i0, i1, j0, j1);
      std::fill(out, out + s.c, T(0));
      for (long i = i0; i < i1; i++)
        for (long j = j0; j < j1; j++) {
          const T* src = img + (i * s.w + j) * s.c;
          for (long c = 0; c < s.c; c++) out[c] += src[c];
        }
      long cnt = (i1 - i0) * (j1 - j0);
      T inv = cnt > 0 ? T(1) / T(cnt) : T(0);
      for (long c = 0; c < s.c; c++) out[c] *= inv;
    }
  });
}

template <typename T>
void avgpool2d_backward(const Pool2dShape& s, const T* dy, T* dx) {
  ThreadPool::get().parallel_for(s.n, [&](long n) {
    T* img = dx + n * s.h * s.w * s.c;
    std::fill(img, img + s.h * s.w * s.c, T(0));
    for (long oh = 0; oh < s.oh; oh++)
      for (long ow = 0; ow < s.ow; ow++) {
        const T* g = dy + ((n * s.oh + oh) * s.ow + ow) * s.c;
        long i0, i1, j0, j1;
        window(s, oh, ow, i0, i1, j0, j1);
        long cnt = (i1 - i0) * (j1 - j0);
        if (cnt <= 0) continue;
        T inv = T(1) / T(cnt);
        for (long i = i0; i < i1; i++)
          for (long j = j0; j < j1; j++) {
            T* d = img + (i * s.w + j) * s.c;
            for (long c = 0; c < s.c; c++) d[c] += g[c] * inv;
          }
      }
  });
}

#define TB_POOL(T)                                                                       \
  template void maxpool2d_forward<T>(const Pool2dShape&, const T*, T*, int*);           \
  template void maxpool2d_backward<T>(const Pool2dShape&, const T*, const int*, T*);    \
  template void avgpool2d_forward<T>(const Pool2dShape&, const T*, T*);                 \
  template void avgpool2d_backward<T>(const Pool2dShape&, const T*, T*);
TB_POOL(float)
TB_POOL(double)
#undef TB_POOL

}  // namespace tb
