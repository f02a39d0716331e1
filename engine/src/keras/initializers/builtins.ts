import type { DType } from "../../core/dtype.js";
import type { Tensor } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";
import { qr } from "../../np/linalg.js";
import type { Config } from "../common/config.js";
import { Initializer } from "./initializer.js";
import { computeFans, floatDType, sample } from "./sampling.js";

// Keras' built-in initializers with Keras' defaults.

/** `keras.initializers.Zeros`. @example `new keras.initializers.Zeros().apply([2, 2])` */
export class Zeros extends Initializer {
  constructor(_config?: Config) {
    super();
  }
  apply(shape: readonly number[], dtype?: DType | string): Tensor {
    return tf.zeros(shape, { dtype: (dtype ?? "float32") as DType });
  }
}

/** `keras.initializers.Ones`. */
export class Ones extends Initializer {
  constructor(_config?: Config) {
    super();
  }
  apply(shape: readonly number[], dtype?: DType | string): Tensor {
    return tf.ones(shape, { dtype: (dtype ?? "float32") as DType });
  }
}

/** `keras.initializers.Constant(value)`. @example `new keras.initializers.Constant(0.1)` */
export class Constant extends Initializer {
  readonly value: number;
  constructor(value: number | { value?: number } = 0) {
    super();
    this.value = typeof value === "number" ? value : (value.value ?? 0);
  }
  apply(shape: readonly number[], dtype?: DType | string): Tensor {
    return tf.fill(shape, this.value, { dtype: (dtype ?? "float32") as DType });
  }
  override getConfig(): Config {
    return { value: this.value };
  }
}

/** Options of the random initializers. */
export interface SeedOptions {
  /** Makes every call give the same values (default: draw from `tf.random`). */
  seed?: number | null;
}

/** Options of `RandomNormal` and `TruncatedNormal`. */
export interface NormalInitOptions extends SeedOptions {
  mean?: number;
  /** Default 0.05. */
  stddev?: number;
}

/** `keras.initializers.RandomNormal({ mean: 0, stddev: 0.05, seed })`. */
export class RandomNormal extends Initializer {
  readonly mean: number;
  readonly stddev: number;
  readonly seed: number | null;
  constructor(opts: NormalInitOptions = {}) {
    super();
    this.mean = opts.mean ?? 0;
    this.stddev = opts.stddev ?? 0.05;
    this.seed = opts.seed ?? null;
  }
  apply(shape: readonly number[], dtype?: DType | string): Tensor {
    return sample(
      shape,
      floatDType(dtype),
      { kind: "normal", mean: this.mean, stddev: this.stddev },
      this.seed,
    );
  }
  override getConfig(): Config {
    return { mean: this.mean, stddev: this.stddev, seed: this.seed };
  }
}

/** `keras.initializers.TruncatedNormal({ mean: 0, stddev: 0.05, seed })`: normal draws beyond 2 stddev are redrawn. */
export class TruncatedNormal extends RandomNormal {
  override apply(shape: readonly number[], dtype?: DType | string): Tensor {
    const dist = { kind: "truncated_normal", mean: this.mean, stddev: this.stddev } as const;
    return sample(shape, floatDType(dtype), dist, this.seed);
  }
}

/** Options of `RandomUniform`. */
export interface UniformInitOptions extends SeedOptions {
  /** Default -0.05. */
  minval?: number;
  /** Default 0.05. */
  maxval?: number;
}

/** `keras.initializers.RandomUniform({ minval: -0.05, maxval: 0.05, seed })`. */
export class RandomUniform extends Initializer {
  readonly minval: number;
  readonly maxval: number;
  readonly seed: number | null;
  constructor(opts: UniformInitOptions = {}) {
    super();
    this.minval = opts.minval ?? -0.05;
    this.maxval = opts.maxval ?? 0.05;
    this.seed = opts.seed ?? null;
  }
  apply(shape: readonly number[], dtype?: DType | string): Tensor {
    return sample(
      shape,
      floatDType(dtype),
      { kind: "uniform", minval: this.minval, maxval: this.maxval },
      this.seed,
    );
  }
  override getConfig(): Config {
    return { minval: this.minval, maxval: this.maxval, seed: this.seed };
  }
}

/** Options of `VarianceScaling`. */
export interface VarianceScalingOptions extends SeedOptions {
  /** The variance's scale (default 1). */
  scale?: number;
  /** Which fan divides the scale: "fan_in" (default), "fan_out" or "fan_avg". */
  mode?: "fan_in" | "fan_out" | "fan_avg";
  /** "truncated_normal" (default), "untruncated_normal" or "uniform" ("normal" means truncated). */
  distribution?: "truncated_normal" | "untruncated_normal" | "uniform" | "normal";
}

/**
 * `keras.initializers.VarianceScaling`: draws with variance `scale / fan` (fan by `mode`):
 * a truncated normal with stddev `sqrt(variance) / 0.8796…` (so the truncated draws keep that
 * variance), an untruncated normal with stddev `sqrt(variance)`, or a uniform on
 * `±sqrt(3 · variance)`.
 *
 * @example
 * ```ts
 * new keras.initializers.VarianceScaling({ scale: 2, mode: "fan_avg", distribution: "uniform" });
 * ```
 */
export class VarianceScaling extends Initializer {
  readonly scale: number;
  readonly mode: "fan_in" | "fan_out" | "fan_avg";
  readonly distribution: "truncated_normal" | "untruncated_normal" | "uniform";
  readonly seed: number | null;

  constructor(opts: VarianceScalingOptions = {}) {
    super();
    this.scale = opts.scale ?? 1;
    if (!(this.scale > 0)) throw new RangeError(`scale must be a positive float, got ${this.scale}`);
    this.mode = opts.mode ?? "fan_in";
    if (!["fan_in", "fan_out", "fan_avg"].includes(this.mode)) {
      throw new TypeError(`Invalid mode '${this.mode}'; expected fan_in, fan_out or fan_avg`);
    }
    const d = opts.distribution ?? "truncated_normal";
    if (!["truncated_normal", "untruncated_normal", "uniform", "normal"].includes(d)) {
      throw new TypeError(
        `Invalid distribution '${d}'; expected truncated_normal, untruncated_normal or uniform`,
      );
    }
    this.distribution = d === "normal" ? "truncated_normal" : d;
    this.seed = opts.seed ?? null;
  }

  apply(shape: readonly number[], dtype?: DType | string): Tensor {
    const [fanIn, fanOut] = computeFans(shape);
    const fan = this.mode === "fan_in" ? fanIn : this.mode === "fan_out" ? fanOut : (fanIn + fanOut) / 2;
    const variance = this.scale / Math.max(1, fan);
    const d = floatDType(dtype);
    if (this.distribution === "uniform") {
      const limit = Math.sqrt(3 * variance);
      return sample(shape, d, { kind: "uniform", minval: -limit, maxval: limit }, this.seed);
    }
    if (this.distribution === "untruncated_normal") {
      return sample(shape, d, { kind: "normal", mean: 0, stddev: Math.sqrt(variance) }, this.seed);
    }
    // 0.8796… is the stddev of a standard normal truncated to [-2, 2].
    const stddev = Math.sqrt(variance) / 0.8796256610342398;
    return sample(shape, d, { kind: "truncated_normal", mean: 0, stddev }, this.seed);
  }

  override getConfig(): Config {
    return { scale: this.scale, mode: this.mode, distribution: this.distribution, seed: this.seed };
  }
}

type Preset = { scale: number; mode: "fan_in" | "fan_avg"; distribution: "truncated_normal" | "uniform" };

function preset(p: Preset) {
  return class extends VarianceScaling {
    constructor(opts: SeedOptions = {}) {
      super({ ...p, seed: opts.seed ?? null });
    }
    override getConfig(): Config {
      return { seed: this.seed };
    }
  };
}

/** `keras.initializers.GlorotUniform` (Keras' default kernel initializer): uniform on `±sqrt(6 / (fanIn + fanOut))`. */
export class GlorotUniform extends preset({ scale: 1, mode: "fan_avg", distribution: "uniform" }) {}
/** `keras.initializers.GlorotNormal`: truncated normal with variance `2 / (fanIn + fanOut)`. */
export class GlorotNormal extends preset({ scale: 1, mode: "fan_avg", distribution: "truncated_normal" }) {}
/** `keras.initializers.HeNormal` (for ReLU): truncated normal with variance `2 / fanIn`. @example `new keras.initializers.HeNormal()` */
export class HeNormal extends preset({ scale: 2, mode: "fan_in", distribution: "truncated_normal" }) {}
/** `keras.initializers.HeUniform`: uniform on `±sqrt(6 / fanIn)`. */
export class HeUniform extends preset({ scale: 2, mode: "fan_in", distribution: "uniform" }) {}
/** `keras.initializers.LecunNormal` (for SELU): truncated normal with variance `1 / fanIn`. */
export class LecunNormal extends preset({ scale: 1, mode: "fan_in", distribution: "truncated_normal" }) {}
/** `keras.initializers.LecunUniform`: uniform on `±sqrt(3 / fanIn)`. */
export class LecunUniform extends preset({ scale: 1, mode: "fan_in", distribution: "uniform" }) {}

/** Options of `Orthogonal`. */
export interface OrthogonalOptions extends SeedOptions {
  /** Multiplies the orthogonal matrix (default 1). */
  gain?: number;
}

/**
 * `keras.initializers.Orthogonal({ gain })`: the Q factor of a normal random matrix (signs fixed
 * by R's diagonal), reshaped to the weight's shape (rows are all but the last axis).
 *
 * @example
 * ```ts
 * new keras.initializers.Orthogonal().apply([4, 4]); // Q with QᵀQ = I
 * ```
 */
export class Orthogonal extends Initializer {
  readonly gain: number;
  readonly seed: number | null;

  constructor(opts: OrthogonalOptions = {}) {
    super();
    this.gain = opts.gain ?? 1;
    this.seed = opts.seed ?? null;
  }

  apply(shape: readonly number[], dtype?: DType | string): Tensor {
    if (shape.length < 2) {
      throw new RangeError(
        `The tensor to initialize must be at least two-dimensional, got shape [${shape.join(", ")}]`,
      );
    }
    const d = floatDType(dtype);
    const cols = shape[shape.length - 1];
    const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
    const a = sample(
      [Math.max(rows, cols), Math.min(rows, cols)],
      "float64",
      { kind: "normal", mean: 0, stddev: 1 },
      this.seed,
    );
    const [q, r] = qr(a);
    const signs = tf.sign(tf.constant(diagonal(r), { dtype: "float64" }));
    let m = tf.mul(q, signs);
    if (rows < cols) m = tf.transpose(m);
    return tf.cast(tf.mul(m, this.gain), d).reshape([...shape]);
  }

  override getConfig(): Config {
    return { gain: this.gain, seed: this.seed };
  }
}

function diagonal(r: Tensor): number[] {
  const n = Math.min(r.shape[0], r.shape[1]);
  return Array.from({ length: n }, (_, i) => r.item(i, i) as number);
}

/** `keras.initializers.Identity({ gain })`: the identity matrix (2-D shapes only). */
export class Identity extends Initializer {
  readonly gain: number;
  constructor(opts: { gain?: number } = {}) {
    super();
    this.gain = opts.gain ?? 1;
  }
  apply(shape: readonly number[], dtype?: DType | string): Tensor {
    if (shape.length !== 2) throw new RangeError("Identity initializer can only be used for 2D matrices");
    return tf.mul(tf.eye(shape[0], shape[1], { dtype: floatDType(dtype) }), this.gain);
  }
  override getConfig(): Config {
    return { gain: this.gain };
  }
}
