import { describe, expect, it } from 'vitest';
import { DEFAULT_EARLY_WARNING_POLICY, earlyWarningWindows, profileAdvisory, trendAdvisory } from './advisoryChecks.ts';
import type { SensorLimits } from './advisoryLimits.ts';
import type { SeriesPoint } from './earlyWarning.ts';
import { testSensor } from './testing/alarmFixtures.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 10:25 local time on 1 June 2024. */
const NOW = Date.UTC(2024, 5, 1, 2, 25);
const HOUR_START = Date.UTC(2024, 5, 1, 2);

const gas: SensorLimits = { sensor: testSensor('B01-F03-LEL-01'), high: { day: 20, night: 20 } };
const noise: SensorLimits = { sensor: testSensor('B01-F03-NOISE-01'), high: { day: 45, night: 35 } };
const temperature: SensorLimits = { sensor: testSensor('B01-F03-TEMP-01'), high: { day: 28, night: 28 }, low: { day: 16, night: 16 } };

/** 1-minute means over the last two hours, ending at `end` with `last`, changing `perHour`. */
function minuteMeans(last: number, perHour: number, end = NOW): SeriesPoint[] {
  return Array.from({ length: 120 }, (_, i) => ({ tMs: end - (119 - i) * MINUTE, value: last - ((119 - i) * perHour) / 60 }));
}

/** Hourly means of a daily course (20 + 2·sin), with a little day-to-day variation. */
function usualAt(tMs: number): number {
  const hour = Math.floor(tMs / HOUR);
  return 20 + 2 * Math.sin((2 * Math.PI * (hour % 24)) / 24) + ((Math.floor(tMs / DAY) % 3) - 1) * 0.1;
}

function hourly(fromMs: number, toMs: number, value: (tMs: number) => number): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  for (let t = fromMs; t < toMs; t += HOUR) points.push({ tMs: t, value: value(t) });
  return points;
}

describe('earlyWarningWindows', () => {
  it('PROP-2 g reads the last 2 h of minutes, and 14 days of hours before the last 6, all up to now', () => {
    const windows = earlyWarningWindows(NOW);
    expect(windows.trend).toEqual({ fromMs: NOW - 2 * HOUR, toMs: NOW + 1 });
    expect(windows.recentFromMs).toBe(HOUR_START - 5 * HOUR);
    expect(windows.hourly).toEqual({ fromMs: HOUR_START - 5 * HOUR - 14 * DAY, toMs: NOW + 1 });
  });
});

describe('trendAdvisory', () => {
  it('PROP-2 g MUN-5 warns of a gas concentration rising toward 20 %LEL within 6 h', () => {
    const advisory = trendAdvisory(gas, minuteMeans(12, 5), NOW);
    expect(advisory).toMatchObject({ condition: 'trend', direction: 'high', limit: 20, lastValue: 12 });
    expect(advisory!.timeToLimitMs).toBeCloseTo(1.6 * HOUR, -3);
  });

  it('PROP-2 g is silent for a flat series, a rise too slow for the horizon, and a value already past the limit', () => {
    expect(trendAdvisory(gas, minuteMeans(0.4, 0), NOW)).toBeNull();
    expect(trendAdvisory(gas, minuteMeans(5, 2), NOW)).toBeNull();
    expect(trendAdvisory(gas, minuteMeans(21, 5), NOW)).toBeNull();
    expect(trendAdvisory(gas, minuteMeans(12, 5).slice(-DEFAULT_EARLY_WARNING_POLICY.trendMinPoints + 1), NOW)).toBeNull();
  });

  it('PROP-2 g looks to the low limit of a falling value', () => {
    expect(trendAdvisory(temperature, minuteMeans(18, -1), NOW)).toMatchObject({ direction: 'low', limit: 16 });
  });

  it('ENV-4 projects toward the night limit at night', () => {
    const night = Date.UTC(2024, 5, 1, 15); // 23:00 local
    expect(trendAdvisory(noise, minuteMeans(31, 1, night), night)).toMatchObject({ limit: 35 });
    expect(trendAdvisory(noise, minuteMeans(31, 1), NOW)).toBeNull();
  });
});

describe('profileAdvisory', () => {
  const { recentFromMs, hourly: span } = earlyWarningWindows(NOW);
  const history = hourly(span.fromMs, recentFromMs, usualAt);

  it('PROP-2 g warns of three hours in a row well above the usual daily course', () => {
    const recent = hourly(recentFromMs, NOW, (t) => (t >= HOUR_START - 2 * HOUR ? usualAt(t) + 3 : usualAt(t)));
    const advisory = profileAdvisory(temperature, history, recent);
    expect(advisory).toMatchObject({ condition: 'profile_deviation', direction: 'high', startMs: HOUR_START - 2 * HOUR, endMs: HOUR_START });
    expect(advisory!.points).toHaveLength(3);
  });

  it('PROP-2 g judges a value that hardly varies with a spread of 2 % of its limit', () => {
    // 0.56 °C (2 % of 28 °C) rather than the history's 0.15: +1.5 °C is usual enough, +3 °C is not.
    const recent = (delta: number) => hourly(recentFromMs, NOW, (t) => (t >= HOUR_START - 2 * HOUR ? usualAt(t) + delta : usualAt(t)));
    expect(profileAdvisory(temperature, history, recent(1.5))).toBeNull();
    expect(profileAdvisory(temperature, history, recent(3))!.points[0]!.scale).toBeCloseTo(0.56, 12);
  });

  it('PROP-2 g is silent once the value is back to usual, with too few recent hours, and without a week of history', () => {
    const backToUsual = hourly(recentFromMs, NOW, (t) => (t >= HOUR_START - 3 * HOUR && t < HOUR_START ? usualAt(t) + 3 : usualAt(t)));
    expect(profileAdvisory(temperature, history, backToUsual)).toBeNull();
    const lateHours = hourly(HOUR_START - HOUR, NOW, (t) => usualAt(t) + 3);
    expect(profileAdvisory(temperature, history, lateHours)).toBeNull();
    const anomaly = hourly(recentFromMs, NOW, (t) => usualAt(t) + 3);
    expect(profileAdvisory(temperature, history.slice(-6 * 24), anomaly)).toBeNull();
  });
});
