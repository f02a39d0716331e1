#!/usr/bin/env node
// `npm run bench`: runs every bench/**/*.bench.ts in turn (through tsx). Each benchmark measures
// Tensorbook and its Python peers side by side in the same run and prints the ratios.
// Arguments narrow the run: npm run bench -- bench/engine/elementwise.bench.ts
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { withHugePages } from "./huge-pages.mjs";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const collect = (p) =>
  statSync(p).isFile()
    ? [p]
    : readdirSync(p, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? collect(join(p, e.name)) : e.name.endsWith(".bench.ts") ? [join(p, e.name)] : [],
      );

const targets = process.argv.slice(2).map((t) => join(process.cwd(), t));
const benchDir = join(root, "bench");
const files = (targets.length ? targets : existsSync(benchDir) ? [benchDir] : []).flatMap(collect).sort();
if (files.length === 0) {
  console.log("no benchmarks found under bench/");
  process.exit(0);
}
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${relative(root, f)} ===`);
  const r = spawnSync(process.execPath, ["--import", "tsx", "--conditions=source", f], {
    cwd: root,
    stdio: "inherit",
    env: withHugePages(process.env),
  });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
