// The notebook the browser test runs, written into the server's notebooks/ folder: one cell per
// kind of output, plus cells for completion, inspection and the restart check.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tableFromArrays, tableToIPC } from "apache-arrow";

/** Cell positions, for the test to address them. */
export const CELL = {
  stdout: 1,
  tensor: 2,
  grid: 3,
  chart: 4,
  training: 5,
  error: 6,
  scratch: 7,
  restart: 8,
} as const;

function arrowBundle(): object {
  const n = 500;
  const table = tableFromArrays({
    x: Float64Array.from({ length: n }, (_, i) => Math.round(Math.sin(i) * 1000) / 10),
    k: Int32Array.from({ length: n }, (_, i) => i % 7),
    label: Array.from({ length: n }, (_, i) => ["cat", "dog", "bird"][i % 3]),
  });
  return {
    ipc: Buffer.from(tableToIPC(table, "stream")).toString("base64"),
    rows: n,
    columns: ["x", "k", "label"],
    dtypes: ["float64", "int32", "object"],
    index: null,
    kind: "DataFrame",
  };
}

// A training view driven by hand: the live updates and the stop button are what is tested
// (Keras' own fit publishes the same bundle).
const TRAINING = `const progress = (epoch: number) => ({
  [Symbol.for("Jupyter.display")]: () => ({
    "application/vnd.tensorbook.training+json": {
      epochs: 40, epoch, step: 10, steps: 10, done: false, stopped: false,
      metrics: { loss: 1 / epoch },
      history: {
        loss: Array.from({ length: epoch }, (_, i) => 1 / (i + 1)),
        val_loss: Array.from({ length: epoch }, (_, i) => 1.2 / (i + 1)),
      },
    },
    "text/plain": \`Epoch \${epoch}/40\`,
  }),
});
const view = display(progress(1), { displayId: true });
for (let e = 2; e <= 40; e++) {
  await new Promise((r) => setTimeout(r, 300));
  view.update(progress(e));
}`;

const code = (source: string) => ({
  cell_type: "code",
  metadata: {},
  source,
  outputs: [],
  execution_count: null,
});

/** Writes notebooks/01_smoke.ipynb under `root`; returns its path. */
export function writeSmokeNotebook(root: string): string {
  const grid = `display({
  [Symbol.for("Jupyter.display")]: () => ({
    "application/vnd.tensorbook.arrow+json": ${JSON.stringify(arrowBundle())},
    "text/plain": "a data frame",
  }),
});`;
  const notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: "tensorbook", display_name: "TypeScript (Tensorbook)", language: "typescript" },
      language_info: { name: "typescript" },
      tensorbook: { title: "Smoke test", description: "Every kind of output, for the browser test." },
    },
    cells: [
      { cell_type: "markdown", metadata: {}, source: "# Smoke test\nEvery kind of output." },
      code('import { np, plt } from "tensorbook";\nconsole.log("hello from stdout");'),
      code("np.arange(6).reshape([2, 3])"),
      code(grid),
      code(
        "plt.plot([1, 2, 3, 4], [1, 4, 9, 16]);\n" +
          'display(plt.gcf(), { metadata: { "application/vnd.vegalite.v5+json": { embed_options: { renderer: "svg" } } } });',
      ),
      code(TRAINING),
      code('throw new Error("boom from a cell");'),
      code(""),
      code("console.log(6 * 7);"),
    ],
  };
  const dir = join(root, "notebooks");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "01_smoke.ipynb");
  writeFileSync(path, JSON.stringify(notebook, null, 1));
  return path;
}
