/**
 * WebAssembly SIMD kernels of the binary arithmetic ops on one dtype. A kernel works in place on
 * the module's memory: `x[i] = op(x[i], y[i])` for `n` elements (`vv`), or with `y` a scalar
 * broadcast from one memory slot (`vs`: `op(x[i], s)`, `sv`: `op(s, x[i])`). Every result is the
 * bit pattern the JavaScript loop stores: add/sub/mul/div are exactly rounded either way (float32
 * included: a float64 result of float32 operands rounds to the same float32),
 * and maximum/minimum spell out the JS expressions' NaN and signed-zero choices.
 */
import { Locals, ValType, type Bytes, type WasmFunction } from "../../../wasm/assembler.js";
import { code, i32, local, v128, whileBelow, type FloatLanes } from "../../../wasm/instructions.js";

/** The binary ops with a WebAssembly kernel. */
export const WASM_BINARY_OPS = ["add", "sub", "mul", "div", "maximum", "minimum"] as const;
export type WasmBinaryOp = (typeof WASM_BINARY_OPS)[number];

/** How the second operand is given: a vector, or a scalar on one side. */
export type BinaryMode = "vv" | "vs" | "sv";

/** Bytes processed per loop pass: two vectors, so memory regions are multiples of 32 bytes. */
export const STEP_BYTES = 32;

// Pushes op(x, y) for the v128 locals x and y.
function apply(op: WasmBinaryOp, L: FloatLanes, x: number, y: number): Bytes {
  const xy = code(local.get(x), local.get(y));
  switch (op) {
    case "add":
      return code(xy, L.add());
    case "sub":
      return code(xy, L.sub());
    case "mul":
      return code(xy, L.mul());
    case "div":
      return code(xy, L.div());
    // JS: (x > y || x !== x ? x : y), so a NaN in either wins and ties keep y.
    case "maximum":
    case "minimum":
      return code(
        xy,
        xy,
        op === "maximum" ? L.gt() : L.lt(),
        code(local.get(x), local.get(x), L.ne()),
        v128.or(),
        v128.bitselect(),
      );
  }
}

/** The kernel `${op}_${mode}_${f64|f32}(x, y, n)`; x and y are byte addresses. */
export function binaryKernel(op: WasmBinaryOp, L: FloatLanes, mode: BinaryMode): WasmFunction {
  const params = [ValType.i32, ValType.i32, ValType.i32];
  const [X, Y, N] = [0, 1, 2];
  const loc = new Locals(params);
  const end = loc.add(ValType.i32);
  const a = loc.add(ValType.v128);
  const b = loc.add(ValType.v128);
  const pass: Bytes = [];
  for (const off of [0, 16]) {
    pass.push(...code(local.get(X), v128.load(off), local.set(a)));
    if (mode === "vv") pass.push(...code(local.get(Y), v128.load(off), local.set(b)));
    pass.push(
      ...code(local.get(X), mode === "sv" ? apply(op, L, b, a) : apply(op, L, a, b), v128.store(off)),
    );
  }
  if (mode === "vv") pass.push(...code(local.get(Y), i32.const(STEP_BYTES), i32.add(), local.set(Y)));
  const body = code(
    // The tail is rounded up to whole passes: the regions are padded, the extra lanes ignored.
    code(local.get(N), i32.const(L.bytes), i32.mul(), i32.const(STEP_BYTES - 1), i32.add()),
    code(i32.const(-STEP_BYTES), i32.and(), local.get(X), i32.add(), local.set(end)),
    mode === "vv" ? [] : code(local.get(Y), L.loadSplat(), local.set(b)),
    whileBelow(X, end, STEP_BYTES, pass),
  );
  const suffix = L.lanes === 2 ? "f64" : "f32";
  return { name: `${op}_${mode}_${suffix}`, params, results: [], locals: loc.types, body };
}

/**
 * The kernel `muladd_${f64|f32}(x, y, z, n)`: `x[i] = x[i] * y[i] + z[i]`, the product rounded
 * before the sum, so the bits are those of `mul` then `add`.
 */
export function mulAddKernel(L: FloatLanes): WasmFunction {
  const params = [ValType.i32, ValType.i32, ValType.i32, ValType.i32];
  const [X, Y, Z, N] = [0, 1, 2, 3];
  const loc = new Locals(params);
  const end = loc.add(ValType.i32);
  const pass: Bytes = [];
  for (const off of [0, 16]) {
    pass.push(
      ...code(local.get(X), local.get(X), v128.load(off), local.get(Y), v128.load(off), L.mul()),
      ...code(local.get(Z), v128.load(off), L.add(), v128.store(off)),
    );
  }
  pass.push(
    ...code(local.get(Y), i32.const(STEP_BYTES), i32.add(), local.set(Y)),
    ...code(local.get(Z), i32.const(STEP_BYTES), i32.add(), local.set(Z)),
  );
  const body = code(
    code(local.get(N), i32.const(L.bytes), i32.mul(), i32.const(STEP_BYTES - 1), i32.add()),
    code(i32.const(-STEP_BYTES), i32.and(), local.get(X), i32.add(), local.set(end)),
    whileBelow(X, end, STEP_BYTES, pass),
  );
  return { name: `muladd_${L.lanes === 2 ? "f64" : "f32"}`, params, results: [], locals: loc.types, body };
}
