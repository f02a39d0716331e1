/** Label handling shared by the classification metrics: kinds of targets and label sets. */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { labelValues, toLabels } from "../base/validation.js";
import type { TargetInput } from "../base/types.js";

/** A label value as the metrics compare it. */
export type Label = number | string | boolean;

/** Whether y is a 2-D indicator matrix (multilabel). */
export function isMultilabel(y: TargetInput): boolean {
  if (y instanceof Tensor) return y.ndim === 2 && y.shape[1] > 1;
  return Array.isArray(y) && y.length > 0 && Array.isArray(y[0]) && (y[0] as unknown[]).length > 1;
}

/** A 2-D 0/1 matrix as rows of numbers. */
export function indicatorRows(y: TargetInput): { data: Float64Array; n: number; k: number } {
  if (y instanceof Tensor)
    return { data: y.astype("float64").dataSync() as Float64Array, n: y.shape[0], k: y.shape[1] };
  const rows = y as unknown as (number | boolean)[][];
  const k = rows[0].length;
  return { data: Float64Array.from(rows.flat(), Number), n: rows.length, k };
}

/** Labels as comparable keys (booleans become 0/1 so they match numeric labels). */
export function labelKeys(y: TargetInput): Label[] {
  return labelValues(toLabels(y)).map((v) => (typeof v === "boolean" ? Number(v) : v));
}

/** Sorted union of the labels (scikit-learn's `unique_labels`). */
export function uniqueLabels(...ys: Label[][]): Label[] {
  const all = new Set<Label>();
  for (const y of ys) for (const v of y) all.add(v);
  const arr = [...all];
  const strings = arr.some((v) => typeof v === "string");
  if (strings && arr.some((v) => typeof v !== "string")) {
    throw new ValueError("Mix of label input types (string and number): pass labels of one kind");
  }
  return arr.sort((a, b) =>
    strings ? (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0) : Number(a) - Number(b),
  );
}

/** Label values as given by the user (`labels` option), as keys. */
export function givenLabels(labels: readonly Label[] | Tensor | null | undefined): Label[] | null {
  if (labels == null) return null;
  const vals = labels instanceof Tensor ? Array.from(labels.dataSync()) : [...labels];
  return vals.map((v) => (typeof v === "boolean" ? Number(v) : v));
}

/** Python's `"%.{d}f"` (round half to even on the exact binary value; JS rounds ties up). */
export function pyFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return x !== x ? "nan" : x > 0 ? "inf" : "-inf";
  const exact = Math.abs(x).toFixed(Math.min(100, digits + 60));
  const [ip, fp] = exact.split(".");
  const keep = fp.slice(0, digits);
  const rest = fp.slice(digits);
  let roundUp = false;
  if (rest[0] > "5" || (rest[0] === "5" && /[1-9]/.test(rest.slice(1)))) roundUp = true;
  else if (rest[0] === "5") {
    const lastDigit = Number((digits ? keep : ip).slice(-1));
    roundUp = lastDigit % 2 === 1;
  }
  let digitsStr = ip + keep;
  if (roundUp) {
    const arr = digitsStr.split("").map(Number);
    let i = arr.length - 1;
    while (i >= 0) {
      if (arr[i] === 9) {
        arr[i] = 0;
        i--;
      } else {
        arr[i]++;
        break;
      }
    }
    digitsStr = (i < 0 ? "1" : "") + arr.join("");
  }
  const intLen = digitsStr.length - digits;
  const out = digits ? `${digitsStr.slice(0, intLen)}.${digitsStr.slice(intLen)}` : digitsStr;
  return (x < 0 && /[1-9]/.test(out) ? "-" : "") + out;
}
