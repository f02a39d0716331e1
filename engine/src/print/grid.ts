import { Bool, makeData, makeVector, Vector } from "apache-arrow";
import type { Tensor } from "../core/tensor.js";
import { gridBundle, gridRows, type ArrowGridBundle } from "../display/grid.js";
import { getPrintoptions } from "./options.js";

// A 2-D tensor as the data grid's Arrow bundle: column j of the IPC is field "j" with the
// tensor's dtype, holding the first rows only (`gridOptions`). Only tensors whose NumPy repr is
// summarised ("...", more elements than the print threshold) get one: JupyterLab shows the grid
// in place of the text, and small arrays read best as NumPy prints them.

function boolVector(bytes: Uint8Array): Vector {
  const bits = new Uint8Array((bytes.length + 7) >> 3);
  for (let i = 0; i < bytes.length; i++) if (bytes[i]) bits[i >> 3] |= 1 << (i & 7);
  return new Vector([makeData({ type: new Bool(), data: bits, length: bytes.length, nullCount: 0 })]);
}

/**
 * The grid bundle of a 2-D tensor (`kind: "Tensor"`, columns named "0", "1", …), or null for
 * other ranks, for tensors printed in full (at most `np.getPrintoptions().threshold` elements),
 * or when the grid is off or the tensor too wide.
 *
 * @example
 * ```ts
 * tensorGridBundle(np.zeros([100, 20]))?.columns.length; // 20
 * tensorGridBundle(np.eye(3)); // null: NumPy's text shows all of it
 * ```
 */
export function tensorGridBundle(t: Tensor): ArrowGridBundle | null {
  if (t.ndim !== 2 || t.size <= getPrintoptions().threshold) return null;
  const [rows, cols] = t.shape;
  const k = gridRows(rows, cols);
  if (k < 0 || cols === 0) return null;
  const data = t.view([k, cols], t.strides).dataSync();
  const Typed = data.constructor as new (n: number) => typeof data;
  const vectors: Vector[] = [];
  for (let j = 0; j < cols; j++) {
    const column = new Typed(k);
    for (let i = 0; i < k; i++) column[i] = data[i * cols + j];
    vectors.push(t.dtype === "bool" ? boolVector(column as Uint8Array) : makeVector(column));
  }
  const names = Array.from({ length: cols }, (_, j) => String(j));
  return gridBundle(names, new Array<string>(cols).fill(t.dtype), vectors, rows, "Tensor");
}
