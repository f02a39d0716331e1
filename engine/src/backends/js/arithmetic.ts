import { allocate } from "../../core/dtype.js";
import { hostOf } from "../../core/host.js";
import { kernelFor, registerKernel } from "../../core/registry.js";
import { Tensor } from "../../core/tensor.js";
import type { ElementwiseAttrs } from "../../ops/elementwise.js";
import { registerBinaryExpr, registerUnaryExpr } from "./elementwise.js";
import { wasmMulAdd } from "./wasm/elementwise-driver.js";

// The `js` backend's expressions for the arithmetic ops (ops/arithmetic.ts). Integer results
// are stored into Int32Array/Uint8Array, whose stores wrap like C integers; int32 products use
// Math.imul because a double cannot hold every 62-bit product exactly.

registerBinaryExpr("add", { default: "x + y", bool: "x | y" });
registerBinaryExpr("sub", "x - y");
registerBinaryExpr("mul", { default: "x * y", int32: "Math.imul(x, y)", bool: "x & y" });
registerBinaryExpr("div", "x / y");
registerBinaryExpr("pow", { default: "__tbPow(x, y)", int32: "(x ** y) | 0", uint8: "x ** y" });
// Python-style remainder and floor division. Integer operands divide exactly in doubles; x % 0
// and x // 0 are NaN/Infinity, which integer stores turn into 0, as NumPy gives.
const intMod = "(x % y !== 0 && (x % y < 0) !== (y < 0) ? (x % y) + y : x % y)";
registerBinaryExpr("mod", { default: "__tbMod(x, y)", int32: intMod, uint8: intMod, bool: intMod });
const intFloorDiv = "Math.floor(x / y)";
registerBinaryExpr("floorDiv", {
  default: "__tbFloorDiv(x, y)",
  int32: intFloorDiv,
  uint8: intFloorDiv,
  bool: intFloorDiv,
});
registerUnaryExpr("neg", "-x");
registerUnaryExpr("abs", "Math.abs(x)");
registerUnaryExpr("sign", "(x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : x)");
registerUnaryExpr("reciprocal", { default: "1 / x", int32: "(1 / x) | 0", uint8: "(1 / x) | 0" });

// a * b + c (float operands of the result dtype, broadcast to one shape): one SIMD pass when all
// three are contiguous, otherwise this backend's `mul` then `add`, which the pass matches bit for
// bit.
registerKernel<ElementwiseAttrs>("mulAdd", "js", (inputs, attrs) => {
  const [a, b, c] = inputs;
  const out = allocate(attrs.dtype, a.size);
  const op = (t: Tensor) => ({ data: hostOf(t).data, offset: t.offset, strides: t.strides });
  if (wasmMulAdd(attrs.dtype, out, a.shape, op(a), op(b), op(c))) {
    return Tensor.fromTypedArray(out, a.shape, attrs.dtype);
  }
  const step = (name: string, x: Tensor, y: Tensor): Tensor => {
    const k = kernelFor<ElementwiseAttrs>(name, "js");
    if (!k) throw new Error(`no js kernel for '${name}'`);
    return k([x, y], attrs);
  };
  return step("add", step("mul", a, b), c);
});
