import { registerBinaryExpr, registerUnaryExpr } from "./elementwise.js";

// The `js` kernels of ops/nn.ts.

// log(1 + e^x) without overflow for large x or loss of precision for very negative x.
registerUnaryExpr("softplus", "(x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)))");

// max(x, 0) keeping NaN; the gradient of relu from its output y: dy where y > 0.
registerUnaryExpr("relu", "(x > 0 || x !== x ? x : 0)");
registerBinaryExpr("reluGrad", "(y > 0 ? x : 0)");
