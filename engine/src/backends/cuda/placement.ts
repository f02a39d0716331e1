import type { Device } from "../../core/backend.js";
import type { Tensor } from "../../core/tensor.js";
import { formatShape } from "../../core/shape.js";
import { deviceHooks } from "../../core/device-hooks.js";
import { isCudaStorage, toCuda } from "./storage.js";
import { UPDATE_OPS } from "../../ops/optim.js";

// Where ops run. The rule for one op (see docs/cuda.md):
// - placement "cuda" (tb.setDevice, TENSORBOOK_DEVICE, inside tf.device("gpu", fn)): the op runs
//   on the GPU; CPU inputs are copied there (uploads of unchanged host data are cached);
// - placement "cpu": an op whose inputs are all on the CPU runs there; an op that mixes CPU and
//   GPU inputs runs on the GPU, copying the CPU inputs, and says so once per op name on stderr,
//   except for single-element inputs (JavaScript numbers become those, as `x.add(1)`);
// - ops that write into their first input (assign) run where that input lives.

const IN_PLACE = new Set<string>(["assign", ...UPDATE_OPS]);

let placement: Device = "cpu";
const warned = new Set<string>();

export const currentPlacement = (): Device => placement;
export function setPlacement(d: Device): void {
  placement = d;
}

function warnMix(op: string, t: Tensor): void {
  if (t.storage.size <= 1 || warned.has(op)) return;
  warned.add(op);
  process.stderr.write(
    `[tensorbook] ${op}: a CPU tensor of shape ${formatShape(t.shape)} was copied to the GPU to meet GPU ` +
      `tensors (move it once with t.to("cuda") to avoid a copy per call; said once per op)\n`,
  );
}

/** The route hook installed in the core while the CUDA backend is active. */
export function route(op: string, inputs: readonly Tensor[]): { device: Device; inputs: readonly Tensor[] } {
  if (inputs.length === 0) return { device: placement, inputs };
  if (IN_PLACE.has(op)) return { device: inputs[0].storage.device, inputs };
  let gpu = placement === "cuda";
  let mixed = false;
  for (const t of inputs) {
    if (isCudaStorage(t.storage)) gpu = true;
    else mixed = true;
  }
  if (!gpu || !mixed) return { device: gpu ? "cuda" : "cpu", inputs };
  return {
    device: "cuda",
    inputs: inputs.map((t) => {
      if (isCudaStorage(t.storage)) return t;
      if (placement !== "cuda") warnMix(op, t);
      const moved = toCuda(t, true);
      // Inside tf.tidy, the copy of a host operand is freed with the scope (a step's host
      // temporaries would otherwise hold device memory until the garbage collector runs).
      if (t.storage.size > 1) deviceHooks.adopt?.(moved.storage);
      return moved;
    }),
  };
}
