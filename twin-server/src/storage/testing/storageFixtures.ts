// Helpers shared by the storage tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { SENSOR_KINDS, type SensorDefinition, type SensorKind } from '@twin/protocol';
import type { ReadingBatch } from '../telemetryTypes.ts';

/** A sensor of the registry, for tests. */
export function testSensor(id: string, kind: SensorKind = 'temperature', name = `测试 ${id}`): SensorDefinition {
  return {
    id,
    kind,
    unit: SENSOR_KINDS[kind].unit,
    name,
    location: { lon: 114.06, lat: 22.54, heightM: 1.5, area: 'zone-a', placement: 'outdoor' },
    samplingIntervalS: 60,
  };
}

/** A batch from `[sensorKey, tsMs, value]` rows. */
export function batchOf(rows: ReadonlyArray<readonly [number, number, number]>): ReadingBatch {
  const batch: ReadingBatch = {
    count: rows.length,
    sensorKeys: new Uint32Array(rows.length),
    tsMs: new Float64Array(rows.length),
    values: new Float64Array(rows.length),
  };
  rows.forEach(([key, ts, value], i) => {
    batch.sensorKeys[i] = key;
    batch.tsMs[i] = ts;
    batch.values[i] = value;
  });
  return batch;
}

/** A fresh directory under the OS temp dir, and a function that removes it. */
export async function tempDir(): Promise<{ dir: string; dbPath: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'twin-storage-'));
  return { dir, dbPath: join(dir, 'data', 'twin.duckdb'), remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Runs one query straight against a closed store's database file (no store code involved) and
 * returns its rows as JSON-friendly values.
 */
export async function queryFile(dbPath: string, sql: string, values: DuckDBValue[] = [], types: DuckDBType[] = []): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(dbPath);
  try {
    const connection = await instance.connect();
    try {
      const reader = await connection.runAndReadAll(sql, values, types);
      return reader.getRowsJS() as unknown[][];
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

/** 2025-06-01T00:00:00Z: a round hour, so bucket arithmetic in tests is easy to follow. */
export const T0 = Date.UTC(2025, 5, 1);
