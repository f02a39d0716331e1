import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  dot,
  einsum,
  inner,
  kron,
  matmul,
  outer,
  planEinsum,
  tensordot,
  trace,
  vdot,
} from "../../../engine/src/linalg/index.js";
import { assertClose, dense, f64, group, type Encoded } from "./helpers.js";

describe("matmul and dot", () => {
  it("matmul matches NumPy, including 1-D operands and broadcast batches", () => {
    for (const c of group<{ a: Encoded; b: Encoded; out: Encoded }[]>("matmul")) {
      assertClose(matmul(dense(c.a), dense(c.b)), c.out, 1e-12, `${c.a.shape}@${c.b.shape}`);
    }
  });

  it("promotes float32 @ float64 to float64", () => {
    const c = group<{ a: Encoded; b: Encoded; out: Encoded }>("matmulMixed");
    const r = matmul(dense(c.a), dense(c.b));
    assert.ok(r.data instanceof Float64Array);
    assertClose(r, c.out, 1e-12);
  });

  it("dot, tensordot, inner, kron and trace match NumPy", () => {
    for (const c of group<{ a: Encoded; b: Encoded; dot: Encoded }[]>("dot"))
      assertClose(dot(dense(c.a), dense(c.b)), c.dot, 1e-12, "dot");
    const t = group<{ a: Encoded; b: Encoded; axes: [number[], number[]]; out: Encoded }>("tensordot");
    assertClose(tensordot(dense(t.a), dense(t.b), t.axes), t.out, 1e-12, "tensordot");
    const i = group<{ a: Encoded; b: Encoded; out: Encoded }>("inner");
    assertClose(inner(dense(i.a), dense(i.b)), i.out, 1e-12, "inner");
    const k = group<{ a: Encoded; b: Encoded; out: Encoded }>("kron");
    assertClose(kron(dense(k.a), dense(k.b)), k.out, 1e-12, "kron");
    const tr = group<{ a: Encoded; out: Encoded }>("trace");
    assertClose(trace(dense(tr.a), 1, 1, 2), tr.out, 1e-12, "trace");
  });

  it("outer and vdot", () => {
    assert.deepEqual(outer(f64([2], [1, 2]), f64([3], [3, 4, 5])), f64([2, 3], [3, 4, 5, 6, 8, 10]));
    assert.deepEqual([...vdot(f64([2, 2], [1, 2, 3, 4]), f64([4], [1, 1, 1, 1])).data], [10]);
  });

  it("raises NumPy's shape errors", () => {
    assert.throws(() => matmul(f64([2, 3], [1, 2, 3, 4, 5, 6]), f64([4, 1], [1, 2, 3, 4])), {
      name: "ValueError",
      message:
        "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 4 is different from 3)",
    });
    assert.throws(
      () => matmul(f64([], [1]), f64([1], [1])),
      /matmul: Input operand 0 does not have enough dimensions/,
    );
    assert.throws(() => matmul(f64([2, 1, 1], [1, 2]), f64([3, 1, 1], [1, 2, 3])), /could not be broadcast/);
    assert.throws(() => dot(f64([2, 3], [1, 2, 3, 4, 5, 6]), f64([4, 1], [1, 2, 3, 4])), {
      message: "shapes (2,3) and (4,1) not aligned: 3 (dim 1) != 4 (dim 0)",
    });
  });
});

describe("einsum", () => {
  it("matches NumPy for explicit and implicit forms, traces, diagonals, ellipsis, batches and chains", () => {
    for (const c of group<{ spec: string; ops: Encoded[]; out: Encoded }[]>("einsum")) {
      assertClose(einsum(c.spec, ...c.ops.map(dense)), c.out, 1e-12, c.spec);
    }
  });

  it("plans the implicit output in alphabetical order (upper case first, like NumPy)", () => {
    const p = planEinsum("Ba,aC", [
      [2, 3],
      [3, 2],
    ]);
    assert.deepEqual(
      p.output.map((l) => String.fromCharCode(l)),
      ["B", "C"],
    );
  });

  it("raises NumPy's errors for bad subscripts", () => {
    const a = f64([2, 3], [1, 2, 3, 4, 5, 6]);
    const cases: [string, Parameters<typeof einsum>[1][], RegExp][] = [
      ["ij,jk->ik", [a], /fewer operands provided/],
      ["ij", [a, a], /more operands provided/],
      ["ij->ik", [a], /output subscript 'k' which never appeared in an input/],
      ["ij->ii", [a], /output subscript 'i' multiple times/],
      ["i1", [a], /invalid subscript '1'/],
      ["ijk", [a], /too many subscripts for operand 0/],
      ["i", [a], /operand has more dimensions than subscripts/],
      ["ij,jk", [a, f64([4, 5], new Array<number>(20).fill(0))], /could not be broadcast/],
    ];
    for (const [spec, ops, re] of cases) assert.throws(() => einsum(spec, ...ops), re, spec);
  });
});
