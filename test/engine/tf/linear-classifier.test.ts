// DLwP chapter 3: a linear classifier trained from scratch with GradientTape on two Gaussian
// clouds (1,000 points each, means (0, 3) and (3, 0), shared covariance [[1, .5], [.5, 1]]),
// MSE loss, 40 full-batch steps at learning rate 0.1. The spec: the loss settles near 0.025 and
// nearly every training point is classified correctly.
import assert from "node:assert/strict";
import { it } from "node:test";
import { np, tf, type Tensor } from "tensorbook";

function clouds(): [Tensor, Tensor] {
  np.random.seed(0);
  const cov = [
    [1, 0.5],
    [0.5, 1],
  ];
  const negative = np.random.multivariateNormal([0, 3], cov, 1000).dataSync();
  const positive = np.random.multivariateNormal([3, 0], cov, 1000).dataSync();
  const inputs = new Float32Array(4000);
  inputs.set(negative, 0);
  inputs.set(positive, 2000);
  const targets = new Float32Array(2000).fill(1, 1000);
  return [tf.constant(inputs).reshape([2000, 2]), tf.constant(targets).reshape([2000, 1])];
}

it("DLwP 3: 40 steps of gradient descent reach loss ≈ 0.025 and separate the clouds", () => {
  const [inputs, targets] = clouds();
  tf.random.setSeed(42);
  const W = new tf.Variable(tf.random.uniform([2, 1]));
  const b = new tf.Variable(tf.zeros([1]));
  const model = (x: Tensor): Tensor => tf.add(tf.matmul(x, W), b);
  const squareLoss = (t: Tensor, p: Tensor): Tensor => tf.reduceMean(tf.square(tf.subtract(t, p)));
  const learningRate = 0.1;
  const trainingStep = (x: Tensor, y: Tensor): number => {
    const tape = new tf.GradientTape();
    const loss = tape.record(() => squareLoss(y, model(x)));
    const [gW, gb] = tape.gradient(loss, [W, b]);
    W.assignSub(tf.multiply(gW!, learningRate));
    b.assignSub(tf.multiply(gb!, learningRate));
    return loss.item() as number;
  };
  let loss = NaN;
  for (let step = 0; step < 40; step++) loss = trainingStep(inputs, targets);
  assert.ok(loss > 0.015 && loss < 0.035, `final loss ${loss}`);
  const predictions = model(inputs);
  const correct = tf.reduceMean(
    tf.cast(tf.equal(tf.greater(predictions, 0.5), tf.greater(targets, 0.5)), "float32"),
  );
  const accuracy = correct.item() as number;
  assert.ok(accuracy >= 0.98, `accuracy ${accuracy}`);
  console.log(`# linear classifier: loss ${loss.toFixed(4)}, accuracy ${accuracy.toFixed(4)}`);
});
