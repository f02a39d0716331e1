/**
 * A slot a backend fills with its implementation of a part of the engine that is not an op (a
 * tree builder, an SGD epoch loop): the engine reads it, and falls back to its TypeScript path
 * while it is empty.
 */
export interface HookSlot<T> {
  /** Installs (or with undefined removes) the implementation; returns the previous one. */
  readonly set: (value: T | undefined) => T | undefined;
  /** The installed implementation, if any. */
  readonly get: () => T | undefined;
}

/** An empty slot. */
export function hookSlot<T>(): HookSlot<T> {
  let value: T | undefined;
  return {
    set: (next) => {
      const previous = value;
      value = next;
      return previous;
    },
    get: () => value,
  };
}
