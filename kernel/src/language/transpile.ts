// Turns a cell's TypeScript into the JavaScript the executor runs, with a source map back to
// the cell's own lines and columns.
import ts from "typescript";
import { replTransformer, type ReplInfo } from "./repl-transform.js";

/** A syntax error found while transpiling, at a 1-based line and column of the cell. */
export interface SyntaxProblem {
  line: number;
  column: number;
  message: string;
}

/** The JavaScript for one piece of a cell. */
export interface Transpiled {
  js: string;
  /** The source map (JSON) from `js` back to the cell text. */
  map: string;
  /** Top-level names the code declares. */
  declared: string[];
  /** True when the code ends with an expression whose value the script returns. */
  hasValue: boolean;
  /** True when the code awaits at its top level (plain mode only). */
  usesAwait: boolean;
  /** Syntax errors; when there are any, `js` must not be run. */
  errors: SyntaxProblem[];
}

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleDetection: ts.ModuleDetectionKind.Force,
  sourceMap: true,
  inlineSources: false,
  alwaysStrict: false,
  useDefineForClassFields: true,
  experimentalDecorators: false,
  verbatimModuleSyntax: false,
  isolatedModules: true,
};

function problems(diags: readonly ts.Diagnostic[] | undefined): SyntaxProblem[] {
  return (diags ?? [])
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => {
      const pos =
        d.file && d.start !== undefined
          ? d.file.getLineAndCharacterOfPosition(d.start)
          : { line: 0, character: 0 };
      return {
        line: pos.line + 1,
        column: pos.character + 1,
        message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
      };
    });
}

// Module output ends with `export {};` when nothing else marks the file as a module; a script
// must not contain it.
function scriptText(js: string): string {
  return js.replace(/^\/\/# sourceMappingURL=.*$/m, "").replace(/^export \{\};\s*$/m, "");
}

function containsTopLevelAwait(node: ts.Node): boolean {
  let found = false;
  const walk = (n: ts.Node): void => {
    if (found) return;
    if (ts.isAwaitExpression(n) || (ts.isForOfStatement(n) && n.awaitModifier)) {
      found = true;
      return;
    }
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
    ts.forEachChild(n, walk);
  };
  walk(node);
  return found;
}

/**
 * Transpiles cell code. `mode: "repl"` applies REPL semantics (see repl-transform.ts); `"plain"`
 * transpiles statements as they are (used for `%timeit` bodies and user expressions).
 *
 * @example
 * ```ts
 * const t = transpileCell("const x = 1\nx + 1", "In[1].ts");
 * t.hasValue; // true
 * ```
 */
export function transpileCell(code: string, fileName: string, mode: "repl" | "plain" = "repl"): Transpiled {
  const info: ReplInfo = { declared: new Set(), hasValue: false };
  const out = ts.transpileModule(code, {
    compilerOptions: OPTIONS,
    fileName,
    reportDiagnostics: true,
    transformers: mode === "repl" ? { before: [replTransformer(info)] } : undefined,
  });
  const errors = problems(out.diagnostics);
  const usesAwait =
    mode === "plain" &&
    containsTopLevelAwait(ts.createSourceFile(fileName, code, ts.ScriptTarget.ES2022, true));
  return {
    js: scriptText(out.outputText),
    map: out.sourceMapText ?? "",
    declared: [...info.declared],
    hasValue: info.hasValue,
    usesAwait,
    errors,
  };
}
