import { allocate, type TypedArray } from "../../core/dtype.js";
import { readHost } from "../../core/host.js";
import { Tensor } from "../../core/tensor.js";
import { GradientTape } from "../../autodiff/gradient-tape.js";
import { Variable } from "../../autodiff/variable.js";
import type { Config } from "../common/config.js";
import { serializeObject } from "../common/registry.js";
import { deserialize as deserializeSchedule } from "../schedules/index.js";
import { isSchedule, type LearningRateSchedule } from "../schedules/schedule.js";
import { isSerialized } from "../common/config.js";
import { checkClipOptions, clipGradients } from "./clip.js";
import { fusedStep, type FusedUpdate } from "./fused.js";
import { withWritable } from "./writable.js";
import { withoutRecording } from "../../autodiff/recorder.js";
import { applyUpdate, hasUpdateKernel, type UpdateAttrs, type UpdateOp } from "../../ops/optim.js";

/** A fused update a device runs for one variable (see `Optimizer.deviceUpdate`). */
export type DeviceUpdate = { [K in UpdateOp]: { op: K; attrs: UpdateAttrs[K] } }[UpdateOp];

/** Options every optimizer takes (Keras' base `Optimizer` arguments, camelCase). */
export interface OptimizerOptions {
  /** A number, or a schedule called with the step count (default: the optimizer's own). */
  learningRate?: number | LearningRateSchedule;
  /** Keras 2's deprecated spelling of `learningRate`. */
  lr?: number | LearningRateSchedule;
  /** Rescale each gradient to an L2 norm of at most this. */
  clipnorm?: number | null;
  /** Clamp each gradient element to `[-clipvalue, clipvalue]`. */
  clipvalue?: number | null;
  /** Rescale all gradients together to a joint L2 norm of at most this. */
  globalClipnorm?: number | null;
  /** Decoupled weight decay: `w -= w · weightDecay · lr` before each update. */
  weightDecay?: number | null;
  /** Keras 2's legacy time decay: the rate is `lr / (1 + decay · iterations)` (the book's power scheduling). */
  decay?: number;
  /** The optimizer's name (default its class's). */
  name?: string;
}

/** One gradient with the variable it updates, as `applyGradients` takes them. */
export type GradientPair = readonly [Tensor | null | undefined, Variable];

/** The arrays an update step works on: the variable's values, its gradient and its slots. */
export interface StepArrays {
  /** The variable's values, updated in place. */
  readonly w: TypedArray;
  /** The gradient (already clipped). */
  readonly g: ArrayLike<number>;
  /** The slot variables' values (in `slotNames` order), updated in place. */
  readonly slots: readonly TypedArray[];
}

/**
 * The base of Keras optimizers (`keras.optimizers.Optimizer`): it owns the step counter
 * (`iterations`), the learning rate (a number or a schedule, settable at any time), clipping,
 * weight decay, and per-variable slot variables; subclasses define only their slots and the
 * element-wise update (`updateStep`). Updates are fused loops over the variables' storage.
 *
 * @example
 * ```ts
 * const opt = new keras.optimizers.SGD({ learningRate: 0.1, momentum: 0.9 });
 * const tape = new tf.GradientTape();
 * const loss = tape.record(() => tf.reduceSum(tf.square(w)));
 * opt.applyGradients([[tape.gradient(loss, w), w]]);
 * opt.learningRate = 0.01; // K.set_value(opt.learning_rate, 0.01)
 * ```
 */
export abstract class Optimizer {
  /** The optimizer's name. */
  readonly name: string;
  /** The number of updates done so far (Keras' `iterations`), an int32 scalar variable. */
  readonly iterations: Variable;
  /** Per-gradient norm clipping, or null. */
  readonly clipnorm: number | null;
  /** Element-wise value clipping, or null. */
  readonly clipvalue: number | null;
  /** Joint norm clipping, or null. */
  readonly globalClipnorm: number | null;
  /** Decoupled weight decay, or null. */
  weightDecay: number | null;
  /** Keras 2's legacy time decay (0: none). */
  readonly decay: number;

  #learningRate: number | LearningRateSchedule;
  readonly #built: Variable[] = [];
  readonly #slots = new Map<Variable, Variable[]>();
  readonly #extra: Variable[] = [];

  constructor(opts: OptimizerOptions, defaultLearningRate: number) {
    this.name = opts.name ?? this.constructor.name;
    this.#learningRate = opts.learningRate ?? opts.lr ?? defaultLearningRate;
    this.clipnorm = opts.clipnorm ?? null;
    this.clipvalue = opts.clipvalue ?? null;
    this.globalClipnorm = opts.globalClipnorm ?? null;
    checkClipOptions(this);
    this.weightDecay = opts.weightDecay ?? null;
    this.decay = opts.decay ?? 0;
    this.iterations = new Variable(0, { dtype: "int32", trainable: false, name: "iteration" });
  }

  /** The names of the per-variable slots, in the order `updateStep` receives them. */
  protected abstract slotNames(): readonly string[];

  /** The initial value of a slot (0 unless the optimizer says otherwise). */
  protected slotInitialValue(_slot: string): number {
    return 0;
  }

  /**
   * The element-wise update of one variable: change `a.w` and `a.slots` in place.
   * `lr` is the current learning rate and `step` the 1-based step count (Keras' `local_step`).
   */
  protected abstract updateStep(a: StepArrays, lr: number, step: number): void;

  /**
   * The fused update op a device runs for this optimizer's step (`applySgd`, `applyAdam`...),
   * or null when it has none (the update then runs on host copies of the device arrays).
   * The weight decay is applied by the caller's attributes.
   */
  protected deviceUpdate(_lr: number, _step: number): DeviceUpdate | null {
    return null;
  }

  /**
   * The same update as `updateStep`, in the form the native addon runs fused (one pass into
   * fresh arrays), or undefined when it has none; `decay` is the weight-decay factor
   * `1 - weightDecay · lr` (1 without weight decay). Used when the addon is in use.
   */
  protected fusedUpdate(_lr: number, _step: number, _decay: number): FusedUpdate | undefined {
    return undefined;
  }

  /** Runs once per `applyGradients`, before the variables are updated (Nadam's running product). */
  protected beforeStep(_step: number): void {}

  /** Adds an optimizer-wide state variable (saved with the slots). */
  protected addOptimizerVariable(name: string, initial: number): Variable {
    const v = new Variable(initial, { dtype: "float32", trainable: false, name, device: "cpu" });
    this.#extra.push(v);
    return v;
  }

  /**
   * The current learning rate as a number: the schedule's value at `iterations` when the rate
   * is a schedule, with the legacy `decay` applied. Setting it (a number or a schedule) takes
   * effect at the next update (Keras' `K.set_value(optimizer.learning_rate, v)`).
   */
  get learningRate(): number {
    const step = this.step();
    const base = isSchedule(this.#learningRate) ? this.#learningRate.call(step) : this.#learningRate;
    return this.decay > 0 ? base / (1 + this.decay * step) : base;
  }

  set learningRate(v: number | LearningRateSchedule) {
    if (!isSchedule(v) && !(typeof v === "number" && Number.isFinite(v))) {
      throw new TypeError(`learningRate must be a finite number or a LearningRateSchedule, got ${String(v)}`);
    }
    this.#learningRate = v;
  }

  /** Keras 2's `lr`, the same as `learningRate`. */
  get lr(): number {
    return this.learningRate;
  }

  set lr(v: number | LearningRateSchedule) {
    this.learningRate = v;
  }

  /** The schedule behind the learning rate, or null when it is a plain number. */
  get learningRateSchedule(): LearningRateSchedule | null {
    return isSchedule(this.#learningRate) ? this.#learningRate : null;
  }

  /** The step count as a number. */
  private step(): number {
    return this.iterations.item() as number;
  }

  /**
   * Creates the slot variables of `vars` (those not yet built), in order. Optimizers build
   * lazily on the first `applyGradients`; call it before `setWeights` when restoring a saved
   * optimizer, with the model's trainable variables.
   *
   * @example
   * ```ts
   * opt.build(model.trainableWeights);
   * opt.setWeights(saved);
   * ```
   */
  build(vars: readonly Variable[]): void {
    for (const v of vars) {
      if (this.#slots.has(v)) continue;
      const slots = this.slotNames().map(
        (s) =>
          new Variable(filled(v, this.slotInitialValue(s)), {
            trainable: false,
            name: `${v.name}/${s}`,
            device: v.device,
          }),
      );
      this.#slots.set(v, slots);
      this.#built.push(v);
    }
  }

  /**
   * Applies gradients: `[[grad, variable], ...]` (the book's `zip(grads, vars)`), or the
   * gradients and the variables as two arrays (Keras 3). `null` gradients (unconnected
   * variables) are skipped. Increments `iterations`, applies each variable's constraint, and
   * returns `iterations`.
   *
   * @example
   * ```ts
   * const grads = tape.gradient(loss, model.trainableVariables);
   * optimizer.applyGradients(grads.map((g, i) => [g, model.trainableVariables[i]]));
   * optimizer.applyGradients(grads, model.trainableVariables); // the same
   * ```
   */
  applyGradients(pairs: Iterable<GradientPair>): Variable;
  applyGradients(grads: readonly (Tensor | null | undefined)[], vars: readonly Variable[]): Variable;
  applyGradients(
    a: Iterable<GradientPair> | readonly (Tensor | null | undefined)[],
    b?: readonly Variable[],
  ): Variable {
    const pairs = b
      ? pairUp(a as readonly (Tensor | null | undefined)[], b)
      : [...(a as Iterable<GradientPair>)];
    const live = pairs.filter((p): p is readonly [Tensor, Variable] => p[0] != null);
    for (const [, v] of live) checkVariable(v);
    this.build(live.map((p) => p[1]));
    const lr = this.learningRate;
    const step = this.step() + 1;
    // Clipping reads every gradient on the host; without it, device variables keep theirs there.
    const clipping = this.clipnorm !== null || this.clipvalue !== null || this.globalClipnorm !== null;
    let host: ArrayLike<number>[] | undefined;
    const hostGrads = (): ArrayLike<number>[] =>
      (host ??= clipGradients(
        live.map(([g]) => readHost(g)),
        this,
      ));
    this.beforeStep(step);
    const device = clipping ? null : this.deviceUpdate(lr, step);
    const hostFused = this.fusedUpdate(lr, step, this.weightDecay ? 1 - this.weightDecay * lr : 1);
    live.forEach(([g, v], i) => {
      if (g.size !== v.size) {
        throw new RangeError(
          `The gradient of '${v.name}' has shape [${g.shape.join(", ")}], but the variable has shape [${v.shape.join(", ")}]`,
        );
      }
      const slots = this.#slots.get(v)!;
      // Slots follow their variable (a model moved to the GPU after the optimizer was built).
      for (const s of slots) if (s.device !== v.device) s.moveTo(v.device);
      if (device && v.device !== "cpu" && g.dtype === v.dtype && hasUpdateKernel(device.op, v.device)) {
        const attrs = { ...device.attrs, weightDecay: this.weightDecay ?? 0 };
        withoutRecording(() => applyUpdate(device.op, [v, g, ...slots], attrs as never));
        v.applyConstraint();
        return;
      }
      const outs =
        hostFused && v.device === "cpu"
          ? fusedStep(hostFused, readHost(v), hostGrads()[i], slots.map(readHost))
          : undefined;
      if (outs) {
        v.adoptArray(outs[0]);
        slots.forEach((s, k) => s.adoptArray(outs[k + 1]));
        v.applyConstraint();
        return;
      }
      withWritable([v, ...slots], ([w, ...s]) => {
        if (this.weightDecay) {
          const k = 1 - this.weightDecay * lr;
          for (let j = 0; j < w.length; j++) w[j] = w[j] * k;
        }
        this.updateStep({ w, g: hostGrads()[i], slots: s }, lr, step);
      });
      v.applyConstraint();
    });
    this.iterations.assignAdd(1);
    return this.iterations;
  }

  /**
   * Computes the gradients of `loss` (a function, recorded on a new tape; or a tensor recorded
   * on `opts.tape`) with respect to `varList` and applies them.
   *
   * @example
   * ```ts
   * optimizer.minimize(() => tf.reduceMean(tf.square(tf.matmul(X, w).sub(y))), [w]);
   * ```
   */
  minimize(
    loss: (() => Tensor) | Tensor,
    varList: readonly Variable[] | (() => readonly Variable[]),
    opts: { tape?: GradientTape } = {},
  ): Variable {
    const vars = typeof varList === "function" ? varList() : varList;
    let tape = opts.tape;
    let value: Tensor;
    if (typeof loss === "function") {
      tape = tape ?? new GradientTape();
      value = tape.record(loss);
    } else {
      if (!tape)
        throw new TypeError("minimize: a loss given as a tensor needs the tape that recorded it ({ tape })");
      value = loss;
    }
    const grads = tape.gradient(value, [...vars]) as (Tensor | null)[];
    return this.applyGradients(grads, vars);
  }

  /**
   * The optimizer's state: `iterations`, optimizer-wide variables, then each slot kind for
   * every built variable in build order (Keras' `optimizer.variables`).
   */
  variables(): Variable[] {
    const out = [this.iterations, ...this.#extra];
    this.slotNames().forEach((_, k) => {
      for (const v of this.#built) out.push(this.#slots.get(v)![k]);
    });
    return out;
  }

  /** The values of `variables()`, for saving. @example `const state = opt.getWeights()` */
  getWeights(): Tensor[] {
    return this.variables().map((v) => v.value());
  }

  /**
   * Restores `getWeights()` values; the optimizer must have been built for the same variables
   * in the same order (see `build`).
   *
   * @example
   * ```ts
   * opt.setWeights(state);
   * ```
   */
  setWeights(weights: readonly Tensor[]): void {
    const vars = this.variables();
    if (weights.length !== vars.length) {
      throw new RangeError(
        `${this.name}.setWeights: got ${weights.length} arrays for ${vars.length} optimizer variables; ` +
          `call optimizer.build(model.trainableWeights) first so the slots exist`,
      );
    }
    vars.forEach((v, i) => v.assign(weights[i]));
  }

  /** The slot variable `slot` of `variable` (Keras' `get_slot`). @example `opt.getSlot(w, "m")` */
  getSlot(variable: Variable, slot: string): Variable {
    const k = this.slotNames().indexOf(slot);
    const slots = this.#slots.get(variable);
    if (k < 0 || !slots) {
      throw new RangeError(
        `${this.name} has no slot '${slot}' for '${variable.name}'; slots: ${this.slotNames().join(", ")}`,
      );
    }
    return slots[k];
  }

  /** The constructor options that rebuild this optimizer (with the learning rate as now). */
  getConfig(): Config {
    const lr = this.learningRateSchedule;
    return {
      name: this.name,
      learningRate: lr ? (serializeObject(lr) as unknown as Config) : this.learningRate,
      clipnorm: this.clipnorm,
      clipvalue: this.clipvalue,
      globalClipnorm: this.globalClipnorm,
      weightDecay: this.weightDecay,
      decay: this.decay,
    };
  }

  /**
   * Rebuilds an optimizer from its config (a serialized schedule is rebuilt too).
   *
   * @example
   * ```ts
   * const copy = keras.optimizers.Adam.fromConfig(opt.getConfig());
   * ```
   */
  static fromConfig<T extends Optimizer>(this: new (o: OptimizerOptions) => T, config: Config): T {
    const lr = config.learningRate;
    const opts = { ...config } as unknown as OptimizerOptions;
    if (isSerialized(lr)) opts.learningRate = deserializeSchedule(lr);
    return new this(opts);
  }
}

function filled(v: Variable, value: number): Tensor {
  return Tensor.fromTypedArray(allocate(v.dtype, v.size).fill(value), v.shape, v.dtype);
}

function pairUp(grads: readonly (Tensor | null | undefined)[], vars: readonly Variable[]): GradientPair[] {
  if (grads.length !== vars.length) {
    throw new RangeError(`applyGradients: got ${grads.length} gradients for ${vars.length} variables`);
  }
  return grads.map((g, i) => [g, vars[i]] as const);
}

function checkVariable(v: unknown): asserts v is Variable {
  if (!(v instanceof Variable)) {
    throw new TypeError(
      "applyGradients updates tf.Variable objects; pass [[gradient, variable], ...] or (gradients, variables)",
    );
  }
}
