// Bindings of convolution and pooling (NHWC). Geometry comes as one array of integers:
//   conv: [n, h, w, c, kh, kw, f, sh, sw, dh, dw, padTop, padLeft, oh, ow]
//   pool: [n, h, w, c, kh, kw, sh, sw, padTop, padLeft, oh, ow]
//   conv2dForward(x, w, y, geom, cancel?)          y = conv(x, w)
//   conv2dBackward(x, w, dy, dx|null, dw|null, geom, cancel?)
//   maxPool2dForward(x, y, argmax|null, geom)      argmax: Int32Array, for the backward pass
//   maxPool2dBackward(dy, argmax, dx, geom)
//   avgPool2dForward(x, y, geom), avgPool2dBackward(dy, dx, geom)
// Each also exists as `<name>Async`, returning a promise (false when cancelled).
#include "bind/bindings.h"
#include "bind/util.h"
#include "nn/conv.h"

namespace tb {
namespace bind {
namespace {

template <typename T>
T* sized(const Napi::CallbackInfo& info, size_t i, long n, const char* what, bool optional = false) {
  if (optional && (info[i].IsNull() || info[i].IsUndefined())) return nullptr;
  View<T> v = view<T>(info, i, what);
  if (v.length < n) throw Napi::RangeError::New(info.Env(), std::string(what) + " is too short for the shape");
  return v.data;
}

Conv2dShape conv_geom(const Napi::CallbackInfo& info, size_t i) {
  std::vector<long> g = ints_arg(info, i, "geometry");
  if (g.size() != 15) throw Napi::TypeError::New(info.Env(), "conv geometry has 15 entries");
  Conv2dShape s{g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], g[10], g[11], g[12], g[13], g[14]};
  for (long v : g)
    if (v < 0) throw Napi::RangeError::New(info.Env(), "conv geometry must not be negative");
  if (s.sh < 1 || s.sw < 1 || s.dh < 1 || s.dw < 1) throw Napi::RangeError::New(info.Env(), "strides and dilations must be >= 1");
  return s;
}

Pool2dShape pool_geom(const Napi::CallbackInfo& info, size_t i) {
  std::vector<long> g = ints_arg(info, i, "geometry");
  if (g.size() != 12) throw Napi::TypeError::New(info.Env(), "pool geometry has 12 entries");
  Pool2dShape s{g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], g[10], g[11]};
  for (long v : g)
    if (v < 0) throw Napi::RangeError::New(info.Env(), "pool geometry must not be negative");
  if (s.sh < 1 || s.sw < 1) throw Napi::RangeError::New(info.Env(), "strides must be >= 1");
  return s;
}

template <typename T>
Napi::Value conv_fwd_t(const Napi::CallbackInfo& info, bool async) {
  Conv2dShape s = conv_geom(info, 3);
  const T* x = sized<T>(info, 0, s.n * s.h * s.w * s.c, "x");
  const T* w = sized<T>(info, 1, s.kh * s.kw * s.c * s.f, "w");
  T* y = sized<T>(info, 2, s.n * s.oh * s.ow * s.f, "y");
  Cancel cancel = cancel_arg(info, 4);
  return run(info, async, [=] { return conv2d_forward<T>(s, x, w, y, cancel); });
}

template <typename T>
Napi::Value conv_bwd_t(const Napi::CallbackInfo& info, bool async) {
  Conv2dShape s = conv_geom(info, 5);
  const T* x = sized<T>(info, 0, s.n * s.h * s.w * s.c, "x");
  const T* w = sized<T>(info, 1, s.kh * s.kw * s.c * s.f, "w");
  const T* dy = sized<T>(info, 2, s.n * s.oh * s.ow * s.f, "dy");
  T* dx = sized<T>(info, 3, s.n * s.h * s.w * s.c, "dx", true);
  T* dw = sized<T>(info, 4, s.kh * s.kw * s.c * s.f, "dw", true);
  Cancel cancel = cancel_arg(info, 6);
  return run(info, async, [=] { return conv2d_backward<T>(s, x, w, dy, dx, dw, cancel); });
}

template <typename T>
Napi::Value maxpool_fwd_t(const Napi::CallbackInfo& info, bool async) {
  Pool2dShape s = pool_geom(info, 3);
  const T* x = sized<T>(info, 0, s.n * s.h * s.w * s.c, "x");
  T* y = sized<T>(info, 1, s.n * s.oh * s.ow * s.c, "y");
  int* a = sized<int32_t>(info, 2, s.n * s.oh * s.ow * s.c, "argmax", true);
  return run(info, async, [=] {
    maxpool2d_forward<T>(s, x, y, a);
    return true;
  });
}

template <typename T>
Napi::Value maxpool_bwd_t(const Napi::CallbackInfo& info, bool async) {
  Pool2dShape s = pool_geom(info, 3);
  const T* dy = sized<T>(info, 0, s.n * s.oh * s.ow * s.c, "dy");
  const int* a = sized<int32_t>(info, 1, s.n * s.oh * s.ow * s.c, "argmax");
  T* dx = sized<T>(info, 2, s.n * s.h * s.w * s.c, "dx");
  return run(info, async, [=] {
    maxpool2d_backward<T>(s, dy, a, dx);
    return true;
  });
}

template <typename T>
Napi::Value avgpool_fwd_t(const Napi::CallbackInfo& info, bool async) {
  Pool2dShape s = pool_geom(info, 2);
  const T* x = sized<T>(info, 0, s.n * s.h * s.w * s.c, "x");
  T* y = sized<T>(info, 1, s.n * s.oh * s.ow * s.c, "y");
  return run(info, async, [=] {
    avgpool2d_forward<T>(s, x, y);
    return true;
  });
}

template <typename T>
Napi::Value avgpool_bwd_t(const Napi::CallbackInfo& info, bool async) {
  Pool2dShape s = pool_geom(info, 2);
  const T* dy = sized<T>(info, 0, s.n * s.oh * s.ow * s.c, "dy");
  T* dx = sized<T>(info, 1, s.n * s.h * s.w * s.c, "dx");
  return run(info, async, [=] {
    avgpool2d_backward<T>(s, dy, dx);
    return true;
  });
}

// Picks the float32 or float64 instantiation from the first argument's array type.
#define TB_TYPED(name, impl)                                                              \
  Napi::Value name(const Napi::CallbackInfo& info, bool async) {                          \
    DType t = dtype_of(info[0]);                                                          \
    if (t == DType::f32) return impl<float>(info, async);                                 \
    if (t == DType::f64) return impl<double>(info, async);                                \
    throw Napi::TypeError::New(info.Env(), #name " works on Float32Array or Float64Array"); \
  }
TB_TYPED(conv2d_forward_js, conv_fwd_t)
TB_TYPED(conv2d_backward_js, conv_bwd_t)
TB_TYPED(maxpool_forward_js, maxpool_fwd_t)
TB_TYPED(maxpool_backward_js, maxpool_bwd_t)
TB_TYPED(avgpool_forward_js, avgpool_fwd_t)
TB_TYPED(avgpool_backward_js, avgpool_bwd_t)
#undef TB_TYPED

}  // namespace

void init_nn(Napi::Env env, Napi::Object exports) {
  export_pair(env, exports, "conv2dForward", conv2d_forward_js);
  export_pair(env, exports, "conv2dBackward", conv2d_backward_js);
  export_pair(env, exports, "maxPool2dForward", maxpool_forward_js);
  export_pair(env, exports, "maxPool2dBackward", maxpool_backward_js);
  export_pair(env, exports, "avgPool2dForward", avgpool_forward_js);
  export_pair(env, exports, "avgPool2dBackward", avgpool_backward_js);
}

}  // namespace bind
}  // namespace tb
