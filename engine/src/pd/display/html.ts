import { clip, formatCells } from "./format.js";
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
  const out: string[] = ["<div>", STYLE, '<table border="1" class="dataframe">', "  <thead>"];
  out.push('    <tr style="text-align: right;">', "      <th></th>");
  for (const c of lay.cols) out.push(`      <th>${c < 0 ? "..." : escapeHtml(f.names[c])}</th>`);
  out.push("    </tr>");
  if (f.index.name !== null) {
    out.push("    <tr>", `      <th>${escapeHtml(f.index.name)}</th>`);
    for (let k = 0; k < lay.cols.length; k++) out.push("      <th></th>");
    out.push("    </tr>");
  }
  out.push("  </thead>", "  <tbody>");
  let k = 0;
  for (const r of lay.rows) {
    out.push("    <tr>");
    if (r < 0) {
      out.push("      <th>...</th>");
      for (let j = 0; j < lay.cols.length; j++) out.push("      <td>...</td>");
    } else {
      out.push(`      <th>${escapeHtml(f.index.formatLabel(r))}</th>`);
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
