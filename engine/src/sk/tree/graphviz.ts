/**
 * `sk.exportGraphviz`: a fitted tree as Graphviz DOT text, written node by node as scikit-learn's
 * `export_graphviz` writes it (labels, number formatting, fill colours), so the same tree gives
 * the same text.
 */
import { writeFileSync } from "node:fs";
import { ValueError } from "../../core/errors.js";
import { checkIsFitted } from "../base/estimator.js";
import { labelValues } from "../base/validation.js";
import type { Labels } from "../base/types.js";
import { TREE_LEAF } from "./builder.js";
import { viewOf, type Tree } from "./tree-data.js";

/** Options of {@link exportGraphviz}. */
export interface ExportGraphvizOptions {
  /** Also write the text to this file. */
  outFile?: string | null;
  /** Maximum depth drawn; deeper nodes become "(...)". Default: all. */
  maxDepth?: number | null;
  /** Feature names (default `x[i]`). */
  featureNames?: readonly string[] | null;
  /** Class names in class order, or true for `y[i]`. */
  classNames?: readonly string[] | Labels | boolean | null;
  /** Which nodes show "gini = " etc.: "all" (default), "root", "none". */
  label?: "all" | "root" | "none";
  /** Fill nodes with the majority class's colour (classification) or by value (regression). */
  filled?: boolean;
  /** Show the impurity (default true). */
  impurity?: boolean;
  /** Show node ids. */
  nodeIds?: boolean;
  /** Show sample shares and class proportions instead of counts. */
  proportion?: boolean;
  /** Draw left to right. */
  rotate?: boolean;
  /** Rounded boxes. */
  rounded?: boolean;
  /** Digits of numbers (default 3). */
  precision?: number;
  /** Font (default "helvetica"). */
  fontname?: string;
}

/** The tree-holding estimator `exportGraphviz` reads. */
export interface TreeEstimator {
  tree_?: Tree;
  criterion: string;
}

/** NumPy's `around`: scale, round half to even, scale back. */
function npAround(x: number, d: number): number {
  const f = 10 ** d;
  const y = x * f;
  let r = Math.round(y);
  if (r - y === 0.5 && r % 2 !== 0) r -= 1;
  return r / f;
}

/** Python's `round(x, d)` on a float: the nearest decimal, ties to even. */
function pyRound(x: number, d: number): number {
  const y = x * 10 ** d;
  const fl = Math.floor(y);
  if (y - fl === 0.5 && (fl + 0.5) / 10 ** d === x) return (fl % 2 === 0 ? fl : fl + 1) / 10 ** d;
  return Number(x.toFixed(d));
}

/** Python's `repr` of a float: shortest digits, fixed notation for exponents in [-4, 16). */
export function pyRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mant, expStr] = x.toExponential().split("e");
  const e = Number(expStr);
  const neg = mant.startsWith("-");
  const digits = mant.replace("-", "").replace(".", "");
  let s: string;
  if (e >= -4 && e < 16) {
    if (e < 0) s = "0." + "0".repeat(-e - 1) + digits;
    else if (digits.length <= e + 1) s = digits + "0".repeat(e + 1 - digits.length) + ".0";
    else s = digits.slice(0, e + 1) + "." + digits.slice(e + 1);
  } else {
    const m = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
    s = `${m}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  return neg ? "-" + s : s;
}

/** NumPy's `str` of a 1-D or 2-D array of words, wrapped at 75 characters. */
function npStr(rows: string[][], twoD: boolean): string {
  const row = (words: string[], hang: string, width: number): string => {
    const elemWidth = width - 1;
    let s = "";
    let line = hang;
    words.forEach((w, i) => {
      if (line.length + w.length > elemWidth && line.length > hang.length) {
        s += line.trimEnd() + "\n";
        line = hang;
      }
      line += w;
      if (i < words.length - 1) line += " ";
    });
    s += line;
    return "[" + s.slice(hang.length) + "]";
  };
  if (!twoD) return row(rows[0], " ", 75);
  const inner = rows.map((r) => row(r, "  ", 74));
  return "[" + inner.join("\n ") + "]";
}

function colorBrew(n: number): number[][] {
  const out: number[][] = [];
  const s = 0.75;
  const v = 0.9;
  const c = s * v;
  const m = v - c;
  const step = 360 / n;
  const count = Math.ceil((385 - 25) / step);
  for (let k = 0; k < count; k++) {
    const h = Math.trunc(25 + k * step);
    const hBar = h / 60;
    const x = c * (1 - Math.abs((hBar % 2) - 1));
    const rgb = [
      [c, x, 0],
      [x, c, 0],
      [0, c, x],
      [0, x, c],
      [x, 0, c],
      [c, 0, x],
      [c, x, 0],
    ][Math.trunc(hBar)];
    out.push(rgb.map((q) => Math.trunc(255 * (q + m))));
  }
  return out;
}

const hex2 = (v: number): string => v.toString(16).padStart(2, " ");

function roundHalfEven(x: number): number {
  return npAround(x, 0);
}

/**
 * The tree as Graphviz DOT text (and written to `outFile` when given).
 *
 * @example
 * ```ts
 * const dot = sk.exportGraphviz(treeClf, {
 *   featureNames: ["petal length (cm)", "petal width (cm)"],
 *   classNames: ["setosa", "versicolor", "virginica"],
 *   rounded: true,
 *   filled: true,
 * });
 * ```
 */
export function exportGraphviz(est: TreeEstimator, options: ExportGraphvizOptions = {}): string {
  checkIsFitted(est as never, "tree_");
  const tree = est.tree_ as Tree;
  const v = viewOf(tree);
  const precision = options.precision ?? 3;
  const label = options.label ?? "all";
  const filled = options.filled ?? false;
  const showImpurity = options.impurity ?? true;
  const proportion = options.proportion ?? false;
  const rotate = options.rotate ?? false;
  const fontname = options.fontname ?? "helvetica";
  const maxDepth = options.maxDepth ?? null;
  const featureNames = options.featureNames ?? null;
  if (featureNames && featureNames.length !== tree.nFeatures)
    throw new ValueError(
      `Length of featureNames, ${featureNames.length} does not match number of features, ${tree.nFeatures}`,
    );
  const cn = options.classNames ?? null;
  const classNames: string[] | true | null =
    cn === true ? true : cn === false || cn === null ? null : labelValues(cn as Labels).map(String);
  const nOut = tree.nOutputs;
  const nc0 = tree.nClasses[0];
  const maxNc = tree.value.shape[2];
  const nodeValue = (id: number): number[][] => {
    const rows: number[][] = [];
    for (let k = 0; k < nOut; k++) {
      const r: number[] = [];
      for (let c = 0; c < maxNc; c++) r.push(v.value[id * v.stride + k * maxNc + c]);
      rows.push(r);
    }
    return rows;
  };

  let bounds: [number, number] | null = null;
  let rgb: number[][] | null = null;
  const fillColor = (id: number): string => {
    if (!rgb) {
      rgb = colorBrew(nc0);
      if (nOut !== 1) {
        let lo = Infinity;
        let hi = -Infinity;
        for (const x of v.impurity) {
          lo = Math.min(lo, -x);
          hi = Math.max(hi, -x);
        }
        bounds = [lo, hi];
      } else if (nc0 === 1 && new Set(v.value).size !== 1) {
        let lo = Infinity;
        let hi = -Infinity;
        for (const x of v.value) {
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
        bounds = [lo, hi];
      }
    }
    let color: number[];
    let alpha: number;
    const b = bounds as [number, number] | null;
    if (b === null) {
      const val = nodeValue(id)[0].map((x) => (nc0 === 1 ? x : x / v.weighted[id]));
      let best = 0;
      for (let c = 1; c < val.length; c++) if (val[c] > val[best]) best = c;
      color = rgb[best];
      const sorted = [...val].sort((a, z) => z - a);
      alpha = sorted.length === 1 ? 0 : (sorted[0] - sorted[1]) / (1 - sorted[1]);
    } else {
      color = rgb[0];
      const val = nOut === 1 ? nodeValue(id)[0][0] : -v.impurity[id];
      alpha = (val - b[0]) / (b[1] - b[0]);
    }
    const mixed = color.map((c) => roundHalfEven(alpha * c + (1 - alpha) * 255));
    return "#" + mixed.map(hex2).join("");
  };

  const nodeToStr = (id: number): string => {
    const labels = (label === "root" && id === 0) || label === "all";
    let s = '"';
    if (options.nodeIds) {
      if (labels) s += "node ";
      s += "#" + String(id) + "\\n";
    }
    if (v.left[id] !== TREE_LEAF) {
      const f = v.feature[id];
      const name = featureNames ? featureNames[f] : `x[${f}]`;
      s += `${name} <= ${pyRepr(npAround(v.threshold[id], precision))}\\n`;
    }
    if (showImpurity) {
      if (labels) s += `${est.criterion} = `;
      s += pyRepr(npAround(v.impurity[id], precision)) + "\\n";
    }
    if (labels) s += "samples = ";
    const nSamples = (tree.nNodeSamples.dataSync() as Int32Array)[id];
    if (proportion) {
      const root = (tree.nNodeSamples.dataSync() as Int32Array)[0];
      s += pyRepr(pyRound((100 * nSamples) / root, 1)) + "%\\n";
    } else s += String(nSamples) + "\\n";
    let value = nodeValue(id);
    if (nOut === 1) value = [value[0].slice(0, nc0)];
    if (proportion && nc0 !== 1) value = value.map((r) => r.map((x) => x / v.weighted[id]));
    if (labels) s += "value = ";
    let words: string[][];
    if (nc0 === 1 || proportion || !value.every((r) => r.every((x) => Number.isInteger(x))))
      words = value.map((r) => r.map((x) => `b'${pyRepr(npAround(x, precision))}'`));
    else words = value.map((r) => r.map((x) => `b'${x}'`));
    let text = npStr(words, nOut !== 1);
    text = text.replaceAll("b'", "'").replaceAll("' '", ", ").replaceAll("'", "");
    if (nc0 === 1 && nOut === 1) text = text.replaceAll("[", "").replaceAll("]", "");
    text = text.replaceAll("\n ", "\\n");
    s += text + "\\n";
    if (classNames !== null && nc0 !== 1 && nOut === 1) {
      if (labels) s += "class = ";
      const r = value[0];
      let best = 0;
      for (let c = 1; c < r.length; c++) if (r[c] > r[best]) best = c;
      s += classNames === true ? `y[${best}]` : classNames[best];
    }
    if (s.endsWith("\\n")) s = s.slice(0, -2);
    return s + '"';
  };

  const out: string[] = ["digraph Tree {\n", "node [shape=box"];
  const style: string[] = [];
  if (filled) style.push("filled");
  if (options.rounded) style.push("rounded");
  if (style.length) out.push(`, style="${style.join(", ")}", color="black"`);
  out.push(`, fontname="${fontname}"] ;\n`, `edge [fontname="${fontname}"] ;\n`);
  if (rotate) out.push("rankdir=LR ;\n");
  const angles = [45, -45].map((a) => Math.trunc(a * ((Number(rotate) - 0.5) * -2)));

  const recurse = (id: number, parent: number | null, depth: number): void => {
    if (maxDepth === null || depth <= maxDepth) {
      out.push(`${id} [label=${nodeToStr(id)}`);
      if (filled) out.push(`, fillcolor="${fillColor(id)}"`);
      out.push("] ;\n");
      if (parent !== null) {
        out.push(`${parent} -> ${id}`);
        if (parent === 0) {
          out.push(" [labeldistance=2.5, labelangle=");
          out.push(id === 1 ? `${angles[0]}, headlabel="True"]` : `${angles[1]}, headlabel="False"]`);
        }
        out.push(" ;\n");
      }
      if (v.left[id] !== TREE_LEAF) {
        recurse(v.left[id], id, depth + 1);
        recurse(v.right[id], id, depth + 1);
      }
    } else {
      out.push(`${id} [label="(...)"`);
      if (filled) out.push(', fillcolor="#C0C0C0"');
      out.push("] ;\n");
      if (parent !== null) out.push(`${parent} -> ${id} ;\n`);
    }
  };
  recurse(0, null, 0);
  out.push("}");
  const dot = out.join("");
  if (options.outFile) writeFileSync(options.outFile, dot);
  return dot;
}
