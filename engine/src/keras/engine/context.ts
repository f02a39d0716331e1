// The call context: a layer called without `{ training }` inside another layer's call inherits
// the outer call's mode, as Keras does (so `model(x, { training: true })` reaches every Dropout).

interface CallContext {
  training: boolean;
}

const stack: CallContext[] = [];

/** The training mode of the enclosing layer call, if any. */
export function enclosingTraining(): boolean | undefined {
  return stack.length ? stack[stack.length - 1].training : undefined;
}

/** Whether a layer call is running now (the callee is then a nested layer). */
export function insideCall(): boolean {
  return stack.length > 0;
}

/** Runs `fn` as a layer call in the given mode. */
export function inCall<T>(training: boolean, fn: () => T): T {
  stack.push({ training });
  try {
    return fn();
  } finally {
    stack.pop();
  }
}
