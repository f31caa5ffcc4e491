import type { WindowResult } from './telemetryTypes.ts';

/** A raw reading as JSON. */
export interface RawRowJson {
  sensorId: string;
  /** Epoch ms. */
  tsMs: number;
  value: number;
}

/** A rollup bucket as JSON. */
export interface RollupRowJson {
  sensorId: string;
  /** Bucket start, epoch ms. */
  tsMs: number;
  count: number;
  min: number;
  max: number;
  mean: number;
  last: number;
}

/** A window as plain objects, one per row: the fallback for small results and JSON clients. */
export function windowToJson(window: WindowResult): RawRowJson[] | RollupRowJson[] {
  const n = window.rowCount;
  if (window.resolution === 'raw') {
    const rows = new Array<RawRowJson>(n);
    for (let i = 0; i < n; i++) rows[i] = { sensorId: window.sensorIds[i]!, tsMs: window.tsMs[i]!, value: window.values[i]! };
    return rows;
  }
  const rows = new Array<RollupRowJson>(n);
  for (let i = 0; i < n; i++) {
    rows[i] = {
      sensorId: window.sensorIds[i]!,
      tsMs: window.tsMs[i]!,
      count: window.count[i]!,
      min: window.min[i]!,
      max: window.max[i]!,
      mean: window.mean[i]!,
      last: window.last[i]!,
    };
  }
  return rows;
}
