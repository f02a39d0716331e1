// How the status bar learns the kernel's compute backend: one silent execute_request (no output,
// no history, no execution count) whose code stores the engine's backendInfo() plus the CPU's
// model and thread count in a global, and whose user expression returns that as application/json.
// The block scope keeps the learner's namespace clean. Documented in docs/lab.md.

export const PROBE_CODE = `{
  const tb = await import("tensorbook");
  const os = await import("node:os");
  Reflect.set(globalThis, "__tensorbookBackend", {
    backends: tb.backendInfo(),
    cpu: os.cpus()[0]?.model ?? "",
    threads: typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length,
  });
}`;

export const PROBE_EXPRESSION = `({ [Symbol.for("Jupyter.display")]: () => ({ "application/json": Reflect.get(globalThis, "__tensorbookBackend") ?? null, "text/plain": "backend" }) })`;

/** What the status bar shows. */
export interface BackendSummary {
  /** Short text: `CPU · native (AVX2) · 16 threads`, `GPU · NVIDIA H100 · 80 GB`. */
  label: string;
  /** Longer text for the tooltip: every backend and its state. */
  detail: string;
}

interface Backend {
  name: string;
  state: string;
  reason?: string;
  device?: string;
  isa?: string;
  memory?: number;
  threads?: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The summary of a probe's user-expression result (`{ status, data: { "application/json": … } }`),
 * or null when the kernel did not answer with one. Fields beyond name/state/reason (`device`,
 * `isa`, `memory` in bytes, `threads`) are shown when the engine provides them.
 */
export function summarise(result: unknown): BackendSummary | null {
  if (!isRecord(result) || result.status !== "ok" || !isRecord(result.data)) return null;
  const info = result.data["application/json"];
  if (!isRecord(info) || !Array.isArray(info.backends)) return null;
  const backends = info.backends.filter(isRecord).map((b) => b as unknown as Backend);
  const inUse =
    backends.find((b) => b.state === "in use" && b.name === "cuda") ??
    backends.find((b) => b.state === "in use");
  if (!inUse) return null;
  const threads =
    typeof inUse.threads === "number" ? inUse.threads : typeof info.threads === "number" ? info.threads : 0;
  const cpu = typeof info.cpu === "string" ? info.cpu : "";
  let label: string;
  if (inUse.name === "cuda") {
    const mem = typeof inUse.memory === "number" ? ` · ${Math.round(inUse.memory / 2 ** 30)} GB` : "";
    label = `GPU · ${inUse.device ?? "CUDA"}${mem}`;
  } else {
    const kind =
      inUse.name === "native-cpu" ? `native${inUse.isa ? ` (${inUse.isa})` : ""}` : "TypeScript kernels";
    label = `CPU · ${kind}${threads ? ` · ${threads} threads` : ""}`;
  }
  const detail = [
    cpu && `CPU: ${cpu}${threads ? `, ${threads} threads` : ""}`,
    ...backends.map((b) => `${b.name}: ${b.state}${b.reason ? ` (${b.reason})` : ""}`),
  ]
    .filter(Boolean)
    .join("\n");
  return { label, detail };
}
