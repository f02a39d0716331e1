/** Row selection that keeps the input's kind (scikit-learn's `_safe_indexing`). */
import { Tensor } from "../../core/tensor.js";
import { array } from "../../ops/creation.js";
import { isFrameLike, isSeriesLike, type ArrayInput } from "../base/types.js";

type Takeable = { take(positions: ArrayLike<number>): unknown };

/** Rows `idx` of a tensor, data frame, series or JS array, as the same kind. */
export function safeIndexing<T extends ArrayInput>(x: T, idx: ArrayLike<number>): T {
  if (x instanceof Tensor) return x.get(array(Array.from(idx), { dtype: "int32" })) as T;
  if ((isFrameLike(x) || isSeriesLike(x)) && typeof (x as unknown as Takeable).take === "function") {
    return (x as unknown as Takeable).take(idx) as T;
  }
  if (Array.isArray(x)) return Array.from(idx, (i) => (x as unknown[])[i]) as unknown as T;
  if (ArrayBuffer.isView(x)) {
    const src = x as unknown as Float64Array;
    const out = new (src.constructor as Float64ArrayConstructor)(idx.length);
    for (let i = 0; i < idx.length; i++) out[i] = src[idx[i]];
    return out as unknown as T;
  }
  throw new TypeError("cannot select rows of this input: pass a tensor, a data frame, a series or an array");
}
