// The JSON-shaped values Keras objects describe themselves with (`getConfig`), and the
// `{ className, config }` envelope saving writes for every object.

/** A JSON value: what a config may hold, so saving can write it as it is. */
export type ConfigValue = null | boolean | number | string | readonly ConfigValue[] | ConfigObject;

/** A JSON object of config values. */
export interface ConfigObject {
  readonly [key: string]: ConfigValue;
}

/**
 * A Keras object's config: its constructor options (camelCase, as the TypeScript constructor
 * takes them), so `new Cls(obj.getConfig())` rebuilds an equal object.
 */
export type Config = ConfigObject;

/**
 * How saving writes an object: its class (or registered) name and its config, Keras'
 * `{"class_name": ..., "config": ...}` in camelCase.
 */
export interface Serialized {
  readonly className: string;
  readonly config: Config;
}

/** Whether a value is a `{ className, config }` envelope. */
export function isSerialized(x: unknown): x is Serialized {
  return (
    typeof x === "object" &&
    x !== null &&
    typeof (x as { className?: unknown }).className === "string" &&
    typeof (x as { config?: unknown }).config === "object"
  );
}

/** Anything with a `getConfig` (layers, losses, metrics, optimizers, ...). */
export interface Configurable {
  getConfig(): Config;
}
