import { describe, expect, it } from 'vitest';
import { StorageError } from './storageError.ts';
import { TelemetryStore } from './telemetryStore.ts';
import type { RawWindow } from './telemetryTypes.ts';
import { T0, batchOf, queryFile, tempDir, testSensor } from './testing/storageFixtures.ts';

const HOUR = 3_600_000;

async function rawRows(store: TelemetryStore, sensorIds: string[], fromMs = T0 - HOUR, toMs = T0 + 24 * HOUR): Promise<Array<[string, number, number]>> {
  const window = (await store.queryWindow({ sensorIds, fromMs, toMs, resolution: 'raw', limit: 1_000_000 })) as RawWindow;
  return window.sensorIds.map((id, i) => [id, window.tsMs[i]!, window.values[i]!]);
}

describe('sensor registry keys', () => {
  it('assigns a key once per sensor id and keeps it across reopen and registry reorder', async () => {
    const tmp = await tempDir();
    try {
      let store = await TelemetryStore.open(tmp.dbPath);
      const first = await store.syncSensors([testSensor('a'), testSensor('b'), testSensor('c')]);
      expect([...first]).toEqual([0, 1, 2]);
      await store.close();

      store = await TelemetryStore.open(tmp.dbPath);
      const reordered = await store.syncSensors([testSensor('c'), testSensor('new'), testSensor('a')]);
      expect([...reordered]).toEqual([2, 3, 0]);
      // A sensor that left the registry keeps its key reserved.
      const back = await store.syncSensors([testSensor('b'), testSensor('later')]);
      expect([...back]).toEqual([1, 4]);
      await store.close();
    } finally {
      await tmp.remove();
    }
  });

  it('updates an edited definition in place without changing its key', async () => {
    const tmp = await tempDir();
    try {
      let now = 1000;
      const store = await TelemetryStore.open(tmp.dbPath, { now: () => now });
      await store.syncSensors([testSensor('a', 'noise', 'old name'), testSensor('b')]);
      now = 2000;
      expect([...(await store.syncSensors([testSensor('b'), testSensor('a', 'noise', 'new name')]))]).toEqual([1, 0]);
      await store.close();
      const rows = await queryFile(tmp.dbPath, 'SELECT sensor_key, sensor_id, kind, unit, name, registered_ms, updated_ms FROM sensors ORDER BY sensor_key');
      expect(rows).toEqual([
        [0, 'a', 'noise', 'dBA', 'new name', 1000n, 2000n],
        [1, 'b', 'temperature', 'Cel', '测试 b', 1000n, 1000n],
      ]);
    } finally {
      await tmp.remove();
    }
  });

  it('refuses a registry that lists the same id twice, assigning nothing', async () => {
    const store = await TelemetryStore.open(':memory:');
    try {
      const failure = await store.syncSensors([testSensor('a'), testSensor('a')]).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StorageError);
      expect((failure as StorageError).code).toBe('TWIN_ERR_BAD_REQUEST');
      expect([...(await store.syncSensors([testSensor('b')]))]).toEqual([0]);
    } finally {
      await store.close();
    }
  });
});

describe('committing readings', () => {
  it('finds every committed reading after the file is closed and reopened', async () => {
    const tmp = await tempDir();
    try {
      let store = await TelemetryStore.open(tmp.dbPath);
      const [a, b] = await store.syncSensors([testSensor('a'), testSensor('b')]);
      const rows = Array.from({ length: 5000 }, (_, i) => [i % 2 === 0 ? a! : b!, T0 + i * 10, i * 0.25] as const);
      expect(await store.commitReadings(batchOf(rows.slice(0, 3000)))).toEqual({ stored: 3000, duplicates: 0 });
      expect(await store.commitReadings(batchOf(rows.slice(3000)))).toEqual({ stored: 2000, duplicates: 0 });
      await store.close();

      store = await TelemetryStore.open(tmp.dbPath);
      expect(await store.readingCount()).toBe(5000);
      const stored = await rawRows(store, ['a', 'b']);
      expect(stored).toEqual(rows.map(([key, ts, value]) => [key === a ? 'a' : 'b', ts, value]));
      await store.close();
    } finally {
      await tmp.remove();
    }
  });

  it('uses only the first `count` entries of the batch arrays', async () => {
    const store = await TelemetryStore.open(':memory:');
    try {
      const [a] = await store.syncSensors([testSensor('a')]);
      const batch = batchOf([
        [a!, T0, 1],
        [a!, T0 + 1, 2],
        [a!, T0 + 2, 3],
      ]);
      expect(await store.commitReadings({ ...batch, count: 2 })).toEqual({ stored: 2, duplicates: 0 });
      expect(await rawRows(store, ['a'])).toEqual([
        ['a', T0, 1],
        ['a', T0 + 1, 2],
      ]);
    } finally {
      await store.close();
    }
  });

  it('stores a repeat within one batch once, keeping the first copy, and counts it as a duplicate', async () => {
    const store = await TelemetryStore.open(':memory:');
    try {
      const [a, b] = await store.syncSensors([testSensor('a'), testSensor('b')]);
      const outcome = await store.commitReadings(
        batchOf([
          [a!, T0, 1],
          [b!, T0, 2],
          [a!, T0, 99], // repeat of the first reading (a device retry)
          [a!, T0 + 1000, 3],
          [a!, T0 + 1000, 98],
          [a!, T0 + 1000, 97],
        ]),
      );
      expect(outcome).toEqual({ stored: 3, duplicates: 3 });
      expect(await rawRows(store, ['a', 'b'])).toEqual([
        ['a', T0, 1],
        ['b', T0, 2],
        ['a', T0 + 1000, 3],
      ]);
    } finally {
      await store.close();
    }
  });

  it('counts repeats across batches and across a reopen as duplicates and stores them once', async () => {
    const tmp = await tempDir();
    try {
      let store = await TelemetryStore.open(tmp.dbPath);
      const [a, b] = await store.syncSensors([testSensor('a'), testSensor('b')]);
      const first = batchOf([
        [a!, T0, 1],
        [a!, T0 + 1000, 2],
        [b!, T0 + 500, 3],
      ]);
      expect(await store.commitReadings(first)).toEqual({ stored: 3, duplicates: 0 });
      // The device retries the whole batch, plus one new reading.
      const retry = batchOf([
        [a!, T0, 1],
        [a!, T0 + 1000, 2],
        [b!, T0 + 500, 3],
        [b!, T0 + 1500, 4],
      ]);
      expect(await store.commitReadings(retry)).toEqual({ stored: 1, duplicates: 3 });
      await store.close();

      store = await TelemetryStore.open(tmp.dbPath);
      // After a restart the same readings arrive again (the acknowledgement was lost).
      expect(await store.commitReadings(retry)).toEqual({ stored: 0, duplicates: 4 });
      expect(await store.commitReadings(batchOf([[a!, T0 + 2000, 5]]))).toEqual({ stored: 1, duplicates: 0 });
      expect(await store.readingCount()).toBe(5);
      await store.close();
    } finally {
      await tmp.remove();
    }
  });

  it('stores out-of-order readings that repeat nothing', async () => {
    const store = await TelemetryStore.open(':memory:');
    try {
      const [a] = await store.syncSensors([testSensor('a')]);
      expect(await store.commitReadings(batchOf([[a!, T0 + 10_000, 1]]))).toEqual({ stored: 1, duplicates: 0 });
      expect(
        await store.commitReadings(
          batchOf([
            [a!, T0 + 5_000, 2], // older than what is stored
            [a!, T0 + 20_000, 3],
            [a!, T0 + 15_000, 4], // older than the previous reading of the batch
            [a!, T0 + 5_000, 5], // repeat of the first late reading
          ]),
        ),
      ).toEqual({ stored: 3, duplicates: 1 });
      expect(await rawRows(store, ['a'])).toEqual([
        ['a', T0 + 5_000, 2],
        ['a', T0 + 10_000, 1],
        ['a', T0 + 15_000, 4],
        ['a', T0 + 20_000, 3],
      ]);
    } finally {
      await store.close();
    }
  });

  it('commits overlapping calls one after the other', async () => {
    const store = await TelemetryStore.open(':memory:');
    try {
      const [a] = await store.syncSensors([testSensor('a')]);
      const batches = Array.from({ length: 8 }, (_, n) => batchOf(Array.from({ length: 100 }, (_, i) => [a!, T0 + n * 100 + i, n] as const)));
      const outcomes = await Promise.all([...batches, batches[3]!].map((batch) => store.commitReadings(batch)));
      expect(outcomes.slice(0, 8)).toEqual(Array.from({ length: 8 }, () => ({ stored: 100, duplicates: 0 })));
      expect(outcomes[8]).toEqual({ stored: 0, duplicates: 100 });
      expect(await store.readingCount()).toBe(800);
    } finally {
      await store.close();
    }
  });

  it('refuses a batch with an unknown key or a bad timestamp and stores nothing of it', async () => {
    const store = await TelemetryStore.open(':memory:');
    try {
      const [a] = await store.syncSensors([testSensor('a')]);
      for (const bad of [batchOf([[a!, T0, 1], [7, T0, 2]]), batchOf([[a!, T0, 1], [a!, -5, 2]]), batchOf([[a!, T0, 1], [a!, T0 + 1, NaN]])]) {
        const failure = await store.commitReadings(bad).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(StorageError);
        expect((failure as StorageError).code).toBe('TWIN_ERR_BAD_REQUEST');
      }
      expect(await store.readingCount()).toBe(0);
      // The refused batches left no high-water mark behind: the same reading is new.
      expect(await store.commitReadings(batchOf([[a!, T0, 1]]))).toEqual({ stored: 1, duplicates: 0 });
    } finally {
      await store.close();
    }
  });

  it('rounds timestamps to the millisecond', async () => {
    const store = await TelemetryStore.open(':memory:');
    try {
      const [a] = await store.syncSensors([testSensor('a')]);
      expect(await store.commitReadings(batchOf([[a!, T0 + 0.4, 1], [a!, T0 + 1.6, 2], [a!, T0 + 2, 3]]))).toEqual({ stored: 2, duplicates: 1 });
      expect(await rawRows(store, ['a'])).toEqual([
        ['a', T0, 1],
        ['a', T0 + 2, 2],
      ]);
    } finally {
      await store.close();
    }
  });
});

describe('reads', () => {
  it('gives the latest reading of each sensor, before and after a rollup refresh and after reopen', async () => {
    const tmp = await tempDir();
    try {
      let store = await TelemetryStore.open(tmp.dbPath);
      const [a, b] = await store.syncSensors([testSensor('a'), testSensor('b'), testSensor('silent')]);
      await store.commitReadings(batchOf([[a!, T0, 1], [a!, T0 + 90_000, 2], [b!, T0 + 30_000, 3]]));
      const expected = { sensorKeys: [a!, b!], tsMs: [T0 + 90_000, T0 + 30_000], values: [2, 3] };
      const plain = (l: { sensorKeys: Uint32Array; tsMs: Float64Array; values: Float64Array }) => ({ sensorKeys: [...l.sensorKeys], tsMs: [...l.tsMs], values: [...l.values] });
      expect(plain(await store.latestReadings())).toEqual(expected);
      await store.refreshRollups(T0 + HOUR);
      expect(plain(await store.latestReadings())).toEqual(expected);
      // Late data never moves the latest reading back.
      await store.commitReadings(batchOf([[a!, T0 + 60_000, 9]]));
      await store.refreshRollups(T0 + HOUR);
      expect(plain(await store.latestReadings())).toEqual(expected);
      await store.close();

      store = await TelemetryStore.open(tmp.dbPath);
      expect(plain(await store.latestReadings())).toEqual(expected);
      // The high-water marks were rebuilt: the latest reading again is a duplicate.
      expect(await store.commitReadings(batchOf([[a!, T0 + 90_000, 2]]))).toEqual({ stored: 0, duplicates: 1 });
      await store.close();
    } finally {
      await tmp.remove();
    }
  });

  it('limits a window and says it was truncated', async () => {
    const store = await TelemetryStore.open(':memory:');
    try {
      const [a] = await store.syncSensors([testSensor('a')]);
      await store.commitReadings(batchOf(Array.from({ length: 10 }, (_, i) => [a!, T0 + i, i] as const)));
      const window = await store.queryWindow({ sensorIds: ['a', 'unknown'], fromMs: T0, toMs: T0 + 10, resolution: 'raw', limit: 4 });
      expect(window.rowCount).toBe(4);
      expect(window.truncated).toBe(true);
      expect([...window.tsMs]).toEqual([T0, T0 + 1, T0 + 2, T0 + 3]);
      const all = await store.queryWindow({ sensorIds: ['a'], fromMs: T0, toMs: T0 + 10, resolution: 'raw', limit: 10 });
      expect(all.truncated).toBe(false);
      expect(all.rowCount).toBe(10);
    } finally {
      await store.close();
    }
  });

  it('answers a bad query with a StorageError and keeps working', async () => {
    const store = await TelemetryStore.open(':memory:');
    try {
      await store.syncSensors([testSensor('a')]);
      const range = await store.queryWindow({ sensorIds: ['a'], fromMs: T0, toMs: T0, resolution: 'raw', limit: 10 }).catch((error: unknown) => error);
      expect(range).toBeInstanceOf(StorageError);
      expect((range as StorageError).code).toBe('TWIN_ERR_QUERY_RANGE');
      const limit = await store.queryWindow({ sensorIds: ['a'], fromMs: T0, toMs: T0 + 1, resolution: '1m', limit: 0 }).catch((error: unknown) => error);
      expect((limit as StorageError).code).toBe('TWIN_ERR_BAD_REQUEST');
      const resolution = await store.queryWindow({ sensorIds: ['a'], fromMs: T0, toMs: T0 + 1, resolution: '5m' as '1m', limit: 1 }).catch((error: unknown) => error);
      expect((resolution as StorageError).code).toBe('TWIN_ERR_BAD_REQUEST');
      expect(await store.readingCount()).toBe(0);
    } finally {
      await store.close();
    }
  });
});

describe('closing', () => {
  it('lets a commit in flight finish, is idempotent and refuses later calls', async () => {
    const tmp = await tempDir();
    try {
      const store = await TelemetryStore.open(tmp.dbPath);
      const [a] = await store.syncSensors([testSensor('a')]);
      const pending = store.commitReadings(batchOf(Array.from({ length: 10_000 }, (_, i) => [a!, T0 + i, i] as const)));
      const closed = store.close();
      expect(store.close()).toBe(closed);
      expect(await pending).toEqual({ stored: 10_000, duplicates: 0 });
      await closed;
      const refused = await store.commitReadings(batchOf([[a!, T0 + 20_000, 1]])).catch((error: unknown) => error);
      expect((refused as StorageError).code).toBe('TWIN_ERR_INGEST_UNAVAILABLE');
      await expect(store.readingCount()).rejects.toThrow(/closed/);
      // The checkpoint moved everything into the database file.
      expect(await queryFile(tmp.dbPath, 'SELECT count(*) FROM readings')).toEqual([[10_000n]]);
    } finally {
      await tmp.remove();
    }
  });
});
