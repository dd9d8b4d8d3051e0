/**
 * Where the rate chart's labels go. Side-by-side columns read best while every group's label and
 * its n fit under its own bar; past that (many months, advisers' names, a phone's width) labels
 * overlapped, so the chart turns into one row per group with the label beside its bar.
 */
export interface ChartLayout {
  orientation: 'columns' | 'rows';
  /** Pixel height of the whole chart. */
  height: number;
  /** Width kept for the group labels beside the bars (rows only). */
  labelWidth: number;
}

/** Rough advance of one character of the 14px label font: generous, so estimates err towards rows. */
const CHAR_PX = 8;
const Y_AXIS_PX = 60;
/** A column also carries "n = 1,234" (12px) under its label and the rate ("100%", bold) in its bar. */
const MIN_COLUMN_PX = 60;
const COLUMNS_HEIGHT = 320;
const ROW_PX = 44;
const ROWS_CHROME_PX = 48;

export function labelPx(label: string): number {
  return label.length * CHAR_PX;
}

export function chartLayout(labels: readonly string[], width: number): ChartLayout {
  const widest = Math.max(0, ...labels.map(labelPx));
  const slot = labels.length ? (width - Y_AXIS_PX) / labels.length : width;
  if (slot >= Math.max(MIN_COLUMN_PX, widest + 16)) {
    return { orientation: 'columns', height: COLUMNS_HEIGHT, labelWidth: 0 };
  }
  return {
    orientation: 'rows',
    height: labels.length * ROW_PX + ROWS_CHROME_PX,
    labelWidth: Math.min(widest + 16, Math.floor(width * 0.45)),
  };
}
