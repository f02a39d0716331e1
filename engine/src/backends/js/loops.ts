import type { TypedArray } from "../../core/dtype.js";

// Element-wise loops generated from a small expression per op (`x + y`, `Math.exp(x)`), one
// compiled function per op and dtype combination, so every loop stays monomorphic and V8 keeps
// it as tight as hand-written code. The generated code only walks the operands; the expression
// comes from this backend's own op tables, never from user input.

/** A compiled binary loop: writes `expr(a[i], b[j])` into the row-major `out`. */
export type BinaryLoop = (
  out: TypedArray,
  a: TypedArray,
  aOff: number,
  aStrides: readonly number[],
  b: TypedArray,
  bOff: number,
  bStrides: readonly number[],
  shape: readonly number[],
) => void;

/** A compiled unary loop: writes `expr(a[i])` into the row-major `out`. */
export type UnaryLoop = (
  out: TypedArray,
  a: TypedArray,
  aOff: number,
  aStrides: readonly number[],
  shape: readonly number[],
  param: number,
) => void;

const binaryCache = new Map<string, BinaryLoop>();
const unaryCache = new Map<string, UnaryLoop>();

// The innermost axis runs as a plain loop; the outer axes advance like an odometer. A stride of
// 0 is how broadcasting reaches here. Fully contiguous and scalar operands get their own loops.
function binarySource(expr: string): string {
  return `
    const n = out.length;
    if (n === 0) return;
    const nd = shape.length;
    let aC = true, bC = true, aS = true, bS = true;
    { let ea = 1, eb = 1;
      for (let d = nd - 1; d >= 0; d--) {
        if (shape[d] !== 1) {
          if (aStrides[d] !== ea) aC = false;
          if (bStrides[d] !== eb) bC = false;
          if (aStrides[d] !== 0) aS = false;
          if (bStrides[d] !== 0) bS = false;
        }
        ea *= shape[d]; eb *= shape[d];
      } }
    if (aC && bC) {
      for (let i = 0; i < n; i++) { const x = a[aOff + i], y = b[bOff + i]; out[i] = ${expr}; }
      return;
    }
    if (aC && bS) {
      const y = b[bOff];
      for (let i = 0; i < n; i++) { const x = a[aOff + i]; out[i] = ${expr}; }
      return;
    }
    if (aS && bC) {
      const x = a[aOff];
      for (let i = 0; i < n; i++) { const y = b[bOff + i]; out[i] = ${expr}; }
      return;
    }
    const last = nd - 1;
    const inner = shape[last], sa = aStrides[last], sb = bStrides[last];
    const idx = new Array(nd).fill(0);
    let pa = aOff, pb = bOff, o = 0;
    const outer = n / inner;
    for (let k = 0; k < outer; k++) {
      let ia = pa, ib = pb;
      for (let i = 0; i < inner; i++, ia += sa, ib += sb) { const x = a[ia], y = b[ib]; out[o++] = ${expr}; }
      for (let d = last - 1; d >= 0; d--) {
        idx[d]++; pa += aStrides[d]; pb += bStrides[d];
        if (idx[d] < shape[d]) break;
        pa -= aStrides[d] * shape[d]; pb -= bStrides[d] * shape[d]; idx[d] = 0;
      }
    }`;
}

function unarySource(expr: string): string {
  return `
    const n = out.length;
    if (n === 0) return;
    const nd = shape.length;
    let aC = true;
    { let e = 1;
      for (let d = nd - 1; d >= 0; d--) { if (shape[d] !== 1 && aStrides[d] !== e) aC = false; e *= shape[d]; } }
    if (aC) {
      for (let i = 0; i < n; i++) { const x = a[aOff + i]; out[i] = ${expr}; }
      return;
    }
    const last = nd - 1;
    const inner = shape[last], sa = aStrides[last];
    const idx = new Array(nd).fill(0);
    let pa = aOff, o = 0;
    const outer = n / inner;
    for (let k = 0; k < outer; k++) {
      let ia = pa;
      for (let i = 0; i < inner; i++, ia += sa) { const x = a[ia]; out[o++] = ${expr}; }
      for (let d = last - 1; d >= 0; d--) {
        idx[d]++; pa += aStrides[d];
        if (idx[d] < shape[d]) break;
        pa -= aStrides[d] * shape[d]; idx[d] = 0;
      }
    }`;
}

/** The loop computing `expr` (in `x`, `y`) for one combination of array types. */
export function binaryLoop(key: string, expr: string): BinaryLoop {
  let loop = binaryCache.get(key);
  if (!loop) {
    loop = new Function(
      "out",
      "a",
      "aOff",
      "aStrides",
      "b",
      "bOff",
      "bStrides",
      "shape",
      binarySource(expr),
    ) as BinaryLoop;
    binaryCache.set(key, loop);
  }
  return loop;
}

/** The loop computing `expr` (in `x` and the scalar `p`) for one combination of array types. */
export function unaryLoop(key: string, expr: string): UnaryLoop {
  let loop = unaryCache.get(key);
  if (!loop) {
    loop = new Function("out", "a", "aOff", "aStrides", "shape", "p", unarySource(expr)) as UnaryLoop;
    unaryCache.set(key, loop);
  }
  return loop;
}

/** A compiled gather of single elements: `out[b] = src[base + off[b]]` for every b. */
export type TakeLoop = (out: TypedArray, src: TypedArray, base: number, off: Float64Array) => void;

const takeCache = new Map<string, TakeLoop>();

/**
 * The element gather for one (output, source) array-type pair: one function per pair keeps the
 * element accesses monomorphic (a shared loop over every dtype is several times slower).
 */
export function takeLoop(out: TypedArray, src: TypedArray): TakeLoop {
  const key = `${out.constructor.name}:${src.constructor.name}`;
  let loop = takeCache.get(key);
  if (!loop) {
    loop = new Function(
      "out",
      "src",
      "base",
      "off",
      "for (let b = 0, n = off.length; b < n; b++) out[b] = src[base + off[b]];",
    ) as TakeLoop;
    takeCache.set(key, loop);
  }
  return loop;
}
