// Blocked Householder QR, compiled once per instruction set (TB_ISA). The structure is
// engine/src/linalg/qr.ts's: panels of nb columns are factored in a compact copy (row stride
// nb) by recursive halving down to 8 columns, then applied to the trailing columns by the
// native GEMM. What differs is how the panel's level-2 work runs:
//
// - The 8-column base case does the TypeScript arithmetic in the same order (so each reflector
//   has the same bits given the same input), but fuses its passes over the rows: scaling the
//   reflector and accumulating w = vᵀC share one pass, applying it and finding the next
//   column's largest entry another. A row of 8 columns is one cache line and one vector (two
//   with AVX2), handled with a lane mask.
// - The recursive levels stream the rows once for V₁ᵀ[V₁ | C₂] (the Gram matrix for T and the
//   product W in one pass) and once for C₂ −= V₁·W, instead of three skinny GEMMs.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "gemm/gemm.h"
#include "linalg/qr.h"

namespace tb {
namespace TB_ISA {
namespace {

constexpr long kBase = 8;  // columns factored one reflector at a time
constexpr int kLanes = 8;  // width of the base case's row window

// Math.max(s, v) of JavaScript for v ≥ 0: a NaN anywhere stays NaN.
inline double js_max(double s, double v) { return (v > s || v != v) ? v : s; }

// Math.hypot(a, b) as V8 computes it: scaled by the larger magnitude, the squares summed in
// argument order, the square root rescaled.
inline double js_hypot(double a, double b) {
  a = std::fabs(a);
  b = std::fabs(b);
  if (std::isinf(a) || std::isinf(b)) return INFINITY;
  if (a != a || b != b) return NAN;
  const double m = a > b ? a : b;
  if (m == 0) return 0;
  const double x = a / m, y = b / m;
  return std::sqrt(x * x + y * y) * m;
}

// The reflector for [alpha; x] once the scale (largest |x|) is known: returns τ, writes β and
// the factor 1/(α − β) that turns x into v. scale == 0 means H = I (τ = 0, β = α).
inline double reflector(double alpha, const double* x, long count, long inc, double scale, double* beta,
                        double* f) {
  if (scale == 0) {
    *beta = alpha;
    *f = 0;
    return 0;
  }
  double ssq = 0;
  for (long i = 0; i < count; i++) {
    const double t = x[i * inc] / scale;
    ssq += t * t;
  }
  const double xnorm = scale * std::sqrt(ssq);
  const double b = -(alpha >= 0 ? 1.0 : -1.0) * js_hypot(alpha, xnorm);
  *beta = b;
  *f = 1 / (alpha - b);
  return (b - alpha) / b;
}

inline double column_scale(const double* x, long count, long inc) {
  double s = 0;
  for (long i = 0; i < count; i++) s = js_max(s, std::fabs(x[i * inc]));
  return s;
}

// The TypeScript base case verbatim (larfg, then larfLeft), for panels whose rows cannot hold
// an 8-wide window or that are wider than tall.
void base_generic(long m, long n, double* a, long ld, double* tau, std::vector<double>& w) {
  const long k = std::min(m, n);
  if (static_cast<long>(w.size()) < n) w.resize(n);
  for (long j = 0; j < k; j++) {
    double* top = a + j * ld;
    double* x = top + ld + j;
    const long cnt = m - j - 1;
    double beta, f;
    const double scale = column_scale(x, cnt, ld);
    const double t = reflector(top[j], x, cnt, ld, scale, &beta, &f);
    if (scale != 0) {
      for (long i = 0; i < cnt; i++) x[i * ld] *= f;
    }
    tau[j] = t;
    top[j] = beta;
    const long nc = n - j - 1;
    if (t == 0 || nc == 0) continue;
    double* c0 = top + j + 1;
    for (long c = 0; c < nc; c++) w[c] = c0[c];
    for (long i = 0; i < cnt; i++) {
      const double v = x[i * ld];
      if (v == 0) continue;
      const double* row = c0 + (i + 1) * ld;
      for (long c = 0; c < nc; c++) w[c] += v * row[c];
    }
    for (long c = 0; c < nc; c++) c0[c] -= t * w[c];
    for (long i = 0; i < cnt; i++) {
      const double fi = t * x[i * ld];
      if (fi == 0) continue;
      double* row = c0 + (i + 1) * ld;
      for (long c = 0; c < nc; c++) row[c] -= fi * w[c];
    }
  }
}

// Eight doubles as this variant's native vectors (GCC/Clang vector extensions): one AVX-512
// register, two AVX2 ones or four SSE2 ones. Loops over the parts have constant trip counts and
// unroll, so a V8 lives in registers.
#if defined(__AVX512F__)
constexpr int kW = 8;
#elif defined(__AVX2__)
constexpr int kW = 4;
#else
constexpr int kW = 2;
#endif
constexpr int kParts = 8 / kW;
typedef double VN __attribute__((vector_size(kW * sizeof(double))));
typedef long long MN __attribute__((vector_size(kW * sizeof(double))));

struct V8 {
  VN p[kParts];
};
struct M8 {
  MN p[kParts];
};

// Unaligned native vectors for loads and stores (one memcpy per part, which compiles to one
// vector move; a single memcpy of the whole V8 went through the stack with AVX2).
inline V8 load8(const double* q) {
  V8 v;
  for (int i = 0; i < kParts; i++) std::memcpy(&v.p[i], q + i * kW, sizeof(VN));
  return v;
}
inline void store8(double* q, const V8& v) {
  for (int i = 0; i < kParts; i++) std::memcpy(q + i * kW, &v.p[i], sizeof(VN));
}
inline V8 splat(double x) {
  V8 v;
  for (int i = 0; i < kParts; i++) v.p[i] = VN{} + x;
  return v;
}
inline V8 operator+(const V8& a, const V8& b) {
  V8 r;
  for (int i = 0; i < kParts; i++) r.p[i] = a.p[i] + b.p[i];
  return r;
}
inline V8 operator-(const V8& a, const V8& b) {
  V8 r;
  for (int i = 0; i < kParts; i++) r.p[i] = a.p[i] - b.p[i];
  return r;
}
inline V8 operator*(double s, const V8& a) {
  V8 r;
  for (int i = 0; i < kParts; i++) r.p[i] = s * a.p[i];
  return r;
}
inline V8& operator+=(V8& a, const V8& b) { return a = a + b; }
// Lanes of `m` take a, the others b.
inline V8 select(const M8& m, const V8& a, const V8& b) {
  V8 r;
  for (int i = 0; i < kParts; i++) r.p[i] = m.p[i] ? a.p[i] : b.p[i];
  return r;
}
inline M8 lanes_between(long lo, long hi) {  // lanes c with lo < c < hi
  M8 m;
  for (int i = 0; i < kParts; i++)
    for (int l = 0; l < kW; l++) {
      const long c = i * kW + l;
      m.p[i][l] = c > lo && c < hi ? -1 : 0;
    }
  return m;
}

// Magnitudes whose squares (summed over up to 2^31 rows) neither overflow nor lose the column's
// norm to underflow; outside this range (or with a NaN or ∞ in the column) the norm is taken
// with scaling, as larfg does.
constexpr double kTiny = 1e-140, kHuge = 1e140;

// The panel's rows are ld doubles apart, so a pass over an 8-column window touches one cache
// line every few hundred bytes: fetch that far ahead explicitly (measured faster than relying on
// the hardware prefetcher's stride detection).
#ifndef TB_QR_AHEAD
#define TB_QR_AHEAD 16
#endif
constexpr long kAheadRows = TB_QR_AHEAD;
inline void prefetch_row(const double* p) { __builtin_prefetch(p, 1); }

// What one pass gathers about the column that the next reflector will annihilate: its largest
// magnitude, the sum of its squares, and s = Σ x_i·row_i (row_i the 8-column window).
struct ColumnStats {
  double max = 0, ssq = 0;
  V8 s = splat(0);
};

// The stats of column j over rows from..m-1 of the block.
ColumnStats stats_pass(long m, long from, long j, const double* a, long ld) {
  ColumnStats st;
  double mx = 0, q0 = 0, q1 = 0;
  V8 s0 = splat(0), s1 = splat(0);
  long i = from;
  for (; i + 1 < m; i += 2) {
    const double* r0 = a + i * ld;
    const double* r1 = r0 + ld;
    prefetch_row(r0 + kAheadRows * ld);
    prefetch_row(r1 + kAheadRows * ld);
    const double x0 = r0[j], x1 = r1[j];
    mx = std::max(mx, std::max(std::fabs(x0), std::fabs(x1)));
    q0 += x0 * x0;
    q1 += x1 * x1;
    s0 += x0 * load8(r0);
    s1 += x1 * load8(r1);
  }
  if (i < m) {
    const double* r0 = a + i * ld;
    const double x0 = r0[j];
    mx = std::max(mx, std::fabs(x0));
    q0 += x0 * x0;
    s0 += x0 * load8(r0);
  }
  st.max = mx;
  st.ssq = q0 + q1;
  st.s = s0 + s1;
  return st;
}

// The base case on an m×n block (n ≤ 8, m ≥ n) whose rows can be read 8 columns wide, one pass
// over the rows per reflector: the pass that applies reflector j (scaling its vector on the fly)
// also gathers the next column's norm and the product w = vᵀC that the next reflector needs,
// as x-weighted sums before the scale factor f is known (w = top + f·Σ xᵢ·rowᵢ). Columns whose
// magnitudes leave [kTiny, kHuge], or products that overflow, are redone with scaling.
void base_window(long m, long n, double* a, long ld, double* tau) {
  ColumnStats st = stats_pass(m, 1, 0, a, ld);
  for (long j = 0; j < n; j++) {
    double* top = a + j * ld;
    const long cnt = m - j - 1;
    double* x = top + ld + j;
    const double alpha = top[j];
    // The fast sums hold unless the magnitudes leave the safe range or a NaN/∞ came in (the
    // plain max drops NaNs; the sum of squares does not).
    const bool fast = st.max >= kTiny && st.max <= kHuge && std::isfinite(st.ssq);
    double xnorm;
    if (fast) {
      xnorm = std::sqrt(st.ssq);
    } else if (st.max == 0 && st.ssq == 0) {
      xnorm = 0;
    } else {
      st.max = column_scale(x, cnt, ld);
      double ssq = 0;
      for (long i = 0; i < cnt; i++) {
        const double t = x[i * ld] / st.max;
        ssq += t * t;
      }
      xnorm = st.max * std::sqrt(ssq);
    }
    double t = 0, f = 0, beta = alpha;
    if (st.max != 0) {
      beta = -(alpha >= 0 ? 1.0 : -1.0) * js_hypot(alpha, xnorm);
      t = (beta - alpha) / beta;
      f = 1 / (alpha - beta);
    }
    tau[j] = t;
    top[j] = beta;
    const bool more = j + 1 < n;  // columns right of j in the block
    if (st.max == 0) {
      // H = I: nothing to apply, but the next column still needs its stats.
      if (more) st = stats_pass(m, j + 2, j + 1, a, ld);
      continue;
    }
    const M8 act = lanes_between(j, n);
    const V8 topv = load8(top);
    V8 w = topv + f * st.s;
    double wl[kLanes];
    store8(wl, w);
    bool finite = true;
    for (long c = j + 1; c < n; c++) finite = finite && std::isfinite(wl[c]);
    if (!finite || !fast) {
      // w = top + Σ (f·xᵢ)·rowᵢ, the scaled way.
      w = topv;
      for (long i = 0; i < cnt; i++) w += (x[i * ld] * f) * load8(top + (i + 1) * ld);
    }
    store8(top, select(act, topv - t * w, topv));
    ColumnStats next;
    double mx = 0, q = 0;
    V8 sn = splat(0);
    const long jn = j + 1;
    for (long i = 0; i < cnt; i++) {
      double* row = top + (i + 1) * ld;
      prefetch_row(row + kAheadRows * ld);
      const double v = row[j] * f;
      V8 r = load8(row);
      r = select(act, r - (t * v) * w, r);
      store8(row, r);
      row[j] = v;
      if (more && i >= 1) {
        const double xn = row[jn];
        mx = std::max(mx, std::fabs(xn));
        q += xn * xn;
        sn += xn * r;
      }
    }
    next.max = mx;
    next.ssq = q;
    next.s = sn;
    st = next;
  }
}

// A panel is addressed as rows of 8-column groups: element (i, c) at
// a[i·rs + (c / 8)·bs + c mod 8]. Row-major storage with row stride ld is rs = ld, bs = 8; the
// "blocked" copy the fast path uses stores each 8-column group as its own m×8 block (rs = 8,
// bs = 8·rows), so a pass over a group streams consecutive cache lines.
struct Layout {
  long rs, bs;
  bool blocked;
  long at(long i, long c) const { return i * rs + (c >> 3) * bs + (c & 7); }
};

// Scratch reused by every panel of one factorization.
struct Scratch {
  std::vector<double> w, z, t1, tri;
};

// Saves the k×k top of the reflector block at a and puts V's unit diagonal and zeros there, so
// the block reads as the explicit V; restore_top() puts R back.
void explicit_top(double* a, Layout l, long k, std::vector<double>& saved) {
  saved.resize(k * k);
  for (long i = 0; i < k; i++) {
    for (long c = i; c < k; c++) {
      saved[i * k + c] = a[l.at(i, c)];
      a[l.at(i, c)] = c == i ? 1 : 0;
    }
  }
}
void restore_top(double* a, Layout l, long k, const std::vector<double>& saved) {
  for (long i = 0; i < k; i++)
    for (long c = i; c < k; c++) a[l.at(i, c)] = saved[i * k + c];
}

// Z (k×n, row stride n) = Vᵀ·B where V is the first k columns and B the first n columns of
// the m rows at a: one pass over the rows. With n a multiple of 8, four rows at a time in 8-wide
// vectors, so Z is read and written once per four rows.
void vt_rows(long m, long k, long n, const double* a, Layout l, double* z) {
  std::fill(z, z + k * n, 0.0);
  long i = 0;
  if (n % 8 == 0) {
    const long nv = n / 8;
    for (; i + 4 <= m; i += 4) {
      const double* r0 = a + i * l.rs;
      const double* r1 = r0 + l.rs;
      const double* r2 = r1 + l.rs;
      const double* r3 = r2 + l.rs;
      for (long q = 0; q < nv; q++) {
        const long o = q * l.bs;
        prefetch_row(r0 + o + 4 * kAheadRows * l.rs);
        const V8 b0 = load8(r0 + o), b1 = load8(r1 + o), b2 = load8(r2 + o), b3 = load8(r3 + o);
        for (long t = 0; t < k; t++) {
          const long ot = l.at(0, t);
          double* zt = z + t * n + 8 * q;
          store8(zt, load8(zt) + ((r0[ot] * b0 + r1[ot] * b1) + (r2[ot] * b2 + r3[ot] * b3)));
        }
      }
    }
  }
  for (; i < m; i++) {
    const double* row = a + i * l.rs;
    for (long t = 0; t < k; t++) {
      const double s = row[l.at(0, t)];
      double* zt = z + t * n;
      for (long e = 0; e < n; e++) zt[e] += s * row[l.at(0, e)];
    }
  }
}

// C −= V·W on the m rows at a: V their first k columns, C the n columns from column k (k a
// multiple of 8 when the layout is blocked), W k×n (row stride ldw).
template <int NV>
void minus_vw_fixed(long m, long k, double* a, Layout l, const double* w, long ldw) {
  const long c0 = l.at(0, k);
  for (long i = 0; i < m; i++) {
    double* row = a + i * l.rs;
    prefetch_row(row + c0 + kAheadRows * l.rs);
    V8 acc[NV];
    for (int q = 0; q < NV; q++) acc[q] = splat(0);
    for (long t = 0; t < k; t++) {
      const double v = row[l.at(0, t)];
      for (int q = 0; q < NV; q++) acc[q] += v * load8(w + t * ldw + 8 * q);
    }
    for (int q = 0; q < NV; q++) {
      double* c = row + c0 + q * l.bs;
      store8(c, load8(c) - acc[q]);
    }
  }
}

void minus_vw_rows(long m, long k, long n, double* a, Layout l, const double* w, long ldw) {
  switch (n % 8 == 0 ? n / 8 : 0) {
    case 1: return minus_vw_fixed<1>(m, k, a, l, w, ldw);
    case 2: return minus_vw_fixed<2>(m, k, a, l, w, ldw);
    case 3: return minus_vw_fixed<3>(m, k, a, l, w, ldw);
    case 4: return minus_vw_fixed<4>(m, k, a, l, w, ldw);
    default: break;
  }
  std::vector<double> acc(n);
  for (long i = 0; i < m; i++) {
    double* row = a + i * l.rs;
    std::fill(acc.begin(), acc.end(), 0.0);
    for (long t = 0; t < k; t++) {
      const double v = row[l.at(0, t)];
      const double* wt = w + t * ldw;
      for (long e = 0; e < n; e++) acc[e] += v * wt[e];
    }
    for (long e = 0; e < n; e++) row[l.at(0, k + e)] -= acc[e];
  }
}

// T (k×k, upper triangular) of H₁…H_k = I − V·T·Vᵀ from the Gram matrix G = VᵀV (row stride
// ldg): LAPACK larft's recurrence, as linalg/householder.ts computes it.
void larft_from_gram(long k, const double* g, long ldg, const double* tau, double* t) {
  std::fill(t, t + k * k, 0.0);
  for (long i = 0; i < k; i++) {
    const double ti = tau[i];
    t[i * k + i] = ti;
    for (long r = 0; r < i; r++) {
      double s = 0;
      for (long b = r; b < i; b++) s += t[r * k + b] * g[b * ldg + i];
      t[r * k + i] = -ti * s;
    }
  }
}

// W ← Tᵀ·W for the k×n W (row stride ldw), T upper triangular, in place from the last row up.
void trmm_t(long k, long n, const double* t, double* w, long ldw) {
  for (long r = k - 1; r >= 0; r--) {
    double* __restrict wr = w + r * ldw;
    const double trr = t[r * k + r];
    for (long c = 0; c < n; c++) wr[c] *= trr;
    for (long b = 0; b < r; b++) {
      const double tbr = t[b * k + r];
      if (tbr == 0) continue;
      const double* __restrict wb = w + b * ldw;
      for (long c = 0; c < n; c++) wr[c] += tbr * wb[c];
    }
  }
}

// QR of the m×n panel at a, whose first column is column col0 of its rows.
void panel(long m, long n, double* a, Layout l, long col0, double* tau, Scratch& s) {
  const long k = std::min(m, n);
  if (n <= kBase || k < n) {
    // Each row must be readable 8 columns wide from the panel's first column.
    if (k == n && (l.blocked || col0 + kLanes <= l.rs)) base_window(m, n, a, l.rs, tau);
    else base_generic(m, n, a, l.rs, tau, s.w);  // only reached in the row-major layout
    return;
  }
  // Halves of a multiple of 8 in the blocked layout, so every group starts a block.
  const long n1 = l.blocked ? ((n / 8) >> 1) * 8 : n >> 1;
  const long n2 = n - n1;
  panel(m, n1, a, l, col0, tau, s);
  // Apply H₁…H_{n1} to the right part: Z = V₁ᵀ[V₁ | C₂] gives the Gram matrix (T₁) and W.
  explicit_top(a, l, n1, s.tri);
  s.z.resize(n1 * n);
  vt_rows(m, n1, n, a, l, s.z.data());
  s.t1.resize(n1 * n1);
  larft_from_gram(n1, s.z.data(), n, tau, s.t1.data());
  double* w = s.z.data() + n1;  // W = Z[:, n1:], row stride n
  trmm_t(n1, n2, s.t1.data(), w, n);
  minus_vw_rows(m, n1, n2, a, l, w, n);
  restore_top(a, l, n1, s.tri);
  panel(m - n1, n2, a + l.at(n1, n1), l, col0 + n1, tau + n1, s);
}

void gemm_rm(long m, long n, long k, double alpha, const double* a, long rsa, long csa, const double* b, long rsb,
             double beta, double* c, long rsc) {
  GemmArgs<double> g;
  g.m = m, g.n = n, g.k = k;
  g.a = a, g.rsa = rsa, g.csa = csa;
  g.b = b, g.rsb = rsb, g.csb = 1;
  g.c = c, g.rsc = rsc, g.csc = 1;
  g.alpha = alpha, g.beta = beta;
  gemm<double>(g);
}

// Applies Hᵀ = I − V·Tᵀ·Vᵀ (V rows×jb, row stride ldv; T jb×jb) to the rows×nc block at c.
void apply_block_t(long rows, long jb, const double* v, long ldv, const double* t, double* c, long ldc, long nc,
                   std::vector<double>& w) {
  if (nc <= 0) return;
  w.resize(jb * nc);
  gemm_rm(jb, nc, rows, 1, v, 1, ldv, c, ldc, 0, w.data(), nc);
  trmm_t(jb, nc, t, w.data(), nc);
  gemm_rm(rows, nc, jb, -1, v, ldv, 1, w.data(), nc, 1, c, ldc);
}

void geqrf(long m, long n, double* a, long lda, double* tau, long nb, double* rhs, long ldr, long nr) {
  const long k = std::min(m, n);
  if (k <= 0) return;
  if (!rhs) nr = 0;
  nb = std::max(1L, std::min(nb, k));
  std::vector<double> p(m * nb), t(nb * nb), g(nb * nb), w, saved;
  Scratch s;
  for (long j0 = 0; j0 < k; j0 += nb) {
    const long jb = std::min(nb, k - j0), end = j0 + jb, rows = m - j0;
    double* a0 = a + j0 * lda + j0;
    // The panel in a compact copy: blocked (8-column groups, each m×8) when its width allows,
    // else row-major with row stride jb.
    const bool blocked = jb % 8 == 0 && rows >= jb;
    const Layout pl = blocked ? Layout{8, 8 * rows, true} : Layout{jb, 8, false};
    const long groups = (jb + 7) / 8;
    if (blocked) {
      for (long i = 0; i < rows; i++)
        for (long q = 0; q < groups; q++) store8(&p[q * pl.bs + i * 8], load8(a0 + i * lda + 8 * q));
    } else {
      for (long i = 0; i < rows; i++) std::memcpy(&p[i * jb], a0 + i * lda, jb * sizeof(double));
    }
    panel(rows, jb, p.data(), pl, 0, tau + j0, s);
    if (blocked) {
      for (long i = 0; i < rows; i++)
        for (long q = 0; q < groups; q++) store8(a0 + i * lda + 8 * q, load8(&p[q * pl.bs + i * 8]));
    } else {
      for (long i = 0; i < rows; i++) std::memcpy(a0 + i * lda, &p[i * jb], jb * sizeof(double));
    }
    if (end >= n && nr == 0) continue;
    // H = I − V·T·Vᵀ applied as Hᵀ to the columns on the right (and the right-hand side), with V
    // read from A itself: its top triangle made explicit for the GEMMs, then R put back.
    explicit_top(p.data(), pl, jb, saved);
    vt_rows(rows, jb, jb, p.data(), pl, g.data());
    larft_from_gram(jb, g.data(), jb, tau + j0, t.data());
    const Layout al{lda, 8, false};
    explicit_top(a0, al, jb, saved);
    apply_block_t(rows, jb, a0, lda, t.data(), a + j0 * lda + end, lda, n - end, w);
    if (nr > 0) apply_block_t(rows, jb, a0, lda, t.data(), rhs + j0 * ldr, ldr, nr, w);
    restore_top(a0, al, jb, saved);
  }
}

}  // namespace

QrKernels qr_kernels() { return QrKernels{geqrf}; }

}  // namespace TB_ISA
}  // namespace tb
