// Splits a cell into the steps it asks for: code, and IPython-style magics (`%time`, `%%time`,
// `%timeit`, `%env`, `%who`, `%reset`, `%strict`). Code keeps its line and column positions (the
// other lines are blanked), so errors and source maps point at the cell as written.

/** A piece of a cell, before its code is compiled. */
export type Piece =
  | { kind: "code"; text: string }
  | { kind: "magic"; name: "env" | "who" | "reset"; args: string }
  | { kind: "strict"; on: boolean }
  | { kind: "time"; inner: Piece[] }
  | { kind: "timeit"; text: string; loops: number | null; repeat: number };

/** A cell split into pieces, and the text the language service sees (magic lines blanked). */
export interface ParsedCell {
  pieces: Piece[];
  serviceText: string;
}

/** A mistake in a magic line, at a 1-based line. */
export class MagicError extends Error {
  override name = "UsageError";
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const LINE_MAGICS = "%time, %timeit, %env, %who, %reset and %strict";

function blankExcept(lines: readonly string[], keep: (i: number) => string | null): string {
  return lines.map((l, i) => keep(i) ?? "").join("\n");
}

function isBlank(text: string): boolean {
  return text.trim() === "";
}

function parseTimeitArgs(
  args: string,
  line: number,
): { loops: number | null; repeat: number; code: string; offset: number } {
  let loops: number | null = null;
  let repeat = 7;
  let rest = args;
  let offset = 0;
  for (;;) {
    const m = /^(\s*)-([nr])\s*(\d+)/.exec(rest) ?? /^(\s*)-([nr])\s*(\S*)/.exec(rest);
    if (!m) break;
    const value = Number(m[3]);
    if (!Number.isInteger(value) || value < 1) {
      throw new MagicError(`%timeit -${m[2]} expects a positive whole number, got "${m[3]}"`, line);
    }
    if (m[2] === "n") loops = value;
    else repeat = value;
    offset += m[0].length;
    rest = rest.slice(m[0].length);
  }
  return { loops, repeat, code: rest, offset };
}

/**
 * Parses a cell's magics.
 *
 * @example
 * ```ts
 * parseCell("%time\nconst x = 1").pieces; // throws: %time needs code on its line
 * parseCell("%%time\nconst x = 1").pieces; // [{ kind: "time", inner: [{ kind: "code", … }] }]
 * ```
 */
export function parseCell(code: string): ParsedCell {
  const lines = code.split("\n");
  const first = /^%%(\w+)\s*(.*)$/.exec(lines[0] ?? "");
  if (first) {
    const [, name, args] = first;
    const body = blankExcept(lines, (i) => (i === 0 ? null : lines[i]));
    if (name === "time") {
      const inner = parseCell(body);
      return { pieces: [{ kind: "time", inner: inner.pieces }], serviceText: inner.serviceText };
    }
    if (name === "timeit") {
      const opts = parseTimeitArgs(args, 1);
      return {
        pieces: [{ kind: "timeit", text: body, loops: opts.loops, repeat: opts.repeat }],
        serviceText: body,
      };
    }
    throw new MagicError(`unknown cell magic %%${name}; Tensorbook has %%time and %%timeit`, 1);
  }

  const pieces: Piece[] = [];
  const serviceLines = [...lines];
  let codeLines: number[] = [];
  const flush = () => {
    const text = blankExcept(lines, (i) => (codeLines.includes(i) ? lines[i] : null));
    if (codeLines.length && !isBlank(text)) pieces.push({ kind: "code", text });
    codeLines = [];
  };
  lines.forEach((line, i) => {
    const m = /^(\s*)%(\w+)(.*)$/.exec(line);
    if (!m || line.trimStart().startsWith("%%")) {
      codeLines.push(i);
      return;
    }
    flush();
    const [, indent, name, rawArgs] = m;
    const prefix = indent.length + 1 + name.length;
    // Code after %time / %timeit keeps its columns: the magic's name is blanked with spaces.
    const codeOnLine = (from: number) =>
      blankExcept(lines, (j) => (j === i ? " ".repeat(from) + line.slice(from) : null));
    switch (name) {
      case "time": {
        if (isBlank(rawArgs))
          throw new MagicError(
            "%time needs code on its line; use %%time on the first line to time a whole cell",
            i + 1,
          );
        const text = codeOnLine(prefix);
        pieces.push({ kind: "time", inner: [{ kind: "code", text }] });
        serviceLines[i] = " ".repeat(prefix) + line.slice(prefix);
        return;
      }
      case "timeit": {
        const opts = parseTimeitArgs(rawArgs, i + 1);
        if (isBlank(opts.code))
          throw new MagicError("%timeit needs code on its line; use %%timeit to time a whole cell", i + 1);
        const from = prefix + opts.offset;
        pieces.push({ kind: "timeit", text: codeOnLine(from), loops: opts.loops, repeat: opts.repeat });
        serviceLines[i] = " ".repeat(from) + line.slice(from);
        return;
      }
      case "env":
      case "who":
      case "reset":
        pieces.push({ kind: "magic", name, args: rawArgs.trim() });
        break;
      case "strict": {
        const arg = rawArgs.trim();
        if (arg !== "on" && arg !== "off")
          throw new MagicError(`%strict expects "on" or "off", got "${arg}"`, i + 1);
        pieces.push({ kind: "strict", on: arg === "on" });
        break;
      }
      default:
        throw new MagicError(`unknown magic %${name}; Tensorbook has ${LINE_MAGICS}`, i + 1);
    }
    serviceLines[i] = "";
  });
  flush();
  return { pieces, serviceText: serviceLines.join("\n") };
}
