import { describe, expect, it } from 'vitest';
import { BIGINT, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import { TelemetryStore } from './telemetryStore.ts';
import type { Resolution } from './telemetryTypes.ts';
import { windowToJson, type RollupRowJson } from './windowToJson.ts';
import { T0, batchOf, queryFile, tempDir, testSensor } from './testing/storageFixtures.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const IDS = ['s0', 's1', 's2'];

type Bucket = RollupRowJson;

/** The same buckets computed straight from the raw rows of the file, with plain SQL. */
async function directAggregate(dbPath: string, sizeMs: number, fromMs: number, toMs: number): Promise<Bucket[]> {
  const rows = await queryFile(
    dbPath,
    `SELECT s.sensor_id, (r.ts // $1 * $1)::DOUBLE AS bucket, count(*)::INTEGER, min(r.value), max(r.value), avg(r.value), arg_max(r.value, r.ts)
     FROM readings AS r JOIN sensors AS s USING (sensor_key)
     WHERE s.sensor_id IN (SELECT unnest($4::VARCHAR[])) AND r.ts // $1 * $1 >= $2 AND r.ts // $1 * $1 < $3
     GROUP BY s.sensor_id, r.sensor_key, bucket
     ORDER BY bucket, r.sensor_key`,
    [sizeMs, fromMs, toMs, listValue(IDS)],
    [BIGINT, BIGINT, BIGINT, LIST(VARCHAR)],
  );
  return rows.map(([sensorId, tsMs, count, min, max, mean, last]) => ({
    sensorId: sensorId as string,
    tsMs: tsMs as number,
    count: count as number,
    min: min as number,
    max: max as number,
    mean: mean as number,
    last: last as number,
  }));
}

/** Equal bucket for bucket; means may differ in the last bits (sums in a different order). */
function expectSameBuckets(actual: Bucket[], expected: Bucket[]): void {
  expect(actual.length).toBe(expected.length);
  expect(actual.map(({ mean: _mean, ...rest }) => rest)).toEqual(expected.map(({ mean: _mean, ...rest }) => rest));
  actual.forEach((bucket, i) => expect(bucket.mean).toBeCloseTo(expected[i]!.mean, 9));
}

/** Readings of three sensors every 7 s (s1 every 13 s) from T0 for `minutes` minutes. */
function steadyReadings(keys: Uint32Array, minutes: number): Array<readonly [number, number, number]> {
  const rows: Array<readonly [number, number, number]> = [];
  for (let t = T0; t < T0 + minutes * MINUTE; t += 1000) {
    const s = (t - T0) / 1000;
    if (s % 7 === 0) rows.push([keys[0]!, t, Math.sin(s / 50) * 10 + 20]);
    if (s % 13 === 0) rows.push([keys[1]!, t + 3, (s % 97) / 3]);
    if (s % 7 === 0) rows.push([keys[2]!, t + 1, -((s * 31) % 17) + 0.1]);
  }
  return rows;
}

async function windows(store: TelemetryStore, fromMs: number, toMs: number): Promise<Record<'1m' | '1h', Bucket[]>> {
  const query = async (resolution: Resolution) => windowToJson(await store.queryWindow({ sensorIds: IDS, fromMs, toMs, resolution, limit: 100_000 })) as Bucket[];
  return { '1m': await query('1m'), '1h': await query('1h') };
}

describe('rollups', () => {
  it('always equal an aggregate over raw rows: before, during and after refreshes, with late data and after reopen', async () => {
    const tmp = await tempDir();
    const from = T0 - HOUR;
    const to = T0 + 4 * HOUR;
    try {
      // Phase 1: 150 minutes of steady data, committed in batches.
      let store = await TelemetryStore.open(tmp.dbPath);
      const keys = await store.syncSensors(IDS.map((id) => testSensor(id)));
      const steady = steadyReadings(keys, 150);
      for (let i = 0; i < steady.length; i += 700) await store.commitReadings(batchOf(steady.slice(i, i + 700)));
      const beforeRefresh = await windows(store, from, to);
      await store.refreshRollups(T0 + 70 * MINUTE); // part of the data rolled up, part not
      const partlyRefreshed = await windows(store, from, to);
      await store.refreshRollups(T0 + 10 * HOUR);
      const refreshed = await windows(store, from, to);
      await store.close();

      const expected1m = await directAggregate(tmp.dbPath, MINUTE, from, to);
      const expected1h = await directAggregate(tmp.dbPath, HOUR, from, to);
      expect(expected1m.length).toBeGreaterThan(400);
      expect(expected1h.length).toBe(9);
      for (const result of [beforeRefresh, partlyRefreshed, refreshed]) {
        expectSameBuckets(result['1m'], expected1m);
        expectSameBuckets(result['1h'], expected1h);
      }

      // Phase 2 (after a reopen): late data into buckets already rolled up, a new minimum, a new
      // last value, a repeat, and a reading in an hour and minute that had none.
      store = await TelemetryStore.open(tmp.dbPath);
      const late = batchOf([
        [keys[0]!, T0 + 5 * MINUTE + 500, -1000],
        [keys[1]!, T0 + 30 * MINUTE - 1, 500],
        [keys[2]!, T0 + 1, 12345], // repeats a stored reading: dropped
        [keys[0]!, T0 - 30 * MINUTE, 7],
        [keys[2]!, T0 + 149 * MINUTE + 59_999, 42], // new last value of its minute and hour
      ]);
      expect(await store.commitReadings(late)).toEqual({ stored: 4, duplicates: 1 });
      const withLateData = await windows(store, from, to);
      await store.refreshRollups(T0 + 10 * HOUR);
      const lateRefreshed = await windows(store, from, to);
      // A window that does not start on a bucket boundary holds the buckets starting inside it.
      const offset = await windows(store, T0 + 30 * MINUTE + 1, T0 + 2 * HOUR + 1);
      await store.close();

      const expectedLate1m = await directAggregate(tmp.dbPath, MINUTE, from, to);
      const expectedLate1h = await directAggregate(tmp.dbPath, HOUR, from, to);
      expect(expectedLate1m.length).toBe(expected1m.length + 1);
      for (const result of [withLateData, lateRefreshed]) {
        expectSameBuckets(result['1m'], expectedLate1m);
        expectSameBuckets(result['1h'], expectedLate1h);
      }
      expectSameBuckets(offset['1m'], await directAggregate(tmp.dbPath, MINUTE, T0 + 31 * MINUTE, T0 + 2 * HOUR + MINUTE));
      expectSameBuckets(offset['1h'], await directAggregate(tmp.dbPath, HOUR, T0 + HOUR, T0 + 3 * HOUR));
      // The refresh consumed every marker it was due.
      expect(await queryFile(tmp.dbPath, 'SELECT count(*) FROM rollup_dirty')).toEqual([[0n]]);
    } finally {
      await tmp.remove();
    }
  });

  it('leaves buckets that have not ended to a later refresh', async () => {
    const store = await TelemetryStore.open(':memory:');
    try {
      const keys = await store.syncSensors(IDS.map((id) => testSensor(id)));
      await store.commitReadings(batchOf([[keys[0]!, T0 + 10_000, 1], [keys[0]!, T0 + 70_000, 2]]));
      await store.refreshRollups(T0 + 90_000); // the second minute is still open
      const first = await windows(store, T0, T0 + HOUR);
      expect(first['1m'].map((b) => [b.tsMs, b.count, b.last])).toEqual([
        [T0, 1, 1],
        [T0 + MINUTE, 1, 2],
      ]);
      await store.commitReadings(batchOf([[keys[0]!, T0 + 100_000, 3]]));
      await store.refreshRollups(T0 + 2 * MINUTE);
      const second = await windows(store, T0, T0 + HOUR);
      expect(second['1m'].map((b) => [b.tsMs, b.count, b.min, b.max, b.last])).toEqual([
        [T0, 1, 1, 1, 1],
        [T0 + MINUTE, 2, 2, 3, 3],
      ]);
      expect(second['1h'].map((b) => [b.tsMs, b.count, b.mean, b.last])).toEqual([[T0, 3, 2, 3]]);
    } finally {
      await store.close();
    }
  });

  it('keeps a commit that lands while a refresh runs', async () => {
    const store = await TelemetryStore.open(':memory:');
    try {
      const keys = await store.syncSensors(IDS.map((id) => testSensor(id)));
      await store.commitReadings(batchOf(steadyReadings(keys, 30)));
      // Late data for an old bucket lands after the refresh has taken its snapshot, while it
      // recomputes that bucket: the refresh must not clear the marker the commit leaves.
      const refresh = store.refreshRollups(T0 + HOUR);
      await new Promise((resolve) => setImmediate(resolve));
      const commit = store.commitReadings(batchOf([[keys[1]!, T0 + 5, -50]]));
      await Promise.all([refresh, commit]);
      await store.refreshRollups(T0 + HOUR);
      const [bucket] = (await windows(store, T0, T0 + MINUTE))['1m'].filter((b) => b.sensorId === 's1');
      expect(bucket?.min).toBe(-50);
      expect(bucket?.count).toBe(6);
    } finally {
      await store.close();
    }
  });
});
