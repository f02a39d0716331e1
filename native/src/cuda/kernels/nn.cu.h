// Neural-network kernels on NHWC images (TensorFlow's layout): softmax over the last axis,
// im2col / col2im for convolution through cuBLAS, max and average pooling. Backward passes
// gather (each input element sums what reaches it) instead of scattering with atomics, so they
// are deterministic and need no float64 atomicAdd.
#pragma once
namespace tb { namespace cuda { namespace src {
constexpr const char* kNn = R"CUDA(
// One thread per row: rows are many (batch) and short (classes) in the models this serves.
extern "C" __global__ void softmax_rows(T* out, const T* X, long long rows, long long cols, int logsm) {
  TB_FOR(r, rows) {
    const T* x = X + r * cols; T* y = out + r * cols;
    T m = x[0];
    for (long long j = 1; j < cols; j++) if (x[j] > m || x[j] != x[j]) m = x[j];
    T s = 0;
    for (long long j = 0; j < cols; j++) s += exp(x[j] - m);
    if (logsm) { T ls = log(s); for (long long j = 0; j < cols; j++) y[j] = x[j] - m - ls; }
    else { T inv = (T)1 / s; for (long long j = 0; j < cols; j++) y[j] = exp(x[j] - m) * inv; }
  }
}

struct Conv {
  long long n, h, w, c;        // input
  long long kh, kw, f;         // filter
  long long oh, ow;            // output
  long long sh, sw, dh, dw;    // strides, dilations
  long long pt, pl;            // padding before (top, left)
};

// cols[(n*oh + y)*ow + x, (i*kw + j)*c + ch] = input pixel under filter tap (i, j), or 0.
extern "C" __global__ void im2col(T* cols, const T* X, Conv g) {
  long long k = g.kh * g.kw * g.c;
  TB_FOR(e, g.n * g.oh * g.ow * k) {
    long long row = e / k, col = e % k;
    long long ch = col % g.c, tap = col / g.c, j = tap % g.kw, i = tap / g.kw;
    long long x = row % g.ow, y = (row / g.ow) % g.oh, b = row / (g.ow * g.oh);
    long long iy = y * g.sh - g.pt + i * g.dh, ix = x * g.sw - g.pl + j * g.dw;
    cols[e] = (iy >= 0 && iy < g.h && ix >= 0 && ix < g.w) ? X[((b * g.h + iy) * g.w + ix) * g.c + ch] : (T)0;
  }
}

// dX[b, iy, ix, ch] = sum over taps (i, j) and outputs (y, x) that read it of dcols[row, col].
extern "C" __global__ void col2im(T* dX, const T* dcols, Conv g) {
  long long k = g.kh * g.kw * g.c;
  TB_FOR(e, g.n * g.h * g.w * g.c) {
    long long ch = e % g.c, ix = (e / g.c) % g.w, iy = (e / (g.c * g.w)) % g.h, b = e / (g.c * g.w * g.h);
    T acc = 0;
    for (long long i = 0; i < g.kh; i++) {
      long long ty = iy + g.pt - i * g.dh;
      if (ty < 0 || ty % g.sh) continue;
      long long y = ty / g.sh;
      if (y >= g.oh) continue;
      for (long long j = 0; j < g.kw; j++) {
        long long tx = ix + g.pl - j * g.dw;
        if (tx < 0 || tx % g.sw) continue;
        long long x = tx / g.sw;
        if (x >= g.ow) continue;
        acc += dcols[((b * g.oh + y) * g.ow + x) * k + (i * g.kw + j) * g.c + ch];
      }
    }
    dX[e] = acc;
  }
}

struct Pool {
  long long n, h, w, c, ph, pw, oh, ow, sh, sw, pt, pl;
};

// argmax holds the flat index (within the image batch) of each window's maximum.
extern "C" __global__ void maxpool_fwd(T* Y, int* argmax, const T* X, Pool g) {
  TB_FOR(e, g.n * g.oh * g.ow * g.c) {
    long long ch = e % g.c, x = (e / g.c) % g.ow, y = (e / (g.c * g.ow)) % g.oh, b = e / (g.c * g.ow * g.oh);
    T best = 0; long long at = -1;
    for (long long i = 0; i < g.ph; i++) {
      long long iy = y * g.sh - g.pt + i; if (iy < 0 || iy >= g.h) continue;
      for (long long j = 0; j < g.pw; j++) {
        long long ix = x * g.sw - g.pl + j; if (ix < 0 || ix >= g.w) continue;
        long long idx = ((b * g.h + iy) * g.w + ix) * g.c + ch;
        T v = X[idx];
        if (at < 0 || v > best || v != v) { best = v; at = idx; }
      }
    }
    Y[e] = best; argmax[e] = (int)at;
  }
}

// The windows that contain input (iy, ix): outputs y with y*s - p <= iy < y*s - p + k.
#define TB_WINDOWS(iy, p, k, s, o, lo, hi) \
  long long lo = (iy + p - k + 1 + s - 1) / s; if (iy + p - k + 1 < 0) lo = 0; \
  long long hi = (iy + p) / s; if (hi > o - 1) hi = o - 1;

extern "C" __global__ void maxpool_bwd(T* dX, const T* dY, const int* argmax, Pool g) {
  TB_FOR(e, g.n * g.h * g.w * g.c) {
    long long ch = e % g.c, ix = (e / g.c) % g.w, iy = (e / (g.c * g.w)) % g.h, b = e / (g.c * g.w * g.h);
    TB_WINDOWS(iy, g.pt, g.ph, g.sh, g.oh, ylo, yhi)
    TB_WINDOWS(ix, g.pl, g.pw, g.sw, g.ow, xlo, xhi)
    T acc = 0;
    for (long long y = ylo; y <= yhi; y++)
      for (long long x = xlo; x <= xhi; x++) {
        long long o = ((b * g.oh + y) * g.ow + x) * g.c + ch;
        if (argmax[o] == (int)e) acc += dY[o];
      }
    dX[e] = acc;
  }
}

__device__ __forceinline__ long long window_count(long long y, long long x, const Pool& g) {
  long long y0 = y * g.sh - g.pt, x0 = x * g.sw - g.pl;
  long long y1 = y0 + g.ph < g.h ? y0 + g.ph : g.h, x1 = x0 + g.pw < g.w ? x0 + g.pw : g.w;
  if (y0 < 0) y0 = 0;
  if (x0 < 0) x0 = 0;
  return (y1 - y0) * (x1 - x0);
}

// Padding is not counted in the averages (TensorFlow's rule).
extern "C" __global__ void avgpool_fwd(T* Y, const T* X, Pool g) {
  TB_FOR(e, g.n * g.oh * g.ow * g.c) {
    long long ch = e % g.c, x = (e / g.c) % g.ow, y = (e / (g.c * g.ow)) % g.oh, b = e / (g.c * g.ow * g.oh);
    T s = 0;
    for (long long i = 0; i < g.ph; i++) {
      long long iy = y * g.sh - g.pt + i; if (iy < 0 || iy >= g.h) continue;
      for (long long j = 0; j < g.pw; j++) {
        long long ix = x * g.sw - g.pl + j; if (ix < 0 || ix >= g.w) continue;
        s += X[((b * g.h + iy) * g.w + ix) * g.c + ch];
      }
    }
    Y[e] = s / (T)window_count(y, x, g);
  }
}

extern "C" __global__ void avgpool_bwd(T* dX, const T* dY, Pool g) {
  TB_FOR(e, g.n * g.h * g.w * g.c) {
    long long ch = e % g.c, ix = (e / g.c) % g.w, iy = (e / (g.c * g.w)) % g.h, b = e / (g.c * g.w * g.h);
    TB_WINDOWS(iy, g.pt, g.ph, g.sh, g.oh, ylo, yhi)
    TB_WINDOWS(ix, g.pl, g.pw, g.sw, g.ow, xlo, xhi)
    T acc = 0;
    for (long long y = ylo; y <= yhi; y++)
      for (long long x = xlo; x <= xhi; x++)
        acc += dY[((b * g.oh + y) * g.ow + x) * g.c + ch] / (T)window_count(y, x, g);
    dX[e] = acc;
  }
}
)CUDA";
}}}  // namespace tb::cuda::src
