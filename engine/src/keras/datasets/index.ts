/**
 * `keras.datasets`: Keras' dataset loaders, reading only the files shipped in `datasets/`.
 *
 * @example
 * ```ts
 * const [[xTrain, yTrain], [xTest, yTest]] = keras.datasets.mnist.loadData();
 * ```
 */
export * as mnist from "./mnist.js";
export * as fashionMnist from "./fashion-mnist.js";
export * as imdb from "./imdb.js";
