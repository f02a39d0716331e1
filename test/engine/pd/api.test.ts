import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DISPLAY, np, pd } from "tensorbook";

const df = new pd.DataFrame({ a: [3, 1, 2, 1], b: [0.5, null, 2.5, 4], k: ["x", "y", "x", "y"] });

describe("pd.DataFrame construction", () => {
  it("builds from column objects, row records, row arrays and tensors", () => {
    assert.deepEqual(df.shape, [4, 3]);
    const rows = new pd.DataFrame([
      { a: 1, b: "u" },
      { a: 2, c: true },
    ]);
    assert.deepEqual(rows.columns, ["a", "b", "c"]);
    assert.deepEqual(rows.toArray(), [
      [1, "u", null],
      [2, null, true],
    ]);
    const arrays = new pd.DataFrame(
      [
        [1, 2],
        [3, 4],
      ],
      { columns: ["p", "q"], index: ["r1", "r2"] },
    );
    assert.equal(arrays.loc("r2", "q"), 4);
    const t = new pd.DataFrame(
      np.array([
        [1.5, 2],
        [3, 4],
      ]),
      { columns: ["u", "v"] },
    );
    assert.deepEqual(t.dtypes.toArray(), ["float64", "float64"]);
    assert.deepEqual(t.toTensor().toArray(), [
      [1.5, 2],
      [3, 4],
    ]);
    const fromSeries = new pd.DataFrame({ s: new pd.Series([1, 2], { index: ["a", "b"] }) });
    assert.deepEqual(fromSeries.index.toArray(), ["a", "b"]);
  });

  it("rejects columns of different lengths and tensors of strings clearly", () => {
    assert.throws(() => new pd.DataFrame({ a: [1, 2], b: [1] }), /same length; "b" has 1, "a" has 2/);
    assert.throws(() => df.toTensor(), /column "k" holds strings \(object\)/);
  });
});

describe("pd selection", () => {
  it("selects columns, rows by label and position, masks and slices", () => {
    assert.deepEqual(df.col("a").toArray(), [3, 1, 2, 1]);
    assert.deepEqual(df.get(["k", "a"]).columns, ["k", "a"]);
    assert.deepEqual(df.get(df.col("a").gt(1)).index.toArray(), [0, 2]);
    assert.deepEqual(df.iloc("1:3").index.toArray(), [1, 2]);
    assert.deepEqual(df.iloc([-1, 0]).col("a").toArray(), [1, 3]);
    assert.deepEqual(df.loc("1:2").index.toArray(), [1, 2]);
    assert.equal(df.iloc(0, 2), "x");
    assert.deepEqual(df.loc(0).toArray(), [3, 0.5, "x"]);
    assert.equal(df.loc(0).get("a"), 3);
    assert.deepEqual(df.loc([true, false, false, true], ["a"]).toArray(), [[3], [1]]);
    assert.deepEqual(
      df
        .iloc(np.array([0, 2]))
        .col("k")
        .toArray(),
      ["x", "x"],
    );
    assert.deepEqual(df.slice(2).length, 2);
    assert.throws(() => df.loc(9), /label 9 is not in the index/);
    assert.throws(() => df.iloc(9), /position 9 is out of bounds for length 4/);
  });

  it("a series answers get(label), values and toTensor()", () => {
    const s = new pd.Series({ x: 1.5, y: 2.5 });
    assert.equal(s.get("y"), 2.5);
    assert.deepEqual(s.values.toArray(), [1.5, 2.5]);
    assert.equal(s.toTensor({ dtype: "float32" }).dtype, "float32");
    assert.equal(df.col("b").values.dtype, "float64");
    assert.ok(
      Number.isNaN(
        df.col("b").values.toArray() instanceof Array
          ? Number((df.col("b").values.toArray() as number[])[1])
          : 0,
      ),
    );
  });
});

describe("pd transformations", () => {
  it("sets, assigns, drops, renames and converts", () => {
    const d = df.copy();
    d.set("c", d.col("a").mul(10));
    d.set("one", 1);
    assert.deepEqual(d.col("c").toArray(), [30, 10, 20, 10]);
    assert.deepEqual(df.columns, ["a", "b", "k"]);
    assert.deepEqual(d.drop(["c", "one"], { axis: 1 }).columns, ["a", "b", "k"]);
    assert.deepEqual(d.drop({ index: [0, 1] }).index.toArray(), [2, 3]);
    assert.deepEqual(
      df
        .assign({ z: (f) => f.col("a").add(1) })
        .col("z")
        .toArray(),
      [4, 2, 3, 2],
    );
    assert.deepEqual(df.rename({ columns: { a: "A" } }).columns, ["A", "b", "k"]);
    assert.deepEqual(df.astype({ a: "float64" }).dtypes.toArray(), ["float64", "float64", "object"]);
    assert.deepEqual(df.col("a").astype("str").toArray(), ["3", "1", "2", "1"]);
    assert.equal(df.col("k").astype("category").dtype, "category");
    assert.throws(
      () => df.drop(["nope"], { axis: 1 }),
      /column "nope" not found; the columns are: "a", "b", "k"/,
    );
  });

  it("applies, maps, replaces and masks", () => {
    assert.deepEqual(
      df
        .col("a")
        .apply((v) => Number(v) * 2)
        .toArray(),
      [6, 2, 4, 2],
    );
    assert.deepEqual(df.col("k").map({ x: 1, y: 0 }).toArray(), [1, 0, 1, 0]);
    assert.deepEqual(df.col("k").replace("x", "X").toArray(), ["X", "y", "X", "y"]);
    assert.deepEqual(df.col("a").where(df.col("a").gt(1)).toArray(), [3, null, 2, null]);
    assert.deepEqual(df.apply((c) => c.count()).toArray(), [4, 3, 4]);
    assert.deepEqual(df.apply((r) => Number(r.get("a")) + 1, { axis: 1 }).toArray(), [4, 2, 3, 2]);
    assert.deepEqual(
      df
        .get(["a"])
        .map((v) => Number(v) % 2)
        .col("a")
        .toArray(),
      [1, 1, 0, 1],
    );
  });

  it("sorts by several keys, ranks and resets the index", () => {
    const s = df.sortValues(["a", "b"], { ascending: [true, false] });
    assert.deepEqual(s.index.toArray(), [3, 1, 2, 0]);
    assert.deepEqual(df.sortValues("b", { naPosition: "first" }).index.toArray(), [1, 0, 2, 3]);
    assert.deepEqual(s.sortIndex().index.toArray(), [0, 1, 2, 3]);
    assert.deepEqual(df.nlargest(2, "a").col("a").toArray(), [3, 2]);
    assert.deepEqual(s.resetIndex().columns, ["index", "a", "b", "k"]);
    assert.deepEqual(s.resetIndex({ drop: true }).index.toArray(), [0, 1, 2, 3]);
    assert.deepEqual(df.setIndex("k").index.toArray(), ["x", "y", "x", "y"]);
  });

  it("drops and fills missing values", () => {
    assert.equal(df.dropna().length, 3);
    assert.equal(df.dropna({ subset: ["a"] }).length, 4);
    assert.deepEqual(df.fillna(0).col("b").toArray(), [0.5, 0, 2.5, 4]);
    assert.deepEqual(df.fillna(df.mean()).col("b").toArray(), [0.5, 7 / 3, 2.5, 4]);
    assert.deepEqual(df.isnull().any().toArray(), [false, true, false]);
    assert.deepEqual(df.isnull().any({ axis: 1 }).toArray(), [false, true, false, false]);
    const d = df.copy();
    d.dropna({ inplace: true });
    assert.equal(d.length, 3);
  });

  it("groups with agg, size and several keys", () => {
    const g = df.groupby("k");
    assert.deepEqual(g.agg({ a: "sum", b: ["mean", "count"] }).columns, ["a", "b_mean", "b_count"]);
    assert.deepEqual(g.size().toArray(), [2, 2]);
    assert.deepEqual(g.col("a").agg(["min", "max"]).toArray(), [
      [2, 3],
      [1, 1],
    ]);
    const two = df.groupby(["k", "a"], { asIndex: false }).size;
    assert.equal(typeof two, "function");
    assert.deepEqual(df.groupby(["k", "a"]).count().index.toArray(), ["x, 2", "x, 3", "y, 1"]);
    assert.deepEqual(
      [...g].map(([key, part]) => [key, part.length]),
      [
        ["x", 2],
        ["y", 2],
      ],
    );
  });

  it("concatenates and merges", () => {
    const both = pd.concat([df.head(2), df.tail(1)]) as pd.DataFrame;
    assert.deepEqual(both.index.toArray(), [0, 1, 3]);
    const wide = pd.concat([df.get(["a"]), df.col("k")], { axis: 1 }) as pd.DataFrame;
    assert.deepEqual(wide.columns, ["a", "k"]);
    const left = new pd.DataFrame({ id: [1, 2, 3], l: ["a", "b", "c"] });
    const right = new pd.DataFrame({ id: [2, 3, 4], r: [20, 30, 40] });
    assert.deepEqual(pd.merge(left, right, { on: "id" }).toArray(), [
      [2, "b", 20],
      [3, "c", 30],
    ]);
    assert.deepEqual(pd.merge(left, right, { on: "id", how: "outer" }).col("id").toArray(), [1, 2, 3, 4]);
    assert.deepEqual(left.merge(right, { on: "id", how: "left" }).col("r").toArray(), [null, 20, 30]);
    assert.deepEqual(left.setIndex("id").join(right.setIndex("id")).col("r").toArray(), [null, 20, 30]);
  });

  it("samples reproducibly", () => {
    const big = new pd.DataFrame({ i: Array.from({ length: 100 }, (_, i) => i) });
    const a = big.sample({ n: 10, randomState: 42 }).index.toArray();
    assert.deepEqual(big.sample({ n: 10, randomState: 42 }).index.toArray(), a);
    assert.equal(new Set(a).size, 10);
    assert.equal(big.sample({ frac: 0.25, randomState: 1 }).length, 25);
  });

  it("selects dtypes and counts distinct values", () => {
    assert.deepEqual(df.selectDtypes({ include: ["number"] }).columns, ["a", "b"]);
    assert.deepEqual(df.nunique().toArray(), [3, 3, 2]);
    assert.deepEqual(df.col("a").unique(), [3, 1, 2]);
    assert.deepEqual(df.col("a").valueCounts().toArray(), [2, 1, 1]);
  });
});

describe("pd display", () => {
  it("gives HTML and plain text through the display protocol", () => {
    const bundle = df[DISPLAY]();
    assert.equal(
      bundle["text/plain"],
      "   a    b  k\n0  3  0.5  x\n1  1  NaN  y\n2  2  2.5  x\n3  1  4.0  y",
    );
    const html = String(bundle["text/html"]);
    assert.match(html, /<table border="1" class="dataframe">/);
    assert.match(html, /<th>k<\/th>/);
    assert.match(html, /<td>NaN<\/td>/);
    assert.doesNotMatch(html, /rows ×/);
  });

  it("truncates long and wide frames with a shape footer", () => {
    const wide: Record<string, number[]> = {};
    for (let j = 0; j < 25; j++) wide[`c${j}`] = Array.from({ length: 70 }, (_, i) => i * j);
    const big = new pd.DataFrame(wide);
    const html = String(big[DISPLAY]()["text/html"]);
    assert.match(html, /<p>70 rows × 25 columns<\/p>/);
    assert.equal((html.match(/<th>\.\.\.<\/th>/g) ?? []).length, 2);
    assert.match(big.toString(), /\[70 rows x 25 columns\]$/);
  });

  it("prints series like pandas", () => {
    assert.equal(
      new pd.Series([1.5, 2], { name: "v" }).toString(),
      "0    1.5\n1    2.0\nName: v, dtype: float64",
    );
    assert.equal(new pd.Series(["a", null]).toString(), "0      a\n1    NaN\ndtype: object");
  });
});
