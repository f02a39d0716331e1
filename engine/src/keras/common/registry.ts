import type { Config, Serialized } from "./config.js";

// The custom-object registry behind saving: classes and functions registered by name (Keras'
// `register_keras_serializable`), and the `customObjects` maps `loadModel` takes, looked up in
// that order of precedence: the map first, then the registry.

/** A class (constructor) or function that saving can find by name. */
export type Registrable = ((...args: never[]) => unknown) | (abstract new (...args: never[]) => unknown);

/** Names → custom classes or functions, as `loadModel(path, { customObjects })` takes them. */
export type CustomObjects = Readonly<Record<string, Registrable>>;

/** Options of `registerKerasSerializable`. */
export interface RegisterOptions {
  /** The package part of the registered name (default "Custom"). */
  package?: string;
  /** The name part (default the class's or function's own name). */
  name?: string;
}

const byName = new Map<string, Registrable>();
const nameOf = new Map<Registrable, string>();

/**
 * Registers a custom class or function so that saved models find it by name without a
 * `customObjects` map (Keras' `@register_keras_serializable(package=...)`); usable as a call or
 * as a class decorator. The registered name is `"package>name"`.
 *
 * @example
 * ```ts
 * class HuberLoss extends keras.losses.Loss { ... }
 * keras.utils.registerKerasSerializable({ package: "my" })(HuberLoss);
 * // or: @keras.utils.registerKerasSerializable() class HuberLoss ...
 * ```
 */
export function registerKerasSerializable(
  opts: RegisterOptions = {},
): <T extends Registrable>(target: T, context?: unknown) => T {
  return (target, _context) => {
    const name = opts.name ?? target.name;
    if (!name) throw new TypeError("registerKerasSerializable: an anonymous function needs { name }");
    const full = `${opts.package ?? "Custom"}>${name}`;
    byName.set(full, target);
    nameOf.set(target, full);
    return target;
  };
}

/** The registered name of a class or function (`"package>name"`), or undefined. */
export function getRegisteredName(x: Registrable): string | undefined {
  return nameOf.get(x);
}

/**
 * Finds a custom object by name: the `customObjects` map (by the full or short name), then the
 * registry (by the full `"package>name"` or the short name).
 */
export function findCustomObject(name: string, customObjects?: CustomObjects): Registrable | undefined {
  const short = name.includes(">") ? name.slice(name.indexOf(">") + 1) : name;
  if (customObjects) {
    const hit = customObjects[name] ?? customObjects[short];
    if (hit) return hit;
  }
  const registered = byName.get(name);
  if (registered) return registered;
  for (const [full, v] of byName) if (full.slice(full.indexOf(">") + 1) === short) return v;
  return undefined;
}

/** Whether a function is a class (made with `class`), as opposed to a plain function. */
export function isClass(f: Registrable): f is abstract new (...args: never[]) => unknown {
  return /^class[\s{]/.test(Function.prototype.toString.call(f));
}

/** Something with a class, a `getConfig`, and possibly a registered name. */
interface SerializableObject {
  getConfig(): Config;
  constructor: { name: string };
}

/**
 * `{ className, config }` for an object: the registered name when its class was registered,
 * else the class name.
 *
 * @example
 * ```ts
 * serializeObject(new keras.losses.Huber({ delta: 2 })); // { className: "Huber", config: { ... } }
 * ```
 */
export function serializeObject(obj: SerializableObject): Serialized {
  const cls = obj.constructor as unknown as Registrable;
  return { className: getRegisteredName(cls) ?? obj.constructor.name, config: obj.getConfig() };
}

/**
 * Builds an object of a custom class from its config: the class's static `fromConfig` when it
 * has one, else `new Cls(config)`.
 */
export function instantiate<T>(cls: abstract new (...args: never[]) => unknown, config: Config): T {
  const withFrom = cls as unknown as { fromConfig?: (c: Config) => unknown };
  if (typeof withFrom.fromConfig === "function") return withFrom.fromConfig(config) as T;
  return new (cls as unknown as new (c: Config) => unknown)(config) as T;
}
