import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { DirtyMinutes } from './dirtyMinutes.ts';
import { HighWaterMarks } from './highWaterMarks.ts';
import { ReadingWriter } from './readingWriter.ts';
import { loadMigrations, runMigrations } from './runMigrations.ts';
import { StorageConnection } from './storageConnection.ts';
import { StorageError } from './storageError.ts';
import { T0, batchOf } from './testing/storageFixtures.ts';

async function setUp() {
  const instance = await DuckDBInstance.create(':memory:');
  const admin = await StorageConnection.connect(instance, 'admin');
  await runMigrations(admin, await loadMigrations(), 0);
  const ingest = await StorageConnection.connect(instance, 'ingest');
  const dirty = new DirtyMinutes();
  const writer = ReadingWriter.create(ingest, new HighWaterMarks(4), dirty);
  const sql = (text: string) => admin.exclusive(async () => (await admin.run('test', text)).getRowsJS() as Promise<unknown[][]>);
  const close = () => {
    ingest.close();
    admin.close();
    instance.closeSync();
  };
  return { writer, dirty, sql, close };
}

describe('the commit transaction', () => {
  it('leaves nothing of a batch behind when a statement fails after the readings were inserted', async () => {
    const { writer, dirty, sql, close } = await setUp();
    try {
      expect(await writer.commit(batchOf([[0, T0 + 1000, 1], [1, T0 + 1000, 1]]))).toEqual({ stored: 2, duplicates: 0 });
      // In-order readings, a late one and a new minute bucket: all three statements of a commit run.
      const batch = batchOf([
        [0, T0 + 2000, 2],
        [1, T0 + 500, 3],
        [0, T0 + 120_000, 4],
      ]);
      // Sabotage the last statement (the rollup marker insert) so it fails after both inserts.
      await sql('ALTER TABLE rollup_dirty RENAME TO rollup_dirty_away');
      const failure = await writer.commit(batch).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StorageError);
      expect((failure as StorageError).code).toBe('TWIN_ERR_INGEST_UNAVAILABLE');
      expect((failure as StorageError).operation).toBe('commit readings');
      expect(await sql('SELECT sensor_key, ts, value FROM readings ORDER BY ts, sensor_key')).toEqual([
        [0, BigInt(T0 + 1000), 1],
        [1, BigInt(T0 + 1000), 1],
      ]);
      expect(dirty.has(T0 + 120_000)).toBe(false);

      await sql('ALTER TABLE rollup_dirty_away RENAME TO rollup_dirty');
      // The high-water marks were restored: the retry is stored in full, nothing counted twice.
      expect(await writer.commit(batch)).toEqual({ stored: 3, duplicates: 0 });
      expect(await sql('SELECT count(*) FROM readings')).toEqual([[5n]]);
      expect(await sql('SELECT DISTINCT bucket_ms FROM rollup_dirty ORDER BY 1')).toEqual([[BigInt(T0)], [BigInt(T0 + 120_000)]]);
    } finally {
      close();
    }
  });

  it('marks each minute bucket once while it stays unrefreshed', async () => {
    const { writer, sql, close } = await setUp();
    try {
      for (let n = 0; n < 5; n++) await writer.commit(batchOf([[0, T0 + n * 1000, n]]));
      await writer.commit(batchOf([[0, T0 + 61_000, 9]]));
      expect(await sql('SELECT bucket_ms, count(*) FROM rollup_dirty GROUP BY ALL ORDER BY 1')).toEqual([
        [BigInt(T0), 1n],
        [BigInt(T0 + 60_000), 1n],
      ]);
    } finally {
      close();
    }
  });

  it('keeps the scan function to the ingest connection', async () => {
    const { sql, close } = await setUp();
    try {
      await expect(sql('SELECT * FROM twin_pending_readings()')).rejects.toThrow(/internal to the ingest connection/);
    } finally {
      close();
    }
  });
});
