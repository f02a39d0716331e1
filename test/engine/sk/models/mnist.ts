/**
 * A small reader of the shipped MNIST idx.gz files (tests and benchmarks; the notebooks use the
 * sk.datasets loader).
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { Tensor } from "../../../../engine/src/index.js";
import { repoPath } from "./helpers.js";

/** Images (n×784 float64, 0–255) and labels (int32) of `train` or `t10k`, the first `limit` rows. */
export function mnist(part: "train" | "t10k", limit = Infinity): { X: Tensor; y: Tensor } {
  const img = gunzipSync(readFileSync(repoPath(`datasets/mnist/${part}-images-idx3-ubyte.gz`)));
  const lab = gunzipSync(readFileSync(repoPath(`datasets/mnist/${part}-labels-idx1-ubyte.gz`)));
  const n = Math.min(img.readUInt32BE(4), limit);
  const d = img.readUInt32BE(8) * img.readUInt32BE(12);
  const X = new Float64Array(n * d);
  for (let i = 0; i < n * d; i++) X[i] = img[16 + i];
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) y[i] = lab[8 + i];
  return { X: Tensor.fromTypedArray(X, [n, d], "float64"), y: Tensor.fromTypedArray(y, [n], "int32") };
}
