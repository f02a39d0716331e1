import { registerBinaryExpr, registerUnaryExpr } from "./elementwise.js";

// The `js` backend's expressions for ops/math.ts. Functions that need more than an expression
// are in special.ts.
import "./special.js";

const unary: Record<string, string> = {
  copy: "x",
  sqrt: "Math.sqrt(x)",
  cbrt: "Math.cbrt(x)",
  square: "x * x",
  exp: "Math.exp(x)",
  exp2: "2 ** x",
  expm1: "Math.expm1(x)",
  log: "Math.log(x)",
  log1p: "Math.log1p(x)",
  log2: "Math.log2(x)",
  log10: "Math.log10(x)",
  sin: "Math.sin(x)",
  cos: "Math.cos(x)",
  tan: "Math.tan(x)",
  arcsin: "Math.asin(x)",
  arccos: "Math.acos(x)",
  arctan: "Math.atan(x)",
  sinh: "Math.sinh(x)",
  cosh: "Math.cosh(x)",
  tanh: "Math.tanh(x)",
  arcsinh: "Math.asinh(x)",
  arccosh: "Math.acosh(x)",
  arctanh: "Math.atanh(x)",
  deg2rad: "x * (Math.PI / 180)",
  rad2deg: "x * (180 / Math.PI)",
  floor: "Math.floor(x)",
  ceil: "Math.ceil(x)",
  trunc: "Math.trunc(x)",
  // Round half to even: Math.round rounds halves up, so step back when x sits exactly on a half
  // whose upper neighbour is odd.
  rint: "__tbRound(x, 0)",
  expit: "(x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)))",
  logit: "Math.log(x / (1 - x))",
  erf: "__tbErf(x)",
  erfc: "__tbErfc(x)",
};
for (const [op, e] of Object.entries(unary)) registerUnaryExpr(op, e);

registerUnaryExpr("round", "__tbRound(x, p)");

registerBinaryExpr("arctan2", "Math.atan2(x, y)");
registerBinaryExpr("hypot", "Math.hypot(x, y)");
registerBinaryExpr("maximum", "(x > y || x !== x ? x : y)");
registerBinaryExpr("minimum", "(x < y || x !== x ? x : y)");
registerBinaryExpr("fmax", "(x > y || y !== y ? x : y)");
registerBinaryExpr("fmin", "(x < y || y !== y ? x : y)");
registerBinaryExpr("copysign", "((y < 0 || Object.is(y, -0)) ? -Math.abs(x) : Math.abs(x))");
