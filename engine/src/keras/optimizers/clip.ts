// Gradient clipping as Keras does it before an update, on host arrays: `clipvalue` clamps each
// element, `clipnorm` rescales each gradient to an L2 norm of at most clipnorm, and
// `globalClipnorm` rescales all gradients together by their joint norm.

/** The clipping options of an optimizer; at most one may be set. */
export interface ClipOptions {
  clipnorm: number | null;
  clipvalue: number | null;
  globalClipnorm: number | null;
}

function sumSquares(g: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i] * g[i];
  return s;
}

function scaled(g: ArrayLike<number>, k: number): Float64Array {
  const out = new Float64Array(g.length);
  for (let i = 0; i < g.length; i++) out[i] = g[i] * k;
  return out;
}

/** Clipped copies of the gradients (or the same arrays when no clipping applies). */
export function clipGradients(grads: ArrayLike<number>[], o: ClipOptions): ArrayLike<number>[] {
  if (o.clipvalue != null) {
    const c = o.clipvalue;
    return grads.map((g) => {
      const out = new Float64Array(g.length);
      for (let i = 0; i < g.length; i++) out[i] = Math.min(Math.max(g[i], -c), c);
      return out;
    });
  }
  if (o.clipnorm != null) {
    const c = o.clipnorm;
    return grads.map((g) => {
      const norm = Math.sqrt(sumSquares(g));
      return norm > c ? scaled(g, c / norm) : g;
    });
  }
  if (o.globalClipnorm != null) {
    const c = o.globalClipnorm;
    const norm = Math.sqrt(grads.reduce((s, g) => s + sumSquares(g), 0));
    return norm > c ? grads.map((g) => scaled(g, c / norm)) : grads;
  }
  return grads;
}

/** Checks that at most one clipping option is set, as Keras requires. */
export function checkClipOptions(o: ClipOptions): void {
  const set = (["clipnorm", "clipvalue", "globalClipnorm"] as const).filter((k) => o[k] != null);
  if (set.length > 1) {
    throw new TypeError(
      `Only one of clipnorm, clipvalue and globalClipnorm can be set; got ${set.join(" and ")}. Keep one.`,
    );
  }
  for (const k of set) {
    if (!((o[k] as number) > 0)) throw new RangeError(`${k} must be positive, got ${o[k]}`);
  }
}
