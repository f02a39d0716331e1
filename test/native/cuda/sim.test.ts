// The simulated GPU itself (sim.ts): it finds every kernel of the source, and the engine's
// device ops on it give the CPU's results, so the tests built on it check real work.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { binding, needsAddon } from "../helpers.js";
import { haveGxx, runNode } from "./helpers.js";
import { kernelNames, simEnv } from "./sim.js";

const skip = needsAddon.skip ?? (haveGxx ? undefined : "g++ is not available to build the simulated GPU");

describe("simulated GPU", { skip }, () => {
  it("finds every kernel of the source, both dtypes alike", () => {
    const names32 = kernelNames(binding!.cudaKernelSource("float32"));
    const names64 = kernelNames(binding!.cudaKernelSource("float64"));
    assert.deepEqual(names32, names64);
    for (const k of ["ew_add", "ew_fill", "reduce_argmax", "im2col", "maxpool_bwd", "adam", "random_fill"])
      assert.ok(names32.includes(k), k);
  });

  it("device ops (cuBLAS GEMM, element-wise, reductions) equal the CPU's", () => {
    const r = runNode(
      `import { np, setDevice, cudaFallbackOps } from "tensorbook";
np.random.seed(1);
const a = np.random.randn(7, 5), b = np.random.randn(5, 3);
const cpu = [a.matmul(b), a.T.matmul(a), np.exp(a).sum(0), a.max(1), np.argmax(a, 1)].map((t) => t.toArray());
setDevice("cuda");
const [ga, gb] = [a.to("cuda"), b.to("cuda")];
const dev = [ga.matmul(gb), ga.T.matmul(ga), np.exp(ga).sum(0), ga.max(1), np.argmax(ga, 1)];
process.stdout.write(JSON.stringify({ cpu, dev: dev.map((t) => t.toArray()), where: dev.map((t) => t.device), fb: cudaFallbackOps() }));`,
      simEnv(),
    );
    assert.equal(r.status, 0, r.stderr);
    const o = JSON.parse(r.stdout) as { cpu: unknown[]; dev: unknown[]; where: string[]; fb: string[] };
    assert.deepEqual(o.where, ["cuda", "cuda", "cuda", "cuda", "cuda"]);
    assert.deepEqual(o.fb, []);
    const flat = (v: unknown): number[] => (Array.isArray(v) ? v.flatMap(flat) : [v as number]);
    o.cpu.forEach((c, i) => {
      const [x, y] = [flat(c), flat(o.dev[i])];
      assert.equal(x.length, y.length);
      x.forEach((v, j) =>
        assert.ok(Math.abs(v - y[j]) <= 1e-12 * (1 + Math.abs(v)), `${i}[${j}]: ${v} vs ${y[j]}`),
      );
    });
  });
});
