import { BIGINT, INTEGER, LIST, listValue, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { cellToNumber } from './bigIntPolicy.ts';
import { readNumberColumns } from './resultColumns.ts';
import { HOUR_MS, MINUTE_MS, bucketCeil, bucketStart } from './rollupBuckets.ts';
import type { SensorRegistry } from './sensorRegistry.ts';
import type { StorageConnection } from './storageConnection.ts';
import { StorageError } from './storageError.ts';
import type { LatestReadings, RawWindow, RollupWindow, WindowQuery, WindowResult } from './telemetryTypes.ts';

/** Largest `limit` a window may ask for. */
const MAX_LIMIT = 50_000_000;

// $1 sensor keys, $2..$3 [from, to), $4 limit.
const RAW_WINDOW = `SELECT sensor_key, ts::DOUBLE, value
FROM readings
WHERE ts >= $2 AND ts < $3 AND sensor_key IN (SELECT unnest($1::INTEGER[]))
ORDER BY ts, sensor_key
LIMIT $4`;

// $1..$2: span of bucket starts.
const MARKED_MINUTES = `SELECT DISTINCT bucket_ms::DOUBLE FROM rollup_dirty
WHERE bucket_ms >= $1 AND bucket_ms < $2 ORDER BY 1`;

// Clean minutes come from rollup_1m; marked ones are aggregated from raw rows.
// $1 keys, $2..$3 bucket starts [from, to), $4 marked minutes, $5..$6 their span, $7 limit.
const MINUTE_WINDOW = `SELECT sensor_key, bucket_ms::DOUBLE, n::DOUBLE, vmin, vmax, vsum / n, last_value FROM (
  SELECT sensor_key, bucket_ms, n, vmin, vmax, vsum, last_value
  FROM rollup_1m
  WHERE bucket_ms >= $2 AND bucket_ms < $3
    AND sensor_key IN (SELECT unnest($1::INTEGER[]))
    AND bucket_ms NOT IN (SELECT unnest($4::BIGINT[]))
  UNION ALL
  SELECT sensor_key, ts // 60000 * 60000, count(*), min(value), max(value), sum(value), arg_max(value, ts)
  FROM readings
  WHERE ts >= $5 AND ts < $6
    AND sensor_key IN (SELECT unnest($1::INTEGER[]))
    AND ts // 60000 * 60000 IN (SELECT unnest($4::BIGINT[]))
  GROUP BY sensor_key, ts // 60000 * 60000
)
ORDER BY bucket_ms, sensor_key
LIMIT $7`;

// Clean hours come from rollup_1h; an hour holding a marked minute is rebuilt from its clean
// minutes (rollup_1m) and the raw rows of its marked minutes.
// $1 keys, $2..$3 bucket starts [from, to), $4 marked minutes, $5 hours holding them,
// $6..$7 span of those hours, $8..$9 span of the marked minutes, $10 limit.
const HOUR_WINDOW = `SELECT sensor_key, bucket_ms::DOUBLE, n::DOUBLE, vmin, vmax, vsum / n, last_value FROM (
  SELECT sensor_key, bucket_ms, n, vmin, vmax, vsum, last_value
  FROM rollup_1h
  WHERE bucket_ms >= $2 AND bucket_ms < $3
    AND sensor_key IN (SELECT unnest($1::INTEGER[]))
    AND bucket_ms NOT IN (SELECT unnest($5::BIGINT[]))
  UNION ALL
  SELECT sensor_key, hour_ms, sum(n), min(vmin), max(vmax), sum(vsum), arg_max(last_value, last_ts)
  FROM (
    SELECT sensor_key, bucket_ms // 3600000 * 3600000 AS hour_ms, n, vmin, vmax, vsum, last_ts, last_value
    FROM rollup_1m
    WHERE bucket_ms >= $6 AND bucket_ms < $7
      AND sensor_key IN (SELECT unnest($1::INTEGER[]))
      AND bucket_ms // 3600000 * 3600000 IN (SELECT unnest($5::BIGINT[]))
      AND bucket_ms NOT IN (SELECT unnest($4::BIGINT[]))
    UNION ALL
    SELECT sensor_key, ts // 3600000 * 3600000, count(*), min(value), max(value), sum(value), max(ts), arg_max(value, ts)
    FROM readings
    WHERE ts >= $8 AND ts < $9
      AND sensor_key IN (SELECT unnest($1::INTEGER[]))
      AND ts // 60000 * 60000 IN (SELECT unnest($4::BIGINT[]))
    GROUP BY sensor_key, ts // 3600000 * 3600000
  )
  GROUP BY sensor_key, hour_ms
)
ORDER BY bucket_ms, sensor_key
LIMIT $10`;

// $1 marked minutes, $2..$3 their span.
const LATEST = `SELECT sensor_key, max(ts)::DOUBLE, arg_max(value, ts) FROM (
  SELECT sensor_key, ts, value FROM sensor_latest
  UNION ALL
  SELECT sensor_key, ts, value FROM readings
  WHERE ts >= $2 AND ts < $3 AND ts // 60000 * 60000 IN (SELECT unnest($1::BIGINT[]))
)
GROUP BY sensor_key
ORDER BY sensor_key`;

const COUNT = 'SELECT count(*)::DOUBLE FROM readings';

/**
 * Answers reads on its own connection, so queries never wait behind commits. Rollup windows and
 * the latest readings read the rollup markers and the data in one transaction (one snapshot):
 * marked buckets are aggregated from raw rows by the same query, so answers always equal an
 * aggregate over raw rows, whether or not the refresh has caught up.
 */
export class WindowReader {
  constructor(
    private readonly connection: StorageConnection,
    private readonly registry: SensorRegistry,
  ) {}

  /** A window of raw readings or rollups; see `WindowQuery`. */
  query(query: WindowQuery): Promise<WindowResult> {
    const { keys, limit } = this.checkQuery(query);
    return this.connection.exclusive(async () => {
      if (query.resolution === 'raw') return this.rawWindow(keys, query, limit);
      return this.rollupWindow(keys, query, limit);
    });
  }

  /** The latest stored reading of every sensor that has one. */
  latest(): Promise<LatestReadings> {
    return this.connection.exclusive(() =>
      this.connection.transaction('latest readings', async () => {
        const marked = await this.markedMinutes('latest readings', 0, Number.MAX_SAFE_INTEGER);
        const [lo, hi] = span(marked, MINUTE_MS);
        const result = await this.connection.run('latest readings', LATEST, [listValue(marked), lo, hi], [LIST(BIGINT), BIGINT, BIGINT]);
        const { rowCount, columns } = readNumberColumns(result, 3);
        return { sensorKeys: Uint32Array.from(columns[0]!.subarray(0, rowCount)), tsMs: columns[1]!, values: columns[2]! };
      }),
    );
  }

  /** Total stored readings. */
  count(): Promise<number> {
    return this.connection.exclusive(async () => {
      const rows = await (await this.connection.run('count readings', COUNT)).getRows();
      return cellToNumber(rows[0]?.[0] ?? 0, 'count');
    });
  }

  private async rawWindow(keys: number[], query: WindowQuery, limit: number): Promise<RawWindow> {
    const values: DuckDBValue[] = [listValue(keys), Math.ceil(query.fromMs), Math.ceil(query.toMs), limit + 1];
    const result = await this.connection.run('query raw window', RAW_WINDOW, values, [LIST(INTEGER), BIGINT, BIGINT, BIGINT]);
    const { rowCount, columns } = readNumberColumns(result, 3);
    const n = Math.min(rowCount, limit);
    return {
      resolution: 'raw',
      rowCount: n,
      truncated: rowCount > limit,
      sensorIds: this.idsOf(columns[0]!, n),
      tsMs: columns[1]!.subarray(0, n),
      values: columns[2]!.subarray(0, n),
    };
  }

  private rollupWindow(keys: number[], query: WindowQuery, limit: number): Promise<RollupWindow> {
    const resolution = query.resolution === '1h' ? '1h' : '1m';
    const size = resolution === '1h' ? HOUR_MS : MINUTE_MS;
    const from = bucketCeil(query.fromMs, size);
    const to = bucketCeil(query.toMs, size);
    const operation = `query ${resolution} window`;
    return this.connection.transaction(operation, async () => {
      const marked = await this.markedMinutes(operation, from, to);
      const [lo, hi] = span(marked, MINUTE_MS);
      let values: DuckDBValue[];
      let types: DuckDBType[];
      if (resolution === '1m') {
        values = [listValue(keys), from, to, listValue(marked), lo, hi, limit + 1];
        types = [LIST(INTEGER), BIGINT, BIGINT, LIST(BIGINT), BIGINT, BIGINT, BIGINT];
      } else {
        const hours = [...new Set(marked.map((t) => bucketStart(t, HOUR_MS)))];
        const [hourLo, hourHi] = span(hours, HOUR_MS);
        values = [listValue(keys), from, to, listValue(marked), listValue(hours), hourLo, hourHi, lo, hi, limit + 1];
        types = [LIST(INTEGER), BIGINT, BIGINT, LIST(BIGINT), LIST(BIGINT), BIGINT, BIGINT, BIGINT, BIGINT, BIGINT];
      }
      const result = await this.connection.run(operation, resolution === '1m' ? MINUTE_WINDOW : HOUR_WINDOW, values, types);
      const { rowCount, columns } = readNumberColumns(result, 7);
      const n = Math.min(rowCount, limit);
      return {
        resolution,
        rowCount: n,
        truncated: rowCount > limit,
        sensorIds: this.idsOf(columns[0]!, n),
        tsMs: columns[1]!.subarray(0, n),
        count: Int32Array.from(columns[2]!.subarray(0, n)),
        min: columns[3]!.subarray(0, n),
        max: columns[4]!.subarray(0, n),
        mean: columns[5]!.subarray(0, n),
        last: columns[6]!.subarray(0, n),
      };
    });
  }

  private async markedMinutes(operation: string, from: number, to: number): Promise<number[]> {
    const result = await this.connection.run(`${operation}: marked buckets`, MARKED_MINUTES, [from, to], [BIGINT, BIGINT]);
    return Array.from(readNumberColumns(result, 1).columns[0]!);
  }

  /** Validates a query; returns the keys of its known sensors and its limit. */
  private checkQuery(query: WindowQuery): { keys: number[]; limit: number } {
    const operation = `query ${query.resolution} window`;
    if (query.resolution !== 'raw' && query.resolution !== '1m' && query.resolution !== '1h') {
      throw new StorageError('query window', `resolution ${String(query.resolution)} is not raw, 1m or 1h`, 'TWIN_ERR_BAD_REQUEST');
    }
    if (!Number.isFinite(query.fromMs) || !Number.isFinite(query.toMs) || query.fromMs < 0 || query.toMs <= query.fromMs) {
      throw new StorageError(operation, `[${query.fromMs}, ${query.toMs}) is not a valid time range`, 'TWIN_ERR_QUERY_RANGE');
    }
    if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_LIMIT) {
      throw new StorageError(operation, `limit ${query.limit} is not an integer in 1..${MAX_LIMIT}`, 'TWIN_ERR_BAD_REQUEST');
    }
    const keys: number[] = [];
    for (const id of new Set(query.sensorIds)) {
      const key = this.registry.keyOf(id);
      if (key !== undefined) keys.push(key);
    }
    return { keys, limit: query.limit };
  }

  private idsOf(keys: Float64Array, n: number): string[] {
    const ids = new Array<string>(n);
    for (let i = 0; i < n; i++) ids[i] = this.registry.idOf(keys[i]!) ?? String(keys[i]);
    return ids;
  }
}

/** [first, last + size) of sorted bucket starts, or an empty [0, 0) when there are none. */
function span(buckets: readonly number[], size: number): [number, number] {
  if (buckets.length === 0) return [0, 0];
  return [buckets[0]!, buckets[buckets.length - 1]! + size];
}
