/**
 * Estimator reprs in TypeScript spelling: `SVC({ C: 5, coef0: 1, kernel: "poly" })` lists only
 * the options that differ from their defaults (as scikit-learn's repr does), positional
 * arguments first (`Pipeline([["scaler", StandardScaler()], ["svr", SVR()]])`). Long reprs wrap
 * with two-space indents.
 */
import { Tensor } from "../../core/tensor.js";
import type { BaseEstimator, EstimatorClass, Params } from "./estimator.js";

const WIDTH = 80;

// A value laid out either on one line or broken across lines.
type Doc = string | { open: string; items: Doc[]; close: string };

function flat(d: Doc): string {
  if (typeof d === "string") return d;
  return `${d.open}${d.items.map(flat).join(", ")}${d.close}`;
}

function layout(d: Doc, indent: number): string {
  const one = flat(d);
  if (typeof d === "string" || one.length + indent <= WIDTH) return one;
  const pad = " ".repeat(indent + 2);
  const inner = d.items.map((i) => pad + layout(i, indent + 2)).join(",\n");
  const open = d.open.endsWith(" ") ? d.open.trimEnd() : d.open;
  const close = d.close.startsWith(" ") ? d.close.trimStart() : d.close;
  return `${open}\n${inner},\n${" ".repeat(indent)}${close}`;
}

function isEst(x: unknown): x is BaseEstimator {
  return typeof x === "object" && x !== null && typeof (x as BaseEstimator).getParams === "function";
}

function valueDoc(v: unknown, depth: number): Doc {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number")
    return Number.isNaN(v) ? "NaN" : v === Infinity ? "Infinity" : v === -Infinity ? "-Infinity" : String(v);
  if (typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (typeof v === "function") return v.name ? v.name : "<function>";
  if (v instanceof Tensor)
    return v.size <= 20
      ? `np.array(${JSON.stringify(v.toArray())})`
      : `<tensor of shape [${v.shape.join(", ")}]>`;
  if (isEst(v)) return depth > 6 ? `${v.constructor.name}(...)` : estimatorDoc(v, depth + 1);
  if (Array.isArray(v)) return { open: "[", items: v.map((x) => valueDoc(x, depth)), close: "]" };
  if (typeof v === "object") {
    const cls = (v as object).constructor;
    if (cls && cls !== Object && typeof (v as { toString?: unknown }).toString === "function") {
      const s = String(v);
      if (!s.startsWith("[object")) return s;
    }
    const items = Object.entries(v as Params).map(([k, x]) => {
      const d = valueDoc(x, depth);
      return typeof d === "string" ? `${k}: ${d}` : { ...d, open: `${k}: ${d.open}` };
    });
    return items.length ? { open: "{ ", items, close: " }" } : "{}";
  }
  return String(v);
}

/** Deep equality for option values (numbers, strings, arrays, plain objects; estimators never). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number") return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isEst(a) || isEst(b) || a instanceof Tensor || b instanceof Tensor) return false;
  if (
    a &&
    b &&
    typeof a === "object" &&
    typeof b === "object" &&
    Object.getPrototypeOf(a) === Object.prototype &&
    Object.getPrototypeOf(b) === Object.prototype
  ) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => sameValue((a as Params)[k], (b as Params)[k]));
  }
  return false;
}

/** Default option values of an estimator's class (`static defaults`, or a fresh instance's). */
export function defaultsOf(est: BaseEstimator): Params | null {
  const cls = est.constructor as EstimatorClass;
  if (cls.defaults) return { ...cls.defaults };
  try {
    return new cls().getParams(false);
  } catch {
    return null;
  }
}

function estimatorDoc(est: BaseEstimator, depth: number): Doc {
  const cls = est.constructor as EstimatorClass;
  const params = est.getParams(false);
  const defaults = defaultsOf(est);
  const positional = cls.positional ?? [];
  const items: Doc[] = positional.map((k) => valueDoc(params[k], depth));
  const opts: Doc[] = [];
  for (const k of Object.keys(params).sort()) {
    if (positional.includes(k)) continue;
    if (defaults && k in defaults && sameValue(params[k], defaults[k])) continue;
    const d = valueDoc(params[k], depth);
    opts.push(typeof d === "string" ? `${k}: ${d}` : { ...d, open: `${k}: ${d.open}` });
  }
  if (opts.length) items.push({ open: "{ ", items: opts, close: " }" });
  return { open: `${cls.name}(`, items, close: ")" };
}

/**
 * The repr of an estimator.
 *
 * @example
 * ```ts
 * String(new sk.SimpleImputer({ strategy: "median" })); // 'SimpleImputer({ strategy: "median" })'
 * ```
 */
export function formatRepr(est: BaseEstimator): string {
  return layout(estimatorDoc(est, 0), 0);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// One box per estimator; composites show their named parts inside, like scikit-learn's diagram.
function htmlBox(est: unknown, label?: string): string {
  if (!isEst(est))
    return `<div class="tb-sk-box tb-sk-plain">${label ? `<b>${escapeHtml(label)}</b>: ` : ""}${escapeHtml(String(est))}</div>`;
  const cls = est.constructor as EstimatorClass;
  const head = `${label ? `${escapeHtml(label)}: ` : ""}${escapeHtml(cls.name)}`;
  const composite = cls.composite;
  const parts = composite ? ((est as unknown as Params)[composite] as unknown[]) : null;
  const nested = Object.entries(est.getParams(false)).filter(([, v]) => isEst(v));
  const body: string[] = [];
  if (Array.isArray(parts)) {
    for (const e of parts)
      if (Array.isArray(e))
        body.push(htmlBox(e[1], `${String(e[0])}${e.length > 2 ? ` ${JSON.stringify(e[2])}` : ""}`));
  }
  for (const [k, v] of nested) body.push(htmlBox(v, k));
  const dir = cls.name === "Pipeline" ? "column" : "row";
  return (
    `<div class="tb-sk-box"><details><summary>${head}</summary><pre>${escapeHtml(formatRepr(est))}</pre></details>` +
    (body.length
      ? `<div style="display:flex;flex-direction:${dir};gap:4px;margin:4px">${body.join("")}</div>`
      : "") +
    "</div>"
  );
}

/** A small HTML diagram of an estimator (composites show their steps; click a box for its repr). */
export function formatHtml(est: BaseEstimator): string {
  const style =
    "<style>.tb-sk-box{border:1px solid #9ab;border-radius:4px;padding:2px 6px;background:#f4f8fb;font-family:monospace;font-size:12px}" +
    ".tb-sk-box summary{cursor:pointer}.tb-sk-box pre{margin:2px 0;white-space:pre-wrap}</style>";
  return `<div class="tb-sk">${style}${htmlBox(est)}</div>`;
}
