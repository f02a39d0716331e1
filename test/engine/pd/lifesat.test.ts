import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pd } from "tensorbook";
import {
  assertFrameClose,
  assertSeriesClose,
  fixture,
  type FrameFixture,
  type SeriesFixture,
} from "./helpers.js";

interface Gdp {
  shape: number[];
  columns: string[];
  dtypes: string[];
  info: string;
  head_repr: string;
  gdp_2015: SeriesFixture;
  missing_2015: number;
}
interface Lifesat {
  oecd_shape: number[];
  oecd_columns: string[];
  tot_shape: number[];
  pivot_shape: number[];
  pivot_columns: string[];
  life_satisfaction: SeriesFixture;
  full_shape: number[];
  stats: FrameFixture;
  stats_repr: string;
}

const fx = fixture<{ gdp: Gdp; lifesat: Lifesat }>("pd/pd.json");

describe("pd on the lifesat files (chapter 1), against pandas", () => {
  const gdp = pd.readCsv("datasets/lifesat/gdp_per_capita.csv", {
    thousands: ",",
    delimiter: "\t",
    encoding: "latin1",
    naValues: "n/a",
  });
  const oecd = pd.readCsv("datasets/lifesat/oecd_bli_2015.csv", { thousands: "," });

  it("reads the tab-separated latin-1 GDP file with thousands separators and a footer", () => {
    assert.deepEqual(gdp.shape, fx.gdp.shape);
    assert.deepEqual(gdp.columns, fx.gdp.columns);
    assert.deepEqual(gdp.dtypes.toArray(), fx.gdp.dtypes);
    assert.equal(gdp.col("2015").isnull().sum(), fx.gdp.missing_2015);
    assertSeriesClose(gdp.setIndex("Country").col("2015").head(12), fx.gdp.gdp_2015);
    assert.equal(gdp.head().toString(), fx.gdp.head_repr);
    let text = "";
    gdp.info({ buf: { write: (s: string) => (text += s) } });
    const strip = (s: string): string[] =>
      s.split("\n").filter((l) => !l.startsWith("<class") && !l.startsWith("memory usage"));
    assert.deepEqual(strip(text), strip(fx.gdp.info));
    // Latin-1 names decode (Côte d'Ivoire, São Tomé and Príncipe).
    assert.ok(
      gdp
        .col("Country")
        .toArray()
        .some((c) => c === "Côte d'Ivoire"),
    );
  });

  it("reads the OECD file despite its UTF-8 byte-order mark", () => {
    assert.deepEqual(oecd.shape, fx.lifesat.oecd_shape);
    assert.deepEqual(oecd.columns, fx.lifesat.oecd_columns);
  });

  it("prepares the country stats as the book does (filter, pivot, rename, setIndex, merge, sort, iloc)", () => {
    const tot = oecd.get(oecd.col("INEQUALITY").eq("TOT"));
    assert.deepEqual(tot.shape, fx.lifesat.tot_shape);
    const pivot = tot.pivot({ index: "Country", columns: "Indicator", values: "Value" });
    assert.deepEqual(pivot.shape, fx.lifesat.pivot_shape);
    assert.deepEqual(pivot.columns, fx.lifesat.pivot_columns);
    assertSeriesClose(pivot.col("Life satisfaction"), fx.lifesat.life_satisfaction);
    const g = gdp.copy();
    g.rename({ columns: { "2015": "GDP per capita" }, inplace: true });
    g.setIndex("Country", { inplace: true });
    const full = pd.merge(pivot, g, { leftIndex: true, rightIndex: true });
    full.sortValues("GDP per capita", { inplace: true });
    assert.deepEqual(full.shape, fx.lifesat.full_shape);
    const remove = new Set([0, 1, 6, 8, 33, 34, 35]);
    const keep = Array.from({ length: 36 }, (_, i) => i).filter((i) => !remove.has(i));
    const stats = full.get(["GDP per capita", "Life satisfaction"]).iloc(keep);
    assertFrameClose(stats, fx.lifesat.stats);
    assert.equal(stats.toString(), fx.lifesat.stats_repr);
  });
});
