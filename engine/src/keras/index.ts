/**
 * `keras`: the Keras API. This file gathers the sub-namespaces.
 *
 * @example
 * ```ts
 * import { keras } from "tensorbook";
 * const model = new keras.Sequential([
 *   new keras.layers.Flatten({ inputShape: [28, 28] }),
 *   new keras.layers.Dense(300, { activation: "relu" }),
 *   new keras.layers.Dense(10, { activation: "softmax" }),
 * ]);
 * model.compile({ loss: "sparse_categorical_crossentropy", optimizer: "sgd", metrics: ["accuracy"] });
 * const [[Xtrain, ytrain]] = keras.datasets.mnist.loadData();
 * const history = await model.fit(Xtrain.div(255), ytrain, { epochs: 30, validationSplit: 0.1 });
 * ```
 */
import "../tf/index.js";
import "./saving/index.js";

export * as optimizers from "./optimizers/index.js";
export * as losses from "./losses/index.js";
export * as metrics from "./metrics/index.js";
export * as callbacks from "./callbacks/index.js";
export * as activations from "./activations/index.js";
export * as initializers from "./initializers/index.js";
export * as regularizers from "./regularizers/index.js";
export * as constraints from "./constraints/index.js";
export * as utils from "./utils/index.js";
export * as backend from "./backend/index.js";
export * as layers from "./layers/index.js";
export * as models from "./models/index.js";
export * as ops from "./ops/index.js";
export * as saving from "./saving/index.js";
export * as wrappers from "./wrappers/index.js";
export * as datasets from "./datasets/index.js";
export { Model, Sequential, type ModelArgs, type CompileOptions } from "./models/index.js";
export { Input, type InputOptions } from "./engine/input-layer.js";
export { KerasTensor } from "./engine/symbolic.js";
export type { ShapeSpec, ShapeSpecs } from "./engine/shapes.js";
export type { FitOptions, EvaluateOptions, PredictOptions } from "./engine/training.js";
export { TRAINING_MIME, type TrainingProgress } from "./engine/progress.js";
