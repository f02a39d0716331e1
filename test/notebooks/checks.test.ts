// The notebook checks format (metadata.tensorbook.checks) on hand-made executed notebooks.
import assert from "node:assert/strict";
import { test } from "node:test";
import { errorsIn, failedChecks, type NotebookFile } from "./checks.js";

function notebook(checks: NonNullable<NotebookFile["metadata"]["tensorbook"]>["checks"]): NotebookFile {
  return {
    metadata: { tensorbook: { title: "t", checks } },
    cells: [
      { cell_type: "markdown", source: ["# Title"] },
      {
        id: "fit",
        cell_type: "code",
        source: ["model.fit(X, y)"],
        outputs: [
          { output_type: "stream", name: "stdout", text: ["theta0 = 4.2151\n", "theta1 = 2.7701\n"] },
          {
            output_type: "display_data",
            data: { "text/plain": "Chart", "application/vnd.vegalite.v5+json": {} },
          },
        ],
      },
      {
        cell_type: "code",
        source: "bad()",
        outputs: [{ output_type: "error", ename: "ReferenceError", evalue: "bad is not defined" }],
      },
    ],
  };
}

test("checks pass on matching text, numbers inside the band and present MIME types", () => {
  const nb = notebook([
    { cell: "fit", match: "theta0 = ([0-9.]+)", band: [4.2, 4.25] },
    { cell: 1, match: "theta1" },
    { cell: "fit", hasMime: "application/vnd.vegalite.v5+json" },
  ]);
  assert.deepEqual(failedChecks(nb), []);
});

test("checks fail on a missing match, a number outside its band, a missing MIME type or cell", () => {
  const nb = notebook([
    { cell: "fit", match: "theta2" },
    { cell: "fit", match: "theta1 = ([0-9.]+)", band: [3, 4] },
    { cell: "fit", hasMime: "image/png" },
    { cell: "nope", match: "x" },
  ]);
  const failures = failedChecks(nb);
  assert.equal(failures.length, 4);
  assert.match(failures[0], /cell 1 \(id fit\) "model.fit\(X, y\)": no output matches/);
  assert.match(failures[1], /gives 2.7701, outside the band \[3, 4\]/);
  assert.match(failures[2], /no output carries image\/png/);
  assert.match(failures[3], /names no cell: nope/);
});

test("errors name the failing cell", () => {
  assert.deepEqual(errorsIn(notebook([])), ['cell 2 "bad()" failed: ReferenceError: bad is not defined']);
});
