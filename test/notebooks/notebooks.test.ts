// Executes every chapter notebook (notebooks/*.ipynb) headless, in quick mode
// (TENSORBOOK_QUICK=1), through the real kernel: `tensorbook run` for most, and Jupyter's own
// client (`jupyter nbconvert --execute`, nbclient) for the notebooks that ask for it in
// `metadata.tensorbook.nbclient` (the first notebook when none does). A failing cell fails the
// test, naming the cell; then the checks each notebook declares in `metadata.tensorbook.checks`
// are verified on the outputs (format: notebooks/README.md).
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, test } from "node:test";
import { installedKernelEnv, root, run } from "../kernel/helpers.js";
import { errorsIn, failedChecks, type NotebookFile } from "./checks.js";

const folder = join(root, "notebooks");
const notebooks = existsSync(folder)
  ? readdirSync(folder)
      .filter((f) => f.endsWith(".ipynb"))
      .sort()
  : [];
const read = (path: string): NotebookFile => JSON.parse(readFileSync(path, "utf8")) as NotebookFile;
const viaNbclient = new Set(
  notebooks.filter((f) => read(join(folder, f)).metadata.tensorbook?.nbclient === true),
);
if (viaNbclient.size === 0 && notebooks.length > 0) viaNbclient.add(notebooks[0]);

/** Seconds a single cell may run in quick mode before the run fails. */
const cellTimeoutS = 300;
const cli = join(root, "kernel", "bin", "tensorbook.mjs");

/** Executes one notebook in quick mode; returns the executed notebook and the runner's log. */
async function execute(name: string): Promise<{ nb: NotebookFile; log: string; code: number | null }> {
  const env = { ...(await installedKernelEnv()), TENSORBOOK_QUICK: "1" };
  const outDir = mkdtempSync(join(tmpdir(), "tensorbook-notebooks-"));
  const out = join(outDir, basename(name));
  const r = viaNbclient.has(name)
    ? await run(
        "jupyter",
        [
          "nbconvert",
          "--to",
          "notebook",
          "--execute",
          "--ExecutePreprocessor.kernel_name=tensorbook",
          `--ExecutePreprocessor.timeout=${cellTimeoutS}`,
          "--output-dir",
          outDir,
          join(folder, name),
        ],
        { env, cwd: folder },
      )
    : await run(
        process.execPath,
        [cli, "run", join(folder, name), "--out", out, "--timeout", String(cellTimeoutS)],
        {
          env,
        },
      );
  assert.ok(
    existsSync(out),
    `no executed notebook was written (exit ${String(r.code)}):\n${r.out.slice(-3000)}`,
  );
  return { nb: read(out), log: r.out, code: r.code };
}

describe("chapter notebooks in quick mode", () => {
  if (notebooks.length === 0) test("no notebooks yet", { skip: "notebooks/ holds no .ipynb" }, () => {});
  for (const name of notebooks) {
    const client = viaNbclient.has(name) ? "jupyter nbconvert --execute" : "tensorbook run";
    test(`${name} runs top to bottom (${client}) and passes its checks`, { timeout: 600_000 }, async () => {
      const source = read(join(folder, name));
      assert.equal(source.metadata.kernelspec?.name, "tensorbook", "kernelspec name");
      assert.ok(source.metadata.tensorbook?.title, "metadata.tensorbook.title");
      const { nb, log, code } = await execute(name);
      const errors = errorsIn(nb);
      assert.deepEqual(errors, [], `${name}: ${errors.join("\n")}`);
      assert.equal(code, 0, `${name}: the runner failed:\n${log.slice(-3000)}`);
      const failures = failedChecks(nb);
      assert.deepEqual(failures, [], `${name}: ${failures.join("\n")}`);
    });
  }
});
