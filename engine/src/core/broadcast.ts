import { ValueError } from "./errors.js";
import { formatShape, type Shape } from "./shape.js";
import type { Tensor } from "./tensor.js";

/**
 * A view of `t` with `shape`, repeating it along new and length-1 axes with stride 0 (no copy),
 * as `np.broadcast_to` does.
 */
export function broadcastView(t: Tensor, shape: Shape): Tensor {
  const nd = shape.length;
  const lead = nd - t.ndim;
  if (lead < 0) {
    throw new ValueError(
      `input operand has more dimensions than allowed by the axis remapping: cannot broadcast ${formatShape(t.shape)} to ${formatShape(shape)}`,
    );
  }
  let same = lead === 0;
  const strides = new Array<number>(nd);
  for (let i = 0; i < nd; i++) {
    if (i < lead) {
      strides[i] = 0;
      continue;
    }
    const d = t.shape[i - lead];
    if (d === shape[i]) strides[i] = t.strides[i - lead];
    else if (d === 1) {
      strides[i] = 0;
      same = false;
    } else {
      throw new ValueError(
        `operands could not be broadcast together with remapped shapes [original->remapped]: ${formatShape(t.shape)} and requested shape ${formatShape(shape)}`,
      );
    }
  }
  return same ? t : t.view(shape, strides);
}
