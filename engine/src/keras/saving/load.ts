import { ValueError } from "../../core/errors.js";
import { formatShape } from "../../core/shape.js";
import type { Serialized } from "../common/config.js";
import { deserializeLayer } from "../engine/layer-registry.js";
import { deserializeCompileValue, deserializeOptimizer } from "../engine/parts.js";
import { isShapeList, type ShapeSpecs } from "../engine/shapes.js";
import type { KerasTensor } from "../engine/symbolic.js";
import type { CompileOptions, Model } from "../models/model.js";
import { readModelFile, type ReadFile } from "./format.js";
import type { ModelFileHeader } from "./save.js";
import { zeros } from "../../ops/creation.js";
import { withoutRecording } from "../../autodiff/recorder.js";

type AnyModel = Model<KerasTensor | KerasTensor[]>;

/** Options of `keras.models.loadModel`. */
export interface LoadOptions {
  /** Custom layers, models, losses, metrics... by the class or function name saved in the file. */
  customObjects?: Readonly<Record<string, unknown>>;
  /** Restore the compile settings and optimizer state (default true). */
  compile?: boolean;
  /** Refuse to rebuild Lambda layers from saved source code (default true). */
  safeMode?: boolean;
}

function setWeightsFrom(model: AnyModel, file: ReadFile<ModelFileHeader>, path: string): void {
  const ws = model.weights;
  const saved = file.header.weights;
  if (ws.length !== saved.length) {
    throw new ValueError(
      `Cannot load weights from ${path}: the file has ${saved.length} weights but model ${model.name} has ${ws.length}. ` +
        "The model must have the same architecture as the saved one (and be built: call it on data or give its first layer an inputShape).",
    );
  }
  ws.forEach((v, i) => {
    const e = saved[i];
    if (e.shape.length !== v.shape.length || e.shape.some((d, j) => d !== v.shape[j])) {
      throw new ValueError(
        `Cannot load weight ${e.name} of shape ${formatShape(e.shape)} into ${v.name} of shape ${formatShape(v.shape)} (from ${path})`,
      );
    }
    v.assign(file.tensor(e));
  });
}

// A subclassed model makes its weights on its first call: run it once on zeros.
function buildLike(model: AnyModel, shape: ShapeSpecs | null): void {
  if (model.built && model.weights.length) return;
  if (!shape) return;
  const z = (s: readonly (number | null)[]) =>
    zeros(
      s.map((d) => d ?? 1),
      { dtype: "float32" },
    );
  withoutRecording(() => {
    const input = isShapeList(shape) ? shape.map(z) : z(shape as readonly (number | null)[]);
    (model.apply as (x: unknown) => unknown)(input);
  });
}

/**
 * Loads a model saved with `model.save`: architecture, weights, and (unless `compile: false`)
 * its compile settings and optimizer state, ready to predict or to continue training.
 *
 * @example
 * ```ts
 * const model = keras.models.loadModel("my_model.keras", { customObjects: { HuberLoss, MyDense } });
 * const twoOutputs = keras.models.loadModel<keras.KerasTensor[]>("wide_deep.keras"); // predict gives a list
 * ```
 */
export function loadModel<S extends KerasTensor | KerasTensor[] = KerasTensor>(
  path: string,
  opts: LoadOptions = {},
): Model<S> {
  const file = readModelFile<ModelFileHeader>(path);
  const h = file.header;
  if (h.kind !== "model" || !h.model) {
    throw new ValueError(
      `${path} holds only weights (saved with saveWeights); build the model and call model.loadWeights("${path}")`,
    );
  }
  const custom = { ...(opts.customObjects ?? {}), ...(opts.safeMode === false ? { safeMode: false } : {}) };
  const model = deserializeLayer(h.model as unknown as Serialized, custom) as AnyModel;
  buildLike(model, h.model.buildInputShape as ShapeSpecs | null);
  setWeightsFrom(model, file, path);
  if (opts.compile !== false && h.compile && h.optimizer) {
    const c = h.compile;
    const compileOpts: CompileOptions = { optimizer: deserializeOptimizer(h.optimizer.serialized, custom) };
    for (const key of ["loss", "metrics", "lossWeights", "weightedMetrics"] as const) {
      if (c[key] !== undefined)
        (compileOpts as Record<string, unknown>)[key] = deserializeCompileValue(c[key], custom);
    }
    model.compile(compileOpts);
    const opt = model.optimizer!;
    if (h.optimizer.variables.length) {
      opt.build(model.trainableWeights);
      const vars = opt.variables();
      if (vars.length === h.optimizer.variables.length)
        opt.setWeights(h.optimizer.variables.map((e) => file.tensor(e)));
    }
  }
  return model as unknown as Model<S>;
}

/** `model.loadWeights(path)`: weights from a `saveWeights` (or `save`) file, in order. */
export function loadWeights(model: AnyModel, path: string): void {
  const file = readModelFile<ModelFileHeader>(path);
  if (!model.built || model.weights.length === 0)
    buildLike(model, (file.header.model?.buildInputShape as ShapeSpecs | null) ?? null);
  setWeightsFrom(model, file, path);
}
