import { ValueError } from "../../core/errors.js";
import { DISPLAY, type MimeBundle, type Tensor, type TensorLike } from "../../core/tensor.js";
import type { Config, ConfigValue } from "../common/config.js";
import {
  LossesContainer,
  MetricsContainer,
  type LossesArg,
  type MetricsArg,
} from "../engine/compile-utils.js";
import type { ModelData } from "../engine/data-adapter.js";
import {
  Layer,
  type CallInputs,
  type CallOptions,
  type CallOutputs,
  type LayerOptions,
} from "../engine/layer.js";
import { layerConfigValue, type CustomLayerObjects } from "../engine/layer-registry.js";
import { getOptimizer, type History, type Optimizer, type OptimizerLike } from "../engine/parts.js";
import type { ShapeSpecs } from "../engine/shapes.js";
import { summaryText, summaryHtml, type SummaryOptions } from "../engine/summary.js";
import type { KerasTensor } from "../engine/symbolic.js";
import * as training from "../engine/training.js";
import type { EvaluateOptions, FitOptions, PredictOptions } from "../engine/training.js";
import { FunctionalGraph } from "./functional.js";
import { rebuildGraph } from "./functional-config.js";

/** Options of `new keras.Model(...)`: a functional model's inputs and outputs, and a name. */
export interface ModelArgs<S extends KerasTensor | KerasTensor[] = KerasTensor> extends LayerOptions {
  /** The model's symbolic inputs (`keras.Input`): one, a list, or a dict by name. */
  inputs?: KerasTensor | readonly KerasTensor[] | Readonly<Record<string, KerasTensor>>;
  /** The model's symbolic outputs: one, or a list. */
  outputs?: S;
}

/** Options of `model.compile(...)`. */
export interface CompileOptions {
  /** "sgd", "adam", "rmsprop"... or an optimizer object (default "rmsprop", as Keras). */
  optimizer?: OptimizerLike;
  /** A loss name, function or object; a list or dict by output name for several outputs. */
  loss?: LossesArg;
  /** Metrics to report: names ("accuracy", "mae"), functions or metric objects. */
  metrics?: MetricsArg;
  /** Weight of each output's loss in the total (list or dict by output name). */
  lossWeights?: readonly number[] | Readonly<Record<string, number>>;
  /** Metrics computed with the sample weights. */
  weightedMetrics?: MetricsArg;
  /** Accepted for Keras compatibility: Tensorbook always runs eagerly. */
  runEagerly?: boolean;
  /** Accepted for Keras compatibility (no effect). */
  jitCompile?: boolean | "auto";
  /** Accepted for Keras compatibility (no effect). */
  stepsPerExecution?: number;
}

/** The eager result type for a model's symbolic outputs: one tensor, or a list. */
export type EagerOf<S> = S extends readonly unknown[] ? Tensor[] : Tensor;

/** @internal What compile set up. */
export interface CompiledState {
  options: CompileOptions;
  /** Built at the first batch, when the number of outputs is known. */
  losses: LossesContainer | null;
  metrics: MetricsContainer | null;
}

/**
 * A model: layers with training (`compile`, `fit`, `evaluate`, `predict`) and saving. Made three
 * ways, as in Keras: functional (`new keras.Model({ inputs, outputs })`), `keras.Sequential`, or
 * by subclassing with a `call` method.
 *
 * @example
 * ```ts
 * const input = keras.Input({ shape: [8] });
 * const hidden = new keras.layers.Dense(30, { activation: "relu" }).apply(input);
 * const output = new keras.layers.Dense(1).apply(hidden);
 * const model = new keras.Model({ inputs: [input], outputs: [output] });
 *
 * class WideAndDeep extends keras.Model {
 *   hidden = new keras.layers.Dense(30, { activation: "relu" });
 *   out = new keras.layers.Dense(1);
 *   override call(x: tf.Tensor) { return this.out.apply(this.hidden.apply(x)); }
 * }
 * ```
 */
export class Model<S extends KerasTensor | KerasTensor[] = KerasTensor> extends Layer {
  /** @internal The functional graph, for models made from inputs and outputs. */
  graph: FunctionalGraph | null = null;
  /** @internal Whether calls take a list of inputs, and the input names for dict data. */
  inputStructure: "single" | "list" | "dict" = "single";
  /** @internal Whether calls return a list. */
  outputStructure: "single" | "list" = "single";
  /** The optimizer given to `compile`. */
  optimizer: Optimizer | null = null;
  /** @internal What compile set up. */
  compiled: CompiledState | null = null;
  /** Set by a callback (EarlyStopping) to end `fit` after the current batch. */
  stopTraining = false;
  /** The History of the last `fit`. */
  history: History | null = null;
  /** @internal The output names subclassed models get (`output_1`...), once called. */
  subclassOutputCount = 1;

  constructor(args: ModelArgs<S> = {}) {
    super(args);
    if (args.inputs !== undefined || args.outputs !== undefined) {
      if (args.inputs === undefined || args.outputs === undefined) {
        throw new ValueError(
          "A functional model needs both inputs and outputs: new keras.Model({ inputs, outputs })",
        );
      }
      let inputs: KerasTensor[];
      if (Array.isArray(args.inputs)) {
        inputs = [...(args.inputs as KerasTensor[])];
        this.inputStructure = "list";
      } else if (isDictOfTensors(args.inputs)) {
        inputs = Object.values(args.inputs);
        this.inputStructure = "dict";
      } else {
        inputs = [args.inputs as KerasTensor];
      }
      const outputs = Array.isArray(args.outputs)
        ? [...(args.outputs as KerasTensor[])]
        : [args.outputs as KerasTensor];
      this.outputStructure = Array.isArray(args.outputs) ? "list" : "single";
      this.graph = new FunctionalGraph(inputs, outputs);
      this.built = true;
      this.buildInputShape =
        inputs.length === 1 && this.inputStructure === "single"
          ? inputs[0].shape
          : inputs.map((t) => t.shape);
    }
  }

  protected override defaultNameBase(): string {
    // Keras names functional models "model", subclassed ones after their class.
    return this.constructor === Model ? "Model" : this.constructor.name;
  }

  /** @internal A functional model's layers are those of its graph. */
  override get subLayers(): Layer[] {
    return this.graph ? [...this.graph.layers] : super.subLayers;
  }

  /** The model's layers: a functional model's in graph order (input layers first). */
  get layers(): Layer[] {
    return this.graph ? [...this.graph.layers] : this.subLayers;
  }

  /**
   * A layer by name, or by position in `layers`.
   *
   * @example
   * ```ts
   * model.getLayer("dense_1");
   * model.getLayer({ index: 2 });
   * ```
   */
  getLayer(name: string | { index: number }): Layer {
    const layers = this.layers;
    if (typeof name === "object") {
      const l = layers[name.index];
      if (!l)
        throw new ValueError(
          `Was asked to retrieve layer at index ${name.index} but model only has ${layers.length} layers`,
        );
      return l;
    }
    const l = layers.find((x) => x.name === name);
    if (!l)
      throw new ValueError(
        `No such layer: ${name}. Existing layers are: ${layers.map((x) => x.name).join(", ")}`,
      );
    return l;
  }

  /** Names of the model's inputs (Keras' `input_names`). */
  get inputNames(): string[] {
    return this.graph ? this.graph.inputNames : ["input_1"];
  }

  /** Names of the model's outputs, used in loss and metric log keys (Keras' `output_names`). */
  get outputNames(): string[] {
    if (this.graph) return this.graph.outputNames;
    return this.subclassOutputCount === 1
      ? ["output_1"]
      : Array.from({ length: this.subclassOutputCount }, (_, i) => `output_${i + 1}`);
  }

  /** The symbolic inputs of a functional model. */
  get inputs(): KerasTensor[] {
    if (!this.graph)
      throw new ValueError(`Model ${this.name} has no symbolic inputs (it is not functional, or not built)`);
    return [...this.graph.inputs];
  }

  /** The symbolic outputs of a functional model. */
  get outputs(): KerasTensor[] {
    if (!this.graph)
      throw new ValueError(`Model ${this.name} has no symbolic outputs (it is not functional, or not built)`);
    return [...this.graph.outputs];
  }

  override call(inputs: CallInputs, opts: CallOptions = {}): CallOutputs {
    if (!this.graph) {
      throw new ValueError(
        `Model ${this.name} has no call(): a subclassed model must implement call(inputs, { training })`,
      );
    }
    const list = this.inputStructure === "single" ? [inputs as Tensor] : (inputs as Tensor[]);
    const out = this.graph.run(list, opts);
    return this.outputStructure === "single" ? out[0] : out;
  }

  override build(inputShape: ShapeSpecs): void {
    if (this.graph) return;
    // A subclassed model builds its layers by running once on zeros of the shape.
    this.computeOutputShape(inputShape);
  }

  // ---- training --------------------------------------------------------------------------

  /**
   * Configures training: optimizer, loss(es) and metrics.
   *
   * @example
   * ```ts
   * model.compile({ loss: "sparse_categorical_crossentropy", optimizer: "sgd", metrics: ["accuracy"] });
   * model.compile({ loss: ["mse", "mse"], lossWeights: [0.9, 0.1], optimizer: new keras.optimizers.SGD({ learningRate: 1e-3 }) });
   * ```
   */
  compile(opts: CompileOptions = {}): void {
    this.optimizer = getOptimizer(opts.optimizer ?? "rmsprop");
    this.compiled = { options: opts, losses: null, metrics: null };
    if (this.graph) {
      // A functional model knows its outputs now, so bad loss lists fail at compile, as in Keras.
      const losses = new LossesContainer(opts.loss, opts.lossWeights, this.outputNames);
      this.compiled.losses = losses;
      this.compiled.metrics = new MetricsContainer(
        opts.metrics,
        opts.weightedMetrics,
        this.outputNames,
        losses,
      );
    }
  }

  /**
   * Trains the model for a number of epochs (async: it yields between batches, so progress shows
   * and an interrupt can stop it). Returns the History.
   *
   * @example
   * ```ts
   * const history = await model.fit(Xtrain, ytrain, { epochs: 30, validationData: [Xvalid, yvalid] });
   * history.history.val_accuracy;
   * ```
   */
  fit(x: ModelData, y?: ModelData | null, opts: FitOptions = {}): Promise<History> {
    return training.fit(this as Model<KerasTensor | KerasTensor[]>, x, y ?? null, opts);
  }

  /**
   * Loss and metrics on data, in inference mode: a number for a lone loss, else a list
   * `[loss, ...metrics]` (or a dict with `returnDict`).
   *
   * @example
   * ```ts
   * const [loss, accuracy] = model.evaluate(Xtest, ytest) as number[];
   * ```
   */
  evaluate(
    x: ModelData,
    y?: ModelData | null,
    opts: EvaluateOptions = {},
  ): number | number[] | Record<string, number> {
    return training.evaluate(this as Model<KerasTensor | KerasTensor[]>, x, y ?? null, opts);
  }

  /**
   * Outputs for the inputs, computed in batches (default 32) in inference mode.
   *
   * @example
   * ```ts
   * const yProba = model.predict(Xnew); // [3, 10]
   * ```
   */
  predict(x: ModelData, opts: PredictOptions = {}): EagerOf<S> {
    return training.predict(this as Model<KerasTensor | KerasTensor[]>, x, opts) as EagerOf<S>;
  }

  /** One gradient step on one batch; returns the loss (and metrics) like `evaluate`. @example `gan.trainOnBatch(X, y)` */
  trainOnBatch(
    x: ModelData,
    y?: ModelData | null,
    opts: {
      sampleWeight?: TensorLike;
      classWeight?: Readonly<Record<number, number>>;
      returnDict?: boolean;
    } = {},
  ): number | number[] | Record<string, number> {
    return training.trainOnBatch(this as Model<KerasTensor | KerasTensor[]>, x, y ?? null, opts);
  }

  /** Loss (and metrics) on one batch, no update. @example `model.testOnBatch(X, y)` */
  testOnBatch(
    x: ModelData,
    y?: ModelData | null,
    opts: { sampleWeight?: TensorLike; returnDict?: boolean } = {},
  ): number | number[] | Record<string, number> {
    return training.testOnBatch(this as Model<KerasTensor | KerasTensor[]>, x, y ?? null, opts);
  }

  /** Outputs for one batch, in inference mode. @example `model.predictOnBatch(X.get(":10"))` */
  predictOnBatch(x: ModelData): EagerOf<S> {
    return training.predictOnBatch(this as Model<KerasTensor | KerasTensor[]>, x) as EagerOf<S>;
  }

  /** The metrics `fit` reports (the loss tracker first), once the model has trained or evaluated. */
  get metricsNames(): string[] {
    return ["loss", ...(this.compiled?.metrics?.bound ?? []).map((b) => b.key)];
  }

  // ---- inspection and saving -------------------------------------------------------------

  /**
   * Prints Keras' summary table (layers, output shapes, parameter counts).
   *
   * @example
   * ```ts
   * model.summary();
   * // Model: "sequential"
   * // _________________________________________________________________
   * // Layer (type)                 Output Shape              Param #
   * // ...
   * ```
   */
  summary(opts: SummaryOptions = {}): void {
    const text = summaryText(this as Model<KerasTensor | KerasTensor[]>, opts);
    (opts.printFn ?? ((l: string) => process.stdout.write(l + "\n")))(text);
  }

  /**
   * Saves architecture, weights and optimizer state to one file (Tensorbook's own format, see
   * docs/keras.md; any extension, `.keras` or `.h5` included).
   *
   * @example
   * ```ts
   * model.save("my_keras_model.keras");
   * const model2 = keras.models.loadModel("my_keras_model.keras");
   * ```
   */
  save(path: string): void {
    saveHooks.save!(this as Model<KerasTensor | KerasTensor[]>, path);
  }

  /** Saves only the weights. @example `model.saveWeights("my_weights.weights.h5")` */
  saveWeights(path: string): void {
    saveHooks.saveWeights!(this as Model<KerasTensor | KerasTensor[]>, path);
  }

  /** Loads weights saved by `saveWeights` (or `save`) into this model. @example `model.loadWeights("my_weights.weights.h5")` */
  loadWeights(path: string): void {
    saveHooks.loadWeights!(this as Model<KerasTensor | KerasTensor[]>, path);
  }

  override getConfig(): Config {
    if (this.graph) {
      return {
        name: this.name,
        trainable: this.trainable,
        ...this.graph.config(layerConfigValue),
        inputStructure: this.inputStructure,
        outputStructure: this.outputStructure,
      };
    }
    return super.getConfig();
  }

  /**
   * A model from its config: a functional model's graph is rebuilt with new layers; a
   * subclassed model is made with `new Cls(config)` (give it a `getConfig` that returns its
   * constructor options).
   */
  static override fromConfig(
    config: Config,
    customObjects: Readonly<Record<string, unknown>> = {},
  ): Model<KerasTensor | KerasTensor[]> {
    if (Array.isArray(config.layers) && Array.isArray(config.inputLayers)) {
      const { inputs, outputs } = rebuildGraph(config, customObjects as CustomLayerObjects);
      const dict = config.inputStructure === "dict";
      const ins = dict
        ? Object.fromEntries(inputs.map((t) => [t.history!.layer.name, t]))
        : config.inputStructure === "single"
          ? inputs[0]
          : inputs;
      const outs = config.outputStructure === "single" ? outputs[0] : outputs;
      return new (
        this as unknown as new (
          a: ModelArgs<KerasTensor | KerasTensor[]>,
        ) => Model<KerasTensor | KerasTensor[]>
      )({ inputs: ins, outputs: outs, name: config.name as string });
    }
    return new (this as unknown as new (c: Config) => Model<KerasTensor | KerasTensor[]>)(config);
  }

  /** The summary as display (text and an HTML table). */
  override [DISPLAY](): MimeBundle {
    const m = this as Model<KerasTensor | KerasTensor[]>;
    if (!this.built) return { "text/plain": this.toString() };
    return { "text/plain": summaryText(m), "text/html": summaryHtml(m) };
  }

  /** @internal The config of the layers this model holds, for saving subclassed models. */
  layerConfigs(): ConfigValue[] {
    return this.layers.map(layerConfigValue);
  }
}

/** @internal Saving functions, installed by the saving module (which imports models). */
export const saveHooks: {
  save?: (m: Model<KerasTensor | KerasTensor[]>, path: string) => void;
  saveWeights?: (m: Model<KerasTensor | KerasTensor[]>, path: string) => void;
  loadWeights?: (m: Model<KerasTensor | KerasTensor[]>, path: string) => void;
} = {};

function isDictOfTensors(x: unknown): x is Readonly<Record<string, KerasTensor>> {
  return typeof x === "object" && x !== null && !Array.isArray(x) && !("history" in x);
}
