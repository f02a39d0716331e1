// Bindings of the element-wise ops, reductions and softmax. Inputs are views (array, offset,
// strides) of the shape given last; outputs are fresh row-major arrays of that shape.
//   unary(op, out, x, xOff, xStrides, shape)
//   binary(op, out, x, xOff, xStrides, y, yOff, yStrides, shape)
//   fma(out, a, aOff, aStrides, b, bOff, bStrides, c, cOff, cStrides, shape)   out = a*b + c
//   reduce(kind, out, x, xOff, shape, strides, axes)   kind: sum prod max min argmax argmin
//   softmax(out, x, xOff, rows, n, log)                 along the last axis of [rows, n]
// Each also exists as `<name>Async`, returning a promise.
#include <algorithm>
#include <cstring>

#include "bind/bindings.h"
#include "bind/util.h"
#include "ew/strided.h"

namespace tb {
namespace bind {
namespace {

const char* const kUnary[] = {"copy", "neg", "abs", "sign", "sqrt", "square", "reciprocal",
                              "exp", "expm1", "log", "log1p", "sin", "cos", "tanh",
                              "sigmoid", "relu", "floor", "ceil", "trunc"};
const char* const kBinary[] = {"add", "sub", "mul", "div", "maximum", "minimum", "fmax", "fmin", "relu_grad"};
static_assert(sizeof(kUnary) / sizeof(kUnary[0]) == static_cast<size_t>(Unary::count), "unary names");
static_assert(sizeof(kBinary) / sizeof(kBinary[0]) == static_cast<size_t>(Binary::count), "binary names");

template <size_t N>
int lookup(const Napi::CallbackInfo& info, const char* const (&names)[N], const char* what) {
  if (!info[0].IsString()) throw Napi::TypeError::New(info.Env(), std::string(what) + " name must be a string");
  std::string s = info[0].As<Napi::String>().Utf8Value();
  for (size_t i = 0; i < N; i++)
    if (s == names[i]) return static_cast<int>(i);
  throw Napi::TypeError::New(info.Env(), "unknown " + std::string(what) + " op '" + s + "'");
}

long product(const Dims& s) {
  long n = 1;
  for (long d : s) n *= d;
  return n;
}

template <typename T>
struct Input {
  const T* p;
  Dims strides;
};

// Reads (array, offset, strides) at position i, checked against `shape`.
template <typename T>
Input<T> input(const Napi::CallbackInfo& info, size_t i, const Dims& shape, const char* what) {
  View<T> v = view<T>(info, i, what);
  long off = int_arg(info, i + 1, what);
  Dims st = ints_arg(info, i + 2, what);
  check_span(info.Env(), v.length, off, shape, st, what);
  return {v.data + off, st};
}

template <typename T>
T* output(const Napi::CallbackInfo& info, size_t i, long n) {
  View<T> o = view<T>(info, i, "out");
  if (o.length != n) throw Napi::RangeError::New(info.Env(), "out has the wrong length");
  return o.data;
}

template <typename T>
Napi::Value unary_t(const Napi::CallbackInfo& info, bool async, Unary op) {
  Dims shape = ints_arg(info, 5, "shape");
  T* out = output<T>(info, 1, product(shape));
  Input<T> x = input<T>(info, 2, shape, "x");
  return run(info, async, [=] {
    unary_strided<T>(op, x.p, x.strides, shape, out);
    return true;
  });
}

Napi::Value unary(const Napi::CallbackInfo& info, bool async) {
  Unary op = static_cast<Unary>(lookup(info, kUnary, "unary"));
  DType t = dtype_of(info[2]);
  if (t == DType::f32) return unary_t<float>(info, async, op);
  if (t == DType::f64) return unary_t<double>(info, async, op);
  throw Napi::TypeError::New(info.Env(), "unary works on Float32Array or Float64Array");
}

template <typename T>
Napi::Value binary_t(const Napi::CallbackInfo& info, bool async, Binary op) {
  Dims shape = ints_arg(info, 8, "shape");
  T* out = output<T>(info, 1, product(shape));
  Input<T> x = input<T>(info, 2, shape, "x"), y = input<T>(info, 5, shape, "y");
  return run(info, async, [=] {
    binary_strided<T>(op, x.p, x.strides, y.p, y.strides, shape, out);
    return true;
  });
}

Napi::Value binary(const Napi::CallbackInfo& info, bool async) {
  Binary op = static_cast<Binary>(lookup(info, kBinary, "binary"));
  DType t = dtype_of(info[2]);
  if (t == DType::f32) return binary_t<float>(info, async, op);
  if (t == DType::f64) return binary_t<double>(info, async, op);
  throw Napi::TypeError::New(info.Env(), "binary works on Float32Array or Float64Array");
}

template <typename T>
Napi::Value fma_t(const Napi::CallbackInfo& info, bool async) {
  Dims shape = ints_arg(info, 10, "shape");
  T* out = output<T>(info, 0, product(shape));
  Input<T> a = input<T>(info, 1, shape, "a"), b = input<T>(info, 4, shape, "b"), c = input<T>(info, 7, shape, "c");
  return run(info, async, [=] {
    fma_strided<T>(a.p, a.strides, b.p, b.strides, c.p, c.strides, shape, out);
    return true;
  });
}

Napi::Value fma(const Napi::CallbackInfo& info, bool async) {
  DType t = dtype_of(info[1]);
  if (t == DType::f32) return fma_t<float>(info, async);
  if (t == DType::f64) return fma_t<double>(info, async);
  throw Napi::TypeError::New(info.Env(), "fma works on Float32Array or Float64Array");
}

template <typename T, typename O>
Napi::Value reduce_t(const Napi::CallbackInfo& info, bool async, const std::string& kind) {
  Dims shape = ints_arg(info, 4, "shape"), strides = ints_arg(info, 5, "strides"), axes = ints_arg(info, 6, "axes");
  for (size_t i = 0; i < axes.size(); i++) {
    if (axes[i] < 0 || axes[i] >= static_cast<long>(shape.size()) || (i > 0 && axes[i] <= axes[i - 1])) {
      throw Napi::RangeError::New(info.Env(), "reduce: axes must be sorted, distinct and in range");
    }
  }
  long nout = 1;
  for (size_t d = 0; d < shape.size(); d++)
    if (std::find(axes.begin(), axes.end(), static_cast<long>(d)) == axes.end()) nout *= shape[d];
  View<T> xv = view<T>(info, 2, "x");
  long off = int_arg(info, 3, "xOff");
  check_span(info.Env(), xv.length, off, shape, strides, "x");
  const T* x = xv.data + off;
  if (kind == "argmax" || kind == "argmin") {
    if (axes.size() != 1) throw Napi::RangeError::New(info.Env(), "argmax/argmin take one axis");
    int* out = output<int32_t>(info, 1, nout);
    bool mx = kind == "argmax";
    long axis = axes[0];
    return run(info, async, [=] {
      arg_reduce_strided<T>(mx, x, shape, strides, axis, out);
      return true;
    });
  }
  ReduceKind k = kind == "sum" ? ReduceKind::sum : kind == "prod" ? ReduceKind::prod
               : kind == "max" ? ReduceKind::max : kind == "min" ? ReduceKind::min : ReduceKind::count;
  if (k == ReduceKind::count) throw Napi::TypeError::New(info.Env(), "unknown reduction '" + kind + "'");
  O* out = output<O>(info, 1, nout);
  return run(info, async, [=] {
    reduce_strided<T, O>(k, x, shape, strides, axes, out);
    return true;
  });
}

Napi::Value reduce(const Napi::CallbackInfo& info, bool async) {
  if (!info[0].IsString()) throw Napi::TypeError::New(info.Env(), "reduce kind must be a string");
  std::string kind = info[0].As<Napi::String>().Utf8Value();
  DType t = dtype_of(info[2]), o = dtype_of(info[1]);
  if (t == DType::f32 && (o == DType::f32 || o == DType::i32)) return reduce_t<float, float>(info, async, kind);
  if (t == DType::f32 && o == DType::f64) return reduce_t<float, double>(info, async, kind);
  if (t == DType::f64 && (o == DType::f64 || o == DType::i32)) return reduce_t<double, double>(info, async, kind);
  if (t == DType::f64 && o == DType::f32) return reduce_t<double, float>(info, async, kind);
  throw Napi::TypeError::New(info.Env(), "reduce works on Float32Array or Float64Array");
}

template <typename T>
Napi::Value softmax_t(const Napi::CallbackInfo& info, bool async) {
  long rows = int_arg(info, 3, "rows"), n = int_arg(info, 4, "n");
  bool log = info[5].ToBoolean();
  if (rows < 0 || n < 0) throw Napi::RangeError::New(info.Env(), "softmax: negative size");
  T* out = output<T>(info, 0, rows * n);
  View<T> xv = view<T>(info, 1, "x");
  long off = int_arg(info, 2, "xOff");
  check_span(info.Env(), xv.length, off, {rows * n}, {1}, "x");
  const T* x = xv.data + off;
  return run(info, async, [=] {
    softmax_rows<T>(x, out, rows, n, log);
    return true;
  });
}

Napi::Value softmax(const Napi::CallbackInfo& info, bool async) {
  DType t = dtype_of(info[1]);
  if (t == DType::f32) return softmax_t<float>(info, async);
  if (t == DType::f64) return softmax_t<double>(info, async);
  throw Napi::TypeError::New(info.Env(), "softmax works on Float32Array or Float64Array");
}

}  // namespace

void init_elementwise(Napi::Env env, Napi::Object exports) {
  export_pair(env, exports, "unary", unary);
  export_pair(env, exports, "binary", binary);
  export_pair(env, exports, "fma", fma);
  export_pair(env, exports, "reduce", reduce);
  export_pair(env, exports, "softmax", softmax);
  Napi::Array u = Napi::Array::New(env), b = Napi::Array::New(env);
  for (uint32_t i = 0; i < static_cast<uint32_t>(Unary::count); i++) u.Set(i, kUnary[i]);
  for (uint32_t i = 0; i < static_cast<uint32_t>(Binary::count); i++) b.Set(i, kBinary[i]);
  exports.Set("unaryOps", u);
  exports.Set("binaryOps", b);
}

}  // namespace bind
}  // namespace tb
