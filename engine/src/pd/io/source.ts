import { readFileSync } from "node:fs";
import { manifest } from "../../datasets/manifest.js";
import { datasetPath } from "../../datasets/verify.js";

/**
 * The bytes of a file a notebook names. Paths under `datasets/` that are shipped files go
 * through `datasetPath`, so they are found whatever the working directory and checked against
 * their checksum; other paths are read as given.
 */
export function readSource(source: string | Uint8Array | URL): Uint8Array {
  if (source instanceof Uint8Array) return source;
  if (source instanceof URL) return readFileSync(source);
  const rel = source.replace(/\\/g, "/").replace(/^\.\//, "");
  if (rel.startsWith("datasets/") && manifest().has(rel.slice("datasets/".length))) {
    return readFileSync(datasetPath(rel));
  }
  try {
    return readFileSync(source);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === "ENOENT")
      throw new Error(`no such file: ${source} (working directory ${process.cwd()})`, { cause: err });
    throw err;
  }
}

/** Bytes as text in `encoding` ("utf8" strips a byte-order mark; "latin1" maps bytes 1:1). */
export function decodeText(bytes: Uint8Array, encoding = "utf8"): string {
  const enc = encoding.toLowerCase().replace(/[-_]/g, "");
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (enc === "utf8" || enc === "utf8sig") {
    const text = buf.toString("utf8");
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  if (enc === "latin1" || enc === "iso88591" || enc === "l1") return buf.toString("latin1");
  if (enc === "ascii") return buf.toString("ascii");
  throw new RangeError(`unsupported encoding "${encoding}"; use "utf8" or "latin1"`);
}
