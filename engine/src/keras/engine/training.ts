import { toTensor } from "../../core/convert.js";
import { deviceHooks } from "../../core/device-hooks.js";
import { readHost } from "../../core/host.js";
import { ValueError } from "../../core/errors.js";
import { Tensor, type TensorLike } from "../../core/tensor.js";
import { clearRecycled, runRecyclingStep } from "../../core/recycle.js";
import { GradientTape } from "../../autodiff/gradient-tape.js";
import { withoutRecording } from "../../autodiff/recorder.js";
import type { Variable } from "../../autodiff/variable.js";
import * as tf from "../../tf/index.js";
import type { Model } from "../models/model.js";
import { LossesContainer, MetricsContainer } from "./compile-utils.js";
import { builtInStep } from "./recycle-guard.js";
import {
  batchRanges,
  countExamples,
  flattenData,
  gatherRows,
  rowSlice,
  shuffledOrder,
  type ModelData,
} from "./data-adapter.js";
import { weightsEpoch } from "./layer.js";
import { CallbackList, type Callback, type History, type Logs } from "./parts.js";
import { ProgressReporter, progressLine } from "./progress.js";
import type { KerasTensor } from "./symbolic.js";

// The training loop behind fit / evaluate / predict and the *OnBatch methods. One train step:
// forward pass under a GradientTape, the compiled loss plus the model's own losses, gradients of
// the trainable weights, one optimizer update, then the metrics (outside the tape).

type AnyModel = Model<KerasTensor | KerasTensor[]>;

/** Options of `model.fit`. */
export interface FitOptions {
  /** Examples per gradient step (default 32). */
  batchSize?: number;
  /** Number of passes over the data (default 1); training runs epochs `initialEpoch`..`epochs-1`. */
  epochs?: number;
  /** 0 silent, 1 progress bar, 2 one line per epoch ("auto" = 1). */
  verbose?: 0 | 1 | 2 | "auto";
  /** Callbacks called during training (EarlyStopping, ModelCheckpoint, custom). */
  callbacks?: readonly Callback[];
  /** Fraction of the data (the last examples, before shuffling) held out for validation. */
  validationSplit?: number;
  /** `[xVal, yVal]` or `[xVal, yVal, sampleWeightVal]`, evaluated after each epoch. */
  validationData?: readonly [ModelData, ModelData] | readonly [ModelData, ModelData, TensorLike];
  /** Shuffle the training examples before each epoch (default true). */
  shuffle?: boolean;
  /** Weight of each class in the loss, by class index. */
  classWeight?: Readonly<Record<number, number>>;
  /** Weight of each example in the loss. */
  sampleWeight?: TensorLike;
  /** Epoch to start at (to resume a previous run; default 0). */
  initialEpoch?: number;
  /** Batches per epoch (default: the whole data). */
  stepsPerEpoch?: number;
  /** Batch size for validation (default `batchSize`). */
  validationBatchSize?: number;
  /** Validate every n epochs (default 1). */
  validationFreq?: number;
}

/** Options of `model.evaluate`. */
export interface EvaluateOptions {
  batchSize?: number;
  verbose?: 0 | 1 | 2 | "auto";
  sampleWeight?: TensorLike;
  callbacks?: readonly Callback[];
  /** Return `{ loss, accuracy, ... }` instead of a number or list. */
  returnDict?: boolean;
  steps?: number;
}

/** Options of `model.predict`. */
export interface PredictOptions {
  batchSize?: number;
  verbose?: 0 | 1 | 2 | "auto";
  callbacks?: readonly Callback[];
  steps?: number;
}

interface Prepared {
  xs: Tensor[];
  ys: Tensor[] | null;
  sw: Tensor | null;
  n: number;
}

function prepare(
  model: AnyModel,
  x: ModelData,
  y: ModelData | null,
  sampleWeight: TensorLike | undefined,
  classWeight?: Readonly<Record<number, number>>,
): Prepared {
  const xs = flattenData(x, model.inputNames, "input");
  const ys =
    y === null || y === undefined
      ? null
      : flattenData(y, model.graph ? model.outputNames : outputNamesFor(model, y), "output");
  let sw = sampleWeight === undefined ? null : toTensor(sampleWeight, { dtype: "float32" });
  const n = countExamples([xs, ...(ys ? [ys] : []), ...(sw ? [[sw]] : [])]);
  if (classWeight && ys) sw = classWeightsToSampleWeights(ys[0], classWeight, sw);
  return { xs, ys, sw, n };
}

// A subclassed model's targets: as many outputs as y has arrays.
function outputNamesFor(model: AnyModel, y: ModelData): string[] {
  const count =
    Array.isArray(y) && y.length > 0 && y.every((e) => e instanceof Tensor || ArrayBuffer.isView(e))
      ? y.length
      : 1;
  model.subclassOutputCount = count;
  return model.outputNames;
}

function classWeightsToSampleWeights(
  y: Tensor,
  classWeight: Readonly<Record<number, number>>,
  sw: Tensor | null,
): Tensor {
  const labels =
    y.ndim === 1 || y.shape[y.ndim - 1] === 1
      ? readHost(y.reshape([y.shape[0]]))
      : readHost(tf.argmax(y, -1));
  const w = new Float32Array(labels.length);
  const base = sw ? readHost(sw) : null;
  for (let i = 0; i < labels.length; i++)
    w[i] = (classWeight[Math.round(labels[i])] ?? 1) * (base ? base[i] : 1);
  return Tensor.fromTypedArray(w, [w.length], "float32", false);
}

function sliceAll(ts: readonly Tensor[], order: Int32Array | null, s: number, e: number): Tensor[] {
  return ts.map((t) => (order ? gatherRows(t, order, s, e) : rowSlice(t, s, e)));
}

/** Runs the model on one batch; always a list of outputs. */
function forward(model: AnyModel, xs: Tensor[], training: boolean): Tensor[] {
  const input = model.inputStructure === "single" && xs.length === 1 ? xs[0] : xs;
  const out = (model.apply as (x: unknown, o: { training: boolean }) => Tensor | Tensor[])(input, {
    training,
  });
  return Array.isArray(out) ? out : [out];
}

function compiledOf(
  model: AnyModel,
  outputs: number,
): { losses: LossesContainer; metrics: MetricsContainer } {
  const c = model.compiled;
  if (!c || !model.optimizer)
    throw new ValueError("You must call `compile()` before using the model for training or evaluation");
  if (!model.graph && outputs !== model.subclassOutputCount) model.subclassOutputCount = outputs;
  const names = model.outputNames;
  if (!c.losses || c.losses.names.length !== names.length) {
    c.losses = new LossesContainer(c.options.loss, c.options.lossWeights, names);
    c.metrics = new MetricsContainer(c.options.metrics, c.options.weightedMetrics, names, c.losses);
  }
  return { losses: c.losses, metrics: c.metrics! };
}

const varCache = new WeakMap<object, { epoch: number; vars: Variable[] }>();

function trainableVars(model: AnyModel): Variable[] {
  const epoch = weightsEpoch();
  const hit = varCache.get(model);
  if (hit && hit.epoch === epoch) return hit.vars;
  const vars = model.trainableWeights;
  varCache.set(model, { epoch, vars });
  return vars;
}

/** Running means of the loss values over an epoch, weighted by batch size (as Keras). */
class LossTracker {
  private sums: number[] = [];
  private count = 0;
  add(values: number[], batch: number): void {
    values.forEach((v, i) => (this.sums[i] = (this.sums[i] ?? 0) + v * batch));
    this.count += batch;
  }
  means(): number[] {
    return this.sums.map((s) => s / Math.max(1, this.count));
  }
  reset(): void {
    this.sums = [];
    this.count = 0;
  }
}

function lossLogs(model: AnyModel, losses: LossesContainer, tracker: LossTracker): Logs {
  const [total, ...per] = tracker.means();
  const logs: Logs = { loss: total };
  if (losses.outputs.length > 1)
    losses.outputs.forEach((o, i) => o && (logs[`${model.outputNames[i]}_loss`] = per[i]));
  return logs;
}

function lossValues(total: Tensor, losses: LossesContainer): number[] {
  const values = [total.item() as number];
  if (losses.outputs.length > 1) for (const l of losses.lastPerOutput) values.push(l.item() as number);
  return values;
}

/** @internal One gradient step: returns the loss values (total, then per output). */
function trainStep(model: AnyModel, xb: Tensor[], yb: Tensor[], swb: Tensor | null): number[] {
  // A model not built yet makes its weights in an untaped call first, so the step has them.
  if (!model.built || !model.optimizer) withoutRecording(() => forward(model, xb, false));
  const vars = trainableVars(model);
  const tape = new GradientTape();
  let preds: Tensor[] = [];
  let cont!: { losses: LossesContainer; metrics: MetricsContainer };
  const loss = tape.record(() => {
    preds = forward(model, xb, true);
    cont = compiledOf(model, preds.length);
    return cont.losses.compute(yb, preds, swb, model.totalLoss());
  });
  if (vars.length) {
    const grads = tape.gradient(loss, vars);
    model.optimizer!.applyGradients(grads, vars);
  }
  cont.metrics.update(yb, preds, swb);
  return lossValues(loss, cont.losses);
}

// On the GPU (work placed on "cuda"): the model's weights live there (moved once, if it was
// built on the CPU), and each batch is uploaded once, as its own device buffers, and freed after
// its step; everything a step makes (activations, gradients) is released by a tidy scope, so
// device memory stays flat. Variables and optimizer slots are updated in place; only the loss
// and metric values come back, as numbers.
const onDevice = (): boolean => deviceHooks.placement?.() === "cuda";

function placeWeights(model: AnyModel): void {
  for (const v of model.weights) {
    if (v.device === "cpu" && (v.dtype === "float32" || v.dtype === "float64")) v.moveTo("cuda");
  }
}

function upload(ts: readonly Tensor[]): Tensor[] {
  return ts.map((t) => new Tensor(deviceHooks.copyTo!(t, "cuda"), t.shape));
}

/** Runs `step` on device copies of a batch inside a tidy scope (plain `step` on the CPU). */
function batchStep<R extends number[] | Tensor[]>(
  xb: Tensor[],
  yb: Tensor[] | null,
  swb: Tensor | null,
  step: (xb: Tensor[], yb: Tensor[] | null, swb: Tensor | null) => R,
): R {
  if (!onDevice()) return step(xb, yb, swb);
  const [x, y, w] = [upload(xb), yb && upload(yb), swb && upload([swb])[0]];
  try {
    return tf.tidy(() => step(x, y, w));
  } finally {
    tf.dispose([x, y, w]);
  }
}

/** @internal One training step on the placed device: see batchStep. */
function trainStepOn(model: AnyModel, xb: Tensor[], yb: Tensor[], swb: Tensor | null): number[] {
  if (onDevice() && model.built) placeWeights(model);
  return batchStep(xb, yb, swb, (x, y, w) => {
    const values = trainStep(model, x, y!, w);
    // A model built by this step made its weights on the device already; any made earlier move.
    if (onDevice()) placeWeights(model);
    return values;
  });
}

async function yieldToEventLoop(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
}

// Yield at most every few milliseconds: often enough for heartbeats, interrupts and live
// progress, rarely enough that small batches do not pay for it.
const YIELD_EVERY_MS = 15;

function verbosity(v: 0 | 1 | 2 | "auto" | undefined, dflt: 0 | 1 | 2): 0 | 1 | 2 {
  return v === undefined ? dflt : v === "auto" ? 1 : v;
}

/** `model.fit`: see `FitOptions`. */
export async function fit(
  model: AnyModel,
  x: ModelData,
  y: ModelData | null,
  opts: FitOptions,
): Promise<History> {
  const steps = fitLoop(model, x, y, opts);
  let r = steps.next();
  while (!r.done) {
    await (r.value === YIELD ? yieldToEventLoop() : r.value);
    r = steps.next();
  }
  return r.value;
}

/**
 * `fit` without awaiting: the same loop run to its end synchronously, for callers that cannot
 * await (scikit-learn-style wrappers inside searches). It never yields to the event loop, so no
 * live display updates or interrupts arrive while it runs, and async work that callbacks start
 * is not waited for.
 */
export function fitSync(model: AnyModel, x: ModelData, y: ModelData | null, opts: FitOptions): History {
  const steps = fitLoop(model, x, y, opts);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

// A marker the loop yields where the async driver lets the event loop run.
const YIELD = Symbol("yield to the event loop");

// The training loop as a generator: it yields each callback's promise (awaited by `fit`,
// skipped by `fitSync`) and YIELD where `fit` gives the event loop a turn.
function* fitLoop(
  model: AnyModel,
  x: ModelData,
  y: ModelData | null,
  opts: FitOptions,
): Generator<Promise<void> | typeof YIELD, History, void> {
  if (!model.compiled) throw new ValueError("You must call `compile()` before calling `fit()`");
  const batchSize = opts.batchSize ?? 32;
  const epochs = opts.epochs ?? 1;
  const verbose = verbosity(opts.verbose, 1);
  let data = prepare(model, x, y, opts.sampleWeight, opts.classWeight);
  if (!data.ys)
    throw new ValueError("fit() needs targets y (unsupervised training with only x is not supported)");
  let val: Prepared | null = null;
  if (opts.validationData) {
    const [vx, vy, vsw] = opts.validationData as readonly [ModelData, ModelData, TensorLike?];
    val = prepare(model, vx, vy, vsw);
  } else if (opts.validationSplit) {
    const split = opts.validationSplit;
    if (!(split > 0 && split < 1))
      throw new ValueError(`validationSplit must be between 0 and 1, got ${split}`);
    const at = Math.floor(data.n * (1 - split));
    const cut = (ts: Tensor[], s: number, e: number): Tensor[] => ts.map((t) => rowSlice(t, s, e));
    val = {
      xs: cut(data.xs, at, data.n),
      ys: cut(data.ys!, at, data.n),
      sw: data.sw ? rowSlice(data.sw, at, data.n) : null,
      n: data.n - at,
    };
    data = {
      xs: cut(data.xs, 0, at),
      ys: cut(data.ys!, 0, at),
      sw: data.sw ? rowSlice(data.sw, 0, at) : null,
      n: at,
    };
  }
  const ranges = batchRanges(data.n, batchSize).slice(0, opts.stepsPerEpoch ?? Infinity);
  const callbacks = new CallbackList(opts.callbacks ?? [], {
    model,
    params: { verbose, epochs, steps: ranges.length, batchSize, samples: data.n },
    addHistory: true,
  });
  const history = callbacks.history;
  model.history = history;
  model.stopTraining = false;
  const progress = new ProgressReporter(verbose, epochs, ranges.length);
  const tracker = new LossTracker();
  // Reuse a step's arrays only when no user code runs inside a step (see recycle-guard.ts).
  const recycle = builtInStep(model);
  let lastYield = performance.now();
  let finished = false;
  let epochLogs: Logs = {};
  try {
    yield callbacks.onTrainBegin();
    for (let epoch = opts.initialEpoch ?? 0; epoch < epochs; epoch++) {
      tracker.reset();
      model.compiled.metrics?.reset();
      yield callbacks.onEpochBegin(epoch);
      progress.onEpochBegin(epoch);
      const order = opts.shuffle === false ? null : shuffledOrder(data.n);
      // Batch hooks and the running logs they receive cost little per batch, but batches of a
      // small model take well under a millisecond: without hooks, the logs are made only for
      // the progress display when it redraws and for the epoch's last batch.
      const batchHooks = callbacks.hasTrainBatchHooks();
      let logs: Logs = {};
      for (let step = 0; step < ranges.length; step++) {
        const [s, e] = ranges[step];
        if (batchHooks) yield callbacks.onTrainBatchBegin(step);
        const run = (): number[] =>
          trainStepOn(
            model,
            sliceAll(data.xs, order, s, e),
            sliceAll(data.ys!, order, s, e),
            data.sw ? sliceAll([data.sw], order, s, e)[0] : null,
          );
        // On the CPU a step's arrays (its batch included) serve the next step (see
        // core/recycle.ts) when everything in the step is built in; on a device the tidy scope
        // in batchStep frees them.
        const values = onDevice() || !recycle ? run() : runRecyclingStep(run);
        tracker.add(values, e - s);
        const withLogs = batchHooks || step === ranges.length - 1 || progress.wantsLogs();
        if (withLogs) {
          logs = {
            ...lossLogs(model, model.compiled.losses!, tracker),
            ...model.compiled.metrics!.results(),
          };
        }
        progress.onTrainBatchEnd(step, withLogs ? logs : null);
        if (batchHooks) yield callbacks.onTrainBatchEnd(step, logs);
        if (performance.now() - lastYield > YIELD_EVERY_MS) {
          yield YIELD;
          lastYield = performance.now();
        }
        if (model.stopTraining) break;
      }
      epochLogs = { ...logs };
      if (val && (epoch + 1 - (opts.initialEpoch ?? 0)) % (opts.validationFreq ?? 1) === 0) {
        const v = evaluateData(model, val, opts.validationBatchSize ?? batchSize, callbacks);
        yield v.pending;
        for (const [k, value] of Object.entries(v.logs)) epochLogs[`val_${k}`] = value;
      }
      progress.onEpochEnd(epoch, epochLogs);
      yield callbacks.onEpochEnd(epoch, epochLogs);
      yield YIELD;
      lastYield = performance.now();
      if (model.stopTraining) break;
    }
    yield callbacks.onTrainEnd(epochLogs);
    finished = true;
  } finally {
    clearRecycled();
    progress.finish(!finished || model.stopTraining);
  }
  return history;
}

// Test hooks may be async (a callback writing a file): their promises are chained and handed
// back, so fit awaits them; evaluate, which is synchronous, lets them finish on their own.
function evaluateData(
  model: AnyModel,
  data: Prepared,
  batchSize: number,
  callbacks: CallbackList | null,
): { logs: Logs; pending: Promise<void> } {
  let pending = Promise.resolve();
  const hook = (f: () => Promise<void>): void => {
    pending = pending.then(f);
  };
  if (!data.ys) throw new ValueError("evaluate() needs targets y");
  const tracker = new LossTracker();
  let cont: { losses: LossesContainer; metrics: MetricsContainer } | null = null;
  if (callbacks) hook(() => callbacks.onTestBegin());
  const ranges = batchRanges(data.n, batchSize);
  let logs: Logs = {};
  withoutRecording(() => {
    ranges.forEach(([s, e], step) => {
      if (callbacks) hook(() => callbacks.onTestBatchBegin(step));
      const batch = [sliceAll(data.xs, null, s, e), sliceAll(data.ys!, null, s, e)];
      const values = batchStep(
        batch[0],
        batch[1],
        data.sw ? rowSlice(data.sw, s, e) : null,
        (xb, yb, swb) => {
          const preds = forward(model, xb, false);
          if (!cont) {
            cont = compiledOf(model, preds.length);
            cont.metrics.reset();
          }
          const loss = cont.losses.compute(yb!, preds, swb, model.totalLoss());
          cont.metrics.update(yb!, preds, swb);
          return lossValues(loss, cont.losses);
        },
      );
      tracker.add(values, e - s);
      if (!cont) throw new ValueError("evaluate() found no outputs");
      logs = { ...lossLogs(model, cont.losses, tracker), ...cont.metrics.results() };
      if (callbacks) {
        const l = { ...logs };
        hook(() => callbacks.onTestBatchEnd(step, l));
      }
    });
  });
  const last = { ...logs };
  if (callbacks) hook(() => callbacks.onTestEnd(last));
  // The metric objects are shared with training: reset so the next epoch starts clean.
  if (cont) (cont as { metrics: MetricsContainer }).metrics.reset();
  return { logs, pending };
}

function shapeResult(
  logs: Logs,
  returnDict: boolean | undefined,
): number | number[] | Record<string, number> {
  if (returnDict) return logs;
  const values = Object.values(logs);
  return values.length === 1 ? values[0] : values;
}

/** `model.evaluate`: see `EvaluateOptions`. */
export function evaluate(
  model: AnyModel,
  x: ModelData,
  y: ModelData | null,
  opts: EvaluateOptions,
): number | number[] | Record<string, number> {
  const data = prepare(model, x, y, opts.sampleWeight);
  const batchSize = opts.batchSize ?? 32;
  const callbacks = opts.callbacks ? new CallbackList(opts.callbacks, { model }) : null;
  if (onDevice() && model.built) placeWeights(model);
  const t0 = performance.now();
  const { logs } = evaluateData(model, data, batchSize, callbacks);
  if (verbosity(opts.verbose, 1) > 0) {
    const steps = Math.ceil(data.n / batchSize);
    process.stdout.write(progressLine(steps, steps, (performance.now() - t0) / 1000, logs, true) + "\n");
  }
  return shapeResult(logs, opts.returnDict);
}

/** `model.predict`: see `PredictOptions`. */
export function predict(model: AnyModel, x: ModelData, opts: PredictOptions): Tensor | Tensor[] {
  const xs = flattenData(x, model.inputNames, "input");
  const n = countExamples([xs]);
  const callbacks = opts.callbacks ? new CallbackList(opts.callbacks, { model }) : null;
  if (onDevice() && model.built) placeWeights(model);
  void callbacks?.onPredictBegin();
  const parts: Tensor[][] = [];
  withoutRecording(() => {
    batchRanges(n, opts.batchSize ?? 32)
      .slice(0, opts.steps ?? Infinity)
      .forEach(([s, e], step) => {
        void callbacks?.onPredictBatchBegin(step);
        // On the GPU each batch's outputs come back to the CPU (Keras returns host arrays).
        const out = batchStep(sliceAll(xs, null, s, e), null, null, (xb) =>
          onDevice() ? forward(model, xb, false).map((o) => o.cpu()) : forward(model, xb, false),
        );
        out.forEach((o, i) => (parts[i] ??= []).push(o));
        void callbacks?.onPredictBatchEnd(step);
      });
  });
  void callbacks?.onPredictEnd();
  const joined = parts.map((p) => (p.length === 1 ? p[0] : tf.concat(p, 0)));
  return model.outputStructure === "list" || joined.length > 1 ? joined : joined[0];
}

/** `model.trainOnBatch`. */
export function trainOnBatch(
  model: AnyModel,
  x: ModelData,
  y: ModelData | null,
  opts: { sampleWeight?: TensorLike; classWeight?: Readonly<Record<number, number>>; returnDict?: boolean },
): number | number[] | Record<string, number> {
  const data = prepare(model, x, y, opts.sampleWeight, opts.classWeight);
  if (!data.ys) throw new ValueError("trainOnBatch needs targets y");
  model.compiled?.metrics?.reset();
  const values = trainStepOn(model, data.xs, data.ys, data.sw);
  const tracker = new LossTracker();
  tracker.add(values, data.n);
  const logs = {
    ...lossLogs(model, model.compiled!.losses!, tracker),
    ...model.compiled!.metrics!.results(),
  };
  return shapeResult(logs, opts.returnDict);
}

/** `model.testOnBatch`. */
export function testOnBatch(
  model: AnyModel,
  x: ModelData,
  y: ModelData | null,
  opts: { sampleWeight?: TensorLike; returnDict?: boolean },
): number | number[] | Record<string, number> {
  const data = prepare(model, x, y, opts.sampleWeight);
  return shapeResult(evaluateData(model, data, Math.max(1, data.n), null).logs, opts.returnDict);
}

/** `model.predictOnBatch`. */
export function predictOnBatch(model: AnyModel, x: ModelData): Tensor | Tensor[] {
  const xs = flattenData(x, model.inputNames, "input");
  const out = withoutRecording(() => forward(model, xs, false));
  return model.outputStructure === "list" || out.length > 1 ? out : out[0];
}
