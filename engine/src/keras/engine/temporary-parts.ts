// TEMPORARY: the few optimizers, losses, metrics, activations, initializers and callbacks the
// model code needs before the kparts branch lands its real modules. `parts.ts` is the only
// importer; it switches to kparts' modules when they are merged, and this file goes.
import type { DType } from "../../core/dtype.js";
import type { Tensor } from "../../core/tensor.js";
import type { Variable } from "../../autodiff/variable.js";
import { withoutRecording } from "../../autodiff/recorder.js";
import * as tf from "../../tf/index.js";
import type { Config } from "../common/config.js";

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

export interface TmpOptimizer {
  learningRate: number;
  apply(grads: readonly (Tensor | null)[], vars: readonly Variable[]): void;
  getConfig(): Config;
  readonly variables: Variable[];
  build(vars: readonly Variable[]): void;
}

export class TmpSGD implements TmpOptimizer {
  learningRate: number;
  momentum: number;
  variables: Variable[] = [];
  private slots = new Map<Variable, Variable>();
  constructor(opts: { learningRate?: number; momentum?: number } = {}) {
    this.learningRate = opts.learningRate ?? 0.01;
    this.momentum = opts.momentum ?? 0;
  }
  build(vars: readonly Variable[]): void {
    if (this.momentum === 0) return;
    for (const v of vars) {
      if (!this.slots.has(v)) {
        const s = new tf.Variable(tf.zerosLike(v), { trainable: false, name: `${v.name}/momentum` });
        this.slots.set(v, s);
        this.variables.push(s);
      }
    }
  }
  apply(grads: readonly (Tensor | null)[], vars: readonly Variable[]): void {
    this.build(vars);
    withoutRecording(() => {
      vars.forEach((v, i) => {
        const g = grads[i];
        if (!g) return;
        if (this.momentum === 0) {
          v.assignSub(tf.multiply(g, this.learningRate));
        } else {
          const m = this.slots.get(v)!;
          m.assign(tf.subtract(tf.multiply(m, this.momentum), tf.multiply(g, this.learningRate)));
          v.assignAdd(m);
        }
        v.applyConstraint();
      });
    });
  }
  getConfig(): Config {
    return { learningRate: this.learningRate, momentum: this.momentum };
  }
}

export class TmpRMSprop implements TmpOptimizer {
  learningRate: number;
  rho = 0.9;
  variables: Variable[] = [];
  private slots = new Map<Variable, Variable>();
  constructor(opts: { learningRate?: number } = {}) {
    this.learningRate = opts.learningRate ?? 0.001;
  }
  build(vars: readonly Variable[]): void {
    for (const v of vars) {
      if (!this.slots.has(v)) {
        const s = new tf.Variable(tf.zerosLike(v), { trainable: false, name: `${v.name}/velocity` });
        this.slots.set(v, s);
        this.variables.push(s);
      }
    }
  }
  apply(grads: readonly (Tensor | null)[], vars: readonly Variable[]): void {
    this.build(vars);
    withoutRecording(() => {
      vars.forEach((v, i) => {
        const g = grads[i];
        if (!g) return;
        const s = this.slots.get(v)!;
        s.assign(tf.add(tf.multiply(s, this.rho), tf.multiply(tf.square(g), 1 - this.rho)));
        v.assignSub(tf.divide(tf.multiply(g, this.learningRate), tf.add(tf.sqrt(s), 1e-7)));
      });
    });
  }
  getConfig(): Config {
    return { learningRate: this.learningRate };
  }
}

export function tmpOptimizer(id: string | TmpOptimizer): TmpOptimizer {
  if (typeof id !== "string") return id;
  if (id === "sgd") return new TmpSGD();
  if (id === "rmsprop") return new TmpRMSprop();
  throw new TypeError(`Unknown optimizer: '${id}'`);
}

/** Per-example loss (no reduction). */
export type LossFn = (yTrue: Tensor, yPred: Tensor) => Tensor;

const EPS = 1e-7;
const losses: Record<string, LossFn> = {
  mse: (t, p) => tf.reduceMean(tf.square(tf.subtract(p, t)), -1),
  mae: (t, p) => tf.reduceMean(tf.abs(tf.subtract(p, t)), -1),
  binary_crossentropy: (t, p) => {
    const q = tf.clipByValue(p, EPS, 1 - EPS);
    return tf.reduceMean(
      tf.negative(tf.add(tf.multiply(t, tf.log(q)), tf.multiply(tf.subtract(1, t), tf.log(tf.subtract(1, q))))),
      -1,
    );
  },
  categorical_crossentropy: (t, p) => {
    const q = tf.clipByValue(tf.divide(p, tf.reduceSum(p, -1, { keepdims: true })), EPS, 1 - EPS);
    return tf.negative(tf.reduceSum(tf.multiply(t, tf.log(q)), -1));
  },
  sparse_categorical_crossentropy: (t, p) => {
    const labels = tf.cast(t.ndim === p.ndim ? tf.squeeze(t, -1) : t, "int32");
    const q = tf.clipByValue(p, EPS, 1 - EPS);
    const pick = tf.oneHot(labels, p.shape[p.ndim - 1], { dtype: p.dtype === "float64" ? "float64" : "float32" });
    return tf.negative(tf.reduceSum(tf.multiply(pick, tf.log(q)), -1));
  },
};
losses.mean_squared_error = losses.mse;
losses.mean_absolute_error = losses.mae;

export function tmpLoss(id: string | LossFn): { fn: LossFn; name: string } {
  if (typeof id === "function") return { fn: id, name: id.name || "loss" };
  const fn = losses[id];
  if (!fn) throw new TypeError(`Unknown loss: '${id}'`);
  return { fn, name: id };
}

/** A streaming mean of a per-example function. */
export class TmpMetric {
  private total = 0;
  private count = 0;
  constructor(
    readonly name: string,
    private readonly fn: (t: Tensor, p: Tensor) => Tensor,
  ) {}
  updateState(t: Tensor, p: Tensor, sampleWeight?: Tensor | null): void {
    const v = this.fn(t, p);
    if (sampleWeight) {
      this.total += tf.reduceSum(tf.multiply(v, tf.cast(sampleWeight, v.dtype))).item() as number;
      this.count += tf.reduceSum(tf.cast(sampleWeight, v.dtype)).item() as number;
    } else {
      this.total += tf.reduceSum(v).item() as number;
      this.count += v.size;
    }
  }
  result(): Tensor {
    return tf.constant(this.count ? this.total / this.count : 0);
  }
  resetState(): void {
    this.total = 0;
    this.count = 0;
  }
}

const metricFns: Record<string, (t: Tensor, p: Tensor) => Tensor> = {
  sparse_categorical_accuracy: (t, p) => {
    const labels = tf.cast(t.ndim === p.ndim ? tf.squeeze(t, -1) : t, "int32");
    return tf.cast(tf.equal(tf.argmax(p, -1), labels), "float32");
  },
  categorical_accuracy: (t, p) => tf.cast(tf.equal(tf.argmax(p, -1), tf.argmax(t, -1)), "float32"),
  binary_accuracy: (t, p) =>
    tf.reduceMean(tf.cast(tf.equal(tf.cast(tf.greater(p, 0.5), "float32"), tf.cast(t, "float32")), "float32"), -1),
  mae: losses.mae,
  mse: losses.mse,
};

export function tmpMetric(id: string): TmpMetric {
  const fn = metricFns[id];
  if (!fn) throw new TypeError(`Unknown metric: '${id}'`);
  return new TmpMetric(id, fn);
}

export type Logs = Record<string, number>;

export class TmpCallback {
  model: unknown = null;
  params: Record<string, unknown> = {};
  setModel(m: unknown): void {
    this.model = m;
  }
  setParams(p: Record<string, unknown>): void {
    this.params = p;
  }
  onTrainBegin(_logs?: Logs): void {}
  onTrainEnd(_logs?: Logs): void {}
  onEpochBegin(_epoch: number, _logs?: Logs): void {}
  onEpochEnd(_epoch: number, _logs?: Logs): void {}
  onTrainBatchBegin(_batch: number, _logs?: Logs): void {}
  onTrainBatchEnd(_batch: number, _logs?: Logs): void {}
  onTestBegin(_logs?: Logs): void {}
  onTestEnd(_logs?: Logs): void {}
  onTestBatchBegin(_batch: number, _logs?: Logs): void {}
  onTestBatchEnd(_batch: number, _logs?: Logs): void {}
  onPredictBegin(_logs?: Logs): void {}
  onPredictEnd(_logs?: Logs): void {}
  onPredictBatchBegin(_batch: number, _logs?: Logs): void {}
  onPredictBatchEnd(_batch: number, _logs?: Logs): void {}
}

export class TmpHistory extends TmpCallback {
  history: Record<string, number[]> = {};
  epoch: number[] = [];
  override onTrainBegin(): void {
    this.epoch = [];
  }
  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    this.epoch.push(epoch);
    for (const [k, v] of Object.entries(logs)) (this.history[k] ??= []).push(v);
  }
}
