// Every row of the gradient table, checked against central differences in float64: first
// derivatives on random (seeded) values and shapes with broadcasting, then second derivatives
// by differentiating the tape's own gradient with an outer tape.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tf, type Tensor } from "tensorbook";
import { checkGradient, differentiableOps, LookupError } from "../../../engine/src/autodiff/index.js";
import { GRADIENT_TABLE, type GradCase } from "./gradient-table.js";
import { broadcastPairs, randomShape, rng, uniform } from "./helpers.js";

const TOLERANCE = 1e-6;

function shapesOf(c: GradCase, next: () => number): (readonly (readonly number[])[])[] {
  if (c.shapes) return c.shapes.map((s) => [...s]);
  const arity = c.arity ?? 1;
  if (arity === 2) return broadcastPairs(next);
  return [[randomShape(next)], [randomShape(next)]];
}

function inputs(c: GradCase, shapes: readonly (readonly number[])[], next: () => number): Tensor[] {
  return shapes.map((s, i) => {
    const d = (Array.isArray(c.domain[0]) ? c.domain[i] : c.domain) as readonly [number, number];
    return uniform(next, s, d[0], d[1]);
  });
}

// The tape's gradient of sum(f(xs)) with respect to every input, summed into one tensor per
// input: a function whose own gradient is the Hessian applied to ones.
function gradientOf(f: (...xs: Tensor[]) => Tensor): (...xs: Tensor[]) => Tensor {
  return (...xs) => {
    const tape = new tf.GradientTape();
    const y = tape.record(() => {
      tape.watch(xs);
      return f(...xs);
    });
    const gs = tape.gradient(tf.reduceSum(y), xs, { unconnectedGradients: "zero" }) as Tensor[];
    return gs.map((g) => tf.reduceSum(tf.multiply(g, g))).reduce((a, g) => tf.add(a, g));
  };
}

describe("gradient table: analytic vs central differences (float64)", () => {
  GRADIENT_TABLE.forEach((c, row) => {
    const next = rng(1000 + row);
    for (const shapes of shapesOf(c, next)) {
      const label = shapes.map((s) => `(${s.join(",")})`).join(" ");
      const refusal = c.noGradient;
      if (refusal) {
        it(`${c.name} ${label}: refused with a LookupError`, () => {
          const xs = inputs(c, shapes, next);
          assert.throws(
            () => checkGradient(c.f, xs),
            (e: unknown) => e instanceof LookupError && refusal.test(e.message),
          );
        });
        continue;
      }
      it(`${c.name} ${label}`, () => {
        const xs = inputs(c, shapes, next);
        const { maxError, analytic, numeric } = checkGradient(c.f, xs);
        assert.ok(
          maxError < TOLERANCE,
          `max error ${maxError}\nanalytic ${analytic.map((t) => JSON.stringify(t.toArray()))}\nnumeric ${numeric.map((t) => JSON.stringify(t.toArray()))}`,
        );
      });
      if (!c.firstOrderOnly) {
        it(`${c.name} ${label}: second order`, () => {
          const xs = inputs(c, shapes, next);
          const { maxError } = checkGradient(gradientOf(c.f), xs);
          assert.ok(maxError < 1e-5, `max error ${maxError}`);
        });
      }
    }
  });
});

describe("gradient table coverage", () => {
  it("has a row for every op with a registered gradient", () => {
    const covered = new Set(GRADIENT_TABLE.flatMap((c) => c.ops));
    const missing = differentiableOps().filter((op) => !covered.has(op));
    assert.deepEqual(
      missing,
      [],
      `ops with a gradient but no row in gradient-table.ts: ${missing.join(", ")}`,
    );
  });
});
