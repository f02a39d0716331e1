/**
 * Forests against scikit-learn 1.2.1 (make_sk_trees.py): the same tree seeds and bootstrap
 * samples, hence the same trees, predictions, probabilities, importances and out-of-bag scores.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sk, type Tensor } from "../../../../engine/src/index.js";
import { assertClose, flat } from "../models/helpers.js";
import { BUILDERS, FX, assertSameTree, caseData, withBuilder } from "../tree/fixtures.js";

type AnyForest = sk.RandomForestClassifier | sk.RandomForestRegressor;
const make = (cls: string, params: Record<string, unknown>): AnyForest =>
  new (sk as unknown as Record<string, new (o: unknown) => AnyForest>)[cls](params);

for (const builder of BUILDERS)
  describe(`forests equal scikit-learn's (${builder.name})`, () => {
    for (const c of FX.forests) {
      it(c.name, () =>
        withBuilder(builder.kernel, () => {
          const { X, y, w } = caseData(c.data);
          const est = make(c.class, c.params);
          est.fit(X, y, c.weighted ? { sampleWeight: w } : null);
          const trees = est.estimators_ as (sk.DecisionTreeClassifier | sk.DecisionTreeRegressor)[];
          assert.deepEqual(
            trees.map((t) => t.randomState),
            c.seeds,
            "tree seeds",
          );
          assertSameTree(trees[0].tree_ as sk.Tree, c.firstTree, "first tree");
          assert.deepEqual(
            trees.map((t) => (t.tree_ as sk.Tree).nodeCount),
            c.nodeCounts,
            "node counts",
          );
          const Xp = X.get("::7");
          if (c.kind === "classifier") {
            assert.deepEqual(flat(est.predict(Xp)), flat(c.predict));
            assertClose((est as sk.RandomForestClassifier).predictProba(Xp), c.proba, 1e-12, 1e-14, "proba");
          } else assertClose(est.predict(Xp), c.predict, 1e-12, 1e-12, "predict");
          assertClose(est.featureImportances_, c.importances, 1e-10, 1e-12, "importances");
          assertClose(est.score(X, y), c.score, 1e-12, 1e-12, "score");
          if (c.oobScore !== undefined) {
            assertClose(est.oobScore_, c.oobScore, 1e-12, 1e-12, "oob score");
            const oob =
              (est as sk.RandomForestClassifier).oobDecisionFunction_ ??
              (est as sk.RandomForestRegressor).oobPrediction_;
            assertClose((oob as Tensor).get("::7"), c.oob, 1e-12, 1e-12, "oob");
          }
        }),
      );
    }
  });
