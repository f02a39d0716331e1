#!/usr/bin/env node
// The `tensorbook` command: runs the compiled CLI (npm run build compiles it).
import { main } from "../dist/cli.js";

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error) => {
    console.error(`tensorbook: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
