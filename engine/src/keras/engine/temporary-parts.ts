// TEMPORARY: the few activations, initializers and regularizers the model code needs before
// the kparts branch lands its real modules. `parts.ts` is the only
// importer; it switches to kparts' modules when they are merged, and this file goes.
import type { DType } from "../../core/dtype.js";
import type { Tensor } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";

export type ActivationFn = (x: Tensor) => Tensor;

const activations: Record<string, ActivationFn> = {
  linear: (x) => x,
  relu: (x) => tf.nn.relu(x),
  sigmoid: (x) => tf.nn.sigmoid(x),
  tanh: (x) => tf.nn.tanh(x),
  softmax: (x) => tf.nn.softmax(x),
  elu: (x) => tf.nn.elu(x),
  selu: (x) => tf.nn.selu(x),
  softplus: (x) => tf.nn.softplus(x),
};

export function tmpActivation(id: string | ActivationFn | null | undefined): ActivationFn {
  if (id == null) return activations.linear;
  if (typeof id === "function") return id;
  const f = activations[id];
  if (!f) throw new TypeError(`Unknown activation: '${id}'`);
  return f;
}

export function tmpActivationName(f: ActivationFn): string {
  for (const [k, v] of Object.entries(activations)) if (v === f) return k;
  return f.name || "custom";
}

export type InitializerFn = (shape: number[], dtype: DType) => Tensor;

function fans(shape: number[]): [number, number] {
  if (shape.length === 0) return [1, 1];
  if (shape.length === 1) return [shape[0], shape[0]];
  const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  return [shape[shape.length - 2] * receptive, shape[shape.length - 1] * receptive];
}

const initializers: Record<string, InitializerFn> = {
  zeros: (s, dtype) => tf.zeros(s, { dtype }),
  ones: (s, dtype) => tf.ones(s, { dtype }),
  glorot_uniform: (s, dtype) => {
    const [fi, fo] = fans(s);
    const lim = Math.sqrt(6 / (fi + fo));
    return tf.random.uniform(s, { minval: -lim, maxval: lim, dtype });
  },
  glorot_normal: (s, dtype) => {
    const [fi, fo] = fans(s);
    return tf.random.truncatedNormal(s, { stddev: Math.sqrt(2 / (fi + fo)) / 0.8796256610342398, dtype });
  },
  he_normal: (s, dtype) => tf.random.truncatedNormal(s, { stddev: Math.sqrt(2 / fans(s)[0]) / 0.8796256610342398, dtype }),
  lecun_normal: (s, dtype) => tf.random.truncatedNormal(s, { stddev: Math.sqrt(1 / fans(s)[0]) / 0.8796256610342398, dtype }),
  random_normal: (s, dtype) => tf.random.normal(s, { stddev: 0.05, dtype }),
  random_uniform: (s, dtype) => tf.random.uniform(s, { minval: -0.05, maxval: 0.05, dtype }),
};

export function tmpInitializer(id: string | InitializerFn): InitializerFn {
  if (typeof id === "function") return id;
  const f = initializers[id];
  if (!f) throw new TypeError(`Unknown initializer: '${id}'`);
  return f;
}

export type RegularizerFn = (w: Tensor) => Tensor;
export function tmpL2(l2 = 0.01): RegularizerFn {
  return (w) => tf.multiply(l2, tf.reduceSum(tf.square(w)));
}

