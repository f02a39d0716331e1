// Where Jupyter looks for kernelspecs and lab extensions, computed as Jupyter itself does, so
// installing needs no Python.
import { homedir } from "node:os";
import { join } from "node:path";

/**
 * The per-user Jupyter data directory (`JUPYTER_DATA_DIR` wins when set).
 *
 * @example
 * ```ts
 * userDataDir(); // "/home/me/.local/share/jupyter" on Linux
 * ```
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.JUPYTER_DATA_DIR) return env.JUPYTER_DATA_DIR;
  if (process.platform === "darwin") return join(homedir(), "Library", "Jupyter");
  if (process.platform === "win32")
    return join(env.APPDATA ?? join(homedir(), "AppData", "Roaming"), "jupyter");
  return join(env.XDG_DATA_HOME || join(homedir(), ".local", "share"), "jupyter");
}

/** The Jupyter data directory under an installation prefix (`--prefix P`). */
export function prefixDataDir(prefix: string): string {
  return join(prefix, "share", "jupyter");
}
