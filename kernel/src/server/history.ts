// The session's input history, for history_request (tail, range and search).
import type { JsonValue } from "../protocol/messages.js";

interface Entry {
  line: number;
  input: string;
  output: string | null;
}

/** The options of a history request. */
export interface HistoryQuery {
  hist_access_type: "tail" | "range" | "search";
  output: boolean;
  session?: number;
  start?: number;
  stop?: number;
  n?: number | null;
  pattern?: string;
  unique?: boolean;
}

// fnmatch-style pattern (`*`, `?`, `[abc]`) as a regular expression matching the whole input.
function globToRegExp(pattern: string): RegExp {
  let re = "";
  for (const ch of pattern) {
    if (ch === "*") re += "[\\s\\S]*";
    else if (ch === "?") re += "[\\s\\S]";
    else if (ch === "[" || ch === "]") re += ch;
    else re += ch.replace(/[.*+?^${}()|\\/]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/**
 * Inputs (and text results) of the cells run in this kernel.
 *
 * @example
 * ```ts
 * const h = new History();
 * h.add(1, "1 + 1");
 * h.query({ hist_access_type: "tail", output: false, n: 1 }); // [[1, 1, "1 + 1"]]
 * ```
 */
export class History {
  /** This kernel's session number, as history entries name it. */
  readonly session = 1;
  #entries: Entry[] = [];

  add(line: number, input: string): void {
    this.#entries.push({ line, input, output: null });
  }

  /** Records the text result of the cell with this line number. */
  setOutput(line: number, output: string): void {
    const e = this.#entries.findLast((x) => x.line === line);
    if (e) e.output = output;
  }

  query(q: HistoryQuery): JsonValue[] {
    let picked: Entry[];
    if (q.hist_access_type === "tail") {
      picked = q.n ? this.#entries.slice(-q.n) : this.#entries.slice();
    } else if (q.hist_access_type === "range") {
      const start = q.start ?? 0;
      const stop = q.stop ?? Infinity;
      picked = this.#entries.filter((e) => e.line >= start && e.line < stop);
    } else {
      const re = globToRegExp(q.pattern ?? "*");
      picked = this.#entries.filter((e) => re.test(e.input));
      if (q.unique) {
        const seen = new Set<string>();
        picked = picked
          .reverse()
          .filter((e) => !seen.has(e.input) && seen.add(e.input) !== undefined)
          .reverse();
      }
      if (q.n) picked = picked.slice(-q.n);
    }
    return picked.map((e) => [this.session, e.line, q.output ? [e.input, e.output] : e.input]);
  }
}
