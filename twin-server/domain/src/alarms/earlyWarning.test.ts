import { describe, expect, it } from 'vitest';
import { dailyProfile, profileDeviation, trendTowardLimit, type DailyProfile, type SeriesPoint } from './earlyWarning.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 2025-07-16 00:00 UTC. */
const T0 = Date.UTC(2025, 6, 16);

/** Points at T0 + hours[i] h with values[i]. */
const series = (hours: readonly number[], values: readonly number[]): SeriesPoint[] => hours.map((h, i) => ({ tMs: T0 + h * HOUR, value: values[i]! }));

describe('trendTowardLimit', () => {
  it('PROP-2 g: warns of a straight rise that reaches a high limit within the horizon', () => {
    // 50, 52, 54, 56, 58 at 0 … 4 h: 2 per hour, exactly on a line (r² = 1). It reaches 64 at
    // 50 + 2 t = 64 → t = 7 h, 3 h after the latest point.
    const rise = series([0, 1, 2, 3, 4], [50, 52, 54, 56, 58]);
    const advisory = trendTowardLimit(rise, { value: 64, direction: 'high' }, { minPoints: 5, horizonMs: 4 * HOUR });
    expect(advisory).toMatchObject({ condition: 'trend', direction: 'high', limit: 64, points: 5, lastMs: T0 + 4 * HOUR, lastValue: 58 });
    expect(advisory!.slopePerHour).toBeCloseTo(2, 12);
    expect(advisory!.r2).toBeCloseTo(1, 12);
    expect(advisory!.projectedCrossingMs).toBeCloseTo(T0 + 7 * HOUR, 0);
    expect(advisory!.timeToLimitMs).toBeCloseTo(3 * HOUR, 0);
    // The crossing is 3 h away: beyond a 2 h horizon.
    expect(trendTowardLimit(rise, { value: 64, direction: 'high' }, { minPoints: 5, horizonMs: 2 * HOUR })).toBeNull();
    // Five points are too few when six are asked for.
    expect(trendTowardLimit(rise, { value: 64, direction: 'high' }, { minPoints: 6, horizonMs: 4 * HOUR })).toBeNull();
  });

  it('PROP-2 g: fits a noisy rise by least squares and applies the least r²', () => {
    // t = 0, 1, 2, 3 h; v = 1, 3, 2, 4. About the means (1.5 h, 2.5): dt = −1.5, −0.5, 0.5, 1.5;
    // dv = −1.5, 0.5, −0.5, 1.5. Sxy = 2.25 − 0.25 − 0.25 + 2.25 = 4, Sxx = 5, Syy = 5.
    // Slope 4 / 5 = 0.8 per hour; r² = 4² / (5 × 5) = 0.64. It reaches 6 at
    // 1.5 + (6 − 2.5) / 0.8 = 5.875 h, 2.875 h after the latest point.
    const noisy = series([3, 1, 0, 2], [4, 3, 1, 2]);
    const limit = { value: 6, direction: 'high' } as const;
    const advisory = trendTowardLimit(noisy, limit, { minPoints: 4, horizonMs: 3 * HOUR, minR2: 0.6 });
    expect(advisory).toMatchObject({ lastMs: T0 + 3 * HOUR, lastValue: 4, points: 4 });
    expect(advisory!.slopePerHour).toBeCloseTo(0.8, 12);
    expect(advisory!.r2).toBeCloseTo(0.64, 12);
    expect(advisory!.projectedCrossingMs).toBeCloseTo(T0 + 5.875 * HOUR, 0);
    expect(advisory!.timeToLimitMs).toBeCloseTo(2.875 * HOUR, 0);
    expect(trendTowardLimit(noisy, limit, { minPoints: 4, horizonMs: 3 * HOUR, minR2: 0.7 })).toBeNull();
    expect(trendTowardLimit(noisy, limit, { minPoints: 4, horizonMs: 2.5 * HOUR })).toBeNull();
  });

  it('PROP-2 g: warns of a fall toward a low limit and not of a move away from a limit', () => {
    // 10, 9, 8, 7 at 0 … 3 h: −1 per hour, reaching 5 at 5 h, 2 h after the latest point.
    const fall = series([0, 1, 2, 3], [10, 9, 8, 7]);
    const advisory = trendTowardLimit(fall, { value: 5, direction: 'low' }, { minPoints: 3, horizonMs: 2 * HOUR });
    expect(advisory).toMatchObject({ condition: 'trend', direction: 'low', limit: 5 });
    expect(advisory!.slopePerHour).toBeCloseTo(-1, 12);
    expect(advisory!.projectedCrossingMs).toBeCloseTo(T0 + 5 * HOUR, 0);
    expect(trendTowardLimit(fall, { value: 12, direction: 'high' }, { minPoints: 3, horizonMs: DAY })).toBeNull();
    expect(trendTowardLimit(series([0, 1, 2], [7, 7, 7]), { value: 5, direction: 'low' }, { minPoints: 3, horizonMs: DAY })).toBeNull();
  });

  it('PROP-2 g: stays silent once the latest value has reached the limit', () => {
    const rise = series([0, 1, 2, 3, 4], [50, 52, 54, 56, 58]);
    expect(trendTowardLimit(rise, { value: 58, direction: 'high' }, { minPoints: 3, horizonMs: DAY })).toBeNull();
    expect(trendTowardLimit(rise, { value: 57, direction: 'high' }, { minPoints: 3, horizonMs: DAY })).toBeNull();
  });

  it('PROP-2 g: projects the crossing to the latest point when the fitted line is already past the limit', () => {
    // v = 0, 0, 10, 9 at 0 … 3 h. Means 1.5 h and 4.75; Sxy = 1.5 × 4.75 + 0.5 × 4.75 + 0.5 × 5.25
    // + 1.5 × 4.25 = 18.5, Sxx = 5: 3.7 per hour. The line reaches 9.5 at 1.5 + 4.75 / 3.7 ≈ 2.78 h,
    // before the latest point (3 h, value 9, still below 9.5).
    const jump = series([0, 1, 2, 3], [0, 0, 10, 9]);
    const advisory = trendTowardLimit(jump, { value: 9.5, direction: 'high' }, { minPoints: 4, horizonMs: HOUR });
    expect(advisory).toMatchObject({ projectedCrossingMs: T0 + 3 * HOUR, timeToLimitMs: 0, lastValue: 9 });
    expect(advisory!.slopePerHour).toBeCloseTo(3.7, 12);
  });

  it('PROP-2 g: leaves out points without a finite time or value', () => {
    // The NaN and the infinite time are dropped: three usable points of 10, 9, 8 are too few for
    // four, enough for three.
    const gappy = [...series([0, 1, 2], [10, 9, 8]), { tMs: T0 + 3 * HOUR, value: Number.NaN }, { tMs: Infinity, value: 0 }];
    const limit = { value: 5, direction: 'low' } as const;
    expect(trendTowardLimit(gappy, limit, { minPoints: 4, horizonMs: DAY })).toBeNull();
    expect(trendTowardLimit(gappy, limit, { minPoints: 3, horizonMs: DAY })).toMatchObject({ points: 3, lastValue: 8 });
    // All at one time: no slope.
    expect(trendTowardLimit(series([1, 1, 1], [1, 2, 3]), { value: 5, direction: 'high' }, { minPoints: 3, horizonMs: DAY })).toBeNull();
  });

  it('PROP-2 g: refuses options out of range', () => {
    const fall = series([0, 1, 2], [10, 9, 8]);
    const limit = { value: 5, direction: 'low' } as const;
    expect(() => trendTowardLimit(fall, limit, { minPoints: 1, horizonMs: DAY })).toThrow(RangeError);
    expect(() => trendTowardLimit(fall, limit, { minPoints: 2.5, horizonMs: DAY })).toThrow(RangeError);
    expect(() => trendTowardLimit(fall, limit, { minPoints: 2, horizonMs: 0 })).toThrow(RangeError);
    expect(() => trendTowardLimit(fall, limit, { minPoints: 2, horizonMs: DAY, minR2: 1.1 })).toThrow(RangeError);
    expect(() => trendTowardLimit(fall, { value: Number.NaN, direction: 'low' }, { minPoints: 2, horizonMs: DAY })).toThrow(RangeError);
  });
});

/** 2025-07-01 00:00 in Shenzhen (UTC+8), i.e. 2025-06-30 16:00 UTC. */
const LOCAL_DAY_0 = Date.UTC(2025, 6, 1) - 8 * HOUR;
/** A usual day: 20 + 5 sin(2π h / 24), rounded to 1/16 so that every sum below is exact. */
const usual = (hour: number): number => 20 + Math.round(80 * Math.sin((2 * Math.PI * hour) / 24)) / 16;
/** Day-to-day scatter: the seven values at one hour are the usual value + each offset once. */
const OFFSETS = [-0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75];
/** Scatter on day d at hour h. */
const scatter = (day: number, hour: number): number => OFFSETS[(day + hour) % 7]!;
/** Hourly means at local hour h of local day d. */
const hourly = (day: number, hour: number, value: number): SeriesPoint => ({ tMs: LOCAL_DAY_0 + day * DAY + hour * HOUR, value });
/** Local days 0 … 6: one usual week. */
const WEEK = Array.from({ length: 7 * 24 }, (_, i) => hourly(Math.floor(i / 24), i % 24, usual(i % 24) + scatter(Math.floor(i / 24), i % 24)));
/**
 * At every hour the deviations from the median (the usual value, offset 0) are 0.75, 0.5, 0.25,
 * 0, 0.25, 0.5, 0.75: their median, the MAD, is 0.5, so the spread is 0.5 × 1.4826 = 0.7413.
 */
const SCALE = 0.7413;
/** A usual day d, hours 0 … lastHour; its scatter stays within ±0.75, |z| ≤ 0.75 / 0.7413 ≈ 1.01. */
const usualDay = (day: number, lastHour = 23): SeriesPoint[] =>
  Array.from({ length: lastHour + 1 }, (_, h) => hourly(day, h, usual(h) + scatter(day, h)));
/** Day d up to lastHour with `shift` added at the given hours. */
const dayWith = (day: number, lastHour: number, shifts: Record<number, number>): SeriesPoint[] =>
  usualDay(day, lastHour).map((p, h) => ({ ...p, value: p.value + (shifts[h] ?? 0) }));
const DEVIATION = { zThreshold: 3, minConsecutive: 3 };

describe('dailyProfile', () => {
  it('PROP-2 g: learns the median and robust spread of each local hour from a week of hourly means', () => {
    const profile = dailyProfile(WEEK);
    expect(profile.hours).toHaveLength(24);
    profile.hours.forEach((hour, h) => expect(hour).toEqual({ hour: h, median: usual(h), scale: SCALE, samples: 7 }));
  });

  it('PROP-2 g: places a point in the hour of Shenzhen local time (UTC+8)', () => {
    // 16:00 UTC is 00:00 in Shenzhen; 23:59 UTC is 07:59.
    const points = Array.from({ length: 7 }, (_, d) => [
      { tMs: Date.UTC(2025, 6, d + 1, 16), value: 1 },
      { tMs: Date.UTC(2025, 6, d + 1, 23, 59), value: 2 },
    ]).flat();
    const profile = dailyProfile(points);
    expect(profile.hours[0]).toMatchObject({ median: 1, samples: 7 });
    expect(profile.hours[7]).toMatchObject({ median: 2, samples: 7 });
    expect(profile.hours[16]).toBeNull();
  });

  it('PROP-2 g: leaves an hour unknown while it has fewer values than a week', () => {
    const missingOne = WEEK.filter((p) => p.tMs !== LOCAL_DAY_0 + 2 * DAY + 3 * HOUR);
    expect(dailyProfile(missingOne).hours[3]).toBeNull();
    expect(dailyProfile(missingOne, { minSamplesPerHour: 6 }).hours[3]).toMatchObject({ samples: 6 });
    expect(() => dailyProfile(WEEK, { minSamplesPerHour: 0 })).toThrow(RangeError);
  });

  it('PROP-2 g: falls back to the mean absolute deviation when most values are equal', () => {
    // Six nights at 0 and one at 3: the MAD is 0; the mean absolute deviation from the median 0
    // is 3 / 7, so the spread is 3 / 7 × 1.2533.
    const nights = [0, 0, 0, 3, 0, 0, 0].map((value, d) => hourly(d, 2, value));
    expect(dailyProfile(nights).hours[2]).toEqual({ hour: 2, median: 0, scale: (3 / 7) * 1.2533, samples: 7 });
  });
});

describe('profileDeviation', () => {
  const profile = dailyProfile(WEEK);

  it('PROP-2 g: leaves usual days alone, hour by hour', () => {
    for (const day of [7, 8, 9]) {
      for (let h = 0; h < 24; h++) expect(profileDeviation(profile, usualDay(day, h), DEVIATION)).toBeNull();
    }
  });

  it('PROP-2 g: flags an injected rise of three hours above the daily profile with its z-scores', () => {
    // Day 8, 12:00 … 14:00: the usual value + its scatter + 3. Scatter at (8, h) is
    // OFFSETS[(8 + h) % 7]: 12 → 0.75, 13 → −0.75, 14 → −0.5, so z = 3.75 / 0.7413,
    // 2.25 / 0.7413 and 2.5 / 0.7413 (5.06, 3.04, 3.37); 11:00 has scatter 0.5 (z 0.67).
    const recent = [...usualDay(7), ...dayWith(8, 14, { 12: 3, 13: 3, 14: 3 })];
    const advisory = profileDeviation(profile, recent, DEVIATION);
    expect(advisory).toMatchObject({
      condition: 'profile_deviation',
      direction: 'high',
      startMs: LOCAL_DAY_0 + 8 * DAY + 12 * HOUR,
      endMs: LOCAL_DAY_0 + 8 * DAY + 14 * HOUR,
    });
    expect(advisory!.points.map((p) => p.expected)).toEqual([usual(12), usual(13), usual(14)]);
    expect(advisory!.points.map((p) => p.scale)).toEqual([SCALE, SCALE, SCALE]);
    [3.75, 2.25, 2.5].forEach((deviation, i) => expect(advisory!.points[i]!.z).toBeCloseTo(deviation / SCALE, 12));
    expect(advisory!.maxAbsZ).toBeCloseTo(3.75 / SCALE, 12);
  });

  it('PROP-2 g: waits for the third deviating hour and clears once the value is usual again', () => {
    const shifts = { 12: 3, 13: 3, 14: 3 };
    expect(profileDeviation(profile, dayWith(8, 13, shifts), DEVIATION)).toBeNull();
    expect(profileDeviation(profile, dayWith(8, 14, shifts), DEVIATION)).not.toBeNull();
    expect(profileDeviation(profile, dayWith(8, 15, shifts), DEVIATION)).toBeNull();
  });

  it('PROP-2 g: flags a fall below the profile as low', () => {
    // 13:00 … 16:00 at −3: scatter −0.75, −0.5, −0.25, 0 → z = −3.75, −3.5, −3.25, −3 over
    // 0.7413 (−5.06, −4.72, −4.38, −4.05): a run of four; 12:00 has scatter 0.75 (z 1.01).
    const advisory = profileDeviation(profile, dayWith(8, 16, { 13: -3, 14: -3, 15: -3, 16: -3 }), DEVIATION);
    expect(advisory).toMatchObject({ direction: 'low', startMs: LOCAL_DAY_0 + 8 * DAY + 13 * HOUR });
    expect(advisory!.points).toHaveLength(4);
    expect(advisory!.maxAbsZ).toBeCloseTo(3.75 / SCALE, 12);
  });

  it('PROP-2 g: does not join deviations on both sides, across a gap or across an unknown hour', () => {
    expect(profileDeviation(profile, dayWith(8, 14, { 12: 3, 13: -3, 14: 3 }), DEVIATION)).toBeNull();
    const withoutThirteen = dayWith(8, 14, { 12: 3, 13: 3, 14: 3 }).filter((_, h) => h !== 13);
    expect(profileDeviation(profile, withoutThirteen, { ...DEVIATION, minConsecutive: 2 })).toBeNull();
    const unknownThirteen: DailyProfile = { hours: profile.hours.map((hour, h) => (h === 13 ? null : hour)) };
    expect(profileDeviation(unknownThirteen, dayWith(8, 14, { 12: 3, 13: 3, 14: 3 }), { ...DEVIATION, minConsecutive: 2 })).toBeNull();
  });

  it('PROP-2 g: judges a value that never varied only against the least spread given', () => {
    // A week of 0 at every hour: spread 0. Three hours at 0.5 cannot be judged; with a least
    // spread of 0.1 they are z = 5 each.
    const flat = dailyProfile(Array.from({ length: 7 * 24 }, (_, i) => hourly(Math.floor(i / 24), i % 24, 0)));
    const recent = [10, 11, 12].map((h) => hourly(8, h, 0.5));
    expect(profileDeviation(flat, recent, DEVIATION)).toBeNull();
    const advisory = profileDeviation(flat, recent, { ...DEVIATION, minScale: 0.1 });
    expect(advisory!.points.map((p) => p.z)).toEqual([5, 5, 5]);
  });

  it('PROP-2 g: refuses options out of range', () => {
    expect(() => profileDeviation(profile, [], { zThreshold: 0, minConsecutive: 3 })).toThrow(RangeError);
    expect(() => profileDeviation(profile, [], { zThreshold: 3, minConsecutive: 0 })).toThrow(RangeError);
    expect(() => profileDeviation(profile, [], { zThreshold: 3, minConsecutive: 3, minScale: -1 })).toThrow(RangeError);
  });
});
