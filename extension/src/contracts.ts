// The JSON carried by Tensorbook's MIME types. The engine writes these; the renderers read them
// and must tolerate anything else (a notebook may come from another version), so every reader
// validates before use.

/**
 * `application/vnd.tensorbook.training+json`: where a Keras `fit` is, published with a
 * `display_id` and replaced by `update_display_data` as training runs.
 */
export interface TrainingProgress {
  /** Number of epochs `fit` will run. */
  epochs: number;
  /** 1-based number of the epoch in progress (the last one run, once done); 0 before the first. */
  epoch: number;
  /** Batches done in this epoch. */
  step: number;
  /** Batches per epoch, or null when unknown. */
  steps: number | null;
  /** Running values of the epoch in progress (loss, metrics, `val_` ones once computed). */
  metrics: Record<string, number>;
  /** One value per finished epoch, by name (`loss`, `accuracy`, `val_loss`, ...). */
  history: Record<string, number[]>;
  /** Whether `fit` has returned. */
  done: boolean;
  /** Whether training ended early (a callback, an error or an interrupt). */
  stopped: boolean;
}

/**
 * `application/vnd.tensorbook.arrow+json`: a data frame, series or 2-D tensor for the data grid.
 */
export interface ArrowTableBundle {
  /** One Arrow IPC stream (schema + record batches), base64-encoded. */
  ipc: string;
  /** Rows of the whole object; the IPC may hold fewer (then `truncated` is true). */
  rows: number;
  /** Column names in display order; the IPC has a field of each name. */
  columns: string[];
  /** The engine's dtype of each column (`float64`, `int32`, `bool`, `object`, ...), aligned with `columns`. */
  dtypes: string[];
  /** The IPC field holding the row labels, or null to number rows from 0. */
  index?: string | null;
  /** Whether the IPC holds only the first rows of a larger object. */
  truncated?: boolean;
  /** What was displayed: `DataFrame`, `Series` or `Tensor`. */
  kind?: string;
}
