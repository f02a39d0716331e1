// Kernel responsiveness, Tensorbook next to Debian's IPython kernel in the same run: start to
// kernel_info_reply, a trivial execute round trip, first and warm completion. Prints medians and
// the Tensorbook / IPython ratio (below 1: Tensorbook is faster).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { KernelClient, newConnectionInfo } from "@tensorbook/kernel";

const root = fileURLToPath(new URL("../..", import.meta.url));
const python = "/usr/bin/python3";

interface Subject {
  name: string;
  command: (connectionFile: string) => [string, string[]];
  trivial: string;
  completion: { code: string; cursor: number };
}

const subjects: Subject[] = [
  {
    name: "tensorbook",
    command: (f) => [process.execPath, [join(root, "kernel", "bin", "tensorbook.mjs"), "kernel", f]],
    trivial: "1 + 1",
    completion: { code: "Math.fl", cursor: 7 },
  },
  {
    name: "ipykernel",
    command: (f) => [python, ["-m", "ipykernel_launcher", "-f", f]],
    trivial: "1 + 1",
    completion: { code: "import math\nmath.fl", cursor: 19 },
  },
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function start(
  subject: Subject,
): Promise<{ client: KernelClient; child: ChildProcess; dir: string; startMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), "tensorbook-bench-"));
  const file = join(dir, "connection.json");
  const info = await newConnectionInfo(file);
  const [cmd, args] = subject.command(file);
  const t0 = performance.now();
  const child = spawn(cmd, args, { cwd: dir, stdio: "ignore" });
  const client = await KernelClient.connect(info);
  await client.ready(60_000);
  return { client, child, dir, startMs: performance.now() - t0 };
}

async function stop(k: { client: KernelClient; child: ChildProcess; dir: string }): Promise<void> {
  const exited = new Promise((r) => k.child.once("exit", r));
  await k.client.request("control", "shutdown_request", { restart: false }, 5_000).catch(() => undefined);
  const timer = setTimeout(() => k.child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
  k.client.close();
  rmSync(k.dir, { recursive: true, force: true });
}

interface Figures {
  startMs: number;
  executeMs: number;
  executeVaryingMs: number;
  firstCompletionMs: number;
  warmCompletionMs: number;
}

async function measure(subject: Subject): Promise<Figures> {
  const starts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const k = await start(subject);
    starts.push(k.startMs);
    await stop(k);
  }
  const k = await start(subject);
  const complete = async () => {
    const t = performance.now();
    await k.client.request("shell", "complete_request", {
      code: subject.completion.code,
      cursor_pos: subject.completion.cursor,
    });
    return performance.now() - t;
  };
  const firstCompletionMs = await complete();
  const warm: number[] = [];
  for (let i = 0; i < 10; i++) warm.push(await complete());
  for (let i = 0; i < 5; i++) await k.client.execute(subject.trivial);
  const runs: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    await k.client.execute(subject.trivial);
    runs.push(performance.now() - t);
  }
  // A different cell each time: nothing can be reused from the previous type check.
  const varying: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    await k.client.execute(`${i} + 1`);
    varying.push(performance.now() - t);
  }
  await stop(k);
  return {
    startMs: median(starts),
    executeMs: median(runs),
    executeVaryingMs: median(varying),
    firstCompletionMs,
    warmCompletionMs: median(warm),
  };
}

const results = new Map<string, Figures>();
for (const s of subjects) {
  if (s.name === "ipykernel" && !existsSync(python)) continue;
  try {
    results.set(s.name, await measure(s));
  } catch (e) {
    console.log(`${s.name}: could not be measured (${(e as Error).message})`);
  }
}

const tb = results.get("tensorbook");
const py = results.get("ipykernel");
const rows: [string, keyof Figures][] = [
  ["start → kernel_info_reply (median of 3)", "startMs"],
  ["execute `1 + 1` round trip (median of 30)", "executeMs"],
  ["execute `i + 1`, a new cell each time (median)", "executeVaryingMs"],
  ["first completion after start", "firstCompletionMs"],
  ["warm completion (median of 10)", "warmCompletionMs"],
];
console.log(
  `${"measure".padEnd(48)} ${"tensorbook".padStart(12)} ${"ipykernel".padStart(12)} ${"ratio".padStart(7)}`,
);
for (const [label, key] of rows) {
  const a = tb?.[key];
  const b = py?.[key];
  const fmt = (x: number | undefined) => (x === undefined ? "n/a" : `${x.toFixed(1)} ms`);
  const ratio = a !== undefined && b !== undefined ? (a / b).toFixed(2) : "n/a";
  console.log(`${label.padEnd(48)} ${fmt(a).padStart(12)} ${fmt(b).padStart(12)} ${ratio.padStart(7)}`);
}
process.exit(0);
