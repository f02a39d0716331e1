// Error reports whose frames point at the cell's own lines and columns: stack frames in cell
// scripts are mapped back through their source maps, and frames inside Node, the kernel and the
// engine are left out (they say nothing about the learner's code).
import { SourceMap } from "node:module";
import { sep } from "node:path";
import { fileURLToPath } from "node:url";
import { plainText } from "./display.js";
import type { ErrorInfo } from "./events.js";
import { cellFrame, errorHeader, RED, RESET } from "./frames.js";

interface CellScript {
  map: SourceMap | null;
  executionCount: number;
  lines: string[];
}

const scripts = new Map<string, CellScript>();

// Frames in these folders are the kernel's or the engine's own.
const kernelDir = fileURLToPath(new URL("..", import.meta.url));
const internalDirs = [
  kernelDir,
  `${sep}engine${sep}dist${sep}`,
  `${sep}engine${sep}src${sep}`,
  `${sep}node_modules${sep}tensorbook${sep}`,
];

/**
 * Remembers a cell script so its frames can be mapped back.
 *
 * @example
 * ```ts
 * registerScript("tb-cell-3.js", mapJson, 3, cellSource);
 * ```
 */
export function registerScript(filename: string, map: string, executionCount: number, source: string): void {
  let parsed: SourceMap | null;
  try {
    parsed = map ? new SourceMap(JSON.parse(map) as ConstructorParameters<typeof SourceMap>[0]) : null;
  } catch {
    parsed = null;
  }
  scripts.set(filename, { map: parsed, executionCount, lines: source.split("\n") });
}

/** The 1-based cell position of a 1-based position in a cell script, when it maps. */
export function cellPosition(
  filename: string,
  line: number,
  column: number,
): { line: number; column: number; cell: CellScript } | null {
  const s = scripts.get(filename);
  if (!s) return null;
  if (!s.map) return { line, column, cell: s };
  const entry = s.map.findEntry(line - 1, column - 1) as { originalLine?: number; originalColumn?: number };
  if (entry.originalLine === undefined || entry.originalColumn === undefined) return null;
  return { line: entry.originalLine + 1, column: entry.originalColumn + 1, cell: s };
}

const FRAME = /^\s*at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?$/;

function isInternal(file: string): boolean {
  if (file.startsWith("node:") || file.startsWith("internal/")) return true;
  const path = file.startsWith("file://") ? fileURLToPath(file) : file;
  return internalDirs.some((d) => path.includes(d));
}

/**
 * Turns anything a cell threw into `ename`, `evalue` and a traceback of the learner's frames.
 *
 * @example
 * ```ts
 * const { ename, evalue, traceback } = describeError(new TypeError("x is not a function"));
 * ```
 */
export function describeError(error: unknown): ErrorInfo {
  if (!(error instanceof Error)) {
    const text = plainText(error);
    return { ename: "Uncaught", evalue: text, traceback: [`${RED}Uncaught${RESET} ${text}`] };
  }
  const ename = error.name || error.constructor?.name || "Error";
  const evalue = error.message;
  const frames: string[] = [];
  for (const line of (error.stack ?? "").split("\n").slice(1)) {
    const m = FRAME.exec(line);
    if (!m) continue;
    const [, rawFn, rawFile, l, c] = m;
    const file = rawFile.replace(/^async /, "");
    const fn = rawFn?.replace(/^async /, "");
    const inCell = cellPosition(file, Number(l), Number(c));
    if (inCell) {
      const name =
        fn && !fn.startsWith("__tb") && !/^(Object\.)?<anonymous>$/.test(fn) && fn !== "async"
          ? fn
          : undefined;
      frames.push(cellFrame(inCell.cell.executionCount, inCell.line, inCell.column, name, inCell.cell.lines));
    } else if (!scripts.has(file) && !isInternal(file)) {
      frames.push(line.trim());
    }
  }
  return { ename, evalue, traceback: [errorHeader(ename, evalue), ...frames] };
}
