// Decimal digits of binary floats, as NumPy's Dragon4 produces them: the shortest digits that
// read back as the same float32 or float64 ("unique"), optionally cut at a number of digits with
// the exact binary value rounded half to even.

/** A decimal: `digits` (no leading zeros; "0" for zero) times 10^(exp - digits.length + 1). */
export interface Decimal {
  negative: boolean;
  /** Significant digits; "0" for zero. */
  digits: string;
  /** Decimal exponent of the first digit (scientific notation's exponent). */
  exp: number;
}

function fromExponential(s: string, negative: boolean): Decimal {
  const [mant, e] = s.replace(/^-/, "").split("e");
  let digits = mant.replace(".", "").replace(/0+$/, "");
  if (digits === "") digits = "0";
  return { negative, digits, exp: Number(e) };
}

/** The shortest digits that identify `x` among float64s, or float32s when `f32`. */
export function shortest(x: number, f32: boolean): Decimal {
  const negative = x < 0 || Object.is(x, -0);
  if (x === 0) return { negative, digits: "0", exp: 0 };
  if (!f32) return fromExponential(x.toExponential(), negative);
  for (let p = 0; p < 9; p++) {
    const s = x.toExponential(p);
    if (Math.fround(Number(s)) === x) return fromExponential(s, negative);
  }
  return fromExponential(x.toExponential(8), negative);
}

// x as an exact fraction m * 2^e with integer m.
function exactParts(x: number): { m: bigint; e: number } {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(x));
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const biased = hi >>> 20;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { m: frac, e: -1074 };
  return { m: frac | (1n << 52n), e: biased - 1075 };
}

/**
 * `|x|` rounded half to even at `frac` digits after the decimal point (negative `frac` rounds to
 * tens, hundreds...), as the integer count of 10^-frac units.
 */
function roundedUnits(x: number, frac: number): bigint {
  const { m, e } = exactParts(x);
  let num = m;
  let den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  if (frac >= 0) num *= 10n ** BigInt(frac);
  else den *= 10n ** BigInt(-frac);
  const q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) return q + 1n;
  return q;
}

function fromUnits(units: bigint, frac: number, negative: boolean): Decimal {
  if (units === 0n) return { negative, digits: "0", exp: 0 };
  const s = units.toString();
  return { negative, digits: s.replace(/0+$/, "") || "0", exp: s.length - 1 - frac };
}

/**
 * Dragon4's digits of `x`: the unique (shortest) ones when `unique`, cut to at most `fracDigits`
 * digits after the point (positional) or `sigDigits` significant digits (scientific), rounding
 * the exact value; non-unique mode gives exactly that many (the caller pads zeros).
 */
export function decimalDigits(
  x: number,
  f32: boolean,
  unique: boolean,
  limit: { fracDigits?: number; sigDigits?: number },
): Decimal {
  const d = shortest(x, f32);
  if (x === 0) return d;
  const { fracDigits, sigDigits } = limit;
  if (fracDigits !== undefined) {
    const have = d.digits.length - 1 - d.exp;
    if (unique && have <= fracDigits) return d;
    return fromUnits(roundedUnits(x, fracDigits), fracDigits, d.negative);
  }
  if (sigDigits !== undefined) {
    if (unique && d.digits.length <= sigDigits) return d;
    // Round at sigDigits significant digits of the exact value; a carry can add a digit.
    const frac = sigDigits - 1 - d.exp;
    return fromUnits(roundedUnits(x, frac), frac, d.negative);
  }
  return d;
}
