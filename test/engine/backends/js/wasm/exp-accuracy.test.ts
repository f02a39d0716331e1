import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { np } from "tensorbook";
import { wasmUnary } from "../../../../../engine/src/backends/js/wasm/elementwise-driver.js";
import { EXP_TABLE_SIZE, expTable } from "../../../../../engine/src/backends/js/wasm/exp-kernel.js";
import { simdKernels } from "../../../../../engine/src/backends/js/wasm/module.js";
import { onJsBackend } from "./helpers.js";

// Exact exp (mpmath, 200 bits) and NumPy's np.exp at the same arguments, from
// test/fixtures/numpy/make_exp_accuracy.py.
type Num = number | "nan" | "inf" | "-inf";
interface Block {
  x: Num[];
  exact: [Num, number][];
  numpy: Num[];
}
const fixture = JSON.parse(
  readFileSync(new URL("../../../../fixtures/numpy/accuracy/exp.json", import.meta.url), "utf8"),
) as Record<"float64" | "float32", Block>;
const num = (v: Num): number => (v === "nan" ? NaN : v === "inf" ? Infinity : v === "-inf" ? -Infinity : v);

// The spacing of the dtype's floats at |v| (subnormal spacing below the normal range).
function ulpOf(v: number, dtype: "float64" | "float32"): number {
  const [mant, minExp] = dtype === "float64" ? [52, -1022] : [23, -126];
  const a = Math.abs(v);
  const e = a === 0 ? minExp : Math.max(minExp, Math.floor(Math.log2(a)));
  // log2 can be off by one next to a power of two: settle on the binade holding a.
  const binade = 2 ** e > a && e > minExp ? e - 1 : 2 ** (e + 1) <= a ? e + 1 : e;
  return 2 ** (binade - mant);
}

/** |got − exact| in ulp of the exact value (0 for matching NaN or infinity). */
function ulpError(got: number, head: number, tail: number, dtype: "float64" | "float32"): number {
  if (Number.isNaN(head)) return Number.isNaN(got) ? 0 : Infinity;
  if (head === Infinity) return got === Infinity ? 0 : Infinity;
  if (!Number.isFinite(got)) {
    // Past float32's range the exact value rounds to ∞.
    return got === Infinity && dtype === "float32" && Math.fround(head) === Infinity ? 0 : Infinity;
  }
  return Math.abs(got - head - tail) / ulpOf(head, dtype);
}

function worstError(block: Block, got: ArrayLike<number>, dtype: "float64" | "float32") {
  let worst = 0;
  let at = 0;
  for (let i = 0; i < block.x.length; i++) {
    const [h, t] = block.exact[i];
    const e = ulpError(got[i], num(h), t, dtype);
    if (e > worst) {
      worst = e;
      at = num(block.x[i]);
    }
  }
  return { worst, at };
}

const available = simdKernels() !== null;

describe("exp accuracy against exact values and NumPy", { skip: !available && "no WebAssembly SIMD" }, () => {
  it("the float64 table holds 2^(j/128) as head + tail", () => {
    const t = expTable();
    assert.equal(t.length, 2 * EXP_TABLE_SIZE);
    for (let j = 0; j < EXP_TABLE_SIZE; j++) {
      // head + tail squared seven times is 2^j: exact to ~2^-100 relative (checked at 2^-90).
      const [h, l] = [t[2 * j], t[2 * j + 1]];
      assert.ok(Math.abs(l) <= ulpOf(h, "float64") / 2, `tail of entry ${j} is not below half an ulp`);
      assert.ok(Math.abs(h - 2 ** (j / 128)) <= ulpOf(h, "float64"), `head of entry ${j}`);
    }
    // 2^(1/2) and 2^(64/128): the same entry; its head is √2 rounded, its tail √2's next bits.
    assert.equal(t[128], Math.SQRT2);
    assert.ok(Math.abs(t[129] - -9.667293313452913e-17) < 1e-31);
  });

  for (const dtype of ["float64", "float32"] as const) {
    it(`${dtype}: no worse than NumPy, and float64 within 1 ulp of exact`, () => {
      const block = fixture[dtype];
      const Arr = dtype === "float64" ? Float64Array : Float32Array;
      const x = Arr.from(block.x.map(num));
      const got = new Arr(x.length);
      assert.ok(wasmUnary("exp", dtype, got, [x.length], { data: x, offset: 0, strides: [1] }));
      const ours = worstError(block, got, dtype);
      const theirs = worstError(block, block.numpy.map(num), dtype);
      const bound = dtype === "float64" ? 1 : Math.max(theirs.worst, 2);
      assert.ok(
        ours.worst <= bound,
        `worst ${ours.worst.toFixed(3)} ulp at exp(${ours.at}); NumPy ${theirs.worst.toFixed(3)} ulp`,
      );
      assert.ok(ours.worst <= Math.max(theirs.worst, 1));
      // The public op takes the same path and gives the same bits.
      const viaOp = onJsBackend(() => np.exp(np.array(x, { dtype })).dataSync());
      for (let i = 0; i < x.length; i++)
        assert.ok(Object.is(viaOp[i], got[i]) || (viaOp[i] !== viaOp[i] && got[i] !== got[i]));
    });
  }
});
