// A Jupyter client over zeromq: what `tensorbook run`, the tests and the benchmarks use to drive
// a kernel through the real protocol.
import * as zmq from "zeromq";
import { endpoint, type ConnectionInfo } from "./connection.js";
import { makeHeader, type JsonObject, type JupyterMessage } from "./messages.js";
import { SendQueue } from "./send-queue.js";
import { decode, encode, Signer } from "./wire.js";

/** The result of one `execute_request`: the reply and every iopub message it caused, in order. */
export interface Execution {
  reply: JupyterMessage;
  /** iopub messages with this request as parent, from `busy` to `idle` inclusive. */
  iopub: JupyterMessage[];
}

type Waiter = { match: (m: JupyterMessage) => boolean; resolve: (m: JupyterMessage) => void };

/** Raised when no awaited message came within the time allowed. */
export class TimeoutError extends Error {
  override name = "TimeoutError";
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string, cancel?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      cancel?.();
      reject(new TimeoutError(`no ${what} within ${ms} ms`));
    }, ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

/**
 * Connects to a running kernel's five channels.
 *
 * @example
 * ```ts
 * const client = await KernelClient.connect(info);
 * const { reply, iopub } = await client.execute("1 + 1");
 * client.close();
 * ```
 */
export class KernelClient {
  readonly session = crypto.randomUUID();
  /** Every iopub message received, oldest first. */
  readonly iopubLog: JupyterMessage[] = [];
  /** Answers `input_request`s; the default answers with an empty string. */
  onInput: (prompt: string, password: boolean) => string | Promise<string> = () => "";
  readonly #signer: Signer;
  readonly #dealers: { shell: zmq.Dealer; control: zmq.Dealer; stdin: zmq.Dealer };
  readonly #queues: { shell: SendQueue; control: SendQueue; stdin: SendQueue };
  readonly #sub = new zmq.Subscriber();
  readonly #hb = new zmq.Request({ linger: 0 });
  #hbBusy: Promise<unknown> = Promise.resolve();
  #waiters: Waiter[] = [];
  // Replies that came before anyone waited for them (a queued request answered at once).
  readonly #unclaimed = new Map<string, JupyterMessage>();
  #iopubWaiters: Waiter[] = [];

  private constructor(readonly info: ConnectionInfo) {
    this.#signer = new Signer(info.key, info.signature_scheme);
    // One identity on every channel, as Jupyter clients do: the kernel sends input_request on
    // stdin to the identity that sent the execute_request on shell.
    const routingId = crypto.randomUUID().slice(0, 8);
    const dealer = () => new zmq.Dealer({ routingId, linger: 0 });
    this.#dealers = { shell: dealer(), control: dealer(), stdin: dealer() };
    this.#queues = {
      shell: new SendQueue(this.#dealers.shell),
      control: new SendQueue(this.#dealers.control),
      stdin: new SendQueue(this.#dealers.stdin),
    };
  }

  /** Connects the five sockets (does not wait for the kernel: see {@link KernelClient.ready}). */
  static async connect(info: ConnectionInfo): Promise<KernelClient> {
    const c = new KernelClient(info);
    for (const ch of ["shell", "control", "stdin"] as const) {
      c.#dealers[ch].connect(endpoint(info, ch));
      void c.#receive(ch);
    }
    c.#sub.connect(endpoint(info, "iopub"));
    c.#sub.subscribe();
    c.#hb.connect(endpoint(info, "hb"));
    void c.#receiveIopub();
    return c;
  }

  async #receive(channel: "shell" | "control" | "stdin"): Promise<void> {
    try {
      for await (const frames of this.#dealers[channel]) {
        const { message } = decode(this.#signer, frames);
        if (channel === "stdin" && message.header.msg_type === "input_request") {
          void this.#answerInput(message);
          continue;
        }
        if (!this.#dispatch(this.#waiters, message)) {
          const parentId = message.parent_header.msg_id;
          if (parentId) this.#unclaimed.set(parentId, message);
          if (this.#unclaimed.size > 1000)
            this.#unclaimed.delete(this.#unclaimed.keys().next().value as string);
        }
      }
    } catch {
      // closed
    }
  }

  async #answerInput(request: JupyterMessage): Promise<void> {
    const value = await this.onInput(String(request.content.prompt ?? ""), request.content.password === true);
    this.#send("stdin", "input_reply", { value }, request);
  }

  async #receiveIopub(): Promise<void> {
    try {
      for await (const frames of this.#sub) {
        const { message } = decode(this.#signer, frames);
        this.iopubLog.push(message);
        this.#dispatch(this.#iopubWaiters, message);
      }
    } catch {
      // closed
    }
  }

  #dispatch(waiters: Waiter[], message: JupyterMessage): boolean {
    const i = waiters.findIndex((w) => w.match(message));
    if (i >= 0) waiters.splice(i, 1)[0].resolve(message);
    return i >= 0;
  }

  #send(
    channel: "shell" | "control" | "stdin",
    msgType: string,
    content: JsonObject,
    parent?: JupyterMessage,
  ): JupyterMessage {
    const msg: JupyterMessage = {
      header: makeHeader(msgType, this.session, "client"),
      parent_header: parent?.header ?? {},
      metadata: {},
      content,
      buffers: [],
    };
    void this.#queues[channel].push(encode(this.#signer, msg));
    return msg;
  }

  /** Sends raw frames on a channel (the tests use it to send badly signed messages). */
  sendFrames(channel: "shell" | "control", frames: Buffer[]): Promise<void> {
    return this.#queues[channel].push(frames);
  }

  /** Signs and encodes a message as this client would send it, without sending it. */
  frames(msgType: string, content: JsonObject, key?: string): { frames: Buffer[]; msgId: string } {
    const msg: JupyterMessage = {
      header: makeHeader(msgType, this.session, "client"),
      parent_header: {},
      metadata: {},
      content,
      buffers: [],
    };
    const signer = key === undefined ? this.#signer : new Signer(key);
    return { frames: encode(signer, msg), msgId: msg.header.msg_id };
  }

  /** Waits for the reply to the request with id `msgId`. */
  waitReply(msgId: string, timeoutMs = 30_000): Promise<JupyterMessage> {
    const early = this.#unclaimed.get(msgId);
    if (early) {
      this.#unclaimed.delete(msgId);
      return Promise.resolve(early);
    }
    return this.#wait(this.#waiters, (m) => m.parent_header.msg_id === msgId, timeoutMs, `reply to ${msgId}`);
  }

  /** Waits for an iopub message matching `match` (including one already received, if `since` says so). */
  waitIopub(
    match: (m: JupyterMessage) => boolean,
    timeoutMs = 30_000,
    since = this.iopubLog.length,
  ): Promise<JupyterMessage> {
    const seen = this.iopubLog.slice(since).find(match);
    if (seen) return Promise.resolve(seen);
    return this.#wait(this.#iopubWaiters, match, timeoutMs, "matching iopub message");
  }

  #wait(
    list: Waiter[],
    match: (m: JupyterMessage) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<JupyterMessage> {
    let waiter: Waiter | undefined;
    const p = new Promise<JupyterMessage>((resolve) => {
      waiter = { match, resolve };
      list.push(waiter);
    });
    return withTimeout(p, timeoutMs, what, () => {
      const i = list.indexOf(waiter as Waiter);
      if (i >= 0) list.splice(i, 1);
    });
  }

  /** Sends a request and resolves with its reply. */
  async request(
    channel: "shell" | "control",
    msgType: string,
    content: JsonObject = {},
    timeoutMs = 30_000,
  ): Promise<JupyterMessage> {
    const msg = this.#send(channel, msgType, content);
    return this.waitReply(msg.header.msg_id, timeoutMs);
  }

  /**
   * Sends `kernel_info_request`s until the kernel answers and iopub is seen to be connected
   * (a subscriber misses what is published before it joins).
   */
  async ready(timeoutMs = 30_000): Promise<JupyterMessage> {
    const deadline = Date.now() + timeoutMs;
    while (true) {
      const left = deadline - Date.now();
      if (left <= 0) throw new TimeoutError(`the kernel did not answer kernel_info within ${timeoutMs} ms`);
      const since = this.iopubLog.length;
      const msg = this.#send("shell", "kernel_info_request", {});
      const id = msg.header.msg_id;
      try {
        const reply = await this.waitReply(id, Math.min(left, 2000));
        await this.waitIopub(
          (m) => m.parent_header.msg_id === id,
          Math.min(Math.max(deadline - Date.now(), 1), 500),
          since,
        );
        return reply;
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
      }
    }
  }

  /** Sends an `execute_request` without waiting; returns its message id. */
  startExecute(code: string, options: JsonObject = {}): string {
    const content: JsonObject = {
      code,
      silent: false,
      store_history: true,
      user_expressions: {},
      allow_stdin: true,
      stop_on_error: true,
      ...options,
    };
    return this.#send("shell", "execute_request", content).header.msg_id;
  }

  /** Collects the reply and iopub messages (busy … idle) of an execute request sent earlier. */
  async finishExecute(msgId: string, timeoutMs = 60_000, since = 0): Promise<Execution> {
    const reply = await this.waitReply(msgId, timeoutMs);
    await this.waitIopub(
      (m) =>
        m.parent_header.msg_id === msgId &&
        m.header.msg_type === "status" &&
        m.content.execution_state === "idle",
      timeoutMs,
      since,
    );
    return { reply, iopub: this.iopubLog.filter((m) => m.parent_header.msg_id === msgId) };
  }

  /** Executes code and waits for its reply and its idle status. */
  async execute(code: string, options: JsonObject = {}, timeoutMs = 60_000): Promise<Execution> {
    const since = this.iopubLog.length;
    return this.finishExecute(this.startExecute(code, options), timeoutMs, since);
  }

  /** Sends a heartbeat and resolves with the round trip in milliseconds. */
  ping(timeoutMs = 5_000): Promise<number> {
    const run = async () => {
      const t0 = performance.now();
      await this.#hb.send(Buffer.from("ping"));
      await this.#hb.receive();
      return performance.now() - t0;
    };
    const p = this.#hbBusy.then(run, run);
    this.#hbBusy = p.catch(() => {});
    return withTimeout(p, timeoutMs, "heartbeat echo");
  }

  /** Closes every socket. */
  close(): void {
    for (const s of [...Object.values(this.#dealers), this.#sub, this.#hb]) s.close();
  }
}
