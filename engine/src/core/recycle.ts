// Result arrays reused from one training step to the next. Each step of `fit` on the CPU makes
// the same arrays again — activations, gradients, the variables' new values — and a fresh array
// costs its page faults and, through V8's external-memory accounting, extra garbage collections
// (measured on the chapter 10 MLP at batch 32: about a fifth of a step). Inside a recycling step
// (`runRecyclingStep`, which `fit` wraps around each CPU step) the native kernels' result arrays
// are recorded; when the step ends, the ones no variable adopted go to a pool, with the previous
// arrays of variables that the step replaced and that nothing outside a step has read, and the
// next step's kernels take their results from the pool. The contract is the one the GPU path
// already has (a tidy scope frees everything a step makes): tensors made inside a training step
// do not outlive it. Outside recycling steps nothing changes.

/** A float result array. */
export type RecyclableArray = Float32Array | Float64Array;

interface StepState {
  /** Arrays allocated (or taken from the pool) during the step. */
  made: Set<RecyclableArray>;
  /** Previous arrays of variables the step replaced, free once the step ends. */
  retired: RecyclableArray[];
}

let step: StepState | null = null;
// Arrays released by the last step, by length, for the current one (float32 and float64 apart).
let pool32 = new Map<number, Float32Array[]>();
let pool64 = new Map<number, Float64Array[]>();
// Arrays a recycling step made that a variable then adopted: only these may be retired later
// (a variable's first value may share storage with a tensor its maker still holds).
const adopted = new WeakSet<RecyclableArray>();
let reusedCount = 0;

/** @internal Whether a recycling step is running. */
export function inRecyclingStep(): boolean {
  return step !== null;
}

/**
 * @internal An array of `n` elements for a result: inside a recycling step, one from the pool
 * when one of that dtype and length is free (contents undefined); otherwise `make()`. Either way
 * the running step records it as made.
 */
export function stepArray<A extends RecyclableArray>(
  dtype: "float32" | "float64",
  n: number,
  make: () => A,
): A {
  if (!step) return make();
  const a = (dtype === "float32" ? pool32.get(n) : pool64.get(n))?.pop() as A | undefined;
  if (a) reusedCount++;
  const out = a ?? make();
  step.made.add(out);
  return out;
}

/** @internal A variable adopted `a`: it outlives the step and is never pooled while held. */
export function noteAdopted(a: unknown): void {
  if (!step || !(a instanceof Float32Array || a instanceof Float64Array)) return;
  if (step.made.delete(a)) adopted.add(a);
}

/**
 * @internal A variable replaced `a` during the running step and nothing outside a step read it:
 * it joins the pool when the step ends (if a recycling step made it).
 */
export function retire(a: unknown): void {
  if (!step || !(a instanceof Float32Array || a instanceof Float64Array) || !adopted.has(a)) return;
  adopted.delete(a);
  step.retired.push(a);
}

/**
 * @internal Runs `fn` as a recycling step: the pool left by the previous step serves its
 * results, and what it made (except what variables adopted) forms the pool for the next one.
 * Steps do not nest: an inner call runs `fn` as part of the outer step.
 */
export function runRecyclingStep<T>(fn: () => T): T {
  if (step) return fn();
  const state: StepState = { made: new Set(), retired: [] };
  step = state;
  let ok = false;
  try {
    const r = fn();
    ok = true;
    return r;
  } finally {
    step = null;
    const next32 = new Map<number, Float32Array[]>();
    const next64 = new Map<number, Float64Array[]>();
    // A step that threw may have left its tensors anywhere: only a finished step pools them.
    if (ok) {
      const put = (a: RecyclableArray): void => {
        if (a instanceof Float32Array) {
          const l = next32.get(a.length);
          if (l) l.push(a);
          else next32.set(a.length, [a]);
        } else {
          const l = next64.get(a.length);
          if (l) l.push(a);
          else next64.set(a.length, [a]);
        }
      };
      state.made.forEach(put);
      state.retired.forEach(put);
    }
    pool32 = next32;
    pool64 = next64;
  }
}

/** @internal Empties the pool (the end of `fit`: the garbage collector takes the arrays). */
export function clearRecycled(): void {
  pool32 = new Map();
  pool64 = new Map();
}

/** @internal How many result arrays recycling steps have taken from the pool so far. */
export function recycledCount(): number {
  return reusedCount;
}
