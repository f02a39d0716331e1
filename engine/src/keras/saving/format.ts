import { readFileSync, writeFileSync } from "node:fs";
import { allocate, toDType, type DType } from "../../core/dtype.js";
import { readHost } from "../../core/host.js";
import { ValueError } from "../../core/errors.js";
import { Tensor } from "../../core/tensor.js";

// Tensorbook's model file (see docs/keras.md, "Saving"): one file holding a JSON header and
// the raw weights.
//
//   bytes 0-7    "TBKERAS1"
//   bytes 8-11   header length H (uint32, little-endian)
//   bytes 12..   the header: UTF-8 JSON
//   then         zero padding to a multiple of 8 bytes, then the data section: every tensor's
//                elements, row-major, little-endian, at the offset its header entry gives
//                (relative to the start of the data section)

const MAGIC = "TBKERAS1";

/** Where one tensor lies in the data section. */
export interface TensorEntry {
  name: string;
  shape: number[];
  dtype: DType;
  offset: number;
  byteLength: number;
}

/** Collects tensors into a data section, handing back their entries. */
export class DataWriter {
  private chunks: Uint8Array[] = [];
  private size = 0;

  add(name: string, t: Tensor): TensorEntry {
    const data = readHost(t.isContiguous ? t : t.copy());
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
    const entry: TensorEntry = {
      name,
      shape: [...t.shape],
      dtype: t.dtype,
      offset: this.size,
      byteLength: bytes.byteLength,
    };
    this.chunks.push(bytes);
    const pad = (8 - (bytes.byteLength % 8)) % 8;
    if (pad) this.chunks.push(new Uint8Array(pad));
    this.size += bytes.byteLength + pad;
    return entry;
  }

  /** Writes the file: magic, header, padding, data. */
  write(path: string, header: object): void {
    const json = Buffer.from(JSON.stringify(header), "utf8");
    const pre = 12 + json.byteLength;
    const pad = (8 - (pre % 8)) % 8;
    const head = Buffer.alloc(12);
    head.write(MAGIC, 0, "ascii");
    head.writeUInt32LE(json.byteLength, 8);
    writeFileSync(path, Buffer.concat([head, json, Buffer.alloc(pad), ...this.chunks]));
  }
}

/** A model file read back: its header and a way to get each tensor. */
export interface ReadFile<H> {
  header: H;
  tensor(entry: TensorEntry): Tensor;
}

/** Reads a Tensorbook model file. */
export function readModelFile<H>(path: string): ReadFile<H> {
  const buf = readFileSync(path);
  if (buf.byteLength < 12 || buf.toString("ascii", 0, 8) !== MAGIC) {
    throw new ValueError(
      `${path} is not a Tensorbook model file (saved with model.save or model.saveWeights). Keras .h5/.keras files from Python cannot be read.`,
    );
  }
  const len = buf.readUInt32LE(8);
  const header = JSON.parse(buf.toString("utf8", 12, 12 + len)) as H;
  const pre = 12 + len;
  const dataStart = pre + ((8 - (pre % 8)) % 8);
  return {
    header,
    tensor(e: TensorEntry): Tensor {
      const dtype = toDType(e.dtype);
      const out = allocate(dtype, e.byteLength / bytesPer(dtype));
      new Uint8Array(out.buffer).set(buf.subarray(dataStart + e.offset, dataStart + e.offset + e.byteLength));
      return Tensor.fromTypedArray(out, e.shape, dtype, false);
    },
  };
}

function bytesPer(d: DType): number {
  return d === "float64" ? 8 : d === "float32" || d === "int32" ? 4 : 1;
}
