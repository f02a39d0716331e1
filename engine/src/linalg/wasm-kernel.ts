/**
 * GEMM micro-kernels in WebAssembly SIMD, assembled here from bytes (no compiler, no binary
 * checked in), because JavaScript itself cannot issue vector instructions. Each kernel computes
 * one MR×NR tile of packed-A times packed-B over kc steps and stores it (overwriting) at `c`:
 *
 *   f64: MR = 4, NR = 4, f64x2 lanes, 8 accumulators;  f32: MR = 4, NR = 8, f32x4 lanes.
 *
 * The panels live in the module's own linear memory, so `gemm` packs straight into views of it.
 * When WebAssembly SIMD is unavailable `loadKernels` returns null and `gemm` uses plain JS.
 */

// The few WebAssembly JS-API members used here: the compiler's ES2023 lib has no WebAssembly
// declarations (they live in the DOM lib), so they are declared structurally.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

/** An instantiated kernel set and its memory layout (byte offsets). */
export interface WasmKernels {
  memory: WasmMemory;
  f64: (kc: number, a: number, b: number, c: number) => void;
  f32: (kc: number, a: number, b: number, c: number) => void;
  tileOffset: number;
  aOffset: number;
  bOffset: number;
}

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

function str(s: string): number[] {
  return [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];
}

const I32 = 0x7f;
const V128 = 0x7b;
const simd = (op: number, ...imm: number[]): number[] => [0xfd, ...uleb(op), ...imm];
const get = (i: number): number[] => [0x20, ...uleb(i)];
const set = (i: number): number[] => [0x21, ...uleb(i)];
const tee = (i: number): number[] => [0x22, ...uleb(i)];
const memarg = (align: number, offset: number): number[] => [align, ...uleb(offset)];

// One kernel body. Params: kc(0), a(1), b(2), c(3); locals: 8 accumulators, 2 B vectors, 1 A splat.
function kernelBody(kind: "f64" | "f32"): number[] {
  const elt = kind === "f64" ? 8 : 4;
  const mr = 4;
  const nr = kind === "f64" ? 4 : 8;
  const splat = kind === "f64" ? 0x0a : 0x09; // v128.load64_splat / v128.load32_splat
  const splatAlign = kind === "f64" ? 3 : 2;
  const add = kind === "f64" ? 0xf0 : 0xe4;
  const mul = kind === "f64" ? 0xf2 : 0xe6;
  const acc = (i: number): number => 4 + i;
  const B0 = 12;
  const B1 = 13;
  const A = 14;
  const code: number[] = [];
  code.push(0x02, 0x40); // block
  code.push(...get(0), 0x45, 0x0d, 0x00); // kc == 0 → exit
  code.push(0x03, 0x40); // loop
  code.push(...get(2), ...simd(0x00, ...memarg(4, 0)), ...set(B0));
  code.push(...get(2), ...simd(0x00, ...memarg(4, 16)), ...set(B1));
  for (let i = 0; i < mr; i++) {
    code.push(...get(1), ...simd(splat, ...memarg(splatAlign, i * elt)), ...set(A));
    for (const [k, Bv] of [
      [0, B0],
      [1, B1],
    ]) {
      code.push(
        ...get(acc(2 * i + k)),
        ...get(A),
        ...get(Bv),
        ...simd(mul),
        ...simd(add),
        ...set(acc(2 * i + k)),
      );
    }
  }
  code.push(...get(1), 0x41, ...sleb(mr * elt), 0x6a, ...set(1));
  code.push(...get(2), 0x41, ...sleb(nr * elt), 0x6a, ...set(2));
  code.push(...get(0), 0x41, 0x01, 0x6b, ...tee(0), 0x0d, 0x00); // --kc, loop while non-zero
  code.push(0x0b, 0x0b); // end loop, end block
  for (let i = 0; i < mr; i++) {
    for (let k = 0; k < 2; k++) {
      code.push(
        ...get(3),
        ...get(acc(2 * i + k)),
        ...simd(0x0b, ...memarg(4, (i * nr + (k * 16) / elt) * elt)),
      );
    }
  }
  code.push(0x0b);
  const locals = [0x01, ...uleb(11), V128];
  const body = [...locals, ...code];
  return [...uleb(body.length), ...body];
}

function sleb(n: number): number[] {
  const out: number[] = [];
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

/** The module's bytes: two kernels and an exported memory of `pages` 64 KiB pages. */
export function kernelModuleBytes(pages: number): Uint8Array {
  const type = [0x01, 0x60, 0x04, I32, I32, I32, I32, 0x00];
  const funcs = [0x02, 0x00, 0x00];
  const memory = [0x01, 0x00, ...uleb(pages)];
  const exports = [0x03, ...str("f64"), 0x00, 0x00, ...str("f32"), 0x00, 0x01, ...str("mem"), 0x02, 0x00];
  const code = [0x02, ...kernelBody("f64"), ...kernelBody("f32")];
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, type),
    ...section(3, funcs),
    ...section(5, memory),
    ...section(7, exports),
    ...section(10, code),
  ]);
}

let cached: WasmKernels | null | undefined;

/**
 * Instantiates the kernels once, with room for an A panel of `aBytes` and a B panel of `bBytes`;
 * null where WebAssembly SIMD is missing (or `TENSORBOOK_NO_WASM` is set, to test the JS path).
 */
export function loadKernels(aBytes: number, bBytes: number): WasmKernels | null {
  if (cached !== undefined) return cached;
  cached = null;
  const wa = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!wa || (typeof process !== "undefined" && process.env.TENSORBOOK_NO_WASM)) return cached;
  const tileOffset = 0;
  const aOffset = 1024;
  const bOffset = aOffset + aBytes;
  const pages = Math.ceil((bOffset + bBytes) / 65536);
  try {
    const bytes = kernelModuleBytes(pages);
    if (!wa.validate(bytes)) return cached;
    const inst = new wa.Instance(new wa.Module(bytes), {});
    const ex = inst.exports as unknown as {
      mem: WasmMemory;
      f64: WasmKernels["f64"];
      f32: WasmKernels["f32"];
    };
    cached = { memory: ex.mem, f64: ex.f64, f32: ex.f32, tileOffset, aOffset, bOffset };
  } catch {
    cached = null;
  }
  return cached;
}
