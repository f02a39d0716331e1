// Result arrays from the recycling block pool (mem/pool.h).
//   allocFloat(dtype, n)   a new Float32Array/Float64Array of n elements, contents undefined
//   poolStats()            what the pool holds and has done
//   poolTrim(idleSeconds)  unmaps free blocks idle at least that long (0: all)
//   poolConfig({ maxFreeBytes?, hugePages?, idleSeconds? })  changes the limits; returns poolStats()
//
// The array's ArrayBuffer owns its block through a V8 backing store whose deleter returns the
// block to the pool. V8 calls it when the backing store dies, i.e. when no ArrayBuffer and no
// view of it is reachable any more (a view keeps its buffer alive), and it calls it right at the
// garbage collection that found it dead (on a sweeper thread or this one). Node-API's external
// array buffers would defer that to the event loop, so a long synchronous loop of ops (a training
// loop in one notebook cell) would never get a block back; hence the V8 API for this one call.
#include <napi.h>
#include <v8.h>

#include <string>

#include "bind/bindings.h"
#include "mem/pool.h"

namespace tb {
namespace bind {
namespace {

using mem::BlockPool;

void give_back(void* data, size_t /*length*/, void* cap) {
  BlockPool::get().release(data, reinterpret_cast<size_t>(cap));
}

Napi::Value alloc_float(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string dtype = info[0].IsString() ? info[0].As<Napi::String>().Utf8Value() : "";
  if (dtype != "float32" && dtype != "float64") {
    throw Napi::TypeError::New(env, "allocFloat: dtype must be \"float32\" or \"float64\"");
  }
  double dn = info[1].IsNumber() ? info[1].As<Napi::Number>().DoubleValue() : -1;
  size_t elem = dtype == "float32" ? 4 : 8;
  if (!(dn >= 1) || dn != static_cast<double>(static_cast<int64_t>(dn)) || dn > 9007199254740991.0 / 8) {
    throw Napi::RangeError::New(env, "allocFloat: n must be a positive integer");
  }
  size_t n = static_cast<size_t>(dn), bytes = n * elem, cap = 0;
  void* p = BlockPool::get().acquire(bytes, &cap);
  if (!p) throw Napi::RangeError::New(env, "allocFloat: out of memory for " + std::to_string(bytes) + " bytes");

  v8::Isolate* isolate = v8::Isolate::GetCurrent();
  std::shared_ptr<v8::BackingStore> store =
      v8::ArrayBuffer::NewBackingStore(p, bytes, give_back, reinterpret_cast<void*>(cap));
  v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, store);
  v8::Local<v8::Value> arr;
  if (elem == 4) arr = v8::Float32Array::New(ab, 0, n);
  else arr = v8::Float64Array::New(ab, 0, n);
  // A napi_value is a v8::Local's slot in the current handle scope (Node's own Node-API
  // implementation converts them the same way).
  return Napi::Value(env, reinterpret_cast<napi_value>(*arr));
}

Napi::Value stats_object(Napi::Env env) {
  mem::PoolStats s = BlockPool::get().stats();
  Napi::Object o = Napi::Object::New(env);
  o.Set("freeBytes", static_cast<double>(s.free_bytes));
  o.Set("freeBlocks", static_cast<double>(s.free_blocks));
  o.Set("liveBytes", static_cast<double>(s.live_bytes));
  o.Set("liveBlocks", static_cast<double>(s.live_blocks));
  o.Set("hits", static_cast<double>(s.hits));
  o.Set("misses", static_cast<double>(s.misses));
  o.Set("unmapped", static_cast<double>(s.unmapped));
  o.Set("maxFreeBytes", static_cast<double>(s.max_free_bytes));
  o.Set("hugePages", s.huge_pages);
  o.Set("idleSeconds", s.idle_s);
  return o;
}

Napi::Value pool_stats(const Napi::CallbackInfo& info) { return stats_object(info.Env()); }

Napi::Value pool_trim(const Napi::CallbackInfo& info) {
  double idle = info.Length() > 0 && info[0].IsNumber() ? info[0].As<Napi::Number>().DoubleValue() : 0;
  BlockPool::get().trim(idle > 0 ? idle : 0);
  return stats_object(info.Env());
}

Napi::Value pool_config(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() > 0 && info[0].IsObject()) {
    Napi::Object o = info[0].As<Napi::Object>();
    Napi::Value m = o.Get("maxFreeBytes"), h = o.Get("hugePages");
    if (m.IsNumber()) {
      double v = m.As<Napi::Number>().DoubleValue();
      if (!(v >= 0)) throw Napi::RangeError::New(env, "poolConfig: maxFreeBytes must be >= 0");
      BlockPool::get().set_max_free_bytes(static_cast<size_t>(v));
    }
    if (h.IsBoolean()) BlockPool::get().set_huge_pages(h.As<Napi::Boolean>().Value());
    Napi::Value idle = o.Get("idleSeconds");
    if (idle.IsNumber()) {
      double v = idle.As<Napi::Number>().DoubleValue();
      if (!(v >= 0)) throw Napi::RangeError::New(env, "poolConfig: idleSeconds must be >= 0");
      BlockPool::get().set_idle_seconds(v);
    }
  }
  return stats_object(env);
}

}  // namespace

void init_memory(Napi::Env env, Napi::Object exports) {
  exports.Set("allocFloat", Napi::Function::New(env, alloc_float, "allocFloat"));
  exports.Set("poolStats", Napi::Function::New(env, pool_stats, "poolStats"));
  exports.Set("poolTrim", Napi::Function::New(env, pool_trim, "poolTrim"));
  exports.Set("poolConfig", Napi::Function::New(env, pool_config, "poolConfig"));
}

}  // namespace bind
}  // namespace tb
