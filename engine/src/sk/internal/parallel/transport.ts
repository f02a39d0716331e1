/**
 * The data of a parallel job as structured-clone-safe descriptors. Tensors and data frames are
 * copied once into a `SharedArrayBuffer` (frames as Arrow IPC bytes), which every worker reads
 * without another copy on the way; plain arrays are cloned once per worker. Each worker then
 * copies the bytes into memory of its own, so the kernels it runs see ordinary arrays, exactly
 * as on the main thread (results equal the sequential run's bit for bit).
 */
import type { DType, TypedArray } from "../../../core/dtype.js";
import { readHost } from "../../../core/host.js";
import { Tensor } from "../../../core/tensor.js";
import { DataFrame } from "../../../pd/frame.js";
import { readArrow } from "../../../pd/io/arrow.js";
import { Series } from "../../../pd/series.js";

/** One input (X or y) of a job. */
export type DataDesc =
  | { kind: "none"; value: null | undefined }
  | { kind: "tensor"; dtype: DType; shape: number[]; bytes: SharedArrayBuffer }
  | { kind: "frame"; bytes: SharedArrayBuffer }
  | { kind: "series"; bytes: SharedArrayBuffer; name: string | null }
  | { kind: "plain"; value: unknown };

const SERIES_COLUMN = "__tensorbook_series__";

function shared(src: ArrayBufferView): SharedArrayBuffer {
  const sab = new SharedArrayBuffer(src.byteLength);
  new Uint8Array(sab).set(new Uint8Array(src.buffer, src.byteOffset, src.byteLength));
  return sab;
}

function plainData(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  const t = typeof v;
  if (t === "number" || t === "string" || t === "boolean") return true;
  if (ArrayBuffer.isView(v)) return true;
  if (Array.isArray(v)) return v.every(plainData);
  return false;
}

/** The descriptor of an input, or a reason why it cannot be sent to a worker. */
export function encodeData(x: unknown): DataDesc | { unsupported: string } {
  if (x === null || x === undefined) return { kind: "none", value: x };
  if (x instanceof Tensor) {
    return { kind: "tensor", dtype: x.dtype, shape: [...x.shape], bytes: shared(readHost(x)) };
  }
  if (x instanceof DataFrame) return { kind: "frame", bytes: shared(x.toArrow()) };
  if (x instanceof Series) {
    return { kind: "series", bytes: shared(x.toFrame(SERIES_COLUMN).toArrow()), name: x.name };
  }
  if (plainData(x)) return { kind: "plain", value: x };
  const what = (x as object).constructor?.name ?? typeof x;
  return {
    unsupported: `the data (a ${what}) cannot be sent to a worker thread; pass a tensor, a pd.DataFrame, a pd.Series or plain arrays`,
  };
}

const ARRAYS: Record<DType, new (b: ArrayBuffer) => TypedArray> = {
  float64: Float64Array,
  float32: Float32Array,
  int32: Int32Array,
  uint8: Uint8Array,
  bool: Uint8Array,
};

// Copies shared bytes into an ordinary buffer owned by this worker.
function own(sab: SharedArrayBuffer): ArrayBuffer {
  const out = new ArrayBuffer(sab.byteLength);
  new Uint8Array(out).set(new Uint8Array(sab));
  return out;
}

/** Rebuilds an input in a worker. */
export function decodeData(d: DataDesc): unknown {
  switch (d.kind) {
    case "none":
    case "plain":
      return d.value;
    case "tensor":
      return Tensor.fromTypedArray(new ARRAYS[d.dtype](own(d.bytes)), d.shape, d.dtype);
    case "frame":
      return readArrow(new Uint8Array(own(d.bytes)));
    case "series":
      return readArrow(new Uint8Array(own(d.bytes)))
        .col(SERIES_COLUMN)
        .rename(d.name);
  }
}
