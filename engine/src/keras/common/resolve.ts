import { isSerialized, type Config, type Serialized } from "./config.js";
import { findCustomObject, instantiate, isClass, type CustomObjects, type Registrable } from "./registry.js";

// One resolver behind every `keras.<module>.get`: a string names a built-in (or a registered
// custom object), a `{ className, config }` envelope rebuilds an object, an instance passes
// through, and a plain function is wrapped the module's way.

/** How one module (losses, metrics, ...) turns identifiers into its objects. */
export interface ModuleSpec<T> {
  /** What the module resolves, for messages: "loss", "metric", "initializer". */
  readonly what: string;
  /** The module's path, for messages: "keras.losses". */
  readonly module: string;
  /** Whether a value already is one of the module's objects. */
  readonly is: (x: unknown) => x is T;
  /** The string identifiers (names and aliases) and what each makes. */
  readonly names: Readonly<Record<string, () => T>>;
  /** The built-in classes by class name, made from a config. */
  readonly classes: Readonly<Record<string, (config: Config) => T>>;
  /** Wraps a plain function (a custom loss, activation, ...) as one of the module's objects. */
  readonly wrap?: (fn: (...args: never[]) => unknown, name: string) => T;
}

/** What `get` accepts: a name, a saved envelope, an object or a function. */
export type Identifier<T> = string | Serialized | T | ((...args: never[]) => unknown);

/** Resolves an identifier with a module's tables (see `ModuleSpec`). */
export function resolve<T>(spec: ModuleSpec<T>, id: Identifier<T>, customObjects?: CustomObjects): T {
  if (spec.is(id)) return id;
  if (typeof id === "string") return fromName(spec, id, customObjects);
  if (isSerialized(id)) return fromSerialized(spec, id, customObjects);
  if (typeof id === "function") {
    if (spec.wrap) return spec.wrap(id as (...args: never[]) => unknown, id.name || "custom");
  }
  throw new TypeError(
    `Could not interpret ${spec.what} identifier: ${describe(id)}; pass a name (${names(spec)}), ` +
      `a ${spec.module} object${spec.wrap ? " or a function" : ""}`,
  );
}

function fromName<T>(spec: ModuleSpec<T>, name: string, customObjects?: CustomObjects): T {
  const make = Object.hasOwn(spec.names, name) ? spec.names[name] : undefined;
  if (make) return make();
  const custom = findCustomObject(name, customObjects);
  if (custom) return fromCustom(spec, custom, name, {});
  throw new TypeError(
    `Unknown ${spec.what}: '${name}'. Valid names: ${names(spec)}; a custom ${spec.what} must be ` +
      `passed in customObjects or registered with keras.utils.registerKerasSerializable`,
  );
}

function fromSerialized<T>(spec: ModuleSpec<T>, s: Serialized, customObjects?: CustomObjects): T {
  const custom = findCustomObject(s.className, customObjects);
  if (custom) return fromCustom(spec, custom, s.className, s.config);
  const make = Object.hasOwn(spec.classes, s.className) ? spec.classes[s.className] : undefined;
  if (make) return make(s.config);
  if (Object.hasOwn(spec.names, s.className)) return spec.names[s.className]();
  throw new TypeError(
    `Unknown ${spec.what} class: '${s.className}'. Built-in classes: ${Object.keys(spec.classes).join(", ")}; ` +
      `pass a custom one in customObjects (loadModel(path, { customObjects: { ${s.className} } })) ` +
      `or register it with keras.utils.registerKerasSerializable`,
  );
}

function fromCustom<T>(spec: ModuleSpec<T>, custom: Registrable, name: string, config: Config): T {
  if (isClass(custom)) {
    const obj = instantiate<unknown>(custom, config);
    if (spec.is(obj)) return obj;
    throw new TypeError(`The custom object '${name}' is not a ${spec.module} object`);
  }
  if (spec.wrap) return spec.wrap(custom as (...args: never[]) => unknown, name.replace(/^.*>/, ""));
  throw new TypeError(`The custom object '${name}' is a function, but ${spec.module} needs a class`);
}

function names<T>(spec: ModuleSpec<T>): string {
  return Object.keys(spec.names).join(", ");
}

function describe(x: unknown): string {
  try {
    return JSON.stringify(x) ?? String(x);
  } catch {
    return String(x);
  }
}
