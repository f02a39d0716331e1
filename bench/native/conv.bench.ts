/**
 * Conv2D + max pooling, forward and backward, for the chapter 14 Fashion-MNIST CNN
 * (64@7x7 same, pool 2, 128@3x3 x2, pool 2, 256@3x3 x2, pool 2) on a batch of 32 float32
 * images, against PyTorch on the CPU in the same run (torch.set_num_threads matches).
 * Backward computes dL/dw for every conv and dL/dx for every layer but the first, as a
 * training step does. The dense head and activations are left out on both sides.
 * Each cell is the best of its runs by wall clock and, separately, by CPU time of the process
 * (all its threads): on a shared machine the wall clock also counts the time other jobs held the
 * cores, the CPU time does not (on 1 thread it is the time the work took; on 2 the sum of both).
 */
import { bindingOrExit, fmt, python, ratio, table } from "./common.js";
import { conv2dGeometry, pool2dGeometry } from "../../engine/src/backends/native/index.js";

const b = bindingOrExit();
const BATCH = 32;
type Layer = { kind: "conv"; k: number; f: number } | { kind: "pool" };
const NET: Layer[] = [
  { kind: "conv", k: 7, f: 64 },
  { kind: "pool" },
  { kind: "conv", k: 3, f: 128 },
  { kind: "conv", k: 3, f: 128 },
  { kind: "pool" },
  { kind: "conv", k: 3, f: 256 },
  { kind: "conv", k: 3, f: 256 },
  { kind: "pool" },
];

interface Step {
  layer: Layer;
  geom: number[];
  x: Float32Array;
  w?: Float32Array;
  y: Float32Array;
  argmax?: Int32Array;
  dx: Float32Array;
  dw?: Float32Array;
  dy: Float32Array;
}

// Shapes and buffers for every layer, made once.
const steps: Step[] = [];
let shape = [BATCH, 28, 28, 1];
for (const layer of NET) {
  const x = new Float32Array(shape.reduce((p, d) => p * d, 1)).map(() => Math.random());
  if (layer.kind === "conv") {
    const geom = conv2dGeometry(shape, [layer.k, layer.k, shape[3], layer.f], { padding: "same" });
    const out = [geom[0], geom[13], geom[14], layer.f];
    const n = out.reduce((p, d) => p * d, 1);
    const w = new Float32Array(layer.k * layer.k * shape[3] * layer.f).map(() => Math.random() - 0.5);
    steps.push({
      layer,
      geom,
      x,
      w,
      y: new Float32Array(n),
      dx: new Float32Array(x.length),
      dw: new Float32Array(w.length),
      dy: new Float32Array(n).fill(0.01),
    });
    shape = out;
  } else {
    const geom = pool2dGeometry(shape, { poolSize: 2 });
    const out = [geom[0], geom[10], geom[11], geom[3]];
    const n = out.reduce((p, d) => p * d, 1);
    steps.push({
      layer,
      geom,
      x,
      y: new Float32Array(n),
      argmax: new Int32Array(n),
      dx: new Float32Array(x.length),
      dy: new Float32Array(n).fill(0.01),
    });
    shape = out;
  }
}

function forward(): void {
  for (const s of steps) {
    if (s.layer.kind === "conv") b.conv2dForward(s.x, s.w!, s.y, s.geom);
    else b.maxPool2dForward(s.x, s.y, s.argmax!, s.geom);
  }
}
function backward(): void {
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i];
    if (s.layer.kind === "conv") b.conv2dBackward(s.x, s.w!, s.dy, i === 0 ? null : s.dx, s.dw!, s.geom);
    else b.maxPool2dBackward(s.dy, s.argmax!, s.dx, s.geom);
  }
}

/** Best wall and CPU seconds over at least `reps` runs and `minSeconds` in all (after a warm-up). */
function best2(fn: () => void, reps = 3, minSeconds = 0.5): { wall: number; cpu: number } {
  fn();
  let wall = Infinity,
    cpu = Infinity,
    total = 0;
  for (let r = 0; (r < reps || total < minSeconds) && r < 50; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    const dt = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    wall = Math.min(wall, dt);
    cpu = Math.min(cpu, (c.user + c.system) / 1e6);
    total += dt;
  }
  return { wall, cpu };
}

const THREADS = [1, 2];
const before = b.cpuInfo().threads;
const ours = new Map<string, number>();
const torch = new Map<string, number>();
let why: string | undefined;
for (let pass = 0; pass < 2; pass++) {
  for (const t of THREADS) {
    b.setThreads(t);
    const f = best2(forward);
    const fb = best2(() => (forward(), backward()));
    for (const [k, v] of [
      [`fwd/${t}`, f],
      [`fwd+bwd/${t}`, fb],
    ] as const) {
      ours.set(k, Math.min(ours.get(k) ?? Infinity, v.wall));
      ours.set(`${k}/cpu`, Math.min(ours.get(`${k}/cpu`) ?? Infinity, v.cpu));
    }
    const py = `
import json, time, torch
torch.set_num_threads(${t})
nn = torch.nn
net = nn.Sequential(nn.Conv2d(1, 64, 7, padding=3), nn.MaxPool2d(2),
    nn.Conv2d(64, 128, 3, padding=1), nn.Conv2d(128, 128, 3, padding=1), nn.MaxPool2d(2),
    nn.Conv2d(128, 256, 3, padding=1), nn.Conv2d(256, 256, 3, padding=1), nn.MaxPool2d(2))
x = torch.rand(${BATCH}, 1, 28, 28)
def fwd():
    with torch.no_grad(): net(x)
def fwdbwd():
    y = net(x); y.backward(torch.full_like(y, 0.01))
def best(f, name):
    f(); b, c, tot, r = 1e9, 1e9, 0.0, 0
    while (r < 3 or tot < 0.5) and r < 50:
        c0 = time.process_time(); t0 = time.perf_counter(); f(); dt = time.perf_counter() - t0
        c = min(c, time.process_time() - c0); b = min(b, dt); tot += dt; r += 1
    return {name: b, name + "/cpu": c}
print(json.dumps({**best(fwd, "fwd"), **best(fwdbwd, "fwd+bwd")}))`;
    const r = python<Record<string, number>>(py, { OMP_NUM_THREADS: String(t) });
    if (!r.ok) why = r.why;
    else
      for (const [k, v] of Object.entries(r.value)) {
        const key = k.endsWith("/cpu") ? `${k.slice(0, -4)}/${t}/cpu` : `${k}/${t}`;
        torch.set(key, Math.min(torch.get(key) ?? Infinity, v));
      }
  }
}
b.setThreads(before);
if (why) console.log(`PyTorch not measured: ${why} (apt-get install -y python3-torch)`);
const rows: string[][] = [];
const ms = (v: number | undefined): string => fmt(v && v * 1000);
for (const k of ["fwd", "fwd+bwd"])
  for (const t of THREADS) {
    const o = ours.get(`${k}/${t}`),
      p = torch.get(`${k}/${t}`),
      oc = ours.get(`${k}/${t}/cpu`),
      pc = torch.get(`${k}/${t}/cpu`);
    rows.push([k, String(t), ms(o), ms(p), ratio(p, o), ms(oc), ms(pc), ratio(pc, oc)]);
  }
table(
  [
    "pass",
    "threads",
    "tensorbook ms",
    "pytorch ms",
    "speed-up vs pytorch",
    "tensorbook cpu ms",
    "pytorch cpu ms",
    "cpu speed-up",
  ],
  rows,
);
