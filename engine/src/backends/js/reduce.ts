import { allocate } from "../../core/dtype.js";
import { hostOf } from "../../core/host.js";
import { registerKernel } from "../../core/registry.js";
import { Tensor } from "../../core/tensor.js";
import type { ReduceAttrs } from "../../ops/reduce.js";

// The `js` reduction kernel. The input is viewed with the kept axes first and the reduced axes
// last; each output element then reduces one block, walked with an odometer. Sums accumulate
// in float64 whatever the dtype (more accurate than NumPy's float32 pairwise sums, never less).

type Acc = { init: number; step: (acc: number, x: number) => number; done?: (acc: number) => number };

const ACCUMULATORS: Record<"sum" | "prod" | "max" | "min" | "all" | "any", Acc> = {
  sum: { init: 0, step: (a, x) => a + x },
  prod: { init: 1, step: (a, x) => a * x },
  max: { init: -Infinity, step: (a, x) => (x > a || x !== x ? x : a) },
  min: { init: Infinity, step: (a, x) => (x < a || x !== x ? x : a) },
  all: { init: 1, step: (a, x) => (x !== 0 ? a : 0) },
  any: { init: 0, step: (a, x) => (x !== 0 ? 1 : a) },
};

registerKernel<ReduceAttrs>("reduce", "js", ([a], { kind, axes, dtype }) => {
  const data = hostOf(a).data;
  const kept = [...a.shape.keys()].filter((i) => !axes.includes(i));
  const outShape = kept.map((i) => a.shape[i]);
  const keptStrides = kept.map((i) => a.strides[i]);
  const redShape = axes.map((i) => a.shape[i]);
  const redStrides = axes.map((i) => a.strides[i]);
  const outSize = outShape.reduce((n, d) => n * d, 1);
  const blockSize = redShape.reduce((n, d) => n * d, 1);
  const out = allocate(dtype, outSize);
  const nr = redShape.length;
  const redIdx = new Array<number>(nr).fill(0);
  const outIdx = new Array<number>(kept.length).fill(0);
  let base = a.offset;
  const isArg = kind === "argmax" || kind === "argmin";
  const acc = isArg ? undefined : ACCUMULATORS[kind];
  const innerN = nr ? redShape[nr - 1] : 1;
  const innerS = nr ? redStrides[nr - 1] : 0;
  for (let o = 0; o < outSize; o++) {
    let pos = base;
    redIdx.fill(0);
    if (isArg) {
      // One reduced axis: keep the first extreme, the first NaN wins.
      let best = data[pos];
      let bestI = 0;
      const more = kind === "argmax";
      if (best === best) {
        for (let i = 1; i < blockSize; i++) {
          const x = data[pos + i * innerS];
          if (x !== x) {
            bestI = i;
            break;
          }
          if (more ? x > best : x < best) {
            best = x;
            bestI = i;
          }
        }
      }
      out[o] = bestI;
    } else if (acc) {
      let r = acc.init;
      const step = acc.step;
      for (let k = 0; k < blockSize; k += innerN) {
        let p = pos;
        for (let i = 0; i < innerN; i++, p += innerS) r = step(r, data[p]);
        for (let d = nr - 2; d >= 0; d--) {
          redIdx[d]++;
          pos += redStrides[d];
          if (redIdx[d] < redShape[d]) break;
          pos -= redStrides[d] * redShape[d];
          redIdx[d] = 0;
        }
      }
      out[o] = dtype === "bool" ? (r !== 0 ? 1 : 0) : r;
    }
    for (let d = kept.length - 1; d >= 0; d--) {
      outIdx[d]++;
      base += keptStrides[d];
      if (outIdx[d] < outShape[d]) break;
      base -= keptStrides[d] * outShape[d];
      outIdx[d] = 0;
    }
  }
  return Tensor.fromTypedArray(out, outShape, dtype);
});
