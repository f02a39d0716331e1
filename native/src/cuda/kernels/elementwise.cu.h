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
)CUDA";
}}}  // namespace tb::cuda::src
