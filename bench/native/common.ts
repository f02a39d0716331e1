// Shared by the native benchmarks: best-of timing, running a Python peer, printing tables.
import { spawnSync } from "node:child_process";
import { probeNative, type NativeBinding } from "@tensorbook/native";

/** The addon, or exit 0 with the reason (a benchmark of nothing is not a failure). */
export function bindingOrExit(): NativeBinding {
  const p = probeNative();
  if (!p.binding) {
    console.log(`native addon not available (${p.reason}); nothing to benchmark`);
    process.exit(0);
  }
  return p.binding;
}

/** Best time in seconds over at least `reps` runs and at least `minSeconds` in all. */
export function best(fn: () => void, reps = 3, minSeconds = 0.3): number {
  fn(); // warm up (first-touch page faults, pack buffers)
  let min = Infinity;
  let total = 0;
  for (let r = 0; r < reps || total < minSeconds; r++) {
    const t0 = performance.now();
    fn();
    const dt = (performance.now() - t0) / 1000;
    min = Math.min(min, dt);
    total += dt;
    if (r > 50) break;
  }
  return min;
}

/** Runs a Python snippet with Debian's interpreter; returns its JSON output or why it failed. */
export function python<T>(
  code: string,
  env: Record<string, string> = {},
): { ok: true; value: T } | { ok: false; why: string } {
  const r = spawnSync("/usr/bin/python3", ["-c", code], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) {
    const why = (r.stderr || String(r.error ?? `exit ${r.status}`)).trim().split("\n").pop() ?? "failed";
    return { ok: false, why };
  }
  return { ok: true, value: JSON.parse(r.stdout) as T };
}

/** Prints rows as an aligned text table (and returns it, for the issue note). */
export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]): string =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const out = [line(cells[0]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join(
    "\n",
  );
  console.log(out);
  return out;
}

export const fmt = (v: number | undefined, digits = 1): string =>
  v === undefined ? "n/a" : v.toFixed(digits);
export const ratio = (a: number | undefined, b: number | undefined): string =>
  a === undefined || b === undefined ? "n/a" : `${(a / b).toFixed(2)}x`;
