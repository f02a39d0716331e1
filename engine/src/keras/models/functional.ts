import { ValueError } from "../../core/errors.js";
import type { Tensor } from "../../core/tensor.js";
import type { Config, ConfigValue } from "../common/config.js";
import { InputLayer } from "../engine/input-layer.js";
import type { CallOptions, Layer } from "../engine/layer.js";
import type { KerasTensor, Node } from "../engine/symbolic.js";

// The graph of a functional model: the layer calls (nodes) between its symbolic inputs and
// outputs, in an order where every node comes after the nodes that feed it. Running the model
// replays those calls on real tensors.

/** The graph behind `keras.Model({ inputs, outputs })`. */
export class FunctionalGraph {
  readonly inputs: KerasTensor[];
  readonly outputs: KerasTensor[];
  /** Nodes in execution order (input layers' nodes excluded). */
  readonly nodes: Node[];
  /** Every layer of the graph, input layers first, then in execution order (Keras' `model.layers`). */
  readonly layers: Layer[];

  constructor(inputs: readonly KerasTensor[], outputs: readonly KerasTensor[]) {
    this.inputs = [...inputs];
    this.outputs = [...outputs];
    for (const t of [...inputs, ...outputs]) {
      if (!t?.history) {
        throw new ValueError(
          "Model inputs and outputs must be symbolic tensors made by keras.Input and layer calls, e.g. new keras.Model({ inputs: input, outputs: output })",
        );
      }
    }
    for (const t of inputs) {
      if (!(t.history!.layer instanceof InputLayer)) {
        throw new ValueError(
          `Model inputs must come from keras.Input(); ${t.name} was made by layer ${t.history!.layer.name}`,
        );
      }
    }
    const inputSet = new Set(inputs);
    const order: Node[] = [];
    const done = new Set<Node>();
    const visiting = new Set<Node>();
    const visit = (t: KerasTensor): void => {
      if (inputSet.has(t)) return;
      const h = t.history!;
      const node = h.layer.inboundNodes[h.nodeIndex];
      if (done.has(node)) return;
      if (h.layer instanceof InputLayer) {
        throw new ValueError(
          `Graph disconnected: cannot obtain value for tensor ${t.name} at layer "${h.layer.name}". Add it to the model's inputs.`,
        );
      }
      if (visiting.has(node)) throw new ValueError("The functional graph has a cycle");
      visiting.add(node);
      for (const x of node.inputs) visit(x);
      visiting.delete(node);
      done.add(node);
      order.push(node);
    };
    for (const t of outputs) visit(t);
    this.nodes = order;
    const layers: Layer[] = inputs.map((t) => t.history!.layer);
    for (const n of order) if (!layers.includes(n.layer)) layers.push(n.layer);
    this.layers = layers;
  }

  /** Runs the graph on real tensors, one per input. */
  run(inputs: readonly Tensor[], opts: CallOptions): Tensor[] {
    if (inputs.length !== this.inputs.length) {
      throw new ValueError(
        `The model expects ${this.inputs.length} input(s), but it received ${inputs.length} input tensors`,
      );
    }
    const values = new Map<KerasTensor, Tensor>();
    this.inputs.forEach((t, i) => values.set(t, inputs[i]));
    for (const node of this.nodes) {
      const xs = node.inputs.map((t) => values.get(t)!);
      const callOpts: CallOptions = node.training !== undefined ? { training: node.training } : opts;
      const apply = node.layer.apply as (x: unknown, o: CallOptions) => Tensor | Tensor[];
      const out = apply.call(node.layer, node.inputsAsList ? xs : xs[0], callOpts);
      const outs = Array.isArray(out) ? out : [out];
      node.outputs.forEach((t, i) => values.set(t, outs[i]));
    }
    return this.outputs.map((t) => values.get(t)!);
  }

  /** Names of the layers producing the outputs (Keras' `output_names`). */
  get outputNames(): string[] {
    return this.outputs.map((t) => t.history!.layer.name);
  }

  /** Names of the input layers (Keras' `input_names`). */
  get inputNames(): string[] {
    return this.inputs.map((t) => t.history!.layer.name);
  }

  /**
   * Keras' functional config: every layer with the calls that feed it (`inboundNodes`, each a
   * list of `[layerName, nodeIndex, tensorIndex]`), and the model's input and output tensors.
   * Node indices count only the calls that belong to this graph.
   */
  config(serialize: (l: Layer) => ConfigValue): Config {
    const nodeIds = new Map<Node, number>();
    const relevant = new Set<Node>([
      ...this.inputs.map((t) => t.history!.layer.inboundNodes[0]),
      ...this.nodes,
    ]);
    for (const l of this.layers) {
      let k = 0;
      for (const n of l.inboundNodes) if (relevant.has(n)) nodeIds.set(n, k++);
    }
    const ref = (t: KerasTensor): ConfigValue => {
      const h = t.history!;
      return [h.layer.name, nodeIds.get(h.layer.inboundNodes[h.nodeIndex]) ?? 0, h.tensorIndex];
    };
    const layers = this.layers.map((l) => {
      const inbound = l.inboundNodes
        .filter((n) => relevant.has(n) && n.inputs.length > 0)
        .map((n) => ({ args: n.inputs.map(ref), asList: n.inputsAsList, training: n.training ?? null }));
      return { ...(serialize(l) as Record<string, ConfigValue>), name: l.name, inboundNodes: inbound };
    });
    return { layers, inputLayers: this.inputs.map(ref), outputLayers: this.outputs.map(ref) };
  }
}
