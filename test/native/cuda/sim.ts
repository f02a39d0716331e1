// A simulated GPU for the tests that need CUDA kernels to run on a machine without one: the
// fake NVIDIA libraries (fakes/fake_cuda.cc with FAKE_SIM) where NVRTC hands the kernel source
// back as its "PTX", cuBLAS multiplies with plain loops, and the driver runs the exact CUDA C the
// addon would hand NVRTC, compiled here by g++ under the emulation prelude (emulate/prelude.h),
// one emulated thread at a time over the launch's real grid. Device memory is host memory.
//
// What it checks: everything above the kernels (engine ops and their dispatch, argument packing
// in the addon, geometry, strides, device storage, the allocator, Keras on the device) and the
// kernels' logic. What it cannot: the GPU's arithmetic, NVRTC itself, real concurrency, speed.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { binding } from "../helpers.js";

const here = fileURLToPath(new URL(".", import.meta.url));

/** The `__global__` kernels a source defines, directly or through a one-kernel macro. */
export function kernelNames(src: string): string[] {
  const names = [...src.matchAll(/extern "C" __global__ void (\w+)\(/g)].map((m) => m[1]);
  const macro = /#define (\w+)\((\w+),[^\n]*\\\n\s*extern "C" __global__ void (\w*)##\2\(/g;
  for (const [, name, , prefix] of src.matchAll(macro)) {
    for (const [, arg] of src.matchAll(new RegExp(`^${name}\\((\\w+),`, "gm"))) names.push(prefix + arg);
  }
  return [...new Set(names)].sort();
}

// sim_gpu.cc: both dtype modules in their own namespaces, and a table from kernel name to a
// launcher that unpacks cuLaunchKernel's argument pointers into the kernel's parameter types.
function simSource(src32: string, src64: string): string {
  const body = (src: string): string => src.replaceAll('extern "C" ', "");
  const names = kernelNames(src32);
  const table = (ns: string): string =>
    names.map((n) => `  {"${n}", &Sig<decltype(&${ns}::${n})>::call<&${ns}::${n}>},`).join("\n");
  return `#include <cstring>
#include <type_traits>
#include <utility>
#undef TB_F64
namespace tb_f32 {
${body(src32)}
}
#undef TB_F64
namespace tb_f64 {
${body(src64)}
}
namespace {
template <typename F> struct Sig;
template <typename... A> struct Sig<void (*)(A...)> {
  template <void (*K)(A...), size_t... I> static void unpack(void** p, std::index_sequence<I...>) {
    K(*static_cast<std::remove_cv_t<std::remove_reference_t<A>>*>(p[I])...);
  }
  template <void (*K)(A...)> static void call(void** p) { unpack<K>(p, std::index_sequence_for<A...>{}); }
};
struct Entry { const char* name; void (*call)(void**); };
const Entry k32[] = {
${table("tb_f32")}
};
const Entry k64[] = {
${table("tb_f64")}
};
}  // namespace
void* sim_find(bool f64, const char* name) {
  const Entry* t = f64 ? k64 : k32;
  for (size_t i = 0; i < sizeof(k32) / sizeof(k32[0]); i++)
    if (std::strcmp(t[i].name, name) == 0) return const_cast<Entry*>(&t[i]);
  return nullptr;
}
// The launch's grid, one emulated thread after another (kernels have no barriers or shared memory).
void sim_launch(void* fn, unsigned grid, unsigned block, void** params) {
  const Entry* e = static_cast<const Entry*>(fn);
  gridDim.x = grid;
  blockDim.x = block;
  for (unsigned b = 0; b < grid; b++)
    for (unsigned t = 0; t < block; t++) {
      blockIdx.x = b;
      threadIdx.x = t;
      e->call(params);
    }
}
`;
}

/** Paths of the simulated libraries (driver, cuBLAS, NVRTC). */
export interface SimGpu {
  cuda: string;
  cublas: string;
  nvrtc: string;
}

let built: SimGpu | undefined;

/**
 * Builds the simulated GPU's libraries with g++ (once per source version, cached under the
 * temp folder, so test files share one build). Needs the addon (for the kernel source) and g++.
 */
export function buildSimGpu(): SimGpu {
  if (built) return built;
  if (!binding) throw new Error("the native addon is needed to build the simulated GPU");
  const src32 = binding.cudaKernelSource("float32");
  const src64 = binding.cudaKernelSource("float64");
  const fake = readFileSync(join(here, "fakes", "fake_cuda.cc"), "utf8");
  const prelude = readFileSync(join(here, "emulate", "prelude.h"), "utf8");
  const sim = simSource(src32, src64);
  const key = createHash("sha256").update(fake).update(prelude).update(sim).digest("hex").slice(0, 16);
  const dir = join(tmpdir(), `tb-sim-gpu-${key}`);
  const out: SimGpu = {
    cuda: join(dir, "libcuda.so"),
    cublas: join(dir, "libcublas.so"),
    nvrtc: join(dir, "libnvrtc.so"),
  };
  if (!existsSync(dir)) {
    // Built in a private folder and renamed, so concurrent test files never see half a build.
    const work = `${dir}.${process.pid}`;
    mkdirSync(work, { recursive: true });
    writeFileSync(join(work, "sim_gpu.cc"), sim);
    const gxx = (args: string[], what: string): void => {
      const r = spawnSync("g++", ["-shared", "-fPIC", "-O1", "-std=c++17", ...args], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`building the simulated ${what} failed:\n${r.stderr}`);
    };
    const fakeSrc = join(here, "fakes", "fake_cuda.cc");
    gxx(
      [
        "-DFAKE_FULL",
        "-DFAKE_SIM",
        fakeSrc,
        "-include",
        join(here, "emulate", "prelude.h"),
        join(work, "sim_gpu.cc"),
        "-o",
        join(work, "libcuda.so"),
      ],
      "driver",
    );
    gxx(["-DFAKE_CUBLAS", "-DFAKE_SIM", fakeSrc, "-o", join(work, "libcublas.so")], "cuBLAS");
    gxx(["-DFAKE_NVRTC", "-DFAKE_SIM", fakeSrc, "-o", join(work, "libnvrtc.so")], "NVRTC");
    try {
      renameSync(work, dir);
    } catch {
      rmSync(work, { recursive: true, force: true }); // another process finished first
    }
  }
  return (built = out);
}

/** Env vars that put the addon on the simulated GPU (kernel disk cache off). */
export function simEnv(): Record<string, string> {
  const s = buildSimGpu();
  return {
    TENSORBOOK_CUDA_LIBCUDA: s.cuda,
    TENSORBOOK_CUDA_LIBCUBLAS: s.cublas,
    TENSORBOOK_CUDA_LIBNVRTC: s.nvrtc,
    TENSORBOOK_CUDA_CACHE: "",
  };
}
