import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DISPLAY, datasets, np, pd, type Tensor } from "tensorbook";
import type { ArrowTableBundle } from "../../../extension/src/contracts.js";
import { decodeBundle, parseBundle, type GridData } from "../../../extension/src/grid/decode.js";

// The engine's `application/vnd.tensorbook.arrow+json` bundles, read back with the JupyterLab
// extension's own decoder (the contract in docs/lab.md), cell by cell against the source values.

const MIME = "application/vnd.tensorbook.arrow+json";

function grid(obj: { [DISPLAY](): Record<string, unknown> }): { raw: ArrowTableBundle; data: GridData } {
  const bundle = obj[DISPLAY]();
  assert.equal(typeof bundle["text/plain"], "string", "text/plain for every front end");
  assert.equal(typeof bundle["text/html"], "string", "text/html for GitHub and nbconvert");
  const raw = bundle[MIME] as ArrowTableBundle;
  assert.ok(raw, `the bundle carries ${MIME}`);
  assert.deepEqual(
    Object.keys(raw).sort(),
    ["columns", "dtypes", "index", "ipc", "kind", "rows", "truncated"],
    "exactly the documented fields",
  );
  assert.ok(JSON.stringify(raw) === JSON.stringify(JSON.parse(JSON.stringify(raw))), "plain JSON");
  const parsed = parseBundle(raw);
  assert.ok(parsed, "the extension accepts the shape");
  return { raw, data: decodeBundle(parsed) };
}

describe("the data grid's Arrow bundle", () => {
  it("round-trips a small frame: names, dtypes, values, missing values, default index", () => {
    const df = new pd.DataFrame({
      a: [3, 1, 2, 1],
      b: [0.5, null, 2.5, 4],
      k: ["x", "y", null, "y"],
      t: [true, false, true, true],
    });
    const { raw, data } = grid(df);
    assert.deepEqual(raw.columns, ["a", "b", "k", "t"]);
    assert.deepEqual(raw.dtypes, ["int32", "float64", "object", "bool"]);
    assert.equal(raw.index, null);
    assert.equal(raw.truncated, false);
    assert.equal(raw.kind, "DataFrame");
    assert.equal(data.length, 4);
    assert.equal(data.totalRows, 4);
    assert.deepEqual(
      data.columns.map((c) => [c.name, c.numeric, [0, 1, 2, 3].map((i) => c.get(i))]),
      [
        ["a", true, [3, 1, 2, 1]],
        ["b", true, [0.5, null, 2.5, 4]],
        ["k", false, ["x", "y", null, "y"]],
        ["t", false, [true, false, true, true]],
      ],
    );
  });

  it("sends the first rows of a big frame, with the labels of a non-default index", () => {
    const housing = datasets.loadHousing();
    const { raw, data } = grid(housing);
    assert.equal(raw.rows, 20640);
    assert.equal(raw.truncated, true);
    assert.equal(data.length, 1000, "pd.options.grid.maxRows");
    assert.ok(raw.ipc.length < 200_000, `a bounded payload (${raw.ipc.length} base64 characters)`);
    const inc = housing.col("median_income");
    for (const i of [0, 1, 500, 999]) assert.equal(data.columns[7].get(i), inc.iloc(i));
    assert.equal(data.columns[9].get(999), housing.col("ocean_proximity").iloc(999));

    const tail = grid(housing.tail(3));
    assert.equal(tail.raw.index, "__index_level_0__");
    assert.deepEqual(
      [0, 1, 2].map((i) => tail.data.index?.get(i)),
      [20637, 20638, 20639],
    );
    const byLabel = grid(housing.groupby("ocean_proximity").col("median_house_value").mean());
    assert.equal(byLabel.raw.kind, "Series");
    assert.deepEqual(byLabel.raw.columns, ["median_house_value"]);
    assert.equal(byLabel.data.index?.get(0), "<1H OCEAN");
  });

  it("follows pd.options.grid: fewer rows for wide tables, none when turned off", () => {
    const wide: Record<string, number[]> = {};
    for (let j = 0; j < 400; j++) wide[`c${j}`] = Array.from({ length: 100 }, (_, i) => i + j);
    const f = new pd.DataFrame(wide);
    assert.equal(grid(f).data.length, 25, "10,000 cells / 400 columns");
    const saved = pd.options.grid.maxRows;
    pd.options.grid.maxRows = 0;
    try {
      assert.equal(f[DISPLAY]()[MIME], undefined);
      assert.equal(typeof f[DISPLAY]()["text/html"], "string");
    } finally {
      pd.options.grid.maxRows = saved;
    }
  });

  it("gives repeated column names distinct fields", () => {
    const a = new pd.DataFrame({ x: [1, 2] });
    const both = pd.concat([a, a], { axis: 1 });
    assert.deepEqual(grid(both).raw.columns, ["x", "x_1"]);
  });

  it("shows summarised 2-D tensors (any layout, each dtype); small ones and other ranks keep the text", () => {
    const cases: [Tensor, string][] = [
      [np.arange(1200).reshape(300, 4), "int32"],
      [np.arange(1200).reshape(300, 4).T.astype("float32"), "float32"],
      [np.arange(1200).reshape(400, 3).gt(600), "bool"],
      [np.arange(1200).reshape(600, 2).mul(0.5), "float64"],
    ];
    for (const [t, dtype] of cases) {
      const { raw, data } = grid(t);
      assert.equal(raw.kind, "Tensor");
      assert.deepEqual(raw.dtypes, new Array(t.shape[1]).fill(dtype));
      assert.deepEqual(
        raw.columns,
        Array.from({ length: t.shape[1] }, (_, j) => String(j)),
      );
      const want = t.toArray() as (number | boolean)[][];
      assert.equal(data.length, Math.min(t.shape[0], Math.floor(10_000 / t.shape[1]), 1000));
      want
        .slice(0, data.length)
        .forEach((row, i) =>
          row.forEach((v, j) => assert.equal(data.columns[j].get(i), v, `${dtype}[${i}, ${j}]`)),
        );
    }
    assert.equal(np.arange(5000)[DISPLAY]()[MIME], undefined);
    assert.equal(np.zeros([20, 20, 20])[DISPLAY]()[MIME], undefined);
    assert.equal(np.zeros([10, 100])[DISPLAY]()[MIME], undefined, "1000 elements print in full");
    assert.ok(np.zeros([10, 101])[DISPLAY]()[MIME]);
    const big = grid(np.zeros([70000, 784]));
    assert.equal(big.data.length, 12);
    assert.equal(big.raw.truncated, true);
  });
});
