// Element-wise kernels with broadcasting (stride-0 views): one kernel per op, named ew_<op>.
// NaN handling follows NumPy: maximum/minimum propagate NaN, fmax/fmin ignore it.
#pragma once
namespace tb { namespace cuda { namespace src {
constexpr const char* kElementwise = R"CUDA(
#define TB_BINARY(name, expr) \
  extern "C" __global__ void ew_##name(T* out, const T* A, const T* B, Geo g) { \
    TB_FOR(i, g.n) { long long oa, ob; offsets(g, i, &oa, &ob); T x = A[oa], y = B[ob]; out[i] = (expr); } }
#define TB_UNARY(name, expr) \
  extern "C" __global__ void ew_##name(T* out, const T* A, Geo g, T p) { \
    TB_FOR(i, g.n) { long long oa, ob; offsets(g, i, &oa, &ob); T x = A[oa]; (void)x; out[i] = (expr); } }

TB_BINARY(add, x + y)
TB_BINARY(sub, x - y)
TB_BINARY(mul, x * y)
TB_BINARY(div, x / y)
TB_BINARY(maximum, (x != x || y != y) ? x + y : (x > y ? x : y))
TB_BINARY(minimum, (x != x || y != y) ? x + y : (x < y ? x : y))
TB_BINARY(fmax, fmax(x, y))
TB_BINARY(fmin, fmin(x, y))
TB_BINARY(pow, pow(x, y))
TB_BINARY(relu_grad, y > 0 ? x : (T)0)

TB_UNARY(copy, x)
TB_UNARY(neg, -x)
TB_UNARY(abs, fabs(x))
TB_UNARY(sign, x != x ? x : (T)((x > 0) - (x < 0)))
TB_UNARY(sqrt, sqrt(x))
TB_UNARY(square, x * x)
TB_UNARY(reciprocal, (T)1 / x)
TB_UNARY(exp, exp(x))
TB_UNARY(expm1, expm1(x))
TB_UNARY(log, log(x))
TB_UNARY(log1p, log1p(x))
TB_UNARY(sin, sin(x))
TB_UNARY(cos, cos(x))
TB_UNARY(tanh, tanh(x))
TB_UNARY(expit, (T)1 / ((T)1 + exp(-x)))
TB_UNARY(softplus, x > 0 ? x + log1p(exp(-x)) : log1p(exp(x)))
TB_UNARY(relu, x > 0 ? x : (x != x ? x : (T)0))
TB_UNARY(floor, floor(x))
TB_UNARY(ceil, ceil(x))
TB_UNARY(trunc, trunc(x))
TB_UNARY(scale, x * p)
TB_UNARY(fill, p)

// Comparisons and predicates write bool masks (one byte per element, 0 or 1); NaN compares
// false except with !=, as in NumPy.
#define TB_COMPARE(name, expr) \
  extern "C" __global__ void cmp_##name(unsigned char* out, const T* A, const T* B, Geo g) { \
    TB_FOR(i, g.n) { long long oa, ob; offsets(g, i, &oa, &ob); T x = A[oa], y = B[ob]; out[i] = (expr) ? 1 : 0; } }
TB_COMPARE(eq, x == y)
TB_COMPARE(ne, x != y)
TB_COMPARE(lt, x < y)
TB_COMPARE(le, x <= y)
TB_COMPARE(gt, x > y)
TB_COMPARE(ge, x >= y)
#define TB_PREDICATE(name, expr) \
  extern "C" __global__ void is_##name(unsigned char* out, const T* A, Geo g) { \
    TB_FOR(i, g.n) { long long oa, ob; offsets(g, i, &oa, &ob); T x = A[oa]; out[i] = (expr) ? 1 : 0; } }
TB_PREDICATE(nan, x != x)
TB_PREDICATE(inf, x == x && x - x != x - x)
TB_PREDICATE(finite, x - x == x - x)

// where(cond, a, b): the mask is a byte view with its own strides (c), the values views a and b.
struct Geo3 { Geo g; View c; };
extern "C" __global__ void ew_where(T* out, const unsigned char* C, const T* A, const T* B, Geo3 w) {
  TB_FOR(i, w.g.n) {
    long long oa, ob, oc = w.c.off, r = i;
    offsets(w.g, i, &oa, &ob);
    if (!w.g.contiguous) {
      for (int d = w.g.ndim - 1; d >= 0; d--) { oc += (r % w.g.shape[d]) * w.c.stride[d]; r /= w.g.shape[d]; }
    } else oc += i;
    out[i] = C[oc] ? A[oa] : B[ob];
  }
}
)CUDA";
}}}  // namespace tb::cuda::src
