// One figure per kind of chart the chapters draw, built the way the book's code builds them.
// Shared by the gallery test (PNG references) and the spec/SVG tests.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { datasets, np, plt } from "tensorbook";

/** A small seeded generator (the engine's np.random is tested elsewhere; figures must not move). */
export function rng(seed: number): { rand: () => number; randn: () => number } {
  let s = seed >>> 0;
  const rand = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const randn = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return { rand, randn };
}

function iris(): { X: number[][]; y: number[] } {
  const lines = readFileSync(datasets.datasetPath("sklearn_iris/iris.csv"), "utf8")
    .trim()
    .split("\n")
    .slice(1);
  const rows = lines.map((l) => l.split(",").map(Number));
  return { X: rows.map((r) => r.slice(0, 4)), y: rows.map((r) => r[4]) };
}

/** The first `n` MNIST test images as a (n, 28, 28) array of bytes. */
export function mnistImages(n: number): { images: Uint8Array; labels: Uint8Array } {
  const img = gunzipSync(readFileSync(datasets.datasetPath("mnist/t10k-images-idx3-ubyte.gz")));
  const lab = gunzipSync(readFileSync(datasets.datasetPath("mnist/t10k-labels-idx1-ubyte.gz")));
  return {
    images: new Uint8Array(img.subarray(16, 16 + n * 784)),
    labels: new Uint8Array(lab.subarray(8, 8 + n)),
  };
}

/** Chapter 4: noisy linear data, the model's line, axis limits, a TeX legend. */
export function linePoints(): plt.Figure {
  const r = rng(42);
  const X = Array.from({ length: 100 }, () => 2 * r.rand());
  const y = X.map((x) => 4 + 3 * x + r.randn());
  const fig = plt.figure({ figsize: [6, 4] });
  plt.plot(X, y, "b.");
  plt.plot([0, 2], [4.2, 9.7], "r-", { linewidth: 2, label: "Predictions" });
  plt.xlabel("$x_1$", { fontsize: 18 });
  plt.ylabel("$y$", { rotation: 0, fontsize: 18 });
  plt.legend({ loc: "upper left", fontsize: 14 });
  plt.axis([0, 2, 0, 15]);
  return fig;
}

/** Chapter 2: the housing scatter, size and colour mapped, with a colorbar. */
export function scatterColormap(): plt.Figure {
  const r = rng(7);
  const n = 600;
  const lon = Array.from({ length: n }, () => -124 + 10 * r.rand());
  const lat = lon.map((l) => 33 + (l + 124) * 0.7 + 1.5 * r.randn());
  const value = lon.map((l, i) =>
    Math.max(15000, 500000 - 30000 * (l + 124) + 20000 * r.randn() + 1000 * (i % 7)),
  );
  const pop = lon.map(() => 200 + 3000 * r.rand());
  const fig = plt.figure({ figsize: [10, 7] });
  plt.scatter(lon, lat, {
    alpha: 0.4,
    s: pop.map((p) => p / 100),
    label: "population",
    c: value,
    cmap: "jet",
  });
  plt.colorbar({}, { label: "median house value" });
  plt.xlabel("longitude");
  plt.ylabel("latitude");
  plt.legend();
  return fig;
}

/** Chapter 2: histograms of several attributes in a grid. */
export function histograms(): plt.Figure {
  const r = rng(3);
  const [fig, axes] = plt.subplots(2, 2, { figsize: [10, 7] });
  const names = ["median_income", "housing_median_age", "total_rooms", "population"];
  names.forEach((name, k) => {
    const ax = axes[Math.floor(k / 2)][k % 2];
    const data = Array.from({ length: 2000 }, () =>
      k === 1 ? 5 + 47 * r.rand() : Math.exp(1 + 0.5 * r.randn() + k * 0.8),
    );
    ax.hist(data, { bins: 50 });
    ax.setTitle(name);
    ax.grid(true);
  });
  return fig;
}

/** Chapters 4–6: decision regions of iris (contourf + contour) with the classes scattered over them. */
export function decisionBoundary(): plt.Figure {
  const { X, y } = iris();
  const [x0, x1] = np.meshgrid(np.linspace(0, 7.5, 150), np.linspace(0, 3, 80));
  const a = x0.dataSync();
  const b = x1.dataSync();
  const pred = Float64Array.from(a, (pl, i) => (pl < 2.45 ? 0 : b[i] < 1.75 ? 1 : 2));
  const zz = np.array(Array.from(pred)).reshape(x0.shape[0], x0.shape[1]);
  const fig = plt.figure({ figsize: [8, 4] });
  const cmap = new plt.ListedColormap(["#fafab0", "#9898ff", "#a0faa0"]);
  plt.contourf(x0, x1, zz, { cmap, alpha: 0.8 });
  plt.contour(x0, x1, zz, { colors: "k", linewidths: 1, levels: [0.5, 1.5] });
  const styles = ["yo", "bs", "g^"];
  const names = ["Iris setosa", "Iris versicolor", "Iris virginica"];
  for (let k = 0; k < 3; k++) {
    const rows = X.filter((_, i) => y[i] === k);
    plt.plot(
      rows.map((r) => r[2]),
      rows.map((r) => r[3]),
      styles[k],
      { label: names[k] },
    );
  }
  plt.xlabel("Petal length", { fontsize: 14 });
  plt.ylabel("Petal width", { fontsize: 14 });
  plt.legend({ loc: "lower right" });
  plt.axis([0, 7.5, 0, 3]);
  return fig;
}

/** Chapter 3: a 10×10 grid of MNIST digits (28×28×100), one axes each, axes off. */
export function digitsGrid(): plt.Figure {
  const { images } = mnistImages(100);
  const [fig, axes] = plt.subplots(10, 10, { figsize: [8, 8] });
  for (let k = 0; k < 100; k++) {
    const ax = axes[Math.floor(k / 10)][k % 10];
    ax.imshow(np.array(Array.from(images.subarray(k * 784, (k + 1) * 784))).reshape(28, 28), {
      cmap: "binary",
    });
    ax.axis("off");
  }
  return fig;
}

/** Chapter 4: learning curves, two labelled lines. */
export function learningCurves(): plt.Figure {
  const m = Array.from({ length: 80 }, (_, i) => i + 1);
  const train = m.map((k) => 1.6 - 1.2 * Math.exp(-k / 8) + 0.05 * Math.sin(k));
  const val = m.map((k) => 1.7 + 2.5 * Math.exp(-k / 10) + 0.08 * Math.cos(k / 2));
  const fig = plt.figure({ figsize: [6, 4] });
  plt.plot(m, train, "r-+", { linewidth: 2, label: "train" });
  plt.plot(m, val, "b-", { linewidth: 3, label: "val" });
  plt.legend({ loc: "upper right", fontsize: 14 });
  plt.xlabel("Training set size", { fontsize: 14 });
  plt.ylabel("RMSE", { fontsize: 14 });
  plt.axis([0, 80, 0, 3]);
  return fig;
}

/** Chapter 5/9: log-scaled axes with a grid, and a LogNorm filled contour. */
export function logScale(): plt.Figure {
  const fig = plt.figure({ figsize: [10, 4] });
  plt.subplot(121);
  const gammas = [0.001, 0.01, 0.1, 1, 10, 100];
  plt.semilogx(gammas, [0.6, 0.8, 0.92, 0.95, 0.9, 0.7], "bo-", { label: "validation" });
  plt.semilogx(gammas, [0.6, 0.82, 0.95, 0.99, 1, 1], "g--", { label: "training" });
  plt.grid(true, { which: "both" });
  plt.xlabel("$\\gamma$");
  plt.ylabel("accuracy");
  plt.legend();
  plt.subplot(122);
  const [t0, t1] = np.meshgrid(np.linspace(-1, 3, 120), np.linspace(-1.5, 1.5, 90));
  const a = t0.dataSync();
  const b = t1.dataSync();
  const J = np.array(Array.from(a, (v, i) => 0.1 + (v - 1) ** 2 * 10 + (b[i] * 4) ** 2 * 3)).reshape(90, 120);
  const cs = plt.contourf(t0, t1, J, {
    levels: np.logspace(-1, 2.5, 12),
    norm: new plt.LogNorm({ vmin: 0.1, vmax: 300 }),
    cmap: "viridis",
  });
  plt.colorbar(cs);
  plt.title("cost (log colour scale)");
  plt.xlabel("$\\theta_1$");
  plt.ylabel("$\\theta_2$", { rotation: 0 });
  return fig;
}

/** Chapters 1, 4: annotations with arrows, reference lines and text. */
export function annotated(): plt.Figure {
  const x = np.linspace(-3, 3, 200);
  const y = x.mul(x).mul(0.5).sub(1);
  const fig = plt.figure({ figsize: [6, 4] });
  plt.plot(x, y, "k-");
  plt.axhline(0, { color: "k", linestyle: "--", linewidth: 1 });
  plt.axvline(0, { color: "k" });
  plt.annotate("Minimum", [0, -1], {
    xytext: [1, 2],
    arrowprops: { facecolor: "black", shrink: 0.1 },
    fontsize: 14,
    ha: "center",
  });
  plt.annotate("", [-2, 1], { xytext: [-2.8, 3], arrowprops: { arrowstyle: "->", color: "r" } });
  plt.text(-2.9, 3.4, "a curve", { fontsize: 12, color: "r" });
  plt.fillBetween(x, y, 0, { where: Array.from(y.dataSync(), (v) => v < 0), alpha: 0.3, color: "b" });
  plt.axis([-3, 3, -1.5, 4]);
  plt.title("Annotated $\\alpha^2$");
  return fig;
}

/** Every gallery figure by name. */
export const GALLERY: Readonly<Record<string, () => plt.Figure>> = {
  "line-points": linePoints,
  "scatter-colormap": scatterColormap,
  histograms,
  "decision-boundary": decisionBoundary,
  "digits-grid": digitsGrid,
  "learning-curves": learningCurves,
  "log-scale": logScale,
  annotated,
};
