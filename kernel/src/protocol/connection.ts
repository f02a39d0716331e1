// Connection files: where the five sockets live and the key that signs messages.
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { isJsonObject } from "./messages.js";

/**
 * The contents of a Jupyter connection file.
 *
 * @example
 * ```ts
 * const info = readConnectionFile("/run/user/1000/jupyter/kernel-1.json");
 * info.shell_port; // 53794
 * ```
 */
export interface ConnectionInfo {
  transport: "tcp" | "ipc";
  ip: string;
  shell_port: number;
  control_port: number;
  stdin_port: number;
  iopub_port: number;
  hb_port: number;
  key: string;
  signature_scheme: string;
  kernel_name?: string;
}

/** The five channels and the connection file field holding each one's port. */
export const CHANNEL_PORTS = {
  shell: "shell_port",
  control: "control_port",
  stdin: "stdin_port",
  iopub: "iopub_port",
  hb: "hb_port",
} as const;

/** A channel of the protocol. */
export type Channel = keyof typeof CHANNEL_PORTS;

/**
 * The zeromq endpoint of a channel: `tcp://127.0.0.1:5555`, or `ipc://path-2` for ipc transport.
 *
 * @example
 * ```ts
 * endpoint(info, "hb"); // "tcp://127.0.0.1:53797"
 * ```
 */
export function endpoint(info: ConnectionInfo, channel: Channel): string {
  const port = info[CHANNEL_PORTS[channel]];
  return info.transport === "ipc" ? `ipc://${info.ip}-${port}` : `tcp://${info.ip}:${port}`;
}

/**
 * Reads and checks a connection file, saying which field is missing or wrong.
 *
 * @example
 * ```ts
 * const info = readConnectionFile(process.argv[2]);
 * ```
 */
export function readConnectionFile(path: string): ConnectionInfo {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new Error(`cannot read the connection file ${path}: ${(e as Error).message}`, { cause: e });
  }
  if (!isJsonObject(raw)) throw new Error(`connection file ${path}: expected a JSON object`);
  const transport = raw.transport ?? "tcp";
  if (transport !== "tcp" && transport !== "ipc") {
    throw new Error(`connection file ${path}: transport is "${String(transport)}", expected "tcp" or "ipc"`);
  }
  for (const field of Object.values(CHANNEL_PORTS)) {
    if (typeof raw[field] !== "number") {
      throw new Error(
        `connection file ${path}: "${field}" should be a port number, got ${JSON.stringify(raw[field])}`,
      );
    }
  }
  const ports = raw as unknown as Record<(typeof CHANNEL_PORTS)[Channel], number>;
  return {
    transport,
    ip: typeof raw.ip === "string" ? raw.ip : "127.0.0.1",
    shell_port: ports.shell_port,
    control_port: ports.control_port,
    stdin_port: ports.stdin_port,
    iopub_port: ports.iopub_port,
    hb_port: ports.hb_port,
    key: typeof raw.key === "string" ? raw.key : "",
    signature_scheme: typeof raw.signature_scheme === "string" ? raw.signature_scheme : "hmac-sha256",
    ...(typeof raw.kernel_name === "string" ? { kernel_name: raw.kernel_name } : {}),
  };
}

// Asks the OS for a free TCP port on the address (closed right away; the kernel binds it next).
function freePort(ip: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, ip, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Makes connection info with free TCP ports on 127.0.0.1 and a random key, and writes it to
 * `path` when given: what `tensorbook run` and the tests use to start a kernel.
 *
 * @example
 * ```ts
 * const info = await newConnectionInfo("/tmp/kernel.json");
 * ```
 */
export async function newConnectionInfo(path?: string, ip = "127.0.0.1"): Promise<ConnectionInfo> {
  const ports: number[] = [];
  while (ports.length < 5) {
    const p = await freePort(ip);
    if (!ports.includes(p)) ports.push(p);
  }
  const info: ConnectionInfo = {
    transport: "tcp",
    ip,
    shell_port: ports[0],
    control_port: ports[1],
    stdin_port: ports[2],
    iopub_port: ports[3],
    hb_port: ports[4],
    key: randomBytes(16).toString("hex"),
    signature_scheme: "hmac-sha256",
  };
  if (path) writeFileSync(path, JSON.stringify(info, null, 2), { mode: 0o600 });
  return info;
}
