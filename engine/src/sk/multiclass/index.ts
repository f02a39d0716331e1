/** Multiclass and multi-output strategies around other classifiers. */
export { OneVsRestClassifier, type OneVsRestOptions } from "./one-vs-rest.js";
export { OneVsOneClassifier, type OneVsOneOptions } from "./one-vs-one.js";
export { MultiOutputClassifier, type MultiOutputOptions } from "./multi-output.js";
export { ovrDecisionFunction } from "./ovr-decision.js";
