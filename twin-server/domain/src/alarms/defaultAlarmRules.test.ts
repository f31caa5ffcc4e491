import { describe, expect, it } from 'vitest';
import type { SensorDefinition } from '@twin/protocol';
import { parseAlarmRules } from './alarmRule.ts';
import { bindAlarmRule, type AlarmBinding } from './bindAlarmRule.ts';
import { defaultAlarmRules } from './defaultAlarmRules.ts';
import { TEST_REGISTRY, TEST_SENSORS, testSensor } from './testing/alarmFixtures.ts';

const rules = defaultAlarmRules(TEST_REGISTRY).rules;

/** The default rules' bindings of one sensor, by rule id. */
function bindings(sensor: SensorDefinition): Record<string, AlarmBinding> {
  return Object.fromEntries(rules.flatMap((rule) => bindAlarmRule(rule, sensor) ?? []).map((b) => [b.rule.id, b]));
}

describe('default alarm rules', () => {
  it('PLAT-8 form a valid rules file', () => {
    const parsed = parseAlarmRules(JSON.parse(JSON.stringify(defaultAlarmRules(TEST_REGISTRY))));
    expect(parsed.ok || parsed.issues).toBe(true);
  });

  it('MUN-5 gas at 20 %LEL is critical, latching, without on-delay, and closes the building shut-off valve', () => {
    const gas = bindings(testSensor('B01-GV-LEL-01'));
    expect(Object.keys(gas).sort()).toEqual(['gas-detector-fault', 'gas-lel-high', 'gas-lel-high-high', 'sensor-stale']);
    expect(gas['gas-lel-high']).toMatchObject({
      condition: { type: 'high', limit: { day: 20, night: 20 }, deadband: { day: 2, night: 2 }, onDelayMs: 0 },
      linkage: [{ device: 'B01/GAS-ESV', command: 'close', expectState: 'closed', confirmWithinMs: 5000 }],
    });
    expect(gas['gas-lel-high']?.rule).toMatchObject({ severity: 'critical', latching: true });
    expect(gas['gas-lel-high-high']?.condition).toMatchObject({ type: 'high_high', limit: { day: 50, night: 50 } });
    expect(gas['gas-detector-fault']?.rule.severity).toBe('high');
    expect(bindings(testSensor('B01-F03-LEL-01'))['gas-lel-high']?.linkage[0]?.device).toBe('B01/GAS-ESV');
    expect(bindings(testSensor('B02-GV-LEL-01'))['gas-lel-high']?.linkage[0]?.device).toBe('B02/GAS-ESV');
  });

  it('MUN-5 regulator station detectors close the station valve; valve-well detectors alarm without linkage', () => {
    const station = bindings(testSensor('NET-GRS-LEL-02'));
    expect(Object.keys(station).sort()).toEqual(['gas-detector-fault', 'gas-station-lel-high', 'gas-station-lel-high-high', 'sensor-stale']);
    expect(station['gas-station-lel-high']?.linkage).toEqual([{ device: 'GAS-RS-01-ESV', command: 'close', expectState: 'closed', confirmWithinMs: 5000 }]);
    const well = bindings(testSensor('ZA-GVW-LEL-01'));
    expect(well['gas-lel-high']?.linkage).toEqual([]);
  });

  it('MUN-5 registry thresholds take precedence over the default gas limit', () => {
    const stricter: SensorDefinition = { ...testSensor('B01-F03-LEL-01'), thresholds: { day: { high: 10, highHigh: 25 } } };
    expect(bindings(stricter)['gas-lel-high']?.condition).toMatchObject({ limit: { day: 10, night: 10 } });
    const bare: SensorDefinition = { ...stricter, thresholds: undefined };
    expect(bindings(bare)['gas-lel-high']?.condition).toMatchObject({ limit: { day: 20, night: 20 } });
  });

  it('ENV-4 noise: indoor 45/35 dB(A), outdoor 55/45 dB(A), with a one-minute on-delay', () => {
    const indoor = bindings({ ...testSensor('B01-F03-NOISE-01'), thresholds: undefined });
    expect(indoor['noise-indoor']?.condition).toMatchObject({ limit: { day: 45, night: 35 }, onDelayMs: 60_000 });
    expect(indoor['noise-outdoor']).toBeUndefined();
    const outdoor = bindings({ ...testSensor('ZA-PLAZA-NOISE-01'), thresholds: undefined });
    expect(outdoor['noise-outdoor']?.condition).toMatchObject({ limit: { day: 55, night: 45 }, onDelayMs: 60_000 });
    expect(outdoor['noise-indoor']).toBeUndefined();
  });

  it.each([
    ['B01-F03-CO2-01', 'co2-indoor', 1000],
    ['B01-F03-PM25-01', 'pm25-indoor', 50],
    ['B01-F03-TVOC-01', 'tvoc-indoor', 0.6],
    ['B01-F03-HCHO-01', 'formaldehyde-indoor', 0.08],
  ])('ENV-5 %s: %s above %s switches the building fresh air on', (id, ruleId, limit) => {
    const binding = bindings({ ...testSensor(id), thresholds: undefined })[ruleId];
    expect(binding?.condition).toMatchObject({ limit: { day: limit, night: limit } });
    expect(binding?.linkage).toEqual([{ device: 'B01/FRESH-AIR', command: 'on', expectState: 'on', confirmWithinMs: 60_000 }]);
  });

  it('ENV-5 outdoor PM2.5 alarms above 75 without linkage', () => {
    const outdoor = bindings({ ...testSensor('ZA-PLAZA-PM25-01'), thresholds: undefined });
    expect(outdoor['pm25-outdoor']).toMatchObject({ condition: { limit: { day: 75, night: 75 } }, linkage: [] });
    expect(outdoor['pm25-indoor']).toBeUndefined();
  });

  it('PLAT-8 other kinds alarm on their registry limits only', () => {
    expect(Object.keys(bindings(testSensor('B01-IN-WPRESS-01'))).sort()).toEqual(['registry-high', 'registry-low', 'registry-low-low', 'sensor-fault', 'sensor-stale']);
    expect(Object.keys(bindings(testSensor('B01-F01-DOOR-01'))).sort()).toEqual(['sensor-fault', 'sensor-stale']);
  });

  it('PLAT-8 every sensor has a stale alarm after five sampling intervals, and a fault alarm when it has a range', () => {
    for (const sensor of TEST_SENSORS) {
      const own = bindings(sensor);
      expect(own['sensor-stale']?.condition).toEqual({ type: 'stale', afterMs: 5 * sensor.samplingIntervalS * 1000 });
      expect(own['sensor-stale']?.rule.severity).toBe('low');
      expect(own['sensor-fault'] ?? own['gas-detector-fault']).toBeDefined();
    }
  });

  it('MUN-5 a registry without station detectors gets no station rules', () => {
    const ids = defaultAlarmRules({ sensors: [testSensor('B01-GV-LEL-01')] }).rules.map((r) => r.id);
    expect(ids).not.toContain('gas-station-lel-high');
    expect(defaultAlarmRules({ sensors: [] }).rules.find((r) => r.id === 'gas-lel-high')?.exclude).toBeUndefined();
  });
});
