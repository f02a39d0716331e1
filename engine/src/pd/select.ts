import { Tensor } from "../core/tensor.js";
import { asBools } from "./arith.js";
import { Column } from "./column.js";
import { IndexError } from "../core/errors.js";
import { KeyError } from "./errors.js";
import type { Index, Label } from "./labels.js";

/** Something that holds a boolean column aligned with rows (a bool Series). */
export interface MaskLike {
  readonly column: Column;
  readonly index: Index;
}

/**
 * A row selector: one label (or position, for `iloc`), a list of them, a boolean mask (bool
 * Series, boolean array or bool tensor), a tensor of labels/positions, or a slice string
 * `"start:stop"` (half-open for `iloc`, inclusive for `loc`, as in pandas).
 */
export type RowKey = Label | readonly Label[] | readonly boolean[] | MaskLike | Tensor | Int32Array;

/** The resolved selection: positions, and whether one scalar key was given. */
export interface Picked {
  readonly positions: Int32Array;
  readonly single: boolean;
}

const SLICE = /^\s*(-?\d*)\s*:\s*(-?\d*)\s*(?::\s*(-?\d*)\s*)?$/;

function isMask(key: unknown): key is MaskLike {
  return (
    typeof key === "object" && key !== null && "column" in key && (key as MaskLike).column instanceof Column
  );
}

function maskPositions(mask: ArrayLike<number | boolean>, n: number): Int32Array {
  if (mask.length !== n) {
    throw new IndexError(`boolean index has length ${mask.length}, but the frame has ${n} rows`);
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (mask[i]) out.push(i);
  return Int32Array.from(out);
}

function maskFromSeries(key: MaskLike, index: Index): Int32Array {
  if (key.column.dtype !== "bool") {
    throw new TypeError(`a ${key.column.dtype} series cannot select rows; expected a boolean mask`);
  }
  const bits = asBools(key.column);
  if (key.index.equals(index)) return maskPositions(bits, index.length);
  // Align the mask on labels, as pandas does for a boolean Series.
  const out: number[] = [];
  for (let i = 0; i < index.length; i++) {
    const at = key.index.positionsOf(index.at(i));
    if (at.length && bits[at[0]]) out.push(i);
  }
  return Int32Array.from(out);
}

function range(start: number, stop: number, step: number): Int32Array {
  const out: number[] = [];
  if (step > 0) for (let i = start; i < stop; i += step) out.push(i);
  else for (let i = start; i > stop; i += step) out.push(i);
  return Int32Array.from(out);
}

/** Python slice bounds for a sequence of length n. */
export function sliceBounds(spec: string, n: number): Int32Array | null {
  const m = SLICE.exec(spec);
  if (!m) return null;
  const step = m[3] ? Number(m[3]) : 1;
  if (step === 0) throw new RangeError("slice step cannot be zero");
  const norm = (v: string, dflt: number): number => {
    if (v === "") return dflt;
    let x = Number(v);
    if (x < 0) x += n;
    return step > 0 ? Math.min(Math.max(x, 0), n) : Math.min(Math.max(x, -1), n - 1);
  };
  const start = norm(m[1], step > 0 ? 0 : n - 1);
  const stop = norm(m[2], step > 0 ? n : -1);
  return range(start, stop, step);
}

/** Positions for `iloc`: integers (negative count from the end), slices, masks. */
export function byPosition(key: RowKey, n: number): Picked {
  const check = (p: number): number => {
    const q = p < 0 ? p + n : p;
    if (!Number.isInteger(q) || q < 0 || q >= n)
      throw new IndexError(`position ${p} is out of bounds for length ${n}`);
    return q;
  };
  if (typeof key === "number") return { positions: Int32Array.of(check(key)), single: true };
  if (typeof key === "string") {
    const s = sliceBounds(key, n);
    if (!s) throw new TypeError(`iloc takes positions or a "start:stop" slice, got ${JSON.stringify(key)}`);
    return { positions: s, single: false };
  }
  if (isMask(key)) return { positions: maskPositions(asBools(key.column), n), single: false };
  if (key instanceof Tensor) {
    if (key.dtype === "bool") return { positions: maskPositions(key.dataSync(), n), single: false };
    return { positions: Int32Array.from(key.dataSync(), check), single: false };
  }
  if (key instanceof Int32Array) return { positions: Int32Array.from(key, check), single: false };
  const list = key as readonly (Label | boolean)[];
  if (list.length > 0 && typeof list[0] === "boolean")
    return { positions: maskPositions(list as boolean[], n), single: false };
  return {
    positions: Int32Array.from(list, (p) => {
      if (typeof p !== "number")
        throw new TypeError(`iloc takes integer positions, got ${JSON.stringify(p)}`);
      return check(p);
    }),
    single: false,
  };
}

function labelMissing(label: Label, index: Index): KeyError {
  const some = index
    .toArray()
    .slice(0, 10)
    .map((l) => JSON.stringify(l));
  return new KeyError(
    `label ${JSON.stringify(label)} is not in the index (${index.length} labels, starting ${some.join(", ")}${
      index.length > 10 ? ", …" : ""
    })`,
  );
}

/** Positions for `loc`: labels, lists of labels, masks, inclusive label slices. */
export function byLabel(key: RowKey, index: Index): Picked {
  const one = (label: Label): number[] => {
    const at = index.positionsOf(label);
    if (at.length === 0) throw labelMissing(label, index);
    return at;
  };
  if (typeof key === "number") return { positions: Int32Array.from(one(key)), single: true };
  if (typeof key === "string") {
    if (index.has(key)) return { positions: Int32Array.from(one(key)), single: true };
    const m = SLICE.exec(key);
    if (m && (m[1] !== "" || m[2] !== "")) {
      // An inclusive label slice: from the first label's position to the last one's.
      const start = m[1] === "" ? 0 : index.getLoc(Number(m[1]));
      const stop = m[2] === "" ? index.length - 1 : index.getLoc(Number(m[2]));
      return { positions: range(start, stop + 1, m[3] ? Number(m[3]) : 1), single: false };
    }
    throw labelMissing(key, index);
  }
  if (isMask(key)) return { positions: maskFromSeries(key, index), single: false };
  if (key instanceof Tensor) {
    if (key.dtype === "bool")
      return { positions: maskPositions(key.dataSync(), index.length), single: false };
    return { positions: Int32Array.from(Array.from(key.dataSync()).flatMap((l) => one(l))), single: false };
  }
  if (key instanceof Int32Array)
    return { positions: Int32Array.from(Array.from(key).flatMap((l) => one(l))), single: false };
  const list = key as readonly (Label | boolean)[];
  if (list.length > 0 && typeof list[0] === "boolean") {
    return { positions: maskPositions(list as boolean[], index.length), single: false };
  }
  return { positions: Int32Array.from((list as Label[]).flatMap((l) => one(l))), single: false };
}
