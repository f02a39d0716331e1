import { ValueError } from "../../core/errors.js";
import type { ShapeSpec } from "../engine/shapes.js";

/** The axes normalization layers keep (normalised over the others), made non-negative. */
export function featureAxes(layer: string, axis: number | readonly number[], shape: ShapeSpec): number[] {
  const list = typeof axis === "number" ? [axis] : [...axis];
  return list.map((a) => {
    const ax = a < 0 ? a + shape.length : a;
    if (ax < 0 || ax >= shape.length) {
      throw new ValueError(`${layer}: axis ${a} is out of range for an input of shape [${shape.join(", ")}]`);
    }
    if (shape[ax] === null)
      throw new ValueError(
        `${layer}: axis ${a} of the input must have a known length, got shape [${shape.join(", ")}]`,
      );
    return ax;
  });
}

/** The shape of a per-feature weight broadcast against an input of rank `ndim`. */
export function broadcastShape(ndim: number, axes: readonly number[], shape: ShapeSpec): number[] {
  return Array.from({ length: ndim }, (_, i) => (axes.includes(i) ? (shape[i] as number) : 1));
}
