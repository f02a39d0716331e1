// The protocol thread's handle on the language thread.
import { Worker } from "node:worker_threads";
import type { LanguageAnswers, LanguageRequest } from "./requests.js";

const workerUrl = new URL(import.meta.url.endsWith(".ts") ? "./worker.ts" : "./worker.js", import.meta.url);

/**
 * Sends requests to the language thread; answers come back in order.
 *
 * @example
 * ```ts
 * const lang = new LanguageClient(process.cwd());
 * const c = await lang.request({ method: "complete", text: "Math.fl", cursor: 7 });
 * ```
 */
export class LanguageClient {
  readonly #worker: Worker;
  #next = 1;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(cwd: string) {
    this.#worker = new Worker(workerUrl, { workerData: { cwd } });
    this.#worker.unref();
    this.#worker.on("message", (m: { id: number; ok: boolean; result?: unknown; error?: string }) => {
      const p = this.#pending.get(m.id);
      this.#pending.delete(m.id);
      if (m.ok) p?.resolve(m.result);
      else p?.reject(new Error(`the language service failed: ${m.error}`));
    });
    this.#worker.on("error", (e) => {
      for (const p of this.#pending.values()) p.reject(e);
      this.#pending.clear();
    });
  }

  /** Sends one request. */
  request<R extends LanguageRequest>(req: R): Promise<LanguageAnswers[R["method"]]> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.#worker.postMessage({ id, req });
    });
  }

  /** Stops the thread. */
  close(): Promise<number> {
    return this.#worker.terminate();
  }
}
