import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cond, matrixPower, norm, type NormOrd } from "../../../engine/src/linalg/index.js";
import { assertClose, dense, f64, group, num, type Encoded } from "./helpers.js";

const ordOf = (o: number | string | null): NormOrd =>
  o === null ? null : o === "fro" || o === "nuc" ? o : num(o);

describe("norm", () => {
  it("matches NumPy for vector and matrix orders, with and without axis", () => {
    for (const c of group<
      { x: Encoded; ord: number | string | null; axis: number | [number, number] | null; out: Encoded }[]
    >("norm")) {
      assertClose(
        norm(dense(c.x), ordOf(c.ord), { axis: c.axis }),
        c.out,
        1e-10,
        `ord ${c.ord} axis ${c.axis}`,
      );
    }
  });

  it("keeps reduced axes with keepdims", () => {
    const c = group<{ x: Encoded; out: Encoded }>("normKeepdims");
    assertClose(norm(dense(c.x), null, { axis: [0, 2], keepdims: true }), c.out, 1e-10);
  });

  it("raises NumPy's ValueErrors for bad orders and dimensions", () => {
    assert.throws(() => norm(f64([2], [1, 2]), "fro"), {
      name: "ValueError",
      message: "Invalid norm order 'fro' for vectors",
    });
    assert.throws(() => norm(f64([2, 2], [1, 2, 3, 4]), 3), { message: "Invalid norm order for matrices." });
    assert.throws(() => norm(f64([2, 1, 2], [1, 2, 3, 4]), 1), {
      message: "Improper number of dimensions to norm.",
    });
    assert.throws(() => norm(f64([2, 2], [1, 2, 3, 4]), null, { axis: [1, 1] }), {
      message: "Duplicate axes given.",
    });
  });
});

describe("cond", () => {
  it("matches NumPy for p = null, 1, 'fro', -2, inf, ill-conditioned, batched and non-square", () => {
    for (const c of group<{ a: Encoded; p: number | string | null; out: Encoded }[]>("cond")) {
      const tol = dense(c.out).data[0] > 1e6 ? 1e-6 : 1e-10;
      assertClose(cond(dense(c.a), ordOf(c.p)), c.out, tol, `cond p=${c.p}`);
    }
  });

  it("is infinite for a singular matrix", () => {
    assert.equal(cond(f64([2, 2], [1, 1, 1, 1]), 1).data[0], Infinity);
    assert.equal(cond(f64([2, 2], [0, 0, 0, 0])).data[0], Infinity);
  });
});

describe("matrixPower", () => {
  it("matches NumPy for n = 0, 1, 2, 5, -1, -3", () => {
    for (const c of group<{ a: Encoded; n: number; out: Encoded }[]>("matrixPower")) {
      assertClose(matrixPower(dense(c.a), c.n), c.out, 1e-10, `n=${c.n}`);
    }
  });

  it("rejects non-square matrices, singular negative powers and non-integer exponents", () => {
    assert.throws(() => matrixPower(f64([2, 3], [1, 2, 3, 4, 5, 6]), 2), {
      message: "Last 2 dimensions of the array must be square",
    });
    assert.throws(() => matrixPower(f64([2, 2], [1, 1, 1, 1]), -1), { message: "Singular matrix" });
    assert.throws(() => matrixPower(f64([2, 2], [1, 0, 0, 1]), 1.5), TypeError);
  });
});
