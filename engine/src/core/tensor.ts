import { hostStorage, isHostStorage, type Storage } from "./backend.js";
import { toDType, type DType, type TypedArray } from "./dtype.js";
import { IndexError, ValueError } from "./errors.js";
import { copyHost, isRowMajor, readHost } from "./host.js";
import { opRecorder } from "./registry.js";
import { deviceHooks } from "./device-hooks.js";
import {
  AxisError,
  contiguousStrides,
  formatShape,
  normalizeAxes,
  normalizeAxis,
  sizeOf,
  type Shape,
} from "./shape.js";

/** A nested JavaScript array of numbers or booleans (a NumPy "array-like"). */
export type NestedArray = number | boolean | readonly NestedArray[];

/** What `np.array` and every op accept as an array: a tensor, a number, nested arrays, a typed array. */
export type TensorLike = Tensor | NestedArray | TypedArray;

/** The key of the display protocol: `obj[DISPLAY]()` returns a MIME bundle. */
export const DISPLAY: unique symbol = Symbol.for("Jupyter.display") as never;

/**
 * The array protocol (NumPy's `__array__`): an object with an `obj[TO_ARRAY](dtype?)` method
 * converts itself when passed to `np.array`/`np.asarray` or any op (data frames and series do).
 */
export const TO_ARRAY: unique symbol = Symbol.for("tensorbook.array") as never;

/** An object that converts itself to a tensor through the array protocol. */
export interface ArrayConvertible {
  [TO_ARRAY](dtype?: DType): Tensor;
}

/** A MIME bundle as Jupyter displays it; `text/plain` is always present. */
export interface MimeBundle {
  "text/plain": string;
  [mime: string]: unknown;
}

/** Hooks filled by other modules (printing), so this file stays about the tensor's layout. */
export const tensorHooks: {
  repr: (t: Tensor) => string;
  str: (t: Tensor) => string;
  html?: (t: Tensor) => string;
  /** Extra MIME entries of a tensor's bundle (the data grid's Arrow table for 2-D tensors). */
  extra?: (t: Tensor) => Record<string, unknown>;
} = {
  repr: (t) => `Tensor(shape=${formatShape(t.shape)}, dtype=${t.dtype})`,
  str: (t) => `Tensor(shape=${formatShape(t.shape)}, dtype=${t.dtype})`,
};

/**
 * An n-dimensional array: the one tensor type of every namespace (`np`, `tf`, `keras`, `sk`).
 * A tensor is a view (shape, strides, offset) of a backend-owned storage; slicing, transposing,
 * reshaping and broadcasting make new views without copying, as NumPy does.
 *
 * @example
 * ```ts
 * const a = np.array([[1, 2], [3, 4]]);
 * a.shape; // [2, 2]
 * a.T.get(0).toArray(); // [1, 3]
 * ```
 */
export class Tensor {
  /** Length of each axis. */
  readonly shape: readonly number[];
  /** Element type. */
  readonly dtype: DType;
  /** @internal The backend-owned buffer this tensor views. */
  readonly storage: Storage;
  /** @internal Step between neighbours along each axis, in elements. */
  readonly strides: readonly number[];
  /** @internal Position of the first element in the storage. */
  readonly offset: number;
  /**
   * Whether `set` may write to this tensor: `np` arrays are mutable like NumPy's; tensors made
   * by `tf` are not, like TensorFlow's.
   */
  readonly mutable: boolean;

  /** Number of elements. */
  readonly size: number;

  /** @internal Use `np.array` or `tf.constant` to make tensors. */
  constructor(storage: Storage, shape: Shape, strides?: readonly number[], offset = 0, mutable = true) {
    this.storage = storage;
    this.dtype = storage.dtype;
    // Shapes and strides are frozen arrays: one already frozen (another tensor's) is shared,
    // anything else is copied first, so a caller's array never changes a tensor.
    this.shape = frozen(shape);
    this.strides = strides === undefined ? Object.freeze(contiguousStrides(shape)) : frozen(strides);
    this.size = sizeOf(shape);
    this.offset = offset;
    this.mutable = mutable;
  }

  /** @internal A tensor over a new host storage that adopts `data` (no copy). */
  static fromTypedArray(data: TypedArray, shape: Shape, dtype: DType, mutable = true): Tensor {
    if (sizeOf(shape) !== data.length) {
      throw new ValueError(
        `cannot make an array of shape ${formatShape(shape)} from ${data.length} elements`,
      );
    }
    return new Tensor(hostStorage(data, dtype), shape, undefined, 0, mutable);
  }

  /** Number of axes. */
  get ndim(): number {
    return this.shape.length;
  }

  /** The transpose (axes reversed), a view. */
  get T(): Tensor {
    return this.transpose();
  }

  /** @internal Whether the elements sit in row-major order from `offset` (no gaps). */
  get isContiguous(): boolean {
    return isRowMajor(this.shape, this.strides);
  }

  /** @internal A view with another layout of the same storage (reported to autodiff as "view"). */
  view(shape: Shape, strides: readonly number[], offset = this.offset): Tensor {
    const v = new Tensor(this.storage, shape, strides, offset, this.mutable);
    opRecorder.record?.("view", [this], { shape, strides, offset }, v);
    return v;
  }

  /**
   * The elements as a new row-major typed array (a copy, safe to keep and modify).
   *
   * @example
   * ```ts
   * np.array([[1, 2], [3, 4]], { dtype: "float32" }).dataSync(); // Float32Array [1, 2, 3, 4]
   * ```
   */
  dataSync(): TypedArray {
    return copyHost(this).data;
  }

  /**
   * The elements as nested JavaScript arrays (booleans for bool tensors; a plain value for 0-d).
   *
   * @example
   * ```ts
   * np.eye(2).toArray(); // [[1, 0], [0, 1]]
   * ```
   */
  toArray(): NestedArray {
    const data = readHost(this);
    const asBool = this.dtype === "bool";
    const build = (axis: number, start: number): NestedArray => {
      if (axis === this.ndim) return asBool ? data[start] !== 0 : data[start];
      const stride = sizeOf(this.shape.slice(axis + 1));
      const out: NestedArray[] = [];
      for (let i = 0; i < this.shape[axis]; i++) out.push(build(axis + 1, start + i * stride));
      return out;
    };
    return build(0, 0);
  }

  /**
   * One element as a JavaScript number (or boolean), by flat index or one index per axis; with
   * no argument the tensor must have exactly one element.
   *
   * @example
   * ```ts
   * np.array([[1, 2], [3, 4]]).item(1, 0); // 3
   * ```
   */
  item(...index: number[]): number | boolean {
    let pos = this.offset;
    if (index.length === 0) {
      if (this.size !== 1) throw new ValueError("can only convert an array of size 1 to a JavaScript scalar");
    } else if (index.length === 1 && this.ndim !== 1) {
      let flat = index[0];
      if (flat < 0) flat += this.size;
      if (!Number.isInteger(flat) || flat < 0 || flat >= this.size) {
        throw new IndexError(`index ${index[0]} is out of bounds for size ${this.size}`);
      }
      for (let ax = this.ndim - 1; ax >= 0; ax--) {
        pos += (flat % this.shape[ax]) * this.strides[ax];
        flat = Math.floor(flat / this.shape[ax]);
      }
    } else {
      if (index.length !== this.ndim) {
        throw new ValueError(
          `incorrect number of indices for array: array is ${this.ndim}-dimensional, but ${index.length} were given`,
        );
      }
      index.forEach((i, ax) => {
        const n = this.shape[ax];
        if (!Number.isInteger(i) || i < -n || i >= n) {
          throw new IndexError(`index ${i} is out of bounds for axis ${ax} with size ${n}`);
        }
        pos += (i < 0 ? i + n : i) * this.strides[ax];
      });
    }
    // Host storage is read in place; a device's element comes through a 0-d view of it.
    const v = isHostStorage(this.storage) ? this.storage.data[pos] : readHost(this.view([], [], pos))[0];
    return this.dtype === "bool" ? v !== 0 : v;
  }

  /**
   * A copy with elements converted to `dtype` (NumPy's C casts: floats truncate toward zero
   * into integers, non-zero becomes true).
   *
   * @example
   * ```ts
   * np.array([1.7, -1.7]).astype("int32").toArray(); // [1, -1]
   * ```
   */
  astype(dtype: DType | string): Tensor {
    const d = toDType(dtype);
    const out = new Tensor(copyOn(this, d), this.shape, contiguousStrides(this.shape), 0, this.mutable);
    opRecorder.record?.("cast", [this], { dtype: d }, out);
    return out;
  }

  /** A row-major copy that shares nothing with this tensor. */
  copy(): Tensor {
    const out = new Tensor(
      copyOn(this, this.dtype),
      this.shape,
      contiguousStrides(this.shape),
      0,
      this.mutable,
    );
    opRecorder.record?.("copy", [this], {}, out);
    return out;
  }

  /**
   * The same elements in another shape; one length may be -1 (inferred). A view when the layout
   * allows it (as in NumPy), else a copy.
   *
   * @example
   * ```ts
   * np.arange(6).reshape(2, -1).shape; // [2, 3]
   * np.arange(6).reshape([3, 2]).shape; // [3, 2]
   * ```
   */
  reshape(...shape: (number | readonly number[])[]): Tensor {
    const wanted = (shape.length === 1 && Array.isArray(shape[0]) ? shape[0] : shape) as readonly number[];
    const target = resolveReshape(wanted, this.size);
    if (this.isContiguous) return this.view(target, contiguousStrides(target));
    const strides = reshapeStrides(this.shape, this.strides, target);
    if (strides) return this.view(target, strides);
    return this.copy().reshape(target);
  }

  /** The elements as a 1-D tensor: a view when contiguous, else a copy (NumPy's `ravel`). */
  ravel(): Tensor {
    return this.reshape([this.size]);
  }

  /** The elements as a new 1-D tensor (always a copy, as NumPy's `flatten`). */
  flatten(): Tensor {
    return this.copy().reshape([this.size]);
  }

  /**
   * Permutes the axes (reverses them by default); a view.
   *
   * @example
   * ```ts
   * np.zeros([2, 3, 4]).transpose([1, 0, 2]).shape; // [3, 2, 4]
   * np.zeros([2, 3, 4]).transpose(2, 0, 1).shape; // [4, 2, 3]
   * ```
   */
  transpose(...axes: (number | readonly number[])[]): Tensor {
    const list = (axes.length === 1 && Array.isArray(axes[0]) ? axes[0] : axes) as readonly number[];
    const perm =
      list.length === 0 ? [...this.shape.keys()].reverse() : list.map((a) => normalizeAxis(a, this.ndim));
    if (perm.length !== this.ndim || new Set(perm).size !== perm.length) {
      throw new ValueError("axes don't match array");
    }
    return this.view(
      perm.map((a) => this.shape[a]),
      perm.map((a) => this.strides[a]),
    );
  }

  /**
   * Removes length-1 axes (all of them, or those named); a view.
   *
   * @example
   * ```ts
   * np.zeros([1, 3, 1]).squeeze().shape; // [3]
   * ```
   */
  squeeze(axis?: number | readonly number[]): Tensor {
    const drop =
      axis === undefined
        ? this.shape.flatMap((d, i) => (d === 1 ? [i] : []))
        : normalizeAxes(axis, this.ndim);
    for (const a of drop) {
      if (this.shape[a] !== 1) {
        throw new ValueError("cannot select an axis to squeeze out which has size not equal to one");
      }
    }
    const keep = [...this.shape.keys()].filter((i) => !drop.includes(i));
    return this.view(
      keep.map((i) => this.shape[i]),
      keep.map((i) => this.strides[i]),
    );
  }

  /**
   * Inserts a length-1 axis at `axis` (NumPy's `expand_dims`); a view.
   *
   * @example
   * ```ts
   * np.zeros([3]).expandDims(0).shape; // [1, 3]
   * ```
   */
  expandDims(axis: number | readonly number[]): Tensor {
    const axes = typeof axis === "number" ? [axis] : [...axis];
    const ndim = this.ndim + axes.length;
    const at = axes.map((a) => {
      if (a < -ndim || a >= ndim)
        throw new AxisError(`axis ${a} is out of bounds for array of dimension ${ndim}`);
      return a < 0 ? a + ndim : a;
    });
    const shape: number[] = [];
    const strides: number[] = [];
    let src = 0;
    for (let i = 0; i < ndim; i++) {
      if (at.includes(i)) {
        shape.push(1);
        strides.push(0);
      } else {
        shape.push(this.shape[src]);
        strides.push(this.strides[src++]);
      }
    }
    return this.view(shape, strides);
  }

  /**
   * NumPy's `str`, what Python's `print(a)` shows: `[[1. 2.]\n [3. 4.]]` (a notebook cell's last
   * expression shows the `repr` instead, through the display protocol).
   */
  toString(): string {
    return tensorHooks.str(this);
  }

  /** The display protocol: plain text like NumPy's repr (and HTML when available). */
  [DISPLAY](): MimeBundle {
    const bundle: MimeBundle = { "text/plain": tensorHooks.repr(this) };
    if (tensorHooks.html) bundle["text/html"] = tensorHooks.html(this);
    if (tensorHooks.extra) Object.assign(bundle, tensorHooks.extra(this));
    return bundle;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return tensorHooks.repr(this);
  }
}

// A frozen array with `a`'s numbers: `a` itself when it is frozen already.
function frozen(a: readonly number[]): readonly number[] {
  return Object.isFrozen(a) ? a : Object.freeze([...a]);
}

function resolveReshape(wanted: readonly number[], size: number): number[] {
  let unknown = -1;
  let known = 1;
  const out = wanted.map((d, i) => {
    if (!Number.isInteger(d))
      throw new TypeError(`reshape takes integer lengths, got ${JSON.stringify(wanted)}`);
    if (d === -1) {
      if (unknown >= 0) throw new ValueError("can only specify one unknown dimension");
      unknown = i;
      return d;
    }
    if (d < 0) throw new ValueError(`negative dimensions not allowed, got ${d}`);
    known *= d;
    return d;
  });
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) {
      throw new ValueError(`cannot reshape array of size ${size} into shape ${formatShape(wanted)}`);
    }
    out[unknown] = size / known;
  } else if (known !== size) {
    throw new ValueError(`cannot reshape array of size ${size} into shape ${formatShape(wanted)}`);
  }
  return out;
}

// Strides that let a non-contiguous view take a new shape without copying, or null when the
// elements cannot be reached by fixed strides (then reshape copies, like NumPy).
function reshapeStrides(
  shape: Shape,
  strides: readonly number[],
  target: readonly number[],
): number[] | null {
  const oldDims: number[] = [];
  const oldStrides: number[] = [];
  shape.forEach((d, i) => {
    if (d !== 1) {
      oldDims.push(d);
      oldStrides.push(strides[i]);
    }
  });
  const out = new Array<number>(target.length).fill(0);
  let oi = 0;
  let ti = 0;
  while (oi < oldDims.length && ti < target.length) {
    // Group old axes and new axes until their products match.
    let op = oldDims[oi];
    let np_ = target[ti];
    const oStart = oi;
    const tStart = ti;
    while (op !== np_) {
      if (op < np_) op *= oldDims[++oi];
      else np_ *= target[++ti];
    }
    // The old group must be contiguous within itself.
    for (let k = oStart; k < oi; k++) {
      if (oldStrides[k] !== oldStrides[k + 1] * oldDims[k + 1]) return null;
    }
    let s = oldStrides[oi];
    for (let k = ti; k >= tStart; k--) {
      out[k] = s;
      s *= target[k];
    }
    oi++;
    ti++;
  }
  return out;
}

// A row-major copy as `dtype` on the tensor's own device: casts and copies of device tensors
// stay there (a cast goes through the host, the device backends having no cast kernel yet).
function copyOn(t: Tensor, dtype: DType): Storage {
  const device = t.storage.device;
  if (device === "cpu" || !deviceHooks.copyTo) return copyHost(t, dtype);
  if (dtype === t.dtype) return deviceHooks.copyTo(t, device);
  return deviceHooks.copyTo(new Tensor(copyHost(t, dtype), t.shape), device);
}
