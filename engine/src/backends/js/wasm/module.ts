/**
 * The `js` backend's WebAssembly SIMD kernel module: element-wise ops and reductions on float64
 * and float32, assembled and instantiated once, on first use. Its memory holds fixed regions the
 * drivers copy chunks of tensors into and results out of (see docs/np.md, Backends, for why
 * tensors are not stored in WebAssembly memory):
 *
 *   X [0, C)   first operand / in-place results      Y [C, 2C)   second operand / row results
 *   ACC [2C, 3C)  column sums (float64) or column extremes (values, then row indices at +C/2);
 *                 the third operand of `mulAdd`
 *   S [3C, 3C+16)  a broadcast scalar                  EXP_TABLE  the float64 exp table (2 KiB)
 *
 * The memory never grows, so the typed-array views made here stay valid.
 */
import type { WasmFunction } from "../../../wasm/assembler.js";
import { f32x4, f64x2, type FloatLanes } from "../../../wasm/instructions.js";
import { instantiate, type WasmMemory } from "../../../wasm/runtime.js";
import {
  binaryKernel,
  mulAddKernel,
  WASM_BINARY_OPS,
  type BinaryMode,
  type WasmBinaryOp,
} from "./binary-kernels.js";
import { EXP_TABLE_BYTES, expKernel, expTable } from "./exp-kernel.js";
import {
  argColsKernel,
  argFastKernel,
  argKernel,
  argRowsKernel,
  colSumKernel,
  pairwiseKernel,
  sumRowsKernel,
} from "./reduce-kernels.js";

/**
 * Bytes per region. A chunk of each operand stays in L2 (about) while the kernel runs over it.
 * Smaller chunks cost more than their count explains (per chunk: two typed-array views, a call):
 * measured on 10⁷ float64 through the public ops (CPU time, x86-64, Node 20), 64 KiB chunks
 * cost exp 64–67 ms and mul 35–59 ms, 512 KiB chunks 41–43 ms and 30 ms; sums and argmax gain
 * 5–10%, float32 ops are unchanged.
 */
export const CHUNK_BYTES = 512 * 1024;

/** Byte offsets of the memory regions. */
export const X = 0;
export const Y = CHUNK_BYTES;
export const ACC = 2 * CHUNK_BYTES;
export const S = 3 * CHUNK_BYTES;
/** The float64 exp table (`expTable`), 16-byte aligned after the scalar slot. */
export const EXP_TABLE = S + 16;

type Binary = (x: number, y: number, n: number) => void;
type Rows = (p: number, rows: number, B: number, out: number) => void;
type Cols = (p: number, rows: number, M: number, acc: number, row0: number) => void;

/** Where the column-extreme kernels keep their row indices: this many bytes after the values. */
export const ARG_COLS_HALF = CHUNK_BYTES / 2;

/** The kernels for one float dtype, and views of the regions as that dtype's array. */
export interface DtypeKernels {
  /** Elements per region. */
  readonly cap: number;
  /** Region X and Y as the dtype's typed array (full length: `cap`). */
  readonly x: Float64Array | Float32Array;
  readonly y: Float64Array | Float32Array;
  /** The broadcast-scalar slot. */
  readonly s: Float64Array | Float32Array;
  binary(op: WasmBinaryOp, mode: BinaryMode): Binary;
  /** `x = x * y + z` over n elements at byte addresses x, y, z. */
  readonly mulAdd: (x: number, y: number, z: number, n: number) => void;
  readonly exp: (x: number, n: number) => void;
  readonly pw: (p: number, n: number) => number;
  readonly sumRows: Rows;
  readonly colSum: Rows;
  readonly arg: Readonly<Record<"max" | "min", (p: number, n: number) => number>>;
  readonly argRows: Readonly<Record<"max" | "min", Rows>>;
  readonly argCols: Readonly<Record<"max" | "min", Cols>>;
  /** Region ACC as the dtype's array: the column kernels' running extremes. */
  readonly acc: Float64Array | Float32Array;
}

/** The instantiated module: kernels per dtype and float64/int32 views of the result regions. */
export interface SimdKernels {
  readonly f64: DtypeKernels;
  readonly f32: DtypeKernels;
  /** ACC as float64 accumulators. */
  readonly acc: Float64Array;
  /** ACC as int32: the column kernels' row indices start at ARG_COLS_HALF / 4. */
  readonly accI32: Int32Array;
  /** Y as float64 row results and as int32 row indices. */
  readonly rowsF64: Float64Array;
  readonly rowsI32: Int32Array;
}

const sfx = (L: FloatLanes): string => (L.lanes === 2 ? "f64" : "f32");

/** Every kernel of the module, in function-index order (`call` needs the indices). */
export function simdFunctions(): WasmFunction[] {
  const fns: WasmFunction[] = [];
  for (const L of [f64x2, f32x4]) {
    for (const op of WASM_BINARY_OPS)
      for (const mode of ["vv", "vs", "sv"] as const) fns.push(binaryKernel(op, L, mode));
    fns.push(mulAddKernel(L));
    fns.push(expKernel(L, EXP_TABLE));
    const pw = fns.length;
    fns.push(pairwiseKernel(L, pw));
    fns.push(sumRowsKernel(L, pw));
    fns.push(colSumKernel(L));
    for (const kind of ["max", "min"] as const) {
      const exact = fns.length;
      fns.push(argKernel(L, kind));
      const arg = fns.length;
      fns.push(argFastKernel(L, kind, exact));
      fns.push(argRowsKernel(L, kind, arg));
      fns.push(argColsKernel(L, kind, ARG_COLS_HALF));
    }
  }
  return fns;
}

function dtypeKernels(ex: Record<string, unknown>, buffer: ArrayBuffer, L: FloatLanes): DtypeKernels {
  const t = sfx(L);
  const Arr = L.lanes === 2 ? Float64Array : Float32Array;
  const cap = CHUNK_BYTES / L.bytes;
  const fn = <F>(name: string): F => ex[`${name}_${t}`] as F;
  return {
    cap,
    x: new Arr(buffer, X, cap),
    y: new Arr(buffer, Y, cap),
    s: new Arr(buffer, S, 1),
    binary: (op, mode) => fn<Binary>(`${op}_${mode}`),
    mulAdd: fn("muladd"),
    exp: fn("exp"),
    pw: fn("pw"),
    sumRows: fn("sumrows"),
    colSum: fn("colsum"),
    arg: { max: fn("argmax"), min: fn("argmin") },
    argRows: { max: fn("argmaxrows"), min: fn("argminrows") },
    argCols: { max: fn("argmaxcols"), min: fn("argmincols") },
    acc: new Arr(buffer, ACC, cap),
  };
}

let cached: SimdKernels | null | undefined;
let enabled = true;

/**
 * Turns the kernels off (the JavaScript loops run) or back on, for side-by-side measurements
 * and tests in one process; `TENSORBOOK_NO_WASM=1` turns them off for the whole process.
 */
export function setSimdKernelsEnabled(on: boolean): void {
  enabled = on;
}

/** The kernels, instantiated on first call; null without WebAssembly SIMD or with TENSORBOOK_NO_WASM. */
export function simdKernels(): SimdKernels | null {
  if (!enabled) return null;
  if (cached !== undefined) return cached;
  const ex = instantiate({
    functions: simdFunctions(),
    pages: Math.ceil((EXP_TABLE + EXP_TABLE_BYTES) / 65536),
  });
  if (!ex) return (cached = null);
  const buffer = (ex.mem as WasmMemory).buffer;
  new Float64Array(buffer, EXP_TABLE, EXP_TABLE_BYTES / 8).set(expTable());
  cached = {
    f64: dtypeKernels(ex, buffer, f64x2),
    f32: dtypeKernels(ex, buffer, f32x4),
    acc: new Float64Array(buffer, ACC, CHUNK_BYTES / 8),
    accI32: new Int32Array(buffer, ACC, CHUNK_BYTES / 4),
    rowsF64: new Float64Array(buffer, Y, CHUNK_BYTES / 8),
    rowsI32: new Int32Array(buffer, Y, CHUNK_BYTES / 4),
  };
  return cached;
}
