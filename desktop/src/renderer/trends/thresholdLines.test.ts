import { describe, expect, it } from 'vitest';
import { dayNightPeriods, limitAt, thresholdSegments } from './thresholdLines.ts';

/** Epoch ms of a community time (Asia/Shanghai, UTC+8) on 24 November 2026. */
const local = (hour: number, minute = 0, day = 24) => Date.UTC(2026, 10, day, hour - 8, minute);
const HOUR = 3_600_000;
const indoorNoise = { day: { high: 45 }, night: { high: 35 } };

describe('threshold lines by day and night (ENV-4 noise limits, night 22:00–06:00 Asia/Shanghai)', () => {
  it('ENV-4 the indoor noise limit is 45 dB(A) by day and 35 dB(A) at night', () => {
    expect(limitAt(indoorNoise, 'high', local(12))).toBe(45);
    expect(limitAt(indoorNoise, 'high', local(23))).toBe(35);
  });

  it('ENV-5 a limit without a night value holds day and night; a missing limit is undefined', () => {
    const pm25 = { day: { high: 75 } };
    expect(limitAt(pm25, 'high', local(23))).toBe(75);
    expect(limitAt(pm25, 'highHigh', local(12))).toBeUndefined();
    expect(limitAt(undefined, 'high', local(12))).toBeUndefined();
  });

  it('cuts a range at 06:00 and 22:00', () => {
    expect(dayNightPeriods(local(20), local(7, 0, 25))).toEqual([
      { fromMs: local(20), toMs: local(22), night: false },
      { fromMs: local(22), toMs: local(6, 0, 25), night: true },
      { fromMs: local(6, 0, 25), toMs: local(7, 0, 25), night: false },
    ]);
    expect(dayNightPeriods(local(10), local(11))).toEqual([{ fromMs: local(10), toMs: local(11), night: false }]);
  });

  it('ENV-4 draws the high limit at 45 by day, stepping to 35 for the night and back at 06:00', () => {
    expect(thresholdSegments(indoorNoise, local(18), local(8, 0, 25))).toEqual([
      { key: 'high', value: 45, fromMs: local(18), toMs: local(22), night: false },
      { key: 'high', value: 35, fromMs: local(22), toMs: local(6, 0, 25), night: true },
      { key: 'high', value: 45, fromMs: local(6, 0, 25), toMs: local(8, 0, 25), night: false },
    ]);
  });

  it('draws a limit equal by day and night as one line over the whole range, one per limit', () => {
    const pressure = { day: { low: 150, lowLow: 100, high: 600 } };
    const segments = thresholdSegments(pressure, local(0), local(0) + 48 * HOUR);
    expect(segments.map((s) => [s.key, s.value, s.toMs - s.fromMs])).toEqual([
      ['high', 600, 48 * HOUR],
      ['low', 150, 48 * HOUR],
      ['lowLow', 100, 48 * HOUR],
    ]);
  });

  it('draws nothing for a sensor without limits or an empty range', () => {
    expect(thresholdSegments(undefined, local(0), local(1))).toEqual([]);
    expect(thresholdSegments(indoorNoise, local(1), local(1))).toEqual([]);
  });
});
