import { toTensor } from "../core/convert.js";
import { isInteger, type TypedArray } from "../core/dtype.js";
import { IndexError, ValueError } from "../core/errors.js";
import { Tensor, type NestedArray } from "../core/tensor.js";

// Reading the items of an index (what NumPy writes between the brackets of `a[...]`) into a
// small tagged form. Nothing here looks at a tensor's elements: masks and integer arrays stay
// tensors, and kernels check their values.

/**
 * One item of an index, as `get` and `set` take them:
 * - a number: one position along an axis (negative counts from the end), the axis is dropped;
 * - a slice string `"start:stop:step"` with any part left out (`":"`, `"::2"`, `"::-1"`, `"1:-1"`);
 * - `"..."`: as many `":"` as needed to index every axis;
 * - `null` (`np.newaxis`): a new length-1 axis;
 * - an integer list or tensor (fancy indexing, a copy) or a boolean list or tensor (a mask).
 */
export type IndexItem = number | string | null | Tensor | readonly NestedArray[] | TypedArray;

/** A Python-style slice; missing parts are `undefined`. */
export interface SliceSpec {
  readonly start?: number;
  readonly stop?: number;
  readonly step?: number;
}

/** An index item after reading. */
export type ParsedItem =
  | { readonly kind: "int"; readonly value: number }
  | ({ readonly kind: "slice" } & SliceSpec)
  | { readonly kind: "newaxis" }
  | { readonly kind: "ellipsis" }
  | { readonly kind: "array"; readonly index: Tensor }
  | { readonly kind: "mask"; readonly mask: Tensor };

const VALID =
  "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`null`) and integer or boolean arrays are valid indices";

function sliceInt(part: string, text: string): number | undefined {
  const s = part.trim();
  if (s === "") return undefined;
  if (!/^[+-]?\d+$/.test(s)) throw new IndexError(`invalid slice "${text}": ${VALID}`);
  return Number(s);
}

/**
 * Reads a slice string such as `"1:-1"` or `"::2"`.
 *
 * @example
 * ```ts
 * parseSlice("::-1"); // { start: undefined, stop: undefined, step: -1 }
 * ```
 */
export function parseSlice(text: string): SliceSpec {
  const parts = text.split(":");
  if (parts.length < 2 || parts.length > 3) throw new IndexError(`invalid slice "${text}": ${VALID}`);
  const step = parts.length === 3 ? sliceInt(parts[2], text) : undefined;
  if (step === 0) throw new ValueError("slice step cannot be zero");
  return { start: sliceInt(parts[0], text), stop: sliceInt(parts[1], text), step };
}

/**
 * The first index, length and step of a slice over an axis of length `n`, by Python's rules
 * (out-of-range bounds are clipped, never an error).
 *
 * @example
 * ```ts
 * resolveSlice({ start: 1, stop: -1 }, 5); // { start: 1, length: 3, step: 1 }
 * ```
 */
export function resolveSlice(s: SliceSpec, n: number): { start: number; length: number; step: number } {
  const step = s.step ?? 1;
  const clamp = (v: number | undefined, dflt: number, lo: number, hi: number): number => {
    if (v === undefined) return dflt;
    const w = v < 0 ? v + n : v;
    return Math.min(Math.max(w, lo), hi);
  };
  if (step > 0) {
    const start = clamp(s.start, 0, 0, n);
    const stop = clamp(s.stop, n, 0, n);
    return { start, length: stop > start ? Math.ceil((stop - start) / step) : 0, step };
  }
  const start = clamp(s.start, n - 1, -1, n - 1);
  const stop = clamp(s.stop, -1, -1, n - 1);
  return { start, length: start > stop ? Math.ceil((start - stop) / -step) : 0, step };
}

function arrayItem(t: Tensor): ParsedItem {
  if (t.dtype === "bool") return { kind: "mask", mask: t };
  if (!isInteger(t.dtype)) {
    throw new IndexError("arrays used as indices must be of integer (or boolean) type");
  }
  // A 0-d integer array indexes like an integer, as in NumPy.
  if (t.ndim === 0) return { kind: "int", value: Number(t.item()) };
  return { kind: "array", index: t };
}

/** Reads one index item. */
export function parseItem(item: IndexItem): ParsedItem {
  if (item === null) return { kind: "newaxis" };
  if (typeof item === "number") {
    if (!Number.isInteger(item)) throw new IndexError(VALID);
    return { kind: "int", value: item };
  }
  if (typeof item === "string") {
    if (item.trim() === "...") return { kind: "ellipsis" };
    return { kind: "slice", ...parseSlice(item) };
  }
  if (item instanceof Tensor) return arrayItem(item);
  if (Array.isArray(item) || ArrayBuffer.isView(item)) {
    const list = item as readonly NestedArray[] | TypedArray;
    // An empty list selects nothing; NumPy reads it as an integer index.
    if (list.length === 0) return { kind: "array", index: toTensor([], { dtype: "int32" }) };
    return arrayItem(toTensor(list as NestedArray[]));
  }
  throw new IndexError(`${VALID}; got ${typeof item}`);
}

/**
 * Reads a whole index: a list of items, or a single item (a list of numbers is one fancy index
 * only when passed through `get`'s rest parameters as one argument).
 */
export function parseIndex(items: readonly IndexItem[]): ParsedItem[] {
  return items.map(parseItem);
}
