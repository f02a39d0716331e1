/**
 * Column selection for `ColumnTransformer`: by names (data frames), by indices, by a boolean
 * mask, or by a function of X; and taking those columns out of any input kind.
 */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { expected2d } from "../base/table.js";
import { isFrameLike, type ArrayInput, type Cell, type CellMatrix, type FrameLike } from "../base/types.js";

/** What selects a transformer's columns. */
export type ColumnSelector =
  | string
  | number
  | readonly string[]
  | readonly number[]
  | readonly boolean[]
  | ((X: ArrayInput) => readonly string[] | readonly number[]);

/** Number of columns and their names (when a frame) of an input. */
export function columnsOf(X: ArrayInput): { count: number; names?: string[] } {
  if (isFrameLike(X)) return { count: X.columns.length, names: [...X.columns] };
  if (X instanceof Tensor) {
    if (X.ndim !== 2)
      throw new ValueError(`ColumnTransformer needs 2-D input, got shape (${X.shape.join(", ")})`);
    return { count: X.shape[1] };
  }
  if (Array.isArray(X) && X.length && Array.isArray(X[0])) return { count: (X[0] as unknown[]).length };
  if (Array.isArray(X) && X.length === 0) return { count: 0 };
  throw expected2d(1);
}

/** Column indices picked by `sel`. Names need a data frame. */
export function resolveColumns(sel: ColumnSelector, X: ArrayInput): number[] {
  const { count, names } = columnsOf(X);
  const s = typeof sel === "function" ? sel(X) : sel;
  const list: readonly (string | number | boolean)[] = Array.isArray(s) ? s : [s as string | number];
  if (list.length === 0) return [];
  if (typeof list[0] === "boolean") {
    if (list.length !== count)
      throw new ValueError(`boolean column mask has ${list.length} entries for ${count} columns`);
    return list.flatMap((b, j) => (b ? [j] : []));
  }
  return list.map((c) => {
    if (typeof c === "string") {
      if (!names) {
        throw new ValueError(
          `Specifying the columns using strings ('${c}') is only supported for data frames; pass column indices for arrays and tensors`,
        );
      }
      const j = names.indexOf(c);
      if (j < 0)
        throw new ValueError(
          `A given column is not a column of the dataframe: '${c}'. Columns are: ${names.join(", ")}`,
        );
      return j;
    }
    const j = (c as number) < 0 ? (c as number) + count : (c as number);
    if (!Number.isInteger(j) || j < 0 || j >= count)
      throw new ValueError(`column index ${String(c)} is out of range for ${count} columns`);
    return j;
  });
}

// A light frame view for frame-like inputs without a column-subset method.
function frameView(X: FrameLike, names: string[]): FrameLike {
  return { columns: names, shape: [X.shape[0], names.length], col: (n: string) => X.col(n) };
}

/** The columns `idx` of X, keeping X's kind (a sub-frame of a frame, a tensor of a tensor). */
export function takeColumns(X: ArrayInput, idx: readonly number[]): ArrayInput {
  if (isFrameLike(X)) {
    const names = idx.map((j) => X.columns[j]);
    const get = (X as unknown as { get?: (k: readonly string[]) => unknown }).get;
    // The real pd.DataFrame selects a sub-frame with get([names]); other frame-likes get a view.
    if (typeof get === "function") {
      const sub = get.call(X, names);
      if (isFrameLike(sub)) return sub;
    }
    return frameView(X, names);
  }
  if (X instanceof Tensor) return X.get(":", [...idx]);
  return (X as CellMatrix).map((row) => idx.map((j) => row[j] as Cell));
}
