// NumPy's printing, replayed: repr and str of every array in test/fixtures/numpy/print/print.json
// (made by test/fixtures/numpy/make_print.py) must come out character for character.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { afterEach, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { DISPLAY, np, Tensor } from "tensorbook";
import { decode, type Encoded } from "../parity/decode.js";

interface PrintCase {
  id: string;
  array: Encoded;
  options: Partial<np.PrintOptions>;
  repr: string;
  str: string;
}

const file = fileURLToPath(new URL("../../fixtures/numpy/print/print.json", import.meta.url));
const { cases } = JSON.parse(readFileSync(file, "utf8")) as { cases: PrintCase[] };

describe(`NumPy printing (${cases.length} arrays)`, () => {
  afterEach(() => np.setPrintoptions({ reset: true }));
  for (const c of cases) {
    it(c.id, () => {
      np.setPrintoptions({ reset: true, ...c.options });
      const t = decode(c.array);
      assert.ok(t instanceof Tensor);
      assert.equal(t[DISPLAY]()["text/plain"], c.repr, "repr (a cell's display)");
      assert.equal(t.toString(), c.str, "str (print)");
    });
  }
});

describe("print options", () => {
  afterEach(() => np.setPrintoptions({ reset: true }));
  it("getPrintoptions returns NumPy's defaults and what was set", () => {
    assert.equal(np.getPrintoptions().precision, 8);
    assert.equal(np.getPrintoptions().linewidth, 75);
    np.setPrintoptions({ precision: 3 });
    assert.equal(np.getPrintoptions().precision, 3);
    assert.equal(np.getPrintoptions().threshold, 1000);
  });
  it("rejects unknown and bad options", () => {
    assert.throws(() => np.setPrintoptions({ precision: -1 }), /precision must be a non-negative integer/);
    assert.throws(
      () => np.setPrintoptions({ colour: 1 } as unknown as Partial<np.PrintOptions>),
      /unexpected option 'colour'/,
    );
  });
  it("gives an HTML view in the display bundle", () => {
    const html = np.array([1, 2])[DISPLAY]()["text/html"];
    assert.match(String(html), /<pre>array\(\[1, 2\]\)<\/pre>/);
  });
});
