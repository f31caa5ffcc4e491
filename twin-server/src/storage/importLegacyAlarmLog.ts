import { existsSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { AlarmStore } from './alarmStore.ts';
import { cellToNumber } from './bigIntPolicy.ts';
import { StorageConnection } from './storageConnection.ts';
import { StorageError } from './storageError.ts';

const SELECT_LEGACY_TABLES = "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name IN ('alarms', 'alarm_events', 'device_commands')";

/**
 * Until migration 004 the alarm log's tables were in the telemetry database. When the telemetry
 * database at `dbPath` still holds them and `into` is empty, copies alarms, events (with their ids)
 * and commands into `into` in one transaction; migration 004 drops them afterwards. A crash between
 * the two leaves `into` not empty, so nothing is copied twice. Call it while nothing else has the
 * telemetry database open.
 * @returns the number of events copied.
 */
export async function importLegacyAlarmLog(dbPath: string, into: AlarmStore): Promise<number> {
  if (dbPath === ':memory:' || !existsSync(dbPath) || !(await into.isEmpty())) return 0;
  const instance = await DuckDBInstance.create(dbPath);
  try {
    const c = await StorageConnection.connect(instance, 'legacy alarm log');
    try {
      const tables = await c.exclusive(async () => cellToNumber((await (await c.run('find the legacy alarm tables', SELECT_LEGACY_TABLES)).getRows())[0]![0], 'tables'));
      if (tables < 3) return 0;
      const legacy = await AlarmStore.open(c);
      const events = await legacy.eventsAfter(0, legacy.lastEventId);
      const gap = events.findIndex((e, i) => e.eventId !== i + 1);
      if (gap >= 0) throw new StorageError('import the legacy alarm log', `its event ids are not 1…${legacy.lastEventId} without gaps (event ${events[gap]!.eventId} at position ${gap + 1})`);
      await into.write({ events: events.map(({ eventId: _, ...event }) => event), alarms: await legacy.loadAlarms(), commands: await legacy.commands() });
      return events.length;
    } finally {
      c.close();
    }
  } finally {
    instance.closeSync();
  }
}
