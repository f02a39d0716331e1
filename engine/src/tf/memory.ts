import type { Storage } from "../core/backend.js";
import { Tensor } from "../core/tensor.js";
import { addObserver } from "../autodiff/recorder.js";

// Memory accounting for `tf.memory`, `tf.tidy` and `tf.dispose`. On the CPU the JavaScript
// garbage collector frees a tensor's buffer once nothing references it; `dispose` and `tidy`
// drop buffers from the accounting at once, and are where a GPU backend frees device memory.

const BYTES: Readonly<Record<string, number>> = { float32: 4, float64: 8, int32: 4, uint8: 1, bool: 1 };

let liveBuffers = 0;
let liveBytes = 0;
const counted = new WeakSet<Storage>();
const disposed = new WeakSet<Storage>();
const gone = new FinalizationRegistry<number>((bytes) => {
  liveBuffers--;
  liveBytes -= bytes;
});
// Buffers `tf.keep` exempted from tidying.
const kept = new WeakSet<Storage>();
// Buffers made inside each open `tidy` scope, innermost last.
const scopes: Storage[][] = [];

function count(s: Storage): void {
  if (counted.has(s)) return;
  counted.add(s);
  const bytes = s.size * (BYTES[s.dtype] ?? 8);
  liveBuffers++;
  liveBytes += bytes;
  gone.register(s, bytes, s);
  if (scopes.length) scopes[scopes.length - 1].push(s);
}

function release(s: Storage): void {
  if (!counted.has(s) || disposed.has(s)) return;
  disposed.add(s);
  gone.unregister(s);
  liveBuffers--;
  liveBytes -= s.size * (BYTES[s.dtype] ?? 8);
}

addObserver({
  onOp(_op, _inputs, _attrs, output) {
    count(output.storage);
  },
});

/** @internal Counts a tensor made outside kernels (creation functions). */
export function track<T extends Tensor>(t: T): T {
  count(t.storage);
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
  /** Whether the numbers may miss buffers the garbage collector has not reclaimed yet. */
  unreliable: boolean;
}

/**
 * Live tensor buffers and their bytes (`tf.memory()`), counting those made by ops and by `tf`
 * creation functions that are neither disposed nor garbage-collected.
 *
 * @example
 * ```ts
 * tf.memory().numBytes;
 * ```
 */
export function memory(): MemoryInfo {
  return { numTensors: liveBuffers, numDataBuffers: liveBuffers, numBytes: liveBytes, unreliable: true };
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
