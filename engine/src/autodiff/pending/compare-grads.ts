// TEMPORARY: moves to the bottom of ops/compare.ts (see README.md here).
import { where } from "../../ops/compare.js";
import { registerGradient } from "../registry.js";

// `where(cond, x, y)`: the gradient goes to the operand each element was taken from.
registerGradient("where", (dy, [cond], _attrs, _out, needs) => [
  null,
  needs[1] ? where(cond, dy, 0) : null,
  needs[2] ? where(cond, 0, dy) : null,
]);
