import { allocate, isFloat } from "../core/dtype.js";
import { Tensor } from "../core/tensor.js";
import { zeros } from "../ops/creation.js";
import { stack } from "../ops/join.js";
import type { Tape } from "./tape.js";

// Jacobians by one backward pass per target element, each seeded with a one-hot gradient. The
// rows are stacked with ops, so a tape recording around the call can differentiate the result.

function oneHot(shape: readonly number[], dtype: Tensor["dtype"], hot: (i: number) => boolean): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = allocate(dtype, n);
  for (let i = 0; i < n; i++) if (hot(i)) data[i] = 1;
  return Tensor.fromTypedArray(data, shape, dtype);
}

/** @internal d target[i...] / d source[j...], shape `target.shape + source.shape`. */
export function jacobianOf(tape: Tape, target: Tensor, source: Tensor): Tensor | null {
  const dtype = isFloat(source.dtype) ? source.dtype : "float32";
  let connected = false;
  const rows: Tensor[] = [];
  for (let i = 0; i < target.size; i++) {
    const seed = oneHot(target.shape, target.dtype, (k) => k === i);
    const [g] = tape.backward([target], [seed], [source]);
    if (g) connected = true;
    rows.push(g ?? zeros(source.shape, { dtype }));
  }
  if (!connected) return null;
  if (rows.length === 0) return zeros([...target.shape, ...source.shape], { dtype });
  return stack(rows).reshape([...target.shape, ...source.shape]);
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
  const dtype = isFloat(source.dtype) ? source.dtype : "float32";
  let connected = false;
  const columns: Tensor[] = [];
  for (let j = 0; j < t; j++) {
    const seed = oneHot(target.shape, target.dtype, (k) => k % t === j);
    const [g] = tape.backward([target], [seed], [source]);
    if (g) connected = true;
    columns.push(g ?? zeros(source.shape, { dtype }));
  }
  if (!connected) return null;
  const shape = [b, ...target.shape.slice(1), ...source.shape.slice(1)];
  if (columns.length === 0) return zeros(shape, { dtype });
  return stack(columns, 1).reshape(shape);
}
