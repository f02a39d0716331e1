// How a place in a cell is shown in tracebacks and warnings (IPython's look: the cell, the line
// with an arrow, a caret under the column).

export const RED = "\x1b[0;31m";
export const GREEN = "\x1b[0;32m";
export const CYAN = "\x1b[0;36m";
export const YELLOW = "\x1b[0;33m";
export const RESET = "\x1b[0m";

/**
 * One frame of a traceback in a cell.
 *
 * @example
 * ```ts
 * cellFrame(3, 2, 5, "f", ["const a = 1;", "a.b.c;"]);
 * // "Cell In[3], line 2, column 5, in f\n----> 2 a.b.c;\n           ^" (with colours)
 * ```
 */
export function cellFrame(
  count: number,
  line: number,
  column: number,
  fn: string | undefined,
  lines: readonly string[],
): string {
  const where = `${GREEN}Cell In[${count}], line ${line}, column ${column}${fn ? `, in ${fn}` : ""}${RESET}`;
  const text = lines[line - 1] ?? "";
  const arrow = `----> ${line} `;
  return `${where}\n${CYAN}${arrow}${RESET}${text}\n${" ".repeat(arrow.length + column - 1)}${RED}^${RESET}`;
}

/** The first line of a traceback: the error's name and message. */
export function errorHeader(ename: string, evalue: string): string {
  return `${RED}${ename}${RESET}: ${evalue}`;
}
