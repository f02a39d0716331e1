import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { NativeBinding, NativeCpuInfo } from "./binding.js";

export type {
  FloatArray,
  NativeBinding,
  NativeCpuInfo,
  NativeIsa,
  NativeKernels,
  NativeMemory,
  NativePoolStats,
  NativeOptimizer,
  NativeSolvers,
  NativeTree,
} from "./binding.js";
export type {
  CudaBinding,
  CudaConvGeometry,
  CudaFloat,
  CudaMemory,
  CudaPoolGeometry,
  CudaStatus,
} from "./cuda-binding.js";

/** What probing the compiled addon found. */
export interface NativeProbe {
  /** Whether the addon loaded in this process. */
  readonly available: boolean;
  /** Why it is unavailable, in words a learner can act on; empty when available. */
  readonly reason: string;
  /** The file that was tried. */
  readonly path: string;
  /** The addon's exports when it loaded. */
  readonly binding?: NativeBinding;
  /** The CPU as the addon sees it, when it loaded. */
  readonly cpu?: NativeCpuInfo;
}

/**
 * Where node-gyp puts the compiled addon inside this package; `TENSORBOOK_NATIVE_ADDON` points
 * elsewhere (the sanitizer build of scripts/native-sanitize.sh uses it).
 */
export const ADDON_PATH =
  process.env.TENSORBOOK_NATIVE_ADDON ||
  fileURLToPath(new URL("../build/Release/tensorbook_native.node", import.meta.url));

/** ABI of the bindings this package's TypeScript expects (native/src/addon.cc sets it). */
const ABI_VERSION = 1;

// Loads the addon in a throw-away process and runs a tiny product in every kernel variant; a
// binary that crashes (an illegal instruction, a bad build) takes down only that process.
const CHILD_CHECK = `
const b = require(process.argv[1]);
const info = b.cpuInfo();
for (const isa of ["generic", "avx2", "avx512"]) {
  if (b.setIsa(isa) !== isa) continue;
  for (const A of [Float32Array, Float64Array]) {
    const x = new A([1, 2, 3, 4]), y = new A([5, 6, 7, 8]), z = new A(4);
    b.gemm(x, 0, 2, 1, y, 0, 2, 1, z, 0, 2, 1, 2, 2, 2, 1, 0, 1, 0, 0, 0);
    if (z.join() !== "19,22,43,50") throw new Error(isa + " gemm gave " + z.join());
  }
}
process.stdout.write(JSON.stringify({ abi: b.abiVersion, isa: info.bestIsa }));
`;

interface ChildVerdict {
  ok: boolean;
  reason: string;
}

// The verdict is remembered next to the addon, keyed by the binary and the Node running it,
// so only the first process after a build pays for the extra process.
function stampFor(path: string): { file: string; key: string } {
  const st = statSync(path);
  return {
    file: join(path, "..", "probe-ok.json"),
    key: `${st.size}:${st.mtimeMs}:${process.version}:${process.arch}`,
  };
}

function probeInChild(path: string): ChildVerdict {
  const stamp = stampFor(path);
  try {
    if (existsSync(stamp.file) && readFileSync(stamp.file, "utf8") === stamp.key)
      return { ok: true, reason: "" };
  } catch {
    // An unreadable stamp only means probing again.
  }
  const r = spawnSync(process.execPath, ["-e", CHILD_CHECK, path], {
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, TENSORBOOK_NUM_THREADS: "1" },
  });
  if (r.error) return { ok: false, reason: `the native addon could not be checked: ${r.error.message}` };
  if (r.signal) return { ok: false, reason: `the native addon crashed a test process (${r.signal})` };
  if (r.status !== 0) {
    const lines = (r.stderr || "").trim().split("\n");
    const msg = lines.find((l) => /Error/.test(l)) ?? lines[0] ?? `exit code ${r.status}`;
    return { ok: false, reason: `the native addon failed to load: ${msg.trim()}` };
  }
  try {
    writeFileSync(stamp.file, stamp.key);
  } catch {
    // A read-only install just probes each time.
  }
  return { ok: true, reason: "" };
}

let probed: NativeProbe | undefined;

/**
 * Loads the compiled addon once and says whether it is usable: first in a child process (so a
 * bad binary cannot crash this one), then here. The engine calls this and falls back to its
 * TypeScript kernels when `available` is false.
 *
 * @example
 * ```ts
 * const { available, reason } = probeNative();
 * if (!available) console.log(`native kernels off: ${reason}`);
 * ```
 */
export function probeNative(): NativeProbe {
  return (probed ??= probeAddon(ADDON_PATH));
}

/**
 * Probes an addon file (the build's, or any other for tests): checks it in a child process,
 * then loads it here. Never throws; a missing, broken or crashing binary gives `available:
 * false` with the reason.
 */
export function probeAddon(path: string): NativeProbe {
  if (!existsSync(path)) {
    return {
      available: false,
      reason: "the native addon is not built (npm install builds it when a C++ compiler is present)",
      path,
    };
  }
  const verdict = probeInChild(path);
  if (!verdict.ok) return { available: false, reason: verdict.reason, path };
  try {
    const binding = createRequire(import.meta.url)(path) as NativeBinding;
    if (binding.abiVersion !== ABI_VERSION) {
      return {
        available: false,
        reason: `the native addon is out of date (ABI ${binding.abiVersion}, expected ${ABI_VERSION}): rebuild it with npm rebuild @tensorbook/native`,
        path,
      };
    }
    return { available: true, reason: "", path, binding, cpu: binding.cpuInfo() };
  } catch (err) {
    return { available: false, reason: `the native addon failed to load: ${(err as Error).message}`, path };
  }
}
