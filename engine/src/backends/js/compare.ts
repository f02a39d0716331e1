import { allocate } from "../../core/dtype.js";
import { gather, hostOf, readHost } from "../../core/host.js";
import { registerKernel } from "../../core/registry.js";
import { Tensor } from "../../core/tensor.js";
import type { ElementwiseAttrs } from "../../ops/elementwise.js";
import { registerBinaryExpr, registerUnaryExpr } from "./elementwise.js";

// The `js` backend's kernels for ops/compare.ts.

registerBinaryExpr("eq", "x === y");
registerBinaryExpr("ne", "x !== y");
registerBinaryExpr("lt", "x < y");
registerBinaryExpr("le", "x <= y");
registerBinaryExpr("gt", "x > y");
registerBinaryExpr("ge", "x >= y");
registerBinaryExpr("logicalAnd", "x !== 0 && y !== 0");
registerBinaryExpr("logicalOr", "x !== 0 || y !== 0");
registerBinaryExpr("logicalXor", "(x !== 0) !== (y !== 0)");
registerUnaryExpr("logicalNot", "x === 0");
registerUnaryExpr("isnan", "x !== x");
registerUnaryExpr("isinf", "x === Infinity || x === -Infinity");
registerUnaryExpr("isfinite", "x - x === 0");

registerKernel<ElementwiseAttrs>("where", "js", ([c, x, y], { dtype }) => {
  // Operands arrive broadcast to one shape; gathering makes them row-major for a single loop.
  const cd = gather(hostOf(c).data, c.shape, c.strides, c.offset, "bool");
  const xd = gather(hostOf(x).data, x.shape, x.strides, x.offset, dtype);
  const yd = gather(hostOf(y).data, y.shape, y.strides, y.offset, dtype);
  const out = allocate(dtype, cd.length);
  for (let i = 0; i < cd.length; i++) out[i] = cd[i] ? xd[i] : yd[i];
  return Tensor.fromTypedArray(out, c.shape, dtype);
});

// Flat positions of a bool array's true elements, without a branch per element (a random mask
// mispredicts half of them): every position is written, the cursor advances by the 0/1 value.
function truePositions(data: Uint8Array): Int32Array {
  let count = 0;
  for (let i = 0; i < data.length; i++) count += data[i];
  const pos = new Int32Array(count + 1);
  let k = 0;
  for (let i = 0; i < data.length; i++) {
    pos[k] = i;
    k += data[i];
  }
  return pos.subarray(0, count);
}

registerKernel("nonzero", "js", ([a]) => {
  const data = readHost(a);
  if (a.dtype === "bool" && data instanceof Uint8Array) {
    // Bool data are 0/1 bytes: the positions, then unravelled per axis.
    const pos = truePositions(data);
    const count = pos.length;
    const nd = a.ndim;
    if (nd === 1) return Tensor.fromTypedArray(pos.slice(), [1, count], "int32");
    const out = new Int32Array(nd * count);
    for (let k = 0; k < count; k++) {
      let rest = pos[k];
      for (let d = nd - 1; d >= 0; d--) {
        const n = a.shape[d];
        const q = Math.floor(rest / n);
        out[d * count + k] = rest - q * n;
        rest = q;
      }
    }
    return Tensor.fromTypedArray(out, [nd, count], "int32");
  }
  let count = 0;
  for (let i = 0; i < data.length; i++) if (data[i] !== 0) count++;
  const nd = a.ndim;
  const out = new Int32Array(nd * count);
  const idx = new Array<number>(nd).fill(0);
  let k = 0;
  for (let i = 0; i < data.length; i++) {
    if (data[i] !== 0) {
      for (let d = 0; d < nd; d++) out[d * count + k] = idx[d];
      k++;
    }
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < a.shape[d]) break;
      idx[d] = 0;
    }
  }
  return Tensor.fromTypedArray(out, [nd, count], "int32");
});
