// GPU benchmark: cuBLAS GEMM (float32, 1024–8192) and the chapter 14 CNN's conv/pool stack
// (forward + backward, batch 32 and 256) through the addon's CUDA kernels, against PyTorch on
// the same GPU in the same run (bench/cuda/torch_side.py), with ratios. Without a GPU it says why
// and exits 0, so `npm run bench` still passes on CPU-only machines.
//
//   npm run bench -- bench/cuda/gemm.bench.ts
//   (TENSORBOOK_BENCH_QUICK=1: sizes 1024, 2048 and batch 32 only)
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { CudaConvGeometry, CudaPoolGeometry, NativeBinding } from "@tensorbook/native";
import { cudaState } from "../../engine/src/backends/cuda/state.js";

const quick = process.env.TENSORBOOK_BENCH_QUICK === "1";
const SIZES = quick ? [1024, 2048] : [1024, 2048, 4096, 8192];
const BATCHES = quick ? [32] : [32, 256];

function best(b: NativeBinding, fn: () => void, reps: number): number {
  fn();
  b.cudaSynchronize();
  let min = Infinity;
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    fn();
    b.cudaSynchronize();
    min = Math.min(min, (performance.now() - t) / 1000);
  }
  return min;
}

function randomBuffer(b: NativeBinding, n: number, seed: number): number {
  const id = b.cudaAlloc(n * 4);
  b.cudaRandom("float32", id, n, seed, 0, "normal", 0, 1);
  return id;
}

function gemm(b: NativeBinding, n: number): number {
  const [x, y, z] = [randomBuffer(b, n * n, 1), randomBuffer(b, n * n, 2), b.cudaAlloc(n * n * 4)];
  const s = best(
    b,
    () => b.cudaGemm("float32", false, false, n, n, n, 1, x, 0, n, 0, y, 0, n, 0, 0, z, 0, n, 0, 1),
    n <= 4096 ? 10 : 3,
  );
  for (const id of [x, y, z]) b.cudaFree(id);
  return s;
}

interface Layer {
  kind: "conv" | "pool";
  conv?: CudaConvGeometry;
  pool?: CudaPoolGeometry;
}

// The conv/pool stack of bench/native/conv.bench.ts ("same" convolutions, 2×2 pools), NHWC.
function cnnLayers(n: number): Layer[] {
  const layers: Layer[] = [];
  let [h, w, c] = [28, 28, 1];
  const conv = (k: number, f: number) => {
    const p = Math.floor((k - 1) / 2);
    layers.push({
      kind: "conv",
      conv: { n, h, w, c, kh: k, kw: k, f, oh: h, ow: w, sh: 1, sw: 1, dh: 1, dw: 1, pt: p, pl: p },
    });
    c = f;
  };
  const pool = () => {
    const [oh, ow] = [Math.floor(h / 2), Math.floor(w / 2)];
    layers.push({ kind: "pool", pool: { n, h, w, c, ph: 2, pw: 2, oh, ow, sh: 2, sw: 2, pt: 0, pl: 0 } });
    [h, w] = [oh, ow];
  };
  conv(7, 64);
  pool();
  conv(3, 128);
  conv(3, 128);
  pool();
  conv(3, 256);
  conv(3, 256);
  pool();
  return layers;
}

function cnnStep(b: NativeBinding, n: number): number {
  const layers = cnnLayers(n);
  const size = (l: Layer, side: "in" | "out"): number => {
    const g = (l.conv ?? l.pool)!;
    const ch = l.conv && side === "out" ? l.conv.f : g.c;
    return side === "in" ? g.n * g.h * g.w * g.c : g.n * g.oh * g.ow * ch;
  };
  const acts = [
    randomBuffer(b, size(layers[0], "in"), 3),
    ...layers.map((l) => b.cudaAlloc(size(l, "out") * 4)),
  ];
  const grads = [
    b.cudaAlloc(size(layers[0], "in") * 4),
    ...layers.map((l) => randomBuffer(b, size(l, "out"), 4)),
  ];
  const weights = layers.map((l, i) =>
    l.conv ? randomBuffer(b, l.conv.kh * l.conv.kw * l.conv.c * l.conv.f, 5 + i) : 0,
  );
  const dws = layers.map((l) => (l.conv ? b.cudaAlloc(l.conv.kh * l.conv.kw * l.conv.c * l.conv.f * 4) : 0));
  const argmax = layers.map((l) => (l.pool ? b.cudaAlloc(size(l, "out") * 4) : 0));
  const step = () => {
    layers.forEach((l, i) => {
      if (l.conv) {
        b.cudaConv2dForward("float32", l.conv, acts[i], weights[i], acts[i + 1]);
        b.cudaUnary("relu", "float32", acts[i + 1], acts[i + 1], 0, [1], [size(l, "out")], 0);
      } else b.cudaMaxPoolForward("float32", l.pool!, acts[i], acts[i + 1], argmax[i]);
    });
    for (let i = layers.length - 1; i >= 0; i--) {
      const l = layers[i];
      if (l.conv)
        b.cudaConv2dBackward("float32", l.conv, acts[i], weights[i], grads[i + 1], grads[i], dws[i]);
      else b.cudaMaxPoolBackward("float32", l.pool!, grads[i + 1], argmax[i], grads[i]);
    }
  };
  const s = best(b, step, 10);
  for (const id of [...acts, ...grads, ...weights, ...dws, ...argmax]) if (id) b.cudaFree(id);
  return s;
}

interface TorchSide {
  gemm: Record<string, number>;
  cnn: Record<string, number>;
  device: string;
}

function torchSide(): TorchSide | undefined {
  const script = fileURLToPath(new URL("./torch_side.py", import.meta.url));
  const r = spawnSync(process.env.PYTHON ?? "python3", [script, SIZES.join(","), BATCHES.join(",")], {
    encoding: "utf8",
  });
  if (r.status !== 0) {
    console.log(`(PyTorch side skipped: ${(r.stderr || r.error?.message || "").trim().split("\n").pop()})`);
    return undefined;
  }
  return JSON.parse(r.stdout) as TorchSide;
}

const state = cudaState();
if (!state.available || !state.binding) {
  console.log(`CUDA benchmark skipped: ${state.reason}`);
  process.exit(0);
}
const b = state.binding;
console.log(
  `GPU: ${state.status?.name} (compute capability ${state.status?.computeCapability}), float32, TF32 off`,
);
const ours = { gemm: SIZES.map((n) => gemm(b, n)), cnn: BATCHES.map((n) => cnnStep(b, n)) };
const torch = torchSide();
const ratio = (t: number | undefined, o: number) => (t ? `${(t / o).toFixed(2)}x` : "-");
console.log("\nGEMM      n  tensorbook GFLOP/s  torch GFLOP/s  ratio (tensorbook/torch speed)");
SIZES.forEach((n, i) => {
  const flop = 2 * n ** 3;
  const t = torch?.gemm[String(n)];
  const o = ours.gemm[i];
  console.log(
    `${String(n).padStart(10)}  ${(flop / o / 1e9).toFixed(0).padStart(18)}  ${(t ? (flop / t / 1e9).toFixed(0) : "-").padStart(13)}  ${ratio(t, o)}`,
  );
});
console.log("\nCNN step (fwd+bwd)  batch  tensorbook ms  torch ms  ratio");
BATCHES.forEach((n, i) => {
  const t = torch?.cnn[String(n)];
  const o = ours.cnn[i];
  console.log(
    `${String(n).padStart(26)}  ${(o * 1000).toFixed(2).padStart(13)}  ${(t ? (t * 1000).toFixed(2) : "-").padStart(8)}  ${ratio(t, o)}`,
  );
});
