/**
 * Decision trees against scikit-learn 1.2.1 (fixtures from make_sk_trees.py): the same nodes,
 * features, thresholds, impurities, values, predictions and importances.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sk } from "../../../../engine/src/index.js";
import { assertClose, flat } from "../models/helpers.js";
import { BUILDERS, FX, assertSameTree, caseData, withBuilder, type TreeCase } from "./fixtures.js";

/** The case's estimator, fitted on its data (with its weights when the case has them). */
function fitCase(c: TreeCase) {
  const { X, y, w } = caseData(c.data);
  const est =
    c.kind === "classifier"
      ? new sk.DecisionTreeClassifier(c.params as sk.DecisionTreeClassifierOptions)
      : new sk.DecisionTreeRegressor(c.params as sk.DecisionTreeRegressorOptions);
  est.fit(X, y, c.weighted ? { sampleWeight: w } : null);
  return { X, est };
}

for (const builder of BUILDERS)
  describe(`DecisionTree* equal scikit-learn's trees (${builder.name})`, () => {
    for (const c of FX.trees) {
      it(c.name, () =>
        withBuilder(builder.kernel, () => {
          const { X, est } = fitCase(c);
          assertSameTree(est.tree_ as sk.Tree, c.tree, c.name);
          assert.deepEqual(flat(est.apply(X)), c.apply);
          if (c.kind === "classifier") assert.deepEqual(flat(est.predict(X)), flat(c.predict));
          else assertClose(est.predict(X), c.predict, 1e-12, 1e-12, "predict");
          if (c.proba) {
            const p = (est as sk.DecisionTreeClassifier).predictProba(X);
            assertClose(Array.isArray(p) ? p.map((q) => flat(q)) : p, c.proba, 1e-12, 1e-15, "proba");
          }
          assertClose(est.featureImportances_, c.importances, 1e-10, 1e-12, "importances");
          assert.equal(est.getDepth(), c.depth);
          assert.equal(est.getNLeaves(), c.leaves);
        }),
      );
    }
  });

describe("exportGraphviz writes scikit-learn's DOT text", () => {
  for (const c of FX.trees.filter((t) => t.graphviz)) {
    it(c.name, () => {
      const { est } = fitCase(c);
      const g = c.graphviz as { options: Record<string, unknown>; dot: string };
      assert.equal(sk.exportGraphviz(est, g.options as sk.ExportGraphvizOptions), g.dot);
    });
  }
});
