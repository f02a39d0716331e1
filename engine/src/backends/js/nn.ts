import { registerUnaryExpr } from "./elementwise.js";

// The `js` kernels of ops/nn.ts.

// log(1 + e^x) without overflow for large x or loss of precision for very negative x.
registerUnaryExpr("softplus", "(x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)))");
