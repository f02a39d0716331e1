import { Tensor } from "../../core/tensor.js";
import { manifest } from "../../datasets/manifest.js";
import { DatasetError } from "../../datasets/verify.js";
import { idxPair } from "./idx-pair.js";

/** Options of `fashionMnist.loadData`. */
export interface FashionMnistOptions {
  /**
   * The shipped copy lacks the 60,000 training images (only the test images and all labels
   * are there). With `fromTestSet: true`, the 10,000 shipped test images are split by position
   * into a training part (the first `trainSize`, default 8,000) and a test part (the rest).
   */
  fromTestSet?: boolean;
  /** Size of the training part with `fromTestSet` (default 8000). */
  trainSize?: number;
}

/** The class names of Fashion-MNIST, indexed by label (as the book lists them). */
export const classNames = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

const TRAIN_IMAGES = "fashion_mnist/train-images-idx3-ubyte.gz";

/**
 * Fashion-MNIST as Keras' `fashion_mnist.load_data()` returns it, when the training images are
 * shipped. They are not in this copy (see datasets/README.md), so by default this fails and
 * says so; `{ fromTestSet: true }` returns the documented stand-in split of the 10,000 test
 * images (uint8 `[n, 28, 28]`, labels uint8).
 *
 * @example
 * ```ts
 * const [[xTrain, yTrain], [xTest, yTest]] = keras.datasets.fashionMnist.loadData({ fromTestSet: true });
 * xTrain.shape; // [8000, 28, 28]
 * ```
 */
export function loadData(options: FashionMnistOptions = {}): [[Tensor, Tensor], [Tensor, Tensor]] {
  if (manifest().has(TRAIN_IMAGES)) {
    return [
      idxPair(TRAIN_IMAGES, "fashion_mnist/train-labels-idx1-ubyte.gz"),
      idxPair("fashion_mnist/t10k-images-idx3-ubyte.gz", "fashion_mnist/t10k-labels-idx1-ubyte.gz"),
    ];
  }
  if (!options.fromTestSet) {
    throw new DatasetError(
      `datasets/${TRAIN_IMAGES} is not shipped: this copy of Fashion-MNIST has only the 10,000 test images ` +
        `(and all labels). Call fashionMnist.loadData({ fromTestSet: true }) to split the test images into ` +
        `8,000 for training and 2,000 for testing, or use keras.datasets.mnist.`,
    );
  }
  const [x, y] = idxPair("fashion_mnist/t10k-images-idx3-ubyte.gz", "fashion_mnist/t10k-labels-idx1-ubyte.gz");
  const n = x.shape[0];
  const k = options.trainSize ?? 8000;
  if (!Number.isInteger(k) || k <= 0 || k >= n) throw new RangeError(`trainSize must be an integer in (0, ${n}), got ${k}`);
  const rows = (t: Tensor, a: number, b: number): Tensor => {
    const per = t.size / t.shape[0];
    const data = (t.dataSync() as Uint8Array).slice(a * per, b * per);
    return Tensor.fromTypedArray(data, [b - a, ...t.shape.slice(1)], "uint8");
  };
  return [
    [rows(x, 0, k), rows(y, 0, k)],
    [rows(x, k, n), rows(y, k, n)],
  ];
}
