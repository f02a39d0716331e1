/**
 * `sk.datasets`: scikit-learn's loaders, reading only the files shipped in `datasets/`.
 *
 * @example
 * ```ts
 * const [X, y] = sk.datasets.loadIris({ returnXy: true });
 * ```
 */
export type { Bunch, FrameBunch, Loader, LoaderOptions } from "./bunch.js";
export { loadIris, loadWine, loadBreastCancer, loadDigits, loadDiabetes, type DiabetesOptions } from "./toy.js";
export { fetchOpenml, type FetchOpenmlOptions } from "./openml.js";
export { fetchCaliforniaHousing, type CaliforniaOptions } from "./california.js";
export { loadSampleImage, loadSampleImages } from "./images.js";
export { makeMoons, makeCircles, makeBlobs, makeSwissRoll, type ShapeOptions, type BlobsOptions } from "./generators.js";
export {
  makeClassification,
  makeRegression,
  makeLowRankMatrix,
  type ClassificationOptions,
  type RegressionOptions,
  type LowRankOptions,
} from "./synthetic.js";
