/**
 * Instruction encoders for the WebAssembly subset the engine's kernels use: control flow,
 * locals, scalar i32/f32/f64 arithmetic and memory access, and the fixed-width SIMD (v128)
 * instructions. Each returns the instruction's bytes; `code` flattens a sequence of them.
 */
import { f32Bytes, f64Bytes, sleb, uleb, ValType, type Bytes, type Locals } from "./assembler.js";

/** Flattens instructions (byte arrays or single opcodes) into one sequence. */
export function code(...parts: (Bytes | number)[]): Bytes {
  const out: Bytes = [];
  for (const p of parts) {
    if (typeof p === "number") out.push(p);
    else for (const b of p) out.push(b);
  }
  return out;
}

/** A memory immediate: log2 of the alignment hint, then the constant byte offset. */
function memarg(align: number, offset: number): Bytes {
  return [align, ...uleb(offset)];
}

/** Control flow. Blocks here take and leave nothing unless a result type is given. */
export const ctl = {
  block: (result?: ValType): Bytes => [0x02, result ?? 0x40],
  loop: (): Bytes => [0x03, 0x40],
  if: (result?: ValType): Bytes => [0x04, result ?? 0x40],
  else: (): Bytes => [0x05],
  end: (): Bytes => [0x0b],
  br: (depth: number): Bytes => [0x0c, ...uleb(depth)],
  brIf: (depth: number): Bytes => [0x0d, ...uleb(depth)],
  return: (): Bytes => [0x0f],
  call: (fn: number): Bytes => [0x10, ...uleb(fn)],
  drop: (): Bytes => [0x1a],
  select: (): Bytes => [0x1b],
};

/** Local variable access. */
export const local = {
  get: (i: number): Bytes => [0x20, ...uleb(i)],
  set: (i: number): Bytes => [0x21, ...uleb(i)],
  tee: (i: number): Bytes => [0x22, ...uleb(i)],
};

/** 32-bit integer instructions (addresses and counters). */
export const i32 = {
  const: (n: number): Bytes => [0x41, ...sleb(n)],
  load: (offset = 0): Bytes => [0x28, ...memarg(2, offset)],
  store: (offset = 0): Bytes => [0x36, ...memarg(2, offset)],
  eqz: (): Bytes => [0x45],
  eq: (): Bytes => [0x46],
  ne: (): Bytes => [0x47],
  ltS: (): Bytes => [0x48],
  ltU: (): Bytes => [0x49],
  gtS: (): Bytes => [0x4a],
  leS: (): Bytes => [0x4c],
  geS: (): Bytes => [0x4e],
  add: (): Bytes => [0x6a],
  sub: (): Bytes => [0x6b],
  mul: (): Bytes => [0x6c],
  divS: (): Bytes => [0x6d],
  remS: (): Bytes => [0x6f],
  and: (): Bytes => [0x71],
  shl: (): Bytes => [0x74],
  shrS: (): Bytes => [0x75],
  shrU: (): Bytes => [0x76],
};

/** 64-bit integer instructions (only what lane splats need). */
export const i64 = {
  /** i64.extend_i32_u: the i32 on the stack zero-extended. */
  extendI32U: (): Bytes => [0xad],
};

/** Scalar float instructions of one width; `f32` and `f64` below share this shape. */
export interface FloatOps {
  const(x: number): Bytes;
  load(offset?: number): Bytes;
  store(offset?: number): Bytes;
  eq(): Bytes;
  ne(): Bytes;
  lt(): Bytes;
  gt(): Bytes;
  le(): Bytes;
  ge(): Bytes;
  add(): Bytes;
  sub(): Bytes;
  mul(): Bytes;
  div(): Bytes;
}

export const f32: FloatOps & { promote(): Bytes } = {
  const: (x) => [0x43, ...f32Bytes(x)],
  load: (offset = 0) => [0x2a, ...memarg(2, offset)],
  store: (offset = 0) => [0x38, ...memarg(2, offset)],
  eq: () => [0x5b],
  ne: () => [0x5c],
  lt: () => [0x5d],
  gt: () => [0x5e],
  le: () => [0x5f],
  ge: () => [0x60],
  add: () => [0x92],
  sub: () => [0x93],
  mul: () => [0x94],
  div: () => [0x95],
  /** f64.promote_f32: the f32 on the stack as an f64. */
  promote: () => [0xbb],
};

export const f64: FloatOps = {
  const: (x) => [0x44, ...f64Bytes(x)],
  load: (offset = 0) => [0x2b, ...memarg(3, offset)],
  store: (offset = 0) => [0x39, ...memarg(3, offset)],
  eq: () => [0x61],
  ne: () => [0x62],
  lt: () => [0x63],
  gt: () => [0x64],
  le: () => [0x65],
  ge: () => [0x66],
  add: () => [0xa0],
  sub: () => [0xa1],
  mul: () => [0xa2],
  div: () => [0xa3],
};

const simd = (op: number, ...imm: number[]): Bytes => [0xfd, ...uleb(op), ...imm];

/** Lane-type independent v128 instructions. */
export const v128 = {
  load: (offset = 0): Bytes => simd(0x00, ...memarg(4, offset)),
  store: (offset = 0): Bytes => simd(0x0b, ...memarg(4, offset)),
  load32Splat: (offset = 0): Bytes => simd(0x09, ...memarg(2, offset)),
  load64Splat: (offset = 0): Bytes => simd(0x0a, ...memarg(3, offset)),
  /** i8x16.shuffle of two vectors by 16 lane indices (0–15 first operand, 16–31 second). */
  shuffle: (lanes: readonly number[]): Bytes => simd(0x0d, ...lanes),
  not: (): Bytes => simd(0x4d),
  and: (): Bytes => simd(0x4e),
  andnot: (): Bytes => simd(0x4f),
  or: (): Bytes => simd(0x50),
  xor: (): Bytes => simd(0x51),
  /** bitselect(a, b, mask): bits of a where mask is set, of b elsewhere. */
  bitselect: (): Bytes => simd(0x52),
  anyTrue: (): Bytes => simd(0x53),
  /** A constant vector from its 16 little-endian bytes. */
  const: (bytes: ArrayLike<number>): Bytes => simd(0x0c, ...Array.from(bytes)),
};

/** A constant vector with every float lane `x` (f32 lanes round it to float32). */
export function splatConst(lanes: FloatLanes, x: number): Bytes {
  const arr = lanes.lanes === 2 ? new Float64Array(2).fill(x) : new Float32Array(4).fill(x);
  return v128.const(new Uint8Array(arr.buffer));
}

/** A constant vector of 32-bit or 64-bit integer lanes all equal to `n`. */
export function intSplatConst(bits: 32 | 64, n: number): Bytes {
  const arr = bits === 32 ? new Int32Array(4).fill(n) : new BigInt64Array(2).fill(BigInt(n));
  return v128.const(new Uint8Array(arr.buffer));
}

/**
 * A loop running `body` while the address in local `p` is below local `end` (tested first),
 * adding `step` to `p` after each pass.
 */
export function whileBelow(p: number, end: number, step: number, body: Bytes): Bytes {
  return code(
    ctl.block(),
    code(local.get(p), local.get(end), i32.geS(), ctl.brIf(0)),
    ctl.loop(),
    body,
    code(local.get(p), i32.const(step), i32.add(), local.tee(p)),
    code(local.get(end), i32.ltS(), ctl.brIf(0)),
    ctl.end(),
    ctl.end(),
  );
}

/** SIMD float instructions of one lane type; `f32x4` and `f64x2` share this shape. */
export interface FloatLanes {
  /** Lanes per vector. */
  readonly lanes: number;
  /** Bytes per lane. */
  readonly bytes: number;
  /** The scalar type of a lane. */
  readonly scalar: FloatOps;
  splat(): Bytes;
  extractLane(lane: number): Bytes;
  eq(): Bytes;
  ne(): Bytes;
  lt(): Bytes;
  gt(): Bytes;
  le(): Bytes;
  ge(): Bytes;
  add(): Bytes;
  sub(): Bytes;
  mul(): Bytes;
  div(): Bytes;
  /** IEEE minimum/maximum: NaN propagates, -0 < +0 (several machine instructions on x86). */
  min(): Bytes;
  max(): Bytes;
  /** Pseudo-minimum b < a ? b : a and pseudo-maximum a < b ? b : a: one instruction on x86. */
  pmin(): Bytes;
  pmax(): Bytes;
  floor(): Bytes;
  nearest(): Bytes;
  abs(): Bytes;
  /** Whether every lane of a comparison mask (lanes of this width) is set: an i32. */
  allTrue(): Bytes;
  /** A float vector loaded from memory as this lane type's scalar broadcast. */
  loadSplat(offset?: number): Bytes;
}

export const f32x4: FloatLanes = {
  lanes: 4,
  bytes: 4,
  scalar: f32,
  splat: () => simd(0x13),
  extractLane: (lane) => simd(0x1f, lane),
  eq: () => simd(0x41),
  ne: () => simd(0x42),
  lt: () => simd(0x43),
  gt: () => simd(0x44),
  le: () => simd(0x45),
  ge: () => simd(0x46),
  add: () => simd(0xe4),
  sub: () => simd(0xe5),
  mul: () => simd(0xe6),
  div: () => simd(0xe7),
  min: () => simd(0xe8),
  max: () => simd(0xe9),
  pmin: () => simd(0xea),
  pmax: () => simd(0xeb),
  floor: () => simd(0x68),
  nearest: () => simd(0x6a),
  abs: () => simd(0xe0),
  allTrue: () => simd(0xa3),
  loadSplat: (offset = 0) => v128.load32Splat(offset),
};

export const f64x2: FloatLanes = {
  lanes: 2,
  bytes: 8,
  scalar: f64,
  splat: () => simd(0x14),
  extractLane: (lane) => simd(0x21, lane),
  eq: () => simd(0x47),
  ne: () => simd(0x48),
  lt: () => simd(0x49),
  gt: () => simd(0x4a),
  le: () => simd(0x4b),
  ge: () => simd(0x4c),
  add: () => simd(0xf0),
  sub: () => simd(0xf1),
  mul: () => simd(0xf2),
  div: () => simd(0xf3),
  min: () => simd(0xf4),
  max: () => simd(0xf5),
  pmin: () => simd(0xf6),
  pmax: () => simd(0xf7),
  floor: () => simd(0x75),
  nearest: () => simd(0x94),
  abs: () => simd(0xec),
  allTrue: () => simd(0xc3),
  loadSplat: (offset = 0) => v128.load64Splat(offset),
};

/** SIMD integer and conversion instructions (exponent-field arithmetic, lane conversions). */
export const ix = {
  i32x4Splat: (): Bytes => simd(0x11),
  /** One i32 lane as a scalar i32. */
  i32x4ExtractLane: (lane: number): Bytes => simd(0x1b, lane),
  i32x4Add: (): Bytes => simd(0xae),
  i32x4Sub: (): Bytes => simd(0xb1),
  i32x4Shl: (): Bytes => simd(0xab),
  i32x4ShrS: (): Bytes => simd(0xac),
  i64x2Splat: (): Bytes => simd(0x12),
  i64x2Add: (): Bytes => simd(0xce),
  i64x2Shl: (): Bytes => simd(0xcb),
  i64x2ShrU: (): Bytes => simd(0xcd),
  /** Sign-extends the two low i32 lanes to i64. */
  i64x2ExtendLowI32x4S: (): Bytes => simd(0xc7),
  i32x4TruncSatF32x4S: (): Bytes => simd(0xf8),
  /** The two f64 lanes truncated (saturating) to the two low i32 lanes; the high lanes zero. */
  i32x4TruncSatF64x2SZero: (): Bytes => simd(0xfc),
  /** The two low f32 lanes widened to f64. */
  f64x2PromoteLowF32x4: (): Bytes => simd(0x5f),
};

/**
 * Vector constants held in locals, set once before a kernel's loop: V8 builds a `v128.const`
 * from immediates every time it executes, which costs more than the arithmetic in a
 * polynomial-heavy loop body.
 */
export class ConstPool {
  private readonly byKey = new Map<string, number>();
  private readonly init: Bytes = [];
  constructor(private readonly locals: Locals) {}

  /** Pushes the constant vector (built by `make`, keyed by `key`). */
  get(key: string, make: () => Bytes): Bytes {
    let i = this.byKey.get(key);
    if (i === undefined) {
      i = this.locals.add(ValType.v128);
      this.byKey.set(key, i);
      this.init.push(...make(), ...local.set(i));
    }
    return local.get(i);
  }

  /** Pushes a float constant splat over the lanes. */
  float(lanes: FloatLanes, x: number): Bytes {
    return this.get(`f${lanes.lanes}:${x}`, () => splatConst(lanes, x));
  }

  /** The instructions setting every constant used so far (run them before the loop). */
  prologue(): Bytes {
    return this.init.slice();
  }
}
