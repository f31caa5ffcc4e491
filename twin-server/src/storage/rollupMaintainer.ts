import { BIGINT, LIST, listValue } from '@duckdb/node-api';
import type { DirtyMinutes } from './dirtyMinutes.ts';
import { readNumberColumns } from './resultColumns.ts';
import { HOUR_MS, MINUTE_MS, bucketStart } from './rollupBuckets.ts';
import type { StorageConnection } from './storageConnection.ts';

const SELECT_DUE = 'SELECT DISTINCT bucket_ms::DOUBLE FROM rollup_dirty WHERE bucket_ms <= $1 ORDER BY 1';

// $1 minute buckets, $2..$3 their span [first, last + 1 min).
const DELETE_MINUTES = `DELETE FROM rollup_1m
WHERE bucket_ms >= $2 AND bucket_ms < $3 AND bucket_ms IN (SELECT unnest($1::BIGINT[]))`;
const INSERT_MINUTES = `INSERT INTO rollup_1m (sensor_key, bucket_ms, n, vmin, vmax, vsum, last_ts, last_value)
SELECT sensor_key, ts // 60000 * 60000, count(*), min(value), max(value), sum(value), max(ts), arg_max(value, ts)
FROM readings
WHERE ts >= $2 AND ts < $3 AND ts // 60000 * 60000 IN (SELECT unnest($1::BIGINT[]))
GROUP BY sensor_key, ts // 60000 * 60000`;
// $1 hour buckets, $2..$3 their span [first, last + 1 h). Hours are rebuilt from minutes.
const DELETE_HOURS = `DELETE FROM rollup_1h
WHERE bucket_ms >= $2 AND bucket_ms < $3 AND bucket_ms IN (SELECT unnest($1::BIGINT[]))`;
const INSERT_HOURS = `INSERT INTO rollup_1h (sensor_key, bucket_ms, n, vmin, vmax, vsum, last_ts, last_value)
SELECT sensor_key, bucket_ms // 3600000 * 3600000, sum(n), min(vmin), max(vmax), sum(vsum), max(last_ts), arg_max(last_value, last_ts)
FROM rollup_1m
WHERE bucket_ms >= $2 AND bucket_ms < $3 AND bucket_ms // 3600000 * 3600000 IN (SELECT unnest($1::BIGINT[]))
GROUP BY sensor_key, bucket_ms // 3600000 * 3600000`;
// $1 minute buckets, $2..$3 their span. Late data never moves a sensor's latest reading back.
const UPSERT_LATEST = `INSERT INTO sensor_latest (sensor_key, ts, value)
SELECT sensor_key, max(last_ts), arg_max(last_value, last_ts)
FROM rollup_1m
WHERE bucket_ms >= $2 AND bucket_ms < $3 AND bucket_ms IN (SELECT unnest($1::BIGINT[]))
GROUP BY sensor_key
ON CONFLICT (sensor_key) DO UPDATE SET ts = excluded.ts, value = excluded.value
WHERE excluded.ts > sensor_latest.ts`;
const CLEAR_MARKERS = 'DELETE FROM rollup_dirty WHERE bucket_ms IN (SELECT unnest($1::BIGINT[]))';

/**
 * Keeps `rollup_1m` and `rollup_1h` up to date. Commits mark the minute buckets they touch
 * (`rollup_dirty`); a refresh recomputes the marked buckets that have ended from raw rows, then
 * the hours holding them from the minutes, then each sensor's latest reading, and removes the
 * markers it saw — all in one transaction on the maintenance connection, so late data (any
 * bucket, any age) is folded in exactly and readers never see a half-refreshed state.
 *
 * The refresh runs beside ingest. Its snapshot is taken while no commit is in flight, and the
 * buckets it handles are forgotten by `DirtyMinutes` at that moment, so a commit that lands in
 * such a bucket during the refresh writes a fresh marker, which this refresh does not see and so
 * does not delete.
 */
export class RollupMaintainer {
  constructor(
    private readonly maintenance: StorageConnection,
    private readonly ingest: StorageConnection,
    private readonly dirty: DirtyMinutes,
  ) {}

  /**
   * Recomputes the marked buckets that ended at or before `nowMs`.
   * @returns the number of minute buckets recomputed.
   */
  refresh(nowMs: number): Promise<number> {
    return this.maintenance.exclusive(async () => {
      const operation = 'refresh rollups';
      const m = this.maintenance;
      const minutes = await this.ingest.exclusive(async () => {
        await m.run(`${operation}: begin`, 'BEGIN TRANSACTION');
        try {
          const due = await m.run(`${operation}: find marked buckets`, SELECT_DUE, [Math.floor(nowMs) - MINUTE_MS], [BIGINT]);
          const buckets = Array.from(readNumberColumns(due, 1).columns[0]!);
          this.dirty.forgetAll(buckets);
          return buckets;
        } catch (error) {
          await m.rollbackQuietly();
          throw error;
        }
      });
      try {
        if (minutes.length > 0) await this.recompute(operation, minutes);
      } catch (error) {
        await m.rollbackQuietly();
        throw error;
      }
      await m.commit(operation);
      return minutes.length;
    });
  }

  private async recompute(operation: string, minutes: number[]): Promise<void> {
    const m = this.maintenance;
    const types = [LIST(BIGINT), BIGINT, BIGINT];
    const minuteArgs = [listValue(minutes), minutes[0]!, minutes[minutes.length - 1]! + MINUTE_MS];
    const hours = [...new Set(minutes.map((t) => bucketStart(t, HOUR_MS)))];
    const hourArgs = [listValue(hours), hours[0]!, hours[hours.length - 1]! + HOUR_MS];
    await m.run(`${operation}: delete 1m`, DELETE_MINUTES, minuteArgs, types);
    await m.run(`${operation}: insert 1m`, INSERT_MINUTES, minuteArgs, types);
    await m.run(`${operation}: delete 1h`, DELETE_HOURS, hourArgs, types);
    await m.run(`${operation}: insert 1h`, INSERT_HOURS, hourArgs, types);
    await m.run(`${operation}: latest per sensor`, UPSERT_LATEST, minuteArgs, types);
    await m.run(`${operation}: clear markers`, CLEAR_MARKERS, [listValue(minutes)], [LIST(BIGINT)]);
  }
}
