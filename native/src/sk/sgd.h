// One epoch of scikit-learn's plain SGD loop on dense float64 rows (the engine's
// sk/linearModel/sgd/plain-sgd.ts runs the epochs, shuffles and decides when to stop; this is its
// per-sample loop). Compiled once per instruction set like the element-wise kernels; every
// floating-point operation is the TypeScript loop's, in the same order (the dot product sums in
// 8 interleaved lanes there too), so the two agree bit for bit except where the loss calls
// exp/log or the schedule calls pow, which the C library rounds differently from V8 in the last
// bit.
#pragma once
#include <cstdint>

namespace tb {

// Loss codes shared with plain-sgd.ts (`SgdLoss.code`).
enum class SgdLoss : int {
  hinge = 0,  // param: threshold (1 for hinge, 0 for perceptron)
  squared_hinge = 1,
  log = 2,
  modified_huber = 3,
  squared = 4,
  huber = 5,                        // param: epsilon
  epsilon_insensitive = 6,          // param: epsilon
  squared_epsilon_insensitive = 7,  // param: epsilon
  count = 8
};

// The fixed settings of a run (plain-sgd.ts packs them into a Float64Array in this order).
struct SgdParams {
  int loss = 0;
  double loss_param = 0;
  int penalty = 0;  // 0 none, 1 l1, 2 l2, 3 elasticnet
  double alpha = 0;
  double l1_ratio = 0;  // already 0 for l2 and 1 for l1
  int schedule = 1;     // 1 constant, 2 optimal, 3 invscaling, 4 adaptive
  double eta0 = 0;
  double power_t = 0;
  double optimal_init = 0;
  double weight_pos = 1;
  double weight_neg = 1;
  bool fit_intercept = true;
  double intercept_decay = 1;
  double average = 0;  // start averaging at this step (0: off)
  bool sum_loss = true;
};

// What carries from one sample (and epoch) to the next, read and written back by the binding.
struct SgdState {
  double wscale = 1;
  double intercept = 0;
  double t = 1;
  double eta = 0;
  double u = 0;  // accumulated l1 penalty
  double average_a = 0;
  double average_b = 1;
  double avg_intercept = 0;
};

struct SgdData {
  const double* x = nullptr;  // row s at x + s * d
  long d = 0;
  const int32_t* order = nullptr;  // samples in visiting order
  long count = 0;
  const double* y = nullptr;
  const double* sample_weight = nullptr;
  const uint8_t* skip = nullptr;  // validation rows, never trained on
  double* w = nullptr;            // d weights, stored without wscale
  double* aw = nullptr;           // d averaged weights (null without averaging)
  double* q = nullptr;            // d truncated-gradient l1 state (null without l1)
};

struct SgdKernels {
  // Runs the samples of one epoch; returns the summed loss (0 when params.sum_loss is false).
  double (*epoch)(const SgdData& data, const SgdParams& params, SgdState& state);
};

#define TB_DECLARE_SGD(ns) \
  namespace ns {           \
  SgdKernels sgd_kernels(); \
  }
TB_DECLARE_SGD(generic)
TB_DECLARE_SGD(avx2)
TB_DECLARE_SGD(avx512)
#undef TB_DECLARE_SGD

// The kernels of the active instruction set.
const SgdKernels& sgd();

}  // namespace tb
