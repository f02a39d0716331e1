import { writeFileSync } from "node:fs";
import { pyFloatRepr } from "../build.js";
import type { Column } from "../column.js";
import type { FrameParts } from "../display/text.js";

/** Options of `df.toCsv`, pandas' `to_csv` keywords in camelCase. */
export interface ToCsvOptions {
  /** Field separator (default ","). */
  sep?: string;
  /** Write the row labels as the first column (default true). */
  index?: boolean;
  /** Write the column names (default true). */
  header?: boolean;
  /** Text for missing values (default ""). */
  naRep?: string;
  /** Only these columns, in this order. */
  columns?: readonly string[];
}

function quote(s: string, sep: string): string {
  return s.includes(sep) || s.includes('"') || s.includes("\n") || s.includes("\r")
    ? `"${s.replace(/"/g, '""')}"`
    : s;
}

function cell(c: Column, i: number, naRep: string): string {
  const v = c.get(i);
  if (v === null) return naRep;
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") return c.dtype === "int32" ? String(v) : pyFloatRepr(v);
  return v;
}

/** CSV text of a frame, written to `path` when given (then nothing is returned). */
export function toCsv(
  f: FrameParts,
  path: string | undefined,
  options: ToCsvOptions = {},
): string | undefined {
  const sep = options.sep ?? ",";
  const naRep = options.naRep ?? "";
  const withIndex = options.index ?? true;
  const pick = options.columns ? options.columns.map((n) => f.names.indexOf(n)) : f.names.map((_, j) => j);
  pick.forEach((j, k) => {
    if (j < 0) throw new RangeError(`toCsv: no column "${options.columns?.[k]}"`);
  });
  const lines: string[] = [];
  if (options.header ?? true) {
    const head = pick.map((j) => quote(f.names[j], sep));
    lines.push((withIndex ? [quote(f.index.name ?? "", sep), ...head] : head).join(sep));
  }
  for (let i = 0; i < f.index.length; i++) {
    const row = pick.map((j) => quote(cell(f.columns[j], i, naRep), sep));
    if (withIndex) row.unshift(quote(f.index.formatLabel(i), sep));
    lines.push(row.join(sep));
  }
  const text = lines.join("\n") + "\n";
  if (path === undefined) return text;
  writeFileSync(path, text);
  return undefined;
}
