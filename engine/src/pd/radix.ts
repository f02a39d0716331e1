// A stable LSD radix sort on float64 keys: 6 passes of 11 bits over the keys' bit patterns
// (flipped so that unsigned order is numeric order). V8's comparator sorts are an order of
// magnitude slower on frame-sized columns, and sorting is behind describe, median and sortValues.

const BITS = 11;
const BUCKETS = 1 << BITS;
const MASK = BUCKETS - 1;

// The 11-bit digit at `shift` of each key, the branch on where it lies hoisted out of the loop.
function digits(
  src: Int32Array,
  m: number,
  hi: Uint32Array,
  lo: Uint32Array,
  shift: number,
  d: Uint16Array,
): void {
  if (shift + BITS <= 32) {
    for (let i = 0; i < m; i++) d[i] = (lo[src[i]] >>> shift) & MASK;
  } else if (shift >= 32) {
    const s = shift - 32;
    for (let i = 0; i < m; i++) d[i] = (hi[src[i]] >>> s) & MASK;
  } else {
    const s = 32 - shift;
    for (let i = 0; i < m; i++) {
      const p = src[i];
      d[i] = ((lo[p] >>> shift) | (hi[p] << s)) & MASK;
    }
  }
}

/**
 * Reorders `order` (row positions) stably by `key[order[i]]`: ascending or descending, with NaN
 * keys moved to the end (or the start with `naFirst`).
 */
export function radixArgsort(
  key: Float64Array,
  order: Int32Array,
  ascending = true,
  naFirst = false,
): Int32Array {
  const n = order.length;
  const nans: number[] = [];
  let m = 0;
  let idx: Int32Array = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = order[i];
    if (key[p] !== key[p]) nans.push(p);
    else idx[m++] = p;
  }
  idx = idx.subarray(0, m);
  // Sortable unsigned halves of each present key, indexed by row position.
  const f = new Float64Array(1);
  const u = new Uint32Array(f.buffer);
  const hi = new Uint32Array(key.length);
  const lo = new Uint32Array(key.length);
  for (let i = 0; i < m; i++) {
    const p = idx[i];
    f[0] = key[p] === 0 ? 0 : key[p]; // -0 sorts with 0
    let h = u[1];
    let l = u[0];
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    if (!ascending) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    }
    hi[p] = h;
    lo[p] = l;
  }
  let src: Int32Array = idx;
  let dst: Int32Array = new Int32Array(m);
  const count = new Int32Array(BUCKETS);
  const d = new Uint16Array(m);
  for (let shift = 0; shift < 64; shift += BITS) {
    digits(src, m, hi, lo, shift, d);
    count.fill(0);
    for (let i = 0; i < m; i++) count[d[i]]++;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = count[b];
      count[b] = sum;
      sum += c;
    }
    for (let i = 0; i < m; i++) dst[count[d[i]]++] = src[i];
    const t = src;
    src = dst;
    dst = t;
  }
  const out = new Int32Array(n);
  if (naFirst) {
    out.set(nans, 0);
    out.set(src, nans.length);
  } else {
    out.set(src, 0);
    out.set(nans, m);
  }
  return out;
}

/** The values sorted ascending (NaN dropped). */
export function sortFloats(x: Float64Array): Float64Array {
  const order = radixArgsort(x, identity(x.length));
  let m = order.length;
  while (m > 0 && x[order[m - 1]] !== x[order[m - 1]]) m--;
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) out[i] = x[order[i]];
  return out;
}

/** 0, 1, …, n-1. */
export function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}
