// Child → host events are written synchronously on a pipe, so they keep their order with respect
// to one another and reach the host even if the process dies right after.
import { writeSync } from "node:fs";
import { EVENT_FD, type ChildEvent } from "./events.js";

const wait = new Int32Array(new SharedArrayBuffer(4));

/**
 * Sends one event to the host.
 *
 * @example
 * ```ts
 * emit({ type: "stream", cell, name: "stdout", text: "hi\n" });
 * ```
 */
export function emit(event: ChildEvent): void {
  let data = Buffer.from(JSON.stringify(event) + "\n", "utf8");
  while (data.length > 0) {
    try {
      const n = writeSync(EVENT_FD, data);
      data = data.subarray(n);
    } catch (e) {
      // The pipe may be non-blocking: when it is full, wait a moment for the host to read.
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      Atomics.wait(wait, 0, 0, 2);
    }
  }
}
