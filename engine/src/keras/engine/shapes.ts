import { ValueError } from "../../core/errors.js";

// Shapes of symbolic tensors: `null` is a length not known until data arrives (the batch axis,
// and any axis declared `null` in `keras.Input({ shape })`).

/** A shape with unknown lengths as `null` (TensorFlow's `None`). */
export type ShapeSpec = readonly (number | null)[];

/** One shape, or one per input/output of a layer with several. */
export type ShapeSpecs = ShapeSpec | readonly ShapeSpec[];

/** Whether a value is a list of shapes rather than one shape. */
export function isShapeList(s: ShapeSpecs): s is readonly ShapeSpec[] {
  return s.length > 0 && Array.isArray(s[0]);
}

/** Python's tuple repr, as Keras prints shapes: `(None, 784)`, `(None,)`, `()`. */
export function formatShapeSpec(s: ShapeSpec): string {
  const parts = s.map((d) => (d === null ? "None" : String(d)));
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(", ")})`;
}

/** Shapes as Keras' summary prints them: one tuple, or a list of tuples. */
export function formatShapeSpecs(s: ShapeSpecs): string {
  return isShapeList(s) ? `[${s.map(formatShapeSpec).join(", ")}]` : formatShapeSpec(s);
}

/** Checks a user-given shape (`inputShape: [28, 28]`), allowing `null` lengths. */
export function checkShapeSpec(shape: unknown, what: string): ShapeSpec {
  if (!Array.isArray(shape))
    throw new ValueError(`${what} must be an array of lengths, e.g. [28, 28]; got ${String(shape)}`);
  for (const d of shape) {
    if (d !== null && !(Number.isInteger(d) && d >= 0)) {
      throw new ValueError(`${what} must hold non-negative integers or null, got [${shape.join(", ")}]`);
    }
  }
  return shape as ShapeSpec;
}

/** Whether two shape specs agree where both are known. */
export function compatible(a: ShapeSpec, b: ShapeSpec): boolean {
  return a.length === b.length && a.every((d, i) => d === null || b[i] === null || d === b[i]);
}

/** Number of elements in a fully known shape (product of lengths). */
export function knownSize(s: ShapeSpec): number {
  return s.reduce<number>((p, d) => p * (d ?? NaN), 1);
}
