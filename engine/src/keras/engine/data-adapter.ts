import { toTensor } from "../../core/convert.js";
import { allocate, isFloat, type DType } from "../../core/dtype.js";
import { stepArray } from "../../core/recycle.js";
import { hostOf, isRowMajor, readHost } from "../../core/host.js";
import { ValueError } from "../../core/errors.js";
import { Tensor, type TensorLike } from "../../core/tensor.js";
import * as tfRandom from "../../tf/random.js";

// Turning what fit/evaluate/predict receive (one array, a list of arrays for several inputs or
// outputs, a dict by input name) into lists of contiguous tensors, and cutting them into
// batches. Batches of the data in order are views (no copy); shuffled batches are gathered.

/** Data as fit/evaluate/predict take it: one array, a list (several inputs/outputs), or a dict by name. */
export type ModelData = TensorLike | readonly TensorLike[] | Readonly<Record<string, TensorLike>>;

/** Whether a value is a list of arrays (several inputs) rather than one nested array. */
function isListOfArrays(x: unknown): x is readonly TensorLike[] {
  return Array.isArray(x) && x.length > 0 && x.every((e) => e instanceof Tensor || ArrayBuffer.isView(e));
}

function isDict(x: unknown): x is Readonly<Record<string, TensorLike>> {
  return (
    typeof x === "object" &&
    x !== null &&
    !Array.isArray(x) &&
    !(x instanceof Tensor) &&
    !ArrayBuffer.isView(x)
  );
}

/**
 * One contiguous tensor per input (or output), in the model's order. Floats become `floatType`
 * (the model computes in float32, so float64 arrays from `np` are converted once here).
 */
export function flattenData(
  data: ModelData,
  names: readonly string[],
  what: string,
  floatType: DType = "float32",
): Tensor[] {
  let list: TensorLike[];
  if (isDict(data)) {
    list = names.map((n) => {
      if (!(n in data))
        throw new ValueError(
          `Missing data for ${what} "${n}". You passed a dict with keys [${Object.keys(data).join(", ")}]; expected keys [${names.join(", ")}]`,
        );
      return data[n];
    });
  } else if (isListOfArrays(data)) {
    list = [...data];
  } else {
    list = [data as TensorLike];
  }
  return list.map((x) => {
    let t = x instanceof Tensor ? x : toTensor(x);
    if (isFloat(t.dtype) && t.dtype !== floatType) t = t.astype(floatType);
    else if (t.dtype === "bool") t = t.astype(floatType);
    return t.isContiguous ? t : t.copy();
  });
}

/** Checks that every array has the same number of examples, and returns it. */
export function countExamples(arrays: readonly Tensor[][]): number {
  let n = -1;
  const sizes: number[] = [];
  for (const group of arrays) {
    for (const t of group) {
      if (t.ndim === 0) throw new ValueError("Data arrays need a batch axis (got a scalar)");
      sizes.push(t.shape[0]);
      if (n < 0) n = t.shape[0];
    }
  }
  if (sizes.some((s) => s !== n)) {
    throw new ValueError(
      `Data cardinality is ambiguous: make sure all arrays contain the same number of samples. Sizes: ${sizes.join(", ")}`,
    );
  }
  return n;
}

/** Rows `start` to `end` of a contiguous tensor, as a view. */
export function rowSlice(t: Tensor, start: number, end: number): Tensor {
  if (start === 0 && end === t.shape[0]) return t;
  const row = t.ndim > 1 ? t.strides[0] : 1;
  return new Tensor(t.storage, [end - start, ...t.shape.slice(1)], t.strides, t.offset + start * row, false);
}

/**
 * The rows at `index` (positions `start`..`end` of it) of a tensor, copied. Rows that are
 * contiguous in storage (any slice of a row-major array along its first axis) are copied one
 * block each, straight from the storage; other layouts are gathered first.
 */
export function gatherRows(t: Tensor, index: Int32Array, start: number, end: number): Tensor {
  const row = t.shape[0] === 0 ? 0 : t.size / t.shape[0];
  const n = (end - start) * row;
  // Inside a training step, the previous step's batch array of this length is reused.
  const out =
    t.dtype === "float32" || t.dtype === "float64"
      ? stepArray(t.dtype, n, () => allocate(t.dtype, n) as Float32Array | Float64Array)
      : allocate(t.dtype, n);
  const shape = [end - start, ...t.shape.slice(1)];
  const host = hostOf(t);
  const direct = t.dtype !== "bool" && isRowMajor(t.shape.slice(1), t.strides.slice(1));
  const src = direct ? host.data : readHost(t);
  const base = direct ? t.offset : 0;
  const step = direct && t.ndim > 0 ? t.strides[0] : row;
  if (row === 1) {
    for (let i = start; i < end; i++) out[i - start] = src[base + index[i] * step];
  } else {
    for (let i = start; i < end; i++) {
      const s = base + index[i] * step;
      out.set(src.subarray(s, s + row), (i - start) * row);
    }
  }
  return Tensor.fromTypedArray(out, shape, t.dtype, false);
}

/** A random order of `n` examples, drawn from `tf.random`'s seeded stream. */
export function shuffledOrder(n: number): Int32Array {
  const perm = readHost(tfRandom.shuffle(toTensor(Int32Array.from({ length: n }, (_, i) => i))));
  return Int32Array.from(perm);
}

/** Batch boundaries: `[start, end]` pairs covering `n` examples. */
export function batchRanges(n: number, batchSize: number): [number, number][] {
  if (!(Number.isInteger(batchSize) && batchSize > 0))
    throw new ValueError(`batchSize must be a positive integer, got ${batchSize}`);
  const out: [number, number][] = [];
  for (let s = 0; s < n; s += batchSize) out.push([s, Math.min(n, s + batchSize)]);
  return out;
}
