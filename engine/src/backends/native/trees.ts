import type { TreeArrays } from "../../sk/tree/builder.js";
import type { KernelCriterion, TreeGrowKernel } from "../../sk/tree/grow-kernel.js";
import { nativeBinding } from "./state.js";

const CRITERION: Record<KernelCriterion, number> = {
  gini: 0,
  entropy: 1,
  squared_error: 2,
  friedman_mse: 3,
};

/**
 * Grows a batch of CART trees in the addon (native/src/sk/tree.cc), the trees spread over its
 * thread pool: the very trees `sk/tree/builder.ts` grows, to the bit. Returns undefined when
 * the native backend is not in use or the binary lacks the kernel.
 *
 * @example
 * ```ts
 * setTreeGrowKernel(nativeTreeGrow); // what installing the native backend does
 * new sk.RandomForestRegressor({ randomState: 42 }).fit(X, y); // trees grown natively
 * ```
 */
export const nativeTreeGrow: TreeGrowKernel = (job) => {
  const b = nativeBinding();
  if (!b?.treeGrow) return undefined;
  const classify = job.criterion === "gini" || job.criterion === "entropy";
  const targets = classify ? job.codes : job.y;
  if (!targets || (classify && !job.nClasses)) return undefined;
  const grown = b.treeGrow(
    job.X,
    job.rows,
    job.cols,
    CRITERION[job.criterion],
    job.nOutputs,
    targets,
    classify ? (job.nClasses ?? null) : null,
    job.weights,
    job.params,
  );
  return grown.map((t): TreeArrays => ({
    nodeCount: t.nodeCount,
    maxDepth: t.maxDepth,
    left: t.left,
    right: t.right,
    feature: t.feature,
    threshold: t.threshold,
    impurity: t.impurity,
    nNodeSamples: t.nNodeSamples,
    weighted: t.weighted,
    value: t.value,
    valueStride: job.valueStride,
  }));
};
