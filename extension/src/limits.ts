// The user's settings for the renderers. MIME renderers are created by JupyterLab's rendermime
// registry without access to the settings registry, so the settings plugin writes the values
// here and every renderer reads them when it renders (the two share this module's instance
// because both live in the same federated bundle).

/** Settings of the live training view. */
export interface TrainingViewLimits {
  /** Draw the loss/metric curves. */
  showCurves: boolean;
  /** Show the per-epoch table. */
  showEpochTable: boolean;
  /** Most epochs the table lists (the latest ones). */
  maxTableRows: number;
  /** Height of each chart, in pixels. */
  chartHeight: number;
}

/** Settings of the data grid. */
export interface DataGridLimits {
  /** Height of the grid's viewport, in pixels (it scrolls beyond). */
  maxHeight: number;
  /** Height of one row, in pixels. */
  rowHeight: number;
  /** Width of one column, in pixels. */
  columnWidth: number;
  /** Characters shown in a cell before it is cut with an ellipsis. */
  maxCellChars: number;
  /** Rows above which column statistics are not computed (they are on demand anyway). */
  maxStatsRows: number;
}

export interface Limits {
  trainingView: TrainingViewLimits;
  dataGrid: DataGridLimits;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  trainingView: { showCurves: true, showEpochTable: true, maxTableRows: 50, chartHeight: 160 },
  dataGrid: { maxHeight: 360, rowHeight: 24, columnWidth: 120, maxCellChars: 60, maxStatsRows: 5_000_000 },
});

let current: Limits = structuredClone(DEFAULT_LIMITS) as Limits;

/** The settings in force. */
export function limits(): Readonly<Limits> {
  return current;
}

/** Replaces the settings in force with `partial` laid over the defaults. */
export function setLimits(partial: {
  trainingView?: Partial<TrainingViewLimits>;
  dataGrid?: Partial<DataGridLimits>;
}): void {
  current = {
    trainingView: { ...DEFAULT_LIMITS.trainingView, ...partial.trainingView },
    dataGrid: { ...DEFAULT_LIMITS.dataGrid, ...partial.dataGrid },
  };
}
