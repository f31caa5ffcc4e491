import { basename, dirname, extname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { AlarmStore } from './alarmStore.ts';
import { importLegacyAlarmLog } from './importLegacyAlarmLog.ts';
import { loadMigrations, runMigrations } from './runMigrations.ts';
import { StorageConnection } from './storageConnection.ts';
import { StorageError } from './storageError.ts';

/** The alarm log's numbered `.sql` files (a ledger of their own, in the alarm log's database). */
export const ALARM_LOG_MIGRATIONS_DIR = new URL('./migrations/alarm-log/', import.meta.url);

/** The alarm log is small and writes small transactions: one thread leaves the cores to ingest. */
const INSTANCE_CONFIG = { threads: '1' };

/** The alarm log's database, open: its instance, its one connection and the store on it. */
export interface AlarmLogDatabase {
  instance: DuckDBInstance;
  connection: StorageConnection;
  store: AlarmStore;
}

/**
 * Where the alarm log of the telemetry database `dbPath` lives: beside it, `twin.duckdb` →
 * `twin.alarms.duckdb` (in memory when the telemetry database is).
 */
export function alarmLogPath(dbPath: string): string {
  if (dbPath === ':memory:') return dbPath;
  const extension = extname(dbPath);
  return join(dirname(dbPath), `${basename(dbPath, extension)}.alarms${extension === '' ? '.duckdb' : extension}`);
}

/**
 * Opens (creating if needed) the alarm log of the telemetry database `dbPath` and applies its
 * migrations. It is a DuckDB database of its own, with its own write-ahead log, so that an alarm's
 * commit does not queue behind the readings' commits (REQ PLAT-8: an alarm reaches the console
 * within a second under full ingest). Call it before the telemetry database is opened: an alarm
 * log still inside an older telemetry database is copied over first.
 */
export async function openAlarmLog(dbPath: string, nowMs: number): Promise<AlarmLogDatabase> {
  const path = alarmLogPath(dbPath);
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, INSTANCE_CONFIG);
  } catch (error) {
    throw StorageError.wrap(`open ${path}`, error, 'TWIN_ERR_INGEST_UNAVAILABLE');
  }
  let connection: StorageConnection | undefined;
  try {
    connection = await StorageConnection.connect(instance, 'alarms');
    await runMigrations(connection, await loadMigrations(ALARM_LOG_MIGRATIONS_DIR), nowMs);
    const store = await AlarmStore.open(connection);
    await importLegacyAlarmLog(dbPath, store);
    return { instance, connection, store };
  } catch (error) {
    connection?.close();
    instance.closeSync();
    throw StorageError.wrap(`open ${path}`, error, 'TWIN_ERR_INGEST_UNAVAILABLE');
  }
}

/** Closes the alarm log's connection and instance; a checkpoint before it folds the WAL into the file. */
export function closeAlarmLog({ connection, instance }: AlarmLogDatabase): void {
  connection.close();
  instance.closeSync();
}
