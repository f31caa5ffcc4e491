import type { AlarmEventDto, AlarmEventType, AlarmState } from '@twin/protocol';
import { describe, expect, it } from 'vitest';
import { computeAlarmKpis, MAX_KPI_WINDOW_MS } from './alarmKpis.ts';
import { KpiInputError } from './kpiInputError.ts';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** 2025-01-01 00:00 UTC, a multiple of 10 minutes since the epoch. */
const B = Date.UTC(2025, 0, 1);
/** B + h:m:s. */
const at = (h: number, m: number, s = 0): number => B + h * HOUR + m * MINUTE + s * SECOND;

const STATES: Partial<Record<AlarmEventType, [AlarmState, AlarmState]>> = {
  raised: ['normal', 'unack_active'],
  returned: ['ack_active', 'normal'],
  acknowledged: ['unack_active', 'ack_active'],
  shelved: ['unack_active', 'shelved'],
  unshelved: ['shelved', 'unack_active'],
  shelve_expired: ['shelved', 'unack_active'],
  commented: ['ack_active', 'ack_active'],
};

/** Builds a log with event ids in order of appearance. */
function logOf(entries: readonly [AlarmEventType, string, number, number?][]): AlarmEventDto[] {
  return entries.map(([type, alarmId, atMs, shelvedUntilMs], i) => {
    const [stateBefore, stateAfter] = STATES[type] ?? ['normal', 'normal'];
    const event: AlarmEventDto = { eventId: i + 1, alarmId, type, atMs, actor: 'system', stateBefore, stateAfter, severity: 'high' };
    if (shelvedUntilMs !== undefined) event.shelvedUntilMs = shelvedUntilMs;
    return event;
  });
}

const GAS = 'gas/kitchen-3';
const DOOR = 'door/gate-7';
const PUMP = 'pump/P-2';
const smoke = (n: number): string => `smoke/B1-${String(n).padStart(2, '0')}`;

/**
 * The seeded log. The window is [00:05, 01:05) on 2025-01-01 UTC: one hour, two operators.
 * Epoch-aligned 10-minute periods overlapping it: P0 00:00 (partial, from 00:05) … P6 01:00
 * (partial, to 01:05), seven periods.
 *
 * Raises in the window, 25 in all:
 * - P0: GAS at 00:06:00, 00:06:20, 00:06:40                                      → 3
 * - P1: smoke/B1-01 … smoke/B1-12 at 00:10:00 + 30 s × (n − 1)                 → 12 (flood)
 * - P2: smoke/B1-01 at 00:22, PUMP at 00:25                                       → 2
 * - P3: none                                                                      → 0
 * - P4: DOOR at 00:41:00, 00:41:30, 00:42:00, 00:42:30; PUMP at 00:45, 00:47     → 6
 * - P5: GAS at 00:55                                                              → 1
 * - P6: DOOR at 01:04                                                             → 1
 * Left out: smoke/B1-12 at 00:04 (before the window) and DOOR at 01:06 (after it).
 *
 * State before the window:
 * - leak/WM-4 raised at −48 h, never returned; shelved at −1 h until +8 h;
 * - temp/R-8 raised at −25 h, never returned;
 * - temp/R-9 raised at −22:55 h, never returned (exactly 24 h active at 01:05);
 * - valve/V-1 raised at −30 h, returned at 00:30;
 * - fan/F-5 raised at −72 h, returned at −24 h.
 *
 * Shelving in the window: smoke/B1-05 at 00:12 until 02:00; smoke/B1-06 at 00:13 until 00:40
 * (no expiry event logged); smoke/B1-07 at 00:14 until 03:00, unshelved at 00:30; PUMP at 00:46
 * until 01:00, expired at 01:00, shelved again at 01:01 until 01:30. After the window, at 01:07,
 * GAS is shelved.
 */
function seededLog(): AlarmEventDto[] {
  return logOf([
    ['raised', 'fan/F-5', B - 72 * HOUR],
    ['raised', 'leak/WM-4', B - 48 * HOUR],
    ['raised', 'valve/V-1', B - 30 * HOUR],
    ['raised', 'temp/R-8', B - 25 * HOUR],
    ['returned', 'fan/F-5', B - 24 * HOUR],
    ['raised', 'temp/R-9', B - 22 * HOUR - 55 * MINUTE],
    ['shelved', 'leak/WM-4', B - HOUR, B + 8 * HOUR],
    ['raised', smoke(12), at(0, 4)],
    ['returned', smoke(12), at(0, 4, 30)],
    ['raised', GAS, at(0, 6, 0)],
    ['returned', GAS, at(0, 6, 10)],
    ['raised', GAS, at(0, 6, 20)],
    ['returned', GAS, at(0, 6, 30)],
    ['raised', GAS, at(0, 6, 40)],
    ['acknowledged', GAS, at(0, 6, 45)],
    ['returned', GAS, at(0, 6, 50)],
    ...Array.from({ length: 12 }, (_, i): [AlarmEventType, string, number] => ['raised', smoke(i + 1), at(0, 10, 30 * i)]),
    ['shelved', smoke(5), at(0, 12), at(2, 0)],
    ['shelved', smoke(6), at(0, 13), at(0, 40)],
    ['shelved', smoke(7), at(0, 14), at(3, 0)],
    ['returned', smoke(1), at(0, 20)],
    ['raised', smoke(1), at(0, 22)],
    ['raised', PUMP, at(0, 25)],
    ['returned', PUMP, at(0, 26)],
    ['returned', 'valve/V-1', at(0, 30)],
    ['unshelved', smoke(7), at(0, 30)],
    ['commented', 'leak/WM-4', at(0, 35)],
    ['raised', DOOR, at(0, 41, 0)],
    ['returned', DOOR, at(0, 41, 10)],
    ['raised', DOOR, at(0, 41, 30)],
    ['returned', DOOR, at(0, 41, 40)],
    ['raised', DOOR, at(0, 42, 0)],
    ['returned', DOOR, at(0, 42, 10)],
    ['raised', DOOR, at(0, 42, 30)],
    ['returned', DOOR, at(0, 42, 40)],
    ['raised', PUMP, at(0, 45)],
    ['returned', PUMP, at(0, 46)],
    ['shelved', PUMP, at(0, 46), at(1, 0)],
    ['raised', PUMP, at(0, 47)],
    ['returned', PUMP, at(0, 48)],
    ['raised', GAS, at(0, 55)],
    ['shelve_expired', PUMP, at(1, 0)],
    ['shelved', PUMP, at(1, 1), at(1, 30)],
    ['raised', DOOR, at(1, 4)],
    ['raised', DOOR, at(1, 6)],
    ['shelved', GAS, at(1, 7), at(2, 0)],
  ]);
}

const WINDOW = { fromMs: at(0, 5), toMs: at(1, 5) };

/** Every figure of the seeded log, by hand (see {@link seededLog}). */
const EXPECTED = {
  fromMs: at(0, 5),
  toMs: at(1, 5),
  operators: 2,
  // 3 + 12 + 2 + 0 + 6 + 1 + 1.
  alarms: 25,
  // 25 alarms / 2 operators / 1 h.
  perOperatorPerHour: 12.5,
  // 25 alarms / 2 operators / 6 ten-minute spans in the hour.
  perOperatorPer10Min: 25 / 12,
  // P1.
  peakPer10Min: 12,
  // Only P1 has more than 10, of 7 periods (the partial P0 and P6 count as periods).
  floodShare: 1 / 7,
  per10Min: [
    { startMs: at(0, 0), count: 3 },
    { startMs: at(0, 10), count: 12 },
    { startMs: at(0, 20), count: 2 },
    { startMs: at(0, 30), count: 0 },
    { startMs: at(0, 40), count: 6 },
    { startMs: at(0, 50), count: 1 },
    { startMs: at(1, 0), count: 1 },
  ],
  // DOOR 4 + 1 = 5, GAS 3 + 1 = 4, PUMP 3, smoke/B1-01 2 (its 00:04 raise is outside), then the
  // eleven smoke alarms with 1 raise, lowest ids first: B1-02 … B1-07 fill the ten.
  topFrequent: [
    { alarmId: DOOR, count: 5 },
    { alarmId: GAS, count: 4 },
    { alarmId: PUMP, count: 3 },
    { alarmId: smoke(1), count: 2 },
    ...[2, 3, 4, 5, 6, 7].map((n) => ({ alarmId: smoke(n), count: 1 })),
  ],
  // GAS: 00:06:00, :20, :40 lie within 40 s → 3. DOOR: every span [t, t + 60 s) holds 2 of
  // 00:41:00, :41:30, :42:00, :42:30 (raises 60 s apart are not in one span) → not chattering.
  // PUMP: raises 2 min or more apart → 1.
  chattering: [{ alarmId: GAS, maxPerMinute: 3 }],
  // Active at 01:05: leak/WM-4 for 49:05 h, temp/R-8 for 26:05 h, temp/R-9 for exactly 24 h
  // (not more), GAS for 10 min. valve/V-1 and fan/F-5 returned.
  stale: [
    { alarmId: 'leak/WM-4', activeSinceMs: B - 48 * HOUR },
    { alarmId: 'temp/R-8', activeSinceMs: B - 25 * HOUR },
  ],
  // leak/WM-4 (until 08:00), smoke/B1-05 (until 02:00), PUMP (again, until 01:30). smoke/B1-06
  // expired at 00:40, smoke/B1-07 was unshelved; GAS is shelved after the window.
  shelvedNow: 3,
  // 00:12, 00:13, 00:14, 00:46 and 01:01; leak/WM-4's shelve came before the window.
  shelveActions: 5,
};

describe('computeAlarmKpis', () => {
  it('PLAT-8: the KPI figures computed on a seeded alarm log match hand-computed values', () => {
    expect(computeAlarmKpis(seededLog(), WINDOW, 2)).toEqual(EXPECTED);
  });

  it('PLAT-8: gives the same figures whatever the order of the log', () => {
    expect(computeAlarmKpis(seededLog().reverse(), WINDOW, 2)).toEqual(EXPECTED);
  });

  it('PLAT-8: gives the same figures from the window events and the state at the window start', () => {
    const windowEvents = seededLog().filter((e) => e.atMs >= WINDOW.fromMs);
    const stateAtStart = {
      active: [
        { alarmId: 'leak/WM-4', activeSinceMs: B - 48 * HOUR },
        { alarmId: 'valve/V-1', activeSinceMs: B - 30 * HOUR },
        { alarmId: 'temp/R-8', activeSinceMs: B - 25 * HOUR },
        { alarmId: 'temp/R-9', activeSinceMs: B - 22 * HOUR - 55 * MINUTE },
      ],
      shelved: [{ alarmId: 'leak/WM-4', shelvedUntilMs: B + 8 * HOUR }],
    };
    expect(computeAlarmKpis(windowEvents, WINDOW, 2, stateAtStart)).toEqual(EXPECTED);
  });

  it('PLAT-8: ignores the events before the window when the state at its start is given', () => {
    // The full log with an empty start state: leak/WM-4 and temp/R-8 are not known as active,
    // leak/WM-4 not as shelved.
    const kpis = computeAlarmKpis(seededLog(), WINDOW, 2, { active: [], shelved: [] });
    expect(kpis.stale).toEqual([]);
    expect(kpis.shelvedNow).toBe(2);
    expect(kpis.alarms).toBe(25);
  });

  it('PLAT-8: counts a shelve without expiry as shelved until it is lifted', () => {
    const log = logOf([
      ['shelved', 'a', at(0, 10)],
      ['shelved', 'b', at(0, 20)],
      ['unshelved', 'b', at(0, 30)],
    ]);
    const kpis = computeAlarmKpis(log, { fromMs: at(0, 0), toMs: at(1, 0) }, 1, { active: [], shelved: [{ alarmId: 'c' }] });
    // a and c are shelved for good; b was unshelved. Two shelve actions in the window.
    expect(kpis.shelvedNow).toBe(2);
    expect(kpis.shelveActions).toBe(2);
  });

  it('PLAT-8: reports the most raises of a chattering alarm in any 60 s span', () => {
    // a: 0, 10, 20, 30, 50, 70 s → [10 s, 70 s) holds 10, 20, 30, 50 → 4; [0, 60 s) holds 5.
    // b: 0, 59.999 s, 60 s → [0, 60 s) holds 2, [59.999 s, 119.999 s) holds 2 → not chattering.
    // c: 0, 20, 40 s → 3.
    const seconds = { a: [0, 10, 20, 30, 50, 70], b: [0, 59.999, 60], c: [0, 20, 40] };
    const log = logOf(
      Object.entries(seconds).flatMap(([alarmId, times]) => times.map((s): [AlarmEventType, string, number] => ['raised', alarmId, at(0, 0) + s * SECOND])),
    );
    const kpis = computeAlarmKpis(log, { fromMs: at(0, 0), toMs: at(0, 10) }, 1);
    expect(kpis.chattering).toEqual([
      { alarmId: 'a', maxPerMinute: 5 },
      { alarmId: 'c', maxPerMinute: 3 },
    ]);
  });

  it('PLAT-8: reports an empty log as no load and no flood, with every period listed', () => {
    // [00:00, 00:30) on the period boundaries: three periods, the one at 00:30 is not in it.
    const kpis = computeAlarmKpis([], { fromMs: at(0, 0), toMs: at(0, 30) }, 3);
    expect(kpis).toEqual({
      fromMs: at(0, 0),
      toMs: at(0, 30),
      operators: 3,
      alarms: 0,
      perOperatorPerHour: 0,
      perOperatorPer10Min: 0,
      peakPer10Min: 0,
      floodShare: 0,
      per10Min: [0, 10, 20].map((m) => ({ startMs: at(0, m), count: 0 })),
      topFrequent: [],
      chattering: [],
      stale: [],
      shelvedNow: 0,
      shelveActions: 0,
    });
  });

  it('PLAT-8: refuses an empty, inverted, unbounded or too long window as a query range error', () => {
    const refusals = [
      { fromMs: at(1, 0), toMs: at(1, 0) },
      { fromMs: at(1, 0), toMs: at(0, 0) },
      { fromMs: Number.NaN, toMs: at(0, 0) },
      { fromMs: at(0, 0), toMs: Infinity },
      { fromMs: at(0, 0), toMs: at(0, 0) + MAX_KPI_WINDOW_MS + 1 },
    ];
    for (const window of refusals) {
      expect(() => computeAlarmKpis([], window, 1)).toThrow(expect.objectContaining({ name: 'KpiInputError', code: 'TWIN_ERR_QUERY_RANGE' }));
    }
    expect(computeAlarmKpis([], { fromMs: 0, toMs: MAX_KPI_WINDOW_MS }, 1).per10Min).toHaveLength(52_704);
  });

  it('PLAT-8: refuses an operator count that is not a positive integer as a bad request', () => {
    for (const operators of [0, -1, 1.5, Number.NaN]) {
      expect(() => computeAlarmKpis([], { fromMs: 0, toMs: DAY }, operators)).toThrow(KpiInputError);
      expect(() => computeAlarmKpis([], { fromMs: 0, toMs: DAY }, operators)).toThrow(expect.objectContaining({ code: 'TWIN_ERR_BAD_REQUEST' }));
    }
  });
});
