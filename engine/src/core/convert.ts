import {
  allocate,
  castValue,
  dtypeOfTypedArray,
  inferDType,
  toDType,
  type DType,
  type TypedArray,
} from "./dtype.js";
import { ValueError } from "./errors.js";
import { TO_ARRAY, Tensor, type ArrayConvertible, type NestedArray, type TensorLike } from "./tensor.js";

function isTypedArray(x: unknown): x is TypedArray {
  return (
    x instanceof Float32Array ||
    x instanceof Float64Array ||
    x instanceof Int32Array ||
    x instanceof Uint8Array
  );
}

// Shape of a nested array, checking every branch has the same shape; the error names the path
// of the first branch that differs, e.g. `[1]` or `[0][2]`.
function nestedShape(x: NestedArray): number[] {
  const shape: number[] = [];
  let probe: NestedArray = x;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = probe[0] as NestedArray;
  }
  const check = (v: NestedArray, depth: number, path: string): void => {
    if (depth === shape.length) {
      if (Array.isArray(v)) {
        throw new ValueError(
          `setting an array element with a sequence: the nested array is ragged at ${path || "the top"} ` +
            `(a list where a number was expected; the first branch has shape (${shape.join(",")}))`,
        );
      }
      if (typeof v !== "number" && typeof v !== "boolean") {
        throw new TypeError(`array elements must be numbers or booleans, got ${typeof v} at ${path}`);
      }
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) {
      const got = Array.isArray(v) ? `length ${v.length}` : `a ${typeof v}`;
      throw new ValueError(
        `setting an array element with a sequence: the nested array is ragged at ${path || "the top"} ` +
          `(${got} where the first branch has length ${shape[depth]}; inhomogeneous after ${depth} dimensions)`,
      );
    }
    for (let i = 0; i < v.length; i++) check(v[i] as NestedArray, depth + 1, `${path}[${i}]`);
  };
  check(x, 0, "");
  return shape;
}

function* leaves(x: NestedArray): Generator<number | boolean> {
  if (Array.isArray(x)) for (const v of x) yield* leaves(v as NestedArray);
  else yield x as number | boolean;
}

/** Options shared by the functions that make arrays. */
export interface ArrayOptions {
  /** Element type; inferred from the values when omitted (NumPy's rules). */
  dtype?: DType | string;
}

/**
 * Converts anything array-like into a tensor: tensors pass through (converted when `dtype`
 * differs; a copy when `copy` is set), nested arrays are checked for raggedness, typed arrays
 * become 1-D tensors.
 */
export function toTensor(
  x: TensorLike | ArrayConvertible,
  opts: ArrayOptions & { copy?: boolean } = {},
): Tensor {
  const dtype = opts.dtype === undefined ? undefined : toDType(opts.dtype);
  if (isArrayConvertible(x)) {
    const t = x[TO_ARRAY](dtype);
    return dtype !== undefined && t.dtype !== dtype ? t.astype(dtype) : t;
  }
  if (x instanceof Tensor) {
    if (dtype !== undefined && dtype !== x.dtype) return x.astype(dtype);
    return opts.copy ? x.copy() : x;
  }
  if (isTypedArray(x)) {
    const own = dtypeOfTypedArray(x);
    const d = dtype ?? own;
    if (d === own) return Tensor.fromTypedArray(opts.copy === false ? x : x.slice(), [x.length], d);
    return Tensor.fromTypedArray(x.slice(), [x.length], own).astype(d);
  }
  if (typeof x === "number" || typeof x === "boolean") {
    const d = dtype ?? inferDType([x]);
    const data = allocate(d, 1);
    data[0] = castValue(d, typeof x === "boolean" ? Number(x) : x);
    return Tensor.fromTypedArray(data, [], d);
  }
  if (!Array.isArray(x)) {
    throw new TypeError(
      `expected a tensor, a number, a boolean, nested arrays or a typed array, got ${x === null ? "null" : typeof x}`,
    );
  }
  const shape = nestedShape(x);
  // Arrays of tensors (e.g. np.array([t1, t2])) are stacked.
  const d = dtype ?? inferDType(leaves(x));
  const size = shape.reduce((a, b) => a * b, 1);
  const data = allocate(d, size);
  let i = 0;
  for (const v of leaves(x)) data[i++] = castValue(d, typeof v === "boolean" ? Number(v) : v);
  return Tensor.fromTypedArray(data, shape, d);
}

/** Whether `x` converts itself through the array protocol (`TO_ARRAY`), as data frames do. */
export function isArrayConvertible(x: unknown): x is ArrayConvertible {
  return (
    typeof x === "object" &&
    x !== null &&
    !(x instanceof Tensor) &&
    typeof (x as Partial<ArrayConvertible>)[TO_ARRAY] === "function"
  );
}

/** Whether a value can be passed where a tensor is expected. */
export function isTensorLike(x: unknown): x is TensorLike {
  return (
    x instanceof Tensor ||
    isTypedArray(x) ||
    typeof x === "number" ||
    typeof x === "boolean" ||
    Array.isArray(x)
  );
}
