// The fused `dense` op (a Dense layer's x·w + b and relu): each backend's kernel gives the same
// bits as that backend's `matmul`, `add` and `relu` kernels run one after the other, on small
// results (TypeScript loops) and large ones (the addon in place), both float dtypes, transposed
// and strided operands; and its gradients are the bits the unfused ops' gradients give.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tf } from "tensorbook";
import { kernelFor, type Kernel } from "../../engine/src/core/registry.js";
import { Tensor } from "../../engine/src/core/tensor.js";
import { dense, type DenseActivation } from "../../engine/src/ops/dense.js";
import { FLOATS, needsAddon, randomArray, rng, type FloatCtor } from "./helpers.js";

function tensor(Ctor: FloatCtor, shape: number[], next: () => number): Tensor {
  const data = randomArray(
    Ctor,
    shape.reduce((p, d) => p * d, 1),
    next,
  );
  return Tensor.fromTypedArray(data, shape, Ctor === Float32Array ? "float32" : "float64");
}

// [m, k, n]: results below and above the addon's element-wise threshold, and a 1-column one.
const SHAPES: [number, number, number][] = [
  [3, 4, 5],
  [32, 70, 30],
  [7, 33, 1],
  [64, 9, 17],
];

function kernel(op: string, backend: "js" | "native-cpu"): Kernel<never> {
  const k = kernelFor<never>(op, backend);
  assert.ok(k, `no ${backend} kernel for ${op}`);
  return k;
}

// The unfused computation on one backend's kernels.
function reference(
  backend: "js" | "native-cpu",
  x: Tensor,
  w: Tensor,
  b: Tensor | null,
  act: DenseActivation,
) {
  const attrs = { dtype: x.dtype } as never;
  let y = kernel("matmul", backend)([x, w], {} as never);
  if (b) y = kernel("add", backend)([y, b.reshape([1, b.shape[0]]).view(y.shape, [0, b.strides[0]])], attrs);
  return act === "relu" ? kernel("relu", backend)([y], attrs) : y;
}

function cases(backend: "js" | "native-cpu"): void {
  for (const [dtype, Ctor] of FLOATS) {
    for (const [m, k, n] of SHAPES) {
      for (const act of ["relu", "linear"] as const) {
        it(`${dtype} [${m}, ${k}] · [${k}, ${n}] + b, ${act}`, () => {
          const next = rng(m * 100 + n);
          const x = tensor(Ctor, [m, k], next);
          const w = tensor(Ctor, [k, n], next);
          const b = tensor(Ctor, [n], next);
          // A transposed x and a strided bias read through their strides.
          const xt = x.T.copy().T;
          const bs = tensor(Ctor, [2 * n], next).get("::2") as Tensor;
          const run = kernel("dense", backend);
          for (const [xi, bi] of [
            [x, b],
            [xt, bs],
            [x, null],
          ] as const) {
            const got = run(bi ? [xi, w, bi] : [xi, w], { activation: act } as never);
            const want = reference(backend, xi, w, bi, act);
            assert.deepEqual(got.shape, [m, n]);
            assert.deepEqual(got.dataSync(), want.dataSync());
          }
        });
      }
    }
  }
}

describe("dense op: js kernel = js matmul, add, relu", () => cases("js"));
describe("dense op: native kernel = native matmul, add, relu", needsAddon, () => cases("native-cpu"));

describe("dense op: gradients", () => {
  for (const act of ["relu", "linear"] as const) {
    it(`the fused op's gradients equal the unfused ops' (${act})`, () => {
      const next = rng(7);
      const x = tensor(Float32Array, [32, 50], next);
      const w = new tf.Variable(tensor(Float32Array, [50, 20], next));
      const b = new tf.Variable(tensor(Float32Array, [20], next));
      const grads = (fused: boolean) => {
        const tape = new tf.GradientTape();
        const loss = tape.record(() => {
          tape.watch(x);
          const y = fused
            ? dense(x, w, b, act)
            : act === "relu"
              ? tf.nn.relu(tf.add(tf.matmul(x, w), b))
              : tf.add(tf.matmul(x, w), b);
          return tf.reduceSum(tf.square(y));
        });
        return (tape.gradient(loss, [x, w, b]) as Tensor[]).map((g) => g.dataSync());
      };
      const tape = new tf.GradientTape();
      tape.record(() => dense(x, w, b, act));
      assert.equal(tape.recordedOps, 1, "one recorded op");
      assert.deepEqual(grads(true), grads(false));
    });
  }

  it("other ranks and dtypes run the separate ops", () => {
    const x = tf.ones([2, 3, 4]);
    const w = tf.ones([4, 5]);
    const y = dense(x, w, tf.ones([5]), "relu");
    assert.deepEqual(y.shape, [2, 3, 5]);
    assert.equal(y.dataSync()[0], 5);
    const mixed = dense(tf.ones([2, 4], { dtype: "float64" }), w, null, "linear");
    assert.equal(mixed.dtype, "float64");
  });
});
