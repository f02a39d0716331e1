import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { datasetsRoot } from "./locate.js";
import { manifest, type DatasetFile } from "./manifest.js";

/** Raised when a shipped dataset file is missing, unknown, or does not match its checksum. */
export class DatasetError extends Error {
  override name = "DatasetError";
}

const verified = new Set<string>();

function describe(entry: DatasetFile): string {
  return `datasets/${entry.path} (${entry.holds || "shipped data"})`;
}

/**
 * The absolute path of a shipped dataset file, checked against `datasets/manifest.json` the
 * first time it is asked for in this process (size, then SHA-256).
 *
 * @example
 * ```ts
 * const csv = datasetPath("housing/housing.csv");
 * ```
 */
export function datasetPath(relativePath: string): string {
  const path = relativePath.replace(/\\/g, "/").replace(/^\.?\//, "").replace(/^datasets\//, "");
  const entry = manifest().get(path);
  if (!entry) {
    const folder = path.split("/")[0];
    const near = [...manifest().keys()].filter((k) => k.startsWith(folder + "/"));
    throw new DatasetError(
      `"${relativePath}" is not a shipped dataset file` +
        (near.length ? `; files in ${folder}/: ${near.join(", ")}` : "; see datasets/manifest.json"),
    );
  }
  const abs = join(datasetsRoot(), path);
  if (verified.has(abs)) return abs;
  let size: number;
  try {
    size = statSync(abs).size;
  } catch {
    throw new DatasetError(
      `${describe(entry)} is missing at ${abs}; restore it from the repository (git checkout -- datasets).`,
    );
  }
  if (size !== entry.bytes) {
    throw new DatasetError(
      `${describe(entry)} is corrupt: ${size} bytes, expected ${entry.bytes}; restore it from the repository.`,
    );
  }
  const sha = createHash("sha256").update(readFileSync(abs)).digest("hex");
  if (sha !== entry.sha256) {
    throw new DatasetError(
      `${describe(entry)} is corrupt: sha256 ${sha}, expected ${entry.sha256}; restore it from the repository.`,
    );
  }
  verified.add(abs);
  return abs;
}

/** Forgets which files were verified in this process (used by tests). */
export function resetVerified(): void {
  verified.clear();
}
