import { allocate, type DType, type TypedArray } from "./dtype.js";
import { hostStorage, isHostStorage, type HostStorage } from "./backend.js";
import { contiguousStrides, sizeOf, type Shape } from "./shape.js";
import { deviceHooks } from "./device-hooks.js";
import type { Tensor } from "./tensor.js";

// Helpers for kernels that work on host (CPU) storage: the `js` backend and the native addon.

/**
 * The host storage of a tensor; for a tensor on a device, a host copy of its storage (so
 * printing and CPU kernels read device tensors), or an error naming its device.
 */
export function hostOf(t: Tensor): HostStorage {
  if (!isHostStorage(t.storage)) {
    if (deviceHooks.download) return deviceHooks.download(t.storage);
    throw new Error(`this operation needs the tensor on the CPU, but it is on ${t.storage.device}`);
  }
  return t.storage;
}

/** Whether a view covers its storage's elements in row-major order from `offset`. */
export function isRowMajor(shape: Shape, strides: readonly number[]): boolean {
  let expected = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    if (shape[i] !== 1 && strides[i] !== expected) return false;
    expected *= shape[i];
  }
  return true;
}

/**
 * Copies the elements of a strided view into a new row-major typed array of `dtype`
 * (converting values on the way when `dtype` differs from the source's).
 */
export function gather(
  src: TypedArray,
  shape: Shape,
  strides: readonly number[],
  offset: number,
  dtype: DType,
): TypedArray {
  const n = sizeOf(shape);
  const out = allocate(dtype, n);
  const toBool = dtype === "bool";
  const ndim = shape.length;
  if (ndim === 0) {
    out[0] = toBool ? (src[offset] !== 0 ? 1 : 0) : src[offset];
    return out;
  }
  if (n === 0) return out;
  // Walk the view with the innermost axis as a tight loop and an odometer over the rest.
  const last = ndim - 1;
  const inner = shape[last];
  const innerStride = strides[last];
  const index = new Array<number>(ndim).fill(0);
  let pos = offset;
  let o = 0;
  const outer = n / inner;
  for (let k = 0; k < outer; k++) {
    let p = pos;
    if (toBool) for (let i = 0; i < inner; i++, p += innerStride) out[o++] = src[p] !== 0 ? 1 : 0;
    else for (let i = 0; i < inner; i++, p += innerStride) out[o++] = src[p];
    for (let ax = last - 1; ax >= 0; ax--) {
      index[ax]++;
      pos += strides[ax];
      if (index[ax] < shape[ax]) break;
      pos -= strides[ax] * shape[ax];
      index[ax] = 0;
    }
  }
  return out;
}

/**
 * The elements of a host tensor as a row-major typed array: the storage itself when the tensor
 * covers it exactly in order (no copy), else a gathered copy. Callers must not write to it.
 */
export function readHost(t: Tensor): TypedArray {
  const s = hostOf(t);
  if (t.offset === 0 && t.size === s.size && isRowMajor(t.shape, t.strides)) return s.data;
  return gather(s.data, t.shape, t.strides, t.offset, t.dtype);
}

/** New host storage holding a row-major copy of a tensor's elements as `dtype`. */
export function copyHost(t: Tensor, dtype: DType = t.dtype): HostStorage {
  const s = hostOf(t);
  if (t.offset === 0 && t.size === s.size && isRowMajor(t.shape, t.strides) && dtype === t.dtype) {
    return hostStorage(s.data.slice(), dtype);
  }
  return hostStorage(gather(s.data, t.shape, t.strides, t.offset, dtype), dtype);
}

/** Row-major strides for a shape (re-exported for kernels). */
export const rowMajorStrides = contiguousStrides;
