import type { BackendName, Device } from "./backend.js";
import type { Tensor } from "./tensor.js";
import { deviceHooks } from "./device-hooks.js";

/**
 * A kernel: one op's implementation on one backend. It receives the op's inputs (already
 * validated and, for element-wise ops, of the output dtype when the op asks) and the op's
 * attributes, and returns the output tensor(s).
 */
export type Kernel<A = Record<string, unknown>> = (inputs: readonly Tensor[], attrs: A) => Tensor;

const kernels = new Map<string, Map<BackendName, Kernel<never>>>();

/** A kernel found for an op on a device, and the backend it belongs to. */
interface Found {
  readonly backend: BackendName;
  readonly kernel: Kernel<never>;
}

// What findKernel chose, per device and op: every op of a training step looks its kernel up,
// so the answer is remembered until a registration or a preference change could alter it.
const found: Record<Device, Map<string, Found>> = { cpu: new Map(), cuda: new Map() };

function forgetFound(): void {
  found.cpu.clear();
  found.cuda.clear();
}

// Backends tried in order for tensors on each device; a backend that lacks an op falls through
// to the next, so the native addon can take over ops one at a time.
const preference: Record<Device, BackendName[]> = { cpu: ["js"], cuda: ["cuda"] };

/**
 * Registers a kernel for an op on a backend (a later registration replaces an earlier one).
 *
 * @example
 * ```ts
 * registerKernel("exp", "js", ([x]) => ...);
 * ```
 */
export function registerKernel<A>(op: string, backend: BackendName, kernel: Kernel<A>): void {
  let byBackend = kernels.get(op);
  if (!byBackend) kernels.set(op, (byBackend = new Map()));
  byBackend.set(backend, kernel as Kernel<never>);
  forgetFound();
}

/** Sets the order in which backends are asked for ops on a device's tensors. */
export function setBackendPreference(device: Device, order: BackendName[]): void {
  preference[device] = [...order];
  forgetFound();
}

/** The backends asked for ops on a device's tensors, in order. */
export function backendPreference(device: Device): readonly BackendName[] {
  return preference[device];
}

/**
 * The kernel a given backend registered for `op`, if any. A backend that handles only some
 * cases of an op (the native addon: float dtypes) hands the rest to another backend's kernel.
 */
export function kernelFor<A>(op: string, backend: BackendName): Kernel<A> | undefined {
  return kernels.get(op)?.get(backend) as Kernel<A> | undefined;
}

/** Whether any backend registered a kernel for `op`. */
export function hasKernel(op: string): boolean {
  return kernels.has(op);
}

/** Finds the kernel of `op` for tensors on `device`, or fails naming what is registered. */
export function findKernel<A>(op: string, device: Device): { backend: BackendName; kernel: Kernel<A> } {
  const hit = found[device].get(op);
  if (hit) return hit as unknown as { backend: BackendName; kernel: Kernel<A> };
  const byBackend = kernels.get(op);
  if (byBackend) {
    for (const backend of preference[device]) {
      const kernel = byBackend.get(backend);
      if (kernel) {
        const f: Found = { backend, kernel };
        found[device].set(op, f);
        return f as unknown as { backend: BackendName; kernel: Kernel<A> };
      }
    }
  }
  // A device backend runs what it lacks on the CPU (moving data both ways); not remembered,
  // as the fallback hook decides each time.
  const viaHost = device !== "cpu" && byBackend ? deviceHooks.fallback?.(op, device) : undefined;
  if (viaHost) return { backend: "js", kernel: viaHost as Kernel<A> };
  const have = byBackend ? [...byBackend.keys()].join(", ") : "none";
  throw new Error(`no kernel for op '${op}' on device ${device} (backends with it: ${have})`);
}

/**
 * Observer of every op that runs: autodiff installs one while a tape records. Views, casts and
 * copies made outside kernels report here too, so a tape sees every step from input to output.
 */
export const opRecorder: {
  record?: (op: string, inputs: readonly Tensor[], attrs: unknown, output: Tensor) => void;
  /** Ops with several outputs (decompositions), reported once with all of them. */
  recordMulti?: (op: string, inputs: readonly Tensor[], attrs: unknown, outputs: readonly Tensor[]) => void;
} = {};

/** Runs `op` on the device of its first input, and reports it to the recorder. */
export function runKernel<A>(op: string, inputs: readonly Tensor[], attrs: A): Tensor {
  if (deviceHooks.route) {
    const placed = deviceHooks.route(op, inputs);
    const out = findKernel<A>(op, placed.device).kernel(placed.inputs, attrs);
    opRecorder.record?.(op, inputs, attrs, out);
    return out;
  }
  const device = inputs.length ? inputs[0].storage.device : "cpu";
  const out = findKernel<A>(op, device).kernel(inputs, attrs);
  opRecorder.record?.(op, inputs, attrs, out);
  return out;
}

/**
 * Runs an op whose kernel returns several tensors (decompositions: `qr`, `svd`, `eigh`...), and
 * reports it, with all its outputs, to the recorder (a tape records it as one op whose gradient
 * receives one output gradient per output).
 */
export function runKernelMulti<A>(op: string, inputs: readonly Tensor[], attrs: A): Tensor[] {
  // Decompositions run where their input lives; a device input is read through hostOf.
  const device = inputs.length ? inputs[0].storage.device : "cpu";
  const kernel = findKernel<A>(op, device).kernel as unknown as (i: readonly Tensor[], a: A) => Tensor[];
  const outs = kernel(inputs, attrs);
  opRecorder.recordMulti?.(op, inputs, attrs, outs);
  return outs;
}

/** Registers a kernel that returns several tensors (see `runKernelMulti`). */
export function registerMultiKernel<A>(
  op: string,
  backend: BackendName,
  kernel: (inputs: readonly Tensor[], attrs: A) => Tensor[],
): void {
  registerKernel(op, backend, kernel as unknown as Kernel<A>);
}
