/**
 * A tiny WebAssembly binary assembler: LEB128 and constant encodings, and a module builder that
 * writes the type, function, memory, export and code sections for a list of functions sharing
 * one exported linear memory. JavaScript cannot issue vector instructions, so the engine's hot
 * kernels are written as WebAssembly SIMD instruction bytes (see `instructions.ts`) and
 * assembled here at start-up: no compiler, no binary in the repository.
 */

/** Encoded bytes of an instruction sequence, section or module part. */
export type Bytes = number[];

/** Value types, by their binary encoding. */
export const ValType = {
  i32: 0x7f,
  i64: 0x7e,
  f32: 0x7d,
  f64: 0x7c,
  v128: 0x7b,
} as const;
export type ValType = (typeof ValType)[keyof typeof ValType];

/** Unsigned LEB128, as the binary format encodes indices, sizes and counts. */
export function uleb(n: number): Bytes {
  const out: Bytes = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128, as `i32.const` and `i64.const` encode their immediates (|n| < 2^31). */
export function sleb(n: number): Bytes {
  const out: Bytes = [];
  while (true) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/** Little-endian IEEE bytes of a float64 (`f64.const`). */
export function f64Bytes(x: number): Bytes {
  return [...new Uint8Array(Float64Array.of(x).buffer)];
}

/** Little-endian IEEE bytes of a float32 (`f32.const`). */
export function f32Bytes(x: number): Bytes {
  return [...new Uint8Array(Float32Array.of(x).buffer)];
}

/** A length-prefixed name. */
export function name(s: string): Bytes {
  return [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];
}

function section(id: number, body: Bytes): Bytes {
  return [id, ...uleb(body.length), ...body];
}

function vector(items: Bytes[]): Bytes {
  return [...uleb(items.length), ...items.flat()];
}

/** One function of a module. Functions are indexed in list order (for `call`). */
export interface WasmFunction {
  /** Export name; unexported helpers leave it out. */
  readonly name?: string;
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
  /** Types of the locals after the parameters, in index order. */
  readonly locals: readonly ValType[];
  /** The instructions, without the final `end`. */
  readonly body: Bytes;
}

/**
 * Hands out local indices after a function's parameters and remembers their types, so kernels
 * name their locals instead of counting them.
 */
export class Locals {
  readonly types: ValType[] = [];
  constructor(private readonly params: readonly ValType[]) {}

  /** A new local of type `t`: its index. */
  add(t: ValType): number {
    this.types.push(t);
    return this.params.length + this.types.length - 1;
  }
}

/** A module's contents: its functions and a memory of `pages` 64 KiB pages exported as `mem`. */
export interface WasmModule {
  readonly functions: readonly WasmFunction[];
  readonly pages: number;
}

// Locals are declared as runs of one type: consecutive equal types share an entry.
function localDecls(locals: readonly ValType[]): Bytes {
  const runs: Bytes[] = [];
  for (let i = 0; i < locals.length;) {
    let j = i;
    while (j < locals.length && locals[j] === locals[i]) j++;
    runs.push([...uleb(j - i), locals[i]]);
    i = j;
  }
  return vector(runs);
}

/** The binary encoding of a module (magic, version and sections in the required order). */
export function assemble(mod: WasmModule): Uint8Array {
  const types: string[] = [];
  const typeIndex = mod.functions.map((f) => {
    const key = `${f.params.join(",")}>${f.results.join(",")}`;
    let i = types.indexOf(key);
    if (i < 0) i = types.push(key) - 1;
    return i;
  });
  const typeEntries = types.map((key) => {
    const [params, results] = key.split(">").map((s) => (s ? s.split(",").map(Number) : []));
    return [0x60, ...vector(params.map((t) => [t])), ...vector(results.map((t) => [t]))];
  });
  const exports = mod.functions.flatMap((f, i) => (f.name ? [[...name(f.name), 0x00, ...uleb(i)]] : []));
  exports.push([...name("mem"), 0x02, 0x00]);
  const code = mod.functions.map((f) => {
    const body = [...localDecls(f.locals), ...f.body, 0x0b];
    return [...uleb(body.length), ...body];
  });
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(typeEntries)),
    ...section(3, vector(typeIndex.map((i) => uleb(i)))),
    ...section(5, vector([[0x00, ...uleb(mod.pages)]])),
    ...section(7, vector(exports)),
    ...section(10, vector(code)),
  ]);
}
