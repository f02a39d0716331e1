// `npm run bench -- bench/engine/sk-svm.bench.ts`: fit + predict of sk's SVMs next to
// scikit-learn in the same run, on the same bytes (the inputs are written to a temporary folder
// and read back by the Python side): SVC rbf on 2 000 and 5 000 scaled MNIST digits, SVR linear
// and rbf on the California housing training set (16 512 × 8, standardized), LinearSVC on 10 000
// scaled digits. SVM_SVR_ROWS (default 16512) shortens the SVR cases.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { sk, Tensor } from "../../engine/src/index.js";

const PY = "/usr/bin/python3";
const SVR_ROWS = Number(process.env.SVM_SVR_ROWS ?? 16512);

function idx(name: string, images: boolean): { data: Uint8Array; n: number; d: number } {
  const b = gunzipSync(readFileSync(`datasets/mnist/${name}`));
  const n = b.readUInt32BE(4);
  const d = images ? b.readUInt32BE(8) * b.readUInt32BE(12) : 1;
  return { data: b.subarray(images ? 16 : 8), n, d };
}

function mnist(part: "train" | "t10k", limit: number): { X: Tensor; y: Tensor } {
  const im = idx(`${part}-images-idx3-ubyte.gz`, true);
  const lb = idx(`${part}-labels-idx1-ubyte.gz`, false);
  const n = Math.min(im.n, limit);
  const X = new Float64Array(n * im.d);
  for (let i = 0; i < X.length; i++) X[i] = im.data[i] / 255;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = lb.data[i];
  return { X: Tensor.fromTypedArray(X, [n, im.d], "float64"), y: Tensor.fromTypedArray(y, [n], "float64") };
}

const dir = mkdtempSync(join(tmpdir(), "tb-svm-bench-"));
const save = (name: string, t: Tensor): void =>
  writeFileSync(join(dir, `${name}.f64`), Buffer.from(Float64Array.from(t.dataSync()).buffer));

const train = mnist("train", 10000);
const test = mnist("t10k", 2000);
save("Xm", train.X);
save("ym", train.y);
save("Xmt", test.X);
save("ymt", test.y);
const cal = sk.datasets.fetchCaliforniaHousing();
const [Xc, Xct, yc, yct] = sk.trainTestSplit(cal.data as Tensor, cal.target as Tensor, {
  testSize: 0.2,
  randomState: 42,
}) as Tensor[];
const scaler = new sk.StandardScaler().fit(Xc);
const Xh = (scaler.transform(Xc) as Tensor).get(`:${SVR_ROWS}`);
const yh = yc.get(`:${SVR_ROWS}`);
const Xht = scaler.transform(Xct) as Tensor;
save("Xh", Xh);
save("yh", yh);
save("Xht", Xht);
save("yht", yct);

function time(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return (performance.now() - t0) / 1000;
}

type Model = { fit(X: Tensor, y: Tensor): Model; score(X: Tensor, y: Tensor): number };
const ours: Record<string, number> = {};
const scores: Record<string, number> = {};
const run = (name: string, make: () => Model, X: Tensor, y: Tensor, Xt: Tensor, yt: Tensor): void => {
  let m: Model | null = null;
  ours[name] = time(() => {
    m = make().fit(X, y);
    (m as unknown as { predict(X: Tensor): unknown }).predict(Xt);
  });
  scores[name] = (m as unknown as Model).score(Xt, yt);
};
const c2 = "SVC rbf, 2000 digits (+ predict 2000)";
const c5 = "SVC rbf, 5000 digits (+ predict 2000)";
const rl = `SVR linear, California ${SVR_ROWS}x8`;
const rr = `SVR rbf, California ${SVR_ROWS}x8`;
const ls = "LinearSVC, 10000 digits (max_iter 1000)";
run(c2, () => new sk.SVC() as unknown as Model, train.X.get(":2000"), train.y.get(":2000"), test.X, test.y);
run(c5, () => new sk.SVC() as unknown as Model, train.X.get(":5000"), train.y.get(":5000"), test.X, test.y);
run(rl, () => new sk.SVR({ kernel: "linear" }) as unknown as Model, Xh, yh, Xht, yct);
run(rr, () => new sk.SVR() as unknown as Model, Xh, yh, Xht, yct);
run(ls, () => new sk.LinearSVC({ randomState: 42 }) as unknown as Model, train.X, train.y, test.X, test.y);

const py = `
import json, time, warnings, numpy as np, sklearn
warnings.filterwarnings("ignore")
from sklearn.svm import SVC, SVR, LinearSVC
d = ${JSON.stringify(dir)}
def ld(n, cols=None):
    a = np.fromfile(d + "/" + n + ".f64")
    return a.reshape(-1, cols) if cols else a
Xm, ym, Xmt, ymt = ld("Xm", 784), ld("ym"), ld("Xmt", 784), ld("ymt")
Xh, yh, Xht, yht = ld("Xh", 8), ld("yh"), ld("Xht", 8), ld("yht")
out, sc = {}, {}
def run(name, make, X, y, Xt, yt):
    t0 = time.perf_counter(); m = make().fit(X, y); m.predict(Xt); out[name] = time.perf_counter() - t0
    sc[name] = m.score(Xt, yt)
run(${JSON.stringify(c2)}, SVC, Xm[:2000], ym[:2000], Xmt, ymt)
run(${JSON.stringify(c5)}, SVC, Xm[:5000], ym[:5000], Xmt, ymt)
run(${JSON.stringify(rl)}, lambda: SVR(kernel="linear"), Xh, yh, Xht, yht)
run(${JSON.stringify(rr)}, SVR, Xh, yh, Xht, yht)
run(${JSON.stringify(ls)}, lambda: LinearSVC(random_state=42), Xm, ym, Xmt, ymt)
print(json.dumps({"times": out, "scores": sc, "sklearn": sklearn.__version__}))
`;

const r = existsSync(PY) ? spawnSync(PY, ["-c", py], { encoding: "utf8", maxBuffer: 1 << 24 }) : null;
rmSync(dir, { recursive: true, force: true });
const peer =
  r && r.status === 0
    ? (JSON.parse(r.stdout) as {
        times: Record<string, number>;
        scores: Record<string, number>;
        sklearn: string;
      })
    : null;
if (r && r.status !== 0) console.log(`scikit-learn run failed: ${r.stderr.trim().split("\n").pop()}`);
if (peer) console.log(`scikit-learn ${peer.sklearn} (libsvm and liblinear are single-threaded)`);
const pad = (s: string, w: number): string => s.padEnd(w);
const fmt = (s: number | undefined): string => (s === undefined ? "-" : `${s.toFixed(2)} s`);
console.log(
  `${pad("case (fit + predict)", 44)}${pad("tensorbook", 12)}${pad("sklearn", 12)}${pad("ratio", 8)}test score (ours / sklearn)`,
);
for (const k of Object.keys(ours)) {
  const theirs = peer?.times[k];
  console.log(
    `${pad(k, 44)}${pad(fmt(ours[k]), 12)}${pad(fmt(theirs), 12)}${pad(theirs ? (ours[k] / theirs).toFixed(2) : "-", 8)}${scores[k].toFixed(4)} / ${peer?.scores[k]?.toFixed(4) ?? "-"}`,
  );
}
console.log("ratio = Tensorbook time / scikit-learn time, measured in the same run.");
