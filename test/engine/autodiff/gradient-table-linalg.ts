// Gradient-table rows for np.linalg, kron, matrixPower, sort and the order statistics. The
// decompositions get well-conditioned inputs built inside `f` from the random ones: symmetric
// positive definite matrices for cholesky, symmetric ones with well separated eigenvalues for
// eigh, a spread diagonal added for distinct singular values. Losses on eigenvectors and
// singular vectors are invariant to their sign (v·v, u·diag·vᵀ).
import { np, type Tensor } from "tensorbook";
import type { GradCase } from "./gradient-table.js";
import { rng } from "./helpers.js";
import { flat, last, ramp, separated, spd, spread, swap } from "./matrices.js";

const next = rng(4242);
const size = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));

/** One square matrix and one batched stack of them, of random sizes 2 to 4. */
function squares(): number[][][] {
  const n = size(2, 4);
  const m = size(2, 4);
  return [[[n, n]], [[size(2, 3), m, m]]];
}

export const LINALG_ROWS: readonly GradCase[] = [
  {
    name: "linalg.slogdet (logdet; sign has none)",
    ops: ["linalg.slogdet"],
    f: (x) => {
      const [sign, logdet] = np.linalg.slogdet(x.add(np.eye(last(x)).mul(2)));
      return flat(logdet, sign);
    },
    domain: [-0.5, 0.5],
    shapes: squares(),
  },
  {
    name: "linalg.cholesky (SPD input)",
    ops: ["linalg.cholesky"],
    f: (x) => np.linalg.cholesky(spd(x)),
    domain: [-1, 1],
    shapes: squares(),
  },
  {
    name: "linalg.qr reduced (tall, square, wide, batched)",
    ops: ["linalg.qr"],
    f: (x) => {
      const [q, r] = np.linalg.qr(spread(x));
      return flat(q, r);
    },
    domain: [-1, 1],
    shapes: [[[4, 3]], [[3, 3]], [[2, 4]], [[2, 4, 3]], [[2, 2, 3]]],
  },
  {
    name: "linalg.qr complete (square, wide) and r",
    ops: ["linalg.qr"],
    f: (x) => {
      const [q, r] = np.linalg.qr(spread(x), { mode: "complete" });
      const [r2] = np.linalg.qr(spread(x).mul(0.5), { mode: "r" });
      return flat(q, r, r2);
    },
    domain: [-1, 1],
    shapes: [[[3, 3]], [[2, 4]], [[2, 3, 3]]],
  },
  {
    name: "linalg.svd singular values (computeUv false)",
    ops: ["linalg.svd"],
    f: (x) => np.linalg.svd(spread(x), { computeUv: false })[0],
    domain: [-0.5, 0.5],
    shapes: [[[3, 3]], [[4, 2]], [[2, 4]], [[2, 3, 4]]],
  },
  {
    name: "linalg.svd thin U, S, Vᵀ (gauge-invariant loss)",
    ops: ["linalg.svd"],
    f: (x) => {
      const [u, s, vh] = np.linalg.svd(spread(x), { fullMatrices: false });
      const k = last(s);
      return flat(s, u.mul(u), vh.mul(vh), np.matmul(u.mul(ramp(k)), vh));
    },
    domain: [-0.5, 0.5],
    shapes: [[[3, 3]], [[4, 3]], [[3, 5]], [[2, 4, 3]]],
  },
  {
    name: "linalg.svd full matrices (first K columns)",
    ops: ["linalg.svd"],
    f: (x) => {
      const [u, s, vh] = np.linalg.svd(spread(x));
      const k = last(s);
      const uk = u.get("...", `:${k}`);
      const vk = vh.get("...", `:${k}`, ":");
      return flat(s, uk.mul(uk), np.matmul(uk.mul(ramp(k)), vk));
    },
    domain: [-0.5, 0.5],
    shapes: [[[3, 3]], [[4, 2]], [[2, 4]]],
  },
  {
    name: "linalg.eigh (w and v·v, lower and upper triangle)",
    ops: ["linalg.eigh"],
    f: (x) => {
      const a = separated(x);
      const [w, v] = np.linalg.eigh(a);
      const [w2, v2] = np.linalg.eigh(a.mul(0.5), { UPLO: "U" });
      return flat(w, v.mul(v), np.matmul(v.mul(ramp(last(w))), swap(v)), w2, v2.mul(v2));
    },
    domain: [-1, 1],
    shapes: squares(),
  },
  {
    name: "linalg.eigvalsh",
    ops: ["linalg.eigvalsh"],
    f: (x) => np.linalg.eigvalsh(separated(x)),
    domain: [-1, 1],
    shapes: squares(),
  },
  {
    name: "linalg.pinv (tall, wide, square, batched)",
    ops: ["linalg.pinv"],
    f: (x) => np.linalg.pinv(spread(x)),
    domain: [-0.5, 0.5],
    shapes: [[[4, 3]], [[2, 4]], [[3, 3]], [[2, 4, 2]]],
  },
  {
    name: "linalg.lstsq (solution, residuals, singular values; matrix and vector b)",
    ops: ["linalg.lstsq"],
    f: (a, b) => {
      const [x, residuals, , s] = np.linalg.lstsq(spread(a), b);
      const [xv, resv] = np.linalg.lstsq(spread(a), b.get(":", 0));
      return flat(x, residuals, s, xv, resv);
    },
    domain: [-1, 1],
    arity: 2,
    shapes: [
      [
        [5, 3],
        [5, 2],
      ],
      [
        [4, 2],
        [4, 3],
      ],
    ],
  },
  {
    name: "linalg.norm vector ords (2, 1, inf, -inf, 3, 0.5; axis, keepdims, flattened)",
    ops: ["linalg.norm"],
    f: (x) =>
      flat(
        np.linalg.norm(x),
        np.linalg.norm(x, { axis: 1 }),
        np.linalg.norm(x, 1, { axis: 0 }),
        np.linalg.norm(x, Infinity, { axis: -1, keepdims: true }),
        np.linalg.norm(x, -Infinity, { axis: 0 }),
        np.linalg.norm(x, 3, { axis: 1 }),
        np.linalg.norm(x, 0.5, { axis: 1 }),
        np.linalg.norm(x.reshape([-1]), 2),
      ),
    domain: [0.3, 2],
    shapes: [[[3, 4]], [[2, 3]]],
  },
  {
    name: "linalg.norm ord 0 (a count: zero gradient)",
    ops: ["linalg.norm"],
    f: (x) => np.linalg.norm(x, 0, { axis: 1 }).mul(x.sum(1)),
    domain: [0.5, 2],
    shapes: [[[3, 4]]],
  },
  {
    name: "linalg.norm matrix ords (fro, nuc, 1, -1, inf, -inf, 2, -2; axes, keepdims)",
    ops: ["linalg.norm"],
    f: (x) => {
      const a = spread(x.get(0));
      const ords = ["fro", "nuc", 1, -1, Infinity, -Infinity, 2, -2] as const;
      return flat(
        ...ords.map((o) => np.linalg.norm(a, o)),
        np.linalg.norm(x, "fro", { axis: [1, 2] }),
        np.linalg.norm(x, "nuc", { axis: [2, 1], keepdims: true }),
        np.linalg.norm(x, 1, { axis: [0, 2] }),
        np.linalg.norm(x, -Infinity, { axis: [2, 0] }),
      );
    },
    domain: [-1, 1],
    shapes: [[[2, 3, 4]], [[3, 4, 4]]],
  },
  {
    name: "linalg.cond (2, -2, fro, 1, inf)",
    ops: ["linalg.cond"],
    f: (x) => {
      const a = spread(x);
      return flat(
        np.linalg.cond(a),
        np.linalg.cond(a, -2),
        np.linalg.cond(a, "fro"),
        np.linalg.cond(a, 1),
        np.linalg.cond(a, Infinity),
      );
    },
    domain: [-0.5, 0.5],
    shapes: squares(),
  },
  {
    name: "kron (equal ranks, different ranks, stretched axes)",
    ops: ["kron"],
    f: (x, y) => flat(np.kron(x, y), np.kron(x.get(0), y), np.kron(y, x.get(":", ":1"))),
    domain: [-2, 2],
    arity: 2,
    shapes: [
      [
        [2, 3],
        [3, 2],
      ],
      [
        [3, 2],
        [1, 2],
      ],
    ],
  },
  {
    name: "matrixPower (3, 1, 0, -2; batched)",
    ops: ["matrixPower"],
    f: (x) => {
      const a = x.mul(0.5).add(np.eye(last(x)));
      return flat(
        np.linalg.matrixPower(a, 3),
        np.linalg.matrixPower(a, 1),
        np.linalg.matrixPower(a, 0).mul(a),
        np.linalg.matrixPower(a, -2),
      );
    },
    domain: [-0.5, 0.5],
    shapes: squares(),
  },
  {
    name: "sort (last axis, axis 0, flattened, ties kept stable)",
    ops: ["sort"],
    f: (x) =>
      flat(
        np.sort(x),
        np.sort(x, 0),
        np.sort(x, null),
        np.sort(np.concatenate([x, x.mul(2), x], -1)).mul(np.arange(3 * last(x))),
      ),
    domain: [-2, 2],
    shapes: [[[3, 4]], [[5]], [[2, 3, 2]]],
  },
  {
    name: "quantile, percentile, median (linear interpolation)",
    ops: ["quantile"],
    f: (x) =>
      flat(
        np.quantile(x, [0, 0.1, 0.5, 0.9, 1], 1),
        np.percentile(x, 37, 0),
        np.median(x, 1),
        np.median(x.get(":", ":3"), 1),
        np.median(x),
        np.quantile(x, 0.3, { axis: null, keepdims: true }),
      ),
    domain: [-2, 2],
    shapes: [[[3, 4]], [[2, 5]]],
  },
  {
    name: "linalg.eig / eigvals (no gradient: names eigh)",
    ops: ["linalg.eig"],
    f: (x) => np.linalg.eigvals(x.add(x.T)) as Tensor,
    domain: [-1, 1],
    shapes: [[[3, 3]]],
    noGradient: /complex.*eigh/s,
  },
  {
    name: "linalg.qr complete of a tall matrix (no gradient: names mode reduced)",
    ops: ["linalg.qr"],
    f: (x) => np.linalg.qr(x, { mode: "complete" })[0],
    domain: [-1, 1],
    shapes: [[[4, 2]]],
    noGradient: /not determined.*"reduced"/s,
  },
];
