import { decimalDigits, type Decimal } from "./digits.js";
import type { PrintOptions } from "./options.js";

// NumPy's FloatingFormat (numpy/core/arrayprint.py, 1.24): one formatter per printed array,
// chosen from all the values shown so that they line up: fixed-point unless the magnitudes call
// for scientific notation, a common number of digits left of the point, and a common width.

function positionalParts(d: Decimal): [string, string] {
  if (d.digits === "0") return ["0", ""];
  if (d.exp >= 0) {
    const int = d.digits.slice(0, d.exp + 1).padEnd(d.exp + 1, "0");
    return [int, d.digits.slice(d.exp + 1)];
  }
  return ["0", "0".repeat(-d.exp - 1) + d.digits];
}

/** Formats the floats of one array the way NumPy prints them. */
export class FloatFormat {
  private readonly f32: boolean;
  private readonly opts: Readonly<PrintOptions>;
  private expFormat = false;
  private precision: number | undefined;
  private minDigits = 0;
  private unique: boolean;
  private trimZeros = true;
  private padLeft = 0;
  private padRight = 0;
  private expSize = -1;

  /** `values`: every value that will be printed (the shown part of a summarised array). */
  constructor(values: ArrayLike<number>, f32: boolean, opts: Readonly<PrintOptions>) {
    this.f32 = f32;
    this.opts = opts;
    this.precision = opts.floatmode === "unique" ? undefined : opts.precision;
    this.unique = opts.floatmode !== "fixed";
    this.fill(values);
  }

  // Only "+" is written by the digit formatter; sign " " is a one-column pad (see fill).
  private sign(negative: boolean): string {
    if (negative) return "-";
    return this.opts.sign === "+" ? "+" : "";
  }

  private fill(values: ArrayLike<number>): void {
    const finite: number[] = [];
    let nonFinite = false;
    let negInf = false;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (Number.isFinite(v)) finite.push(v);
      else {
        nonFinite = true;
        if (v === -Infinity) negInf = true;
      }
    }
    let maxVal = 0;
    let minVal = Infinity;
    for (const v of finite) {
      const a = Math.abs(v);
      if (a === 0) continue;
      if (a > maxVal) maxVal = a;
      if (a < minVal) minVal = a;
    }
    if (minVal !== Infinity) {
      // NumPy divides in the array's precision (a float32 ratio), then compares with Python floats.
      const ratio = this.f32 ? Math.fround(maxVal / minVal) : maxVal / minVal;
      if (maxVal >= 1e8 || (!this.opts.suppress && (minVal < 1e-4 || ratio > 1000))) {
        this.expFormat = true;
      }
    }
    if (finite.length === 0) {
      this.padLeft = 0;
      this.padRight = 0;
      this.expSize = -1;
      this.minDigits = 0;
    } else if (this.expFormat) {
      let intLen = 0;
      let fracLen = 0;
      let expLen = 0;
      for (const v of finite) {
        const d = this.sci(v, this.precision, 0, true);
        const [mant, exp] = d.split("e");
        const [int, frac = ""] = mant.split(".");
        intLen = Math.max(intLen, int.length);
        fracLen = Math.max(fracLen, frac.length);
        expLen = Math.max(expLen, exp.length);
      }
      this.expSize = expLen - 1;
      this.trimZeros = false;
      this.precision = fracLen;
      this.minDigits = fracLen;
      this.padLeft = intLen;
      this.padRight = this.expSize + 2 + this.precision;
    } else {
      let intLen = 0;
      let fracLen = 0;
      for (const v of finite) {
        const [int, frac] = this.positional(v, this.precision, 0, true);
        intLen = Math.max(intLen, int.length);
        fracLen = Math.max(fracLen, frac.length);
      }
      this.padLeft = intLen;
      this.padRight = fracLen;
      if (this.opts.floatmode === "fixed" || this.opts.floatmode === "maxprec_equal") {
        this.precision = this.minDigits = fracLen;
        this.trimZeros = false;
      } else {
        this.minDigits = 0;
      }
    }
    if (this.opts.sign === " " && !finite.some((v) => v < 0 || Object.is(v, -0))) this.padLeft += 1;
    if (nonFinite) {
      const neg = this.opts.sign !== "-" || negInf ? 1 : 0;
      const offset = this.padRight + 1;
      this.padLeft = Math.max(
        this.padLeft,
        this.opts.nanstr.length - offset,
        this.opts.infstr.length + neg - offset,
      );
    }
  }

  // Integer and fraction digits (with sign) in fixed-point notation.
  private positional(
    x: number,
    precision: number | undefined,
    minDigits: number,
    trim: boolean,
  ): [string, string] {
    const d = decimalDigits(x, this.f32, this.unique, { fracDigits: precision });
    const parts = positionalParts(d);
    const int = parts[0];
    let frac = parts[1];
    if (!this.unique && precision !== undefined) frac = frac.padEnd(precision, "0");
    if (!trim) frac = frac.padEnd(minDigits, "0");
    return [this.sign(d.negative) + int, frac];
  }

  // "d.ddde+XX" with at least two exponent digits (NumPy's dragon4_scientific).
  private sci(
    x: number,
    precision: number | undefined,
    minDigits: number,
    trim: boolean,
    expDigits = 2,
  ): string {
    const d = decimalDigits(x, this.f32, this.unique, {
      sigDigits: precision === undefined ? undefined : precision + 1,
    });
    let frac = d.digits.slice(1);
    if (!this.unique && precision !== undefined) frac = frac.padEnd(precision, "0");
    if (!trim) frac = frac.padEnd(minDigits, "0");
    const exp = d.digits === "0" ? 0 : d.exp;
    const e = `e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(Math.max(expDigits, 2), "0")}`;
    return `${this.sign(d.negative)}${d.digits[0]}.${frac}${e}`;
  }

  /** One value, padded to the array's common width. */
  format(x: number): string {
    if (!Number.isFinite(x)) {
      const ret = Number.isNaN(x)
        ? (this.opts.sign === "+" ? "+" : "") + this.opts.nanstr
        : (x < 0 ? "-" : this.opts.sign === "+" ? "+" : "") + this.opts.infstr;
      return " ".repeat(Math.max(0, this.padLeft + this.padRight + 1 - ret.length)) + ret;
    }
    if (this.expFormat) {
      const s = this.sci(x, this.precision, this.minDigits, this.trimZeros, this.expSize);
      const dot = s.indexOf(".");
      return " ".repeat(Math.max(0, this.padLeft - dot)) + s;
    }
    const [int, frac] = this.positional(x, this.precision, this.minDigits, this.trimZeros);
    return int.padStart(this.padLeft) + "." + frac.padEnd(this.padRight);
  }
}

/**
 * A lone float as NumPy's scalar `str` shows it (Python's float repr): shortest digits,
 * fixed-point between 1e-4 and 1e16, else scientific.
 *
 * @example
 * ```ts
 * formatScalarFloat(5, false); // "5.0"
 * ```
 */
export function formatScalarFloat(x: number, f32: boolean): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x < 0 ? "-inf" : "inf";
  const d = decimalDigits(x, f32, true, {});
  const sign = d.negative ? "-" : "";
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-4 || a >= 1e16)) {
    const frac = d.digits.slice(1);
    const exp = `e${d.exp < 0 ? "-" : "+"}${String(Math.abs(d.exp)).padStart(2, "0")}`;
    return `${sign}${d.digits[0]}${frac ? "." + frac : ""}${exp}`;
  }
  const [int, frac] = positionalParts(d);
  return `${sign}${int}.${frac || "0"}`;
}
