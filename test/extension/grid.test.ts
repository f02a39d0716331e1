import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tableFromArrays, tableToIPC } from "apache-arrow";
import { decodeBundle, parseBundle } from "../../extension/src/grid/decode.js";
import { formatCell, formatFloat } from "../../extension/src/grid/format.js";
import { columnStats, sortOrder } from "../../extension/src/grid/stats.js";

function bundle() {
  const table = tableFromArrays({
    idx: ["r0", "r1", "r2", "r3"],
    x: Float64Array.from([2.5, Number.NaN, -1, 10]),
    n: Int32Array.from([3, 1, 2, 1]),
    s: ["b", "a", "b", "c"],
  });
  return {
    ipc: Buffer.from(tableToIPC(table, "stream")).toString("base64"),
    rows: 10,
    columns: ["x", "n", "s"],
    dtypes: ["float64", "int32", "object"],
    index: "idx",
    truncated: true,
    kind: "DataFrame",
  };
}

describe("Arrow bundle", () => {
  it("validates the JSON shape", () => {
    assert.equal(parseBundle({ columns: [] }), null);
    assert.equal(parseBundle(null), null);
    const b = parseBundle({ ipc: "", columns: ["a"], dtypes: [] });
    assert.deepEqual(b?.dtypes, [""]);
    assert.equal(b?.index, null);
  });

  it("decodes columns, dtypes, the index and the total row count", () => {
    const data = decodeBundle(parseBundle(bundle())!);
    assert.equal(data.length, 4);
    assert.equal(data.totalRows, 10);
    assert.deepEqual(
      data.columns.map((c) => [c.name, c.dtype, c.numeric]),
      [
        ["x", "float64", true],
        ["n", "int32", true],
        ["s", "object", false],
      ],
    );
    assert.equal(data.index?.get(2), "r2");
    assert.equal(data.columns[2].get(1), "a");
  });

  it("names a missing column in its error", () => {
    assert.throws(
      () => decodeBundle({ ...bundle(), columns: ["nope"], dtypes: ["int32"] }),
      /no column "nope"/,
    );
  });
});

describe("grid statistics and sorting", () => {
  const data = decodeBundle(parseBundle(bundle())!);
  const [x, n, s] = data.columns;

  it("describes numeric columns like pandas (NaN missing, ddof=1)", () => {
    const st = columnStats(x, data.length);
    assert.equal(st.count, 3);
    assert.equal(st.missing, 1);
    assert.ok(Math.abs(st.mean! - 11.5 / 3) < 1e-12);
    const m = 11.5 / 3;
    const std = Math.sqrt(((2.5 - m) ** 2 + (-1 - m) ** 2 + (10 - m) ** 2) / 2);
    assert.ok(Math.abs(st.std! - std) < 1e-12);
    assert.equal(st.min, -1);
    assert.equal(st.max, 10);
  });

  it("describes object columns with unique, top and freq", () => {
    assert.deepEqual(columnStats(s, data.length), { count: 4, missing: 0, unique: 3, top: "b", freq: 2 });
  });

  it("sorts stably with missing values last in both directions", () => {
    assert.deepEqual([...sortOrder(x, data.length, false)], [2, 0, 3, 1]);
    assert.deepEqual([...sortOrder(x, data.length, true)], [3, 0, 2, 1]);
    assert.deepEqual([...sortOrder(n, data.length, false)], [1, 3, 2, 0]);
    assert.deepEqual([...sortOrder(s, data.length, false)], [1, 0, 2, 3]);
  });

  it("formats cells like pandas' display", () => {
    assert.equal(formatCell(null, true, 60), "NaN");
    assert.equal(formatCell(null, false, 60), "None");
    assert.equal(formatCell(3, true, 60, true), "3.0");
    assert.equal(formatCell(3, true, 60), "3");
    assert.equal(formatCell(true, false, 60), "True");
    assert.equal(formatCell(12345678901234567890n, true, 60), "12345678901234567890");
    assert.equal(formatCell("abcdefghij", false, 5), "abcd…");
    assert.equal(formatFloat(Math.PI), "3.14159");
    assert.equal(formatFloat(1e-7), "1e-7");
  });
});
