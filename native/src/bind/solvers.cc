// Solver kernels for the engine's linear algebra and scikit-learn layers (synchronous):
//
// geqrf(a, aOff, m, n, lda, tau, tauOff, nb, c?, cOff?, ldc?, nc?) -> true
//   Householder QR of the m×n row-major Float64Array matrix at aOff (row stride lda), in place,
//   LAPACK layout; tau (Float64Array) receives min(m, n) scalars at tauOff. nb: panel width.
//   With c (Float64Array, m×nc at cOff, row stride ldc): c ← Qᵀ·c too.
//
// sgdEpoch(x, d, order, y, sampleWeight, skip, w, aw, q, params, state) -> summed loss
//   One epoch of plain SGD over the rows of x (Float64Array, n×d with n = y.length) in the
//   order of `order` (Int32Array), skipping rows where skip (Uint8Array) is non-zero. w, aw
//   (averaged weights or null), q (l1 state or null) are updated in place; params
//   (Float64Array) and state (Float64Array, read and written back) are laid out as in
//   engine/src/sk/linearModel/sgd/plain-sgd.ts.
//
// columnSums(x, rows, cols, w, sums) -> boolean
//   sums[j] = Σ_i w[i]·x[i][j] (w null: plain sums) over the row-major Float64Array x; false as
//   soon as x holds NaN or ±∞.
// centerInto(x, rows, cols, mean, out) -> true
//   out = x − mean (mean subtracted from every row), out a Float64Array of rows·cols.
#include <algorithm>
#include <atomic>

#include "bind/bindings.h"
#include "bind/util.h"
#include "linalg/qr.h"
#include "sk/prep.h"
#include "sk/sgd.h"
#include "threadpool.h"

namespace tb {
namespace bind {
namespace {

Napi::Value geqrf_binding(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 8) throw Napi::TypeError::New(env, "geqrf takes 8 arguments (and c, cOff, ldc, nc)");
  View<double> a = view<double>(info, 0, "a"), tau = view<double>(info, 5, "tau");
  const long ao = int_arg(info, 1, "aOff"), m = int_arg(info, 2, "m"), n = int_arg(info, 3, "n");
  const long lda = int_arg(info, 4, "lda"), to = int_arg(info, 6, "tauOff"), nb = int_arg(info, 7, "nb");
  if (m < 0 || n < 0) throw Napi::RangeError::New(env, "geqrf: negative size");
  if (nb < 1) throw Napi::RangeError::New(env, "geqrf: nb must be at least 1");
  if (n > 0 && lda < n) throw Napi::RangeError::New(env, "geqrf: lda must be at least n");
  check_span(env, a.length, ao, {m, n}, {lda, 1}, "geqrf A");
  check_span(env, tau.length, to, {std::min(m, n)}, {1}, "geqrf tau");
  double* c = nullptr;
  long ldc = 0, nc = 0;
  if (info.Length() > 8 && !info[8].IsUndefined() && !info[8].IsNull()) {
    if (info.Length() < 12) throw Napi::TypeError::New(env, "geqrf: c needs cOff, ldc and nc");
    View<double> cv = view<double>(info, 8, "c");
    const long co = int_arg(info, 9, "cOff");
    ldc = int_arg(info, 10, "ldc");
    nc = int_arg(info, 11, "nc");
    if (nc < 0 || (nc > 0 && ldc < nc)) throw Napi::RangeError::New(env, "geqrf: bad nc or ldc");
    check_span(env, cv.length, co, {m, nc}, {ldc, 1}, "geqrf C");
    c = cv.data + co;
  }
  qr().geqrf(m, n, a.data + ao, lda, tau.data + to, nb, c, ldc, nc);
  return Napi::Boolean::New(env, true);
}

template <typename T>
T* optional_view(const Napi::CallbackInfo& info, size_t i, const char* what, long need) {
  if (info[i].IsNull() || info[i].IsUndefined()) return nullptr;
  View<T> v = view<T>(info, i, what);
  if (v.length < need) throw Napi::RangeError::New(info.Env(), std::string(what) + " is too short");
  return v.data;
}

constexpr long kParams = 15, kState = 8;

Napi::Value sgd_epoch_binding(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 11) throw Napi::TypeError::New(env, "sgdEpoch takes 11 arguments");
  View<double> x = view<double>(info, 0, "x");
  const long d = int_arg(info, 1, "d");
  View<int32_t> order = view<int32_t>(info, 2, "order");
  View<double> y = view<double>(info, 3, "y"), sw = view<double>(info, 4, "sampleWeight");
  View<uint8_t> skip = view<uint8_t>(info, 5, "skip");
  View<double> w = view<double>(info, 6, "w");
  View<double> params = view<double>(info, 9, "params"), state = view<double>(info, 10, "state");
  const long n = y.length;
  if (d < 0) throw Napi::RangeError::New(env, "sgdEpoch: negative d");
  if (x.length < n * d || sw.length < n || skip.length < n || w.length < d) {
    throw Napi::RangeError::New(env, "sgdEpoch: x, sampleWeight, skip or w is shorter than y and d require");
  }
  if (params.length < kParams || state.length < kState) {
    throw Napi::RangeError::New(env, "sgdEpoch: params needs 15 entries and state 8");
  }
  for (long i = 0; i < order.length; i++) {
    if (order.data[i] < 0 || order.data[i] >= n) throw Napi::RangeError::New(env, "sgdEpoch: order holds a row outside y");
  }
  const double* pp = params.data;
  SgdParams p;
  p.loss = static_cast<int>(pp[0]);
  if (p.loss < 0 || p.loss >= static_cast<int>(SgdLoss::count)) throw Napi::RangeError::New(env, "sgdEpoch: unknown loss");
  p.loss_param = pp[1];
  p.penalty = static_cast<int>(pp[2]);
  p.alpha = pp[3];
  p.l1_ratio = pp[4];
  p.schedule = static_cast<int>(pp[5]);
  p.eta0 = pp[6];
  p.power_t = pp[7];
  p.optimal_init = pp[8];
  p.weight_pos = pp[9];
  p.weight_neg = pp[10];
  p.fit_intercept = pp[11] != 0;
  p.intercept_decay = pp[12];
  p.average = pp[13];
  p.sum_loss = pp[14] != 0;
  SgdData dt;
  dt.x = x.data;
  dt.d = d;
  dt.order = order.data;
  dt.count = order.length;
  dt.y = y.data;
  dt.sample_weight = sw.data;
  dt.skip = skip.data;
  dt.w = w.data;
  dt.aw = optional_view<double>(info, 7, "aw", d);
  dt.q = optional_view<double>(info, 8, "q", d);
  if (p.average > 0 && !dt.aw) throw Napi::TypeError::New(env, "sgdEpoch: averaging needs aw");
  if ((p.penalty == 1 || p.penalty == 3) && !dt.q) throw Napi::TypeError::New(env, "sgdEpoch: the l1 penalty needs q");
  double* st = state.data;
  SgdState s;
  s.wscale = st[0];
  s.intercept = st[1];
  s.t = st[2];
  s.eta = st[3];
  s.u = st[4];
  s.average_a = st[5];
  s.average_b = st[6];
  s.avg_intercept = st[7];
  const double loss = sgd().epoch(dt, p, s);
  st[0] = s.wscale;
  st[1] = s.intercept;
  st[2] = s.t;
  st[3] = s.eta;
  st[4] = s.u;
  st[5] = s.average_a;
  st[6] = s.average_b;
  st[7] = s.avg_intercept;
  return Napi::Number::New(env, loss);
}

Napi::Value column_sums_binding(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 5) throw Napi::TypeError::New(env, "columnSums takes 5 arguments");
  View<double> x = view<double>(info, 0, "x"), sums = view<double>(info, 4, "sums");
  const long rows = int_arg(info, 1, "rows"), cols = int_arg(info, 2, "cols");
  if (rows < 0 || cols < 0 || x.length < rows * cols || sums.length < cols) {
    throw Napi::RangeError::New(env, "columnSums: x must hold rows·cols values and sums cols");
  }
  const double* w = optional_view<double>(info, 3, "w", rows);
  // Column ranges on the pool: each column is still summed over the rows in order.
  const long parts = std::max(1L, std::min<long>(ThreadPool::get().threads(), cols / 64));
  const long step = (cols + parts - 1) / parts;
  std::atomic<bool> finite{true};
  const double* xd = x.data;
  double* sd = sums.data;
  ThreadPool::get().parallel_for(parts, [&](long p) {
    const long c0 = p * step, c1 = std::min(cols, c0 + step);
    if (c0 < c1 && !prep().column_sums(xd + c0, rows, c1 - c0, cols, w, sd + c0)) finite = false;
  });
  return Napi::Boolean::New(env, finite.load());
}

Napi::Value center_into_binding(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 5) throw Napi::TypeError::New(env, "centerInto takes 5 arguments");
  View<double> x = view<double>(info, 0, "x"), mean = view<double>(info, 3, "mean"), out = view<double>(info, 4, "out");
  const long rows = int_arg(info, 1, "rows"), cols = int_arg(info, 2, "cols");
  if (rows < 0 || cols < 0 || x.length < rows * cols || out.length < rows * cols || mean.length < cols) {
    throw Napi::RangeError::New(env, "centerInto: x and out must hold rows·cols values and mean cols");
  }
  constexpr long kRows = 4096;  // rows per task
  const double *xd = x.data, *md = mean.data;
  double* od = out.data;
  ThreadPool::get().parallel_for((rows + kRows - 1) / kRows, [&](long b) {
    const long r0 = b * kRows, r1 = std::min(rows, r0 + kRows);
    prep().subtract_into(xd + r0 * cols, r1 - r0, cols, md, od + r0 * cols);
  });
  return Napi::Boolean::New(env, true);
}

}  // namespace

void init_solvers(Napi::Env env, Napi::Object exports) {
  exports.Set("columnSums", Napi::Function::New(env, column_sums_binding, "columnSums"));
  exports.Set("centerInto", Napi::Function::New(env, center_into_binding, "centerInto"));
  exports.Set("geqrf", Napi::Function::New(env, geqrf_binding, "geqrf"));
  exports.Set("sgdEpoch", Napi::Function::New(env, sgd_epoch_binding, "sgdEpoch"));
}

}  // namespace bind
}  // namespace tb
