import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { pd } from "tensorbook";

const csv = (text: string, options: pd.ReadCsvOptions = {}): pd.DataFrame =>
  pd.readCsv(Buffer.from(text, "utf8"), options);
const dir = mkdtempSync(join(tmpdir(), "tb-pd-"));
after(() => rmSync(dir, { recursive: true, force: true }));

describe("pd.readCsv", () => {
  it("infers int32, float64 (ints with gaps), bool and object columns", () => {
    const df = csv("a,b,c,d,e\n1,1.5,True,x,1\n2,,False,y,\n3,NaN,True,,3\n");
    assert.deepEqual(df.dtypes.toArray(), ["int32", "float64", "bool", "object", "float64"]);
    assert.deepEqual(df.col("b").toArray(), [1.5, null, null]);
    assert.deepEqual(df.col("d").toArray(), ["x", "y", null]);
  });

  it("handles quotes, doubled quotes, embedded separators and newlines, CRLF and blank lines", () => {
    const df = csv('name,note\r\n"Smith, J","said ""hi"""\r\n\r\nLee,"two\nlines"\r\n');
    assert.deepEqual(df.col("name").toArray(), ["Smith, J", "Lee"]);
    assert.deepEqual(df.col("note").toArray(), ['said "hi"', "two\nlines"]);
  });

  it("reports the line of a row with too many fields", () => {
    assert.throws(
      () => csv("a,b\n1,2\n3,4\n5,6,7\n"),
      (e: Error) => {
        assert.equal(e.name, "ParserError");
        assert.match(e.message, /expected 2 fields in line 4, saw 3/);
        return true;
      },
    );
  });

  it("reports where an unterminated quote starts", () => {
    assert.throws(() => csv('a,b\n1,"open\n2,3\n'), /unterminated quoted field starting on line 2/);
  });

  it("pads short rows with missing values, as pandas does", () => {
    const df = csv("a,b,c\n1,2,3\n4\n");
    assert.deepEqual(df.col("c").toArray(), [3, null]);
  });

  it("lists the columns when usecols, indexCol or a lookup names an unknown one", () => {
    assert.throws(
      () => csv("alpha,beta\n1,2\n", { usecols: ["gamma"] }),
      /column "gamma" not found; the columns are: "alpha", "beta"/,
    );
    assert.throws(
      () => csv("alpha,beta\n1,2\n").col("Alpha"),
      /column "Alpha" not found; the columns are: "alpha", "beta"/,
    );
  });

  it("supports header, names, usecols, dtype, naValues, indexCol, nrows, skiprows, skipfooter", () => {
    const text = "# comment line\nid,v,w\n10,1,a\n11,-999,b\n12,3,c\n13,4,d\nfooter\n";
    const df = csv(text, {
      skiprows: 1,
      skipfooter: 1,
      naValues: ["-999"],
      indexCol: "id",
      usecols: ["id", "v"],
      dtype: { v: "float32" },
    });
    assert.deepEqual(df.columns, ["v"]);
    assert.equal(df.col("v").dtype, "float32");
    assert.deepEqual(df.col("v").toArray(), [1, null, 3, 4]);
    assert.deepEqual(df.index.toArray(), [10, 11, 12, 13]);
    assert.equal(df.index.name, "id");
    const noHeader = csv("1,2\n3,4\n", { header: null, names: ["x", "y"], nrows: 1 });
    assert.deepEqual(noHeader.toArray(), [[1, 2]]);
  });

  it("reads thousands separators, whitespace-separated files and duplicate names", () => {
    assert.deepEqual(csv('v\n"1,234.5"\n-12\n', { thousands: "," }).col("v").toArray(), [1234.5, -12]);
    const ws = csv("a b  c\n 1 2 3\n4  5 6\n", { sep: "\\s+" });
    assert.deepEqual(ws.toArray(), [
      [1, 2, 3],
      [4, 5, 6],
    ]);
    assert.deepEqual(csv("x,x,\n1,2,3\n").columns, ["x", "x.1", "Unnamed: 2"]);
  });

  it("parses numbers exactly as pandas (correctly rounded)", () => {
    const vals = [
      "0.1",
      "-122.23",
      "8.3252",
      "1e-7",
      "123456789012345678",
      "3.14159265358979323846",
      "inf",
      "-inf",
    ];
    const got = csv("v\n" + vals.join("\n") + "\n")
      .col("v")
      .toArray();
    assert.deepEqual(got, [...vals.slice(0, -2).map(Number), Infinity, -Infinity]);
  });

  it("names the shipped file when a dataset path is wrong", () => {
    assert.throws(
      () => pd.readCsv("datasets/housing/housing.cs"),
      /no such file: datasets\/housing\/housing\.cs/,
    );
  });
});

describe("pd writers and other readers", () => {
  const df = new pd.DataFrame({
    n: [1, 2, 3],
    x: [0.5, null, 2],
    s: ["a", 'b,"c"', null],
    b: [true, false, true],
  });

  it("toCsv writes what readCsv reads back", () => {
    const text = df.toCsv(undefined, { index: false });
    assert.equal(text, 'n,x,s,b\n1,0.5,a,True\n2,,"b,""c""",False\n3,2.0,,True\n');
    const path = join(dir, "out.csv");
    df.toCsv(path);
    const back = pd.readCsv(path, { indexCol: 0 });
    assert.deepEqual(back.toArray(), df.toArray());
  });

  it("round-trips through Arrow IPC, keeping dtypes, nulls and labels", () => {
    const labelled = df.setIndex("s", { drop: false });
    const bytes = labelled.toArrow(join(dir, "out.arrow"));
    assert.ok(bytes.length > 0);
    for (const back of [pd.readArrow(bytes), pd.readArrow(join(dir, "out.arrow"))]) {
      assert.deepEqual(back.dtypes.toArray(), labelled.dtypes.toArray());
      assert.deepEqual(back.toArray(), labelled.toArray());
      assert.deepEqual(back.index.toArray(), ["a", 'b,"c"', Number.NaN]);
    }
    const table = df.toArrowTable();
    assert.equal(table.numRows, 3);
    assert.equal(String(table.schema.fields[2].type), "Dictionary<Int32, Utf8>");
  });

  it("reads JSON in pandas' orients and JSON lines", () => {
    const rec = pd.readJson('[{"a": 1, "b": "x"}, {"a": 2, "b": null}]');
    assert.deepEqual(rec.toArray(), [
      [1, "x"],
      [2, null],
    ]);
    const cols = pd.readJson(pd.toJson(df));
    assert.deepEqual(cols.toArray(), df.toArray());
    const split = pd.readJson(pd.toJson(df, "split"), { orient: "split" });
    assert.deepEqual(split.columns, df.columns);
    const lines = pd.readJson(Buffer.from('{"a": 1}\n{"a": 2}\n'), { lines: true });
    assert.deepEqual(lines.col("a").toArray(), [1, 2]);
  });
});
