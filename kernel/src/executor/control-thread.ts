// The executor's control thread. It reads the host's control pipe, which the main thread cannot
// do while a cell runs synchronously, and turns an interrupt into one of two things:
// - when the main thread is idle between awaits, a message it handles at once;
// - when it is busy in synchronous code, a V8 termination of the running JavaScript, requested
//   through the inspector (which interrupts the isolate from this thread). The session's
//   globals survive; only the running stack is unwound.
import { Session } from "node:inspector";
import { Socket } from "node:net";
import { parentPort, workerData } from "node:worker_threads";
import { SLOT, type ControlState } from "./control-state.js";
import { CONTROL_FD } from "./events.js";

const { state: stateBuffer, input: inputBuffer } = workerData as ControlState;
const state = new Int32Array(stateBuffer);
const input = new Uint8Array(inputBuffer);

// Atomics.waitAsync is in Node 20 but in TypeScript's ES2024 library only.
interface AtomicsWithWaitAsync {
  waitAsync(
    a: Int32Array,
    index: number,
    value: number,
    timeout: number,
  ): { async: boolean; value: Promise<string> | string };
}

// Resolves true once the main thread has acknowledged interrupt `seq`, false after `ms`.
async function acknowledged(seq: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Atomics.load(state, SLOT.interruptAck) < seq) {
    const left = until - Date.now();
    if (left <= 0) return false;
    const w = (Atomics as unknown as AtomicsWithWaitAsync).waitAsync(
      state,
      SLOT.interruptAck,
      Atomics.load(state, SLOT.interruptAck),
      left,
    );
    if (w.async) await w.value;
  }
  return true;
}

function post(session: Session, method: string, params?: object): Promise<void> {
  return new Promise((resolve) => session.post(method, params, () => resolve()));
}

// Connected only while terminating: a session left connected makes Node print "Waiting for the
// debugger to disconnect..." when the executor exits.
async function terminateMainThread(): Promise<void> {
  const session = new Session();
  try {
    session.connectToMainThread();
  } catch {
    return; // no inspector in this Node build: only idle and awaiting cells can be interrupted
  }
  try {
    // First let the main thread switch off async-context tracking (code run through the
    // inspector runs in between its statements): terminating while that tracking is on would
    // leave Node's async bookkeeping inconsistent and abort the process.
    await post(session, "Runtime.evaluate", {
      expression: `globalThis[Symbol.for("tensorbook.beforeTerminate")]?.()`,
    });
    await post(session, "Runtime.terminateExecution");
  } finally {
    session.disconnect();
  }
}

let interrupting = false;

async function interrupt(): Promise<void> {
  const seq = Atomics.add(state, SLOT.interruptSeq, 1) + 1;
  if (Atomics.load(state, SLOT.inputWaiting) === 1) {
    Atomics.store(state, SLOT.inputState, 2);
    Atomics.notify(state, SLOT.inputState);
  }
  if (interrupting) return;
  interrupting = true;
  try {
    for (let attempt = 0; attempt < 8; attempt++) {
      parentPort?.postMessage({ type: "interrupt", seq });
      if (await acknowledged(seq, 250)) return;
      // The main thread is busy in synchronous code.
      await terminateMainThread();
    }
  } finally {
    interrupting = false;
  }
}

function answer(value: string): void {
  const bytes = Buffer.from(value, "utf8").subarray(0, input.length);
  input.set(bytes);
  Atomics.store(state, SLOT.inputLength, bytes.length);
  Atomics.store(state, SLOT.inputState, 1);
  Atomics.notify(state, SLOT.inputState);
}

let pending = "";
const pipe = new Socket({ fd: CONTROL_FD, readable: true, writable: false });
pipe.setEncoding("utf8");
pipe.on("data", (chunk: string) => {
  pending += chunk;
  let nl: number;
  while ((nl = pending.indexOf("\n")) >= 0) {
    const line = pending.slice(0, nl);
    pending = pending.slice(nl + 1);
    if (line === "interrupt") void interrupt();
    else if (line.startsWith("input ")) answer(JSON.parse(line.slice(6)) as string);
    else if (line === "noinput") {
      Atomics.store(state, SLOT.inputState, 3);
      Atomics.notify(state, SLOT.inputState);
    }
  }
});
pipe.on("error", () => {});
parentPort?.on("message", (m: unknown) => {
  if (m === "close") {
    pipe.destroy();
    parentPort?.close();
  }
});
