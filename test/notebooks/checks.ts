// The checks a chapter notebook declares in `metadata.tensorbook.checks`, and the code that
// verifies them on an executed notebook. The format is documented in notebooks/README.md.

/** One output of a code cell, as nbformat stores it (multi-line strings may be line lists). */
export interface NbOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
}

/** One cell, as nbformat stores it. */
export interface NbCell {
  id?: string;
  cell_type: string;
  source: string | string[];
  outputs?: NbOutput[];
}

/** A check on one cell's outputs; `cell` is the cell's `id` or its 0-based index in `cells`. */
export interface NotebookCheck {
  cell: string | number;
  /** A regular expression that some text output (stream, `text/plain`) must match. */
  match?: string;
  /**
   * With `match`: the first capture group, read as a number, must lie in `[low, high]`
   * (the acceptance band of the quick mode).
   */
  band?: [number, number];
  /** A MIME type that some display or result of the cell must carry. */
  hasMime?: string;
}

/** What the notebooks keep under `metadata.tensorbook`. */
export interface TensorbookMetadata {
  title?: string;
  description?: string;
  chapter?: number | string;
  checks?: NotebookCheck[];
  /** Run this notebook through `jupyter nbconvert --execute` instead of `tensorbook run`. */
  nbclient?: boolean;
}

/** A notebook file. */
export interface NotebookFile {
  cells: NbCell[];
  metadata: { tensorbook?: TensorbookMetadata; kernelspec?: { name?: string } } & Record<string, unknown>;
}

/** Joins nbformat's line lists. */
export function text(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join("");
  return typeof value === "string" ? value : "";
}

/** A short label for a cell in messages: its index, id and first source line. */
export function describeCell(cells: NbCell[], index: number): string {
  const cell = cells[index];
  const first = text(cell.source).split("\n")[0].slice(0, 70);
  return `cell ${index}${cell.id ? ` (id ${cell.id})` : ""} ${JSON.stringify(first)}`;
}

/** Every text a cell printed or returned: streams and `text/plain` bundles. */
export function cellText(cell: NbCell): string {
  return (cell.outputs ?? [])
    .map((o) => (o.output_type === "stream" ? text(o.text) : text(o.data?.["text/plain"])))
    .join("\n");
}

/** The error outputs of an executed notebook, one message per failing cell. */
export function errorsIn(nb: NotebookFile): string[] {
  return nb.cells.flatMap((cell, index) =>
    (cell.outputs ?? [])
      .filter((o) => o.output_type === "error")
      .map((o) => `${describeCell(nb.cells, index)} failed: ${o.ename ?? "Error"}: ${o.evalue ?? ""}`),
  );
}

/** Finds the cell a check names; an unknown id or index is itself a failure. */
function findCell(nb: NotebookFile, ref: string | number): number {
  const index = typeof ref === "number" ? ref : nb.cells.findIndex((c) => c.id === ref);
  if (index < 0 || index >= nb.cells.length) throw new Error(`the check names no cell: ${String(ref)}`);
  return index;
}

/** Verifies the declared checks; returns one message per failed check (empty when all pass). */
export function failedChecks(nb: NotebookFile): string[] {
  const failures: string[] = [];
  for (const check of nb.metadata.tensorbook?.checks ?? []) {
    let index: number;
    try {
      index = findCell(nb, check.cell);
    } catch (e) {
      failures.push((e as Error).message);
      continue;
    }
    const cell = nb.cells[index];
    const where = describeCell(nb.cells, index);
    if (check.match !== undefined) {
      const found = new RegExp(check.match, "m").exec(cellText(cell));
      if (!found) {
        failures.push(
          `${where}: no output matches /${check.match}/; it printed:\n${cellText(cell).slice(0, 600)}`,
        );
      } else if (check.band) {
        const value = Number(found[1]);
        const [low, high] = check.band;
        if (!(value >= low && value <= high))
          failures.push(`${where}: ${found[0]} gives ${value}, outside the band [${low}, ${high}]`);
      }
    }
    if (check.hasMime !== undefined) {
      const has = (cell.outputs ?? []).some((o) => o.data !== undefined && check.hasMime! in o.data);
      if (!has) failures.push(`${where}: no output carries ${check.hasMime}`);
    }
  }
  return failures;
}
