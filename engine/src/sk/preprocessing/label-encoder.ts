/** `LabelEncoder`: target labels to integers 0..k-1 and back. */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { TransformerMixin } from "../base/mixins.js";
import { checkIsFitted } from "../base/estimator.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, Labels, TargetInput } from "../base/types.js";
import { decodeLabels, encodeLabels, labelValues, toLabels } from "../base/validation.js";

/**
 * Encodes labels (`y`, 1-D) as integers in sorted label order.
 *
 * @example
 * ```ts
 * const le = new sk.LabelEncoder().fit(["paris", "tokyo", "paris"]);
 * le.transform(["tokyo"]); // array([1])
 * le.inverseTransform([0]); // ["paris"]
 * ```
 */
export class LabelEncoder extends TransformerMixin {
  static defaults = {};
  /** The sorted labels. */
  classes_?: Labels;

  constructor(options: Record<string, never> = {}) {
    super(options);
  }

  /** Learns the labels of `y`. */
  fit(y: TargetInput, _unused?: TargetInput | null): this {
    this.classes_ = encodeLabels(toLabels(y)).classes;
    return this;
  }

  /** Codes of `y`'s labels (int32). */
  transform(y: ArrayInput): Tensor {
    checkIsFitted(this, "classes_");
    const index = new Map(labelValues(this.classes_ as Labels).map((v, i) => [String(v), i]));
    const vals = labelValues(toLabels(y));
    const unseen = [...new Set(vals.filter((v) => !index.has(String(v))))];
    if (unseen.length)
      throw new ValueError(
        `y contains previously unseen labels: [${unseen.map((v) => JSON.stringify(v)).join(", ")}]`,
      );
    return Tensor.fromTypedArray(
      Int32Array.from(vals, (v) => index.get(String(v)) as number),
      [vals.length],
      "int32",
    );
  }

  /** Labels of codes. */
  inverseTransform(codes: ArrayInput): Labels {
    checkIsFitted(this, "classes_");
    const c = labelValues(toLabels(codes)).map(Number);
    const k = labelValues(this.classes_ as Labels).length;
    const bad = c.filter((v) => !(Number.isInteger(v) && v >= 0 && v < k));
    if (bad.length) throw new ValueError(`y contains previously unseen labels: [${bad.join(", ")}]`);
    return decodeLabels(this.classes_ as Labels, c);
  }
}
registerEstimator(LabelEncoder);
