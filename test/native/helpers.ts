// Shared by the native-addon tests: the binding (or why the tests skip), seeded random data,
// plain TypeScript references and tolerant comparisons.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { probeNative, type FloatArray, type NativeBinding, type NativeIsa } from "@tensorbook/native";

const probe = probeNative();

/** The addon, when it is built and loads. */
export const binding: NativeBinding | undefined = probe.binding;

/** `{ skip: reason }` for node:test when the addon is missing, else `{}`. */
export const needsAddon: { skip?: string } = binding
  ? {}
  : { skip: `native addon not available: ${probe.reason}` };

/** The addon, asserting that it is there (inside tests guarded by needsAddon). */
export function addon(): NativeBinding {
  assert.ok(binding, "native addon not available");
  return binding;
}

/** Every kernel variant this CPU can run, the best last. */
export function isas(): NativeIsa[] {
  const b = addon();
  const order: NativeIsa[] = ["generic", "avx2", "avx512"];
  const best = b.cpuInfo().bestIsa;
  return order.slice(0, order.indexOf(best) + 1);
}

/** Runs fn under each kernel variant, then restores the best one. */
export function forEachIsa(fn: (isa: NativeIsa) => void): void {
  const b = addon();
  const all = isas();
  try {
    for (const isa of all) {
      b.setIsa(isa);
      fn(isa);
    }
  } finally {
    b.setIsa(all[all.length - 1]);
  }
}

/** A small seeded generator (mulberry32), so failures reproduce. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type FloatCtor = Float32ArrayConstructor | Float64ArrayConstructor;
export const FLOATS: readonly ["float32" | "float64", FloatCtor][] = [
  ["float32", Float32Array],
  ["float64", Float64Array],
];

/** n values in [-1, 1). */
export function randomArray(Ctor: FloatCtor, n: number, next: () => number): FloatArray {
  const a = new Ctor(n);
  for (let i = 0; i < n; i++) a[i] = next() * 2 - 1;
  return a;
}

/** Asserts |got - want| <= atol + rtol·|want| elementwise (NaNs must match). */
export function assertClose(
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  rtol: number,
  atol: number,
  what: string,
): void {
  assert.equal(got.length, want.length, `${what}: length ${got.length} != ${want.length}`);
  for (let i = 0; i < want.length; i++) {
    const g = got[i];
    const w = want[i];
    if (g === w || (Number.isNaN(w) && Number.isNaN(g))) continue;
    // The message is built only on failure: these loops run over millions of elements.
    if (!(Math.abs(g - w) <= atol + rtol * Math.abs(w))) assert.fail(`${what}[${i}]: got ${g}, want ${w}`);
  }
}

/** Tolerances for results of float32 / float64 arithmetic with some accumulation. */
export const tol = (dtype: string): { rtol: number; atol: number } =>
  dtype === "float32" ? { rtol: 2e-5, atol: 2e-5 } : { rtol: 1e-12, atol: 1e-12 };

/** One case of test/fixtures/native/native.json (made by make_native.py with NumPy). */
export interface FixtureCase {
  kind: string;
  name: string;
  dtype: "float32" | "float64";
  inputs: Record<string, { shape: number[]; data: number[] }>;
  params: Record<string, unknown>;
  expect: Record<string, { shape: number[]; data: number[] }>;
}

export function fixtures(kind: string): FixtureCase[] {
  const file = new URL("../fixtures/native/native.json", import.meta.url);
  const all = JSON.parse(readFileSync(file, "utf8")) as { cases: FixtureCase[] };
  const cases = all.cases.filter((c) => c.kind === kind);
  // float32 values are written with 9 significant digits: round them back to float32.
  for (const c of cases) {
    if (c.dtype !== "float32") continue;
    for (const e of Object.values(c.expect)) e.data = e.data.map(Math.fround);
  }
  return cases;
}

export const ctorOf = (dtype: string): FloatCtor => (dtype === "float32" ? Float32Array : Float64Array);
