import type { Tensor } from "../../core/tensor.js";
import type { DataFrame } from "../../pd/frame.js";
import type { Series } from "../../pd/series.js";

/**
 * What scikit-learn's loaders return (a `Bunch`): arrays, their names and a description.
 * `bunch.data` and `bunch["data"]` both work, as in Python.
 */
export interface Bunch<T = Tensor> {
  /** Samples × features (float64). */
  data: Tensor;
  /** Labels or values of each sample. */
  target: T;
  featureNames: string[];
  targetNames: string[];
  /** The dataset's description (reStructuredText, as scikit-learn ships it). */
  DESCR: string;
  /** Null unless `asFrame` was asked for. */
  frame: DataFrame | null;
  /** Digits only: the 8×8 images `[1797, 8, 8]`. */
  images?: Tensor;
}

/** The `asFrame: true` form: features as a frame, the target as a series, both together in `frame`. */
export interface FrameBunch {
  data: DataFrame;
  target: Series;
  frame: DataFrame;
  featureNames: string[];
  targetNames: string[];
  DESCR: string;
}

/** Options every loader accepts, scikit-learn's `return_X_y` and `as_frame`. */
export interface LoaderOptions {
  /** Return `[X, y]` instead of a bunch. */
  returnXy?: boolean;
  /** Return pandas-style frames (`pd.DataFrame`/`pd.Series`) instead of tensors. */
  asFrame?: boolean;
}

/**
 * A scikit-learn style loader: its result's type follows `returnXy` and `asFrame`; `O` adds the
 * loader's own options.
 */
export interface Loader<T = Tensor, O extends object = object> {
  (options: O & { returnXy: true; asFrame: true }): [DataFrame, Series];
  (options: O & { returnXy: true; asFrame?: false }): [Tensor, T];
  (options: O & { asFrame: true; returnXy?: false }): FrameBunch;
  (options?: O & { returnXy?: false; asFrame?: false }): Bunch<T>;
}
