import { allocate, toDType, type DType } from "../core/dtype.js";
import { readHost } from "../core/host.js";
import { Tensor } from "../core/tensor.js";
import { RandomState } from "../random/random-state.js";
import { deviceHooks } from "../core/device-hooks.js";
import { randomFill } from "../ops/random-fill.js";
import { track } from "./memory.js";
import { frozen, tfTensor, type TfTensorLike } from "./convert.js";

// `tf.random`: seeded sampling. TensorFlow's Philox streams are not reproduced; the values come
// from a Mersenne Twister (NumPy's RandomState) seeded by `setSeed` and the op's `seed`, so a
// seeded program gives the same numbers on every run, but not TensorFlow's numbers.
// With work placed on the GPU, `uniform` and `normal` of float dtypes are drawn there by the
// `randomFill` op (Philox4x32-10 keyed by the same seeds): repeatable run to run, but a
// different stream from the CPU's, so the same seed gives other numbers on the GPU.

let globalSeed: number | undefined;
let shared = new RandomState();
const opStreams = new Map<number, RandomState>();

/**
 * Seeds every `tf.random` function (`tf.random.set_seed`): the same seed gives the same
 * sequence of samples.
 *
 * @example
 * ```ts
 * tf.random.setSeed(42);
 * ```
 */
export function setSeed(seed: number): void {
  globalSeed = seed >>> 0;
  shared = new RandomState(globalSeed);
  opStreams.clear();
  deviceOffsets.clear();
}

// Device streams: a Philox key per (global seed, op seed), and how many calls each has made
// (each call takes the next block of its stream). Unseeded programs key on a seed drawn once.
const deviceOffsets = new Map<number, number>();
let sessionSeed: number | undefined;

function deviceStream(seed: number | undefined): { seed: number; offset: number } {
  const base = globalSeed ?? (sessionSeed ??= Math.floor(Math.random() * 2 ** 32));
  // Key: 32 bits of global seed, 20 of op seed (or all ones for the shared stream): below 2^53.
  const key = base + 2 ** 32 * (seed === undefined ? 0xfffff : (seed >>> 0) % 0xfffff);
  const offset = deviceOffsets.get(key) ?? 0;
  deviceOffsets.set(key, offset + 1);
  return { seed: key, offset };
}

// Uniform and normal samples of a float dtype on the placed device, or undefined on the CPU.
function onDevice(
  shape: readonly number[],
  dtype: DType,
  dist: "uniform" | "normal",
  a: number,
  b: number,
  seed: number | undefined,
): Tensor | undefined {
  if (deviceHooks.placement?.() !== "cuda" || (dtype !== "float32" && dtype !== "float64")) return undefined;
  return frozen(track(randomFill({ shape: [...shape], dtype, dist, a, b, ...deviceStream(seed) })));
}

// An op given its own seed draws from a stream for (global seed, op seed), which keeps going
// across calls, as TensorFlow's seeded ops do.
function stream(seed: number | undefined): RandomState {
  if (seed === undefined) return shared;
  let s = opStreams.get(seed);
  if (!s) {
    s = new RandomState([globalSeed ?? 87654321, seed >>> 0]);
    opStreams.set(seed, s);
  }
  return s;
}

/** Options shared by the samplers. */
export interface RandomOptions {
  dtype?: DType | string;
  seed?: number;
}

/** Options of `tf.random.normal` and `truncatedNormal`. */
export interface NormalOptions extends RandomOptions {
  mean?: number;
  stddev?: number;
}

/** Options of `tf.random.uniform`. */
export interface UniformOptions extends RandomOptions {
  minval?: number;
  maxval?: number;
}

function make(
  shape: readonly number[],
  dtype: DType,
  fill: (rs: RandomState, n: number) => ArrayLike<number>,
  seed?: number,
): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = allocate(dtype, n);
  const values = fill(stream(seed), n);
  for (let i = 0; i < n; i++) data[i] = values[i];
  return frozen(track(Tensor.fromTypedArray(data, shape, dtype)));
}

function split<O extends RandomOptions>(
  a?: number | O,
  b?: number,
  o?: O,
): [number | undefined, number | undefined, O] {
  if (typeof a === "object") return [undefined, undefined, a];
  return [a, b, o ?? ({} as O)];
}

/**
 * Normal samples (`tf.random.normal(shape, mean, stddev)`), float32 unless told.
 *
 * @example
 * ```ts
 * tf.random.normal([3, 1], 0, 1);
 * tf.random.normal([3, 1], { mean: 0, stddev: 1, seed: 42 });
 * ```
 */
export function normal(
  shape: readonly number[],
  mean?: number | NormalOptions,
  stddev?: number,
  opts?: NormalOptions,
): Tensor {
  const [mu, sd, o] = split(mean, stddev, opts);
  const loc = mu ?? o.mean ?? 0;
  const scale = sd ?? o.stddev ?? 1;
  const dtype = toDType(o.dtype ?? "float32");
  return (
    onDevice(shape, dtype, "normal", loc, scale, o.seed) ??
    make(shape, dtype, (rs, n) => rs.normal(loc, scale, [n]).data, o.seed)
  );
}

/**
 * Uniform samples in `[minval, maxval)` (`tf.random.uniform(shape, minval, maxval)`); with an
 * int32 dtype, integers.
 *
 * @example
 * ```ts
 * tf.random.uniform([3, 1], 0, 1);
 * ```
 */
export function uniform(
  shape: readonly number[],
  minval?: number | UniformOptions,
  maxval?: number,
  opts?: UniformOptions,
): Tensor {
  const [lo0, hi0, o] = split(minval, maxval, opts);
  const lo = lo0 ?? o.minval ?? 0;
  const dtype = toDType(o.dtype ?? "float32");
  const hi = hi0 ?? o.maxval ?? (dtype === "int32" ? undefined : 1);
  if (hi === undefined) throw new TypeError("tf.random.uniform: an integer dtype needs maxval");
  const dev = onDevice(shape, dtype, "uniform", lo, hi, o.seed);
  if (dev) return dev;
  const sample = (rs: RandomState, n: number): ArrayLike<number> => {
    const u = rs.uniform(lo, hi, [n]).data;
    if (dtype === "int32") for (let i = 0; i < n; i++) u[i] = Math.floor(u[i]);
    return u;
  };
  return make(shape, dtype, sample, o.seed);
}

/**
 * Normal samples redrawn until within two standard deviations of the mean
 * (`tf.random.truncated_normal`).
 *
 * @example
 * ```ts
 * tf.random.truncatedNormal([2, 2], 0, 0.05);
 * ```
 */
export function truncatedNormal(
  shape: readonly number[],
  mean?: number | NormalOptions,
  stddev?: number,
  opts?: NormalOptions,
): Tensor {
  const [mu, sd, o] = split(mean, stddev, opts);
  const loc = mu ?? o.mean ?? 0;
  const scale = sd ?? o.stddev ?? 1;
  const sample = (rs: RandomState, n: number): ArrayLike<number> => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let z: number;
      do z = rs.standardNormal();
      while (Math.abs(z) > 2);
      out[i] = loc + scale * z;
    }
    return out;
  };
  return make(shape, toDType(o.dtype ?? "float32"), sample, o.seed);
}

/**
 * Draws `numSamples` class indices per row of `logits` (`[batch, classes]`, unnormalised log
 * probabilities) (`tf.random.categorical`); int32 `[batch, numSamples]`.
 *
 * @example
 * ```ts
 * tf.random.categorical(tf.math.log([[0.5, 0.5]]), 10);
 * ```
 */
export function categorical(logits: TfTensorLike, numSamples: number, opts: RandomOptions = {}): Tensor {
  const l = tfTensor(logits);
  if (l.ndim !== 2) throw new RangeError(`logits should be a matrix [batch, classes], got rank ${l.ndim}`);
  const [b, k] = l.shape;
  const v = readHost(l);
  const rs = stream(opts.seed);
  const out = allocate(toDType(opts.dtype ?? "int32"), b * numSamples);
  const p = new Float64Array(k);
  for (let r = 0; r < b; r++) {
    let top = -Infinity;
    for (let j = 0; j < k; j++) top = Math.max(top, v[r * k + j]);
    let total = 0;
    for (let j = 0; j < k; j++) total += p[j] = Math.exp(v[r * k + j] - top);
    for (let s = 0; s < numSamples; s++) {
      let u = rs.random() * total;
      let j = 0;
      while (j < k - 1 && (u -= p[j]) >= 0) j++;
      out[r * numSamples + s] = j;
    }
  }
  return frozen(track(Tensor.fromTypedArray(out, [b, numSamples], toDType(opts.dtype ?? "int32"))));
}

/**
 * A copy with the first axis in random order (`tf.random.shuffle`).
 *
 * @example
 * ```ts
 * tf.random.shuffle(tf.range(10));
 * ```
 */
export function shuffle(value: TfTensorLike, opts: RandomOptions = {}): Tensor {
  const t = tfTensor(value);
  if (t.ndim === 0) return frozen(track(t.copy()));
  const n = t.shape[0];
  const row = t.size / n;
  const order = stream(opts.seed).permutation(n).data;
  const src = readHost(t);
  const out = allocate(t.dtype, t.size);
  for (let i = 0; i < n; i++) out.set(src.subarray(order[i] * row, (order[i] + 1) * row), i * row);
  return frozen(track(Tensor.fromTypedArray(out, t.shape, t.dtype)));
}
