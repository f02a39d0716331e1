// `npm run bench -- bench/engine/sk-trees.bench.ts`: fit + predict of the sk trees and forests
// next to scikit-learn (n_jobs=1) in the same run, on the housing data (the 16 512 first districts,
// the 8 numeric columns, missing bedrooms as 0) and on the first MNIST_ROWS (default 10 000)
// training digits (raw 0–255 pixels; predictions on the 10 000 test digits). The ratios compare CPU
// time (process CPU time here, time.process_time() in Python), which stays meaningful on a busy
// machine; wall times are printed too. scikit-learn runs single-threaded; with the native addon,
// Tensorbook grows a forest's trees on the addon's thread pool (TENSORBOOK_NATIVE=0 measures the
// TypeScript builder).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { sk, Tensor } from "../../engine/src/index.js";

const PY = "/usr/bin/python3";
const MNIST_ROWS = Number(process.env.MNIST_ROWS ?? 10000);
const HOUSING_ROWS = 16512;

function housing(): { X: Tensor; y: Tensor } {
  const lines = readFileSync("datasets/housing/housing.csv", "utf8")
    .trim()
    .split("\n")
    .slice(1, HOUSING_ROWS + 1);
  const X = new Float64Array(lines.length * 8);
  const y = new Float64Array(lines.length);
  lines.forEach((l, i) => {
    const f = l.split(",");
    for (let j = 0; j < 8; j++) X[i * 8 + j] = f[j] === "" ? 0 : Number(f[j]);
    y[i] = Number(f[8]);
  });
  return {
    X: Tensor.fromTypedArray(X, [lines.length, 8], "float64"),
    y: Tensor.fromTypedArray(y, [lines.length], "float64"),
  };
}

function mnist(part: "train" | "t10k", limit: number): { X: Tensor; y: Tensor } {
  const im = gunzipSync(readFileSync(`datasets/mnist/${part}-images-idx3-ubyte.gz`));
  const lb = gunzipSync(readFileSync(`datasets/mnist/${part}-labels-idx1-ubyte.gz`));
  const n = Math.min(im.readUInt32BE(4), limit);
  const X = new Float64Array(n * 784);
  for (let i = 0; i < X.length; i++) X[i] = im[16 + i];
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) y[i] = lb[8 + i];
  return { X: Tensor.fromTypedArray(X, [n, 784], "float64"), y: Tensor.fromTypedArray(y, [n], "int32") };
}

const h = housing();
const tr = mnist("train", MNIST_ROWS);
const te = mnist("t10k", 10000);

type Model = { predict(X: Tensor): unknown; score(X: Tensor, y: Tensor): number };
const ours: Record<string, number> = {};
const oursWall: Record<string, number> = {};
const scores: Record<string, number> = {};
function run(name: string, fit: () => Model, Xp: Tensor, yp: Tensor): void {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const m = fit();
  m.predict(Xp);
  const c = process.cpuUsage(c0);
  ours[name] = (c.user + c.system) / 1e6;
  oursWall[name] = (performance.now() - t0) / 1000;
  scores[name] = m.score(Xp, yp);
}
const TREE = "DecisionTreeRegressor housing 16512x8";
const RFR = "RandomForestRegressor(100) housing 16512x8";
const RFC = `RandomForestClassifier(100) MNIST ${MNIST_ROWS}x784`;
run(TREE, () => new sk.DecisionTreeRegressor({ randomState: 42 }).fit(h.X, h.y), h.X, h.y);
run(RFR, () => new sk.RandomForestRegressor({ nEstimators: 100, randomState: 42 }).fit(h.X, h.y), h.X, h.y);
run(
  RFC,
  () => new sk.RandomForestClassifier({ nEstimators: 100, randomState: 42 }).fit(tr.X, tr.y),
  te.X,
  te.y,
);

const py = `
import gzip, json, time, warnings, numpy as np, sklearn
warnings.filterwarnings("ignore")
from sklearn.tree import DecisionTreeRegressor
from sklearn.ensemble import RandomForestRegressor, RandomForestClassifier
H = np.genfromtxt("datasets/housing/housing.csv", delimiter=",", skip_header=1, usecols=range(9))[:${HOUSING_ROWS}]
H = np.nan_to_num(H)
hX, hy = H[:, :8], H[:, 8]
def idx(n, im):
    return np.frombuffer(gzip.open("datasets/mnist/" + n).read(), np.uint8, offset=16 if im else 8)
X = idx("train-images-idx3-ubyte.gz", True).reshape(-1, 784)[:${MNIST_ROWS}].astype(float)
y = idx("train-labels-idx1-ubyte.gz", False)[:${MNIST_ROWS}].astype(int)
Xt = idx("t10k-images-idx3-ubyte.gz", True).reshape(-1, 784).astype(float)
yt = idx("t10k-labels-idx1-ubyte.gz", False).astype(int)
out, wall, sc = {}, {}, {}
def run(name, make, X, y, Xp, yp):
    t0 = time.perf_counter(); c0 = time.process_time()
    m = make().fit(X, y); m.predict(Xp)
    out[name] = time.process_time() - c0; wall[name] = time.perf_counter() - t0
    sc[name] = m.score(Xp, yp)
run(${JSON.stringify(TREE)}, lambda: DecisionTreeRegressor(random_state=42), hX, hy, hX, hy)
run(${JSON.stringify(RFR)}, lambda: RandomForestRegressor(100, random_state=42, n_jobs=1), hX, hy, hX, hy)
run(${JSON.stringify(RFC)}, lambda: RandomForestClassifier(100, random_state=42, n_jobs=1), X, y, Xt, yt)
print(json.dumps({"times": out, "wall": wall, "scores": sc, "sklearn": sklearn.__version__}))
`;

let peer: {
  times: Record<string, number>;
  wall: Record<string, number>;
  scores: Record<string, number>;
  sklearn: string;
} | null = null;
if (existsSync(PY)) {
  const r = spawnSync(PY, ["-c", py], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status === 0) peer = JSON.parse(r.stdout) as typeof peer;
  else console.log(`scikit-learn run failed: ${r.stderr.trim().split("\n").pop()}`);
}
if (peer) console.log(`scikit-learn ${peer.sklearn}, n_jobs=1`);
const pad = (s: string, w: number): string => s.padEnd(w);
const fmt = (s: number | undefined): string => (s === undefined ? "-" : `${s.toFixed(2)} s`);
console.log(
  `${pad("case (fit + predict)", 46)}${pad("ours cpu", 10)}${pad("sk cpu", 10)}${pad("ratio", 7)}${pad("ours wall", 11)}${pad("sk wall", 10)}scores (ours / sklearn)`,
);
for (const k of Object.keys(ours)) {
  const s = peer?.times[k];
  console.log(
    `${pad(k, 46)}${pad(fmt(ours[k]), 10)}${pad(fmt(s), 10)}${pad(s === undefined ? "-" : (ours[k] / s).toFixed(2), 7)}${pad(fmt(oursWall[k]), 11)}${pad(fmt(peer?.wall[k]), 10)}${scores[k].toFixed(6)} / ${peer?.scores[k]?.toFixed(6) ?? "-"}`,
  );
}
console.log(
  "ratio = Tensorbook CPU time (all threads) / scikit-learn CPU time (n_jobs=1); seeded fits grow the same trees, so the scores agree.",
);
