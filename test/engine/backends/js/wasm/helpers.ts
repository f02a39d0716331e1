// Shared helpers of the WebAssembly kernel tests.
import { backendPreference, setBackendPreference } from "../../../../../engine/src/core/registry.js";

/** Runs `f` with CPU ops on the `js` backend only (the native addon, if loaded, is skipped). */
export function onJsBackend<T>(f: () => T): T {
  const saved = [...backendPreference("cpu")];
  setBackendPreference("cpu", ["js"]);
  try {
    return f();
  } finally {
    setBackendPreference("cpu", saved);
  }
}

/** A deterministic fill in [-0.5, 0.5) (tests must not depend on Math.random). */
export function fill(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out[i] = s / 2147483648 - 0.5;
  }
  return out;
}

/** Same value and sign of zero; NaN equals NaN. */
export function sameBits(a: number, b: number): boolean {
  return Object.is(a, b);
}

/** Distance in units in the last place between two floats of the dtype (NaN–NaN: 0). */
export function ulps(a: number, b: number, dtype: "float64" | "float32"): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (a === b) return 0;
  // Ordered integer images of the bit patterns: adjacent floats differ by 1.
  if (dtype === "float64") {
    // Ordered integer images of the bit patterns (BigInt: 63 bits): adjacent floats differ by 1.
    const key = (x: number): bigint => {
      const bits = new BigInt64Array(Float64Array.of(x).buffer)[0];
      return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
    };
    const d = key(a) - key(b);
    return Number(d < 0n ? -d : d);
  }
  const key = (x: number): number => {
    const bits = new Int32Array(Float32Array.of(x).buffer)[0];
    return bits < 0 ? -(bits & 0x7fffffff) : bits;
  };
  return Math.abs(key(a) - key(b));
}
