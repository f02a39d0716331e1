import { sk } from "/work/wt-trees/engine/src/index.js";
import { mnist } from "/work/wt-trees/test/engine/sk/models/mnist.js";
const tr = mnist("train", 10000);
for (let r = 0; r < 2; r++) {
const c0 = process.cpuUsage();
new sk.RandomForestClassifier({ nEstimators: 10, randomState: 42 }).fit(tr.X, tr.y);
const c = process.cpuUsage(c0);
console.log((c.user + c.system) / 1e6);
}
