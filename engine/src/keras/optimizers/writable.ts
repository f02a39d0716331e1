import type { TypedArray } from "../../core/dtype.js";
import { hostOf } from "../../core/host.js";
import type { Variable } from "../../autodiff/variable.js";

// Optimizer updates run as one loop over the variables' host arrays: each variable hands out a
// fresh copy of its storage (`assignWith`), the loop writes the new values into the copies, and
// the copies become the variables' values. No intermediate tensors are made, and reads taken
// before the update (a persistent tape's saved values) keep the old storage.

/** Runs `body` with writable arrays holding the current values of `vars`, then installs them. */
export function withWritable(vars: readonly Variable[], body: (arrays: TypedArray[]) => void): void {
  const arrays: TypedArray[] = [];
  const step = (i: number): void => {
    if (i === vars.length) {
      body(arrays);
      return;
    }
    vars[i].assignWith((copy) => {
      arrays.push(hostOf(copy).data);
      step(i + 1);
    });
  };
  step(0);
}
