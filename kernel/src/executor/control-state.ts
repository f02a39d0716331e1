// Shared memory between the executor's main thread and its control thread: interrupt
// acknowledgements and the answer to a pending input request.

/** Int32 slots of the shared state. */
export const SLOT = {
  /** Incremented by the control thread for each interrupt. */
  interruptSeq: 0,
  /** Set by the main thread to the last interrupt it has handled. */
  interruptAck: 1,
  /** 0: no answer yet, 1: answer in `input`, 2: interrupted while waiting, 3: the front end takes no input. */
  inputState: 2,
  /** Byte length of the answer. */
  inputLength: 3,
  /** 1 while the main thread waits for an input answer. */
  inputWaiting: 4,
} as const;

/** Room for one input answer, in bytes. */
export const INPUT_BYTES = 1 << 20;

/** The buffers both threads share. */
export interface ControlState {
  state: SharedArrayBuffer;
  input: SharedArrayBuffer;
}

/** Makes fresh shared state. */
export function newControlState(): ControlState {
  return { state: new SharedArrayBuffer(8 * 4), input: new SharedArrayBuffer(INPUT_BYTES) };
}
