// Optimizer updates fused into one pass over the parameters (Keras's update rules), so a step
// reads and writes each parameter once instead of once per arithmetic op.
#pragma once
namespace tb { namespace cuda { namespace src {
constexpr const char* kOptim = R"CUDA(
// Keras SGD: v = momentum*v - lr*g; p += v  (Nesterov: p += momentum*v - lr*g).
extern "C" __global__ void sgd_momentum(T* P, const T* G, T* V, long long n, T lr, T momentum, int nesterov) {
  TB_FOR(i, n) {
    T g = G[i];
    T v = momentum * V[i] - lr * g;
    V[i] = v;
    P[i] += nesterov ? momentum * v - lr * g : v;
  }
}
// Keras Adam, with the bias corrections folded into alpha = lr*sqrt(1-b2^t)/(1-b1^t) on the host.
extern "C" __global__ void adam(T* P, const T* G, T* M, T* V, long long n, T alpha, T b1, T b2, T eps) {
  TB_FOR(i, n) {
    T g = G[i];
    T m = M[i] + (g - M[i]) * ((T)1 - b1);
    T v = V[i] + (g * g - V[i]) * ((T)1 - b2);
    M[i] = m; V[i] = v;
    P[i] -= alpha * m / (sqrt(v) + eps);
  }
}
// Plain gradient descent: p -= lr*g.
extern "C" __global__ void sgd(T* P, const T* G, long long n, T lr) {
  TB_FOR(i, n) P[i] -= lr * G[i];
}
// Keras RMSprop: v = rho*v + (1-rho)*g^2; centered: mg = rho*mg + (1-rho)*g, denominator
// v + eps - mg^2 (else v + eps); inc = lr*g/sqrt(denominator); with momentum m = mu*m + inc and
// p -= m, else p -= inc. M and MG are null when unused.
extern "C" __global__ void rmsprop(T* P, const T* G, T* V, T* M, T* MG, long long n, T lr, T rho, T mu, T eps) {
  TB_FOR(i, n) {
    T g = G[i];
    T v = rho * V[i] + ((T)1 - rho) * g * g;
    V[i] = v;
    T denom = v + eps;
    if (MG) { T a = rho * MG[i] + ((T)1 - rho) * g; MG[i] = a; denom -= a * a; }
    T inc = lr * g / sqrt(denom);
    if (M) { T m = mu * M[i] + inc; M[i] = m; P[i] -= m; }
    else P[i] -= inc;
  }
}
// Keras Adagrad: a += g^2; p -= lr*g/sqrt(a + eps).
extern "C" __global__ void adagrad(T* P, const T* G, T* A, long long n, T lr, T eps) {
  TB_FOR(i, n) {
    T g = G[i];
    T a = A[i] + g * g;
    A[i] = a;
    P[i] -= lr * g / sqrt(a + eps);
  }
}
)CUDA";
}}}  // namespace tb::cuda::src
