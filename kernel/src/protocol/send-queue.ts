// zeromq.js allows one pending send per socket; this queue keeps sends in order without ever
// having two in flight, so callers may send from anywhere without awaiting.
import type { Socket } from "zeromq";

type Sendable = { send(message: Buffer[]): Promise<void> } & Pick<Socket, "closed">;

/**
 * Sends multipart messages on one socket, one at a time, in the order they were queued.
 *
 * @example
 * ```ts
 * const q = new SendQueue(iopub);
 * q.push(frames); // returns at once; errors are logged through onError
 * ```
 */
export class SendQueue {
  #tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: Sendable,
    private readonly onError: (e: Error) => void = () => {},
  ) {}

  /** Queues frames; the returned promise settles once they are handed to zeromq. */
  push(frames: Buffer[]): Promise<void> {
    this.#tail = this.#tail
      .then(() => (this.socket.closed ? undefined : this.socket.send(frames)))
      .catch((e: unknown) => this.onError(e as Error));
    return this.#tail;
  }

  /** Resolves once everything queued so far has been handed to zeromq. */
  flush(): Promise<void> {
    return this.#tail;
  }
}
