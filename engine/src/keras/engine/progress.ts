import { DISPLAY, type MimeBundle } from "../../core/tensor.js";
import { kernelHooks } from "../../display/kernel.js";

// Training progress. In the Tensorbook kernel (whose hooks display/kernel.ts reads), one output
// shows Keras' progress lines and is
// updated in place, with a JSON bundle the JupyterLab extension draws live curves from. Anywhere
// else, one plain line per epoch goes to stdout.

/** The MIME type of the live training view. */
export const TRAINING_MIME = "application/vnd.tensorbook.training+json";

/**
 * The JSON of `application/vnd.tensorbook.training+json` (see docs/keras.md): where training is,
 * the running values of the epoch in progress, and the per-epoch history so far.
 */
export interface TrainingProgress {
  /** Number of the last epoch fit will run (`epochs`). */
  epochs: number;
  /** 1-based number of the epoch in progress (the last one run, once done). */
  epoch: number;
  /** Batches done in this epoch. */
  step: number;
  /** Batches per epoch (null when unknown). */
  steps: number | null;
  /** Running values of this epoch: loss, metrics, and the val_ values once computed. */
  metrics: Record<string, number>;
  /** Per-epoch values of the finished epochs, by name. */
  history: Record<string, number[]>;
  /** Whether fit has returned. */
  done: boolean;
  /** Whether training ended early (a callback stopped it, or an error or interrupt). */
  stopped: boolean;
}

type DisplayFn = (obj: unknown, opts: { displayId: string; update: boolean }) => void;

function kernelDisplay(): DisplayFn | null {
  const hooks = kernelHooks();
  return hooks ? (obj, opts) => void hooks.display(obj, opts) : null;
}

/** Keras' number format in progress lines: 4 decimals, or scientific for tiny values. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v).toLowerCase();
  return Math.abs(v) > 1e-3 || v === 0 ? v.toFixed(4) : v.toExponential(4).replace(/e([+-])(\d)$/, "e$10$2");
}

function formatEta(s: number): string {
  if (s > 3600)
    return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}:${String(Math.floor(s % 60)).padStart(2, "0")}`;
  if (s > 60) return `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, "0")}`;
  return `${Math.round(s)}s`;
}

function perStep(seconds: number): string {
  if (seconds >= 1 || seconds === 0) return `${seconds.toFixed(0)}s/step`;
  if (seconds >= 1e-3) return `${(seconds * 1e3).toFixed(0)}ms/step`;
  return `${(seconds * 1e6).toFixed(0)}us/step`;
}

/**
 * Keras' progress bar line: `1719/1719 [==============================] - 2s 1ms/step - loss: 0.7237`,
 * or with `ETA: 3s` while the epoch runs.
 */
export function progressLine(
  step: number,
  steps: number | null,
  elapsed: number,
  logs: Record<string, number>,
  final: boolean,
  width = 30,
): string {
  let line: string;
  if (steps) {
    const digits = Math.floor(Math.log10(steps)) + 1;
    const prog = Math.min(1, step / steps);
    const filled = Math.floor(width * prog);
    let bar = "";
    if (filled > 0) bar += "=".repeat(filled - 1) + (step < steps ? ">" : "=");
    bar += ".".repeat(width - filled);
    line = `${String(step).padStart(digits)}/${steps} [${bar}]`;
  } else {
    line = `${String(step).padStart(7)}/Unknown`;
  }
  if (final || !steps) {
    line += ` - ${elapsed.toFixed(0)}s ${perStep(step ? elapsed / step : 0)}`;
  } else {
    const eta = step ? (elapsed / step) * (steps - step) : 0;
    line += ` - ETA: ${formatEta(eta)}`;
  }
  for (const [k, v] of Object.entries(logs)) line += ` - ${k}: ${formatValue(v)}`;
  return line;
}

let displayCounter = 0;

// The live view redraws at most this often while an epoch runs.
const DRAW_EVERY_MS = 250;

/** The progress of one `fit`, shown live in the kernel or as per-epoch lines elsewhere. */
export class ProgressReporter {
  private readonly display = kernelDisplay();
  private readonly displayId = `tensorbook-fit-${process.pid}-${Date.now()}-${displayCounter++}`;
  private shown = false;
  private lines: string[] = [];
  private current = "";
  private epochStart = 0;
  private lastDraw = 0;
  private readonly state: TrainingProgress;

  constructor(
    private readonly verbose: number,
    epochs: number,
    steps: number | null,
  ) {
    this.state = { epochs, epoch: 0, step: 0, steps, metrics: {}, history: {}, done: false, stopped: false };
  }

  onEpochBegin(epoch: number): void {
    this.state.epoch = epoch + 1;
    this.state.step = 0;
    this.state.metrics = {};
    this.epochStart = performance.now();
    if (this.verbose === 1) this.lines.push(`Epoch ${epoch + 1}/${this.state.epochs}`);
    this.current = "";
    this.draw(true);
  }

  /** Whether the next `onTrainBatchEnd` would redraw, and so needs the running logs. */
  wantsLogs(): boolean {
    return this.verbose === 1 && this.display !== null && performance.now() - this.lastDraw > DRAW_EVERY_MS;
  }

  /** A batch is done; `logs` (the running values) may be null when `wantsLogs()` said no. */
  onTrainBatchEnd(batch: number, logs: Record<string, number> | null): void {
    this.state.step = batch + 1;
    if (!logs) return;
    this.state.metrics = { ...logs };
    const now = performance.now();
    if (this.verbose === 1 && this.display && now - this.lastDraw > DRAW_EVERY_MS) {
      this.current = progressLine(batch + 1, this.state.steps, (now - this.epochStart) / 1000, logs, false);
      this.draw(false);
    }
  }

  onEpochEnd(_epoch: number, logs: Record<string, number>): void {
    const elapsed = (performance.now() - this.epochStart) / 1000;
    this.state.metrics = { ...logs };
    for (const [k, v] of Object.entries(logs)) (this.state.history[k] ??= []).push(v);
    if (this.verbose === 1) {
      this.lines.push(
        progressLine(this.state.step, this.state.steps ?? this.state.step, elapsed, logs, true),
      );
    } else if (this.verbose === 2) {
      const parts = Object.entries(logs)
        .map(([k, v]) => ` - ${k}: ${formatValue(v)}`)
        .join("");
      this.lines.push(
        `Epoch ${this.state.epoch}/${this.state.epochs}`,
        `${this.state.step}/${this.state.step} - ${elapsed.toFixed(0)}s - ${perStep(elapsed / Math.max(1, this.state.step))}${parts}`,
      );
    }
    this.current = "";
    if (this.display) this.draw(true);
    else if (this.verbose > 0) this.flushToStdout();
  }

  /** Called when fit ends, normally (`stopped` when a callback stopped it) or by an error. */
  finish(stopped: boolean): void {
    this.state.done = true;
    this.state.stopped = stopped;
    this.current = "";
    if (this.display) this.draw(true);
    else if (this.verbose > 0) this.flushToStdout();
  }

  private printed = 0;
  private flushToStdout(): void {
    for (; this.printed < this.lines.length; this.printed++)
      process.stdout.write(this.lines[this.printed] + "\n");
  }

  /** The live view's MIME bundle: the Keras-like text and the JSON state. */
  bundle(): MimeBundle {
    const text = [...this.lines, ...(this.current ? [this.current] : [])].join("\n");
    return { "text/plain": text, [TRAINING_MIME]: structuredClone(this.state) };
  }

  private draw(force: boolean): void {
    if (!this.display || this.verbose === 0) return;
    const now = performance.now();
    if (!force && now - this.lastDraw < DRAW_EVERY_MS) return;
    this.lastDraw = now;
    const bundle = this.bundle();
    this.display({ [DISPLAY]: () => bundle }, { displayId: this.displayId, update: this.shown });
    this.shown = true;
  }
}
