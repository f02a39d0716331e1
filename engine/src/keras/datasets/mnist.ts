import type { Tensor } from "../../core/tensor.js";
import { idxPair } from "./idx-pair.js";

/**
 * MNIST digits as Keras' `mnist.load_data()` returns them: 60,000 training and 10,000 test
 * images (uint8 `[n, 28, 28]`, 0–255) with uint8 labels, from the shipped IDX files.
 *
 * @example
 * ```ts
 * const [[xTrain, yTrain], [xTest, yTest]] = keras.datasets.mnist.loadData();
 * xTrain.shape; // [60000, 28, 28]
 * ```
 */
export function loadData(): [[Tensor, Tensor], [Tensor, Tensor]] {
  return [
    idxPair("mnist/train-images-idx3-ubyte.gz", "mnist/train-labels-idx1-ubyte.gz"),
    idxPair("mnist/t10k-images-idx3-ubyte.gz", "mnist/t10k-labels-idx1-ubyte.gz"),
  ];
}
