/**
 * The shapes the storage module exchanges with the rest of the server. Times are epoch
 * milliseconds; values are in each sensor's registered unit.
 */

/**
 * A columnar micro-batch of readings; only the first `count` entries of each array are used.
 * The arrays are read while the commit runs: do not change them until its promise settles.
 */
export interface ReadingBatch {
  count: number;
  /** Storage key of each reading's sensor, as returned by `syncSensors`. */
  sensorKeys: Uint32Array;
  /** Reading time, epoch ms (non-integral values are rounded to the millisecond). */
  tsMs: Float64Array;
  values: Float64Array;
}

/** What a commit did with a batch: `stored + duplicates === count`. */
export interface CommitOutcome {
  /** Readings written. */
  stored: number;
  /** Readings dropped as exact repeats (same sensor and timestamp) of a stored reading or of an earlier reading of the batch. */
  duplicates: number;
}

/** Resolution of a time window: raw readings, or 1-minute / 1-hour rollups. */
export type Resolution = 'raw' | '1m' | '1h';

/**
 * A time window of some sensors. Raw windows hold the readings with `fromMs <= ts < toMs`.
 * Rollup windows hold the buckets whose start lies in `[fromMs, toMs)`, each aggregating its
 * whole bucket. Rows are ordered by time, then sensor key; at most `limit` rows are returned.
 */
export interface WindowQuery {
  sensorIds: string[];
  fromMs: number;
  toMs: number;
  resolution: Resolution;
  limit: number;
}

interface WindowRows {
  rowCount: number;
  /** True when more rows matched than `limit` allowed. */
  truncated: boolean;
  /** Sensor id of each row. */
  sensorIds: string[];
  /** Reading time, or bucket start for rollups, epoch ms. */
  tsMs: Float64Array;
}

/** Raw readings of a window. */
export interface RawWindow extends WindowRows {
  resolution: 'raw';
  values: Float64Array;
}

/** Rollup buckets of a window. */
export interface RollupWindow extends WindowRows {
  resolution: '1m' | '1h';
  /** Readings in the bucket (at most one per millisecond per sensor, so it fits 32 bits). */
  count: Int32Array;
  min: Float64Array;
  max: Float64Array;
  mean: Float64Array;
  /** Value of the bucket's latest reading. */
  last: Float64Array;
}

/** A columnar window result. */
export type WindowResult = RawWindow | RollupWindow;

/** The latest stored reading of each sensor that has one, ordered by sensor key. */
export interface LatestReadings {
  sensorKeys: Uint32Array;
  tsMs: Float64Array;
  values: Float64Array;
}

/** Tuning of a store. */
export interface TelemetryStoreOptions {
  /** DuckDB worker threads (default: DuckDB's choice, the core count). */
  threads?: number;
  /** DuckDB memory limit, e.g. `'2GB'` (default: DuckDB's, 80 % of RAM). */
  memoryLimit?: string;
  /** WAL size that triggers an automatic checkpoint, DuckDB syntax (default: DuckDB's, 16 MiB). */
  checkpointThreshold?: string;
  /** Clock for registry and migration bookkeeping (default `Date.now`). */
  now?: () => number;
}
