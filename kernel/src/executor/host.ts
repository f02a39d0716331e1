// The kernel process's handle on its executor process: starts it, sends it cells, relays what it
// produces, interrupts it, and restarts it when it dies (a native fault, running out of memory,
// `process.exit()` in a cell), reporting the death in the cell that was running.
import { fork, type ChildProcess } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import { log } from "../protocol/log.js";
import { CONTROL_FD, EVENT_FD, type ChildEvent, type HostMessage } from "./events.js";

type RunRequest = Extract<HostMessage, { type: "run" }>;
type Done = Extract<ChildEvent, { type: "done" }>;

/** How long an interrupted cell may take to stop before the executor is restarted instead. */
const INTERRUPT_GRACE_MS = 5_000;

const childUrl = new URL(import.meta.url.endsWith(".ts") ? "./child.ts" : "./child.js", import.meta.url);

interface Running {
  request: RunRequest;
  onEvent: (e: ChildEvent) => void;
  resolve: (d: Done) => void;
}

/**
 * Runs cells in a separate Node process.
 *
 * @example
 * ```ts
 * const host = new ExecutorHost();
 * await host.start();
 * const done = await host.run(request, (event) => publish(event));
 * ```
 */
export class ExecutorHost {
  #child: ChildProcess | undefined;
  #ready: Promise<void> | undefined;
  #running: Running | undefined;
  #interruptTimer: NodeJS.Timeout | undefined;
  #stopping = false;
  // An execution is between its execute_input and its run (compiling): an interrupt then stops
  // it before it starts.
  #preparing = false;
  #interruptedEarly = false;
  /**
   * Receives output that belongs to a cell other than the running one (a timer or promise
   * callback started by an earlier cell).
   */
  onLateEvent: (e: ChildEvent) => void = (e) => {
    if (e.type === "stream") log(`executor ${e.name} after its cell ended: ${e.text.trimEnd()}`);
  };
  /** Called when the executor died while no cell was running. */
  onIdleDeath: (reason: string) => void = (reason) =>
    log(`the executor died while idle (${reason}); restarted it`);

  constructor(private readonly cwd = process.cwd()) {}

  /** Starts the executor process; resolves once it is ready for cells. */
  start(): Promise<void> {
    const child = fork(childUrl, [], {
      cwd: this.cwd,
      stdio: ["ignore", "pipe", "pipe", "ipc", "pipe", "pipe"],
      env: { ...process.env, TENSORBOOK_KERNEL: "1" },
      serialization: "json",
      // After an interrupt terminates a busy cell, Node's async-id stack is repaired by the
      // executor itself; its consistency checks must not kill the session meanwhile.
      execArgv: [...process.execArgv, "--no-force-async-hooks-checks"],
    });
    this.#child = child;
    let ready = false;
    this.#ready = new Promise<void>((resolve, reject) => {
      const onEvent = (e: ChildEvent) => {
        if (e.type === "ready") {
          ready = true;
          resolve();
        } else this.#handle(e);
      };
      this.#readEvents((child.stdio as unknown as Readable[])[EVENT_FD], onEvent);
      child.once("exit", (code, signal) => {
        const reason = signal ?? `exit code ${code}`;
        // One that dies before it is ready is not restarted: it would only die again.
        if (!ready) reject(new Error(`the executor process exited during start-up (${reason})`));
        else this.#died(child, reason);
      });
    });
    this.#relayRaw(child.stdout, "stdout");
    this.#relayRaw(child.stderr, "stderr");
    return this.#ready;
  }

  #readEvents(pipe: Readable, onEvent: (e: ChildEvent) => void): void {
    let pending = "";
    pipe.setEncoding("utf8");
    pipe.on("data", (chunk: string) => {
      pending += chunk;
      let nl: number;
      while ((nl = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        try {
          onEvent(JSON.parse(line) as ChildEvent);
        } catch (e) {
          log(`unreadable event from the executor: ${(e as Error).message}`);
        }
      }
    });
  }

  // Writes that bypass Node's streams (native code, V8's fatal errors) reach the raw pipes; they
  // belong to the cell that is running, if any.
  #relayRaw(stream: Readable | null, name: "stdout" | "stderr"): void {
    stream?.setEncoding("utf8");
    stream?.on("data", (text: string) => {
      const r = this.#running;
      if (r) r.onEvent({ type: "stream", cell: r.request.cell, name, text });
      else log(`executor ${name}: ${text.trimEnd()}`);
    });
  }

  #handle(e: ChildEvent): void {
    const r = this.#running;
    if (e.type === "done" && r && e.cell === r.request.cell) {
      this.#finish(e);
      return;
    }
    if (r && "cell" in e && e.cell === r.request.cell) r.onEvent(e);
    else this.onLateEvent(e);
  }

  #finish(done: Done): void {
    const r = this.#running;
    clearTimeout(this.#interruptTimer);
    this.#running = undefined;
    r?.resolve(done);
  }

  #died(child: ChildProcess, reason: string): void {
    if (child !== this.#child || this.#stopping) return;
    const r = this.#running;
    this.#child = undefined;
    const restarted = this.start().catch((e: Error) => log(`could not restart the executor: ${e.message}`));
    if (r) {
      const evalue =
        `the executor process died while running this cell (${reason}). Its variables are lost; ` +
        "a fresh executor has been started, so re-run the cells this one depends on.";
      // Raw stderr (a fatal error's message) may still be in flight; let it arrive first.
      setTimeout(() => {
        r.onEvent({
          type: "error",
          cell: r.request.cell,
          ename: "ExecutorDied",
          evalue,
          traceback: [`\x1b[0;31mExecutorDied\x1b[0m: ${evalue}`],
        });
        void restarted.then(() =>
          this.#finish({
            type: "done",
            cell: r.request.cell,
            status: "error",
            userExpressions: {},
            reset: true,
          }),
        );
      }, 50);
    } else {
      this.onIdleDeath(reason);
    }
  }

  /** Marks the start of an execution (before its code is compiled). */
  prepare(): void {
    this.#preparing = true;
    this.#interruptedEarly = false;
  }

  /** Runs a cell; `onEvent` receives its outputs in order; resolves with its `done` event. */
  async run(request: RunRequest, onEvent: (e: ChildEvent) => void): Promise<Done> {
    await this.#ready;
    this.#preparing = false;
    if (this.#interruptedEarly) {
      this.#interruptedEarly = false;
      const evalue = "the cell was interrupted";
      onEvent({
        type: "error",
        cell: request.cell,
        ename: "KeyboardInterrupt",
        evalue,
        traceback: [`\x1b[0;31mKeyboardInterrupt\x1b[0m: ${evalue}`],
      });
      return { type: "done", cell: request.cell, status: "interrupted", userExpressions: {}, reset: false };
    }
    if (this.#running) throw new Error("the executor is already running a cell; cells run one at a time");
    return new Promise<Done>((resolve) => {
      this.#running = { request, onEvent, resolve };
      this.#child?.send(request);
    });
  }

  /** True while a cell is running. */
  get busy(): boolean {
    return this.#running !== undefined;
  }

  /** Interrupts the running cell; restarts the executor if the cell does not stop in time. */
  interrupt(): void {
    const child = this.#child;
    if (this.#preparing) this.#interruptedEarly = true;
    if (!child || !this.#running) return;
    (child.stdio as unknown as Writable[])[CONTROL_FD].write("interrupt\n");
    clearTimeout(this.#interruptTimer);
    this.#interruptTimer = setTimeout(() => {
      if (this.#running && this.#child === child) {
        log("the interrupted cell did not stop; restarting the executor");
        child.kill("SIGKILL");
      }
    }, INTERRUPT_GRACE_MS);
  }

  /** Answers the running cell's `prompt()`; `null` says the front end takes no input. */
  answerInput(value: string | null): void {
    const pipe = this.#child ? (this.#child.stdio as unknown as Writable[])[CONTROL_FD] : undefined;
    pipe?.write(value === null ? "noinput\n" : `input ${JSON.stringify(value)}\n`);
  }

  /** Kills the executor and starts a fresh one (all session state is lost). */
  async restart(): Promise<void> {
    await this.stop();
    this.#stopping = false;
    await this.start();
  }

  /** Stops the executor process. */
  async stop(): Promise<void> {
    this.#stopping = true;
    const child = this.#child;
    this.#child = undefined;
    clearTimeout(this.#interruptTimer);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGKILL");
    await exited;
  }
}
