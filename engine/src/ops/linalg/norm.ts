// `np.linalg.norm` and `cond`, with their gradients.
import { toTensor } from "../../core/convert.js";
import { runKernel } from "../../core/registry.js";
import type { Tensor, TensorLike } from "../../core/tensor.js";
import type { NormOrd } from "../../linalg/index.js";
import { registerGradient } from "../../autodiff/registry.js";
import { abs, div, mul, pow, sign, sub } from "../arithmetic.js";
import { eq, where } from "../compare.js";
import { zeros } from "../creation.js";
import { matmul } from "../products.js";
import { max, min, sum } from "../reduce.js";
import { floatOf, swapLast } from "./common.js";
import { inv } from "./inverse.js";
import { thinSvd } from "./svd.js";

/** Options of `norm`. */
export interface NormOptions {
  /** Vector norm along one axis, or matrix norm over two. */
  axis?: number | [number, number];
  keepdims?: boolean;
}

interface NormAttrs {
  readonly ord: NormOrd;
  readonly axis?: number | [number, number];
  readonly keepdims?: boolean;
}

/**
 * Vector or matrix norm (`ord`: numbers, Infinity, "fro", "nuc"; default 2-norm / Frobenius).
 *
 * @example
 * ```ts
 * np.linalg.norm([3, 4]); // 5
 * np.linalg.norm(X, 1, { axis: 1 });
 * ```
 */
export function norm(x: TensorLike, ord: NormOrd | NormOptions = null, opts: NormOptions = {}): Tensor {
  if (ord !== null && typeof ord === "object") return norm(x, null, ord);
  return runKernel<NormAttrs>("linalg.norm", [toTensor(x)], {
    ord,
    axis: opts.axis,
    keepdims: opts.keepdims,
  });
}

/**
 * Condition number in norm `p` (default 2: ratio of extreme singular values), batched.
 *
 * @example
 * ```ts
 * np.linalg.cond([[1, 0], [0, 2]]).item(); // 2
 * ```
 */
export function cond(a: TensorLike, p: NormOrd = null): Tensor {
  return runKernel("linalg.cond", [toTensor(a)], { p });
}

// ---- Gradients -------------------------------------------------------------------------------

// x / n, with 0 where the norm is 0 (the subgradient 0, as PyTorch).
const scaled = (x: Tensor, n: Tensor): Tensor => div(x, where(eq(n, 0), 1, n));

// Ties share the gradient equally (as max and min do): a mask of the extreme entries of
// `values` along `axes`, divided by their count.
function sharedExtremum(values: Tensor, axes: number[], largest: boolean): Tensor {
  const best = largest ? max(values, axes, { keepdims: true }) : min(values, axes, { keepdims: true });
  const mask = eq(values, best).astype(floatOf(values));
  return div(mask, sum(mask, axes, { keepdims: true }));
}

// Gradient of a vector norm along `axis`, with `y` and `dy` shaped with keepdims.
function vectorNormGradient(x: Tensor, ord: NormOrd, axis: number, y: Tensor, dy: Tensor): Tensor {
  if (ord === null || ord === 2) return mul(dy, scaled(x, y));
  if (ord === 1) return mul(dy, sign(x));
  if (ord === Infinity || ord === -Infinity) {
    return mul(dy, mul(sign(x), sharedExtremum(abs(x), [axis], ord > 0)));
  }
  if (ord === 0) return zeros(x.shape, { dtype: floatOf(x) }); // a count: piecewise constant
  const p = ord as number;
  // d‖x‖_p/dx = sign(x)·|x|^(p-1) / ‖x‖^(p-1); 0 at x = 0 (where it is infinite for p < 1).
  const g = div(mul(sign(x), pow(abs(x), p - 1)), pow(y, p - 1));
  return mul(dy, p < 1 ? where(eq(x, 0), 0, g) : g);
}

// Gradient of a matrix norm of the last two axes of `x`, `y` and `dy` shaped [..., 1, 1].
export function matrixNormGradient(x: Tensor, ord: NormOrd, y: Tensor, dy: Tensor): Tensor {
  if (ord === null || ord === "fro") return mul(dy, scaled(x, y));
  if (ord === "nuc" || ord === 2 || ord === -2) {
    const [u, s, vh] = thinSvd(x);
    if (ord === "nuc") return mul(dy, matmul(u, vh));
    const i = ord === 2 ? 0 : s.shape[s.ndim - 1] - 1;
    return mul(dy, matmul(u.get("...", `${i}:${i + 1}`), vh.get("...", `${i}:${i + 1}`, ":")));
  }
  // ±1: extreme column sums of |x| (axis -2 summed); ±inf: extreme row sums.
  const byCol = ord === 1 || ord === -1;
  const sums = sum(abs(x), byCol ? -2 : -1, { keepdims: true });
  const pick = sharedExtremum(sums, [byCol ? -1 : -2], (ord as number) > 0);
  return mul(dy, mul(sign(x), pick));
}

registerGradient<NormAttrs>("linalg.norm", (dy, [x], { ord, axis, keepdims }, y) => {
  const nd = x.ndim;
  if (axis === undefined || axis === null) {
    if (ord === null || (ord === "fro" && nd === 2) || (ord === 2 && nd === 1)) {
      const ones = new Array<number>(nd).fill(1);
      return [mul(dy.reshape(ones), scaled(x, y.reshape(ones)))];
    }
  }
  const axes = (
    axis === undefined || axis === null ? [...x.shape.keys()] : typeof axis === "number" ? [axis] : axis
  ).map((a) => (a < 0 ? a + nd : a));
  const kept = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const yk = keepdims ? y : y.reshape(kept);
  const dyk = keepdims ? dy : dy.reshape(kept);
  if (axes.length === 1) return [vectorNormGradient(x, ord, axes[0], yk, dyk)];
  // Matrix norm: move the two axes last, differentiate, move them back.
  const rest = [...x.shape.keys()].filter((i) => !axes.includes(i));
  const perm = [...rest, axes[0], axes[1]];
  const back = perm.map((_, i) => perm.indexOf(i));
  const g = matrixNormGradient(x.transpose(perm), ord, yk.transpose(perm), dyk.transpose(perm));
  return [g.transpose(back)];
});

// cond = s_max/s_min (p null or 2; s_min/s_max for -2); otherwise ‖A‖_p·‖A⁻¹‖_p.
registerGradient<{ p: NormOrd }>("linalg.cond", (dy, [a], { p }, c) => {
  const d = dy.reshape([...dy.shape, 1, 1]);
  if (p === null || p === 2 || p === -2) {
    const [u, s, vh] = thinSvd(a);
    const k = s.shape[s.ndim - 1];
    const outer = (i: number): Tensor =>
      matmul(u.get("...", `${i}:${i + 1}`), vh.get("...", `${i}:${i + 1}`, ":"));
    const [top, bottom] = p === -2 ? [k - 1, 0] : [0, k - 1];
    const sBottom = s.get("...", `${bottom}:${bottom + 1}`).expandDims(-1);
    // d(s_t/s_b) = ds_t/s_b - s_t·ds_b/s_b²
    const g = sub(div(outer(top), sBottom), mul(div(c.reshape([...c.shape, 1, 1]), sBottom), outer(bottom)));
    return [mul(d, g)];
  }
  const aInv = inv(a);
  const nA = norm(a, p, { axis: [-2, -1], keepdims: true });
  const nInv = norm(aInv, p, { axis: [-2, -1], keepdims: true });
  const gA = matrixNormGradient(a, p, nA, mul(d, nInv));
  const gInv = matrixNormGradient(aInv, p, nInv, mul(d, nA));
  const aInvT = swapLast(aInv);
  return [sub(gA, matmul(matmul(aInvT, gInv), aInvT))];
});
