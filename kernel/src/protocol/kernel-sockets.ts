// The kernel's side of the five channels: binds them, verifies every incoming message and drops
// (and logs) those whose signature is bad or missing, answers heartbeats, and sends replies.
import * as zmq from "zeromq";
import { endpoint, type Channel, type ConnectionInfo } from "./connection.js";
import { log } from "./log.js";
import { makeHeader, type JsonObject, type JupyterMessage, type MessageHeader } from "./messages.js";
import { SendQueue } from "./send-queue.js";
import { decode, encode, Signer, WireError, type Received } from "./wire.js";

/** A channel that carries requests to the kernel. */
export type RequestChannel = "shell" | "control" | "stdin";

/** What the kernel does with a verified request. */
export type RequestHandler = (channel: RequestChannel, request: Received) => void;

/**
 * The kernel's bound sockets.
 *
 * @example
 * ```ts
 * const sockets = await KernelSockets.bind(info, (channel, { identities, message }) => { ... });
 * sockets.publish("status", { execution_state: "idle" }, parentHeader);
 * ```
 */
export class KernelSockets {
  readonly session = crypto.randomUUID();
  /** How many messages were dropped for a bad or missing signature (the tests read it via logs). */
  dropped = 0;
  readonly #signer: Signer;
  readonly #routers: Record<RequestChannel, zmq.Router>;
  readonly #queues: Record<RequestChannel | "iopub", SendQueue>;
  readonly #iopub: zmq.Publisher;
  readonly #hb: zmq.Reply;

  private constructor(
    info: ConnectionInfo,
    private readonly onRequest: RequestHandler,
  ) {
    this.#signer = new Signer(info.key, info.signature_scheme);
    const router = () => new zmq.Router({ linger: 1000 });
    this.#routers = { shell: router(), control: router(), stdin: router() };
    this.#iopub = new zmq.Publisher({ linger: 1000 });
    this.#hb = new zmq.Reply({ linger: 0 });
    const onError = (e: Error) => log(`send failed: ${e.message}`);
    this.#queues = {
      shell: new SendQueue(this.#routers.shell, onError),
      control: new SendQueue(this.#routers.control, onError),
      stdin: new SendQueue(this.#routers.stdin, onError),
      iopub: new SendQueue(this.#iopub, onError),
    };
  }

  /** Binds all five sockets on the connection file's addresses and starts receiving. */
  static async bind(info: ConnectionInfo, onRequest: RequestHandler): Promise<KernelSockets> {
    const k = new KernelSockets(info, onRequest);
    const channels: Channel[] = ["shell", "control", "stdin", "iopub", "hb"];
    const sockets = { ...k.#routers, iopub: k.#iopub, hb: k.#hb };
    await Promise.all(channels.map((c) => sockets[c].bind(endpoint(info, c))));
    for (const c of ["shell", "control", "stdin"] as const) void k.#receive(c);
    void k.#heartbeat();
    return k;
  }

  async #receive(channel: RequestChannel): Promise<void> {
    const socket = this.#routers[channel];
    try {
      for await (const frames of socket) {
        let received: Received;
        try {
          received = decode(this.#signer, frames);
        } catch (e) {
          if (!(e instanceof WireError)) throw e;
          this.dropped++;
          log(`dropped a message on ${channel}: ${e.message}`);
          continue;
        }
        this.onRequest(channel, received);
      }
    } catch (e) {
      if (!socket.closed) log(`${channel} stopped receiving: ${(e as Error).message}`);
    }
  }

  // The heartbeat echoes whatever arrives; it runs on this process's event loop, which user code
  // never blocks (cells run in the executor process).
  async #heartbeat(): Promise<void> {
    try {
      for await (const frames of this.#hb) await this.#hb.send(frames);
    } catch (e) {
      if (!this.#hb.closed) log(`heartbeat stopped: ${(e as Error).message}`);
    }
  }

  #message(
    msgType: string,
    content: JsonObject,
    parent: MessageHeader | undefined,
    metadata: JsonObject = {},
  ): JupyterMessage {
    return {
      header: makeHeader(msgType, this.session),
      parent_header: parent ?? {},
      metadata,
      content,
      buffers: [],
    };
  }

  /** Replies on a request channel to the client that sent `request`. */
  reply(
    channel: RequestChannel,
    request: Received,
    msgType: string,
    content: JsonObject,
    metadata: JsonObject = {},
  ): Promise<void> {
    const msg = this.#message(msgType, content, request.message.header, metadata);
    return this.#queues[channel].push(encode(this.#signer, msg, request.identities));
  }

  /** Sends a request to a client on the stdin channel (input_request). */
  sendStdin(
    identities: Buffer[],
    msgType: string,
    content: JsonObject,
    parent: MessageHeader,
  ): Promise<void> {
    return this.#queues.stdin.push(encode(this.#signer, this.#message(msgType, content, parent), identities));
  }

  /** Publishes on iopub; the topic is the message type, as Jupyter kernels conventionally do. */
  publish(
    msgType: string,
    content: JsonObject,
    parent?: MessageHeader,
    metadata: JsonObject = {},
  ): Promise<void> {
    const frames = encode(this.#signer, this.#message(msgType, content, parent, metadata), [
      Buffer.from(`kernel.${msgType}`),
    ]);
    return this.#queues.iopub.push(frames);
  }

  /** Flushes what is queued, then closes every socket. */
  async close(): Promise<void> {
    await Promise.all(Object.values(this.#queues).map((q) => q.flush()));
    for (const s of [...Object.values(this.#routers), this.#iopub, this.#hb]) s.close();
  }
}
