/** Neighbour models: brute-force exact k-NN search, classification and regression. */
export { KNeighborsClassifier, type KNeighborsClassifierOptions } from "./knn-classifier.js";
export { KNeighborsRegressor, type KNeighborsRegressorOptions } from "./knn-regressor.js";
export { NearestNeighbors, type NearestNeighborsOptions } from "./nearest-neighbors.js";
export type { NeighborsOptions, Weights } from "./search.js";
