// Tape gradients of linear-algebra losses against PyTorch's autograd (fixture made by
// test/fixtures/autodiff/make_linalg_grads.py): the same inputs, matrices built the same way,
// the same weighted loss sum(W * f(inputs)), in float64.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { np, tf, type Tensor } from "tensorbook";
import { flat, ramp, separated, spd, spread } from "./matrices.js";

interface Encoded {
  shape: number[];
  data: number[];
}
interface Case {
  name: string;
  inputs: Encoded[];
  weights: Encoded;
  loss: number;
  grads: Encoded[];
}

const path = fileURLToPath(new URL("../../fixtures/autodiff/linalg_grads.json", import.meta.url));
const fixture = JSON.parse(readFileSync(path, "utf8")) as { cases: Case[] };

const eye = (n: number): Tensor => np.eye(n);

// Each function as the fixture script writes it with torch.
const FUNCTIONS: Record<string, (...xs: Tensor[]) => Tensor> = {
  svdvals: (x) => np.linalg.svd(spread(x), { computeUv: false })[0],
  "svdvals batched": (x) => np.linalg.svd(spread(x), { computeUv: false })[0],
  svd: (x) => {
    const [u, s, vh] = np.linalg.svd(spread(x), { fullMatrices: false });
    return flat(s, u.mul(u), vh.mul(vh), np.matmul(u.mul(ramp(s.shape[0])), vh));
  },
  eigh: (x) => {
    const [w, v] = np.linalg.eigh(separated(x));
    return flat(w, v.mul(v));
  },
  "eigvalsh batched": (x) => np.linalg.eigvalsh(separated(x)),
  cholesky: (x) => np.linalg.cholesky(spd(x)),
  qr: (x) => {
    const [q, r] = np.linalg.qr(spread(x));
    return flat(q, r);
  },
  pinv: (x) => np.linalg.pinv(spread(x)),
  lstsq: (a, b) => np.linalg.lstsq(spread(a), b)[0],
  slogdet: (x) => np.linalg.slogdet(x.add(eye(3).mul(2)))[1],
  det: (x) => np.linalg.det(x.add(eye(3).mul(2))),
  "matrix_power -2": (x) => np.linalg.matrixPower(x.mul(0.5).add(eye(3)), -2),
  "matrix_power 3": (x) => np.linalg.matrixPower(x, 3),
  matrix_norm: (x) => {
    const a = spread(x);
    const ords = ["fro", "nuc", 1, -1, Infinity, -Infinity, 2, -2] as const;
    return flat(...ords.map((o) => np.linalg.norm(a, o)));
  },
  vector_norm: (x) =>
    flat(...[2, 1, Infinity, -Infinity, 3, 0.5].map((o) => np.linalg.norm(x, o, { axis: 1 }))),
  cond: (x) => np.linalg.cond(spread(x)),
  kron: (x, y) => np.kron(x, y),
  sort: (x) => np.sort(x, -1),
  quantile: (x) => flat(np.quantile(x, [0.1, 0.5, 0.9], 1), np.median(x, 0)),
};

const decode = (e: Encoded): Tensor => np.array(e.data).reshape(e.shape);

function close(actual: Tensor, expected: Encoded, what: string): void {
  assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
  const a = actual.dataSync();
  expected.data.forEach((v, i) => {
    assert.ok(
      Math.abs(a[i] - v) <= 1e-9 * Math.max(1, Math.abs(v)),
      `${what}[${i}]: ${a[i]} vs PyTorch ${v}`,
    );
  });
}

describe("linear-algebra gradients match PyTorch (float64)", () => {
  it("the fixture covers every function here", () => {
    assert.deepEqual(fixture.cases.map((c) => c.name).sort(), Object.keys(FUNCTIONS).sort());
  });
  for (const c of fixture.cases) {
    it(c.name, () => {
      const f = FUNCTIONS[c.name];
      const xs = c.inputs.map(decode);
      const tape = new tf.GradientTape();
      const loss = tape.record(() => {
        tape.watch(xs);
        return np.sum(f(...xs).mul(decode(c.weights)));
      });
      assert.ok(Math.abs((loss.item() as number) - c.loss) <= 1e-9 * Math.max(1, Math.abs(c.loss)), "loss");
      const grads = tape.gradient(loss, xs) as Tensor[];
      grads.forEach((g, i) => close(g, c.grads[i], `gradient ${i}`));
    });
  }
});
