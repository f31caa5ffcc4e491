import { describe, expect, it } from 'vitest';
import { isNightAt } from '@twin/domain';
import type { SensorDefinition } from '@twin/protocol';
import { classifySensor, gasZoneRadiusM, hasLiveValue, SENSOR_STATE, sensorLimitTable } from './sensorState.ts';

const location = { lon: 114.06, lat: 22.54, heightM: 1.5, area: 'zone-a', placement: 'outdoor' } as const;
const noise: SensorDefinition = {
  id: 'ZA-PLAZA-NOISE-01',
  kind: 'noise',
  unit: 'dBA',
  name: 'noise',
  location,
  samplingIntervalS: 30,
  range: { min: 30, max: 130 },
  thresholds: { day: { high: 55 }, night: { high: 45 } },
};
const detector: SensorDefinition = {
  id: 'B01-F03-LEL-01',
  kind: 'gas_lel',
  unit: '%LEL',
  name: 'detector',
  location: { ...location, placement: 'indoor' },
  samplingIntervalS: 5,
  range: { min: 0, max: 100 },
  thresholds: { day: { high: 20, highHigh: 50 } },
};
const pressure: SensorDefinition = {
  id: 'B01-IN-WPRESS-01',
  kind: 'water_pressure',
  unit: 'kPa',
  name: 'pressure',
  location: { ...location, placement: 'network' },
  samplingIntervalS: 30,
  thresholds: { day: { lowLow: 180, low: 250, high: 600 } },
};
const table = sensorLimitTable([noise, detector, pressure]);

/** 2024-06-01 14:00 and 23:30 Asia/Shanghai (UTC+8). */
const DAY = Date.UTC(2024, 5, 1, 6, 0);
const NIGHT = Date.UTC(2024, 5, 1, 15, 30);
const state = (i: number, value: number, ageMs = 1000, now = DAY) => classifySensor(table, i, value, now - ageMs, now, isNightAt(now));

describe('classifySensor', () => {
  it('PLAT-3 is no data before the first reading', () => {
    expect(classifySensor(table, 0, Number.NaN, Number.NaN, DAY, false)).toBe(SENSOR_STATE.noData);
  });

  it('PLAT-3 is stale after five sampling intervals without a reading, whatever the last value', () => {
    expect(state(0, 50, 5 * 30_000)).toBe(SENSOR_STATE.normal);
    expect(state(0, 50, 5 * 30_000 + 1)).toBe(SENSOR_STATE.stale);
    expect(state(1, 80, 5 * 5_000 + 1)).toBe(SENSOR_STATE.stale);
  });

  it('PLAT-3 is faulty outside the instrument range, at the bounds not', () => {
    expect(state(0, 29.9)).toBe(SENSOR_STATE.faulty);
    expect(state(0, 130.1)).toBe(SENSOR_STATE.faulty);
    expect(state(0, Number.NaN)).toBe(SENSOR_STATE.faulty);
    expect(state(0, 30)).toBe(SENSOR_STATE.normal);
    expect(state(1, 100)).toBe(SENSOR_STATE.gasLeak);
    expect(state(1, 101)).toBe(SENSOR_STATE.faulty);
  });

  it('ENV-4 outdoor noise is over the limit from 55 dB(A) by day and from 45 dB(A) at night', () => {
    expect(state(0, 54.9)).toBe(SENSOR_STATE.normal);
    expect(state(0, 55)).toBe(SENSOR_STATE.overLimit);
    expect(state(0, 50, 1000, NIGHT)).toBe(SENSOR_STATE.overLimit);
    expect(state(0, 44.9, 1000, NIGHT)).toBe(SENSOR_STATE.normal);
  });

  it('MUN-5 a gas detector at or above 20 %LEL is a leak, below it normal', () => {
    expect(state(1, 19.9)).toBe(SENSOR_STATE.normal);
    expect(state(1, 20)).toBe(SENSOR_STATE.gasLeak);
    expect(state(1, 55)).toBe(SENSOR_STATE.gasLeak);
  });

  it('takes low limits (low, else low-low) and sensors without a range are never faulty', () => {
    expect(state(2, 250)).toBe(SENSOR_STATE.overLimit);
    expect(state(2, 400)).toBe(SENSOR_STATE.normal);
    expect(state(2, 1e6)).toBe(SENSOR_STATE.overLimit);
    expect(sensorLimitTable([{ ...pressure, thresholds: { day: { lowLow: 180 } } }]).lowDay[0]).toBe(180);
  });

  it('uses the day limit at night where the registry gives no night limit', () => {
    expect(table.highNight[1]).toBe(20);
    expect(table.highNight[0]).toBe(45);
  });

  it('counts only fresh in-range readings as live values for the fields', () => {
    expect([SENSOR_STATE.normal, SENSOR_STATE.overLimit, SENSOR_STATE.gasLeak].every(hasLiveValue)).toBe(true);
    expect([SENSOR_STATE.faulty, SENSOR_STATE.stale, SENSOR_STATE.noData].some(hasLiveValue)).toBe(false);
  });
});

describe('gasZoneRadiusM', () => {
  it('MUN-5 draws 2 m at the 20 %LEL limit, growing to 8 m at the lower explosive limit', () => {
    expect(gasZoneRadiusM(20)).toBe(2);
    expect(gasZoneRadiusM(60)).toBe(5);
    expect(gasZoneRadiusM(100)).toBe(8);
    expect(gasZoneRadiusM(150)).toBe(8);
  });
});
