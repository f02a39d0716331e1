import type { TypedArray } from "../../core/dtype.js";
import { copyHost } from "../../core/host.js";
import { withoutRecording } from "../../autodiff/recorder.js";
import type { Variable } from "../../autodiff/variable.js";

// Optimizer updates run as one loop over the variables' host arrays: each variable hands out a
// fresh copy of its storage, the loop writes the new values into the copies, and
// the copies become the variables' values. No intermediate tensors are made, and reads taken
// before the update (a persistent tape's saved values) keep the old storage.

/** Runs `body` with writable arrays holding the current values of `vars`, then installs them. */
export function withWritable(vars: readonly Variable[], body: (arrays: TypedArray[]) => void): void {
  const arrays = vars.map((v) => copyHost(v).data);
  withoutRecording(() => body(arrays));
  for (let i = 0; i < vars.length; i++) vars[i].adoptArray(arrays[i]);
}
