// np.random returns tensors carrying NumPy's legacy streams (the generators themselves are
// checked bit for bit in test/engine/random).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { np, Tensor } from "tensorbook";

describe("np.random", () => {
  it("reproduces np.random.seed(42); np.random.rand(3) as a float64 tensor", () => {
    np.random.seed(42);
    const r = np.random.rand(3);
    assert.ok(r instanceof Tensor);
    assert.equal(r.dtype, "float64");
    assert.deepEqual(r.toArray(), [0.3745401188473625, 0.9507143064099162, 0.7319939418114051]);
  });

  it("returns numbers when NumPy returns scalars, tensors for sizes", () => {
    np.random.seed(0);
    assert.equal(typeof np.random.rand(), "number");
    assert.equal(typeof np.random.randint(0, 5), "number");
    const ints = np.random.randint(0, 10, [2, 3]);
    assert.deepEqual([...ints.shape], [2, 3]);
    assert.equal(ints.dtype, "int32");
    assert.deepEqual([...np.random.normal(0, 1, [4]).shape], [4]);
  });

  it("permutes and shuffles tensors along the first axis like NumPy", () => {
    np.random.seed(42);
    const p = np.random.permutation(5).toArray();
    assert.deepEqual(p, [1, 4, 2, 0, 3]);
    np.random.seed(42);
    const rows = np.arange(10).reshape(5, 2);
    const shuffled = np.random.permutation(rows);
    assert.deepEqual(shuffled.toArray(), [
      [2, 3],
      [8, 9],
      [4, 5],
      [0, 1],
      [6, 7],
    ]);
    np.random.seed(42);
    const inPlace = np.arange(10).reshape(5, 2);
    np.random.shuffle(inPlace);
    assert.deepEqual(inPlace.toArray(), shuffled.toArray());
  });

  it("samples from tensors without replacement and rejects bad probabilities", () => {
    np.random.seed(1);
    const pick = np.random.choice(np.arange(10).mul(10), 4, { replace: false });
    assert.equal(new Set(pick.toArray() as number[]).size, 4);
    assert.throws(() => np.random.choice(3, 2, { p: [0.5, 0.5, 0.5] }), /probabilities do not sum to 1/);
  });

  it("defaultRng(42).random(3) equals NumPy's Generator", () => {
    assert.deepEqual(
      np.random.defaultRng(42).random(3).toArray(),
      [0.7739560485559633, 0.4388784397520523, 0.8585979199113825],
    );
  });
});
