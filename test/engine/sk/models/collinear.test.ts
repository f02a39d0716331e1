/**
 * LinearRegression on exactly collinear columns: a one-hot category next to the intercept, as in
 * chapter 2's housing preparation. The centred X has rank d − 1 and its last singular value is
 * rounding noise; the fit must drop it and return the minimum-norm solution. References from
 * test/fixtures/sk/make_sk_collinear.py (scikit-learn 1.2.1 and the pseudoinverse); the inputs are
 * drawn here from the same NumPy seeds.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { np, sk } from "../../../../engine/src/index.js";
import { assertClose, flat } from "./helpers.js";

interface Case {
  n: number;
  seed: number;
  sklearnClean: boolean;
  sklearnCoef: number[];
  sklearnIntercept: number;
  minNormCoef: number[];
  minNormIntercept: number;
  trainRmse: number;
}
const FX = JSON.parse(
  readFileSync(
    join(dirname(fileURLToPath(import.meta.url)), "../../../fixtures/sk/sk_collinear.json"),
    "utf8",
  ),
) as { cases: Case[] };

describe("LinearRegression with a one-hot category and an intercept (rank-deficient)", () => {
  for (const c of FX.cases) {
    it(`n ${c.n}, seed ${c.seed}: rank 9 of 10, the minimum-norm solution${c.sklearnClean ? " (= scikit-learn's)" : ""}`, () => {
      const rs = new np.random.RandomState(c.seed);
      const Xn = rs.rand(c.n, 6);
      const cat = rs.randint(0, 4, [c.n]);
      const X = np.c_(Xn, np.eye(4).get(cat));
      const y = Xn.get(":", 0).mul(3).add(cat.astype("float64").mul(2)).add(rs.rand(c.n));
      const lr = new sk.LinearRegression().fit(X, y);
      assert.equal(lr.rank_, 9);
      assertClose(lr.coef_, c.minNormCoef, 1e-8, 1e-9, "coef_");
      assertClose(lr.intercept_, c.minNormIntercept, 1e-8, 1e-9, "intercept_");
      if (c.sklearnClean) assertClose(lr.coef_, c.sklearnCoef, 1e-8, 1e-9, "coef_ against scikit-learn");
      const rmse = Math.sqrt(sk.meanSquaredError(y, lr.predict(X)));
      assertClose(rmse, c.trainRmse, 1e-10, 0, "training RMSE");
      assert.ok(flat(lr.coef_).every((v) => Math.abs(v) < 10));
    });
  }
});
