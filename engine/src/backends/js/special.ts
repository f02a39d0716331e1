// Special functions the generated loops call by global name (the loops are compiled with
// `new Function`, which sees only globals).

/** erf(x) with relative error below 1e-15: a series near 0, a continued fraction in the tails. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < 2.5) {
    // Maclaurin series: erf(x) = 2/sqrt(pi) * sum (-1)^n x^(2n+1) / (n! (2n+1)).
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let n = 1; n < 200; n++) {
      term *= -x2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  const c = erfcTail(ax);
  return x > 0 ? 1 - c : c - 1;
}

/** erfc(x) = 1 - erf(x), accurate in the right tail. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 2.5) return 1 - erf(x);
  return erfcTail(x);
}

// erfc for x >= 2.5 by Lentz's continued fraction:
// erfc(x) = exp(-x²)/sqrt(pi) * 1/(x + 1/2/(x + 1/(x + 3/2/(x + 2/(x + ...))))).
function erfcTail(x: number): number {
  if (x > 27) return 0;
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/** Round half to even at `decimals` places, as NumPy's `round`/`rint` do. */
export function roundHalfEven(x: number, decimals: number): number {
  const rint = (v: number): number => {
    const r = Math.round(v);
    // Math.round sends halves up; a half whose result is odd belongs to the even neighbour below.
    return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
  };
  if (decimals === 0) return rint(x);
  if (decimals > 0) {
    const s = 10 ** decimals;
    return rint(x * s) / s;
  }
  const s = 10 ** -decimals;
  return rint(x / s) * s;
}

/**
 * Python's float floor division as NumPy computes it (npy_divmod): from the exact fmod, so that
 * `1 // 0.1` is 9 (0.1 is slightly above a tenth), where `Math.floor(1 / 0.1)` gives 10.
 */
export function floorDivFloat(a: number, b: number): number {
  if (b === 0) return a / b;
  const m = a % b;
  let div = (a - m) / b;
  if (m !== 0 && b < 0 !== m < 0) div -= 1;
  if (div === 0) {
    const q = a / b;
    return q < 0 || Object.is(q, -0) ? -0 : 0;
  }
  const fl = Math.floor(div);
  return div - fl > 0.5 ? fl + 1 : fl;
}

/** Python's float remainder (sign of the divisor; a zero remainder takes the divisor's sign). */
export function modFloat(a: number, b: number): number {
  const m = a % b;
  if (m === 0) return b < 0 || Object.is(b, -0) ? -0 : 0;
  return m < 0 !== b < 0 ? m + b : m;
}

/** C's pow where it differs from `**`: 1 to any power, and -1 to ±infinity, are 1. */
export function powFloat(x: number, y: number): number {
  if (x === 1 || (x === -1 && (y === Infinity || y === -Infinity))) return 1;
  return x ** y;
}

const g = globalThis as unknown as Record<string, unknown>;
g.__tbErf = erf;
g.__tbErfc = erfc;
g.__tbRound = roundHalfEven;
g.__tbFloorDiv = floorDivFloat;
g.__tbMod = modFloat;
g.__tbPow = powFloat;
