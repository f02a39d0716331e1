import type { Tensor } from "../../core/tensor.js";
import { readIdx } from "../../datasets/idx.js";
import { DatasetError } from "../../datasets/verify.js";
import type { DataFrame } from "../../pd/frame.js";
import { Series } from "../../pd/series.js";
import type { Bunch, FrameBunch } from "./bunch.js";
import { finish } from "./shape.js";

/** Options of `fetchOpenml`. */
export interface FetchOpenmlOptions {
  /** OpenML version (only 1 exists for mnist_784). */
  version?: number | "active";
  /** OpenML data id instead of a name (554 is mnist_784). */
  dataId?: number;
  /**
   * Frames instead of tensors. Default false: tensors, as the book's `as_frame=False` (a frame
   * of 784 columns is rarely what a notebook wants).
   */
  asFrame?: boolean;
  /** Return `[X, y]` instead of a bunch. */
  returnXy?: boolean;
  /** Accepted for compatibility ("auto", "pandas", "liac-arff"); nothing is parsed. */
  parser?: string;
}

const DESCR = `**Author**: Yann LeCun, Corinna Cortes, Christopher J.C. Burges
**Source**: [MNIST Website](http://yann.lecun.com/exdb/mnist/) - Date unknown
**Please cite**:

The MNIST database of handwritten digits with 784 features, raw data available at:
http://yann.lecun.com/exdb/mnist/. It can be split in a training set of the first 60,000
examples, and a test set of 10,000 examples.

Tensorbook serves this OpenML dataset (id 554, mnist_784 version 1) from the shipped IDX files
in datasets/mnist/ (the original train set followed by the test set, the order OpenML uses),
so nothing is downloaded. Pixels are 0-255; labels are the strings "0" to "9".
Licence: CC BY-SA 3.0 as commonly stated.`;

/**
 * scikit-learn's `fetch_openml`, for the one OpenML dataset the book uses: "mnist_784", served
 * from the shipped MNIST files with scikit-learn's shapes and types: `data` float64
 * `[70000, 784]` (train then test, in order), `target` the label strings "0"–"9".
 *
 * @example
 * ```ts
 * const mnist = sk.datasets.fetchOpenml("mnist_784", { version: 1 });
 * const X = mnist.data; // [70000, 784]
 * const y = np.array(mnist.target.map(Number), { dtype: "uint8" });
 * ```
 */
export function fetchOpenml(name: string, options: FetchOpenmlOptions & { returnXy: true; asFrame: true }): [DataFrame, Series];
export function fetchOpenml(name: string, options: FetchOpenmlOptions & { returnXy: true; asFrame?: false }): [Tensor, string[]];
export function fetchOpenml(name: string, options: FetchOpenmlOptions & { asFrame: true; returnXy?: false }): FrameBunch;
export function fetchOpenml(name?: string, options?: FetchOpenmlOptions & { returnXy?: false; asFrame?: false }): Bunch<string[]>;
export function fetchOpenml(name?: string, options: FetchOpenmlOptions = {}): unknown {
  const known = name === "mnist_784" || options.dataId === 554;
  if (!known) {
    throw new DatasetError(
      `OpenML dataset ${JSON.stringify(name ?? options.dataId)} is not shipped; Tensorbook serves only "mnist_784" ` +
        `(data id 554) from datasets/mnist/ and never downloads`,
    );
  }
  if (options.version !== undefined && options.version !== 1 && options.version !== "active") {
    throw new DatasetError(`mnist_784 has only version 1 on OpenML, got version ${options.version}`);
  }
  const parts = [
    ["mnist/train-images-idx3-ubyte.gz", "mnist/train-labels-idx1-ubyte.gz"],
    ["mnist/t10k-images-idx3-ubyte.gz", "mnist/t10k-labels-idx1-ubyte.gz"],
  ].map(([img, lab]) => ({ images: readIdx(img), labels: readIdx(lab) }));
  const rows = parts.reduce((s, p) => s + p.labels.shape[0], 0);
  const data = new Float64Array(rows * 784);
  const target: string[] = [];
  let o = 0;
  for (const p of parts) {
    const px = p.images.data;
    for (let i = 0; i < px.length; i++) data[o + i] = px[i];
    o += px.length;
    for (const l of p.labels.data) target.push(String(l));
  }
  return finish(
    {
      data,
      rows,
      target,
      targetSeries: () => new Series(target, { name: "class", dtype: "category" }),
      featureNames: Array.from({ length: 784 }, (_, j) => `pixel${j + 1}`),
      targetNames: ["class"],
      DESCR,
    },
    options,
  );
}
