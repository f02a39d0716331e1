/** Shared helpers of the random tests: fixture loading, bit-exact comparison, call dispatch. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RawArray } from "../../../engine/src/random/index.js";

const here = dirname(fileURLToPath(import.meta.url));

export interface Call {
  m: string;
  a?: unknown[];
  o?: Record<string, unknown>;
}

export interface Encoded {
  kind: "float64" | "int";
  scalar?: boolean;
  shape?: number[];
  hex?: string[];
  values?: number[];
}

export interface StreamCase {
  seed: number | number[];
  calls: Call[];
  results: Encoded[];
}

export interface Fixture {
  numpy: string;
  legacy: StreamCase[];
  generator: StreamCase[];
  multivariateNormal: { seed: number; mean: number[]; cov: number[][]; size: number[]; values: number[] };
  state: {
    seed: number;
    pos: number;
    hasGauss: number;
    cachedGaussian: string;
    key0: number;
    key623: number;
  };
}

export function loadFixture(): Fixture {
  return JSON.parse(readFileSync(join(here, "../../fixtures/random/random.json"), "utf8")) as Fixture;
}

const view = new DataView(new ArrayBuffer(8));

/** IEEE-754 bits of a double as 16 hex digits (big-endian), as the fixture stores them. */
export function hexOf(x: number): string {
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, "0");
}

/** A nested number list as a C-ordered RawArray (int32 when all integers, else float64). */
export function toRaw(nested: unknown): RawArray {
  const shape: number[] = [];
  let level: unknown = nested;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  const flat = (nested as unknown[]).flat(shape.length) as number[];
  return flat.every((v) => Number.isInteger(v))
    ? { data: Int32Array.from(flat), shape, dtype: "int32" }
    : { data: Float64Array.from(flat), shape, dtype: "float64" };
}

const OPTIONS_AT: Record<string, number> = { randint: 3, integers: 3, choice: 2, multivariateNormal: 3 };

/** Invokes a fixture call on a generator object; `shuffle` returns the array it shuffled. */
export function invoke(target: object, call: Call): unknown {
  const args = [...(call.a ?? [])];
  if (
    call.m === "shuffle" ||
    (call.m === "permutation" && Array.isArray(args[0]) && Array.isArray(args[0][0]))
  ) {
    args[0] = toRaw(args[0]);
  }
  if (call.o !== undefined) {
    const at = OPTIONS_AT[call.m];
    while (args.length < at) args.push(undefined);
    args[at] = call.o;
  }
  const fn = (target as Record<string, (...a: unknown[]) => unknown>)[call.m];
  assert.equal(typeof fn, "function", `no method ${call.m}`);
  const out = fn.apply(target, args);
  return call.m === "shuffle" ? args[0] : out;
}

/** Distance in units in the last place between two finite doubles of the same sign. */
export function ulps(a: number, b: number): number {
  view.setFloat64(0, a);
  const ia = view.getBigInt64(0);
  view.setFloat64(0, b);
  const ib = view.getBigInt64(0);
  const d = ia - ib;
  return Number(d < 0n ? -d : d);
}

/**
 * Methods whose values pass through `log`. NumPy gets log from the C library; glibc's log is
 * not correctly rounded on ~0.1-0.2% of arguments while ours is, so on long streams a few such
 * values may differ from NumPy-on-glibc by an ulp or two (see engine/src/random/README.md).
 */
export const LOG_BASED = new Set(["randn", "normal", "standardNormal", "exponential", "standardExponential"]);

/**
 * Like {@link assertSame} for a log-based float result: equal bits except at most `maxFraction`
 * of the values, each within `maxUlps`. Returns how many differed.
 */
export function assertSameUpToLibm(
  actual: unknown,
  expected: Encoded,
  where: string,
  maxFraction = 0.01,
  maxUlps = 4,
): number {
  const raw = actual as RawArray;
  assert.deepEqual(raw.shape, expected.shape, `${where}: shape`);
  const hex = expected.hex ?? [];
  const buf = new DataView(new ArrayBuffer(8));
  let differing = 0;
  raw.data.forEach((v, i) => {
    if (hexOf(v) === hex[i]) return;
    buf.setBigUint64(0, BigInt("0x" + hex[i]));
    const want = buf.getFloat64(0);
    const d = ulps(v, want);
    assert.ok(d <= maxUlps, `${where}: value ${i} is ${v}, NumPy has ${want} (${d} ulps apart)`);
    differing++;
  });
  assert.ok(
    differing <= maxFraction * raw.data.length,
    `${where}: ${differing} of ${raw.data.length} values differ`,
  );
  return differing;
}

/** Asserts `actual` equals NumPy's encoded result: same shape, same bits (floats) or values (ints). */
export function assertSame(actual: unknown, expected: Encoded, where: string): void {
  let values: ArrayLike<number>;
  if (expected.scalar) {
    assert.equal(typeof actual, "number", `${where}: expected a scalar, got ${typeof actual}`);
    values = [actual as number];
  } else {
    const raw = actual as RawArray;
    assert.ok(raw !== null && typeof raw === "object" && "data" in raw, `${where}: expected an array`);
    assert.deepEqual(raw.shape, expected.shape, `${where}: shape`);
    values = raw.data;
    if (expected.kind === "float64") assert.equal(raw.dtype, "float64", `${where}: dtype`);
  }
  if (expected.kind === "float64") {
    const got = Array.from(values, hexOf);
    assert.deepEqual(got, expected.hex, `${where}: float64 bits differ`);
  } else {
    assert.deepEqual(Array.from(values), expected.values, `${where}: integers differ`);
  }
}
