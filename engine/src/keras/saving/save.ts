import type { Config, ConfigValue } from "../common/config.js";
import type { CompileOptions, Model } from "../models/model.js";
import { serializeLayer } from "../engine/layer-registry.js";
import { serializeCompileValue, serializeOptimizer } from "../engine/parts.js";
import type { KerasTensor } from "../engine/symbolic.js";
import { DataWriter, type TensorEntry } from "./format.js";

type AnyModel = Model<KerasTensor | KerasTensor[]>;

/** The header of a model file (see docs/keras.md). */
export interface ModelFileHeader {
  format: "tensorbook-keras";
  version: 1;
  kind: "model" | "weights";
  model?: { className: string; config: Config; buildInputShape: ConfigValue };
  compile?: Record<string, ConfigValue> | null;
  weights: TensorEntry[];
  optimizer?: { serialized: ConfigValue; variables: TensorEntry[] } | null;
}

function weightEntries(model: AnyModel, w: DataWriter): TensorEntry[] {
  return model.weights.map((v) => w.add(v.name, v.value()));
}

function compileConfig(opts: CompileOptions): Record<string, ConfigValue> {
  const out: Record<string, ConfigValue> = {};
  for (const key of ["loss", "metrics", "lossWeights", "weightedMetrics"] as const) {
    if (opts[key] !== undefined) out[key] = serializeCompileValue(opts[key]);
  }
  return out;
}

/** `model.save(path)`: architecture, weights, compile settings and optimizer state in one file. */
export function saveModel(model: AnyModel, path: string): void {
  const w = new DataWriter();
  const s = serializeLayer(model);
  const header: ModelFileHeader = {
    format: "tensorbook-keras",
    version: 1,
    kind: "model",
    model: {
      className: s.className,
      config: s.config,
      buildInputShape: (model.buildInputShape as ConfigValue) ?? null,
    },
    weights: weightEntries(model, w),
    compile: model.compiled ? compileConfig(model.compiled.options) : null,
    optimizer: model.optimizer
      ? {
          serialized: serializeOptimizer(model.optimizer),
          variables: model.optimizer.variables().map((v, i) => w.add(`optimizer/${i}/${v.name}`, v.value())),
        }
      : null,
  };
  w.write(path, header);
}

/** `model.saveWeights(path)`: the weights only. */
export function saveWeights(model: AnyModel, path: string): void {
  const w = new DataWriter();
  const header: ModelFileHeader = {
    format: "tensorbook-keras",
    version: 1,
    kind: "weights",
    weights: weightEntries(model, w),
  };
  w.write(path, header);
}
