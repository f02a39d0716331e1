/**
 * Sorting a node's feature values together with its sample indices: introsort (median-of-three
 * quicksort with a three-way partition, heapsort past a depth of 2·⌊log₂ n⌋), the same procedure
 * scikit-learn's splitter runs. The order of equal values then comes out as in scikit-learn, so
 * sums accumulated along the sorted samples round alike.
 */

function swap(Xf: Float32Array, s: Int32Array, i: number, j: number): void {
  const t = Xf[i];
  Xf[i] = Xf[j];
  Xf[j] = t;
  const u = s[i];
  s[i] = s[j];
  s[j] = u;
}

function median3(Xf: Float32Array, o: number, n: number): number {
  const a = Xf[o];
  const b = Xf[o + Math.floor(n / 2)];
  const c = Xf[o + n - 1];
  if (a < b) {
    if (b < c) return b;
    if (a < c) return c;
    return a;
  }
  if (b < c) {
    if (a < c) return a;
    return c;
  }
  return b;
}

function siftDown(Xf: Float32Array, s: Int32Array, o: number, start: number, end: number): void {
  let root = start;
  for (;;) {
    const child = root * 2 + 1;
    let maxind = root;
    if (child < end && Xf[o + maxind] < Xf[o + child]) maxind = child;
    if (child + 1 < end && Xf[o + maxind] < Xf[o + child + 1]) maxind = child + 1;
    if (maxind === root) return;
    swap(Xf, s, o + root, o + maxind);
    root = maxind;
  }
}

function heapsort(Xf: Float32Array, s: Int32Array, o: number, n: number): void {
  let start = Math.floor((n - 2) / 2);
  for (;;) {
    siftDown(Xf, s, o, start, n);
    if (start === 0) break;
    start--;
  }
  for (let end = n - 1; end > 0; end--) {
    swap(Xf, s, o, o + end);
    siftDown(Xf, s, o, 0, end);
  }
}

function introsort(Xf: Float32Array, s: Int32Array, o: number, n: number, maxd: number): void {
  while (n > 1) {
    if (maxd <= 0) {
      heapsort(Xf, s, o, n);
      return;
    }
    maxd--;
    const pivot = median3(Xf, o, n);
    let i = 0;
    let l = 0;
    let r = n;
    while (i < r) {
      const v = Xf[o + i];
      if (v < pivot) {
        swap(Xf, s, o + i, o + l);
        i++;
        l++;
      } else if (v > pivot) {
        r--;
        swap(Xf, s, o + i, o + r);
      } else i++;
    }
    introsort(Xf, s, o, l, maxd);
    o += r;
    n -= r;
  }
}

/** Sorts `Xf[start, start + n)` ascending, applying the same swaps to `samples`. */
export function sortValues(Xf: Float32Array, samples: Int32Array, start: number, n: number): void {
  if (n <= 1) return;
  introsort(Xf, samples, start, n, 2 * Math.floor(Math.log(n) / Math.log(2)));
}

/**
 * Sorting by an order-preserving integer key of the float32 bits: an LSD radix sort over the
 * key's bytes (bytes every key shares are skipped), with {@link sortValues} below
 * {@link RADIX_MIN} values where it is faster. The order of equal values differs from
 * {@link sortValues}'s; the tree builder uses it only when that order cannot change any sum (see
 * `sumsAreExact` in grow.ts). Scratch space for up to `capacity` values is allocated once.
 */
export class KeySorter {
  private readonly k1: Uint32Array;
  private readonly k2: Uint32Array;
  private readonly s1: Int32Array;
  private readonly s2: Int32Array;
  private readonly hist = new Uint32Array(4 * 256);

  constructor(capacity: number) {
    this.k1 = new Uint32Array(capacity);
    this.k2 = new Uint32Array(capacity);
    this.s1 = new Int32Array(capacity);
    this.s2 = new Int32Array(capacity);
  }

  /** Sorts `Xf[start, start + n)` ascending with `samples`; `bits` is a Uint32Array view of `Xf`. */
  sort(Xf: Float32Array, bits: Uint32Array, samples: Int32Array, start: number, n: number): void {
    if (n < RADIX_MIN) {
      sortValues(Xf, samples, start, n);
      return;
    }
    const hist = this.hist;
    hist.fill(0);
    let srcK = this.k1;
    let dstK = this.k2;
    let srcS = this.s1;
    let dstS = this.s2;
    for (let p = 0; p < n; p++) {
      const u = bits[start + p];
      const k = (u >= 0x80000000 ? ~u : u | 0x80000000) >>> 0;
      srcK[p] = k;
      srcS[p] = samples[start + p];
      hist[k & 255]++;
      hist[256 + ((k >>> 8) & 255)]++;
      hist[512 + ((k >>> 16) & 255)]++;
      hist[768 + (k >>> 24)]++;
    }
    for (let b = 0; b < 4; b++) {
      const o = b * 256;
      const sh = 8 * b;
      if (hist[o + ((srcK[0] >>> sh) & 255)] === n) continue;
      let sum = 0;
      for (let c = 0; c < 256; c++) {
        const t = hist[o + c];
        hist[o + c] = sum;
        sum += t;
      }
      for (let p = 0; p < n; p++) {
        const k = srcK[p];
        const d = hist[o + ((k >>> sh) & 255)]++;
        dstK[d] = k;
        dstS[d] = srcS[p];
      }
      const tk = srcK;
      srcK = dstK;
      dstK = tk;
      const ts = srcS;
      srcS = dstS;
      dstS = ts;
    }
    for (let p = 0; p < n; p++) {
      const k = srcK[p];
      bits[start + p] = k >= 0x80000000 ? k - 0x80000000 : ~k >>> 0;
      samples[start + p] = srcS[p];
    }
  }
}

/** Values below which {@link KeySorter} uses the introsort (measured faster there). */
export const RADIX_MIN = 128;
