import { ValueError } from "../../core/errors.js";
import type { Config, Serialized } from "../common/config.js";
import { InputLayer } from "../engine/input-layer.js";
import type { CallOptions, Layer } from "../engine/layer.js";
import { deserializeLayer, type CustomLayerObjects } from "../engine/layer-registry.js";
import type { KerasTensor } from "../engine/symbolic.js";

// Rebuilding a functional graph from its config (saving, cloneModel): make every layer, then
// replay the saved calls in order, each once its inputs exist.

type Ref = [string, number, number];
interface SavedNode {
  args: Ref[];
  asList: boolean;
  training: boolean | null;
}
interface SavedLayer extends Serialized {
  name: string;
  inboundNodes: SavedNode[];
}

/** The symbolic inputs and outputs of a saved functional graph, with fresh layers. */
export function rebuildGraph(
  config: Config,
  customObjects: CustomLayerObjects = {},
  makeLayer: (s: Serialized) => Layer = (s) => deserializeLayer(s, customObjects),
): { inputs: KerasTensor[]; outputs: KerasTensor[] } {
  const saved = config.layers as unknown as SavedLayer[];
  const outputs = new Map<string, KerasTensor[][]>();
  const pending: { layer: Layer; node: SavedNode }[] = [];
  for (const s of saved) {
    const layer = makeLayer(s);
    if (layer instanceof InputLayer) outputs.set(s.name, [[layer.output as KerasTensor]]);
    else outputs.set(s.name, []);
    for (const node of s.inboundNodes) pending.push({ layer, node });
    (layer as { savedName?: string }).savedName = s.name;
  }
  const resolve = (r: Ref): KerasTensor | undefined => outputs.get(r[0])?.[r[1]]?.[r[2]];
  let progress = true;
  while (pending.length && progress) {
    progress = false;
    for (let i = 0; i < pending.length; i++) {
      const { layer, node } = pending[i];
      const args = node.args.map(resolve);
      if (args.some((a) => a === undefined)) continue;
      const name = (layer as { savedName?: string }).savedName!;
      // A layer's calls must replay in their saved order (node indices refer to it).
      const before = pending.slice(0, i).some((p) => p.layer === layer);
      if (before) continue;
      const opts: CallOptions = node.training === null ? {} : { training: node.training };
      const apply = layer.apply as (x: unknown, o: CallOptions) => KerasTensor | KerasTensor[];
      const out = apply.call(layer, node.asList ? args : args[0], opts);
      outputs.get(name)!.push(Array.isArray(out) ? out : [out]);
      pending.splice(i, 1);
      i--;
      progress = true;
    }
  }
  if (pending.length)
    throw new ValueError(
      `Could not rebuild the functional graph: unresolved calls of ${pending.map((p) => p.layer.name).join(", ")}`,
    );
  const get = (r: Ref): KerasTensor => {
    const t = resolve(r);
    if (!t) throw new ValueError(`The saved model refers to a missing tensor ${r[0]}[${r[1]}][${r[2]}]`);
    return t;
  };
  return {
    inputs: (config.inputLayers as unknown as Ref[]).map(get),
    outputs: (config.outputLayers as unknown as Ref[]).map(get),
  };
}
