import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MANIFEST_NAME, datasetsRoot } from "./locate.js";

/** One shipped file as `datasets/manifest.json` records it. */
export interface DatasetFile {
  /** Path relative to the datasets folder, with forward slashes. */
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
  /** What the file holds, in a few words. */
  readonly holds: string;
}

interface Manifest {
  readonly files: readonly DatasetFile[];
}

const manifests = new Map<string, Map<string, DatasetFile>>();

function isDatasetFile(v: unknown): v is DatasetFile {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.path === "string" &&
    typeof r.bytes === "number" &&
    typeof r.sha256 === "string" &&
    typeof r.holds === "string"
  );
}

/** The manifest of the datasets folder, keyed by relative path. */
export function manifest(): ReadonlyMap<string, DatasetFile> {
  const root = datasetsRoot();
  const known = manifests.get(root);
  if (known) return known;
  const file = join(root, MANIFEST_NAME);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`${file} could not be read as JSON: ${(err as Error).message}`, { cause: err });
  }
  const files = (parsed as Partial<Manifest>).files;
  if (!Array.isArray(files) || !files.every(isDatasetFile)) {
    throw new Error(`${file} is malformed: expected { files: [{ path, bytes, sha256, holds }] }`);
  }
  const map = new Map(files.map((f) => [f.path, f] as const));
  manifests.set(root, map);
  return map;
}

/** Every shipped file, in manifest order. */
export function listDatasetFiles(): DatasetFile[] {
  return [...manifest().values()];
}
