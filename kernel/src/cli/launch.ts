// Starts a kernel process on fresh ports and connects a client to it: how `tensorbook run`, the
// tests and the benchmarks get a kernel without a Jupyter server.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { KernelClient } from "../protocol/client.js";
import { newConnectionInfo, type ConnectionInfo } from "../protocol/connection.js";

/** A kernel process with a connected client. */
export interface LaunchedKernel {
  client: KernelClient;
  process: ChildProcess;
  info: ConnectionInfo;
  /** The kernel's stderr so far (its log). */
  log(): string;
  /** Asks the kernel to shut down, and kills it if it does not exit in time. */
  stop(): Promise<void>;
}

const binPath = fileURLToPath(new URL("../../bin/tensorbook.mjs", import.meta.url));

/**
 * Launches `tensorbook kernel` in `cwd` and waits until it answers.
 *
 * @example
 * ```ts
 * const k = await launchKernel({ cwd: "notebooks" });
 * await k.client.execute("1 + 1");
 * await k.stop();
 * ```
 */
export async function launchKernel(
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<LaunchedKernel> {
  const dir = mkdtempSync(join(tmpdir(), "tensorbook-kernel-"));
  const file = join(dir, "connection.json");
  const info = await newConnectionInfo(file);
  const child = spawn(process.execPath, [binPath, "kernel", file], {
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stderr?.setEncoding("utf8").on("data", (t: string) => (log = (log + t).slice(-64 * 1024)));
  child.stdout?.setEncoding("utf8").on("data", (t: string) => (log = (log + t).slice(-64 * 1024)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const client = await KernelClient.connect(info);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      await client.request("control", "shutdown_request", { restart: false }, 5_000).catch(() => undefined);
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    client.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.race([
      client.ready(options.timeoutMs ?? 60_000),
      exited.then(() => {
        throw new Error(`the kernel exited before it answered:\n${log}`);
      }),
    ]);
  } catch (e) {
    child.kill("SIGKILL");
    client.close();
    throw e;
  }
  return { client, process: child, info, log: () => log, stop };
}
