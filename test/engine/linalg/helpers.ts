// Shared by the linalg tests: the NumPy fixture, conversions and tolerant comparisons.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gemm, type Dense } from "../../../engine/src/linalg/index.js";

export interface Encoded {
  dtype: string;
  shape: number[];
  data: (number | string)[];
}

const path = fileURLToPath(new URL("../../fixtures/linalg/linalg.json", import.meta.url));
export const fixture = JSON.parse(readFileSync(path, "utf8")) as {
  numpy: string;
  cases: Record<string, unknown>;
};

/** One named group of fixture cases, typed by the caller. */
export function group<T>(name: string): T {
  const g = fixture.cases[name];
  if (g === undefined) throw new Error(`fixture has no group ${name}; rerun make_linalg.py`);
  return g as T;
}

export function num(x: number | string): number {
  return typeof x === "number" ? x : Number(x);
}

/** A fixture array as a Dense of its own dtype (integers become float64). */
export function dense(e: Encoded): Dense {
  const values = e.data.map(num);
  const data = e.dtype === "float32" ? Float32Array.from(values) : Float64Array.from(values);
  return { data, shape: [...e.shape] };
}

export function f64(shape: number[], values: number[]): Dense {
  return { data: Float64Array.from(values), shape };
}

/** Tolerance for a dtype: float64 1e-10, float32 1e-4 (relative, on well-conditioned problems). */
export function tolFor(d: Dense | Encoded): number {
  const dt = "dtype" in d ? d.dtype : d.data instanceof Float32Array ? "float32" : "float64";
  return dt === "float32" ? 1e-4 : 1e-10;
}

/** max |a − b| ≤ tol · max(1, max |b|), with the shapes equal. */
export function assertClose(
  actual: Dense,
  expected: Encoded | Dense,
  tol = tolFor(expected),
  what = "",
): void {
  const exp = "dtype" in expected ? dense(expected) : expected;
  assert.deepEqual(actual.shape, exp.shape, `${what} shape`);
  let scale = 1;
  for (const v of exp.data) if (Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
  for (let i = 0; i < exp.data.length; i++) {
    const a = actual.data[i];
    const b = exp.data[i];
    if (!Number.isFinite(b)) {
      assert.ok(Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)), `${what}[${i}]: ${a} vs ${b}`);
      continue;
    }
    assert.ok(Math.abs(a - b) <= tol * scale, `${what}[${i}]: ${a} vs ${b} (tol ${tol * scale})`);
  }
}

/** C = A·B for plain m×k and k×n float64 matrices (for invariants). */
export function mul(
  m: number,
  k: number,
  n: number,
  A: ArrayLike<number>,
  B: ArrayLike<number>,
  tA = false,
  tB = false,
): Float64Array {
  const C = new Float64Array(m * n);
  gemm(tA, tB, m, n, k, 1, Float64Array.from(A), tA ? m : k, Float64Array.from(B), tB ? k : n, 0, C, n);
  return C;
}

/** max |QᵀQ − I| for an m×c matrix with (supposedly) orthonormal columns. */
export function orthoError(m: number, c: number, Q: ArrayLike<number>): number {
  const G = mul(c, m, c, Q, Q, true, false);
  let e = 0;
  for (let i = 0; i < c; i++)
    for (let j = 0; j < c; j++) e = Math.max(e, Math.abs(G[i * c + j] - (i === j ? 1 : 0)));
  return e;
}

export function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** The matrices of a stacked Dense, as float64 slices. */
export function matrices(d: Dense): { m: number; n: number; list: Float64Array[] } {
  const m = d.shape[d.shape.length - 2];
  const n = d.shape[d.shape.length - 1];
  const list: Float64Array[] = [];
  for (let off = 0; off < d.data.length; off += m * n)
    list.push(Float64Array.from(d.data.subarray(off, off + m * n)));
  return { m, n, list };
}
