import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { alarmLogPath } from './alarmLogDatabase.ts';
import { AlarmStore, type DeviceCommandRow, type NewAlarmEvent } from './alarmStore.ts';
import { loadMigrations, runMigrations } from './runMigrations.ts';
import { StorageConnection } from './storageConnection.ts';
import { TelemetryStore } from './telemetryStore.ts';
import { queryFile, T0, tempDir } from './testing/storageFixtures.ts';

const ALARM = 'gas-high/B01-F03-LEL-01';
const EVENTS: NewAlarmEvent[] = [
  { alarmId: ALARM, type: 'raised', atMs: T0, actor: 'system', stateBefore: 'normal', stateAfter: 'unack_active', severity: 'critical', value: 23.5, details: { limit: 20, unit: '%LEL' } },
  { alarmId: ALARM, type: 'acknowledged', atMs: T0 + 2000, actor: 'operator01', stateBefore: 'unack_active', stateAfter: 'ack_active', severity: 'critical', note: '已通知燃气公司' },
  { alarmId: ALARM, type: 'shelved', atMs: T0 + 3000, actor: 'operator01', stateBefore: 'ack_active', stateAfter: 'shelved', severity: 'critical', shelvedUntilMs: T0 + 3_603_000, note: '检修' },
];
const RECORD = { id: ALARM, state: 'shelved' as const, record: { active: true, limit: 20, shelved: true }, updatedMs: T0 + 3000 };
const COMMANDS: DeviceCommandRow[] = [
  { commandId: 'c1', deviceId: 'B01/GAS-ESV', command: 'close', alarmId: ALARM, issuedMs: T0, deadlineMs: T0 + 5000, status: 'confirmed', settledMs: T0 + 800 },
  { commandId: 'c2', deviceId: 'B02/FRESH-AIR', command: 'on', issuedMs: T0 + 100, deadlineMs: T0 + 5100, status: 'pending' },
];
const LEGACY_TABLES = "SELECT count(*) FROM duckdb_tables() WHERE table_name IN ('alarms', 'alarm_events', 'device_commands')";

/** A telemetry database as it was before the alarm log moved out (migrations 1–3), holding an alarm log. */
async function legacyDatabase(dbPath: string, change?: string): Promise<void> {
  await mkdir(dirname(dbPath), { recursive: true });
  const instance = await DuckDBInstance.create(dbPath);
  const connection = await StorageConnection.connect(instance, 'legacy');
  try {
    await runMigrations(connection, (await loadMigrations()).filter((m) => m.version <= 3), T0);
    const store = await AlarmStore.open(connection);
    await store.write({ events: EVENTS, alarms: [RECORD], commands: COMMANDS });
    if (change !== undefined) await connection.exclusive(() => connection.run('test change', change));
  } finally {
    connection.close();
    instance.closeSync();
  }
}

describe('alarm log moved to a database of its own (PLAT-8: alarm states and events survive the move)', () => {
  it('copies the alarm log of an older telemetry database, ids and all, then drops it there, once', async () => {
    const tmp = await tempDir();
    try {
      await legacyDatabase(tmp.dbPath);
      for (let open = 0; open < 2; open++) {
        const store = await TelemetryStore.open(tmp.dbPath);
        try {
          expect(store.alarms.lastEventId).toBe(3);
          expect((await store.alarms.eventsAfter(0, 10)).map(({ eventId, ...event }) => [eventId, event])).toEqual(EVENTS.map((e, i) => [i + 1, e]));
          expect(await store.alarms.loadAlarms()).toEqual([RECORD]);
          expect(await store.alarms.commands()).toEqual(COMMANDS);
          expect(await store.alarms.pendingCommands()).toEqual([COMMANDS[1]]);
        } finally {
          await store.close();
        }
      }
      expect(await queryFile(tmp.dbPath, LEGACY_TABLES)).toEqual([[0n]]);
      expect(await queryFile(alarmLogPath(tmp.dbPath), 'SELECT count(*) FROM alarm_events')).toEqual([[3n]]);
    } finally {
      await tmp.remove();
    }
  });

  it('refuses an older alarm log whose event ids have a gap, and leaves it where it is', async () => {
    const tmp = await tempDir();
    try {
      await legacyDatabase(tmp.dbPath, 'DELETE FROM alarm_events WHERE event_id = 2');
      await expect(TelemetryStore.open(tmp.dbPath)).rejects.toThrow(/not 1…3 without gaps \(event 3 at position 2\)/);
      expect(await queryFile(tmp.dbPath, LEGACY_TABLES)).toEqual([[3n]]);
      expect(await queryFile(alarmLogPath(tmp.dbPath), 'SELECT count(*) FROM alarm_events')).toEqual([[0n]]);
    } finally {
      await tmp.remove();
    }
  });

  it('keeps the alarm log beside its telemetry database', () => {
    expect(alarmLogPath('var/twin.duckdb')).toBe('var/twin.alarms.duckdb');
    expect(alarmLogPath('/srv/twin/data')).toBe('/srv/twin/data.alarms.duckdb');
    expect(alarmLogPath(':memory:')).toBe(':memory:');
  });
});
