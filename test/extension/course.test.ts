import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  copyPathFor,
  describeNotebook,
  originalPathFor,
  shorten,
} from "../../extension/src/course/catalog.js";

describe("course catalogue", () => {
  it("prefers the notebook's tensorbook metadata", () => {
    const nb = {
      metadata: { tensorbook: { title: "The ML landscape", description: "What ML is." } },
      cells: [],
    };
    assert.deepEqual(describeNotebook("notebooks/01_landscape.ipynb", nb), {
      path: "notebooks/01_landscape.ipynb",
      title: "The ML landscape",
      description: "What ML is.",
    });
  });

  it("falls back to the first heading and paragraph, then to the file name", () => {
    const nb = {
      metadata: {},
      cells: [
        { cell_type: "code", source: "# not markdown" },
        {
          cell_type: "markdown",
          source: ["# Chapter 2 – **End-to-end** project\n", "\n", "Predict [housing](x.html) prices."],
        },
      ],
    };
    const e = describeNotebook("notebooks/02_end_to_end.ipynb", nb);
    assert.equal(e.title, "Chapter 2 – End-to-end project");
    assert.equal(e.description, "Predict housing prices.");
    assert.equal(describeNotebook("notebooks/03_classification.ipynb", null).title, "03 · classification");
  });

  it("maps originals to learners' copies and back", () => {
    assert.equal(copyPathFor("notebooks/04_training.ipynb"), "my-notebooks/04_training.ipynb");
    assert.equal(originalPathFor("my-notebooks/04_training.ipynb"), "notebooks/04_training.ipynb");
    assert.equal(originalPathFor("notebooks/04_training.ipynb"), null);
  });

  it("shortens long descriptions at a word boundary", () => {
    const s = shorten("word ".repeat(100), 40);
    assert.ok(s.length <= 41 && s.endsWith("…"));
  });
});
