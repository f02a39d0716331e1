// The ASan/UBSan run of the native tests (scripts/native-sanitize.sh) takes about a minute, so
// it runs only when asked: TENSORBOOK_SANITIZE_TEST=1 npm test, or npm run test:native-sanitize.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { it } from "node:test";

const wanted = process.env.TENSORBOOK_SANITIZE_TEST === "1";
const nested = process.env.TENSORBOOK_NATIVE_ADDON !== undefined; // already inside the sanitizer run

it(
  "native tests pass under AddressSanitizer and UndefinedBehaviorSanitizer",
  wanted && !nested ? {} : { skip: "set TENSORBOOK_SANITIZE_TEST=1 (or run npm run test:native-sanitize)" },
  () => {
    const script = fileURLToPath(new URL("../../scripts/native-sanitize.sh", import.meta.url));
    const files = ["gemm", "elementwise", "nn", "loading"].map((f) => `test/native/${f}.test.ts`);
    const r = spawnSync("bash", [script, ...files], { encoding: "utf8", timeout: 600_000 });
    assert.equal(r.status, 0, `${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  },
);
