import { readFileSync } from "node:fs";
import { Tensor } from "../../core/tensor.js";
import { readGzip } from "../../datasets/archive.js";
import { DatasetError, datasetPath } from "../../datasets/verify.js";
import { Series } from "../../pd/series.js";
import type { Loader, LoaderOptions } from "./bunch.js";
import { finish } from "./shape.js";

function descr(relativePath: string): string {
  return readFileSync(datasetPath(relativePath), "utf8");
}

function numbers(line: string, sep: RegExp, where: string, lineNo: number): number[] {
  return line
    .trim()
    .split(sep)
    .map((s) => {
      const x = Number(s);
      if (s === "" || Number.isNaN(x)) throw new DatasetError(`${where} line ${lineNo}: "${s}" is not a number`);
      return x;
    });
}

/**
 * scikit-learn's `load_csv_data` format: a first line `n_samples,n_features,name0,name1,…`,
 * then rows of features followed by an integer class.
 */
function readSkCsv(relativePath: string): { data: Float64Array; target: Int32Array; rows: number; names: string[] } {
  const lines = readFileSync(datasetPath(relativePath), "utf8").split(/\r?\n/).filter((l) => l.trim() !== "");
  const head = lines[0].split(",");
  const rows = Number(head[0]);
  const k = Number(head[1]);
  if (lines.length - 1 !== rows) throw new DatasetError(`datasets/${relativePath}: header announces ${rows} rows, found ${lines.length - 1}`);
  const data = new Float64Array(rows * k);
  const target = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const v = numbers(lines[i + 1], /,/, `datasets/${relativePath}`, i + 2);
    if (v.length !== k + 1) throw new DatasetError(`datasets/${relativePath} line ${i + 2}: expected ${k + 1} fields, saw ${v.length}`);
    data.set(v.slice(0, k), i * k);
    target[i] = v[k];
  }
  return { data, target, rows, names: head.slice(2) };
}

function classLoader(csv: string, rst: string, featureNames: readonly string[], targetNames?: readonly string[]): Loader {
  return ((options: LoaderOptions = {}) => {
    const { data, target, rows, names } = readSkCsv(csv);
    return finish(
      {
        data,
        rows,
        target: Tensor.fromTypedArray(target, [rows], "int32"),
        targetSeries: () => new Series(target, { name: "target" }),
        featureNames: [...featureNames],
        targetNames: [...(targetNames ?? names)],
        DESCR: descr(rst),
      },
      options,
    );
  }) as Loader;
}

/**
 * Fisher's iris flowers: 150 samples × 4 features, 3 classes (scikit-learn's `load_iris`).
 *
 * @example
 * ```ts
 * const iris = sk.datasets.loadIris();
 * iris.data.shape; // [150, 4]
 * const [X, y] = sk.datasets.loadIris({ returnXy: true });
 * ```
 */
export const loadIris: Loader = classLoader("sklearn_iris/iris.csv", "sklearn_iris/iris.rst", [
  "sepal length (cm)",
  "sepal width (cm)",
  "petal length (cm)",
  "petal width (cm)",
]);

/** The UCI wine recognition data: 178 samples × 13 features, 3 classes (`load_wine`). */
export const loadWine: Loader = classLoader("sklearn_wine/wine_data.csv", "sklearn_wine/wine_data.rst", [
  "alcohol",
  "malic_acid",
  "ash",
  "alcalinity_of_ash",
  "magnesium",
  "total_phenols",
  "flavanoids",
  "nonflavanoid_phenols",
  "proanthocyanins",
  "color_intensity",
  "hue",
  "od280/od315_of_diluted_wines",
  "proline",
]);

const CANCER_KINDS = [
  "radius",
  "texture",
  "perimeter",
  "area",
  "smoothness",
  "compactness",
  "concavity",
  "concave points",
  "symmetry",
  "fractal dimension",
];

/** Breast cancer Wisconsin (diagnostic): 569 samples × 30 features, 2 classes (`load_breast_cancer`). */
export const loadBreastCancer: Loader = classLoader("sklearn_breast_cancer/breast_cancer.csv", "sklearn_breast_cancer/breast_cancer.rst", [
  ...CANCER_KINDS.map((k) => `mean ${k}`),
  ...CANCER_KINDS.map((k) => `${k} error`),
  ...CANCER_KINDS.map((k) => `worst ${k}`),
]);

/**
 * Handwritten digits: 1,797 images of 8×8 pixels (0–16) flattened to 64 features, plus `images`
 * `[1797, 8, 8]` (`load_digits`).
 */
export const loadDigits: Loader = ((options: LoaderOptions = {}) => {
  const lines = readGzip("sklearn_digits/digits.csv.gz").toString("utf8").split(/\r?\n/).filter((l) => l.trim() !== "");
  const rows = lines.length;
  const data = new Float64Array(rows * 64);
  const target = new Int32Array(rows);
  lines.forEach((l, i) => {
    const v = numbers(l, /,/, "datasets/sklearn_digits/digits.csv.gz", i + 1);
    data.set(v.slice(0, 64), i * 64);
    target[i] = v[64];
  });
  const featureNames: string[] = [];
  for (let r = 0; r < 8; r++) for (let c = 0; c < 8; c++) featureNames.push(`pixel_${r}_${c}`);
  return finish(
    {
      data,
      rows,
      target: Tensor.fromTypedArray(target, [rows], "int32"),
      targetSeries: () => new Series(target, { name: "target" }),
      featureNames,
      targetNames: Array.from({ length: 10 }, (_, d) => String(d)),
      DESCR: descr("sklearn_digits/digits.rst"),
      extra: { images: Tensor.fromTypedArray(data.slice(), [rows, 8, 8], "float64") },
    },
    options,
  );
}) as Loader;

/** Options of `loadDiabetes`. */
export interface DiabetesOptions extends LoaderOptions {
  /** Center each feature and scale it to unit norm (default true, as scikit-learn). */
  scaled?: boolean;
}

/**
 * The diabetes regression data of Efron et al.: 442 patients × 10 features, target a disease
 * progression score (`load_diabetes`). Features are centred and scaled like scikit-learn's:
 * `(x - mean) / (std * sqrt(n))`.
 */
export const loadDiabetes = ((options: DiabetesOptions = {}) => {
  const where = "datasets/sklearn_diabetes/diabetes_data_raw.csv.gz";
  const raw = readGzip("sklearn_diabetes/diabetes_data_raw.csv.gz").toString("utf8").split(/\r?\n/).filter((l) => l.trim() !== "");
  const rows = raw.length;
  const k = 10;
  const data = new Float64Array(rows * k);
  raw.forEach((l, i) => data.set(numbers(l, /\s+/, where, i + 1), i * k));
  if (options.scaled ?? true) {
    for (let j = 0; j < k; j++) {
      let mean = 0;
      for (let i = 0; i < rows; i++) mean += data[i * k + j];
      mean /= rows;
      let ss = 0;
      for (let i = 0; i < rows; i++) ss += (data[i * k + j] - mean) ** 2;
      const std = Math.sqrt(ss / rows);
      for (let i = 0; i < rows; i++) data[i * k + j] = (data[i * k + j] - mean) / std / Math.sqrt(rows);
    }
  }
  const targetLines = readGzip("sklearn_diabetes/diabetes_target.csv.gz").toString("utf8").split(/\r?\n/).filter((l) => l.trim() !== "");
  const target = Float64Array.from(targetLines, (l, i) => numbers(l, /\s+/, "datasets/sklearn_diabetes/diabetes_target.csv.gz", i + 1)[0]);
  return finish(
    {
      data,
      rows,
      target: Tensor.fromTypedArray(target, [rows], "float64"),
      targetSeries: () => new Series(target, { name: "target" }),
      featureNames: ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"],
      targetNames: [],
      DESCR: descr("sklearn_diabetes/diabetes.rst"),
    },
    options,
  );
}) as Loader<Tensor, DiabetesOptions>;
