import { toTensor } from "../core/convert.js";
import { ValueError } from "../core/errors.js";
import { Tensor, type TensorLike } from "../core/tensor.js";
import { zeros } from "../ops/creation.js";
import { RuntimeError } from "./errors.js";
import { jacobianOf, batchJacobianOf } from "./jacobian.js";
import { isRecording, startRecording, stopRecording } from "./recorder.js";
import { Tape } from "./tape.js";

/** Options of `new tf.GradientTape(options)`. */
export interface GradientTapeOptions {
  /** Allow several `gradient`/`jacobian` calls (default false: one, then the tape is released). */
  persistent?: boolean;
  /** Watch trainable variables as soon as an op reads them (default true). */
  watchAccessedVariables?: boolean;
}

/** Options of `tape.gradient`. */
export interface GradientOptions {
  /** Gradients of some scalar loss with respect to each target (default: ones). */
  outputGradients?: Tensor | readonly (Tensor | null)[];
  /** What an unconnected source gets: `"none"` (null, the default) or `"zero"` (zeros). */
  unconnectedGradients?: "none" | "zero";
}

/**
 * TensorFlow's `tf.GradientTape`: records the ops run inside `tape.record(() => ...)` and
 * computes gradients of a result with respect to watched tensors by reverse-mode automatic
 * differentiation. Trainable variables are watched automatically; constants need `watch`.
 * Tapes nest: a tape recording while another computes its gradient records that computation,
 * which gives second derivatives.
 *
 * @example
 * ```ts
 * const w = new tf.Variable(5);
 * const tape = new tf.GradientTape();
 * const z = tape.record(() => tf.square(w).mul(3));
 * tape.gradient(z, w); // 30
 * ```
 */
export class GradientTape {
  /** Whether `gradient` may be called more than once. */
  readonly persistent: boolean;
  #tape: Tape;
  #used = false;

  constructor(opts: GradientTapeOptions = {}) {
    this.persistent = opts.persistent ?? false;
    this.#tape = new Tape(opts.watchAccessedVariables ?? true);
  }

  /**
   * Runs `fn` while recording the ops it runs, and returns its result (the `with` block of
   * Python). May be called several times on one tape; the recordings add up. `fn` must be
   * synchronous: ops after an `await` would run outside the recording.
   *
   * @example
   * ```ts
   * const loss = tape.record(() => tf.reduceMean(tf.square(y.sub(model(X)))));
   * ```
   */
  record<T>(fn: () => T): T {
    const nested = isRecording(this.#tape);
    if (!nested) startRecording(this.#tape);
    let result: T;
    try {
      result = fn();
    } finally {
      if (!nested) stopRecording(this.#tape);
    }
    if (result instanceof Promise) {
      throw new TypeError(
        "tape.record(fn) needs a synchronous fn: ops after an await are not recorded. Compute the loss without awaiting inside the tape.",
      );
    }
    return result;
  }

  /**
   * Watches tensors so gradients with respect to them can be asked for (needed for constants;
   * trainable variables are watched automatically).
   *
   * @example
   * ```ts
   * const x = tf.constant(3);
   * const tape = new tf.GradientTape();
   * const y = tape.record(() => { tape.watch(x); return tf.square(x); });
   * tape.gradient(y, x); // 6
   * ```
   */
  watch(tensors: Tensor | readonly Tensor[]): void {
    for (const t of Array.isArray(tensors) ? tensors : [tensors]) {
      if (!(t instanceof Tensor)) throw new TypeError("tape.watch takes tensors or variables");
      this.#tape.watch(t);
    }
  }

  /**
   * Pauses recording while `fn` runs (TensorFlow's `tape.stop_recording()`).
   *
   * @example
   * ```ts
   * tape.record(() => { const y = f(x); tape.stopRecording(() => log(y)); return y; });
   * ```
   */
  stopRecording<T>(fn: () => T): T {
    const was = isRecording(this.#tape);
    if (was) stopRecording(this.#tape);
    try {
      return fn();
    } finally {
      if (was) startRecording(this.#tape);
    }
  }

  /** Forgets everything recorded so far (TensorFlow's `tape.reset()`). */
  reset(): void {
    this.#tape = new Tape(this.#tape.watchAccessedVariables);
    this.#used = false;
  }

  /**
   * The gradient of `target` (or the sum of several targets) with respect to each source, in
   * the sources' shapes and dtypes; `null` for a source the target does not depend on. A single
   * source gives a single gradient, an array of sources an array.
   *
   * @example
   * ```ts
   * const [dw1, dw2] = tape.gradient(z, [w1, w2]);
   * ```
   */
  gradient(target: Tensor | readonly Tensor[], sources: Tensor, opts?: GradientOptions): Tensor | null;
  gradient(
    target: Tensor | readonly Tensor[],
    sources: readonly Tensor[],
    opts?: GradientOptions,
  ): (Tensor | null)[];
  gradient(
    target: Tensor | readonly Tensor[],
    sources: Tensor | readonly Tensor[],
    opts: GradientOptions = {},
  ): Tensor | null | (Tensor | null)[] {
    this.consume("gradient");
    const targets = Array.isArray(target) ? (target as readonly Tensor[]) : [target as Tensor];
    const list = Array.isArray(sources) ? (sources as readonly Tensor[]) : [sources as Tensor];
    for (const s of list) {
      if (!(s instanceof Tensor)) throw new TypeError("tape.gradient: sources must be tensors or variables");
    }
    const seeds = seedsFor(targets, opts.outputGradients);
    const grads = this.run(() => this.#tape.backward(targets, seeds, list));
    const out = grads.map((g, i) =>
      g === null
        ? opts.unconnectedGradients === "zero"
          ? zeros(list[i].shape, { dtype: list[i].dtype })
          : null
        : dense(g),
    );
    return Array.isArray(sources) ? out : out[0];
  }

  /**
   * The Jacobian of `target` with respect to `source`: shape `target.shape + source.shape`,
   * entry `[i..., j...]` = d target[i...] / d source[j...] (null when unconnected).
   *
   * @example
   * ```ts
   * tape.jacobian(tf.square(x), x); // diag(2x)
   * ```
   */
  jacobian(target: Tensor, source: Tensor): Tensor | null {
    this.consume("jacobian");
    return this.run(() => jacobianOf(this.#tape, target, source));
  }

  /**
   * Per-example Jacobians: for `target` of shape `[b, ...t]` and `source` `[b, ...s]` where
   * example `i` of the target depends only on example `i` of the source, the `[b, ...t, ...s]`
   * stack of each example's Jacobian.
   *
   * @example
   * ```ts
   * tape.batchJacobian(y, x); // y: [b, m], x: [b, n] → [b, m, n]
   * ```
   */
  batchJacobian(target: Tensor, source: Tensor): Tensor | null {
    this.consume("batchJacobian");
    return this.run(() => batchJacobianOf(this.#tape, target, source));
  }

  /** @internal The recording machinery (for tests). */
  get recordedOps(): number {
    return this.#tape.nodes.length;
  }

  private consume(what: string): void {
    if (this.#used && !this.persistent) {
      throw new RuntimeError(
        "A non-persistent GradientTape can only be used to compute one set of gradients (or jacobians); " +
          `this tape was already used. Make it with new tf.GradientTape({ persistent: true }) to call ${what} several times.`,
      );
    }
    this.#used = true;
  }

  // The tape does not record its own backward pass (outer tapes do); a non-persistent tape
  // drops its recording afterwards so the memory can go.
  private run<T>(fn: () => T): T {
    const was = isRecording(this.#tape);
    if (was) stopRecording(this.#tape);
    try {
      return fn();
    } finally {
      if (was) startRecording(this.#tape);
      if (!this.persistent) this.#tape = new Tape(this.#tape.watchAccessedVariables);
    }
  }
}

function seedsFor(targets: readonly Tensor[], given: GradientOptions["outputGradients"]): (Tensor | null)[] {
  if (given === undefined) return targets.map(() => null);
  const list = Array.isArray(given) ? (given as readonly (Tensor | null)[]) : [given as Tensor];
  if (list.length !== targets.length) {
    throw new ValueError(`outputGradients has ${list.length} entries for ${targets.length} targets`);
  }
  return list.map((g, i) => (g === null ? null : toTensor(g as TensorLike, { dtype: targets[i].dtype })));
}

// Gradients handed to users are dense tensors (a broadcast gradient may be a stride-0 view).
function dense(g: Tensor): Tensor {
  return g.isContiguous && g.offset === 0 && g.size === g.storage.size ? g : g.copy();
}
