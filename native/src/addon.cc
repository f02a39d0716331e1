// Module entry: the kernels' bindings plus what the engine needs to describe and tune the
// backend (instruction set, threads, caches).
#include <napi.h>

#include "bind/bindings.h"
#include "cpu.h"
#include "threadpool.h"

namespace tb {
namespace {

Napi::Value cpu_info_js(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const CpuInfo& c = cpu_info();
  Napi::Object o = Napi::Object::New(env);
  o.Set("vendor", c.vendor);
  o.Set("brand", c.brand);
  o.Set("isa", isa_name(active_isa()));
  o.Set("bestIsa", isa_name(best_isa()));
  o.Set("threads", ThreadPool::get().threads());
  o.Set("l1d", static_cast<double>(c.l1d));
  o.Set("l2", static_cast<double>(c.l2));
  o.Set("l3", static_cast<double>(c.l3));
  return o;
}

Napi::Value set_threads_js(const Napi::CallbackInfo& info) {
  if (!info[0].IsNumber()) throw Napi::TypeError::New(info.Env(), "setThreads takes a number");
  int n = info[0].As<Napi::Number>().Int32Value();
  return Napi::Number::New(info.Env(), ThreadPool::get().set_threads(n));
}

Napi::Value set_isa_js(const Napi::CallbackInfo& info) {
  Isa isa;
  if (!info[0].IsString() || !parse_isa(info[0].As<Napi::String>().Utf8Value(), &isa)) {
    throw Napi::TypeError::New(info.Env(), "setIsa takes \"generic\", \"avx2\" or \"avx512\"");
  }
  return Napi::String::New(info.Env(), isa_name(set_isa(isa)));
}

}  // namespace
}  // namespace tb

static Napi::Object Init(Napi::Env env, Napi::Object exports) {
  using namespace tb;
  exports.Set("abiVersion", Napi::Number::New(env, 1));
  exports.Set("cpuInfo", Napi::Function::New(env, cpu_info_js, "cpuInfo"));
  exports.Set("setThreads", Napi::Function::New(env, set_threads_js, "setThreads"));
  exports.Set("setIsa", Napi::Function::New(env, set_isa_js, "setIsa"));
  bind::init_gemm(env, exports);
  bind::init_elementwise(env, exports);
  bind::init_nn(env, exports);
  bind::init_optim(env, exports);
  bind::init_cuda(env, exports);
  bind::init_solvers(env, exports);
  bind::init_trees(env, exports);
  bind::init_memory(env, exports);
  return exports;
}

NODE_API_MODULE(tensorbook_native, Init)
