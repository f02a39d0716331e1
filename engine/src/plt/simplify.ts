/**
 * Ramer–Douglas–Peucker simplification in pixel space: drops points that lie within `tol`
 * pixels of the line through their neighbours. Contours from marching squares carry a point
 * per grid edge crossed, most of them on straight runs; at 0.3 px the drawing is unchanged and
 * the spec is several times smaller.
 */
export function simplify(px: ArrayLike<number>, py: ArrayLike<number>, tol: number): number[] {
  const n = px.length;
  if (n <= 2) return Array.from({ length: n }, (_, i) => i);
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: [number, number][] = [[0, n - 1]];
  const tol2 = tol * tol;
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const dx = px[b] - px[a];
    const dy = py[b] - py[a];
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let worstD = tol2;
    for (let i = a + 1; i < b; i++) {
      let d: number;
      if (len2 === 0) d = (px[i] - px[a]) ** 2 + (py[i] - py[a]) ** 2;
      else {
        const cross = dx * (py[i] - py[a]) - dy * (px[i] - px[a]);
        d = (cross * cross) / len2;
      }
      if (d > worstD) {
        worstD = d;
        worst = i;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(i);
  return out;
}
