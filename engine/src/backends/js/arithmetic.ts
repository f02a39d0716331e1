import { registerBinaryExpr, registerUnaryExpr } from "./elementwise.js";

// The `js` backend's expressions for the arithmetic ops (ops/arithmetic.ts). Integer results
// are stored into Int32Array/Uint8Array, whose stores wrap like C integers; int32 products use
// Math.imul because a double cannot hold every 62-bit product exactly.

registerBinaryExpr("add", { default: "x + y", bool: "x | y" });
registerBinaryExpr("sub", "x - y");
registerBinaryExpr("mul", { default: "x * y", int32: "Math.imul(x, y)", bool: "x & y" });
registerBinaryExpr("div", "x / y");
registerBinaryExpr("pow", { default: "x ** y", int32: "(x ** y) | 0" });
// Python-style remainder: fmod, then moved into the divisor's sign. x % 0 is NaN, stored as 0
// in integer results (NumPy also gives 0).
registerBinaryExpr("mod", "(x % y !== 0 && (x % y < 0) !== (y < 0) ? (x % y) + y : (x % y) + 0 * y)");
registerBinaryExpr("floorDiv", "Math.floor(x / y)");
registerUnaryExpr("neg", "-x");
registerUnaryExpr("abs", "Math.abs(x)");
registerUnaryExpr("sign", "(x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : x)");
registerUnaryExpr("reciprocal", { default: "1 / x", int32: "(1 / x) | 0", uint8: "(1 / x) | 0" });
