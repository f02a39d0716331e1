/**
 * A vectorised exp in WebAssembly SIMD, for float64 (f64x2) and float32 (f32x4) lanes.
 *
 * float64 is table-driven: x = (128·e + j)·ln 2/128 + r with k = 128·e + j = round(x·128/ln 2),
 * |r| ≤ ln 2/256, and exp(x) = 2^e · 2^(j/128) · exp(r). ln 2/128 is split Cody–Waite style into
 * a head with trailing zero bits (so k·head is exact) and a tail, which keeps r accurate for
 * |k| up to 2^18. 2^(j/128) comes from a 128-entry table of head/tail pairs (`expTable`, exact to
 * ~2^-106), fetched per lane with two scalar-addressed vector loads and two shuffles (WebAssembly
 * has no gather). exp(r) − 1 is its degree-5 Taylor polynomial p (the first omitted term is below
 * 0.01 ulp on the interval), evaluated Estrin-style (shorter dependency chains than Horner's
 * rule), and the result is T + (T·p + T_tail) so only the last addition rounds at full size:
 * within 0.51 ulp of the exact value for normal results, 1 ulp in the subnormal range (the tests
 * measure it against exact references and NumPy). t = k + 1.5·2^52 holds k in two's complement in
 * its low mantissa bits: j is its low 7 bits, and t's bits shifted right by 7 and left by 52 are
 * e in the exponent field, added to the result's bits as an integer.
 *
 * That integer scaling needs a normal result, so a pass whose lanes are all |x| ≤ 707 takes it;
 * any other pass (large |x|, ∞, NaN) runs the careful variant: x clamped into [−746, 710] (NaN
 * survives the clamp: pmin/pmax keep their first operand when a comparison is false), then 2^e
 * applied as two factors 2^e1 · 2^(e−e1), e1 = ⌊e/2⌋, each a normal number, so results that
 * overflow become ∞ and results in the subnormal range round once (on the second product).
 *
 * float32 keeps the table-free form of that careful variant in f32x4 lanes: k = round(x/ln 2),
 * r = x − k·ln 2 with a 9-bit head, exp(r) by its degree-7 Taylor polynomial evaluated as
 * 1 + (r + r²·q(r)), and the two-factor scaling. It is within 1 ulp of the exact value (the
 * tests' sweep: 0.76 ulp at worst, NumPy's float32 exp 1.96).
 */
import { Locals, ValType, type Bytes, type WasmFunction } from "../../../wasm/assembler.js";
import {
  code,
  ConstPool,
  ctl,
  f32x4 as f32Lanes,
  f64x2 as f64Lanes,
  i32,
  ix,
  local,
  v128,
  whileBelow,
  type FloatLanes,
} from "../../../wasm/instructions.js";

/** Entries of the float64 table of 2^(j/128). */
export const EXP_TABLE_SIZE = 128;
/** Bytes of the table in kernel memory: a (head, tail) float64 pair per entry. */
export const EXP_TABLE_BYTES = EXP_TABLE_SIZE * 16;

/**
 * 2^(j/128) for j = 0…127 as [head, tail] float64 pairs: head is the value rounded to float64,
 * tail the rounded remainder. Computed exactly in 120-bit fixed point (BigInt square roots of 2,
 * then products), so the table needs no stored constants.
 */
export function expTable(): Float64Array {
  const P = 120n;
  const one = 1n << P;
  const isqrt = (n: bigint): bigint => {
    // Newton's iteration from above converges to ⌊√n⌋.
    let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
    for (;;) {
      const y = (x + n / x) >> 1n;
      if (y >= x) return x;
      x = y;
    }
  };
  // roots[m] = 2^(1/2^(m+1)) in fixed point, m = 0…6
  const roots: bigint[] = [];
  let r = 2n * one;
  for (let m = 0; m < 7; m++) roots.push((r = isqrt(r << P)));
  const out = new Float64Array(2 * EXP_TABLE_SIZE);
  const scale = 2 ** Number(P);
  for (let j = 0; j < EXP_TABLE_SIZE; j++) {
    let v = one;
    // j/128 = Σ bit_m / 2^(m+1) over j's bits from the top
    for (let m = 0; m < 7; m++) if ((j >> (6 - m)) & 1) v = (v * roots[m]) >> P;
    const head = Number(v) / scale; // Number(bigint) rounds to nearest
    out[2 * j] = head;
    out[2 * j + 1] = Number(v - BigInt(head * scale)) / scale;
  }
  return out;
}

// ln 2 = Math.LN2 + LN2_RESIDUAL (Math.LN2 is ln 2 rounded to float64; the residual comes from a
// 40-digit ln 2).
const LN2_RESIDUAL = 2.3190468138462996e-17;

// x rounded toward zero to `bits` significant bits.
function truncateBits(x: number, bits: number): number {
  const b = new BigUint64Array(Float64Array.of(x).buffer);
  b[0] &= ~((1n << BigInt(52 - (bits - 1))) - 1n);
  return new Float64Array(b.buffer)[0];
}

// ln 2/128 = LN2_128_HI + LN2_128_LO, the head with 35 significant bits so that k·head is exact
// for |k| < 2^18.
const LN2_HI35 = truncateBits(Math.LN2, 35);
const LN2_128_HI = LN2_HI35 / 128;
const LN2_128_LO = (Math.LN2 - LN2_HI35 + LN2_RESIDUAL) / 128;
const MAGIC = 1.5 * 2 ** 52;
/** Every lane of a pass within this bound takes the integer-scaling path. */
const FAST_BOUND = 707;

interface CarefulConstants {
  /** Clamp bounds: below `lo` the result is 0, above `hi` it is ∞, for both factors. */
  lo: number;
  hi: number;
  /** 1.5 · 2^(mantissa bits) + exponent bias, and the mantissa width. */
  magic: number;
  mantissa: number;
}
const F64_CAREFUL: CarefulConstants = { lo: -746, hi: 710, magic: MAGIC + 1023, mantissa: 52 };
// float32: ln2Hi is ln 2 rounded to 9 significant bits, ln2Lo the float32 rest.
const F32 = {
  ...{ lo: -104, hi: 89, magic: 1.5 * 2 ** 23 + 127, mantissa: 23 },
  ln2Hi: 0.693359375,
  ln2Lo: -0.00021219444170128554,
  degree: 7,
};

/** v128 scratch locals of one vector's exp. */
interface Scratch {
  x: number;
  t: number;
  r: number;
  a: number;
  b: number;
}

// Pushes 2^(the integral lanes of local v) for the careful two-factor scaling.
function pow2(L: FloatLanes, c: CarefulConstants, pool: ConstPool, v: number): Bytes {
  const shl = L.lanes === 2 ? ix.i64x2Shl() : ix.i32x4Shl();
  return code(local.get(v), pool.float(L, c.magic), L.add(), i32.const(c.mantissa), shl);
}

// With the result y on the stack and the float integer e in local `e` (clobbered, and local
// `e1` too): y · 2^⌊e/2⌋ · 2^(e−⌊e/2⌋).
function twoFactorScale(L: FloatLanes, c: CarefulConstants, pool: ConstPool, e: number, e1: number): Bytes {
  return code(
    code(local.get(e), pool.float(L, 0.5), L.mul(), L.floor(), local.set(e1)),
    code(local.get(e), local.get(e1), L.sub(), local.set(e)),
    code(pow2(L, c, pool, e1), L.mul(), pow2(L, c, pool, e), L.mul()),
  );
}

/**
 * float64: instructions replacing local `s.x` by exp of its lanes. `careful` clamps and scales in
 * two factors (any x); otherwise |x| ≤ FAST_BOUND is assumed. `table` is the table's address.
 */
function expF64(s: Scratch, pool: ConstPool, table: number, careful: boolean): Bytes {
  const L = f64Lanes;
  const K = (x: number): Bytes => pool.float(L, x);
  const c = F64_CAREFUL;
  // Table pair of the lane whose k sits in i32 lane `lane` of t.
  const fetch = (lane: number): Bytes =>
    code(
      code(local.get(s.t), ix.i32x4ExtractLane(lane), i32.const(EXP_TABLE_SIZE - 1), i32.and()),
      code(i32.const(4), i32.shl(), v128.load(table)),
    );
  const lanes0 = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];
  const lanes1 = [8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31];
  return code(
    careful ? code(local.get(s.x), K(c.lo), L.pmax(), K(c.hi), L.pmin(), local.set(s.x)) : [],
    // r (local) = k = nearest(x·128/ln 2) for now; t = k + magic
    code(local.get(s.x), K(128 / Math.LN2), L.mul(), L.nearest(), local.tee(s.r)),
    code(K(MAGIC), L.add(), local.set(s.t)),
    // r = (x − k·hi) − k·lo
    code(local.get(s.x), local.get(s.r), K(LN2_128_HI), L.mul(), L.sub()),
    code(local.get(s.r), K(LN2_128_LO), L.mul(), L.sub(), local.set(s.r)),
    // x = table pairs of both lanes, then a = heads, and x = tails
    code(fetch(0), local.set(s.a), fetch(2), local.set(s.x)),
    code(local.get(s.a), local.get(s.x), v128.shuffle(lanes1)),
    code(local.get(s.a), local.get(s.x), v128.shuffle(lanes0), local.set(s.a), local.set(s.x)),
    // p = (r + r²·(1/2 + r/6)) + r⁴·(1/24 + r/120) (Estrin: shorter dependency chains); b = r²
    code(local.get(s.r), local.get(s.r), L.mul(), local.tee(s.b)),
    code(local.get(s.r), K(1 / 6), L.mul(), K(1 / 2), L.add(), L.mul(), local.get(s.r), L.add()),
    code(local.get(s.b), local.get(s.b), L.mul(), local.get(s.r), K(1 / 120), L.mul(), K(1 / 24), L.add()),
    code(L.mul(), L.add()),
    // y = head + (head·p + tail)
    code(local.get(s.a), L.mul(), local.get(s.x), L.add(), local.get(s.a), L.add()),
    careful
      ? // e = ⌊k/128⌋, then the two factors
        code(
          code(local.get(s.t), K(MAGIC), L.sub(), K(1 / 128), L.mul(), L.floor(), local.set(s.b)),
          twoFactorScale(L, c, pool, s.b, s.t),
        )
      : // y's bits + (t's bits >> 7 << 52): e added to the exponent field
        code(local.get(s.t), i32.const(7), ix.i64x2ShrU(), i32.const(52), ix.i64x2Shl(), ix.i64x2Add()),
    local.set(s.x),
  );
}

/** float32: instructions replacing local `s.x` by exp of its lanes (any x). */
function expF32(s: Scratch, pool: ConstPool): Bytes {
  const L = f32Lanes;
  const K = (x: number): Bytes => pool.float(L, x);
  let fact = 1;
  const coef: number[] = [1];
  for (let j = 1; j <= F32.degree; j++) coef.push(1 / (fact *= j));
  const horner: Bytes = K(coef[F32.degree]);
  for (let j = F32.degree - 1; j >= 2; j--)
    horner.push(...code(local.get(s.r), L.mul(), K(coef[j]), L.add()));
  return code(
    code(local.get(s.x), K(F32.lo), L.pmax(), K(F32.hi), L.pmin(), local.set(s.x)),
    code(local.get(s.x), K(Math.LOG2E), L.mul(), L.nearest(), local.set(s.t)),
    code(local.get(s.x), local.get(s.t), K(F32.ln2Hi), L.mul(), L.sub()),
    code(local.get(s.t), K(F32.ln2Lo), L.mul(), L.sub(), local.set(s.r)),
    // e = 1 + (r + r²·q(r)), then · 2^⌊k/2⌋ · 2^(k−⌊k/2⌋)
    horner,
    code(local.get(s.r), local.get(s.r), L.mul(), L.mul(), local.get(s.r), L.add(), K(1), L.add()),
    twoFactorScale(L, F32, pool, s.t, s.a),
    local.set(s.x),
  );
}

/** Vectors per loop pass: independent dependency chains that overlap. */
const VECTORS = 4;

/**
 * The kernel `exp_${f64|f32}(x, n)`: exp of `n` elements at byte address x, in place; the float64
 * kernel reads the table at byte address `table` (see `expTable`).
 */
export function expKernel(L: FloatLanes, table: number): WasmFunction {
  const params = [ValType.i32, ValType.i32];
  const [X, N] = [0, 1];
  const loc = new Locals(params);
  const pool = new ConstPool(loc);
  const end = loc.add(ValType.i32);
  const step = 16 * VECTORS;
  const scratch: Scratch[] = [];
  for (let v = 0; v < VECTORS; v++) {
    const [x, t, r, a, b] = [0, 0, 0, 0, 0].map(() => loc.add(ValType.v128));
    scratch.push({ x, t, r, a, b });
  }
  const loads = code(...scratch.map((s, v) => code(local.get(X), v128.load(16 * v), local.set(s.x))));
  const stores = code(...scratch.map((s, v) => code(local.get(X), local.get(s.x), v128.store(16 * v))));
  let pass: Bytes;
  if (L.lanes === 4) pass = code(loads, ...scratch.map((s) => expF32(s, pool)), stores);
  else {
    // All lanes of the pass within ±FAST_BOUND (NaN is not): integer scaling; else careful.
    const inRange = code(
      ...scratch.map((s, v) =>
        code(local.get(s.x), L.abs(), pool.float(L, FAST_BOUND), L.le(), v > 0 ? v128.and() : []),
      ),
      L.allTrue(),
    );
    pass = code(
      loads,
      inRange,
      ctl.if(),
      ...scratch.map((s) => expF64(s, pool, table, false)),
      ctl.else(),
      ...scratch.map((s) => expF64(s, pool, table, true)),
      ctl.end(),
      stores,
    );
  }
  const body = code(
    pool.prologue(),
    code(local.get(N), i32.const(L.bytes), i32.mul(), i32.const(step - 1), i32.add()),
    code(i32.const(-step), i32.and(), local.get(X), i32.add(), local.set(end)),
    whileBelow(X, end, step, pass),
  );
  return { name: `exp_${L.lanes === 2 ? "f64" : "f32"}`, params, results: [], locals: loc.types, body };
}
