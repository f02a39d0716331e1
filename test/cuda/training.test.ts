// Training on the GPU end to end: a small MLP fitted with tf ops under tf.device("gpu") reaches
// the same loss as on the CPU, and 1,000 steps inside tf.tidy leave device memory flat.
// Skipped without a GPU.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { np, tf } from "tensorbook";
import type { Tensor } from "tensorbook";
import { gpu, needsGpu } from "./helpers.js";

// Two-layer MLP on a synthetic 2-class problem, plain gradient descent with hand-written
// backward (so the test exercises the kernels, not the Keras layer).
function train(steps: number, device: "cpu" | "gpu"): { loss: number; bytes: number[] } {
  np.random.seed(0);
  const X = np.random.randn(256, 20).astype("float32");
  const y = X.get(":", 0).gt(0).astype("float32").reshape(256, 1);
  let W1 = np.random.randn(20, 32).mul(0.1).astype("float32");
  let W2 = np.random.randn(32, 1).mul(0.1).astype("float32");
  const lr = 0.5;
  const bytes: number[] = [];
  let loss = 0;
  tf.device(device, () => {
    if (device === "gpu") [W1, W2] = [W1.to("cuda"), W2.to("cuda")];
    const Xd = device === "gpu" ? X.to("cuda") : X;
    const yd = device === "gpu" ? y.to("cuda") : y;
    for (let s = 0; s < steps; s++) {
      const [nW1, nW2, l] = tf.tidy(() => {
        const h = np.maximum(Xd.matmul(W1), 0);
        const p = tf.sigmoid(h.matmul(W2));
        const d2 = p.sub(yd).div(256);
        const gW2 = h.T.matmul(d2);
        const dh = d2.matmul(W2.T).mul(h.gt(0).astype("float32"));
        const gW1 = Xd.T.matmul(dh);
        const eps = 1e-7;
        const bce = np
          .mean(
            yd.mul(np.log(p.add(eps))).add(
              yd
                .mul(-1)
                .add(1)
                .mul(np.log(p.mul(-1).add(1 + eps))),
            ),
          )
          .mul(-1);
        return [W1.sub(gW1.mul(lr)), W2.sub(gW2.mul(lr)), bce] as Tensor[];
      });
      tf.dispose([W1, W2]);
      [W1, W2] = [nW1, nW2];
      if (s === steps - 1) loss = l.cpu().item() as number;
      tf.dispose(l);
      if (device === "gpu" && s % 100 === 99) bytes.push(gpu().cudaMemory().inUse);
    }
  });
  return { loss, bytes };
}

describe("training on the GPU", needsGpu, () => {
  it("an MLP reaches the CPU's loss (float32, 200 steps)", () => {
    const cpu = train(200, "cpu");
    const dev = train(200, "gpu");
    assert.ok(dev.loss < 0.3, `loss ${dev.loss}`);
    assert.ok(Math.abs(dev.loss - cpu.loss) < 1e-3, `gpu ${dev.loss} vs cpu ${cpu.loss}`);
  });

  it("1,000 steps keep device memory flat", () => {
    const { bytes } = train(1000, "gpu");
    assert.equal(bytes.length, 10);
    assert.equal(
      Math.max(...bytes.slice(1)),
      Math.min(...bytes.slice(1)),
      `device bytes per 100 steps: ${bytes.join(", ")}`,
    );
  });
});
