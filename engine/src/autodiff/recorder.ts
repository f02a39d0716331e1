import { opRecorder } from "../core/registry.js";
import type { Tensor } from "../core/tensor.js";

/** Something told about every op that runs: a recording tape, or a memory observer. */
export interface OpListener {
  onOp(op: string, inputs: readonly Tensor[], attrs: unknown, output: Tensor): void;
  /**
   * An op with several outputs (decompositions). A listener without this method is told about
   * each output with `onOp`.
   */
  onMultiOp?(op: string, inputs: readonly Tensor[], attrs: unknown, outputs: readonly Tensor[]): void;
}

// Tapes that are recording now (innermost last), and observers that see every op. The core has
// a single recorder slot; this module owns it and installs its dispatcher only while someone
// listens, so ops pay nothing when no tape records.
const tapes: OpListener[] = [];
const observers: OpListener[] = [];
let paused = 0;

function dispatch(op: string, inputs: readonly Tensor[], attrs: unknown, output: Tensor): void {
  for (let i = 0; i < observers.length; i++) observers[i].onOp(op, inputs, attrs, output);
  if (paused === 0) for (let i = 0; i < tapes.length; i++) tapes[i].onOp(op, inputs, attrs, output);
}

function tell(
  l: OpListener,
  op: string,
  inputs: readonly Tensor[],
  attrs: unknown,
  outputs: readonly Tensor[],
): void {
  if (l.onMultiOp) l.onMultiOp(op, inputs, attrs, outputs);
  else for (const o of outputs) l.onOp(op, inputs, attrs, o);
}

function dispatchMulti(
  op: string,
  inputs: readonly Tensor[],
  attrs: unknown,
  outputs: readonly Tensor[],
): void {
  for (let i = 0; i < observers.length; i++) tell(observers[i], op, inputs, attrs, outputs);
  if (paused === 0) for (let i = 0; i < tapes.length; i++) tell(tapes[i], op, inputs, attrs, outputs);
}

function refresh(): void {
  const on = tapes.length > 0 || observers.length > 0;
  opRecorder.record = on ? dispatch : undefined;
  opRecorder.recordMulti = on ? dispatchMulti : undefined;
}

/** @internal Starts telling a tape about ops. */
export function startRecording(tape: OpListener): void {
  tapes.push(tape);
  refresh();
}

/** @internal Stops telling a tape about ops. */
export function stopRecording(tape: OpListener): void {
  const i = tapes.lastIndexOf(tape);
  if (i >= 0) tapes.splice(i, 1);
  refresh();
}

/** @internal Whether a tape is recording now. */
export function isRecording(tape: OpListener): boolean {
  return tapes.includes(tape);
}

/** @internal Adds an observer of every op (memory accounting, tidy scopes). */
export function addObserver(o: OpListener): void {
  observers.push(o);
  refresh();
}

/** @internal Removes an observer added by `addObserver`. */
export function removeObserver(o: OpListener): void {
  const i = observers.lastIndexOf(o);
  if (i >= 0) observers.splice(i, 1);
  refresh();
}

/**
 * Runs `fn` with every tape paused: nothing it computes is recorded (variable updates, the
 * forward pass of a custom gradient).
 */
export function withoutRecording<T>(fn: () => T): T {
  paused++;
  try {
    return fn();
  } finally {
    paused--;
  }
}

/** @internal Reports an op that no kernel ran (a custom gradient) to the tapes and observers. */
export function recordOp(op: string, inputs: readonly Tensor[], attrs: unknown, output: Tensor): void {
  dispatch(op, inputs, attrs, output);
}
