// gemm(a, aOff, rsa, csa, b, bOff, rsb, csb, c, cOff, rsc, csc, m, n, k, alpha, beta,
//      batch, sba, sbb, sbc, cancel?, packA?) -> boolean; gemmAsync(...) -> Promise<boolean>.
// All three arrays are Float32Array or all Float64Array; strides and offsets are in elements.
// packA (tests): A goes through the pre-packed entry (GemmArgs::pack_a), a packer reading it
// through its strides (pack_a_columns when its columns are contiguous); batch must be 1.
#include "bind/bindings.h"
#include "bind/util.h"
#include "gemm/gemm.h"

namespace tb {
namespace bind {
namespace {

// The packer behind packA: A read through its strides into the kernels' panels.
template <typename T>
struct StridedA {
  const T* a;
  long rs, cs;
  static void pack(const void* ctx, long i0, long p0, long mc, long kc, int mr, T* dst) {
    const StridedA& s = *static_cast<const StridedA*>(ctx);
    if (s.rs == 1) return pack_a_columns<T>([&](long p) { return s.a + p * s.cs; }, i0, p0, mc, kc, mr, dst);
    const long rows = (mc + mr - 1) / mr * mr;
    for (long p = 0; p < kc; p++)
      for (long i = 0; i < rows; i++)
        dst[i / mr * mr * kc + p * mr + i % mr] = i < mc ? s.a[(i0 + i) * s.rs + (p0 + p) * s.cs] : T(0);
  }
};

template <typename T>
Napi::Value gemm_typed(const Napi::CallbackInfo& info, bool async) {
  Napi::Env env = info.Env();
  View<T> a = view<T>(info, 0, "a"), b = view<T>(info, 4, "b"), c = view<T>(info, 8, "c");
  GemmArgs<T> g;
  long ao = int_arg(info, 1, "aOff"), bo = int_arg(info, 5, "bOff"), co = int_arg(info, 9, "cOff");
  g.rsa = int_arg(info, 2, "rsa"), g.csa = int_arg(info, 3, "csa");
  g.rsb = int_arg(info, 6, "rsb"), g.csb = int_arg(info, 7, "csb");
  g.rsc = int_arg(info, 10, "rsc"), g.csc = int_arg(info, 11, "csc");
  g.m = int_arg(info, 12, "m"), g.n = int_arg(info, 13, "n"), g.k = int_arg(info, 14, "k");
  g.alpha = static_cast<T>(num_arg(info, 15, "alpha"));
  g.beta = static_cast<T>(num_arg(info, 16, "beta"));
  g.batch = int_arg(info, 17, "batch");
  g.sba = int_arg(info, 18, "sba"), g.sbb = int_arg(info, 19, "sbb"), g.sbc = int_arg(info, 20, "sbc");
  if (g.m < 0 || g.n < 0 || g.k < 0 || g.batch < 0) throw Napi::RangeError::New(env, "gemm: negative size");
  check_span(env, a.length, ao, {g.batch, g.m, g.k}, {g.sba, g.rsa, g.csa}, "gemm A");
  check_span(env, b.length, bo, {g.batch, g.k, g.n}, {g.sbb, g.rsb, g.csb}, "gemm B");
  check_span(env, c.length, co, {g.batch, g.m, g.n}, {g.sbc, g.rsc, g.csc}, "gemm C");
  g.a = a.data + ao;
  g.b = b.data + bo;
  g.c = c.data + co;
  Cancel cancel = cancel_arg(info, 21);
  if (info.Length() > 22 && info[22].ToBoolean().Value()) {
    if (g.batch != 1) throw Napi::RangeError::New(env, "gemm: packA needs batch 1");
    StridedA<T> sa{g.a, g.rsa, g.csa};
    return run(info, async, [g, cancel, sa]() mutable {
      g.pack_a = &StridedA<T>::pack;
      g.pack_ctx = &sa;
      return gemm<T>(g, cancel);
    });
  }
  return run(info, async, [g, cancel] { return gemm<T>(g, cancel); });
}

Napi::Value gemm_binding(const Napi::CallbackInfo& info, bool async) {
  if (info.Length() < 21) throw Napi::TypeError::New(info.Env(), "gemm takes 21 arguments (and a cancel flag)");
  DType t = dtype_of(info[0]);
  if (t == DType::f32) return gemm_typed<float>(info, async);
  if (t == DType::f64) return gemm_typed<double>(info, async);
  throw Napi::TypeError::New(info.Env(), "gemm works on Float32Array or Float64Array");
}

// peakGflops(dtype, threads, seconds): register-only multiply-add throughput of the active
// kernel variant, the "peak" the benchmarks report fractions of.
Napi::Value peak_binding(const Napi::CallbackInfo& info) {
  bool f64 = info[0].IsString() && info[0].As<Napi::String>().Utf8Value() == "float64";
  int threads = static_cast<int>(int_arg(info, 1, "threads"));
  double seconds = num_arg(info, 2, "seconds");
  if (threads < 1 || seconds <= 0 || seconds > 10) throw Napi::RangeError::New(info.Env(), "peakGflops: bad arguments");
  return Napi::Number::New(info.Env(), peak_gflops(f64, threads, seconds));
}

}  // namespace

void init_gemm(Napi::Env env, Napi::Object exports) {
  export_pair(env, exports, "gemm", gemm_binding);
  exports.Set("peakGflops", Napi::Function::New(env, peak_binding, "peakGflops"));
}

}  // namespace bind
}  // namespace tb
