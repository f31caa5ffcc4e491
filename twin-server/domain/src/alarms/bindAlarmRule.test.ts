import { describe, expect, it } from 'vitest';
import type { SensorDefinition } from '@twin/protocol';
import type { AlarmRule, SensorCriteria } from './alarmRule.ts';
import { bindAlarmRule, matchesSensor, resolveCondition, resolveDeviceTemplate } from './bindAlarmRule.ts';
import { testSensor } from './testing/alarmFixtures.ts';

const building1Detector = testSensor('B01-GV-LEL-01');
const valveWellDetector = testSensor('ZA-GVW-LEL-01');
const bedroomNoise = testSensor('B01-F03-NOISE-01');
const inletFlow = testSensor('B01-IN-GASFLOW-01');

const rule = (fields: Partial<AlarmRule>): AlarmRule => ({
  id: 'gas-lel-high',
  name: '可燃气体浓度报警',
  nameEn: 'Combustible gas alarm',
  match: { kinds: ['gas_lel'] },
  condition: { type: 'high', defaultLimit: 20, deadband: 2 },
  severity: 'critical',
  latching: true,
  linkage: [{ device: '{building}/GAS-ESV', command: 'close', confirmWithinMs: 5000 }],
  ...fields,
});

describe('bindAlarmRule', () => {
  it('MUN-5 PLAT-6 binds a gas rule to a building detector with its shut-off valve', () => {
    expect(bindAlarmRule(rule({}), building1Detector)).toEqual({
      alarmId: 'gas-lel-high/B01-GV-LEL-01',
      rule: rule({}),
      sensor: building1Detector,
      condition: { type: 'high', limit: { day: 20, night: 20 }, deadband: { day: 2, night: 2 }, onDelayMs: 0, offDelayMs: 0 },
      linkage: [{ device: 'B01/GAS-ESV', command: 'close', expectState: 'closed', confirmWithinMs: 5000 }],
    });
  });

  it('PLAT-6 a sensor without a building gets no linkage or suppression from a {building} template', () => {
    const binding = bindAlarmRule(rule({ suppressWhile: { device: '{building}/GAS-ESV', state: 'closed' } }), valveWellDetector);
    expect(binding?.linkage).toEqual([]);
    expect(binding?.suppressWhile).toBeUndefined();
  });

  it('PLAT-8 resolves the suppression device per sensor', () => {
    const binding = bindAlarmRule(rule({ match: { kinds: ['gas_flow'] }, condition: { type: 'low', limit: 0.01 }, suppressWhile: { device: '{building}/GAS-ESV', state: 'closed' } }), inletFlow);
    expect(binding?.suppressWhile).toEqual({ device: 'B01/GAS-ESV', state: 'closed' });
  });

  it('PLAT-8 skips disabled rules, sensors that do not match and excluded sensors', () => {
    expect(bindAlarmRule(rule({ enabled: false }), building1Detector)).toBeUndefined();
    expect(bindAlarmRule(rule({}), bedroomNoise)).toBeUndefined();
    expect(bindAlarmRule(rule({ exclude: { placements: ['network'] } }), building1Detector)).toBeUndefined();
    expect(bindAlarmRule(rule({ exclude: { placements: ['indoor'] } }), building1Detector)).toBeDefined();
  });
});

describe('matchesSensor', () => {
  it.each<[SensorCriteria, boolean]>([
    [{}, true],
    [{ sensorIds: ['B01-GV-LEL-01'] }, true],
    [{ sensorIds: ['B02-GV-LEL-01'] }, false],
    [{ kinds: ['noise', 'gas_lel'] }, true],
    [{ areas: ['zone-b'] }, false],
    [{ buildings: ['B01'], placements: ['network'] }, true],
    [{ buildings: ['B01'], placements: ['indoor'] }, false],
  ])('PLAT-8 %j matches the building 1 detector: %s', (criteria, expected) => {
    expect(matchesSensor(criteria, building1Detector)).toBe(expected);
  });

  it('PLAT-8 a building criterion never matches a sensor without a building', () => {
    expect(matchesSensor({ buildings: ['B01'] }, valveWellDetector)).toBe(false);
  });
});

describe('resolveDeviceTemplate', () => {
  it('PLAT-6 fills building, area and sensor id', () => {
    expect(resolveDeviceTemplate('{building}/FRESH-AIR', bedroomNoise)).toBe('B01/FRESH-AIR');
    expect(resolveDeviceTemplate('{area}:{sensorId}', bedroomNoise)).toBe('zone-a:B01-F03-NOISE-01');
    expect(resolveDeviceTemplate('GAS-RS-01-ESV', valveWellDetector)).toBe('GAS-RS-01-ESV');
    expect(resolveDeviceTemplate('{building}/GAS-ESV', valveWellDetector)).toBeUndefined();
  });
});

describe('resolveCondition', () => {
  const noRegistryLimit: SensorDefinition = { ...building1Detector, thresholds: undefined };

  it('MUN-5 registry thresholds take precedence over a default limit', () => {
    expect(resolveCondition({ type: 'high', defaultLimit: 25 }, building1Detector)).toMatchObject({ limit: { day: 20, night: 20 } });
    expect(resolveCondition({ type: 'high_high', defaultLimit: 60 }, building1Detector)).toMatchObject({ limit: { day: 50, night: 50 } });
    expect(resolveCondition({ type: 'high', defaultLimit: 25 }, noRegistryLimit)).toMatchObject({ limit: { day: 25, night: 25 } });
  });

  it('PLAT-8 an explicit limit overrides the registry', () => {
    expect(resolveCondition({ type: 'high', limit: { day: 15, night: 10 } }, building1Detector)).toMatchObject({ limit: { day: 15, night: 10 } });
  });

  it('PLAT-8 a limit neither the rule nor the registry gives does not apply', () => {
    expect(resolveCondition({ type: 'low' }, building1Detector)).toBeUndefined();
    expect(resolveCondition({ type: 'high' }, noRegistryLimit)).toBeUndefined();
  });

  it('ENV-4 takes day and night limits from the registry', () => {
    expect(resolveCondition({ type: 'high', defaultLimit: { day: 50, night: 40 } }, bedroomNoise)).toMatchObject({ limit: { day: 45, night: 35 } });
  });

  it('PLAT-8 takes the deadband from the registry where it has one, else from the rule', () => {
    const withDeadband: SensorDefinition = { ...bedroomNoise, thresholds: { day: { high: 45, deadband: 3 }, night: { high: 35, deadband: 1 } } };
    expect(resolveCondition({ type: 'high', deadband: 2, onDelayMs: 60_000, offDelayMs: 30_000 }, withDeadband)).toEqual({
      type: 'high',
      limit: { day: 45, night: 35 },
      deadband: { day: 3, night: 1 },
      onDelayMs: 60_000,
      offDelayMs: 30_000,
    });
    expect(resolveCondition({ type: 'high', deadband: 2 }, bedroomNoise)).toMatchObject({ deadband: { day: 2, night: 2 } });
    expect(resolveCondition({ type: 'high' }, bedroomNoise)).toMatchObject({ deadband: { day: 0, night: 0 } });
  });

  it('PLAT-8 counts stale time in sampling intervals or fixed milliseconds', () => {
    expect(resolveCondition({ type: 'stale', afterIntervals: 5 }, building1Detector)).toEqual({ type: 'stale', afterMs: 25_000 });
    expect(resolveCondition({ type: 'stale', afterMs: 600_000 }, building1Detector)).toEqual({ type: 'stale', afterMs: 600_000 });
  });

  it('PLAT-8 takes the fault range from the registry, and needs a range or a flat-line time', () => {
    expect(resolveCondition({ type: 'fault' }, building1Detector)).toEqual({ type: 'fault', range: { min: 0, max: 100 }, flatlineMs: undefined, flatlineTolerance: 0 });
    expect(resolveCondition({ type: 'fault', range: { min: 1, max: 2 }, flatlineMs: 60_000, flatlineTolerance: 0.5 }, building1Detector)).toEqual({
      type: 'fault',
      range: { min: 1, max: 2 },
      flatlineMs: 60_000,
      flatlineTolerance: 0.5,
    });
    const noRange: SensorDefinition = { ...building1Detector, range: undefined };
    expect(resolveCondition({ type: 'fault' }, noRange)).toBeUndefined();
    expect(resolveCondition({ type: 'fault', flatlineMs: 60_000 }, noRange)).toMatchObject({ flatlineMs: 60_000 });
  });

  it('PLAT-8 sizes the rate-of-change window by the sampling interval', () => {
    expect(resolveCondition({ type: 'rate_of_change', maxPerMinute: 5, windowMs: 60_000 }, building1Detector)).toEqual({
      type: 'rate_of_change',
      maxPerMinute: 5,
      windowMs: 60_000,
      direction: 'either',
      capacity: 14,
    });
    expect(resolveCondition({ type: 'rate_of_change', maxPerMinute: 5, windowMs: 86_400_000, direction: 'rise' }, building1Detector)).toMatchObject({ capacity: 1024, direction: 'rise' });
  });
});
