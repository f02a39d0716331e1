// The native tree builder (native/src/sk/tree.cc, behind sk/tree/grow-kernel.ts) against the
// TypeScript builder it replaces: the same trees to the bit (node arrays compared with
// Object.is) over every criterion, both splitters, depth- and best-first growth, stopping rules,
// sample weights that do and do not keep the sums exact, and data full of ties; then the
// binding's refusal of bad arguments. scikit-learn parity of both builders is checked by
// test/engine/sk/tree and test/engine/sk/ensemble.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { nativeState, nativeTreeGrow } from "../../engine/src/backends/native/index.js";
import type { TreeArrays } from "../../engine/src/sk/tree/builder.js";
import { TREE_DEFAULTS } from "../../engine/src/sk/tree/decision-tree.js";
import type { TreeHyper } from "../../engine/src/sk/tree/fit-input.js";
import { growTrees, type GrowData } from "../../engine/src/sk/tree/grow.js";
import { setTreeGrowKernel } from "../../engine/src/sk/tree/grow-kernel.js";
import { addon, needsAddon, rng } from "./helpers.js";

const engineUsesAddon: { skip?: string } = nativeState().inUse
  ? needsAddon
  : { skip: `the engine does not use the native addon: ${nativeState().reason}` };

// The estimators' defaults (randomState is not a hyperparameter of the builder).
const HYPER: TreeHyper = { ...TREE_DEFAULTS, criterion: "squared_error" };

/** rows × cols float32 values with few distinct levels per column (many ties). */
function data(rows: number, cols: number, seed: number): Float32Array {
  const next = rng(seed);
  const X = new Float32Array(rows * cols);
  for (let i = 0; i < X.length; i++) {
    const f = i % cols;
    const levels = f % 3 === 0 ? 2 : f % 3 === 1 ? 7 : 1000;
    X[i] = Math.floor(next() * levels) / (f === 2 ? 3 : 1) - (f === 4 ? 2.5 : 0);
  }
  return X;
}

function regression(rows: number, cols: number, nOutputs: number, seed: number, integer: boolean): GrowData {
  const X = data(rows, cols, seed);
  const next = rng(seed + 1);
  const y = new Float64Array(rows * nOutputs);
  for (let i = 0; i < rows; i++)
    for (let k = 0; k < nOutputs; k++) {
      const v = X[i * cols] * 3 + X[i * cols + 1] - X[i * cols + 2] * 0.5 + k + next() * 4;
      y[i * nOutputs + k] = integer ? Math.round(v * 1000) : v;
    }
  return { X, rows, cols, nOutputs, y };
}

function classification(rows: number, cols: number, nClasses: number[], seed: number): GrowData {
  const X = data(rows, cols, seed);
  const next = rng(seed + 2);
  const nOutputs = nClasses.length;
  const codes = new Int32Array(rows * nOutputs);
  for (let i = 0; i < rows; i++)
    for (let k = 0; k < nOutputs; k++) {
      const s = X[i * cols] + X[i * cols + 1] + next() * 3;
      codes[i * nOutputs + k] = Math.min(nClasses[k] - 1, Math.max(0, Math.floor(s)) % nClasses[k]);
    }
  return { X, rows, cols, nOutputs, codes, nClasses: Int32Array.from(nClasses) };
}

/** Bootstrap-like integer counts, or fractional weights with some zeros. */
function weights(rows: number, seed: number, integer: boolean): Float64Array {
  const next = rng(seed + 3);
  const w = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const u = next();
    w[i] = integer ? Math.floor(u * 3) : u < 0.1 ? 0 : 0.25 + u * 1.5;
  }
  return w;
}

function grow(
  d: GrowData,
  h: Partial<TreeHyper>,
  sws: (Float64Array | null)[],
  native: boolean,
): TreeArrays[] {
  const previous = setTreeGrowKernel(native ? nativeTreeGrow : undefined);
  try {
    const seeds = sws.map((_, t) => 1234567 + 7919 * t);
    return growTrees(d, { ...HYPER, ...h }, "test", sws, seeds).map((g) => g.arrays);
  } finally {
    setTreeGrowKernel(previous);
  }
}

function assertSameBits(a: TreeArrays, b: TreeArrays, what: string): void {
  assert.equal(a.nodeCount, b.nodeCount, `${what}: node count`);
  assert.equal(a.maxDepth, b.maxDepth, `${what}: depth`);
  assert.equal(a.valueStride, b.valueStride, `${what}: value stride`);
  for (const key of [
    "left",
    "right",
    "feature",
    "threshold",
    "impurity",
    "nNodeSamples",
    "weighted",
    "value",
  ] as const) {
    const x = a[key];
    const y = b[key];
    assert.equal(x.length, y.length, `${what}: ${key} length`);
    for (let i = 0; i < x.length; i++)
      if (!Object.is(x[i], y[i]))
        assert.fail(`${what}: ${key}[${i}] is ${x[i]} natively, ${y[i]} in TypeScript`);
  }
}

interface Case {
  name: string;
  data: GrowData;
  hyper: Partial<TreeHyper>;
  sws: (Float64Array | null)[];
}

const R = 600;
const CASES: Case[] = [
  {
    name: "squared_error, integer targets, bootstrap counts (exact sums: radix sort)",
    data: regression(R, 6, 1, 1, true),
    hyper: {},
    sws: [weights(R, 1, true), weights(R, 2, true), null],
  },
  {
    name: "squared_error, real targets (introsort), maxFeatures 3",
    data: regression(R, 6, 1, 2, false),
    hyper: { maxFeatures: 3 },
    sws: [null, weights(R, 3, true)],
  },
  {
    name: "squared_error, fractional weights, minWeightFractionLeaf, minImpurityDecrease",
    data: regression(R, 6, 1, 3, false),
    hyper: { minWeightFractionLeaf: 0.01, minImpurityDecrease: 0.001, minSamplesLeaf: 3 },
    sws: [weights(R, 4, false)],
  },
  {
    name: "friedman_mse, two outputs, best-first (maxLeafNodes 20), maxDepth 6",
    data: regression(R, 5, 2, 4, false),
    hyper: { criterion: "friedman_mse", maxLeafNodes: 20, maxDepth: 6 },
    sws: [null, weights(R, 5, false)],
  },
  {
    name: "squared_error, random splitter (extra trees), integer and real targets",
    data: regression(R, 6, 1, 5, true),
    hyper: { splitter: "random", maxFeatures: 2 },
    sws: [null, weights(R, 6, true), weights(R, 7, false)],
  },
  {
    name: "gini, 3 classes, bootstrap counts, maxFeatures sqrt",
    data: classification(R, 6, [3], 6),
    hyper: { criterion: "gini", maxFeatures: "sqrt" },
    sws: [null, weights(R, 8, true)],
  },
  {
    name: "gini, two outputs, fractional weights, minSamplesSplit 0.05",
    data: classification(R, 5, [2, 4], 7),
    hyper: { criterion: "gini", minSamplesSplit: 0.05 },
    sws: [weights(R, 9, false)],
  },
  {
    name: "entropy (log_loss), 4 classes, best-first, random splitter",
    data: classification(R, 6, [4], 8),
    hyper: { criterion: "log_loss", maxLeafNodes: 15 },
    sws: [null, weights(R, 10, false)],
  },
  {
    name: "entropy, random splitter, minSamplesLeaf 5",
    data: classification(R, 6, [5], 9),
    hyper: { criterion: "entropy", splitter: "random", minSamplesLeaf: 5 },
    sws: [weights(R, 11, true)],
  },
];

describe("the native tree builder grows the TypeScript builder's trees", () => {
  for (const c of CASES) {
    it(c.name, engineUsesAddon, () => {
      const natives = grow(c.data, c.hyper, c.sws, true);
      const scripts = grow(c.data, c.hyper, c.sws, false);
      assert.equal(natives.length, c.sws.length);
      natives.forEach((t, k) => {
        assert.ok(t.nodeCount > 3, "a tree worth comparing");
        assertSameBits(t, scripts[k], `tree ${k}`);
      });
    });
  }

  it("a large node (16 000 samples, radix-sorted keys) too", engineUsesAddon, () => {
    const n = 16000;
    const d = regression(n, 4, 1, 21, true);
    const natives = grow(d, { maxDepth: 8 }, [weights(n, 22, true)], true);
    const scripts = grow(d, { maxDepth: 8 }, [weights(n, 22, true)], false);
    assertSameBits(natives[0], scripts[0], "tree");
  });
});

describe("treeGrow refuses bad arguments", () => {
  const X = new Float32Array([0, 1, 2, 3, 4, 5]);
  const params = new Float64Array([1, -1, 2, 1, 0, 0, -1, 1, 0]);
  it("sizes, class codes, weights and parameters", needsAddon, () => {
    const grow = addon().treeGrow;
    assert.ok(grow, "the binary has treeGrow");
    const y = new Float64Array([1, 2, 3]);
    assert.throws(() => grow(X, 4, 2, 2, 1, y, null, [null], params), /rows·cols/);
    assert.throws(() => grow(X, 3, 2, 7, 1, y, null, [null], params), /criterion/);
    assert.throws(() => grow(X, 3, 2, 2, 1, new Float64Array(2), null, [null], params), /targets/);
    assert.throws(
      () => grow(X, 3, 2, 0, 1, new Int32Array([0, 1, 2]), new Int32Array([2]), [null], params),
      /class code is out of range/,
    );
    assert.throws(() => grow(X, 3, 2, 2, 1, y, null, [new Float64Array(3)], params), /weight 0/);
    assert.throws(() => grow(X, 3, 2, 2, 1, y, null, [new Float64Array([1, -1, 1])], params), /non-negative/);
    assert.throws(() => grow(X, 3, 2, 2, 1, y, null, [null, null], params), /9 numbers per tree/);
    const wide = params.slice();
    wide[7] = 3;
    assert.throws(() => grow(X, 3, 2, 2, 1, y, null, [null], wide), /maxFeatures/);
    const [t] = grow(X, 3, 2, 2, 1, y, null, [null], params);
    assert.equal(t.nodeCount, 5);
    assert.deepEqual(Array.from(t.value), [2, 1, 2.5, 2, 3]);
  });
});
