import { clip, formatCells } from "./format.js";
import { MultiIndex } from "../multiindex.js";
import { layout, type FrameParts } from "./text.js";

const STYLE = `<style scoped>
    .dataframe tbody tr th:only-of-type {
        vertical-align: middle;
    }

    .dataframe tbody tr th {
        vertical-align: top;
    }

    .dataframe thead th {
        text-align: right;
    }
</style>`;

/** Escapes text for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * A frame as the HTML table pandas shows in notebooks (`to_html(notebook=True)`): the same
 * truncation as the text form, "..." cells where rows or columns were cut, and a
 * `n rows × m columns` footer when truncated.
 */
export function frameToHtml(f: FrameParts): string {
  const nrows = f.index.length;
  const ncols = f.names.length;
  const lay = layout(nrows, ncols);
  const realRows = lay.rows.filter((r) => r >= 0);
  const cells = lay.cols.map((c) =>
    c < 0 ? [] : formatCells(f.columns[c], realRows, false).map((s) => clip(s)),
  );
  const multi = f.index instanceof MultiIndex ? f.index : null;
  const nlevels = f.index.nlevels;
  const out: string[] = ["<div>", STYLE, '<table border="1" class="dataframe">', "  <thead>"];
  out.push('    <tr style="text-align: right;">');
  for (let l = 0; l < nlevels; l++)
    out.push(`      <th>${l === nlevels - 1 && f.columnsName ? escapeHtml(f.columnsName) : ""}</th>`);
  for (const c of lay.cols) out.push(`      <th>${c < 0 ? "..." : escapeHtml(f.names[c])}</th>`);
  out.push("    </tr>");
  if (f.index.names.some((n) => n !== null)) {
    out.push("    <tr>");
    for (const n of f.index.names) out.push(`      <th>${escapeHtml(n ?? "")}</th>`);
    for (let j = 0; j < lay.cols.length; j++) out.push("      <th></th>");
    out.push("    </tr>");
  }
  out.push("  </thead>", "  <tbody>");
  // Outer levels of a MultiIndex: a label spans the rows below it that repeat it (rowspan).
  const sparse = multi?.sparseLabels(lay.rows);
  const span = (l: number, i: number): number => {
    let n = 1;
    while (i + n < lay.rows.length && lay.rows[i + n] >= 0 && sparse![l][i + n] === "") n++;
    return n;
  };
  let k = 0;
  for (const [i, r] of lay.rows.entries()) {
    out.push("    <tr>");
    if (r < 0) {
      for (let l = 0; l < nlevels; l++) out.push("      <th>...</th>");
      for (let j = 0; j < lay.cols.length; j++) out.push("      <td>...</td>");
    } else {
      if (sparse) {
        for (let l = 0; l < nlevels; l++) {
          const label = sparse[l][i];
          if (label === "" && l < nlevels - 1) continue;
          const n = l < nlevels - 1 ? span(l, i) : 1;
          const attrs = n > 1 ? ` rowspan="${n}" valign="top"` : "";
          out.push(`      <th${attrs}>${escapeHtml(label)}</th>`);
        }
      } else out.push(`      <th>${escapeHtml(f.index.formatLabel(r))}</th>`);
      lay.cols.forEach((c, j) => out.push(`      <td>${c < 0 ? "..." : escapeHtml(cells[j][k])}</td>`));
      k++;
    }
    out.push("    </tr>");
  }
  out.push("  </tbody>", "</table>");
  if (lay.truncatedRows || lay.truncatedCols) out.push(`<p>${nrows} rows × ${ncols} columns</p>`);
  out.push("</div>");
  return out.join("\n");
}
