// `npm run bench -- bench/engine/sk-models.bench.ts`: fit + predict of the sk models on MNIST
// (the shipped idx.gz files, pixels scaled to [0, 1]) next to scikit-learn in the same run.
// KNN_QUERIES (default 10000) sets how many test digits KNN classifies against the 60 000.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { sk, Tensor } from "../../engine/src/index.js";

const PY = "/usr/bin/python3";
const KNN_QUERIES = Number(process.env.KNN_QUERIES ?? 10000);

function idx(name: string, images: boolean): { data: Uint8Array; n: number; d: number } {
  const b = gunzipSync(readFileSync(`datasets/mnist/${name}`));
  const n = b.readUInt32BE(4);
  const d = images ? b.readUInt32BE(8) * b.readUInt32BE(12) : 1;
  return { data: b.subarray(images ? 16 : 8), n, d };
}

function load(part: "train" | "t10k", limit = Infinity): { X: Tensor; y: Tensor } {
  const im = idx(`${part}-images-idx3-ubyte.gz`, true);
  const lb = idx(`${part}-labels-idx1-ubyte.gz`, false);
  const n = Math.min(im.n, limit);
  const X = new Float64Array(n * im.d);
  for (let i = 0; i < X.length; i++) X[i] = im.data[i] / 255;
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) y[i] = lb.data[i];
  return { X: Tensor.fromTypedArray(X, [n, im.d], "float64"), y: Tensor.fromTypedArray(y, [n], "int32") };
}

const train = load("train");
const test = load("t10k");
const yf = train.y.astype("float64");

function time(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return (performance.now() - t0) / 1000;
}

const ours: Record<string, number> = {};
const scores: Record<string, number> = {};
const run = (
  name: string,
  fit: () => { predict(X: Tensor): unknown; score(X: Tensor, y: Tensor): number },
  y: Tensor,
): void => {
  let model: { predict(X: Tensor): unknown; score(X: Tensor, y: Tensor): number } | null = null;
  ours[name] = time(() => {
    model = fit();
    model.predict(test.X);
  });
  scores[name] = (model as unknown as { score(X: Tensor, y: Tensor): number }).score(test.X, y);
};
const yt = test.y;
run(
  "LinearRegression (digit as number)",
  () => new sk.LinearRegression().fit(train.X, yf),
  yt.astype("float64"),
);
run("Ridge alpha=1 (cholesky)", () => new sk.Ridge({ alpha: 1 }).fit(train.X, yf), yt.astype("float64"));
run(
  "LogisticRegression multinomial, 10 classes",
  () => new sk.LogisticRegression({ maxIter: 100 }).fit(train.X, train.y),
  yt,
);
run(
  "SGDClassifier is-5 (random_state=42)",
  () => new sk.SGDClassifier({ randomState: 42 }).fit(train.X, train.y.eq(5)),
  yt.eq(5),
);
const queries = test.X.get(`:${KNN_QUERIES}`);
let knnAcc = 0;
ours[`KNN predict ${KNN_QUERIES}x784 vs 60000 (k=5)`] = time(() => {
  const knn = new sk.KNeighborsClassifier().fit(train.X, train.y);
  knnAcc = knn.score(queries, test.y.get(`:${KNN_QUERIES}`));
});
scores[`KNN predict ${KNN_QUERIES}x784 vs 60000 (k=5)`] = knnAcc;

const py = `
import gzip, json, time, warnings, numpy as np
warnings.filterwarnings("ignore")
from sklearn.linear_model import LinearRegression, Ridge, LogisticRegression, SGDClassifier
from sklearn.neighbors import KNeighborsClassifier
def idx(n, im):
    b = gzip.open("datasets/mnist/" + n).read()
    return np.frombuffer(b, np.uint8, offset=16 if im else 8)
X = idx("train-images-idx3-ubyte.gz", True).reshape(-1, 784) / 255.0
y = idx("train-labels-idx1-ubyte.gz", False).astype(int)
Xt = idx("t10k-images-idx3-ubyte.gz", True).reshape(-1, 784) / 255.0
yt = idx("t10k-labels-idx1-ubyte.gz", False).astype(int)
out, sc = {}, {}
def run(name, make, yy, yyt):
    t0 = time.perf_counter(); m = make().fit(X, yy); m.predict(Xt); out[name] = time.perf_counter() - t0
    sc[name] = m.score(Xt, yyt)
run("LinearRegression (digit as number)", LinearRegression, y.astype(float), yt.astype(float))
run("Ridge alpha=1 (cholesky)", lambda: Ridge(alpha=1.0), y.astype(float), yt.astype(float))
run("LogisticRegression multinomial, 10 classes", lambda: LogisticRegression(max_iter=100), y, yt)
run("SGDClassifier is-5 (random_state=42)", lambda: SGDClassifier(random_state=42), y == 5, yt == 5)
q = ${KNN_QUERIES}
t0 = time.perf_counter(); k = KNeighborsClassifier().fit(X, y); a = k.score(Xt[:q], yt[:q])
name = "KNN predict %dx784 vs 60000 (k=5)" % q
out[name] = time.perf_counter() - t0; sc[name] = a
import sklearn
print(json.dumps({"times": out, "scores": sc, "sklearn": sklearn.__version__}))
`;

function sklearn(
  pinned: boolean,
): { times: Record<string, number>; scores: Record<string, number>; sklearn: string } | null {
  if (!existsSync(PY)) return null;
  const env = { ...process.env };
  if (pinned) for (const k of ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"]) env[k] = "1";
  const r = spawnSync(PY, ["-c", py], { env, encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) {
    console.log(`scikit-learn run failed: ${r.stderr.trim().split("\n").pop()}`);
    return null;
  }
  return JSON.parse(r.stdout) as {
    times: Record<string, number>;
    scores: Record<string, number>;
    sklearn: string;
  };
}

const one = sklearn(true);
const dflt = sklearn(false);
if (one) console.log(`scikit-learn ${one.sklearn}; MNIST 60000 train / 10000 test, pixels / 255`);
const pad = (s: string, w: number): string => s.padEnd(w);
const fmt = (s: number | undefined): string => (s === undefined ? "-" : `${s.toFixed(2)} s`);
console.log(
  `${pad("case (fit + predict)", 48)}${pad("tensorbook", 12)}${pad("sklearn 1thr", 14)}${pad("ratio", 8)}${pad("sklearn dflt", 14)}${pad("ratio", 8)}scores (ours / sklearn)`,
);
for (const k of Object.keys(ours)) {
  const ratio = (s: number | undefined): string => (s === undefined ? "-" : (ours[k] / s).toFixed(2));
  console.log(
    `${pad(k, 48)}${pad(fmt(ours[k]), 12)}${pad(fmt(one?.times[k]), 14)}${pad(ratio(one?.times[k]), 8)}${pad(fmt(dflt?.times[k]), 14)}${pad(ratio(dflt?.times[k]), 8)}${scores[k].toFixed(4)} / ${one?.scores[k]?.toFixed(4) ?? "-"}`,
  );
}
console.log("ratio = Tensorbook time / scikit-learn time (the issue's target: ≤ 1.5 with the native addon).");
