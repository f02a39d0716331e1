// Shared set-up for the kernel tests: a built kernel, a kernelspec installed in a throw-away
// Jupyter data directory, and the Debian Python that has Jupyter's own clients.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const fixtures = join(root, "test", "kernel", "fixtures");
export const python = "/usr/bin/python3";

/** Builds what is stale (the kernel runs from kernel/dist, as the kernelspec launches it). */
export function ensureBuilt(): void {
  const r = spawnSync(process.execPath, [join(root, "scripts", "ensure.mjs")], {
    cwd: root,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`the build failed:\n${r.stdout}\n${r.stderr}`);
}

/** Installs the kernelspec under a fresh prefix; returns the env that makes Jupyter find it. */
export async function installedKernelEnv(): Promise<NodeJS.ProcessEnv> {
  ensureBuilt();
  const { installKernelspec } = await import("@tensorbook/kernel");
  const prefix = mkdtempSync(join(tmpdir(), "tensorbook-jupyter-"));
  installKernelspec({ prefix });
  const data = join(prefix, "share", "jupyter");
  return {
    ...process.env,
    JUPYTER_PATH: data,
    JUPYTER_DATA_DIR: data,
    JUPYTER_RUNTIME_DIR: join(prefix, "runtime"),
    JUPYTER_CONFIG_DIR: join(prefix, "config"),
    JUPYTER_PLATFORM_DIRS: "1",
    PYTHONDONTWRITEBYTECODE: "1",
  };
}

/** Runs a command to its end, collecting its output. */
export function run(
  cmd: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: options.cwd ?? root,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (t: string) => (out += t));
    child.stderr.setEncoding("utf8").on("data", (t: string) => (out += t));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out }));
  });
}
