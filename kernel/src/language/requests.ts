// Requests to the language thread and the types of their answers.
import type { Piece } from "../magics/parse.js";
import type { CompiledCell } from "./compile.js";
import type { Completeness } from "./is-complete.js";
import type { CellDiagnostic, Completion, Inspection } from "./service.js";
import type { SyntaxProblem } from "./transpile.js";

/** A request to the language thread. */
export type LanguageRequest =
  | { method: "compile"; pieces: Piece[]; prefix: string }
  | { method: "expression"; expression: string; filename: string }
  | { method: "diagnostics"; text: string }
  | { method: "complete"; text: string; cursor: number }
  | { method: "inspect"; text: string; cursor: number }
  | { method: "isComplete"; text: string }
  | { method: "commit"; text: string }
  | { method: "reset" }
  | { method: "warmUp" };

/** The answer type of each request. */
export interface LanguageAnswers {
  compile: CompiledCell;
  expression: { js: string; map: string; filename: string } | SyntaxProblem;
  diagnostics: CellDiagnostic[];
  complete: Completion;
  inspect: Inspection;
  isComplete: Completeness;
  commit: null;
  reset: null;
  warmUp: null;
}
