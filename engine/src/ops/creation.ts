import { toTensor, type ArrayOptions } from "../core/convert.js";
import { allocate, castValue, inferDType, toDType, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { checkShape, sizeOf } from "../core/shape.js";
import { Tensor, type ArrayConvertible, type TensorLike } from "../core/tensor.js";

// Functions that make new arrays. `np` defaults to float64 like NumPy.

function dtypeOr(opts: ArrayOptions | undefined, fallback: DType): DType {
  return opts?.dtype === undefined ? fallback : toDType(opts.dtype);
}

/**
 * A new array from nested arrays, a typed array, a number, another tensor (always a copy), or a
 * `pd.DataFrame`/`pd.Series` (their numeric values, as pandas' `to_numpy()`).
 *
 * @example
 * ```ts
 * np.array([[1, 2], [3, 4]], { dtype: "float32" });
 * np.array(df); // [rows, columns]
 * ```
 */
export function array(values: TensorLike | ArrayConvertible, opts: ArrayOptions = {}): Tensor {
  return toTensor(values, { ...opts, copy: true });
}

/**
 * Like `array`, but returns a tensor unchanged when it already has the dtype (`np.asarray`);
 * frames and series give their values as `np.array` does.
 */
export function asarray(values: TensorLike | ArrayConvertible, opts: ArrayOptions = {}): Tensor {
  return toTensor(values, opts);
}

/**
 * An array of `shape` filled with `value` (`np.full`); the dtype follows the value unless given.
 *
 * @example
 * ```ts
 * np.full([2, 2], 7).toArray(); // [[7, 7], [7, 7]]
 * ```
 */
export function full(
  shape: number | readonly number[],
  value: number | boolean,
  opts: ArrayOptions = {},
): Tensor {
  const s = checkShape(shape);
  const d = dtypeOr(opts, inferDType([value]));
  const data = allocate(d, sizeOf(s));
  const v = castValue(d, Number(value));
  if (v !== 0) data.fill(v);
  return Tensor.fromTypedArray(data, s, d);
}

/** An array of zeros (`np.zeros`), float64 unless `dtype` says otherwise. @example `np.zeros([2, 3])` */
export function zeros(shape: number | readonly number[], opts: ArrayOptions = {}): Tensor {
  return full(shape, 0, { dtype: dtypeOr(opts, "float64") });
}

/** An array of ones (`np.ones`), float64 unless `dtype` says otherwise. @example `np.ones([100, 1])` */
export function ones(shape: number | readonly number[], opts: ArrayOptions = {}): Tensor {
  return full(shape, 1, { dtype: dtypeOr(opts, "float64") });
}

/**
 * An array whose contents are not meant to be read before being written (`np.empty`). Unlike
 * NumPy's, its memory is zeroed: JavaScript never exposes uninitialised memory.
 */
export function empty(shape: number | readonly number[], opts: ArrayOptions = {}): Tensor {
  return zeros(shape, opts);
}

/** Zeros with the shape (and dtype, unless given) of `like`. @example `np.zerosLike(X)` */
export function zerosLike(like: TensorLike, opts: ArrayOptions = {}): Tensor {
  const t = toTensor(like);
  return zeros(t.shape, { dtype: dtypeOr(opts, t.dtype) });
}

/** Ones with the shape (and dtype, unless given) of `like`. @example `np.onesLike(X)` */
export function onesLike(like: TensorLike, opts: ArrayOptions = {}): Tensor {
  const t = toTensor(like);
  return ones(t.shape, { dtype: dtypeOr(opts, t.dtype) });
}

/** `value` with the shape (and dtype, unless given) of `like`. @example `np.fullLike(X, 0.5)` */
export function fullLike(like: TensorLike, value: number | boolean, opts: ArrayOptions = {}): Tensor {
  const t = toTensor(like);
  return full(t.shape, value, { dtype: dtypeOr(opts, t.dtype) });
}

/** An array shaped like `like` (`np.empty_like`; zeroed, see `empty`). */
export function emptyLike(like: TensorLike, opts: ArrayOptions = {}): Tensor {
  return zerosLike(like, opts);
}

/**
 * Evenly spaced values in `[start, stop)` (`np.arange`): `arange(stop)`, `arange(start, stop)`,
 * `arange(start, stop, step)`. Integer arguments give int32, any fraction gives float64.
 *
 * @example
 * ```ts
 * np.arange(5).toArray(); // [0, 1, 2, 3, 4]
 * np.arange(0, 1, 0.25).toArray(); // [0, 0.25, 0.5, 0.75]
 * ```
 */
export function arange(start: number, stop?: number, step = 1, opts: ArrayOptions = {}): Tensor {
  if (stop === undefined) [start, stop] = [0, start];
  if (step === 0) throw new ValueError("Maximum allowed size exceeded (step must not be zero)");
  for (const v of [start, stop, step]) {
    if (!Number.isFinite(v)) throw new ValueError(`arange: arguments must be finite, got ${v}`);
  }
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const d = dtypeOr(opts, inferDType([start, stop, step]));
  const data = allocate(d, n);
  for (let i = 0; i < n; i++) data[i] = castValue(d, start + i * step);
  return Tensor.fromTypedArray(data, [n], d);
}

/** Options of `linspace`. */
export interface LinspaceOptions extends ArrayOptions {
  /** Whether `stop` is the last sample (default true). */
  endpoint?: boolean;
}

/**
 * `num` evenly spaced samples from `start` to `stop` (`np.linspace`), float64 by default.
 *
 * @example
 * ```ts
 * np.linspace(0, 1, 5).toArray(); // [0, 0.25, 0.5, 0.75, 1]
 * ```
 */
export function linspace(start: number, stop: number, num = 50, opts: LinspaceOptions = {}): Tensor {
  if (!Number.isInteger(num) || num < 0)
    throw new ValueError(`Number of samples, ${num}, must be non-negative.`);
  const endpoint = opts.endpoint ?? true;
  const div = endpoint ? num - 1 : num;
  const step = div > 0 ? (stop - start) / div : NaN;
  const d = dtypeOr(opts, "float64");
  const data = allocate(d, num);
  // NumPy computes start + i*step and then pins the last sample to `stop` exactly.
  for (let i = 0; i < num; i++) data[i] = castValue(d, div > 0 ? start + i * step : start);
  if (endpoint && num > 1) data[num - 1] = castValue(d, stop);
  return Tensor.fromTypedArray(data, [num], d);
}

/**
 * `num` samples evenly spaced on a log scale, `base ** linspace(start, stop)` (`np.logspace`).
 *
 * @example
 * ```ts
 * np.logspace(0, 2, 3).toArray(); // [1, 10, 100]
 * ```
 */
export function logspace(
  start: number,
  stop: number,
  num = 50,
  opts: LinspaceOptions & { base?: number } = {},
): Tensor {
  const lin = linspace(start, stop, num, { endpoint: opts.endpoint });
  const base = opts.base ?? 10;
  const d = dtypeOr(opts, "float64");
  const src = lin.dataSync();
  const data = allocate(d, num);
  for (let i = 0; i < num; i++) data[i] = castValue(d, base ** src[i]);
  return Tensor.fromTypedArray(data, [num], d);
}

/**
 * A 2-D array with ones on the `k`-th diagonal (`np.eye`).
 *
 * @example
 * ```ts
 * np.eye(2).toArray(); // [[1, 0], [0, 1]]
 * ```
 */
export function eye(n: number, m?: number, k = 0, opts: ArrayOptions = {}): Tensor {
  const cols = m ?? n;
  checkShape([n, cols]);
  const d = dtypeOr(opts, "float64");
  const data = allocate(d, n * cols);
  for (let i = 0; i < n; i++) {
    const j = i + k;
    if (j >= 0 && j < cols) data[i * cols + j] = 1;
  }
  return Tensor.fromTypedArray(data, [n, cols], d);
}

/** The `n`×`n` identity matrix (`np.identity`). @example `np.identity(3)` */
export function identity(n: number, opts: ArrayOptions = {}): Tensor {
  return eye(n, n, 0, opts);
}

/**
 * From a 1-D array, a 2-D array with it on the `k`-th diagonal; from a 2-D array, its `k`-th
 * diagonal as a 1-D array (`np.diag`).
 *
 * @example
 * ```ts
 * np.diag([1, 2]).toArray(); // [[1, 0], [0, 2]]
 * np.diag(np.eye(3)).toArray(); // [1, 1, 1]
 * ```
 */
export function diag(v: TensorLike, k = 0): Tensor {
  const t = toTensor(v);
  if (t.ndim === 1) {
    const n = t.shape[0] + Math.abs(k);
    const data = allocate(t.dtype, n * n);
    const src = t.dataSync();
    for (let i = 0; i < src.length; i++) {
      const r = k >= 0 ? i : i - k;
      const c = k >= 0 ? i + k : i;
      data[r * n + c] = src[i];
    }
    return Tensor.fromTypedArray(data, [n, n], t.dtype);
  }
  if (t.ndim === 2) {
    const [rows, cols] = t.shape;
    const start = k >= 0 ? [0, k] : [-k, 0];
    const len = Math.max(0, Math.min(rows - start[0], cols - start[1]));
    return t
      .view(
        [len],
        [t.strides[0] + t.strides[1]],
        t.offset + start[0] * t.strides[0] + start[1] * t.strides[1],
      )
      .copy();
  }
  throw new ValueError(`Input must be 1- or 2-d, got an array of dimension ${t.ndim}`);
}

/** Options of `meshgrid`. */
export interface MeshgridOptions {
  /** `"xy"` (default, Cartesian) or `"ij"` (matrix indexing). */
  indexing?: "xy" | "ij";
}

/**
 * Coordinate matrices from coordinate vectors (`np.meshgrid`), as full copies.
 *
 * @example
 * ```ts
 * const [xx, yy] = np.meshgrid(np.linspace(0, 1, 3), np.linspace(0, 1, 2));
 * xx.shape; // [2, 3]
 * ```
 */
export function meshgrid(...args: (TensorLike | MeshgridOptions)[]): Tensor[] {
  const last = args[args.length - 1];
  const isOpts = (x: unknown): x is MeshgridOptions =>
    typeof x === "object" &&
    x !== null &&
    !Array.isArray(x) &&
    !(x instanceof Tensor) &&
    !ArrayBuffer.isView(x);
  const opts: MeshgridOptions = isOpts(last) ? last : {};
  const vectors = (isOpts(last) ? args.slice(0, -1) : args).map((a) => toTensor(a as TensorLike).ravel());
  const indexing = opts.indexing ?? "xy";
  if (indexing !== "xy" && indexing !== "ij") {
    throw new ValueError(`Valid values for \`indexing\` are 'xy' and 'ij', got '${String(indexing)}'`);
  }
  const shape = vectors.map((v) => v.shape[0]);
  if (indexing === "xy" && shape.length >= 2) [shape[0], shape[1]] = [shape[1], shape[0]];
  return vectors.map((v, i) => {
    let axis = i;
    if (indexing === "xy" && vectors.length >= 2 && i < 2) axis = 1 - i;
    const strides = shape.map((_, ax) => (ax === axis ? v.strides[0] : 0));
    return v.view(shape, strides).copy();
  });
}
