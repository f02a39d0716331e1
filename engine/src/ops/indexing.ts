import { broadcastView } from "../core/broadcast.js";
import { toTensor } from "../core/convert.js";
import { IndexError } from "../core/errors.js";
import { runKernel } from "../core/registry.js";
import { broadcastShapes, formatShape } from "../core/shape.js";
import type { Tensor } from "../core/tensor.js";
import { nonzeroIndices } from "./compare.js";
import { parseIndex, resolveSlice, type IndexItem } from "./index-parse.js";
import { registerGradient } from "../autodiff/registry.js";
import { installMethods } from "./methods.js";

// `get`: NumPy's indexing. Basic items (integers, slices, "...", null) only move the view's
// offset and strides, so the result shares storage with the tensor, as in NumPy. Index arrays
// and masks (advanced indexing) make a copy through the `gather` kernel.

/** Attributes of the `gather` and `scatter` kernels. */
export interface AdvancedAttrs {
  /** Axes of the view that the index arrays select from, one per index array. */
  readonly axes: readonly number[];
  /** The same axes numbered in the indexed tensor, for error messages. */
  readonly srcAxes: readonly number[];
  /** How many of the view's other axes come before the index arrays' broadcast axes. */
  readonly placement: number;
}

/** What an index does to a tensor: a view, or a view plus index arrays to gather through. */
export type IndexPlan =
  | { readonly kind: "basic"; readonly view: Tensor }
  | {
      readonly kind: "advanced";
      readonly view: Tensor;
      /** Index arrays, broadcast to one shape. */
      readonly indices: readonly Tensor[];
      readonly attrs: AdvancedAttrs;
      /** Shape of the result of `get` (and of the value `set` writes). */
      readonly shape: readonly number[];
    };

interface Advanced {
  viewAxis: number;
  srcAxis: number;
  index: Tensor;
  position: number;
}

/**
 * Works out what an index selects in `t`: the view the basic items make, and for advanced
 * indexing the index arrays and where their axes go (NumPy's rule: where the first index array
 * stood when all index arrays are next to each other, else first).
 */
export function planIndex(t: Tensor, items: readonly IndexItem[]): IndexPlan {
  const parsed = parseIndex(items);
  let consumed = 0;
  let ellipses = 0;
  let advanced = false;
  for (const p of parsed) {
    if (p.kind === "int" || p.kind === "slice" || p.kind === "array") consumed++;
    else if (p.kind === "mask") consumed += p.mask.ndim;
    else if (p.kind === "ellipsis") ellipses++;
    if (p.kind === "array" || p.kind === "mask") advanced = true;
  }
  if (ellipses > 1) throw new IndexError("an index can only have a single ellipsis ('...')");
  if (consumed > t.ndim) {
    throw new IndexError(
      `too many indices for array: array is ${t.ndim}-dimensional, but ${consumed} were indexed`,
    );
  }
  const shape: number[] = [];
  const strides: number[] = [];
  const adv: Advanced[] = [];
  let offset = t.offset;
  let src = 0;
  let position = 0;
  const keepAxis = (): void => {
    shape.push(t.shape[src]);
    strides.push(t.strides[src]);
  };
  for (const p of parsed) {
    switch (p.kind) {
      case "ellipsis":
        for (let k = t.ndim - consumed; k > 0; k--, src++) keepAxis();
        break;
      case "newaxis":
        shape.push(1);
        strides.push(0);
        break;
      case "int": {
        const n = t.shape[src];
        if (p.value < -n || p.value >= n) {
          throw new IndexError(`index ${p.value} is out of bounds for axis ${src} with size ${n}`);
        }
        if (advanced) {
          // Next to index arrays an integer acts as a 0-d index array (it counts for placement).
          keepAxis();
          const index = toTensor(p.value, { dtype: "int32" });
          adv.push({ viewAxis: shape.length - 1, srcAxis: src, index, position });
        } else offset += (p.value < 0 ? p.value + n : p.value) * t.strides[src];
        src++;
        break;
      }
      case "slice": {
        const r = resolveSlice(p, t.shape[src]);
        shape.push(r.length);
        strides.push(t.strides[src] * r.step);
        if (r.length > 0) offset += r.start * t.strides[src];
        src++;
        break;
      }
      case "array":
        keepAxis();
        adv.push({ viewAxis: shape.length - 1, srcAxis: src, index: p.index, position });
        src++;
        break;
      case "mask": {
        if (p.mask.ndim === 0) {
          // A scalar mask adds an axis of length 1 (true) or 0 (false), as in NumPy.
          shape.push(1);
          strides.push(0);
          const index = toTensor(p.mask.item() ? [0] : [], { dtype: "int32" });
          adv.push({ viewAxis: shape.length - 1, srcAxis: src, index, position });
          break;
        }
        for (let k = 0; k < p.mask.ndim; k++) {
          if (p.mask.shape[k] !== t.shape[src + k]) {
            throw new IndexError(
              `boolean index did not match indexed array along dimension ${src + k}; ` +
                `dimension is ${t.shape[src + k]} but corresponding boolean dimension is ${p.mask.shape[k]}`,
            );
          }
        }
        for (const index of nonzeroIndices(p.mask)) {
          keepAxis();
          adv.push({ viewAxis: shape.length - 1, srcAxis: src, index, position: position++ });
          src++;
        }
        position--;
        break;
      }
    }
    position++;
  }
  while (src < t.ndim) {
    keepAxis();
    src++;
  }
  const view = t.view(shape, strides, offset);
  if (adv.length === 0) return { kind: "basic", view };

  let bshape: number[];
  try {
    bshape = broadcastShapes(...adv.map((a) => a.index.shape));
  } catch {
    throw new IndexError(
      "shape mismatch: indexing arrays could not be broadcast together with shapes " +
        adv.map((a) => formatShape(a.index.shape)).join(" "),
    );
  }
  const adjacent = adv.every((a, i) => i === 0 || a.position === adv[i - 1].position + 1);
  const placement = adjacent ? adv[0].viewAxis : 0;
  const restShape = shape.filter((_, ax) => !adv.some((a) => a.viewAxis === ax));
  return {
    kind: "advanced",
    view,
    indices: adv.map((a) => broadcastView(a.index, bshape)),
    attrs: { axes: adv.map((a) => a.viewAxis), srcAxes: adv.map((a) => a.srcAxis), placement },
    shape: [...restShape.slice(0, placement), ...bshape, ...restShape.slice(placement)],
  };
}

/**
 * NumPy's `a[...]`: one argument per item between the brackets. Integers, slice strings,
 * `"..."` and `null` give a view sharing the tensor's storage; integer lists or tensors and
 * boolean masks give a copy.
 *
 * @example
 * ```ts
 * X.get(":", 0);        // X[:, 0], a view
 * X.get(":5000");       // X[:5000]
 * X.get(y.eq(5));       // X[y == 5], a copy
 * X.get([0, 2]);        // X[[0, 2]]
 * X.get(y.eq(2), 0);    // X[y == 2, 0]
 * ```
 */
export function get(t: Tensor, ...index: IndexItem[]): Tensor {
  const plan = planIndex(t, index);
  if (plan.kind === "basic") return plan.view;
  return runKernel<AdvancedAttrs>("gather", [plan.view, ...plan.indices], plan.attrs);
}

installMethods({ get });

declare module "../core/tensor.js" {
  interface Tensor {
    /**
     * NumPy's `a[...]` (see `np` indexing): `X.get(":", 0)`, `X.get("::-1")`, `X.get(mask)`,
     * `X.get([0, 2])`. Basic indexing returns a view, advanced indexing a copy.
     */
    get(...index: IndexItem[]): Tensor;
  }
}

// ---- Gradients -------------------------------------------------------------------------------

/** Attributes of the `gatherAdjoint` kernel: `gather`'s, plus the shape of the indexed view. */
export interface GatherAdjointAttrs extends AdvancedAttrs {
  readonly shape: readonly number[];
}

// Basic indexing is a view (its gradient is the views'). Advanced indexing gathers; its gradient
// adds `dy` back at the gathered positions, and that scatter-add's own gradient gathers again.
registerGradient<AdvancedAttrs>("gather", (dy, [view, ...indices], attrs) => [
  runKernel<GatherAdjointAttrs>("gatherAdjoint", [dy, ...indices], { ...attrs, shape: view.shape }),
  ...indices.map(() => null),
]);
registerGradient<GatherAdjointAttrs>("gatherAdjoint", (dy, [, ...indices], attrs) => [
  runKernel<AdvancedAttrs>("gather", [dy, ...indices], attrs),
  ...indices.map(() => null),
]);
