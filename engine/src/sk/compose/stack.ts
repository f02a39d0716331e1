/**
 * Joining the outputs of several transformers side by side (FeatureUnion, ColumnTransformer):
 * all-numeric parts give a float64 tensor; parts with strings give rows of cells.
 */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { toTable, columnsToTensor, type ColumnData } from "../base/table.js";
import type { ArrayInput, Cell, CellMatrix } from "../base/types.js";

/** Reads a transformer's output as columns (a 1-D tensor counts as one column). */
export function outputColumns(out: unknown, who: string): { nRows: number; columns: ColumnData[] } {
  if (out instanceof Tensor && out.ndim === 1) return toTable(out.reshape(-1, 1));
  try {
    return toTable(out as ArrayInput);
  } catch (e) {
    throw new ValueError(`the output of '${who}' is not a 2-D array or data frame: ${(e as Error).message}`);
  }
}

/** hstack of the parts: a tensor if every column is numeric, else rows of cells. */
export function hstackParts(
  parts: { nRows: number; columns: ColumnData[] }[],
  nRows: number,
): Tensor | CellMatrix {
  const cols = parts.flatMap((p) => {
    if (p.nRows !== nRows)
      throw new ValueError(
        `a transformer returned ${p.nRows} rows for ${nRows} input rows; transformers must keep one row per sample`,
      );
    return p.columns;
  });
  if (cols.every((c) => c.kind === "num"))
    return columnsToTensor(
      cols.map((c) => c.values as Float64Array),
      nRows,
    );
  const rows: Cell[][] = Array.from({ length: nRows }, (_, i) =>
    cols.map((c) => {
      const v = c.values[i];
      return typeof v === "number" && v !== v ? null : v;
    }),
  );
  return rows;
}
