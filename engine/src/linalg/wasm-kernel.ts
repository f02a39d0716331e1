/**
 * GEMM micro-kernels in WebAssembly SIMD, written with the engine's byte-level assembler
 * (`../wasm/`), because JavaScript itself cannot issue vector instructions. Each kernel computes
 * one MR×NR tile of packed-A times packed-B over kc steps and stores it (overwriting) at `c`:
 *
 *   f64: MR = 4, NR = 4, f64x2 lanes, 8 accumulators;  f32: MR = 4, NR = 8, f32x4 lanes.
 *
 * The panels live in the module's own linear memory, so `gemm` packs straight into views of it.
 * When WebAssembly SIMD is unavailable `loadKernels` returns null and `gemm` uses plain JS.
 */
import { assemble, ValType, type Bytes, type WasmFunction, type WasmModule } from "../wasm/assembler.js";
import { code, ctl, f32x4, f64x2, i32, local, v128 } from "../wasm/instructions.js";
import { instantiate, type WasmMemory } from "../wasm/runtime.js";

/** An instantiated kernel set and its memory layout (byte offsets). */
export interface WasmKernels {
  memory: WasmMemory;
  f64: (kc: number, a: number, b: number, c: number) => void;
  f32: (kc: number, a: number, b: number, c: number) => void;
  tileOffset: number;
  aOffset: number;
  bOffset: number;
}

// One kernel. Params: kc(0), a(1), b(2), c(3); locals: 8 accumulators, 2 B vectors, 1 A splat.
function kernel(kind: "f64" | "f32"): WasmFunction {
  const lanes = kind === "f64" ? f64x2 : f32x4;
  const elt = lanes.bytes;
  const mr = 4;
  const nr = kind === "f64" ? 4 : 8;
  const acc = (i: number): number => 4 + i;
  const B0 = 12;
  const B1 = 13;
  const A = 14;
  const body: Bytes = code(
    ctl.block(),
    code(local.get(0), i32.eqz(), ctl.brIf(0)), // kc == 0 → exit
    ctl.loop(),
    code(local.get(2), v128.load(0), local.set(B0)),
    code(local.get(2), v128.load(16), local.set(B1)),
  );
  for (let i = 0; i < mr; i++) {
    body.push(...local.get(1), ...lanes.loadSplat(i * elt), ...local.set(A));
    for (const [k, Bv] of [
      [0, B0],
      [1, B1],
    ]) {
      const a = acc(2 * i + k);
      body.push(...code(local.get(a), local.get(A), local.get(Bv), lanes.mul(), lanes.add(), local.set(a)));
    }
  }
  body.push(
    ...code(local.get(1), i32.const(mr * elt), i32.add(), local.set(1)),
    ...code(local.get(2), i32.const(nr * elt), i32.add(), local.set(2)),
    ...code(local.get(0), i32.const(1), i32.sub(), local.tee(0), ctl.brIf(0)), // --kc, loop while non-zero
    ...ctl.end(),
    ...ctl.end(),
  );
  for (let i = 0; i < mr; i++) {
    for (let k = 0; k < 2; k++) {
      body.push(
        ...code(local.get(3), local.get(acc(2 * i + k)), v128.store((i * nr + (k * 16) / elt) * elt)),
      );
    }
  }
  return {
    name: kind,
    params: [ValType.i32, ValType.i32, ValType.i32, ValType.i32],
    results: [],
    locals: new Array<ValType>(11).fill(ValType.v128),
    body,
  };
}

/** The module: two kernels and an exported memory of `pages` 64 KiB pages. */
function kernelModule(pages: number): WasmModule {
  return { functions: [kernel("f64"), kernel("f32")], pages };
}

/** The module's bytes (for inspection; `loadKernels` instantiates it). */
export function kernelModuleBytes(pages: number): Uint8Array {
  return assemble(kernelModule(pages));
}

let cached: WasmKernels | null | undefined;

/**
 * Instantiates the kernels once, with room for an A panel of `aBytes` and a B panel of `bBytes`;
 * null where WebAssembly SIMD is missing (or `TENSORBOOK_NO_WASM` is set, to test the JS path).
 */
export function loadKernels(aBytes: number, bBytes: number): WasmKernels | null {
  if (cached !== undefined) return cached;
  const tileOffset = 0;
  const aOffset = 1024;
  const bOffset = aOffset + aBytes;
  const pages = Math.ceil((bOffset + bBytes) / 65536);
  const ex = instantiate(kernelModule(pages)) as {
    mem: WasmMemory;
    f64: WasmKernels["f64"];
    f32: WasmKernels["f32"];
  } | null;
  cached = ex && { memory: ex.mem, f64: ex.f64, f32: ex.f32, tileOffset, aOffset, bOffset };
  return cached;
}
