import { describe, expect, it } from 'vitest';
import type { AlarmDto } from '@twin/protocol';
import { advisoryAlarmId, ADVISORY_RULE_IDS, isAdvisoryRecord } from './advisoryAlarm.ts';
import { NO_ALARM_EFFECTS, type AlarmEffects } from './alarmEffects.ts';
import { AlarmEngine } from './alarmEngine.ts';
import type { AlarmRule } from './alarmRule.ts';
import { advisoryText } from './alarmText.ts';
import { defaultAlarmRules } from './defaultAlarmRules.ts';
import type { ProfileDeviationAdvisory, TrendAdvisory } from './earlyWarning.ts';
import { TEST_REGISTRY, testSensor } from './testing/alarmFixtures.ts';

/** 10:00 local time on 1 June 2024. */
const T0 = Date.UTC(2024, 5, 1, 2);
const MINUTE = 60_000;
const HOUR = 3_600_000;
const KITCHEN = 'B01-F03-LEL-01';
const LIVING_ROOM = 'B01-F03-TEMP-01';
const TREND_ALARM = `early-warning-trend/${KITCHEN}`;
const PROFILE_ALARM = `early-warning-profile/${LIVING_ROOM}`;

function engineWith(alarms?: AlarmDto[], rules: AlarmRule[] = defaultAlarmRules(TEST_REGISTRY).rules): AlarmEngine {
  return new AlarmEngine({ registry: TEST_REGISTRY, rules, alarms, nextCommandId: () => 'cmd' });
}

/** The kitchen detector rising 5 %LEL an hour to 12 %LEL: 20 %LEL in 1.6 h. */
function trend(overrides: Partial<TrendAdvisory> = {}): TrendAdvisory {
  return { condition: 'trend', direction: 'high', limit: 20, slopePerHour: 5, r2: 0.98, points: 120, lastMs: T0, lastValue: 12, projectedCrossingMs: T0 + 96 * MINUTE, timeToLimitMs: 96 * MINUTE, ...overrides };
}

/** The living room 4.1 spreads above its usual temperature for the last three hours. */
function deviation(direction: 'high' | 'low' = 'high'): ProfileDeviationAdvisory {
  const sign = direction === 'high' ? 1 : -1;
  const points = [3, 2, 1].map((hoursAgo, i) => ({ tMs: T0 - hoursAgo * HOUR, value: 22 + sign * (2.5 + i * 0.1), expected: 22, scale: 0.6, z: sign * (2.5 + i * 0.1) / 0.6 }));
  return { condition: 'profile_deviation', direction, startMs: points[0]!.tMs, endMs: points[2]!.tMs, maxAbsZ: 4.5, points };
}

const types = (effects: AlarmEffects) => effects.events.map((e) => `${e.alarmId} ${e.type}`);

describe('advisory alarms in the engine (PROP-2 g)', () => {
  it('PROP-2 g a trend advisory raises a low-severity alarm saying when the limit is reached', () => {
    const engine = engineWith();
    const raised = engine.advise(KITCHEN, 'trend', trend(), T0);
    expect(types(raised)).toEqual([`${TREND_ALARM} raised`]);
    expect(raised.events[0]).toMatchObject({ severity: 'low', value: 12, details: { limit: 20 }, stateAfter: 'unack_active' });
    expect(raised.alarms).toEqual([engine.alarm(TREND_ALARM)]);
    expect(engine.alarm(TREND_ALARM)).toMatchObject({
      id: TREND_ALARM,
      ruleId: 'early-warning-trend',
      sourceId: KITCHEN,
      condition: 'trend',
      severity: 'low',
      state: 'unack_active',
      active: true,
      value: 12,
      limit: 20,
      unit: '%LEL',
      area: 'zone-a',
      building: 'B01',
      layer: 'gas',
      kind: 'gas_lel',
      activeSinceMs: T0,
      message: '1栋3层301厨房可燃气体探测器 可燃气体浓度 按当前趋势约 1.6 小时后达到上限 20 %LEL',
      messageEn: 'Building 1 F03 flat 301 kitchen gas detector: Combustible gas on its current trend reaches the high limit 20 %LEL in about 1.6 h',
    });
  });

  it('PROP-2 g further advisories leave the active alarm as raised; null clears it; a new advisory raises it with its own description', () => {
    const engine = engineWith();
    engine.advise(KITCHEN, 'trend', trend(), T0);
    expect(engine.advise(KITCHEN, 'trend', trend({ timeToLimitMs: 60 * MINUTE }), T0 + 5 * MINUTE)).toBe(NO_ALARM_EFFECTS);
    const cleared = engine.advise(KITCHEN, 'trend', null, T0 + 10 * MINUTE);
    expect(cleared.events).toMatchObject([{ alarmId: TREND_ALARM, type: 'returned', stateAfter: 'rtn_unack' }]);
    expect(engine.advise(KITCHEN, 'trend', null, T0 + 15 * MINUTE)).toBe(NO_ALARM_EFFECTS);
    const again = engine.advise(KITCHEN, 'trend', trend({ timeToLimitMs: 40 * MINUTE, lastValue: 16 }), T0 + 20 * MINUTE);
    expect(types(again)).toEqual([`${TREND_ALARM} raised`]);
    expect(engine.alarm(TREND_ALARM)).toMatchObject({ value: 16, activeSinceMs: T0 + 20 * MINUTE, message: '1栋3层301厨房可燃气体探测器 可燃气体浓度 按当前趋势约 40 分钟后达到上限 20 %LEL' });
  });

  it('PROP-2 g null for a sensor that never had an advisory, and advisories about unknown sensors, change nothing', () => {
    const engine = engineWith();
    expect(engine.advise(KITCHEN, 'trend', null, T0)).toBe(NO_ALARM_EFFECTS);
    expect(engine.advise('NOPE', 'trend', trend(), T0)).toBe(NO_ALARM_EFFECTS);
    expect(engine.alarms()).toEqual([]);
  });

  it('PROP-2 g a profile deviation raises its own alarm, with the size and duration of the deviation and no limit', () => {
    const engine = engineWith();
    const raised = engine.advise(LIVING_ROOM, 'profile_deviation', deviation(), T0);
    expect(types(raised)).toEqual([`${PROFILE_ALARM} raised`]);
    const alarm = engine.alarm(PROFILE_ALARM)!;
    expect(alarm).toMatchObject({ condition: 'profile_deviation', severity: 'low', value: 24.7, unit: 'Cel', message: '1栋3层301客厅温度 温度 偏离日常规律 (z = 4.5)，连续 3 小时偏高' });
    expect(alarm.limit).toBeUndefined();
    expect(alarm.messageEn).toBe('Building 1 F03 flat 301 living room temperature: Temperature deviates from its usual daily profile (z = 4.5), above usual for 3 h');
    // The trend alarm of the same sensor is another alarm.
    expect(engine.alarm(advisoryAlarmId('trend', LIVING_ROOM))).toBeUndefined();
  });

  it('PLAT-8 operators acknowledge and shelve advisory alarms like any alarm', () => {
    const engine = engineWith();
    engine.advise(KITCHEN, 'trend', trend(), T0);
    const ack = engine.act(TREND_ALARM, { type: 'acknowledge', actor: 'operator.wang', note: '已通知住户' }, T0 + MINUTE);
    expect(ack.ok && ack.effects.alarms[0]).toMatchObject({ state: 'ack_active', acknowledgedBy: 'operator.wang' });
    expect(engine.advise(KITCHEN, 'trend', null, T0 + 2 * MINUTE).events).toMatchObject([{ type: 'returned', stateAfter: 'normal' }]);
    engine.advise(KITCHEN, 'trend', trend(), T0 + 3 * MINUTE);
    const shelved = engine.act(TREND_ALARM, { type: 'shelve', actor: 'operator.wang', untilMs: T0 + HOUR, reason: '厨房施工 kitchen works' }, T0 + 4 * MINUTE);
    expect(shelved.ok).toBe(true);
    // Hidden, the advisory still tracks its condition, and is annunciated again when the shelve expires.
    expect(engine.advise(KITCHEN, 'trend', null, T0 + 5 * MINUTE).events).toEqual([]);
    expect(engine.advise(KITCHEN, 'trend', trend(), T0 + 6 * MINUTE).alarms[0]).toMatchObject({ state: 'shelved', active: true });
    expect(types(engine.tick(T0 + HOUR))).toEqual([`${TREND_ALARM} shelve_expired`, `${TREND_ALARM} raised`]);
  });

  it('PLAT-8 advisory alarms persist and restore as advisory alarms: reconcile leaves them to the next round of early warnings', () => {
    const first = engineWith();
    first.advise(KITCHEN, 'trend', trend(), T0);
    first.advise(LIVING_ROOM, 'profile_deviation', deviation('low'), T0);
    const stored = first.alarms();
    const engine = engineWith(stored);
    expect(engine.alarms()).toEqual(stored);
    expect(engine.reconcile(T0 + MINUTE)).toEqual({ events: [], alarms: [], commands: [] });
    expect(engine.advise(KITCHEN, 'trend', trend(), T0 + 2 * MINUTE)).toBe(NO_ALARM_EFFECTS);
    expect(types(engine.advise(LIVING_ROOM, 'profile_deviation', null, T0 + 2 * MINUTE))).toEqual([`${PROFILE_ALARM} returned`]);
    expect(engine.act(TREND_ALARM, { type: 'acknowledge', actor: 'operator.wang' }, T0 + 3 * MINUTE).ok).toBe(true);
  });

  it('PLAT-8 an advisory alarm of a sensor gone from the registry returns to normal on reconcile', () => {
    const gone: AlarmDto = { ...engineWith().advise(KITCHEN, 'trend', trend(), T0).alarms[0]!, id: 'early-warning-trend/B09-GONE', sourceId: 'B09-GONE' };
    const engine = engineWith([gone]);
    expect(engine.advise('B09-GONE', 'trend', null, T0 + MINUTE)).toBe(NO_ALARM_EFFECTS);
    expect(types(engine.reconcile(T0 + MINUTE))).toEqual(['early-warning-trend/B09-GONE returned']);
  });

  it('PLAT-8 refuses rules that take an id reserved for early warnings, and an advisory given as another condition', () => {
    const rule: AlarmRule = { id: ADVISORY_RULE_IDS.trend, name: '趋势', nameEn: 'Trend', match: {}, condition: { type: 'high', limit: 1 }, severity: 'low' };
    expect(() => engineWith(undefined, [rule])).toThrow(/early-warning-trend is reserved/);
    const engine = engineWith();
    const mislabelled: 'trend' | 'profile_deviation' = 'trend';
    expect(() => engine.advise(KITCHEN, mislabelled, deviation(), T0)).toThrow(RangeError);
  });

  it('PLAT-8 tells advisory records from other alarms by rule and condition', () => {
    const engine = engineWith();
    engine.advise(KITCHEN, 'trend', trend(), T0);
    const record = engine.alarm(TREND_ALARM)!;
    expect(isAdvisoryRecord(record)).toBe(true);
    expect(isAdvisoryRecord({ ...record, ruleId: 'my-trend' })).toBe(false);
    expect(isAdvisoryRecord({ ...record, condition: 'high' })).toBe(false);
  });
});

describe('advisory alarm messages (PROP-2 g)', () => {
  const pressure = testSensor('B01-IN-WPRESS-01');

  it('PROP-2 g says an imminent crossing, and a fall toward a low limit, in both languages', () => {
    expect(advisoryText(pressure, trend({ direction: 'low', limit: 250, timeToLimitMs: 20_000 }))).toEqual({
      message: '1栋进户供水压力 供水压力 按当前趋势即将降至下限 250 kPa',
      messageEn: 'Building 1 water inlet pressure: Water pressure is about to fall to the low limit 250 kPa',
    });
    expect(advisoryText(pressure, trend({ direction: 'low', limit: 250, timeToLimitMs: 5.25 * HOUR })).messageEn).toBe(
      'Building 1 water inlet pressure: Water pressure on its current trend falls to the low limit 250 kPa in about 5.3 h',
    );
  });

  it('PROP-2 g gives the signed z of a deviation below the usual', () => {
    expect(advisoryText(testSensor(LIVING_ROOM), deviation('low')).message).toBe('1栋3层301客厅温度 温度 偏离日常规律 (z = -4.5)，连续 3 小时偏低');
  });
});
