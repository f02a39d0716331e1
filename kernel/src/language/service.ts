// Completion, inspection and type diagnostics from the TypeScript language service, over a
// virtual file that holds the earlier cells' declarations and the current cell, with the
// engine's types behind `import … from "tensorbook"`.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import ts from "typescript";
import { CellHistory } from "./context.js";
import { KERNEL_GLOBALS_DTS } from "./kernel-globals.js";
import { toCodePoints, toUtf16 } from "./positions.js";

/** A type problem in the current cell, at 1-based line and column. */
export interface CellDiagnostic {
  line: number;
  column: number;
  code: number;
  message: string;
}

/** A completion answer in code points, as complete_reply carries it. */
export interface Completion {
  matches: string[];
  cursorStart: number;
  cursorEnd: number;
  types: { text: string; type: string }[];
}

/** An inspection answer. */
export interface Inspection {
  found: boolean;
  plain: string;
  markdown: string;
}

const require = createRequire(import.meta.url);

// The engine's declarations (built) or sources, so cells get its types wherever the notebook is.
function enginePaths(): Record<string, string[]> {
  try {
    const dir = dirname(require.resolve("tensorbook/package.json"));
    const built = join(dir, "dist", "index.d.ts");
    const entry = existsSync(built) ? built : join(dir, "src", "index.ts");
    return { tensorbook: [entry], "tensorbook/*": [join(dir, existsSync(built) ? "dist" : "src", "*")] };
  } catch {
    return {};
  }
}

function typeRoots(): string[] {
  try {
    return [dirname(dirname(require.resolve("@types/node/package.json")))];
  } catch {
    return [];
  }
}

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ["lib.es2023.d.ts"],
  types: ["node"],
  strict: true,
  noImplicitAny: false,
  skipLibCheck: true,
  allowJs: true,
  checkJs: false,
  esModuleInterop: true,
  allowSyntheticDefaultImports: true,
  resolveJsonModule: true,
  allowImportingTsExtensions: true,
  noEmit: true,
};

// Diagnostics that say nothing useful about a notebook cell.
const IGNORED = new Set([
  1375, // 'await' only allowed at top level of a module (every cell is one)
  1378, // top-level await needs a newer target
  2307, // missing module: shown when it is imported, at run time, with a clearer message
  7016, // no declaration file for a JavaScript package
]);

/**
 * The language service for one session.
 *
 * @example
 * ```ts
 * const s = new CellService("/home/me/notebooks");
 * s.complete("Math.fl", 7).matches; // ["floor"]
 * ```
 */
export class CellService {
  readonly history = new CellHistory();
  readonly #cellFile: string;
  readonly #globalsFile: string;
  readonly #files = new Map<string, { text: string; version: number }>();
  readonly #service: ts.LanguageService;
  readonly #options: ts.CompilerOptions;

  constructor(cwd = process.cwd()) {
    this.#cellFile = join(cwd, "__tensorbook_cell__.ts");
    this.#globalsFile = join(cwd, "__tensorbook_kernel__.d.ts");
    this.#options = { ...OPTIONS, paths: enginePaths(), typeRoots: typeRoots() };
    this.#files.set(this.#globalsFile, { text: KERNEL_GLOBALS_DTS, version: 1 });
    this.#files.set(this.#cellFile, { text: "export {};\n", version: 1 });
    const host: ts.LanguageServiceHost = {
      getScriptFileNames: () => [this.#cellFile, this.#globalsFile],
      getScriptVersion: (f) => String(this.#files.get(f)?.version ?? 0),
      getScriptSnapshot: (f) => {
        const text = this.#files.get(f)?.text ?? ts.sys.readFile(f);
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
      },
      getCurrentDirectory: () => cwd,
      getCompilationSettings: () => this.#options,
      getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
      fileExists: (f) => this.#files.has(f) || ts.sys.fileExists(f),
      readFile: (f) => this.#files.get(f)?.text ?? ts.sys.readFile(f),
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
      realpath: ts.sys.realpath,
    };
    this.#service = ts.createLanguageService(host, ts.createDocumentRegistry());
  }

  // Puts the cell (after the earlier cells' declarations) into the virtual file.
  #load(cell: string): number {
    const { text, offset } = this.history.compose(cell);
    const f = this.#files.get(this.#cellFile) as { text: string; version: number };
    if (f.text !== text) this.#files.set(this.#cellFile, { text, version: f.version + 1 });
    return offset;
  }

  /** Type problems in `cell` (errors only), positioned in the cell. */
  diagnostics(cell: string): CellDiagnostic[] {
    const offset = this.#load(cell);
    const end = offset + cell.length;
    const all = [
      ...this.#service.getSyntacticDiagnostics(this.#cellFile),
      ...this.#service.getSemanticDiagnostics(this.#cellFile),
    ];
    const cellFile = ts.createSourceFile("cell.ts", cell, ts.ScriptTarget.ES2022);
    return all
      .filter((d) => d.category === ts.DiagnosticCategory.Error && !IGNORED.has(d.code))
      .filter((d) => d.start !== undefined && d.start >= offset && d.start <= end)
      .map((d) => {
        const { line, character } = cellFile.getLineAndCharacterOfPosition((d.start as number) - offset);
        return {
          line: line + 1,
          column: character + 1,
          code: d.code,
          message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
        };
      });
  }

  /** Completions at a code-point cursor position. */
  complete(cell: string, cursorPos: number): Completion {
    const cursor = toUtf16(cell, cursorPos);
    const offset = this.#load(cell);
    let start = cursor;
    while (start > 0 && /[\w$]/.test(cell[start - 1])) start--;
    const typed = cell.slice(start, cursor);
    const info = this.#service.getCompletionsAtPosition(this.#cellFile, offset + cursor, {
      includeCompletionsWithInsertText: true,
      includeCompletionsForModuleExports: false,
    });
    const empty = { matches: [], cursorStart: cursorPos, cursorEnd: cursorPos, types: [] };
    if (!info) return empty;
    // In a string literal (a loss name, an activation), TypeScript offers the literal union's
    // members with the span of the string's contents; elsewhere, names that extend the word typed.
    const inString = info.entries.filter((e) => e.kind === ts.ScriptElementKind.string && e.replacementSpan);
    let from = start;
    let to = cursor;
    let candidates: ts.CompletionEntry[];
    if (inString.length) {
      const span = inString[0].replacementSpan as ts.TextSpan;
      from = span.start - offset;
      to = span.start - offset + span.length;
      const typedInString = cell.slice(from, cursor);
      candidates = inString.filter((e) => e.name.startsWith(typedInString));
    } else {
      candidates = info.entries.filter((e) => !e.replacementSpan && e.name.startsWith(typed));
    }
    const seen = new Set<string>();
    const chosen = candidates
      .sort((a, b) => a.sortText.localeCompare(b.sortText) || a.name.localeCompare(b.name))
      .filter((e) => {
        const text = e.insertText ?? e.name;
        if (seen.has(text)) return false;
        seen.add(text);
        return true;
      });
    return {
      matches: chosen.map((e) => e.insertText ?? e.name),
      cursorStart: toCodePoints(cell, from),
      cursorEnd: toCodePoints(cell, to),
      types: chosen.map((e) => ({ text: e.insertText ?? e.name, type: e.kind })),
    };
  }

  /** The signature and documentation of what is at (or just before) the cursor. */
  inspect(cell: string, cursorPos: number): Inspection {
    const cursor = toUtf16(cell, cursorPos);
    const offset = this.#load(cell);
    const info =
      this.#service.getQuickInfoAtPosition(this.#cellFile, offset + cursor) ??
      (cursor > 0 ? this.#service.getQuickInfoAtPosition(this.#cellFile, offset + cursor - 1) : undefined);
    if (!info) return { found: false, plain: "", markdown: "" };
    const signature = ts.displayPartsToString(info.displayParts);
    const docs = ts.displayPartsToString(info.documentation);
    const tags = (info.tags ?? [])
      .map((t) => `@${t.name}${t.text ? ` ${ts.displayPartsToString(t.text)}` : ""}`)
      .join("\n");
    const plain = [signature, docs, tags].filter((s) => s !== "").join("\n\n");
    const markdown = ["```ts\n" + signature + "\n```", docs, tags].filter((s) => s !== "").join("\n\n");
    return { found: true, plain, markdown };
  }
}
