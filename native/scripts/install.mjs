#!/usr/bin/env node
// `npm install` hook of @tensorbook/native: builds the addon with node-gyp when a C++ toolchain
// is present. Without one (or when the build fails) it prints one line and exits 0, because the
// engine then runs on its TypeScript kernels. TENSORBOOK_NATIVE_REQUIRED=1 turns a failed build
// into a failed install (for CI that must test the addon); TENSORBOOK_NATIVE=0 skips the build.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const required = process.env.TENSORBOOK_NATIVE_REQUIRED === "1";
const say = (msg) => console.log(`[@tensorbook/native] ${msg}`);

function give(reason) {
  say(`${reason}; Tensorbook will use its TypeScript kernels (slower).`);
  process.exit(required ? 1 : 0);
}

if (process.env.TENSORBOOK_NATIVE === "0") give("TENSORBOOK_NATIVE=0: native addon not built");

const has = (cmd, args = ["--version"]) => {
  const r = spawnSync(cmd, args, { stdio: "ignore" });
  return r.status === 0;
};
const cxx = process.env.CXX || "c++";
if (!has(cxx)) give(`no C++ compiler (${cxx}) found: native addon not built`);
if (!has("make")) give("no make found: native addon not built");
if (!has("python3")) give("no python3 found (node-gyp needs it): native addon not built");

let gyp;
try {
  gyp = createRequire(import.meta.url).resolve("node-gyp/bin/node-gyp.js");
} catch {
  give("node-gyp is not installed: native addon not built");
}

const started = Date.now();
say("building the native addon (node-gyp, about a minute)...");
const jobs = process.env.JOBS || "2";
const args = [gyp, "rebuild", `--jobs=${jobs}`];
// Build against the headers of the Node that runs us when they are installed beside it (as
// distribution packages do), so no header download is needed.
const localHeaders = join(dirname(dirname(process.execPath)), "include", "node", "node_api.h");
if (!process.env.npm_config_nodedir && existsSync(localHeaders)) {
  args.push(`--nodedir=${dirname(dirname(process.execPath))}`);
}
const r = spawnSync(process.execPath, args, {
  cwd: here,
  stdio: ["ignore", "pipe", "pipe"],
  encoding: "utf8",
});
if (r.status !== 0) {
  // Show the compiler's own words: they are what someone fixing the build needs.
  process.stderr.write((r.stdout ?? "").split("\n").slice(-30).join("\n"));
  process.stderr.write((r.stderr ?? "").split("\n").slice(-40).join("\n"));
  give(`the native build failed (see above; log in ${join(here, "build")})`);
}
say(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
