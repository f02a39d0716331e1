// Reading a training-progress bundle: validation, and the derived facts the view shows.
import type { TrainingProgress } from "../contracts.js";

const isNum = (v: unknown): v is number => typeof v === "number";
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The progress in `data`, or null when it is not a training-progress JSON. */
export function parseProgress(data: unknown): TrainingProgress | null {
  if (!isRecord(data) || !isNum(data.epochs) || !isNum(data.epoch)) return null;
  const metrics: Record<string, number> = {};
  if (isRecord(data.metrics)) for (const [k, v] of Object.entries(data.metrics)) if (isNum(v)) metrics[k] = v;
  const history: Record<string, number[]> = {};
  if (isRecord(data.history)) {
    for (const [k, v] of Object.entries(data.history)) {
      // JSON turns NaN/Infinity into null; keep the epoch's slot so curves stay aligned.
      if (Array.isArray(v)) history[k] = v.map((x) => (isNum(x) ? x : Number.NaN));
    }
  }
  return {
    epochs: data.epochs,
    epoch: data.epoch,
    step: isNum(data.step) ? data.step : 0,
    steps: isNum(data.steps) ? data.steps : null,
    metrics,
    history,
    done: data.done === true,
    stopped: data.stopped === true,
  };
}

/** Fraction of the whole fit done, in [0, 1]. */
export function fractionDone(p: TrainingProgress): number {
  if (p.done && !p.stopped) return 1;
  if (p.epochs <= 0) return 0;
  const finished = Math.max(0, p.epoch - 1);
  const within = p.steps ? Math.min(1, p.step / p.steps) : 0;
  return Math.min(1, (finished + within) / p.epochs);
}

/** One chart: a training series and, when present, its validation counterpart. */
export interface CurveGroup {
  name: string;
  train: number[];
  validation: number[] | null;
}

/**
 * Groups the history into charts: `loss` first, then each metric, each with its `val_` series.
 * A `val_x` without `x` gets a chart of its own.
 */
export function curveGroups(history: Record<string, number[]>): CurveGroup[] {
  const names = Object.keys(history);
  const base = names.filter((n) => !n.startsWith("val_") || !names.includes(n.slice(4)));
  base.sort((a, b) => (a === "loss" ? -1 : b === "loss" ? 1 : 0));
  return base.map((name) => ({
    name,
    train: history[name],
    validation: name.startsWith("val_") ? null : (history[`val_${name}`] ?? null),
  }));
}

/** The status line: `Epoch 3/10 · step 120/469`, with what ended it once done. */
export function statusText(p: TrainingProgress): string {
  const epoch = `Epoch ${Math.max(p.epoch, 0)}/${p.epochs}`;
  if (p.done) return p.stopped ? `${epoch} · stopped early` : `${epoch} · done`;
  const step = p.steps ? `step ${p.step}/${p.steps}` : `step ${p.step}`;
  return `${epoch} · ${step}`;
}

/** A value as Keras prints it: 4 decimals, or scientific when tiny. */
export function formatMetric(v: number): string {
  if (!Number.isFinite(v)) return String(v).toLowerCase();
  return Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(4) : v.toExponential(3);
}
