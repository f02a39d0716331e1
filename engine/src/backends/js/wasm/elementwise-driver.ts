/**
 * Runs element-wise ops through the WebAssembly SIMD kernels when they apply: float32/float64
 * results, operands of the result's array type, each either contiguous (row-major from its
 * offset) or a broadcast scalar, and at least `MIN_WASM_ELEMENTS` elements. The operands are
 * copied chunk by chunk into the kernel module's memory (a `set` each: memcpy), computed in
 * place there and copied into the result; a chunk stays in cache between the three steps.
 * Anything else returns false and the caller runs its JavaScript loop.
 */
import type { DType, TypedArray } from "../../../core/dtype.js";
import { isRowMajor } from "../../../core/host.js";
import { WASM_BINARY_OPS, type BinaryMode, type WasmBinaryOp } from "./binary-kernels.js";
import { ACC, S, simdKernels, X, Y, type DtypeKernels } from "./module.js";

/**
 * Below this many elements the JavaScript loops are as fast: copying in and out and crossing
 * into WebAssembly cost more than the vector instructions save. Measured on x86-64 (Node 20)
 * per call on in-cache data: kernels break even at 128–256 elements and win 1.15–4× at 512
 * (float32 exp wins from 64).
 */
export const MIN_WASM_ELEMENTS = 512;

const BINARY = new Set<string>(WASM_BINARY_OPS);

/** The kernels for `dtype` if WebAssembly is usable and every array is of its array type. */
function kernelsFor(dtype: DType, arrays: readonly TypedArray[]): DtypeKernels | null {
  if (dtype !== "float64" && dtype !== "float32") return null;
  const k = simdKernels();
  if (!k) return null;
  const Arr = dtype === "float64" ? Float64Array : Float32Array;
  for (const a of arrays) if (!(a instanceof Arr)) return null;
  return dtype === "float64" ? k.f64 : k.f32;
}

// A stride of 0 on every non-trivial axis: one element broadcast over the whole shape.
function isScalar(shape: readonly number[], strides: readonly number[]): boolean {
  for (let d = 0; d < shape.length; d++) if (shape[d] !== 1 && strides[d] !== 0) return false;
  return true;
}

/** One operand of an element-wise op: its storage array and view. */
export interface Operand {
  readonly data: TypedArray;
  readonly offset: number;
  readonly strides: readonly number[];
}

/**
 * `out = op(a, b)` over `shape` through a SIMD kernel; false (and nothing written) when no
 * kernel applies.
 */
export function wasmBinary(
  op: string,
  dtype: DType,
  out: TypedArray,
  shape: readonly number[],
  a: Operand,
  b: Operand,
): boolean {
  if (out.length < MIN_WASM_ELEMENTS || !BINARY.has(op)) return false;
  const k = kernelsFor(dtype, [out, a.data, b.data]);
  if (!k) return false;
  const aC = isRowMajor(shape, a.strides);
  const bC = isRowMajor(shape, b.strides);
  let mode: BinaryMode;
  if (aC && bC) mode = "vv";
  else if (aC && isScalar(shape, b.strides)) mode = "vs";
  else if (bC && isScalar(shape, a.strides)) mode = "sv";
  else return false;
  const fn = k.binary(op as WasmBinaryOp, mode);
  const v = mode === "sv" ? b : a;
  if (mode !== "vv") k.s[0] = mode === "vs" ? b.data[b.offset] : a.data[a.offset];
  const n = out.length;
  const cap = k.cap;
  for (let i = 0; i < n; i += cap) {
    const m = Math.min(cap, n - i);
    k.x.set(v.data.subarray(v.offset + i, v.offset + i + m));
    if (mode === "vv") k.y.set(b.data.subarray(b.offset + i, b.offset + i + m));
    fn(X, mode === "vv" ? Y : S, m);
    out.set(m === cap ? k.x : k.x.subarray(0, m), i);
  }
  return true;
}

/**
 * `out = a * b + c` over `shape` through the SIMD kernel, every operand contiguous; false (and
 * nothing written) otherwise. Three chunks go in, one comes out: one pass over memory and one
 * result instead of the two of `mul` then `add`.
 */
export function wasmMulAdd(
  dtype: DType,
  out: TypedArray,
  shape: readonly number[],
  a: Operand,
  b: Operand,
  c: Operand,
): boolean {
  if (out.length < MIN_WASM_ELEMENTS) return false;
  const k = kernelsFor(dtype, [out, a.data, b.data, c.data]);
  if (!k || ![a, b, c].every((o) => isRowMajor(shape, o.strides))) return false;
  const n = out.length;
  const cap = k.cap;
  for (let i = 0; i < n; i += cap) {
    const m = Math.min(cap, n - i);
    k.x.set(a.data.subarray(a.offset + i, a.offset + i + m));
    k.y.set(b.data.subarray(b.offset + i, b.offset + i + m));
    k.acc.set(c.data.subarray(c.offset + i, c.offset + i + m));
    k.mulAdd(X, Y, ACC, m);
    out.set(m === cap ? k.x : k.x.subarray(0, m), i);
  }
  return true;
}

/** The unary ops with a SIMD kernel. */
const UNARY = new Set(["exp"]);

/** `out = op(a)` over `shape` through a SIMD kernel; false when no kernel applies. */
export function wasmUnary(
  op: string,
  dtype: DType,
  out: TypedArray,
  shape: readonly number[],
  a: Operand,
): boolean {
  if (out.length < MIN_WASM_ELEMENTS || !UNARY.has(op)) return false;
  const k = kernelsFor(dtype, [out, a.data]);
  if (!k || !isRowMajor(shape, a.strides)) return false;
  const n = out.length;
  const cap = k.cap;
  for (let i = 0; i < n; i += cap) {
    const m = Math.min(cap, n - i);
    k.x.set(a.data.subarray(a.offset + i, a.offset + i + m));
    k.exp(X, m);
    out.set(m === cap ? k.x : k.x.subarray(0, m), i);
  }
  return true;
}
