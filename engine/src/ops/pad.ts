import { toTensor } from "../core/convert.js";
import { ValueError } from "../core/errors.js";
import type { Tensor, NestedArray, TensorLike } from "../core/tensor.js";
import { full } from "./creation.js";
import { get } from "./indexing.js";
import { concatenate } from "./join.js";
import { alongAxis } from "./shape-ops.js";

// `np.pad`, one axis at a time. Constant padding joins blocks of the constant around the array;
// the other modes gather along the axis through an index map (edge clamps, reflect and
// symmetric mirror, wrap repeats), so pads wider than the array work as in NumPy.

/** NumPy's padding modes supported here. */
export type PadMode = "constant" | "edge" | "reflect" | "symmetric" | "wrap";

/** Options of `pad`. */
export interface PadOptions {
  /** How to fill the padding (default `"constant"`). */
  mode?: PadMode;
  /** The fill value(s) of `"constant"` mode: one number, `[before, after]`, or one pair per axis. */
  constantValues?: number | readonly number[] | readonly (readonly number[])[];
}

/** NumPy's `_as_pairs`: one `[before, after]` pair per axis from a number, a pair or a list of pairs. */
function asPairs(x: number | NestedArray, ndim: number, what: string): [number, number][] {
  const t = toTensor(x as NestedArray);
  const v = t.dataSync();
  const pairs: [number, number][] = [];
  const fail = (): never => {
    throw new ValueError(
      `operands could not be broadcast together with remapped shapes [original->remapped]: (${t.shape.join(",")}) and requested shape (${ndim},2)`,
    );
  };
  for (let i = 0; i < ndim; i++) {
    if (t.ndim === 0 || (t.ndim === 1 && t.size === 1)) pairs.push([v[0], v[0]]);
    else if (t.ndim === 1 && t.size === 2) pairs.push([v[0], v[1]]);
    else if (t.ndim === 2 && t.shape[1] <= 2 && (t.shape[0] === ndim || t.shape[0] === 1)) {
      const r = t.shape[0] === 1 ? 0 : i;
      const w = t.shape[1];
      pairs.push([v[r * w], v[r * w + w - 1]]);
    } else fail();
  }
  if (what === "pad_width" && pairs.some(([b, a]) => b < 0 || a < 0)) {
    throw new ValueError("index can't contain negative values");
  }
  return pairs;
}

function sourceIndex(mode: PadMode, i: number, n: number): number {
  switch (mode) {
    case "edge":
      return Math.min(Math.max(i, 0), n - 1);
    case "wrap":
      return ((i % n) + n) % n;
    case "reflect": {
      if (n === 1) return 0;
      const p = 2 * (n - 1);
      const j = ((i % p) + p) % p;
      return j >= n ? p - j : j;
    }
    case "symmetric": {
      const p = 2 * n;
      const j = ((i % p) + p) % p;
      return j >= n ? p - 1 - j : j;
    }
    default:
      throw new ValueError(`mode '${String(mode)}' is not supported`);
  }
}

/**
 * Pads an array (`np.pad`). `padWidth` is one number for every side, `[before, after]` for
 * every axis, or one pair per axis.
 *
 * @example
 * ```ts
 * np.pad([1, 2], 1).toArray();                     // [0, 1, 2, 0]
 * np.pad([1, 2, 3], [2, 1], "reflect").toArray();  // [3, 2, 1, 2, 3, 2]
 * np.pad(img, [[2, 2], [2, 2]], { constantValues: 255 });
 * ```
 */
export function pad(
  array: TensorLike,
  padWidth: number | NestedArray,
  mode?: PadMode | PadOptions,
  opts: PadOptions = {},
): Tensor {
  const o: PadOptions = typeof mode === "object" ? mode : { ...opts, mode: mode ?? opts.mode };
  const m = o.mode ?? "constant";
  let t = toTensor(array);
  const widths = asPairs(padWidth, t.ndim, "pad_width");
  const constants =
    m === "constant" ? asPairs((o.constantValues ?? 0) as NestedArray, t.ndim, "constant_values") : [];
  for (let ax = 0; ax < t.ndim; ax++) {
    const [before, after] = widths[ax];
    if (before === 0 && after === 0) continue;
    const n = t.shape[ax];
    if (m === "constant") {
      const block = (len: number, value: number): Tensor => {
        const shape = [...t.shape];
        shape[ax] = len;
        return full(shape, value, { dtype: t.dtype });
      };
      t = concatenate([block(before, constants[ax][0]), t, block(after, constants[ax][1])], ax);
      continue;
    }
    if (n === 0) {
      throw new ValueError(`can't extend empty axis ${ax} using modes other than 'constant' or 'empty'`);
    }
    const index = new Int32Array(before + n + after);
    for (let i = 0; i < index.length; i++) index[i] = sourceIndex(m, i - before, n);
    t = get(t, ...alongAxis(ax), index);
  }
  return t === toTensor(array) ? t.copy() : t;
}
