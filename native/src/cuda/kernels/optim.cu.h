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
)CUDA";
}}}  // namespace tb::cuda::src
