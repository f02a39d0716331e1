// The kernel process: binds the channels, answers every request type, runs shell requests one at
// a time (control requests at once, even while a cell runs), and owns the executor and the
// language thread.
import { ExecutorHost } from "../executor/host.js";
import { LanguageClient } from "../language/client.js";
import { readConnectionFile, type ConnectionInfo } from "../protocol/connection.js";
import { KernelSockets, type RequestChannel } from "../protocol/kernel-sockets.js";
import { log } from "../protocol/log.js";
import type { JsonObject, MessageHeader } from "../protocol/messages.js";
import type { Received } from "../protocol/wire.js";
import { execute, publishLateEvent, type ExecuteContext } from "./execute.js";
import { History, type HistoryQuery } from "./history.js";
import { kernelInfo } from "./kernel-info.js";

/**
 * A running Tensorbook kernel.
 *
 * @example
 * ```ts
 * const kernel = await Kernel.start(readConnectionFile("kernel-1.json"));
 * await kernel.stopped; // resolves after a shutdown_request
 * ```
 */
export class Kernel {
  readonly #ctx: ExecuteContext;
  #queue: Received[] = [];
  #draining = false;
  #stop: () => void = () => {};
  /** Resolves once the kernel has shut down. */
  readonly stopped: Promise<void>;

  private constructor(sockets: KernelSockets, executor: ExecutorHost, language: LanguageClient) {
    this.#ctx = {
      sockets,
      executor,
      language,
      history: new History(),
      strict: false,
      executionCount: 0,
      serial: 0,
      pendingInput: undefined,
      recentCells: new Map(),
    };
    executor.onLateEvent = (e) => publishLateEvent(this.#ctx, e);
    this.stopped = new Promise((resolve) => (this.#stop = resolve));
  }

  /** Starts a kernel on the given connection (or connection file). */
  static async start(connection: ConnectionInfo | string): Promise<Kernel> {
    const info = typeof connection === "string" ? readConnectionFile(connection) : connection;
    const executor = new ExecutorHost(process.cwd());
    const language = new LanguageClient(process.cwd());
    // Requests may arrive as soon as the sockets are bound, before the kernel object exists.
    const early: [RequestChannel, Received][] = [];
    let deliver = (channel: RequestChannel, request: Received): void => {
      early.push([channel, request]);
    };
    const sockets = await KernelSockets.bind(info, (channel, request) => deliver(channel, request));
    const kernel = new Kernel(sockets, executor, language);
    deliver = (channel, request) => {
      kernel.onRequest(channel, request);
    };
    for (const [channel, request] of early) kernel.onRequest(channel, request);
    void sockets.publish("status", { execution_state: "starting" });
    // The executor and the type checker warm up while the first requests are answered.
    const started = executor.start();
    started.catch((e: Error) => log(e.message));
    void language.request({ method: "warmUp" }).catch((e: Error) => log(e.message));
    process.on("SIGINT", () => executor.interrupt());
    return kernel;
  }

  private onRequest(channel: RequestChannel, request: Received): void {
    if (channel === "stdin") {
      if (request.message.header.msg_type === "input_reply" && this.#ctx.pendingInput) {
        this.#ctx.pendingInput = undefined;
        this.#ctx.executor.answerInput(String(request.message.content.value ?? ""));
      }
      return;
    }
    if (channel === "control") {
      void this.#handle("control", request).catch((e: Error) =>
        log(`control ${request.message.header.msg_type} failed: ${e.stack}`),
      );
      return;
    }
    this.#queue.push(request);
    void this.#drain();
  }

  async #drain(): Promise<void> {
    if (this.#draining) return;
    this.#draining = true;
    try {
      while (this.#queue.length) {
        const request = this.#queue.shift() as Received;
        try {
          await this.#handle("shell", request);
        } catch (e) {
          log(`shell ${request.message.header.msg_type} failed: ${(e as Error).stack}`);
        }
      }
    } finally {
      this.#draining = false;
    }
  }

  // Every request is framed by busy and idle status messages with it as parent.
  async #handle(channel: "shell" | "control", request: Received): Promise<void> {
    const { sockets } = this.#ctx;
    const parent = request.message.header as MessageHeader;
    const type = parent.msg_type;
    void sockets.publish("status", { execution_state: "busy" }, parent);
    try {
      await this.#dispatch(channel, request, type);
    } finally {
      await sockets.publish("status", { execution_state: "idle" }, parent);
    }
  }

  async #dispatch(channel: "shell" | "control", request: Received, type: string): Promise<void> {
    const { sockets, language } = this.#ctx;
    const content = request.message.content;
    const reply = (replyType: string, c: JsonObject) => sockets.reply(channel, request, replyType, c);
    const code = typeof content.code === "string" ? content.code : "";
    const cursor = typeof content.cursor_pos === "number" ? content.cursor_pos : [...code].length;
    switch (type) {
      case "kernel_info_request":
        return void (await reply("kernel_info_reply", kernelInfo()));
      case "execute_request": {
        const { status } = await execute(this.#ctx, request);
        if (status === "error" && content.stop_on_error !== false) this.#abortQueued();
        return;
      }
      case "complete_request": {
        const c = await language.request({ method: "complete", text: code, cursor });
        return void (await reply("complete_reply", {
          status: "ok",
          matches: c.matches,
          cursor_start: c.cursorStart,
          cursor_end: c.cursorEnd,
          metadata: {
            _jupyter_types_experimental: c.types.map((t) => ({
              ...t,
              start: c.cursorStart,
              end: c.cursorEnd,
            })),
          },
        }));
      }
      case "inspect_request": {
        const i = await language.request({ method: "inspect", text: code, cursor });
        const data: JsonObject = i.found ? { "text/plain": i.plain, "text/markdown": i.markdown } : {};
        return void (await reply("inspect_reply", { status: "ok", found: i.found, data, metadata: {} }));
      }
      case "is_complete_request": {
        const r = await language.request({ method: "isComplete", text: code });
        return void (await reply("is_complete_reply", { ...r }));
      }
      case "history_request": {
        const history = this.#ctx.history.query(content as unknown as HistoryQuery);
        return void (await reply("history_reply", { status: "ok", history }));
      }
      case "comm_info_request":
        return void (await reply("comm_info_reply", { status: "ok", comms: {} }));
      case "comm_open":
        // No comm targets are registered yet: say so by closing the comm, as Jupyter kernels do.
        await sockets.publish(
          "comm_close",
          { comm_id: String(content.comm_id ?? ""), data: {} },
          request.message.header as MessageHeader,
        );
        return;
      case "comm_msg":
      case "comm_close":
        return;
      case "interrupt_request":
        this.#ctx.executor.interrupt();
        return void (await reply("interrupt_reply", { status: "ok" }));
      case "shutdown_request": {
        const restart = content.restart === true;
        await reply("shutdown_reply", { status: "ok", restart });
        await sockets.publish(
          "shutdown_reply",
          { status: "ok", restart },
          request.message.header as MessageHeader,
        );
        setImmediate(() => void this.shutdown());
        return;
      }
      default:
        log(`ignored a ${type} on ${channel}: Tensorbook does not handle that message type`);
    }
  }

  // After a failing cell with stop_on_error, the cells queued behind it are not run.
  #abortQueued(): void {
    const queued = this.#queue.filter((r) => r.message.header.msg_type === "execute_request");
    this.#queue = this.#queue.filter((r) => r.message.header.msg_type !== "execute_request");
    for (const r of queued) {
      const parent = r.message.header as MessageHeader;
      void this.#ctx.sockets.publish("status", { execution_state: "busy" }, parent);
      void this.#ctx.sockets.reply("shell", r, "execute_reply", {
        status: "aborted",
        execution_count: this.#ctx.executionCount,
      });
      void this.#ctx.sockets.publish("status", { execution_state: "idle" }, parent);
    }
  }

  /** Stops the executor, the language thread and the sockets. */
  async shutdown(): Promise<void> {
    await this.#ctx.executor.stop();
    await this.#ctx.language.close();
    await this.#ctx.sockets.close();
    this.#stop();
  }
}
