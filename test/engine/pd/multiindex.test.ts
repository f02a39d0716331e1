import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DISPLAY, datasets, np, pd } from "tensorbook";
import { asPandas, fixture, type FrameFixture, type SeriesFixture } from "./helpers.js";

// MultiIndex against pandas 1.5 (test/fixtures/pd/make_pd.py): groupby on several keys,
// setIndex with several columns, loc by tuple and by first level, resetIndex, unstack, and the
// text and HTML displays with repeated outer labels blanked.

interface Multi {
  survived_repr: string;
  survived: SeriesFixture;
  survived_tuples: (string | number)[][];
  names: string[];
  levels: (string | number)[][];
  means_repr: string;
  means: FrameFixture;
  means_html: string;
  size_repr: string;
  agg_repr: string;
  three_levels_repr: string;
  unstack_repr: string;
  unstack_html: string;
  loc_female_repr: string;
  loc_male_3_repr: string;
  series_loc_female_repr: string;
  series_loc_male_2: number;
  reset_repr: string;
  set_index_repr: string;
  set_index_loc_female_shape: number[];
  housing_repr: string;
  housing_unstack_repr: string;
  product_repr: string;
  product_tuples: (string | number)[][];
  product_unstack_repr: string;
  arrays_levels: (string | number)[][];
  long_repr: string;
  long_frame_repr: string;
  long_frame_html: string;
}

const want = fixture<{ multiindex: Multi }>("pd/pd.json").multiindex;
const titanic = datasets.loadTitanic().train;
const byTwo = titanic.groupby(["Sex", "Pclass"]);
const survived = byTwo.col("Survived").mean();
const means = byTwo.mean();
/** The `<table>` of a frame's HTML display (pandas' `to_html()`). */
const table = (df: pd.DataFrame): string => {
  const html = String(df[DISPLAY]()["text/html"]);
  return html.slice(html.indexOf("<table"), html.indexOf("</table>") + "</table>".length);
};

describe("pd.MultiIndex from groupby on several keys (titanic), against pandas", () => {
  it("indexes the result by a MultiIndex with pandas' names, levels and tuples", () => {
    const idx = survived.index as pd.MultiIndex;
    assert.ok(idx instanceof pd.MultiIndex);
    assert.equal(idx.nlevels, 2);
    assert.deepEqual(idx.names, want.names);
    assert.deepEqual(
      idx.levels.map((l) => l.toArray()),
      want.levels,
    );
    assert.deepEqual(idx.tuples(), want.survived_tuples);
    assert.equal(idx.kindName, "MultiIndex");
    survived
      .toArray()
      .forEach((v, i) => assert.ok(Math.abs((v as number) - (want.survived.values[i] as number)) < 1e-15));
  });

  it("prints series and frames as pandas does, outer labels blanked where they repeat", () => {
    assert.equal(survived.toString(), want.survived_repr);
    assert.equal(asPandas(byTwo.size().toString()), want.size_repr);
    assert.equal(means.toString(), want.means_repr);
    assert.equal(byTwo.agg({ Age: "mean", Fare: "sum" }).toString(), want.agg_repr);
    assert.equal(
      titanic.groupby(["Embarked", "Sex", "Pclass"]).col("Fare").median().toString(),
      want.three_levels_repr,
    );
    // Truncated (5 + 5 rows), with a float level printed as a float column (0.9167, 2.0000).
    const long = titanic.groupby(["Pclass", "Age"]).col("Fare").mean();
    assert.equal(long.toString(), want.long_repr);
    assert.equal(long.toFrame().toString(), want.long_frame_repr);
  });

  it("writes pandas' HTML: a row per level name, rowspans for the outer labels", () => {
    assert.equal(table(means.get(["Survived", "Age"])), want.means_html);
    assert.equal(table(survived.unstack()), want.unstack_html);
    const long = titanic.groupby(["Pclass", "Age"]).col("Fare").mean().toFrame();
    const html = want.long_frame_html;
    assert.equal(table(long), html.slice(html.indexOf("<table"), html.indexOf("</table>") + 8), "truncated");
  });

  it("selects with loc: a first-level label (partial), a full tuple, on frames and series", () => {
    assert.equal(means.loc("female").toString(), want.loc_female_repr);
    assert.equal(means.loc(["male", 3]).toString(), want.loc_male_3_repr);
    // A first-level label on a series' MultiIndex gives a series (typed as a scalar's loc).
    assert.equal((survived.loc("female") as unknown as pd.Series).toString(), want.series_loc_female_repr);
    assert.equal(survived.loc(["male", 2]), want.series_loc_male_2);
    assert.equal(survived.get(["male", 2]), want.series_loc_male_2);
    assert.throws(() => means.loc(["male", 4]), /\["male",4\] is not in the MultiIndex/);
  });

  it("turns levels back into columns with resetIndex, and back again with setIndex", () => {
    const agg = byTwo.agg({ Age: "mean", Fare: "sum" });
    assert.equal(asPandas(agg.resetIndex().toString()), want.reset_repr);
    const again = agg.resetIndex().setIndex(["Sex", "Pclass"]);
    assert.equal(again.toString(), want.agg_repr);
    const si = titanic.setIndex(["Sex", "Pclass"]);
    assert.equal(si.get(["Age", "Fare"]).head(8).toString(), want.set_index_repr);
    assert.deepEqual(si.loc("female").shape, want.set_index_loc_female_shape);
  });

  it("unstacks the last level into columns (missing combinations NaN)", () => {
    assert.equal(survived.unstack().toString(), want.unstack_repr);
    assert.equal(survived.unstack().columnsName, "Pclass");
    assert.throws(() => titanic.col("Age").unstack(), /unstack needs a MultiIndex/);
  });
});

describe("pd.MultiIndex on housing (float keys) and from constructors, against pandas", () => {
  const housing = datasets.loadHousing();
  const cat = housing
    .col("median_income")
    .div(1.5)
    .map((v) => Math.min(Math.ceil(v as number), 5));
  housing.set("income_cat", cat.astype("float64"));
  const byCat = housing.groupby(["ocean_proximity", "income_cat"]).col("median_house_value").mean();

  it("groupby(['ocean_proximity', 'income_cat']) prints and unstacks as pandas", () => {
    assert.equal(byCat.toString(), want.housing_repr);
    assert.equal(byCat.unstack().toString(), want.housing_unstack_repr);
  });

  it("fromProduct, fromTuples and fromArrays build pandas' levels and tuples", () => {
    const mi = pd.MultiIndex.fromProduct(
      [
        ["a", "b"],
        [1, 2, 3],
      ],
      { names: ["l", "n"] },
    );
    assert.deepEqual(mi.tuples(), want.product_tuples);
    const s = new pd.Series([10, 20, 30, 40, 50, 60], { index: mi });
    assert.equal(asPandas(s.toString()), want.product_repr);
    assert.equal(s.unstack().toString(), want.product_unstack_repr);
    const fromTuples = pd.MultiIndex.fromTuples(want.product_tuples, { names: ["l", "n"] });
    assert.ok(fromTuples.equals(mi));
    assert.deepEqual(fromTuples.names, ["l", "n"]);
    const arrays = pd.MultiIndex.fromArrays([
      ["y", "x", "y"],
      [3, 1, 2],
    ]);
    assert.deepEqual(
      arrays.levels.map((l) => l.toArray()),
      want.arrays_levels,
    );
    assert.deepEqual(arrays.droplevel(0).toArray(), [3, 1, 2]);
    assert.throws(() => pd.MultiIndex.fromArrays([["a"], [1, 2]]), /same length/);
  });

  it("sends the joined labels to the data grid", () => {
    const grid = byCat[DISPLAY]()["application/vnd.tensorbook.arrow+json"] as { index: string; rows: number };
    assert.equal(grid.index, "__index_level_0__");
    assert.equal(grid.rows, byCat.length);
    assert.equal(byCat.index.at(0), "<1H OCEAN, 1.0");
  });
});

describe("np.array and np.asarray of frames and series", () => {
  const mixes = fixture<{ to_numpy: Record<string, { dtype: string; values: (number | null)[][] }> }>(
    "pd/pd.json",
  ).to_numpy;
  const frames: Record<string, pd.DataFrame> = {
    int: new pd.DataFrame({ a: [1, 2] }),
    int_int: new pd.DataFrame({ a: [1, 2], b: [3, 4] }),
    int_float: new pd.DataFrame({ a: [1, 2], b: [0.5, 1.5] }),
    float32_float32: new pd.DataFrame({ a: Float32Array.of(1, 2), b: Float32Array.of(3, 4) }),
    float32_int: new pd.DataFrame({ a: Float32Array.of(1, 2), b: [3, 4] }),
    float32_float64: new pd.DataFrame({ a: Float32Array.of(1, 2), b: [0.5, 1.5] }),
    bool_bool: new pd.DataFrame({ a: [true, false], b: [false, false] }),
    int_missing: new pd.DataFrame({ a: [1, null], b: [3, 4] }),
  };
  for (const [name, df] of Object.entries(frames)) {
    it(`promotes ${name} as pandas' to_numpy() (${mixes[name].dtype})`, () => {
      const t = np.array(df);
      assert.equal(t.dtype, mixes[name].dtype.replace("int64", "int32"));
      const got = np.asarray(df).astype("float64").toArray() as number[][];
      assert.deepEqual(
        got.map((r) => r.map((v) => (Number.isNaN(v) ? null : v))),
        mixes[name].values,
      );
    });
  }

  it("gives a series' values, any dtype asked, and copies", () => {
    const s = new pd.Series([1, 2, 3], { name: "x" });
    assert.deepEqual(np.array(s).toArray(), [1, 2, 3]);
    assert.equal(np.asarray(s, { dtype: "float32" }).dtype, "float32");
    assert.deepEqual(np.array(frames.int_int, { dtype: "float64" }).shape, [2, 2]);
    assert.equal(np.mean(np.asarray(frames.int_float)).item(), 1.25);
  });

  it("names every string column and suggests encoders or dropping them", () => {
    const housing = datasets.loadHousing();
    assert.throws(
      () => np.array(housing),
      /column "ocean_proximity" holds strings \(object\), and tensors have no object dtype; drop it .*sk\.OrdinalEncoder, sk\.OneHotEncoder/,
    );
    const two = titanic.get(["Sex", "Age", "Embarked"]);
    assert.throws(() => np.asarray(two), /columns "Sex", "Embarked" hold strings/);
    assert.throws(() => np.array(titanic.col("Sex")), /series "Sex" holds strings.*sk\.OrdinalEncoder/);
    assert.equal(np.array(housing.drop(["ocean_proximity"], { axis: 1 })).shape[1], 9);
  });
});
