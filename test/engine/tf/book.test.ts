// The `tf` namespace against the values the book and DLwP chapter 3 print (spec acceptance
// numbers), and TensorFlow's conventions: float32 by default, immutable tensors, no implicit
// dtype mixing.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { np, tf, type Tensor } from "tensorbook";

const arr = (t: Tensor): unknown => t.toArray();
const near = (got: unknown, want: unknown, tol = 1e-4): void => {
  if (Array.isArray(want)) {
    assert.ok(
      Array.isArray(got) && got.length === want.length,
      `${JSON.stringify(got)} vs ${JSON.stringify(want)}`,
    );
    want.forEach((w, i) => near((got as unknown[])[i], w, tol));
  } else
    assert.ok(
      got === want || Math.abs((got as number) - (want as number)) <= tol,
      `${String(got)} vs ${String(want)}`,
    );
};

describe("HOML chapter 12: tensors and operations", () => {
  const t = tf.constant([
    [1, 2, 3],
    [4, 5, 6],
  ]);

  it("t @ tf.transpose(t) is [[14, 32], [32, 77]]", () => {
    assert.deepEqual(arr(tf.matmul(t, tf.transpose(t))), [
      [14, 32],
      [32, 77],
    ]);
  });

  it("square(transpose(t)) + 10 is [[11, 26], [14, 35], [19, 46]]", () => {
    assert.deepEqual(arr(tf.add(tf.square(tf.transpose(t)), 10)), [
      [11, 26],
      [14, 35],
      [19, 46],
    ]);
  });

  it("float32 + int32 raises InvalidArgumentError with TensorFlow's message", () => {
    assert.throws(() => tf.add(tf.constant(2.0), tf.constant(40, { dtype: "int32" })), {
      name: "InvalidArgumentError",
      message:
        "cannot compute AddV2 as input #1(zero-based) was expected to be a float tensor but is a int32 tensor [Op:AddV2]",
    });
  });

  it("tf.constant keeps a float64 NumPy array float64; JavaScript numbers give float32", () => {
    assert.equal(tf.constant(np.array([2, 4, 5.5])).dtype, "float64");
    assert.equal(tf.constant([2, 4, 5]).dtype, "float32");
    assert.equal(tf.constant(true).dtype, "bool");
    assert.equal(tf.range(5).dtype, "int32");
  });

  it("tf.nn.moments of [[1, 2], [0, 0], [5, 7]] over axis 0: mean [2, 3], variance [4.6667, 8.6667]", () => {
    const [mean, variance] = tf.nn.moments(
      tf.constant([
        [1, 2],
        [0, 0],
        [5, 7],
      ]),
      [0],
    );
    near(arr(mean), [2, 3]);
    near(arr(variance), [4.6667, 8.6667]);
  });
});

describe("HOML chapter 12: tf.function", () => {
  it("traces once per input signature; console output shows only at trace time", () => {
    const printed: string[] = [];
    const saved = console.log;
    console.log = (...a: unknown[]) => printed.push(a.join(" "));
    try {
      const tfCube = tf.function((x: Tensor | number) => {
        console.log("Tracing", x instanceof tf.Tensor ? `shape ${JSON.stringify(x.shape)}` : x);
        return tf.pow(x, 3);
      });
      assert.equal(arr(tfCube(2)), 8);
      assert.equal(arr(tfCube(3)), 27);
      assert.deepEqual(arr(tfCube(tf.constant([[1, 2]]))), [[1, 8]]);
      tfCube(tf.constant([[3, 4]])); // same signature: no trace
      tfCube(
        tf.constant([
          [1, 2],
          [3, 4],
        ]),
      );
      tfCube(2); // seen before
      assert.deepEqual(printed, ["Tracing 2", "Tracing 3", "Tracing shape [1,2]", "Tracing shape [2,2]"]);
      assert.equal(tfCube.experimentalGetTracingCount(), 4);
    } finally {
      console.log = saved;
    }
  });

  it("an inputSignature rejects other shapes with ValueError", () => {
    const cube = tf.function((x: Tensor) => tf.pow(x, 3), {
      inputSignature: [new tf.TensorSpec([null], "float32")],
    });
    assert.deepEqual(arr(cube(tf.constant([1, 2, 3]))), [1, 8, 27]);
    assert.throws(
      () =>
        cube(
          tf.constant([
            [
              [1, 2],
              [3, 4],
            ],
            [
              [5, 6],
              [7, 8],
            ],
          ]),
        ),
      {
        name: "ValueError",
        message: /Python inputs incompatible with input_signature/,
      },
    );
  });

  it("variables updated inside a function change on every call (counter → 2)", () => {
    const counter = new tf.Variable(0);
    const increment = tf.function((c: tf.Variable, by: number) => c.assignAdd(by));
    increment(counter, 1);
    increment(counter, 1);
    assert.equal(arr(counter), 2);
  });

  it("add_10 by a loop gives 15", () => {
    const add10 = tf.function((x: Tensor) => {
      for (let i = 0; i < 10; i++) x = tf.add(x, 1);
      return x;
    });
    assert.equal(arr(add10(tf.constant(5))), 15);
  });
});

describe("DLwP chapter 3: constants and variables", () => {
  it("tf.ones([2, 1]) is [[1], [1]] float32; random tensors have the asked shape", () => {
    const ones = tf.ones([2, 1]);
    assert.deepEqual(arr(ones), [[1], [1]]);
    assert.equal(ones.dtype, "float32");
    assert.deepEqual(tf.random.normal([3, 1], 0, 1).shape, [3, 1]);
    assert.deepEqual(tf.random.uniform([3, 1], { minval: 0, maxval: 1 }).shape, [3, 1]);
  });

  it("assign, assignAdd and assignSub", () => {
    const v = new tf.Variable(tf.random.normal([3, 1]));
    v.assign(tf.ones([3, 1]));
    assert.deepEqual(arr(v), [[1], [1], [1]]);
    v.assignAdd(tf.ones([3, 1]));
    assert.deepEqual(arr(v), [[2], [2], [2]]);
    v.assignSub(tf.ones([3, 1]).mul(0.5));
    assert.deepEqual(arr(v), [[1.5], [1.5], [1.5]]);
    assert.throws(() => v.assign(tf.ones([2, 1])), /shape mismatch/);
  });

  it("slice assignment: v[0, 0].assign(3) gives [[3], [1], [1]]", () => {
    const v = new tf.Variable(tf.ones([3, 1]));
    const before = v.value();
    v.get(0, 0).assign(3);
    assert.deepEqual(arr(v), [[3], [1], [1]]);
    v.get(":", 0).assign([7, 8, 9]);
    assert.deepEqual(arr(v), [[7], [8], [9]]);
    assert.deepEqual(arr(before), [[1], [1], [1]], "earlier reads keep their values");
    assert.throws(() => v.set([0, 0], 1), /does not support item assignment/);
  });

  it("item assignment on a tf tensor fails and points to tf.Variable; np arrays accept it", () => {
    const x = tf.ones([2, 2]);
    assert.throws(() => x.set([0, 0], 0), {
      name: "TypeError",
      message: /does not support item assignment.*tf\.Variable/,
    });
    const a = np.ones([2, 2]);
    a.set([0, 0], 0);
    assert.deepEqual(arr(a), [
      [0, 1],
      [1, 1],
    ]);
  });

  it("scatterNdUpdate writes slices at indices", () => {
    const v = new tf.Variable([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    v.scatterNdUpdate(
      [
        [0, 0],
        [1, 2],
      ],
      [100, 200],
    );
    assert.deepEqual(arr(v), [
      [100, 2, 3],
      [4, 5, 200],
    ]);
    v.scatterNdUpdate([[1]], [[7, 8, 9]]);
    assert.deepEqual(arr(v), [
      [100, 2, 3],
      [7, 8, 9],
    ]);
  });

  it("tensors made by tf are immutable; np arrays and the results of np ops are not", () => {
    assert.equal(tf.ones([2, 2]).mutable, false);
    assert.equal(tf.add(tf.ones([2]), 1).mutable, false);
    assert.equal(tf.reshape(tf.ones([4]), [2, 2]).mutable, false);
    assert.equal(new tf.Variable(1).mutable, false);
    const a = np.ones([2]);
    assert.equal(a.mutable, true);
    // A tf op handing back its input unchanged does not freeze the caller's array.
    tf.reshape(a, [2]);
    assert.equal(a.mutable, true);
  });

  it("a variable's name, trainable flag, constraint hook and repr", () => {
    const v = new tf.Variable([3, -1], { name: "w", trainable: false, constraint: (x) => tf.maximum(x, 0) });
    assert.equal(v.name, "w");
    assert.equal(v.trainable, false);
    v.applyConstraint();
    assert.deepEqual(arr(v), [3, 0]);
    assert.match(v.toString(), /^<tf.Variable 'w' shape=\(2,\) dtype=float32, numpy=/);
  });
});
