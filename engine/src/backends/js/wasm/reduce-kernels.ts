/**
 * WebAssembly SIMD reduction kernels over float64 or float32 data in the module's memory. They
 * reproduce the JavaScript loops of `../reduce-loops.ts` operation for operation, so both paths
 * give the same bits:
 *
 * - `pw_T(p, n) → f64`: NumPy's pairwise sum (8 accumulators as four f64x2 vectors in blocks of
 *   up to 128, halves split at multiples of 8), in float64 whatever T (float32 lanes are
 *   widened first, as JS reads them as doubles);
 * - `sumrows_T(p, rows, B, out)`: `pw` of each of `rows` rows of B elements, as f64 at `out`;
 * - `colsum_T(p, rows, M, acc)`: adds `rows` rows of M elements into the M float64 accumulators
 *   at `acc`, four rows at a time as (r0 + r1) + (r2 + r3), then one by one;
 * - `argmax_T(p, n) → i32` / `argmin_T`: the index of the first maximum (minimum), or of the
 *   first NaN if there is one (NumPy's rule). One vector pass finds the extreme value and a
 *   running sum, a second stops at the value's first occurrence by equality alone; a sum that is
 *   not finite (a NaN or an infinity in the row, or an overflow) hands the row to
 *   `argmaxexact_T` / `argminexact_T`, which tracks NaNs in both passes;
 * - `argmaxrows_T(p, rows, B, out)` / `argminrows_T`: that index for each row, as i32 at `out`;
 * - `argmaxcols_T(p, rows, M, acc, row0)` / `argmincols_T`: folds `rows` rows of M elements into
 *   running per-column extremes at `acc` (lane type T) and their row indices at acc + `half`
 *   (integer lanes of T's width, the index in the low 32 bits), numbering the rows from row0. A
 *   column takes a row's element when it beats the running value, or is a NaN where the running
 *   value is not, so the first extreme and the first NaN stay (NumPy's rule).
 */
import { Locals, ValType, type Bytes, type WasmFunction } from "../../../wasm/assembler.js";
import {
  code,
  ctl,
  f32,
  f64,
  f64x2,
  i32,
  i64,
  ix,
  local,
  v128,
  whileBelow,
  type FloatLanes,
} from "../../../wasm/instructions.js";

const suffix = (L: FloatLanes): string => (L.lanes === 2 ? "f64" : "f32");

// Pushes the element at address `p` + offset as an f64.
function loadF64(L: FloatLanes, p: number, offset = 0): Bytes {
  return L.lanes === 2
    ? code(local.get(p), f64.load(offset))
    : code(local.get(p), f32.load(offset), f32.promote());
}

// Pushes elements [2j, 2j+1] of the 8 at address `p` as one f64x2 (j = 0..3).
function pairF64(L: FloatLanes, p: number, j: number): Bytes {
  if (L.lanes === 2) return code(local.get(p), v128.load(16 * j));
  const load = code(local.get(p), v128.load(16 * (j >> 1)));
  if (j % 2 === 0) return code(load, ix.f64x2PromoteLowF32x4());
  // Move lanes 2–3 down before widening.
  const high = [8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15];
  return code(load, load, v128.shuffle(high), ix.f64x2PromoteLowF32x4());
}

/** `pw_T(p, n) → f64`, recursive; `self` is its own function index. */
export function pairwiseKernel(L: FloatLanes, self: number): WasmFunction {
  const params = [ValType.i32, ValType.i32];
  const [P, N] = [0, 1];
  const loc = new Locals(params);
  const q = loc.add(ValType.i32);
  const end = loc.add(ValType.i32);
  const n2 = loc.add(ValType.i32);
  const r = loc.add(ValType.f64);
  const acc = [loc.add(ValType.v128), loc.add(ValType.v128), loc.add(ValType.v128), loc.add(ValType.v128)];
  const e = L.bytes;
  // r += each element from q up to p + n·e
  const serialTail = code(
    code(local.get(P), local.get(N), i32.const(e), i32.mul(), i32.add(), local.set(end)),
    whileBelow(q, end, e, code(local.get(r), loadF64(L, q), f64.add(), local.set(r))),
  );
  const lane = (v: number, k: number): Bytes => code(local.get(v), f64x2.extractLane(k));
  const pair = (v: number): Bytes => code(lane(v, 0), lane(v, 1), f64.add());
  const small = code(
    code(local.get(N), i32.const(8), i32.ltS(), ctl.if()),
    code(f64.const(0), local.set(r), local.get(P), local.set(q), serialTail, local.get(r), ctl.return()),
    ctl.end(),
  );
  const leaf = code(
    code(local.get(N), i32.const(128), i32.leS(), ctl.if()),
    ...acc.map((v, j) => code(pairF64(L, P, j), local.set(v))),
    // q = p + 8e; end = p + (n − n mod 8)·e
    code(local.get(P), i32.const(8 * e), i32.add(), local.set(q)),
    code(
      local.get(P),
      local.get(N),
      i32.const(-8),
      i32.and(),
      i32.const(e),
      i32.mul(),
      i32.add(),
      local.set(end),
    ),
    whileBelow(
      q,
      end,
      8 * e,
      code(...acc.map((v, j) => code(local.get(v), pairF64(L, q, j), f64x2.add(), local.set(v)))),
    ),
    // ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
    code(
      pair(acc[0]),
      pair(acc[1]),
      f64.add(),
      pair(acc[2]),
      pair(acc[3]),
      f64.add(),
      f64.add(),
      local.set(r),
    ),
    serialTail,
    code(local.get(r), ctl.return()),
    ctl.end(),
  );
  const split = code(
    code(local.get(N), i32.const(1), i32.shrU(), i32.const(-8), i32.and(), local.set(n2)),
    code(local.get(P), local.get(n2), ctl.call(self)),
    code(local.get(P), local.get(n2), i32.const(e), i32.mul(), i32.add()),
    code(local.get(N), local.get(n2), i32.sub(), ctl.call(self), f64.add()),
  );
  return {
    name: `pw_${suffix(L)}`,
    params,
    results: [ValType.f64],
    locals: loc.types,
    body: code(small, leaf, split),
  };
}

/** A loop over `rows` rows: calls `fn(p, B)` for each and stores its result at out (`width` bytes each). */
function rowsKernel(exportName: string, L: FloatLanes, fn: number, result: "f64" | "i32"): WasmFunction {
  const params = [ValType.i32, ValType.i32, ValType.i32, ValType.i32];
  const [P, ROWS, B, OUT] = [0, 1, 2, 3];
  const loc = new Locals(params);
  const end = loc.add(ValType.i32);
  const width = result === "f64" ? 8 : 4;
  const body = code(
    code(local.get(OUT), local.get(ROWS), i32.const(width), i32.mul(), i32.add(), local.set(end)),
    whileBelow(
      OUT,
      end,
      width,
      code(
        code(
          local.get(OUT),
          local.get(P),
          local.get(B),
          ctl.call(fn),
          result === "f64" ? f64.store() : i32.store(),
        ),
        code(local.get(P), local.get(B), i32.const(L.bytes), i32.mul(), i32.add(), local.set(P)),
      ),
    ),
  );
  return { name: exportName, params, results: [], locals: loc.types, body };
}

/** `sumrows_T(p, rows, B, out)` calling `pw_T` (function index `pw`). */
export function sumRowsKernel(L: FloatLanes, pw: number): WasmFunction {
  return rowsKernel(`sumrows_${suffix(L)}`, L, pw, "f64");
}

/** `argmaxrows_T` / `argminrows_T` calling the single-row kernel at index `arg`. */
export function argRowsKernel(L: FloatLanes, kind: "max" | "min", arg: number): WasmFunction {
  return rowsKernel(`arg${kind}rows_${suffix(L)}`, L, arg, "i32");
}

/** Vectors per pass of the extreme kernels: independent accumulators hide pmax's latency. */
const ARG_UNROLL = 4;

/**
 * What the two extreme kernels share: their locals (`p`, `n`, the bounds of the block, vector
 * and scalar loops, U running extremes, a scratch vector) and the code around their first pass.
 */
class ArgFrame {
  readonly P = 0;
  readonly N = 1;
  readonly loc = new Locals([ValType.i32, ValType.i32]);
  readonly q = this.loc.add(ValType.i32);
  readonly bend = this.loc.add(ValType.i32);
  readonly vend = this.loc.add(ValType.i32);
  readonly end = this.loc.add(ValType.i32);
  readonly ms = Array.from({ length: ARG_UNROLL }, () => this.loc.add(ValType.v128));
  readonly m = this.ms[0];
  readonly x = this.loc.add(ValType.v128);
  // pmax(m, x) = m < x ? x : m (pmin alike) keeps m when x is NaN.
  readonly ext: Bytes;
  readonly e: number;
  readonly block = 16 * ARG_UNROLL;

  constructor(
    readonly L: FloatLanes,
    kind: "max" | "min",
  ) {
    this.ext = kind === "max" ? L.pmax() : L.pmin();
    this.e = L.bytes;
  }

  /** end = p + n·e; vend = p + (n − n mod lanes)·e; bend = p + (n − n mod (U·lanes))·e; q = p. */
  bounds(): Bytes {
    const { L, P, N, e } = this;
    const to = (multiple: number, out: number): Bytes =>
      code(
        local.get(P),
        local.get(N),
        i32.const(-multiple),
        i32.and(),
        i32.const(e),
        i32.mul(),
        i32.add(),
        local.set(out),
      );
    return code(
      code(local.get(P), local.get(N), i32.const(e), i32.mul(), i32.add(), local.set(this.end)),
      to(L.lanes, this.vend),
      to(ARG_UNROLL * L.lanes, this.bend),
      code(local.get(P), L.loadSplat(), local.set(this.m), local.get(P), local.set(this.q)),
      code(...this.ms.slice(1).map((mi) => code(local.get(this.m), local.set(mi)))),
    );
  }

  /** m_i = ext(m_i, x) for the vector `load` pushes, leaving it in x. */
  fold(i: number, load: Bytes): Bytes {
    return code(local.get(this.ms[i]), load, local.tee(this.x), this.ext, local.set(this.ms[i]));
  }

  /** The vector at q + 16·i. */
  at(i = 0): Bytes {
    return code(local.get(this.q), v128.load(16 * i));
  }

  /** One element at q, in every lane. */
  one(): Bytes {
    return code(local.get(this.q), this.L.loadSplat());
  }

  /** m = ext over the U accumulators, then over its lanes, so every lane holds the extreme. */
  combine(): Bytes {
    const { m, ext, L } = this;
    // Swaps halves, then (f32) neighbours.
    const halves = [8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7];
    const pairs = [4, 5, 6, 7, 0, 1, 2, 3, 12, 13, 14, 15, 8, 9, 10, 11];
    return code(
      code(...this.ms.slice(1).map((mi) => code(local.get(m), local.get(mi), ext, local.set(m)))),
      code(local.get(m), local.get(m), local.get(m), v128.shuffle(halves), ext, local.set(m)),
      L.lanes === 4
        ? code(local.get(m), local.get(m), local.get(m), v128.shuffle(pairs), ext, local.set(m))
        : [],
    );
  }

  /**
   * Pass 2, returning the index: the first block holding an element `hit` accepts (it pushes an
   * all-ones lane for one), the first vector in it, then the first element. A hit must exist.
   */
  firstHit(hit: (load: Bytes) => Bytes): Bytes {
    const { P, q, bend, vend, block, e } = this;
    return code(
      code(local.get(P), local.set(q)),
      code(ctl.block(), local.get(q), local.get(bend), i32.geS(), ctl.brIf(0), ctl.loop()),
      code(
        ...this.ms.map((_, i) => code(hit(this.at(i)), i > 0 ? v128.or() : [])),
        v128.anyTrue(),
        ctl.brIf(1),
      ),
      code(local.get(q), i32.const(block), i32.add(), local.tee(q), local.get(bend), i32.ltS(), ctl.brIf(0)),
      code(ctl.end(), ctl.end()),
      code(ctl.block(), local.get(q), local.get(vend), i32.geS(), ctl.brIf(0), ctl.loop()),
      code(hit(this.at()), v128.anyTrue(), ctl.brIf(1)),
      code(local.get(q), i32.const(16), i32.add(), local.tee(q), local.get(vend), i32.ltS(), ctl.brIf(0)),
      code(ctl.end(), ctl.end()),
      code(ctl.loop(), hit(this.one()), v128.anyTrue(), i32.eqz()),
      code(ctl.if(), local.get(q), i32.const(e), i32.add(), local.set(q), ctl.br(1), ctl.end(), ctl.end()),
      code(local.get(q), local.get(P), i32.sub(), i32.const(e === 8 ? 3 : 2), i32.shrU()),
    );
  }

  kernel(name: string, body: Bytes): WasmFunction {
    return { name, params: [ValType.i32, ValType.i32], results: [ValType.i32], locals: this.loc.types, body };
  }
}

/**
 * `argmax_T(p, n) → i32` or `argmin_T`; n ≥ 1. The common case, a row of finite numbers, needs
 * neither NaN flags in the first pass nor a NaN test in the second: a running sum (one add per
 * vector) shows whether the row is all finite, and only a row that is not goes to the exact
 * kernel at function index `exact`.
 */
export function argFastKernel(L: FloatLanes, kind: "max" | "min", exact: number): WasmFunction {
  const f = new ArgFrame(L, kind);
  const { P, N, q, x } = f;
  const ss = f.ms.map(() => f.loc.add(ValType.v128));
  // m_i = ext(m_i, x); s_i += x
  const step = (i: number, load: Bytes): Bytes =>
    code(f.fold(i, load), local.get(ss[i]), local.get(x), L.add(), local.set(ss[i]));
  const body = code(
    f.bounds(),
    // Pass 1: the extreme of the numbers (a NaN never replaces it) and the sums.
    code(...ss.map((si) => code(v128.const(new Uint8Array(16)), local.set(si)))),
    whileBelow(q, f.bend, f.block, code(...f.ms.map((_, i) => step(i, f.at(i))))),
    whileBelow(q, f.vend, 16, step(0, f.at())),
    whileBelow(q, f.end, f.e, step(0, f.one())),
    f.combine(),
    // s − s is 0 in every lane only when every sum is finite; otherwise the exact kernel decides.
    code(...ss.slice(1).map((si) => code(local.get(ss[0]), local.get(si), L.add(), local.set(ss[0])))),
    code(local.get(ss[0]), local.get(ss[0]), L.sub(), local.tee(x), local.get(x), L.ne(), v128.anyTrue()),
    code(ctl.if(), local.get(P), local.get(N), ctl.call(exact), ctl.return(), ctl.end()),
    f.firstHit((load) => code(load, local.get(f.m), L.eq())),
  );
  return f.kernel(`arg${kind}_${suffix(L)}`, body);
}

/** `argmaxexact_T(p, n) → i32` or `argminexact_T`, NaNs tracked in both passes; n ≥ 1. */
export function argKernel(L: FloatLanes, kind: "max" | "min"): WasmFunction {
  const f = new ArgFrame(L, kind);
  const { q, x, m } = f;
  const nan = f.loc.add(ValType.v128);
  // The NaN flag of the vector just folded: x != x.
  const flag = code(local.get(x), local.get(x), L.ne());
  // nan |= the flags of a whole block (one dependency on nan per block).
  const blockStep = code(
    ...f.ms.map((_, i) => code(f.fold(i, f.at(i)), flag, i > 0 ? v128.or() : [])),
    code(local.get(nan), v128.or(), local.set(nan)),
  );
  const single = (load: Bytes): Bytes =>
    code(f.fold(0, load), flag, local.get(nan), v128.or(), local.set(nan));
  // Pass 2 tests: x == m, or x is NaN where a NaN decides (then m is NaN and matches nothing).
  const hit = (load: Bytes): Bytes =>
    code(load, local.tee(x), local.get(m), L.eq(), flag, local.get(nan), v128.and(), v128.or());
  const body = code(
    f.bounds(),
    // Pass 1: m = the extreme of the numbers; nan flags a NaN anywhere.
    code(v128.const(new Uint8Array(16)), local.set(nan)),
    whileBelow(q, f.bend, f.block, blockStep),
    whileBelow(q, f.vend, 16, single(f.at())),
    whileBelow(q, f.end, f.e, single(f.one())),
    f.combine(),
    // A NaN decides: m = NaN matches nothing by equality, nan (all ones) matches NaNs.
    code(local.get(nan), v128.anyTrue(), ctl.if(), L.scalar.const(NaN), L.splat(), local.set(m), ctl.end()),
    code(local.get(m), local.get(m), L.ne(), local.set(nan)),
    f.firstHit(hit),
  );
  return f.kernel(`arg${kind}exact_${suffix(L)}`, body);
}

/** `colsum_T(p, rows, M, acc)`: adds the rows into the float64 accumulators at `acc`. */
export function colSumKernel(L: FloatLanes): WasmFunction {
  const params = [ValType.i32, ValType.i32, ValType.i32, ValType.i32];
  const [P, ROWS, M, ACC] = [0, 1, 2, 3];
  const loc = new Locals(params);
  const e = L.bytes;
  const rowBytes = loc.add(ValType.i32);
  const k = loc.add(ValType.i32);
  const j = loc.add(ValType.i32); // byte offset of the column in a row of the input
  const a = loc.add(ValType.i32); // address of the column's accumulator
  const vend = loc.add(ValType.i32);
  const end = loc.add(ValType.i32);
  const cols = L.lanes; // columns per vector pass: f64: 2 (one f64x2), f32: 4 (two f64x2)
  // Pushes the element(s) of row r at column byte offset j, widened: `half` picks f32 lanes.
  const at = (r: number): Bytes =>
    code(local.get(P), local.get(j), i32.add(), local.get(rowBytes), i32.const(r), i32.mul(), i32.add());
  const vecOf = (r: number, half: number): Bytes => {
    if (L.lanes === 2) return code(at(r), v128.load());
    const ld = code(at(r), v128.load());
    if (half === 0) return code(ld, ix.f64x2PromoteLowF32x4());
    return code(
      ld,
      ld,
      v128.shuffle([8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15]),
      ix.f64x2PromoteLowF32x4(),
    );
  };
  const scal = (r: number): Bytes =>
    L.lanes === 2 ? code(at(r), f64.load()) : code(at(r), f32.load(), f32.promote());
  const vadd = f64x2.add();
  // One pass over the columns of the current row group (`group` rows: 4 or 1).
  const columns = (group: 4 | 1): Bytes => {
    const sumV = (half: number): Bytes =>
      group === 4
        ? code(vecOf(0, half), vecOf(1, half), vadd, vecOf(2, half), vecOf(3, half), vadd, vadd)
        : vecOf(0, half);
    const sumS =
      group === 4 ? code(scal(0), scal(1), f64.add(), scal(2), scal(3), f64.add(), f64.add()) : scal(0);
    const halves = L.lanes === 2 ? [0] : [0, 1];
    return code(
      code(i32.const(0), local.set(j), local.get(ACC), local.set(a)),
      whileBelow(
        j,
        vend,
        cols * e,
        code(
          ...halves.map((h) =>
            code(local.get(a), local.get(a), v128.load(16 * h), sumV(h), vadd, v128.store(16 * h)),
          ),
          code(local.get(a), i32.const(cols * 8), i32.add(), local.set(a)),
        ),
      ),
      whileBelow(
        j,
        end,
        e,
        code(
          code(local.get(a), local.get(a), f64.load(), sumS, f64.add(), f64.store()),
          code(local.get(a), i32.const(8), i32.add(), local.set(a)),
        ),
      ),
    );
  };
  const body = code(
    code(local.get(M), i32.const(e), i32.mul(), local.tee(rowBytes), local.set(end)),
    code(local.get(M), i32.const(-cols), i32.and(), i32.const(e), i32.mul(), local.set(vend)),
    code(i32.const(0), local.set(k)),
    // Four rows at a time while four remain.
    code(ctl.block(), ctl.loop()),
    code(local.get(k), i32.const(4), i32.add(), local.get(ROWS), i32.gtS(), ctl.brIf(1)),
    columns(4),
    code(local.get(P), local.get(rowBytes), i32.const(4), i32.mul(), i32.add(), local.set(P)),
    code(local.get(k), i32.const(4), i32.add(), local.set(k), ctl.br(0), ctl.end(), ctl.end()),
    // Then the rest one by one.
    code(ctl.block(), ctl.loop()),
    code(local.get(k), local.get(ROWS), i32.geS(), ctl.brIf(1)),
    columns(1),
    code(local.get(P), local.get(rowBytes), i32.add(), local.set(P)),
    code(local.get(k), i32.const(1), i32.add(), local.set(k), ctl.br(0), ctl.end(), ctl.end()),
  );
  return { name: `colsum_${suffix(L)}`, params, results: [], locals: loc.types, body };
}

/**
 * `argmaxcols_T(p, rows, M, acc, row0)` or `argmincols_T`; the indices live `half` bytes after
 * the values. Rows are processed in whole vectors: the last vector of a row may read past it and
 * update accumulator lanes past column M, which the caller ignores.
 */
export function argColsKernel(L: FloatLanes, kind: "max" | "min", half: number): WasmFunction {
  const params = [ValType.i32, ValType.i32, ValType.i32, ValType.i32, ValType.i32];
  const [P, ROWS, M, ACC, ROW0] = [0, 1, 2, 3, 4];
  const loc = new Locals(params);
  const rowBytes = loc.add(ValType.i32);
  const vbytes = loc.add(ValType.i32);
  const j = loc.add(ValType.i32);
  const end = loc.add(ValType.i32);
  const ri = loc.add(ValType.v128);
  const one = loc.add(ValType.v128);
  const x = loc.add(ValType.v128);
  const m = loc.add(ValType.v128);
  const mask = loc.add(ValType.v128);
  const e = L.bytes;
  const splat = (v: Bytes): Bytes =>
    L.lanes === 2 ? code(v, i64.extendI32U(), ix.i64x2Splat()) : code(v, ix.i32x4Splat());
  const addIdx = L.lanes === 2 ? ix.i64x2Add() : ix.i32x4Add();
  // Not (x ≤ m) for max (x ≥ m for min) where m is a number: x beats m or x is NaN.
  const notBeaten = kind === "max" ? L.le() : L.ge();
  const column = code(
    code(local.get(P), local.get(j), i32.add(), v128.load(), local.set(x)),
    code(local.get(ACC), local.get(j), i32.add(), v128.load(), local.set(m)),
    code(
      local.get(m),
      local.get(m),
      L.eq(),
      local.get(x),
      local.get(m),
      notBeaten,
      v128.andnot(),
      local.set(mask),
    ),
    code(local.get(ACC), local.get(j), i32.add()),
    code(local.get(x), local.get(m), local.get(mask), v128.bitselect(), v128.store()),
    code(local.get(ACC), local.get(j), i32.add()),
    code(
      local.get(ri),
      local.get(ACC),
      local.get(j),
      i32.add(),
      v128.load(half),
      local.get(mask),
      v128.bitselect(),
    ),
    v128.store(half),
  );
  const body = code(
    code(local.get(M), i32.const(e), i32.mul(), local.set(rowBytes)),
    // vbytes = M·e rounded up to whole vectors
    code(local.get(rowBytes), i32.const(15), i32.add(), i32.const(-16), i32.and(), local.set(vbytes)),
    code(splat(local.get(ROW0)), local.set(ri), splat(i32.const(1)), local.set(one)),
    code(local.get(P), local.get(ROWS), local.get(rowBytes), i32.mul(), i32.add(), local.set(end)),
    whileBelow(
      P,
      end,
      0,
      code(
        code(i32.const(0), local.set(j)),
        whileBelow(j, vbytes, 16, column),
        code(local.get(ri), local.get(one), addIdx, local.set(ri)),
        code(local.get(P), local.get(rowBytes), i32.add(), local.set(P)),
      ),
    ),
  );
  return { name: `arg${kind}cols_${suffix(L)}`, params, results: [], locals: loc.types, body };
}
