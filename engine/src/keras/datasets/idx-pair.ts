import { Tensor } from "../../core/tensor.js";
import { readIdx } from "../../datasets/idx.js";

/** Images `[n, 28, 28]` and labels `[n]` from a pair of shipped IDX files, both uint8 as in Keras. */
export function idxPair(images: string, labels: string): [Tensor, Tensor] {
  const x = readIdx(images);
  const y = readIdx(labels);
  return [Tensor.fromTypedArray(x.data.slice(), x.shape, "uint8"), Tensor.fromTypedArray(y.data.slice(), y.shape, "uint8")];
}
