import { isFloat } from "../core/dtype.js";
import { formatShape } from "../core/shape.js";
import type { Tensor } from "../core/tensor.js";
import { add } from "../ops/arithmetic.js";
import { ones } from "../ops/creation.js";
import { LookupError } from "./errors.js";
import type { OpListener } from "./recorder.js";
import { gradientOf, multiGradientOf } from "./registry.js";
import { Variable, VariableValue } from "./variable.js";

/** One recorded op: what ran, on what, and the storage versions its inputs had then. */
interface Node {
  readonly op: string;
  /** The inputs as graph keys (a variable stands for every read of it). */
  readonly keys: readonly Tensor[];
  /** The inputs' values as the op saw them (a variable's read at that moment). */
  readonly values: readonly Tensor[];
  readonly attrs: unknown;
  /** The output (the first one of a multi-output op). */
  readonly output: Tensor;
  /** Every output of a multi-output op (decompositions); absent for single-output ops. */
  readonly outputs?: readonly Tensor[];
  /** `storage.version` of each input and then of the output(s), at record time. */
  readonly versions: readonly number[];
}

/** The graph key of a tensor: a variable's reads all stand for the variable. */
export function keyOf(t: Tensor): Tensor {
  return t instanceof VariableValue ? t.variable : t;
}

/**
 * The recording machinery behind `GradientTape`: a list of recorded ops in execution order
 * (hence already topologically sorted) and the set of tensors that depend on watched ones.
 * An op is recorded only when one of its inputs is tracked and its output is a float tensor
 * (integer and bool results, like `argmax` or comparisons, carry no gradient).
 */
export class Tape implements OpListener {
  readonly nodes: Node[] = [];
  readonly tracked = new Set<Tensor>();
  /** Whether trainable variables count as watched as soon as an op reads them. */
  constructor(readonly watchAccessedVariables: boolean) {}

  watch(t: Tensor): void {
    this.tracked.add(keyOf(t));
  }

  private isTracked(k: Tensor): boolean {
    return this.tracked.has(k) || (this.watchAccessedVariables && k instanceof Variable && k.trainable);
  }

  onOp(op: string, inputs: readonly Tensor[], attrs: unknown, output: Tensor): void {
    if (!isFloat(output.dtype)) return;
    let hit = false;
    for (let i = 0; i < inputs.length; i++) {
      const t = inputs[i];
      // An op that hands back one of its inputs is an identity: nothing to record.
      if (t === output) return;
      if (!hit && this.isTracked(keyOf(t))) hit = true;
    }
    if (!hit) return;
    const n = inputs.length;
    const keys = new Array<Tensor>(n);
    const values = new Array<Tensor>(n);
    const versions = new Array<number>(n + 1);
    for (let i = 0; i < n; i++) {
      const t = inputs[i];
      const value = t instanceof Variable ? t.value() : t;
      keys[i] = keyOf(t);
      values[i] = value;
      versions[i] = value.storage.version;
    }
    versions[n] = output.storage.version;
    this.nodes.push({ op, keys, values, attrs, output, versions });
    this.tracked.add(output);
  }

  /** A multi-output op: recorded once; its float outputs become tracked. */
  onMultiOp(op: string, inputs: readonly Tensor[], attrs: unknown, outputs: readonly Tensor[]): void {
    if (!outputs.some((o) => isFloat(o.dtype))) return;
    if (!inputs.some((t) => this.isTracked(keyOf(t)))) return;
    const values = inputs.map((t) => (t instanceof Variable ? t.value() : t));
    this.nodes.push({
      op,
      keys: inputs.map(keyOf),
      values,
      attrs,
      output: outputs[0],
      outputs,
      versions: [...values, ...outputs].map((t) => t.storage.version),
    });
    for (const o of outputs) if (isFloat(o.dtype)) this.tracked.add(o);
  }

  /**
   * Reverse-mode accumulation from `targets` (seeded with `seeds`, ones where null) to
   * `sources`; `null` for a source no target depends on.
   */
  backward(
    targets: readonly Tensor[],
    seeds: readonly (Tensor | null)[],
    sources: readonly Tensor[],
  ): (Tensor | null)[] {
    const sourceKeys = sources.map(keyOf);
    // Forward sweep: which tensors depend on a source (only those need gradients).
    const reach = new Set<Tensor>(sourceKeys);
    const relevant = new Array<boolean>(this.nodes.length).fill(false);
    for (let i = 0; i < this.nodes.length; i++) {
      const node = this.nodes[i];
      if (node.keys.some((k) => reach.has(k))) {
        relevant[i] = true;
        if (node.outputs) for (const o of node.outputs) reach.add(o);
        else reach.add(node.output);
      }
    }
    const grads = new Map<Tensor, Tensor>();
    const accumulate = (k: Tensor, g: Tensor): void => {
      const prev = grads.get(k);
      grads.set(k, prev ? add(prev, g) : g);
    };
    targets.forEach((t, i) => {
      const k = keyOf(t);
      if (!reach.has(k)) return;
      accumulate(k, seeds[i] ?? ones(t.shape, { dtype: isFloat(t.dtype) ? t.dtype : "float32" }));
    });
    const isSource = new Set(sourceKeys);
    for (let i = this.nodes.length - 1; i >= 0; i--) {
      if (!relevant[i]) continue;
      const node = this.nodes[i];
      let gs: readonly (Tensor | null | undefined)[];
      let needs: boolean[];
      if (node.outputs) {
        const dys = node.outputs.map((o) => grads.get(o) ?? null);
        if (dys.every((d) => d === null)) continue;
        for (const o of node.outputs) if (!isSource.has(o)) grads.delete(o);
        checkVersions(node);
        const fn = multiGradientOf(node.op);
        if (!fn) throw noGradient(node.op);
        needs = node.keys.map((k) => reach.has(k));
        gs = fn(dys, node.values, node.attrs as never, node.outputs, needs);
      } else {
        const dy = grads.get(node.output);
        if (!dy) continue;
        if (!isSource.has(node.output)) grads.delete(node.output);
        checkVersions(node);
        const fn = gradientOf(node.op);
        if (!fn) throw noGradient(node.op);
        needs = node.keys.map((k) => reach.has(k));
        gs = fn(dy, node.values, node.attrs as never, node.output, needs);
      }
      for (let j = 0; j < node.keys.length; j++) {
        const g = gs[j];
        if (!needs[j] || g === null || g === undefined) continue;
        accumulate(node.keys[j], fitTo(g, node.values[j], node.op, j));
      }
    }
    return sourceKeys.map((k) => grads.get(k) ?? null);
  }
}

function noGradient(op: string): LookupError {
  return new LookupError(
    `No gradient defined for operation '${op}': it cannot be differentiated. Wrap it in ` +
      `tf.stopGradient if it should count as a constant.`,
  );
}

// A gradient must have its input's shape; its dtype follows the input's (a float32 input fed
// into a float64 computation gets a float32 gradient, as in TensorFlow).
function fitTo(g: Tensor, input: Tensor, op: string, j: number): Tensor {
  if (g.ndim !== input.ndim || g.shape.some((d, i) => d !== input.shape[i])) {
    throw new Error(
      `internal error: the gradient of '${op}' for input ${j} has shape ${formatShape(g.shape)}, ` +
        `but the input has shape ${formatShape(input.shape)}`,
    );
  }
  return g.dtype === input.dtype || !isFloat(input.dtype) ? g : g.astype(input.dtype);
}

function checkVersions(node: Node): void {
  const n = node.values.length;
  const outs = node.outputs ?? [node.output];
  for (let j = 0; j < n + outs.length; j++) {
    const t = j < n ? node.values[j] : outs[j - n];
    if (t.storage.version !== node.versions[j]) {
      const what = j < n ? `input ${j}` : outs.length > 1 ? `output ${j - n}` : "the output";
      throw new Error(
        `a tensor the tape recorded (${what} of '${node.op}', shape ${formatShape(t.shape)}, ${t.dtype}) ` +
          `was modified in place after it was recorded, so its gradient would be wrong. Modify a copy ` +
          `(t.copy()), or record the computation again after the change; to change a model's ` +
          `weights, use tf.Variable and assign.`,
      );
    }
  }
}
