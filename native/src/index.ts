import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/** What probing the compiled addon found. */
export interface NativeProbe {
  /** Whether the addon loaded in this process. */
  readonly available: boolean;
  /** Why it is unavailable, in words a learner can act on; empty when available. */
  readonly reason: string;
  /** The file that was tried. */
  readonly path: string;
  /** The addon's exports when it loaded. */
  readonly binding?: Readonly<Record<string, unknown>>;
}

/** Where node-gyp puts the compiled addon inside this package. */
export const ADDON_PATH = fileURLToPath(new URL("../build/Release/tensorbook_native.node", import.meta.url));

let probed: NativeProbe | undefined;

/**
 * Loads the compiled addon once and says whether it is usable. The engine calls this and falls
 * back to its TypeScript kernels when `available` is false.
 *
 * @example
 * ```ts
 * const { available, reason } = probeNative();
 * if (!available) console.log(`native kernels off: ${reason}`);
 * ```
 */
export function probeNative(): NativeProbe {
  if (probed) return probed;
  if (!existsSync(ADDON_PATH)) {
    return (probed = {
      available: false,
      reason: "the native addon is not built (npm install builds it when a C++ compiler is present)",
      path: ADDON_PATH,
    });
  }
  try {
    const binding = createRequire(import.meta.url)(ADDON_PATH) as Record<string, unknown>;
    return (probed = { available: true, reason: "", path: ADDON_PATH, binding });
  } catch (err) {
    return (probed = {
      available: false,
      reason: `the native addon failed to load: ${(err as Error).message}`,
      path: ADDON_PATH,
    });
  }
}
