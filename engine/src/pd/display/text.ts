import type { Column } from "../column.js";
import type { Index } from "../labels.js";
import { MultiIndex } from "../multiindex.js";
import { adjoin, center, clip, displayOptions, formatCells, shownPositions } from "./format.js";

/** What printing needs from a frame: names, columns and row labels. */
export interface FrameParts {
  readonly names: readonly string[];
  readonly columns: readonly Column[];
  readonly index: Index;
  /** The name of the column labels, printed in the header's corner. */
  readonly columnsName?: string | null;
}

/** Which rows and columns a truncated table shows (-1 marks the "..." gap). */
export interface Layout {
  readonly rows: number[];
  readonly cols: number[];
  readonly truncatedRows: boolean;
  readonly truncatedCols: boolean;
}

/** The rows and columns pandas would show of a frame of this size. */
export function layout(nrows: number, ncols: number): Layout {
  const r = shownPositions(nrows, displayOptions.maxRows, displayOptions.minRows);
  const c = shownPositions(ncols, displayOptions.maxColumns, displayOptions.maxColumns);
  return {
    rows: r.tail.length ? [...r.head, -1, ...r.tail] : r.head,
    cols: c.tail.length ? [...c.head, -1, ...c.tail] : c.head,
    truncatedRows: r.tail.length > 0,
    truncatedCols: c.tail.length > 0,
  };
}

/** Cells of one column at the layout's rows, with "..." where rows were cut (unjustified). */
function cellsWithGap(col: Column, rows: readonly number[]): string[] {
  const real = rows.filter((r) => r >= 0);
  const cells = formatCells(col, real).map((s) => clip(s));
  const gap = rows.indexOf(-1);
  if (gap >= 0) cells.splice(gap, 0, "\0");
  return cells;
}

/**
 * A frame as pandas' `repr` prints it: right-aligned columns, left-aligned labels, truncated
 * to 5 + 5 rows past 60 and 10 + 10 columns past 20, wrapped at 80 characters with `\`
 * markers, and a `[n rows x m columns]` footer when truncated.
 */
export function frameToString(f: FrameParts): string {
  const nrows = f.index.length;
  const ncols = f.names.length;
  if (ncols === 0 || nrows === 0) {
    return `Empty DataFrame\nColumns: [${f.names.join(", ")}]\nIndex: [${f.index.toArray().join(", ")}]`;
  }
  const lay = layout(nrows, ncols);
  const named = f.index.names.some((n) => n !== null);
  const headerRows = named ? 2 : 1;
  const strcols: string[][] = [];
  for (const c of lay.cols) {
    if (c < 0) {
      // The "..." column of a horizontally truncated frame is four wide, as in pandas.
      strcols.push(new Array<string>(headerRows + lay.rows.length).fill(" ..."));
      continue;
    }
    const col = f.columns[c];
    const numeric = col.isNumeric || col.dtype === "bool";
    const header = (numeric ? " " : "") + f.names[c];
    const cells = cellsWithGap(col, lay.rows);
    const width = cells.reduce((m, s) => Math.max(m, s === "\0" ? 0 : s.length), header.length);
    const justified = cells.map((s) =>
      s === "\0" ? (width > 3 ? "..." : "..").padStart(width) : s.padStart(width),
    );
    strcols.push([header.padStart(width), ...(named ? [""] : []), ...justified]);
  }
  let indexCol: string[];
  if (f.index instanceof MultiIndex) {
    // One column per level, sparsified, adjoined with one space (pandas' MultiIndex.format).
    const levels = f.index.sparseLabels(lay.rows);
    const names = f.index.names.map((n) => n ?? "");
    const lines = adjoin(
      1,
      levels.map((col, k) => (named ? [names[k], ...col] : col)),
    ).split("\n");
    indexCol = [f.columnsName ?? "", ...lines];
  } else {
    const labels = lay.rows.map((r) => (r < 0 ? "\0" : f.index.formatLabel(r)));
    // pandas writes ".." in the gap of a label column three or fewer characters wide.
    const labelWidth = Math.max(f.index.name?.length ?? 0, ...labels.map((l) => (l === "\0" ? 0 : l.length)));
    const gapAt = labels.indexOf("\0");
    if (gapAt >= 0) labels[gapAt] = labelWidth > 3 ? "..." : "..";
    indexCol = [f.columnsName ?? "", ...(named ? [f.index.name ?? ""] : []), ...labels];
  }
  const text = wrap(indexCol, strcols, lay.rows.length);
  return lay.truncatedRows || lay.truncatedCols ? `${text}\n\n[${nrows} rows x ${ncols} columns]` : text;
}

/** pandas' `_join_multiline`: splits columns into blocks that fit the line width. */
function wrap(indexCol: string[], strcols: string[][], nrows: number): string {
  const idxWidth = indexCol.reduce((m, s) => Math.max(m, s.length), 0);
  const lineWidth = displayOptions.width - (idxWidth + 1);
  const widths = strcols.map((c) => c.reduce((m, s) => Math.max(m, s.length), 0));
  const bins: number[] = [];
  let cur = 0;
  widths.forEach((w, i) => {
    cur += w + 1;
    const wrapHere = i === widths.length - 1 ? cur + 1 > lineWidth && i > 0 : cur + 2 > lineWidth && i > 0;
    if (wrapHere) {
      bins.push(i);
      cur = w + 1;
    }
  });
  bins.push(strcols.length);
  const blocks: string[] = [];
  let start = 0;
  bins.forEach((end, b) => {
    const row = [indexCol, ...strcols.slice(start, end)];
    if (bins.length > 1) {
      row.push(
        b < bins.length - 1
          ? [" \\", ...new Array<string>(nrows - 1).fill("  ")]
          : new Array<string>(nrows).fill(" "),
      );
    }
    blocks.push(adjoin(1, row));
    start = end;
  });
  return blocks.join("\n\n");
}

/** What printing needs from a series. */
export interface SeriesParts {
  readonly column: Column;
  readonly index: Index;
  readonly name: string | null;
}

/**
 * A series as pandas' `repr` prints it: labels, three spaces, right-aligned values, and a
 * `Name: …, Length: …, dtype: …` footer.
 */
export function seriesToString(s: SeriesParts): string {
  const n = s.index.length;
  const footerParts: string[] = [];
  const lay = shownPositions(n, displayOptions.maxRows, displayOptions.minRows);
  const truncated = lay.tail.length > 0;
  if (s.name !== null) footerParts.push(`Name: ${s.name}`);
  if (truncated) footerParts.push(`Length: ${n}`);
  footerParts.push(`dtype: ${s.column.dtype}`);
  let footer = footerParts.join(", ");
  if (s.column.dtype === "category") {
    const cats = s.column.dictionary();
    const sep = s.column.ordered ? " < " : ", ";
    footer += `\nCategories (${cats.length}, object): [${cats.join(sep)}]`;
  }
  if (n === 0) return `Series([], ${footer})`;
  const rows = [...lay.head, ...lay.tail];
  const values = formatCells(s.column, rows).map((x) => clip(x));
  const width = values.reduce((m, x) => Math.max(m, x.length), 0);
  const cells = values.map((x) => x.padStart(width));
  if (truncated) {
    const at = lay.head.length;
    const w = cells[at - 1].length;
    cells.splice(at, 0, center(w > 3 ? "..." : "..", w));
  }
  const shown = truncated ? [...lay.head, -1, ...lay.tail] : rows;
  if (s.index instanceof MultiIndex) {
    // The levels adjoined with two spaces under a line of their names (pandas' format(names=True)).
    const levels = s.index.sparseLabels(shown).map((col) => col.map((l, i) => (shown[i] < 0 ? "" : l)));
    const names = s.index.names;
    const lines = adjoin(
      2,
      levels.map((col, k) => [names[k] ?? "", ...col]),
    ).split("\n");
    const text = adjoin(3, [lines.slice(1), cells]);
    return `${names.some((n) => n !== null) ? `${lines[0]}\n` : ""}${text}\n${footer}`;
  }
  const labels = shown.map((r) => (r < 0 ? "" : s.index.formatLabel(r)));
  let text = adjoin(3, [labels, cells]);
  if (s.index.name !== null) text = `${s.index.name}\n${text}`;
  return `${text}\n${footer}`;
}
