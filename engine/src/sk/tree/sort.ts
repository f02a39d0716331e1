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
