import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The manifest's file name inside the datasets folder. */
export const MANIFEST_NAME = "manifest.json";

let cachedRoot: string | undefined;

/**
 * The folder that holds Tensorbook's shipped datasets, found independently of the working
 * directory: `TENSORBOOK_DATASETS` when set, else the nearest `datasets/manifest.json` above
 * this module (the repository checkout the engine lives in).
 *
 * @example
 * ```ts
 * datasetsRoot(); // "/home/me/tensorbook/datasets"
 * ```
 */
export function datasetsRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  const fromEnv = process.env.TENSORBOOK_DATASETS;
  if (fromEnv) {
    const dir = resolve(fromEnv);
    if (!existsSync(join(dir, MANIFEST_NAME))) {
      throw new Error(
        `TENSORBOOK_DATASETS points at ${dir}, which has no ${MANIFEST_NAME}; ` +
          `expected the datasets/ folder of a Tensorbook checkout.`,
      );
    }
    return (cachedRoot = dir);
  }
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "datasets");
    if (existsSync(join(candidate, MANIFEST_NAME))) return (cachedRoot = candidate);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(
    `Tensorbook's datasets folder was not found above ${dirname(fileURLToPath(import.meta.url))}; ` +
      `set TENSORBOOK_DATASETS to the folder that holds ${MANIFEST_NAME}.`,
  );
}

/** Forgets the located root, so a changed `TENSORBOOK_DATASETS` is seen (used by tests). */
export function resetDatasetsRoot(): void {
  cachedRoot = undefined;
}
