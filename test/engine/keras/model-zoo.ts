// The book's models, shared by the Keras tests, the GPU tests (test/cuda) and the benchmarks.
import { keras } from "tensorbook";

/** The chapter 10 Fashion-MNIST MLP: Flatten, Dense(300, relu), Dense(100, relu), Dense(10, softmax). */
export function chapter10Mlp(): keras.Sequential {
  return new keras.Sequential([
    new keras.layers.Flatten({ inputShape: [28, 28] }),
    new keras.layers.Dense(300, { activation: "relu" }),
    new keras.layers.Dense(100, { activation: "relu" }),
    new keras.layers.Dense(10, { activation: "softmax" }),
  ]);
}

/**
 * The chapter 14 Fashion-MNIST CNN (64×7×7, pool, 2×128, pool, 2×256, pool, 128, 64, 10), with
 * dropout 0.5 after the dense layers (`dropout: 0` leaves it out, for runs compared step by step).
 */
export function chapter14Cnn(opts: { dropout?: number } = {}): keras.Sequential {
  const rate = opts.dropout ?? 0.5;
  const dropout = (): keras.layers.Layer[] => (rate > 0 ? [new keras.layers.Dropout(rate)] : []);
  const conv = (f: number, k = 3, o: keras.layers.Conv2DOptions = {}): keras.layers.Conv2D =>
    new keras.layers.Conv2D(f, k, { activation: "relu", padding: "same", ...o });
  return new keras.Sequential([
    conv(64, 7, { inputShape: [28, 28, 1] }),
    new keras.layers.MaxPooling2D({ poolSize: 2 }),
    conv(128),
    conv(128),
    new keras.layers.MaxPool2D(2),
    conv(256),
    conv(256),
    new keras.layers.MaxPooling2D(2),
    new keras.layers.Flatten(),
    new keras.layers.Dense(128, { activation: "relu" }),
    ...dropout(),
    new keras.layers.Dense(64, { activation: "relu" }),
    ...dropout(),
    new keras.layers.Dense(10, { activation: "softmax" }),
  ]);
}
