import type { Logs } from "./model.js";

// Which direction counts as better for a monitored quantity, as Keras decides it: "auto"
// maximises accuracies and AUCs and minimises everything else (losses, errors).

/** "min", "max", or "auto" (decide from the name). */
export type MonitorMode = "auto" | "min" | "max";

/** The resolved direction: whether bigger is better. */
export function biggerIsBetter(monitor: string, mode: MonitorMode = "auto"): boolean {
  if (mode !== "auto" && mode !== "min" && mode !== "max") {
    throw new TypeError(`mode must be "auto", "min" or "max", got '${String(mode)}'`);
  }
  if (mode === "auto") return /acc|auc/.test(monitor);
  return mode === "max";
}

/** The monitored value from the logs, or undefined with Keras' warning naming what is there. */
export function monitored(who: string, monitor: string, logs: Logs | undefined): number | undefined {
  const v = logs?.[monitor];
  if (v === undefined) {
    console.warn(
      `${who} conditioned on metric \`${monitor}\` which is not available. Available metrics are: ${Object.keys(logs ?? {}).join(",")}`,
    );
  }
  return v;
}
