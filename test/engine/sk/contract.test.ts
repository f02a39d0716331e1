/**
 * The estimator contract, checked on every case of estimators.ts: clone, getParams/setParams,
 * the not-fitted error, fit returning this, determinism, bad-shape and NaN rejection, repr.
 */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { np, sk, Tensor } from "../../../engine/src/index.js";
import { ESTIMATORS, type CaseData, type ContractCase } from "./estimators.js";
import "./register-all.js";

function defaultData(kind: ContractCase["kind"]): CaseData {
  const rs = new np.random.RandomState(0);
  const X = rs.randn(40, 4);
  if (kind === "regressor") return { X, y: X.matmul(np.array([1, -2, 0.5, 3])).add(rs.randn(40).mul(0.1)) };
  if (kind === "classifier") {
    const s = X.get(":", 0).add(X.get(":", 1));
    return { X, y: s.gt(0.5).astype("int32").add(s.gt(-0.5).astype("int32")) };
  }
  return { X };
}

type Runner = { [k: string]: (X: sk.ArrayInput) => unknown };
function output(c: ContractCase, est: sk.BaseEstimator, X: sk.ArrayInput): unknown {
  const m = c.kind === "transformer" ? "transform" : "predict";
  return (est as unknown as Runner)[m](X);
}

function same(a: unknown, b: unknown): void {
  if (a instanceof Tensor && b instanceof Tensor) assert.deepEqual(a.toArray(), b.toArray());
  else assert.deepEqual(a, b);
}

function fitOn(est: sk.BaseEstimator, d: CaseData): unknown {
  return (est as unknown as { fit: (X: sk.ArrayInput, y?: sk.TargetInput) => unknown }).fit(d.X, d.y);
}

for (const c of ESTIMATORS) {
  describe(`contract: ${c.name}`, () => {
    const data = c.data ? c.data() : defaultData(c.kind);
    const skip = new Set(c.skip ?? []);

    test("options are stored as given and listed by getParams", () => {
      const est = c.make();
      const p = est.getParams(false);
      for (const [k, v] of Object.entries(p))
        assert.equal((est as unknown as Record<string, unknown>)[k], v, k);
      assert.ok(String(est).startsWith(est.constructor.name + "("));
      const bundle = (est as unknown as Record<symbol, () => Record<string, string>>)[
        Symbol.for("Jupyter.display")
      ]();
      assert.equal(typeof bundle["text/plain"], "string");
      assert.equal(typeof bundle["text/html"], "string");
    });

    test("setParams round-trips and refuses unknown names", () => {
      const est = c.make();
      const p = est.getParams(false);
      assert.equal(est.setParams(p), est);
      assert.deepEqual(Object.keys(est.getParams(false)).sort(), Object.keys(p).sort());
      assert.throws(() => est.setParams({ noSuchOption__: 1 }), /Invalid parameter 'noSuchOption'/);
    });

    test("clone copies options, not learned state", () => {
      const est = c.make();
      fitOn(est, data);
      const copy = sk.clone(est);
      assert.notEqual(copy, est);
      assert.equal(copy.constructor, est.constructor);
      assert.equal(String(copy), String(est));
      if (!skip.has("notfitted")) {
        assert.throws(
          () => output(c, copy, data.X),
          /instance is not fitted yet\. Call 'fit' with appropriate arguments before using this estimator\./,
        );
      }
    });

    if (!skip.has("notfitted"))
      test("not fitted error names the class", () => {
        const est = c.make();
        assert.throws(
          () => output(c, est, data.X),
          new RegExp(`^NotFittedError: This ${est.constructor.name} instance is not fitted yet`),
        );
      });

    test("fit returns this and is deterministic", () => {
      const a = c.make();
      assert.equal(fitOn(a, data), a);
      const b = sk.clone(a);
      fitOn(b, data);
      same(output(c, a, data.X), output(c, b, data.X));
    });

    if (!skip.has("shape")) {
      test("rejects 1-D X", () => {
        const est = c.make();
        assert.throws(() => fitOn(est, { X: [1, 2, 3, 4], y: [0, 1, 0, 1] }), /2D array|1-D|reshape/i);
      });
    }

    if (!skip.has("features")) {
      test("rejects a different number of features after fit", () => {
        const est = c.make();
        fitOn(est, data);
        const X = data.X instanceof Tensor ? np.c_(data.X, data.X.get(":", 0)) : null;
        if (X) assert.throws(() => output(c, est, X), /features, but \w+ is expecting \d+ features/);
      });
    }

    if (!c.acceptsNaN && !skip.has("nan")) {
      test("rejects NaN in X naming where", () => {
        const est = c.make();
        const X = (data.X as Tensor).copy();
        X.set([1, 0], NaN);
        assert.throws(() => fitOn(est, { X, y: data.y }), /contains NaN \(feature 0, row 1\)/);
      });
    }

    if (!skip.has("persist")) {
      test("sk.dump/sk.load keep options and learned state", () => {
        const est = c.make();
        fitOn(est, data);
        const back = sk.loads(sk.dumps(est));
        assert.equal(back.constructor, est.constructor);
        assert.equal(String(back), String(est));
        same(output(c, back, data.X), output(c, est, data.X));
      });
    }
  });
}
