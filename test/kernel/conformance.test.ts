// Jupyter's own conformance suite (Debian's python3-jupyter-kernel-test) against the installed
// kernelspec: jupyter_client starts the kernel exactly as JupyterLab would and checks every
// message against the protocol's schemas.
import assert from "node:assert/strict";
import { test } from "node:test";
import { fixtures, installedKernelEnv, python, run } from "./helpers.js";

test("jupyter_kernel_test passes against the tensorbook kernelspec", async () => {
  const env = await installedKernelEnv();
  const { code, out } = await run(python, ["-m", "unittest", "-v", "kernel_conformance"], {
    cwd: fixtures,
    env,
  });
  assert.equal(code, 0, `jupyter_kernel_test failed:\n${out}`);
  assert.match(out, /^Ran 12 tests in /m, out);
  // Only the pager test is skipped: Tensorbook has no pager payloads.
  assert.match(out, /^OK \(skipped=1\)$/m, out);
  assert.match(out, /test_pager .*skipped/, out);
});
