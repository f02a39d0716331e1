// Helpers of the keras tests: the shipped MNIST files read directly (idx format, gzipped), and a
// finite-difference check of a layer's gradients through the tape.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { keras } from "tensorbook";
import { tf, type Tensor } from "tensorbook";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

function idx(path: string): { dims: number[]; data: Uint8Array } {
  const buf = gunzipSync(readFileSync(join(root, path)));
  const ndim = buf[3];
  const dims = Array.from({ length: ndim }, (_, i) => buf.readUInt32BE(4 + 4 * i));
  return {
    dims,
    data: new Uint8Array(
      buf.buffer,
      buf.byteOffset + 4 + 4 * ndim,
      dims.reduce((a, b) => a * b, 1),
    ),
  };
}

/** The first `n` MNIST images (scaled to [0, 1], float32, [n, 28, 28]) and labels (int32) of a split. */
export function mnist(split: "train" | "t10k", n: number, offset = 0): [Tensor, Tensor] {
  const images = idx(`datasets/mnist/${split}-images-idx3-ubyte.gz`);
  const labels = idx(`datasets/mnist/${split}-labels-idx1-ubyte.gz`);
  const px = 28 * 28;
  const x = new Float32Array(n * px);
  for (let i = 0; i < n * px; i++) x[i] = images.data[offset * px + i] / 255;
  const y = Int32Array.from(labels.data.subarray(offset, offset + n));
  return [tf.reshape(tf.constant(x), [n, 28, 28]), tf.constant(y, { dtype: "int32" })];
}

/** Fixed pseudo-random numbers in [-1, 1] (no global random state). */
export function fixedRandom(
  shape: readonly number[],
  seed = 1,
  dtype: "float32" | "float64" = "float64",
): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const out = new Float64Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6b79) >>> 0;
    out[i] = (s / 2 ** 32) * 2 - 1;
  }
  return tf.cast(tf.reshape(tf.constant(out, { dtype: "float64" }), [...shape]), dtype);
}

/**
 * Largest relative error between the tape's gradients (of `sum(layer(x) · R)` with respect to
 * the input and every trainable weight) and central differences, on up to `samples` elements
 * of each. The layer should compute in float64.
 */
export function layerGradientError(
  layer: keras.layers.Layer,
  x: Tensor,
  training = false,
  samples = 12,
): number {
  const r = fixedRandom((layer.apply(x, { training }) as Tensor).shape, 7);
  const loss = (input: Tensor): number =>
    tf.reduceSum(tf.multiply(layer.apply(input, { training }), r)).item() as number;
  const vars = layer.trainableWeights;
  const tape = new tf.GradientTape();
  const value = tape.record(() => {
    tape.watch(x);
    return tf.reduceSum(tf.multiply(layer.apply(x, { training }), r));
  });
  const grads = tape.gradient(value, [x, ...vars]);
  const eps = 1e-6;
  let worst = 0;
  const check = (analytic: Tensor | null, size: number, at: (i: number, delta: number) => number): void => {
    const a = analytic ? (analytic.dataSync() as Float64Array) : new Float64Array(size);
    const step = Math.max(1, Math.floor(size / samples));
    for (let i = 0; i < size; i += step) {
      const numeric = (at(i, eps) - at(i, -eps)) / (2 * eps);
      worst = Math.max(worst, Math.abs(a[i] - numeric) / Math.max(1, Math.abs(numeric)));
    }
  };
  if (x.dtype === "float64") {
    const base = x.dataSync() as Float64Array;
    check(grads[0], x.size, (i, d) => {
      const moved = Float64Array.from(base);
      moved[i] += d;
      return loss(tf.reshape(tf.constant(moved, { dtype: "float64" }), [...x.shape]));
    });
  }
  vars.forEach((v, k) => {
    const base = v.dataSync() as Float64Array;
    check(grads[k + 1], v.size, (i, d) => {
      const moved = Float64Array.from(base);
      moved[i] += d;
      v.assign(tf.reshape(tf.constant(moved, { dtype: "float64" }), [...v.shape]));
      const l = loss(x);
      v.assign(tf.reshape(tf.constant(base, { dtype: "float64" }), [...v.shape]));
      return l;
    });
  });
  return worst;
}

/**
 * California housing as scikit-learn's `fetch_california_housing` gives it (MedInc, HouseAge,
 * AveRooms, AveBedrms, Population, AveOccup, Latitude, Longitude; target in $100,000s), derived
 * from the shipped housing.csv (rows without total_bedrooms dropped), shuffled with a fixed
 * seed, split train/valid/test and standardized with the training statistics.
 */
export function californiaHousing(): {
  train: [Tensor, Tensor];
  valid: [Tensor, Tensor];
  test: [Tensor, Tensor];
} {
  const rows = readFileSync(join(root, "datasets/housing/housing.csv"), "utf8").trim().split("\n").slice(1);
  const X: number[][] = [];
  const y: number[] = [];
  for (const line of rows) {
    const c = line.split(",");
    if (c[4] === "") continue;
    const [lon, lat, age, rooms, bedrooms, pop, households, income, value] = c.slice(0, 9).map(Number);
    X.push([income, age, rooms / households, bedrooms / households, pop, pop / households, lat, lon]);
    y.push(value / 100000);
  }
  // A fixed shuffle (a small LCG) so every run splits the same way.
  let s = 42;
  for (let i = X.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [X[i], X[j]] = [X[j], X[i]];
    [y[i], y[j]] = [y[j], y[i]];
  }
  const nTest = Math.floor(X.length * 0.25);
  const nValid = Math.floor((X.length - nTest) * 0.25);
  const nTrain = X.length - nTest - nValid;
  const mean = Array.from({ length: 8 }, (_, k) => X.slice(0, nTrain).reduce((a, r) => a + r[k], 0) / nTrain);
  const std = Array.from({ length: 8 }, (_, k) =>
    Math.sqrt(X.slice(0, nTrain).reduce((a, r) => a + (r[k] - mean[k]) ** 2, 0) / nTrain),
  );
  const part = (a: number, b: number): [Tensor, Tensor] => [
    tf.constant(X.slice(a, b).map((r) => r.map((v, k) => (v - mean[k]) / std[k]))),
    tf.constant(y.slice(a, b).map((v) => [v])),
  ];
  return {
    train: part(0, nTrain),
    valid: part(nTrain, nTrain + nValid),
    test: part(nTrain + nValid, X.length),
  };
}
