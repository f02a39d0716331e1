import type { CudaFloat } from "@tensorbook/native";
import { hostStorage, isHostStorage, type HostStorage, type Storage } from "../../core/backend.js";
import { allocate, type DType } from "../../core/dtype.js";
import { isRowMajor, readHost } from "../../core/host.js";
import { contiguousStrides, type Shape } from "../../core/shape.js";
import { Tensor } from "../../core/tensor.js";
import { cudaBinding } from "./state.js";

// Device storage: a block of the addon's caching allocator, named by its id. Memory is freed
// by dispose/tf.tidy at once, or by a finalizer when a forgotten tensor is garbage collected
// (late, since the collector knows nothing of GPU memory pressure: dispose what you can).

/** Storage on the CUDA device. */
export interface CudaStorage extends Storage {
  readonly device: "cuda";
  /** The allocator's id of the block. */
  readonly id: number;
  readonly bytes: number;
  freed: boolean;
}

const ELEMENT_BYTES: Readonly<Record<DType, number>> = {
  float32: 4,
  float64: 8,
  int32: 4,
  uint8: 1,
  bool: 1,
};

export const isCudaStorage = (s: Storage): s is CudaStorage => s.device === "cuda";
export const isCudaFloat = (d: DType): d is CudaFloat => d === "float32" || d === "float64";

// Holds the id, not the storage, so registering does not keep the storage alive.
const finalizer = new FinalizationRegistry<number>((id) => {
  try {
    cudaBinding().cudaFree(id);
  } catch {
    // Freed already (a race with dispose is impossible: dispose unregisters first).
  }
});

/** A new (uninitialised) device storage of `size` elements. */
export function allocCuda(dtype: DType, size: number): CudaStorage {
  const bytes = size * ELEMENT_BYTES[dtype];
  const id = cudaBinding().cudaAlloc(bytes);
  const s: CudaStorage = { device: "cuda", dtype, size, version: 0, id, bytes, freed: false };
  finalizer.register(s, id, s);
  return s;
}

/** Frees a device storage now; later use of its tensors is an error. Idempotent. */
export function freeCuda(s: CudaStorage): void {
  if (s.freed) return;
  s.freed = true;
  finalizer.unregister(s);
  downloads.delete(s);
  cudaBinding().cudaFree(s.id);
}

/** A row-major tensor over new device storage. */
export function cudaTensor(dtype: DType, shape: Shape): Tensor {
  const size = shape.reduce((p, d) => p * d, 1);
  return new Tensor(allocCuda(dtype, size), shape, contiguousStrides(shape), 0, true);
}

function checkLive(s: CudaStorage): void {
  if (s.freed)
    throw new Error("this tensor's GPU memory was released (dispose or tf.tidy); it cannot be used");
}

// Host copies of device storages, reused while the storage is unchanged (printing a tensor,
// then reading an element, downloads once).
const downloads = new WeakMap<CudaStorage, { version: number; host: HostStorage }>();

/** A host copy of a whole device storage. */
export function download(s: CudaStorage): HostStorage {
  checkLive(s);
  const hit = downloads.get(s);
  if (hit && hit.version === s.version) return hit.host;
  const data = allocate(s.dtype, s.size);
  if (s.size) cudaBinding().cudaDownload(s.id, data);
  const host = hostStorage(data, s.dtype);
  downloads.set(s, { version: s.version, host });
  return host;
}

/**
 * Writes back the host copy a CPU kernel changed in place (a fallback `assign` on a device
 * tensor) and bumps the storage's version.
 */
export function writeBack(s: CudaStorage): void {
  const hit = downloads.get(s);
  if (!hit) return;
  cudaBinding().cudaUpload(s.id, hit.host.data);
  s.version++;
  hit.version = s.version;
}

// Device copies of host storages, reused while the host data is unchanged: the same weights or
// data set moved for every step are uploaded once. The copy dies with its host storage.
const uploads = new WeakMap<HostStorage, { version: number; dev: CudaStorage }>();

function uploadStorage(h: HostStorage): CudaStorage {
  const hit = uploads.get(h);
  if (hit && hit.version === h.version && !hit.dev.freed) return hit.dev;
  if (hit) freeCuda(hit.dev);
  const dev = allocCuda(h.dtype, h.size);
  if (h.size) cudaBinding().cudaUpload(dev.id, h.data);
  uploads.set(h, { version: h.version, dev });
  return dev;
}

// Single numbers meeting device tensors (`x.mul(0.5)`, a loss's epsilon) are made afresh by
// every call: their device copies are shared by value, so a training step does not leave one
// block per constant behind for the garbage collector.
const scalars = new Map<string, CudaStorage>();

function uploadScalar(h: HostStorage): CudaStorage {
  const v = h.data[0];
  const key = `${h.dtype}:${Object.is(v, -0) ? "-0" : String(v)}`;
  const hit = scalars.get(key);
  if (hit && !hit.freed) return hit;
  if (scalars.size >= 4096) scalars.clear(); // the dropped ones are freed by their finalizers
  const dev = allocCuda(h.dtype, 1);
  cudaBinding().cudaUpload(dev.id, h.data);
  scalars.set(key, dev);
  return dev;
}

/**
 * The tensor on the device: the same view of an uploaded copy of its storage when the view
 * covers most of it (broadcast scalars, batches of a data set), else a row-major copy of just
 * the view's elements. With `shareScalars` (operands an op moves, never handed to users) a
 * single number uses the device copy shared by all equal numbers.
 */
export function toCuda(t: Tensor, shareScalars = false): Tensor {
  const s = t.storage;
  if (isCudaStorage(s)) return t;
  if (!isHostStorage(s)) throw new Error(`cannot move a tensor from ${s.device} to cuda`);
  if (shareScalars && s.size === 1)
    return new Tensor(uploadScalar(s), t.shape, t.strides, t.offset, t.mutable);
  if (t.size * 4 >= s.size) {
    return new Tensor(uploadStorage(s), t.shape, t.strides, t.offset, t.mutable);
  }
  const data = readHost(t);
  const dev = allocCuda(t.dtype, t.size);
  if (t.size) cudaBinding().cudaUpload(dev.id, data);
  return new Tensor(dev, t.shape, contiguousStrides(t.shape), 0, t.mutable);
}

/** The tensor on the CPU (a row-major host copy of a device tensor; a host tensor as is). */
export function toHost(t: Tensor): Tensor {
  const s = t.storage;
  if (!isCudaStorage(s)) return t;
  const host = download(s);
  const view = new Tensor(host, t.shape, t.strides, t.offset, t.mutable);
  const exact = t.offset === 0 && t.size === s.size && isRowMajor(t.shape, t.strides);
  // The cached download must not be shared with a tensor the user may modify.
  const data = exact ? host.data.slice() : readHost(view);
  return Tensor.fromTypedArray(data, t.shape, t.dtype, t.mutable);
}

/** A new device storage holding a row-major copy of `t` (never shared with another tensor). */
export function copyToCuda(t: Tensor): CudaStorage {
  const dev = allocCuda(t.dtype, t.size);
  writeInto(dev, t);
  return dev;
}

/**
 * Overwrites a device storage with the elements of `src` (same size and dtype) in place: a
 * device-to-device copy (strided views through the copy kernel) or an upload.
 */
export function writeInto(dst: CudaStorage, src: Tensor): void {
  checkLive(dst);
  if (src.size !== dst.size || src.dtype !== dst.dtype) {
    throw new Error(
      `cannot write ${src.size} ${src.dtype} elements into a device buffer of ${dst.size} ${dst.dtype}`,
    );
  }
  const b = cudaBinding();
  const s = src.storage;
  if (src.size === 0) {
    // nothing to copy
  } else if (isCudaStorage(s)) {
    checkLive(s);
    const bytes = src.size * ELEMENT_BYTES[src.dtype];
    if (src.offset === 0 && isRowMajor(src.shape, src.strides)) b.cudaCopy(dst.id, s.id, bytes);
    else if (isCudaFloat(src.dtype))
      b.cudaUnary("copy", src.dtype, dst.id, s.id, src.offset, src.strides, src.shape, 0);
    else b.cudaUpload(dst.id, readHost(src));
  } else {
    b.cudaUpload(dst.id, readHost(src));
  }
  dst.version++;
}
