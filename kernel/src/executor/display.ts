// The display protocol: objects render themselves through `Symbol.for("Jupyter.display")`;
// everything else is shown as Node's inspection text.
import { inspect } from "node:util";
import { isJsonObject, type MimeBundle } from "../protocol/messages.js";

/** The key of the method that returns an object's MIME bundle. */
export const DISPLAY_METHOD = Symbol.for("Jupyter.display");

/**
 * Plain-text rendering for values without a display method (and the `text/plain` fallback of
 * those whose bundle lacks one).
 *
 * @example
 * ```ts
 * plainText([1, 2]); // "[ 1, 2 ]"
 * ```
 */
export function plainText(value: unknown): string {
  return inspect(value, { depth: 4, maxArrayLength: 100, maxStringLength: 10_000, breakLength: 100 });
}

/**
 * The MIME bundle for a value: its display method's bundle (with `text/plain` added when it is
 * missing), or `{ "text/plain": inspect(value) }`.
 *
 * @example
 * ```ts
 * mimeBundle({ [Symbol.for("Jupyter.display")]: () => ({ "text/html": "<b>hi</b>" }) });
 * // { "text/html": "<b>hi</b>", "text/plain": "{ [Symbol(Jupyter.display)]: [Function ...] }" }
 * ```
 */
export function mimeBundle(value: unknown): MimeBundle {
  if ((typeof value === "object" && value !== null) || typeof value === "function") {
    const method = (value as { [DISPLAY_METHOD]?: unknown })[DISPLAY_METHOD];
    if (typeof method === "function") {
      let bundle: unknown;
      try {
        bundle = method.call(value);
      } catch (e) {
        return { "text/plain": `${plainText(value)}\n(its display method failed: ${(e as Error).message})` };
      }
      if (isJsonObject(bundle)) {
        // Drop values JSON cannot carry (functions, undefined) instead of failing the display.
        const clean = JSON.parse(JSON.stringify(bundle)) as MimeBundle;
        if (typeof clean["text/plain"] !== "string") clean["text/plain"] = plainText(value);
        return clean;
      }
      return {
        "text/plain": `${plainText(value)}\n(its display method returned ${plainText(bundle)}, expected a MIME bundle object)`,
      };
    }
  }
  return { "text/plain": plainText(value) };
}
