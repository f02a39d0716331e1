import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pd } from "tensorbook";
import {
  asPandas,
  assertFrameClose,
  assertSeriesClose,
  fixture,
  type FrameFixture,
  type SeriesFixture,
} from "./helpers.js";

interface Housing {
  shape: number[];
  dtypes: string[];
  head_repr: string;
  repr: string;
  info: string;
  describe: FrameFixture;
  describe_repr: string;
  ocean_counts_repr: string;
  ocean_counts_normalized: SeriesFixture;
  age_counts_head_repr: string;
  corr: FrameFixture;
  corr_target_repr: string;
  groupby_mean: FrameFixture;
  groupby_value_median: SeriesFixture;
  groupby_size: SeriesFixture;
  income_cat_counts_repr: string;
  income_cat_proportions: SeriesFixture;
  total_bedrooms_median: number;
  filled_describe: SeriesFixture;
  isnull_sum: SeriesFixture;
  rooms_per_house_describe: SeriesFixture;
  median_income_repr: string;
  dropna_shape: number[];
  cut3_counts: SeriesFixture;
  cut3_labels: string[];
  sample_index: number[];
  sample_frac_index: number[];
}

const want = fixture<{ housing: Housing }>("pd/pd.json").housing;
const housing = pd.readCsv("datasets/housing/housing.csv");

describe("pd on housing.csv (chapter 2), against pandas", () => {
  it("reads the shape and dtypes", () => {
    assert.deepEqual(housing.shape, want.shape);
    assert.deepEqual(housing.dtypes.toArray(), want.dtypes);
  });

  it("prints head() and the truncated frame as pandas does", () => {
    assert.equal(housing.head().toString(), want.head_repr);
    assert.equal(housing.toString(), want.repr);
  });

  it("prints info() in pandas' layout", () => {
    let text = "";
    housing.info({ buf: { write: (s: string) => (text += s) } });
    const strip = (s: string): string[] =>
      s.split("\n").filter((l) => !l.startsWith("<class") && !l.startsWith("memory usage"));
    assert.deepEqual(strip(text), strip(want.info));
    assert.match(text, /memory usage: 1\.\d\+ MB/);
  });

  it("describes like pandas", () => {
    assertFrameClose(housing.describe(), want.describe, 1e-12);
    assert.equal(housing.describe().toString(), want.describe_repr);
  });

  it("counts values, plain and normalized", () => {
    assert.equal(asPandas(housing.col("ocean_proximity").valueCounts().toString()), want.ocean_counts_repr);
    assertSeriesClose(
      housing.col("ocean_proximity").valueCounts({ normalize: true }),
      want.ocean_counts_normalized,
    );
    assert.equal(
      asPandas(housing.col("housing_median_age").valueCounts().head().toString()),
      want.age_counts_head_repr,
    );
  });

  it("correlates like pandas", () => {
    const corr = housing.corr({ numericOnly: true });
    assertFrameClose(corr, want.corr, 1e-12);
    assert.equal(
      corr.col("median_house_value").sortValues({ ascending: false }).toString(),
      want.corr_target_repr,
    );
  });

  it("groups like pandas", () => {
    assertFrameClose(housing.groupby("ocean_proximity").mean(), want.groupby_mean, 1e-12);
    assertSeriesClose(
      housing.groupby("ocean_proximity").col("median_house_value").median(),
      want.groupby_value_median,
    );
    assertSeriesClose(housing.groupby("ocean_proximity").size(), want.groupby_size);
  });

  it("cuts median income into the book's five strata", () => {
    const cat = pd.cut(housing.col("median_income"), {
      bins: [0, 1.5, 3, 4.5, 6, Infinity],
      labels: [1, 2, 3, 4, 5],
    });
    assert.equal(cat.dtype, "category");
    const counts = cat.valueCounts().sortIndex();
    // pandas' categories are int64 here and Tensorbook's are strings: the printed table is the same.
    assert.equal(asPandas(counts.toString()), want.income_cat_counts_repr);
    const props = counts.div(housing.length);
    assert.deepEqual(props.toArray(), want.income_cat_proportions.values);
  });

  it("cuts into equal-width bins with pandas' interval labels", () => {
    const cat = pd.cut(housing.col("median_income"), { bins: 3 });
    assert.deepEqual(cat.column.dictionary(), want.cut3_labels);
    assert.deepEqual(cat.valueCounts().sortIndex().toArray(), want.cut3_counts.values);
  });

  it("fills and drops missing values", () => {
    const median = housing.col("total_bedrooms").median();
    assert.equal(median, want.total_bedrooms_median);
    assertSeriesClose(housing.col("total_bedrooms").fillna(median).describe(), want.filled_describe);
    assertSeriesClose(housing.isnull().sum(), want.isnull_sum);
    assert.deepEqual(housing.dropna({ subset: ["total_bedrooms"] }).shape, want.dropna_shape);
    const copy = housing.copy();
    copy.col("total_bedrooms").fillna(median, { inplace: true });
    assert.equal(copy.col("total_bedrooms").count(), housing.length);
    assert.equal(housing.col("total_bedrooms").count(), 20433);
  });

  it("computes new columns with arithmetic", () => {
    const rooms = housing.col("total_rooms").div(housing.col("households"));
    assertSeriesClose(rooms.describe(), want.rooms_per_house_describe, 1e-12);
    const df = housing.copy();
    df.set("rooms_per_house", rooms);
    assert.equal(df.shape[1], 11);
    assert.equal(housing.shape[1], 10);
  });

  it("samples the rows pandas samples for the same seed", () => {
    assert.deepEqual(housing.sample({ n: 5, randomState: 42 }).index.toArray(), want.sample_index);
    assert.deepEqual(
      housing.sample({ frac: 0.0005, randomState: 7 }).index.toArray(),
      want.sample_frac_index,
    );
  });

  it("prints a long series truncated, with its footer", () => {
    assert.equal(housing.col("median_income").toString(), want.median_income_repr);
  });
});
