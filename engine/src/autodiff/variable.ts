import { hostStorage, type HostStorage, type Storage } from "../core/backend.js";
import { deviceHooks } from "../core/device-hooks.js";
import { toTensor } from "../core/convert.js";
import { allocate, castValue, toDType, type DType, type TypedArray } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { copyHost, readHost } from "../core/host.js";
import { contiguousStrides, formatShape } from "../core/shape.js";
import { Tensor, type TensorLike } from "../core/tensor.js";
import type { IndexItem } from "../ops/index-parse.js";
import "../ops/indexing.js";
import "../ops/assign.js";
import { add, sub } from "../ops/arithmetic.js";
import { inRecyclingStep, noteAdopted, retire } from "../core/recycle.js";
import { addObserver, withoutRecording } from "./recorder.js";

// Storage of variables that was read outside a training step (`value()`, or an op or view
// taking the variable): someone may still hold it, so it is never reused when the variable
// moves on (see `core/recycle.ts`). Reads inside a step end with the step.
const exposed = new WeakSet<Storage>();

/** Options of `new tf.Variable(initialValue, options)`. */
export interface VariableOptions {
  /** Whether tapes watch it automatically and optimizers update it (default true). */
  trainable?: boolean;
  /** A name shown in reprs and used by Keras (default "Variable"). */
  name?: string;
  /** Element type; default: the initial tensor's, or float32 for JavaScript numbers. */
  dtype?: DType | string;
  /** A projection optimizers apply after each update (e.g. a max-norm), as Keras constraints. */
  constraint?: ((value: Tensor) => Tensor) | null;
  /**
   * Where the value lives: "cpu" or "cuda" (also "gpu", "/GPU:0"). Default: the GPU when the
   * initial value is there or work is placed there (`tb.setDevice("cuda")`, `tf.device`) and
   * the dtype is a float one; else the CPU.
   */
  device?: string;
}

/**
 * A read of a variable at one moment: an immutable tensor over the storage the variable had
 * then. Tapes keep these for the backward pass, so assigning the variable later never changes a
 * recorded value; they key the gradient by `variable`.
 */
export class VariableValue extends Tensor {
  /** @internal The variable this value was read from. */
  readonly variable: Variable;

  /** @internal */
  constructor(variable: Variable) {
    super(variable.storage, variable.shape, variable.strides, 0, false);
    this.variable = variable;
  }
}

/** Part of a variable, read with `get`, that can be assigned: `v.get(0, 0).assign(3)`. */
export interface VariableSlice extends Tensor {
  /** Writes `value` into this part of the variable (TensorFlow's `v[0, 0].assign(3.)`). */
  assign(value: TensorLike): Variable;
}

let counter = 0;

/**
 * TensorFlow's `tf.Variable`: the mutable tensor of a model (weights, counters). It is a
 * `Tensor` (every op accepts it, and reads see its current value), tapes watch it automatically
 * when `trainable`, and it changes only through `assign`, `assignAdd`, `assignSub`,
 * `scatterNdUpdate` and slice assignment. An assignment installs new storage instead of writing
 * over the old one, so tensors read from the variable earlier (and values a tape recorded)
 * keep their values, as in TensorFlow.
 *
 * @example
 * ```ts
 * const v = new tf.Variable(tf.zeros([3, 1]));
 * v.assign(tf.ones([3, 1]));
 * v.assignAdd(tf.ones([3, 1])); // [[2], [2], [2]]
 * ```
 */
export class Variable extends Tensor {
  /** The variable's name (TensorFlow appends ":0"; Tensorbook keeps the name as given). */
  readonly name: string;
  /** Whether tapes watch it automatically and optimizers update it. */
  trainable: boolean;
  /** The projection optimizers apply after each update, or null. */
  constraint: ((value: Tensor) => Tensor) | null;
  #value: VariableValue | undefined;

  constructor(initialValue: TensorLike, opts: VariableOptions = {}) {
    const init = initialTensor(initialValue, opts.dtype);
    super(placeStorage(init, opts.device), init.shape, contiguousStrides(init.shape), 0, false);
    this.trainable = opts.trainable ?? true;
    this.name = opts.name ?? (counter++ === 0 ? "Variable" : `Variable_${counter - 1}`);
    this.constraint = opts.constraint ?? null;
  }

  /**
   * The current value as an immutable tensor (TensorFlow's `read_value`); the same object until
   * the next assignment.
   *
   * @example
   * ```ts
   * const snapshot = v.value();
   * ```
   */
  value(): VariableValue {
    if (!inRecyclingStep()) exposed.add(this.storage);
    if (!this.#value || this.#value.storage !== this.storage) this.#value = new VariableValue(this);
    return this.#value;
  }

  /**
   * Replaces the value (same shape; converted to the variable's dtype).
   *
   * @example
   * ```ts
   * v.assign(tf.ones([3, 1]));
   * ```
   */
  assign(value: TensorLike): this {
    const t = withoutRecording(() => toTensor(value, { dtype: this.dtype }));
    if (!sameShape(t.shape, this.shape)) {
      throw new ValueError(
        `Cannot assign value to variable '${this.name}': shape mismatch. The variable shape ${formatShape(this.shape)}, ` +
          `and the assigned value shape ${formatShape(t.shape)} are incompatible.`,
      );
    }
    if (this.storage.device !== "cpu") this.writeDevice(t);
    else this.install(copyHost(t, this.dtype));
    return this;
  }

  /** Adds `delta` to the value (`assign_add`). @example `step.assignAdd(1)` */
  assignAdd(delta: TensorLike): this {
    return this.update(delta, (a, b) => a + b, add);
  }

  /** Subtracts `delta` from the value (`assign_sub`). @example `w.assignSub(grad.mul(lr))` */
  assignSub(delta: TensorLike): this {
    return this.update(delta, (a, b) => a - b, sub);
  }

  /**
   * Moves the value to a device ("cpu", "cuda"; PyTorch's `module.to`): later ops on the
   * variable run there, and assignments write there. Reads taken before keep the old copy.
   *
   * @example
   * ```ts
   * w.moveTo("cuda"); // w.device === "cuda"
   * ```
   */
  moveTo(device: string): this {
    const t = this.value().to(device);
    if (t.device === this.storage.device) return this;
    this.replace(placeStorage(t, t.device));
    return this;
  }

  /**
   * Writes `updates` at the positions `indices` names (`scatter_nd_update`): each row of the
   * int `indices` (shape `[n, k]`) indexes the first `k` axes, and the matching slice of
   * `updates` (shape `[n, ...shape.slice(k)]`) goes there.
   *
   * @example
   * ```ts
   * const v = new tf.Variable(tf.zeros([5]));
   * v.scatterNdUpdate([[0], [2]], [100, 200]); // [100, 0, 200, 0, 0]
   * ```
   */
  scatterNdUpdate(indices: TensorLike, updates: TensorLike): this {
    const idx = toTensor(indices);
    const k = idx.shape[idx.ndim - 1];
    const n = idx.size / k;
    const sliceShape = this.shape.slice(k);
    const sliceSize = sliceShape.reduce((a, b) => a * b, 1);
    const up = withoutRecording(() => toTensor(updates, { dtype: this.dtype }));
    if (up.size !== n * sliceSize) {
      throw new ValueError(
        `scatterNdUpdate: updates of shape ${formatShape(up.shape)} do not match ${n} slices of shape ${formatShape(sliceShape)}`,
      );
    }
    const next = copyHost(this);
    const iv = readHost(idx);
    const uv = readHost(up);
    const strides = contiguousStrides(this.shape);
    for (let r = 0; r < n; r++) {
      let pos = 0;
      for (let a = 0; a < k; a++) {
        let i = iv[r * k + a];
        if (i < 0 || i >= this.shape[a]) {
          throw new ValueError(`indices[${r}] = ${i} does not index axis ${a} of length ${this.shape[a]}`);
        }
        i = Math.trunc(i);
        pos += i * strides[a];
      }
      for (let j = 0; j < sliceSize; j++) next.data[pos + j] = uv[r * sliceSize + j];
    }
    this.install(next);
    return this;
  }

  /**
   * Writes `value` into the part of the variable a writer selects: the slice assignment behind
   * `v[0, 1].assign(3)`. `write` receives a mutable copy of the current value and edits it in
   * place (e.g. with `set`); the copy then becomes the new value.
   *
   * @example
   * ```ts
   * v.assignWith((copy) => copy.set([0, 0], 3));
   * ```
   */
  assignWith(write: (copy: Tensor) => void): this {
    const next = copyHost(this);
    withoutRecording(() => write(new Tensor(next, this.shape)));
    this.install(next);
    return this;
  }

  /**
   * @internal Installs `data` as the new value without copying it: a fresh row-major array of
   * the variable's dtype and size that nothing else holds (optimizers write their update into
   * one). Like every assignment it leaves earlier reads with the old storage.
   */
  adoptArray(data: TypedArray): this {
    if (data.length !== this.size || data.constructor !== allocate(this.dtype, 0).constructor) {
      throw new ValueError(
        `adoptArray: variable '${this.name}' holds ${this.size} ${this.dtype} elements, got a ${data.constructor.name} of length ${data.length}`,
      );
    }
    const prev = this.storage;
    this.install(hostStorage(data, this.dtype));
    // Inside a training step the array outlives the step, and the one it replaces is free for
    // the next step unless it was read outside one.
    noteAdopted(data);
    if (prev.device === "cpu" && !exposed.has(prev)) retire((prev as HostStorage).data);
    return this;
  }

  /**
   * Reads part of the variable (NumPy-style indexing, as `Tensor.get`); the result can be
   * assigned, which writes that part of the variable (TensorFlow's slice assignment).
   *
   * @example
   * ```ts
   * v.get(0, 0).assign(3);   // v[0, 0].assign(3.)
   * v.get(":", 2).assign(0); // v[:, 2].assign(0.)
   * ```
   */
  override get(...index: IndexItem[]): VariableSlice {
    const part = super.get(...index) as VariableSlice;
    Object.defineProperty(part, "assign", {
      value: (value: TensorLike): Variable => this.assignWith((copy) => copy.set(index, value)),
    });
    return part;
  }

  /** Variables are not assigned item by item; use `v.get(...).assign(value)` or `v.assign`. */
  override set(_index: IndexItem | readonly IndexItem[], _value: TensorLike): Tensor {
    throw new TypeError(
      `'ResourceVariable' object does not support item assignment: use v.get(...index).assign(value) ` +
        `(TensorFlow's v[index].assign(value)) or v.assign(newValue)`,
    );
  }

  /** Applies `constraint` (if any) to the value; optimizers call it after each update. */
  applyConstraint(): this {
    if (this.constraint) this.assign(withoutRecording(() => this.constraint!(this.value())));
    return this;
  }

  private update(
    delta: TensorLike,
    f: (a: number, b: number) => number,
    op: (a: Tensor, b: Tensor) => Tensor,
  ): this {
    if (typeof delta === "number" && this.storage.device === "cpu") {
      // A number (a step counter, a metric's running sum): the value a 0-d tensor of the
      // variable's dtype would hold, added without making one.
      const b = castValue(this.dtype, delta);
      const next = copyHost(this);
      const out = next.data;
      for (let i = 0; i < out.length; i++) out[i] = castValue(this.dtype, f(out[i], b));
      this.install(next);
      return this;
    }
    const d = withoutRecording(() => toTensor(delta, { dtype: this.dtype }));
    if (this.storage.device !== "cpu" && (d.size === 1 || sameShape(d.shape, this.shape))) {
      // On a device: one kernel there, written into the variable's buffer.
      const r = withoutRecording(() => op(this.value(), d));
      this.writeDevice(r);
      r.dispose();
      return this;
    }
    const next = copyHost(this);
    const dv = readHost(d);
    const out = next.data;
    if (d.size === 1) {
      const b = dv[0];
      for (let i = 0; i < out.length; i++) out[i] = castValue(this.dtype, f(out[i], b));
    } else if (sameShape(d.shape, this.shape)) {
      for (let i = 0; i < out.length; i++) out[i] = castValue(this.dtype, f(out[i], dv[i]));
    } else {
      throw new ValueError(
        `Cannot update variable '${this.name}' of shape ${formatShape(this.shape)} with a value of shape ${formatShape(d.shape)}`,
      );
    }
    this.install(next);
    return this;
  }

  // On the CPU, new storage rather than an in-place write: reads taken before (and values
  // recorded by a tape) keep their own storage. The field is readonly for every other tensor.
  // A variable on a device is written in place instead (device memory is not left to the
  // garbage collector): a read taken before sees the new value, and a tape that recorded it
  // notices the change through the storage's version.
  private install(storage: Storage): void {
    if (this.storage.device !== "cpu" && storage.device === "cpu") {
      this.writeDevice(new Tensor(storage as HostStorage, this.shape));
      return;
    }
    this.replace(storage);
  }

  private replace(storage: Storage): void {
    (this as unknown as { storage: Storage }).storage = storage;
    this.#value = undefined;
  }

  private writeDevice(t: Tensor): void {
    if (!deviceHooks.writeInto)
      throw new Error(`variable '${this.name}' is on ${this.device}, which is not active`);
    deviceHooks.writeInto(this.storage, t);
  }

  /** TensorFlow's repr: `<tf.Variable 'name' shape=(2,) dtype=float32, numpy=array([...])>`. */
  override toString(): string {
    return `<tf.Variable '${this.name}' shape=${formatShape(this.shape)} dtype=${this.dtype}, numpy=${this.value().toString()}>`;
  }
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

// A copy of the initial value for a new variable, on the device asked for, or on the GPU when
// the value is there or work is placed there (float dtypes only: counters stay on the CPU).
function placeStorage(init: Tensor, device: string | undefined): Storage {
  if (device !== undefined) {
    const t = init.to(device);
    return t.device === "cpu" ? copyHost(t) : deviceHooks.copyTo!(t, t.device);
  }
  const float = init.dtype === "float32" || init.dtype === "float64";
  const gpu = init.device === "cuda" || deviceHooks.placement?.() === "cuda";
  return float && gpu && deviceHooks.copyTo ? deviceHooks.copyTo(init, "cuda") : copyHost(init);
}

// TensorFlow's defaults: JavaScript numbers (which cannot tell 3 from 3.0) become float32, as
// in TensorFlow.js; tensors keep their dtype.
function initialTensor(v: TensorLike, dtype: DType | string | undefined): Tensor {
  if (dtype !== undefined) return toTensor(v, { dtype: toDType(dtype) });
  if (v instanceof Tensor) return v;
  if (typeof v === "number" || Array.isArray(v)) {
    const t = toTensor(v);
    return t.dtype === "bool" ? t : toTensor(v, { dtype: "float32" });
  }
  return toTensor(v);
}

addObserver({
  onOp(_op, inputs) {
    if (inRecyclingStep()) return;
    for (let i = 0; i < inputs.length; i++) {
      if (inputs[i] instanceof Variable || inputs[i] instanceof VariableValue) exposed.add(inputs[i].storage);
    }
  },
});
