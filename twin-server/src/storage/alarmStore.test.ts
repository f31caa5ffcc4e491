import { describe, expect, it } from 'vitest';
import type { NewAlarmEvent } from './alarmStore.ts';
import { TelemetryStore } from './telemetryStore.ts';
import { T0, tempDir } from './testing/storageFixtures.ts';

const raised = (alarmId: string, atMs: number, value: number): NewAlarmEvent => ({
  alarmId,
  type: 'raised',
  atMs,
  actor: 'system',
  stateBefore: 'normal',
  stateAfter: 'unack_active',
  severity: 'critical',
  value,
  details: { limit: 20, unit: '%LEL' },
});

describe('alarm store (PLAT-8: every alarm event persisted with its time and actor; states survive a restart)', () => {
  it('numbers events in one sequence, stores them with the records and commands they change, and keeps all of it across a reopen', async () => {
    const tmp = await tempDir();
    try {
      let store = await TelemetryStore.open(tmp.dbPath);
      let alarms = store.alarms;
      expect(alarms.lastEventId).toBe(0);
      const first = await alarms.write({
        events: [raised('gas-high/B01-F03-LEL-01', T0, 23.5)],
        alarms: [{ id: 'gas-high/B01-F03-LEL-01', state: 'unack_active', record: { active: true, limit: 20 }, updatedMs: T0 }],
        commands: [{ commandId: 'c1', deviceId: 'B01/GAS-ESV', command: 'close', alarmId: 'gas-high/B01-F03-LEL-01', issuedMs: T0, deadlineMs: T0 + 5000, status: 'pending' }],
      });
      expect(first.map((e) => e.eventId)).toEqual([1]);
      const second = await alarms.write({
        events: [
          { alarmId: 'gas-high/B01-F03-LEL-01', type: 'acknowledged', atMs: T0 + 2000, actor: 'operator01', stateBefore: 'unack_active', stateAfter: 'ack_active', severity: 'critical', note: '已通知燃气公司' },
          { alarmId: 'gas-high/B01-F03-LEL-01', type: 'shelved', atMs: T0 + 3000, actor: 'operator01', stateBefore: 'ack_active', stateAfter: 'shelved', severity: 'critical', shelvedUntilMs: T0 + 3_603_000, note: '检修' },
        ],
        alarms: [{ id: 'gas-high/B01-F03-LEL-01', state: 'shelved', record: { active: true, limit: 20, shelved: true }, updatedMs: T0 + 3000 }],
        commands: [{ commandId: 'c1', deviceId: 'B01/GAS-ESV', command: 'close', alarmId: 'gas-high/B01-F03-LEL-01', issuedMs: T0, deadlineMs: T0 + 5000, status: 'confirmed', settledMs: T0 + 800 }],
      });
      expect(second.map((e) => e.eventId)).toEqual([2, 3]);
      await store.close();

      store = await TelemetryStore.open(tmp.dbPath);
      alarms = store.alarms;
      expect(alarms.lastEventId).toBe(3);
      expect(await alarms.loadAlarms()).toEqual([{ id: 'gas-high/B01-F03-LEL-01', state: 'shelved', record: { active: true, limit: 20, shelved: true }, updatedMs: T0 + 3000 }]);
      expect(await alarms.pendingCommands()).toEqual([]);
      expect(await alarms.eventsAfter(1, 10)).toEqual(second);
      expect(await alarms.eventsAfter(0, 1)).toEqual(first);
      expect((await alarms.eventsOfAlarm('gas-high/B01-F03-LEL-01', 2)).map((e) => e.type)).toEqual(['shelved', 'acknowledged']);
      expect((await alarms.eventsBetween(T0 + 1000, T0 + 3000)).map((e) => e.eventId)).toEqual([2]);
      const next = await alarms.write({ events: [raised('noise-night/B02-F01-NOISE-01', T0 + 9000, 41)] });
      expect(next[0]!.eventId).toBe(4);
      await store.close();
    } finally {
      await tmp.remove();
    }
  });

  it('writes a batch in one statement per table: an alarm or command written twice in it keeps its last version', async () => {
    const tmp = await tempDir();
    try {
      const store = await TelemetryStore.open(tmp.dbPath);
      const alarms = store.alarms;
      const command = { commandId: 'c9', deviceId: 'B02/GAS-ESV', command: 'close' as const, issuedMs: T0, deadlineMs: T0 + 5000 };
      await alarms.write({
        events: Array.from({ length: 500 }, (_, i) => raised(`a/${i % 7}`, T0 + i, i)),
        alarms: [
          { id: 'a/1', state: 'unack_active', record: { v: 1 }, updatedMs: T0 },
          { id: 'a/2', state: 'unack_active', record: { v: 1 }, updatedMs: T0 },
          { id: 'a/1', state: 'ack_active', record: { v: 2 }, updatedMs: T0 + 1 },
        ],
        commands: [
          { ...command, status: 'pending' },
          { ...command, status: 'confirmed', settledMs: T0 + 900 },
        ],
      });
      expect((await alarms.loadAlarms()).map((a) => [a.id, a.state, a.record])).toEqual([
        ['a/1', 'ack_active', { v: 2 }],
        ['a/2', 'unack_active', { v: 1 }],
      ]);
      expect(await alarms.pendingCommands()).toEqual([]);
      const events = await alarms.eventsAfter(0, 1000);
      expect(events.map((e) => e.eventId)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
      expect(events[499]).toMatchObject({ alarmId: 'a/2', value: 499, details: { limit: 20, unit: '%LEL' } });
      await store.close();
    } finally {
      await tmp.remove();
    }
  });

  it('stores nothing of a batch that fails, and does not advance the sequence', async () => {
    const tmp = await tempDir();
    try {
      const store = await TelemetryStore.open(tmp.dbPath);
      const alarms = store.alarms;
      await alarms.write({ events: [raised('a/x', T0, 1)] });
      // A record that cannot be written (no id) fails the whole batch, event included.
      await expect(alarms.write({ events: [raised('a/y', T0, 2)], alarms: [{ id: null as unknown as string, state: 'normal', record: {}, updatedMs: T0 }] })).rejects.toThrow(/write alarm/);
      expect(alarms.lastEventId).toBe(1);
      expect(await alarms.eventsAfter(0, 10)).toHaveLength(1);
      expect((await alarms.write({ events: [raised('a/z', T0, 3)] }))[0]!.eventId).toBe(2);
      await store.close();
    } finally {
      await tmp.remove();
    }
  });
});
