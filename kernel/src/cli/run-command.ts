// `tensorbook run NOTEBOOK`: executes a notebook headless through the real protocol (a kernel
// process and a zeromq client, as nbconvert would) and saves the outputs.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { TimeoutError } from "../protocol/client.js";
import type { JsonObject } from "../protocol/messages.js";
import { launchKernel } from "./launch.js";
import { OutputCollector, parseNotebook, serializeNotebook, sourceText, type Notebook } from "./notebook.js";

/** Options of {@link runNotebook}. */
export interface RunOptions {
  /** Where to write the executed notebook; the input file when not given. */
  out?: string;
  /** Seconds each cell may run before it is interrupted and the run fails. */
  timeoutS?: number;
  /** Keep going after a failing cell (the run still succeeds). */
  allowErrors?: boolean;
}

/** What happened. */
export interface RunResult {
  notebook: Notebook;
  /** The first failing cell (0-based index among all cells), when one failed. */
  failure?: { index: number; message: string };
}

/**
 * Executes every code cell of a notebook file and writes the result.
 *
 * @example
 * ```ts
 * const { failure } = await runNotebook("notebooks/01-intro.ipynb", { out: "/tmp/out.ipynb" });
 * ```
 */
export async function runNotebook(path: string, options: RunOptions = {}): Promise<RunResult> {
  const file = resolve(path);
  const nb = parseNotebook(readFileSync(file, "utf8"), path);
  const kernel = await launchKernel({ cwd: dirname(file) });
  const outputs = new OutputCollector();
  let failure: RunResult["failure"];
  try {
    const info = await kernel.client.request("shell", "kernel_info_request");
    nb.metadata.kernelspec = {
      name: "tensorbook",
      display_name: "TypeScript (Tensorbook)",
      language: "typescript",
    };
    nb.metadata.language_info = info.content.language_info as JsonObject;
    const timeoutMs = (options.timeoutS ?? 600) * 1000;
    for (const [index, cell] of nb.cells.entries()) {
      if (cell.cell_type !== "code") continue;
      const code = sourceText(cell);
      outputs.begin(cell);
      const since = kernel.client.iopubLog.length;
      const id = kernel.client.startExecute(code, { allow_stdin: false });
      let execution;
      try {
        execution = await kernel.client.finishExecute(id, timeoutMs, since);
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
        await kernel.client.request("control", "interrupt_request", {}, 10_000).catch(() => undefined);
        failure = {
          index,
          message: `did not finish within ${options.timeoutS ?? 600} s and was interrupted`,
        };
        kernel.client.iopubLog.filter((m) => m.parent_header.msg_id === id).forEach((m) => outputs.add(m));
        break;
      }
      for (const m of execution.iopub) outputs.add(m);
      cell.execution_count = (execution.reply.content.execution_count as number) ?? null;
      if (execution.reply.content.status === "error" && !failure) {
        failure = {
          index,
          message: `${String(execution.reply.content.ename)}: ${String(execution.reply.content.evalue)}`,
        };
        if (!options.allowErrors) break;
      }
    }
  } finally {
    await kernel.stop();
  }
  writeFileSync(options.out ? resolve(options.out) : file, serializeNotebook(nb));
  return { notebook: nb, ...(failure ? { failure } : {}) };
}

/** `tensorbook run NOTEBOOK [--out FILE] [--timeout S] [--allow-errors]`. */
export async function runCommand(args: readonly string[]): Promise<number> {
  const options: RunOptions = {};
  let path: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--out") options.out = args[++i];
    else if (a === "--timeout") {
      const s = Number(args[++i]);
      if (!(s > 0)) {
        console.error(`tensorbook run: --timeout expects a number of seconds, got "${args[i]}"`);
        return 2;
      }
      options.timeoutS = s;
    } else if (a === "--allow-errors") options.allowErrors = true;
    else if (!a.startsWith("--") && path === undefined) path = a;
    else {
      console.error(
        `tensorbook run: unexpected argument "${a}"; expected NOTEBOOK [--out FILE] [--timeout S] [--allow-errors]`,
      );
      return 2;
    }
  }
  if (!path) {
    console.error("usage: tensorbook run NOTEBOOK [--out FILE] [--timeout S] [--allow-errors]");
    return 2;
  }
  const { notebook, failure } = await runNotebook(path, options);
  const written = options.out ?? path;
  if (failure) {
    const first = sourceText(notebook.cells[failure.index]).split("\n")[0];
    const where = `cell ${failure.index + 1} ("${first.length > 60 ? first.slice(0, 57) + "..." : first}")`;
    console.error(`tensorbook run: ${path}: ${where} failed: ${failure.message}`);
    console.error(`the outputs so far are saved in ${written}`);
    if (!options.allowErrors) return 1;
  } else {
    console.log(`executed ${path}; saved to ${written}`);
  }
  return 0;
}
