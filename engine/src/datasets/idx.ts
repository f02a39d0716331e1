import { readGzip } from "./archive.js";
import { DatasetError } from "./verify.js";

/** An IDX array (the MNIST file format): its dimensions and unsigned bytes. */
export interface IdxArray {
  readonly shape: number[];
  readonly data: Uint8Array;
}

/**
 * Reads a shipped gzip'd IDX file of unsigned bytes (magic 0x0000080N: N dimensions, each a
 * big-endian uint32), checking that the payload has exactly the announced size.
 */
export function readIdx(relativePath: string): IdxArray {
  const buf = readGzip(relativePath);
  const bad = (why: string): DatasetError => new DatasetError(`datasets/${relativePath} is not a valid IDX file: ${why}`);
  if (buf.length < 4 || buf[0] !== 0 || buf[1] !== 0) throw bad("bad magic number");
  if (buf[2] !== 0x08) throw bad(`element type 0x${buf[2].toString(16)} is not unsigned bytes`);
  const ndim = buf[3];
  const shape: number[] = [];
  for (let d = 0; d < ndim; d++) shape.push(buf.readUInt32BE(4 + 4 * d));
  const start = 4 + 4 * ndim;
  const size = shape.reduce((a, b) => a * b, 1);
  if (buf.length - start !== size) throw bad(`expected ${size} bytes of data for shape [${shape.join(", ")}], found ${buf.length - start}`);
  return { shape, data: new Uint8Array(buf.buffer, buf.byteOffset + start, size) };
}
