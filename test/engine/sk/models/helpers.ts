/**
 * Shared helpers of the sk model tests: the shipped datasets as tensors and tolerant comparisons.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { np, Tensor } from "../../../../engine/src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");

/** A path inside the repository. */
export const repoPath = (p: string): string => join(root, p);

/** Iris features (150×4) and integer targets. */
export function iris(): { X: Tensor; y: Tensor } {
  const rows = readFileSync(repoPath("datasets/sklearn_iris/iris.csv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(",").map(Number));
  return {
    X: np.array(rows.map((r) => r.slice(0, 4))),
    y: np.array(
      rows.map((r) => r[4]),
      { dtype: "int32" },
    ),
  };
}

/** Diabetes raw features (442×10) and targets. */
export function diabetes(): { X: Tensor; y: Tensor } {
  const read = (p: string): number[][] =>
    gunzipSync(readFileSync(repoPath(p)))
      .toString("utf8")
      .trim()
      .split("\n")
      .map((l) => l.trim().split(/\s+/).map(Number));
  const X = np.array(read("datasets/sklearn_diabetes/diabetes_data_raw.csv.gz"));
  const y = np.array(read("datasets/sklearn_diabetes/diabetes_target.csv.gz").map((r) => r[0]));
  return { X, y };
}

/** Flat numbers of a tensor, nested array or number. */
export function flat(x: unknown): number[] {
  if (x instanceof Tensor) return Array.from(x.dataSync(), Number);
  if (Array.isArray(x)) return x.flat(Infinity as 1).map(Number);
  return [Number(x)];
}

/** Element-wise |a − e| ≤ atol + rtol·|e|, with the worst offender in the message. */
export function assertClose(actual: unknown, expected: unknown, rtol: number, atol = 0, what = ""): void {
  const a = flat(actual);
  const e = flat(expected);
  assert.equal(a.length, e.length, `${what}: length ${a.length} vs ${e.length}`);
  let worst = -1;
  let excess = 0;
  for (let i = 0; i < a.length; i++) {
    const over = Math.abs(a[i] - e[i]) - (atol + rtol * Math.abs(e[i]));
    if (over > excess || (Number.isNaN(a[i]) && !Number.isNaN(e[i]))) {
      excess = Number.isNaN(over) ? Infinity : over;
      worst = i;
    }
  }
  assert.ok(
    worst < 0,
    `${what}: element ${worst} is ${a[worst]}, expected ${e[worst]} (rtol ${rtol}, atol ${atol})`,
  );
}
