import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { ALARM_LOG_MIGRATIONS_DIR, alarmLogPath } from './alarmLogDatabase.ts';
import { loadMigrations, runMigrations, type Migration } from './runMigrations.ts';
import { StorageConnection } from './storageConnection.ts';
import { StorageError } from './storageError.ts';
import { TelemetryStore } from './telemetryStore.ts';
import { queryFile, tempDir } from './testing/storageFixtures.ts';

async function memoryConnection(): Promise<{ connection: StorageConnection; close: () => void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await StorageConnection.connect(instance, 'test');
  return {
    connection,
    close: () => {
      connection.close();
      instance.closeSync();
    },
  };
}

async function rows(connection: StorageConnection, sql: string): Promise<unknown[][]> {
  return connection.exclusive(async () => (await connection.run('test query', sql)).getRowsJS() as Promise<unknown[][]>);
}

describe('numbered migrations', () => {
  it('applies each migration once, in order, and records it in schema_migrations', async () => {
    const { connection, close } = await memoryConnection();
    try {
      const migrations: Migration[] = [
        { version: 1, name: 'first', sql: 'CREATE TABLE a (x INTEGER);' },
        { version: 2, name: 'second', sql: 'ALTER TABLE a ADD COLUMN y INTEGER; INSERT INTO a VALUES (1, 2);' },
      ];
      expect(await runMigrations(connection, migrations, 1234)).toEqual([1, 2]);
      expect(await runMigrations(connection, migrations, 5678)).toEqual([]);
      expect(await rows(connection, 'SELECT version, name, applied_ms FROM schema_migrations ORDER BY version')).toEqual([
        [1, 'first', 1234n],
        [2, 'second', 1234n],
      ]);
      expect(await rows(connection, 'SELECT x, y FROM a')).toEqual([[1, 2]]);
    } finally {
      close();
    }
  });

  it('rolls a failing migration back together with its ledger row, keeping the earlier ones', async () => {
    const { connection, close } = await memoryConnection();
    try {
      const migrations: Migration[] = [
        { version: 1, name: 'good', sql: 'CREATE TABLE a (x INTEGER);' },
        { version: 2, name: 'broken', sql: 'CREATE TABLE b (x INTEGER); SELECT * FROM no_such_table;' },
      ];
      const failure = await runMigrations(connection, migrations, 0).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StorageError);
      expect((failure as StorageError).operation).toBe('migrate 002_broken');
      expect(await rows(connection, 'SELECT version FROM schema_migrations')).toEqual([[1]]);
      expect(await rows(connection, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'b'")).toEqual([[0n]]);
    } finally {
      close();
    }
  });

  it('refuses to run when the ledger names a migration differently from its file', async () => {
    const { connection, close } = await memoryConnection();
    try {
      await runMigrations(connection, [{ version: 1, name: 'original', sql: 'CREATE TABLE a (x INTEGER);' }], 0);
      await expect(runMigrations(connection, [{ version: 1, name: 'renamed', sql: 'CREATE TABLE a (x INTEGER);' }], 0)).rejects.toThrow(/recorded as "original"/);
    } finally {
      close();
    }
  });

  it('creates the schema in a new database file, and the alarm log in its own beside it, and reopens them without applying anything again', async () => {
    const tmp = await tempDir();
    try {
      const shipped = await loadMigrations();
      expect(shipped.map((m) => m.version)).toEqual(shipped.map((_, i) => i + 1));
      await (await TelemetryStore.open(tmp.dbPath, { now: () => 1000 })).close();
      await (await TelemetryStore.open(tmp.dbPath, { now: () => 2000 })).close();
      const ledger = await queryFile(tmp.dbPath, 'SELECT version, name, applied_ms FROM schema_migrations ORDER BY version');
      expect(ledger).toEqual(shipped.map((m) => [m.version, m.name, 1000n]));
      const tables = await queryFile(tmp.dbPath, "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY 1");
      expect(tables.map((t) => t[0])).toEqual(['audit_events', 'organisations', 'readings', 'rollup_1h', 'rollup_1m', 'rollup_dirty', 'schema_migrations', 'sensor_latest', 'sensors', 'sessions', 'users']);
      const alarmLog = alarmLogPath(tmp.dbPath);
      const alarmMigrations = await loadMigrations(ALARM_LOG_MIGRATIONS_DIR);
      expect(await queryFile(alarmLog, 'SELECT version, name, applied_ms FROM schema_migrations ORDER BY version')).toEqual(alarmMigrations.map((m) => [m.version, m.name, 1000n]));
      const alarmTables = await queryFile(alarmLog, "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY 1");
      expect(alarmTables.map((t) => t[0])).toEqual(['alarm_events', 'alarms', 'device_commands', 'schema_migrations']);
    } finally {
      await tmp.remove();
    }
  });
});
