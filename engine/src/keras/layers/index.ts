/**
 * `keras.layers`: the built-in layers, the `Layer` base class for custom ones, and the
 * functional merge helpers (`concatenate`, `add`...).
 *
 * @example
 * ```ts
 * new keras.layers.Dense(300, { activation: "relu" });
 * ```
 */
import { registerLayerClasses } from "../engine/layer-registry.js";
import { InputLayer } from "../engine/input-layer.js";
import { Dense } from "./dense.js";
import { Flatten } from "./flatten.js";
import { Conv2D } from "./conv2d.js";
import { AveragePooling2D, GlobalAveragePooling2D, MaxPooling2D } from "./pooling.js";
import { Activation } from "./activation.js";
import { Dropout } from "./dropout.js";
import { AlphaDropout } from "./alpha-dropout.js";
import { GaussianNoise } from "./gaussian-noise.js";
import { BatchNormalization } from "./batch-normalization.js";
import { LayerNormalization } from "./layer-normalization.js";
import { LeakyReLU } from "./leaky-relu.js";
import { PReLU } from "./prelu.js";
import { ELU } from "./elu.js";
import { ReLU } from "./relu.js";
import { Softmax } from "./softmax.js";
import { Lambda } from "./lambda.js";
import { Add, Average, Concatenate, Maximum, Minimum, Multiply, Subtract } from "./merging.js";
import { Reshape } from "./reshape.js";
import { Normalization } from "./normalization.js";
import { Embedding } from "./embedding.js";

export {
  Layer,
  type LayerOptions,
  type CallOptions,
  type AddWeightOptions,
  type CallInputs,
  type CallOutputs,
} from "../engine/layer.js";
export { InputLayer, Input, type InputOptions } from "../engine/input-layer.js";
export { Dense, type DenseOptions } from "./dense.js";
export { Flatten } from "./flatten.js";
export { Conv2D, type Conv2DOptions, type Size2 } from "./conv2d.js";
export {
  MaxPooling2D,
  MaxPool2D,
  AveragePooling2D,
  AvgPool2D,
  GlobalAveragePooling2D,
  GlobalAvgPool2D,
  type Pooling2DOptions,
} from "./pooling.js";
export { Activation } from "./activation.js";
export { Dropout, type DropoutOptions } from "./dropout.js";
export { AlphaDropout } from "./alpha-dropout.js";
export { GaussianNoise, type GaussianNoiseOptions } from "./gaussian-noise.js";
export { BatchNormalization, type BatchNormalizationOptions } from "./batch-normalization.js";
export { LayerNormalization, type LayerNormalizationOptions } from "./layer-normalization.js";
export { LeakyReLU, type LeakyReLUOptions } from "./leaky-relu.js";
export { PReLU, type PReLUOptions } from "./prelu.js";
export { ELU, type ELUOptions } from "./elu.js";
export { ReLU, type ReLUOptions } from "./relu.js";
export { Softmax, type SoftmaxOptions } from "./softmax.js";
export { Lambda, type LambdaOptions } from "./lambda.js";
export {
  Add,
  Subtract,
  Multiply,
  Average,
  Maximum,
  Minimum,
  Concatenate,
  concatenate,
  add,
  subtract,
  multiply,
  average,
  maximum,
  minimum,
  type ConcatenateOptions,
} from "./merging.js";
export { Reshape } from "./reshape.js";
export { Normalization, type NormalizationOptions } from "./normalization.js";
export { Embedding, type EmbeddingOptions } from "./embedding.js";

registerLayerClasses(
  InputLayer,
  Dense,
  Flatten,
  Conv2D,
  MaxPooling2D,
  AveragePooling2D,
  GlobalAveragePooling2D,
  Activation,
  Dropout,
  AlphaDropout,
  GaussianNoise,
  BatchNormalization,
  LayerNormalization,
  LeakyReLU,
  PReLU,
  ELU,
  ReLU,
  Softmax,
  Lambda,
  Add,
  Subtract,
  Multiply,
  Average,
  Maximum,
  Minimum,
  Concatenate,
  Reshape,
  Normalization,
  Embedding,
);
