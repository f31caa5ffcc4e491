import { describe, expect, it } from 'vitest';
import type { AlarmDto, SensorDefinition } from '@twin/protocol';
import { currentAlarmsBySeverity, loudestZone, readingsPerSecond, sensorsOnline, worstAir, type LatestValues } from './communityKpis.ts';

/** Epoch ms of a community time (Asia/Shanghai) on 24 November 2026. */
const local = (hour: number, minute = 0) => Date.UTC(2026, 10, 24, hour - 8, minute);
const NOON = local(12);
const NIGHT = local(23);

function sensor(id: string, kind: SensorDefinition['kind'], unit: string, area: string, samplingIntervalS: number, thresholds?: SensorDefinition['thresholds']): SensorDefinition {
  return { id, kind, unit, name: id, location: { lon: 114.06, lat: 22.54, heightM: 1.5, area, placement: 'indoor' }, samplingIntervalS, ...(thresholds === undefined ? {} : { thresholds }) };
}

/** Sensors with their latest readings `[value, ageS]`, stored at frame indices in reverse order (as a registry may place them). */
function latest(nowMs: number, entries: Array<[SensorDefinition, number, number] | [SensorDefinition]>): LatestValues {
  const n = entries.length;
  const values = new Float64Array(n).fill(Number.NaN);
  const timestampsMs = new Float64Array(n).fill(Number.NaN);
  entries.forEach(([, value, ageS], i) => {
    if (value === undefined || ageS === undefined) return;
    values[n - 1 - i] = value;
    timestampsMs[n - 1 - i] = nowMs - ageS * 1000;
  });
  return { sensors: entries.map(([s]) => s), frameIndices: entries.map((_, i) => n - 1 - i), values, timestampsMs };
}

const pm25Indoor = (id: string, area = 'zone-a') => sensor(id, 'pm25', 'ug/m3', area, 60, { day: { high: 50 } });
const co2 = (id: string) => sensor(id, 'co2', 'ppm', 'zone-b', 60, { day: { high: 1000 } });
const noise = (id: string, area: string, placement: 'indoor' | 'outdoor' = 'indoor') => ({
  ...sensor(id, 'noise', 'dBA', area, 30, placement === 'indoor' ? { day: { high: 45 }, night: { high: 35 } } : { day: { high: 55 }, night: { high: 45 } }),
  location: { lon: 114.06, lat: 22.54, heightM: 1.5, area, placement },
});

function alarm(id: string, severity: AlarmDto['severity'], state: AlarmDto['state'], active: boolean): AlarmDto {
  return { id, ruleId: 'r', sourceId: id, condition: 'high', severity, state, active, latched: false, layer: 'air', message: '', messageEn: '', lastEventId: 1, updatedAtMs: 0 } as AlarmDto;
}

describe('community KPIs (PLAT-3 state at a glance; ENV-4, ENV-5)', () => {
  it('PLAT-2 counts a sensor online while its latest reading is within five sampling intervals', () => {
    const kpi = latest(NOON, [
      [pm25Indoor('P1'), 20, 299], // 60 s interval: 300 s allowed
      [pm25Indoor('P2'), 20, 301],
      [noise('N1', 'zone-a'), 40, 150], // 30 s interval: 150 s allowed
      [co2('C1')], // never reported
    ]);
    expect(sensorsOnline(kpi, NOON)).toEqual({ online: 2, total: 4 });
  });

  it('measures readings per second between two counter samples by the server clock', () => {
    expect(readingsPerSecond({ stored: 1000, serverTimeMs: 0 }, { stored: 2500, serverTimeMs: 5000 })).toBe(300);
    expect(readingsPerSecond({ stored: 1000, serverTimeMs: 0 }, { stored: 10, serverTimeMs: 5000 })).toBeNull();
    expect(readingsPerSecond({ stored: 1000, serverTimeMs: 5000 }, { stored: 1000, serverTimeMs: 5000 })).toBeNull();
  });

  it('PLAT-8 counts active alarms by severity, leaving out shelved, suppressed and out-of-service ones and those back to normal', () => {
    const counts = currentAlarmsBySeverity([
      alarm('a', 'critical', 'unack_active', true),
      alarm('b', 'critical', 'ack_active', true),
      alarm('c', 'high', 'shelved', true),
      alarm('d', 'medium', 'rtn_unack', false),
      alarm('e', 'low', 'out_of_service', true),
      alarm('f', 'low', 'unack_active', true),
    ]);
    expect(counts).toEqual({ critical: 2, high: 0, medium: 0, low: 1 });
  });

  it('ENV-5 ranks air by reading relative to the limit: 900 ppm CO2 (90 %) is worse than 40 µg/m³ PM2.5 (80 %)', () => {
    const kpi = latest(NOON, [
      [pm25Indoor('P1'), 40, 10],
      [co2('C1'), 900, 10],
      [pm25Indoor('P-STALE'), 400, 3600], // offline: its old reading does not count
    ]);
    const worst = worstAir(kpi, NOON)!;
    expect(worst.sensor.id).toBe('C1');
    expect(worst.limit).toBe(1000);
    expect(worst.ratio).toBeCloseTo(0.9);
  });

  it('ENV-5 outdoor PM2.5 is measured against its own limit (75 µg/m³, GB 3095)', () => {
    const outdoor = { ...sensor('P-OUT', 'pm25', 'ug/m3', 'zone-c', 60, { day: { high: 75 } }), location: { lon: 114.06, lat: 22.54, heightM: 1.5, area: 'zone-c', placement: 'outdoor' as const } };
    const worst = worstAir(latest(NOON, [[pm25Indoor('P1'), 40, 10], [outdoor, 70, 10]]), NOON)!;
    expect(worst.sensor.id).toBe('P-OUT');
    expect(worst.ratio).toBeCloseTo(70 / 75);
  });

  it('has no worst air without a fresh PM2.5 or CO2 reading', () => {
    expect(worstAir(latest(NOON, [[noise('N1', 'zone-a'), 60, 10], [co2('C1')]]), NOON)).toBeNull();
  });

  it('ENV-4 names the loudest zone by its highest noise reading in dB(A)', () => {
    const kpi = latest(NIGHT, [
      [noise('N-A1', 'zone-a'), 38, 10],
      [noise('N-B1', 'zone-b'), 41, 10],
      [noise('N-A2', 'zone-a', 'outdoor'), 52, 10],
      [noise('N-C1', 'zone-c'), 70, 600], // offline
    ]);
    const loudest = loudestZone(kpi, NIGHT)!;
    expect([loudest.area, loudest.sensor.id, loudest.value]).toEqual(['zone-a', 'N-A2', 52]);
    expect(loudestZone(latest(NIGHT, [[noise('N-C1', 'zone-c'), 70, 600]]), NIGHT)).toBeNull();
  });

  it('ENV-4 judges air against the limit in force: a night limit applies from 22:00', () => {
    const strict = sensor('P-N', 'pm25', 'ug/m3', 'zone-a', 60, { day: { high: 50 }, night: { high: 25 } });
    expect(worstAir(latest(NOON, [[strict, 30, 10]]), NOON)!.ratio).toBeCloseTo(0.6);
    expect(worstAir(latest(NIGHT, [[strict, 30, 10]]), NIGHT)!.ratio).toBeCloseTo(1.2);
  });
});
