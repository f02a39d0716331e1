import { ValueError } from "../../core/errors.js";
import type { Tensor } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";
import type { Config } from "../common/config.js";
import { Layer, type LayerOptions } from "../engine/layer.js";
import { isShapeList, type ShapeSpec, type ShapeSpecs } from "../engine/shapes.js";
import type { KerasTensor } from "../engine/symbolic.js";

// Layers that merge a list of inputs into one: Concatenate along an axis, and the element-wise
// Add, Subtract, Multiply, Average, Maximum, Minimum (inputs broadcast against each other).

function inputList(layer: Layer, s: ShapeSpecs): readonly ShapeSpec[] {
  if (!isShapeList(s) || s.length < 1) {
    throw new ValueError(
      `A merge layer (${layer.name}) should be called on a list of inputs, e.g. layer.apply([a, b])`,
    );
  }
  return s;
}

/** Base of the element-wise merge layers. */
abstract class ElementwiseMerge extends Layer {
  protected abstract merge(inputs: Tensor[]): Tensor;

  override call(inputs: Tensor[]): Tensor {
    if (!Array.isArray(inputs)) throw new ValueError(`${this.name} should be called on a list of tensors`);
    return this.merge(inputs);
  }

  override computeOutputShape(s: ShapeSpecs): ShapeSpec {
    const list = inputList(this, s);
    const rank = Math.max(...list.map((x) => x.length));
    const out: (number | null)[] = [];
    for (let i = 0; i < rank; i++) {
      let d: number | null = 1;
      for (const x of list) {
        const v = x[x.length - rank + i];
        if (v === undefined || v === 1) continue;
        if (v === null) {
          d = d === 1 ? null : d;
          continue;
        }
        if (d !== 1 && d !== null && d !== v) {
          throw new ValueError(
            `Inputs of ${this.name} have incompatible shapes: ${list.map((x) => `[${x.join(", ")}]`).join(" and ")}`,
          );
        }
        d = v;
      }
      out.push(d);
    }
    return out;
  }
}

/** Sums its inputs. @example `new keras.layers.Add().apply([a, b])` */
export class Add extends ElementwiseMerge {
  protected merge(xs: Tensor[]): Tensor {
    return xs.reduce((a, b) => tf.add(a, b));
  }
}
/** First input minus the second. @example `new keras.layers.Subtract().apply([a, b])` */
export class Subtract extends ElementwiseMerge {
  protected merge(xs: Tensor[]): Tensor {
    if (xs.length !== 2)
      throw new ValueError(`A Subtract layer (${this.name}) should be called on exactly 2 inputs`);
    return tf.subtract(xs[0], xs[1]);
  }
}
/** Element-wise product of its inputs. @example `new keras.layers.Multiply().apply([a, b])` */
export class Multiply extends ElementwiseMerge {
  protected merge(xs: Tensor[]): Tensor {
    return xs.reduce((a, b) => tf.multiply(a, b));
  }
}
/** Mean of its inputs. @example `new keras.layers.Average().apply([a, b])` */
export class Average extends ElementwiseMerge {
  protected merge(xs: Tensor[]): Tensor {
    return tf.divide(
      xs.reduce((a, b) => tf.add(a, b)),
      xs.length,
    );
  }
}
/** Element-wise maximum. @example `new keras.layers.Maximum().apply([a, b])` */
export class Maximum extends ElementwiseMerge {
  protected merge(xs: Tensor[]): Tensor {
    return xs.reduce((a, b) => tf.maximum(a, b));
  }
}
/** Element-wise minimum. @example `new keras.layers.Minimum().apply([a, b])` */
export class Minimum extends ElementwiseMerge {
  protected merge(xs: Tensor[]): Tensor {
    return xs.reduce((a, b) => tf.minimum(a, b));
  }
}

/** Options of `new keras.layers.Concatenate(options)`. */
export interface ConcatenateOptions extends LayerOptions {
  /** The axis joined along (default -1). */
  axis?: number;
}

/**
 * Joins its inputs along an axis (default the last).
 *
 * @example
 * ```ts
 * const concat = new keras.layers.Concatenate().apply([inputA, hidden2]);
 * ```
 */
export class Concatenate extends Layer {
  readonly axis: number;

  constructor(opts: ConcatenateOptions = {}) {
    super(opts);
    this.axis = opts.axis ?? -1;
  }

  override call(inputs: Tensor[]): Tensor {
    if (!Array.isArray(inputs))
      throw new ValueError(`A Concatenate layer (${this.name}) should be called on a list of inputs`);
    return tf.concat(inputs, this.axis);
  }

  override computeOutputShape(s: ShapeSpecs): ShapeSpec {
    const list = inputList(this, s);
    const rank = list[0].length;
    const ax = this.axis < 0 ? this.axis + rank : this.axis;
    const out = [...list[0]];
    for (const x of list.slice(1)) {
      if (x.length !== rank || x.some((d, i) => i !== ax && d !== null && out[i] !== null && d !== out[i])) {
        throw new ValueError(
          `A Concatenate layer requires inputs with matching shapes except for the concatenation axis. Received: input_shape=${list
            .map((y) => `[${y.join(", ")}]`)
            .join(", ")}`,
        );
      }
      out[ax] = out[ax] === null || x[ax] === null ? null : (out[ax] as number) + (x[ax] as number);
    }
    return out;
  }

  override getConfig(): Config {
    return { ...super.getConfig(), axis: this.axis };
  }
}

/**
 * The functional form of Concatenate (`keras.layers.concatenate([a, b])`).
 *
 * @example
 * ```ts
 * const concat = keras.layers.concatenate([inputA, hidden2]);
 * ```
 */
export function concatenate(inputs: KerasTensor[], opts?: ConcatenateOptions): KerasTensor;
export function concatenate(inputs: Tensor[], opts?: ConcatenateOptions): Tensor;
export function concatenate(
  inputs: KerasTensor[] | Tensor[],
  opts: ConcatenateOptions = {},
): KerasTensor | Tensor {
  return (new Concatenate(opts).apply as (x: unknown) => KerasTensor | Tensor)(inputs);
}

function functional(Cls: new (o?: LayerOptions) => Layer) {
  function f(inputs: KerasTensor[], opts?: LayerOptions): KerasTensor;
  function f(inputs: Tensor[], opts?: LayerOptions): Tensor;
  function f(inputs: KerasTensor[] | Tensor[], opts: LayerOptions = {}): KerasTensor | Tensor {
    return (new Cls(opts).apply as (x: unknown) => KerasTensor | Tensor)(inputs);
  }
  return f;
}

/** `keras.layers.add([a, b])`. */
export const add = functional(Add);
/** `keras.layers.subtract([a, b])`. */
export const subtract = functional(Subtract);
/** `keras.layers.multiply([a, b])`. */
export const multiply = functional(Multiply);
/** `keras.layers.average([a, b])`. */
export const average = functional(Average);
/** `keras.layers.maximum([a, b])`. */
export const maximum = functional(Maximum);
/** `keras.layers.minimum([a, b])`. */
export const minimum = functional(Minimum);
