// The device kernels as host functions: each queues work on the backend's stream and returns
// without waiting. Pointers are device addresses already offset to the first element; strides
// and offsets count elements. `f64` picks the float64 module (else float32).
#pragma once
#include <string>
#include <vector>

#include "cuda/api.h"

namespace tb {
namespace cuda {

using Dims = std::vector<long long>;

void binary(const std::string& op, bool f64, CUdeviceptr out, CUdeviceptr a, long long aoff, const Dims& astr,
            CUdeviceptr b, long long boff, const Dims& bstr, const Dims& shape);
void unary(const std::string& op, bool f64, CUdeviceptr out, CUdeviceptr x, long long xoff, const Dims& xstr,
           const Dims& shape, double param);
/** eq ne lt le gt ge into a byte mask. */
void compare(const std::string& op, bool f64, CUdeviceptr out, CUdeviceptr a, long long aoff, const Dims& astr,
             CUdeviceptr b, long long boff, const Dims& bstr, const Dims& shape);
/** nan, inf, finite into a byte mask. */
void predicate(const std::string& op, bool f64, CUdeviceptr out, CUdeviceptr x, long long xoff, const Dims& xstr,
               const Dims& shape);
/** out = cond ? a : b, cond a byte mask view. */
void where(bool f64, CUdeviceptr out, CUdeviceptr c, long long coff, const Dims& cstr, CUdeviceptr a, long long aoff,
           const Dims& astr, CUdeviceptr b, long long boff, const Dims& bstr, const Dims& shape);
/** sum, prod, max, min (out: the dtype) or argmax, argmin (out: int32, one axis). */
void reduce(const std::string& kind, bool f64, CUdeviceptr out, CUdeviceptr x, long long off, const Dims& shape,
            const Dims& strides, const std::vector<int>& axes);
void softmax(bool f64, CUdeviceptr out, CUdeviceptr x, long long rows, long long cols, bool log);

/** Row-major C = alpha·op(A)·op(B) + beta·C for `batch` matrices; ld* are row strides. */
void gemm(bool f64, bool ta, bool tb, long long m, long long n, long long k, double alpha, CUdeviceptr A,
          long long lda, long long sA, CUdeviceptr B, long long ldb, long long sB, double beta, CUdeviceptr C,
          long long ldc, long long sC, long long batch);
void set_tf32(bool on);

struct ConvGeom {
  long long n, h, w, c, kh, kw, f, oh, ow, sh, sw, dh, dw, pt, pl;
};
void conv2d_forward(bool f64, const ConvGeom& g, CUdeviceptr x, CUdeviceptr w, CUdeviceptr y);
/** dx and/or dw (0 to skip one; x may be 0 without dw, w without dx). */
void conv2d_backward(bool f64, const ConvGeom& g, CUdeviceptr x, CUdeviceptr w, CUdeviceptr dy, CUdeviceptr dx,
                     CUdeviceptr dw);

struct PoolGeom {
  long long n, h, w, c, ph, pw, oh, ow, sh, sw, pt, pl;
};
void maxpool_forward(bool f64, const PoolGeom& g, CUdeviceptr x, CUdeviceptr y, CUdeviceptr argmax);
void maxpool_backward(bool f64, const PoolGeom& g, CUdeviceptr dy, CUdeviceptr argmax, CUdeviceptr dx);
void avgpool_forward(bool f64, const PoolGeom& g, CUdeviceptr x, CUdeviceptr y);
void avgpool_backward(bool f64, const PoolGeom& g, CUdeviceptr dy, CUdeviceptr dx);

void sgd_momentum(bool f64, CUdeviceptr p, CUdeviceptr g, CUdeviceptr v, long long n, double lr, double momentum,
                  bool nesterov);
void adam(bool f64, CUdeviceptr p, CUdeviceptr g, CUdeviceptr m, CUdeviceptr v, long long n, double lr, double b1,
          double b2, double eps, long long step);
void sgd(bool f64, CUdeviceptr p, CUdeviceptr g, long long n, double lr);
/** m and mg: 0 when momentum is 0 / not centered. */
void rmsprop(bool f64, CUdeviceptr p, CUdeviceptr g, CUdeviceptr v, CUdeviceptr m, CUdeviceptr mg, long long n,
             double lr, double rho, double momentum, double eps);
void adagrad(bool f64, CUdeviceptr p, CUdeviceptr g, CUdeviceptr acc, long long n, double lr, double eps);
/** Uniform in [a, b) or normal(mean a, std b) from (seed, offset); offset advances the stream. */
void random(bool f64, CUdeviceptr out, long long n, unsigned long long seed, unsigned offset, bool normal, double a,
            double b);

}  // namespace cuda
}  // namespace tb
