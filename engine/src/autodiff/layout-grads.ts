import { isFloat } from "../core/dtype.js";
import { isRowMajor } from "../core/host.js";
import { runKernel } from "../core/registry.js";
import type { Tensor } from "../core/tensor.js";
import { sum } from "../ops/reduce.js";
import { registerGradient } from "./registry.js";

// Gradients of the ops the core defines itself (core/tensor.ts cannot import autodiff): views,
// dtype casts and copies, plus the `viewAdjoint` op that views' gradients use.

/** Where a tensor's elements sit in its storage. */
export interface Layout {
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
}

/** Attributes of the `viewAdjoint` kernel (see backends/js/view-adjoint.ts). */
export interface ViewAdjointAttrs {
  readonly from: Layout;
  readonly to: Layout;
  /** Whether a position reached twice from `from` keeps only the first value (else sums). */
  readonly scatterFirst: boolean;
  /** Whether a position read twice by `to` gives its value only to the first reader. */
  readonly gatherFirst: boolean;
}

const layout = (t: Tensor): Layout => ({ shape: t.shape, strides: t.strides, offset: t.offset });

// The view's gradient without the kernel when the view is a common simple one.
function viewGradient(dy: Tensor, src: Tensor, v: Layout): Tensor {
  if (v.offset === src.offset) {
    // Same elements in the same order (reshape of a contiguous tensor, squeeze, expandDims).
    if (
      sameIgnoringOnes(v, src) ||
      (isRowMajor(v.shape, v.strides) && src.isContiguous && sizeOf(v) === src.size)
    ) {
      return dy.reshape(src.shape);
    }
    const axes = broadcastAxes(src, v);
    if (axes) return sum(dy, axes).reshape(src.shape);
    const perm = permutation(src, v);
    if (perm) {
      const inverse = new Array<number>(perm.length);
      perm.forEach((p, i) => (inverse[p] = i));
      return dy.transpose(inverse);
    }
  }
  return viewAdjoint(dy, { from: v, to: layout(src), scatterFirst: false, gatherFirst: true });
}

function sizeOf(l: Layout): number {
  return l.shape.reduce((a, b) => a * b, 1);
}

function sameIgnoringOnes(a: Layout, b: Layout): boolean {
  const ka = a.shape.flatMap((d, i) => (d === 1 ? [] : [d, a.strides[i]]));
  const kb = b.shape.flatMap((d, i) => (d === 1 ? [] : [d, b.strides[i]]));
  return ka.length === kb.length && ka.every((x, i) => x === kb[i]);
}

// The axes to sum when `v` is `src` broadcast (new leading axes, length-1 axes repeated with
// stride 0), or null when it is not.
function broadcastAxes(src: Tensor, v: Layout): number[] | null {
  const lead = v.shape.length - src.ndim;
  if (lead < 0) return null;
  const axes: number[] = [];
  for (let i = 0; i < v.shape.length; i++) {
    if (i < lead) {
      if (v.strides[i] !== 0 && v.shape[i] !== 1) return null;
      axes.push(i);
      continue;
    }
    const d = src.shape[i - lead];
    if (d === v.shape[i]) {
      if (d !== 1 && v.strides[i] !== src.strides[i - lead]) return null;
    } else if (d === 1 && v.strides[i] === 0) axes.push(i);
    else return null;
  }
  return axes;
}

// `perm` such that axis i of `v` is axis perm[i] of `src`, or null.
function permutation(src: Tensor, v: Layout): number[] | null {
  if (v.shape.length !== src.ndim) return null;
  const used = new Array<boolean>(src.ndim).fill(false);
  const perm: number[] = [];
  for (let i = 0; i < v.shape.length; i++) {
    const j = src.shape.findIndex((d, k) => !used[k] && d === v.shape[i] && src.strides[k] === v.strides[i]);
    if (j < 0) return null;
    used[j] = true;
    perm.push(j);
  }
  return perm;
}

/**
 * @internal Adds the values of `x` (one per element of `from`) into their storage positions
 * and reads them back at the positions of `to`: the adjoint of taking a view.
 */
export function viewAdjoint(x: Tensor, attrs: ViewAdjointAttrs): Tensor {
  return runKernel("viewAdjoint", [x], attrs);
}

registerGradient<Layout>("view", (dy, [src], attrs) => [viewGradient(dy, src, attrs)]);

// viewAdjoint is linear; its adjoint swaps the layouts (and which side keeps only the first
// of repeated positions), so second derivatives through views work.
registerGradient<ViewAdjointAttrs>("viewAdjoint", (dy, _inputs, a) => [
  viewAdjoint(dy, { from: a.to, to: a.from, scatterFirst: a.gatherFirst, gatherFirst: a.scatterFirst }),
]);

registerGradient("cast", (dy, [x]) => [
  isFloat(x.dtype) ? (dy.dtype === x.dtype ? dy : dy.astype(x.dtype)) : null,
]);
registerGradient("copy", (dy) => [dy]);
