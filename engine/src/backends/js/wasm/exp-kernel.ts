/**
 * A vectorised exp in WebAssembly SIMD, for float64 (f64x2) and float32 (f32x4) lanes.
 *
 * exp(x) = 2^k · exp(r) with k = round(x / ln 2) and r = x − k·ln 2, |r| ≤ ln 2 / 2. ln 2 is
 * split Cody–Waite style into a head with trailing zero bits (so k·head is exact) and a tail,
 * which keeps r accurate to an ulp even for |k| ≈ 1000. exp(r) is its Taylor polynomial (degree
 * 13 for float64, 7 for float32: the first omitted term is below 0.05 ulp on the interval),
 * evaluated as 1 + (r + r²·q(r)) so the leading terms round last. 2^k is built in the exponent
 * field as two factors 2^⌊k/2⌋ · 2^(k−⌊k/2⌋), each a normal number, so results that overflow
 * become ∞ and results in the subnormal range round once (on the second product).
 * x is first clamped into the range where that holds; NaN survives the clamp (SIMD min/max
 * propagate it) and comes out NaN. Measured against Math.exp in the tests: within 2 ulp.
 */
import { Locals, ValType, type Bytes, type WasmFunction } from "../../../wasm/assembler.js";
import {
  code,
  i32,
  intSplatConst,
  ix,
  local,
  splatConst,
  v128,
  whileBelow,
  type FloatLanes,
} from "../../../wasm/instructions.js";
import { STEP_BYTES } from "./binary-kernels.js";

interface ExpConstants {
  /** Clamp bounds: below `lo` the result is 0, above `hi` it is ∞, for both factorisations. */
  lo: number;
  hi: number;
  /** ln 2 = ln2Hi + ln2Lo, ln2Hi with enough trailing zero bits for k·ln2Hi to be exact. */
  ln2Hi: number;
  ln2Lo: number;
  degree: number;
  /** Exponent bias and mantissa width of the lane type. */
  bias: number;
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
  bias: 1023,
  mantissa: 52,
};
const F32: ExpConstants = {
  lo: -104,
  hi: 89,
  ln2Hi: 0.693359375,
  ln2Lo: -0.00021219444170128554,
  degree: 7,
  bias: 127,
  mantissa: 23,
};

/** Local indices the exp sequence uses as scratch. */
interface ExpScratch {
  x: number;
  k: number;
  r: number;
  ki: number;
  k1: number;
}

// Pushes 2^(lanes of the i32 vector on the stack) as floats of the lane type.
function pow2(L: FloatLanes, c: ExpConstants): Bytes {
  return L.lanes === 2
    ? code(
        ix.i64x2ExtendLowI32x4S(),
        intSplatConst(64, c.bias),
        ix.i64x2Add(),
        i32.const(c.mantissa),
        ix.i64x2Shl(),
      )
    : code(intSplatConst(32, c.bias), ix.i32x4Add(), i32.const(c.mantissa), ix.i32x4Shl());
}

/** Instructions replacing the v128 local `s.x` by exp of its lanes. */
export function expLanes(L: FloatLanes, s: ExpScratch): Bytes {
  const c = L.lanes === 2 ? F64 : F32;
  const K = (x: number): Bytes => splatConst(L, x);
  let fact = 1;
  const coef: number[] = [1];
  for (let j = 1; j <= c.degree; j++) coef.push(1 / (fact *= j));
  const horner: Bytes = K(coef[c.degree]);
  for (let j = c.degree - 1; j >= 2; j--) horner.push(...code(local.get(s.r), L.mul(), K(coef[j]), L.add()));
  return code(
    code(local.get(s.x), K(c.lo), L.max(), K(c.hi), L.min(), local.set(s.x)),
    code(local.get(s.x), K(Math.LOG2E), L.mul(), L.nearest(), local.set(s.k)),
    code(local.get(s.x), local.get(s.k), K(c.ln2Hi), L.mul(), L.sub()),
    code(local.get(s.k), K(c.ln2Lo), L.mul(), L.sub(), local.set(s.r)),
    // e = 1 + (r + r²·q(r))
    horner,
    code(local.get(s.r), local.get(s.r), L.mul(), L.mul(), local.get(s.r), L.add(), K(1), L.add()),
    // · 2^⌊k/2⌋ · 2^(k−⌊k/2⌋)
    code(
      local.get(s.k),
      L.lanes === 2 ? ix.i32x4TruncSatF64x2SZero() : ix.i32x4TruncSatF32x4S(),
      local.tee(s.ki),
    ),
    code(i32.const(1), ix.i32x4ShrS(), local.tee(s.k1), pow2(L, c), L.mul()),
    code(local.get(s.ki), local.get(s.k1), ix.i32x4Sub(), pow2(L, c), L.mul(), local.set(s.x)),
  );
}

/** The kernel `exp_${f64|f32}(x, n)`: exp of `n` elements at byte address x, in place. */
export function expKernel(L: FloatLanes): WasmFunction {
  const params = [ValType.i32, ValType.i32];
  const [X, N] = [0, 1];
  const loc = new Locals(params);
  const end = loc.add(ValType.i32);
  const s: ExpScratch = {
    x: loc.add(ValType.v128),
    k: loc.add(ValType.v128),
    r: loc.add(ValType.v128),
    ki: loc.add(ValType.v128),
    k1: loc.add(ValType.v128),
  };
  const pass: Bytes = [];
  for (const off of [0, 16]) {
    pass.push(...code(local.get(X), v128.load(off), local.set(s.x)), ...expLanes(L, s));
    pass.push(...code(local.get(X), local.get(s.x), v128.store(off)));
  }
  const body = code(
    code(local.get(N), i32.const(L.bytes), i32.mul(), i32.const(STEP_BYTES - 1), i32.add()),
    code(i32.const(-STEP_BYTES), i32.and(), local.get(X), i32.add(), local.set(end)),
    whileBelow(X, end, STEP_BYTES, pass),
  );
  return { name: `exp_${L.lanes === 2 ? "f64" : "f32"}`, params, results: [], locals: loc.types, body };
}
