// Raw DuckDB append rate into the readings schema, and the rate of the store's commit path.
//
//   appender_ceiling_rows_per_s     appender fed DuckDBDataChunks (appendDataChunk), one
//                                   transaction, COMMIT included: the ceiling
//   appender_rowwise_rows_per_s     appender fed row by row (appendInteger/appendBigInt/appendDouble)
//   store_commit_readings_per_s     TelemetryStore.commitReadings, 50k-reading in-order batches,
//                                   10k sensors, each batch its own durable transaction
//   store_commit_p99_ms             99th percentile latency of those commits
//   store_event_loop_ms_per_1m      event-loop time the commits used, per million readings
//   store_cpu_ms_per_1m             CPU time of the whole process (event loop and DuckDB threads)
//                                   the commits used, per million readings: the share of a 2-core
//                                   budget that storage takes, and steadier than rates on a busy host
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DOUBLE, DuckDBDataChunk, DuckDBInstance, INTEGER, type DuckDBAppender, type DuckDBVector } from '@duckdb/node-api';
import type { SensorDefinition } from '@twin/protocol';
import { loadMigrations, runMigrations } from '../src/storage/runMigrations.ts';
import { StorageConnection } from '../src/storage/storageConnection.ts';
import { TelemetryStore } from '../src/storage/telemetryStore.ts';
import type { BenchFigure, Benchmark } from './benchmark.ts';

const SENSORS = 10_000;
const CEILING_ROWS = 4_000_000;
const ROWWISE_ROWS = 1_000_000;
const STORE_ROWS = 4_000_000;
const BATCH_ROWS = 50_000;
const T0 = Date.UTC(2025, 0, 1);

/** `rows` in-order readings: every sensor once per second. */
function makeReadings(rows: number): { keys: Uint32Array; ts: Float64Array; values: Float64Array } {
  const keys = new Uint32Array(rows);
  const ts = new Float64Array(rows);
  const values = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    keys[i] = i % SENSORS;
    ts[i] = T0 + Math.floor(i / SENSORS) * 1000 + (i % 997);
    values[i] = 20 + ((i * 7919) % 1000) / 100;
  }
  return { keys, ts, values };
}

/** A fresh database file with the store's schema. */
async function freshDatabase(dir: string, name: string): Promise<{ instance: DuckDBInstance; appender: DuckDBAppender; run: (sql: string) => Promise<void>; close: () => void }> {
  const instance = await DuckDBInstance.create(join(dir, `${name}.duckdb`));
  const migrations = await StorageConnection.connect(instance, 'bench');
  await runMigrations(migrations, await loadMigrations(), Date.now());
  migrations.close();
  const connection = await instance.connect();
  const appender = await connection.createAppender('readings');
  return {
    instance,
    appender,
    run: async (sql) => void (await connection.run(sql)),
    close: () => {
      appender.closeSync();
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Appender fed 2048-row data chunks; ts goes in as DOUBLE and the appender casts it to BIGINT. */
async function chunkCeiling(dir: string): Promise<number> {
  const { keys, ts, values } = makeReadings(CEILING_ROWS);
  const db = await freshDatabase(dir, 'ceiling');
  const chunk = DuckDBDataChunk.create([INTEGER, DOUBLE, DOUBLE], 2048);
  const start = performance.now();
  await db.run('BEGIN TRANSACTION');
  for (let from = 0; from < CEILING_ROWS; from += 2048) {
    const n = Math.min(2048, CEILING_ROWS - from);
    if (n !== chunk.rowCount) chunk.rowCount = n;
    const columns = [keys, ts, values];
    columns.forEach((column, c) => {
      const vector = chunk.getColumnVector(c) as DuckDBVector<number>;
      for (let r = 0; r < n; r++) vector.setItem(r, column[from + r]!);
      vector.flush();
    });
    db.appender.appendDataChunk(chunk);
  }
  db.appender.flushSync();
  await db.run('COMMIT');
  const seconds = (performance.now() - start) / 1000;
  db.close();
  return CEILING_ROWS / seconds;
}

async function rowwise(dir: string): Promise<number> {
  const { keys, ts, values } = makeReadings(ROWWISE_ROWS);
  const db = await freshDatabase(dir, 'rowwise');
  const start = performance.now();
  await db.run('BEGIN TRANSACTION');
  for (let i = 0; i < ROWWISE_ROWS; i++) {
    db.appender.appendInteger(keys[i]!);
    db.appender.appendBigInt(BigInt(ts[i]!));
    db.appender.appendDouble(values[i]!);
    db.appender.endRow();
  }
  db.appender.flushSync();
  await db.run('COMMIT');
  const seconds = (performance.now() - start) / 1000;
  db.close();
  return ROWWISE_ROWS / seconds;
}

async function storeCommits(dir: string): Promise<{ rate: number; p99Ms: number; loopMsPerMillion: number; cpuMsPerMillion: number }> {
  const { keys, ts, values } = makeReadings(STORE_ROWS);
  const store = await TelemetryStore.open(join(dir, 'store', 'twin.duckdb'));
  try {
    const sensors: SensorDefinition[] = Array.from({ length: SENSORS }, (_, i) => ({
      id: `S${String(i).padStart(5, '0')}`,
      kind: 'temperature',
      unit: 'Cel',
      name: `sensor ${i}`,
      location: { lon: 114.05, lat: 22.54, heightM: 1.5, area: `zone-${i % 8}`, placement: 'outdoor' },
      samplingIntervalS: 1,
    }));
    const storeKeys = await store.syncSensors(sensors);
    for (let i = 0; i < STORE_ROWS; i++) keys[i] = storeKeys[keys[i]!]!;
    const latencies: number[] = [];
    const loopBefore = performance.eventLoopUtilization();
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    for (let from = 0; from < STORE_ROWS; from += BATCH_ROWS) {
      const to = Math.min(STORE_ROWS, from + BATCH_ROWS);
      const t = performance.now();
      await store.commitReadings({ count: to - from, sensorKeys: keys.subarray(from, to), tsMs: ts.subarray(from, to), values: values.subarray(from, to) });
      latencies.push(performance.now() - t);
    }
    const seconds = (performance.now() - start) / 1000;
    const loop = performance.eventLoopUtilization(loopBefore);
    const cpu = process.cpuUsage(cpuBefore);
    latencies.sort((a, b) => a - b);
    return {
      rate: STORE_ROWS / seconds,
      p99Ms: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))]!,
      loopMsPerMillion: (loop.active / STORE_ROWS) * 1e6,
      cpuMsPerMillion: ((cpu.user + cpu.system) / 1000 / STORE_ROWS) * 1e6,
    };
  } finally {
    await store.close();
  }
}

async function run(): Promise<BenchFigure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'twin-appender-'));
  try {
    const ceiling = await chunkCeiling(dir);
    const rowwiseRate = await rowwise(dir);
    const store = await storeCommits(dir);
    return [
      { name: 'appender_ceiling_rows_per_s', value: ceiling, unit: 'rows/s' },
      { name: 'appender_rowwise_rows_per_s', value: rowwiseRate, unit: 'rows/s' },
      { name: 'store_commit_readings_per_s', value: store.rate, unit: 'readings/s' },
      { name: 'store_commit_p99_ms', value: store.p99Ms, unit: 'ms' },
      { name: 'store_event_loop_ms_per_1m', value: store.loopMsPerMillion, unit: 'ms' },
      { name: 'store_cpu_ms_per_1m', value: store.cpuMsPerMillion, unit: 'ms' },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const benchmark: Benchmark = { name: 'appender', run };
