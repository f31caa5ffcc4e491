import { readdir, readFile } from 'node:fs/promises';
import { BIGINT, INTEGER, VARCHAR } from '@duckdb/node-api';
import { cellToNumber } from './bigIntPolicy.ts';
import type { StorageConnection } from './storageConnection.ts';
import { StorageError } from './storageError.ts';

/** One numbered schema change: `migrations/NNN_name.sql`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Where the numbered `.sql` files live, beside this module. */
export const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

const FILE_PATTERN = /^(\d{3,})_([a-z0-9_]+)\.sql$/;

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       VARCHAR NOT NULL,
  applied_ms BIGINT NOT NULL
)`;
const SELECT_APPLIED = 'SELECT version, name FROM schema_migrations ORDER BY version';
const RECORD_APPLIED = 'INSERT INTO schema_migrations (version, name, applied_ms) VALUES ($1, $2, $3)';

/** Reads the migration files of `dir`, in version order. */
export async function loadMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const migrations: Migration[] = [];
  for (const file of (await readdir(dir)).sort()) {
    const match = FILE_PATTERN.exec(file);
    if (match === null) continue;
    migrations.push({ version: Number(match[1]), name: match[2]!, sql: await readFile(new URL(file, dir), 'utf8') });
  }
  migrations.forEach((m, i) => {
    if (i > 0 && m.version === migrations[i - 1]!.version) throw new StorageError('load migrations', `two migrations are numbered ${m.version}`);
  });
  return migrations;
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in version order, each in its
 * own transaction together with its ledger row. Refuses to run when the ledger names a migration
 * differently from its file (the files were edited after they shipped).
 * @returns the versions applied by this call.
 */
export async function runMigrations(connection: StorageConnection, migrations: readonly Migration[], nowMs: number): Promise<number[]> {
  return connection.exclusive(async () => {
    await connection.run('migrate: create ledger', CREATE_LEDGER);
    const applied = await readLedger(connection);
    for (const migration of migrations) {
      const recorded = applied.get(migration.version);
      if (recorded !== undefined && recorded !== migration.name) {
        throw new StorageError('migrate', `migration ${migration.version} is recorded as "${recorded}" but the file is "${migration.name}"`);
      }
    }
    const done: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      const label = `migrate ${String(migration.version).padStart(3, '0')}_${migration.name}`;
      await connection.transaction(label, async () => {
        await connection.run(label, migration.sql);
        await connection.run(`${label}: record`, RECORD_APPLIED, [migration.version, migration.name, nowMs], [INTEGER, VARCHAR, BIGINT]);
      });
      done.push(migration.version);
    }
    return done;
  });
}

async function readLedger(connection: StorageConnection): Promise<Map<number, string>> {
  const result = await connection.run('migrate: read ledger', SELECT_APPLIED);
  const applied = new Map<number, string>();
  for (const [version, name] of await result.getRows()) applied.set(cellToNumber(version, 'migration version'), String(name));
  return applied;
}
