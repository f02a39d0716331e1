// GradientTape behaviour, with the autodiff values the book prints (HOML chapter 12 and DLwP
// chapter 3 acceptance numbers in the spec).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { np, tf, type Tensor } from "tensorbook";

const arr = (t: Tensor | null): unknown => (t === null ? null : t.toArray());
const close = (a: number, b: number, tol = 1e-5): void => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

// f(w1, w2) = 3 w1² + 2 w1 w2, as the book writes it.
const f = (w1: Tensor, w2: Tensor): Tensor =>
  tf.add(tf.multiply(3, tf.square(w1)), tf.multiply(tf.multiply(2, w1), w2));

describe("HOML chapter 12: autodiff", () => {
  it("gradients of f at (5, 3) are [36, 10]", () => {
    const w1 = new tf.Variable(5);
    const w2 = new tf.Variable(3);
    const tape = new tf.GradientTape();
    const z = tape.record(() => f(w1, w2));
    assert.equal(z.dtype, "float32");
    assert.deepEqual(tape.gradient(z, [w1, w2]).map(arr), [36, 10]);
  });

  it("a second gradient call on a non-persistent tape raises RuntimeError", () => {
    const w1 = new tf.Variable(5);
    const w2 = new tf.Variable(3);
    const tape = new tf.GradientTape();
    const z = tape.record(() => f(w1, w2));
    tape.gradient(z, w1);
    assert.throws(() => tape.gradient(z, w2), {
      name: "RuntimeError",
      message: /non-persistent GradientTape/,
    });
  });

  it("a persistent tape answers several calls", () => {
    const w1 = new tf.Variable(5);
    const w2 = new tf.Variable(3);
    const tape = new tf.GradientTape({ persistent: true });
    const z = tape.record(() => f(w1, w2));
    assert.equal(arr(tape.gradient(z, w1)), 36);
    assert.equal(arr(tape.gradient(z, w2)), 10);
  });

  it("constants are not watched unless asked: [null, null], then [36, 10]", () => {
    const c1 = tf.constant(5);
    const c2 = tf.constant(3);
    let tape = new tf.GradientTape();
    let z = tape.record(() => f(c1, c2));
    assert.deepEqual(tape.gradient(z, [c1, c2]), [null, null]);
    tape = new tf.GradientTape();
    z = tape.record(() => {
      tape.watch([c1, c2]);
      return f(c1, c2);
    });
    assert.deepEqual(tape.gradient(z, [c1, c2]).map(arr), [36, 10]);
  });

  it("several targets are summed: [136, 30]", () => {
    const w1 = new tf.Variable(5);
    const w2 = new tf.Variable(3);
    const tape = new tf.GradientTape();
    const zs = tape.record(() => [f(w1, tf.add(w2, 2)), f(w1, tf.add(w2, 5)), f(w1, tf.add(w2, 7))]);
    assert.deepEqual(tape.gradient(zs, [w1, w2]).map(arr), [136, 30]);
  });

  it("Hessians by nested tapes: [[6, 2], [2, null]]", () => {
    const w1 = new tf.Variable(5);
    const w2 = new tf.Variable(3);
    const hessianTape = new tf.GradientTape({ persistent: true });
    const jacobians = hessianTape.record(() => {
      const jacobianTape = new tf.GradientTape();
      const z = jacobianTape.record(() => f(w1, w2));
      return jacobianTape.gradient(z, [w1, w2]);
    });
    const hessians = jacobians.map((j) => hessianTape.gradient(j!, [w1, w2]).map(arr));
    assert.deepEqual(hessians, [
      [6, 2],
      [2, null],
    ]);
  });

  it("stopGradient blocks the second term: [30, null]", () => {
    const w1 = new tf.Variable(5);
    const w2 = new tf.Variable(3);
    const tape = new tf.GradientTape();
    const z = tape.record(() =>
      tf.add(tf.multiply(3, tf.square(w1)), tf.stopGradient(tf.multiply(tf.multiply(2, w1), w2))),
    );
    assert.deepEqual(tape.gradient(z, [w1, w2]).map(arr), [30, null]);
  });

  it("log(exp(z) + 1) has a NaN gradient at 100 in float32, and tf.where does not help at 1000", () => {
    const mySoftplus = (z: Tensor): Tensor => tf.math.log(tf.add(tf.exp(z), 1));
    const x = new tf.Variable(100);
    let tape = new tf.GradientTape();
    let y = tape.record(() => mySoftplus(x));
    assert.ok(Number.isNaN(arr(tape.gradient(y, x)) as number));

    const whereSoftplus = (z: Tensor): Tensor => tf.where(tf.greater(z, 30), z, mySoftplus(z));
    const big = new tf.Variable(1000);
    tape = new tf.GradientTape();
    y = tape.record(() => whereSoftplus(big));
    assert.equal(arr(y), 1000);
    assert.ok(Number.isNaN(arr(tape.gradient(y, big)) as number));
  });

  it("a custom gradient fixes it: value 1000, gradient 1", () => {
    const betterSoftplus = tf.customGradient((z: Tensor) => {
      const e = tf.exp(z);
      return [
        tf.where(tf.greater(z, 30), z, tf.math.log(tf.add(e, 1))),
        (dy: Tensor) => tf.divide(dy, tf.add(1, tf.divide(1, e))),
      ];
    });
    const x = new tf.Variable(1000);
    const tape = new tf.GradientTape();
    const y = tape.record(() => betterSoftplus(x));
    assert.equal(arr(y), 1000);
    assert.equal(arr(tape.gradient(y, x)), 1);
  });

  it("tf.nn.softplus is exact where the naive formula fails", () => {
    const x = new tf.Variable([-1000, 0, 1000]);
    const tape = new tf.GradientTape();
    const y = tape.record(() => tf.nn.softplus(x));
    assert.deepEqual(arr(y), [0, Math.fround(Math.LN2), 1000]);
    assert.deepEqual(arr(tape.gradient(y, x)), [0, 0.5, 1]);
  });
});

describe("DLwP chapter 3: GradientTape", () => {
  it("d/dx x² at 3 is 6, for a watched constant and for a variable", () => {
    const x = tf.constant(3);
    let tape = new tf.GradientTape();
    let y = tape.record(() => {
      tape.watch(x);
      return tf.square(x);
    });
    assert.equal(arr(tape.gradient(y, x)), 6);
    const v = new tf.Variable(3);
    tape = new tf.GradientTape();
    y = tape.record(() => tf.square(v));
    assert.equal(arr(tape.gradient(y, v)), 6);
  });

  it("acceleration of 4.9 t² is 9.8 (nested tapes)", () => {
    const time = new tf.Variable(0);
    const outer = new tf.GradientTape();
    const speed = outer.record(() => {
      const inner = new tf.GradientTape();
      const position = inner.record(() => tf.multiply(4.9, tf.pow(time, 2)));
      return inner.gradient(position, time)!;
    });
    close(arr(outer.gradient(speed, time)) as number, 9.8);
  });

  it("gradient of a loss with respect to a list of variables", () => {
    const W = new tf.Variable(tf.random.uniform([2, 2]));
    const b = new tf.Variable(tf.zeros([2]));
    const x = tf.random.uniform([2, 2]);
    const tape = new tf.GradientTape();
    const y = tape.record(() => tf.add(tf.matmul(x, W), b));
    const [gW, gb] = tape.gradient(y, [W, b]);
    assert.deepEqual(gW!.shape, [2, 2]);
    assert.deepEqual(arr(gb), [2, 2]);
    // d sum(xW) / dW = xᵀ·1.
    const colSums = x.sum(0).toArray() as number[];
    (gW!.toArray() as number[][]).forEach((row, i) => row.forEach((g) => close(g, colSums[i])));
  });
});

describe("tape mechanics", () => {
  it("unconnected sources give null, or zeros when asked", () => {
    const a = new tf.Variable(1);
    const b = new tf.Variable([1, 2]);
    const tape = new tf.GradientTape({ persistent: true });
    const y = tape.record(() => tf.square(a));
    assert.deepEqual(tape.gradient(y, [a, b]).map(arr), [2, null]);
    assert.deepEqual(arr(tape.gradient(y, [b], { unconnectedGradients: "zero" })[0]), [0, 0]);
  });

  it("outputGradients weight the targets", () => {
    const x = new tf.Variable([1, 2]);
    const tape = new tf.GradientTape();
    const y = tape.record(() => tf.square(x));
    assert.deepEqual(arr(tape.gradient(y, x, { outputGradients: tf.constant([10, 100]) })), [20, 400]);
  });

  it("non-trainable variables and integer tensors carry no gradient", () => {
    const frozen = new tf.Variable(2, { trainable: false });
    const ints = tf.constant([1, 2], { dtype: "int32" });
    const tape = new tf.GradientTape();
    const y = tape.record(() => {
      tape.watch(ints);
      return tf.add(tf.square(frozen), tf.reduceSum(tf.cast(ints, "float32")));
    });
    assert.deepEqual(tape.gradient(y, [frozen, ints]), [null, null]);
  });

  it("float32 sources get float32 gradients through float64 computations", () => {
    const x = new tf.Variable([1, 2]);
    const tape = new tf.GradientTape();
    const y = tape.record(() => tf.reduceMean(tf.cast(x, "float64").mul(3)));
    const g = tape.gradient(y, x)!;
    assert.equal(g.dtype, "float32");
    assert.deepEqual(arr(g), [1.5, 1.5]);
  });

  it("stopRecording and watchAccessedVariables: false", () => {
    const v = new tf.Variable(3);
    const tape = new tf.GradientTape({ watchAccessedVariables: false });
    const y = tape.record(() => tf.square(v));
    assert.equal(tape.gradient(y, v), null);
    const t2 = new tf.GradientTape();
    const z = t2.record(() => t2.stopRecording(() => tf.square(v)));
    assert.equal(t2.gradient(z, v), null);
  });

  it("jacobian and batchJacobian", () => {
    const x = new tf.Variable([1, 2, 3]);
    let tape = new tf.GradientTape();
    let y = tape.record(() => tf.square(x));
    assert.deepEqual(arr(tape.jacobian(y, x)), [
      [2, 0, 0],
      [0, 4, 0],
      [0, 0, 6],
    ]);
    const X = new tf.Variable([
      [1, 2],
      [3, 4],
    ]);
    const W = tf.constant([
      [1, 0, 2],
      [0, 1, 3],
    ]);
    tape = new tf.GradientTape();
    y = tape.record(() => tf.matmul(tf.square(X), W));
    const bj = tape.batchJacobian(y, X)!;
    assert.deepEqual(bj.shape, [2, 3, 2]);
    // d y[b, j] / d X[b, k] = 2 X[b, k] W[k, j].
    assert.deepEqual(arr(bj), [
      [
        [2, 0],
        [0, 4],
        [4, 12],
      ],
      [
        [6, 0],
        [0, 8],
        [12, 24],
      ],
    ]);
  });

  it("a variable assigned after recording keeps its recorded value in the gradient", () => {
    const a = new tf.Variable(2);
    const b = new tf.Variable(5);
    const tape = new tf.GradientTape({ persistent: true });
    const y = tape.record(() => tf.multiply(a, b));
    b.assign(100); // as an optimizer updating one group of layers before the other's gradient
    assert.equal(arr(tape.gradient(y, a)), 5);
    assert.equal(arr(b), 100);
  });

  it("modifying a recorded array in place is an error, not a wrong gradient", () => {
    const x = np.array([1.5, 2, 3]);
    const tape = new tf.GradientTape();
    const y = tape.record(() => {
      tape.watch(x);
      return np.mul(x, x);
    });
    x.set(0, 10);
    assert.throws(() => tape.gradient(y, x), /modified in place after it was recorded/);
  });

  it("an op without a gradient raises LookupError naming it", async () => {
    const { registerKernel, runKernel } = await import("../../../engine/src/core/registry.js");
    registerKernel("testNoGradient", "js", ([t]: readonly Tensor[]) => t.copy());
    const x = new tf.Variable([1, 2]);
    const tape = new tf.GradientTape();
    const y = tape.record(() => runKernel("testNoGradient", [tf.square(x)], {}));
    assert.throws(() => tape.gradient(y, x), { name: "LookupError", message: /testNoGradient/ });
  });

  it("a broadcast view of a broadcast view sums each gradient once", () => {
    const x = new tf.Variable([2]);
    const tape = new tf.GradientTape();
    const y = tape.record(() => {
      const row = tf.tile(x, [3]); // [3]
      return tf.reduceSum(tf.multiply(tf.reshape(x, [1, 1]), tf.add(row, tf.zeros([2, 3]))));
    });
    // y = 6 x²: dy/dx = 12 x = 24.
    assert.deepEqual(arr(tape.gradient(y, x)), [24]);
  });

  it("record refuses an async function", () => {
    const tape = new tf.GradientTape();
    assert.throws(() => tape.record(async () => 1), /synchronous/);
  });
});

describe("jacobians under an outer tape", () => {
  it("the Jacobian of a gradient can be differentiated again (third derivative of x⁴)", () => {
    const x = new tf.Variable([1, 2]);
    const outer = new tf.GradientTape();
    const hess = outer.record(() => {
      const mid = new tf.GradientTape();
      const g = mid.record(() => {
        const inner = new tf.GradientTape();
        const y = inner.record(() => tf.reduceSum(tf.pow(x, 4)));
        return inner.gradient(y, x)!; // 4x³
      });
      return mid.jacobian(g, x)!; // diag(12x²)
    });
    assert.deepEqual(hess.toArray(), [
      [12, 0],
      [0, 48],
    ]);
    assert.deepEqual(outer.gradient(hess, x)!.toArray(), [24, 48]); // d/dx of 12x² summed
  });
});

describe("multi-output ops (decompositions)", () => {
  it("records a decomposition once; outputs nobody uses count as zero", () => {
    const a = new tf.Variable(
      tf.constant(
        [
          [4, 1],
          [1, 3],
        ],
        { dtype: "float64" },
      ),
    );
    const tape = new tf.GradientTape({ persistent: true });
    const [w, v] = tape.record(() => np.linalg.eigh(a));
    assert.equal(tape.recordedOps, 1);
    const [sumW, sumV2] = tape.record(() => [tf.reduceSum(w), tf.reduceSum(tf.square(v))]);
    // d(Σ eigenvalues)/dA = I, whatever the eigenvectors do.
    const gw = tape.gradient(sumW, a) as Tensor;
    [1, 0, 0, 1].forEach((want, i) => close(gw.dataSync()[i], want, 1e-12));
    // Σ v² over all entries is 2 for any orthogonal V: no gradient.
    const g = tape.gradient(sumV2, a) as Tensor;
    for (const x of g.dataSync()) close(x, 0, 1e-12);
  });

  it("an integer output (lstsq's rank) carries no gradient and does not get in the way", () => {
    const X = new tf.Variable(
      tf.constant(
        [
          [1, 0],
          [1, 1],
          [1, 2],
        ],
        { dtype: "float64" },
      ),
    );
    const y = np.array([1, 2, 4]);
    const tape = new tf.GradientTape();
    const [theta, loss] = tape.record(() => {
      const t = np.linalg.lstsq(X, y)[0];
      return [t, tf.reduceSum(t)];
    });
    close(theta.get(0).item() as number, 5 / 6, 1e-12);
    assert.deepEqual(tape.gradient(loss, X)!.shape, [3, 2]);
  });

  it("modifying a decomposition's output in place after recording is an error", () => {
    const a = np.array([
      [2, 1],
      [1, 2],
    ]);
    const tape = new tf.GradientTape();
    const [q, r] = tape.record(() => {
      tape.watch(a);
      return np.linalg.qr(a);
    });
    const loss = tape.record(() => np.sum(q));
    r.set([0, 0], 7);
    assert.throws(() => tape.gradient(loss, a), /output 1 of 'linalg.qr'.*modified in place/);
  });
});
