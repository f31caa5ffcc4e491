import { BIGINT, LIST, listValue } from '@duckdb/node-api';
import type { DirtyMinutes } from './dirtyMinutes.ts';
import type { HighWaterMarks } from './highWaterMarks.ts';
import { READING_SCAN, ReadingScan } from './readingScan.ts';
import { MINUTE_MS } from './rollupBuckets.ts';
import type { StorageConnection } from './storageConnection.ts';
import { StorageError } from './storageError.ts';
import type { CommitOutcome, ReadingBatch } from './telemetryTypes.ts';

/** Largest timestamp accepted: integral epoch ms must stay exact as a double. */
const MAX_TS_MS = Number.MAX_SAFE_INTEGER;

const INSERT_IN_ORDER = `INSERT INTO readings (sensor_key, ts, value)
SELECT sensor_key, ts::BIGINT, value FROM ${READING_SCAN}()`;

// Late readings: the first of each (sensor_key, ts) among those served, unless that pair is
// stored already (rows appended earlier in this transaction included). The stored side is found
// by a semi-join that probes readings within [$1, $2] only, so the big table is scanned by zone
// map and never becomes a hash table.
const INSERT_LATE = `INSERT INTO readings (sensor_key, ts, value)
WITH staged AS (
  SELECT sensor_key, ts::BIGINT AS ts, arg_min(value, seq) AS value
  FROM ${READING_SCAN}()
  GROUP BY sensor_key, ts::BIGINT
),
stored AS (
  SELECT r.sensor_key, r.ts
  FROM readings AS r
  SEMI JOIN staged AS s ON r.sensor_key = s.sensor_key AND r.ts = s.ts
  WHERE r.ts >= $1 AND r.ts <= $2
)
SELECT s.sensor_key, s.ts, s.value
FROM staged AS s
ANTI JOIN stored AS x ON s.sensor_key = x.sensor_key AND s.ts = x.ts`;

const MARK_MINUTES = 'INSERT INTO rollup_dirty (bucket_ms) SELECT unnest($1::BIGINT[])';

/**
 * The commit path, one transaction per batch:
 *
 * 1. a pass over the batch splits it by each sensor's high-water mark: readings later than the
 *    mark (the in-order stream) cannot repeat a stored reading; the rest are "late";
 * 2. the in-order readings are inserted in one statement that DuckDB runs off the event loop,
 *    scanning them from the batch through `ReadingScan`;
 * 3. the late ones are inserted unless an identical (sensor, timestamp) is stored, which drops
 *    exact repeats from device retries, from earlier in the batch, or from before a restart;
 * 4. the minute buckets touched are marked for the rollup refresh;
 * 5. COMMIT, which DuckDB makes durable in its WAL before it returns.
 *
 * Everything runs on the ingest connection's queue, so overlapping calls commit one after the
 * other. A failure rolls back the whole batch and restores the high-water marks.
 */
export class ReadingWriter {
  private inOrderRows = new Uint32Array(4096);
  private lateRows = new Uint32Array(1024);

  private constructor(
    private readonly connection: StorageConnection,
    private readonly scan: ReadingScan,
    private readonly marks: HighWaterMarks,
    private readonly dirty: DirtyMinutes,
  ) {}

  /** Sets up the commit path on the ingest connection. */
  static create(connection: StorageConnection, marks: HighWaterMarks, dirty: DirtyMinutes): ReadingWriter {
    return new ReadingWriter(connection, ReadingScan.register(connection), marks, dirty);
  }

  /** Commits `batch` durably; see the class comment. */
  commit(batch: ReadingBatch): Promise<CommitOutcome> {
    return this.connection.exclusive(() => this.commitNow(batch));
  }

  private async commitNow(batch: ReadingBatch): Promise<CommitOutcome> {
    const count = checkBatchShape(batch);
    if (count === 0) return { stored: 0, duplicates: 0 };
    this.marks.save();
    try {
      const { inOrder, late, minutes } = this.split(batch, count);
      const outcome = await this.connection.transaction('commit readings', async () => {
        let stored = 0;
        if (inOrder > 0) {
          this.scan.serve(batch, late === 0 ? null : this.inOrderRows, inOrder);
          stored += (await this.connection.run('commit readings: insert', INSERT_IN_ORDER)).rowsChanged;
        }
        if (late > 0) stored += await this.insertLate(batch, late);
        if (minutes.length > 0) await this.connection.run('commit readings: mark rollup buckets', MARK_MINUTES, [listValue(minutes)], [LIST(BIGINT)]);
        return { stored, duplicates: count - stored };
      });
      this.dirty.addAll(minutes);
      return outcome;
    } catch (error) {
      this.marks.restore();
      const refused = error instanceof StorageError && error.code === 'TWIN_ERR_BAD_REQUEST';
      throw refused ? error : new StorageError('commit readings', errorMessage(error), 'TWIN_ERR_INGEST_UNAVAILABLE', { cause: error });
    } finally {
      this.scan.clear();
    }
  }

  /**
   * Splits the batch by high-water mark, advancing the marks, and lists the minute buckets that
   * have no committed rollup marker yet. Refuses the whole batch on an unknown key or a
   * timestamp or value that storage cannot hold.
   */
  private split(batch: ReadingBatch, count: number): { inOrder: number; late: number; minutes: number[] } {
    const { sensorKeys, tsMs, values } = batch;
    const marks = this.marks.array;
    const keyLimit = marks.length;
    if (this.inOrderRows.length < count) this.inOrderRows = new Uint32Array(count);
    const inOrderRows = this.inOrderRows;
    const minutes = new Set<number>();
    let inOrder = 0;
    let late = 0;
    // Minute bucket of the previous reading, [minuteStart, minuteEnd): most readings of a batch
    // share it, so the bucket is recomputed only when a reading falls outside.
    let minuteStart = 0;
    let minuteEnd = 0;
    for (let i = 0; i < count; i++) {
      const key = sensorKeys[i]!;
      const ts = normaliseTs(tsMs[i]!, i);
      const value = values[i]!;
      if (key >= keyLimit) throw new StorageError('commit readings', `reading ${i} has sensor key ${key}, which was never assigned`, 'TWIN_ERR_BAD_REQUEST');
      if (value - value !== 0) throw new StorageError('commit readings', `reading ${i} has a non-finite value`, 'TWIN_ERR_BAD_REQUEST');
      if (ts < minuteStart || ts >= minuteEnd) {
        minuteStart = Math.floor(ts / MINUTE_MS) * MINUTE_MS;
        minuteEnd = minuteStart + MINUTE_MS;
        if (!this.dirty.has(minuteStart)) minutes.add(minuteStart);
      }
      if (ts > marks[key]!) {
        marks[key] = ts;
        inOrderRows[inOrder++] = i;
      } else {
        this.noteLate(late++, i);
      }
    }
    return { inOrder, late, minutes: [...minutes] };
  }

  /** Inserts the late readings not already stored; returns how many were inserted. */
  private async insertLate(batch: ReadingBatch, late: number): Promise<number> {
    let lo = Infinity;
    let hi = -Infinity;
    for (let j = 0; j < late; j++) {
      const ts = Math.round(batch.tsMs[this.lateRows[j]!]!);
      if (ts < lo) lo = ts;
      if (ts > hi) hi = ts;
    }
    this.scan.serve(batch, this.lateRows, late);
    return (await this.connection.run('commit readings: insert late readings', INSERT_LATE, [lo, hi], [BIGINT, BIGINT])).rowsChanged;
  }

  private noteLate(slot: number, index: number): void {
    if (slot === this.lateRows.length) {
      const grown = new Uint32Array(slot * 2);
      grown.set(this.lateRows);
      this.lateRows = grown;
    }
    this.lateRows[slot] = index;
  }
}

/** Checks the arrays hold `count` entries; returns `count`. */
function checkBatchShape(batch: ReadingBatch): number {
  const { count } = batch;
  if (!Number.isInteger(count) || count < 0) throw new StorageError('commit readings', `count ${count} is not a non-negative integer`, 'TWIN_ERR_BAD_REQUEST');
  if (batch.sensorKeys.length < count || batch.tsMs.length < count || batch.values.length < count) {
    throw new StorageError('commit readings', `the batch arrays hold fewer than ${count} entries`, 'TWIN_ERR_BAD_REQUEST');
  }
  return count;
}

/** An integral, non-negative epoch-ms timestamp (rounded to the millisecond), or a refusal. */
function normaliseTs(ts: number, index: number): number {
  // Math.floor rather than `%`: V8 turns a floating-point remainder into a library call.
  if (ts >= 0 && ts <= MAX_TS_MS) return Math.floor(ts) === ts ? ts : Math.round(ts);
  throw new StorageError('commit readings', `reading ${index} has timestamp ${ts}, outside 0..2^53 ms`, 'TWIN_ERR_BAD_REQUEST');
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
