// What the parity table cannot show: which results share storage with their source, in-place
// writes through views, immutability, storage versions, and the partition property.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { np, Tensor } from "tensorbook";

const immutable = (t: Tensor): Tensor => new Tensor(t.storage, t.shape, t.strides, t.offset, false);

describe("basic indexing returns views", () => {
  it("a slice shares storage: writes through it reach the base", () => {
    const X = np.arange(12).reshape(3, 4);
    const v = X.get(":", "1:3");
    assert.equal(v.storage, X.storage);
    v.set([0, 0], 100);
    assert.equal(X.item(0, 1), 100);
  });

  it("ints, '...', null and negative steps all make views", () => {
    const X = np.arange(24).reshape(2, 3, 4);
    for (const v of [X.get(1), X.get("...", 2), X.get(null, 0), X.get("::-1", ":", "::2"), X.get()]) {
      assert.equal(v.storage, X.storage);
    }
  });

  it("in-place update of a slice: darkened[:, 1:-1] *= 0.3", () => {
    const img = np.ones([2, 4]);
    const inner = img.get(":", "1:-1");
    inner.set("...", inner.mul(0.3));
    assert.deepEqual(img.toArray(), [
      [1, 0.3, 0.3, 1],
      [1, 0.3, 0.3, 1],
    ]);
  });

  it("S[:n, :n] = diag(s) writes a block", () => {
    const S = np.zeros([3, 2]);
    S.set([":2", ":2"], np.diag([5, 6]));
    assert.deepEqual(S.toArray(), [
      [5, 0],
      [0, 6],
      [0, 0],
    ]);
  });

  it("assigning a reversed view of itself reads before writing", () => {
    const a = np.arange(5);
    a.set(":", a.get("::-1"));
    assert.deepEqual(a.toArray(), [4, 3, 2, 1, 0]);
  });
});

describe("advanced indexing copies", () => {
  it("fancy and mask results do not share storage", () => {
    const X = np.arange(12).reshape(3, 4);
    const y = np.array([0, 1, 0]);
    for (const c of [X.get([0, 2]), X.get(y.eq(0)), X.get(":", [1]), np.take(X, 0)]) {
      assert.notEqual(c.storage, X.storage);
      c.set("...", -1);
    }
    assert.equal(X.min().item(), 0);
  });

  it("split parts are views, repeat/tile/pad are copies", () => {
    const a = np.arange(6);
    const [p] = np.split(a, 2);
    assert.equal(p.storage, a.storage);
    for (const c of [np.tile(a, 2), np.repeat(a, 2), np.pad(a, 0), np.concatenate([a])]) {
      assert.notEqual(c.storage, a.storage);
    }
    assert.equal(np.flip(a).storage, a.storage);
    assert.equal(np.moveaxis(a.reshape(2, 3), 0, 1).storage, a.storage);
  });
});

describe("set", () => {
  it("refuses immutable tensors in NumPy's words", () => {
    const t = immutable(np.zeros([2]));
    assert.throws(() => t.set(0, 1), {
      name: "TypeError",
      message: "'Tensor' object does not support item assignment; use tf.Variable",
    });
    assert.throws(() => t.get("0:1").set(0, 1), /does not support item assignment/);
    assert.throws(() => immutable(np.array([2, 1])).sort(), /does not support item assignment/);
    assert.throws(() => np.broadcastTo([1, 2], [2, 2]).set(0, 5), /does not support item assignment/);
  });

  it("bumps the storage version on every write", () => {
    const a = np.zeros([3]);
    const v0 = a.storage.version;
    a.set(0, 1);
    a.get("1:").set([[0]], 2);
    a.set([a.gt(0)], 3);
    np.put(a, [2], 4);
    a.sort();
    assert.equal(a.storage.version, v0 + 5);
  });

  it("returns the tensor, so writes chain", () => {
    const a = np.zeros([2, 2]);
    assert.equal(a.set([0, 0], 1).set([1, 1], 1), a);
    assert.deepEqual(a.toArray(), np.eye(2).toArray());
  });

  it("pairwise assignment Y[np.arange(m), y] = 1 builds one-hot rows", () => {
    const y = np.array([2, 0, 1]);
    const Y = np.zeros([3, 3]);
    Y.set([np.arange(3), y], 1);
    assert.deepEqual(Y.argmax(1).toArray(), [2, 0, 1]);
  });
});

describe("sorting", () => {
  it("the method sorts in place, np.sort copies", () => {
    const a = np.array([3, 1, 2]);
    const s = np.sort(a);
    assert.deepEqual(a.toArray(), [3, 1, 2]);
    assert.deepEqual(s.toArray(), [1, 2, 3]);
    assert.equal(a.sort(), a);
    assert.deepEqual(a.toArray(), [1, 2, 3]);
  });

  it("argpartition puts the kth smallest at kth with smaller before and larger after", () => {
    const a = np.array([9, 1, 8, 2, 7, 3, 6, 4, 5, 0]);
    for (const k of [0, 3, 9]) {
      const idx = np.argpartition(a, k);
      const v = np.take(a, idx).toArray() as number[];
      assert.equal(v[k], k);
      assert.ok(v.slice(0, k).every((x) => x <= v[k]));
      assert.ok(v.slice(k + 1).every((x) => x >= v[k]));
    }
  });

  it("argsort is stable on ties", () => {
    assert.deepEqual(np.argsort([1, 0, 1, 0, 1]).toArray(), [1, 3, 0, 2, 4]);
  });
});
