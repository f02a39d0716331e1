/** `Pipeline`: a chain of transformers ending in any estimator, used as one estimator. */
import type { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { BaseEstimator, checkIsFitted, isEstimator } from "../base/estimator.js";
import { fitTransformOf, type TransformerLike } from "../base/mixins.js";
import { registerEstimator } from "../base/registry.js";
import { NotFittedError } from "../base/errors.js";
import type { ArrayInput, Labels, TargetInput } from "../base/types.js";

/** A step: an estimator, or "passthrough"/null for a step that does nothing. */
export type StepEstimator = BaseEstimator | TransformerLike | "passthrough" | null;
/** A named step, `[name, estimator]`. */
export type Step = readonly [string, StepEstimator];

/** Options of {@link Pipeline}. */
export interface PipelineOptions {
  /** Not supported: caching of fitted transformers (accepted as null). */
  memory?: null;
  /** Print each step's fit time. */
  verbose?: boolean;
}

type AnyMethod = (...args: unknown[]) => unknown;
function method(est: unknown, name: string): AnyMethod | null {
  const f = (est as Record<string, unknown> | null)?.[name];
  return typeof f === "function" ? (f as AnyMethod).bind(est) : null;
}

/**
 * Chains transformers and a final estimator: `fit` fits each step on the previous one's output;
 * `predict`/`transform`/`score` pass data through the fitted transformers.
 *
 * @example
 * ```ts
 * const pipe = new sk.Pipeline([
 *   ["imputer", new sk.SimpleImputer({ strategy: "median" })],
 *   ["scaler", new sk.StandardScaler()],
 * ]);
 * pipe.fitTransform(housingNum);
 * pipe.namedSteps.imputer.statistics_;
 * ```
 */
export class Pipeline extends BaseEstimator {
  static defaults = { memory: null, verbose: false };
  static positional = ["steps"];
  static composite = "steps";
  declare steps: Step[];
  declare memory: null;
  declare verbose: boolean;

  constructor(steps?: readonly Step[], options: PipelineOptions = {}) {
    super(options, { steps: steps ? [...steps] : steps });
  }

  private checkSteps(): void {
    if (!Array.isArray(this.steps) || this.steps.length === 0) {
      throw new ValueError(
        'Pipeline needs a list of [name, estimator] steps, e.g. new sk.Pipeline([["scaler", new sk.StandardScaler()]])',
      );
    }
    const names = new Set<string>();
    this.steps.forEach((s, i) => {
      if (!Array.isArray(s) || typeof s[0] !== "string")
        throw new ValueError(`step ${i} should be [name, estimator], got ${String(s)}`);
      const [name, est] = s;
      if (names.has(name)) throw new ValueError(`Names provided are not unique: '${name}' appears twice`);
      if (name.includes("__")) throw new ValueError(`Estimator names must not contain __: got '${name}'`);
      names.add(name);
      if (
        i < this.steps.length - 1 &&
        est !== null &&
        est !== "passthrough" &&
        (!method(est, "fit") || !method(est, "transform"))
      ) {
        throw new TypeError(
          `All intermediate steps should be transformers and implement fit and transform or be the string 'passthrough'. '${name}' (type ${String(est)}) doesn't`,
        );
      }
    });
  }

  /** The last step's estimator (null for passthrough). */
  get finalEstimator(): StepEstimator {
    const last = this.steps[this.steps.length - 1][1];
    return last === "passthrough" ? null : last;
  }

  /** Steps by name. */
  get namedSteps(): Record<string, StepEstimator> {
    return Object.fromEntries(this.steps.map(([n, e]) => [n, e]));
  }

  /** Number of steps. */
  get length(): number {
    return this.steps.length;
  }

  /** scikit-learn's estimator type: the final step's. */
  get estimatorType(): string | undefined {
    return (this.finalEstimator as { estimatorType?: string } | null)?.estimatorType;
  }

  /** Labels of the final classifier. */
  get classes_(): Labels | undefined {
    return (this.finalEstimator as { classes_?: Labels } | null)?.classes_;
  }

  /**
   * A step by position or name (`pipe.get(0)`, `pipe.get("scaler")`), or a sub-pipeline for a
   * slice string (`pipe.get(":-1")` is Python's `pipe[:-1]`).
   */
  get(key: number | string): StepEstimator | Pipeline {
    if (typeof key === "string") {
      const m = /^(-?\d*):(-?\d*)$/.exec(key);
      if (m)
        return this.slice(m[1] === "" ? undefined : Number(m[1]), m[2] === "" ? undefined : Number(m[2]));
      const step = this.steps.find((s) => s[0] === key);
      if (!step)
        throw new ValueError(
          `Pipeline has no step '${key}'; steps are ${this.steps.map((s) => s[0]).join(", ")}`,
        );
      return step[1];
    }
    const i = key < 0 ? key + this.steps.length : key;
    if (i < 0 || i >= this.steps.length)
      throw new RangeError(`step index ${key} out of range for ${this.steps.length} steps`);
    return this.steps[i][1];
  }

  /** A pipeline of `steps.slice(start, end)` (sharing the step objects, as scikit-learn does). */
  slice(start?: number, end?: number): Pipeline {
    return new Pipeline(this.steps.slice(start, end), { memory: this.memory, verbose: this.verbose });
  }

  private transformers(): [string, StepEstimator][] {
    return this.steps.slice(0, -1).map(([n, e]) => [n, e]);
  }

  private fitTransformers(X: ArrayInput, y: TargetInput | null | undefined): ArrayInput {
    this.checkSteps();
    let Xt = X;
    for (const [name, est] of this.transformers()) {
      if (est === null || est === "passthrough") continue;
      const t0 = performance.now();
      Xt = fitTransformOf(est as TransformerLike, Xt, y) as ArrayInput;
      if (this.verbose)
        console.log(
          `[Pipeline] ...... (step ${name}) ... total=${((performance.now() - t0) / 1000).toFixed(1)}s`,
        );
    }
    return Xt;
  }

  private through(X: ArrayInput): ArrayInput {
    let Xt = X;
    for (const [, est] of this.transformers()) {
      if (est === null || est === "passthrough") continue;
      Xt = (est as TransformerLike).transform(Xt) as ArrayInput;
    }
    return Xt;
  }

  /** Fits every step in turn; returns `this`. */
  fit(X: ArrayInput, y?: TargetInput | null): this {
    const Xt = this.fitTransformers(X, y);
    const last = this.finalEstimator;
    if (last !== null) (last as TransformerLike).fit(Xt, y);
    return this;
  }

  /** Whether the final step is fitted. */
  isFitted(): boolean {
    const last =
      this.finalEstimator ??
      this.steps
        .slice(0, -1)
        .reverse()
        .find(([, e]) => e !== null && e !== "passthrough")?.[1];
    if (!isEstimator(last)) return true;
    try {
      checkIsFitted(last);
      return true;
    } catch (e) {
      if (e instanceof NotFittedError) return false;
      throw e;
    }
  }

  private final(name: string): AnyMethod {
    const f = method(this.finalEstimator, name);
    if (!f)
      throw new TypeError(
        `This 'Pipeline' has no attribute '${name}': its final step (${String(this.finalEstimator)}) does not implement it`,
      );
    checkIsFitted(this);
    return f;
  }

  /** Predictions of the final estimator on the transformed `X`. */
  predict(X: ArrayInput): Tensor | Labels {
    const f = this.final("predict");
    return f(this.through(X)) as Tensor | Labels;
  }

  /** Fits, then predicts on the same data (`fitPredict` of the final step when it has one). */
  fitPredict(X: ArrayInput, y?: TargetInput | null): Tensor | Labels {
    const Xt = this.fitTransformers(X, y);
    const last = this.finalEstimator;
    const fp = method(last, "fitPredict");
    if (fp) return fp(Xt, y) as Tensor | Labels;
    (last as TransformerLike).fit(Xt, y);
    return method(last, "predict")?.(Xt) as Tensor | Labels;
  }

  /** Class probabilities of the final classifier. */
  predictProba(X: ArrayInput): Tensor {
    return this.final("predictProba")(this.through(X)) as Tensor;
  }

  /** Decision scores of the final classifier. */
  decisionFunction(X: ArrayInput): Tensor {
    return this.final("decisionFunction")(this.through(X)) as Tensor;
  }

  /** Score of the final estimator on the transformed `X`. */
  score(X: ArrayInput, y?: TargetInput | null, options?: object): number {
    return this.final("score")(this.through(X), y, options) as number;
  }

  /** Transforms through every step (the last one must transform, or be passthrough). */
  transform(X: ArrayInput): unknown {
    const last = this.finalEstimator;
    if (last === null) {
      checkIsFitted(this);
      return this.through(X);
    }
    return this.final("transform")(this.through(X));
  }

  /** Fits every step and returns the transformed training data. */
  fitTransform(X: ArrayInput, y?: TargetInput | null): unknown {
    const Xt = this.fitTransformers(X, y);
    const last = this.finalEstimator;
    if (last === null) return Xt;
    return fitTransformOf(last as TransformerLike, Xt, y);
  }

  /** Undoes the steps in reverse order (each must have `inverseTransform`). */
  inverseTransform(X: ArrayInput): unknown {
    let Xt: unknown = X;
    for (const [name, est] of [...this.steps].reverse()) {
      if (est === null || est === "passthrough") continue;
      const f = method(est, "inverseTransform");
      if (!f) throw new TypeError(`step '${name}' has no inverseTransform`);
      Xt = f(Xt);
    }
    return Xt;
  }

  /** Output names, following the steps' `getFeatureNamesOut`. */
  getFeatureNamesOut(inputFeatures?: readonly string[]): string[] {
    let names = inputFeatures ? [...inputFeatures] : undefined;
    for (const [name, est] of this.steps) {
      if (est === null || est === "passthrough") continue;
      const f = method(est, "getFeatureNamesOut");
      if (!f)
        throw new TypeError(
          `Estimator ${name} does not provide getFeatureNamesOut. Did you mean to call pipeline.slice(0, -1) before getFeatureNamesOut?`,
        );
      names = f(names) as string[];
    }
    return names ?? [];
  }
}
registerEstimator(Pipeline);

function lowerName(est: unknown): string {
  if (est === null || est === "passthrough") return String(est);
  return ((est as object).constructor?.name ?? "step").toLowerCase();
}

/** Names for unnamed steps: the lower-cased class name, numbered when repeated (`standardscaler-1`). */
export function nameEstimators(estimators: readonly unknown[]): string[] {
  const names = estimators.map(lowerName);
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  const seen = new Map<string, number>();
  return names.map((n) => {
    if ((counts.get(n) as number) === 1) return n;
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return `${n}-${k}`;
  });
}

/**
 * A pipeline whose step names are the lower-cased class names.
 *
 * @example
 * ```ts
 * const pipe = sk.makePipeline(new sk.StandardScaler(), new sk.LinearRegression());
 * pipe.steps[0][0]; // "standardscaler"
 * ```
 */
export function makePipeline(...steps: (StepEstimator | PipelineOptions)[]): Pipeline {
  let options: PipelineOptions = {};
  const last = steps[steps.length - 1];
  if (last && typeof last === "object" && !isEstimator(last) && !method(last, "fit")) {
    options = last as PipelineOptions;
    steps = steps.slice(0, -1);
  }
  const names = nameEstimators(steps);
  return new Pipeline(
    steps.map((s, i) => [names[i], s as StepEstimator] as const),
    options,
  );
}
