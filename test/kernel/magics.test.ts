// Magics: parsing a cell's magic lines, and time figures formatted exactly as IPython does
// (reference strings produced by fixtures/make-ipython-time-format.py).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { formatCpuTimes, formatTime, formatTimeit } from "../../kernel/src/magics/format.js";
import { MagicError, parseCell } from "../../kernel/src/magics/parse.js";
import { fixtures } from "./helpers.js";

const reference = JSON.parse(readFileSync(join(fixtures, "ipython-time-format.json"), "utf8")) as {
  times: [number, string][];
  timeit: [number[], number, string][];
};

describe("IPython's time format", () => {
  test("durations", () => {
    for (const [seconds, text] of reference.times)
      assert.equal(formatTime(seconds), text, `formatTime(${seconds})`);
  });

  test("%timeit summaries", () => {
    for (const [runs, loops, text] of reference.timeit) {
      const lines = formatTimeit(runs, loops).trimEnd().split("\n");
      assert.equal(lines.at(-1), text);
    }
    // IPython's warning when the slowest run was much slower than the fastest.
    assert.match(
      formatTimeit([1e-6, 5e-6, 1e-6], 1),
      /^The slowest run took 5 times longer than the fastest/,
    );
  });

  test("%time lines", () => {
    assert.equal(
      formatCpuTimes(0.001, 0, 0.0012),
      "CPU times: user 1 ms, sys: 0 ns, total: 1 ms\nWall time: 1.2 ms\n",
    );
  });
});

describe("magic lines", () => {
  test("line magics between code keep the code's line numbers", () => {
    const { pieces, serviceText } = parseCell("const a = 1;\n%who\nconst b = 2;");
    assert.deepEqual(pieces, [
      { kind: "code", text: "const a = 1;\n\n" },
      { kind: "magic", name: "who", args: "" },
      { kind: "code", text: "\n\nconst b = 2;" },
    ]);
    assert.equal(serviceText, "const a = 1;\n\nconst b = 2;");
  });

  test("%time, %timeit and %%time", () => {
    assert.deepEqual(parseCell("%time f()").pieces, [
      { kind: "time", inner: [{ kind: "code", text: "      f()" }] },
    ]);
    assert.deepEqual(parseCell("%timeit -n 10 -r 3 f()").pieces, [
      { kind: "timeit", text: "                   f()", loops: 10, repeat: 3 },
    ]);
    assert.deepEqual(parseCell("%%time\nconst x = 1;\nx").pieces, [
      { kind: "time", inner: [{ kind: "code", text: "\nconst x = 1;\nx" }] },
    ]);
    assert.deepEqual(parseCell("%%timeit -r 2\nf()").pieces, [
      { kind: "timeit", text: "\nf()", loops: null, repeat: 2 },
    ]);
  });

  test("%env, %reset and %strict", () => {
    assert.deepEqual(parseCell("%env DEBUG=1").pieces, [{ kind: "magic", name: "env", args: "DEBUG=1" }]);
    assert.deepEqual(parseCell("%reset -f").pieces, [{ kind: "magic", name: "reset", args: "-f" }]);
    assert.deepEqual(parseCell("%strict on").pieces, [{ kind: "strict", on: true }]);
  });

  test("mistakes say what was expected", () => {
    assert.throws(
      () => parseCell("x\n%bogus"),
      (e: unknown) => e instanceof MagicError && e.line === 2 && /Tensorbook has %time/.test(e.message),
    );
    assert.throws(() => parseCell("%strict maybe"), /expects "on" or "off"/);
    assert.throws(() => parseCell("%timeit -n zero f()"), /positive whole number/);
    assert.throws(() => parseCell("%%nope\n1"), /unknown cell magic %%nope/);
  });
});
