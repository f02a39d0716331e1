import type { NativeBinding } from "@tensorbook/native";
import { isRowMajor } from "../../core/host.js";
import { registerKernel } from "../../core/registry.js";
import type { Tensor } from "../../core/tensor.js";
import type { AdagradAttrs, AdamAttrs, RmspropAttrs, SgdAttrs } from "../../ops/optim.js";
import { idOf } from "./kernels.js";
import { cudaTensor, freeCuda, isCudaFloat, isCudaStorage, toCuda, type CudaStorage } from "./storage.js";

// The fused optimizer updates (ops/optim.ts) on the GPU: one kernel per variable and step, in
// place on the variable's and its slots' buffers. The gradient is read as a row-major buffer
// (copied on the device first when it is another view, and uploaded if it is on the CPU).

export function registerOptimizers(b: NativeBinding): void {
  // Runs `fn` with the gradient as a dense device buffer of w's dtype, then frees any copy.
  const withGradient = (w: Tensor, g: Tensor, fn: (id: number) => void): void => {
    if (!isCudaFloat(w.dtype) || g.dtype !== w.dtype || g.size !== w.size) {
      throw new Error(
        `fused update: gradient ${g.dtype}[${g.size}] does not fit variable ${w.dtype}[${w.size}]`,
      );
    }
    if (!isCudaStorage(w.storage) || w.offset !== 0 || !isRowMajor(w.shape, w.strides))
      throw new Error("fused update: the variable must be a whole row-major device buffer");
    let gd = toCuda(g);
    let temp: Tensor | undefined;
    if (gd.offset !== 0 || !isRowMajor(gd.shape, gd.strides)) {
      const c = cudaTensor(gd.dtype, gd.shape);
      b.cudaUnary("copy", w.dtype as "float32", idOf(c), idOf(gd), gd.offset, gd.strides, gd.shape, 0);
      temp = gd = c;
    }
    fn(idOf(gd));
    if (temp) freeCuda(temp.storage as CudaStorage);
  };
  const dt = (w: Tensor): "float32" | "float64" => w.dtype as "float32" | "float64";
  // Decoupled weight decay first, as the CPU path does.
  const decay = (w: Tensor, a: { lr: number; weightDecay: number }): void => {
    if (a.weightDecay)
      b.cudaUnary("scale", dt(w), idOf(w), idOf(w), 0, [1], [w.size], 1 - a.weightDecay * a.lr);
  };
  const bump = (ts: readonly (Tensor | undefined)[]): void => {
    for (const t of ts) if (t) t.storage.version++;
  };

  registerKernel<SgdAttrs>("applySgd", "cuda", (inputs, a) => {
    const [w, g, v] = inputs;
    withGradient(w, g, (gid) => {
      decay(w, a);
      if (a.momentum > 0 && v)
        b.cudaSgdMomentum(dt(w), idOf(w), gid, idOf(v), w.size, a.lr, a.momentum, a.nesterov);
      else b.cudaSgd(dt(w), idOf(w), gid, w.size, a.lr);
    });
    bump([w, v]);
    return w;
  });
  registerKernel<AdamAttrs>("applyAdam", "cuda", (inputs, a) => {
    const [w, g, m, v] = inputs;
    withGradient(w, g, (gid) => {
      decay(w, a);
      b.cudaAdam(dt(w), idOf(w), gid, idOf(m), idOf(v), w.size, a.lr, a.beta1, a.beta2, a.epsilon, a.step);
    });
    bump([w, m, v]);
    return w;
  });
  registerKernel<RmspropAttrs>("applyRmsprop", "cuda", (inputs, a) => {
    const [w, g, v, ...rest] = inputs;
    const mom = a.momentum > 0 ? rest[0] : undefined;
    const avg = a.centered ? rest[a.momentum > 0 ? 1 : 0] : undefined;
    withGradient(w, g, (gid) => {
      decay(w, a);
      b.cudaRmsprop(
        dt(w),
        idOf(w),
        gid,
        idOf(v),
        mom ? idOf(mom) : 0,
        avg ? idOf(avg) : 0,
        w.size,
        a.lr,
        a.rho,
        a.momentum,
        a.epsilon,
      );
    });
    bump([w, v, mom, avg]);
    return w;
  });
  registerKernel<AdagradAttrs>("applyAdagrad", "cuda", (inputs, a) => {
    const [w, g, acc] = inputs;
    withGradient(w, g, (gid) => {
      decay(w, a);
      b.cudaAdagrad(dt(w), idOf(w), gid, idOf(acc), w.size, a.lr, a.epsilon);
    });
    bump([w, acc]);
    return w;
  });
}
