import { describe, expect, it } from 'vitest';
import { isAlarmDto, isAlarmSubscription, isAlarmUpdate } from './alarmGuards.ts';
import { testAlarm, testEvent, testUpdate } from './testAlarms.ts';

describe('checks of alarm payloads (P1: validated at every edge)', () => {
  it('accepts alarms with and without their optional fields', () => {
    expect(isAlarmDto(testAlarm())).toBe(true);
    const { area: _area, building: _building, kind: _kind, value: _value, limit: _limit, unit: _unit, activeSinceMs: _since, ...bare } = testAlarm();
    expect(isAlarmDto(bare)).toBe(true);
  });

  it('refuses alarms with an unknown state, severity or kind, or a missing id', () => {
    expect(isAlarmDto({ ...testAlarm(), state: 'firing' })).toBe(false);
    expect(isAlarmDto({ ...testAlarm(), severity: 'urgent' })).toBe(false);
    expect(isAlarmDto({ ...testAlarm(), kind: 'plutonium' })).toBe(false);
    expect(isAlarmDto({ ...testAlarm(), id: undefined })).toBe(false);
    expect(isAlarmDto({ ...testAlarm(), value: 'high' })).toBe(false);
  });

  it('refuses an update whose event is about another alarm', () => {
    expect(isAlarmUpdate(testUpdate(testAlarm()))).toBe(true);
    expect(isAlarmUpdate({ alarm: testAlarm(), event: testEvent(testAlarm({ id: 'other' })) })).toBe(false);
  });

  it('checks the missed events of a subscription', () => {
    const alarm = testAlarm();
    expect(isAlarmSubscription({ alarms: [alarm], missed: [testEvent(alarm)], truncated: false, lastEventId: 1 })).toBe(true);
    expect(isAlarmSubscription({ alarms: [alarm], missed: [{ ...testEvent(alarm), type: 'exploded' }], truncated: false, lastEventId: 1 })).toBe(false);
    expect(isAlarmSubscription({ alarms: [alarm], missed: [], lastEventId: 1 })).toBe(false);
  });
});
