import { describe, expect, it } from 'vitest';
import { canApply, targetsOf } from './alarmActions.ts';
import { testAlarm } from './testAlarms.ts';

describe('operator actions on alarms (PLAT-8 alarm management)', () => {
  it('PLAT-8 acknowledges alarms that wait for it: active or returned, unacknowledged', () => {
    expect(canApply('acknowledge', testAlarm({ state: 'unack_active' }))).toBe(true);
    expect(canApply('acknowledge', testAlarm({ state: 'rtn_unack', active: false }))).toBe(true);
    expect(canApply('acknowledge', testAlarm({ state: 'ack_active' }))).toBe(false);
    expect(canApply('acknowledge', testAlarm({ state: 'shelved' }))).toBe(false);
  });

  it('shelves annunciated alarms and unshelves shelved ones', () => {
    for (const state of ['unack_active', 'ack_active', 'rtn_unack'] as const) expect(canApply('shelve', testAlarm({ state }))).toBe(true);
    for (const state of ['shelved', 'suppressed', 'out_of_service'] as const) expect(canApply('shelve', testAlarm({ state }))).toBe(false);
    expect(canApply('unshelve', testAlarm({ state: 'shelved' }))).toBe(true);
    expect(canApply('unshelve', testAlarm({ state: 'ack_active' }))).toBe(false);
  });

  it('resets a latched alarm only once its condition has cleared', () => {
    expect(canApply('reset', testAlarm({ latched: true, active: false, state: 'ack_active' }))).toBe(true);
    expect(canApply('reset', testAlarm({ latched: true, active: true, state: 'ack_active' }))).toBe(false);
    expect(canApply('reset', testAlarm({ latched: false, active: false, state: 'ack_active' }))).toBe(false);
    expect(canApply('reset', testAlarm({ latched: true, active: false, state: 'shelved' }))).toBe(false);
  });

  it('takes comments on any alarm', () => {
    expect(canApply('comment', testAlarm({ state: 'out_of_service' }))).toBe(true);
  });

  it('PLAT-8 picks from a multi-selection the alarms an action applies to', () => {
    const selection = [testAlarm({ id: 'a', state: 'unack_active' }), testAlarm({ id: 'b', state: 'ack_active' }), testAlarm({ id: 'c', state: 'rtn_unack' })];
    expect(targetsOf('acknowledge', selection).map((alarm) => alarm.id)).toEqual(['a', 'c']);
  });
});
