#!/usr/bin/env node
// `npm start`: installs and builds whatever is missing, then opens Tensorbook through the CLI's
// `start` command (arguments after `--` are passed on: npm start -- --port 8890).
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { withHugePages } from "./huge-pages.mjs";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const step = (args) =>
  spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: withHugePages(process.env) })
    .status ?? 1;

const built = step([join(root, "scripts", "ensure.mjs")]);
if (built !== 0) process.exit(built);
process.exit(step([join(root, "kernel", "bin", "tensorbook.mjs"), "start", ...process.argv.slice(2)]));
