import { describe, expect, it } from 'vitest';
import type { AlarmDto } from '@twin/protocol';
import { silentLogger } from '../logging/logger.ts';
import type { AlarmStore, AlarmWrite } from '../storage/alarmStore.ts';
import { AlarmJournal, type DurableAlarmBatch } from './alarmJournal.ts';

const alarm = { id: 'gas-lel-high/B01-F03-LEL-01', state: 'unack_active', severity: 'critical', lastEventId: 0, updatedAtMs: 1 } as AlarmDto;
const raised = { alarmId: alarm.id, type: 'raised' as const, atMs: 1, actor: 'system', stateBefore: 'normal' as const, stateAfter: 'unack_active' as const, severity: 'critical' as const };

/** Storage that fails its first `failures` writes (a full disk, a lost file), numbering events as the real store does. */
function flakyStore(failures: number): AlarmStore & { writes: AlarmWrite[] } {
  let lastId = 0;
  const writes: AlarmWrite[] = [];
  return {
    writes,
    get lastEventId() {
      return lastId;
    },
    async write(batch: AlarmWrite) {
      if (failures-- > 0) throw new Error('disk full');
      writes.push(batch);
      const events = (batch.events ?? []).map((e, i) => ({ eventId: lastId + 1 + i, ...e }));
      lastId += events.length;
      return events;
    },
  } as unknown as AlarmStore & { writes: AlarmWrite[] };
}

describe('alarm journal (PLAT-8: an alarm event is announced, and an action answered, only once it is durable)', () => {
  it('keeps a batch whose write failed, retries it, and announces it once, after it is stored', async () => {
    const store = flakyStore(1);
    const durable: DurableAlarmBatch[] = [];
    const journal = new AlarmJournal(store, { logger: silentLogger, onDurable: (batch) => durable.push(batch) });
    journal.add({ events: [raised], alarms: [alarm], commands: [] }, 1);
    const started = Date.now();
    await journal.flushed();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(store.writes).toHaveLength(1);
    expect(durable).toHaveLength(1);
    expect(durable[0]!.events.map((e) => e.eventId)).toEqual([1]);
    expect(durable[0]!.alarms[0]!.lastEventId).toBe(1);
    await journal.close();
  });

  it('answers an action as unavailable while storage keeps failing, and still stores it when storage recovers', async () => {
    const store = flakyStore(3);
    const durable: DurableAlarmBatch[] = [];
    const journal = new AlarmJournal(store, { logger: silentLogger, onDurable: (batch) => durable.push(batch) });
    journal.add({ events: [raised], alarms: [alarm], commands: [] }, 1);
    await expect(journal.flushed(500)).rejects.toMatchObject({ code: 'TWIN_ERR_ALARM_UNAVAILABLE' });
    expect(durable).toEqual([]);
    await journal.flushed(10_000);
    expect(durable.map((b) => b.events.length)).toEqual([1]);
    await journal.close();
  }, 15_000);
});
