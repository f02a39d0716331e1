// Fused optimizer updates: one pass reads a variable, its gradient and its slots and writes the
// new values into fresh arrays. Every update computes in double precision and rounds once when
// it stores, exactly as the engine's TypeScript loops over typed arrays do (JavaScript numbers
// are doubles), so both give the same bits.
#pragma once

namespace tb {

enum class OptimKind : int { sgd, momentum, adam, count };

// Hyper-parameters, by kind (decay: the decoupled weight-decay factor 1 - wd·lr, or 1):
//   sgd:      [lr, decay]                       w' = w - lr·g
//   momentum: [lr, decay, mu, nesterov]         v' = mu·v - lr·g; w' = w + (nesterov ? mu·v' - lr·g : v')
//   adam:     [alpha, decay, b1, b2, eps, ams]  m' = m + (g - m)(1 - b1); v' = v + (g² - v)(1 - b2);
//                                               (ams: vhat' = max(vhat, v')); w' = w - alpha·m'/(sqrt(v̂') + eps)
// ins: w, g, then the slots (momentum: v; adam: m, v[, vhat]); outs: w', then the new slots.
template <typename T>
void optim_step(OptimKind kind, const double* hyper, const T* const* ins, T* const* outs, long n);

// How many slots a kind updates, and how many hyper-parameters it takes.
int optim_slots(OptimKind kind, const double* hyper);
int optim_hyper_count(OptimKind kind);

}  // namespace tb
