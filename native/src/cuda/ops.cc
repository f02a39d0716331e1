#include "cuda/ops.h"

#include <cmath>

#include "cuda/allocator.h"
#include "cuda/device.h"
#include "cuda/module.h"

namespace tb {
namespace cuda {
namespace {

constexpr int kMaxDims = 8;

// Mirrors of the CUDA structs (kernels/*.cu.h): same member order and types, so the bytes
// passed to cuLaunchKernel line up (both sides are plain 64-bit-aligned structs).
struct View {
  long long off;
  long long stride[kMaxDims];
};
struct Geo {
  int ndim;
  int contiguous;
  long long n;
  long long shape[kMaxDims];
  View a, b;
};
struct RGeo {
  int kdim, rdim;
  long long nout, nred, chunk, chunks;
  long long off;
  long long kshape[kMaxDims], kstride[kMaxDims];
  long long rshape[kMaxDims], rstride[kMaxDims];
};

bool row_major(const Dims& shape, const Dims& str) {
  long long want = 1;
  for (int d = static_cast<int>(shape.size()) - 1; d >= 0; d--) {
    if (shape[d] != 1 && str[d] != want) return false;
    want *= shape[d];
  }
  return true;
}

Geo geometry(const Dims& shape, long long aoff, const Dims& astr, long long boff, const Dims& bstr) {
  if (shape.size() > static_cast<size_t>(kMaxDims)) throw CudaError("CUDA kernels take at most 8 axes");
  Geo g{};
  g.ndim = static_cast<int>(shape.size());
  g.n = 1;
  for (size_t d = 0; d < shape.size(); d++) {
    g.shape[d] = shape[d];
    g.a.stride[d] = astr[d];
    g.b.stride[d] = bstr.empty() ? 0 : bstr[d];
    g.n *= shape[d];
  }
  g.a.off = aoff;
  g.b.off = boff;
  g.contiguous = row_major(shape, astr) && (bstr.empty() || row_major(shape, bstr));
  return g;
}

void* arg(const void* p) { return const_cast<void*>(p); }

}  // namespace

void binary(const std::string& op, bool f64, CUdeviceptr out, CUdeviceptr a, long long aoff, const Dims& astr,
            CUdeviceptr b, long long boff, const Dims& bstr, const Dims& shape) {
  Geo g = geometry(shape, aoff, astr, boff, bstr);
  CUfunction f = function(f64, ("ew_" + op).c_str());
  launch(f, g.n, {arg(&out), arg(&a), arg(&b), arg(&g)});
}

void unary(const std::string& op, bool f64, CUdeviceptr out, CUdeviceptr x, long long xoff, const Dims& xstr,
           const Dims& shape, double param) {
  Geo g = geometry(shape, xoff, xstr, 0, {});
  CUfunction f = function(f64, ("ew_" + op).c_str());
  float p32 = static_cast<float>(param);
  launch(f, g.n, {arg(&out), arg(&x), arg(&g), f64 ? arg(&param) : arg(&p32)});
}

void compare(const std::string& op, bool f64, CUdeviceptr out, CUdeviceptr a, long long aoff, const Dims& astr,
             CUdeviceptr b, long long boff, const Dims& bstr, const Dims& shape) {
  Geo g = geometry(shape, aoff, astr, boff, bstr);
  launch(function(f64, ("cmp_" + op).c_str()), g.n, {arg(&out), arg(&a), arg(&b), arg(&g)});
}

void predicate(const std::string& op, bool f64, CUdeviceptr out, CUdeviceptr x, long long xoff, const Dims& xstr,
               const Dims& shape) {
  Geo g = geometry(shape, xoff, xstr, 0, {});
  launch(function(f64, ("is_" + op).c_str()), g.n, {arg(&out), arg(&x), arg(&g)});
}

namespace {
struct Geo3 {  // mirror of Geo3 in kernels/elementwise.cu.h
  Geo g;
  View c;
};
}  // namespace

void where(bool f64, CUdeviceptr out, CUdeviceptr c, long long coff, const Dims& cstr, CUdeviceptr a, long long aoff,
           const Dims& astr, CUdeviceptr b, long long boff, const Dims& bstr, const Dims& shape) {
  Geo3 w{};
  w.g = geometry(shape, aoff, astr, boff, bstr);
  w.g.contiguous = w.g.contiguous && row_major(shape, cstr);
  w.c.off = coff;
  for (size_t d = 0; d < cstr.size(); d++) w.c.stride[d] = cstr[d];
  launch(function(f64, "ew_where"), w.g.n, {arg(&out), arg(&c), arg(&a), arg(&b), arg(&w)});
}

void reduce(const std::string& kind, bool f64, CUdeviceptr out, CUdeviceptr x, long long off, const Dims& shape,
            const Dims& strides, const std::vector<int>& axes) {
  RGeo g{};
  g.nout = g.nred = 1;
  g.off = off;
  for (int d = 0; d < static_cast<int>(shape.size()); d++) {
    bool red = false;
    for (int a : axes) red |= a == d;
    if (red) {
      if (g.rdim == kMaxDims) throw CudaError("CUDA reductions take at most 8 axes");
      g.rshape[g.rdim] = shape[d];
      g.rstride[g.rdim++] = strides[d];
      g.nred *= shape[d];
    } else {
      if (g.kdim == kMaxDims) throw CudaError("CUDA reductions take at most 8 axes");
      g.kshape[g.kdim] = shape[d];
      g.kstride[g.kdim++] = strides[d];
      g.nout *= shape[d];
    }
  }
  bool is_arg = kind == "argmax" || kind == "argmin";
  if (g.nout == 0) return;
  if (g.nred == 0) {
    if (is_arg || kind == "max" || kind == "min") throw CudaError("reduction of an empty range has no identity");
    Dims one = {g.nout};
    unary("fill", f64, out, out, 0, {1}, one, kind == "prod" ? 1.0 : 0.0);
    return;
  }
  CUfunction f = function(f64, ("reduce_" + kind).c_str());
  if (is_arg) {
    g.chunk = g.nred;
    g.chunks = 1;
    launch(f, g.nout, {arg(&out), arg(&x), arg(&g)});
    return;
  }
  // Aim for ~64 K threads in pass 1: many outputs need no split, a full reduction splits the
  // range into chunks whose partials pass 2 combines.
  const long long target = 1 << 16;
  long long per = g.nout >= target ? g.nred : (g.nred * g.nout + target - 1) / target;
  g.chunk = per < 256 ? (g.nred < 256 ? g.nred : 256) : per;
  g.chunks = (g.nred + g.chunk - 1) / g.chunk;
  if (g.chunks == 1) {
    launch(f, g.nout, {arg(&out), arg(&x), arg(&g)});
    return;
  }
  size_t esize = f64 ? 8 : 4;
  Allocator& al = Allocator::get();
  uint64_t tmp = al.alloc(static_cast<size_t>(g.nout * g.chunks) * esize);
  CUdeviceptr part = al.ptr(tmp);
  launch(f, g.nout * g.chunks, {arg(&part), arg(&x), arg(&g)});
  RGeo g2{};
  g2.kdim = g2.rdim = 1;
  g2.nout = g.nout;
  g2.nred = g2.chunk = g.chunks;
  g2.chunks = 1;
  g2.kshape[0] = g.nout;
  g2.kstride[0] = g.chunks;
  g2.rshape[0] = g.chunks;
  g2.rstride[0] = 1;
  launch(f, g.nout, {arg(&out), arg(&part), arg(&g2)});
  // Safe at once: the stream orders pass 2 before any later user of the block.
  al.release(tmp);
}

void softmax(bool f64, CUdeviceptr out, CUdeviceptr x, long long rows, long long cols, bool log) {
  int l = log ? 1 : 0;
  launch(function(f64, "softmax_rows"), rows, {arg(&out), arg(&x), arg(&rows), arg(&cols), arg(&l)});
}

void set_tf32(bool on) {
  Device& d = device();
  d.tf32 = on;
  d.blas.setMathMode(d.handle, on ? CUBLAS_TF32_TENSOR_OP_MATH : CUBLAS_PEDANTIC_MATH);
}

void gemm(bool f64, bool ta, bool tb, long long m, long long n, long long k, double alpha, CUdeviceptr A,
          long long lda, long long sA, CUdeviceptr B, long long ldb, long long sB, double beta, CUdeviceptr C,
          long long ldc, long long sC, long long batch) {
  Device& d = device();
  // cuBLAS is column-major: a row-major matrix is its transpose, so C = op(A)·op(B) becomes
  // Cᵀ = op(B)ᵀ·op(A)ᵀ with the operands swapped and no data moved.
  int opA = ta ? CUBLAS_OP_T : CUBLAS_OP_N, opB = tb ? CUBLAS_OP_T : CUBLAS_OP_N;
  auto I = [](long long v) { return static_cast<int>(v); };
  int st;
  if (f64) {
    st = d.blas.dgemmStridedBatched(d.handle, opB, opA, I(n), I(m), I(k), &alpha, reinterpret_cast<const double*>(B),
                                    I(ldb), sB, reinterpret_cast<const double*>(A), I(lda), sA, &beta,
                                    reinterpret_cast<double*>(C), I(ldc), sC, I(batch));
  } else {
    float a32 = static_cast<float>(alpha), b32 = static_cast<float>(beta);
    st = d.blas.sgemmStridedBatched(d.handle, opB, opA, I(n), I(m), I(k), &a32, reinterpret_cast<const float*>(B),
                                    I(ldb), sB, reinterpret_cast<const float*>(A), I(lda), sA, &b32,
                                    reinterpret_cast<float*>(C), I(ldc), sC, I(batch));
  }
  if (st != 0) throw CudaError("cuBLAS gemm failed (status " + std::to_string(st) + ")");
}

namespace {
struct ConvK {  // mirror of Conv in kernels/nn.cu.h
  long long n, h, w, c, kh, kw, f, oh, ow, sh, sw, dh, dw, pt, pl;
};
ConvK conv_k(const ConvGeom& g, long long n) {
  return {n, g.h, g.w, g.c, g.kh, g.kw, g.f, g.oh, g.ow, g.sh, g.sw, g.dh, g.dw, g.pt, g.pl};
}
// Images per im2col chunk, so the column buffer stays under ~64 MiB.
long long images_per_chunk(const ConvGeom& g, size_t esize) {
  long long per = g.oh * g.ow * g.kh * g.kw * g.c * static_cast<long long>(esize);
  long long n = per > 0 ? (64ll << 20) / per : g.n;
  return n < 1 ? 1 : (n > g.n ? g.n : n);
}
}  // namespace

void conv2d_forward(bool f64, const ConvGeom& g, CUdeviceptr x, CUdeviceptr w, CUdeviceptr y) {
  size_t es = f64 ? 8 : 4;
  long long K = g.kh * g.kw * g.c, chunk = images_per_chunk(g, es);
  Allocator& al = Allocator::get();
  uint64_t tmp = al.alloc(static_cast<size_t>(chunk * g.oh * g.ow * K) * es);
  CUdeviceptr cols = al.ptr(tmp);
  CUfunction f = function(f64, "im2col");
  for (long long b0 = 0; b0 < g.n; b0 += chunk) {
    long long nb = g.n - b0 < chunk ? g.n - b0 : chunk;
    ConvK k = conv_k(g, nb);
    CUdeviceptr xs = x + static_cast<CUdeviceptr>(b0 * g.h * g.w * g.c * es);
    launch(f, nb * g.oh * g.ow * K, {arg(&cols), arg(&xs), arg(&k)});
    long long rows = nb * g.oh * g.ow;
    gemm(f64, false, false, rows, g.f, K, 1, cols, K, 0, w, g.f, 0, 0,
         y + static_cast<CUdeviceptr>(b0 * g.oh * g.ow * g.f * es), g.f, 0, 1);
  }
  al.release(tmp);
}

void conv2d_backward(bool f64, const ConvGeom& g, CUdeviceptr x, CUdeviceptr w, CUdeviceptr dy, CUdeviceptr dx,
                     CUdeviceptr dw) {
  size_t es = f64 ? 8 : 4;
  long long K = g.kh * g.kw * g.c, chunk = images_per_chunk(g, es);
  Allocator& al = Allocator::get();
  uint64_t tmp = al.alloc(static_cast<size_t>(chunk * g.oh * g.ow * K) * es);
  CUdeviceptr cols = al.ptr(tmp);
  for (long long b0 = 0; b0 < g.n; b0 += chunk) {
    long long nb = g.n - b0 < chunk ? g.n - b0 : chunk, rows = nb * g.oh * g.ow;
    ConvK k = conv_k(g, nb);
    CUdeviceptr dys = dy + static_cast<CUdeviceptr>(b0 * g.oh * g.ow * g.f * es);
    if (dw) {
      CUdeviceptr xs = x + static_cast<CUdeviceptr>(b0 * g.h * g.w * g.c * es);
      launch(function(f64, "im2col"), rows * K, {arg(&cols), arg(&xs), arg(&k)});
      // dW[K, F] (+)= colsᵀ[K, rows] · dY[rows, F]
      gemm(f64, true, false, K, g.f, rows, 1, cols, K, 0, dys, g.f, 0, b0 == 0 ? 0 : 1, dw, g.f, 0, 1);
    }
    if (dx) {
      // dcols[rows, K] = dY[rows, F] · Wᵀ[F, K], then gathered back onto the image.
      gemm(f64, false, true, rows, K, g.f, 1, dys, g.f, 0, w, g.f, 0, 0, cols, K, 0, 1);
      CUdeviceptr dxs = dx + static_cast<CUdeviceptr>(b0 * g.h * g.w * g.c * es);
      launch(function(f64, "col2im"), nb * g.h * g.w * g.c, {arg(&dxs), arg(&cols), arg(&k)});
    }
  }
  al.release(tmp);
}

void maxpool_forward(bool f64, const PoolGeom& g, CUdeviceptr x, CUdeviceptr y, CUdeviceptr argmax) {
  launch(function(f64, "maxpool_fwd"), g.n * g.oh * g.ow * g.c, {arg(&y), arg(&argmax), arg(&x), arg(&g)});
}
void maxpool_backward(bool f64, const PoolGeom& g, CUdeviceptr dy, CUdeviceptr argmax, CUdeviceptr dx) {
  launch(function(f64, "maxpool_bwd"), g.n * g.h * g.w * g.c, {arg(&dx), arg(&dy), arg(&argmax), arg(&g)});
}
void avgpool_forward(bool f64, const PoolGeom& g, CUdeviceptr x, CUdeviceptr y) {
  launch(function(f64, "avgpool_fwd"), g.n * g.oh * g.ow * g.c, {arg(&y), arg(&x), arg(&g)});
}
void avgpool_backward(bool f64, const PoolGeom& g, CUdeviceptr dy, CUdeviceptr dx) {
  launch(function(f64, "avgpool_bwd"), g.n * g.h * g.w * g.c, {arg(&dx), arg(&dy), arg(&g)});
}

// Scalars are passed in the kernel's element type: cuLaunchKernel copies sizeof(param) bytes.
void sgd_momentum(bool f64, CUdeviceptr p, CUdeviceptr g, CUdeviceptr v, long long n, double lr, double momentum,
                  bool nesterov) {
  int nest = nesterov ? 1 : 0;
  float lr32 = static_cast<float>(lr), m32 = static_cast<float>(momentum);
  launch(function(f64, "sgd_momentum"), n,
         {arg(&p), arg(&g), arg(&v), arg(&n), f64 ? arg(&lr) : arg(&lr32), f64 ? arg(&momentum) : arg(&m32),
          arg(&nest)});
}

void adam(bool f64, CUdeviceptr p, CUdeviceptr g, CUdeviceptr m, CUdeviceptr v, long long n, double lr, double b1,
          double b2, double eps, long long step) {
  double alpha = lr * std::sqrt(1 - std::pow(b2, static_cast<double>(step))) / (1 - std::pow(b1, static_cast<double>(step)));
  float s[4] = {static_cast<float>(alpha), static_cast<float>(b1), static_cast<float>(b2), static_cast<float>(eps)};
  double dd[4] = {alpha, b1, b2, eps};
  launch(function(f64, "adam"), n,
         {arg(&p), arg(&g), arg(&m), arg(&v), arg(&n), f64 ? arg(&dd[0]) : arg(&s[0]), f64 ? arg(&dd[1]) : arg(&s[1]),
          f64 ? arg(&dd[2]) : arg(&s[2]), f64 ? arg(&dd[3]) : arg(&s[3])});
}

// One element-type scalar argument: float in the float32 module, double in the float64 one.
namespace {
struct Scalar {
  double d;
  float f;
  explicit Scalar(double v) : d(v), f(static_cast<float>(v)) {}
  void* ptr(bool f64) { return f64 ? static_cast<void*>(&d) : static_cast<void*>(&f); }
};
}  // namespace

void sgd(bool f64, CUdeviceptr p, CUdeviceptr g, long long n, double lr) {
  Scalar l(lr);
  launch(function(f64, "sgd"), n, {arg(&p), arg(&g), arg(&n), l.ptr(f64)});
}

void rmsprop(bool f64, CUdeviceptr p, CUdeviceptr g, CUdeviceptr v, CUdeviceptr m, CUdeviceptr mg, long long n,
             double lr, double rho, double momentum, double eps) {
  Scalar l(lr), r(rho), mu(momentum), e(eps);
  launch(function(f64, "rmsprop"), n,
         {arg(&p), arg(&g), arg(&v), arg(&m), arg(&mg), arg(&n), l.ptr(f64), r.ptr(f64), mu.ptr(f64), e.ptr(f64)});
}

void adagrad(bool f64, CUdeviceptr p, CUdeviceptr g, CUdeviceptr acc, long long n, double lr, double eps) {
  Scalar l(lr), e(eps);
  launch(function(f64, "adagrad"), n, {arg(&p), arg(&g), arg(&acc), arg(&n), l.ptr(f64), e.ptr(f64)});
}

void random(bool f64, CUdeviceptr out, long long n, unsigned long long seed, unsigned offset, bool normal, double a,
            double b) {
  unsigned k0 = static_cast<unsigned>(seed), k1 = static_cast<unsigned>(seed >> 32);
  int nor = normal ? 1 : 0;
  float a32 = static_cast<float>(a), b32 = static_cast<float>(b);
  launch(function(f64, "random_fill"), (n + 1) / 2,
         {arg(&out), arg(&n), arg(&k0), arg(&k1), arg(&offset), arg(&nor), f64 ? arg(&a) : arg(&a32),
          f64 ? arg(&b) : arg(&b32)});
}

}  // namespace cuda
}  // namespace tb
