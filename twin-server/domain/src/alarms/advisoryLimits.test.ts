import { describe, expect, it } from 'vitest';
import { advisoryLimits, limitAt } from './advisoryLimits.ts';
import type { AlarmRule } from './alarmRule.ts';
import { defaultAlarmRules } from './defaultAlarmRules.ts';
import { TEST_REGISTRY } from './testing/alarmFixtures.ts';

const rules = defaultAlarmRules(TEST_REGISTRY).rules;
const limitsOf = (ruleSet: readonly AlarmRule[]) => new Map(advisoryLimits(TEST_REGISTRY, ruleSet).map((l) => [l.sensor.id, { high: l.high, low: l.low }]));

describe('advisoryLimits', () => {
  it('PROP-2 g looks ahead to the first limits the alarm rules resolve for each sensor, day and night', () => {
    const limits = limitsOf(rules);
    expect(limits.get('B01-F03-LEL-01')).toEqual({ high: { day: 20, night: 20 }, low: undefined });
    expect(limits.get('B01-F03-NOISE-01')).toEqual({ high: { day: 45, night: 35 }, low: undefined });
    expect(limits.get('B01-F03-TEMP-01')).toEqual({ high: { day: 28, night: 28 }, low: { day: 16, night: 16 } });
    // The low limit, not the low-low one.
    expect(limits.get('B01-IN-WPRESS-01')).toEqual({ high: { day: 600, night: 600 }, low: { day: 250, night: 250 } });
  });

  it('PROP-2 g leaves out sensors no rule gives a limit', () => {
    const limits = limitsOf(rules);
    expect(limits.has('B01-F01-DOOR-01')).toBe(false);
    expect(limits.has('B01-IN-GASFLOW-01')).toBe(false);
  });

  it('PROP-2 g MUN-5 takes the guideline default where the registry has no threshold, the strictest of several rules, and skips disabled rules', () => {
    const flow = (id: string, limit: number, enabled = true): AlarmRule => ({ id, name: id, nameEn: id, enabled, match: { sensorIds: ['B01-IN-GASFLOW-01'] }, condition: { type: 'high', defaultLimit: limit }, severity: 'low' });
    const limits = limitsOf([flow('flow-a', 30), flow('flow-b', 25), flow('flow-c', 5, false)]);
    expect(limits.get('B01-IN-GASFLOW-01')).toEqual({ high: { day: 25, night: 25 }, low: undefined });
  });
});

describe('limitAt', () => {
  it('ENV-4 gives the night limit from 22:00 to 06:00 local time', () => {
    const noise = { day: 45, night: 35 };
    expect(limitAt(noise, Date.UTC(2024, 5, 1, 13, 59))).toBe(45); // 21:59 local
    expect(limitAt(noise, Date.UTC(2024, 5, 1, 14))).toBe(35); // 22:00 local
    expect(limitAt(noise, Date.UTC(2024, 5, 1, 22))).toBe(45); // 06:00 local
  });
});
