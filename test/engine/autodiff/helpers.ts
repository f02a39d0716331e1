// Seeded inputs for the gradient tests: every run checks the same numbers.
import { np, type Tensor } from "tensorbook";

/** A small seeded generator (xorshift-multiply), returning floats in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

/** A float64 array of `shape` with values uniform in `[lo, hi)`. */
export function uniform(next: () => number, shape: readonly number[], lo: number, hi: number): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = lo + (hi - lo) * next();
  return np.array(data).reshape([...shape]);
}

/** A random shape of 1 to 3 axes of length 1 to 4. */
export function randomShape(next: () => number): number[] {
  const nd = 1 + Math.floor(next() * 3);
  return Array.from({ length: nd }, () => 1 + Math.floor(next() * 4));
}

/** Shape pairs that broadcast against each other, plus one random pair per call. */
export function broadcastPairs(next: () => number): [number[], number[]][] {
  const s = randomShape(next);
  const t = s.map((d) => (next() < 0.5 ? 1 : d)).slice(Math.floor(next() * s.length));
  return [
    [
      [2, 3],
      [2, 3],
    ],
    [[2, 3], [3]],
    [
      [4, 1],
      [1, 3],
    ],
    [[], [2, 2]],
    [s, t],
  ];
}
