// Compiles a parsed cell's pieces into the executor's steps.
import type { Step } from "../executor/events.js";
import type { Piece } from "../magics/parse.js";
import { transpileCell, type SyntaxProblem } from "./transpile.js";

/** A compiled cell, or the first syntax problem that stops it. */
export type CompiledCell =
  { ok: true; steps: Step[]; strict: boolean | null } | { ok: false; problem: SyntaxProblem };

/**
 * Compiles pieces; script names start with `prefix` (unique per execution).
 *
 * @example
 * ```ts
 * compilePieces(parseCell("1 + 1").pieces, "/nb/tb-cell-1");
 * ```
 */
export function compilePieces(pieces: readonly Piece[], prefix: string): CompiledCell {
  let n = 0;
  let strict: boolean | null = null;
  const walk = (list: readonly Piece[]): Step[] => {
    const steps: Step[] = [];
    for (const piece of list) {
      switch (piece.kind) {
        case "code": {
          const filename = `${prefix}-${++n}.js`;
          const t = transpileCell(piece.text, filename.replace(/\.js$/, ".ts"));
          if (t.errors.length) throw t.errors[0];
          steps.push({ kind: "code", js: t.js, map: t.map, filename, declared: t.declared });
          break;
        }
        case "timeit": {
          const filename = `${prefix}-${++n}.js`;
          const t = transpileCell(piece.text, filename.replace(/\.js$/, ".ts"), "plain");
          if (t.errors.length) throw t.errors[0];
          steps.push({
            kind: "timeit",
            js: t.js,
            map: t.map,
            filename,
            isAsync: t.usesAwait,
            loops: piece.loops,
            repeat: piece.repeat,
          });
          break;
        }
        case "time":
          steps.push({ kind: "time", steps: walk(piece.inner) });
          break;
        case "magic":
          steps.push({ kind: "magic", name: piece.name, args: piece.args });
          break;
        case "strict":
          strict = piece.on;
          break;
      }
    }
    return steps;
  };
  try {
    const steps = walk(pieces);
    return { ok: true, steps, strict };
  } catch (e) {
    if (e instanceof Error) throw e;
    return { ok: false, problem: e as SyntaxProblem };
  }
}

/**
 * Compiles a user expression (execute_request's `user_expressions`) to a script whose value is
 * the expression's.
 */
export function compileExpression(
  expression: string,
  filename: string,
): { js: string; map: string; filename: string } | SyntaxProblem {
  const t = transpileCell(`(${expression}\n)`, filename.replace(/\.js$/, ".ts"), "plain");
  return t.errors.length ? t.errors[0] : { js: t.js, map: t.map, filename };
}
