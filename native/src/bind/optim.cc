// Binding of the fused optimizer updates (optim/optim.h):
//   optimizerStep(kind, hyper, ins, outs)   kind: "sgd" | "momentum" | "adam"
// `hyper` is an array of numbers (see optim.h), `ins` = [w, g, ...slots] and `outs` = [w', ...slots']
// arrays of one float type and one length; the outputs must not alias the inputs. Runs on the
// calling thread (the pool splits large variables) and returns true.
#include <string>
#include <vector>

#include "bind/bindings.h"
#include "bind/util.h"
#include "optim/optim.h"

namespace tb {
namespace bind {
namespace {

const char* const kKinds[] = {"sgd", "momentum", "adam"};
static_assert(sizeof(kKinds) / sizeof(kKinds[0]) == static_cast<size_t>(OptimKind::count), "optimizer names");

template <typename T>
Napi::Value step_t(const Napi::CallbackInfo& info, OptimKind kind, const std::vector<double>& hyper) {
  Napi::Env env = info.Env();
  Napi::Array ins = info[2].As<Napi::Array>(), outs = info[3].As<Napi::Array>();
  size_t slots = static_cast<size_t>(optim_slots(kind, hyper.data()));
  if (ins.Length() != 2 + slots || outs.Length() != 1 + slots) {
    throw Napi::RangeError::New(env, "optimizerStep: expected " + std::to_string(2 + slots) + " inputs and " +
                                         std::to_string(1 + slots) + " outputs");
  }
  std::vector<const T*> in(ins.Length());
  std::vector<T*> out(outs.Length());
  long n = -1;
  auto take = [&](Napi::Value v, const char* what) -> T* {
    if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != array_type<T>()) {
      throw Napi::TypeError::New(env, std::string("optimizerStep: ") + what + " arrays must all be of one float type");
    }
    auto a = v.As<Napi::TypedArrayOf<T>>();
    long len = static_cast<long>(a.ElementLength());
    if (n < 0) n = len;
    if (len != n) throw Napi::RangeError::New(env, "optimizerStep: the arrays differ in length");
    return a.Data();
  };
  for (uint32_t i = 0; i < ins.Length(); i++) in[i] = take(ins.Get(i), "input");
  for (uint32_t i = 0; i < outs.Length(); i++) out[i] = take(outs.Get(i), "output");
  for (T* o : out)
    for (const T* p : in)
      if (o == p && n > 0) throw Napi::RangeError::New(env, "optimizerStep: an output aliases an input");
  optim_step<T>(kind, hyper.data(), in.data(), out.data(), n);
  return Napi::Boolean::New(env, true);
}

Napi::Value optimizer_step(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!info[0].IsString()) throw Napi::TypeError::New(env, "optimizerStep: kind must be a string");
  std::string name = info[0].As<Napi::String>().Utf8Value();
  int k = -1;
  for (int i = 0; i < static_cast<int>(OptimKind::count); i++)
    if (name == kKinds[i]) k = i;
  if (k < 0) throw Napi::TypeError::New(env, "optimizerStep: unknown kind '" + name + "' (sgd, momentum, adam)");
  OptimKind kind = static_cast<OptimKind>(k);
  if (!info[1].IsArray() || !info[2].IsArray() || !info[3].IsArray()) {
    throw Napi::TypeError::New(env, "optimizerStep(kind, hyper, ins, outs) takes three arrays");
  }
  Napi::Array h = info[1].As<Napi::Array>();
  if (static_cast<int>(h.Length()) != optim_hyper_count(kind)) {
    throw Napi::RangeError::New(env, "optimizerStep: '" + name + "' takes " + std::to_string(optim_hyper_count(kind)) +
                                         " hyper-parameters");
  }
  std::vector<double> hyper(h.Length());
  for (uint32_t i = 0; i < h.Length(); i++) {
    Napi::Value v = h.Get(i);
    if (!v.IsNumber()) throw Napi::TypeError::New(env, "optimizerStep: hyper-parameters must be numbers");
    hyper[i] = v.As<Napi::Number>().DoubleValue();
  }
  Napi::Array ins = info[2].As<Napi::Array>();
  if (ins.Length() < 1) throw Napi::RangeError::New(env, "optimizerStep: no inputs");
  DType t = dtype_of(ins.Get(0u));
  if (t == DType::f32) return step_t<float>(info, kind, hyper);
  if (t == DType::f64) return step_t<double>(info, kind, hyper);
  throw Napi::TypeError::New(env, "optimizerStep works on Float32Array or Float64Array");
}

}  // namespace

void init_optim(Napi::Env env, Napi::Object exports) {
  exports.Set("optimizerStep", Napi::Function::New(env, optimizer_step, "optimizerStep"));
}

}  // namespace bind
}  // namespace tb
