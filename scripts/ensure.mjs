#!/usr/bin/env node
// Installs and builds whatever is missing, idempotently and with visible progress. `npm test`,
// `npm start` and `npm run bench` call it first, so a fresh clone needs nothing but Node and npm.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildLab } from "./build-lab.mjs";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const workspaces = ["engine", "native", "kernel", "extension"];
const say = (msg) => console.log(`\x1b[1m[tensorbook]\x1b[0m ${msg}`);
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(cmd, args, what) {
  say(`${what}: ${cmd} ${args.join(" ")}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    say(`${what} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
  say(`${what}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function needsInstall() {
  const stamp = join(root, "node_modules", ".package-lock.json");
  if (!existsSync(stamp)) return "dependencies are not installed";
  const newest = Math.max(
    mtime(join(root, "package-lock.json")),
    mtime(join(root, "package.json")),
    ...workspaces.map((w) => mtime(join(root, w, "package.json"))),
  );
  return newest > mtime(stamp) ? "package.json or the lockfile changed since the last install" : "";
}

const why = needsInstall();
if (why) {
  const hasModules = existsSync(join(root, "node_modules"));
  const ci = !hasModules && existsSync(join(root, "package-lock.json"));
  say(`installing dependencies (${why})`);
  run(npm, ci ? ["ci"] : ["install"], ci ? "npm ci" : "npm install");
} else {
  say("dependencies are installed");
}

// tsc -b is incremental: it rebuilds only the workspaces whose inputs changed.
run(
  process.execPath,
  [join(root, "node_modules", "typescript", "bin", "tsc"), "-b"],
  "building the workspaces (tsc -b)",
);

// The JupyterLab extension and application (seconds each with rspack; skipped when up to date).
buildLab(root, say, run);
