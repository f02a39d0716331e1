// The placement API and the cuda backend's plumbing without a GPU: in this process CUDA is
// unavailable (unless this machine has one), so the API must fail clearly and everything runs on
// the CPU; in child processes the addon is pointed at a fake driver with malloc-backed "device
// memory" (test/native/cuda/fakes), which exercises device storage, copies, dispose/tidy
// freeing, the CPU fallback of ops without a CUDA kernel and the mixing rule, but runs no kernel.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { backendInfo, getDevice, np, setDevice, tf } from "tensorbook";
import { needsAddon } from "../../native/helpers.js";
import { buildFakes, fakeEnv, haveGxx, runNode } from "../../native/cuda/helpers.js";

const cuda = () => backendInfo().find((b) => b.name === "cuda");
const noGpu = cuda()?.state === "unavailable";

describe("device placement without a GPU", { skip: noGpu ? undefined : "this machine has a GPU" }, () => {
  it("backendInfo says why CUDA is unavailable", () => {
    const c = cuda();
    assert.equal(c?.state, "unavailable");
    assert.ok(c?.reason.length, "a reason is given");
  });

  it("setDevice, tf.device and t.to('cuda') fail with the reason; work stays on the CPU", () => {
    assert.throws(() => setDevice("cuda"), /^Error: cannot use the GPU: /);
    assert.throws(() => setDevice("/GPU:0"), /cannot use the GPU/);
    assert.throws(() => tf.device("gpu", () => 1), /cannot use the GPU/);
    assert.throws(() => np.ones([2]).to("cuda"), /cannot move a tensor to the GPU: /);
    assert.equal(getDevice(), "cpu");
    const x = np.arange(4).mul(2);
    assert.equal(x.device, "cpu");
    assert.deepEqual(x.toArray(), [0, 2, 4, 6]);
    assert.equal(tf.memory().numBytesInGPU, 0);
  });

  it("unknown device names are errors; cpu names are accepted", () => {
    assert.throws(() => setDevice("tpu"), /unknown device 'tpu'/);
    setDevice("/CPU:0");
    assert.equal(
      tf.device("cpu", () => getDevice()),
      "cpu",
    );
  });

  it("TENSORBOOK_DEVICE=cuda warns once and runs on the CPU", { skip: needsAddon.skip }, () => {
    const r = runNode(
      `import { np, getDevice } from "tensorbook"; process.stdout.write(getDevice() + " " + np.arange(3).sum().item());`,
      { TENSORBOOK_DEVICE: "cuda", TENSORBOOK_CUDA_LIBCUDA: "/nonexistent/libcuda.so.1" },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, "cpu 3");
    assert.match(
      r.stderr,
      /TENSORBOOK_DEVICE=cuda: cannot use the GPU: no NVIDIA driver found .*; using the CPU/,
    );
  });
});

const fakeSkip =
  needsAddon.skip ?? (haveGxx ? undefined : "g++ is not available to build the fake CUDA libraries");

describe("cuda backend plumbing on a fake driver (no kernels run)", { skip: fakeSkip }, () => {
  const fakes = fakeSkip ? undefined : buildFakes();
  const env = () => fakeEnv(fakes!.full, fakes!.cublas, fakes!.nvrtc);

  it("moves tensors, frees device memory on dispose and tidy, falls back to the CPU, warns once on mixing", () => {
    const script = `import { np, tf, setDevice, getDevice, backendInfo, cudaFallbackOps } from "tensorbook";
const out = {};
out.info = backendInfo().find((b) => b.name === "cuda");
const a = np.arange(12).reshape(3, 4).astype("float32");
const g = a.to("cuda");
out.device = [a.device, g.device, g.T.device];
out.values = g.T.toArray();
out.back = g.cpu().device;
out.gpuBytes = tf.memory().numBytesInGPU;
g.dispose();
out.afterDispose = tf.memory().numBytesInGPU;
try { g.toArray(); } catch (e) { out.useAfterDispose = e.message; }
// np.sort has no CUDA kernel: it runs on the CPU and its result goes back to the device.
const h = np.array([3, 1, 2], { dtype: "float32" }).to("cuda");
const s = np.sort(h);
out.sorted = [s.device, s.toArray()];
out.fallbacks = cudaFallbackOps();
// tidy frees what it made on the device.
const before = tf.memory().numBytesInGPU;
tf.tidy(() => { np.sort(h); np.sort(h); });
out.tidy = [before, tf.memory().numBytesInGPU];
// Ops with a CUDA kernel need NVRTC, which the fake cannot do: the error says so.
try { h.mul(2); } catch (e) { out.kernelError = e.message.split("\\n")[0]; }
// Mixing: a CPU operand bigger than one element meets a device tensor (warned once).
try { np.ones([3], { dtype: "float32" }).add(h); } catch { /* the add kernel fails as above */ }
try { np.ones([3], { dtype: "float32" }).add(h); } catch { /* said once */ }
setDevice("cuda");
out.placed = getDevice();
out.placedInfo = backendInfo().find((b) => b.name === "cuda").state;
setDevice("cpu");
out.inside = tf.device("gpu", () => getDevice());
out.after = getDevice();
process.stdout.write(JSON.stringify(out));`;
    const r = runNode(script, env());
    assert.equal(r.status, 0, r.stderr);
    const o = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.deepEqual(o.info, {
      name: "cuda",
      state: "available",
      reason: 'tb.setDevice("cuda") or TENSORBOOK_DEVICE=cuda runs work on it',
      device: "Fake GPU",
      memory: 2 ** 30,
      details: "1.0 GiB, 1.0 GiB free, compute capability 8.0, driver CUDA 12.4, NVRTC 12.4",
    });
    assert.deepEqual(o.device, ["cpu", "cuda", "cuda"]);
    assert.deepEqual(o.values, [
      [0, 4, 8],
      [1, 5, 9],
      [2, 6, 10],
      [3, 7, 11],
    ]);
    assert.equal(o.back, "cpu");
    assert.equal(o.gpuBytes, 512);
    assert.equal(o.afterDispose, 0);
    assert.match(o.useAfterDispose as string, /GPU memory was released/);
    assert.deepEqual(o.sorted, ["cuda", [1, 2, 3]]);
    assert.deepEqual(o.fallbacks, ["sort"]);
    assert.deepEqual(o.tidy, [(o.tidy as number[])[0], (o.tidy as number[])[0]]);
    assert.match(o.kernelError as string, /NVRTC failed to compile the kernels/);
    const warnings = r.stderr.split("\n").filter((l) => l.includes("was copied to the GPU"));
    assert.equal(warnings.length, 1, r.stderr);
    assert.match(warnings[0], /^\[tensorbook\] add: a CPU tensor of shape \(3,\) was copied to the GPU/);
    assert.equal(o.placed, "cuda");
    assert.equal(o.placedInfo, "in use");
    assert.equal(o.inside, "cuda");
    assert.equal(o.after, "cpu");
  });
});
