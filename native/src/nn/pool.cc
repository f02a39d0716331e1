// Max and average pooling on NHWC tensors. The channel axis is innermost, so every window
// position updates a contiguous run of C values, which the compiler vectorizes. Tasks own
// whole (image, output row) pairs forward and whole images backward (windows may overlap).
#include <algorithm>
#include <cmath>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "nn/conv.h"
#include "threadpool.h"

namespace tb {

// Max over one window for channels [c0, c0 + len), len <= kChunk, into out/idx. The running
// maxima live in local arrays and are updated with selects rather than branches (random data
// mispredicted every other element: the first pool of the chapter 14 CNN took 5 ms instead of
// well under 1), so the channel loop vectorizes. `>` keeps the first of equal values and a
// NaN already chosen, as the scalar loop did.
constexpr long kChunk = 64;

// best[c], at[c] = src[c], b + c where src[c] > best[c]. GCC turns the scalar form into a
// branch whatever it is told, so the SSE2 form (every x86-64) is written out.
inline void select_greater(const float* src, float* best, int* at, int b, long len) {
  long c = 0;
#if defined(__SSE2__)
  __m128i pos = _mm_add_epi32(_mm_set1_epi32(b), _mm_setr_epi32(0, 1, 2, 3));
  for (; c + 4 <= len; c += 4, pos = _mm_add_epi32(pos, _mm_set1_epi32(4))) {
    __m128 v = _mm_loadu_ps(src + c), o = _mm_loadu_ps(best + c);
    __m128 gt = _mm_cmpgt_ps(v, o);
    _mm_storeu_ps(best + c, _mm_or_ps(_mm_and_ps(gt, v), _mm_andnot_ps(gt, o)));
    __m128i m = _mm_castps_si128(gt), a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at + c));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(at + c), _mm_or_si128(_mm_and_si128(m, pos), _mm_andnot_si128(m, a)));
  }
#endif
  for (; c < len; c++)
    if (src[c] > best[c]) best[c] = src[c], at[c] = b + static_cast<int>(c);
}
inline void select_greater(const double* src, double* best, int* at, int b, long len) {
  long c = 0;
#if defined(__SSE2__)
  __m128i pos = _mm_add_epi32(_mm_set1_epi32(b), _mm_setr_epi32(0, 1, 0, 0));
  for (; c + 2 <= len; c += 2, pos = _mm_add_epi32(pos, _mm_set1_epi32(2))) {
    __m128d v = _mm_loadu_pd(src + c), o = _mm_loadu_pd(best + c);
    __m128d gt = _mm_cmpgt_pd(v, o);
    _mm_storeu_pd(best + c, _mm_or_pd(_mm_and_pd(gt, v), _mm_andnot_pd(gt, o)));
    // The two 64-bit masks as two 32-bit lanes, for the indices.
    __m128i m = _mm_shuffle_epi32(_mm_castpd_si128(gt), _MM_SHUFFLE(2, 2, 2, 0));
    __m128i a = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(at + c));
    _mm_storel_epi64(reinterpret_cast<__m128i*>(at + c), _mm_or_si128(_mm_and_si128(m, pos), _mm_andnot_si128(m, a)));
  }
#endif
  for (; c < len; c++)
    if (src[c] > best[c]) best[c] = src[c], at[c] = b + static_cast<int>(c);
}
template <typename T>
void window_max(const Pool2dShape& s, const T* img, long oh, long ow, long c0, long len, T* out, int* idx) {
  T best[kChunk];
  int at[kChunk];
  bool first = true;
  for (long i = 0; i < s.kh; i++) {
    long ih = oh * s.sh - s.pad_top + i;
    if (ih < 0 || ih >= s.h) continue;
    for (long j = 0; j < s.kw; j++) {
      long iw = ow * s.sw - s.pad_left + j;
      if (iw < 0 || iw >= s.w) continue;
      const long base = (ih * s.w + iw) * s.c + c0;
      const T* src = img + base;
      const int b = static_cast<int>(base);
      if (first) {
        for (long c = 0; c < len; c++) best[c] = src[c], at[c] = b + static_cast<int>(c);
        first = false;
        continue;
      }
      select_greater(src, best, at, b, len);
    }
  }
  if (first) {  // a window entirely in the padding (only with odd paddings)
    for (long c = 0; c < len; c++) best[c] = -INFINITY, at[c] = -1;
  }
  for (long c = 0; c < len; c++) out[c] = best[c];
  if (idx)
    for (long c = 0; c < len; c++) idx[c] = at[c];
}

template <typename T>
void maxpool2d_forward(const Pool2dShape& s, const T* x, T* y, int* argmax) {
  ThreadPool::get().parallel_for(s.n * s.oh, [&](long t) {
    long n = t / s.oh, oh = t % s.oh;
    const T* img = x + n * s.h * s.w * s.c;
    for (long ow = 0; ow < s.ow; ow++) {
      long o = ((n * s.oh + oh) * s.ow + ow) * s.c;
      for (long c0 = 0; c0 < s.c; c0 += kChunk)
        window_max(s, img, oh, ow, c0, std::min(kChunk, s.c - c0), y + o + c0, argmax ? argmax + o + c0 : nullptr);
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
