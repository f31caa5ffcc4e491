import type { Resolution } from './trendWindows.ts';

/** A column of a trend: one number per time of the table, null where the sensor has none. */
export type TrendColumn = Array<number | null>;

/**
 * The data of a trend chart, in the column layout uPlot draws (times shared by every sensor):
 * per sensor the line (raw value, or bucket mean for rollups) and the band edges (bucket minimum
 * and maximum; null for raw readings and for the live tail). Mutated in place by
 * {@link mergeReadings} and {@link trimBefore}, so the chart redraws the same arrays.
 */
export interface TrendTable {
  resolution: Resolution;
  /** Reading times, or bucket starts for rollups; epoch ms, ascending, each once. */
  x: number[];
  /** Per sensor (in chart order): value or mean. */
  values: TrendColumn[];
  /** Per sensor: bucket minimum. */
  min: TrendColumn[];
  /** Per sensor: bucket maximum. */
  max: TrendColumn[];
  /** True when the server returned fewer rows than matched (its row limit). */
  truncated: boolean;
}

/** A live reading for the table: the sensor's position in chart order, its time and value. */
export interface TailReading {
  slot: number;
  tsMs: number;
  value: number;
}

/** An empty table for `sensorCount` sensors. */
export function emptyTable(sensorCount: number, resolution: Resolution): TrendTable {
  const columns = () => Array.from({ length: sensorCount }, (): TrendColumn => []);
  return { resolution, x: [], values: columns(), min: columns(), max: columns(), truncated: false };
}

/** The table's columns as uPlot's aligned data: times, then value, minimum and maximum of each sensor. */
export function alignedColumns(table: TrendTable): [number[], ...TrendColumn[]] {
  return [table.x, ...table.values.flatMap((values, slot) => [values, table.min[slot]!, table.max[slot]!])];
}

/**
 * Merges live readings into the table: a reading at a time the table has sets that sensor's value
 * there (a repeat of a reading the table holds changes nothing); a reading at a new time adds a
 * row, at the end in the usual case, in order when it arrives late. Live readings carry no band.
 * @returns The number of readings that changed the table.
 */
export function mergeReadings(table: TrendTable, readings: readonly TailReading[]): number {
  let changed = 0;
  for (const { slot, tsMs, value } of [...readings].sort((a, b) => a.tsMs - b.tsMs)) {
    const values = table.values[slot];
    if (values === undefined || !Number.isFinite(tsMs) || !Number.isFinite(value)) continue;
    const row = rowFor(table, tsMs);
    if (values[row] === value) continue;
    values[row] = value;
    changed++;
  }
  return changed;
}

/**
 * Drops the rows before `tMs`, but keeps the last of them, so the line still enters the chart
 * from its left edge.
 * @returns The number of rows dropped.
 */
export function trimBefore(table: TrendTable, tMs: number): number {
  const drop = rowAtOrAfter(table.x, tMs) - 1;
  if (drop <= 0) return 0;
  table.x.splice(0, drop);
  for (const column of [...table.values, ...table.min, ...table.max]) column.splice(0, drop);
  return drop;
}

/**
 * Each sensor's value at `row`, or its last one before it (rows of other sensors' readings have
 * none of its own), with that value's time; undefined for a sensor with no value up to `row`.
 * `row` past the end reads the latest values.
 */
export function valuesAt(table: TrendTable, row: number): Array<{ tsMs: number; value: number } | undefined> {
  const last = Math.min(row, table.x.length - 1);
  return table.values.map((values) => {
    for (let r = last; r >= 0; r--) {
      const value = values[r];
      if (value !== null && value !== undefined) return { tsMs: table.x[r]!, value };
    }
    return undefined;
  });
}

/**
 * The row of time `tMs`, added (with no values) where it belongs when the table lacks it. Appending
 * in time order costs O(1) per row.
 */
export function rowFor(table: TrendTable, tMs: number): number {
  const row = rowAtOrAfter(table.x, tMs);
  if (table.x[row] !== tMs) insertRow(table, row, tMs);
  return row;
}

/** Index of the first time not before `tMs` (the length when all are before); searches from the end, where live readings land. */
function rowAtOrAfter(x: readonly number[], tMs: number): number {
  const n = x.length;
  if (n === 0 || x[n - 1]! < tMs) return n;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x[mid]! < tMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertRow(table: TrendTable, row: number, tMs: number): void {
  table.x.splice(row, 0, tMs);
  for (const column of [...table.values, ...table.min, ...table.max]) column.splice(row, 0, null);
}
