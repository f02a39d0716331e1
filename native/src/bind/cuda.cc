// JavaScript bindings of the CUDA backend. Device buffers are named by the allocator's integer
// ids; every view a kernel touches is checked against its buffer's size first (a bad stride
// from JavaScript raises a RangeError instead of reading device memory it does not own).
// Nothing here touches CUDA until a function is called, and cudaStatus never throws: on a
// machine without a GPU it reports why.
#include <napi.h>

#include <functional>
#include <string>
#include <vector>

#include "bind/bindings.h"
#include "bind/util.h"
#include "cuda/allocator.h"
#include "cuda/device.h"
#include "cuda/module.h"
#include "cuda/ops.h"
#include "cuda/transfer.h"

namespace tb {
namespace bind {
namespace {

using cuda::CUdeviceptr;
using cuda::Dims;

using Fn = std::function<Napi::Value(const Napi::CallbackInfo&)>;

// C++ failures (CUDA errors, out of memory) become JavaScript errors with the same message.
void def(Napi::Env env, Napi::Object exports, const char* name, Fn fn) {
  exports.Set(name, Napi::Function::New(
                        env,
                        [fn](const Napi::CallbackInfo& info) -> Napi::Value {
                          try {
                            return fn(info);
                          } catch (const Napi::Error&) {
                            throw;
                          } catch (const std::exception& e) {
                            throw Napi::Error::New(info.Env(), e.what());
                          }
                        },
                        name));
}

bool f64_arg(const Napi::CallbackInfo& info, size_t i) {
  if (!info[i].IsString()) throw Napi::TypeError::New(info.Env(), "dtype must be \"float32\" or \"float64\"");
  std::string d = info[i].As<Napi::String>().Utf8Value();
  if (d == "float64") return true;
  if (d == "float32") return false;
  throw Napi::TypeError::New(info.Env(), "CUDA kernels take float32 or float64, not " + d);
}

std::string str_arg(const Napi::CallbackInfo& info, size_t i, const char* what) {
  if (!info[i].IsString()) throw Napi::TypeError::New(info.Env(), std::string(what) + " must be a string");
  return info[i].As<Napi::String>().Utf8Value();
}

Dims dims_arg(const Napi::CallbackInfo& info, size_t i, const char* what) {
  std::vector<long> v = ints_arg(info, i, what);
  return Dims(v.begin(), v.end());
}

uint64_t id_arg(const Napi::CallbackInfo& info, size_t i, const char* what) {
  long id = int_arg(info, i, what);
  if (id <= 0) throw Napi::TypeError::New(info.Env(), std::string(what) + " is not a device buffer id");
  return static_cast<uint64_t>(id);
}

// The buffer's address after checking that the view (offset, shape, strides) of `esize`-byte
// elements lies inside it.
CUdeviceptr view_ptr(Napi::Env env, uint64_t id, long long off, const Dims& shape, const Dims& str, size_t esize,
                     const char* what) {
  size_t bytes = 0;
  CUdeviceptr p = cuda::Allocator::get().ptr(id, &bytes);
  std::vector<long> s(shape.begin(), shape.end()), t(str.begin(), str.end());
  check_span(env, static_cast<long>(bytes / esize), static_cast<long>(off), s, t, what);
  return p;
}

// The address of a buffer that must hold `n` elements of `esize` bytes.
CUdeviceptr span_ptr(Napi::Env env, uint64_t id, long long n, size_t esize, const char* what) {
  size_t bytes = 0;
  CUdeviceptr p = cuda::Allocator::get().ptr(id, &bytes);
  if (n < 0 || static_cast<size_t>(n) * esize > bytes) {
    throw Napi::RangeError::New(env, std::string(what) + ": the device buffer is too small");
  }
  return p;
}

long long field(const Napi::Object& o, const char* k) {
  Napi::Value v = o.Get(k);
  if (!v.IsNumber()) throw Napi::TypeError::New(o.Env(), std::string("geometry field ") + k + " must be a number");
  return static_cast<long long>(v.As<Napi::Number>().DoubleValue());
}

Napi::Value status(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const cuda::LoadStatus& s = cuda::start();
  Napi::Object o = Napi::Object::New(env);
  o.Set("available", s.ok);
  o.Set("reason", s.reason);
  if (!s.ok) return o;
  cuda::Device& d = cuda::device();
  size_t free_b = 0, total_b = 0;
  d.drv.cuMemGetInfo(&free_b, &total_b);
  o.Set("name", d.info.name);
  o.Set("index", d.info.index);
  o.Set("computeCapability", std::to_string(d.info.cc_major) + "." + std::to_string(d.info.cc_minor));
  o.Set("multiprocessors", d.info.multiprocessors);
  o.Set("totalMemory", static_cast<double>(d.info.total_mem));
  o.Set("freeMemory", static_cast<double>(free_b));
  o.Set("driverVersion", cuda::version_string(d.info.driver_version));
  o.Set("cublasVersion", d.info.blas_version);
  o.Set("nvrtcVersion", std::to_string(d.info.nvrtc_major) + "." + std::to_string(d.info.nvrtc_minor));
  o.Set("tf32", d.tf32);
  o.Set("cacheDir", cuda::cache_dir());
  return o;
}

Napi::Value memory(const Napi::CallbackInfo& info) {
  cuda::AllocStats s = cuda::Allocator::get().stats();
  Napi::Object o = Napi::Object::New(info.Env());
  o.Set("inUse", static_cast<double>(s.in_use));
  o.Set("cached", static_cast<double>(s.cached));
  o.Set("peak", static_cast<double>(s.peak));
  o.Set("blocks", static_cast<double>(s.blocks));
  return o;
}

// A host typed array's bytes (any element type: float, int32, uint8 tensors all travel).
void host_bytes(const Napi::CallbackInfo& info, size_t i, void** data, size_t* bytes) {
  if (!info[i].IsTypedArray()) throw Napi::TypeError::New(info.Env(), "expected a typed array");
  Napi::TypedArray a = info[i].As<Napi::TypedArray>();
  *data = static_cast<char*>(a.ArrayBuffer().Data()) + a.ByteOffset();
  *bytes = a.ByteLength();
}

cuda::PoolGeom pool_geom(const Napi::CallbackInfo& info, size_t i) {
  if (!info[i].IsObject()) throw Napi::TypeError::New(info.Env(), "pool geometry must be an object");
  Napi::Object o = info[i].As<Napi::Object>();
  return {field(o, "n"),  field(o, "h"),  field(o, "w"),  field(o, "c"),  field(o, "ph"), field(o, "pw"),
          field(o, "oh"), field(o, "ow"), field(o, "sh"), field(o, "sw"), field(o, "pt"), field(o, "pl")};
}

cuda::ConvGeom conv_geom(const Napi::CallbackInfo& info, size_t i) {
  if (!info[i].IsObject()) throw Napi::TypeError::New(info.Env(), "conv geometry must be an object");
  Napi::Object o = info[i].As<Napi::Object>();
  return {field(o, "n"),  field(o, "h"),  field(o, "w"),  field(o, "c"),  field(o, "kh"),
          field(o, "kw"), field(o, "f"),  field(o, "oh"), field(o, "ow"), field(o, "sh"),
          field(o, "sw"), field(o, "dh"), field(o, "dw"), field(o, "pt"), field(o, "pl")};
}

}  // namespace

void init_cuda(Napi::Env env, Napi::Object exports) {
  def(env, exports, "cudaStatus", status);
  def(env, exports, "cudaMemory", memory);
  def(env, exports, "cudaKernelSource", [](const Napi::CallbackInfo& info) -> Napi::Value {
    return Napi::String::New(info.Env(), cuda::kernel_source(f64_arg(info, 0)));
  });
  def(env, exports, "cudaAlloc", [](const Napi::CallbackInfo& info) -> Napi::Value {
    long bytes = int_arg(info, 0, "bytes");
    if (bytes < 0) throw Napi::RangeError::New(info.Env(), "bytes must be >= 0");
    return Napi::Number::New(info.Env(), static_cast<double>(cuda::Allocator::get().alloc(static_cast<size_t>(bytes))));
  });
  def(env, exports, "cudaFree", [](const Napi::CallbackInfo& info) -> Napi::Value {
    cuda::Allocator::get().release(id_arg(info, 0, "buffer"));
    return info.Env().Undefined();
  });
  def(env, exports, "cudaEmptyCache", [](const Napi::CallbackInfo& info) -> Napi::Value {
    cuda::Allocator::get().empty_cache();
    return info.Env().Undefined();
  });
  def(env, exports, "cudaSynchronize", [](const Napi::CallbackInfo& info) -> Napi::Value {
    cuda::synchronize();
    return info.Env().Undefined();
  });
  def(env, exports, "cudaSetTf32", [](const Napi::CallbackInfo& info) -> Napi::Value {
    cuda::set_tf32(info[0].ToBoolean().Value());
    return info.Env().Undefined();
  });
  def(env, exports, "cudaUpload", [](const Napi::CallbackInfo& info) -> Napi::Value {
    void* data;
    size_t bytes;
    host_bytes(info, 1, &data, &bytes);
    CUdeviceptr p = span_ptr(info.Env(), id_arg(info, 0, "buffer"), static_cast<long long>(bytes), 1, "cudaUpload");
    cuda::upload(p, data, bytes);
    return info.Env().Undefined();
  });
  def(env, exports, "cudaDownload", [](const Napi::CallbackInfo& info) -> Napi::Value {
    void* data;
    size_t bytes;
    host_bytes(info, 1, &data, &bytes);
    CUdeviceptr p = span_ptr(info.Env(), id_arg(info, 0, "buffer"), static_cast<long long>(bytes), 1, "cudaDownload");
    cuda::download(data, p, bytes);
    return info.Env().Undefined();
  });
  def(env, exports, "cudaCopy", [](const Napi::CallbackInfo& info) -> Napi::Value {
    long long bytes = int_arg(info, 2, "bytes");
    CUdeviceptr dst = span_ptr(info.Env(), id_arg(info, 0, "dst"), bytes, 1, "cudaCopy");
    CUdeviceptr src = span_ptr(info.Env(), id_arg(info, 1, "src"), bytes, 1, "cudaCopy");
    cuda::copy_device(dst, src, static_cast<size_t>(bytes));
    return info.Env().Undefined();
  });
  // (op, dtype, out, a, aOff, aStrides, b, bOff, bStrides, shape)
  def(env, exports, "cudaBinary", [](const Napi::CallbackInfo& info) -> Napi::Value {
    Napi::Env e = info.Env();
    bool f64 = f64_arg(info, 1);
    size_t es = f64 ? 8 : 4;
    Dims shape = dims_arg(info, 9, "shape"), as = dims_arg(info, 5, "aStrides"), bs = dims_arg(info, 8, "bStrides");
    long long n = 1;
    for (long long d : shape) n *= d;
    CUdeviceptr out = span_ptr(e, id_arg(info, 2, "out"), n, es, "cudaBinary out");
    CUdeviceptr a = view_ptr(e, id_arg(info, 3, "a"), int_arg(info, 4, "aOff"), shape, as, es, "cudaBinary a");
    CUdeviceptr b = view_ptr(e, id_arg(info, 6, "b"), int_arg(info, 7, "bOff"), shape, bs, es, "cudaBinary b");
    cuda::binary(str_arg(info, 0, "op"), f64, out, a, int_arg(info, 4, "aOff"), as, b, int_arg(info, 7, "bOff"), bs,
                 shape);
    return e.Undefined();
  });
  // (op, dtype, out, x, xOff, xStrides, shape, param)
  def(env, exports, "cudaUnary", [](const Napi::CallbackInfo& info) -> Napi::Value {
    Napi::Env e = info.Env();
    bool f64 = f64_arg(info, 1);
    size_t es = f64 ? 8 : 4;
    Dims shape = dims_arg(info, 6, "shape"), xs = dims_arg(info, 5, "xStrides");
    long long n = 1;
    for (long long d : shape) n *= d;
    CUdeviceptr out = span_ptr(e, id_arg(info, 2, "out"), n, es, "cudaUnary out");
    CUdeviceptr x = view_ptr(e, id_arg(info, 3, "x"), int_arg(info, 4, "xOff"), shape, xs, es, "cudaUnary x");
    cuda::unary(str_arg(info, 0, "op"), f64, out, x, int_arg(info, 4, "xOff"), xs, shape, num_arg(info, 7, "param"));
    return e.Undefined();
  });
  // (op, dtype, out, a, aOff, aStrides, b, bOff, bStrides, shape): out is a byte mask
  def(env, exports, "cudaCompare", [](const Napi::CallbackInfo& info) -> Napi::Value {
    Napi::Env e = info.Env();
    bool f64 = f64_arg(info, 1);
    size_t es = f64 ? 8 : 4;
    Dims shape = dims_arg(info, 9, "shape"), as = dims_arg(info, 5, "aStrides"), bs = dims_arg(info, 8, "bStrides");
    long long n = 1;
    for (long long d : shape) n *= d;
    CUdeviceptr out = span_ptr(e, id_arg(info, 2, "out"), n, 1, "cudaCompare out");
    CUdeviceptr a = view_ptr(e, id_arg(info, 3, "a"), int_arg(info, 4, "aOff"), shape, as, es, "cudaCompare a");
    CUdeviceptr b = view_ptr(e, id_arg(info, 6, "b"), int_arg(info, 7, "bOff"), shape, bs, es, "cudaCompare b");
    cuda::compare(str_arg(info, 0, "op"), f64, out, a, int_arg(info, 4, "aOff"), as, b, int_arg(info, 7, "bOff"), bs,
                  shape);
    return e.Undefined();
  });
  // (op, dtype, out, x, xOff, xStrides, shape): op nan | inf | finite, out a byte mask
  def(env, exports, "cudaPredicate", [](const Napi::CallbackInfo& info) -> Napi::Value {
    Napi::Env e = info.Env();
    bool f64 = f64_arg(info, 1);
    size_t es = f64 ? 8 : 4;
    Dims shape = dims_arg(info, 6, "shape"), xs = dims_arg(info, 5, "xStrides");
    long long n = 1;
    for (long long d : shape) n *= d;
    CUdeviceptr out = span_ptr(e, id_arg(info, 2, "out"), n, 1, "cudaPredicate out");
    CUdeviceptr x = view_ptr(e, id_arg(info, 3, "x"), int_arg(info, 4, "xOff"), shape, xs, es, "cudaPredicate x");
    cuda::predicate(str_arg(info, 0, "op"), f64, out, x, int_arg(info, 4, "xOff"), xs, shape);
    return e.Undefined();
  });
  // (dtype, out, c, cOff, cStrides, a, aOff, aStrides, b, bOff, bStrides, shape): c a byte mask
  def(env, exports, "cudaWhere", [](const Napi::CallbackInfo& info) -> Napi::Value {
    Napi::Env e = info.Env();
    bool f64 = f64_arg(info, 0);
    size_t es = f64 ? 8 : 4;
    Dims shape = dims_arg(info, 11, "shape"), cs = dims_arg(info, 4, "cStrides"), as = dims_arg(info, 7, "aStrides"),
         bs = dims_arg(info, 10, "bStrides");
    long long n = 1;
    for (long long d : shape) n *= d;
    long long coff = int_arg(info, 3, "cOff"), aoff = int_arg(info, 6, "aOff"), boff = int_arg(info, 9, "bOff");
    CUdeviceptr out = span_ptr(e, id_arg(info, 1, "out"), n, es, "cudaWhere out");
    CUdeviceptr c = view_ptr(e, id_arg(info, 2, "c"), coff, shape, cs, 1, "cudaWhere cond");
    CUdeviceptr a = view_ptr(e, id_arg(info, 5, "a"), aoff, shape, as, es, "cudaWhere a");
    CUdeviceptr b = view_ptr(e, id_arg(info, 8, "b"), boff, shape, bs, es, "cudaWhere b");
    cuda::where(f64, out, c, coff, cs, a, aoff, as, b, boff, bs, shape);
    return e.Undefined();
  });
  // (kind, dtype, out, x, off, shape, strides, axes)
  def(env, exports, "cudaReduce", [](const Napi::CallbackInfo& info) -> Napi::Value {
    Napi::Env e = info.Env();
    std::string kind = str_arg(info, 0, "kind");
    bool f64 = f64_arg(info, 1);
    size_t es = f64 ? 8 : 4;
    Dims shape = dims_arg(info, 5, "shape"), str = dims_arg(info, 6, "strides");
    std::vector<long> ax = ints_arg(info, 7, "axes");
    std::vector<int> axes(ax.begin(), ax.end());
    long long nout = 1;
    for (size_t d = 0; d < shape.size(); d++) {
      bool red = false;
      for (int a : axes) red |= a == static_cast<int>(d);
      if (!red) nout *= shape[d];
    }
    bool is_arg = kind == "argmax" || kind == "argmin";
    CUdeviceptr out = span_ptr(e, id_arg(info, 2, "out"), nout, is_arg ? 4 : es, "cudaReduce out");
    long long off = int_arg(info, 4, "off");
    CUdeviceptr x = view_ptr(e, id_arg(info, 3, "x"), off, shape, str, es, "cudaReduce x");
    cuda::reduce(kind, f64, out, x, off, shape, str, axes);
    return e.Undefined();
  });
  // (dtype, out, x, rows, cols, log)
  def(env, exports, "cudaSoftmax", [](const Napi::CallbackInfo& info) -> Napi::Value {
    Napi::Env e = info.Env();
    bool f64 = f64_arg(info, 0);
    size_t es = f64 ? 8 : 4;
    long long rows = int_arg(info, 3, "rows"), cols = int_arg(info, 4, "cols");
    CUdeviceptr out = span_ptr(e, id_arg(info, 1, "out"), rows * cols, es, "cudaSoftmax out");
    CUdeviceptr x = span_ptr(e, id_arg(info, 2, "x"), rows * cols, es, "cudaSoftmax x");
    cuda::softmax(f64, out, x, rows, cols, info[5].ToBoolean().Value());
    return e.Undefined();
  });
  // (dtype, ta, tb, m, n, k, alpha, a, aOff, lda, sA, b, bOff, ldb, sB, beta, c, cOff, ldc, sC, batch)
  def(env, exports, "cudaGemm", [](const Napi::CallbackInfo& info) -> Napi::Value {
    Napi::Env e = info.Env();
    bool f64 = f64_arg(info, 0);
    size_t es = f64 ? 8 : 4;
    bool ta = info[1].ToBoolean().Value(), tb = info[2].ToBoolean().Value();
    long long m = int_arg(info, 3, "m"), n = int_arg(info, 4, "n"), k = int_arg(info, 5, "k");
    long long batch = int_arg(info, 20, "batch");
    long long lda = int_arg(info, 9, "lda"), sA = int_arg(info, 10, "sA"), aOff = int_arg(info, 8, "aOff");
    long long ldb = int_arg(info, 13, "ldb"), sB = int_arg(info, 14, "sB"), bOff = int_arg(info, 12, "bOff");
    long long ldc = int_arg(info, 18, "ldc"), sC = int_arg(info, 19, "sC"), cOff = int_arg(info, 17, "cOff");
    // Stored shapes: A is m×k (k×m when transposed) with row stride lda; likewise B and C.
    CUdeviceptr a = view_ptr(e, id_arg(info, 7, "a"), aOff, {batch, ta ? k : m, ta ? m : k}, {sA, lda, 1}, es, "cudaGemm a");
    CUdeviceptr b = view_ptr(e, id_arg(info, 11, "b"), bOff, {batch, tb ? n : k, tb ? k : n}, {sB, ldb, 1}, es, "cudaGemm b");
    CUdeviceptr c = view_ptr(e, id_arg(info, 16, "c"), cOff, {batch, m, n}, {sC, ldc, 1}, es, "cudaGemm c");
    cuda::gemm(f64, ta, tb, m, n, k, num_arg(info, 6, "alpha"), a + aOff * es, lda, sA, b + bOff * es, ldb, sB,
               num_arg(info, 15, "beta"), c + cOff * es, ldc, sC, batch);
    return e.Undefined();
  });
  // (dtype, geom, x, w, y)
  def(env, exports, "cudaConv2dForward", [](const Napi::CallbackInfo& info) -> Napi::Value {
    Napi::Env e = info.Env();
    bool f64 = f64_arg(info, 0);
    size_t es = f64 ? 8 : 4;
    cuda::ConvGeom g = conv_geom(info, 1);
    CUdeviceptr x = span_ptr(e, id_arg(info, 2, "x"), g.n * g.h * g.w * g.c, es, "conv x");
    CUdeviceptr w = span_ptr(e, id_arg(info, 3, "w"), g.kh * g.kw * g.c * g.f, es, "conv w");
    CUdeviceptr y = span_ptr(e, id_arg(info, 4, "y"), g.n * g.oh * g.ow * g.f, es, "conv y");
    cuda::conv2d_forward(f64, g, x, w, y);
    return e.Undefined();
  });
  // (dtype, geom, x, w, dy, dx | 0, dw | 0)
  def(env, exports, "cudaConv2dBackward", [](const Napi::CallbackInfo& info) -> Napi::Value {
    Napi::Env e = info.Env();
    bool f64 = f64_arg(info, 0);
    size_t es = f64 ? 8 : 4;
    cuda::ConvGeom g = conv_geom(info, 1);
    bool want_dx = int_arg(info, 5, "dx") != 0, want_dw = int_arg(info, 6, "dw") != 0;
    // x is read only for dw, w only for dx: the one not needed may be 0.
    CUdeviceptr x = want_dw ? span_ptr(e, id_arg(info, 2, "x"), g.n * g.h * g.w * g.c, es, "conv x") : 0;
    CUdeviceptr w = want_dx ? span_ptr(e, id_arg(info, 3, "w"), g.kh * g.kw * g.c * g.f, es, "conv w") : 0;
    CUdeviceptr dy = span_ptr(e, id_arg(info, 4, "dy"), g.n * g.oh * g.ow * g.f, es, "conv dy");
    CUdeviceptr dx = want_dx ? span_ptr(e, id_arg(info, 5, "dx"), g.n * g.h * g.w * g.c, es, "conv dx") : 0;
    CUdeviceptr dw = want_dw ? span_ptr(e, id_arg(info, 6, "dw"), g.kh * g.kw * g.c * g.f, es, "conv dw") : 0;
    cuda::conv2d_backward(f64, g, x, w, dy, dx, dw);
    return e.Undefined();
  });
  // (dtype, geom, x, y, argmax) / (dtype, geom, dy, argmax, dx)
  def(env, exports, "cudaMaxPoolForward", [](const Napi::CallbackInfo& info) -> Napi::Value {
    Napi::Env e = info.Env();
    bool f64 = f64_arg(info, 0);
    size_t es = f64 ? 8 : 4;
    cuda::PoolGeom g = pool_geom(info, 1);
    long long nin = g.n * g.h * g.w * g.c, nout = g.n * g.oh * g.ow * g.c;
    cuda::maxpool_forward(f64, g, span_ptr(e, id_arg(info, 2, "x"), nin, es, "pool x"),
                          span_ptr(e, id_arg(info, 3, "y"), nout, es, "pool y"),
                          span_ptr(e, id_arg(info, 4, "argmax"), nout, 4, "pool argmax"));
    return e.Undefined();
  });
  def(env, exports, "cudaMaxPoolBackward", [](const Napi::CallbackInfo& info) -> Napi::Value {
    Napi::Env e = info.Env();
    bool f64 = f64_arg(info, 0);
    size_t es = f64 ? 8 : 4;
    cuda::PoolGeom g = pool_geom(info, 1);
    long long nin = g.n * g.h * g.w * g.c, nout = g.n * g.oh * g.ow * g.c;
    cuda::maxpool_backward(f64, g, span_ptr(e, id_arg(info, 2, "dy"), nout, es, "pool dy"),
                           span_ptr(e, id_arg(info, 3, "argmax"), nout, 4, "pool argmax"),
                           span_ptr(e, id_arg(info, 4, "dx"), nin, es, "pool dx"));
    return e.Undefined();
  });
  // (dtype, geom, x, y) / (dtype, geom, dy, dx)
  def(env, exports, "cudaAvgPoolForward", [](const Napi::CallbackInfo& info) -> Napi::Value {
    Napi::Env e = info.Env();
    bool f64 = f64_arg(info, 0);
    size_t es = f64 ? 8 : 4;
    cuda::PoolGeom g = pool_geom(info, 1);
    cuda::avgpool_forward(f64, g, span_ptr(e, id_arg(info, 2, "x"), g.n * g.h * g.w * g.c, es, "pool x"),
                          span_ptr(e, id_arg(info, 3, "y"), g.n * g.oh * g.ow * g.c, es, "pool y"));
    return e.Undefined();
  });
  def(env, exports, "cudaAvgPoolBackward", [](const Napi::CallbackInfo& info) -> Napi::Value {
    Napi::Env e = info.Env();
    bool f64 = f64_arg(info, 0);
    size_t es = f64 ? 8 : 4;
    cuda::PoolGeom g = pool_geom(info, 1);
    cuda::avgpool_backward(f64, g, span_ptr(e, id_arg(info, 2, "dy"), g.n * g.oh * g.ow * g.c, es, "pool dy"),
                           span_ptr(e, id_arg(info, 3, "dx"), g.n * g.h * g.w * g.c, es, "pool dx"));
    return e.Undefined();
  });
  // (dtype, p, g, v, n, lr, momentum, nesterov)
  def(env, exports, "cudaSgdMomentum", [](const Napi::CallbackInfo& info) -> Napi::Value {
    Napi::Env e = info.Env();
    bool f64 = f64_arg(info, 0);
    size_t es = f64 ? 8 : 4;
    long long n = int_arg(info, 4, "n");
    cuda::sgd_momentum(f64, span_ptr(e, id_arg(info, 1, "p"), n, es, "sgd p"),
                       span_ptr(e, id_arg(info, 2, "g"), n, es, "sgd g"),
                       span_ptr(e, id_arg(info, 3, "v"), n, es, "sgd v"), n, num_arg(info, 5, "lr"),
                       num_arg(info, 6, "momentum"), info[7].ToBoolean().Value());
    return e.Undefined();
  });
  // (dtype, p, g, m, v, n, lr, beta1, beta2, epsilon, step)
  def(env, exports, "cudaAdam", [](const Napi::CallbackInfo& info) -> Napi::Value {
    Napi::Env e = info.Env();
    bool f64 = f64_arg(info, 0);
    size_t es = f64 ? 8 : 4;
    long long n = int_arg(info, 5, "n");
    cuda::adam(f64, span_ptr(e, id_arg(info, 1, "p"), n, es, "adam p"), span_ptr(e, id_arg(info, 2, "g"), n, es, "adam g"),
               span_ptr(e, id_arg(info, 3, "m"), n, es, "adam m"), span_ptr(e, id_arg(info, 4, "v"), n, es, "adam v"), n,
               num_arg(info, 6, "lr"), num_arg(info, 7, "beta1"), num_arg(info, 8, "beta2"), num_arg(info, 9, "epsilon"),
               int_arg(info, 10, "step"));
    return e.Undefined();
  });
  // (dtype, p, g, n, lr)
  def(env, exports, "cudaSgd", [](const Napi::CallbackInfo& info) -> Napi::Value {
    Napi::Env e = info.Env();
    bool f64 = f64_arg(info, 0);
    size_t es = f64 ? 8 : 4;
    long long n = int_arg(info, 3, "n");
    cuda::sgd(f64, span_ptr(e, id_arg(info, 1, "p"), n, es, "sgd p"), span_ptr(e, id_arg(info, 2, "g"), n, es, "sgd g"),
              n, num_arg(info, 4, "lr"));
    return e.Undefined();
  });
  // (dtype, p, g, v, m | 0, mg | 0, n, lr, rho, momentum, epsilon)
  def(env, exports, "cudaRmsprop", [](const Napi::CallbackInfo& info) -> Napi::Value {
    Napi::Env e = info.Env();
    bool f64 = f64_arg(info, 0);
    size_t es = f64 ? 8 : 4;
    long long n = int_arg(info, 6, "n");
    auto opt = [&](size_t i, const char* what) -> CUdeviceptr {
      return int_arg(info, i, what) == 0 ? 0 : span_ptr(e, id_arg(info, i, what), n, es, what);
    };
    cuda::rmsprop(f64, span_ptr(e, id_arg(info, 1, "p"), n, es, "rmsprop p"),
                  span_ptr(e, id_arg(info, 2, "g"), n, es, "rmsprop g"), span_ptr(e, id_arg(info, 3, "v"), n, es, "rmsprop v"),
                  opt(4, "rmsprop momentum"), opt(5, "rmsprop average gradient"), n, num_arg(info, 7, "lr"),
                  num_arg(info, 8, "rho"), num_arg(info, 9, "momentum"), num_arg(info, 10, "epsilon"));
    return e.Undefined();
  });
  // (dtype, p, g, accumulator, n, lr, epsilon)
  def(env, exports, "cudaAdagrad", [](const Napi::CallbackInfo& info) -> Napi::Value {
    Napi::Env e = info.Env();
    bool f64 = f64_arg(info, 0);
    size_t es = f64 ? 8 : 4;
    long long n = int_arg(info, 4, "n");
    cuda::adagrad(f64, span_ptr(e, id_arg(info, 1, "p"), n, es, "adagrad p"),
                  span_ptr(e, id_arg(info, 2, "g"), n, es, "adagrad g"),
                  span_ptr(e, id_arg(info, 3, "accumulator"), n, es, "adagrad accumulator"), n, num_arg(info, 5, "lr"),
                  num_arg(info, 6, "epsilon"));
    return e.Undefined();
  });
  // (dtype, out, n, seed, offset, "uniform" | "normal", a, b)
  def(env, exports, "cudaRandom", [](const Napi::CallbackInfo& info) -> Napi::Value {
    Napi::Env e = info.Env();
    bool f64 = f64_arg(info, 0);
    size_t es = f64 ? 8 : 4;
    long long n = int_arg(info, 2, "n");
    std::string dist = str_arg(info, 5, "distribution");
    if (dist != "uniform" && dist != "normal") throw Napi::TypeError::New(e, "distribution must be uniform or normal");
    cuda::random(f64, span_ptr(e, id_arg(info, 1, "out"), n, es, "random out"), n,
                 static_cast<unsigned long long>(int_arg(info, 3, "seed")), static_cast<unsigned>(int_arg(info, 4, "offset")),
                 dist == "normal", num_arg(info, 6, "a"), num_arg(info, 7, "b"));
    return e.Undefined();
  });
}

}  // namespace bind
}  // namespace tb
