// Runs a cell's steps in the executor: compiled code (with REPL semantics), magics, %time and
// %timeit; reports the result, errors and interrupts to the host.
import vm from "node:vm";
import type { JsonObject } from "../protocol/messages.js";
import { formatCpuTimes, formatTimeit } from "../magics/format.js";
import { CellContext, cellFinished, currentCell, runInCell } from "./cell-context.js";
import { mimeBundle } from "./display.js";
import { emit } from "./event-pipe.js";
import type { CompiledCode, HostMessage, Step } from "./events.js";
import { KeyboardInterrupt, type CellEndCallback } from "./hooks.js";
import { isDisplayHandle } from "./output.js";
import { importForCell, requireForCell } from "./importer.js";
import { declareSessionNames, env, reset, who } from "./session-magics.js";
import { describeError, registerScript } from "./traceback.js";

type Value = { value: unknown } | undefined;
type RunMessage = Extract<HostMessage, { type: "run" }>;

/** What transformed cell code calls (see language/repl-transform.ts). */
export const cellRuntime = {
  declare: declareSessionNames,
  import: (specifier: unknown) => importForCell(String(specifier)),
  require: (specifier: unknown) => requireForCell(String(specifier)),
  /** Awaits `value`, but gives up at once with a KeyboardInterrupt when the cell is interrupted. */
  async guard<T>(value: T): Promise<Awaited<T>> {
    const cell = currentCell();
    if (!cell) return await value;
    cell.throwIfInterrupted();
    const outcome = await Promise.race([Promise.resolve(value), cell.interruption]);
    cell.throwIfInterrupted();
    return outcome as Awaited<T>;
  },
};

/** Callbacks run at the end of every cell (the kernel hooks' `cellEnd`). */
export const cellEndCallbacks = new Set<CellEndCallback>();

let resetRequested = false;

function print(text: string): void {
  process.stdout.write(text);
}

function compile(code: CompiledCode, executionCount: number, source: string): vm.Script {
  registerScript(code.filename, code.map, executionCount, source);
  return new vm.Script(code.js, { filename: code.filename });
}

async function runCode(
  step: Extract<Step, { kind: "code" }>,
  cell: CellContext,
  source: string,
): Promise<Value> {
  const fn = compile(step, cell.executionCount, source).runInThisContext({ displayErrors: false }) as (
    rt: typeof cellRuntime,
  ) => Promise<Value>;
  return await fn(cellRuntime);
}

async function timeit(
  step: Extract<Step, { kind: "timeit" }>,
  cell: CellContext,
  source: string,
): Promise<void> {
  const loopJs =
    `(${step.isAsync ? "async " : ""}function (__n) {\n` +
    "const __t0 = performance.now();\nfor (let __i = 0; __i < __n; __i++) {\n" +
    `${step.js}\n}\nreturn (performance.now() - __t0) / 1000;\n})`;
  // The loop wrapper adds two lines above the code; the source map still names the cell lines
  // because the step's code was compiled with its own map, which we shift by those two lines.
  const shifted = { ...step, js: loopJs, map: shiftMap(step.map, 3) };
  const run = compile(shifted, cell.executionCount, source).runInThisContext({ displayErrors: false }) as (
    n: number,
  ) => number | Promise<number>;
  let loops = step.loops ?? 0;
  if (!step.loops) {
    // IPython's autorange: 1, 2, 5, 10, 20, 50, … loops until one measurement takes 0.2 s.
    outer: for (let scale = 1; ; scale *= 10) {
      for (const k of [1, 2, 5]) {
        loops = k * scale;
        const t = await run(loops);
        cell.throwIfInterrupted();
        if (t >= 0.2) break outer;
      }
    }
  }
  const runs: number[] = [];
  for (let r = 0; r < step.repeat; r++) {
    runs.push(await run(loops));
    cell.throwIfInterrupted();
  }
  print(formatTimeit(runs, loops));
}

// Prepends `lines` empty generated lines to a source map (each ";" starts a generated line).
function shiftMap(map: string, lines: number): string {
  if (!map) return map;
  const parsed = JSON.parse(map) as { mappings: string };
  parsed.mappings = ";".repeat(lines) + parsed.mappings;
  return JSON.stringify(parsed);
}

function magic(name: string, args: string): void {
  switch (name) {
    case "env":
      print(env(args));
      return;
    case "who":
      print(who());
      return;
    case "reset": {
      const n = reset();
      resetRequested = true;
      print(`Deleted ${n} variable${n === 1 ? "" : "s"}.\n`);
      return;
    }
    default:
      throw new Error(`unknown magic %${name}`);
  }
}

async function runSteps(steps: readonly Step[], cell: CellContext, source: string): Promise<Value> {
  let value: Value;
  for (const step of steps) {
    cell.throwIfInterrupted();
    value = undefined;
    switch (step.kind) {
      case "code":
        value = await runCode(step, cell, source);
        break;
      case "magic":
        magic(step.name, step.args);
        break;
      case "time": {
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        value = await runSteps(step.steps, cell, source);
        const wall = (performance.now() - t0) / 1000;
        const cpu = process.cpuUsage(cpu0);
        print(formatCpuTimes(cpu.user / 1e6, cpu.system / 1e6, wall));
        break;
      }
      case "timeit":
        await timeit(step, cell, source);
        break;
    }
  }
  return value;
}

function evaluateExpressions(
  expressions: Record<string, CompiledCode>,
  cell: CellContext,
  source: string,
): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {};
  for (const [key, code] of Object.entries(expressions)) {
    try {
      const value: unknown = compile(code, cell.executionCount, source).runInThisContext({
        displayErrors: false,
      });
      out[key] = { status: "ok", data: mimeBundle(value), metadata: {} };
    } catch (e) {
      out[key] = { status: "error", ...describeError(e) };
    }
  }
  return out;
}

async function runCellEnd(): Promise<void> {
  for (const cb of [...cellEndCallbacks]) {
    try {
      await cb();
    } catch (e) {
      process.stderr.write(`an end-of-cell callback failed: ${(e as Error).stack ?? String(e)}\n`);
    }
  }
}

let active: CellContext | undefined;

/** The cell being run, for interrupts. */
export function activeCell(): CellContext | undefined {
  return active;
}

/**
 * Runs one cell to the end (or to its interrupt) and reports `done`.
 *
 * @example
 * ```ts
 * await runCell(message); // message: { type: "run", cell, executionCount, source, steps, ... }
 * ```
 */
export async function runCell(msg: RunMessage): Promise<void> {
  const cell = new CellContext(msg.cell, msg.executionCount);
  active = cell;
  resetRequested = false;
  let status: "ok" | "error" | "interrupted" = "ok";
  await runInCell(cell, async () => {
    try {
      // User code starts one microtask later, once the race with the interrupt is in place: a
      // busy cell terminated by an interrupt then takes only its own frames down.
      const steps = (async () => {
        await null;
        return runSteps(msg.steps, cell, msg.source);
      })();
      const outcome = await Promise.race([steps, cell.interruption]);
      if (outcome === "interrupted") throw new KeyboardInterrupt();
      if (outcome && outcome.value !== undefined && !isDisplayHandle(outcome.value)) {
        emit({ type: "result", cell: cell.id, data: mimeBundle(outcome.value), metadata: {} });
      }
    } catch (e) {
      status = e instanceof KeyboardInterrupt || cell.interrupted ? "interrupted" : "error";
      const info = status === "interrupted" ? describeError(new KeyboardInterrupt()) : describeError(e);
      emit({ type: "error", cell: cell.id, ...info });
    }
    await runCellEnd();
  });
  const userExpressions = evaluateExpressions(msg.userExpressions, cell, msg.source);
  cellFinished(cell);
  active = undefined;
  emit({ type: "done", cell: cell.id, status, userExpressions, reset: resetRequested });
}
