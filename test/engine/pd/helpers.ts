import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { pd } from "tensorbook";

type Value = number | string | boolean | null;

/** A frame as make_pd.py writes it. */
export interface FrameFixture {
  columns: string[];
  index: Value[];
  data: Value[][];
}

/** A series as make_pd.py writes it. */
export interface SeriesFixture {
  index: Value[];
  values: Value[];
  name: string | null;
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "fixtures");

/** A committed fixture file under test/fixtures. */
export function fixture<T>(path: string): T {
  return JSON.parse(readFileSync(join(root, path), "utf8")) as T;
}

/** pandas spells Tensorbook's int32 columns int64; the text is otherwise the same. */
export function asPandas(text: string): string {
  return text.replace(/int32/g, "int64");
}

function close(a: Value, b: Value, rtol: number, what: string): void {
  if (typeof a === "number" && typeof b === "number") {
    const ok = a === b || Math.abs(a - b) <= rtol * Math.max(Math.abs(a), Math.abs(b), 1e-300);
    assert.ok(ok, `${what}: ${a} vs pandas ${b}`);
    return;
  }
  if (typeof a === "number" && Number.isNaN(a) && b === null) return;
  assert.deepEqual(a, b, what);
}

/** Values of a frame equal to pandas' within a relative tolerance. */
export function assertFrameClose(df: pd.DataFrame, want: FrameFixture, rtol = 1e-12): void {
  assert.deepEqual(df.columns, want.columns, "columns");
  assert.deepEqual(df.index.toArray(), want.index, "index");
  const rows = df.toArray();
  assert.equal(rows.length, want.data.length, "rows");
  rows.forEach((r, i) =>
    r.forEach((v, j) => close(v, want.data[i][j], rtol, `[${String(want.index[i])}, ${want.columns[j]}]`)),
  );
}

/** Values and labels of a series equal to pandas' within a relative tolerance. */
export function assertSeriesClose(s: pd.Series, want: SeriesFixture, rtol = 1e-12): void {
  assert.deepEqual(s.index.toArray(), want.index, "index");
  const vals = s.toArray();
  assert.equal(vals.length, want.values.length, "length");
  vals.forEach((v, i) => close(v, want.values[i], rtol, `[${String(want.index[i])}]`));
}
