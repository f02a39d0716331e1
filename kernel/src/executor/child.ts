// The executor process: where cells run. The kernel process forks it and talks to it over an IPC
// channel (requests), an event pipe (everything the cells produce) and a control pipe (interrupts
// and input answers, read by a separate thread because the main thread may be busy).
import { Worker } from "node:worker_threads";
import { activeCell, cellEndCallbacks, runCell } from "./runtime.js";
import { currentCell, suspendTracking } from "./cell-context.js";
import { newControlState, SLOT } from "./control-state.js";
import { emit } from "./event-pipe.js";
import type { HostMessage } from "./events.js";
import { KERNEL_HOOKS, KeyboardInterrupt, type KernelHooks } from "./hooks.js";
import { captureStreams, clearOutput, display, displayBundle, makePrompt } from "./output.js";

const shared = newControlState();
const state = new Int32Array(shared.state);

const control = new Worker(new URL("./control-thread.js", import.meta.url), { workerData: shared });
control.unref();
// Thrown and swallowed after an interrupt: Node clears its async-id stack when it handles an
// uncaught exception, which repairs what a terminated execution left behind.
const CLEAR_ASYNC_STACK = Symbol("tensorbook.clearAsyncStack");

control.on("message", (m: { type: string; seq: number }) => {
  if (m.type !== "interrupt") return;
  Atomics.store(state, SLOT.interruptAck, m.seq);
  Atomics.notify(state, SLOT.interruptAck);
  activeCell()?.interrupt();
  throw CLEAR_ASYNC_STACK;
});
control.on("error", (e) => process.stderr.write(`the executor's control thread failed: ${e.message}\n`));

// Interrupts come through the control pipe; a SIGINT sent to the whole process group (Ctrl+C in
// the terminal that started Jupyter) must not kill the session.
process.on("SIGINT", () => {});

// The experimental-feature warning of the module loader used for imports from the notebook's
// folder is noise for learners; other warnings are still printed.
process.removeAllListeners("warning");
process.on("warning", (w) => {
  if (w.name === "ExperimentalWarning" && /USE_MAIN_CONTEXT_DEFAULT_LOADER/.test(w.message)) return;
  process.stderr.write(`${w.name}: ${w.message}\n`);
});

// An error nobody handled (a rejected promise or a throwing timer) is reported in the cell it
// came from, and the session goes on.
const reportStray = (e: unknown) => {
  if (e === CLEAR_ASYNC_STACK) return;
  const cell = currentCell();
  const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
  process.stderr.write(`${cell ? "" : "[executor] "}Uncaught ${text}\n`);
};
process.on("uncaughtException", reportStray);
process.on("unhandledRejection", reportStray);

const hooks: KernelHooks = {
  version: 1,
  display,
  displayBundle,
  clearOutput,
  cellEnd: cellEndCallbacks,
  interrupted: () => currentCell()?.interrupted ?? false,
  throwIfInterrupted: () => {
    if (currentCell()?.interrupted) throw new KeyboardInterrupt();
  },
  executionCount: () => currentCell()?.executionCount,
};

const globals: Record<string | symbol, unknown> = {
  [KERNEL_HOOKS]: hooks,
  [Symbol.for("tensorbook.beforeTerminate")]: suspendTracking,
  display,
  clearOutput,
  prompt: makePrompt(shared),
};
for (const key of Reflect.ownKeys(globals)) {
  Object.defineProperty(globalThis, key, { value: globals[key], writable: true, configurable: true });
}

captureStreams();

// Cells wait in a plain list, not in a promise chain: an interrupt that terminates a busy cell
// drops every pending microtask, and a chain linked through one would never move again.
const waiting: Extract<HostMessage, { type: "run" }>[] = [];
let running = false;
function runNext(): void {
  if (running) return;
  const msg = waiting.shift();
  if (!msg) return;
  running = true;
  runCell(msg).then(
    () => {
      running = false;
      runNext();
    },
    (e: Error) => process.stderr.write(`[executor] ${e.stack ?? e.message}\n`),
  );
}

process.on("message", (msg: HostMessage) => {
  if (msg.type === "run") {
    waiting.push(msg);
    runNext();
  } else if (msg.type === "exit") {
    control.postMessage("close");
    process.disconnect();
  }
});
process.on("disconnect", () => {
  control.postMessage("close");
  setImmediate(() => process.exit(0));
});

emit({ type: "ready", pid: process.pid });
