// A dry run of the GPU-only suite (test/cuda/) on the simulated GPU (test/native/cuda/sim.ts),
// with small sizes (TENSORBOOK_GPU_TESTS_QUICK=1): every GPU test must run (none skipped) and
// pass, so the suite a GPU machine runs first is known to work apart from the hardware itself.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { needsAddon } from "../../native/helpers.js";
import { haveGxx } from "../../native/cuda/helpers.js";
import { simEnv } from "../../native/cuda/sim.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const skip = needsAddon.skip ?? (haveGxx ? undefined : "g++ is not available to build the simulated GPU");

describe("the GPU suite (test/cuda) on the simulated GPU", { skip }, () => {
  for (const file of ["kernels.test.ts", "training.test.ts", "keras.test.ts"]) {
    it(`${file}: every test runs and passes`, () => {
      const r = spawnSync(
        process.execPath,
        [
          "--conditions=source",
          "--import",
          "tsx",
          "--test",
          "--test-reporter=tap",
          join("test", "cuda", file),
        ],
        {
          cwd: root,
          encoding: "utf8",
          // Without NODE_TEST_CONTEXT, the child runs its tests instead of reporting to this runner.
          env: { ...process.env, NODE_TEST_CONTEXT: undefined, ...simEnv(), TENSORBOOK_GPU_TESTS_QUICK: "1" },
        },
      );
      const out = r.stdout + r.stderr;
      assert.equal(r.status, 0, out);
      assert.match(out, /^# fail 0$/m, out);
      assert.match(out, /^# skipped 0$/m, out);
      assert.doesNotMatch(out, /^# pass 0$/m, out);
    });
  }
});
