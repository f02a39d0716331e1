// tf.sort / tf.argsort: TensorFlow's directions, stability, axes, and the gradient of sort.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tf } from "tensorbook";

describe("tf.sort and tf.argsort", () => {
  it("sorts along the last axis by default, in both directions", () => {
    const x = tf.constant([
      [3, 1, 2],
      [0, 5, 4],
    ]);
    assert.deepEqual(tf.sort(x).toArray(), [
      [1, 2, 3],
      [0, 4, 5],
    ]);
    assert.deepEqual(tf.sort(x, { direction: "DESCENDING" }).toArray(), [
      [3, 2, 1],
      [5, 4, 0],
    ]);
    assert.deepEqual(tf.sort(x, { axis: 0 }).toArray(), [
      [0, 1, 2],
      [3, 5, 4],
    ]);
  });

  it("argsort is stable in both directions and returns int32", () => {
    const x = tf.constant([3, 1, 3, 2, 1]);
    const up = tf.argsort(x);
    assert.equal(up.dtype, "int32");
    assert.deepEqual(up.toArray(), [1, 4, 3, 0, 2]);
    assert.deepEqual(tf.argsort(x, { direction: "DESCENDING" }).toArray(), [0, 2, 3, 1, 4]);
    assert.deepEqual(tf.argsort(tf.constant([[1, 3, 3]]), { axis: 1, direction: "DESCENDING" }).toArray(), [
      [1, 2, 0],
    ]);
  });

  it("the gradient of a descending sort goes back to the original positions", () => {
    const v = new tf.Variable(tf.constant([2, 7, 1], { dtype: "float64" }));
    const tape = new tf.GradientTape();
    const y = tape.record(() =>
      tf
        .sort(v, { direction: "DESCENDING" })
        .mul(tf.constant([1, 10, 100], { dtype: "float64" }))
        .sum(),
    );
    const [g] = tape.gradient(y, [v]);
    assert.deepEqual(g?.toArray(), [10, 1, 100]);
  });

  it("rejects an unknown direction", () => {
    assert.throws(
      () => tf.sort([1, 2], { direction: "UP" as "ASCENDING" }),
      /direction must be "ASCENDING" or "DESCENDING" \(got "UP"\)/,
    );
  });
});
