#!/usr/bin/env node
// Runs every test under test/ with Node's own runner; TypeScript goes through tsx, and the
// "source" export condition makes workspace packages resolve to their src/ (no build needed).
// Arguments narrow the run to the given files or folders: npm run test:only -- test/engine
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { withHugePages } from "./huge-pages.mjs";

const root = dirname(dirname(fileURLToPath(import.meta.url)));

function collect(path) {
  if (!existsSync(path)) throw new Error(`no such test file or folder: ${relative(root, path)}`);
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((e) => e.name !== "fixtures" && e.name !== "node_modules")
    .flatMap((e) =>
      e.isDirectory()
        ? collect(join(path, e.name))
        : /\.test\.m?ts$/.test(e.name)
          ? [join(path, e.name)]
          : [],
    );
}

const targets = process.argv.slice(2);
const files = (targets.length ? targets.map((t) => join(process.cwd(), t)) : [join(root, "test")])
  .flatMap(collect)
  .sort();
if (files.length === 0) {
  console.error("no test files found");
  process.exit(1);
}
const r = spawnSync(
  process.execPath,
  ["--import", "tsx", "--conditions=source", "--test", ...files.map((f) => relative(root, f))],
  { cwd: root, stdio: "inherit", env: { ...withHugePages(process.env), TENSORBOOK_TESTING: "1" } },
);
process.exit(r.status ?? 1);
