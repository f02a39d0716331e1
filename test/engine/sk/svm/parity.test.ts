/**
 * Parity of sk's SVMs with scikit-learn 1.2.1 on the fixtures of test/fixtures/sk/make_sk_svm.py.
 *
 * Kernel SVMs are checked twice:
 * - as shipped (kernel rows in float64): support-vector index sets, support counts and predictions
 *   equal; decision values and intercepts within 1e-2 of the largest |decision value| for the
 *   default tol = 1e-3 (both solvers stop once the maximal KKT violation is below 1e-3, and
 *   scikit-learn's libsvm rounds kernel values to float32, so the stopping points differ by up to
 *   that much); with tol = 1e-8 within 1e-5 (the float32 rounding of scikit-learn's kernel values
 *   is what remains), and then the dual coefficients too (below that tolerance they are not unique
 *   when the dual is degenerate); probabilities within 5e-3.
 * - with the kernel rows rounded to float32 as scikit-learn's libsvm stores them: the solver then
 *   takes libsvm's path step for step, and everything (dual coefficients, intercepts, decision
 *   values, Platt's A and B, probabilities) agrees within 1e-9 of the largest value.
 *
 * Linear SVMs: the dual coordinate descent draws the same coordinate order from the same seed, so
 * coefficients agree within 1e-10; the primal (dual=false) solvers differ (scikit-learn: trust-region
 * Newton, sk: L-BFGS stopped tighter), and both are within 1e-3 of the largest coefficient.
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import type { Tensor } from "../../../../engine/src/index.js";
import { np, sk } from "../../../../engine/src/index.js";
import { setKernelRowPrecision } from "../../../../engine/src/sk/svm/kernel-source.js";
import { flat } from "../models/helpers.js";
import { camelOptions, dataOf, fx, type SvmCase } from "./fixture.js";

/** |a − e| ≤ rtol · max|e| element-wise (e may be a scalar for scikit-learn's 0.0 intercepts). */
function assertScaled(actual: unknown, expected: unknown, rtol: number, what: string): void {
  const a = flat(actual);
  const e = flat(expected);
  if (e.length === 1 && a.length > 1) while (e.length < a.length) e.push(e[0]);
  assert.equal(a.length, e.length, `${what}: length ${a.length} vs ${e.length}`);
  const scale = Math.max(1e-300, ...e.map(Math.abs));
  for (let i = 0; i < a.length; i++) {
    assert.ok(
      Math.abs(a[i] - e[i]) <= rtol * scale,
      `${what}: element ${i} is ${a[i]}, expected ${e[i]} (rtol ${rtol} of ${scale})`,
    );
  }
}

const kernelCases = fx.cases.filter((c) => !c.kind);
const tight = (c: SvmCase): boolean => Number(c.params.tol ?? 1e-3) <= 1e-8;

function fitKernel(c: SvmCase): { est: sk.SVC | sk.SVR; X: Tensor } {
  const { X, y, w } = dataOf(c.data);
  const opts = camelOptions(c.params);
  if (c.name.startsWith("SVR")) {
    const sw = c.sampleWeight ? np.linspace(0.5, 2, y.shape[0]) : null;
    return { est: new sk.SVR(opts).fit(X, y, { sampleWeight: sw }), X };
  }
  const Xf = c.precomputed ? X.matmul(X.T) : X;
  return { est: new sk.SVC(opts).fit(Xf, y, { sampleWeight: c.sampleWeight ? w : null }), X: Xf };
}

function checkStructure(est: sk.SVC | sk.SVR, c: SvmCase, X: Tensor): void {
  assert.deepEqual(flat(est.support_), c.support, "support_");
  assert.deepEqual(flat(est.nSupport_), c.nSupport, "nSupport_");
  if (est instanceof sk.SVC) {
    assert.deepEqual(flat(est.predict(X)), c.predict, "predict");
    assert.equal(est.fitStatus_, c.fitStatus, "fitStatus_");
  }
}

describe("SVC and SVR against scikit-learn (float64 kernel rows)", () => {
  for (const c of kernelCases) {
    it(c.name, () => {
      const { est, X } = fitKernel(c);
      checkStructure(est, c, X);
      const rtol = tight(c) ? 1e-5 : 1e-2;
      assertScaled(est.intercept_, c.intercept, rtol, "intercept_");
      if (est instanceof sk.SVC) {
        assertScaled(est.decisionFunction(X), c.decision, rtol, "decisionFunction");
        if (c.decisionOvo) {
          est.decisionFunctionShape = "ovo";
          assertScaled(est.decisionFunction(X), c.decisionOvo, rtol, "decisionFunction (ovo)");
        }
        if (c.proba) assertScaled(est.predictProba(X), c.proba, 5e-3, "predictProba");
      } else assertScaled(est.predict(X), c.predict, rtol, "predict");
      if (tight(c)) assertScaled(est.dualCoef_, c.dualCoef, 1e-4, "dualCoef_");
      if (c.coef) assertScaled(est.coef_, c.coef, rtol, "coef_");
    });
  }
});

describe("SVC and SVR against scikit-learn (kernel rows rounded to float32: libsvm's path)", () => {
  setKernelRowPrecision("float32");
  after(() => setKernelRowPrecision("float64"));
  for (const c of kernelCases) {
    it(c.name, () => {
      setKernelRowPrecision("float32");
      try {
        const { est, X } = fitKernel(c);
        checkStructure(est, c, X);
        assertScaled(est.dualCoef_, c.dualCoef, 1e-9, "dualCoef_");
        assertScaled(est.intercept_, c.intercept, 1e-9, "intercept_");
        if (est instanceof sk.SVC) {
          assertScaled(est.decisionFunction(X), c.decision, 1e-9, "decisionFunction");
          if (c.probA) {
            assertScaled(est.probA_, c.probA, 1e-9, "probA_");
            assertScaled(est.probB_, c.probB, 1e-9, "probB_");
            assertScaled(est.predictProba(X), c.proba, 1e-9, "predictProba");
          }
        } else assertScaled(est.predict(X), c.predict, 1e-9, "predict");
        if (c.coef) assertScaled(est.coef_, c.coef, 1e-9, "coef_");
      } finally {
        setKernelRowPrecision("float64");
      }
    });
  }
});

describe("LinearSVC and LinearSVR against scikit-learn", () => {
  for (const c of fx.cases.filter((x) => x.kind)) {
    it(c.name, () => {
      const { X, y } = dataOf(c.data);
      const opts = camelOptions(c.params);
      const sw = c.sampleWeight ? np.linspace(0.5, 2, y.shape[0]) : null;
      const est = c.kind === "LinearSVC" ? new sk.LinearSVC(opts) : new sk.LinearSVR(opts);
      est.fit(X, y, { sampleWeight: sw });
      const primal = c.params.dual === false;
      const rtol = primal ? 1e-3 : 1e-10;
      assertScaled(est.coef_, c.coef, rtol, "coef_");
      // The intercept is the last weight: scaled by the largest coefficient as well.
      const scale = Math.max(...flat(c.coef).map(Math.abs), ...flat(c.intercept).map(Math.abs));
      const ia = flat(est.intercept_);
      const ie = flat(c.intercept);
      ia.forEach((v, i) =>
        assert.ok(Math.abs(v - ie[Math.min(i, ie.length - 1)]) <= rtol * scale, "intercept_"),
      );
      if (!primal) assert.equal(est.nIter_, c.nIter, "nIter_");
      if (est instanceof sk.LinearSVC) {
        assert.deepEqual(flat(est.predict(X)), c.predict, "predict");
        assertScaled(est.decisionFunction(X), c.decision, rtol * 10, "decisionFunction");
      } else assertScaled(est.predict(X), c.predict, rtol * 10, "predict");
    });
  }
});
