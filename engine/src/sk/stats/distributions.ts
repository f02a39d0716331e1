/**
 * `sk.stats`: the scipy.stats distributions the book samples hyperparameters from. `rvs` draws
 * from NumPy's legacy stream exactly as scipy does, so `geom(0.5).rvs(10000, { randomState: 42 })`
 * gives scipy's numbers.
 */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { checkRandomState, type RandomStateLike, type Rng } from "../modelSelection/random.js";

/** Options of `rvs`. */
export interface RvsOptions {
  /** Seed or generator (null: the global `np.random` one). */
  randomState?: RandomStateLike;
}

/** A frozen distribution with `rvs` (what `RandomizedSearchCV` samples). */
export abstract class Distribution {
  /** @internal Draws `size` values (or one when size is null) from `rng`. */
  abstract draw(rng: Rng, size: number | null): number | Tensor;
  /** The repr. */
  abstract toString(): string;
  /**
   * Random variates: one number without `size`, a tensor with it.
   *
   * @example
   * ```ts
   * sk.stats.expon({ scale: 1 }).rvs(10000, { randomState: 42 });
   * ```
   */
  rvs(size?: number | null, options: RvsOptions = {}): number | Tensor {
    return this.draw(checkRandomState(options.randomState), size ?? null);
  }
  /** Draws with a given generator (used by the searches). */
  rvsWith(rng: Rng): number {
    return this.draw(rng, null) as number;
  }
  /** JSON form, so searches holding distributions can be saved. */
  toJSON(): string {
    return this.toString();
  }
}

function mapTensor(t: Tensor, f: (x: number) => number, dtype: "float64" | "int32" = "float64"): Tensor {
  const d = t.dataSync();
  const out = dtype === "int32" ? Int32Array.from(d, f) : Float64Array.from(d, f);
  return Tensor.fromTypedArray(out, [out.length], dtype);
}

class RandInt extends Distribution {
  constructor(
    readonly low: number,
    readonly high: number,
  ) {
    super();
    if (!(high > low)) throw new ValueError(`randint needs low < high, got (${low}, ${high})`);
  }
  draw(rng: Rng, size: number | null): number | Tensor {
    if (size === null) return rng.randint(this.low, this.high);
    return Tensor.fromTypedArray(
      Int32Array.from({ length: size }, () => rng.randint(this.low, this.high)),
      [size],
      "int32",
    );
  }
  toString(): string {
    return `randint(${this.low}, ${this.high})`;
  }
}

class Uniform extends Distribution {
  constructor(
    readonly loc: number,
    readonly scale: number,
  ) {
    super();
  }
  draw(rng: Rng, size: number | null): number | Tensor {
    const u = rng.uniform(0, 1, size ?? 1);
    const t = mapTensor(u, (x) => x * this.scale + this.loc);
    return size === null ? (t.item(0) as number) : t;
  }
  toString(): string {
    return `uniform({ loc: ${this.loc}, scale: ${this.scale} })`;
  }
}

class Expon extends Distribution {
  constructor(
    readonly loc: number,
    readonly scale: number,
  ) {
    super();
  }
  draw(rng: Rng, size: number | null): number | Tensor {
    const e = rng.exponential(1, size ?? 1);
    const t = mapTensor(e, (x) => x * this.scale + this.loc);
    return size === null ? (t.item(0) as number) : t;
  }
  toString(): string {
    return `expon({ loc: ${this.loc}, scale: ${this.scale} })`;
  }
}

class LogUniform extends Distribution {
  constructor(
    readonly a: number,
    readonly b: number,
  ) {
    super();
    if (!(a > 0 && b > a)) throw new ValueError(`loguniform needs 0 < a < b, got (${a}, ${b})`);
  }
  draw(rng: Rng, size: number | null): number | Tensor {
    const la = Math.log(this.a);
    const lb = Math.log(this.b);
    // scipy samples by inverting the CDF at uniforms: exp(log a + u (log b - log a)).
    const t = mapTensor(rng.uniform(0, 1, size ?? 1), (u) => Math.exp(la + u * (lb - la)));
    return size === null ? (t.item(0) as number) : t;
  }
  toString(): string {
    return `loguniform(${this.a}, ${this.b})`;
  }
}

class Geom extends Distribution {
  constructor(
    readonly p: number,
    readonly loc: number,
  ) {
    super();
    if (!(p > 0 && p <= 1)) throw new ValueError(`geom needs 0 < p <= 1, got ${p}`);
  }
  private one(rng: Rng): number {
    const p = this.p;
    // NumPy's legacy geometric: search for p >= 1/3, inversion below.
    if (p >= 1 / 3) {
      let x = 1;
      let prod = p;
      let sum = p;
      const q = 1 - p;
      const u = rng.randomSample();
      while (u > sum) {
        prod *= q;
        sum += prod;
        x++;
      }
      return x + this.loc;
    }
    const u = rng.randomSample();
    return Math.ceil(Math.log(1 - u) / Math.log(1 - p)) + this.loc;
  }
  draw(rng: Rng, size: number | null): number | Tensor {
    if (size === null) return this.one(rng);
    return Tensor.fromTypedArray(
      Int32Array.from({ length: size }, () => this.one(rng)),
      [size],
      "int32",
    );
  }
  toString(): string {
    return `geom(${this.p})`;
  }
}

/** Options with scipy's `loc` and `scale`. */
export interface LocScale {
  loc?: number;
  scale?: number;
}

/**
 * Uniform integers in [low, high) (scipy's `randint`).
 *
 * @example
 * ```ts
 * sk.stats.randint(1, 200).rvs(); // an integer
 * ```
 */
export function randint(low: number, high: number): Distribution {
  return new RandInt(low, high);
}

/**
 * Uniform on [loc, loc + scale] (scipy's `uniform`).
 *
 * @example
 * ```ts
 * sk.stats.uniform({ loc: 0, scale: 10 }).rvs(3, { randomState: 42 });
 * ```
 */
export function uniform(options: LocScale | number = {}, scale?: number): Distribution {
  const o = typeof options === "number" ? { loc: options, scale } : options;
  return new Uniform(o.loc ?? 0, o.scale ?? 1);
}

/**
 * Exponential with `scale` (scipy's `expon`).
 *
 * @example
 * ```ts
 * sk.stats.expon({ scale: 1 }).rvs(10000, { randomState: 42 });
 * ```
 */
export function expon(options: LocScale = {}): Distribution {
  return new Expon(options.loc ?? 0, options.scale ?? 1);
}

/**
 * Log-uniform on [a, b] (scipy's `reciprocal`/`loguniform`).
 *
 * @example
 * ```ts
 * sk.stats.reciprocal(20, 200000).rvs(10000, { randomState: 42 });
 * ```
 */
export function loguniform(a: number, b: number): Distribution {
  return new LogUniform(a, b);
}

/** Same as {@link loguniform} (scipy's older name, used by the book). */
export const reciprocal = loguniform;

/**
 * Geometric: trials until the first success with probability p (scipy's `geom`).
 *
 * @example
 * ```ts
 * sk.stats.geom(0.5).rvs(10000, { randomState: 42 });
 * ```
 */
export function geom(p: number, options: { loc?: number } = {}): Distribution {
  return new Geom(p, options.loc ?? 0);
}
