/**
 * `sk`: scikit-learn's API, spelled the TypeScript way. Names are flat (`sk.StandardScaler`,
 * `sk.trainTestSplit`, `sk.accuracyScore`); options go in one camelCase object; learned
 * attributes end in `_`; `fit` returns `this`.
 *
 * @example
 * ```ts
 * import { np, sk } from "tensorbook";
 * const X = np.array([[1, 2], [3, 4], [5, 6]]);
 * new sk.StandardScaler().fit(X).mean_; // array([3., 4.])
 * ```
 */
import "../np/index.js";

export * from "./base/index.js";
export * from "./metrics/index.js";
export { dump, load, dumps, loads } from "./persistence/index.js";
export * from "./preprocessing/index.js";
export * from "./linearModel/index.js";
export * from "./neighbors/index.js";
export * from "./tree/index.js";
export * from "./ensemble/index.js";
export * from "./svm/index.js";
export * from "./dummy/index.js";
export * from "./multiclass/index.js";
export * from "./pipeline/index.js";
export * from "./compose/index.js";
export * from "./modelSelection/index.js";
export * as stats from "./stats/index.js";
export * as datasets from "./datasets/index.js";
