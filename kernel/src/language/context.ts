// What the language service knows of earlier cells: their declarations, minus those a later cell
// (or the cell being edited) declares again, so that re-declaring a name never reads as an error.
import ts from "typescript";
import { declaredNames } from "./repl-transform.js";

interface Committed {
  text: string;
  file: ts.SourceFile;
}

/** The text of a composed file and where the current cell starts in it. */
export interface Composed {
  text: string;
  offset: number;
}

/**
 * The history of executed cells, as seen by the type checker.
 *
 * @example
 * ```ts
 * const h = new CellHistory();
 * h.commit("const x = 1;");
 * h.compose("x.toFixed()"); // { text: "const x = 1;\nx.toFixed()\nexport {};\n", offset: 13 }
 * ```
 */
export class CellHistory {
  #cells: Committed[] = [];

  /** Adds an executed cell. */
  commit(text: string): void {
    this.#cells.push({ text, file: ts.createSourceFile("cell.ts", text, ts.ScriptTarget.ES2022, true) });
  }

  /** Forgets every cell (after `%reset`). */
  clear(): void {
    this.#cells = [];
  }

  /** The earlier cells' surviving declarations followed by `current`. */
  compose(current: string): Composed {
    const currentFile = ts.createSourceFile("cell.ts", current, ts.ScriptTarget.ES2022, true);
    const shadowed = new Set(currentFile.statements.flatMap(declaredNames));
    const kept: string[] = [];
    for (let i = this.#cells.length - 1; i >= 0; i--) {
      const { text, file } = this.#cells[i];
      const mine: string[] = [];
      const names: string[] = [];
      for (const stmt of file.statements) {
        const declared = declaredNames(stmt);
        if (declared.length === 0) continue;
        names.push(...declared);
        if (declared.every((n) => shadowed.has(n))) continue;
        mine.push(text.slice(stmt.pos, stmt.end).replace(/^\n+/, ""));
      }
      names.forEach((n) => shadowed.add(n));
      kept.unshift(mine.join("\n"));
    }
    const prefix = kept
      .filter((k) => k !== "")
      .map((k) => `${k}\n`)
      .join("");
    return { text: `${prefix}${current}\nexport {};\n`, offset: prefix.length };
  }
}
