/**
 * Trees and forests beyond the fixtures: bad input gives clear errors; input kinds, warm starts,
 * decision paths and the Graphviz file behave as documented.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { np, sk, type Tensor } from "../../../../engine/src/index.js";
import { iris } from "../models/helpers.js";
import { flat } from "../models/helpers.js";

const { X, y } = iris();

describe("bad input is refused with a clear message", () => {
  it("unknown criterion, splitter, and criteria of the other task", () => {
    assert.throws(
      () => new sk.DecisionTreeClassifier({ criterion: "mse" as never }).fit(X, y),
      /The 'criterion' parameter of DecisionTreeClassifier must be a str among \{'gini', 'entropy', 'log_loss'\}. Got 'mse' instead/,
    );
    assert.throws(
      () => new sk.DecisionTreeRegressor({ criterion: "gini" as never }).fit(X, y),
      /'squared_error'/,
    );
    assert.throws(() => new sk.DecisionTreeRegressor({ splitter: "fast" as never }).fit(X, y), /'splitter'/);
    assert.throws(
      () => new sk.RandomForestClassifier({ criterion: "squared_error" as never, nEstimators: 2 }).fit(X, y),
      /'criterion' parameter of RandomForestClassifier/,
    );
  });

  it("maxFeatures out of range", () => {
    assert.throws(
      () => new sk.DecisionTreeClassifier({ maxFeatures: 5 }).fit(X, y),
      /maxFeatures must be in \(0, n_features\]: got 5 with 4 features/,
    );
    assert.throws(
      () => new sk.DecisionTreeClassifier({ maxFeatures: 0 }).fit(X, y),
      /'maxFeatures' parameter/,
    );
    assert.throws(
      () => new sk.DecisionTreeClassifier({ maxFeatures: 1.5 }).fit(X, y),
      /'maxFeatures' parameter/,
    );
    assert.throws(
      () => new sk.DecisionTreeClassifier({ maxFeatures: "half" as never }).fit(X, y),
      /'maxFeatures'/,
    );
    assert.equal(new sk.DecisionTreeClassifier({ maxFeatures: 0.5 }).fit(X, y).maxFeatures_, 2);
    assert.equal(new sk.DecisionTreeClassifier({ maxFeatures: "auto" }).fit(X, y).maxFeatures_, 2);
    assert.equal(new sk.DecisionTreeRegressor({ maxFeatures: "auto" }).fit(X, y).maxFeatures_, 4);
  });

  it("other options out of range", () => {
    assert.throws(() => new sk.DecisionTreeClassifier({ minSamplesSplit: 1 }).fit(X, y), /'minSamplesSplit'/);
    assert.throws(() => new sk.DecisionTreeClassifier({ minSamplesLeaf: 0 }).fit(X, y), /'minSamplesLeaf'/);
    assert.throws(() => new sk.DecisionTreeClassifier({ maxDepth: 0 }).fit(X, y), /'maxDepth'/);
    assert.throws(() => new sk.DecisionTreeClassifier({ maxLeafNodes: 1 }).fit(X, y), /'maxLeafNodes'/);
    assert.throws(
      () => new sk.DecisionTreeClassifier({ minWeightFractionLeaf: 0.6 }).fit(X, y),
      /'minWeightFractionLeaf'/,
    );
    assert.throws(
      () => new sk.DecisionTreeClassifier({ ccpAlpha: 0.01 }).fit(X, y),
      /ccpAlpha > 0 .* not implemented/,
    );
    assert.throws(() => new sk.RandomForestClassifier({ nEstimators: 0 }).fit(X, y), /'nEstimators'/);
    assert.throws(
      () => new sk.RandomForestClassifier({ bootstrap: false, oobScore: true }).fit(X, y),
      /Out of bag estimation only available if bootstrap=true/,
    );
    assert.throws(
      () => new sk.ExtraTreesRegressor({ maxSamples: 0.5 }).fit(X, y),
      /`maxSamples` cannot be set if `bootstrap=false`/,
    );
    assert.throws(() => new sk.DecisionTreeClassifier({ depth: 3 } as never), /unexpected option 'depth'/);
  });

  it("NaN in X (float64 and float32 tensors), continuous labels, negative weights", () => {
    const bad = X.copy();
    bad.set([1, 0], NaN);
    assert.throws(() => new sk.DecisionTreeRegressor().fit(bad, y), /contains NaN \(feature 0, row 1\)/);
    assert.throws(
      () => new sk.RandomForestClassifier().fit(bad.astype("float32"), y),
      /contains NaN \(feature 0, row 1\)/,
    );
    assert.throws(
      () => new sk.DecisionTreeClassifier().fit(X, X.get(":", 0)),
      /Unknown label type: 'continuous'/,
    );
    const w = np.ones([150]);
    w.set([3], -1);
    assert.throws(() => new sk.DecisionTreeClassifier().fit(X, y, w), /negative/);
  });

  it("predict before fit, wrong feature count", () => {
    assert.throws(
      () => new sk.DecisionTreeClassifier().predict(X),
      /^NotFittedError: This DecisionTreeClassifier instance is not fitted yet/,
    );
    assert.throws(() => new sk.RandomForestRegressor().predict(X), /not fitted yet/);
    assert.throws(() => sk.exportGraphviz(new sk.DecisionTreeClassifier()), /not fitted yet/);
    const tree = new sk.DecisionTreeClassifier().fit(X, y);
    assert.throws(
      () => tree.predict(X.get(":", ":3")),
      /X has 3 features, but DecisionTreeClassifier is expecting 4 features/,
    );
    assert.throws(
      () => tree.predict(X.get(":", ":3").astype("float32")),
      /X has 3 features, but DecisionTreeClassifier is expecting 4 features/,
    );
  });
});

describe("trees behave as documented", () => {
  it("uint8, float32 and float64 inputs grow the same tree; string labels come back as strings", () => {
    const Xi = X.mul(10).astype("uint8");
    const a = new sk.DecisionTreeClassifier({ randomState: 0 }).fit(Xi, y);
    const b = new sk.DecisionTreeClassifier({ randomState: 0 }).fit(Xi.astype("float64"), y);
    assert.deepEqual(flat(a.tree_?.threshold), flat(b.tree_?.threshold));
    assert.deepEqual(flat(a.predict(Xi.astype("float32"))), flat(b.predict(Xi)));
    const names = flat(y).map((c) => ["setosa", "versicolor", "virginica"][c]);
    const s = new sk.DecisionTreeClassifier({ maxDepth: 2 }).fit(X, names);
    assert.deepEqual((s.predict(X.get(":2")) as string[]).slice(0, 2), ["setosa", "setosa"]);
    assert.match(sk.exportGraphviz(s, { classNames: s.classes_ as string[] }), /class = virginica/);
  });

  it("sample weights as the third argument or { sampleWeight }; log-probabilities; decision paths", () => {
    const w = np.linspace(0.5, 2, 150);
    const a = new sk.DecisionTreeClassifier({ randomState: 3 }).fit(X, y, w);
    const b = new sk.DecisionTreeClassifier({ randomState: 3 }).fit(X, y, { sampleWeight: w });
    assert.deepEqual(flat(a.tree_?.value), flat(b.tree_?.value));
    const lp = a.predictLogProba(X.get(":3")) as Tensor;
    assert.deepEqual(flat(lp.get(0)), [0, -Infinity, -Infinity]);
    const path = a.decisionPath(X.get(":5"));
    const leaves = flat(a.apply(X.get(":5")));
    assert.deepEqual(path.shape, [5, a.tree_?.nodeCount]);
    for (let i = 0; i < 5; i++) {
      assert.equal(path.item(i, 0), 1);
      assert.equal(path.item(i, leaves[i]), 1);
    }
  });

  it("a warm start adds trees drawn as a fresh fit with more trees would draw them", () => {
    const warm = new sk.RandomForestClassifier({ nEstimators: 3, warmStart: true, randomState: 0 }).fit(X, y);
    warm.setParams({ nEstimators: 6 });
    warm.fit(X, y);
    const fresh = new sk.RandomForestClassifier({ nEstimators: 6, randomState: 0 }).fit(X, y);
    assert.deepEqual(
      warm.estimators_?.map((e) => e.randomState),
      fresh.estimators_?.map((e) => e.randomState),
    );
    assert.deepEqual(flat(warm.predictProba(X)), flat(fresh.predictProba(X)));
    assert.deepEqual(warm.apply(X.get(":2")).shape, [2, 6]);
  });

  it("exportGraphviz writes outFile and accepts classNames true and maxDepth", () => {
    const tree = new sk.DecisionTreeClassifier({ randomState: 0 }).fit(X, y);
    const dir = mkdtempSync(join(tmpdir(), "tb-tree-"));
    const file = join(dir, "iris_tree.dot");
    const dot = sk.exportGraphviz(tree, { outFile: file, classNames: true, maxDepth: 1, filled: true });
    assert.equal(readFileSync(file, "utf8"), dot);
    assert.match(dot, /class = y\[0\]/);
    assert.match(dot, /\[label="\(\.\.\.\)", fillcolor="#C0C0C0"\]/);
    assert.throws(
      () => sk.exportGraphviz(tree, { featureNames: ["a"] }),
      /Length of featureNames, 1 does not match number of features, 4/,
    );
  });
});
