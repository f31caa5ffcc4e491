import { describe, expect, it } from 'vitest';
import { AlarmBook, type FlushScheduler } from './alarmBook.ts';
import { testAlarm, testEvent, testUpdate } from './testAlarms.ts';

/** A scheduler the test runs by hand, counting how often the book asked for a flush. */
function manualScheduler() {
  const pending: Array<() => void> = [];
  let requests = 0;
  const schedule: FlushScheduler = (flush) => {
    requests++;
    pending.push(flush);
    return () => pending.splice(pending.indexOf(flush), 1);
  };
  return {
    schedule,
    get requests() {
      return requests;
    },
    run() {
      for (const flush of pending.splice(0)) flush();
    },
  };
}

function bookWithScheduler() {
  const scheduler = manualScheduler();
  const book = new AlarmBook({ schedule: scheduler.schedule });
  let notifications = 0;
  book.subscribe(() => notifications++);
  return {
    book,
    scheduler,
    get notifications() {
      return notifications;
    },
  };
}

describe('AlarmBook (PLAT-8 alarm management)', () => {
  it('PLAT-8 applies a subscription answer: the alarms and the last event id', () => {
    const { book } = bookWithScheduler();
    const a = testAlarm({ id: 'r/a', lastEventId: 5 });
    const b = testAlarm({ id: 'r/b', lastEventId: 7, state: 'ack_active' });
    book.applySubscription({ alarms: [a, b], missed: [], truncated: false, lastEventId: 9 });
    book.flush();
    const snapshot = book.getSnapshot();
    expect(snapshot.loaded).toBe(true);
    expect(snapshot.lastEventId).toBe(9);
    expect(snapshot.alarms.map((alarm) => alarm.id).sort()).toEqual(['r/a', 'r/b']);
    expect(snapshot.byId.get('r/b')?.state).toBe('ack_active');
  });

  it('applies an update and ignores one whose event id is not newer than what was applied for that alarm', () => {
    const { book } = bookWithScheduler();
    const raised = testAlarm({ lastEventId: 10 });
    const acknowledged = testAlarm({ lastEventId: 12, state: 'ack_active' });
    expect(book.applyUpdate(testUpdate(raised))).toBe(true);
    expect(book.applyUpdate(testUpdate(acknowledged, { type: 'acknowledged' }))).toBe(true);
    // A replay of the first event, and the same event twice, change nothing.
    expect(book.applyUpdate(testUpdate(raised))).toBe(false);
    expect(book.applyUpdate(testUpdate(acknowledged, { type: 'acknowledged' }))).toBe(false);
    book.flush();
    expect(book.getSnapshot().byId.get(raised.id)?.state).toBe('ack_active');
    expect(book.lastEventId).toBe(12);
  });

  it('drops an alarm that is back to normal, and keeps ignoring older events about it', () => {
    const { book } = bookWithScheduler();
    const active = testAlarm({ lastEventId: 3, state: 'ack_active' });
    book.applyUpdate(testUpdate(active));
    book.applyUpdate(testUpdate(testAlarm({ lastEventId: 4, state: 'normal', active: false }), { type: 'returned' }));
    expect(book.applyUpdate(testUpdate(active))).toBe(false);
    book.flush();
    expect(book.getSnapshot().alarms).toEqual([]);
  });

  it('keeps an alarm that returned before it was acknowledged (something still to acknowledge)', () => {
    const { book } = bookWithScheduler();
    book.applyUpdate(testUpdate(testAlarm({ lastEventId: 2, state: 'rtn_unack', active: false }), { type: 'returned' }));
    book.flush();
    expect(book.getSnapshot().alarms.map((alarm) => alarm.state)).toEqual(['rtn_unack']);
  });

  it('PLAT-8 on resume applies the missed events, then drops the alarms the current list no longer has', () => {
    const { book } = bookWithScheduler();
    const kept = testAlarm({ id: 'r/kept', lastEventId: 1 });
    const cleared = testAlarm({ id: 'r/cleared', lastEventId: 2, state: 'ack_active' });
    book.applyList({ alarms: [kept, cleared], lastEventId: 2 });
    const acknowledgedKept = testAlarm({ id: 'r/kept', lastEventId: 3, state: 'ack_active', acknowledgedBy: 'li', acknowledgedAtMs: 3_000 });
    const summary = book.applySubscription({
      alarms: [acknowledgedKept],
      missed: [
        testEvent(testAlarm({ id: 'r/cleared', lastEventId: 4, state: 'normal' }), { type: 'returned', stateBefore: 'ack_active' }),
        testEvent(acknowledgedKept, { type: 'acknowledged', actor: 'li', atMs: 3_000, stateBefore: 'unack_active' }),
      ],
      truncated: false,
      lastEventId: 4,
    });
    book.flush();
    expect(summary).toEqual({ missed: 2, truncated: false });
    expect(book.getSnapshot().alarms.map((alarm) => [alarm.id, alarm.state, alarm.acknowledgedBy])).toEqual([['r/kept', 'ack_active', 'li']]);
    expect(book.lastEventId).toBe(4);
  });

  it('applies missed events to the alarms it holds even when the list does not repeat them', () => {
    const { book } = bookWithScheduler();
    const alarm = testAlarm({ lastEventId: 1 });
    book.applyList({ alarms: [alarm], lastEventId: 1 });
    const shelvedUntilMs = 9_000;
    book.applySubscription({
      // The list is as of an event the missed ones already passed: the newer event wins.
      alarms: [alarm],
      missed: [testEvent(testAlarm({ lastEventId: 2, state: 'shelved' }), { type: 'shelved', stateBefore: 'unack_active', note: 'maintenance', shelvedUntilMs })],
      truncated: false,
      lastEventId: 2,
    });
    book.flush();
    expect(book.getSnapshot().byId.get(alarm.id)).toMatchObject({ state: 'shelved', shelveReason: 'maintenance', shelvedUntilMs, lastEventId: 2 });
  });

  it('keeps an alarm the list lacks when a pushed update newer than the list already raised it', () => {
    const { book } = bookWithScheduler();
    const raised = testAlarm({ id: 'r/new', lastEventId: 11 });
    book.applyUpdate(testUpdate(raised));
    book.applySubscription({ alarms: [], missed: [], truncated: false, lastEventId: 10 });
    book.flush();
    expect(book.getSnapshot().alarms.map((alarm) => alarm.id)).toEqual(['r/new']);
    expect(book.lastEventId).toBe(11);
  });

  it('reports a truncated resume', () => {
    const { book } = bookWithScheduler();
    expect(book.applySubscription({ alarms: [], missed: [], truncated: true, lastEventId: 20_000 })).toEqual({ missed: 0, truncated: true });
  });

  it('PLAT-3 coalesces a flood of 10,000 updates into one notification', () => {
    const harness = bookWithScheduler();
    for (let i = 1; i <= 10_000; i++) harness.book.applyUpdate(testUpdate(testAlarm({ id: `r/${i}`, lastEventId: i })));
    expect(harness.notifications).toBe(0);
    expect(harness.scheduler.requests).toBe(1);
    harness.scheduler.run();
    expect(harness.notifications).toBe(1);
    expect(harness.book.getSnapshot().alarms).toHaveLength(10_000);
    expect(harness.book.getSnapshot().lastEventId).toBe(10_000);
  });

  it('keeps the same snapshot object until something changes', () => {
    const harness = bookWithScheduler();
    harness.book.applyUpdate(testUpdate(testAlarm()));
    harness.scheduler.run();
    const first = harness.book.getSnapshot();
    harness.book.applyUpdate(testUpdate(testAlarm()));
    expect(harness.scheduler.requests).toBe(1);
    expect(harness.book.getSnapshot()).toBe(first);
  });

  it('publishes at once on flush and cancels the scheduled publication', () => {
    const harness = bookWithScheduler();
    harness.book.applyUpdate(testUpdate(testAlarm()));
    harness.book.flush();
    expect(harness.notifications).toBe(1);
    harness.scheduler.run();
    expect(harness.notifications).toBe(1);
  });

  it('applies a command answer only when it is newer than what the book holds', () => {
    const { book } = bookWithScheduler();
    book.applyUpdate(testUpdate(testAlarm({ lastEventId: 8, state: 'ack_active' })));
    expect(book.applyAlarm(testAlarm({ lastEventId: 7, state: 'unack_active' }))).toBe(false);
    expect(book.applyAlarm(testAlarm({ lastEventId: 9, state: 'shelved' }))).toBe(true);
    book.flush();
    expect(book.getSnapshot().alarms[0]?.state).toBe('shelved');
  });
});
