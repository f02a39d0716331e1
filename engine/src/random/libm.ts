/**
 * `log` and `exp` rounded correctly (to nearest) in practice, for the legacy distributions.
 *
 * Why: NumPy's C code calls the platform libm; glibc's `log`/`exp` are accurate to ~0.52 ulp
 * and agree with the correctly rounded value on about 99.9% of arguments, while V8's
 * `Math.log`/`Math.exp` (fdlibm) differ from glibc on ~7-10% of arguments. Computing with
 * double-double intermediates (~2**-100 relative error) and rounding once reproduces glibc's
 * results except on the rare arguments where glibc itself is not correctly rounded.
 */

// Error-free transformations; results of the two-output helpers go through these scratch slots
// so the hot path allocates nothing.
let rH = 0;
let rL = 0;

const SPLITTER = 134217729; // 2**27 + 1 (Dekker's split)

/** rH + rL = a * b exactly. */
function twoProd(a: number, b: number): void {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  rH = p;
  rL = ah * bh - p + ah * bl + al * bh + al * bl;
}

/** rH + rL = (ah + al) + (bh + bl), renormalised. */
function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  const s = ah + bh;
  const bb = s - ah;
  const e = ah - (s - bb) + (bh - bb) + al + bl;
  rH = s + e;
  rL = e - (rH - s);
}

/** rH + rL = (ah + al) * (bh + bl). */
function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const p = rH;
  const e = rL + (ah * bl + al * bh);
  rH = p + e;
  rL = e - (rH - p);
}

/** rH + rL = (ah + al) / (bh + bl). */
function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q = ah / bh;
  ddMul(q, 0, bh, bl);
  const rem = ah - rH - rL + al;
  const q2 = rem / bh;
  rH = q + q2;
  rL = q2 - (rH - q);
}

/** 2 * atanh(z) for a double-double z (|z| < 0.2), by its series; used to build tables. */
function twoAtanhDD(zh: number, zl: number): [number, number] {
  ddMul(zh, zl, zh, zl);
  const z2h = rH;
  const z2l = rL;
  let th = zh;
  let tl = zl; // z^(2n+1)
  let sh = zh;
  let sl = zl;
  for (let n = 1; n < 60; n++) {
    ddMul(th, tl, z2h, z2l);
    th = rH;
    tl = rL;
    ddDiv(th, tl, 2 * n + 1, 0);
    if (Math.abs(rH) < Math.abs(sh) * 1e-34) break;
    ddAdd(sh, sl, rH, rL);
    sh = rH;
    sl = rL;
  }
  return [2 * sh, 2 * sl];
}

// ln 2 = 2 atanh(1/3), as a double-double.
ddDiv(1, 0, 3, 0);
const [LN2_H, LN2_L] = twoAtanhDD(rH, rL);
// LN2_H split in two halves of 26 bits, so k * LN2_HH is exact for |k| < 2**27.
const LN2_SPLIT = SPLITTER * LN2_H;
const LN2_HH = LN2_SPLIT - (LN2_SPLIT - LN2_H);
const LN2_HL = LN2_H - LN2_HH;

// log(c) for the reduction points c = i/64, i = 45..91 (covering [sqrt(1/2), sqrt(2)]).
const TABLE_LO = 45;
const LOGC_H = new Float64Array(91 - TABLE_LO + 1);
const LOGC_L = new Float64Array(91 - TABLE_LO + 1);
for (let i = TABLE_LO; i <= 91; i++) {
  const c = i / 64;
  ddDiv(c - 1, 0, c + 1, 0);
  const [h, l] = twoAtanhDD(rH, rL);
  LOGC_H[i - TABLE_LO] = h;
  LOGC_L[i - TABLE_LO] = l;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Index of the high word of a double in the shared view (endianness of the host).
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * Natural logarithm, correctly rounded in practice (see the module comment).
 *
 * @example
 * ```ts
 * log(0.5); // -0.6931471805599453
 * ```
 */
export function log(x: number): number {
  if (!(x > 0) || x === Infinity) {
    if (x === 0) return -Infinity;
    return x === Infinity ? Infinity : NaN;
  }
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2**54: subnormals become normal
    k = -54;
  }
  f64[0] = x;
  const hw = u32[HI];
  k += ((hw >>> 20) & 0x7ff) - 1023;
  u32[HI] = (hw & 0x000fffff) | 0x3ff00000;
  let m = f64[0]; // in [1, 2)
  if (m > 1.4142135623730951) {
    m *= 0.5;
    k += 1;
  }
  // m = c (1 + r) with c = i/64 near m; log(1 + r) = 2 atanh(s), s = (m - c) / (m + c).
  const i = Math.round(m * 64);
  const c = i / 64;
  const d = m - c; // exact (Sterbenz)
  const den = m + c;
  const dv = den - m;
  const denL = m - (den - dv) + (c - dv); // rounding error of m + c
  const sh = d / den;
  // Everything below is twoProd / ddAdd inlined on locals: this is randn's hot path.
  let t = SPLITTER * sh;
  const shH = t - (t - sh);
  const shL = sh - shH;
  t = SPLITTER * den;
  const dH = t - (t - den);
  const dL = den - dH;
  const p = sh * den;
  const pe = shH * dH - p + shH * dL + shL * dH + shL * dL;
  const sl = (d - p - pe - sh * denL) / den;
  const s2 = sh * sh;
  const tail = 2 * sh * s2 * (1 / 3 + s2 * (1 / 5 + s2 * (1 / 7 + s2 * (1 / 9 + s2 * (1 / 11)))));
  // k ln2 (exact product of k and LN2_H since k has at most 11 bits and LN2_H's low bits are
  // split off) + log(c) + 2s + tail, summed in double-double.
  const kh = k * LN2_HH;
  const kl = k * LN2_HL + k * LN2_L;
  const ti = i - TABLE_LO;
  // (kh + kl) + (LOGC_H + LOGC_L)
  let a = kh + LOGC_H[ti];
  let bb = a - kh;
  let e = kh - (a - bb) + (LOGC_H[ti] - bb) + kl + LOGC_L[ti];
  const h = a + e;
  const l = e - (h - a);
  // + (2 sh + (2 sl + tail))
  const s2h = 2 * sh;
  a = h + s2h;
  bb = a - h;
  e = h - (a - bb) + (s2h - bb) + l + (2 * sl + tail);
  return a + e;
}

/**
 * Exponential, correctly rounded in practice (used once per call for distribution set-up, so
 * it favours accuracy over speed).
 *
 * @example
 * ```ts
 * exp(1); // 2.718281828459045
 * ```
 */
export function exp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  const k = Math.round(x / LN2_H);
  // r = x - k ln2 in double-double, then exp(r) = exp(r / 1024) ** 1024.
  twoProd(k, LN2_H);
  const ph = rH;
  const pl = rL + k * LN2_L;
  ddAdd(x, 0, -ph, -pl);
  const r = rH / 1024;
  const rl = rL / 1024;
  // Taylor series of exp(r) - 1 in double-double (|r| < 3.4e-4: 10 terms are plenty).
  let th = r;
  let tl = rl;
  let sh = r;
  let sl = rl;
  for (let n = 2; n <= 10; n++) {
    ddMul(th, tl, r, rl);
    ddDiv(rH, rL, n, 0);
    th = rH;
    tl = rL;
    ddAdd(sh, sl, th, tl);
    sh = rH;
    sl = rL;
  }
  // (1 + e)^2 = 1 + (2e + e^2): squaring the excess keeps its low bits.
  for (let n = 0; n < 10; n++) {
    ddMul(sh, sl, sh, sl);
    ddAdd(2 * sh, 2 * sl, rH, rL);
    sh = rH;
    sl = rL;
  }
  ddAdd(1, 0, sh, sl);
  const h = rH;
  const l = rL;
  // Scale by 2**k in two exact steps when 2**k alone would overflow or underflow.
  if (k > 1000 || k < -1000) {
    const k1 = Math.trunc(k / 2);
    return (h + l) * 2 ** k1 * 2 ** (k - k1);
  }
  return (h + l) * 2 ** k;
}
