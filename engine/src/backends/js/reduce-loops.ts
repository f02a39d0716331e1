import type { TypedArray } from "../../core/dtype.js";
import type { ReduceKind } from "../../ops/reduce.js";

// Reduction loops generated per (kind, input array type, output dtype), like loops.ts does for
// element-wise ops: each compiled function is monomorphic, so V8 keeps the inner loops as tight
// as hand-written code. A loop reduces a contiguous block laid out as [outer][B][M] over its
// middle axis B:
//   - M === 1 (the reduced axes are the last ones): one scalar accumulator per output, walking
//     memory in order; sums use NumPy's pairwise summation (8 accumulators, blocks of 128), which
//     is both as accurate as NumPy's and faster than one serial chain;
//   - M > 1 (leading or middle axes reduced): row accumulation, adding each of the B rows of M
//     elements into M accumulators, so memory is still read in order.

/** A compiled reduction: reduces `a[off ...]` viewed as [outer][B][M] over B into `out`. */
export type ReduceLoop = (
  a: TypedArray,
  off: number,
  outer: number,
  B: number,
  M: number,
  out: TypedArray,
  overflow: (v: number) => never,
) => void;

interface KindCode {
  /** Initial accumulator value. */
  init: string;
  /** Statement updating `s` (and the index `si`) with the element `x` at block position `k`. */
  step: string;
  /** Whether the kind tracks an index (`si`) and returns it. */
  arg?: boolean;
  /**
   * A faster step for one scalar accumulator, allowed to `break` (a NaN decides max/argmax):
   * one comparison per element in the common case instead of two.
   */
  scalar?: string;
}

const CODE: Record<ReduceKind, KindCode> = {
  sum: { init: "0", step: "s += x;" },
  prod: { init: "1", step: "s *= x;" },
  // NaN propagates: once s is NaN no comparison replaces it.
  max: {
    init: "-Infinity",
    step: "if (x > s || x !== x) s = x;",
    scalar: "if (!(x <= s)) { s = x; if (x !== x) break; }",
  },
  min: {
    init: "Infinity",
    step: "if (x < s || x !== x) s = x;",
    scalar: "if (!(x >= s)) { s = x; if (x !== x) break; }",
  },
  all: { init: "1", step: "if (x === 0) s = 0;" },
  any: { init: "0", step: "if (x !== 0) s = 1;" },
  // The first extreme wins ties; the first NaN wins outright (NumPy's rule).
  argmax: {
    init: "-Infinity",
    step: "if (x > s || (x !== x && s === s)) { s = x; si = k; }",
    scalar: "if (!(x <= s)) { s = x; si = k; if (x !== x) break; }",
    arg: true,
  },
  argmin: {
    init: "Infinity",
    step: "if (x < s || (x !== x && s === s)) { s = x; si = k; }",
    scalar: "if (!(x >= s)) { s = x; si = k; if (x !== x) break; }",
    arg: true,
  },
  // NaN-ignoring kinds: an all-NaN slice gives NaN (and index -1, which the op reports).
  nansum: { init: "0", step: "if (x === x) s += x;" },
  nanprod: { init: "1", step: "if (x === x) s *= x;" },
  nanmax: { init: "NaN", step: "if (x === x && !(x <= s)) s = x;" },
  nanmin: { init: "NaN", step: "if (x === x && !(x >= s)) s = x;" },
  nanargmax: { init: "NaN", step: "if (x === x && !(x <= s)) { s = x; si = k; }", arg: true },
  nanargmin: { init: "NaN", step: "if (x === x && !(x >= s)) { s = x; si = k; }", arg: true },
};

// NumPy's pairwise_sum: exact same splitting, so float64 sums of contiguous data round alike.
const PAIRWISE = `
  function pw(a, i0, n) {
    if (n < 8) { let r = 0; for (let i = i0; i < i0 + n; i++) r += a[i]; return r; }
    if (n <= 128) {
      let r0 = a[i0], r1 = a[i0 + 1], r2 = a[i0 + 2], r3 = a[i0 + 3],
          r4 = a[i0 + 4], r5 = a[i0 + 5], r6 = a[i0 + 6], r7 = a[i0 + 7];
      const end = i0 + n - (n % 8);
      let i = i0 + 8;
      for (; i < end; i += 8) {
        r0 += a[i]; r1 += a[i + 1]; r2 += a[i + 2]; r3 += a[i + 3];
        r4 += a[i + 4]; r5 += a[i + 5]; r6 += a[i + 6]; r7 += a[i + 7];
      }
      let r = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
      for (; i < i0 + n; i++) r += a[i];
      return r;
    }
    let n2 = (n / 2) | 0;
    n2 -= n2 % 8;
    return pw(a, i0, n2) + pw(a, i0 + n2, n - n2);
  }`;

function source(kind: ReduceKind, outDType: string): string {
  const c = CODE[kind];
  const result = c.arg ? "si" : "s";
  // Integer sums and products must not wrap silently (NumPy would have used int64).
  const check =
    outDType === "int32" && (kind === "sum" || kind === "prod" || kind === "nansum" || kind === "nanprod")
      ? "if (v > 2147483647 || v < -2147483648) overflow(v);"
      : "";
  const bool = outDType === "bool";
  const store = (target: string, v: string): string =>
    `{ const v = ${v}; ${check} ${target} = ${bool ? "v !== 0 ? 1 : 0" : "v"}; }`;
  const scalar =
    kind === "sum"
      ? `for (let o = 0; o < outer; o++) ${store("out[o]", "pw(a, off + o * B, B)")}`
      : `for (let o = 0; o < outer; o++) {
          let s = ${c.init}, si = ${c.arg ? "-1" : "0"};
          const base = off + o * B;
          for (let k = 0; k < B; k++) { const x = a[base + k]; ${c.scalar ?? c.step} }
          ${c.arg ? "if (si < 0 && s === s) si = 0;" : ""}
          ${store("out[o]", result)}
        }`;
  return `
    ${kind === "sum" ? PAIRWISE : ""}
    if (M === 1) { ${scalar} return; }
    const acc = new Float64Array(M);
    ${c.arg ? "const idx = new Int32Array(M);" : ""}
    for (let o = 0; o < outer; o++) {
      acc.fill(${c.init});
      ${c.arg ? "idx.fill(-1);" : ""}
      const base = off + o * B * M;
      let k0 = 0;
      ${
        kind === "sum"
          ? `// Four rows per pass: a quarter of the accumulator traffic.
      for (; k0 + 4 <= B; k0 += 4) {
        const r0 = base + k0 * M, r1 = r0 + M, r2 = r1 + M, r3 = r2 + M;
        for (let j = 0; j < M; j++) acc[j] += (a[r0 + j] + a[r1 + j]) + (a[r2 + j] + a[r3 + j]);
      }`
          : ""
      }
      for (let k = k0; k < B; k++) {
        const row = base + k * M;
        for (let j = 0; j < M; j++) {
          const x = a[row + j];
          let s = acc[j]${c.arg ? ", si = idx[j]" : ""};
          ${c.step}
          acc[j] = s;${c.arg ? " idx[j] = si;" : ""}
        }
      }
      const ob = o * M;
      for (let j = 0; j < M; j++) {
        const s = acc[j]${c.arg ? ", si = idx[j] < 0 && s === s ? 0 : idx[j]" : ""};
        ${store("out[ob + j]", result)}
      }
    }`;
}

const cache = new Map<string, ReduceLoop>();

/** The compiled loop for a reduction kind, input array type and output dtype. */
export function reduceLoop(kind: ReduceKind, input: TypedArray, outDType: string): ReduceLoop {
  const key = `${kind}:${input.constructor.name}:${outDType}`;
  let loop = cache.get(key);
  if (!loop) {
    loop = new Function(
      "a",
      "off",
      "outer",
      "B",
      "M",
      "out",
      "overflow",
      source(kind, outDType),
    ) as ReduceLoop;
    cache.set(key, loop);
  }
  return loop;
}
