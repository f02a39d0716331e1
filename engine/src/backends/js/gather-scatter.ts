import { allocate, type TypedArray } from "../../core/dtype.js";
import { IndexError } from "../../core/errors.js";
import { gather, hostOf, isRowMajor, readHost } from "../../core/host.js";
import { registerKernel } from "../../core/registry.js";
import { sizeOf } from "../../core/shape.js";
import { Tensor } from "../../core/tensor.js";
import type { AdvancedAttrs } from "../../ops/indexing.js";
import { takeLoop } from "./loops.js";

// The `js` kernels behind `get` and `set`: `gather` reads the elements picked by integer index
// arrays (advanced indexing), `scatter` writes them, `assign` writes a value into a view.
//
// Layout shared by gather and scatter: the view's axes that index arrays select from are
// replaced by the broadcast shape B of the index arrays; the other ("rest") axes keep their
// order, `placement` of them coming before B. Each selected position b adds `off[b]` to the
// view's offset; under it lies one block of the axes after B, copied in rows of the innermost
// axis (whole contiguous blocks at once, which is what makes row gathers fast).

/** Relative storage positions of the elements picked by the index arrays, bounds-checked. */
function indexOffsets(view: Tensor, indices: readonly Tensor[], attrs: AdvancedAttrs): Float64Array {
  const m = indices.length ? indices[0].size : 1;
  const off = new Float64Array(m);
  indices.forEach((idx, k) => {
    const data = readHost(idx);
    const axis = attrs.axes[k];
    const n = view.shape[axis];
    const s = view.strides[axis];
    for (let i = 0; i < m; i++) {
      let v = data[i];
      if (v < 0) v += n;
      if (v < 0 || v >= n) {
        throw new IndexError(`index ${data[i]} is out of bounds for axis ${attrs.srcAxes[k]} with size ${n}`);
      }
      off[i] += v * s;
    }
  });
  return off;
}

/** Visits every row: `row(srcPos, srcStride, length, outPos)`, in the output's row-major order. */
function forEachRow(
  view: Tensor,
  off: Float64Array,
  attrs: AdvancedAttrs,
  row: (p: number, stride: number, len: number, o: number) => void,
): void {
  const rest = [...view.shape.keys()].filter((ax) => !attrs.axes.includes(ax));
  const pre = rest.slice(0, attrs.placement);
  const post = rest.slice(attrs.placement);
  const preShape = pre.map((ax) => view.shape[ax]);
  const preStrides = pre.map((ax) => view.strides[ax]);
  let postShape = post.map((ax) => view.shape[ax]);
  let postStrides = post.map((ax) => view.strides[ax]);
  const postN = sizeOf(postShape);
  if (postN === 0 || sizeOf(preShape) === 0) return;
  // A block laid out row-major with unit inner stride is one row.
  if (postShape.length > 1 && isRowMajor(postShape, postStrides)) {
    postShape = [postN];
    postStrides = [1];
  }
  const np = postShape.length;
  const len = np ? postShape[np - 1] : 1;
  const stride = np ? postStrides[np - 1] : 0;
  const outerShape = postShape.slice(0, -1);
  const outerStrides = postStrides.slice(0, -1);
  const outerN = sizeOf(outerShape);
  const preIdx = new Array<number>(pre.length).fill(0);
  const postIdx = new Array<number>(outerShape.length).fill(0);
  const preN = sizeOf(preShape);
  let base = view.offset;
  let o = 0;
  for (let q = 0; q < preN; q++) {
    for (let b = 0; b < off.length; b++) {
      let p = base + off[b];
      for (let r = 0; r < outerN; r++) {
        row(p, stride, len, o);
        o += len;
        for (let d = outerShape.length - 1; d >= 0; d--) {
          postIdx[d]++;
          p += outerStrides[d];
          if (postIdx[d] < outerShape[d]) break;
          p -= outerStrides[d] * outerShape[d];
          postIdx[d] = 0;
        }
      }
    }
    for (let d = pre.length - 1; d >= 0; d--) {
      preIdx[d]++;
      base += preStrides[d];
      if (preIdx[d] < preShape[d]) break;
      base -= preStrides[d] * preShape[d];
      preIdx[d] = 0;
    }
  }
}

function outputShape(view: Tensor, bshape: readonly number[], attrs: AdvancedAttrs): number[] {
  const rest = [...view.shape.keys()].filter((ax) => !attrs.axes.includes(ax)).map((ax) => view.shape[ax]);
  return [...rest.slice(0, attrs.placement), ...bshape, ...rest.slice(attrs.placement)];
}

// Rows shorter than this are copied element by element: `set(subarray)` has a fixed cost.
const BULK = 16;

registerKernel<AdvancedAttrs>("gather", "js", ([view, ...indices], attrs) => {
  const src = hostOf(view).data;
  const bshape = indices.length ? indices[0].shape : [];
  const shape = outputShape(view, bshape, attrs);
  const out = allocate(view.dtype, sizeOf(shape));
  const off = indexOffsets(view, indices, attrs);
  if (shape.length === bshape.length) {
    // Only index arrays: one element per position.
    takeLoop(out, src)(out, src, view.offset, off);
  } else {
    // Contiguous rows that follow each other in both the source and the output (a boolean
    // mask's neighbouring rows, a slice's) are copied as one run: one `set` instead of several.
    let runP = 0;
    let runO = 0;
    let runLen = 0;
    const flush = (): void => {
      if (runLen >= BULK) out.set(src.subarray(runP, runP + runLen), runO);
      else for (let i = 0; i < runLen; i++) out[runO + i] = src[runP + i];
      runLen = 0;
    };
    forEachRow(view, off, attrs, (p, stride, len, o) => {
      if (stride === 1 || len === 1) {
        if (runLen > 0 && p === runP + runLen && o === runO + runLen) runLen += len;
        else {
          flush();
          runP = p;
          runO = o;
          runLen = len;
        }
      } else for (let i = 0; i < len; i++, p += stride) out[o + i] = src[p];
    });
    flush();
  }
  return Tensor.fromTypedArray(out, shape, view.dtype);
});

/** A row-major copy of `value` (already broadcast to the target's shape) in `target`'s dtype. */
function valueData(value: Tensor, target: Tensor): TypedArray {
  if (value.dtype === target.dtype) return readHost(value);
  return gather(hostOf(value).data, value.shape, value.strides, value.offset, target.dtype);
}

/**
 * The value converted to the target's dtype when it is one element broadcast everywhere
 * (`a[mask] = 0`), so writes fill instead of first materialising a copy of the value.
 */
function constantOf(value: Tensor, target: Tensor): number | undefined {
  if (!value.strides.every((s, i) => s === 0 || value.shape[i] === 1)) return undefined;
  const cell = allocate(target.dtype, 1);
  const v = hostOf(value).data[value.offset];
  cell[0] = target.dtype === "bool" ? (v !== 0 ? 1 : 0) : v;
  return cell[0];
}

registerKernel<AdvancedAttrs>("scatter", "js", ([view, value, ...indices], attrs) => {
  const dst = hostOf(view).data;
  const off = indexOffsets(view, indices, attrs);
  const onlyIndexed = value.ndim === (indices.length ? indices[0].ndim : 0);
  const c = constantOf(value, view);
  if (c !== undefined) {
    const base = view.offset;
    if (onlyIndexed) for (let b = 0; b < off.length; b++) dst[base + off[b]] = c;
    else {
      forEachRow(view, off, attrs, (p, stride, len) => {
        if (stride === 1) dst.fill(c, p, p + len);
        else for (let i = 0; i < len; i++, p += stride) dst[p] = c;
      });
    }
    return view;
  }
  const val = valueData(value, view);
  if (onlyIndexed) {
    const base = view.offset;
    for (let b = 0; b < off.length; b++) dst[base + off[b]] = val[b];
  } else {
    forEachRow(view, off, attrs, (p, stride, len, o) => {
      if (stride === 1 && len >= BULK) dst.set(val.subarray(o, o + len), p);
      else for (let i = 0; i < len; i++, p += stride) dst[p] = val[o + i];
    });
  }
  return view;
});

registerKernel("assign", "js", ([view, value]) => {
  const dst = hostOf(view).data;
  if (view.size === 0) return view;
  const c = constantOf(value, view);
  const val = c === undefined ? valueData(value, view) : undefined;
  if (isRowMajor(view.shape, view.strides)) {
    if (val) dst.set(val, view.offset);
    else dst.fill(c as number, view.offset, view.offset + view.size);
    return view;
  }
  // Walk the target with its innermost axis as the tight loop.
  const nd = view.ndim;
  const inner = view.shape[nd - 1];
  const s = view.strides[nd - 1];
  const idx = new Array<number>(nd).fill(0);
  let pos = view.offset;
  for (let o = 0; o < view.size; o += inner) {
    if (val) for (let i = 0, p = pos; i < inner; i++, p += s) dst[p] = val[o + i];
    else for (let i = 0, p = pos; i < inner; i++, p += s) dst[p] = c as number;
    for (let d = nd - 2; d >= 0; d--) {
      idx[d]++;
      pos += view.strides[d];
      if (idx[d] < view.shape[d]) break;
      pos -= view.strides[d] * view.shape[d];
      idx[d] = 0;
    }
  }
  return view;
});
