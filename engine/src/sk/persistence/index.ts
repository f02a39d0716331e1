/**
 * Model persistence: `sk.dump(est, path)` writes a JSON file of the estimator's options and
 * learned attributes (format in format.ts and docs/sk.md); `sk.load(path)` rebuilds it. The
 * role of `joblib.dump`/`joblib.load` in the book.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { ValueError } from "../../core/errors.js";
import type { BaseEstimator } from "../base/estimator.js";
import { FORMAT, VERSION, decodeEstimator, encodeEstimator } from "./format.js";

/**
 * The estimator as a JSON string.
 *
 * @example
 * ```ts
 * const text = sk.dumps(model); const again = sk.loads(text);
 * ```
 */
export function dumps(est: BaseEstimator): string {
  return JSON.stringify({ format: FORMAT, version: VERSION, estimator: encodeEstimator(est) });
}

/** Rebuilds an estimator from `sk.dumps`'s text. */
export function loads<T extends BaseEstimator = BaseEstimator>(text: string): T {
  const j = JSON.parse(text) as { format?: string; version?: number; estimator?: never };
  if (j.format !== FORMAT || !j.estimator) {
    throw new ValueError(`not an sk.dump file (expected format '${FORMAT}', found '${String(j.format)}')`);
  }
  if ((j.version ?? 0) > VERSION) {
    throw new ValueError(
      `this file was written by a newer Tensorbook (format version ${j.version}); update Tensorbook to load it`,
    );
  }
  return decodeEstimator(j.estimator) as T;
}

/**
 * Saves an estimator to a file (JSON).
 *
 * @example
 * ```ts
 * sk.dump(finalModel, "my_model.json");
 * const model = sk.load("my_model.json");
 * ```
 */
export function dump(est: BaseEstimator, path: string): string[] {
  writeFileSync(path, dumps(est));
  return [path];
}

/** Loads an estimator saved by `sk.dump`. */
export function load<T extends BaseEstimator = BaseEstimator>(path: string): T {
  return loads<T>(readFileSync(path, "utf8"));
}
