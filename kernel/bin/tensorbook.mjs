#!/usr/bin/env node
// The `tensorbook` command: runs the compiled CLI (npm run build compiles it).
import { main } from "../dist/cli.js";

const code = main(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
