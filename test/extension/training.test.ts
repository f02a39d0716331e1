import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { chartGeometry } from "../../extension/src/training/chart.js";
import {
  curveGroups,
  formatMetric,
  fractionDone,
  parseProgress,
  statusText,
} from "../../extension/src/training/state.js";

const progress = {
  epochs: 10,
  epoch: 3,
  step: 50,
  steps: 100,
  metrics: { loss: 0.5 },
  history: {
    loss: [1, 0.7],
    val_loss: [1.1, null],
    accuracy: [0.5, 0.6],
    val_accuracy: [0.4, 0.55],
    val_only: [3, 2],
  },
  done: false,
  stopped: false,
};

describe("training progress", () => {
  it("parses the engine's JSON, keeping null (NaN in JSON) epochs as NaN", () => {
    const p = parseProgress(progress);
    assert.ok(p);
    assert.equal(p.epoch, 3);
    assert.ok(Number.isNaN(p.history.val_loss[1]));
    assert.equal(parseProgress({ epoch: 1 }), null);
    assert.equal(parseProgress("x"), null);
    assert.equal(parseProgress({ epochs: 2, epoch: 1 })?.steps, null);
  });

  it("computes the fraction done from finished epochs and steps", () => {
    const p = parseProgress(progress)!;
    assert.equal(fractionDone(p), 0.25);
    assert.equal(fractionDone({ ...p, done: true }), 1);
    assert.equal(fractionDone({ ...p, steps: null }), 0.2);
    assert.equal(fractionDone({ ...p, done: true, stopped: true }), 0.25);
  });

  it("groups loss first, each metric with its validation series", () => {
    const groups = curveGroups(parseProgress(progress)!.history);
    assert.deepEqual(
      groups.map((g) => [g.name, g.validation !== null]),
      [
        ["loss", true],
        ["accuracy", true],
        ["val_only", false],
      ],
    );
  });

  it("writes the status line and Keras-style values", () => {
    const p = parseProgress(progress)!;
    assert.equal(statusText(p), "Epoch 3/10 · step 50/100");
    assert.equal(statusText({ ...p, done: true, stopped: true }), "Epoch 3/10 · stopped early");
    assert.equal(formatMetric(0.123456), "0.1235");
    assert.equal(formatMetric(0.0000123), "1.230e-5");
  });
});

describe("training chart geometry", () => {
  const size = { width: 300, height: 160, padLeft: 44, pad: 8 };

  it("places epochs across the full x range and values within the plot", () => {
    const g = chartGeometry([[1, 0.5, 0.25]], 5, size);
    const pts = g.points[0];
    assert.equal(pts.length, 3);
    assert.equal(pts[0][0], g.plot.x0);
    assert.ok(pts[2][0] < g.plot.x1, "later epochs leave room to grow");
    assert.equal(pts[0][1], g.plot.y0); // the maximum sits at the top
    assert.equal(pts[2][1], g.plot.y1); // the minimum at the bottom
    assert.match(g.paths[0], /^M[\d.]+,[\d.]+L[\d.]+,[\d.]+L/);
  });

  it("breaks a curve at a missing epoch and survives constant or empty series", () => {
    const g = chartGeometry([[1, Number.NaN, 2]], 3, size);
    assert.equal((g.paths[0].match(/M/g) ?? []).length, 2);
    const flat = chartGeometry([[0.5, 0.5]], 2, size);
    assert.ok(flat.points[0].every(([, y]) => Number.isFinite(y)));
    assert.equal(chartGeometry([[]], 3, size).paths[0], "");
  });

  it("gives nice y ticks inside the value range", () => {
    const g = chartGeometry([[0.2, 1.3]], 2, size);
    assert.ok(g.yTicks.length >= 3);
    assert.ok(g.yTicks.every((t) => t.y >= g.plot.y0 - 1e-6 && t.y <= g.plot.y1 + 1e-6));
    assert.deepEqual(
      g.yTicks.map((t) => t.label),
      ["0.2", "0.4", "0.6", "0.8", "1.0", "1.2"],
    );
  });
});
