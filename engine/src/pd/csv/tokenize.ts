import { ParserError } from "../errors.js";

/**
 * The fields of a CSV text as spans into it (no substring is made here, so numeric columns can
 * be parsed straight from the characters). Field `f` covers `text.slice(starts[f], ends[f])`;
 * `quoted[f]` is 1 when it was quoted and 2 when it also holds doubled quotes to unescape.
 */
export interface Tokens {
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly quoted: Uint8Array;
  /** Index of each record's first field; one more entry at the end (total field count). */
  readonly rowStarts: Int32Array;
  /** 1-based line of the file where each record starts. */
  readonly rowLines: Int32Array;
  readonly rows: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

class Growable {
  data: Int32Array;
  n = 0;
  constructor(cap: number) {
    this.data = new Int32Array(cap);
  }
  push(v: number): void {
    if (this.n === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.n++] = v;
  }
  done(): Int32Array {
    return this.data.subarray(0, this.n);
  }
}

/**
 * Splits `text` into records and fields: `sep` is one character, or `"\\s+"` for runs of
 * blanks; double quotes enclose fields (a doubled quote inside stands for one); blank lines are
 * skipped, as pandas does. An unterminated quote fails naming the line where it opened.
 */
export function tokenize(text: string, sep: string): Tokens {
  const whitespace = sep === "\\s+" || sep === " +";
  if (!whitespace && sep.length !== 1) {
    throw new RangeError(`sep must be one character or "\\s+", got ${JSON.stringify(sep)}`);
  }
  const sepCode = whitespace ? -1 : sep.charCodeAt(0);
  const n = text.length;
  const guess = Math.max(16, (n >> 3) | 0);
  const starts = new Growable(guess);
  const ends = new Growable(guess);
  let quotedFlags = new Uint8Array(guess);
  const rowStarts = new Growable(1024);
  const rowLines = new Growable(1024);
  let line = 1;
  let i = 0;

  const isBlank = (c: number): boolean => c === 32 || c === 9;

  while (i < n) {
    // Skip blank lines (and, when splitting on whitespace, leading blanks).
    let j = i;
    while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    const c0 = j < n ? text.charCodeAt(j) : LF;
    if (c0 === LF || c0 === CR) {
      i = j + (c0 === CR && text.charCodeAt(j + 1) === LF ? 2 : 1);
      line++;
      continue;
    }
    if (whitespace) i = j;
    rowStarts.push(starts.n);
    rowLines.push(line);
    // One record.
    for (;;) {
      let c = i < n ? text.charCodeAt(i) : LF;
      let start = i;
      let end: number;
      let flag = 0;
      if (c === QUOTE) {
        const openLine = line;
        flag = 1;
        start = ++i;
        for (;;) {
          if (i >= n) throw new ParserError(`unterminated quoted field starting on line ${openLine}`);
          const q = text.charCodeAt(i);
          if (q === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) {
              flag = 2;
              i += 2;
              continue;
            }
            break;
          }
          if (q === LF) line++;
          i++;
        }
        end = i++;
        // Text after the closing quote up to the separator is kept, as pandas does.
        c = i < n ? text.charCodeAt(i) : LF;
        if (c !== sepCode && c !== LF && c !== CR && !(whitespace && isBlank(c))) {
          const extra = i;
          while (i < n) {
            c = text.charCodeAt(i);
            if (c === sepCode || c === LF || c === CR || (whitespace && isBlank(c))) break;
            i++;
          }
          if (i > extra) {
            // Rare: fold the tail into an unquoted span that still strips the quotes.
            end = i;
            flag = 3;
            start--;
          }
        }
      } else {
        while (i < n) {
          c = text.charCodeAt(i);
          if (c === sepCode || c === LF || c === CR || (whitespace && isBlank(c))) break;
          i++;
        }
        end = i;
      }
      if (starts.n === quotedFlags.length) {
        const next = new Uint8Array(quotedFlags.length * 2);
        next.set(quotedFlags);
        quotedFlags = next;
      }
      quotedFlags[starts.n] = flag;
      starts.push(start);
      ends.push(end);
      c = i < n ? text.charCodeAt(i) : LF;
      if (whitespace && isBlank(c)) {
        while (i < n && isBlank(text.charCodeAt(i))) i++;
        c = i < n ? text.charCodeAt(i) : LF;
        if (c === LF || c === CR || i >= n) {
          i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
          line++;
          break;
        }
        continue;
      }
      if (c === sepCode) {
        i++;
        continue;
      }
      // End of record.
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
  }
  rowStarts.push(starts.n);
  return {
    text,
    starts: starts.done(),
    ends: ends.done(),
    quoted: quotedFlags.subarray(0, starts.n),
    rowStarts: rowStarts.done(),
    rowLines: rowLines.done(),
    rows: rowLines.n,
  };
}

/** The text of field `f`, with quotes removed and doubled quotes unescaped. */
export function fieldText(t: Tokens, f: number): string {
  const s = t.text.slice(t.starts[f], t.ends[f]);
  switch (t.quoted[f]) {
    case 2:
      return s.replace(/""/g, '"');
    case 3:
      return s.replace(/^"((?:[^"]|"")*)"/, (_m, inner: string) => inner.replace(/""/g, '"'));
    default:
      return s;
  }
}
