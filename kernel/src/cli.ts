import { backendInfo, datasets } from "tensorbook";
import { installCommand } from "./cli/install.js";
import { kernelCommand } from "./cli/kernel-command.js";
import { labCommand } from "./cli/lab-command.js";
import { runCommand } from "./cli/run-command.js";
import { startRepl } from "./repl.js";

const USAGE = `usage: tensorbook <command>

commands:
  start, lab [--port N] [--no-browser] [--ip A] [--root DIR] [--open PATH] [--state-dir DIR]
                            open Tensorbook in JupyterLab (what npm start runs; lab --help)
  repl                      an interactive session in the terminal with the engine loaded
  install [--user | --prefix P] [--name N] [--display-name D]
                            install the Jupyter kernelspec (no Python needed)
  run NOTEBOOK [--out FILE] [--timeout S] [--allow-errors]
                            execute a notebook headless and save its outputs
  kernel CONNECTION_FILE    run the Jupyter kernel (what the kernelspec launches)
  info                      the compute backends and where the datasets are
  help                      this text`;

function info(): void {
  for (const b of backendInfo()) {
    const detail = [
      b.isa ? `isa ${b.isa}` : "",
      b.threads !== undefined ? `${b.threads} thread${b.threads === 1 ? "" : "s"}` : "",
      b.device ? `${b.device}${b.details ? ` (${b.details})` : ""}` : "",
    ].filter(Boolean);
    const why = b.reason ? ` (${b.reason})` : "";
    console.log(`${b.name.padEnd(11)} ${b.state}${why}${detail.length ? ` — ${detail.join(", ")}` : ""}`);
  }
  const files = datasets.listDatasetFiles();
  console.log(`datasets    ${datasets.datasetsRoot()} (${files.length} files)`);
}

/**
 * Runs the `tensorbook` command line with the given arguments; resolves with the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await main(["install", "--user"]);
 * ```
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "start":
    case "lab":
      return labCommand(rest);
    case "repl":
      startRepl();
      return 0;
    case "install":
      return installCommand(rest);
    case "run":
      return runCommand(rest);
    case "kernel":
      return kernelCommand(rest);
    case "info":
      info();
      return 0;
    case undefined:
    case "help":
    case "--help":
    case "-h":
      console.log(USAGE);
      return 0;
    default:
      console.error(
        `tensorbook: unknown command "${command}"${rest.length ? ` (with ${rest.join(" ")})` : ""}\n\n${USAGE}`,
      );
      return 2;
  }
}
