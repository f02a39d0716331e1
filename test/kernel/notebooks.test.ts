// Whole notebooks through the real protocol: Jupyter's nbconvert/nbclient, and `tensorbook run`.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fixtures, installedKernelEnv, root, run } from "./helpers.js";

interface Output {
  output_type: string;
  name?: string;
  text?: string;
  data?: Record<string, unknown>;
  ename?: string;
}
interface Cell {
  cell_type: string;
  outputs?: Output[];
  execution_count?: number | null;
}

// nbformat stores multi-line strings as lists of lines; compare them joined.
function joined(value: unknown): unknown {
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string"))
    return value.join("");
  if (Array.isArray(value)) return value.map(joined);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "traceback" ? v : joined(v)]));
  }
  return value;
}

function codeCells(path: string): Cell[] {
  const nb = joined(JSON.parse(readFileSync(path, "utf8"))) as { cells: Cell[] };
  return nb.cells.filter((c) => c.cell_type === "code");
}

function checkSmokeOutputs(cells: Cell[]): void {
  assert.equal(cells.length, 3);
  assert.deepEqual(cells[0].outputs, [{ output_type: "stream", name: "stdout", text: "hello\n" }]);
  const result = cells[1].outputs?.find((o) => o.output_type === "execute_result");
  assert.equal(result?.data?.["text/plain"], "42");
  const displays = cells[2].outputs?.filter((o) => o.output_type === "display_data") ?? [];
  // The progress output was updated in place; the rich object kept its HTML.
  assert.equal(displays[0].data?.["text/plain"], "'100%'");
  assert.equal(displays[1].data?.["text/html"], "<b>rich</b>");
  assert.deepEqual(
    cells.map((c) => c.execution_count),
    [1, 2, 3],
  );
}

test("jupyter nbconvert --execute runs a notebook on the kernel", async () => {
  const env = await installedKernelEnv();
  const out = mkdtempSync(join(tmpdir(), "tensorbook-nbconvert-"));
  const r = await run(
    "jupyter",
    [
      "nbconvert",
      "--to",
      "notebook",
      "--execute",
      "--ExecutePreprocessor.kernel_name=tensorbook",
      "--output-dir",
      out,
      join(fixtures, "smoke.ipynb"),
    ],
    { env },
  );
  assert.equal(r.code, 0, r.out);
  checkSmokeOutputs(codeCells(join(out, "smoke.ipynb")));
});

test("jupyter nbconvert --execute fails on a cell error", async () => {
  const env = await installedKernelEnv();
  const out = mkdtempSync(join(tmpdir(), "tensorbook-nbconvert-"));
  const r = await run(
    "jupyter",
    [
      "nbconvert",
      "--to",
      "notebook",
      "--execute",
      "--ExecutePreprocessor.kernel_name=tensorbook",
      "--output-dir",
      out,
      join(fixtures, "failing.ipynb"),
    ],
    { env },
  );
  assert.notEqual(r.code, 0);
  assert.match(r.out, /ReferenceError/);
});

const cli = join(root, "kernel", "bin", "tensorbook.mjs");

test("tensorbook run executes a notebook and writes its outputs", async () => {
  const out = join(mkdtempSync(join(tmpdir(), "tensorbook-run-")), "smoke.ipynb");
  const r = await run(process.execPath, [cli, "run", join(fixtures, "smoke.ipynb"), "--out", out]);
  assert.equal(r.code, 0, r.out);
  checkSmokeOutputs(codeCells(out));
  const saved = readFileSync(out, "utf8");
  assert.match(saved, /"text": \[\n\s+"hello\\n"/, "outputs are saved the way nbformat writes them");
});

test("tensorbook run exits non-zero and names the failing cell", async () => {
  const out = join(mkdtempSync(join(tmpdir(), "tensorbook-run-")), "failing.ipynb");
  const r = await run(process.execPath, [cli, "run", join(fixtures, "failing.ipynb"), "--out", out]);
  assert.equal(r.code, 1, r.out);
  assert.match(
    r.out,
    /cell 2 \("undefinedFunction\(\);"\) failed: ReferenceError: undefinedFunction is not defined/,
  );
  const cells = codeCells(out);
  assert.equal(cells[1].outputs?.[0].output_type, "error");
  assert.deepEqual(cells[2].outputs, []);

  const allowed = await run(process.execPath, [
    cli,
    "run",
    join(fixtures, "failing.ipynb"),
    "--out",
    out,
    "--allow-errors",
  ]);
  assert.equal(allowed.code, 0, allowed.out);
  assert.equal(codeCells(out)[2].outputs?.[0].output_type, "execute_result");
});
