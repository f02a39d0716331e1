/**
 * The MIME types Tensorbook's kernel publishes and this extension renders. The extension and the
 * engine never import each other: these strings and the JSON shapes in `contracts.ts` are their
 * whole contract (documented in docs/lab.md).
 */
export const MIME_TYPES = {
  /** Live training progress that Keras `fit` updates in place (JSON). */
  trainingProgress: "application/vnd.tensorbook.training+json",
  /** A data frame or 2-D tensor as Arrow IPC, base64 (the data grid). */
  arrowTable: "application/vnd.tensorbook.arrow+json",
  /** Vega-Lite v5 charts, rendered by JupyterLab's built-in renderer. */
  vegaLite: "application/vnd.vegalite.v5+json",
} as const;

export type TensorbookMimeType = (typeof MIME_TYPES)[keyof typeof MIME_TYPES];

export type { ArrowTableBundle, TrainingProgress } from "./contracts.js";
