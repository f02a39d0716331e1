import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { checkIsFitted, type Params } from "../../sk/base/estimator.js";
import { ClassifierMixin, RegressorMixin } from "../../sk/base/mixins.js";
import { registerEstimator } from "../../sk/base/registry.js";
import type { ArrayInput, Labels, TargetInput } from "../../sk/base/types.js";
import { checkArray, checkTarget, decodeLabels, encodeLabels, toLabels } from "../../sk/base/validation.js";
import { fitSync, type FitOptions } from "../engine/training.js";
import type { Model } from "../models/model.js";
import type { History } from "../engine/parts.js";
import * as tf from "../../tf/index.js";

// scikit-learn wrappers for Keras models (Keras 2's `keras.wrappers.scikit_learn`): an estimator
// whose hyperparameters are the build function's options plus `fit` options, so it can sit in
// `sk.crossValScore` or `sk.RandomizedSearchCV`. scikit-learn calls `fit` synchronously, so the
// wrappers train with the synchronous driver of Keras' loop (no live display while they train).

/** Builds a compiled Keras model from the wrapper's build options. */
export type BuildFunction = (options: Params) => Model;

// Options that go to `fit`; every other option goes to the build function.
const FIT_OPTIONS = new Set([
  "epochs",
  "batchSize",
  "verbose",
  "validationSplit",
  "validationData",
  "callbacks",
  "shuffle",
  "classWeight",
  "sampleWeight",
  "initialEpoch",
  "stepsPerEpoch",
]);

/** Options of the wrappers: `model` (the build function), `fit` options, and build options. */
export interface KerasWrapperOptions {
  /** The function that builds and compiles the model. */
  model?: BuildFunction;
  epochs?: number;
  batchSize?: number;
  verbose?: 0 | 1 | 2;
  [buildOption: string]: unknown;
}

function split(params: Params): { build: Params; fit: FitOptions } {
  const build: Params = {};
  const fit: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k === "model" || v === undefined) continue;
    (FIT_OPTIONS.has(k) ? fit : build)[k] = v;
  }
  return { build, fit: fit as FitOptions };
}

function buildModel(owner: string, params: Params): Model {
  const fn = params.model;
  if (typeof fn !== "function") {
    throw new ValueError(
      `${owner} needs the function that builds the model: new keras.wrappers.${owner}(buildModel, { ... })`,
    );
  }
  const model = (fn as BuildFunction)(split(params).build);
  if (!model || typeof (model as { predict?: unknown }).predict !== "function") {
    throw new ValueError(`${owner}: the build function must return a Keras model, got ${String(model)}`);
  }
  if (!(model as { compiled?: unknown }).compiled) {
    throw new ValueError(
      `${owner}: the build function must compile the model (call model.compile({ ... }) in it)`,
    );
  }
  return model;
}

// Keras models compute in float32; scikit-learn's input checks accept frames and nested arrays.
function features(X: ArrayInput, owner: string): Tensor {
  const t = checkArray(X, { estimator: owner });
  return t.dtype === "float32" ? t : t.astype("float32");
}

// The build function's options are whatever it reads, so a search may set any name (as Keras 2's
// wrapper allows any argument of the build function).
function setAny<T extends object>(est: T, params: Params): T {
  for (const [k, v] of Object.entries(params)) {
    if (k.includes("__")) throw new ValueError(`${est.constructor.name} has no nested estimators: '${k}'`);
    (est as Params)[k] = v;
  }
  return est;
}

// Shared constructor handling: `new KerasRegressor(buildFn, options)` or `new KerasRegressor({ model, ... })`.
function initialOptions(first?: BuildFunction | KerasWrapperOptions, rest?: KerasWrapperOptions): Params {
  if (typeof first === "function") return { ...(rest ?? {}), model: first };
  return { ...(first ?? {}) };
}

/**
 * A Keras regressor as a scikit-learn estimator. `score` is the negative loss (as Keras 2's
 * wrapper, so searches maximise it).
 *
 * @example
 * ```ts
 * const reg = new keras.wrappers.KerasRegressor(buildModel, { nHidden: 1, epochs: 20 });
 * reg.fit(Xtrain, ytrain, { validationData: [Xvalid, yvalid] });
 * reg.score(Xtest, ytest); // -0.34
 * ```
 */
export class KerasRegressor extends RegressorMixin {
  /** The trained Keras model. */
  model_?: Model;
  /** The training history of the last `fit`. */
  history_?: History;

  constructor(model?: BuildFunction | KerasWrapperOptions, options?: KerasWrapperOptions) {
    super(initialOptions(model, options));
  }

  /** Sets options; any name is accepted, since the build function's options cannot be listed. */
  override setParams(params: Params): this {
    return setAny(this, params);
  }

  /** Builds a new model and trains it; `fitOptions` override the stored `fit` options. */
  fit(X: ArrayInput, y: TargetInput, fitOptions: FitOptions = {}): this {
    const params = this.getParams(false);
    this.model_ = buildModel("KerasRegressor", params);
    const target = checkTarget(y).astype("float32");
    this.history_ = fitSync(this.model_ as never, features(X, this.constructor.name), target, {
      verbose: 0,
      ...split(params).fit,
      ...fitOptions,
    });
    return this;
  }

  /** Predictions, one value per sample (a 1-column output is flattened, as scikit-learn expects). */
  predict(X: ArrayInput): Tensor {
    checkIsFitted(this, "model_");
    const out = this.model_!.predict(features(X, this.constructor.name)) as Tensor;
    return out.ndim === 2 && out.shape[1] === 1 ? out.reshape(-1) : out;
  }

  /** The negative of the model's loss on `(X, y)`. */
  override score(X: ArrayInput, y: TargetInput): number {
    checkIsFitted(this, "model_");
    const loss = this.model_!.evaluate(features(X, this.constructor.name), checkTarget(y).astype("float32"), {
      verbose: 0,
    });
    return -(typeof loss === "number" ? loss : Array.isArray(loss) ? loss[0] : Object.values(loss)[0]);
  }
}

/**
 * A Keras classifier as a scikit-learn estimator: labels of any kind are encoded as 0..k-1 for
 * training (compile with "sparse_categorical_crossentropy", or "binary_crossentropy" with one
 * sigmoid output) and decoded back by `predict`. `score` is the accuracy.
 *
 * @example
 * ```ts
 * const clf = new keras.wrappers.KerasClassifier(buildModel, { epochs: 10 });
 * sk.crossValScore(clf, X, y, { cv: 3 });
 * ```
 */
export class KerasClassifier extends ClassifierMixin {
  model_?: Model;
  history_?: History;
  /** The class labels, in the order of the model's outputs. */
  classes_?: Labels;

  constructor(model?: BuildFunction | KerasWrapperOptions, options?: KerasWrapperOptions) {
    super(initialOptions(model, options));
  }

  /** Sets options; any name is accepted, since the build function's options cannot be listed. */
  override setParams(params: Params): this {
    return setAny(this, params);
  }

  /** Builds a new model and trains it on the encoded labels. */
  fit(X: ArrayInput, y: TargetInput, fitOptions: FitOptions = {}): this {
    const params = this.getParams(false);
    const { classes, codes } = encodeLabels(toLabels(y));
    this.classes_ = classes;
    this.model_ = buildModel("KerasClassifier", params);
    const target = Tensor.fromTypedArray(Float32Array.from(codes), [codes.length], "float32");
    this.history_ = fitSync(this.model_ as never, features(X, this.constructor.name), target, {
      verbose: 0,
      ...split(params).fit,
      ...fitOptions,
    });
    return this;
  }

  /** Class probabilities, one column per class (a single sigmoid output gives two columns). */
  predictProba(X: ArrayInput): Tensor {
    checkIsFitted(this, "model_");
    const p = this.model_!.predict(features(X, this.constructor.name)) as Tensor;
    if (p.ndim === 2 && p.shape[1] === 1) return tf.concat([tf.sub(1, p), p], 1);
    return p;
  }

  /** The most probable class of each sample. */
  predict(X: ArrayInput): Labels {
    const codes = this.predictProba(X).argmax(1).dataSync();
    return decodeLabels(this.classes_!, codes);
  }
}

registerEstimator(KerasRegressor);
registerEstimator(KerasClassifier);
