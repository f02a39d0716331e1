import type { Tensor } from "../core/tensor.js";
import { arrayRepr } from "./repr.js";

const escape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A small HTML view of a tensor for notebook front ends: its shape and dtype over the repr text.
 *
 * @example
 * ```ts
 * arrayHtml(np.zeros([2, 2])); // "<div class=\"tb-tensor\">..."
 * ```
 */
export function arrayHtml(t: Tensor): string {
  const shape = `(${t.shape.join(", ")}${t.ndim === 1 ? "," : ""})`;
  return (
    `<div class="tb-tensor"><div style="color:#777;font-size:85%">Tensor shape=${shape} dtype=${t.dtype}</div>` +
    `<pre>${escape(arrayRepr(t))}</pre></div>`
  );
}
