/**
 * A vectorised exp in WebAssembly SIMD, for float64 (f64x2) and float32 (f32x4) lanes.
 *
 * exp(x) = 2^k · exp(r) with k = round(x / ln 2) and r = x − k·ln 2, |r| ≤ ln 2 / 2. ln 2 is
 * split Cody–Waite style into a head with trailing zero bits (so k·head is exact) and a tail,
 * which keeps r accurate to an ulp even for |k| ≈ 1000. exp(r) is its Taylor polynomial (degree
 * 13 for float64, 7 for float32: the first omitted term is below 0.05 ulp on the interval),
 * evaluated as 1 + (r + r²·q(r)) so the leading terms round last. 2^k is applied as two factors
 * 2^k1 · 2^(k−k1), k1 = ⌊k/2⌋, each a normal number, so results that overflow become ∞ and
 * results in the subnormal range round once (on the second product). A factor's bits come from
 * adding k1 to 1.5·2^52 (2^23 for float32) plus the exponent bias: the sum's low mantissa bits
 * are then k1 + bias, which a shift moves into the exponent field.
 * x is first clamped into the range where that holds; NaN survives the clamp (pmin/pmax keep
 * their first operand when a comparison is false) and comes out NaN. The tests measure it
 * against Math.exp: within 2 ulp.
 */
import { Locals, ValType, type Bytes, type WasmFunction } from "../../../wasm/assembler.js";
import {
  code,
  ConstPool,
  i32,
  ix,
  local,
  v128,
  whileBelow,
  type FloatLanes,
} from "../../../wasm/instructions.js";

/** Bytes per loop pass: four independent vectors, whose long dependency chains overlap. */
const EXP_STEP = 64;

interface ExpConstants {
  /** Clamp bounds: below `lo` the result is 0, above `hi` it is ∞, for both factors. */
  lo: number;
  hi: number;
  /** ln 2 = ln2Hi + ln2Lo, ln2Hi with enough trailing zero bits for k·ln2Hi to be exact. */
  ln2Hi: number;
  ln2Lo: number;
  degree: number;
  /** 1.5 · 2^(mantissa bits) + exponent bias, and the mantissa width. */
  magic: number;
  mantissa: number;
}

// ln2Hi is ln 2 rounded to 32 significant bits (float64) or 9 (float32); ln2Lo is ln 2 − ln2Hi
// rounded to the lane type, both computed from a 60-digit ln 2.
const F64: ExpConstants = {
  lo: -746,
  hi: 710,
  ln2Hi: 0.6931471803691238,
  ln2Lo: 1.9082149292705877e-10,
  degree: 13,
  magic: 1.5 * 2 ** 52 + 1023,
  mantissa: 52,
};
const F32: ExpConstants = {
  lo: -104,
  hi: 89,
  ln2Hi: 0.693359375,
  ln2Lo: -0.00021219444170128554,
  degree: 7,
  magic: 1.5 * 2 ** 23 + 127,
  mantissa: 23,
};

/** Local indices the exp sequence uses as scratch (v128). */
export interface ExpScratch {
  x: number;
  k: number;
  r: number;
  k1: number;
}

/** Instructions replacing the v128 local `s.x` by exp of its lanes; constants come from `pool`. */
export function expLanes(L: FloatLanes, s: ExpScratch, pool: ConstPool): Bytes {
  const c = L.lanes === 2 ? F64 : F32;
  const K = (x: number): Bytes => pool.float(L, x);
  const shl = L.lanes === 2 ? ix.i64x2Shl() : ix.i32x4Shl();
  // Pushes 2^(the integral lanes of local v).
  const pow2 = (v: number): Bytes => code(local.get(v), K(c.magic), L.add(), i32.const(c.mantissa), shl);
  let fact = 1;
  const coef: number[] = [1];
  for (let j = 1; j <= c.degree; j++) coef.push(1 / (fact *= j));
  const horner: Bytes = K(coef[c.degree]);
  for (let j = c.degree - 1; j >= 2; j--) horner.push(...code(local.get(s.r), L.mul(), K(coef[j]), L.add()));
  return code(
    code(local.get(s.x), K(c.lo), L.pmax(), K(c.hi), L.pmin(), local.set(s.x)),
    code(local.get(s.x), K(Math.LOG2E), L.mul(), L.nearest(), local.set(s.k)),
    code(local.get(s.x), local.get(s.k), K(c.ln2Hi), L.mul(), L.sub()),
    code(local.get(s.k), K(c.ln2Lo), L.mul(), L.sub(), local.set(s.r)),
    // k1 = ⌊k/2⌋; k = k − k1
    code(local.get(s.k), K(0.5), L.mul(), L.floor(), local.set(s.k1)),
    code(local.get(s.k), local.get(s.k1), L.sub(), local.set(s.k)),
    // e = 1 + (r + r²·q(r)), then · 2^k1 · 2^k
    horner,
    code(local.get(s.r), local.get(s.r), L.mul(), L.mul(), local.get(s.r), L.add(), K(1), L.add()),
    code(pow2(s.k1), L.mul(), pow2(s.k), L.mul(), local.set(s.x)),
  );
}

/** The kernel `exp_${f64|f32}(x, n)`: exp of `n` elements at byte address x, in place. */
export function expKernel(L: FloatLanes): WasmFunction {
  const params = [ValType.i32, ValType.i32];
  const [X, N] = [0, 1];
  const loc = new Locals(params);
  const pool = new ConstPool(loc);
  const end = loc.add(ValType.i32);
  const pass: Bytes = [];
  // Two independent vectors per pass, each with its own scratch, so their chains overlap.
  for (const off of [0, 16, 32, 48]) {
    const s: ExpScratch = {
      x: loc.add(ValType.v128),
      k: loc.add(ValType.v128),
      r: loc.add(ValType.v128),
      k1: loc.add(ValType.v128),
    };
    pass.push(...code(local.get(X), v128.load(off), local.set(s.x)), ...expLanes(L, s, pool));
    pass.push(...code(local.get(X), local.get(s.x), v128.store(off)));
  }
  const body = code(
    pool.prologue(),
    code(local.get(N), i32.const(L.bytes), i32.mul(), i32.const(EXP_STEP - 1), i32.add()),
    code(i32.const(-EXP_STEP), i32.and(), local.get(X), i32.add(), local.set(end)),
    whileBelow(X, end, EXP_STEP, pass),
  );
  return { name: `exp_${L.lanes === 2 ? "f64" : "f32"}`, params, results: [], locals: loc.types, body };
}
