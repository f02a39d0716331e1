// Decoding of the NumPy parity fixtures (format documented in test/fixtures/numpy/parity.py).
import { np, Tensor, type DType } from "tensorbook";

export interface EncodedArray {
  array: (number | boolean | string)[];
  shape: number[];
  dtype: DType;
}
export type Encoded =
  | EncodedArray
  | { tuple: Encoded[] }
  | { options: Record<string, Encoded> }
  | number
  | boolean
  | string
  | null
  | Encoded[];

export interface ParityCase {
  id: string;
  call: string;
  self?: Encoded;
  args: Encoded[];
  expect: Encoded | { error: string; match: string };
  result?: "self";
  rtol?: number;
  atol?: number;
}

export interface ParityFile {
  generator: string;
  numpy: string;
  cases: ParityCase[];
}

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

export function isArrayEnc(x: unknown): x is EncodedArray {
  return isObj(x) && "array" in x && "shape" in x && "dtype" in x;
}

export function num(v: number | boolean | string): number {
  if (v === "nan") return NaN;
  if (v === "inf") return Infinity;
  if (v === "-inf") return -Infinity;
  return Number(v);
}

/** Turns an encoded value into what the engine's API takes. */
export function decode(x: Encoded): unknown {
  if (isArrayEnc(x)) {
    const values = x.array.map(num);
    const flat = np.array(values, { dtype: x.dtype });
    return flat.reshape(x.shape);
  }
  if (isObj(x) && "tuple" in x) return (x.tuple as Encoded[]).map(decode);
  if (isObj(x) && "options" in x) {
    return Object.fromEntries(
      Object.entries(x.options as Record<string, Encoded>).map(([k, v]) => [k, decode(v)]),
    );
  }
  // Plain lists pass through as JS arrays, their items decoded (index lists mix tensors in).
  if (Array.isArray(x)) return x.map(decode);
  return x;
}

/** Finds `np.add`, `np.linalg.norm`... by dotted path. */
export function resolveFunction(path: string): (...args: unknown[]) => unknown {
  let target: unknown = np;
  for (const part of path.split(".")) {
    if (!isObj(target) && typeof target !== "function") break;
    target = (target as Record<string, unknown>)[part];
  }
  if (typeof target !== "function") throw new Error(`np.${path} does not exist`);
  return target as (...args: unknown[]) => unknown;
}

/** Runs one case's call and returns the value to compare. */
export function run(c: ParityCase): unknown {
  const args = c.args.map(decode);
  if (c.call.startsWith(".")) {
    const self = decode(c.self as Encoded);
    if (!(self instanceof Tensor)) throw new Error(`${c.id}: method call without a tensor 'self'`);
    const method = (self as unknown as Record<string, unknown>)[c.call.slice(1)];
    if (typeof method !== "function") throw new Error(`Tensor.${c.call.slice(1)} does not exist`);
    const out = (method as (...a: unknown[]) => unknown).apply(self, args);
    return c.result === "self" ? self : out;
  }
  const out = resolveFunction(c.call)(...args);
  return c.result === "self" ? args[0] : out;
}
