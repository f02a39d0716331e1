import { ValueError } from "./errors.js";

/** A tensor's shape: one length per axis. */
export type Shape = readonly number[];

/** Number of elements of a shape. */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major (C-order) strides, in elements. */
export function contiguousStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

/** Formats a shape as NumPy prints it: `(3,)`, `(3,2)`, `()`. */
export function formatShape(shape: Shape): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(",")})`;
}

/** Checks a shape given by a user: non-negative integers. */
export function checkShape(shape: unknown, what = "shape"): number[] {
  const arr = typeof shape === "number" ? [shape] : shape;
  if (!Array.isArray(arr))
    throw new TypeError(`${what} must be an array of non-negative integers, got ${String(shape)}`);
  for (const d of arr) {
    if (typeof d !== "number" || !Number.isInteger(d)) {
      throw new TypeError(`${what} must hold integers, got ${JSON.stringify(arr)}`);
    }
    if (d < 0)
      throw new ValueError(`negative dimensions are not allowed, got ${what} ${JSON.stringify(arr)}`);
  }
  return arr as number[];
}

/**
 * The broadcast shape of several shapes by NumPy's rules, or NumPy's error naming them all.
 *
 * @example
 * ```ts
 * broadcastShapes([3, 1], [4]); // [3, 4]
 * ```
 */
export function broadcastShapes(...shapes: Shape[]): number[] {
  const ndim = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(ndim).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const j = ndim - s.length + i;
      const d = s[i];
      if (d === out[j] || d === 1) continue;
      if (out[j] === 1) out[j] = d;
      else {
        throw new ValueError(
          `operands could not be broadcast together with shapes ${shapes.map(formatShape).join(" ")} `,
        );
      }
    }
  }
  return out;
}

/** Normalises a possibly negative axis, failing in NumPy's words when out of range. */
export function normalizeAxis(axis: number, ndim: number): number {
  if (!Number.isInteger(axis)) throw new TypeError(`axis must be an integer, got ${axis}`);
  if (axis < -ndim || axis >= ndim) {
    throw new AxisError(`axis ${axis} is out of bounds for array of dimension ${ndim}`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/** Normalises an axis argument (number, list or null/undefined for all) into sorted unique axes. */
export function normalizeAxes(axis: number | readonly number[] | null | undefined, ndim: number): number[] {
  if (axis === null || axis === undefined) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axis === "number" ? [axis] : axis;
  const out = list.map((a) => normalizeAxis(a, ndim));
  if (new Set(out).size !== out.length) throw new ValueError("duplicate value in 'axis'");
  return out.sort((a, b) => a - b);
}

/** NumPy's AxisError: an axis outside an array's dimensions. */
export class AxisError extends ValueError {
  override name = "AxisError";
}

export function shapesEqual(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
