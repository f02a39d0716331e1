// Comparison of an engine result with an encoded NumPy result, with dtype-aware tolerances.
import assert from "node:assert/strict";
import { Tensor } from "tensorbook";
import { isArrayEnc, num, type Encoded, type ParityCase } from "./decode.js";

function close(got: number, want: number, rtol: number, atol: number): boolean {
  if (Number.isNaN(want)) return Number.isNaN(got);
  if (!Number.isFinite(want)) return got === want;
  return Math.abs(got - want) <= atol + rtol * Math.abs(want);
}

/** Asserts `got` equals the encoded `want` (shape, dtype, then values within tolerance). */
export function assertMatches(got: unknown, want: Encoded, c: ParityCase, path = "result"): void {
  if (isArrayEnc(want)) {
    let t: Tensor;
    if (got instanceof Tensor) t = got;
    else if (typeof got === "number" || typeof got === "boolean") {
      assert.deepEqual(want.shape, [], `${path}: got a scalar, NumPy gives shape (${want.shape.join(",")})`);
      assert.ok(
        close(Number(got), num(want.array[0]), c.rtol ?? 1e-12, c.atol ?? 0),
        `${path}: ${got} vs ${want.array[0]}`,
      );
      return;
    } else throw new assert.AssertionError({ message: `${path}: expected a tensor, got ${String(got)}` });
    assert.deepEqual([...t.shape], want.shape, `${path}: shape`);
    assert.equal(t.dtype, want.dtype, `${path}: dtype`);
    const data = t.dataSync();
    const exact = want.dtype === "int32" || want.dtype === "uint8" || want.dtype === "bool";
    const rtol = c.rtol ?? (exact ? 0 : want.dtype === "float32" ? 2e-6 : 1e-12);
    const atol = c.atol ?? (exact ? 0 : want.dtype === "float32" ? 1e-6 : 1e-14);
    for (let i = 0; i < data.length; i++) {
      const w = num(want.array[i]);
      if (!close(data[i], w, rtol, atol)) {
        assert.fail(`${path}[${i}] (flat): got ${data[i]}, NumPy gives ${w} (rtol ${rtol}, atol ${atol})`);
      }
    }
    return;
  }
  if (typeof want === "object" && want !== null && !Array.isArray(want) && "tuple" in want) {
    assert.ok(Array.isArray(got), `${path}: expected ${want.tuple.length} results`);
    assert.equal(got.length, want.tuple.length, `${path}: number of results`);
    want.tuple.forEach((w, i) => assertMatches(got[i], w, c, `${path}[${i}]`));
    return;
  }
  if (typeof want === "number") {
    const g = got instanceof Tensor ? Number(got.item()) : Number(got);
    assert.ok(close(g, want, c.rtol ?? 1e-12, c.atol ?? 0), `${path}: got ${g}, NumPy gives ${want}`);
    return;
  }
  assert.deepEqual(got, want, path);
}
