// The declarations of what the kernel adds to a cell's global scope, for the type checker.

/** Declarations of `display`, `clearOutput` and `prompt`. */
export const KERNEL_GLOBALS_DTS = `
/** Options of \`display\`. */
interface DisplayOptions {
  /** Gives the output an id so it can be updated later; \`true\` makes a fresh id. */
  displayId?: string | boolean;
  /** Replaces the output that has this \`displayId\` instead of adding one. */
  update?: boolean;
  /** Output metadata. */
  metadata?: Record<string, unknown>;
}
/** A shown output that can be updated in place. */
interface DisplayHandle {
  readonly displayId: string | undefined;
  /** Replaces the output with \`value\`'s rendering. */
  update(value: unknown): void;
}
/**
 * Shows a value in the cell's output, rendered through the display protocol
 * (\`Symbol.for("Jupyter.display")\`), e.g. \`display(df)\` or
 * \`const h = display("0%", { displayId: true }); h.update("50%");\`.
 */
declare function display(value: unknown, options?: DisplayOptions): DisplayHandle;
/** Clears the cell's output; with \`wait\`, only when the next output arrives. */
declare function clearOutput(wait?: boolean): void;
/** Asks the front end for a line of input and returns it, e.g. \`const name = prompt("Your name?")\`. */
declare function prompt(message?: string, options?: { password?: boolean }): string;
`;
