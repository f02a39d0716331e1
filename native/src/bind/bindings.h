// Each binding file adds its functions to the module's exports.
#pragma once
#include <napi.h>

namespace tb {
namespace bind {
void init_gemm(Napi::Env env, Napi::Object exports);
void init_elementwise(Napi::Env env, Napi::Object exports);
void init_nn(Napi::Env env, Napi::Object exports);
void init_optim(Napi::Env env, Napi::Object exports);
void init_cuda(Napi::Env env, Napi::Object exports);
void init_solvers(Napi::Env env, Napi::Object exports);
void init_trees(Napi::Env env, Napi::Object exports);
void init_memory(Napi::Env env, Napi::Object exports);
}  // namespace bind
}  // namespace tb
