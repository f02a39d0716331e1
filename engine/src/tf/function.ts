import { toDType, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { formatShape } from "../core/shape.js";
import { Tensor } from "../core/tensor.js";

// `tf.function`. Tensorbook runs every call eagerly (there is no graph), but keeps what a
// notebook can observe of tracing: the function is "traced" on the first call with each new
// input signature (tensor dtypes and shapes, and the values of plain JavaScript arguments),
// and only then do its console side effects show. Later calls with a known signature run with
// console.log/info/debug silenced, as a traced Python `print` does not run again; `tf.print`
// always prints. Other side effects (changing outer variables, pushing to arrays) do happen on
// every call, unlike in TensorFlow, where the graph replays only TensorFlow ops.

/** A tensor's expected dtype and shape; `null` lengths match any length (`tf.TensorSpec`). */
export class TensorSpec {
  readonly shape: readonly (number | null)[] | null;
  readonly dtype: DType;
  readonly name: string | null;

  /** @example `new tf.TensorSpec([null, 28, 28], "float32")` */
  constructor(
    shape: readonly (number | null)[] | null,
    dtype: DType | string = "float32",
    name: string | null = null,
  ) {
    this.shape = shape;
    this.dtype = toDType(dtype);
    this.name = name;
  }

  /** Whether a tensor fits the spec. */
  isCompatibleWith(t: Tensor): boolean {
    if (t.dtype !== this.dtype) return false;
    if (this.shape === null) return true;
    return t.ndim === this.shape.length && this.shape.every((d, i) => d === null || d === t.shape[i]);
  }

  toString(): string {
    const s =
      this.shape === null
        ? "<unknown>"
        : `(${this.shape.map((d) => (d === null ? "None" : d)).join(", ")}${this.shape.length === 1 ? "," : ""})`;
    return `TensorSpec(shape=${s}, dtype=tf.${this.dtype}, name=${this.name === null ? "None" : `'${this.name}'`})`;
  }
}

/** Options of `tf.function`. */
export interface FunctionOptions {
  /** One spec per argument: calls must match, and the function is traced once. */
  inputSignature?: readonly TensorSpec[];
}

/** A traced signature of a `tf.function` (TensorFlow's ConcreteFunction, without a graph). */
export interface ConcreteFunction<A extends unknown[], R> {
  (...args: A): R;
  /** The signature this function was traced for. */
  readonly structuredInputSignature: string;
}

/** What `tf.function` returns: the function, plus tracing introspection. */
export type TfFunction<A extends unknown[], R> = ((...args: A) => R) & {
  /** The wrapped function, run without the tracing behaviour. */
  readonly pythonFunction: (...args: A) => R;
  /** The concrete function for these arguments, traced now if it was not yet. */
  getConcreteFunction(...args: A): ConcreteFunction<A, R>;
  /** How many signatures have been traced. */
  experimentalGetTracingCount(): number;
};

function describe(x: unknown): string {
  if (x instanceof Tensor) return `TensorSpec(shape=${formatShape(x.shape)}, dtype=tf.${x.dtype})`;
  if (Array.isArray(x)) return `[${x.map(describe).join(", ")}]`;
  if (x !== null && typeof x === "object") {
    return `{${Object.entries(x)
      .map(([k, v]) => `${k}: ${describe(v)}`)
      .join(", ")}}`;
  }
  return JSON.stringify(x) ?? String(x);
}

const RETRACE_WARNING = 5;

function quietly<R>(fn: () => R): R {
  const saved = { log: console.log, info: console.info, debug: console.debug };
  const mute = (): void => {};
  console.log = console.info = console.debug = mute;
  try {
    return fn();
  } finally {
    console.log = saved.log;
    console.info = saved.info;
    console.debug = saved.debug;
  }
}

/**
 * Wraps `fn` as a TensorFlow function: eager here, with TensorFlow's tracing behaviour for
 * what a notebook can see (see the notes at the top of this file).
 *
 * @example
 * ```ts
 * const cube = tf.function((x: Tensor) => { console.log("Tracing", x.shape); return tf.pow(x, 3); });
 * cube(tf.constant(2)); // prints "Tracing []", returns 8
 * cube(tf.constant(3)); // prints nothing, returns 27
 * ```
 */
export function tfFunction<A extends unknown[], R>(
  fn: (...args: A) => R,
  opts: FunctionOptions = {},
): TfFunction<A, R> {
  const traced = new Set<string>();
  const signature = opts.inputSignature;
  const keyOf = (args: A): string => {
    if (!signature) return describe(args);
    if (
      args.length !== signature.length ||
      !args.every((a, i) => a instanceof Tensor && signature[i].isCompatibleWith(a))
    ) {
      throw new ValueError(
        `Python inputs incompatible with input_signature:\n  inputs: (${args.map(describe).join(", ")})\n` +
          `  input_signature: (${signature.map(String).join(", ")})`,
      );
    }
    return signature.map(String).join(", ");
  };
  const call = (args: A): R => {
    const key = keyOf(args);
    if (traced.has(key)) return quietly(() => fn(...args));
    traced.add(key);
    if (traced.size === RETRACE_WARNING) {
      console.warn(
        `WARNING: ${RETRACE_WARNING} out of the last ${RETRACE_WARNING} calls to ${fn.name || "<function>"} triggered tf.function retracing. ` +
          "Tracing is expensive; pass tensors rather than JavaScript numbers, or give an inputSignature.",
      );
    }
    return fn(...args);
  };
  const wrapped = ((...args: A) => call(args)) as TfFunction<A, R>;
  Object.defineProperties(wrapped, {
    pythonFunction: { value: fn },
    getConcreteFunction: {
      value: (...args: A): ConcreteFunction<A, R> => {
        const key = keyOf(args);
        if (!traced.has(key)) call(args);
        const concrete = ((...a: A) => call(a)) as ConcreteFunction<A, R>;
        Object.defineProperty(concrete, "structuredInputSignature", { value: key });
        return concrete;
      },
    },
    experimentalGetTracingCount: { value: () => traced.size },
  });
  return wrapped;
}

/**
 * Prints tensors and values on every call, also inside a `tf.function` (`tf.print`).
 *
 * @example
 * ```ts
 * tf.print("loss:", loss);
 * ```
 */
export function tfPrint(...values: unknown[]): void {
  const text = values.map((v) => (v instanceof Tensor ? v.toString() : String(v))).join(" ");
  process.stdout.write(text + "\n");
}
