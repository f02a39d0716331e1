/**
 * The JSON format of `sk.dump`: an estimator is `{ class, params, state }` where `params` are its
 * hyperparameters and `state` its learned attributes (names ending in `_`). Values that JSON
 * cannot hold exactly are tagged objects:
 * - `{ "$tensor": { dtype, shape, base64 } }`: a tensor's little-endian bytes (exact, compact);
 * - `{ "$typed": { type, base64 } }`: a typed array;
 * - `{ "$estimator": { class, params, state } }`: a nested estimator;
 * - `{ "$num": "NaN" | "Infinity" | "-Infinity" }`, `{ "$undefined": true }`;
 * - `{ "$object": { ... } }`: a plain object; `{ "$map": [[key, value], ...] }`: a Map.
 * Functions cannot be saved (the error names the option).
 */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import type { DType } from "../../core/dtype.js";
import { classOf, isEstimator, type BaseEstimator, type Params } from "../base/estimator.js";
import { constructFrom } from "../base/clone.js";
import { estimatorClass } from "../base/registry.js";

/** Name and version written at the top of every file. */
export const FORMAT = "tensorbook.sk";
export const VERSION = 1;

/** JSON data. */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

type Typed = Float64Array | Float32Array | Int32Array | Uint8Array;
const TYPED: Record<string, new (b: ArrayBuffer) => Typed> = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint8Array,
};

function toBase64(a: Typed): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");
}

function fromBase64(s: string, type: string): Typed {
  const b = Buffer.from(s, "base64");
  const ab = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  return new TYPED[type](ab);
}

/** Encodes an estimator as JSON-ready data. */
export function encodeEstimator(est: BaseEstimator): { [k: string]: Json } {
  const cls = classOf(est);
  const params: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(est.getParams(false))) params[k] = encode(v, `${cls.name}.${k}`);
  const state: { [k: string]: Json } = {};
  const self = est as unknown as Params;
  const keys = [
    ...Object.keys(self).filter((k) => k.endsWith("_") && self[k] !== undefined),
    ...(cls.persisted ?? []),
  ];
  for (const k of keys) state[k] = encode(self[k], `${cls.name}.${k}`);
  return { class: cls.name, params, state };
}

/** Encodes any value an estimator may hold (tensors, typed arrays, nested estimators...) as JSON data. */
export function encode(v: unknown, where: string): Json {
  if (v === null || typeof v === "boolean" || typeof v === "string") return v;
  if (v === undefined) return { $undefined: true };
  if (typeof v === "number") return Number.isFinite(v) ? v : { $num: String(v) };
  if (typeof v === "function") {
    throw new ValueError(
      `cannot save ${where}: it is a function, and functions are not data. Save the estimator without it, or recreate the function after sk.load`,
    );
  }
  if (v instanceof Tensor) {
    const data = v.dataSync() as Typed;
    return { $tensor: { dtype: v.dtype, shape: [...v.shape], base64: toBase64(data) } };
  }
  if (isEstimator(v)) return { $estimator: encodeEstimator(v) };
  if (Array.isArray(v)) return v.map((x, i) => encode(x, `${where}[${i}]`));
  if (ArrayBuffer.isView(v)) {
    const name = v.constructor.name;
    if (!(name in TYPED)) throw new ValueError(`cannot save ${where}: ${name} is not supported`);
    return { $typed: { type: name, base64: toBase64(v as Typed) } };
  }
  if (v instanceof Map)
    return { $map: [...v.entries()].map(([k, x]) => [encode(k, where), encode(x, where)]) };
  if (typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    const o: { [k: string]: Json } = {};
    for (const [k, x] of Object.entries(v)) o[k] = encode(x, `${where}.${k}`);
    return { $object: o };
  }
  const toJSON = (v as { toJSON?: () => Json }).toJSON;
  if (typeof toJSON === "function") return { $value: toJSON.call(v) };
  throw new ValueError(
    `cannot save ${where}: a ${(v as object).constructor?.name ?? typeof v} is not data sk.dump knows`,
  );
}

/** Rebuilds an estimator from `encodeEstimator`'s data. */
export function decodeEstimator(j: { [k: string]: Json }): BaseEstimator {
  const name = j.class as string;
  const cls = estimatorClass(name);
  if (!cls) {
    throw new ValueError(
      `sk.load does not know the estimator class '${name}'. If it is your own class, call sk.registerEstimator(${name}) before loading.`,
    );
  }
  const params: Params = {};
  for (const [k, v] of Object.entries(j.params as { [k: string]: Json })) params[k] = decode(v);
  const est = constructFrom(cls, params);
  const self = est as unknown as Params;
  for (const [k, v] of Object.entries(j.state as { [k: string]: Json })) self[k] = decode(v);
  return est;
}

/** The inverse of {@link encode}. */
export function decode(j: Json): unknown {
  if (j === null || typeof j !== "object") return j;
  if (Array.isArray(j)) return j.map(decode);
  if ("$undefined" in j) return undefined;
  if ("$num" in j) return Number(j.$num);
  if ("$tensor" in j) {
    const t = j.$tensor as { dtype: DType; shape: number[]; base64: string };
    const type =
      t.dtype === "float64"
        ? "Float64Array"
        : t.dtype === "float32"
          ? "Float32Array"
          : t.dtype === "int32"
            ? "Int32Array"
            : "Uint8Array";
    return Tensor.fromTypedArray(fromBase64(t.base64, type), t.shape, t.dtype);
  }
  if ("$typed" in j) {
    const t = j.$typed as { type: string; base64: string };
    return fromBase64(t.base64, t.type);
  }
  if ("$estimator" in j) return decodeEstimator(j.$estimator as { [k: string]: Json });
  if ("$map" in j) return new Map((j.$map as Json[][]).map(([k, v]) => [decode(k), decode(v)]));
  if ("$object" in j)
    return Object.fromEntries(
      Object.entries(j.$object as { [k: string]: Json }).map(([k, v]) => [k, decode(v)]),
    );
  if ("$value" in j) return j.$value;
  throw new ValueError(`unknown value in an sk.dump file: ${JSON.stringify(j).slice(0, 80)}`);
}
