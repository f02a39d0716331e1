import { toTensor } from "../core/convert.js";
import { ValueError } from "../core/errors.js";
import { normalizeAxis } from "../core/shape.js";
import { Tensor, type NestedArray, type TensorLike } from "../core/tensor.js";
import { get } from "./indexing.js";
import { alongAxis } from "./shape-ops.js";

// Splitting an array into views along an axis (`np.split`, `np.array_split`).

function splitAt(t: Tensor, points: readonly number[], ax: number): Tensor[] {
  const out: Tensor[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    out.push(get(t, ...alongAxis(ax), `${points[i]}:${points[i + 1]}`));
  }
  return out;
}

function readPoints(x: number | readonly number[] | Tensor): number | number[] {
  if (typeof x === "number") return x;
  const list = x instanceof Tensor ? x.toArray() : x;
  if (typeof list === "number" || typeof list === "boolean") return Number(list);
  return (list as NestedArray[]).map(Number);
}

/**
 * Splits into `sections` parts that may differ in length by one (the first ones longer), or at
 * the given indices (`np.array_split`). The parts are views.
 *
 * @example
 * ```ts
 * np.arraySplit(np.arange(7), 3).map((p) => p.toArray()); // [[0, 1, 2], [3, 4], [5, 6]]
 * ```
 */
export function arraySplit(
  ary: TensorLike,
  sections: number | readonly number[] | Tensor,
  axis = 0,
): Tensor[] {
  const t = toTensor(ary);
  const ax = normalizeAxis(axis, t.ndim);
  const n = t.shape[ax];
  const s = readPoints(sections);
  if (typeof s !== "number") return splitAt(t, [0, ...s, n], ax);
  if (!Number.isInteger(s) || s <= 0) throw new ValueError("number sections must be larger than 0.");
  const each = Math.floor(n / s);
  const extra = n % s;
  const points = [0];
  for (let i = 0; i < s; i++) points.push(points[i] + each + (i < extra ? 1 : 0));
  return splitAt(t, points, ax);
}

/**
 * Splits into equal parts, or at the given indices (`np.split`); equal parts must divide the
 * axis exactly. The parts are views.
 *
 * @example
 * ```ts
 * const [a, b] = np.split(np.arange(6), 2); // [0, 1, 2] and [3, 4, 5]
 * np.split(np.arange(6), [1, 4]);           // [0], [1, 2, 3], [4, 5]
 * ```
 */
export function split(
  ary: TensorLike,
  indicesOrSections: number | readonly number[] | Tensor,
  axis = 0,
): Tensor[] {
  const t = toTensor(ary);
  const s = readPoints(indicesOrSections);
  if (typeof s === "number" && s > 0 && t.shape[normalizeAxis(axis, t.ndim)] % s !== 0) {
    throw new ValueError("array split does not result in an equal division");
  }
  return arraySplit(t, s, axis);
}
