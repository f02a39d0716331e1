// Helpers shared by the JavaScript bindings: reading typed arrays without copying, checking
// that every element a kernel will touch lies inside its array (a wrong stride from JavaScript
// must raise an error, never read or write outside the buffer), and running kernels either on
// the calling thread or as napi async work that leaves the event loop free.
#pragma once
#include <napi.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cancel.h"

namespace tb {
namespace bind {

enum class DType { f32, f64, i32, u8, other };

inline DType dtype_of(const Napi::Value& v) {
  if (!v.IsTypedArray()) return DType::other;
  switch (v.As<Napi::TypedArray>().TypedArrayType()) {
    case napi_float32_array: return DType::f32;
    case napi_float64_array: return DType::f64;
    case napi_int32_array: return DType::i32;
    case napi_uint8_array: return DType::u8;
    default: return DType::other;
  }
}

// A typed array's elements, in place.
template <typename T>
struct View {
  T* data = nullptr;
  long length = 0;
};

template <typename T>
constexpr napi_typedarray_type array_type();
template <> constexpr napi_typedarray_type array_type<float>() { return napi_float32_array; }
template <> constexpr napi_typedarray_type array_type<double>() { return napi_float64_array; }
template <> constexpr napi_typedarray_type array_type<int32_t>() { return napi_int32_array; }
template <> constexpr napi_typedarray_type array_type<uint8_t>() { return napi_uint8_array; }

template <typename T>
View<T> view(const Napi::CallbackInfo& info, size_t i, const char* what) {
  Napi::Value v = info[i];
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != array_type<T>()) {
    throw Napi::TypeError::New(info.Env(), std::string(what) + " has the wrong array type");
  }
  auto a = v.As<Napi::TypedArrayOf<T>>();
  return {a.Data(), static_cast<long>(a.ElementLength())};
}

inline long int_arg(const Napi::CallbackInfo& info, size_t i, const char* what) {
  if (!info[i].IsNumber()) throw Napi::TypeError::New(info.Env(), std::string(what) + " must be a number");
  double d = info[i].As<Napi::Number>().DoubleValue();
  if (d != static_cast<double>(static_cast<long>(d))) {
    throw Napi::TypeError::New(info.Env(), std::string(what) + " must be an integer");
  }
  return static_cast<long>(d);
}

inline double num_arg(const Napi::CallbackInfo& info, size_t i, const char* what) {
  if (!info[i].IsNumber()) throw Napi::TypeError::New(info.Env(), std::string(what) + " must be a number");
  return info[i].As<Napi::Number>().DoubleValue();
}

inline std::vector<long> ints_arg(const Napi::CallbackInfo& info, size_t i, const char* what) {
  if (!info[i].IsArray()) throw Napi::TypeError::New(info.Env(), std::string(what) + " must be an array");
  Napi::Array a = info[i].As<Napi::Array>();
  std::vector<long> out(a.Length());
  for (uint32_t k = 0; k < a.Length(); k++) {
    Napi::Value v = a[k];
    if (!v.IsNumber()) throw Napi::TypeError::New(info.Env(), std::string(what) + " must hold numbers");
    out[k] = static_cast<long>(v.As<Napi::Number>().DoubleValue());
  }
  return out;
}

// Throws unless offset + sum(idx[d] * strides[d]) stays in [0, length) for every index.
inline void check_span(Napi::Env env, long length, long offset, const std::vector<long>& shape,
                       const std::vector<long>& strides, const char* what) {
  if (shape.size() != strides.size()) throw Napi::RangeError::New(env, std::string(what) + ": shape/strides mismatch");
  long lo = offset, hi = offset;
  for (size_t d = 0; d < shape.size(); d++) {
    if (shape[d] < 0) throw Napi::RangeError::New(env, std::string(what) + ": negative length");
    if (shape[d] == 0) return;  // nothing is touched
    long reach = (shape[d] - 1) * strides[d];
    if (reach < 0) lo += reach;
    else hi += reach;
  }
  if (lo < 0 || hi >= length) {
    throw Napi::RangeError::New(env, std::string(what) + ": the view reaches outside its array");
  }
}

// The optional cancel flag: an Int32Array whose element 0 is set to stop the kernel.
inline Cancel cancel_arg(const Napi::CallbackInfo& info, size_t i) {
  Cancel c;
  if (info.Length() > i && info[i].IsTypedArray()) {
    auto a = info[i].As<Napi::TypedArray>();
    if (a.TypedArrayType() != napi_int32_array || a.ElementLength() < 1) {
      throw Napi::TypeError::New(info.Env(), "the cancel flag must be an Int32Array of length >= 1");
    }
    c.flag = a.As<Napi::Int32Array>().Data();
  }
  return c;
}

// Async work: runs `fn` on a libuv worker thread and settles a promise with true (done) or
// false (stopped by the cancel flag). It holds references to the arrays it touches so the
// garbage collector cannot free them while the kernel runs.
class KernelJob : public Napi::AsyncWorker {
 public:
  KernelJob(Napi::Env env, std::function<bool()> fn, const Napi::CallbackInfo& info)
      : Napi::AsyncWorker(env), fn_(std::move(fn)), deferred_(Napi::Promise::Deferred::New(env)) {
    for (size_t i = 0; i < info.Length(); i++) {
      if (info[i].IsObject()) refs_.push_back(Napi::Persistent(info[i].As<Napi::Object>()));
    }
  }
  Napi::Promise promise() { return deferred_.Promise(); }

 protected:
  void Execute() override {
    try {
      finished_ = fn_();
    } catch (const std::exception& e) {
      SetError(e.what());
    }
  }
  void OnOK() override { deferred_.Resolve(Napi::Boolean::New(Env(), finished_)); }
  void OnError(const Napi::Error& e) override { deferred_.Reject(e.Value()); }

 private:
  std::function<bool()> fn_;
  Napi::Promise::Deferred deferred_;
  std::vector<Napi::ObjectReference> refs_;
  bool finished_ = false;
};

// Runs a prepared kernel now (returns a boolean) or as async work (returns a promise).
inline Napi::Value run(const Napi::CallbackInfo& info, bool async, std::function<bool()> fn) {
  if (!async) return Napi::Boolean::New(info.Env(), fn());
  auto* job = new KernelJob(info.Env(), std::move(fn), info);
  Napi::Promise p = job->promise();
  job->Queue();
  return p;
}

// Registers `name` (sync) and `nameAsync` for a binding taking `async` as its last parameter.
inline void export_pair(Napi::Env env, Napi::Object exports, const char* name,
                        Napi::Value (*fn)(const Napi::CallbackInfo&, bool)) {
  exports.Set(name, Napi::Function::New(env, [fn](const Napi::CallbackInfo& info) { return fn(info, false); }, name));
  std::string async_name = std::string(name) + "Async";
  exports.Set(async_name, Napi::Function::New(
                              env, [fn](const Napi::CallbackInfo& info) { return fn(info, true); }, async_name));
}

}  // namespace bind
}  // namespace tb
