// How a training view asks for its kernel to be interrupted. The MIME renderer knows nothing of
// sessions, so it dispatches this bubbling DOM event; the interrupt plugin (which knows the
// notebooks and consoles) handles it for the kernel of the panel the output sits in, and calls
// preventDefault to say it did.

export const INTERRUPT_EVENT = "tensorbook-interrupt";

/** Asks the enclosing panel's kernel to interrupt; false when no one could. */
export function requestInterrupt(from: HTMLElement): boolean {
  const event = new CustomEvent(INTERRUPT_EVENT, { bubbles: true, cancelable: true });
  return !from.dispatchEvent(event);
}
