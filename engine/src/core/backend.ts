import type { DType, TypedArray } from "./dtype.js";

/** The compute backends the engine knows. */
export type BackendName = "js" | "native-cpu" | "cuda";

/** Where a tensor's bytes live. Host storage is shared by the `js` and `native-cpu` backends. */
export type Device = "cpu" | "cuda";

/**
 * A backend-owned buffer. Ops never look inside: they ask the backend (through kernels) to read
 * or write it. Views of a tensor share one storage.
 */
export interface Storage {
  readonly device: Device;
  readonly dtype: DType;
  /** Number of elements. */
  readonly size: number;
  /**
   * Bumped by every in-place write, so that autodiff can tell a tensor was changed after a tape
   * recorded it.
   */
  version: number;
}

/** Host storage: a typed array the `js` and `native-cpu` kernels read and write in place. */
export interface HostStorage extends Storage {
  readonly device: "cpu";
  readonly data: TypedArray;
}

export function isHostStorage(s: Storage): s is HostStorage {
  return s.device === "cpu";
}

/** Wraps a typed array as host storage without copying it. */
export function hostStorage(data: TypedArray, dtype: DType): HostStorage {
  return { device: "cpu", dtype, size: data.length, data, version: 0 };
}
