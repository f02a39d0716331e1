// Coalesces stream output: a loop printing thousands of short lines becomes a few stream
// messages, sent in order with the cell's other outputs.

type Flush = (name: "stdout" | "stderr", text: string) => void;

/**
 * Buffers stdout/stderr text for a short while.
 *
 * @example
 * ```ts
 * const s = new StreamBuffer((name, text) => publish("stream", { name, text }));
 * s.write("stdout", "a\n"); s.write("stdout", "b\n"); s.flush(); // one message "a\nb\n"
 * ```
 */
export class StreamBuffer {
  #name: "stdout" | "stderr" | undefined;
  #text = "";
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly send: Flush,
    private readonly delayMs = 20,
  ) {}

  write(name: "stdout" | "stderr", text: string): void {
    if (this.#name !== name) this.flush();
    this.#name = name;
    this.#text += text;
    if (this.#text.length > 64 * 1024) this.flush();
    else this.#timer ??= setTimeout(() => this.flush(), this.delayMs);
  }

  /** Sends what is buffered now. */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#name && this.#text) this.send(this.#name, this.#text);
    this.#name = undefined;
    this.#text = "";
  }
}
