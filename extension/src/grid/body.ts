// The virtualised body of the data grid: only the rows and columns inside the viewport (plus a
// small margin) exist in the DOM, so a million-row frame scrolls as fast as a ten-row one.
import { el } from "../dom.js";
import { limits } from "../limits.js";
import type { GridData } from "./decode.js";
import { formatCell } from "./format.js";

const MARGIN = 4;
const INDEX_WIDTH = 72;

export class GridBody {
  readonly node = el("div", "tb-Grid-viewport");
  private readonly canvas = el("div", "tb-Grid-canvas");
  private readonly header = el("div", "tb-Grid-header");
  private readonly cells = el("div", "tb-Grid-cells");
  private order: Uint32Array | null = null;
  private frame = 0;
  /** Called with a column's position when its header is clicked. */
  onHeaderClick: (column: number) => void = () => {};

  constructor(private readonly data: GridData) {
    this.canvas.append(this.cells, this.header);
    this.node.append(this.canvas);
    this.node.addEventListener("scroll", () => this.schedule(), { passive: true });
  }

  /** Shows rows in `order` (a permutation), or in their own order with null. */
  setOrder(order: Uint32Array | null, sorted: { column: number; descending: boolean } | null): void {
    this.order = order;
    this.header.dataset.sorted = sorted ? `${sorted.column}:${sorted.descending ? "desc" : "asc"}` : "";
    this.draw();
  }

  /** Sizes the canvas and draws what is visible; call once attached. */
  draw(): void {
    const { rowHeight, columnWidth, maxHeight } = limits().dataGrid;
    const { length, columns } = this.data;
    const fullHeight = (length + 1) * rowHeight;
    this.node.style.height = `${Math.min(maxHeight, fullHeight + 16)}px`;
    this.canvas.style.height = `${fullHeight}px`;
    this.canvas.style.width = `${INDEX_WIDTH + columns.length * columnWidth}px`;
    this.paint();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
    });
  }

  private paint(): void {
    const { rowHeight, columnWidth, maxCellChars } = limits().dataGrid;
    const { columns, length, index } = this.data;
    const top = this.node.scrollTop;
    const left = this.node.scrollLeft;
    const height = this.node.clientHeight || limits().dataGrid.maxHeight;
    const width = this.node.clientWidth || 800;
    const r0 = Math.max(0, Math.floor(top / rowHeight) - 1 - MARGIN);
    const r1 = Math.min(length, Math.ceil((top + height) / rowHeight) + MARGIN);
    const c0 = Math.max(0, Math.floor((left - INDEX_WIDTH) / columnWidth) - MARGIN);
    const c1 = Math.min(columns.length, Math.ceil((left + width) / columnWidth) + MARGIN);

    const cell = (text: string, x: number, y: number, w: number, cls: string): HTMLElement => {
      const c = el("div", cls, text);
      c.style.transform = `translate(${x}px, ${y}px)`;
      c.style.width = `${w}px`;
      c.style.height = `${rowHeight}px`;
      return c;
    };

    const rows: HTMLElement[] = [];
    for (let r = r0; r < r1; r++) {
      const src = this.order ? this.order[r] : r;
      const y = (r + 1) * rowHeight;
      const label = index ? formatCell(index.get(src), index.numeric, maxCellChars) : String(src);
      const idx = cell(label, left, y, INDEX_WIDTH, "tb-Grid-cell tb-Grid-index");
      rows.push(idx);
      for (let c = c0; c < c1; c++) {
        const col = columns[c];
        const text = formatCell(col.get(src), col.numeric, maxCellChars, col.dtype.startsWith("float"));
        const td = cell(
          text,
          INDEX_WIDTH + c * columnWidth,
          y,
          columnWidth,
          `tb-Grid-cell${col.numeric ? " tb-num" : ""}`,
        );
        td.title = text.endsWith("…") ? String(col.get(src)) : "";
        rows.push(td);
      }
    }
    this.cells.replaceChildren(...rows);

    // The header row sticks to the top of the viewport; its index corner sticks left too.
    const heads: HTMLElement[] = [cell("", left, top, INDEX_WIDTH, "tb-Grid-head tb-Grid-corner")];
    const sorted = this.header.dataset.sorted ?? "";
    for (let c = c0; c < c1; c++) {
      const col = columns[c];
      const h = cell("", INDEX_WIDTH + c * columnWidth, top, columnWidth, "tb-Grid-head");
      const name = el("span", "tb-Grid-name", col.name);
      const badge = el("span", `tb-Grid-dtype tb-dtype-${col.dtype.replace(/[^a-z0-9]/gi, "")}`, col.dtype);
      const arrow = sorted === `${c}:asc` ? " ▲" : sorted === `${c}:desc` ? " ▼" : "";
      h.append(name, el("span", "tb-Grid-sort", arrow), badge);
      h.title = `${col.name} (${col.dtype}): click to sort`;
      h.dataset.column = String(c);
      h.addEventListener("click", () => this.onHeaderClick(c));
      heads.push(h);
    }
    this.header.replaceChildren(...heads);
  }

  dispose(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
  }
}
