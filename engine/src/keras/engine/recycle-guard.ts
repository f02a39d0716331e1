// Whether `fit` may reuse a step's arrays in the next step (core/recycle.ts). Reuse is safe only
// when no tensor a step makes outlives it, and only Tensorbook's own code can promise that: a
// custom layer, loss, metric, activation or regularizer could keep a tensor (an activation for a
// plot, say) that the next step would then overwrite. So reuse is on only when everything that
// runs inside a step is built in — the model class, every layer (nested models too), the loss,
// the metrics and the optimizer — and every function any of them holds is a built-in one.
import * as activations from "../activations/index.js";
import * as constraints from "../constraints/index.js";
import * as losses from "../losses/index.js";
import * as metrics from "../metrics/index.js";
import * as optimizers from "../optimizers/index.js";
import * as regularizers from "../regularizers/index.js";
import type { Model } from "../models/model.js";
import { Layer } from "./layer.js";
import { isBuiltInLayerClass } from "./layer-registry.js";

let builtIns: Set<unknown> | null = null;

// Every class and function the Keras modules export, and the functions activation names stand
// for (built lazily: the modules import each other).
function builtInSet(): Set<unknown> {
  if (builtIns) return builtIns;
  const s = new Set<unknown>();
  for (const mod of [activations, constraints, losses, metrics, optimizers, regularizers]) {
    for (const v of Object.values(mod)) if (typeof v === "function") s.add(v);
  }
  for (const name of activations.ACTIVATION_NAMES) s.add(activations.get(name));
  // These run code given to them (Lambda's function, a subclass's call).
  for (const open of [losses.Loss, metrics.Metric]) s.delete(open);
  return (builtIns = s);
}

function builtInClass(v: object, ok: Set<unknown>): boolean {
  return ok.has((Object.getPrototypeOf(v) as { constructor?: unknown }).constructor);
}

// A built-in object's own functions (an activation, a wrapped loss) must be built in too.
function ownFunctionsBuiltIn(v: object, ok: Set<unknown>): boolean {
  // (Layers are callable, so a layer held as an activation is checked as a layer instead.)
  for (const x of Object.values(v))
    if (typeof x === "function" && !(x instanceof Layer) && !ok.has(x)) return false;
  return true;
}

// A layer or model of a registered built-in class (Lambda excepted: it runs the function given
// to it); a model's own layers too. A plain `Model` counts only when functional (a subclass has
// its own class, and its own `call`).
function layerBuiltIn(layer: Layer, ok: Set<unknown>, seen: Set<unknown>): boolean {
  if (seen.has(layer)) return true;
  seen.add(layer);
  const ctor = (Object.getPrototypeOf(layer) as { constructor: { name: string } }).constructor;
  if (!isBuiltInLayerClass(ctor) || ctor.name === "Lambda") return false;
  const sub = layer as Partial<Pick<Model, "graph" | "layers">>;
  if (ctor.name === "Model" && !sub.graph) return false;
  if (sub.layers !== undefined) return sub.layers.every((l) => layerBuiltIn(l, ok, seen));
  if (!ownFunctionsBuiltIn(layer, ok)) return false;
  for (const x of Object.values(layer)) {
    if (x instanceof Layer && !layerBuiltIn(x, ok, seen)) return false;
    if (
      (x instanceof regularizers.Regularizer || x instanceof constraints.Constraint) &&
      !builtInClass(x, ok)
    )
      return false;
  }
  return true;
}

// A loss or metric as compile takes it: names, built-in functions, built-in objects, and lists
// or dicts of those.
function specBuiltIn(v: unknown, ok: Set<unknown>): boolean {
  if (v === null || v === undefined || typeof v === "string") return true;
  if (typeof v === "function") return ok.has(v);
  if (typeof v !== "object") return false;
  if (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype)
    return Object.values(v as object).every((x) => specBuiltIn(x, ok));
  return builtInClass(v, ok) && ownFunctionsBuiltIn(v, ok);
}

/**
 * @internal True when the model (every layer, nested models too), its loss, metrics and
 * optimizer are all built in, so no tensor a training step makes can outlive the step.
 */
export function builtInStep(model: Model): boolean {
  const ok = builtInSet();
  const opts = model.compiled?.options;
  return (
    layerBuiltIn(model, ok, new Set()) &&
    specBuiltIn(opts?.loss, ok) &&
    specBuiltIn(opts?.metrics, ok) &&
    specBuiltIn(opts?.weightedMetrics, ok) &&
    model.optimizer !== null &&
    builtInClass(model.optimizer, ok) &&
    ownFunctionsBuiltIn(model.optimizer, ok)
  );
}
