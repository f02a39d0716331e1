import { toTensor } from "../../core/convert.js";
import { isFloat, toDType, type DType } from "../../core/dtype.js";
import { ValueError } from "../../core/errors.js";
import { Tensor, DISPLAY, type MimeBundle, type TensorLike } from "../../core/tensor.js";
import { Variable } from "../../autodiff/variable.js";
import { withoutRecording } from "../../autodiff/recorder.js";
import { addN } from "../../tf/math.js";
import { tidy } from "../../tf/memory.js";
import { zeros } from "../../ops/creation.js";
import type { Config, ConfigValue } from "../common/config.js";
import { enclosingTraining, inCall, insideCall } from "./context.js";
import { snakeCase, uniqueName } from "./naming.js";
import {
  getConstraint,
  getInitializer,
  getRegularizer,
  type ConstraintLike,
  type InitializerLike,
  type RegularizerFn,
  type RegularizerLike,
} from "./parts.js";
import { checkShapeSpec, formatShapeSpec, isShapeList, type ShapeSpec, type ShapeSpecs } from "./shapes.js";
import { KerasTensor, Node, isSymbolic } from "./symbolic.js";

/** Options every layer takes (Keras' base `Layer` keywords). */
export interface LayerOptions {
  /** The layer's name (default: the snake_case class name made unique: `dense`, `dense_1`). */
  name?: string;
  /** Whether its weights are trained (default true). */
  trainable?: boolean;
  /** The dtype of its weights and computations (default float32). */
  dtype?: DType | string;
  /** Shape of one example (no batch axis) when this is a model's first layer: `[28, 28]`. */
  inputShape?: ShapeSpec;
  /** A fixed batch size to go with `inputShape`. */
  batchSize?: number;
  /** Shape of a whole batch, batch axis first (`[null, 28, 28]`). */
  batchInputShape?: ShapeSpec;
}

/** Options of a layer call: `layer.apply(x, { training: true })`. */
export interface CallOptions {
  /** Training mode (Dropout drops, BatchNormalization uses batch statistics). */
  training?: boolean;
  /** A boolean mask of valid time steps (from `Embedding({ maskZero: true })`). */
  mask?: Tensor | null;
}

/** What a layer's `call` receives: one tensor, or a list for layers with several inputs. */
export type CallInputs = Tensor | Tensor[];
/** What a layer's `call` returns: one tensor, or a list for layers with several outputs. */
export type CallOutputs = Tensor | Tensor[];

/** Options of `addWeight`. */
export interface AddWeightOptions {
  /** Weight name, shown as `layer_name/name` (default "variable"). */
  name?: string;
  /** Shape of the weight (required unless given positionally). */
  shape?: readonly number[];
  /** How to fill it: a name ("glorot_uniform", "zeros"...), an initializer or a function (default glorot_uniform). */
  initializer?: InitializerLike;
  /** A penalty added to the model's losses: "l2", `keras.regularizers.l2(0.01)`, a function. */
  regularizer?: RegularizerLike;
  /** Whether optimizers update it (default true). */
  trainable?: boolean;
  /** A projection applied after each optimizer update: "max_norm", a function. */
  constraint?: ConstraintLike;
  /** Element type (default the layer's dtype). */
  dtype?: DType | string;
}

/** The call signature every layer has: layers are callable, `layer(x)` is `layer.apply(x)`. */
// The merge is safe: the constructor returns a function that implements this signature.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface Layer {
  (inputs: KerasTensor | readonly KerasTensor[], opts?: CallOptions): KerasTensor;
  (inputs: TensorLike | readonly TensorLike[], opts?: CallOptions): Tensor;
}

// Masks travel with tensors, as Keras' `_keras_mask` attribute.
const masks = new WeakMap<object, Tensor>();

/** The mask a layer attached to a tensor (Embedding with `maskZero`), or null. */
export function maskOf(t: unknown): Tensor | null {
  return typeof t === "object" && t !== null ? (masks.get(t) ?? null) : null;
}

let weightsVersion = 0;

/** @internal A number that changes whenever any layer's weights or trainable flags change. */
export function weightsEpoch(): number {
  return weightsVersion;
}

// Whether any layer has ever had a loss of its own (`addLoss`, an activity regularizer) or a
// regularized weight. Until one does, `losses` is empty everywhere and the per-call walks over
// the layer tree that collect and clear those losses are skipped.
let layerLossesSeen = false;

/**
 * The base of every Keras layer: holds weights (made in `build` with `addWeight`), computes in
 * `call`, and is called on tensors (eagerly) or on symbolic tensors (to build functional models)
 * with `layer.apply(x)` or simply `layer(x)`. Subclass it for custom layers, as in Keras.
 *
 * @example
 * ```ts
 * class SimpleDense extends keras.layers.Layer {
 *   w!: tf.Variable; b!: tf.Variable;
 *   constructor(public units: number, opts: keras.layers.LayerOptions = {}) { super(opts); }
 *   override build(inputShape: keras.ShapeSpec) {
 *     this.w = this.addWeight({ name: "kernel", shape: [inputShape.at(-1)!, this.units], initializer: "random_normal" });
 *     this.b = this.addWeight({ name: "bias", shape: [this.units], initializer: "zeros" });
 *   }
 *   override call(x: tf.Tensor) { return tf.add(tf.matmul(x, this.w), this.b); }
 * }
 * new SimpleDense(32)(tf.ones([2, 784])).shape; // [2, 32]
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Layer {
  /** The layer's name, unique among layers made since the last `clearSession`. */
  declare name: string;
  /** Whether `build` has run (weights exist). */
  declare built: boolean;
  /** Element type of weights and float computations. */
  declare dtype: DType;
  /** Whether this layer passes a mask from its input to its output. */
  declare supportsMasking: boolean;
  /** A penalty on the layer's outputs, added to the losses at each call. */
  declare activityRegularizer: RegularizerFn | null;
  /** @internal Calls of this layer on symbolic tensors. */
  declare inboundNodes: Node[];
  /** @internal Batch input shape declared with `inputShape`/`batchInputShape`. */
  declare batchInputShape: ShapeSpec | null;
  /** @internal The input shape `build` ran with (batch axis null), for saving. */
  declare buildInputShape: ShapeSpecs | null;
  declare protected _trainable: boolean;
  declare protected _trainableWeights: Variable[];
  declare protected _nonTrainableWeights: Variable[];
  declare protected _regularized: [Variable, RegularizerFn][];
  declare protected _activityLosses: Tensor[];

  constructor(opts: LayerOptions = {}) {
    // Layers are callable (`layer(x)`, `model(x, { training: true })`), so the instance is a
    // function whose prototype is the class's. A base constructor that returns an object makes
    // it `this` for every subclass, so subclass fields land on it as usual.
    const self = ((inputs: never, o?: CallOptions) => self.apply(inputs, o)) as unknown as Layer;
    Object.setPrototypeOf(self, new.target.prototype);
    const name = opts.name ?? uniqueName(snakeCase(self.defaultNameBase()));
    Object.defineProperty(self, "name", {
      value: name,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    self.built = false;
    self.dtype = toDType(opts.dtype ?? "float32");
    self.supportsMasking = false;
    self.activityRegularizer = null;
    self.inboundNodes = [];
    self._trainable = opts.trainable ?? true;
    self._trainableWeights = [];
    self._nonTrainableWeights = [];
    self._regularized = [];
    self._activityLosses = [];
    self.buildInputShape = null;
    self.batchInputShape = null;
    if (opts.batchInputShape) {
      self.batchInputShape = checkShapeSpec(opts.batchInputShape, `${name}: batchInputShape`);
    } else if (opts.inputShape) {
      const s = checkShapeSpec(opts.inputShape, `${name}: inputShape`);
      self.batchInputShape = [opts.batchSize ?? null, ...s];
    }
    return self;
  }

  /** The class name Keras derives default names from (the constructor's name). */
  protected defaultNameBase(): string {
    return this.constructor.name;
  }

  // ---- weights ---------------------------------------------------------------------------

  /**
   * Creates a weight of this layer (in `build`, usually): a `tf.Variable` named
   * `layer_name/name`, tracked in `weights` and, when trainable, updated by optimizers.
   *
   * @example
   * ```ts
   * this.kernel = this.addWeight({ name: "kernel", shape: [inputDim, this.units], initializer: "glorot_normal" });
   * ```
   */
  addWeight(opts: AddWeightOptions): Variable;
  addWeight(shape: readonly number[], opts?: AddWeightOptions): Variable;
  addWeight(a: AddWeightOptions | readonly number[], b: AddWeightOptions = {}): Variable {
    const o: AddWeightOptions = Array.isArray(a)
      ? { ...b, shape: a as readonly number[] }
      : (a as AddWeightOptions);
    if (!o.shape)
      throw new ValueError(
        `${this.name}.addWeight needs a shape, e.g. addWeight({ name: "kernel", shape: [3, 4] })`,
      );
    const dtype = toDType(o.dtype ?? this.dtype);
    const init = getInitializer(o.initializer ?? (isFloat(dtype) ? "glorot_uniform" : "zeros"));
    const trainable = (o.trainable ?? true) && this._trainable;
    const constraint = o.constraint ? getConstraint(o.constraint) : null;
    // The variable copies the initial value, which tidy then frees (on a GPU at once).
    const v = tidy(
      () =>
        new Variable(
          withoutRecording(() => init([...o.shape!], dtype)),
          { name: `${this.name}/${o.name ?? "variable"}`, dtype, trainable, constraint },
        ),
    );
    if (o.trainable ?? true) this._trainableWeights.push(v);
    else this._nonTrainableWeights.push(v);
    if (o.regularizer) {
      this._regularized.push([v, getRegularizer(o.regularizer)]);
      layerLossesSeen = true;
    }
    weightsVersion++;
    return v;
  }

  /** @internal Layers held by this one (attributes that are layers or lists of layers). */
  get subLayers(): Layer[] {
    const out: Layer[] = [];
    for (const key of Object.keys(this)) {
      if (key === "inboundNodes") continue;
      const v = (this as unknown as Record<string, unknown>)[key];
      if (v instanceof Layer) out.push(v);
      else if (Array.isArray(v)) for (const e of v) if (e instanceof Layer) out.push(e);
    }
    return [...new Set(out)];
  }

  /** Whether the layer's weights are trained; setting it sets every nested layer too (freezing). */
  get trainable(): boolean {
    return this._trainable;
  }
  set trainable(value: boolean) {
    this._trainable = value;
    for (const v of this._trainableWeights) v.trainable = value;
    for (const l of this.subLayers) l.trainable = value;
    weightsVersion++;
  }

  /** All weights: this layer's (trainable, then non-trainable), then its nested layers'. */
  get weights(): Variable[] {
    const out = [...this._trainableWeights, ...this._nonTrainableWeights];
    for (const l of this.subLayers) out.push(...l.weights);
    return [...new Set(out)];
  }

  /** The weights optimizers update (none when the layer is frozen). */
  get trainableWeights(): Variable[] {
    return this.weights.filter((v) => v.trainable);
  }

  /** The weights optimizers leave alone (BatchNormalization's moving statistics, frozen layers'). */
  get nonTrainableWeights(): Variable[] {
    return this.weights.filter((v) => !v.trainable);
  }

  /** Keras' `variables` (the same list as `weights`). */
  get variables(): Variable[] {
    return this.weights;
  }

  /** Keras' `trainable_variables`. */
  get trainableVariables(): Variable[] {
    return this.trainableWeights;
  }

  /** Keras' `non_trainable_variables`. */
  get nonTrainableVariables(): Variable[] {
    return this.nonTrainableWeights;
  }

  /**
   * The weights' values as tensors (copies), in `weights` order.
   *
   * @example
   * ```ts
   * const [kernel, bias] = model.layers[1].getWeights(); // kernel [784, 300], bias [300]
   * ```
   */
  getWeights(): Tensor[] {
    return this.weights.map((v) => v.value().copy());
  }

  /**
   * Sets the weights from tensors in `weights` order (shapes must match).
   *
   * @example
   * ```ts
   * clone.setWeights(model.getWeights());
   * ```
   */
  setWeights(values: readonly TensorLike[]): void {
    const ws = this.weights;
    if (values.length !== ws.length) {
      throw new ValueError(
        `${this.name}.setWeights: expected ${ws.length} arrays (one per weight: ${ws.map((w) => w.name).join(", ")}), got ${values.length}`,
      );
    }
    ws.forEach((w, i) => {
      const t = toTensor(values[i]);
      if (t.shape.length !== w.shape.length || t.shape.some((d, j) => d !== w.shape[j])) {
        throw new ValueError(
          `${this.name}.setWeights: weight ${w.name} has shape ${formatShapeSpec(w.shape)}, but the array given for it has shape ${formatShapeSpec(t.shape)}`,
        );
      }
      w.assign(t);
    });
  }

  /**
   * Number of scalars in the weights (Keras' `count_params`).
   *
   * @example
   * ```ts
   * new keras.layers.Dense(300, { inputShape: [784] }).countParams(); // 235500 (once built)
   * ```
   */
  countParams(): number {
    if (!this.built) {
      throw new ValueError(
        `You tried to call countParams on layer ${this.name}, but the layer isn't built. Call it on data (or build it with an input shape) first.`,
      );
    }
    return this.weights.reduce((n, w) => n + w.size, 0);
  }

  // ---- losses ----------------------------------------------------------------------------

  /**
   * Adds a loss computed in `call` (an activity penalty, a reconstruction loss); `fit` adds it
   * to the loss it minimises. Losses added during a call replace those of the previous call.
   *
   * @example
   * ```ts
   * this.addLoss(tf.multiply(0.05, reconstructionLoss));
   * ```
   */
  addLoss(loss: TensorLike | (() => TensorLike)): void {
    const t = typeof loss === "function" ? loss() : loss;
    layerLossesSeen = true;
    this._activityLosses.push(t instanceof Tensor ? t : toTensor(t, { dtype: "float32" }));
  }

  /**
   * The losses to add to the training loss: those added by `addLoss` during the last call and
   * the weight regularization penalties (computed now, so a tape recording around this access
   * differentiates them), for this layer and every nested layer.
   */
  get losses(): Tensor[] {
    if (!layerLossesSeen) return [];
    const out: Tensor[] = [];
    const seen = new Set<Layer>();
    const visit = (l: Layer): void => {
      if (seen.has(l)) return;
      seen.add(l);
      out.push(...l._activityLosses);
      for (const [v, reg] of l._regularized) if (v.trainable || !l._trainable) out.push(reg(v));
      for (const s of l.subLayers) visit(s);
    };
    visit(this);
    return out;
  }

  /** @internal The sum of `losses`, or null when there are none. */
  totalLoss(): Tensor | null {
    const ls = this.losses;
    if (ls.length === 0) return null;
    return ls.length === 1 ? ls[0] : addN(ls);
  }

  private clearActivityLosses(seen = new Set<Layer>()): void {
    if (!layerLossesSeen || seen.has(this)) return;
    seen.add(this);
    this._activityLosses = [];
    for (const l of this.subLayers) l.clearActivityLosses(seen);
  }

  // ---- building and calling --------------------------------------------------------------

  /**
   * Creates the weights for an input shape (batch axis first, `null` where unknown). Override
   * it in custom layers; the default creates nothing.
   */
  build(_inputShape: ShapeSpecs): void {}

  /**
   * The computation; override it. `inputs` is one tensor (or a list for layers with several
   * inputs); `opts.training` tells training from inference.
   */
  call(inputs: CallInputs, _opts: CallOptions = {}): CallOutputs {
    return inputs;
  }

  /**
   * The output shape for an input shape. The default runs `call` once on zeros of that shape
   * (unknown lengths as 1 and 2) and reads the result's shape, so custom layers need not
   * override it.
   */
  computeOutputShape(inputShape: ShapeSpecs): ShapeSpecs {
    const spec = this.probeOutputSpec(specsOf(inputShape, this.dtype));
    return Array.isArray(spec) ? spec.map((s) => s.shape) : (spec as KerasTensor).shape;
  }

  /** The mask of the output, given the input's; the default passes it on when `supportsMasking`. */
  computeMask(_inputs: CallInputs, mask: Tensor | null): Tensor | null {
    return this.supportsMasking ? mask : null;
  }

  /** @internal Builds with `shape` unless built already. */
  maybeBuild(shape: ShapeSpecs): void {
    if (this.built) return;
    const s: ShapeSpecs = isShapeList(shape) ? shape.map((x) => [...x]) : [...(shape as ShapeSpec)];
    withoutRecording(() => this.build(s));
    this.buildInputShape = isShapeList(shape)
      ? shape.map((x) => [null, ...x.slice(1)])
      : [null, ...(shape as ShapeSpec).slice(1)];
    this.built = true;
    weightsVersion++;
  }

  /**
   * Calls the layer (Keras' `__call__`): on tensors it builds the layer if needed and computes;
   * on symbolic tensors (`keras.Input`) it records the call for a functional model and returns
   * symbolic outputs. `layer(x)` does the same.
   *
   * @example
   * ```ts
   * const dense = new keras.layers.Dense(3);
   * dense.apply(tf.ones([2, 4])).shape; // [2, 3]
   * const out = dense.apply(keras.Input({ shape: [4] })); // symbolic, shape [null, 3]
   * ```
   */
  apply(inputs: KerasTensor | readonly KerasTensor[], opts?: CallOptions): KerasTensor;
  apply(inputs: TensorLike | readonly TensorLike[], opts?: CallOptions): Tensor;
  apply(inputs: unknown, opts: CallOptions = {}): unknown {
    if (isSymbolic(inputs)) return this.symbolicCall(inputs as KerasTensor | KerasTensor[], opts);
    const xs = this.toInputs(inputs);
    if (!this.built) this.maybeBuild(shapesOf(xs));
    const training = opts.training ?? enclosingTraining() ?? false;
    if (!insideCall()) this.clearActivityLosses();
    const mask = opts.mask !== undefined ? opts.mask : maskOf(Array.isArray(xs) ? xs[0] : xs);
    return inCall(training, () => {
      const out = this.call(xs, mask ? { training, mask } : { training });
      if (this.activityRegularizer) {
        for (const o of Array.isArray(out) ? out : [out]) this.addLoss(this.activityRegularizer(o));
      }
      const outMask = this.computeMask(xs, mask);
      if (outMask) for (const o of Array.isArray(out) ? out : [out]) masks.set(o, outMask);
      return out;
    });
  }

  /**
   * Calls the layer and always returns a list of outputs: typed access to layers with several
   * outputs (`const [a, b] = layer.applyAll(x)`).
   */
  applyAll(inputs: KerasTensor | readonly KerasTensor[], opts?: CallOptions): KerasTensor[];
  applyAll(inputs: TensorLike | readonly TensorLike[], opts?: CallOptions): Tensor[];
  applyAll(inputs: unknown, opts: CallOptions = {}): unknown[] {
    const out = (this.apply as (x: unknown, o: CallOptions) => unknown)(inputs, opts);
    return Array.isArray(out) ? out : [out];
  }

  // Float64 arrays (np's default) become the layer's float dtype, as Keras casts inputs.
  private toInputs(inputs: unknown): CallInputs {
    const one = (x: unknown): Tensor => {
      const t = x instanceof Tensor ? x : toTensor(x as TensorLike);
      return isFloat(t.dtype) && isFloat(this.dtype) && t.dtype !== this.dtype ? t.astype(this.dtype) : t;
    };
    if (Array.isArray(inputs) && (inputs.length === 0 || inputs[0] instanceof Tensor)) return inputs.map(one);
    return one(inputs);
  }

  /** @internal The symbolic outputs for symbolic inputs, with the call recorded as a Node. */
  protected symbolicCall(
    inputs: KerasTensor | KerasTensor[],
    opts: CallOptions,
  ): KerasTensor | KerasTensor[] {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    for (const x of list) {
      if (!(x instanceof KerasTensor)) {
        throw new TypeError(
          `${this.name}: a layer called on symbolic tensors needs all its inputs symbolic (keras.Input or layer outputs)`,
        );
      }
    }
    const shapes: ShapeSpecs = Array.isArray(inputs) ? inputs.map((x) => x.shape) : inputs.shape;
    this.checkInputShape(shapes);
    this.maybeBuild(shapes);
    const spec = this.computeOutputSpec(inputs);
    const specs = Array.isArray(spec) ? spec : [spec];
    const nodeIndex = this.inboundNodes.length;
    const outputs = specs.map(
      (s, tensorIndex) => new KerasTensor(s.shape, s.dtype, { layer: this, nodeIndex, tensorIndex }),
    );
    this.inboundNodes.push(new Node(this, list, outputs, Array.isArray(inputs), opts.training));
    return Array.isArray(spec) ? outputs : outputs[0];
  }

  /** @internal Refuses inputs whose shape disagrees with a declared `inputShape`. */
  protected checkInputShape(shapes: ShapeSpecs): void {
    if (!this.batchInputShape || isShapeList(shapes)) return;
    const want = this.batchInputShape;
    const got = shapes as ShapeSpec;
    const ok =
      want.length === got.length &&
      want.every((d, i) => i === 0 || d === null || got[i] === null || d === got[i]);
    if (!ok) {
      throw new ValueError(
        `Input 0 of layer "${this.name}" is incompatible with the layer: expected shape=${formatShapeSpec(want)}, found shape=${formatShapeSpec(got)}`,
      );
    }
  }

  /**
   * The shapes and dtypes of the outputs for symbolic inputs: from `computeOutputShape` when a
   * subclass defines it, else by running `call` on zeros.
   */
  computeOutputSpec(inputs: KerasTensor | KerasTensor[]): KerasTensor | KerasTensor[] {
    if (this.computeOutputShape !== Layer.prototype.computeOutputShape) {
      const shapes = this.computeOutputShape(
        Array.isArray(inputs) ? inputs.map((x) => x.shape) : inputs.shape,
      );
      const dtype = outputDType(this, inputs);
      return isShapeList(shapes)
        ? shapes.map((s) => new KerasTensor(s, dtype))
        : new KerasTensor(shapes as ShapeSpec, dtype);
    }
    return this.probeOutputSpec(inputs);
  }

  // Runs `call` on zeros (unknown lengths as 1, and again as 2 when a non-batch length is
  // unknown, to tell which output lengths follow it), outside any tape, in inference mode.
  private probeOutputSpec(inputs: KerasTensor | KerasTensor[]): KerasTensor | KerasTensor[] {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    const run = (fill: number): Tensor[] =>
      withoutRecording(() => {
        const zs = list.map((x) => zerosOf(x.shape, x.dtype, fill));
        const out = inCall(false, () => this.call(Array.isArray(inputs) ? zs : zs[0], { training: false }));
        return Array.isArray(out) ? out : [out];
      });
    const a = run(1);
    const otherUnknown = list.some((x) => x.shape.slice(1).some((d) => d === null));
    const b = otherUnknown ? run(2) : null;
    this.clearActivityLosses();
    const batchUnknown = list.some((x) => x.shape[0] === null);
    const specs = a.map((t, i) => {
      const shape = t.shape.map((d, ax) => {
        if (ax === 0 && batchUnknown) return null;
        if (b && b[i].shape[ax] !== d) return null;
        return d;
      });
      return new KerasTensor(shape, t.dtype);
    });
    return Array.isArray(inputs) || specs.length > 1 ? specs : specs[0];
  }

  /** @internal The symbolic input of this layer's first call (functional models). */
  get input(): KerasTensor | KerasTensor[] {
    const node = this.inboundNodes[0];
    if (!node)
      throw new ValueError(
        `Layer ${this.name} has never been called on symbolic tensors and thus has no defined input`,
      );
    return node.inputsAsList ? [...node.inputs] : node.inputs[0];
  }

  /** The symbolic output of this layer's first call (functional models). */
  get output(): KerasTensor | KerasTensor[] {
    const node = this.inboundNodes[0];
    if (!node)
      throw new ValueError(
        `Layer ${this.name} has never been called on symbolic tensors and thus has no defined output`,
      );
    return node.outputs.length === 1 ? node.outputs[0] : [...node.outputs];
  }

  // ---- configuration ---------------------------------------------------------------------

  /**
   * The constructor options that rebuild this layer (Keras' `get_config`); custom layers add
   * their own options to `super.getConfig()`.
   *
   * @example
   * ```ts
   * override getConfig() { return { ...super.getConfig(), units: this.units }; }
   * ```
   */
  getConfig(): Config {
    const c: Record<string, ConfigValue> = { name: this.name, trainable: this.trainable, dtype: this.dtype };
    if (this.batchInputShape) c.batchInputShape = [...this.batchInputShape];
    return c;
  }

  /**
   * Makes a layer from a config (Keras' `from_config`): `new Cls(config)` by default; layers
   * whose constructor takes positional arguments override it.
   */
  static fromConfig(config: Config, _customObjects?: Readonly<Record<string, unknown>>): Layer {
    return new (this as unknown as new (c: Config) => Layer)(config);
  }

  /** Keras' repr: `<Dense name=dense, built=True>`. */
  toString(): string {
    return `<${this.constructor.name} name=${this.name}, built=${this.built ? "True" : "False"}>`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /** The display protocol: the layer's repr. */
  [DISPLAY](): MimeBundle {
    return { "text/plain": this.toString() };
  }
}

function shapesOf(xs: CallInputs): ShapeSpecs {
  return Array.isArray(xs) ? xs.map((x) => [...x.shape]) : [...xs.shape];
}

function specsOf(shapes: ShapeSpecs, dtype: DType): KerasTensor | KerasTensor[] {
  return isShapeList(shapes)
    ? shapes.map((s) => new KerasTensor(s, dtype))
    : new KerasTensor(shapes as ShapeSpec, dtype);
}

function zerosOf(shape: ShapeSpec, dtype: DType, fill: number): Tensor {
  return zeros(
    shape.map((d) => d ?? fill),
    { dtype },
  );
}

// Float inputs keep their dtype through shape-only layers; anything else computes in the
// layer's dtype (an Embedding takes int32 and gives float32).
function outputDType(layer: Layer, inputs: KerasTensor | KerasTensor[]): DType {
  const first = Array.isArray(inputs) ? inputs[0] : inputs;
  return first && isFloat(first.dtype) ? first.dtype : layer.dtype;
}
