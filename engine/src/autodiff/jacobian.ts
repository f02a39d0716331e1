import { allocate, isFloat } from "../core/dtype.js";
import { readHost } from "../core/host.js";
import { Tensor } from "../core/tensor.js";
import type { Tape } from "./tape.js";

// Jacobians by one backward pass per target element, each seeded with a one-hot gradient.

/** @internal d target[i...] / d source[j...], shape `target.shape + source.shape`. */
export function jacobianOf(tape: Tape, target: Tensor, source: Tensor): Tensor | null {
  const n = target.size;
  const m = source.size;
  const dtype = isFloat(source.dtype) ? source.dtype : "float32";
  const out = allocate(dtype, n * m);
  let connected = false;
  for (let i = 0; i < n; i++) {
    const seed = allocate(target.dtype, n);
    seed[i] = 1;
    const [g] = tape.backward([target], [Tensor.fromTypedArray(seed, target.shape, target.dtype)], [source]);
    if (!g) continue;
    connected = true;
    out.set(readHost(g), i * m);
  }
  return connected ? Tensor.fromTypedArray(out, [...target.shape, ...source.shape], dtype) : null;
}

/** @internal Per-example Jacobians, shape `[b, ...target.shape.slice(1), ...source.shape.slice(1)]`. */
export function batchJacobianOf(tape: Tape, target: Tensor, source: Tensor): Tensor | null {
  const b = target.shape[0];
  if (target.ndim === 0 || source.ndim === 0 || source.shape[0] !== b) {
    throw new Error(
      `batchJacobian needs a target and a source with the same leading (batch) axis, got shapes ` +
        `[${target.shape.join(", ")}] and [${source.shape.join(", ")}]`,
    );
  }
  const t = target.size / b;
  const s = source.size / b;
  const dtype = isFloat(source.dtype) ? source.dtype : "float32";
  const out = allocate(dtype, b * t * s);
  let connected = false;
  for (let j = 0; j < t; j++) {
    const seed = allocate(target.dtype, b * t);
    for (let e = 0; e < b; e++) seed[e * t + j] = 1;
    const [g] = tape.backward([target], [Tensor.fromTypedArray(seed, target.shape, target.dtype)], [source]);
    if (!g) continue;
    connected = true;
    const gv = readHost(g);
    for (let e = 0; e < b; e++) out.set(gv.subarray(e * s, (e + 1) * s), (e * t + j) * s);
  }
  const shape = [b, ...target.shape.slice(1), ...source.shape.slice(1)];
  return connected ? Tensor.fromTypedArray(out, shape, dtype) : null;
}
