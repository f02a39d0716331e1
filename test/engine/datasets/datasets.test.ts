import assert from "node:assert/strict";
import { copyFileSync, cpSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { datasets } from "tensorbook";

const { datasetPath, datasetsRoot, listDatasetFiles, resetDatasetsRoot, resetVerified, DatasetError } =
  datasets;

describe("shipped datasets", () => {
  it("lists every shipped file with its size and checksum, and nothing missing", () => {
    const files = listDatasetFiles();
    assert.ok(files.length >= 45, `expected the 45 shipped files, manifest has ${files.length}`);
    const paths = files.map((f) => f.path);
    for (const must of [
      "housing/housing.csv",
      "lifesat/oecd_bli_2015.csv",
      "lifesat/gdp_per_capita.csv",
      "mnist/train-images-idx3-ubyte.gz",
      "mnist/t10k-labels-idx1-ubyte.gz",
      "sklearn_iris/iris.csv",
      "imdb/aclImdb_train_test.tar.gz",
      "tinyshakespeare/input.txt",
      "LICENSE.handson-ml2",
      "fashion_mnist/LICENSE",
    ]) {
      assert.ok(paths.includes(must), `manifest lacks ${must}`);
    }
  });

  it("verifies every file against its sha256", () => {
    resetVerified();
    for (const f of listDatasetFiles()) {
      const abs = datasetPath(f.path);
      assert.equal(abs, join(datasetsRoot(), f.path));
    }
  });

  it("finds the datasets folder whatever the working directory", () => {
    const before = process.cwd();
    const elsewhere = mkdtempSync(join(tmpdir(), "tb-cwd-"));
    try {
      process.chdir(elsewhere);
      resetDatasetsRoot();
      assert.match(datasetPath("sklearn_iris/iris.csv"), /datasets[\\/]sklearn_iris[\\/]iris\.csv$/);
    } finally {
      process.chdir(before);
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("accepts a datasets/ prefix and rejects unknown files, naming what is there", () => {
    assert.equal(datasetPath("datasets/sklearn_iris/iris.csv"), datasetPath("sklearn_iris/iris.csv"));
    assert.throws(() => datasetPath("sklearn_iris/iris.xlsx"), (e: Error) => {
      assert.ok(e instanceof DatasetError);
      assert.match(e.message, /"sklearn_iris\/iris\.xlsx" is not a shipped dataset file/);
      assert.match(e.message, /sklearn_iris\/iris\.csv/);
      return true;
    });
  });

  describe("with a damaged copy", () => {
    const copy = mkdtempSync(join(tmpdir(), "tb-datasets-"));
    const saved = process.env.TENSORBOOK_DATASETS;
    const original = datasetsRoot();
    after(() => {
      if (saved === undefined) delete process.env.TENSORBOOK_DATASETS;
      else process.env.TENSORBOOK_DATASETS = saved;
      resetDatasetsRoot();
      resetVerified();
      rmSync(copy, { recursive: true, force: true });
    });

    function useCopy(): void {
      copyFileSync(join(original, "manifest.json"), join(copy, "manifest.json"));
      cpSync(join(original, "sklearn_iris"), join(copy, "sklearn_iris"), { recursive: true });
      process.env.TENSORBOOK_DATASETS = copy;
      resetDatasetsRoot();
      resetVerified();
    }

    it("names a missing file", () => {
      useCopy();
      assert.throws(() => datasetPath("housing/housing.csv"), /datasets\/housing\/housing\.csv .* is missing/);
    });

    it("names a truncated file", () => {
      useCopy();
      truncateSync(join(copy, "sklearn_iris", "iris.csv"), 100);
      assert.throws(() => datasetPath("sklearn_iris/iris.csv"), /iris\.csv .* is corrupt: 100 bytes, expected 2734/);
    });

    it("names a file whose bytes changed but not its size", () => {
      useCopy();
      const p = join(copy, "sklearn_iris", "iris.rst");
      writeFileSync(p, "x".repeat(2782));
      assert.throws(() => datasetPath("sklearn_iris/iris.rst"), /iris\.rst .* is corrupt: sha256 [0-9a-f]{64}, expected 45865560/);
    });

    it("rejects a TENSORBOOK_DATASETS without a manifest", () => {
      process.env.TENSORBOOK_DATASETS = join(copy, "sklearn_iris");
      resetDatasetsRoot();
      assert.throws(() => datasetsRoot(), /has no manifest\.json/);
    });
  });
});
