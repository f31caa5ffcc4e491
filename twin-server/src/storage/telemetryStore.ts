import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { SensorDefinition } from '@twin/protocol';
import { cellToNumber } from './bigIntPolicy.ts';
import { DirtyMinutes } from './dirtyMinutes.ts';
import { HighWaterMarks } from './highWaterMarks.ts';
import type { AlarmStore } from './alarmStore.ts';
import { closeAlarmLog, openAlarmLog, type AlarmLogDatabase } from './alarmLogDatabase.ts';
import { IdentityStore } from './identityStore.ts';
import { ReadingWriter } from './readingWriter.ts';
import { RollupMaintainer } from './rollupMaintainer.ts';
import { loadMigrations, runMigrations } from './runMigrations.ts';
import { SensorRegistry } from './sensorRegistry.ts';
import { StorageConnection } from './storageConnection.ts';
import { StorageError } from './storageError.ts';
import type { CommitOutcome, LatestReadings, ReadingBatch, TelemetryStoreOptions, WindowQuery, WindowResult } from './telemetryTypes.ts';
import { WindowReader } from './windowReader.ts';

export type { CommitOutcome, LatestReadings, RawWindow, ReadingBatch, Resolution, RollupWindow, TelemetryStoreOptions, WindowQuery, WindowResult } from './telemetryTypes.ts';
export { StorageError } from './storageError.ts';

const SELECT_MARKED = 'SELECT DISTINCT bucket_ms::DOUBLE FROM rollup_dirty';

interface Parts {
  instance: DuckDBInstance;
  ingest: StorageConnection;
  read: StorageConnection;
  maintenance: StorageConnection;
  registry: SensorRegistry;
  writer: ReadingWriter;
  reader: WindowReader;
  rollups: RollupMaintainer;
  marks: HighWaterMarks;
  now: () => number;
  /** Connections opened later on the same instance (identity). */
  extra: StorageConnection[];
  alarmLog: AlarmLogDatabase;
}

/**
 * Telemetry storage on DuckDB: the sensor registry, raw readings, 1-minute and 1-hour rollups.
 * The only code in the server that talks to DuckDB.
 *
 * Three connections, each with its own queue: ingest (commits, one at a time), read (windows,
 * latest readings) and maintenance (registry, rollup refresh, checkpoint), so reads and rollup
 * refreshes do not wait behind commits, nor commits behind them. The alarm log is a database of
 * its own beside it (see {@link openAlarmLog}), so alarms do not wait behind readings either.
 *
 * @example
 * const store = await TelemetryStore.open('var/twin.duckdb');
 * const keys = await store.syncSensors(registry.sensors);
 * await store.commitReadings({ count: 1, sensorKeys: Uint32Array.of(keys[0]!), tsMs: Float64Array.of(Date.now()), values: Float64Array.of(21.5) });
 * await store.close();
 */
export class TelemetryStore {
  private closing: Promise<void> | null = null;

  private constructor(private readonly parts: Parts) {}

  /**
   * Opens (creating if needed, parent directory included) the database at `path` and its alarm
   * log beside it, or in-memory ones for `':memory:'`, and applies pending migrations.
   */
  static async open(path: string, options: TelemetryStoreOptions = {}): Promise<TelemetryStore> {
    const now = options.now ?? Date.now;
    let instance: DuckDBInstance;
    let alarmLog: AlarmLogDatabase;
    try {
      if (path !== ':memory:') await mkdir(dirname(path), { recursive: true });
      alarmLog = await openAlarmLog(path, now());
    } catch (error) {
      throw StorageError.wrap(`open ${path}`, error, 'TWIN_ERR_INGEST_UNAVAILABLE');
    }
    try {
      instance = await DuckDBInstance.create(path, instanceConfig(options));
    } catch (error) {
      closeAlarmLog(alarmLog);
      throw StorageError.wrap(`open ${path}`, error, 'TWIN_ERR_INGEST_UNAVAILABLE');
    }
    const connections: StorageConnection[] = [];
    try {
      const connect = async (role: string) => {
        const connection = await StorageConnection.connect(instance, role);
        connections.push(connection);
        return connection;
      };
      const maintenance = await connect('maintenance');
      await runMigrations(maintenance, await loadMigrations(), now());
      const ingest = await connect('ingest');
      const read = await connect('read');
      const registry = await SensorRegistry.load(maintenance);
      const dirty = new DirtyMinutes();
      dirty.addAll(await markedMinutes(maintenance));
      const reader = new WindowReader(read, registry);
      const marks = new HighWaterMarks(registry.keyCapacity);
      const latest = await reader.latest();
      latest.sensorKeys.forEach((key, i) => {
        marks.ensureCapacity(key + 1);
        marks.raise(key, latest.tsMs[i]!);
      });
      const writer = ReadingWriter.create(ingest, marks, dirty);
      const rollups = new RollupMaintainer(maintenance, ingest, dirty);
      return new TelemetryStore({ instance, ingest, read, maintenance, registry, writer, reader, rollups, marks, now, extra: [], alarmLog });
    } catch (error) {
      for (const connection of connections) connection.close();
      instance.closeSync();
      closeAlarmLog(alarmLog);
      throw StorageError.wrap(`open ${path}`, error, 'TWIN_ERR_INGEST_UNAVAILABLE');
    }
  }

  /**
   * Upserts registry rows and returns each sensor's key, aligned with `sensors`. A key is
   * assigned once per sensor id and never changes or is reused, across restarts and edits.
   */
  async syncSensors(sensors: readonly SensorDefinition[]): Promise<Uint32Array> {
    this.assertOpen('sync sensors');
    const keys = await this.parts.registry.sync(sensors, this.parts.now());
    // Commits index the marks by key: grow them before any commit can use a new key.
    await this.parts.ingest.exclusive(async () => this.parts.marks.ensureCapacity(this.parts.registry.keyCapacity));
    return keys;
  }

  /**
   * Stores a batch durably: resolves after COMMIT, so the readings survive a crash from then on.
   * Exact repeats (same sensor key and timestamp) are stored once and counted as duplicates.
   * Calls may overlap; they commit one after the other.
   * @throws StorageError with code `TWIN_ERR_INGEST_UNAVAILABLE` when nothing of the batch was stored.
   */
  commitReadings(batch: ReadingBatch): Promise<CommitOutcome> {
    if (this.closing !== null) return Promise.reject(closedError('commit readings'));
    return this.parts.writer.commit(batch);
  }

  /** The latest stored reading of each sensor (to seed live snapshots after a restart). */
  latestReadings(): Promise<LatestReadings> {
    if (this.closing !== null) return Promise.reject(closedError('latest readings'));
    return this.parts.reader.latest();
  }

  /** A columnar window of raw readings or rollups; rollups include data not yet refreshed. */
  queryWindow(query: WindowQuery): Promise<WindowResult> {
    if (this.closing !== null) return Promise.reject(closedError('query window'));
    try {
      return this.parts.reader.query(query);
    } catch (error) {
      return Promise.reject(StorageError.wrap('query window', error, 'TWIN_ERR_BAD_REQUEST'));
    }
  }

  /** Folds readings committed since the last refresh into the rollups (buckets ended by `nowMs`). */
  async refreshRollups(nowMs: number): Promise<void> {
    this.assertOpen('refresh rollups');
    await this.parts.rollups.refresh(nowMs);
  }

  /** Total stored readings. */
  readingCount(): Promise<number> {
    if (this.closing !== null) return Promise.reject(closedError('count readings'));
    return this.parts.reader.count();
  }

  /**
   * The identity tables (organisations, users, sessions, audit log) on a connection of their own
   * in the same database; closed with the store.
   */
  async openIdentityStore(): Promise<IdentityStore> {
    this.assertOpen('open identity store');
    const connection = await StorageConnection.connect(this.parts.instance, 'identity');
    this.parts.extra.push(connection);
    return new IdentityStore(connection);
  }

  /** Alarms, their events and device commands, in the alarm log's database; closed with the store. */
  get alarms(): AlarmStore {
    this.assertOpen('alarm store');
    return this.parts.alarmLog.store;
  }

  /**
   * Lets queued commits, reads, refreshes and alarm writes finish, checkpoints the WALs into the
   * database files and closes connections and instances. Idempotent; later calls get the same promise.
   */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    const { ingest, read, maintenance, instance, extra, alarmLog } = this.parts;
    await Promise.all([ingest, read, maintenance, ...extra, alarmLog.connection].map((c) => c.idle()));
    let failure: unknown;
    for (const connection of [maintenance, alarmLog.connection]) {
      try {
        await connection.exclusive(() => connection.run('close: checkpoint', 'CHECKPOINT'));
      } catch (error) {
        // The WAL still holds every commit; the next open replays it.
        failure ??= error;
      }
    }
    for (const connection of [ingest, read, maintenance, ...extra]) connection.close();
    instance.closeSync();
    closeAlarmLog(alarmLog);
    if (failure !== undefined) throw StorageError.wrap('close', failure);
  }

  private assertOpen(operation: string): void {
    if (this.closing !== null) throw closedError(operation);
  }
}

function closedError(operation: string): StorageError {
  return new StorageError(operation, 'the store is closed', 'TWIN_ERR_INGEST_UNAVAILABLE');
}

function instanceConfig(options: TelemetryStoreOptions): Record<string, string> {
  const config: Record<string, string> = {};
  if (options.checkpointThreshold !== undefined) config.checkpoint_threshold = options.checkpointThreshold;
  if (options.threads !== undefined) config.threads = String(options.threads);
  if (options.memoryLimit !== undefined) config.memory_limit = options.memoryLimit;
  return config;
}

async function markedMinutes(connection: StorageConnection): Promise<number[]> {
  return connection.exclusive(async () => {
    const rows = await (await connection.run('load rollup markers', SELECT_MARKED)).getRows();
    return rows.map((row) => cellToNumber(row[0], 'bucket_ms'));
  });
}
