// The NumPy parity table: every case of every test/fixtures/numpy/*.json, replayed on the engine.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { assertMatches } from "./compare.js";
import { run, type Encoded, type ParityFile } from "./decode.js";

const dir = fileURLToPath(new URL("../../fixtures/numpy/", import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort();

it("has fixtures to replay", () => assert.ok(files.length > 0, `no fixtures in ${dir}`));

for (const file of files) {
  const fixture = JSON.parse(readFileSync(dir + file, "utf8")) as ParityFile;
  describe(`NumPy parity: ${file} (${fixture.cases.length} cases from ${fixture.generator})`, () => {
    for (const c of fixture.cases) {
      it(c.id, () => {
        const want = c.expect;
        if (typeof want === "object" && want !== null && "error" in want && typeof want.error === "string") {
          const expected = want as { error: string; match: string };
          assert.throws(
            () => run(c),
            (e: Error) => {
              assert.equal(e.name, expected.error, `error class (message: ${e.message})`);
              assert.match(e.message, new RegExp(expected.match));
              return true;
            },
          );
          return;
        }
        assertMatches(run(c), want as Encoded, c);
      });
    }
  });
}
