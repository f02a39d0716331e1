import type { Storage } from "../core/backend.js";
import { Tensor } from "../core/tensor.js";
import { addObserver } from "../autodiff/recorder.js";
import { deviceHooks } from "../core/device-hooks.js";

// Memory accounting for `tf.memory`, `tf.tidy` and `tf.dispose`, with TensorFlow.js's meaning:
// a buffer counts from the op (or `tf` creation function) that made it until it is disposed.
// On the CPU the JavaScript garbage collector frees unreachable buffers anyway; the counts show
// what a GPU backend, where nothing frees itself, would hold. Counting costs a few nanoseconds
// per op (no finalizers: registering one per buffer would double the cost of small ops).

const BYTES: Readonly<Record<string, number>> = { float32: 4, float64: 8, int32: 4, uint8: 1, bool: 1 };

let liveBuffers = 0;
let liveBytes = 0;
// Counted buffers carry this mark (a property write is several times cheaper than a WeakSet
// insertion, which would otherwise be paid on every op).
const COUNTED: unique symbol = Symbol("tensorbook.counted");
type Marked = Storage & { [COUNTED]?: true };
const disposed = new WeakSet<Storage>();
// Buffers `tf.keep` exempted from tidying.
const kept = new WeakSet<Storage>();
// Buffers made inside each open `tidy` scope, innermost last.
const scopes: Storage[][] = [];

function count(s: Storage): void {
  (s as Marked)[COUNTED] = true;
  liveBuffers++;
  liveBytes += s.size * (BYTES[s.dtype] ?? 8);
  if (scopes.length) scopes[scopes.length - 1].push(s);
}

function release(s: Storage): void {
  // Device memory is freed now, counted or not (the garbage collector would free it late).
  if (s.device !== "cpu") deviceHooks.free?.(s);
  if (!(s as Marked)[COUNTED] || disposed.has(s)) return;
  disposed.add(s);
  liveBuffers--;
  liveBytes -= s.size * (BYTES[s.dtype] ?? 8);
}

addObserver({
  onOp(op, inputs, _attrs, output) {
    // Views share their base's buffer; in-place kernels hand back their target; a custom
    // gradient's output is its value's buffer.
    if (op === "view" || op === "customGradient") return;
    for (let i = 0; i < inputs.length; i++) if (inputs[i] === output) return;
    count(output.storage);
  },
});

// Device copies of host operands made inside a tidy scope belong to it (see placement.ts).
deviceHooks.adopt = (s) => {
  if (!scopes.length) return false;
  if (!(s as Marked)[COUNTED]) count(s);
  return true;
};

/** @internal Counts a tensor made outside kernels (creation functions). */
export function track<T extends Tensor>(t: T): T {
  if (!(t.storage as Marked)[COUNTED]) count(t.storage);
  return t;
}

/** What `tf.memory()` reports. */
export interface MemoryInfo {
  /** Live tensor buffers (views share their base's buffer). */
  numTensors: number;
  /** Live buffers. */
  numDataBuffers: number;
  /** Bytes held by live buffers. */
  numBytes: number;
  /**
   * Always true on the CPU: buffers nobody disposed still count after the garbage collector
   * freed them (as in TensorFlow.js).
   */
  unreliable: boolean;
  /** Bytes of device (GPU) memory held by live tensors; 0 without a device backend. */
  numBytesInGPU: number;
  /** Device bytes the allocator keeps for reuse besides `numBytesInGPU` (freed tensors' blocks). */
  numBytesInGPUCached: number;
}

/**
 * Tensor buffers made by ops and `tf` creation functions and not yet disposed, and their bytes
 * (`tf.memory()`).
 *
 * @example
 * ```ts
 * tf.memory().numBytes;
 * ```
 */
export function memory(): MemoryInfo {
  const gpu = deviceHooks.memory?.() ?? { inUse: 0, cached: 0 };
  return {
    numTensors: liveBuffers,
    numDataBuffers: liveBuffers,
    numBytes: liveBytes,
    unreliable: true,
    numBytesInGPU: gpu.inUse,
    numBytesInGPUCached: gpu.cached,
  };
}

type Container =
  | Tensor
  | readonly Container[]
  | { readonly [k: string]: Container }
  | null
  | undefined
  | number
  | string
  | boolean;

function visit(x: unknown, f: (t: Tensor) => void, seen = new Set<unknown>()): void {
  if (x instanceof Tensor) return f(x);
  if (x === null || typeof x !== "object" || seen.has(x)) return;
  seen.add(x);
  for (const v of Array.isArray(x) ? x : Object.values(x)) visit(v, f, seen);
}

/**
 * Releases the buffers of tensors (in arrays and objects too) (`tf.dispose`). Use a tensor no
 * more after disposing it.
 *
 * @example
 * ```ts
 * tf.dispose([a, b]);
 * ```
 */
export function dispose(x: Container | unknown): void {
  visit(x, (t) => release(t.storage));
}

/**
 * Runs `fn` and releases every tensor it made except those it returns (`tf.tidy`).
 *
 * @example
 * ```ts
 * const y = tf.tidy(() => tf.square(x).add(1)); // the square is released
 * ```
 */
export function tidy<T>(fn: () => T): T {
  const made: Storage[] = [];
  scopes.push(made);
  let result: T;
  try {
    result = fn();
  } finally {
    scopes.pop();
  }
  const keep = new Set<Storage>();
  visit(result, (t) => keep.add(t.storage));
  for (const s of made) {
    if (keep.has(s)) {
      // Returned tensors belong to the enclosing scope now.
      if (scopes.length) scopes[scopes.length - 1].push(s);
    } else if (!kept.has(s)) release(s);
  }
  return result;
}

/** Keeps a tensor alive through the enclosing `tidy` (`tf.keep`). @example `tf.keep(v)` */
export function keep<T extends Tensor>(t: T): T {
  kept.add(t.storage);
  return t;
}

declare module "../core/tensor.js" {
  interface Tensor {
    /** Releases this tensor's buffer (see `tf.dispose`). */
    dispose(): void;
  }
}

Tensor.prototype.dispose = function (this: Tensor) {
  release(this.storage);
};
