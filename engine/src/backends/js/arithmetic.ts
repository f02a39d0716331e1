import { registerBinaryExpr, registerUnaryExpr } from "./elementwise.js";

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
