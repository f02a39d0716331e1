// Runs the NVRTC kernel source on the CPU (see prelude.h) against plain loops. Compiled by
// test/native/cuda/emulate.test.ts once per dtype: g++ -include prelude.h kernels.cu checks.cc.
// Prints "ok <name>" per check; exits non-zero with a message on the first mismatch.
#include <cstdio>
#include <cstdlib>
#include <vector>

#define CHECK(cond, ...)                                  \
  do {                                                    \
    if (!(cond)) {                                        \
      std::printf("FAIL %s:%d: ", __FILE__, __LINE__);    \
      std::printf(__VA_ARGS__);                           \
      std::printf("\n");                                  \
      std::exit(1);                                       \
    }                                                     \
  } while (0)

static const double kTol = TB_F64 ? 1e-12 : 2e-5;

static bool close(double got, double want) {
  if (want != want) return got != got;
  return std::fabs(got - want) <= kTol + kTol * std::fabs(want);
}

static std::vector<T> ramp(size_t n, double scale = 0.37, double shift = -1.5) {
  std::vector<T> v(n);
  for (size_t i = 0; i < n; i++) v[i] = static_cast<T>(std::sin(i * scale) * 2 + shift * (i % 3 == 0));
  return v;
}

static Geo geo(const std::vector<long long>& shape, long long aoff, const std::vector<long long>& as, long long boff,
               const std::vector<long long>& bs) {
  Geo g{};
  g.ndim = static_cast<int>(shape.size());
  g.n = 1;
  for (int d = 0; d < g.ndim; d++) {
    g.shape[d] = shape[d];
    g.a.stride[d] = as[d];
    g.b.stride[d] = bs.empty() ? 0 : bs[d];
    g.n *= shape[d];
  }
  g.a.off = aoff;
  g.b.off = boff;
  g.contiguous = 0;
  return g;
}

static void philox_known_answer() {
  std::vector<unsigned> out(8);
  tb_launch(philox_raw, out.data(), 2LL, 0u, 0u, 0u);
  // Random123's published known-answer vector for philox4x32-10 with zero counter and key.
  CHECK(out[0] == 0x6627e8d5u && out[1] == 0xe169c58du && out[2] == 0xbc57ac4cu && out[3] == 0x9b00dbd8u,
        "philox(0, 0) = %08x %08x %08x %08x", out[0], out[1], out[2], out[3]);
  std::printf("ok philox\n");
}

static void broadcast_binary() {
  // a: [3, 4] read transposed from a [4, 3] buffer at offset 2; b: a [4] row broadcast over rows.
  std::vector<T> a = ramp(14), b = ramp(4, 1.1), out(12);
  Geo g = geo({3, 4}, 2, {1, 3}, 0, {0, 1});
  tb_launch(ew_sub, out.data(), (const T*)a.data(), (const T*)b.data(), g);
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 4; j++) CHECK(close(out[i * 4 + j], a[2 + i + 3 * j] - b[j]), "sub[%d,%d]", i, j);
  std::vector<T> x = {1, static_cast<T>(NAN), 3}, y = {2, 1, static_cast<T>(NAN)}, o(3);
  Geo g1 = geo({3}, 0, {1}, 0, {1});
  tb_launch(ew_maximum, o.data(), (const T*)x.data(), (const T*)y.data(), g1);
  CHECK(o[0] == 2 && o[1] != o[1] && o[2] != o[2], "maximum propagates NaN");
  tb_launch(ew_fmax, o.data(), (const T*)x.data(), (const T*)y.data(), g1);
  CHECK(o[0] == 2 && o[1] == 1 && o[2] == 3, "fmax ignores NaN");
  std::printf("ok binary-broadcast\n");
}

static void strided_unary() {
  std::vector<T> x = ramp(20), out(10);
  Geo g = geo({2, 5}, 1, {10, 2}, 0, {});
  tb_launch(ew_tanh, out.data(), (const T*)x.data(), g, (T)0);
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 5; j++) CHECK(close(out[i * 5 + j], std::tanh((double)x[1 + 10 * i + 2 * j])), "tanh");
  tb_launch(ew_expit, out.data(), (const T*)x.data(), g, (T)0);
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 5; j++) {
      double v = x[1 + 10 * i + 2 * j];
      CHECK(close(out[i * 5 + j], 1 / (1 + std::exp(-v))), "expit");
    }
  // Comparisons and where on broadcast views, NaN rules as NumPy.
  {
    std::vector<T> x = {1, 2, (T)NAN, 4}, y = {2};
    std::vector<unsigned char> m(4);
    Geo gc = geo({4}, 0, {1}, 0, {0});
    tb_launch(cmp_ge, m.data(), (const T*)x.data(), (const T*)y.data(), gc);
    CHECK(m[0] == 0 && m[1] == 1 && m[2] == 0 && m[3] == 1, "ge with NaN");
    tb_launch(cmp_ne, m.data(), (const T*)x.data(), (const T*)x.data(), gc);
    CHECK(m[0] == 0 && m[2] == 1, "NaN != NaN");
    tb_launch(is_finite, m.data(), (const T*)x.data(), gc);
    CHECK(m[0] == 1 && m[2] == 0, "isfinite");
    // where over a [2, 3] output: the mask broadcast along rows (stride 0), a transposed.
    std::vector<unsigned char> c = {1, 0, 1};
    std::vector<T> a = {10, 11, 12, 13, 14, 15}, b = {-1}, o(6);
    Geo3 w{};
    w.g = geo({2, 3}, 0, {1, 2}, 0, {0, 0});
    w.c.off = 0;
    w.c.stride[0] = 0;
    w.c.stride[1] = 1;
    tb_launch(ew_where, o.data(), (const unsigned char*)c.data(), (const T*)a.data(), (const T*)b.data(), w);
    // a viewed [2, 3] with strides [1, 2]: a[i][j] = a[i + 2j]
    T want[6] = {10, -1, 14, 11, -1, 15};
    for (int i = 0; i < 6; i++) CHECK(o[i] == want[i], "where[%d] = %g", i, (double)o[i]);
  }
  std::printf("ok unary-strided\n");
}

// Drives reduce_* exactly as ops.cc does: pass 1 over (output, chunk), pass 2 over partials.
template <typename K>
static std::vector<T> two_pass(K kernel, const std::vector<T>& x, long long rows, long long cols, long long chunk) {
  RGeo g{};
  g.kdim = g.rdim = 1;
  g.nout = cols;  // reduce axis 0 of a row-major [rows, cols]
  g.nred = rows;
  g.kshape[0] = cols;
  g.kstride[0] = 1;
  g.rshape[0] = rows;
  g.rstride[0] = cols;
  g.chunk = chunk;
  g.chunks = (rows + chunk - 1) / chunk;
  std::vector<T> part(cols * g.chunks), out(cols);
  tb_launch(kernel, part.data(), (const T*)x.data(), g);
  RGeo g2{};
  g2.kdim = g2.rdim = 1;
  g2.nout = cols;
  g2.nred = g2.chunk = g.chunks;
  g2.chunks = 1;
  g2.kshape[0] = cols;
  g2.kstride[0] = g.chunks;
  g2.rshape[0] = g.chunks;
  g2.rstride[0] = 1;
  tb_launch(kernel, out.data(), (const T*)part.data(), g2);
  return out;
}

static void reductions() {
  const long long rows = 37, cols = 6;
  std::vector<T> x = ramp(rows * cols);
  std::vector<T> s = two_pass(reduce_sum, x, rows, cols, 8), mx = two_pass(reduce_max, x, rows, cols, 5);
  for (long long j = 0; j < cols; j++) {
    double ws = 0, wm = x[j];
    for (long long i = 0; i < rows; i++) {
      ws += x[i * cols + j];
      if (x[i * cols + j] > wm) wm = x[i * cols + j];
    }
    CHECK(std::fabs(s[j] - ws) <= kTol * 40, "sum col %lld: %g vs %g", j, (double)s[j], ws);
    CHECK(mx[j] == (T)wm, "max col %lld", j);
  }
  x[3 * cols + 2] = static_cast<T>(NAN);
  std::vector<T> mn = two_pass(reduce_min, x, rows, cols, 4);
  CHECK(mn[2] != mn[2] && mn[1] == mn[1], "min propagates NaN only in its column");
  // argmax along rows of [cols, rows] (axis 1), first maximum wins.
  RGeo g{};
  g.kdim = g.rdim = 1;
  g.nout = 2;
  g.nred = 5;
  g.kshape[0] = 2;
  g.kstride[0] = 5;
  g.rshape[0] = 5;
  g.rstride[0] = 1;
  std::vector<T> y = {1, 7, 3, 7, 0, -1, -2, -3, -4, -0.5};
  std::vector<int> at(2);
  tb_launch(reduce_argmax, at.data(), (const T*)y.data(), g);
  CHECK(at[0] == 1 && at[1] == 4, "argmax = %d %d", at[0], at[1]);
  tb_launch(reduce_argmin, at.data(), (const T*)y.data(), g);
  CHECK(at[0] == 4 && at[1] == 3, "argmin = %d %d", at[0], at[1]);
  std::printf("ok reduce\n");
}

static void softmax() {
  const long long rows = 4, cols = 7;
  std::vector<T> x = ramp(rows * cols, 0.9), y(rows * cols), ly(rows * cols);
  tb_launch(softmax_rows, y.data(), (const T*)x.data(), rows, cols, 0);
  tb_launch(softmax_rows, ly.data(), (const T*)x.data(), rows, cols, 1);
  for (long long r = 0; r < rows; r++) {
    double m = -1e300, s = 0;
    for (long long j = 0; j < cols; j++) m = std::fmax(m, (double)x[r * cols + j]);
    for (long long j = 0; j < cols; j++) s += std::exp(x[r * cols + j] - m);
    for (long long j = 0; j < cols; j++) {
      CHECK(close(y[r * cols + j], std::exp(x[r * cols + j] - m) / s), "softmax");
      CHECK(close(ly[r * cols + j], x[r * cols + j] - m - std::log(s)), "log_softmax");
    }
  }
  std::printf("ok softmax\n");
}

static void convolution() {
  // n=2, 5x6 image, 3 channels, 3x2 kernel, stride (2, 1), dilation (1, 2), "same"-style padding.
  Conv g{};
  g.n = 2; g.h = 5; g.w = 6; g.c = 3; g.kh = 3; g.kw = 2; g.f = 4;
  g.sh = 2; g.sw = 1; g.dh = 1; g.dw = 2; g.pt = 1; g.pl = 1;
  g.oh = (g.h + 2 * g.pt - (g.kh - 1) * g.dh - 1) / g.sh + 1;
  g.ow = (g.w + 2 * g.pl - (g.kw - 1) * g.dw - 1) / g.sw + 1;
  long long K = g.kh * g.kw * g.c, rows = g.n * g.oh * g.ow;
  std::vector<T> x = ramp(g.n * g.h * g.w * g.c), w = ramp(K * g.f, 0.21), cols(rows * K);
  tb_launch(im2col, cols.data(), (const T*)x.data(), g);
  // y = cols · w against a direct convolution.
  for (long long b = 0; b < g.n; b++)
    for (long long oy = 0; oy < g.oh; oy++)
      for (long long ox = 0; ox < g.ow; ox++)
        for (long long f = 0; f < g.f; f++) {
          double direct = 0, viaCols = 0;
          for (long long i = 0; i < g.kh; i++)
            for (long long j = 0; j < g.kw; j++)
              for (long long c = 0; c < g.c; c++) {
                long long iy = oy * g.sh - g.pt + i * g.dh, ix = ox * g.sw - g.pl + j * g.dw;
                if (iy >= 0 && iy < g.h && ix >= 0 && ix < g.w)
                  direct += x[((b * g.h + iy) * g.w + ix) * g.c + c] * w[((i * g.kw + j) * g.c + c) * g.f + f];
              }
          long long row = (b * g.oh + oy) * g.ow + ox;
          for (long long k = 0; k < K; k++) viaCols += cols[row * K + k] * w[k * g.f + f];
          CHECK(std::fabs(direct - viaCols) < 1e-4, "conv via im2col");
        }
  // col2im is im2col's adjoint: <im2col(x), d> == <x, col2im(d)>.
  std::vector<T> d = ramp(rows * K, 0.13), dx(x.size());
  tb_launch(col2im, dx.data(), (const T*)d.data(), g);
  double lhs = 0, rhs = 0;
  for (size_t i = 0; i < cols.size(); i++) lhs += (double)cols[i] * d[i];
  for (size_t i = 0; i < x.size(); i++) rhs += (double)x[i] * dx[i];
  CHECK(std::fabs(lhs - rhs) < 1e-3 * (1 + std::fabs(lhs)), "col2im adjoint %g vs %g", lhs, rhs);
  std::printf("ok conv-im2col\n");
}

static void pooling() {
  Pool g{};
  g.n = 2; g.h = 5; g.w = 4; g.c = 2; g.ph = 3; g.pw = 2; g.sh = 2; g.sw = 2; g.pt = 1; g.pl = 0;
  g.oh = (g.h + 2 - g.ph) / g.sh + 1;
  g.ow = (g.w - g.pw) / g.sw + 1;
  long long nin = g.n * g.h * g.w * g.c, nout = g.n * g.oh * g.ow * g.c;
  std::vector<T> x = ramp(nin, 0.77), y(nout), dy = ramp(nout, 0.5), dx(nin);
  std::vector<int> am(nout);
  tb_launch(maxpool_fwd, y.data(), am.data(), (const T*)x.data(), g);
  for (long long o = 0; o < nout; o++) CHECK(y[o] == x[am[o]], "max pool value at its argmax");
  tb_launch(maxpool_bwd, dx.data(), (const T*)dy.data(), (const int*)am.data(), g);
  std::vector<double> want(nin, 0);
  for (long long o = 0; o < nout; o++) want[am[o]] += dy[o];
  for (long long i = 0; i < nin; i++) CHECK(close(dx[i], want[i]), "max pool backward scatter");
  // Average pooling: forward then backward is an adjoint pair.
  tb_launch(avgpool_fwd, y.data(), (const T*)x.data(), g);
  tb_launch(avgpool_bwd, dx.data(), (const T*)dy.data(), g);
  double lhs = 0, rhs = 0;
  for (long long o = 0; o < nout; o++) lhs += (double)y[o] * dy[o];
  for (long long i = 0; i < nin; i++) rhs += (double)x[i] * dx[i];
  CHECK(std::fabs(lhs - rhs) < 1e-4 * (1 + std::fabs(lhs)), "avg pool adjoint %g vs %g", lhs, rhs);
  // The top-left output of image 0, channel 0 averages rows 0..1 (row -1 is padding, not counted).
  double first = (x[0] + x[2] + x[8] + x[10]) / 4.0;
  CHECK(close(y[0], first), "avg pool ignores padding: %g vs %g", (double)y[0], first);
  std::printf("ok pooling\n");
}

static void optimizers() {
  std::vector<T> p = ramp(9), g = ramp(9, 0.4), v(9, (T)0.1), p0 = p, v0 = v;
  tb_launch(sgd_momentum, p.data(), (const T*)g.data(), v.data(), 9LL, (T)0.01, (T)0.9, 1);
  for (int i = 0; i < 9; i++) {
    double nv = 0.9 * v0[i] - 0.01 * g[i];
    CHECK(close(v[i], nv) && close(p[i], p0[i] + 0.9 * nv - 0.01 * g[i]), "nesterov sgd");
  }
  std::vector<T> m(9, 0), s(9, 0);
  p = p0;
  double lr = 0.001, b1 = 0.9, b2 = 0.999, eps = 1e-7, alpha = lr * std::sqrt(1 - b2) / (1 - b1);
  tb_launch(adam, p.data(), (const T*)g.data(), m.data(), s.data(), 9LL, (T)alpha, (T)b1, (T)b2, (T)eps);
  for (int i = 0; i < 9; i++) {
    double mm = (1 - b1) * g[i], vv = (1 - b2) * g[i] * g[i];
    CHECK(close(p[i], p0[i] - alpha * mm / (std::sqrt(vv) + eps)), "adam step 1");
  }
  p = p0;
  tb_launch(sgd, p.data(), (const T*)g.data(), 9LL, (T)0.1);
  for (int i = 0; i < 9; i++) CHECK(close(p[i], p0[i] - 0.1 * g[i]), "sgd");
  for (int variant = 0; variant < 4; variant++) {  // plain, momentum, centered, both
    bool mom = variant & 1, cen = variant & 2;
    std::vector<T> rv(9, (T)0.2), rm(9, (T)0.05), rg(9, (T)0.01), rv0 = rv, rm0 = rm, rg0 = rg;
    p = p0;
    tb_launch(rmsprop, p.data(), (const T*)g.data(), rv.data(), mom ? rm.data() : (T*)nullptr,
              cen ? rg.data() : (T*)nullptr, 9LL, (T)0.01, (T)0.9, (T)0.5, (T)1e-7);
    for (int i = 0; i < 9; i++) {
      double v1 = 0.9 * rv0[i] + 0.1 * g[i] * g[i], denom = v1 + 1e-7, a = 0.9 * rg0[i] + 0.1 * g[i];
      if (cen) denom -= a * a;
      double inc = 0.01 * g[i] / std::sqrt(denom), step = mom ? 0.5 * rm0[i] + inc : inc;
      CHECK(close(rv[i], v1) && close(p[i], p0[i] - step), "rmsprop variant %d", variant);
      if (cen) CHECK(close(rg[i], a), "rmsprop centered average");
      if (mom) CHECK(close(rm[i], step), "rmsprop momentum");
    }
  }
  std::vector<T> acc(9, (T)0.1);
  p = p0;
  tb_launch(adagrad, p.data(), (const T*)g.data(), acc.data(), 9LL, (T)0.01, (T)1e-7);
  for (int i = 0; i < 9; i++) {
    double a = 0.1 + (double)g[i] * g[i];
    CHECK(close(acc[i], a) && close(p[i], p0[i] - 0.01 * g[i] / std::sqrt(a + 1e-7)), "adagrad");
  }
  std::printf("ok optimizers\n");
}

static void random_numbers() {
  const long long n = 20001;
  std::vector<T> u(n), z(n);
  tb_launch(random_fill, u.data(), n, 42u, 0u, 0u, 0, (T)-2, (T)3);
  tb_launch(random_fill, z.data(), n, 42u, 0u, 0u, 1, (T)1, (T)2);
  double su = 0, sz = 0, sz2 = 0;
  for (long long i = 0; i < n; i++) {
    CHECK(u[i] >= -2 && u[i] < 3, "uniform in range");
    su += u[i];
    sz += z[i];
    sz2 += (double)z[i] * z[i];
  }
  double mz = sz / n, sd = std::sqrt(sz2 / n - mz * mz);
  CHECK(std::fabs(su / n - 0.5) < 0.05, "uniform mean %g", su / n);
  CHECK(std::fabs(mz - 1) < 0.05 && std::fabs(sd - 2) < 0.05, "normal mean %g std %g", mz, sd);
  std::printf("ok random\n");
}

int main() {
  philox_known_answer();
  broadcast_binary();
  strided_unary();
  reductions();
  softmax();
  convolution();
  pooling();
  optimizers();
  random_numbers();
  return 0;
}
