// The solver kernels (native/src/linalg/qr.cc, native/src/sk/sgd.cc) against the TypeScript
// paths they replace, in every kernel variant: the Householder QR agrees to rounding (and Q·R
// rebuilds A); the SGD epoch loop gives the same bits wherever no exp/pow is involved.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { geqrf, orgqr, setGeqrfAccelerator } from "../../engine/src/linalg/qr.js";
import { setSgdEpochKernel } from "../../engine/src/sk/linearModel/sgd/epoch-kernel.js";
import { centerCopy, scanColumns } from "../../engine/src/sk/linearModel/center.js";
import { setPrepKernels } from "../../engine/src/sk/linearModel/prep-kernel.js";
import { sk, Tensor } from "tensorbook";
import { nativeState } from "../../engine/src/backends/native/index.js";
import { addon, assertClose, forEachIsa, needsAddon, rng } from "./helpers.js";

// The engine routes through the addon only when it uses it (not with TENSORBOOK_NATIVE=0).
const engineUsesAddon: { skip?: string } = nativeState().inUse
  ? needsAddon
  : { skip: `the engine does not use the native addon: ${nativeState().reason}` };

// The TypeScript geqrf (the addon's hook taken out for the call).
function tsGeqrf(m: number, n: number, A: Float64Array): { a: Float64Array; tau: Float64Array } {
  const a = A.slice();
  const tau = new Float64Array(Math.min(m, n));
  const hook = setGeqrfAccelerator(undefined);
  try {
    geqrf(m, n, a, n, tau);
  } finally {
    setGeqrfAccelerator(hook);
  }
  return { a, tau };
}

function nativeGeqrf(
  m: number,
  n: number,
  A: Float64Array,
  nb: number,
): { a: Float64Array; tau: Float64Array } {
  const a = A.slice();
  const tau = new Float64Array(Math.min(m, n));
  assert.equal(addon().geqrf?.(a, 0, m, n, n, tau, 0, nb), true);
  return { a, tau };
}

function randomMatrix(m: number, n: number, seed: number, scale = 1, sparsity = 0.3): Float64Array {
  const next = rng(seed);
  const a = new Float64Array(m * n);
  for (let i = 0; i < a.length; i++) a[i] = next() < sparsity ? 0 : (next() * 2 - 1) * scale;
  return a;
}

// max |Q·R − A| for the factorization in a (geqrf layout).
function reconstructionError(
  m: number,
  n: number,
  A: Float64Array,
  a: Float64Array,
  tau: Float64Array,
): number {
  const k = Math.min(m, n);
  const Q = orgqr(m, k, k, a, 0, n, tau);
  let err = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p <= Math.min(j, k - 1); p++) s += Q[i * k + p] * a[p * n + j];
      err = Math.max(err, Math.abs(s - A[i * n + j]));
    }
  }
  return err;
}

const SHAPES: [number, number][] = [
  [1, 1],
  [5, 3],
  [3, 5],
  [8, 8],
  [40, 17],
  [77, 77],
  [130, 24],
  [300, 64],
  [513, 130],
  [2000, 9],
  [1000, 100],
];

describe("native geqrf", needsAddon, () => {
  it("agrees with the TypeScript QR and rebuilds A on tall, wide, square and odd shapes", () => {
    forEachIsa((isa) => {
      for (const [m, n] of SHAPES) {
        const A = randomMatrix(m, n, m * 31 + n);
        const want = tsGeqrf(m, n, A);
        for (const nb of [8, 13, 32, 48]) {
          const got = nativeGeqrf(m, n, A, nb);
          const what = `${isa} ${m}x${n} nb=${nb}`;
          assertClose(got.tau, want.tau, 1e-10, 1e-12, `${what} tau`);
          assertClose(got.a, want.a, 1e-10, 1e-12, `${what} R and reflectors`);
          const err = reconstructionError(m, n, A, got.a, got.tau);
          assert.ok(err < 1e-12 * Math.max(m, n), `${what}: |QR - A| = ${err}`);
        }
      }
    });
  });

  it("takes zero columns, huge and tiny magnitudes and NaN like the TypeScript QR", () => {
    forEachIsa((isa) => {
      const m = 200;
      const n = 24;
      for (const scale of [1e-200, 1e-150, 1e150, 1e200]) {
        const A = randomMatrix(m, n, 7, scale);
        const want = tsGeqrf(m, n, A);
        const got = nativeGeqrf(m, n, A, 16);
        assertClose(got.tau, want.tau, 1e-10, 0, `${isa} scale ${scale} tau`);
        assertClose(got.a, want.a, 1e-10, 1e-12 * scale, `${isa} scale ${scale}`);
      }
      const Z = randomMatrix(m, n, 8);
      for (let i = 0; i < m; i++) Z[i * n + 3] = Z[i * n + 11] = 0;
      const wantZ = tsGeqrf(m, n, Z);
      const gotZ = nativeGeqrf(m, n, Z, 16);
      assert.equal(gotZ.tau[3], 0, "a zero column has τ = 0");
      assertClose(gotZ.a, wantZ.a, 1e-10, 1e-12, `${isa} zero columns`);
      const N = randomMatrix(m, n, 9);
      N[50 * n + 2] = NaN;
      const gotN = nativeGeqrf(m, n, N, 16);
      assert.ok(
        Number.isNaN(gotN.tau[2]) && Number.isNaN(gotN.a[(n - 1) * n + n - 1]),
        `${isa}: NaN spreads`,
      );
    });
  });

  it("is what geqrf (and so qr and lstsq) runs while the addon is in use", engineUsesAddon, () => {
    const m = 90;
    const n = 20;
    const A = randomMatrix(m, n, 10);
    const viaHook = A.slice();
    const tau = new Float64Array(n);
    geqrf(m, n, viaHook, n, tau);
    const direct = nativeGeqrf(m, n, A, 48);
    assert.deepEqual(viaHook, direct.a);
  });

  it("rejects views outside the arrays", () => {
    const b = addon();
    const a = new Float64Array(12);
    const tau = new Float64Array(3);
    assert.throws(() => b.geqrf?.(a, 0, 4, 4, 4, tau, 0, 8), RangeError);
    assert.throws(() => b.geqrf?.(a, 0, 4, 3, 2, tau, 0, 8), RangeError);
    assert.throws(() => b.geqrf?.(a, 0, 4, 3, 3, new Float64Array(2), 0, 8), RangeError);
    assert.throws(() => b.geqrf?.(a, 0, 4, 3, 3, tau, 0, 0), RangeError);
    assert.throws(() => b.geqrf?.(new Float32Array(12) as never, 0, 4, 3, 3, tau, 0, 8), TypeError);
  });
});

// Fits `make()` with the native epoch loop and with the TypeScript one.
function fitBoth(make: () => { coef_?: Tensor; intercept_?: unknown; nIter_?: number }): {
  native: { coef: Float64Array; intercept: number; nIter: number };
  ts: { coef: Float64Array; intercept: number; nIter: number };
} {
  const read = (m: { coef_?: Tensor; intercept_?: unknown; nIter_?: number }) => {
    const b = m.intercept_;
    return {
      coef: Float64Array.from((m.coef_ as Tensor).dataSync()),
      intercept: b instanceof Tensor ? Number(b.dataSync()[0]) : Number(b),
      nIter: m.nIter_ ?? -1,
    };
  };
  const native = read(make());
  const hook = setSgdEpochKernel(undefined);
  try {
    return { native, ts: read(make()) };
  } finally {
    setSgdEpochKernel(hook);
  }
}

const n = 400;
const d = 37; // 32 terms in lanes, 5 in the tail of the dot product
const next = rng(42);
const Xd = new Float64Array(n * d).map(() => next() * 2 - 1);
const yReg = new Float64Array(n).map(
  (_, i) => Xd[i * d] + 0.5 * Xd[i * d + 1] - 0.3 * Xd[i * d + 20] + 0.1 * next(),
);
const X = Tensor.fromTypedArray(Xd, [n, d], "float64");
const yr = Tensor.fromTypedArray(yReg, [n], "float64");
const yc = Tensor.fromTypedArray(
  Int32Array.from(yReg, (v, i) => (v > 0 ? 1 : 0) + (i % 7 === 0 ? 1 : 0)),
  [n],
  "int32",
);
const sw = Float64Array.from({ length: n }, (_, i) => 0.5 + (i % 3));

// Settings whose arithmetic is plain + − × ÷ (the same bits in C++ and JavaScript).
const EXACT: [string, () => { coef_?: Tensor; intercept_?: unknown; nIter_?: number }][] = [
  ["hinge l2 optimal (3 classes)", () => new sk.SGDClassifier({ randomState: 1 }).fit(X, yc)],
  ["perceptron", () => new sk.Perceptron({ randomState: 0 }).fit(X, yc)],
  [
    "squared_hinge l1 constant",
    () =>
      new sk.SGDClassifier({
        loss: "squared_hinge",
        penalty: "l1",
        learningRate: "constant",
        eta0: 0.01,
        randomState: 2,
      }).fit(X, yc),
  ],
  [
    "modified_huber elasticnet averaged, sample weights",
    () =>
      new sk.SGDClassifier({ loss: "modified_huber", penalty: "elasticnet", average: 5, randomState: 3 }).fit(
        X,
        yc,
        { sampleWeight: sw },
      ),
  ],
  [
    "hinge balanced classes, no intercept",
    () => new sk.SGDClassifier({ classWeight: "balanced", fitIntercept: false, randomState: 4 }).fit(X, yc),
  ],
  [
    "huber adaptive with early stopping",
    () =>
      new sk.SGDRegressor({
        loss: "huber",
        learningRate: "adaptive",
        earlyStopping: true,
        randomState: 5,
      }).fit(X, yr),
  ],
  [
    "epsilon_insensitive optimal l1",
    () =>
      new sk.SGDRegressor({
        loss: "epsilon_insensitive",
        learningRate: "optimal",
        penalty: "l1",
        randomState: 6,
      }).fit(X, yr),
  ],
  [
    "squared_epsilon_insensitive constant",
    () =>
      new sk.SGDRegressor({
        loss: "squared_epsilon_insensitive",
        learningRate: "constant",
        eta0: 0.001,
        randomState: 7,
      }).fit(X, yr),
  ],
  [
    "squared_error adaptive averaged",
    () => new sk.SGDRegressor({ learningRate: "adaptive", average: true, randomState: 8 }).fit(X, yr),
  ],
];

// Settings that call exp (log loss) or pow (invscaling), which the C library and V8 round
// differently in the last bit.
const CLOSE: [string, () => { coef_?: Tensor; intercept_?: unknown; nIter_?: number }][] = [
  ["log_loss l2 optimal", () => new sk.SGDClassifier({ loss: "log_loss", randomState: 9 }).fit(X, yc)],
  ["squared_error invscaling", () => new sk.SGDRegressor({ randomState: 10 }).fit(X, yr)],
  [
    "epsilon_insensitive invscaling l1",
    () =>
      new sk.SGDRegressor({
        loss: "epsilon_insensitive",
        penalty: "l1",
        learningRate: "invscaling",
        randomState: 11,
      }).fit(X, yr),
  ],
];

describe("native SGD epoch", engineUsesAddon, () => {
  it("gives the TypeScript loop's bits for every loss, penalty and schedule without exp or pow", () => {
    forEachIsa((isa) => {
      for (const [name, make] of EXACT) {
        const { native, ts } = fitBoth(make);
        assert.equal(native.nIter, ts.nIter, `${isa} ${name}: epochs`);
        assert.deepEqual(native.coef, ts.coef, `${isa} ${name}: coef_`);
        assert.equal(native.intercept, ts.intercept, `${isa} ${name}: intercept_`);
      }
    });
  });

  it("agrees to 1e-9 where the loss or schedule calls exp or pow", () => {
    forEachIsa((isa) => {
      for (const [name, make] of CLOSE) {
        const { native, ts } = fitBoth(make);
        assert.equal(native.nIter, ts.nIter, `${isa} ${name}: epochs`);
        const scale = Math.max(...ts.coef.map(Math.abs));
        assertClose(native.coef, ts.coef, 1e-9, 1e-9 * scale, `${isa} ${name}: coef_`);
        assertClose([native.intercept], [ts.intercept], 1e-9, 1e-9 * scale, `${isa} ${name}: intercept_`);
      }
    });
  });

  it("rejects inconsistent arrays", () => {
    const b = addon();
    const x = new Float64Array(12);
    const y = new Float64Array(4);
    const params = new Float64Array(15);
    const state = Float64Array.of(1, 0, 1, 0.1, 0, 0, 1, 0);
    const ok = [
      x,
      3,
      Int32Array.of(0, 1, 2, 3),
      y,
      new Float64Array(4),
      new Uint8Array(4),
      new Float64Array(3),
      null,
      null,
      params,
      state,
    ] as const;
    assert.equal(typeof b.sgdEpoch?.(...ok), "number");
    const bad = (i: number, v: unknown): unknown[] => ok.map((a, j) => (j === i ? v : a));
    const call = (args: unknown[]) => () => (b.sgdEpoch as (...a: unknown[]) => number)(...args);
    assert.throws(call(bad(2, Int32Array.of(0, 4))), RangeError); // a row outside y
    assert.throws(call(bad(0, new Float64Array(11))), RangeError); // x too short
    assert.throws(call(bad(6, new Float64Array(2))), RangeError); // w too short
    assert.throws(call(bad(10, new Float64Array(7))), RangeError); // state too short
    assert.throws(call(bad(9, Float64Array.of(99, ...params.subarray(1)))), RangeError); // unknown loss
    assert.throws(call(bad(9, Float64Array.of(0, 0, 1, ...params.subarray(3)))), TypeError); // l1 needs q
  });
});

// scanColumns + centerCopy with the native passes and with the TypeScript ones.
function centreBoth(t: Tensor, w: Float64Array | null): { native: unknown; ts: unknown } {
  const run = () => {
    const Y = { data: Float64Array.from({ length: t.shape[0] }, (_, i) => i % 5), rows: t.shape[0], cols: 1 };
    const sums = scanColumns(t, { estimator: "Ridge" });
    const { M, off } = centerCopy(t, sums, Y, true, w);
    return { x: M.data, xOffset: off.xOffset, y: Y.data, yOffset: off.yOffset };
  };
  const native = run();
  const hook = setPrepKernels(undefined);
  try {
    return { native, ts: run() };
  } finally {
    setPrepKernels(hook);
  }
}

describe("native centring passes", engineUsesAddon, () => {
  it("centre X as the TypeScript loops do, to the bit, with and without sample weights", () => {
    forEachIsa((isa) => {
      const r = rng(5);
      const rows = 301;
      const cols = 45;
      const t = Tensor.fromTypedArray(
        new Float64Array(rows * cols).map(() => r() * 1e3 - 10),
        [rows, cols],
        "float64",
      );
      for (const w of [null, Float64Array.from({ length: rows }, () => r() * 3)]) {
        const { native, ts } = centreBoth(t, w);
        assert.deepEqual(native, ts, `${isa} weights ${w ? "given" : "none"}`);
      }
    });
  });

  it("refuse NaN and infinity with scikit-learn's message, naming the first one", () => {
    const rows = 40;
    const cols = 9;
    for (const bad of [NaN, Infinity, -Infinity]) {
      const data = new Float64Array(rows * cols).fill(0.5);
      data[17 * cols + 4] = bad;
      data[30 * cols + 1] = bad;
      const t = Tensor.fromTypedArray(data, [rows, cols], "float64");
      const want =
        bad === bad ? /contains infinity \(feature 4, row 17\)/ : /contains NaN \(feature 4, row 17\)/;
      assert.throws(() => scanColumns(t, { estimator: "Ridge" }), want);
      const hook = setPrepKernels(undefined);
      try {
        assert.throws(() => scanColumns(t, { estimator: "Ridge" }), want);
      } finally {
        setPrepKernels(hook);
      }
      assert.throws(() => new sk.Ridge().fit(t, new Float64Array(rows)), want);
      assert.throws(() => new sk.LinearRegression().fit(t, new Float64Array(rows)), want);
    }
  });
});
