/**
 * Marching squares over a rectangular grid, done in the engine because Vega-Lite has no
 * contour mark: `isolines` gives the lines of `contour`, `superlevelRings` the closed outlines
 * of {z ≥ t} that `contourf` turns into filled bands.
 */

/** A grid of values z[i][j] at (x[j], y[i]), row-major in `z`. */
export interface Grid {
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
}

/** A polyline or ring as parallel coordinate arrays. */
export interface Path {
  x: number[];
  y: number[];
  closed: boolean;
}

// Cell corners in counter-clockwise order in index space (column j is x, row i is y):
// 0 = (i, j), 1 = (i, j+1), 2 = (i+1, j+1), 3 = (i+1, j); edge k joins corner k and k+1.
const CORNER_DI = [0, 0, 1, 1];
const CORNER_DJ = [0, 1, 1, 0];

/**
 * Runs marching squares for threshold `t` and stitches the segments into paths. With `pad`,
 * the grid is surrounded by a ring of "outside" values so every outline closes along the
 * grid's border (what filled regions need); without it, lines that reach the border stay open.
 * Every path keeps the inside (z ≥ t) on its left, so rings of regions run counter-clockwise
 * and rings of holes clockwise.
 */
function march(g: Grid, t: number, pad: boolean): Path[] {
  const nx = g.x.length;
  const ny = g.y.length;
  const off = pad ? 1 : 0;
  const C = nx + 2 * off;
  const R = ny + 2 * off;
  const value = (i: number, j: number): number => {
    const oi = i - off;
    const oj = j - off;
    if (oi < 0 || oj < 0 || oi >= ny || oj >= nx) return -Infinity;
    const v = g.z[oi * nx + oj];
    return Number.isNaN(v) ? -Infinity : v;
  };
  const coord = (arr: Float64Array, p: number, n: number): number => {
    const k = Math.min(n - 1, Math.max(0, p - off));
    return arr[k];
  };
  // Crossing point of the edge from grid point (i0, j0) to (i1, j1).
  const crossing = (i0: number, j0: number, i1: number, j1: number): [number, number] => {
    const v0 = value(i0, j0);
    const v1 = value(i1, j1);
    let f: number;
    if (!Number.isFinite(v0)) f = 1;
    else if (!Number.isFinite(v1)) f = 0;
    else f = v1 === v0 ? 0.5 : (t - v0) / (v1 - v0);
    const xa = coord(g.x, j0, nx);
    const xb = coord(g.x, j1, nx);
    const ya = coord(g.y, i0, ny);
    const yb = coord(g.y, i1, ny);
    return [xa + (xb - xa) * f, ya + (yb - ya) * f];
  };
  // Edge ids: horizontal edge from (i, j) to (i, j+1) is 2(iC+j); vertical from (i, j) to (i+1, j) is 2(iC+j)+1.
  const edgeId = (i: number, j: number, k: number): number => {
    if (k === 0) return 2 * (i * C + j);
    if (k === 1) return 2 * (i * C + j + 1) + 1;
    if (k === 2) return 2 * ((i + 1) * C + j);
    return 2 * (i * C + j) + 1;
  };
  const next = new Map<number, number>();
  const points = new Map<number, [number, number]>();
  const inside = [false, false, false, false];
  const vals = [0, 0, 0, 0];
  for (let i = 0; i < R - 1; i++) {
    for (let j = 0; j < C - 1; j++) {
      let count = 0;
      for (let c = 0; c < 4; c++) {
        vals[c] = value(i + CORNER_DI[c], j + CORNER_DJ[c]);
        inside[c] = vals[c] >= t;
        if (inside[c]) count++;
      }
      if (count === 0 || count === 4) continue;
      const exits: number[] = [];
      const entries: number[] = [];
      for (let k = 0; k < 4; k++) {
        const a = inside[k];
        const b = inside[(k + 1) % 4];
        if (a && !b) exits.push(k);
        else if (!a && b) entries.push(k);
      }
      const saddle = exits.length === 2;
      let connected = false;
      if (saddle) {
        const finite = vals.filter(Number.isFinite);
        const centre = finite.reduce((s, v) => s + v, 0) / Math.max(1, finite.length);
        connected = centre >= t;
      }
      for (const k of exits) {
        let entry: number;
        if (!saddle) entry = entries[0];
        else if (connected) entry = (k + 1) % 4;
        else entry = (k + 3) % 4;
        const from = edgeId(i, j, k);
        const to = edgeId(i, j, entry);
        next.set(from, to);
        for (const [id, e] of [
          [from, k],
          [to, entry],
        ] as const) {
          if (!points.has(id)) {
            const c0 = e;
            const c1 = (e + 1) % 4;
            points.set(
              id,
              crossing(i + CORNER_DI[c0], j + CORNER_DJ[c0], i + CORNER_DI[c1], j + CORNER_DJ[c1]),
            );
          }
        }
      }
    }
  }
  const targets = new Set(next.values());
  const paths: Path[] = [];
  const used = new Set<number>();
  const follow = (start: number): Path => {
    const x: number[] = [];
    const y: number[] = [];
    let e: number | undefined = start;
    let closed = false;
    while (e !== undefined) {
      if (used.has(e)) {
        closed = e === start;
        break;
      }
      used.add(e);
      const p = points.get(e) as [number, number];
      if (x.length === 0 || p[0] !== x[x.length - 1] || p[1] !== y[y.length - 1]) {
        x.push(p[0]);
        y.push(p[1]);
      }
      e = next.get(e);
    }
    return { x, y, closed };
  };
  // Open lines start where no segment ends; what remains are closed rings.
  for (const s of next.keys()) if (!targets.has(s) && !used.has(s)) paths.push(follow(s));
  for (const s of next.keys()) if (!used.has(s)) paths.push(follow(s));
  return paths.filter((p) => p.x.length >= 2);
}

/** The contour lines of the grid at level `t`. */
export function isolines(g: Grid, t: number): Path[] {
  return march(g, t, false);
}

/** The closed outlines of the region {z ≥ t}, closed along the grid's border. */
export function superlevelRings(g: Grid, t: number): Path[] {
  return march(g, t, true).filter((p) => p.x.length >= 3);
}

/**
 * The rings of one filled band between levels lo and hi: the rings of {z ≥ lo} and, run
 * backwards, the rings of {z ≥ hi}. Drawn as one path (see layers.ts), they have winding number
 * 1 exactly inside the band, so the default non-zero fill rule fills the band and leaves the
 * holes open.
 */
export function bandRings(g: Grid, lo: number, hi: number | undefined): { x: number[]; y: number[] }[] {
  const outer = superlevelRings(g, lo);
  const inner =
    hi === undefined
      ? []
      : superlevelRings(g, hi).map((r) => ({ x: [...r.x].reverse(), y: [...r.y].reverse(), closed: true }));
  return [...outer, ...inner].map((r) => ({ x: r.x, y: r.y }));
}

/**
 * About `n` round levels covering [lo, hi] (matplotlib's MaxNLocator rule, which `contourf`
 * uses for an integer `levels`).
 */
export function niceLevels(lo: number, hi: number, n: number): number[] {
  if (!(hi > lo)) return [lo, lo + 1];
  const raw = (hi - lo) / n;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  let step = mag * 10;
  for (const m of [1, 2, 2.5, 5, 10]) {
    const s = m * mag;
    if (Math.ceil(hi / s - 1e-9) - Math.floor(lo / s + 1e-9) <= n) {
      step = s;
      break;
    }
  }
  const start = Math.floor(lo / step + 1e-9);
  const stop = Math.ceil(hi / step - 1e-9);
  const out: number[] = [];
  for (let k = start; k <= stop; k++) out.push(+(k * step).toPrecision(12));
  return out;
}
