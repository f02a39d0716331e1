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

interface Titanic {
  shape: number[];
  dtypes: string[];
  info: string;
  head_repr: string;
  repr: string;
  describe: FrameFixture;
  describe_repr: string;
  sex_counts_repr: string;
  embarked_counts: SeriesFixture;
  pclass_counts_repr: string;
  survived_by_sex: SeriesFixture;
  by_pclass_mean: FrameFixture;
  sex_survived_mean_repr: string;
  age_filled_describe: SeriesFixture;
  fillna_per_column_head: FrameFixture;
  corr: FrameFixture;
  isnull_sum: SeriesFixture;
  age_bucket_counts: SeriesFixture;
  fare_nlargest: SeriesFixture;
}

const want = fixture<{ titanic: Titanic }>("pd/pd.json").titanic;
const titanic = pd.readCsv("datasets/titanic/train.csv");

describe("pd on titanic/train.csv (chapter 3 exercise), against pandas", () => {
  it("reads the shape and dtypes (int64 columns are int32 here)", () => {
    assert.deepEqual(titanic.shape, want.shape);
    assert.deepEqual(titanic.dtypes.toArray().map(String).map(asPandas), want.dtypes);
  });

  it("prints info(), head() and the truncated frame as pandas does", () => {
    let text = "";
    titanic.info({ buf: { write: (s: string) => (text += s) } });
    const strip = (s: string): string[] =>
      s.split("\n").filter((l) => !l.startsWith("<class") && !l.startsWith("memory usage"));
    assert.deepEqual(strip(asPandas(text)), strip(want.info));
    assert.equal(titanic.head().toString(), want.head_repr);
    assert.equal(titanic.toString(), want.repr);
  });

  it("describes like pandas", () => {
    assertFrameClose(titanic.describe(), want.describe, 1e-12);
    assert.equal(titanic.describe().toString(), want.describe_repr);
  });

  it("counts values", () => {
    assert.equal(asPandas(titanic.col("Sex").valueCounts().toString()), want.sex_counts_repr);
    assertSeriesClose(titanic.col("Embarked").valueCounts(), want.embarked_counts);
    assert.equal(asPandas(titanic.col("Pclass").valueCounts().toString()), want.pclass_counts_repr);
  });

  it("groups like pandas", () => {
    assertSeriesClose(titanic.groupby("Sex").col("Survived").mean(), want.survived_by_sex);
    assertFrameClose(titanic.groupby("Pclass").mean(), want.by_pclass_mean, 1e-12);
    assert.equal(
      titanic.get(["Sex", "Survived"]).groupby(["Sex"]).mean().toString(),
      want.sex_survived_mean_repr,
    );
  });

  it("fills missing values with a scalar and per column", () => {
    const age = titanic.col("Age");
    assertSeriesClose(age.fillna(age.median()).describe(), want.age_filled_describe);
    assertFrameClose(
      titanic.fillna({ Age: 0, Cabin: "none" }).head(8).get(["Age", "Cabin"]),
      want.fillna_per_column_head,
    );
    assertSeriesClose(titanic.isnull().sum(), want.isnull_sum);
  });

  it("correlates, buckets and ranks like pandas", () => {
    assertFrameClose(titanic.corr(), want.corr, 1e-12);
    assertSeriesClose(
      titanic.col("Age").floorDiv(15).mul(15).valueCounts().sortIndex(),
      want.age_bucket_counts,
    );
    assertSeriesClose(titanic.col("Fare").nlargest(5), want.fare_nlargest);
  });

  it("filters rows with boolean masks", () => {
    const women = titanic.get(titanic.col("Sex").eq("female"));
    assert.equal(women.length, 314);
    const notWomen = titanic.loc(titanic.col("Sex").eq("female").not());
    assert.equal(notWomen.length, 577);
    const firstClassSurvivors = titanic.loc(titanic.col("Pclass").eq(1).and(titanic.col("Survived").eq(1)), [
      "Name",
      "Age",
    ]);
    assert.deepEqual(firstClassSurvivors.shape, [136, 2]);
  });
});
