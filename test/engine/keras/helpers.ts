// Shared helpers of the keras tests: fixture loading and approximate comparison of nested arrays.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Parses a JSON fixture from test/fixtures/keras. */
export function fixture<T>(name: string): T {
  const path = fileURLToPath(new URL(`../../fixtures/keras/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/** Asserts nested arrays of numbers agree within `rtol·|want| + atol`. */
export function near(got: unknown, want: unknown, rtol = 1e-6, atol = 1e-9, path = ""): void {
  if (Array.isArray(want)) {
    assert.ok(Array.isArray(got), `${path}: expected an array, got ${JSON.stringify(got)}`);
    assert.equal(got.length, want.length, `${path}: length`);
    want.forEach((w, i) => near((got as unknown[])[i], w, rtol, atol, `${path}[${i}]`));
    return;
  }
  const g = got as number;
  const w = want as number;
  assert.ok(
    g === w || Math.abs(g - w) <= atol + rtol * Math.abs(w),
    `${path}: got ${g}, want ${w} (diff ${Math.abs(g - w)})`,
  );
}
