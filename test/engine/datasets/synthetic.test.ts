import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { sk, type Tensor } from "tensorbook";

// make_classification / make_regression / make_low_rank_matrix against scikit-learn 1.2 with the
// same seeds (test/fixtures/datasets/make_synthetic.py). Matrix products are summed in another
// order than NumPy's BLAS, and the low-rank path goes through our QR, so values are compared to
// 1e-12 (relative above 1) rather than bit for bit; labels and shapes exactly.

type Nested = number | Nested[];
interface Case {
  kwargs: Record<string, unknown>;
}
const fx = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "..", "fixtures", "datasets", "synthetic.json"), "utf8"),
) as {
  classification: (Case & { X: number[][]; y: number[] })[];
  regression: (Case & { out: Nested[] })[];
  low_rank: (Case & { X: number[][] })[];
};

/** scikit-learn's snake_case keywords as the engine's camelCase options. */
const camel = (kw: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(kw).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]));

function shapeOf(v: Nested): number[] {
  return Array.isArray(v) ? [v.length, ...(v.length ? shapeOf(v[0]) : [])] : [];
}

function close(got: Tensor, want: Nested, tol: number, what: string): void {
  assert.deepEqual(got.shape, shapeOf(want), `${what}: shape`);
  const flat = [want].flat(Infinity as 1) as number[];
  const data = got.dataSync();
  flat.forEach((w, i) => {
    const g = data[i];
    assert.ok(Math.abs(g - w) <= tol * Math.max(1, Math.abs(w)), `${what}[${i}]: ${g} vs ${w}`);
  });
}

const label = (c: Case): string => JSON.stringify(c.kwargs);

describe("sk.datasets.makeClassification, against scikit-learn 1.2", () => {
  for (const c of fx.classification) {
    it(label(c), () => {
      const [X, y] = sk.datasets.makeClassification(camel(c.kwargs) as sk.datasets.ClassificationOptions);
      assert.equal(X.dtype, "float64");
      assert.equal(y.dtype, "int32");
      close(X, c.X, 1e-12, "X");
      assert.deepEqual(Array.from(y.dataSync()), c.y, "y");
    });
  }
  it("takes nSamples positionally too, and explains impossible settings", () => {
    const [X] = sk.datasets.makeClassification(10, { nFeatures: 4, randomState: 0 });
    assert.deepEqual(X.shape, [10, 4]);
    assert.throws(() => sk.datasets.makeClassification({ nFeatures: 3, nInformative: 2, nRedundant: 2 }), /must be at most nFeatures \(3\)/);
    assert.throws(() => sk.datasets.makeClassification({ nInformative: 1, nClasses: 3 }), /2\*\*nInformative\(1\)=2/);
    assert.throws(() => sk.datasets.makeClassification({ nClasses: 3, nClustersPerClass: 1, weights: [0.5] }), /weights has 1 values/);
  });
});

describe("sk.datasets.makeRegression and makeLowRankMatrix, against scikit-learn 1.2", () => {
  for (const c of fx.regression) {
    it(label(c), () => {
      const got = sk.datasets.makeRegression(camel(c.kwargs) as sk.datasets.RegressionOptions) as Tensor[];
      assert.equal(got.length, c.out.length);
      got.forEach((t, i) => close(t, c.out[i], 1e-12, ["X", "y", "coef"][i]));
    });
  }
  for (const c of fx.low_rank) {
    it(`makeLowRankMatrix ${label(c)}`, () => {
      close(sk.datasets.makeLowRankMatrix(camel(c.kwargs) as sk.datasets.LowRankOptions), c.X, 1e-12, "X");
    });
  }
});
