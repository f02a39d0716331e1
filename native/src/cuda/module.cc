#include "cuda/module.h"

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <unordered_map>

#include "cuda/device.h"
#include "cuda/kernels/common.cu.h"
#include "cuda/kernels/elementwise.cu.h"
#include "cuda/kernels/nn.cu.h"
#include "cuda/kernels/optim.cu.h"
#include "cuda/kernels/random.cu.h"
#include "cuda/kernels/reduce.cu.h"

namespace tb {
namespace cuda {
namespace {

struct Module {
  CUmodule mod = nullptr;
  std::unordered_map<std::string, CUfunction> fns;
};

std::mutex g_mu;
Module g_mods[2];

// FNV-1a: a stable key for the on-disk cache (not a security boundary).
unsigned long long fnv(const std::string& s) {
  unsigned long long h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

void mkdirs(const std::string& path) {
  for (size_t i = 1; i <= path.size(); i++) {
    if (i == path.size() || path[i] == '/') mkdir(path.substr(0, i).c_str(), 0755);
  }
}

bool read_file(const std::string& path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  *out = ss.str();
  return !out->empty();
}

// Compiles for sm_XY to machine code (CUBIN) when NVRTC can; otherwise to PTX for compute_XY,
// which the driver finishes. Returns the image and whether it is PTX.
std::string compile(const Device& d, const std::string& src, bool* ptx) {
  const Nvrtc& n = d.rtc;
  nvrtcProgram prog = nullptr;
  if (n.createProgram(&prog, src.c_str(), "tensorbook_kernels.cu", 0, nullptr, nullptr) != 0) {
    throw CudaError("NVRTC could not create a program");
  }
  std::string arch = std::to_string(d.info.cc_major) + std::to_string(d.info.cc_minor);
  bool cubin = n.getCUBIN && n.getCUBINSize;
  std::string archOpt = std::string("--gpu-architecture=") + (cubin ? "sm_" : "compute_") + arch;
  const char* opts[] = {archOpt.c_str(), "--std=c++14", "-default-device"};
  nvrtcResult r = n.compileProgram(prog, 3, opts);
  if (r != 0) {
    size_t len = 0;
    n.getProgramLogSize(prog, &len);
    std::string log(len, '\0');
    if (len) n.getProgramLog(prog, &log[0]);
    n.destroyProgram(&prog);
    throw CudaError(std::string("NVRTC failed to compile the kernels for ") + archOpt + ": " +
                    n.getErrorString(r) + "\n" + log);
  }
  std::string image;
  size_t size = 0;
  if (cubin) {
    n.getCUBINSize(prog, &size);
    image.resize(size);
    n.getCUBIN(prog, &image[0]);
  } else {
    n.getPTXSize(prog, &size);
    image.resize(size);
    n.getPTX(prog, &image[0]);
  }
  n.destroyProgram(&prog);
  *ptx = !cubin;
  return image;
}

Module& module(bool f64) {
  Module& m = g_mods[f64 ? 1 : 0];
  if (m.mod) return m;
  Device& d = device();
  std::string src = kernel_source(f64);
  std::string key = std::to_string(fnv(src)) + "-nvrtc" + std::to_string(d.info.nvrtc_major) + "." +
                    std::to_string(d.info.nvrtc_minor) + "-sm" + std::to_string(d.info.cc_major) +
                    std::to_string(d.info.cc_minor);
  std::string dir = cache_dir();
  std::string path = dir.empty() ? "" : dir + "/" + key + ".bin";
  std::string image;
  bool cached = !path.empty() && read_file(path, &image);
  if (!cached) {
    bool ptx = false;
    image = compile(d, src, &ptx);
    if (!path.empty()) {
      mkdirs(dir);
      // Written under a temporary name and renamed, so a concurrent process never reads half.
      std::string tmp = path + ".tmp" + std::to_string(reinterpret_cast<uintptr_t>(&m));
      std::ofstream(tmp, std::ios::binary).write(image.data(), static_cast<std::streamsize>(image.size()));
      std::rename(tmp.c_str(), path.c_str());
    }
  }
  CUresult r = d.drv.cuModuleLoadData(&m.mod, image.data());
  if (r != CUDA_SUCCESS && cached) {
    // A stale or damaged cache entry: compile afresh once.
    bool ptx = false;
    image = compile(d, src, &ptx);
    r = d.drv.cuModuleLoadData(&m.mod, image.data());
  }
  check(r, "cuModuleLoadData (the NVRTC-compiled kernels)");
  return m;
}

}  // namespace

std::string kernel_source(bool f64) {
  return std::string("#define TB_F64 ") + (f64 ? "1" : "0") + "\n" + src::kCommon + src::kElementwise +
         src::kReduce + src::kNn + src::kOptim + src::kRandom;
}

std::string cache_dir() {
  const char* env = std::getenv("TENSORBOOK_CUDA_CACHE");
  if (env) return env;  // "" turns the disk cache off
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && *xdg) return std::string(xdg) + "/tensorbook/cuda";
  const char* home = std::getenv("HOME");
  return home && *home ? std::string(home) + "/.cache/tensorbook/cuda" : "";
}

CUfunction function(bool f64, const char* name) {
  std::lock_guard<std::mutex> lock(g_mu);
  Module& m = module(f64);
  auto it = m.fns.find(name);
  if (it != m.fns.end()) return it->second;
  CUfunction f = nullptr;
  check(device().drv.cuModuleGetFunction(&f, m.mod, name), name);
  m.fns.emplace(name, f);
  return f;
}

void launch(CUfunction f, long long n, std::vector<void*> args) {
  if (n <= 0) return;
  Device& d = device();
  const long long block = 256;
  // Enough blocks to fill every multiprocessor several times; the grid-stride loops cover the rest.
  long long cap = static_cast<long long>(d.info.multiprocessors) * 32;
  long long grid = (n + block - 1) / block;
  if (grid > cap) grid = cap;
  check(d.drv.cuLaunchKernel(f, static_cast<unsigned>(grid), 1, 1, static_cast<unsigned>(block), 1, 1, 0, d.stream,
                             args.data(), nullptr),
        "cuLaunchKernel");
}

}  // namespace cuda
}  // namespace tb
