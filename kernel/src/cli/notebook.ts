// The parts of the notebook format (nbformat 4) that `tensorbook run` reads and writes, and how
// iopub messages become saved outputs.
import type { JsonObject, JsonValue, JupyterMessage } from "../protocol/messages.js";

/** A notebook cell. */
export interface NotebookCell {
  cell_type: "code" | "markdown" | "raw";
  source: string | string[];
  metadata: JsonObject;
  outputs?: JsonObject[];
  execution_count?: number | null;
  [key: string]: JsonValue | undefined;
}

/** A notebook. */
export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: JsonObject;
  cells: NotebookCell[];
}

/** Reads a notebook's JSON, checking that it is nbformat 4. */
export function parseNotebook(text: string, path: string): Notebook {
  const nb = JSON.parse(text) as Notebook;
  if (nb.nbformat !== 4 || !Array.isArray(nb.cells)) {
    throw new Error(
      `${path}: expected an nbformat 4 notebook with a "cells" list, got nbformat ${String(nb.nbformat)}`,
    );
  }
  return nb;
}

// nbformat's on-disk form of a multi-line string: a list of lines, each keeping its "\n".
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function isTextMime(mime: string): boolean {
  return mime.startsWith("text/") || mime === "image/svg+xml";
}

/**
 * Writes a notebook the way Jupyter does (multi-line strings as lists of lines, one-space
 * indentation), so notebooks saved by `tensorbook run` diff cleanly against Jupyter's.
 */
export function serializeNotebook(nb: Notebook): string {
  const cells = nb.cells.map((cell) => {
    const source = Array.isArray(cell.source) ? cell.source : splitLines(cell.source);
    const outputs = cell.outputs?.map((o) => {
      const copy: JsonObject = { ...o };
      if (typeof copy.text === "string") copy.text = splitLines(copy.text);
      if (copy.data && typeof copy.data === "object" && !Array.isArray(copy.data)) {
        copy.data = Object.fromEntries(
          Object.entries(copy.data).map(([mime, v]) => [
            mime,
            typeof v === "string" && isTextMime(mime) ? splitLines(v) : v,
          ]),
        );
      }
      return copy;
    });
    return { ...cell, source, ...(outputs ? { outputs } : {}) };
  });
  return JSON.stringify({ ...nb, cells }, null, 1) + "\n";
}

/** A cell's source as one string. */
export function sourceText(cell: NotebookCell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/**
 * Collects a notebook's outputs from iopub messages: streams are merged, `clear_output` clears
 * (now or at the next output), `update_display_data` updates every output with that display id.
 *
 * @example
 * ```ts
 * const outputs = new OutputCollector();
 * outputs.begin(cell);
 * for (const m of execution.iopub) outputs.add(m);
 * ```
 */
export class OutputCollector {
  #cell: NotebookCell | undefined;
  #clearPending = false;
  readonly #byDisplayId = new Map<string, JsonObject[]>();

  /** Starts collecting into `cell` (its old outputs are dropped). */
  begin(cell: NotebookCell): void {
    cell.outputs = [];
    this.#cell = cell;
    this.#clearPending = false;
  }

  add(m: JupyterMessage): void {
    const cell = this.#cell;
    if (!cell?.outputs) return;
    const c = m.content;
    const type = m.header.msg_type;
    const displayId = (c.transient as JsonObject | undefined)?.display_id;
    if (type === "clear_output") {
      if (c.wait === true) this.#clearPending = true;
      else cell.outputs.length = 0;
      return;
    }
    if (type === "update_display_data") {
      if (typeof displayId === "string") {
        for (const o of this.#byDisplayId.get(displayId) ?? []) {
          o.data = c.data as JsonObject;
          o.metadata = (c.metadata as JsonObject) ?? {};
        }
      }
      return;
    }
    let output: JsonObject | undefined;
    if (type === "stream") {
      const last = cell.outputs.at(-1);
      if (!this.#clearPending && last?.output_type === "stream" && last.name === c.name) {
        last.text = String(last.text) + String(c.text);
        return;
      }
      output = { output_type: "stream", name: c.name as string, text: c.text as string };
    } else if (type === "display_data") {
      output = {
        output_type: "display_data",
        data: c.data as JsonObject,
        metadata: (c.metadata as JsonObject) ?? {},
      };
    } else if (type === "execute_result") {
      output = {
        output_type: "execute_result",
        execution_count: c.execution_count as number,
        data: c.data as JsonObject,
        metadata: (c.metadata as JsonObject) ?? {},
      };
    } else if (type === "error") {
      output = {
        output_type: "error",
        ename: c.ename as string,
        evalue: c.evalue as string,
        traceback: c.traceback as string[],
      };
    }
    if (!output) return;
    if (this.#clearPending) {
      cell.outputs.length = 0;
      this.#clearPending = false;
    }
    cell.outputs.push(output);
    if (typeof displayId === "string") {
      const list = this.#byDisplayId.get(displayId) ?? [];
      list.push(output);
      this.#byDisplayId.set(displayId, list);
    }
  }
}
