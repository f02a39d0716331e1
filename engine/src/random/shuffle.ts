/** In-place Fisher-Yates shuffles in the order NumPy's legacy `shuffle` draws its indices. */
import type { BitSource } from "./bit-source.js";
import { randomInterval } from "./bounded.js";
import type { RawArray } from "./types.js";
import { isRawArray } from "./types.js";

/** What `shuffle` accepts: a JS array, a typed array, or a RawArray (shuffled along axis 0). */
export type Shufflable = unknown[] | Float64Array | Float32Array | Int32Array | Uint8Array | RawArray;

/** Number of items along the first axis. */
export function firstAxisLength(x: Shufflable): number {
  if (isRawArray(x)) return x.shape.length === 0 ? 0 : x.shape[0];
  return x.length;
}

/**
 * For i = n-1 down to 1, swaps item i with item j = random_interval(i), as NumPy's legacy
 * shuffle does (the fast 1-d path and the n-d row path draw the same j's).
 */
export function shuffleInPlace(src: BitSource, x: Shufflable): void {
  if (isRawArray(x)) {
    const n = x.shape.length === 0 ? 0 : x.shape[0];
    if (n === 0) return;
    const row = x.data.length / n;
    if (row === 1) {
      shuffleFlat(src, x.data, n);
      return;
    }
    const data = x.data;
    const tmp = data.slice(0, row);
    for (let i = n - 1; i > 0; i--) {
      const j = randomInterval(src, i);
      if (i === j) continue;
      tmp.set(data.subarray(j * row, (j + 1) * row));
      data.copyWithin(j * row, i * row, (i + 1) * row);
      data.set(tmp, i * row);
    }
    return;
  }
  shuffleFlat(src, x, x.length);
}

function shuffleFlat(src: BitSource, a: { [i: number]: unknown }, n: number): void {
  for (let i = n - 1; i > 0; i--) {
    const j = randomInterval(src, i);
    const t = a[j];
    a[j] = a[i];
    a[i] = t;
  }
}

/** arange(n) shuffled: the draws of `permutation(n)`. */
export function permutationIndices(src: BitSource, n: number): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  shuffleFlat(src, idx, n);
  return idx;
}
