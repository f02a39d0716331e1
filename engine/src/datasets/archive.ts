import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import * as tar from "tar";
import { DatasetError, datasetPath } from "./verify.js";

/**
 * The files of a shipped `.tar.gz`/`.tgz` archive, read in memory with the `tar` package
 * (synchronously, so loaders stay synchronous like their Python counterparts). `keep` picks
 * which entries to read; directories are skipped.
 *
 * @example
 * ```ts
 * const files = readTarGz("jsb_chorales/jsb_chorales.tgz", (p) => p.endsWith(".csv"));
 * ```
 */
export function readTarGz(relativePath: string, keep: (path: string) => boolean = () => true): Map<string, Buffer> {
  const file = datasetPath(relativePath);
  const out = new Map<string, Buffer>();
  try {
    tar.t({
      file,
      sync: true,
      onReadEntry(entry) {
        if (entry.type !== "File" || !keep(entry.path)) {
          entry.resume();
          return;
        }
        const chunks: Buffer[] = [];
        entry.on("data", (c: Buffer) => chunks.push(c));
        entry.on("end", () => out.set(entry.path, Buffer.concat(chunks)));
      },
    });
  } catch (err) {
    throw new DatasetError(`datasets/${relativePath} could not be read as a gzip tar archive: ${(err as Error).message}`, { cause: err });
  }
  return out;
}

/** A shipped gzip file, decompressed. */
export function readGzip(relativePath: string): Buffer {
  const file = datasetPath(relativePath);
  try {
    return gunzipSync(readFileSync(file));
  } catch (err) {
    throw new DatasetError(`datasets/${relativePath} could not be decompressed: ${(err as Error).message}`, { cause: err });
  }
}
